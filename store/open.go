// Package store keeps the ledger in one SQLite file through the pure-Go driver: opening
// and checking it, migrations, every read and write, the change history and trash, the
// people search index and backups. Every write is one transaction that also writes the
// change history.
package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Store is an open ledger file.
type Store struct {
	db   *sql.DB
	path string

	// Now returns the current time; tests replace it to fix dates.
	Now func() time.Time

	mu       sync.Mutex
	operator string

	people *peopleIndex
	snaps  snapshots           // read-only connections onto the frozen file, for long reads (snapshot.go)
	tables map[string][]string // entity → its columns, for history snapshots
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
}

// DefaultCacheKiB is SQLite's page cache unless Options say otherwise: 4 MiB. At county
// scale a bigger cache buys nothing measurable — the tally, the export and the people
// search ran as fast with 4 or 8 MiB as with 32 (or 128: the system's file cache is right
// behind it) — while every cached page is resident memory (SPEC.md §7: ≤ 100 MB while
// browsing) and costs time at close, when the transpiled allocator frees the pages one by
// one (~0.7 s for a full 32 MiB).
const DefaultCacheKiB = 4 * 1024

const sqliteHeader = "SQLite format 3\x00"

// Open opens (creating when missing) the ledger at path, checks that it is a ledger the
// program can use, applies pending migrations and takes the file for this process alone.
func Open(ctx context.Context, path string, opt Options) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, &Error{Kind: ErrBadPath, Path: path, Err: err}
	}
	// The driver cuts a plain path at the first '?', and '#' confuses URI parsing.
	if strings.ContainsAny(abs, "?#") {
		return nil, &Error{Kind: ErrBadPath, Path: abs, Err: errors.New("path contains ? or #")}
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return nil, &Error{Kind: ErrBadPath, Path: abs, Err: err}
	}
	if err := checkHeader(abs); err != nil {
		return nil, err
	}
	cache := opt.CacheKiB
	if cache <= 0 {
		cache = DefaultCacheKiB
	}
	// locking_mode(EXCLUSIVE) keeps the file for this process (a second window gets a clear
	// message instead of a lost update) and, set before the first access, means WAL never
	// creates a shared-memory file. journal_mode is set afterwards on the connection: in the
	// DSN the driver would sort it before locking_mode.
	dsn := abs + "?_pragma=busy_timeout(2000)&_pragma=foreign_keys(1)&_pragma=locking_mode(EXCLUSIVE)" +
		"&_pragma=synchronous(FULL)&_pragma=cache_size(" + fmt.Sprint(-cache) + ")&_txlock=immediate"
	if opt.ReadOnly {
		if _, err := os.Stat(abs); err != nil {
			return nil, &Error{Kind: ErrNotDatabase, Path: abs, Err: err}
		}
		dsn += "&_pragma=query_only(1)"
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, &Error{Kind: ErrBadPath, Path: abs, Err: err}
	}
	db.SetMaxOpenConns(1)
	s := &Store{db: db, path: abs, Now: time.Now, operator: opt.Operator}
	if err := s.init(ctx, opt); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

func (s *Store) init(ctx context.Context, opt Options) error {
	if opt.ReadOnly {
		return s.initReadOnly(ctx)
	}
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
	if err := migrate(ctx, s.db, s.path); err != nil {
		return s.classify(err)
	}
	// A write now takes the exclusive lock at once (in rollback-journal mode the first read
	// would only take a shared one), so a second process is turned away at its open.
	if _, err := s.db.ExecContext(ctx, `INSERT INTO settings(key, value) VALUES('last_opened_at', ?)
		ON CONFLICT(key) DO UPDATE SET value = excluded.value`, s.now()); err != nil {
		return s.classify(err)
	}
	if err := s.loadColumns(ctx); err != nil {
		return s.classify(err)
	}
	s.people = newPeopleIndex()
	return nil
}

func (s *Store) initReadOnly(ctx context.Context) error {
	var version, tables int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return s.classify(err)
	}
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE name = 'history'").Scan(&tables); err != nil {
		return s.classify(err)
	}
	if version == 0 || tables == 0 {
		return &Error{Kind: ErrNotDatabase, Path: s.path, Err: errors.New("no ledger schema")}
	}
	if version > SchemaVersion() {
		return &Error{Kind: ErrTooNew, Path: s.path, Err: fmt.Errorf("schema version %d", version)}
	}
	if err := s.loadColumns(ctx); err != nil {
		return s.classify(err)
	}
	s.people = newPeopleIndex()
	return nil
}

// classify turns driver errors into the store's kinds.
func (s *Store) classify(err error) error {
	if err == nil {
		return nil
	}
	var se *Error
	if errors.As(err, &se) {
		return err
	}
	var le *sqlite.Error
	if errors.As(err, &le) {
		switch le.Code() & 0xff {
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return &Error{Kind: ErrInUse, Path: s.path, Err: err}
		case sqlite3.SQLITE_NOTADB:
			return &Error{Kind: ErrNotDatabase, Path: s.path, Err: err}
		case sqlite3.SQLITE_CORRUPT:
			return &Error{Kind: ErrDamaged, Path: s.path, Err: err}
		}
	}
	return err
}

// checkHeader refuses a file that exists, is not empty and is not SQLite, before the
// driver could write to it.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return &Error{Kind: ErrBadPath, Path: path, Err: err}
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	n, err := io.ReadFull(f, head)
	if n == 0 && (err == io.EOF || err == nil) {
		return nil // an empty file becomes a new ledger
	}
	if err != nil || !bytes.Equal(head, []byte(sqliteHeader)) {
		return &Error{Kind: ErrNotDatabase, Path: path, Err: errors.New("no SQLite header")}
	}
	return nil
}

// Close flushes and closes the file. Closing the last connection checkpoints the WAL, so
// the .db file is complete on its own afterwards.
func (s *Store) Close() error {
	if s == nil || s.db == nil {
		return nil
	}
	s.snaps.closeAndWait() // a checkpoint at close would write the file under a snapshot's reader
	_, _ = s.db.Exec("PRAGMA optimize")
	return s.db.Close()
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
	return s.withSnapshot(ctx, func(db *sql.DB) error {
		tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
		if err != nil {
			return s.classify(err)
		}
		defer tx.Rollback()
		return s.classify(fn(tx))
	})
}

// DB exposes the handle to sub-packages that read (reports, exports, bulk loading).
// Writes of records must go through the store's methods, which keep the history.
func (s *Store) DB() *sql.DB { return s.db }
