package store_test

// Tests of SPEC.md §8's "nothing lost, nothing leaked" points, on real files and with
// real second processes, as an unlucky user would meet them.

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/store/demo"
	"shuangyong/store/tally"
)

var today = time.Date(2026, 11, 29, 10, 0, 0, 0, time.Local)

// ledger makes a closed ledger of demo data at path.
func ledger(t testing.TB, path string, people int) {
	t.Helper()
	s, err := store.Open(context.Background(), path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Generate(context.Background(), s, demo.Options{People: people, Events: people * 3, Seed: 3, Today: today}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

func read(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// flipMiddle damages pages in the middle of the file, where the people are, not the
// header or the settings.
func flipMiddle(t testing.TB, path string) []byte {
	raw := read(t, path)
	for i := len(raw) / 2; i < len(raw)/2+16384 && i < len(raw); i++ {
		raw[i] = 0xAB
	}
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	return raw
}

// foreign makes another program's SQLite database.
func foreign(t testing.TB, path string, userVersion int) []byte {
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(fmt.Sprintf(`CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT);
		INSERT INTO notes(body) VALUES ('另一个程序的笔记'); PRAGMA user_version = %d`, userVersion)); err != nil {
		t.Fatal(err)
	}
	db.Close()
	return read(t, path)
}

func people(t testing.TB, path string) int {
	t.Helper()
	s, err := store.Open(context.Background(), path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer s.Close()
	page, err := s.SearchPeople(context.Background(), store.PeopleQuery{})
	if err != nil {
		t.Fatal(err)
	}
	return page.Total
}

func TestDamagedOrForeignFileIsNeverWritten(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	good := filepath.Join(dir, "good.db")
	ledger(t, good, 400)

	flipped := filepath.Join(dir, "flipped.db")
	os.WriteFile(flipped, read(t, good), 0o600)
	flipMiddle(t, flipped)
	other := filepath.Join(dir, "other.db")
	foreign(t, other, 0)
	otherV2 := filepath.Join(dir, "other2.db")
	foreign(t, otherV2, 2)
	text := filepath.Join(dir, "notes.db")
	os.WriteFile(text, []byte("一些笔记 some notes"), 0o600)
	newer := filepath.Join(dir, "newer.db")
	os.WriteFile(newer, read(t, good), 0o600)
	db, _ := sql.Open("sqlite", newer)
	db.Exec("PRAGMA user_version = 99")
	db.Close()

	cases := []struct {
		path string
		want store.ErrorKind
	}{
		{flipped, store.ErrDamaged}, {other, store.ErrNotDatabase}, {otherV2, store.ErrNotDatabase},
		{text, store.ErrNotDatabase}, {newer, store.ErrTooNew},
	}
	for _, c := range cases {
		before := read(t, c.path)
		// export and backup: the whole file is checked before anything.
		if _, err := store.Open(ctx, c.path, store.Options{Verify: store.VerifyFull, MustExist: true}); store.KindOf(err) != c.want {
			t.Errorf("%s, full check: %v, want kind %d", filepath.Base(c.path), err, c.want)
		}
		// check
		if s, err := store.Open(ctx, c.path, store.Options{ReadOnly: true}); err == nil {
			if r, err := s.Check(ctx); err == nil && r.OK {
				t.Errorf("%s: check passed", filepath.Base(c.path))
			}
			s.Close()
		}
		// the program: the first screen opens at once, the background check finds the
		// damage, and nothing is written then or at close.
		s, err := store.Open(ctx, c.path, store.Options{})
		if err == nil {
			if err := s.QuickCheck(ctx); store.KindOf(err) != store.ErrDamaged {
				t.Errorf("%s: quick check %v", filepath.Base(c.path), err)
			}
			if store.KindOf(s.ReadOnly()) != store.ErrDamaged {
				t.Errorf("%s: not read-only after the damage was found", filepath.Base(c.path))
			}
			p := model.Person{Name: "张三"}
			if err := s.CreatePerson(ctx, &p); store.KindOf(err) != store.ErrDamaged {
				t.Errorf("%s: a write to a damaged file: %v", filepath.Base(c.path), err)
			}
			if made, err := s.AutoBackup(ctx); made != "" || err != nil {
				t.Errorf("%s: a damaged file backed up: %q %v", filepath.Base(c.path), made, err)
			}
			s.Close()
		} else if store.KindOf(err) != c.want {
			t.Errorf("%s: open %v, want kind %d", filepath.Base(c.path), err, c.want)
		}
		if !bytes.Equal(read(t, c.path), before) {
			t.Errorf("%s was written to", filepath.Base(c.path))
		}
		for _, ext := range []string{"-wal", "-journal", "-shm"} {
			if _, err := os.Stat(c.path + ext); err == nil {
				t.Errorf("%s left %s behind", filepath.Base(c.path), ext)
			}
		}
	}
}

func TestMissingEmptyAndFolder(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	missing := filepath.Join(dir, "typo.db")
	for _, opt := range []store.Options{{MustExist: true}, {ReadOnly: true}} {
		if _, err := store.Open(ctx, missing, opt); store.KindOf(err) != store.ErrMissing {
			t.Errorf("missing file %+v: %v", opt, err)
		}
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("a ledger was created where none was asked for")
	}
	if _, err := store.Open(ctx, filepath.Join(dir, "no", "such", "x.db"), store.Options{MustExist: true}); store.KindOf(err) != store.ErrNoFolder {
		t.Errorf("missing folder: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "no")); err == nil {
		t.Error("a folder was created where none was asked for")
	}
	if _, err := store.Open(ctx, dir, store.Options{ReadOnly: true}); store.KindOf(err) != store.ErrIsFolder {
		t.Errorf("a folder: %v", err)
	}

	// One rule for an empty file: a new ledger where one may be made, "empty" elsewhere,
	// and damaged wherever the ledger's backups show it was a ledger once.
	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o600)
	for _, opt := range []store.Options{{MustExist: true}, {ReadOnly: true}} {
		if _, err := store.Open(ctx, empty, opt); store.KindOf(err) != store.ErrEmpty {
			t.Errorf("empty file %+v: %v", opt, err)
		}
	}
	if st, _ := os.Stat(empty); st.Size() != 0 {
		t.Error("the empty file was written to")
	}
	s, err := store.Open(ctx, empty, store.Options{})
	if err != nil {
		t.Fatalf("the program on an empty file: %v", err)
	}
	if _, err := s.Backup(ctx, ""); err != nil {
		t.Fatal(err)
	}
	s.Close()
	os.Truncate(empty, 0) // a failed copy truncates the ledger
	for _, opt := range []store.Options{{}, {MustExist: true}, {ReadOnly: true}} {
		if _, err := store.Open(ctx, empty, opt); store.KindOf(err) != store.ErrDamaged {
			t.Errorf("truncated ledger with backups %+v: %v", opt, err)
		}
	}
	if got := store.NewestGoodBackup(ctx, empty); got == "" {
		t.Error("no backup named for the truncated ledger")
	}
}

// TestRestoreHoldsTheFile: a second process that opens the ledger while restore runs
// waits for it and then works on the restored file; nothing it or anyone committed is
// lost, and the file stays sound.
func TestRestoreHoldsTheFile(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("kills the child with SIGKILL")
	}
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "r.db")
	ledger(t, path, 300)
	s, _ := store.Open(ctx, path, store.Options{Verify: store.VerifyFull})
	backup, err := s.Backup(ctx, filepath.Join(dir, "saved"))
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		p := model.Person{Name: "后加" + string(rune('甲'+i))}
		if err := s.CreatePerson(ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()

	var child *exec.Cmd
	var committed []int64
	var mu sync.Mutex
	done := make(chan struct{})
	store.SetRestoreHeld(func() {
		child = exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
		child.Env = append(os.Environ(), "STORE_HELPER=write", "STORE_PATH="+path)
		out, _ := child.StdoutPipe()
		if err := child.Start(); err != nil {
			t.Error(err)
			return
		}
		go func() {
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				if id, ok := strings.CutPrefix(sc.Text(), "committed "); ok {
					n, _ := strconv.ParseInt(id, 10, 64)
					mu.Lock()
					committed = append(committed, n)
					mu.Unlock()
				} else {
					t.Logf("child: %s", sc.Text())
				}
			}
			close(done)
		}()
		time.Sleep(500 * time.Millisecond) // the child is now waiting for the file
	})
	defer store.SetRestoreHeld(nil)
	kept, err := store.Restore(ctx, path, backup)
	if err != nil {
		t.Fatalf("restore: %v", err)
	}
	// Let the child work on the restored file, then kill it mid-stream.
	deadline := time.Now().Add(10 * time.Second)
	for {
		mu.Lock()
		n := len(committed)
		mu.Unlock()
		if n >= 20 || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	child.Process.Kill()
	child.Wait()
	<-done
	if len(committed) == 0 {
		t.Fatal("the waiting process never got the file after the restore")
	}
	s, err = store.Open(ctx, path, store.Options{Verify: store.VerifyFull})
	if err != nil {
		t.Fatalf("after restore and a killed writer: %v", err)
	}
	defer s.Close()
	for _, id := range committed {
		if _, err := s.Person(ctx, id); err != nil {
			t.Fatalf("committed person %d lost: %v", id, err)
		}
	}
	page, _ := s.SearchPeople(ctx, store.PeopleQuery{})
	// The child may have committed one more person than it lived to print.
	if page.Total != 300+len(committed) && page.Total != 300+len(committed)+1 {
		t.Errorf("%d people, want the backup's 300 and the child's %d", page.Total, len(committed))
	}
	if got := people(t, kept); got != 305 {
		t.Errorf("the kept copy has %d people, want 305", got)
	}
}

func TestRestoreRefusesUnsoundBackups(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "live.db")
	ledger(t, path, 50)
	good := filepath.Join(dir, "good-copy.db")
	os.WriteFile(good, read(t, path), 0o600)

	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o600)
	text := filepath.Join(dir, "text.db")
	os.WriteFile(text, []byte("hello\n"), 0o600)
	other := filepath.Join(dir, "other.db")
	foreign(t, other, 0)
	newer := filepath.Join(dir, "newer.db")
	os.WriteFile(newer, read(t, good), 0o600)
	db, _ := sql.Open("sqlite", newer)
	db.Exec("PRAGMA user_version = 99")
	db.Close()
	big := filepath.Join(dir, "big.db")
	ledger(t, big, 400)
	flipMiddle(t, big)

	before := read(t, path)
	for _, b := range []string{empty, text, other, newer, big, filepath.Join(dir, "missing.db"), dir} {
		_, err := store.Restore(ctx, path, b)
		if store.KindOf(err) != store.ErrBadBackup {
			t.Errorf("restore from %s: %v, want ErrBadBackup", filepath.Base(b), err)
		}
		if !bytes.Equal(read(t, path), before) {
			t.Fatalf("restore from %s changed the live file", filepath.Base(b))
		}
	}
	if list, _ := store.Backups(path); len(list) != 0 {
		t.Errorf("refused restores left backups: %v", list)
	}
}

// TestRestoreOverDamagedLedger: the case restore is for. The damaged file is kept aside
// byte for byte, and the backup is restored.
func TestRestoreOverDamagedLedger(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "m.db")
	ledger(t, path, 400)
	s, _ := store.Open(ctx, path, store.Options{Verify: store.VerifyFull})
	backup, err := s.Backup(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	for name, spoil := range map[string]func(){
		"flipped": func() { flipMiddle(t, path) },
		"header":  func() { raw := read(t, path); copy(raw, make([]byte, 100)); os.WriteFile(path, raw, 0o600) },
		"foreign": func() { os.Remove(path); foreign(t, path, 0) },
		"empty":   func() { os.Truncate(path, 0) },
	} {
		spoil()
		damaged := read(t, path)
		kept, err := store.Restore(ctx, path, backup)
		if err != nil {
			t.Fatalf("%s: restore over the damaged file: %v", name, err)
		}
		if len(damaged) > 0 && (kept == "" || !bytes.Equal(read(t, kept), damaged)) {
			t.Errorf("%s: the damaged file was not kept as it was (%q)", name, kept)
		}
		if got := people(t, path); got != 400 {
			t.Errorf("%s: restored %d people", name, got)
		}
		if kept != "" {
			os.Remove(kept)
		}
	}
}

func TestRestoreWhileTheProgramIsOpen(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "busy.db")
	ledger(t, path, 20)
	s, _ := store.Open(ctx, path, store.Options{})
	b, _ := s.Backup(ctx, "")
	defer s.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^TestSafetyHelper$")
	cmd.Env = append(os.Environ(), "SAFETY_HELPER=restore", "SAFETY_PATH="+path, "SAFETY_BACKUP="+b)
	out, _ := cmd.CombinedOutput()
	if !strings.Contains(string(out), fmt.Sprintf("kind %d", store.ErrInUse)) {
		t.Errorf("restore while the program holds the file: %s", out)
	}
	// The program carries on.
	p := model.Person{Name: "李四"}
	if err := s.CreatePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
}

// TestSafetyHelper is the other process of these tests.
func TestSafetyHelper(t *testing.T) {
	mode := os.Getenv("SAFETY_HELPER")
	if mode == "" {
		t.Skip("only run as a child process")
	}
	ctx := context.Background()
	path := os.Getenv("SAFETY_PATH")
	switch mode {
	case "restore":
		_, err := store.Restore(ctx, path, os.Getenv("SAFETY_BACKUP"))
		fmt.Printf("kind %d %v\n", store.KindOf(err), err)
	case "readonly-old":
		_, err := store.Open(ctx, path, store.Options{MustExist: true})
		fmt.Printf("open-error kind %d\n", store.KindOf(err))
	case "readonly":
		s, err := store.Open(ctx, path, store.Options{MustExist: true, Verify: store.VerifyFull})
		if err != nil {
			fmt.Printf("open-error kind %d %v\n", store.KindOf(err), err)
			break
		}
		page, err := s.SearchPeople(ctx, store.PeopleQuery{})
		fmt.Printf("people %d %v\n", page.Total, err)
		fmt.Printf("readonly kind %d\n", store.KindOf(s.ReadOnly()))
		p := model.Person{Name: "张三"}
		fmt.Printf("write kind %d\n", store.KindOf(s.CreatePerson(ctx, &p)))
		// The tally reads the visits beside the rest where a snapshot allows: a store
		// opened read-only has none, and must not wait for its own connection.
		tctx, cancel := context.WithTimeout(ctx, 20*time.Second)
		_, err = tally.ComputePeriod(tctx, s, model.YearPeriod(2026))
		cancel()
		fmt.Printf("tally %v\n", err)
		s.Close()
		c, err := store.Open(ctx, path, store.Options{ReadOnly: true})
		if err != nil {
			fmt.Printf("check-open-error kind %d %v\n", store.KindOf(err), err)
			break
		}
		r, err := c.Check(ctx)
		fmt.Printf("check ok %v %v\n", r.OK, err)
		c.Close()
	}
	os.Exit(0)
}

// TestPruneOnlyOwnBackups: a second ledger r-20250101.db beside r.db, and a backup of
// another ledger copied in under r's name pattern: neither is counted, pruned or offered.
func TestPruneOnlyOwnBackups(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	r := filepath.Join(dir, "r.db")
	ledger(t, r, 10)
	lookalike := filepath.Join(dir, "r-20250101.db")
	ledger(t, lookalike, 10)
	at := func(path string, when time.Time) string {
		s, err := store.Open(ctx, path, store.Options{Verify: store.VerifyFull})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		s.Now = func() time.Time { return when }
		b, err := s.Backup(ctx, "")
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	rJanEarlier := at(r, time.Date(2025, 1, 1, 9, 0, 0, 0, time.Local)) // pruned: not the month's newest
	rJan := at(r, time.Date(2025, 1, 2, 9, 0, 0, 0, time.Local))
	other := at(lookalike, time.Date(2026, 11, 20, 9, 0, 0, 0, time.Local))
	// Another township's ledger, also called r.db, whose backup was copied in.
	elsewhere := filepath.Join(t.TempDir(), "r.db")
	ledger(t, elsewhere, 10)
	stranger := at(elsewhere, time.Date(2026, 11, 28, 9, 0, 0, 0, time.Local))
	strangerHere := filepath.Join(store.BackupDir(r), filepath.Base(stranger))
	os.WriteFile(strangerHere, read(t, stranger), 0o600)

	s, err := store.Open(ctx, r, store.Options{Verify: store.VerifyFull})
	if err != nil {
		t.Fatal(err)
	}
	s.Now = func() time.Time { return today }
	made, err := s.AutoBackup(ctx)
	if err != nil || made == "" {
		t.Fatalf("auto backup: %q %v", made, err)
	}
	last, _, ok := s.LastBackup(ctx)
	s.Close()
	for _, keep := range []string{rJan, other, strangerHere, made} {
		if _, err := os.Stat(keep); err != nil {
			t.Errorf("%s was deleted", filepath.Base(keep))
		}
	}
	if _, err := os.Stat(rJanEarlier); err == nil {
		t.Errorf("%s was kept: pruning is off", filepath.Base(rJanEarlier))
	}
	list, _ := store.Backups(r)
	for _, b := range list {
		if b == other || b == strangerHere {
			t.Errorf("%s listed as a backup of r.db", filepath.Base(b))
		}
	}
	if !ok || last != made {
		t.Errorf("last backup %q, want %q", last, made)
	}
}

func TestStaleTemporariesAndPrivateFiles(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix modes")
	}
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "data", "shuangyong")
	path := filepath.Join(dir, "p.db")
	s, err := store.Open(ctx, path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.Backup(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	for p, want := range map[string]os.FileMode{dir: 0o700, filepath.Dir(dir): 0o700, path: 0o600,
		store.BackupDir(path): 0o700, b: 0o600} {
		if st, err := os.Stat(p); err != nil || st.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %v", p, st.Mode().Perm(), want)
		}
	}
	// What a killed backup leaves; and an older program's public modes.
	tmp := filepath.Join(store.BackupDir(path), "p-20261129-090000.db.tmp")
	os.WriteFile(tmp, []byte("half a backup"), 0o644)
	os.WriteFile(tmp+"-journal", []byte("x"), 0o644)
	others := filepath.Join(store.BackupDir(path), "p-2-20261129-090000.db.tmp") // another ledger's
	os.WriteFile(others, []byte("x"), 0o644)
	os.Chmod(path, 0o644)
	os.Chmod(store.BackupDir(path), 0o755)
	s, err = store.Open(ctx, path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, gone := range []string{tmp, tmp + "-journal"} {
		if _, err := os.Stat(gone); err == nil {
			t.Errorf("%s was not removed", filepath.Base(gone))
		}
	}
	if _, err := os.Stat(others); err != nil {
		t.Error("another ledger's temporary file was removed")
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("data file stays %v", st.Mode().Perm())
	}
	if st, _ := os.Stat(store.BackupDir(path)); st.Mode().Perm() != 0o700 {
		t.Errorf("backups folder stays %v", st.Mode().Perm())
	}
}

func TestUndoOnlyThisRun(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "u.db")
	s, _ := store.Open(ctx, path, store.Options{Operator: "甲"})
	p := model.Person{Name: "王五"}
	if err := s.CreatePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, _ = store.Open(ctx, path, store.Options{Operator: "乙"})
	defer s.Close()
	if _, err := s.Undo(ctx); store.KindOf(err) != store.ErrNothingToUndo || !errors.Is(err, store.ErrEarlierRun) {
		t.Errorf("undo of an earlier run's change: %v", err)
	}
	q := model.Person{Name: "赵六"}
	if err := s.CreatePerson(ctx, &q); err != nil {
		t.Fatal(err)
	}
	if next, ok, err := s.NextUndo(ctx); err != nil || !ok || next.Action != store.ActInsert || next.Rows != 1 {
		t.Errorf("next undo: %+v %v %v", next, ok, err)
	}
	if _, err := s.Undo(ctx); err != nil {
		t.Errorf("undo of this run's change: %v", err)
	}
	if _, ok, err := s.NextUndo(ctx); ok || err != nil {
		t.Errorf("next undo after undoing this run's only change: %v %v", ok, err)
	}
	if _, err := s.Person(ctx, p.ID); err != nil {
		t.Errorf("the earlier run's person is gone: %v", err)
	}
}

func TestBackupWhileOpenAndRefusedWhenBusy(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "b.db")
	ledger(t, path, 20)
	s, _ := store.Open(ctx, path, store.Options{})
	defer s.Close()
	// The program itself backs up the file it holds.
	b, err := s.Backup(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if got := people(t, b); got != 20 {
		t.Errorf("backup has %d people", got)
	}
	if last, at, ok := s.LastBackup(ctx); !ok || last != b || time.Since(at) > time.Minute {
		t.Errorf("last backup %q %v %v", last, at, ok)
	}
}

// Two backups in one second — Ctrl+B just after the start's automatic one, or from two
// goroutines at once — are two files, neither replacing the other, and a restore's copy
// of the live file made in that same second replaces neither.
func TestBackupsInOneSecondAreKeptApart(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "b.db")
	ledger(t, path, 5)
	s, err := store.Open(ctx, path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	noon := time.Date(2026, 11, 30, 12, 0, 0, 0, time.Local)
	s.Now = func() time.Time { return noon }
	made := make(chan string, 3)
	var wg sync.WaitGroup
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b, err := s.Backup(ctx, "")
			if err != nil {
				t.Error(err)
			}
			made <- b
		}()
	}
	wg.Wait()
	close(made)
	names := map[string]bool{}
	for b := range made {
		names[b] = true
		if got := people(t, b); got != 5 {
			t.Errorf("%s has %d people", b, got)
		}
	}
	if len(names) != 3 {
		t.Errorf("three backups in one second made %d files: %v", len(names), names)
	}
	s.Close()
	list, _ := store.Backups(path)
	if len(list) != 3 {
		t.Fatalf("listed %v", list)
	}
	// The restore runs in the second the first backup is named after (its stamp comes
	// from the clock, here faked by renaming the backups to this second).
	now := time.Now()
	for i, b := range list {
		moved := filepath.Join(filepath.Dir(b), "b-"+now.Add(time.Duration(i)*time.Second).Format("20060102-150405")+".db")
		if err := os.Rename(b, moved); err != nil {
			t.Fatal(err)
		}
	}
	before, _ := store.Backups(path)
	kept, err := store.Restore(ctx, path, before[len(before)-1])
	if err != nil {
		t.Fatal(err)
	}
	after, _ := store.Backups(path)
	if len(after) != len(before)+1 {
		t.Errorf("the restore's copy of the live file replaced a backup: before %v, after %v (kept %s)", before, after, kept)
	}
}

