//go:build !windows

package store

import (
	"errors"
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// syncDir makes a rename or a new file in dir durable: without it a power cut just
// after "backed up to …" can leave the old name, or none, on a real disk.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) {
		return err // EINVAL: a filesystem that cannot sync folders (some FUSE, network)
	}
	return nil
}

// canWrite reports whether this process may change the file and create its journal
// beside it. access(2) answers as the kernel would for the real user, including root on a
// read-only mount and files made immutable.
func canWrite(path, dir string) bool {
	if unix.Access(dir, unix.W_OK) != nil {
		return false
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return !errors.Is(err, os.ErrPermission) && !errors.Is(err, syscall.EROFS)
	}
	f.Close()
	return true
}

// fileBusy: on Unix no program can hold a file against a rename.
func fileBusy(error) bool { return false }

func isQuota(err error) bool { return errors.Is(err, syscall.EDQUOT) }

// freeBytes reports the space left for this user on the disk holding dir.
func freeBytes(dir string) (uint64, bool) {
	var st unix.Statfs_t
	if err := unix.Statfs(dir, &st); err != nil {
		return 0, false
	}
	return st.Bavail * uint64(st.Bsize), true
}
