// Package store keeps the ledger in one SQLite file through the pure-Go driver: opening
// and checking it, migrations, every read and write, the change history and trash, the
// people search index and backups. Every write is one transaction that also writes the
// change history.
package store

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// Store is an open ledger file.
type Store struct {
	db   *sql.DB
	path string

	// Now returns the current time; tests replace it to fix dates.
	Now func() time.Time

	mu       sync.Mutex
	operator string
	readOnly error // why nothing may be written (ErrReadOnly, ErrDamaged), or nil
	ledgerID string
	stamped  bool // the ledger id and the time of opening are written (see stampIdentity)
	// sessionStart is the newest change in the file when it was opened: Undo reverses
	// only what this run changed, never an earlier day's work.
	sessionStart int64

	// backupMu lets one backup at a time choose its name and write it: the start's
	// automatic backup and a Ctrl+B in the same second must not take the same file.
	backupMu sync.Mutex

	people *peopleIndex
	snaps  snapshots           // read-only connections onto the frozen file, for long reads (snapshot.go)
	tables map[string][]string // entity → its columns, for history snapshots
	duties dutyCache           // the duty lists, kept until the ledger changes (duties.go)
}

// Options tune Open.
type Options struct {
	// Operator is the name written into the change history.
	Operator string
	// CacheKiB sets SQLite's page cache; 0 means DefaultCacheKiB. Bulk loads pass more.
	CacheKiB int
	// JournalMode forces "WAL" or "DELETE"; "" chooses by where the file lives (WAL on a
	// local disk, the rollback journal on network shares and removable drives).
	JournalMode string
	// ReadOnly opens for inspection only (`check`): no migration, no write of any kind, so
	// a damaged file is never written to.
	ReadOnly bool
	// MustExist refuses a missing or empty file instead of making it a new ledger: only
	// the program itself and `demo` create one; a mistyped --db must not.
	MustExist bool
	// Verify says how much of the file Open proves sound before anything writes to it.
	Verify Verify
	// Upgrading, when set, is called once before Open checks a file of an older version
	// whole and upgrades it: seconds on a county-sized ledger, so that the caller can say
	// why the screen is still empty.
	Upgrading func()
}

// Verify is how much of the file Open checks before the first write.
type Verify int

const (
	// VerifyFirstScreen checks the header, that the file is a ledger of a version this
	// program knows, and the tables the first screen and the first write touch (settings,
	// villages): fast enough for every start; the program checks the whole file in the
	// background afterwards (QuickCheck).
	VerifyFirstScreen Verify = iota
	// VerifyFull runs quick_check over the whole file: commands that report from it or
	// copy it (export, backup), where a damaged file must not yield figures or copies.
	VerifyFull
	// VerifySchema checks only the header and the schema: `check`, which runs the full
	// integrity check itself and reports what it finds.
	VerifySchema
)

// DefaultCacheKiB is SQLite's page cache unless Options say otherwise: 2 MiB. At county
// scale a bigger cache buys nothing measurable — the tally, the export and the people
// search ran as fast with 4 or 8 MiB as with 32 (or 128: the system's file cache is right
// behind it), and the search and the first screen as fast with 2 as with 4 (2026-11-30:
// 0.9 / 1.2 ms, 10.9 / 12.4 ms median) — while every cached page is resident memory
// (SPEC.md §7: ≤ 100 MB while browsing; 96 MB after typing with 2 MiB, 101–102 with 4)
// and costs time at close, when the transpiled allocator frees the pages one by one
// (~0.7 s for a full 32 MiB).
const DefaultCacheKiB = 2 * 1024

const sqliteHeader = "SQLite format 3\x00"

// ledgerAppID marks a file as a ledger in SQLite's header (PRAGMA application_id,
// "SYTZ"), written when a ledger is made and on the first writable open of an older one,
// so that another program's database is told apart before anything is written.
const ledgerAppID = 0x5359545A

// keyLedgerID is the settings row holding the ledger's own id, a random value written
// once: backups carry it, so that pruning and "newest good backup" never take a
// look-alike ledger's backups (r-20250101.db beside r.db) for this one's.
const keyLedgerID = "ledger_id"

