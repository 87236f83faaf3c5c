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
// TUI runs it in the background after the first screen. A damaged file is made
// read-only for the rest of the run: every later write is refused with the damage.
func (s *Store) QuickCheck(ctx context.Context) error {
	var line string
	// On a snapshot (snapshot.go) when there can be one: searches do not wait for it.
	err := s.withSnapshot(ctx, func(db *sql.DB) error {
		return db.QueryRowContext(ctx, "PRAGMA quick_check(1)").Scan(&line)
	})
	if err != nil {
		err = s.classify(err)
		if KindOf(err) == ErrDamaged {
			s.setReadOnly(err)
		}
		return err
	}
	s.ShrinkCache(ctx)
	if line != "ok" {
		err := &Error{Kind: ErrDamaged, Path: s.path, Err: errors.New(line)}
		s.setReadOnly(err)
		return err
	}
	// Proven sound: what Open held back from an unchecked file can be written now.
	return s.classify(s.stampIdentity(ctx))
}

// BackupDir is where backups of the file at path go: backups/ beside it.
func BackupDir(path string) string { return filepath.Join(filepath.Dir(path), "backups") }

// backupStampLayout is the time in a backup's name: <ledger>-20261130-090000.db.
const backupStampLayout = "20060102-150405"

// backupStamp returns the time part of name if name is exactly a backup of the ledger
// named base ("r-20261130-090000.db" for r.db; not "r-20250101-20261130-090000.db",
// which is a backup of r-20250101.db).
func backupStamp(name, base string) (string, bool) {
	rest, ok := strings.CutPrefix(name, base+"-")
	if !ok {
		return "", false
	}
	stamp, ok := strings.CutSuffix(rest, ".db")
	if !ok || len(stamp) != len(backupStampLayout) {
		return "", false
	}
	if _, err := time.Parse(backupStampLayout, stamp); err != nil {
		return "", false
	}
	return stamp, true
}

// freeBackupName is the path of a new backup in dir of the ledger named base, made at:
// <base>-YYYYMMDD-HHMMSS.db, or the next second not yet taken when a backup of that second
// exists — two backups in one second (Ctrl+B just after the automatic one, a restore's
// copy of the file just after a backup) must not replace each other. A name's time may
// then be a second or two late, which keeps the names in the order the backups were made.
func freeBackupName(dir, base string, at time.Time) string {
	for {
		final := filepath.Join(dir, base+"-"+at.Format(backupStampLayout)+".db")
		if _, err := os.Lstat(final); err != nil { // free (or unreadable: writing it says why)
			return final
		}
		at = at.Add(time.Second)
	}
}

func ledgerBase(path string) string {
	return strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
}

// Backup writes a consistent, compacted copy of the live file into dir (BackupDir when
// ""), named after the file and the time, through a temporary name checked with
// quick_check before it is renamed; the folder is synced after the rename so that the
// backup reported made survives a power cut. It works while the program holds the file
// (it reads through the program's own connection): the way to back up an open ledger.
// It returns the backup's path.
func (s *Store) Backup(ctx context.Context, dir string) (string, error) {
	if dir == "" {
		dir = BackupDir(s.path)
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", Classify(err, dir)
	}
	if err := mkdirPrivate(dir); err != nil {
		return "", Classify(err, dir)
	}
	s.backupMu.Lock()
	defer s.backupMu.Unlock()
	final := freeBackupName(dir, ledgerBase(s.path), s.Now())
	tmp := final + ".tmp"
	err = s.withSnapshot(ctx, func(db *sql.DB) error { return vacuumInto(ctx, db, tmp) }) // searches do not wait for it
	if err != nil {
		removeWithJournals(tmp)
		if ctx.Err() != nil {
			return "", ctx.Err()
		}
		if e := s.classify(err); KindOf(e) == ErrDamaged || KindOf(e) == ErrInUse || KindOf(e) == ErrCancelled {
			return "", e
		}
		return "", Classify(err, final) // the disk full, read-only… is the backup's
	}
	s.ShrinkCache(ctx)
	if err := verifyLedgerFile(ctx, tmp, VerifyFull); err != nil {
		removeWithJournals(tmp)
		return "", err
	}
	if err := os.Rename(tmp, final); err != nil {
		removeWithJournals(tmp)
		return "", Classify(err, final)
	}
	if err := syncDir(dir); err != nil {
		return "", Classify(err, final)
	}
	return final, nil
}

// vacuumInto writes a compacted copy of the database to tmp. The file is made first,
// empty and private, so that even a copy cut short by a kill is readable by its owner
// only (SQLite would create it 0644; into an empty file VACUUM INTO writes as into none).
func vacuumInto(ctx context.Context, q interface {
	ExecContext(context.Context, string, ...any) (sql.Result, error)
}, tmp string) error {
	removeWithJournals(tmp)
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	f.Close()
	_, err = q.ExecContext(ctx, "VACUUM INTO ?", tmp)
	return err
}

func removeWithJournals(p string) {
	for _, ext := range []string{"", "-journal", "-wal", "-shm"} {
		os.Remove(p + ext)
	}
}

