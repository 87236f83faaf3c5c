//go:build !windows

package store_test

import (
	"bytes"
	"database/sql"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"shuangyong/store"
)

// asReader runs the helper so that it cannot write dir: as another user when the tests
// run as root (whom permissions do not stop), else with the folder made read-only.
func asReader(t *testing.T, dir string, env ...string) string {
	t.Helper()
	bin := os.Args[0]
	var cmd *exec.Cmd
	if os.Getuid() == 0 {
		// The other user needs to reach the binary and the folder.
		pub, err := os.MkdirTemp("", "sy-ro-")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.RemoveAll(pub) })
		os.Chmod(pub, 0o755)
		bin = filepath.Join(pub, "store.test")
		in, _ := os.Open(os.Args[0])
		out, _ := os.OpenFile(bin, os.O_CREATE|os.O_WRONLY, 0o755)
		io.Copy(out, in)
		in.Close()
		out.Close()
		cmd = exec.Command(bin, "-test.run=^TestSafetyHelper$")
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		cmd.Dir = pub
	} else {
		os.Chmod(dir, 0o555)
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
		cmd = exec.Command(bin, "-test.run=^TestSafetyHelper$")
	}
	cmd.Env = append(os.Environ(), env...)
	out, _ := cmd.CombinedOutput()
	return string(out)
}

func TestReadOnlyFolderOpensReadOnly(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix permissions")
	}
	base, err := os.MkdirTemp("", "sy-rodir-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(base)
	os.Chmod(base, 0o755)
	dir := filepath.Join(base, "ro")
	os.Mkdir(dir, 0o755)
	path := filepath.Join(dir, "ledger.db")
	ledger(t, path, 30)
	os.Chmod(path, 0o644) // readable, as on a CD or a colleague's share
	before := read(t, path)
	out := asReader(t, dir, "SAFETY_HELPER=readonly", "SAFETY_PATH="+path)
	for _, want := range []string{"people 30 <nil>", fmt.Sprintf("readonly kind %d", store.ErrReadOnly),
		fmt.Sprintf("write kind %d", store.ErrReadOnly), "tally <nil>", "check ok true <nil>"} {
		if !strings.Contains(out, want) {
			t.Errorf("read-only folder: want %q in\n%s", want, out)
		}
	}
	if !bytes.Equal(read(t, path), before) {
		t.Error("the read-only file changed")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files left in the read-only folder: %v", entries)
	}
}

// A read-only file of an older version cannot be upgraded where it is: the program says
// to copy it somewhere writable, and writes nothing (it used to open it and fail on the
// first query that needs a newer column).
func TestReadOnlyOlderFileSaysCopyIt(t *testing.T) {
	base, err := os.MkdirTemp("", "sy-roold-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(base)
	os.Chmod(base, 0o755)
	dir := filepath.Join(base, "ro")
	os.Mkdir(dir, 0o755)
	path := filepath.Join(dir, "ledger.db")
	ledger(t, path, 3)
	setVersion(t, path, 1)
	os.Chmod(path, 0o644)
	before := read(t, path)
	out := asReader(t, dir, "SAFETY_HELPER=readonly-old", "SAFETY_PATH="+path)
	if want := fmt.Sprintf("open-error kind %d", store.ErrReadOnlyOld); !strings.Contains(out, want) {
		t.Errorf("want %q in\n%s", want, out)
	}
	if !bytes.Equal(read(t, path), before) {
		t.Error("the read-only file changed")
	}
}

// setVersion sets a closed ledger's schema version (an older program's file).
func setVersion(t *testing.T, path string, v int) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(fmt.Sprintf("PRAGMA user_version = %d", v)); err != nil {
		t.Fatal(err)
	}
}