// Open opens the ledger at path (creating it when missing, unless MustExist) and takes
// the file for this process alone. Nothing is written before the file is proven a sound
// ledger of a version this program knows: it is opened with writes switched off, checked
// (header, application id and schema, quick_check as Verify says), and only then is its
// journal switched, a migration applied or a setting written. A file this process may not
// write — on read-only media, in a read-only folder — opens read-only (ReadOnly reports
// it) instead of failing.
func Open(ctx context.Context, path string, opt Options) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, &Error{Kind: ErrBadPath, Path: path, Err: err}
	}
	// The driver cuts a plain path at the first '?', and '#' confuses URI parsing.
	if strings.ContainsAny(abs, "?#") {
		return nil, &Error{Kind: ErrBadPath, Path: abs, Err: errors.New("path contains ? or #")}
	}
	mustExist := opt.MustExist || opt.ReadOnly
	_, statErr := os.Stat(abs)
	created := errors.Is(statErr, fs.ErrNotExist)
	fresh, err := prepareFile(abs, mustExist)
	if err != nil {
		return nil, notLedgerOrDamaged(err, abs)
	}
	// A file this process may write is opened for writing even by `check` (with writes
	// switched off), so that SQLite can finish what a killed run left in the journal.
	mayWrite := canWrite(abs, filepath.Dir(abs))
	writable := !opt.ReadOnly && mayWrite
	cache := opt.CacheKiB
	if cache <= 0 {
		cache = DefaultCacheKiB
	}
	// locking_mode(EXCLUSIVE) keeps the file for this process (a second window gets a clear
	// message instead of a lost update) and, set before the first access, means WAL never
	// creates a shared-memory file. journal_mode is set afterwards on the connection: in the
	// DSN the driver would sort it before locking_mode.
	pragmas := "_pragma=busy_timeout(2000)&_pragma=foreign_keys(1)&_pragma=synchronous(FULL)&_pragma=cache_size(" +
		fmt.Sprint(-cache) + ")&_txlock=immediate"
	var dsn string
	switch {
	case mayWrite:
		dsn = abs + "?" + pragmas + "&_pragma=locking_mode(EXCLUSIVE)"
		if opt.ReadOnly {
			dsn += "&_pragma=query_only(1)"
		}
	default:
		dsn, err = readOnlyDSN(abs, pragmas)
		if err != nil {
			return nil, err
		}
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, &Error{Kind: ErrBadPath, Path: abs, Err: err}
	}
	db.SetMaxOpenConns(1)
	_, shmErr := os.Stat(abs + "-shm")
	s := &Store{db: db, path: abs, Now: time.Now, operator: opt.Operator}
	if err := s.open(ctx, opt, writable, mayWrite, fresh); err != nil {
		db.Close()
		if shmErr != nil {
			// SQLite falls back to a shared-memory file when it cannot set up WAL (a full
			// disk): one this failed open made is nobody's.
			os.Remove(abs + "-shm")
		}
		if created { // nothing of value: the file this call made, still without a ledger
			os.Remove(abs)
		}
		return nil, notLedgerOrDamaged(err, abs)
	}
	return s, nil
}

// prepareFile applies one rule to missing and empty files everywhere: a missing file, or
// an empty one with no backups beside it, is a new ledger where one may be created and
// ErrMissing/ErrEmpty elsewhere; an empty file that has backups was a ledger until
// something truncated it, so it is reported as damaged, with its newest good backup. It
// reports whether the file is to become a new ledger.
func prepareFile(abs string, mustExist bool) (fresh bool, err error) {
	st, err := os.Stat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if mustExist {
			if _, derr := os.Stat(filepath.Dir(abs)); derr != nil {
				return false, &Error{Kind: ErrNoFolder, Path: filepath.Dir(abs), Err: derr}
			}
			return false, &Error{Kind: ErrMissing, Path: abs, Err: err}
		}
		return true, createFile(abs)
	case err != nil:
		return false, Classify(err, abs)
	case st.IsDir():
		return false, &Error{Kind: ErrIsFolder, Path: abs}
	case st.Size() == 0:
		if list, _ := Backups(abs); len(list) > 0 {
			return false, &Error{Kind: ErrDamaged, Path: abs, Err: errors.New("the file is empty (0 bytes)")}
		}
		if mustExist {
			return false, &Error{Kind: ErrEmpty, Path: abs}
		}
		return true, nil
	}
	return false, checkHeader(abs)
}

