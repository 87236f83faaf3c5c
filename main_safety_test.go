package main

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"shuangyong/store"
	"shuangyong/ui"
)

// demoFile makes a ledger of demo data with the demo command.
func demoFile(t *testing.T, path string) {
	t.Helper()
	if code, _, errOut := cmd(t, "demo", "--db", path, "--people", "200", "--events", "600"); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
}

// noRawText fails when a message carries the English of SQLite, Go or the flag package.
func noRawText(t *testing.T, what, msg string) {
	t.Helper()
	for _, raw := range []string{"flag", "invalid value", "database", "no such file", "readonly", "permission denied",
		"出错了", "意外错误", ".tmp", "(1", "(8", "error:"} {
		if strings.Contains(msg, raw) {
			t.Errorf("%s: raw text %q in %q", what, raw, msg)
		}
	}
	if strings.Count(strings.TrimSpace(msg), "\n") != 0 {
		t.Errorf("%s: not one line: %q", what, msg)
	}
}

func TestNoCommandCreatesALedgerItWasNotAskedFor(t *testing.T) {
	dir := t.TempDir()
	typo := filepath.Join(dir, "台帐.db")
	out := filepath.Join(dir, "out.xlsx")
	for _, args := range [][]string{
		{"export", "--db", typo, "--year", "2026", "-o", out},
		{"check", "--db", typo},
		{"backup", "--db", typo},
	} {
		code, _, errOut := cmd(t, args...)
		if code == 0 || !strings.Contains(errOut, "找不到文件") {
			t.Errorf("%v: %d %q", args, code, errOut)
		}
		noRawText(t, args[0], errOut)
	}
	if _, err := os.Stat(typo); err == nil {
		t.Error("a mistyped --db made a ledger")
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("an export of nothing was written")
	}
	if code, _, errOut := cmd(t, "check", "--db", dir); code == 0 || !strings.Contains(errOut, "是一个文件夹") {
		t.Errorf("check of a folder: %d %q", code, errOut)
	}
	// A refused demo leaves nothing behind either.
	demoDB := filepath.Join(dir, "demo.db")
	if code, _, errOut := cmd(t, "demo", "--db", demoDB, "--people", "-5"); code == 0 || !strings.Contains(errOut, "-5") {
		t.Errorf("demo --people -5: %d %q", code, errOut)
	}
	if _, err := os.Stat(demoDB); err == nil {
		t.Error("a refused demo left an empty ledger")
	}
}

func TestFlagErrorsInChinese(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"export", "--db"}, "参数 -db 后面缺少内容"},
		{[]string{"export", "--year", "abc", "-o", "x.xlsx"}, "年份「abc」不对"},
		{[]string{"check", "--bogus"}, "没有参数 -bogus"},
		{[]string{"--lang", "fr", "check"}, "不支持的语言「fr」"},
	} {
		code, _, errOut := cmd(t, c.args...)
		if code == 0 || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: %d %q, want %q", c.args, code, errOut, c.want)
		}
		noRawText(t, strings.Join(c.args, " "), errOut)
	}
}

func TestDemoProgressOnlyOnATerminal(t *testing.T) {
	code, _, errOut := cmd(t, "demo", "--db", filepath.Join(t.TempDir(), "d.db"), "--people", "100")
	if code != 0 || strings.Contains(errOut, "\r") {
		t.Errorf("demo into a pipe: %d %q", code, errOut)
	}
}

func TestDamagedAndForeignFilesUnchangedByCheckAndExport(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.db")
	demoFile(t, good)
	raw, _ := os.ReadFile(good)
	flipped := filepath.Join(dir, "flipped.db")
	bad := append([]byte(nil), raw...)
	for i := len(bad) / 2; i < len(bad)/2+16384; i++ {
		bad[i] = 0xAB
	}
	os.WriteFile(flipped, bad, 0o600)
	other := filepath.Join(dir, "other.db")
	db, _ := sql.Open("sqlite", other)
	db.Exec("CREATE TABLE notes(body TEXT); INSERT INTO notes VALUES ('笔记')")
	db.Close()

	for _, path := range []string{flipped, other} {
		before, _ := os.ReadFile(path)
		out := filepath.Join(dir, "out-"+filepath.Base(path)+".xlsx")
		for _, args := range [][]string{
			{"export", "--db", path, "--year", "2026", "-o", out},
			{"check", "--db", path},
			{"backup", "--db", path},
		} {
			code, _, errOut := cmd(t, args...)
			if code == 0 {
				t.Errorf("%v succeeded on a bad file", args)
			}
			noRawText(t, strings.Join(args[:1], " "), errOut)
		}
		if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
			t.Errorf("%s was written to", filepath.Base(path))
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("figures were exported from %s", filepath.Base(path))
		}
	}
}

func TestRestoreMessages(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "r.db")
	demoFile(t, db)
	before, _ := os.ReadFile(db)
	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o600)
	for _, c := range []struct{ backup, want string }{
		{empty, "它是空文件"},
		{filepath.Join(dir, "missing.db"), "找不到这个文件"},
		{db, "就是数据文件本身"},
	} {
		code, _, errOut := cmd(t, "restore", "--db", db, c.backup)
		if code == 0 || !strings.Contains(errOut, c.want) || !strings.Contains(errOut, "数据文件没有任何改动") {
			t.Errorf("restore from %s: %d %q", filepath.Base(c.backup), code, errOut)
		}
		noRawText(t, "restore", errOut)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(after, before) {
		t.Error("a refused restore changed the ledger")
	}
}