// TestRollbackJournalHeldWithoutWriting: on a network share (rollback journal) the file
// is taken at open by an empty exclusive transaction, not by a write, and still turns a
// second process away.
func TestRollbackJournalHeldWithoutWriting(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "share.db")
	ledger(t, path, 10)
	s, err := store.Open(ctx, path, store.Options{JournalMode: "DELETE", Verify: store.VerifyFull})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	before := read(t, path)
	s, err = store.Open(ctx, path, store.Options{JournalMode: "DELETE"})
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), "STORE_HELPER=hold", "STORE_PATH="+path)
	out, _ := cmd.Output()
	if !strings.HasPrefix(string(out), fmt.Sprintf("open-error %d", store.ErrInUse)) {
		t.Errorf("second process: %q", out)
	}
	s.Close()
	if !bytes.Equal(read(t, path), before) {
		t.Error("opening a checked ledger wrote to it") // only QuickCheck may stamp it
	}
}

// TestCheckAfterAKilledWriter: `check` on a file a killed program left with its WAL
// opens it (SQLite finishes the journal) instead of calling it read-only.
func TestCheckAfterAKilledWriter(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL")
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "killed.db")
	ledger(t, path, 10)
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), "STORE_HELPER=write", "STORE_PATH="+path)
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	for n := 0; n < 5 && sc.Scan(); n++ {
	}
	cmd.Process.Kill()
	cmd.Wait()
	if st, err := os.Stat(path + "-wal"); err != nil || st.Size() == 0 {
		t.Skip("the writer left no WAL")
	}
	s, err := store.Open(ctx, path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("check after a killed writer: %v", err)
	}
	defer s.Close()
	if r, err := s.Check(ctx); err != nil || !r.OK || r.JournalMode != "wal" {
		t.Errorf("check: %+v %v", r, err)
	}
}