// createFile makes the new data file readable by its owner only (SQLite would make it
// 0644, and gives its journal the data file's mode), in a folder made 0700, and makes the
// new name durable.
func createFile(abs string) error {
	dir := filepath.Dir(abs)
	if err := mkdirPrivate(dir); err != nil {
		return Classify(err, abs)
	}
	f, err := os.OpenFile(abs, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return Classify(err, abs)
	}
	if err := f.Close(); err != nil {
		return Classify(err, abs)
	}
	return syncDir(dir)
}

// mkdirPrivate makes dir and any missing parents, each readable by the owner only; an
// existing folder is left as it is (it may be the user's Documents).
func mkdirPrivate(dir string) error {
	if _, err := os.Stat(dir); err == nil {
		return nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	return syncDir(filepath.Dir(dir))
}

// readOnlyDSN opens a file this process may not write. A WAL-mode file needs either a
// shared-memory file or an exclusive lock, and neither can be had there; if it was closed
// cleanly (no WAL content left) it is read as immutable, which needs neither. A file
// with uncommitted recovery work cannot be read without writing.
func readOnlyDSN(abs, pragmas string) (string, error) {
	uri := "file:" + uriPath(abs) + "?mode=ro&" + pragmas
	head := make([]byte, 20)
	if f, err := os.Open(abs); err == nil {
		io.ReadFull(f, head)
		f.Close()
	}
	if head[18] == 2 { // WAL
		if st, err := os.Stat(abs + "-wal"); err == nil && st.Size() > 0 {
			return "", &Error{Kind: ErrReadOnly, Path: abs, Err: errors.New("WAL file needs recovery")}
		}
		return uri + "&immutable=1", nil
	}
	return uri + "&_pragma=locking_mode(EXCLUSIVE)", nil
}

// uriPath writes a file path for a file: URI: forward slashes, and the characters URIs
// give a meaning to escaped ('?' and '#' are refused before).
func uriPath(p string) string {
	p = filepath.ToSlash(p)
	p = strings.ReplaceAll(p, "%", "%25")
	if filepath.VolumeName(p) != "" && !strings.HasPrefix(p, "/") {
		p = "/" + p // file:/C:/… on Windows
	}
	return p
}

func (s *Store) open(ctx context.Context, opt Options, writable, mayWrite, fresh bool) error {
	if writable && !opt.ReadOnly {
		// Checked with writes switched off; the flag lives on this one connection.
		if _, err := s.db.ExecContext(ctx, "PRAGMA query_only=1"); err != nil {
			return s.classify(err)
		}
	}
	isNew, err := s.verify(ctx, opt.Verify, fresh || !opt.MustExist)
	if err != nil {
		return err
	}
	if !writable || opt.ReadOnly {
		if isNew {
			return &Error{Kind: ErrEmpty, Path: s.path}
		}
		// A file of an older version is read by this program's queries only once it is
		// upgraded, which writes: read-only, it cannot be used as it is.
		var version int
		if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
			return s.classify(err)
		}
		if version < SchemaVersion() && !opt.ReadOnly { // check inspects any version
			return &Error{Kind: ErrReadOnlyOld, Path: s.path}
		}
		if !mayWrite {
			s.readOnly = &Error{Kind: ErrReadOnly, Path: s.path}
		} else {
			s.readOnly = &Error{Kind: ErrReadOnly, Path: s.path, Err: errors.New("opened for inspection")}
		}
		return s.afterOpen(ctx)
	}
	if _, err := s.db.ExecContext(ctx, "PRAGMA query_only=0"); err != nil {
		return s.classify(err)
	}
	return s.init(ctx, opt, isNew)
}

// verify proves the file a ledger this program can use, reading only. It reports an
// empty SQLite file (what a new, or never-filled, ledger is) as new when allowNew.
func (s *Store) verify(ctx context.Context, level Verify, allowNew bool) (isNew bool, err error) {
	isNew, err = verifyLedger(ctx, s.db, s.path, level, allowNew)
	if err == nil && level == VerifyFull {
		s.ShrinkCache(ctx)
	}
	return isNew, err
}

