package store

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// CheckReport is what `shuangyong check` prints: whether the file is sound, and how many
// records of each kind it holds.
type CheckReport struct {
	OK            bool
	Problems      []string // integrity_check and foreign_key_check findings
	SchemaVersion int
	JournalMode   string
	Counts        []Count
}

// Count is the number of live and trashed rows of one kind.
type Count struct {
	Entity  string
	Live    int64
	Trashed int64
}

// Check runs SQLite's full integrity check and a foreign-key check, and counts records.
// It can take seconds on a large file; the program runs it on demand, not at every open.
func (s *Store) Check(ctx context.Context) (CheckReport, error) {
	var r CheckReport
	rows, err := s.db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return r, s.classify(err)
	}
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			rows.Close()
			return r, s.classify(err)
		}
		if line != "ok" {
			r.Problems = append(r.Problems, line)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return r, s.classify(err)
	}
	fk, err := s.db.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return r, s.classify(err)
	}
	for fk.Next() {
		var table, parent string
		var rowid sql.NullInt64
		var fkid int
		if err := fk.Scan(&table, &rowid, &parent, &fkid); err != nil {
			fk.Close()
			return r, err
		}
		r.Problems = append(r.Problems, "foreign key: "+table+" → "+parent)
	}
	fk.Close()
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&r.SchemaVersion); err != nil {
		return r, s.classify(err)
	}
	if r.JournalMode, err = s.JournalMode(ctx); err != nil {
		return r, s.classify(err)
	}
	for _, t := range []string{EntPerson, EntHousehold, EntUnit, EntPairing, EntEvent, EntVisit, EntVillage} {
		c := Count{Entity: t}
		if err := s.db.QueryRowContext(ctx, "SELECT count(*) FILTER (WHERE deleted_at = ''), count(*) FILTER (WHERE deleted_at <> '') FROM "+t).
			Scan(&c.Live, &c.Trashed); err != nil {
			return r, s.classify(err)
		}
		r.Counts = append(r.Counts, c)
	}
	var hist int64
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM history").Scan(&hist); err != nil {
		return r, s.classify(err)
	}
	r.Counts = append(r.Counts, Count{Entity: "history", Live: hist})
	r.OK = len(r.Problems) == 0
	return r, nil
}

// QuickCheck runs SQLite's quick_check (about half a second warm on a 100 MB file); the
// TUI runs it in the background after the first screen and stops writes if it fails.
func (s *Store) QuickCheck(ctx context.Context) error {
	var line string
	// On a snapshot (snapshot.go) when there can be one: searches do not wait for it.
	err := s.withSnapshot(ctx, func(db *sql.DB) error {
		return db.QueryRowContext(ctx, "PRAGMA quick_check(1)").Scan(&line)
	})
	if err != nil {
		return s.classify(err)
	}
	s.ShrinkCache(ctx)
	if line != "ok" {
		return &Error{Kind: ErrDamaged, Path: s.path, Err: errors.New(line)}
	}
	return nil
}

// BackupDir is where backups of the file at path go: backups/ beside it.
func BackupDir(path string) string { return filepath.Join(filepath.Dir(path), "backups") }

// Backup writes a consistent, compacted copy of the live file into dir (BackupDir when
// ""), named after the file and the time, through a temporary name checked with
// quick_check before it is renamed. It returns the backup's path.
func (s *Store) Backup(ctx context.Context, dir string) (string, error) {
	if dir == "" {
		dir = BackupDir(s.path)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	base := strings.TrimSuffix(filepath.Base(s.path), filepath.Ext(s.path))
	final := filepath.Join(dir, base+"-"+s.Now().Format("20060102-150405")+".db")
	tmp := final + ".tmp"
	os.Remove(tmp)
	err := s.withSnapshot(ctx, func(db *sql.DB) error { // searches do not wait for it
		_, err := db.ExecContext(ctx, "VACUUM INTO ?", tmp)
		return err
	})
	if err != nil {
		os.Remove(tmp)
		if ctx.Err() != nil {
			return "", ctx.Err()
		}
		return "", s.classify(err)
	}
	s.ShrinkCache(ctx)
	if err := verifyCopy(ctx, tmp); err != nil {
		os.Remove(tmp)
		return "", err
	}
	if err := os.Rename(tmp, final); err != nil {
		os.Remove(tmp)
		return "", err
	}
	return final, nil
}

// verifyCopy opens a copy read-only and runs quick_check on it.
func verifyCopy(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(path)+"?mode=ro")
	if err != nil {
		return err
	}
	defer db.Close()
	var line string
	if err := db.QueryRowContext(ctx, "PRAGMA quick_check(1)").Scan(&line); err != nil {
		if ctx.Err() != nil {
			return ctx.Err() // cancelled, not damaged
		}
		return &Error{Kind: ErrDamaged, Path: path, Err: err}
	}
	if line != "ok" {
		return &Error{Kind: ErrDamaged, Path: path, Err: errors.New(line)}
	}
	return nil
}

// Backups lists the backups of the file at path, newest first.
func Backups(path string) ([]string, error) {
	dir := BackupDir(path)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)) + "-"
	var out []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasPrefix(e.Name(), base) && strings.HasSuffix(e.Name(), ".db") {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	sort.Sort(sort.Reverse(sort.StringSlice(out)))
	return out, nil
}

// NewestGoodBackup returns the newest backup of path that passes quick_check, or "".
func NewestGoodBackup(ctx context.Context, path string) string {
	list, _ := Backups(path)
	for _, b := range list {
		if verifyCopy(ctx, b) == nil {
			return b
		}
	}
	return ""
}

// AutoBackup makes the day's backup if there is none yet, and prunes old ones: every
// backup of the last 14 days is kept, and before that the newest of each month.
func (s *Store) AutoBackup(ctx context.Context) (string, error) {
	list, err := Backups(s.path)
	if err != nil {
		return "", err
	}
	base := strings.TrimSuffix(filepath.Base(s.path), filepath.Ext(s.path)) + "-"
	today := s.Now().Format("20060102")
	made := ""
	if len(list) == 0 || !strings.HasPrefix(filepath.Base(list[0]), base+today) {
		if made, err = s.Backup(ctx, ""); err != nil {
			return "", err
		}
		list = append([]string{made}, list...)
	}
	cutoff := s.Now().AddDate(0, 0, -14).Format("20060102")
	monthsKept := map[string]bool{}
	for _, b := range list { // newest first
		stamp := strings.TrimPrefix(filepath.Base(b), base)
		if len(stamp) < 8 {
			continue
		}
		day := stamp[:8]
		if _, err := time.Parse("20060102", day); err != nil {
			continue
		}
		if day >= cutoff {
			continue
		}
		if !monthsKept[day[:6]] {
			monthsKept[day[:6]] = true
			continue
		}
		os.Remove(b)
	}
	return made, nil
}
