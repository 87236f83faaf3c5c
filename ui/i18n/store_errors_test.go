package i18n

import (
	"context"
	"database/sql"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"shuangyong/model"
	"shuangyong/store"
)

// rawText are pieces of SQLite's and Go's English that must never reach a user.
var rawText = []string{"database", "disk I/O", "no space", "readonly", "permission denied", "no such file", ".tmp", "出错了", "意外错误", "(13)", "(8)"}

func plain(t *testing.T, what, msg, want string) {
	t.Helper()
	if !strings.Contains(msg, want) {
		t.Errorf("%s: %q, want %q", what, msg, want)
	}
	for _, raw := range rawText {
		if strings.Contains(msg, raw) {
			t.Errorf("%s: raw %q in %q", what, raw, msg)
		}
	}
}

// TestFullDiskInPlainChinese fills a real ledger until SQLite reports the disk full (a
// size limit on the file, as a full disk is to SQLite) and reads the message.
func TestFullDiskInPlainChinese(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "full.db")
	s, err := store.Open(ctx, path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var pages int
	s.DB().QueryRow("PRAGMA page_count").Scan(&pages)
	s.DB().Exec("PRAGMA max_page_count = " + strconv.Itoa(pages+2))
	var werr error
	for i := 0; i < 2000 && werr == nil; i++ {
		p := model.Person{Name: "王" + string(rune('一'+i%500)), Address: strings.Repeat("某村某组", 20)}
		werr = s.CreatePerson(ctx, &p)
	}
	if store.KindOf(werr) != store.ErrDiskFull {
		t.Fatalf("writing into a full file: %v", werr)
	}
	plain(t, "full disk", Error(ctx, model.Zh, werr), "磁盘空间不足")
}

func TestReadOnlyFileInPlainChinese(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ro.db")
	db, _ := sql.Open("sqlite", path)
	db.Exec("CREATE TABLE t(x)")
	db.Close()
	ro, _ := sql.Open("sqlite", "file:"+path+"?mode=ro")
	defer ro.Close()
	_, err := ro.Exec("INSERT INTO t VALUES (1)")
	if err == nil {
		t.Fatal("a read-only connection wrote")
	}
	plain(t, "read-only", Error(context.Background(), model.Zh, store.Classify(err, path)), "是只读的")
}

func TestSystemErrorsInPlainChinese(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	tmp := filepath.Join(dir, ".out.xlsx.2269400189.tmp")
	cases := []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "write", Path: tmp, Err: syscall.ENOSPC}, "磁盘空间不足（" + filepath.Join(dir, "out.xlsx")},
		{&fs.PathError{Op: "open", Path: filepath.Join(dir, "nodir", ".x.xlsx.1.tmp"), Err: syscall.ENOENT}, "文件夹 " + filepath.Join(dir, "nodir") + " 不存在"},
		{&fs.PathError{Op: "open", Path: tmp, Err: syscall.EACCES}, "没有权限使用 " + filepath.Join(dir, "out.xlsx")},
		{&fs.PathError{Op: "write", Path: tmp, Err: syscall.EIO}, "磁盘出错"},
		{&os.LinkError{Op: "rename", Old: tmp, New: filepath.Join(dir, "out.xlsx"), Err: syscall.EROFS}, "是只读的"},
		{context.Canceled, "已中断"},
	}
	for _, c := range cases {
		plain(t, c.err.Error(), Error(ctx, model.Zh, c.err), c.want)
	}
}

// Every kind of store error has its own sentence: none falls through to 「意外错误」 with
// the driver's English.
func TestEveryStoreErrorKindHasASentence(t *testing.T) {
	for k := store.ErrInUse; k <= store.ErrReadOnlyOld; k++ {
		msg := Error(context.Background(), model.Zh, &store.Error{Kind: k, Path: `D:\台账\双拥.db`})
		if strings.HasPrefix(msg, "意外错误") || msg == "" {
			t.Errorf("kind %d: %q", k, msg)
		}
	}
}
