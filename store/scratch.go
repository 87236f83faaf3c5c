package store

import (
	"os"
	"path/filepath"
)

// ScratchDir is a private folder beside the ledger for the temporary files the
// spreadsheet library writes while a large workbook is built (a county's year of visits
// is more than its 16 MB in memory). They hold personal data: in the system's temp folder a
// killed export would leave them there for good, readable by whoever cleans it. Here they
// are private (0700), and removed at the next open, which holds the ledger — so no other
// run can be using them. "" when the folder cannot be made (a read-only folder): the
// library then uses the system's temp folder.
func (s *Store) ScratchDir() string {
	dir := scratchDir(s.path)
	if err := mkdirPrivate(dir); err != nil {
		return ""
	}
	return dir
}

func scratchDir(path string) string {
	return filepath.Join(filepath.Dir(path), "."+ledgerBase(path)+".scratch")
}

// removeScratch removes what a killed export left in the scratch folder, and the folder.
func removeScratch(path string) { os.RemoveAll(scratchDir(path)) }
