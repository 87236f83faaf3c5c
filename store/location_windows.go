//go:build windows

package store

import (
	"path/filepath"
	"strings"

	"golang.org/x/sys/windows"
)

// onSharedOrRemovable reports whether path is on a network share or a removable drive,
// where SQLite's WAL mode is unsafe (sqlite.org/wal.html): such files use the rollback
// journal instead. Mapped network drive letters report DRIVE_REMOTE.
func onSharedOrRemovable(path string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	if strings.HasPrefix(abs, `\\`) {
		return true
	}
	root := filepath.VolumeName(abs) + `\`
	p, err := windows.UTF16PtrFromString(root)
	if err != nil {
		return false
	}
	t := windows.GetDriveType(p)
	return t == windows.DRIVE_REMOTE || t == windows.DRIVE_REMOVABLE
}
