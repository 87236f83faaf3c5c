package sheet

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"shuangyong/model"
	"shuangyong/store/tally"
	"shuangyong/store/tally/tallytest"
)

var wantSheets = []string{"汇总", "优抚对象", "分村统计", "走访慰问", "走访覆盖", "双拥活动", "活动物品", "拥军情况", "拥政爱民",
	"月度统计", "常态化联系", "光荣牌", "年度确认", "走访明细", "活动明细", "未走访人员"}

func export(t *testing.T, f *tallytest.Fixture, opt Options) string {
	t.Helper()
	if opt.Path == "" {
		opt.Path = filepath.Join(t.TempDir(), "统计 2026.xlsx")
	}
	if opt.Year == 0 {
		opt.Year = 2026
	}
	if err := Export(context.Background(), f.S, opt); err != nil {
		t.Fatalf("export %+v: %v", opt, err)
	}
	return opt.Path
}

func openBook(t *testing.T, path string) *excelize.File {
	t.Helper()
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	return x
}

// findRow returns the row (1-based) whose first cells are first..., and its cells.
func findRow(t *testing.T, x *excelize.File, sheet string, first ...string) (int, []string) {
	t.Helper()
	rows, err := x.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if len(r) >= len(first) && slicesEqual(r[:len(first)], first) {
			return i + 1, r
		}
	}
	t.Fatalf("%s: no row starting %v", sheet, first)
	return 0, nil
}

