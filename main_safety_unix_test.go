//go:build !windows

package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

// TestReadOnlyFolder: check and export work on a ledger someone may only read, and
// write nothing beside it.
func TestReadOnlyFolder(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix permissions")
	}
	pub, err := os.MkdirTemp("", "sy-main-ro-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(pub)
	os.Chmod(pub, 0o777)
	dir := filepath.Join(pub, "ro")
	os.Mkdir(dir, 0o755)
	db := filepath.Join(dir, "ledger.db")
	demoFile(t, db)
	os.Chmod(db, 0o644)
	before, _ := os.ReadFile(db)
	outDir := filepath.Join(pub, "out")
	os.Mkdir(outDir, 0o777)
	os.Chmod(outDir, 0o777)

	runAs := func(args ...string) string {
		bin := os.Args[0]
		var c *exec.Cmd
		if os.Getuid() == 0 { // root passes every permission check: run as nobody
			bin = filepath.Join(pub, "main.test")
			in, _ := os.Open(os.Args[0])
			out, _ := os.OpenFile(bin, os.O_CREATE|os.O_WRONLY, 0o755)
			io.Copy(out, in)
			in.Close()
			out.Close()
			c = exec.Command(bin, "-test.run=^TestMainHelper$")
			c.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
			c.Dir = pub
		} else {
			os.Chmod(dir, 0o555)
			defer os.Chmod(dir, 0o755)
			c = exec.Command(bin, "-test.run=^TestMainHelper$")
		}
		c.Env = append(os.Environ(), "MAIN_HELPER=run", "MAIN_ARGS="+strings.Join(args, "\x1f"), "HOME="+pub)
		out, _ := c.CombinedOutput()
		return string(out)
	}
	if out := runAs("check", "--db", db); !strings.Contains(out, "code 0") || !strings.Contains(out, "检查通过") {
		t.Errorf("check in a read-only folder:\n%s", out)
	}
	xlsx := filepath.Join(outDir, "统计.xlsx")
	if out := runAs("export", "--db", db, "--year", "2026", "-o", xlsx); !strings.Contains(out, "code 0") {
		t.Errorf("export from a read-only folder:\n%s", out)
	}
	if _, err := os.Stat(xlsx); err != nil {
		t.Error("no workbook exported")
	}
	if out := runAs("backup", "--db", db); !strings.Contains(out, "code 1") || !strings.Contains(out, "没有权限使用") {
		t.Errorf("backup into a read-only folder:\n%s", out)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(after, before) {
		t.Error("the read-only ledger changed")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files left in the read-only folder: %v", entries)
	}
}
