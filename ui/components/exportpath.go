package components

import (
	"os"
	"path/filepath"
	"strings"

	"shuangyong/ui/textwidth"
)

// ExportDir is where exports go unless the user says otherwise: the Documents folder when
// there is one, else the data file's folder. It reads the disk: call it off the event
// loop (or once, at start).
func ExportDir(dataPath string) string {
	if home, err := os.UserHomeDir(); err == nil {
		for _, name := range []string{"Documents", "文档", "My Documents"} {
			d := filepath.Join(home, name)
			if fi, err := os.Stat(d); err == nil && fi.IsDir() {
				return d
			}
		}
	}
	if dataPath == "" {
		return "."
	}
	return filepath.Dir(dataPath)
}

// FileSafe keeps a name usable as a file name on Windows.
func FileSafe(s string) string {
	s = textwidth.Clean(s)
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`\/:*?"<>|`, r) || r < 0x20 {
			return '_'
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}
