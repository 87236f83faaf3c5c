//go:build linux

package store

import (
	"path/filepath"

	"golang.org/x/sys/unix"
)

// Filesystem magic numbers of network filesystems, where SQLite's WAL mode is unsafe.
var networkFS = map[int64]bool{
	0xFF534D42: true, // CIFS
	0xFE534D42: true, // SMB2
	0x517B:     true, // SMB
	0x6969:     true, // NFS
	0x65735546: true, // FUSE (sshfs and friends)
}

// onSharedOrRemovable reports whether path's folder is on a network filesystem.
func onSharedOrRemovable(path string) bool {
	var st unix.Statfs_t
	if err := unix.Statfs(filepath.Dir(path), &st); err != nil {
		return false
	}
	return networkFS[int64(st.Type)]
}
