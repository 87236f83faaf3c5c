package store

import (
	"context"
	"database/sql"
	"errors"
	"io"
	"os"
	"path/filepath"
	"time"

	"modernc.org/sqlite"
)

// restoreHeld, when set (by tests), runs while Restore holds the live file, after the
// backup was proven sound and before anything is copied.
var restoreHeld func()

// Restore replaces the ledger at dbPath by the backup at backupPath, and never leaves it
// worse than it found it:
//
//   - the backup is proven a sound ledger of a version this program knows (not empty,
//     SQLite, our id or schema, quick_check) before the live file is touched;
//   - the live file is held with SQLite's exclusive lock from then until the restored
//     copy is committed, so no other window or program can open it in between;
//   - the live file is kept first: a sound one as an ordinary backup, a damaged or
//     foreign one copied byte for byte beside it (<name>.before-restore-<time>);
//   - the backup's pages are written into the held file through SQLite's backup API, in
//     one transaction: a crash or power cut leaves the old ledger or the restored one.
//
// Writing through the lock rather than renaming a copy over the file matters: a process
// already waiting to open the file holds the old file open and would, after a rename,
// write to a file nobody reads and leave its journal for the new one.
//
// It returns where the previous file was kept ("" if there was none).
func Restore(ctx context.Context, dbPath, backupPath string) (string, error) {
	dbPath, err := filepath.Abs(dbPath)
	if err != nil {
		return "", &Error{Kind: ErrBadPath, Path: dbPath, Err: err}
	}
	if backupPath, err = filepath.Abs(backupPath); err != nil {
		return "", &Error{Kind: ErrBadPath, Path: backupPath, Err: err}
	}
	if same(dbPath, backupPath) {
		return "", &Error{Kind: ErrBadBackup, Path: backupPath, Err: errors.New("the backup is the data file itself")}
	}
	if err := verifyLedgerFile(ctx, backupPath, VerifyFull); err != nil {
		if KindOf(err) == ErrInUse || KindOf(err) == ErrCancelled {
			return "", err
		}
		return "", &Error{Kind: ErrBadBackup, Path: backupPath, Err: err}
	}
	stamp := time.Now().Format(backupStampLayout)
	kept := ""
	st, err := os.Stat(dbPath)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if err := createFile(dbPath); err != nil {
			return "", err
		}
	case err != nil:
		return "", Classify(err, dbPath)
	case st.IsDir():
		return "", &Error{Kind: ErrIsFolder, Path: dbPath}
	case st.Size() > 0 && checkHeader(dbPath) != nil:
		// Not SQLite at all, so SQLite cannot lock it: keep it byte for byte, and empty it
		// in place, so that the restore below writes into the same file under the lock.
		if kept, err = keepRaw(dbPath, stamp); err != nil {
			return "", err
		}
		if err := os.Truncate(dbPath, 0); err != nil {
			return kept, Classify(err, dbPath)
		}
	}
	h, err := hold(ctx, dbPath)
	if err != nil {
		return kept, err
	}
	defer h.close()
	if restoreHeld != nil {
		restoreHeld()
	}
	if kept == "" && h.pages > 0 {
		if kept, err = h.keep(ctx, dbPath, stamp); err != nil {
			return "", err
		}
	}
	if err := h.restoreFrom(ctx, backupPath); err != nil {
		return kept, err
	}
	// Not reopened here: a window waiting for the file may take it the moment it is let
	// go, and the next open migrates an older backup in any case.
	return kept, nil
}

func same(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}

// held is the live file under SQLite's exclusive lock, on one connection.
type held struct {
	db    *sql.DB
	conn  *sql.Conn
	path  string
	pages int // the file's page count when taken (0: empty)
}

