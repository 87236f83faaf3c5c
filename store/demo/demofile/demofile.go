// Package demofile gives benchmarks a demo ledger of a given size, made once with
// store/demo and kept under the system's temporary folder, so that the slow generation of a
// county-sized file (100 000 people, 1 000 000 events and visits) is paid once per machine
// rather than once per benchmark run.
package demofile

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"shuangyong/store"
	"shuangyong/store/demo"
)

// Today is the fixed end date of benchmark data, so cached files stay comparable.
var Today = time.Date(2026, 11, 29, 12, 0, 0, 0, time.Local)

// Path returns a demo file with the given sizes (seed 1), generating it when missing. The
// caller must not write to it: copy it first (Copy) if the benchmark writes.
func Path(tb testing.TB, people, events int) string {
	tb.Helper()
	dir := filepath.Join(os.TempDir(), "shuangyong-bench")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(dir, fmt.Sprintf("demo-p%d-e%d-s1-%s-v%d-d%d.db", people, events, Today.Format("20060102"),
		store.SchemaVersion(), demo.DataVersion))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	tmp := path + ".making"
	os.Remove(tmp)
	os.Remove(tmp + "-wal")
	ctx := context.Background()
	s, err := store.Open(ctx, tmp, store.Options{CacheKiB: 256 * 1024})
	if err != nil {
		tb.Fatal(err)
	}
	start := time.Now()
	if _, err := demo.Generate(ctx, s, demo.Options{People: people, Events: events, Seed: 1, Today: Today}); err != nil {
		s.Close()
		tb.Fatalf("demo data: %v", err)
	}
	if err := s.Close(); err != nil {
		tb.Fatal(err)
	}
	tb.Logf("made %s in %.1f s", filepath.Base(path), time.Since(start).Seconds())
	if err := os.Rename(tmp, path); err != nil {
		tb.Fatal(err)
	}
	return path
}
