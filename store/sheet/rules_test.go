package sheet

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"shuangyong/model"
	"shuangyong/store/tally/tallytest"
)

// The title names the township (乡镇（街道）名称) when it is set; 填报单位 stays in its row.
func TestExportTownshipTitle(t *testing.T) {
	f := tallytest.New(t)
	ctx := context.Background()
	st, err := f.S.Settings(ctx)
	tallytest.Must(t, err)
	st.Township, st.Office = "青山镇", "青山镇退役军人服务站"
	tallytest.Must(t, f.S.SaveSettings(ctx, st))
	x := openBook(t, export(t, f, Options{}))
	if v, _ := x.GetCellValue("汇总", "A1"); v != "青山镇2026年度双拥工作统计表" {
		t.Errorf("title %q", v)
	}
	info, _ := x.GetRows("汇总")
	if line := strings.Join(info[2], " "); !strings.Contains(line, "填报单位：青山镇退役军人服务站") {
		t.Errorf("info row %q", line)
	}
}

// Dates in the detail sheets are real date cells shown yyyy-mm-dd.
func TestExportDateCells(t *testing.T) {
	f := tallytest.New(t)
	x := openBook(t, export(t, f, Options{}))
	n, r := findRow(t, x, "走访明细", "1")
	if r[1] != "2026-01-20" {
		t.Errorf("date shown as %q", r[1])
	}
	cell := "B" + strconv.Itoa(n)
	if typ, _ := x.GetCellType("走访明细", cell); typ == excelize.CellTypeInlineString || typ == excelize.CellTypeSharedString {
		t.Errorf("%s is text, not a date", cell)
	}
	if got := raw(t, x, "走访明细", cell); got != "46042" { // 2026-01-20 as a serial day
		t.Errorf("%s holds %q", cell, got)
	}
	sid, _ := x.GetCellStyle("走访明细", cell)
	if st, _ := x.GetStyle(sid); st == nil || st.CustomNumFmt == nil || *st.CustomNumFmt != "yyyy-mm-dd" {
		t.Errorf("%s style %+v", cell, st)
	}
}

// Rule 8: a past year's list of people not visited shows their last visit as it stood at
// the end of that year — never a visit of a later year.
func TestNotVisitedLastVisitAsOfPeriodEnd(t *testing.T) {
	f := tallytest.New(t)
	x := openBook(t, export(t, f, Options{Year: 2025}))
	rows, err := x.GetRows("未走访人员")
	tallytest.Must(t, err)
	_, head := findRow(t, x, "未走访人员", "序号")
	col := -1
	for i, h := range head {
		if h == hLastVisit {
			col = i
		}
	}
	found := 0
	for _, r := range rows {
		if len(r) > 2 && (r[2] == "张三" || r[2] == "李四") {
			found++
			// Both were last visited in 2026; before 2026 never (张三's 2026 visits, V4/V5).
			if len(r) > col && r[col] != "" {
				t.Errorf("%s: last visit %q in a 2025 list", r[2], r[col])
			}
		}
	}
	if found != 2 {
		t.Errorf("张三 and 李四 not both on the 2025 list (%d): %v", found, rows)
	}
}

// Ranges of years: every table and the title speak of the period; nothing is compared.
func TestExportRange(t *testing.T) {
	f := tallytest.New(t)
	x := openBook(t, export(t, f, Options{Year: 2025, ToYear: 2026}))
	if v, _ := x.GetCellValue("汇总", "A1"); v != "青山镇2025年至2026年双拥工作统计表" {
		t.Errorf("title %q", v)
	}
	_, head := findRow(t, x, "汇总", "指标")
	if len(head) != 3 || head[2] != "本期" {
		t.Errorf("headline header %v", head)
	}
	_, total := findRow(t, x, "走访慰问", "合计", "全期")
	// 2025: V9, V10; 2026: six visits (rule 7: not V6).
	if total[2] != "8" {
		t.Errorf("visits over 2025–2026 %v", total)
	}
	if _, head := findRow(t, x, "优抚对象", "优抚类别"); head[1] != "期初在册（人）" {
		t.Errorf("roster header %v", head)
	}
	findRow(t, x, "走访慰问", "合计", "各年第一季度")
	findRow(t, x, "月度统计", "各年1月")
	tl := mustTally(t, f)
	if text := model.SummaryDraft(tl, model.Zh); strings.HasPrefix(text, "2025年至2026年") {
		t.Errorf("a single year reads as a range: %s", text)
	}
}