// hold takes the file for this process: a write transaction in exclusive locking mode
// keeps the exclusive lock until the connection closes. Any SQLite file can be held so,
// a ledger or not, damaged or not; reading page 1 is all it takes.
func hold(ctx context.Context, path string) (*held, error) {
	db, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(2000)&_pragma=locking_mode(EXCLUSIVE)&_pragma=synchronous(FULL)")
	if err != nil {
		return nil, &Error{Kind: ErrBadPath, Path: path, Err: err}
	}
	db.SetMaxOpenConns(1)
	conn, err := db.Conn(ctx)
	if err != nil {
		db.Close()
		return nil, Classify(err, path)
	}
	h := &held{db: db, conn: conn, path: path}
	if _, err := conn.ExecContext(ctx, "BEGIN EXCLUSIVE"); err != nil {
		h.close()
		return nil, Classify(err, path)
	}
	err = conn.QueryRowContext(ctx, "PRAGMA page_count").Scan(&h.pages)
	if _, cerr := conn.ExecContext(ctx, "COMMIT"); err == nil {
		err = cerr
	}
	if err != nil {
		h.close()
		return nil, Classify(err, path)
	}
	return h, nil
}

func (h *held) close() {
	if h.conn != nil {
		h.conn.Close()
		h.conn = nil
	}
	if h.db != nil {
		h.db.Close()
		h.db = nil
	}
}

// keep saves the held file before it is replaced: a sound ledger as an ordinary backup
// (listed, restorable, pruned like the others); anything else — damaged, another
// program's, a newer version's — byte for byte beside it.
func (h *held) keep(ctx context.Context, path, stamp string) (string, error) {
	if _, err := verifyLedger(ctx, h.conn, path, VerifyFull, false); err == nil {
		dir := BackupDir(path)
		if err := mkdirPrivate(dir); err != nil {
			return "", Classify(err, dir)
		}
		at, _ := time.ParseInLocation(backupStampLayout, stamp, time.Local)
		final := freeBackupName(dir, ledgerBase(path), at)
		tmp := final + ".tmp"
		err := vacuumInto(ctx, h.conn, tmp)
		if err == nil {
			err = verifyLedgerFile(ctx, tmp, VerifyFull)
		}
		if err == nil {
			err = os.Rename(tmp, final)
		}
		if err == nil {
			err = syncDir(dir)
		}
		if err == nil {
			return final, nil
		}
		removeWithJournals(tmp)
		if KindOf(Classify(err, final)) != ErrDamaged {
			return "", Classify(err, final)
		}
	}
	// The file and its WAL (committed work not yet in the file) as they are; the lock
	// keeps them still while they are copied.
	return keepRaw(path, stamp)
}

// keepRaw copies the file (and its WAL or journal, which hold part of its state) to
// <path>.before-restore-<stamp>.
func keepRaw(path, stamp string) (string, error) {
	kept := path + ".before-restore-" + stamp
	if err := copyFile(path, kept); err != nil {
		os.Remove(kept)
		return "", Classify(err, kept)
	}
	for _, ext := range []string{"-wal", "-journal"} {
		if st, err := os.Stat(path + ext); err == nil && st.Size() > 0 {
			if err := copyFile(path+ext, kept+ext); err != nil {
				return "", Classify(err, kept)
			}
		}
	}
	return kept, syncDir(filepath.Dir(path))
}

// restoreFrom writes every page of the backup into the held file in one transaction and
// checks the result.
func (h *held) restoreFrom(ctx context.Context, backup string) error {
	src := "file:" + uriPath(backup) + "?mode=ro"
	err := h.conn.Raw(func(dc any) error {
		r, ok := dc.(interface {
			NewRestore(string) (*sqlite.Backup, error)
		})
		if !ok {
			return errors.New("the SQLite driver has no backup API")
		}
		b, err := r.NewRestore(src)
		if err != nil {
			return err
		}
		for {
			more, err := b.Step(-1)
			if err != nil {
				b.Finish()
				return err
			}
			if !more {
				break
			}
		}
		return b.Finish()
	})
	if err != nil {
		return Classify(err, h.path)
	}
	var line string
	if err := h.conn.QueryRowContext(ctx, "PRAGMA quick_check(1)").Scan(&line); err != nil {
		return Classify(err, h.path)
	}
	if line != "ok" {
		return &Error{Kind: ErrDamaged, Path: h.path, Err: errors.New(line)}
	}
	return nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
