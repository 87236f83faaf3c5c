//go:build windows

package store

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// syncDir: Windows cannot open a folder for flushing (FlushFileBuffers needs a file
// handle opened for writing); NTFS journals its metadata, so a rename is kept.
func syncDir(string) error { return nil }

// canWrite reports whether this process may change the file. Folder permissions seldom
// forbid creating a file on Windows; if they do, SQLite's error says read-only.
func canWrite(path, _ string) bool {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return !errors.Is(err, os.ErrPermission) && !fileBusy(err)
	}
	f.Close()
	return true
}

// fileBusy reports the errors Windows gives when another program (Excel, WPS) holds a
// file open: a rename over it or an open of it is refused.
func fileBusy(err error) bool {
	return errors.Is(err, windows.ERROR_SHARING_VIOLATION) || errors.Is(err, windows.ERROR_LOCK_VIOLATION) ||
		errors.Is(err, windows.ERROR_ACCESS_DENIED) || errors.Is(err, windows.ERROR_USER_MAPPED_FILE)
}

func isQuota(err error) bool {
	return errors.Is(err, windows.ERROR_DISK_FULL) || errors.Is(err, windows.ERROR_HANDLE_DISK_FULL) ||
		errors.Is(err, windows.ERROR_DISK_QUOTA_EXCEEDED)
}

// freeBytes reports the space left for this user on the disk holding dir.
func freeBytes(dir string) (uint64, bool) {
	p, err := windows.UTF16PtrFromString(dir)
	if err != nil {
		return 0, false
	}
	var free uint64
	if err := windows.GetDiskFreeSpaceEx(p, &free, nil, nil); err != nil {
		return 0, false
	}
	return free, true
}
