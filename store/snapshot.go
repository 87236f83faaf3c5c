package store

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// Long reads — building the search index, the tally, an export, the check, a backup — take
// from a second up to half a minute at county scale. On the store's one connection every
// search, every window of a list and every save would wait behind them (a search once took
// 18 s during an export). A second ordinary connection cannot help: the file is held with
// locking_mode=EXCLUSIVE, which keeps a second window (or program) out and, by SQLite's
// in-process lock bookkeeping, a second connection of this process too (SQLITE_BUSY).
//
// What does work is a frozen file. In WAL mode nothing but a checkpoint writes the
// database file itself: commits go to the -wal file. So a snapshot checkpoints everything
// into the file, stops automatic checkpoints, and opens the file with immutable=1 — a
// read-only connection that takes no lock and ignores the WAL, and so reads exactly the
// file as it was at the checkpoint, however long it takes, while the store's connection
// carries on (and its commits pile up in the WAL). When the last snapshot is released,
// automatic checkpoints resume. The exclusive lock is never given up.
//
// With the rollback journal (network shares, removable drives) commits write the file in
// place, so there is no snapshot: readers use the store's connection, as before.
type snapshots struct {
	mu       sync.Mutex
	open     int   // snapshots not yet released
	autoCkpt int64 // the connection's wal_autocheckpoint before the first snapshot
	wg       sync.WaitGroup
	closed   bool // the store is closing: no new snapshot
	bg       context.Context
	stopBg   context.CancelFunc
}

// background is the context of the store's own background work (an index build a search
// started): closing cancels it, so that quitting does not wait for the build.
func (sn *snapshots) background() context.Context {
	sn.mu.Lock()
	defer sn.mu.Unlock()
	if sn.bg == nil {
		sn.bg, sn.stopBg = context.WithCancel(context.Background())
		if sn.closed {
			sn.stopBg()
		}
	}
	return sn.bg
}

// closeAndWait refuses new snapshots, stops the store's background work and waits for
// the open snapshots to be released: the checkpoint at close would write the file under
// their readers.
func (sn *snapshots) closeAndWait() {
	sn.mu.Lock()
	sn.closed = true
	if sn.stopBg != nil {
		sn.stopBg()
	}
	sn.mu.Unlock()
	sn.wg.Wait()
}

// snapshotCacheKiB is a snapshot's page cache: its reads are whole-table passes that a
// cache does not speed up (the system's file cache is behind it), and it is resident
// memory while the pass runs.
const snapshotCacheKiB = 2048

// snapshotConns is how many connections a snapshot may open (each an immutable reader of
// the same frozen file): building the search index reads its rows in that many parts at
// once.
const snapshotConns = 2

// snapshot opens a read-only connection onto the file as of now that neither waits for
// the store's connection nor makes it wait. It returns nil (and no error) when the file
// cannot be read that way — rollback journal, a store opened read-only, or writes since
// the snapshot already open froze the file — and callers then read through the store's
// connection. release must be called once the reads are over.
func (s *Store) snapshot(ctx context.Context) (db *sql.DB, release func()) {
	sn := &s.snaps
	sn.mu.Lock()
	defer sn.mu.Unlock()
	if sn.closed {
		return nil, nil
	}
	if sn.open == 0 {
		var mode string
		var queryOnly bool
		if err := s.db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
			return nil, nil
		}
		if err := s.db.QueryRowContext(ctx, "PRAGMA query_only").Scan(&queryOnly); err != nil || queryOnly {
			return nil, nil // no checkpoint: the WAL a crash left behind must not be ignored
		}
		if err := s.db.QueryRowContext(ctx, "PRAGMA wal_autocheckpoint").Scan(&sn.autoCkpt); err != nil {
			return nil, nil
		}
		if _, err := s.db.ExecContext(ctx, "PRAGMA wal_autocheckpoint = 0"); err != nil {
			return nil, nil
		}
		// TRUNCATE leaves an empty -wal file: a later snapshot can tell that nothing was
		// committed since (walEmpty) and share the frozen file.
		var busy, frames, done int
		err := s.db.QueryRowContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &frames, &done)
		if err != nil || busy != 0 {
			s.resumeCheckpoints()
			return nil, nil
		}
	} else if !s.walEmpty() {
		return nil, nil // the frozen file misses what was committed since it was frozen
	}
	db, err := sql.Open("sqlite", snapshotURI(s.path))
	if err == nil {
		db.SetMaxOpenConns(snapshotConns)
		err = db.PingContext(ctx)
	}
	if err != nil {
		if db != nil {
			db.Close()
		}
		if sn.open == 0 {
			s.resumeCheckpoints()
		}
		return nil, nil
	}
	sn.open++
	sn.wg.Add(1)
	var once sync.Once
	return db, func() {
		once.Do(func() {
			db.Close()
			sn.mu.Lock()
			if sn.open--; sn.open == 0 {
				s.resumeCheckpoints()
			}
			sn.mu.Unlock()
			sn.wg.Done()
		})
	}
}

// resumeCheckpoints restores automatic checkpoints. Callers hold snaps.mu.
func (s *Store) resumeCheckpoints() {
	n := s.snaps.autoCkpt
	if n <= 0 {
		n = 1000 // SQLite's default
	}
	_, _ = s.db.Exec("PRAGMA wal_autocheckpoint = " + strconv.FormatInt(n, 10))
}

// walEmpty reports whether nothing was committed since the last TRUNCATE checkpoint.
func (s *Store) walEmpty() bool {
	fi, err := os.Stat(s.path + "-wal")
	return err == nil && fi.Size() == 0
}

// snapshotURI names the file for an immutable, read-only connection. '?' and '#' never
// occur in a store's path (Open refuses them); '%' would start an escape in a URI.
func snapshotURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x → /C:/x, as SQLite's URIs want on Windows
	}
	p = strings.ReplaceAll(p, "%", "%25")
	return "file:" + p + "?mode=ro&immutable=1&_pragma=cache_size(" + strconv.Itoa(-snapshotCacheKiB) + ")"
}

// withSnapshot runs fn on a snapshot of the file when there can be one, on the store's
// connection otherwise.
func (s *Store) withSnapshot(ctx context.Context, fn func(db *sql.DB) error) error {
	if db, release := s.snapshot(ctx); db != nil {
		defer release()
		return fn(db)
	}
	return fn(s.db)
}

// ReadTxBeside is ReadTx for a long read that can be split over two connections: fn
// gets its transaction and beside, which runs part of the work (on another goroutine,
// while fn goes on) in a second read transaction on the other connection of the same
// snapshot (snapshotConns), reading exactly what tx reads. beside is nil when there is no
// snapshot (rollback journal, a store opened read-only): everything is then read on tx.
func (s *Store) ReadTxBeside(ctx context.Context, fn func(tx *sql.Tx, beside func(ctx context.Context, fn func(*sql.Tx) error) error) error) error {
	if db, release := s.snapshot(ctx); db != nil {
		defer release()
		return s.readTxOn(ctx, db, func(tx *sql.Tx) error {
			return fn(tx, func(ctx context.Context, side func(*sql.Tx) error) error { return s.readTxOn(ctx, db, side) })
		})
	}
	return s.readTxOn(ctx, s.db, func(tx *sql.Tx) error { return fn(tx, nil) })
}

// readTxOn runs fn in a read transaction on db, as ReadTx does.
func (s *Store) readTxOn(ctx context.Context, db *sql.DB, fn func(*sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return s.classify(err)
	}
	defer tx.Rollback()
	return s.classify(fn(tx))
}
