package store

// Hooks for the external tests in safety_test.go.

// SetRestoreHeld makes Restore call fn while it holds the live file.
func SetRestoreHeld(fn func()) { restoreHeld = fn }
