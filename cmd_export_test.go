package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"shuangyong/store/sheet"
)

// The export command: ranges of years, every table listed in --help, and --format agreeing
// with the -o file's extension (or the user told, nothing written).
func TestExportCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "台账.db")
	if code, out, errOut := cmd(t, "demo", "--db", db, "--people", "200", "--events", "1500", "--seed", "3"); code != 0 {
		t.Fatalf("demo: %d %q %q", code, out, errOut)
	}
	xlsx := filepath.Join(dir, "近五年.xlsx")
	code, out, errOut := cmd(t, "export", "--db", db, "--year", "2022-2026", "-o", xlsx)
	if code != 0 || !strings.Contains(out, "2022年至2026年") {
		t.Fatalf("range export: %d %q %q", code, out, errOut)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := f.GetCellValue("汇总", "A1"); !strings.Contains(v, "2022年至2026年双拥工作统计表") {
		t.Errorf("title %q", v)
	}
	f.Close()

	// The duty tables of the demo data, as CSV on standard output.
	for table, head := range map[string]string{"contacts": "重点对象（人）", "plaques": "应悬挂（户）", "confirmations": "应确认（人）"} {
		code, out, errOut := cmd(t, "export", "--db", db, "--year", "2025", "--table", table, "--format", "csv", "-o", "-")
		if code != 0 || !strings.Contains(out, head) || !strings.Contains(out, "合计") && !strings.Contains(out, "2025年度") {
			t.Errorf("--table %s: %d %q %q", table, code, out, errOut)
		}
	}

	// A table asked for on standard output without a format comes as that table (it was
	// the summary paragraph).
	if code, out, errOut := cmd(t, "export", "--db", db, "--year", "2025", "--table", "plaques", "-o", "-"); code != 0 ||
		!strings.Contains(out, "应悬挂（户）") || strings.Contains(out, "今年以来") {
		t.Errorf("--table plaques -o -: %d %.200q %q", code, out, errOut)
	}

	for _, help := range [][]string{{"export", "--help"}, {"--help"}} {
		code, out, _ = cmd(t, help...)
		for _, tb := range sheet.Tables() {
			if code != 0 || !strings.Contains(out, tb.Key) || !strings.Contains(out, tb.Sheet) {
				t.Errorf("%v does not list %s (%s):\n%s", help, tb.Key, tb.Sheet, out)
			}
		}
	}
	if !strings.Contains(out, "2019-2023") && !strings.Contains(out, "YYYY-YYYY") && !strings.Contains(out, "起始年-结束年") {
		t.Errorf("usage does not show a range of years:\n%s", out)
	}

	for _, c := range []struct {
		args []string
		says string
	}{
		{[]string{"--year", "2026", "--format", "csv", "-o", filepath.Join(dir, "表.xlsx")}, ".csv"},
		{[]string{"--year", "2026", "--format", "xlsx", "-o", filepath.Join(dir, "表.csv")}, ".xlsx"},
		{[]string{"--year", "2026", "-o", filepath.Join(dir, "表.pdf")}, "--format"},
		{[]string{"--year", "2026-2019", "-o", filepath.Join(dir, "表2.xlsx")}, "2026-2019"},
		{[]string{"--year", "20x6", "-o", filepath.Join(dir, "表3.xlsx")}, "20x6"},
		{[]string{"--year", "2026", "--public", "--table", "not_visited", "-o", filepath.Join(dir, "公示.csv")}, "公示版"},
	} {
		code, _, errOut := cmd(t, append([]string{"export", "--db", db}, c.args...)...)
		if code == 0 || !strings.Contains(errOut, c.says) || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
			t.Errorf("%v: %d %q (want one line saying %q)", c.args, code, errOut, c.says)
		}
		if p := c.args[len(c.args)-1]; fileExists(p) {
			t.Errorf("%v wrote %s", c.args, p)
		}
	}
	// A matching pair, and a file with no extension and a --format, are fine.
	for _, args := range [][]string{
		{"--year", "2026", "--format", "csv", "--table", "events", "-o", filepath.Join(dir, "活动.csv")},
		{"--year", "2026", "--format", "text", "-o", filepath.Join(dir, "总结")},
	} {
		if code, out, errOut := cmd(t, append([]string{"export", "--db", db}, args...)...); code != 0 {
			t.Errorf("%v: %d %q %q", args, code, out, errOut)
		}
	}
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
