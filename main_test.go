package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// cmd runs the command line in-process and returns the exit status and both outputs.
func cmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestVersionAndUnknownCommand(t *testing.T) {
	if code, out, _ := cmd(t, "version"); code != 0 || !strings.Contains(out, "shuangyong") {
		t.Errorf("version: %d %q", code, out)
	}
	code, _, errOut := cmd(t, "bogus")
	if code == 0 || !strings.Contains(errOut, "未知命令") || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
		t.Errorf("unknown command: %d %q (want one clear line)", code, errOut)
	}
	if code, _, errOut := cmd(t, "--lang", "en", "bogus"); code == 0 || !strings.Contains(errOut, "unknown command") {
		t.Errorf("--lang en: %d %q", code, errOut)
	}
}

func TestDemoCheckExportBackup(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "台账.db")
	code, out, errOut := cmd(t, "demo", "--db", db, "--people", "300", "--events", "2000", "--seed", "7")
	if code != 0 || !strings.Contains(out, "300 人") {
		t.Fatalf("demo: %d %q %q", code, out, errOut)
	}
	if code, _, errOut := cmd(t, "demo", "--db", db); code == 0 || !strings.Contains(errOut, "已有记录") {
		t.Errorf("demo into a filled file: %d %q", code, errOut)
	}
	code, out, _ = cmd(t, "--db", db, "check")
	if code != 0 || !strings.Contains(out, "检查通过") || !strings.Contains(out, "在用 300") {
		t.Errorf("check: %d %q", code, out)
	}

	xlsx := filepath.Join(dir, "统计.xlsx")
	year := "2026"
	if code, out, errOut := cmd(t, "export", "--db", db, "--year", year, "-o", xlsx); code != 0 {
		t.Fatalf("export: %d %q %q", code, out, errOut)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	if len(f.GetSheetList()) < 3 {
		t.Errorf("sheets %v", f.GetSheetList())
	}
	f.Close()
	if code, _, errOut := cmd(t, "export", "--db", db, "-o", xlsx); code == 0 || !strings.Contains(errOut, "--year") {
		t.Errorf("export without a year: %d %q", code, errOut)
	}
	if code, _, errOut := cmd(t, "export", "--db", db, "--year", year, "--format", "pdf", "-o", xlsx); code == 0 || !strings.Contains(errOut, "pdf") {
		t.Errorf("export to pdf: %d %q", code, errOut)
	}

	code, out, _ = cmd(t, "backup", "--db", db)
	if code != 0 || !strings.Contains(out, filepath.Join(dir, "backups")) {
		t.Fatalf("backup: %d %q", code, out)
	}
	backup := strings.TrimSpace(out[strings.Index(out, filepath.Join(dir, "backups")):])
	if code, out, errOut := cmd(t, "restore", "--db", db, backup); code != 0 {
		t.Errorf("restore: %d %q %q", code, out, errOut)
	}

	// A damaged copy: check fails with one line naming the file, and leaves it as it was.
	bad := filepath.Join(dir, "坏.db")
	raw, _ := os.ReadFile(db)
	for i := len(raw) / 2; i < len(raw)/2+16384 && i < len(raw); i++ {
		raw[i] = 0xAB
	}
	os.WriteFile(bad, raw, 0o644)
	code, _, errOut = cmd(t, "check", "--db", bad)
	if code == 0 || !strings.Contains(errOut, bad) {
		t.Errorf("check of a damaged copy: %d %q", code, errOut)
	}
	if after, _ := os.ReadFile(bad); !bytes.Equal(after, raw) {
		t.Error("check wrote to the damaged file")
	}
}

func TestNotALedger(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(path, []byte("一些笔记，不是数据库。 some notes, not a database"), 0o644)
	code, _, errOut := cmd(t, "check", "--db", path)
	if code == 0 || !strings.Contains(errOut, "不是双拥台账的数据文件") {
		t.Errorf("check of a text file: %d %q", code, errOut)
	}
}
