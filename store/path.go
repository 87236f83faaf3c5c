package store

import (
	"os"
	"path/filepath"
	"runtime"
)

// DefaultFileName is the data file's name in the user's data folder.
const DefaultFileName = "shuangyong.db"

// DefaultPath is the data file used when none is named: $SHUANGYONG_DB, else
// shuangyong.db in the user's data folder — %AppData%\shuangyong on Windows,
// ~/Library/Application Support/shuangyong on macOS, $XDG_DATA_HOME/shuangyong (else
// ~/.local/share/shuangyong) elsewhere.
func DefaultPath() string {
	if p := os.Getenv("SHUANGYONG_DB"); p != "" {
		return p
	}
	return filepath.Join(dataDir(), "shuangyong", DefaultFileName)
}

func dataDir() string {
	switch runtime.GOOS {
	case "windows", "darwin":
		if d, err := os.UserConfigDir(); err == nil { // %AppData%, ~/Library/Application Support
			return d
		}
	default:
		if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
			return d
		}
		if h, err := os.UserHomeDir(); err == nil {
			return filepath.Join(h, ".local", "share")
		}
	}
	return "."
}
