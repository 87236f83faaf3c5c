package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"syscall"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// ErrorKind says what went wrong opening or using the file, so that the program can tell
// the user in their language (the ui catalogue holds the words) what to do about it.
type ErrorKind int

const (
	ErrInUse         ErrorKind = iota + 1 // another window or computer has the file open
	ErrNotDatabase                        // the file is not a ledger database
	ErrDamaged                            // the file failed its integrity check
	ErrTooNew                             // written by a newer version of the program
	ErrBadPath                            // a path the driver cannot take (contains ? or #)
	ErrNotFound                           // the record asked for does not exist
	ErrInvalid                            // the record failed validation; see Problems
	ErrNothingToUndo                      // Ctrl+Z with an empty history (or only earlier runs' changes)
	ErrConflict                           // the record changed or was trashed meanwhile
	ErrReadOnly                           // the file or its folder cannot be written (read-only media, permissions)
	ErrDiskFull                           // no space left on the disk
	ErrIO                                 // the disk failed to read or write (removed drive, bad sector)
	ErrMissing                            // the data file does not exist (and was not to be created)
	ErrEmpty                              // the data file is empty (0 bytes) and was not to be made a ledger
	ErrIsFolder                           // the path names a folder, not a file
	ErrNoFolder                           // the folder of a file to write does not exist
	ErrFileBusy                           // another program (Excel, WPS) holds the file open
	ErrPermission                         // the system refuses access to the file
	ErrBadBackup                          // restore: the backup is unusable (Err says why); the ledger was not touched
	ErrCancelled                          // the user interrupted the command (Ctrl+C, Ctrl+Break)
	ErrReadOnlyOld                        // a read-only file of an older version: it cannot be upgraded where it is
)

// Error is an error of the store with a kind the user interface can explain.
type Error struct {
	Kind ErrorKind
	Path string // the file concerned, where it matters
	Err  error  // the underlying cause, for logs
}

func (e *Error) Error() string {
	names := map[ErrorKind]string{
		ErrInUse: "database in use by another program", ErrNotDatabase: "not a shuangyong database",
		ErrDamaged: "database damaged", ErrTooNew: "database written by a newer version",
		ErrBadPath: "unusable database path", ErrNotFound: "record not found", ErrInvalid: "invalid record",
		ErrNothingToUndo: "nothing to undo", ErrConflict: "record changed meanwhile",
		ErrReadOnly: "read-only", ErrDiskFull: "disk full", ErrIO: "disk I/O error", ErrMissing: "no such file",
		ErrEmpty: "empty file", ErrIsFolder: "is a folder", ErrNoFolder: "no such folder",
		ErrFileBusy: "file open in another program", ErrPermission: "permission denied",
		ErrBadBackup: "unusable backup", ErrCancelled: "cancelled",
	}
	s := names[e.Kind]
	if e.Path != "" {
		s += ": " + e.Path
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

// KindOf returns the kind of a store error anywhere in err's chain, or 0.
func KindOf(err error) ErrorKind {
	var se *Error
	if errors.As(err, &se) {
		return se.Kind
	}
	return 0
}

func errorf(kind ErrorKind, path string, format string, args ...any) error {
	return &Error{Kind: kind, Path: path, Err: fmt.Errorf(format, args...)}
}

// Classify turns what the driver and the system report (SQLite result codes, errno values,
// Windows sharing violations) into the store's kinds, so that no raw English text reaches
// a user: the catalogue has a sentence for each kind. path is the file concerned when the
// error does not name one. Errors it does not know are returned as they are.
func Classify(err error, path string) error {
	if err == nil {
		return nil
	}
	var se *Error
	if errors.As(err, &se) {
		return err
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return &Error{Kind: ErrCancelled, Err: err}
	}
	var le *sqlite.Error
	if errors.As(err, &le) {
		switch le.Code() & 0xff {
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return &Error{Kind: ErrInUse, Path: path, Err: err}
		case sqlite3.SQLITE_NOTADB:
			return &Error{Kind: ErrNotDatabase, Path: path, Err: err}
		case sqlite3.SQLITE_CORRUPT:
			return &Error{Kind: ErrDamaged, Path: path, Err: err}
		case sqlite3.SQLITE_READONLY:
			return &Error{Kind: ErrReadOnly, Path: path, Err: err}
		case sqlite3.SQLITE_FULL:
			return &Error{Kind: ErrDiskFull, Path: path, Err: err}
		case sqlite3.SQLITE_IOERR:
			// SQLite reports a full disk as an I/O error when it cannot even create its
			// journal: say what the user can do something about.
			if free, ok := freeBytes(filepath.Dir(path)); ok && path != "" && free < 1<<20 {
				return &Error{Kind: ErrDiskFull, Path: path, Err: err}
			}
			return &Error{Kind: ErrIO, Path: path, Err: err}
		case sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH:
			return &Error{Kind: ErrPermission, Path: path, Err: err}
		case sqlite3.SQLITE_INTERRUPT:
			return &Error{Kind: ErrCancelled, Err: err}
		}
		return err
	}
	// System errors name the file they concern; a temporary file is reported as the file
	// it was to become, since the user never asked for the temporary one.
	p := path
	var pe *fs.PathError
	var lerr *os.LinkError
	switch {
	case errors.As(err, &lerr):
		p = lerr.New
	case errors.As(err, &pe):
		p = pe.Path
	}
	p = userPath(p)
	switch {
	case fileBusy(err):
		return &Error{Kind: ErrFileBusy, Path: p, Err: err}
	case errors.Is(err, syscall.ENOSPC) || isQuota(err):
		return &Error{Kind: ErrDiskFull, Path: p, Err: err}
	case errors.Is(err, syscall.EROFS):
		return &Error{Kind: ErrReadOnly, Path: p, Err: err}
	case errors.Is(err, fs.ErrPermission):
		return &Error{Kind: ErrPermission, Path: p, Err: err}
	case errors.Is(err, syscall.EIO):
		return &Error{Kind: ErrIO, Path: p, Err: err}
	case errors.Is(err, fs.ErrNotExist) && p != "":
		// Writing a new file fails this way only when its folder is missing.
		dir := filepath.Dir(p)
		if _, serr := os.Stat(dir); serr != nil {
			return &Error{Kind: ErrNoFolder, Path: dir, Err: err}
		}
		return &Error{Kind: ErrMissing, Path: p, Err: err}
	}
	return err
}

// A temporary file the program writes before renaming it: ".name.123456.tmp" (exports,
// os.CreateTemp) or "name.tmp" (backups).
var tempName = regexp.MustCompile(`^\.(.+)\.[0-9]+\.tmp$`)

func userPath(p string) string {
	if p == "" {
		return ""
	}
	dir, base := filepath.Split(p)
	if m := tempName.FindStringSubmatch(base); m != nil {
		return filepath.Join(dir, m[1])
	}
	if b, ok := cutSuffix(base, ".tmp"); ok {
		return filepath.Join(dir, b)
	}
	return p
}

func cutSuffix(s, suffix string) (string, bool) {
	if len(s) > len(suffix) && s[len(s)-len(suffix):] == suffix {
		return s[:len(s)-len(suffix)], true
	}
	return s, false
}