func slicesEqual(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// raw reads a cell's stored value (not its formatted text).
func raw(t *testing.T, x *excelize.File, sheet, cell string) string {
	t.Helper()
	v, err := x.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func col(n int) string {
	s, _ := excelize.ColumnNumberToName(n)
	return s
}

func TestExportXLSX(t *testing.T) {
	f := tallytest.New(t)
	tl, err := tally.Compute(context.Background(), f.S, 2026)
	tallytest.Must(t, err)
	x := openBook(t, export(t, f, Options{}))

	if got := x.GetSheetList(); !slicesEqual(got, wantSheets) {
		t.Fatalf("sheets = %v", got)
	}
	for _, sh := range wantSheets {
		for cell, want := range map[string]string{"A1": "青山镇2026年度双拥工作统计表", "A4": "内部资料 注意保密"} {
			if v, _ := x.GetCellValue(sh, cell); v != want {
				t.Errorf("%s!%s = %q, want %q", sh, cell, v, want)
			}
		}
		info, _ := x.GetRows(sh)
		if line := strings.Join(info[2], " "); !strings.Contains(line, "填报单位：青山镇") || !strings.Contains(line, "填报日期：2026年11月29日") {
			t.Errorf("%s: info row %q", sh, line)
		}
		if _, r := findRow(t, x, sh, "制表人：王会计"); !strings.Contains(strings.Join(r, " "), "审核人：") {
			t.Errorf("%s: footer %v", sh, r)
		}
		panes, err := x.GetPanes(sh)
		tallytest.Must(t, err)
		if !panes.Freeze || panes.YSplit != rowHeader || panes.TopLeftCell != "A6" {
			t.Errorf("%s: panes %+v", sh, panes)
		}
		layout, err := x.GetPageLayout(sh)
		tallytest.Must(t, err)
		if layout.Size == nil || *layout.Size != 9 || layout.Orientation == nil || *layout.Orientation != "landscape" ||
			layout.FitToWidth == nil || *layout.FitToWidth != 1 {
			t.Errorf("%s: page layout %+v", sh, layout)
		}
		hf, err := x.GetHeaderFooter(sh)
		tallytest.Must(t, err)
		if hf == nil || !strings.Contains(hf.OddFooter, "&P") || !strings.Contains(hf.OddHeader, "内部资料") {
			t.Errorf("%s: header/footer %+v", sh, hf)
		}
	}
	titles := map[string]bool{}
	for _, dn := range x.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			titles[dn.Scope] = dn.RefersTo == "'"+dn.Scope+"'!$5:$5"
		}
	}
	for _, sh := range wantSheets {
		if !titles[sh] {
			t.Errorf("%s: no print titles (%v)", sh, titles)
		}
	}

	// Headers carry their units.
	_, head := findRow(t, x, "走访慰问", "优抚类别", "时段")
	for _, h := range []string{"走访慰问（人次）", "人数（人）", "户数（户）", "慰问金（元）", "慰问品折价（元）", "合计（元）"} {
		if !strings.Contains(strings.Join(head, "|"), h) {
			t.Errorf("visits header %v lacks %s", head, h)
		}
	}

	// Totals equal the tally.
	yr := tl.Visits.Total.Year
	n, _ := findRow(t, x, "走访慰问", "合计", "全年")
	for c, want := range []string{strconv.Itoa(yr.Visits), strconv.Itoa(yr.People), strconv.Itoa(yr.Households), "1600", "500", "2100"} {
		if got := raw(t, x, "走访慰问", col(c+3)+strconv.Itoa(n)); got != want {
			t.Errorf("走访慰问 total column %d = %q, want %q", c+3, got, want)
		}
	}
	if v, _ := x.GetCellValue("走访慰问", "F"+strconv.Itoa(n)); v != "1,600.00" {
		t.Errorf("money shown as %q, want 1,600.00", v)
	}
	// Rule 1: the two scopes of the 双拥活动 table are labelled; the one without 走访慰问 is
	// the headline's 双拥活动场次.
	n, _ = findRow(t, x, "双拥活动", "合计（含走访慰问）", "全年")
	if got := raw(t, x, "双拥活动", "C"+strconv.Itoa(n)); got != strconv.Itoa(tl.Events.Total.Year.Events) {
		t.Errorf("events total %s", got)
	}
	n, _ = findRow(t, x, "双拥活动", "双拥活动合计（不含走访慰问）", "全年")
	if got := raw(t, x, "双拥活动", "C"+strconv.Itoa(n)); got != "5" || tl.Headline.Activities != 5 {
		t.Errorf("activities total %s, headline %d", got, tl.Headline.Activities)
	}
	n, _ = findRow(t, x, "优抚对象", "合计")
	if got := raw(t, x, "优抚对象", "E"+strconv.Itoa(n)); got != "4" {
		t.Errorf("roster total %s", got)
	}
	n, _ = findRow(t, x, "走访明细", "合计")
	if got := raw(t, x, "走访明细", "M"+strconv.Itoa(n)); got != "1600" {
		t.Errorf("visits detail total 慰问金 %s", got)
	}
	n, _ = findRow(t, x, "活动明细", "合计")
	// 8 100 元 = 6 000 of activities + 2 100 of visits (rule 2: a 走访慰问 event's money is
	// its visits'; V6's person is trashed, V8 and its event too): the 双拥活动 合计.
	if got := raw(t, x, "活动明细", "M"+strconv.Itoa(n)); got != "8100" || tl.Events.Total.Year.MoneyFen != 810000 {
		t.Errorf("events detail total %s, the tally's %d", got, tl.Events.Total.Year.MoneyFen)
	}
	n, _ = findRow(t, x, "活动物品", "全部类型", "鞋垫")
	if got := raw(t, x, "活动物品", "D"+strconv.Itoa(n)); got != "276" {
		t.Errorf("鞋垫 %s", got)
	}

	// ID and phone cells are text cells holding every digit, styled "@".
	n, r := findRow(t, x, "走访明细", "1")
	if r[5] != "320102197001010118" || r[6] != "13812345678" || r[7] != "李家村3组12号" {
		t.Errorf("visit row %v", r)
	}
	for _, c := range []string{"F", "G"} {
		cell := c + strconv.Itoa(n)
		typ, _ := x.GetCellType("走访明细", cell)
		if typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString {
			t.Errorf("%s is of type %v, not text", cell, typ)
		}
		sid, _ := x.GetCellStyle("走访明细", cell)
		st, _ := x.GetStyle(sid)
		if st == nil || st.NumFmt != 49 {
			t.Errorf("%s style %+v, want NumFmt 49", cell, st)
		}
	}
	_, r = findRow(t, x, "未走访人员", "1")
	if !slicesEqual(r[:6], []string{"1", "李家村", "孙七", "女", "1949-12-31", "11010519491231002X"}) {
		t.Errorf("not visited %v", r)
	}
	// Columns fit Chinese text: a wide character counts 2.
	w, _ := x.GetColWidth("优抚对象", "A")
	if w < float64(textWidth("60周岁以上农村籍退役士兵")) {
		t.Errorf("category column %.1f wide", w)
	}
}