func TestExportIntoAMissingFolder(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "e.db")
	demoFile(t, db)
	missing := filepath.Join(dir, "nodir")
	code, _, errOut := cmd(t, "export", "--db", db, "--year", "2026", "-o", filepath.Join(missing, "x.xlsx"))
	if code == 0 || !strings.Contains(errOut, "文件夹 "+missing+" 不存在") {
		t.Errorf("export into a missing folder: %d %q", code, errOut)
	}
	noRawText(t, "export", errOut)
}

// TestMainHelper is the other process of these tests: it holds a ledger open as the
// program would, or runs the command line as another user.
func TestMainHelper(t *testing.T) {
	switch os.Getenv("MAIN_HELPER") {
	case "":
		t.Skip("only run as a child process")
	case "hold":
		s, err := store.Open(context.Background(), os.Getenv("MAIN_DB"), store.Options{})
		if err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		fmt.Println("opened")
		bufio.NewReader(os.Stdin).ReadString('\n')
		s.Close()
	case "run":
		var out, errOut bytes.Buffer
		code := run(context.Background(), strings.Split(os.Getenv("MAIN_ARGS"), "\x1f"), &out, &errOut)
		fmt.Printf("code %d\nstdout %s\nstderr %s\n", code, out.String(), errOut.String())
	}
	os.Exit(0)
}

func TestBusyFileSaysHowFromInsideTheProgram(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "busy.db")
	demoFile(t, db)
	child := exec.Command(os.Args[0], "-test.run=^TestMainHelper$")
	child.Env = append(os.Environ(), "MAIN_HELPER=hold", "MAIN_DB="+db)
	stdin, _ := child.StdinPipe()
	stdout, _ := child.StdoutPipe()
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { stdin.Close(); child.Wait() }()
	if line, _ := bufio.NewReader(stdout).ReadString('\n'); strings.TrimSpace(line) != "opened" {
		t.Fatalf("child: %q", line)
	}
	code, _, errOut := cmd(t, "backup", "--db", db)
	if code == 0 || !strings.Contains(errOut, "请在程序里备份") {
		t.Errorf("backup while the program is open: %d %q", code, errOut)
	}
	code, _, errOut = cmd(t, "export", "--db", db, "--year", "2026", "-o", filepath.Join(dir, "x.xlsx"))
	if code == 0 || !strings.Contains(errOut, "按 F6 导出") {
		t.Errorf("export while the program is open: %d %q", code, errOut)
	}
}

func TestExportToStandardOutputAndPrivateFiles(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "o.db")
	demoFile(t, db)
	code, out, errOut := cmd(t, "export", "--db", db, "--year", "2026", "-o", "-")
	if code != 0 || !strings.Contains(out, "走访") || strings.Contains(out, "已导出") {
		t.Errorf("text to standard output: %d %q %q", code, out, errOut)
	}
	code, out, _ = cmd(t, "export", "--db", db, "--year", "2026", "--format", "csv", "-o", "-")
	if code != 0 || !strings.HasPrefix(out, "\ufeff") || strings.Count(out, "\r\n") < 2 {
		t.Errorf("CSV to standard output: %d %q", code, out)
	}
	code, _, errOut = cmd(t, "export", "--db", db, "--year", "2026", "--format", "xlsx", "-o", "-")
	if code == 0 || !strings.Contains(errOut, "不能输出到屏幕") {
		t.Errorf("xlsx to standard output: %d %q", code, errOut)
	}
	if runtime.GOOS == "windows" {
		return
	}
	// An internal export written over a public file's 0644 becomes 0600; a killed
	// export's temporary file is removed.
	xlsx := filepath.Join(dir, "out.xlsx")
	os.WriteFile(xlsx, []byte("old public export"), 0o644)
	os.Chmod(xlsx, 0o644)
	stale := filepath.Join(dir, ".out.xlsx.3318477308.tmp")
	os.WriteFile(stale, []byte("half a roster"), 0o600)
	if code, _, errOut := cmd(t, "export", "--db", db, "--year", "2026", "-o", xlsx); code != 0 {
		t.Fatalf("export: %q", errOut)
	}
	if st, _ := os.Stat(xlsx); st.Mode().Perm() != 0o600 {
		t.Errorf("internal export over a public file: %v", st.Mode().Perm())
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("a killed export's temporary file was left")
	}
}

func TestExportOntoAFolder(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "f.db")
	demoFile(t, db)
	code, _, errOut := cmd(t, "export", "--db", db, "--year", "2026", "--format", "xlsx", "-o", dir)
	if code == 0 || !strings.Contains(errOut, "是一个文件夹") {
		t.Errorf("export onto a folder: %d %q", code, errOut)
	}
	noRawText(t, "export onto a folder", errOut)
}

// The program started where its screen cannot be drawn (output into a file or a pipe, a
// scheduled task) says where to run it, in one line, and makes no ledger.
func TestNoTerminalIsExplainedAndMakesNoLedger(t *testing.T) {
	db := filepath.Join(t.TempDir(), "台账.db")
	code, out, errOut := cmd(t, "--db", db)
	if code == 0 || out != "" || !strings.Contains(errOut, "命令行窗口") {
		t.Fatalf("exit %d, out %q, err %q", code, out, errOut)
	}
	noRawText(t, "no terminal", errOut)
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("a ledger was made where no one could see it: %v", err)
	}
}

func TestNoTerminalFromBubbleTeaIsRecognised(t *testing.T) {
	err := fmt.Errorf("could not open a new TTY: %w", &fs.PathError{Op: "open", Path: "/dev/tty", Err: syscall.ENXIO})
	if !ui.IsNoTerminal(err) {
		t.Error("Bubble Tea's failure to open /dev/tty not recognised")
	}
	if ui.IsNoTerminal(&fs.PathError{Op: "open", Path: "/tmp/x.db", Err: syscall.ENOENT}) {
		t.Error("any missing file taken for a missing terminal")
	}
}
