//go:build !windows && !linux

package store

// onSharedOrRemovable cannot tell on this system; WAL is used.
func onSharedOrRemovable(string) bool { return false }