func verifyLedger(ctx context.Context, q querier, path string, level Verify, allowNew bool) (isNew bool, err error) {
	var appID, version, objects, history int
	if err := q.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return false, Classify(err, path)
	}
	if err := q.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return false, Classify(err, path)
	}
	if appID != 0 && appID != ledgerAppID {
		return false, &Error{Kind: ErrNotDatabase, Path: path, Err: fmt.Errorf("application id %#x", appID)}
	}
	if err := q.QueryRowContext(ctx, "SELECT count(*), count(*) FILTER (WHERE name = 'history') FROM sqlite_master").
		Scan(&objects, &history); err != nil {
		return false, Classify(err, path)
	}
	switch {
	case version > SchemaVersion() && (history > 0 || appID == ledgerAppID):
		return false, &Error{Kind: ErrTooNew, Path: path, Err: fmt.Errorf("schema version %d", version)}
	case version == 0 && objects == 0:
		if !allowNew {
			return false, &Error{Kind: ErrEmpty, Path: path}
		}
		return true, nil
	case version == 0 || history == 0:
		return false, &Error{Kind: ErrNotDatabase, Path: path,
			Err: fmt.Errorf("SQLite file with %d objects and no ledger schema (user_version %d)", objects, version)}
	}
	var checks []string
	switch level {
	case VerifyFull:
		checks = []string{"PRAGMA quick_check(1)"}
	case VerifyFirstScreen:
		checks = []string{"PRAGMA quick_check(settings)", "PRAGMA quick_check(villages)"}
	}
	for _, c := range checks {
		var line string
		if err := q.QueryRowContext(ctx, c).Scan(&line); err != nil {
			return false, Classify(err, path)
		}
		if line != "ok" {
			return false, &Error{Kind: ErrDamaged, Path: path, Err: errors.New(line)}
		}
	}
	return false, nil
}

// notLedgerOrDamaged: a file that is not SQLite at all but has backups of a ledger of
// that name beside it was that ledger (its header was overwritten); it is reported as
// damaged, so that the message names the backup to restore.
func notLedgerOrDamaged(err error, path string) error {
	var se *Error
	if errors.As(err, &se) && se.Kind == ErrNotDatabase && errors.Is(err, errNoHeader) {
		if list, _ := Backups(path); len(list) > 0 {
			return &Error{Kind: ErrDamaged, Path: se.Path, Err: se.Err}
		}
	}
	return err
}

func (s *Store) init(ctx context.Context, opt Options, isNew bool) error {
	mode := opt.JournalMode
	if mode == "" {
		mode = "WAL"
		if onSharedOrRemovable(s.path) {
			mode = "DELETE"
		}
	}
	var got string
	if err := s.db.QueryRowContext(ctx, "PRAGMA journal_mode="+mode).Scan(&got); err != nil {
		return s.classify(err)
	}
	var version int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return s.classify(err)
	}
	proven := isNew || opt.Verify == VerifyFull
	if version < SchemaVersion() && !proven {
		// A migration rewrites tables: the whole file is proven sound first.
		if opt.Upgrading != nil {
			opt.Upgrading()
		}
		if _, err := s.verify(ctx, VerifyFull, false); err != nil {
			return err
		}
		proven = true
	}
	if err := migrate(ctx, s.db, s.path); err != nil {
		return s.classify(err)
	}
	// Take the exclusive lock now, without writing (in rollback-journal mode the first
	// read only took a shared one), so that a second process is turned away at its open.
	if err := s.lock(ctx); err != nil {
		return err
	}
	if proven {
		if err := s.stampIdentity(ctx); err != nil {
			return s.classify(err)
		}
	} // else QuickCheck stamps it once the whole file is proven sound
	if isNew {
		if err := syncDir(filepath.Dir(s.path)); err != nil {
			return s.classify(err)
		}
	}
	// Holding the file now, no other run of the program can be writing these.
	removeStaleTemps(s.path)
	keepPrivate(s.path)
	return s.afterOpen(ctx)
}

// lock takes SQLite's exclusive lock, which locking_mode=EXCLUSIVE then keeps until
// Close. An empty write transaction takes it without changing a byte of the file.
func (s *Store) lock(ctx context.Context) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return s.classify(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN EXCLUSIVE"); err != nil {
		return s.classify(err)
	}
	if _, err := conn.ExecContext(ctx, "COMMIT"); err != nil {
		return s.classify(err)
	}
	return nil
}

