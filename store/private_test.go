package store

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A killed export's temporary file is removed at the next start; a fresh one (an export
// under way in another window) and other files are left.
func TestRemoveStaleExportTemps(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-time.Hour)
	for name, age := range map[string]time.Time{
		".统计表.xlsx.123456.tmp": old, ".名单.csv.42.tmp": old, ".写着.xlsx.7.tmp": time.Now(),
		"统计表.xlsx": old, ".other.tmp": old,
	} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(p, age, age)
	}
	RemoveStaleExportTemps(dir)
	var left []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		left = append(left, e.Name())
	}
	if len(left) != 3 {
		t.Errorf("left %v", left)
	}
	for _, gone := range []string{".统计表.xlsx.123456.tmp", ".名单.csv.42.tmp"} {
		if _, err := os.Stat(filepath.Join(dir, gone)); err == nil {
			t.Errorf("%s not removed", gone)
		}
	}
}
