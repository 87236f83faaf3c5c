package store

import (
	"errors"
	"fmt"
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
	ErrNothingToUndo                      // Ctrl+Z with an empty history
	ErrConflict                           // the record changed or was trashed meanwhile
)

// Error is an error of the store with a kind the user interface can explain.
type Error struct {
	Kind ErrorKind
	Path string // the database file, where it matters
	Err  error  // the underlying cause, for logs
}

func (e *Error) Error() string {
	names := map[ErrorKind]string{
		ErrInUse: "database in use by another program", ErrNotDatabase: "not a shuangyong database",
		ErrDamaged: "database damaged", ErrTooNew: "database written by a newer version",
		ErrBadPath: "unusable database path", ErrNotFound: "record not found", ErrInvalid: "invalid record",
		ErrNothingToUndo: "nothing to undo", ErrConflict: "record changed meanwhile",
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