// stampIdentity writes the time of opening, the application id and, once, the ledger's
// own id (which tells its backups from those of a look-alike ledger), in one transaction.
// It is written only into a file proven sound: at once for a new ledger or after a full
// check, else by the first QuickCheck that passes.
func (s *Store) stampIdentity(ctx context.Context) error {
	s.mu.Lock()
	done := s.stamped
	s.mu.Unlock()
	if done || s.ReadOnly() != nil {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `INSERT INTO settings(key, value) VALUES('last_opened_at', ?)
		ON CONFLICT(key) DO UPDATE SET value = excluded.value`, s.now()); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO settings(key, value) VALUES('ledger_id', ?)
		ON CONFLICT(key) DO NOTHING`, newLedgerID()); err != nil {
		return err
	}
	var appID int
	if err := tx.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return err
	}
	if appID != ledgerAppID {
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", ledgerAppID)); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	id, err := s.setting(ctx, s.db, keyLedgerID)
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.stamped, s.ledgerID = true, id
	s.mu.Unlock()
	return nil
}

func newLedgerID() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// afterOpen reads what every store needs, writable or not.
func (s *Store) afterOpen(ctx context.Context) error {
	if err := s.db.QueryRowContext(ctx, "SELECT coalesce(max(change_id), 0) FROM history").Scan(&s.sessionStart); err != nil {
		return s.classify(err)
	}
	id, err := s.setting(ctx, s.db, keyLedgerID)
	if err != nil {
		return s.classify(err)
	}
	s.ledgerID = id
	if err := s.loadColumns(ctx); err != nil {
		return s.classify(err)
	}
	s.people = newPeopleIndex()
	return nil
}

// classify turns driver errors into the store's kinds.
func (s *Store) classify(err error) error {
	return Classify(err, s.path)
}

var errNoHeader = errors.New("no SQLite header")

// checkHeader refuses a file that is not SQLite before the driver could write to it.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return Classify(err, path)
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head, []byte(sqliteHeader)) {
		return &Error{Kind: ErrNotDatabase, Path: path, Err: errNoHeader}
	}
	return nil
}

// Close flushes and closes the file. Closing the last connection checkpoints the WAL, so
// the .db file is complete on its own afterwards.
func (s *Store) Close() error {
	if s == nil || s.db == nil {
		return nil
	}
	s.snaps.closeAndWait()        // a checkpoint at close would write the file under a snapshot's reader
	os.Remove(scratchDir(s.path)) // empty after every finished export; a killed one's is removed at the next open
	if s.ReadOnly() == nil {
		// optimize may write statistics: never into a damaged or read-only file.
		_, _ = s.db.Exec("PRAGMA optimize")
	}
	return s.db.Close()
}

// ReadOnly reports why nothing may be written to the file — ErrReadOnly for a file or
// folder this process may not write (or a store opened for inspection), ErrDamaged once
// QuickCheck found damage — or nil. The program shows it as a banner; every write is
// refused with it.
func (s *Store) ReadOnly() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.readOnly
}

func (s *Store) setReadOnly(err error) {
	s.mu.Lock()
	if s.readOnly == nil {
		s.readOnly = err
	}
	s.mu.Unlock()
}

// LedgerID is the ledger's own id, kept in the file and in every backup of it ("" for an
// older file not yet proven sound, or opened read-only).
func (s *Store) LedgerID() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ledgerID
}

// Path is the absolute path of the database file.
func (s *Store) Path() string { return s.path }

// JournalMode reports the journal mode in use ("wal" or "delete").
func (s *Store) JournalMode(ctx context.Context) (string, error) {
	var m string
	err := s.db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&m)
	return m, err
}

// SetOperator sets the name written into the change history from now on.
func (s *Store) SetOperator(name string) {
	s.mu.Lock()
	s.operator = name
	s.mu.Unlock()
}

// Operator is the name written into the change history.
func (s *Store) Operator() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.operator
}

func (s *Store) now() string { return s.Now().Format("2006-01-02 15:04:05") }

// Today is the current date in ISO form.
func (s *Store) Today() string { return s.Now().Format("2006-01-02") }

// ReadTx runs fn in a read transaction: a consistent snapshot for reports and exports.
// It reads a snapshot of the file when there can be one (snapshot.go), so that searches
// and saves do not wait for it.
func (s *Store) ReadTx(ctx context.Context, fn func(*sql.Tx) error) error {
	return s.withSnapshot(ctx, func(db *sql.DB) error { return s.readTxOn(ctx, db, fn) })
}

// DB exposes the handle to sub-packages that read (reports, exports, bulk loading).
// Writes of records must go through the store's methods, which keep the history.
func (s *Store) DB() *sql.DB { return s.db }