func TestExportPublic(t *testing.T) {
	f := tallytest.New(t)
	x := openBook(t, export(t, f, Options{Public: true}))
	// The 公示版 leaves out the list of people not visited (a work list, SPEC §5).
	public := wantSheets[:len(wantSheets)-1]
	if got := x.GetSheetList(); !slicesEqual(got, public) {
		t.Errorf("public sheets %v", got)
	}
	for _, sh := range public {
		if v, _ := x.GetCellValue(sh, "A4"); !strings.HasPrefix(v, "公示版") {
			t.Errorf("%s!A4 = %q", sh, v)
		}
		rows, _ := x.GetRows(sh)
		for _, r := range rows {
			for _, c := range r {
				for _, secret := range []string{"320102197001010118", "13812345678", "11010519491231002X", "3组12号", "5组1号",
					"高血压", "内部资料", "伤残性质", "健康状况", "困难诉求", "走访情况", "出生日期", "1949-12-31"} {
					if strings.Contains(c, secret) {
						t.Errorf("%s: the public workbook shows %q in %q", sh, secret, c)
					}
				}
			}
		}
	}
	_, r := findRow(t, x, "走访明细", "1")
	if r[5] != "320102********0118" || r[6] != "138****5678" || r[7] != "李家村" {
		t.Errorf("masked visit row %v", r)
	}
	hf, _ := x.GetHeaderFooter("汇总")
	if strings.Contains(hf.OddHeader, "内部资料") {
		t.Errorf("public header %q", hf.OddHeader)
	}
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	b, err := os.ReadFile(path)
	tallytest.Must(t, err)
	if !bytes.HasPrefix(b, bom) {
		t.Fatalf("%s does not start with the UTF-8 BOM: % x", path, b[:min(len(b), 8)])
	}
	if !bytes.Contains(b, []byte("\r\n")) || bytes.Count(b, []byte("\n")) != bytes.Count(b, []byte("\r\n")) {
		t.Errorf("%s: lines do not end with CRLF", path)
	}
	recs, err := csv.NewReader(bytes.NewReader(b[len(bom):])).ReadAll()
	tallytest.Must(t, err)
	return recs
}

