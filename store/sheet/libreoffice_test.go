package sheet

import (
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"shuangyong/store/tally/tallytest"
)

// TestLibreOffice opens the exported files in LibreOffice (headless) when
// SHUANGYONG_LIBREOFFICE=1 and soffice is installed: the workbook is converted to CSV (every
// sheet, values as shown) and to PDF, and the figures read back; our CSV is imported and its ID numbers
// must come back as text with all 18 digits. It takes tens of seconds, so it is opt-in.
func TestLibreOffice(t *testing.T) {
	if os.Getenv("SHUANGYONG_LIBREOFFICE") != "1" {
		t.Skip("set SHUANGYONG_LIBREOFFICE=1 to open the exports in LibreOffice")
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed")
	}
	f := tallytest.New(t)
	dir := t.TempDir()
	convert := func(src, to, filter string) {
		t.Helper()
		args := []string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless"}
		if filter != "" {
			args = append(args, "--infilter="+filter)
		}
		args = append(args, "--convert-to", to, "--outdir", filepath.Join(dir, "out"), src)
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		defer cancel()
		out, err := exec.CommandContext(ctx, soffice, args...).CombinedOutput()
		if err != nil {
			t.Fatalf("soffice %v: %v\n%s", args, err, out)
		}
	}
	read := func(name string) [][]string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(dir, "out", name))
		if err != nil {
			entries, _ := os.ReadDir(filepath.Join(dir, "out"))
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			t.Fatalf("%v (LibreOffice wrote %v)", err, names)
		}
		recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(b), "\ufeff"))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return recs
	}
	find := func(recs [][]string, first ...string) []string {
		t.Helper()
		for _, r := range recs {
			if len(r) >= len(first) && slicesEqual(r[:len(first)], first) {
				return r
			}
		}
		t.Fatalf("no row starting %v in %v", first, recs)
		return nil
	}

	// The workbook: every sheet as CSV (filter option 12 = -1: all sheets), and a PDF.
	book := filepath.Join(dir, "book.xlsx")
	export(t, f, Options{Path: book})
	convert(book, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", "")
	convert(book, "pdf", "")
	if fi, err := os.Stat(filepath.Join(dir, "out", "book.pdf")); err != nil || fi.Size() < 10000 {
		t.Errorf("PDF: %v", err)
	}
	visits := read("book-走访慰问.csv")
	if r := find(visits, "合计", "全年"); !slicesEqual(r[2:8], []string{"7", "5", "4", "1,700.00", "500.00", "2,200.00"}) {
		t.Errorf("走访慰问 total as LibreOffice reads it: %v", r)
	}
	if r := find(read("book-汇总.csv"), "走访覆盖率"); r[2] != "75.0%" {
		t.Errorf("coverage %v", r)
	}
	if r := find(read("book-走访明细.csv"), "1"); r[5] != "320102197001010118" || r[6] != "13812345678" {
		t.Errorf("ID and phone as LibreOffice shows them: %v", r)
	}
	if r := find(read("book-活动物品.csv"), "全部类型", "鞋垫"); r[3] != "276" {
		t.Errorf("鞋垫 %v", r)
	}
	if r := find(read("book-未走访人员.csv"), "1"); r[5] != "11010519491231002X" {
		t.Errorf("not visited %v", r)
	}

	// Our CSV, opened as a spreadsheet: ID numbers stay text with every digit.
	detail := filepath.Join(dir, "detail.csv")
	export(t, f, Options{Path: detail, Table: "visit_detail"})
	convert(detail, "xlsx", "CSV:44,34,76,1")
	x, err := excelize.OpenFile(filepath.Join(dir, "out", "detail.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	sh := x.GetSheetName(0)
	for _, cell := range []string{"F2", "G2"} {
		v, _ := x.GetCellValue(sh, cell)
		typ, _ := x.GetCellType(sh, cell)
		if typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset {
			t.Errorf("%s became a number: %q", cell, v)
		}
		if want := map[string]string{"F2": "320102197001010118", "G2": "13812345678"}[cell]; strings.TrimSpace(v) != want {
			t.Errorf("%s = %q, want %s", cell, v, want)
		}
	}
	if h, _ := x.GetCellValue(sh, "A1"); h != "序号" {
		t.Errorf("header read as %q (byte-order mark not honoured?)", h)
	}
}