// TestZeroedHeaderWithBackupsIsDamaged: a ledger whose first bytes were overwritten is
// still recognised as the ledger (its backups are beside it) and the message can name
// the backup; a stray non-SQLite file without backups is simply not a ledger.
func TestZeroedHeaderWithBackupsIsDamaged(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "z.db")
	ledger(t, path, 20)
	raw := read(t, path)
	copy(raw, make([]byte, 100))
	os.WriteFile(path, raw, 0o600)
	if _, err := store.Open(ctx, path, store.Options{}); store.KindOf(err) != store.ErrNotDatabase {
		t.Errorf("no backups: %v", err)
	}
	ledger(t, filepath.Join(dir, "good.db"), 20)
	os.Mkdir(store.BackupDir(path), 0o700)
	os.WriteFile(filepath.Join(store.BackupDir(path), "z-20261128-090000.db"), read(t, filepath.Join(dir, "good.db")), 0o600)
	if _, err := store.Open(ctx, path, store.Options{}); store.KindOf(err) != store.ErrDamaged {
		t.Errorf("with backups: %v", err)
	}
	if !bytes.Equal(read(t, path), raw) {
		t.Error("the damaged file was written to")
	}
}

// A killed export leaves the spreadsheet library's spill files (personal data) in the
// ledger's scratch folder, not the system's temp folder; the next open removes them, and a
// clean close leaves no folder behind.
func TestKilledExportScratchRemovedAtNextOpen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	ledger(t, path, 3)
	s, err := store.Open(ctx, path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	scratch := s.ScratchDir()
	if scratch == "" || filepath.Dir(scratch) != filepath.Dir(path) {
		t.Fatalf("scratch folder %q", scratch)
	}
	if st, err := os.Stat(scratch); err != nil || (runtime.GOOS != "windows" && st.Mode().Perm() != 0o700) {
		t.Fatalf("scratch folder: %v %v", st, err)
	}
	left := filepath.Join(scratch, "excelize-3318477308")
	if err := os.WriteFile(left, []byte("11010519491231002X"), 0o600); err != nil {
		t.Fatal(err)
	}
	s.Close() // as if killed: the file stays
	if _, err := os.Stat(left); err != nil {
		t.Fatalf("the spill file should survive a close that did not finish the export: %v", err)
	}
	s, err = store.Open(ctx, path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(left); !os.IsNotExist(err) {
		t.Errorf("a killed export's spill file is still there after the next open: %v", err)
	}
	s.ScratchDir()
	s.Close()
	if _, err := os.Stat(scratch); !os.IsNotExist(err) {
		t.Errorf("an empty scratch folder left after close: %v", err)
	}
}