func TestExportCSV(t *testing.T) {
	f := tallytest.New(t)
	dir := t.TempDir()
	recs := readCSV(t, export(t, f, Options{Path: filepath.Join(dir, "走访.csv")}))
	if !slicesEqual(recs[0], []string{"优抚类别", "时段", "走访慰问（人次）", "人数（人）", "户数（户）", "慰问金（元）", "慰问品折价（元）", "合计（元）"}) {
		t.Errorf("header %v", recs[0])
	}
	if last := recs[len(recs)-1]; !slicesEqual(last, []string{"合计", "全年", "6", "4", "3", "1600.00", "500.00", "2100.00"}) {
		t.Errorf("total %v", last)
	}

	recs = readCSV(t, export(t, f, Options{Path: filepath.Join(dir, "明细.csv"), Table: "visit_detail"}))
	if recs[1][5] != "\t320102197001010118" || strings.TrimSpace(recs[1][5]) != "320102197001010118" || recs[1][6] != "\t13812345678" {
		t.Errorf("ID and phone fields %q %q", recs[1][5], recs[1][6])
	}
	if err := Export(context.Background(), f.S, Options{Year: 2026, Path: filepath.Join(dir, "公示.csv"), Table: "not_visited", Public: true}); !errors.Is(err, ErrPublicNotVisited) {
		t.Errorf("public list of people not visited: %v", err)
	}
	recs = readCSV(t, export(t, f, Options{Path: filepath.Join(dir, "物品.csv"), Table: "items", Format: FormatCSV}))
	if len(recs) != 10 {
		t.Errorf("items: %d records", len(recs))
	}
	for _, tb := range Tables() {
		readCSV(t, export(t, f, Options{Path: filepath.Join(dir, tb.Key+".csv"), Table: tb.Key}))
	}
	if got := csvField("=1+1"); got != "\t=1+1" {
		t.Errorf("formula-like text %q", got)
	}
}

