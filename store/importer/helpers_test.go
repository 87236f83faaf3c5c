package importer

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"shuangyong/model"
	"shuangyong/store"
)

var testNow = time.Date(2026, 11, 29, 10, 0, 0, 0, time.Local)

func openStore(t testing.TB) (*store.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "台账.db")
	st, err := store.Open(context.Background(), path, store.Options{Operator: "测试员"})
	if err != nil {
		t.Fatal(err)
	}
	st.Now = func() time.Time { return testNow }
	t.Cleanup(func() { st.Close() })
	return st, path
}

// idFor makes a valid 18-digit ID number.
func idFor(birth string, seq int) string {
	first := "320102" + birth + string(rune('0'+seq/100%10)) + string(rune('0'+seq/10%10)) + string(rune('0'+seq%10))
	return first + string(model.IDCheckDigit(first))
}

// cellValue is what a fixture cell holds: a string (a text cell), a float64 (a numeric
// cell, as Excel stores a number typed into a General cell), or nil.
type sheetSpec struct {
	name   string
	rows   [][]any
	merges [][2]string // ranges to merge
}

func writeXLSX(t testing.TB, path string, sheets ...sheetSpec) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		for r, row := range s.rows {
			for c, v := range row {
				if v == nil {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if err := f.SetCellValue(s.name, cell, v); err != nil {
					t.Fatal(err)
				}
			}
		}
		for _, m := range s.merges {
			if err := f.MergeCell(s.name, m[0], m[1]); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func writeCSV(t testing.TB, path, text, enc string) string {
	t.Helper()
	var b []byte
	switch enc {
	case "utf8":
		b = []byte(text)
	case "bom":
		b = append([]byte{0xEF, 0xBB, 0xBF}, text...)
	case "gbk":
		s, err := simplifiedchinese.GBK.NewEncoder().String(text)
		if err != nil {
			t.Fatal(err)
		}
		b = []byte(s)
	case "utf16":
		s, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(text)
		if err != nil {
			t.Fatal(err)
		}
		b = []byte(s)
	case "utf16nobom":
		s, err := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().String(text)
		if err != nil {
			t.Fatal(err)
		}
		b = []byte(s)
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func mustOpen(t testing.TB, st *store.Store, path, sheet string) *Source {
	t.Helper()
	src, err := Open(context.Background(), st, path, sheet)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	return src
}

func countPeople(t testing.TB, st *store.Store) int {
	t.Helper()
	var n int
	if err := st.DB().QueryRow("SELECT count(*) FROM people WHERE deleted_at = ''").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// lineOf finds the report line of a sheet row.
func lineOf(t testing.TB, rep *Report, row int) Line {
	t.Helper()
	for _, l := range rep.Lines {
		if l.Row == row {
			return l
		}
	}
	t.Fatalf("no line for row %d", row)
	return Line{}
}

func hasCode(l Line, code string) bool {
	for _, p := range l.Problems {
		if p.Code == code {
			return true
		}
	}
	return false
}
