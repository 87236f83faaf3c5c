package sheet

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"shuangyong/model"
	"shuangyong/store/tally/tallytest"
)

// The duty tables of tallytest.NewDuties (worked out there) as CSV and in the workbook, for
// a year and for a range (whose headers name its last year).
func TestExportDuties(t *testing.T) {
	f := tallytest.NewDuties(t)
	dir := t.TempDir()
	for _, c := range []struct {
		table      string
		head, last []string
	}{
		{"contacts", []string{"优抚类别", "重点对象（人）", "第四季度已联系（人）", "第四季度未联系（人）", "全年已联系（人）", "全年入户走访（人）", "完成率"},
			[]string{"合计", "4", "1", "3", "3", "2", "25%"}},
		{"plaques", []string{"项目", "应悬挂（户）", "已悬挂（户）", "待悬挂（户）", "待更换（户）", "不再更换（户）", "悬挂率"},
			[]string{"合计", "5", "2", "1", "1", "1", "40%"}},
		{"confirmations", []string{"确认年度", "应确认（人）", "已确认（人）", "未确认（人）", "完成率"},
			[]string{"2026年度", "4", "2", "2", "50%"}},
	} {
		recs := readCSV(t, export(t, f, Options{Path: filepath.Join(dir, c.table+".csv"), Table: c.table}))
		if !slicesEqual(recs[0], c.head) {
			t.Errorf("%s header %v, want %v", c.table, recs[0], c.head)
		}
		if last := recs[len(recs)-1]; !slicesEqual(last, c.last) {
			t.Errorf("%s total %v, want %v", c.table, last, c.last)
		}
	}
	x := openBook(t, export(t, f, Options{}))
	if _, row := findRow(t, x, "常态化联系", "退役士兵"); !slicesEqual(row[:6], []string{"退役士兵", "1", "1", "0", "1", "1"}) {
		t.Errorf("退役士兵 row %v", row)
	}
	findRow(t, x, "光荣牌", "合计", "5")
	findRow(t, x, "年度确认", "2026年度", "4", "2", "2")

	x = openBook(t, export(t, f, Options{Year: 2024, ToYear: 2026, Path: filepath.Join(dir, "range.xlsx")}))
	if _, head := findRow(t, x, "常态化联系", "优抚类别"); head[2] != "2026年第四季度已联系（人）" || head[4] != "2026年已联系（人）" {
		t.Errorf("range header %v", head)
	}
}

// Under another rule of contact (F9) every file names and counts that rule's current
// period, as the 统计 tab does: the CSV table, the workbook's sheet and its note, the text
// file's paragraph. Under a monthly rule K3's call of 10-15 is not November's.
func TestExportDutiesUnderAnotherRule(t *testing.T) {
	f := tallytest.NewDuties(t)
	dir := t.TempDir()
	for _, c := range []struct {
		months     int
		label      string
		last       []string
		sentence   string
		headOfYear string
	}{
		{1, "11月", []string{"合计", "4", "0", "4", "3", "2", "0%"}, "11月常态化联系完成率0%", "全年已联系（人）"},
		{6, "下半年", []string{"合计", "4", "1", "3", "3", "2", "25%"}, "下半年常态化联系完成率25%", "全年已联系（人）"},
		{4, "9至12月", []string{"合计", "4", "1", "3", "3", "2", "25%"}, "9至12月常态化联系完成率25%", "全年已联系（人）"},
		// A yearly rule's period is the year: 全年已联系 once, not a second column equal to it.
		{12, "全年", []string{"合计", "4", "3", "1", "2", "75%"}, "全年常态化联系完成率75%", ""},
	} {
		d := model.DefaultDutySettings()
		d.Key.ContactMonths = c.months
		tallytest.Must(t, f.S.SaveDutySettings(context.Background(), d))
		name := strconv.Itoa(c.months)
		recs := readCSV(t, export(t, f, Options{Path: filepath.Join(dir, name+".csv"), Table: "contacts"}))
		want := []string{"优抚类别", "重点对象（人）", c.label + "已联系（人）", c.label + "未联系（人）", c.headOfYear, "全年入户走访（人）", "完成率"}
		if c.headOfYear == "" {
			want = append(want[:4], want[5:]...)
		}
		if !slicesEqual(recs[0], want) {
			t.Errorf("every %d months: header %v, want %v", c.months, recs[0], want)
		}
		if last := recs[len(recs)-1]; !slicesEqual(last, c.last) {
			t.Errorf("every %d months: total %v, want %v", c.months, last, c.last)
		}
		x := openBook(t, export(t, f, Options{Path: filepath.Join(dir, name+".xlsx")}))
		rows, err := x.GetRows("常态化联系")
		tallytest.Must(t, err)
		all := ""
		for _, r := range rows {
			all += strings.Join(r, "|") + "\n"
		}
		if strings.Contains(all, "季度") || !strings.Contains(all, "完成率＝"+c.label+"已联系÷重点对象") {
			t.Errorf("every %d months: the sheet\n%s", c.months, all)
		}
		b, err := os.ReadFile(export(t, f, Options{Path: filepath.Join(dir, name+".txt")}))
		tallytest.Must(t, err)
		if !strings.Contains(string(b), c.sentence) {
			t.Errorf("every %d months: the text lacks %q:\n%s", c.months, c.sentence, b)
		}
	}
}