func TestExportText(t *testing.T) {
	f := tallytest.New(t)
	path := export(t, f, Options{Path: filepath.Join(t.TempDir(), "总结.txt")})
	b, err := os.ReadFile(path)
	tallytest.Must(t, err)
	if !bytes.HasPrefix(b, bom) || !bytes.HasSuffix(b, []byte("。\r\n")) {
		t.Errorf("text file framing: %q", b)
	}
	text := string(b)
	for _, want := range []string{"今年以来", "共开展走访慰问5次", "慰问优抚对象3户4人、6人次", "发放慰问金1600元", "送去慰问品折合500元",
		"覆盖率75%", "组织文艺联欢2场", "召开座谈会1场", "鞋垫276双", "标语100幅", "宣传资料300份", "参加活动380人次",
		"其中部队官兵140人次", "投入活动经费6000元", "共计4人"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
	if want := model.SummaryDraft(mustTally(t, f), model.Zh); !strings.Contains(text, want) {
		t.Errorf("text is not the draft")
	}
}

func mustTally(t *testing.T, f *tallytest.Fixture) model.Tally {
	tl, err := tally.Compute(context.Background(), f.S, 2026)
	tallytest.Must(t, err)
	return tl
}

// TestExportFailureKeepsTarget: a cancelled export, one that fails mid-way, and one that
// cannot write leave the existing file as it was and no temporary file behind.
func TestExportFailureKeepsTarget(t *testing.T) {
	f := tallytest.New(t)
	dir := t.TempDir()
	target := filepath.Join(dir, "统计.xlsx")
	old := []byte("the workbook of last week")
	tallytest.Must(t, os.WriteFile(target, old, 0o644))
	intact := func(what string) {
		t.Helper()
		b, err := os.ReadFile(target)
		if err != nil || !bytes.Equal(b, old) {
			t.Errorf("%s: target changed (%v)", what, err)
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if e.Name() != "统计.xlsx" {
				t.Errorf("%s: left %s behind", what, e.Name())
			}
		}
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Export(ctx, f.S, Options{Year: 2026, Path: target}); err == nil {
		t.Error("a cancelled export succeeded")
	}
	intact("cancelled before")

	ctx, cancel = context.WithCancel(context.Background())
	calls := 0
	err := Export(ctx, f.S, Options{Year: 2026, Path: target, Progress: func(done, total int) {
		if calls++; calls == 3 {
			cancel() // the user pressed Esc while the sheets were being written
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("export cancelled mid-way: %v", err)
	}
	intact("cancelled mid-way")

	if err := Export(context.Background(), f.S, Options{Year: 2026, Path: filepath.Join(dir, "no such folder", "x.xlsx")}); err == nil {
		t.Error("export into a missing folder succeeded")
	}
	intact("missing folder")

	if os.Geteuid() != 0 { // root writes anywhere
		tallytest.Must(t, os.Chmod(dir, 0o555))
		err := Export(context.Background(), f.S, Options{Year: 2026, Path: target})
		os.Chmod(dir, 0o755)
		if err == nil {
			t.Error("export into a read-only folder succeeded")
		}
		intact("read-only folder")
	}

	for _, bad := range []Options{{Year: 2026}, {Year: 0, Path: target}, {Year: 2026, Path: target, Format: "pdf"},
		{Year: 2026, Path: filepath.Join(dir, "x.csv"), Table: "nonsense"}} {
		if err := Export(context.Background(), f.S, bad); !errors.Is(err, ErrOptions) {
			t.Errorf("%+v: %v", bad, err)
		}
	}
	intact("bad options")

	// And a successful export replaces the file; an internal one is private even over a
	// file that was public (SPEC.md §8).
	var last [2]int
	tallytest.Must(t, Export(context.Background(), f.S, Options{Year: 2026, Path: target, Progress: func(d, n int) { last = [2]int{d, n} }}))
	if last[0] != last[1] || last[1] == 0 {
		t.Errorf("last progress %v", last)
	}
	fi, err := os.Stat(target)
	tallytest.Must(t, err)
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", fi.Mode())
	}
	openBook(t, target)
}

func TestTextWidth(t *testing.T) {
	for s, want := range map[string]int{"湖南省长沙市": 12, "abc": 3, "慰问金（元）": 12, "1,200.50": 8, "买买提·吐尔逊": 13} {
		if got := textWidth(s); got != want {
			t.Errorf("textWidth(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestDetailPlans: the events sheet reads the index events_date in date order; the visits
// sheet does not ask SQLite to sort (it sorts in Go).
func TestDetailPlans(t *testing.T) {
	f := tallytest.New(t)
	for _, q := range []string{
		`SELECT e.id || char(31) || e.title FROM events e WHERE e.date BETWEEN '2026-01-01' AND '2026-12-31' AND e.deleted_at = '' ORDER BY e.date, e.id`,
		`SELECT v.id || char(31) || p.name || char(31) || e.title FROM visits v JOIN people p ON p.id = v.person_id JOIN events e ON e.id = v.event_id WHERE v.date >= '2026' AND v.date < '2027' AND v.deleted_at = '' ORDER BY v.date, v.id`,
	} {
		rows, err := f.S.DB().Query("EXPLAIN QUERY PLAN " + q)
		tallytest.Must(t, err)
		var plan []string
		for rows.Next() {
			var id, parent, notused int
			var detail string
			tallytest.Must(t, rows.Scan(&id, &parent, &notused, &detail))
			plan = append(plan, detail)
		}
		rows.Close()
		p := strings.Join(plan, "; ")
		if strings.Contains(p, "TEMP B-TREE") || strings.Contains(p, "SCAN e") || strings.Contains(p, "SCAN v") {
			t.Errorf("plan of %s:\n%s", q, p)
		}
	}
}

// TestExportEmpty: a new ledger exports without error in every format.
func TestExportEmpty(t *testing.T) {
	s := tallytest.Open(t)
	dir := t.TempDir()
	for _, opt := range []Options{{Path: "a.xlsx"}, {Path: "b.xlsx", Public: true}, {Path: "c.csv"}, {Path: "d.csv", Table: "visit_detail"},
		{Path: "e.txt"}} {
		opt.Year, opt.Path = 2026, filepath.Join(dir, opt.Path)
		if err := Export(context.Background(), s, opt); err != nil {
			t.Errorf("%+v: %v", opt, err)
		}
	}
	x := openBook(t, filepath.Join(dir, "a.xlsx"))
	if v, _ := x.GetCellValue("汇总", "A1"); v != "2026年度双拥工作统计表" {
		t.Errorf("title without an office: %q", v)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "e.txt"))
	if !strings.Contains(string(b), "暂无") {
		t.Errorf("empty draft %q", b)
	}
}
