package store

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"time"
)

// keepPrivate tightens a ledger made by an older program (0644 in a 0755 folder): the
// data file, its journals and the backups folder. Best effort: a file owned by someone
// else is left as it is.
func keepPrivate(path string) {
	if runtime.GOOS == "windows" {
		return
	}
	for _, p := range []string{path, path + "-wal", path + "-journal"} {
		if st, err := os.Stat(p); err == nil && st.Mode().Perm()&0o077 != 0 {
			os.Chmod(p, st.Mode().Perm()&^0o077)
		}
	}
	dir := BackupDir(path)
	if st, err := os.Stat(dir); err == nil && st.IsDir() && st.Mode().Perm()&0o077 != 0 {
		os.Chmod(dir, 0o700)
		if entries, err := os.ReadDir(dir); err == nil {
			base := ledgerBase(path)
			for _, e := range entries {
				if _, ok := backupStamp(e.Name(), base); ok {
					if info, err := e.Info(); err == nil && info.Mode().Perm()&0o077 != 0 {
						os.Chmod(dir+string(os.PathSeparator)+e.Name(), fs.FileMode(0o600))
					}
				}
			}
		}
	}
}

// SyncDir makes renames and new files in dir durable (a no-op where the system cannot,
// as on Windows): called after writing a file under a temporary name and renaming it.
func SyncDir(dir string) error { return syncDir(dir) }

// RemoveStaleTemps removes, in dir, the temporary files that killed runs writing the
// file named base left behind (".base.123456.tmp", as os.CreateTemp names them): they
// can hold a whole roster.
func RemoveStaleTemps(dir, base string) {
	pattern := regexp.MustCompile(`^\.` + regexp.QuoteMeta(base) + `\.[0-9]+\.tmp$`)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if e.Type().IsRegular() && pattern.MatchString(e.Name()) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// exportTemp names the temporary files of exports (workbooks, CSV, text) as
// writeAtomically makes them: ".统计表.xlsx.123456.tmp".
var exportTemp = regexp.MustCompile(`^\..+\.(xlsx|csv|txt)\.[0-9]+\.tmp$`)

// RemoveStaleExportTemps removes, in dir, the temporary files of exports that a kill or a
// power cut cut short (they hold personal data); the program calls it for its export
// folder at start. Files older than a minute only, so an export another window is
// writing right now is left alone.
func RemoveStaleExportTemps(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || !exportTemp.MatchString(e.Name()) {
			continue
		}
		if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > time.Minute {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}