// verifyLedgerFile proves a file (a backup, a copy) a sound ledger of a version this
// program knows, reading only: it exists and is not empty, has SQLite's header, our
// application id or schema, and passes quick_check.
func verifyLedgerFile(ctx context.Context, path string, level Verify) error {
	st, err := os.Stat(path)
	switch {
	case err != nil:
		return Classify(err, path)
	case st.IsDir():
		return &Error{Kind: ErrIsFolder, Path: path}
	case st.Size() == 0:
		return &Error{Kind: ErrEmpty, Path: path}
	}
	if err := checkHeader(path); err != nil {
		return err
	}
	dsn, err := readOnlyDSN(path, "_pragma=busy_timeout(2000)")
	if err != nil {
		return err
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return Classify(err, path)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	c := &Store{db: db, path: path}
	_, err = c.verify(ctx, level, false)
	return err
}

// readLedgerID reads the ledger id kept in a file, without writing or locking it; ""
// when the file has none or cannot be read.
func readLedgerID(ctx context.Context, path string) string {
	dsn, err := readOnlyDSN(path, "_pragma=busy_timeout(200)")
	if err != nil {
		return ""
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return ""
	}
	defer db.Close()
	var id string
	db.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", keyLedgerID).Scan(&id)
	return id
}

// Backups lists the backups of the file at path, newest first: files in BackupDir named
// exactly <name>-YYYYMMDD-HHMMSS.db whose ledger id is the file's (a backup made before
// ids were kept, or of a file whose id cannot be read, goes by its name).
func Backups(path string) ([]string, error) {
	return backupsOf(context.Background(), path, readLedgerID(context.Background(), path))
}

func backupsOf(ctx context.Context, path, id string) ([]string, error) {
	dir := BackupDir(path)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, Classify(err, dir)
	}
	base := ledgerBase(path)
	var out []string
	for _, e := range entries {
		if _, ok := backupStamp(e.Name(), base); !ok || !e.Type().IsRegular() {
			continue
		}
		p := filepath.Join(dir, e.Name())
		if id != "" {
			if other := readLedgerID(ctx, p); other != "" && other != id {
				continue // a look-alike ledger's, or another township's
			}
		}
		out = append(out, p)
	}
	sort.Sort(sort.Reverse(sort.StringSlice(out)))
	return out, nil
}

// NewestGoodBackup returns the newest backup of path that passes quick_check, or "".
func NewestGoodBackup(ctx context.Context, path string) string {
	list, _ := Backups(path)
	for _, b := range list {
		if verifyLedgerFile(ctx, b, VerifyFull) == nil {
			return b
		}
	}
	return ""
}

// LastBackup returns the newest backup of this ledger and when it was made (from its
// name), for the status line; ok is false when there is none.
func (s *Store) LastBackup(ctx context.Context) (path string, at time.Time, ok bool) {
	list, err := backupsOf(ctx, s.path, s.LedgerID())
	if err != nil || len(list) == 0 {
		return "", time.Time{}, false
	}
	stamp, _ := backupStamp(filepath.Base(list[0]), ledgerBase(s.path))
	at, err = time.ParseInLocation(backupStampLayout, stamp, time.Local)
	return list[0], at, err == nil
}

// AutoBackup makes the day's backup if there is none yet, and prunes old ones: every
// backup of the last 14 days is kept, and before that the newest of each month. Only
// this ledger's own backups are counted or deleted. A read-only or damaged store makes
// and prunes nothing.
func (s *Store) AutoBackup(ctx context.Context) (string, error) {
	if s.ReadOnly() != nil {
		// A damaged file is not copied over the good backups' turn, nor are they pruned;
		// a read-only one has nowhere beside it to put a backup.
		return "", nil
	}
	list, err := backupsOf(ctx, s.path, s.LedgerID())
	if err != nil {
		return "", err
	}
	base := ledgerBase(s.path)
	today := s.Now().Format("20060102")
	made := ""
	if len(list) == 0 || !strings.HasPrefix(filepath.Base(list[0]), base+"-"+today) {
		if made, err = s.Backup(ctx, ""); err != nil {
			return "", err
		}
		list = append([]string{made}, list...)
	}
	cutoff := s.Now().AddDate(0, 0, -14).Format("20060102")
	monthsKept := map[string]bool{}
	for _, b := range list { // newest first
		stamp, _ := backupStamp(filepath.Base(b), base)
		day := stamp[:8]
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

// removeStaleTemps removes what killed runs left behind for the ledger at path: a
// backup's temporary copy (with its journal), the temporary file of an older program's
// restore, an export's scratch files. Called while the file is held, so no other run is writing them.
func removeStaleTemps(path string) {
	os.Remove(path + ".restore.tmp")
	removeScratch(path)
	dir := BackupDir(path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	base := ledgerBase(path)
	for _, e := range entries {
		name := e.Name()
		i := strings.Index(name, ".db.tmp")
		if i < 0 || !e.Type().IsRegular() {
			continue
		}
		if _, ok := backupStamp(name[:i+3], base); !ok {
			continue
		}
		switch name[i+3:] {
		case ".tmp", ".tmp-journal", ".tmp-wal", ".tmp-shm":
			os.Remove(filepath.Join(dir, name))
		}
	}
}
