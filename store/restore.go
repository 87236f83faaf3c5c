package store

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"time"
)

// Restore replaces the data file at dbPath by the backup at backupPath. The backup is
// checked first; the current file (if it opens) is itself backed up, and if it does not
// open (damaged) it is moved aside, never deleted. The copy goes through a temporary
// name and a rename. It returns where the previous file was kept ("" if there was none).
func Restore(ctx context.Context, dbPath, backupPath string) (string, error) {
	dbPath, err := filepath.Abs(dbPath)
	if err != nil {
		return "", &Error{Kind: ErrBadPath, Path: dbPath, Err: err}
	}
	if err := checkHeader(backupPath); err != nil {
		return "", err
	}
	if err := verifyCopy(ctx, backupPath); err != nil {
		return "", err
	}
	stamp := time.Now().Format("20060102-150405")
	kept := ""
	if _, err := os.Stat(dbPath); err == nil {
		s, err := Open(ctx, dbPath, Options{})
		switch {
		case err == nil:
			kept, err = s.Backup(ctx, "")
			s.Close()
			if err != nil {
				return "", err
			}
		case KindOf(err) == ErrInUse || KindOf(err) == ErrBadPath:
			return "", err
		default:
			// Damaged or foreign: keep it (and its journal) under another name.
			kept = dbPath + ".damaged-" + stamp
			if err := os.Rename(dbPath, kept); err != nil {
				return "", err
			}
			for _, ext := range []string{"-wal", "-journal", "-shm"} {
				if _, err := os.Stat(dbPath + ext); err == nil {
					os.Rename(dbPath+ext, kept+ext)
				}
			}
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return "", err
	}
	tmp := dbPath + ".restore.tmp"
	if err := copyFile(backupPath, tmp); err != nil {
		os.Remove(tmp)
		return "", err
	}
	if err := os.Rename(tmp, dbPath); err != nil {
		os.Remove(tmp)
		return "", err
	}
	// The restored file must open as a ledger (and is migrated if the backup is older).
	s, err := Open(ctx, dbPath, Options{})
	if err != nil {
		return kept, err
	}
	return kept, s.Close()
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
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
