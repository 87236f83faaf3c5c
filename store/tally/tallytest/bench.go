package tallytest

import (
	"context"
	"fmt"
	"testing"

	"shuangyong/store"
	"shuangyong/store/demo/demofile"
)

// Benchmark sizes (SPEC.md §7): a county's records.
const (
	BenchPeople = 100_000
	BenchEvents = 1_000_000
	// BenchYear is the last full year of the demo file (its data ends on 2026-11-29).
	BenchYear = 2025
)

// skipOnFatal turns the Fatal of demofile.Path into a skip: a benchmark without its data
// file says why and moves on.
type skipOnFatal struct{ testing.TB }

type fatal string

func (s skipOnFatal) Fatal(args ...any)                 { panic(fatal(fmt.Sprint(args...))) }
func (s skipOnFatal) Fatalf(format string, args ...any) { panic(fatal(fmt.Sprintf(format, args...))) }

// DemoFile returns the cached county-sized demo ledger (made with store/demo the first
// time, which takes a minute or two), or skips the benchmark when it cannot be made.
func DemoFile(b *testing.B) (path string) {
	b.Helper()
	func() {
		defer func() {
			if r := recover(); r != nil {
				msg, ok := r.(fatal)
				if !ok {
					panic(r)
				}
				b.Skipf("no demo file of %d people and %d events and visits: %s", BenchPeople, BenchEvents, msg)
			}
		}()
		path = demofile.Path(skipOnFatal{b}, BenchPeople, BenchEvents)
	}()
	return path
}

// OpenDemo opens the demo ledger for reading.
func OpenDemo(b *testing.B) *store.Store {
	b.Helper()
	path := DemoFile(b)
	s, err := store.Open(context.Background(), path, store.Options{})
	if err != nil {
		b.Skipf("cannot open the demo file %s: %v", path, err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}
