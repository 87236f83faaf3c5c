package sheet

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/store/tally/tallytest"
)

// The 发放清单 lists the people ticked off, village by village with subtotals and a grand
// total; ID numbers masked as text; a tall blank signature column; A4 portrait with the
// header rows repeated; the file is its owner's only.
func TestExportCampaign(t *testing.T) {
	s := tallytest.Open(t)
	ctx := context.Background()
	tallytest.Must(t, s.SaveSettings(ctx, model.Settings{Office: "青山镇退役军人服务站", Township: "青山镇"}))
	tallytest.Must(t, s.SaveVillages(ctx, []model.Village{{Name: "李家村"}, {Name: "王庄村"}}))
	vs, _ := s.Villages(ctx)
	ids := map[string]int64{}
	for i, p := range []model.Person{
		{Name: "张三", VillageID: vs[0].ID, IDNumber: "11010519491231002X", Categories: []string{model.CatMartyrFamily}},
		{Name: "李四", VillageID: vs[0].ID, Categories: []string{model.CatDisabledSoldier, model.CatWarVeteran}, DisabilityNature: model.NatureWar, DisabilityGrade: 4},
		{Name: "王五", VillageID: vs[1].ID, IDNumber: "440524188001010014", Categories: []string{model.CatMartyrFamily}},
		{Name: "赵六", VillageID: vs[1].ID, Categories: []string{model.CatMartyrFamily}},
	} {
		tallytest.Must(t, s.CreatePerson(ctx, &p))
		ids[p.Name] = p.ID
		_ = i
	}
	ev := model.Event{Date: "2026-01-20", EndDate: "2026-02-10", Title: "2026年春节走访慰问", StandardMoneyFen: 50000, StandardGoods: "米一袋"}
	if _, err := s.CreateCampaign(ctx, &ev, &store.RosterFilter{}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"张三", "李四", "王五"} { // 赵六 not yet visited
		if _, err := s.Tick(ctx, ev.ID, ids[name], "2026-01-25"); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "发放清单.xlsx")
	if err := ExportCampaign(ctx, s, ev.ID, path); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm()&0o077 != 0 {
		t.Errorf("file mode %v %v", fi.Mode(), err)
	}
	x := openBook(t, path)
	const sh = "发放清单"
	if v, _ := x.GetCellValue(sh, "A1"); v != "青山镇2026年春节走访慰问发放清单" {
		t.Errorf("title %q", v)
	}
	if v, _ := x.GetCellValue(sh, "A2"); !strings.Contains(v, "青山镇退役军人服务站") {
		t.Errorf("填报单位 %q", v)
	}
	n, r := findRow(t, x, sh, "2", "李家村", "张三")
	if r[3] != "110105********002X" || r[4] != "烈士遗属" || len(r) > 7 && r[7] != "" {
		t.Errorf("张三's row %q", r)
	}
	if raw(t, x, sh, "D"+strconv.Itoa(n)) != "110105********002X" {
		t.Errorf("ID cell not text: %q", raw(t, x, sh, "D"+strconv.Itoa(n)))
	}
	n, r = findRow(t, x, sh, "", "李家村 小计")
	if raw(t, x, sh, "F"+strconv.Itoa(n)) != "1000" || r[6] != "2 人" {
		t.Errorf("李家村 subtotal %v (raw %q)", r, raw(t, x, sh, "F"+strconv.Itoa(n)))
	}
	_, r = findRow(t, x, sh, "", "王庄村 小计")
	if r[6] != "1 人" {
		t.Errorf("王庄村 subtotal %v", r)
	}
	n, r = findRow(t, x, sh, "合计")
	if raw(t, x, sh, "F"+strconv.Itoa(n)) != "1500" || r[6] != "3 人" {
		t.Errorf("total %v", r)
	}
	if _, err := x.GetCellValue(sh, "A8"); err != nil {
		t.Fatal(err)
	}
	rows, _ := x.GetRows(sh)
	for _, row := range rows {
		if len(row) > 2 && row[2] == "赵六" {
			t.Error("someone not visited is on the list")
		}
	}
	if _, head := findRow(t, x, sh, "序号"); head[len(head)-1] != "签领人签字" {
		t.Errorf("header %q", head)
	}
	if h, _ := x.GetRowHeight(sh, 4); h < 25 {
		t.Errorf("signature rows %v high", h)
	}
	layout, err := x.GetPageLayout(sh)
	if err != nil || layout.Orientation == nil || *layout.Orientation != "portrait" || layout.Size == nil || *layout.Size != 9 {
		t.Errorf("page layout %+v %v", layout, err)
	}
	// One page wide: fitToWidth counts only with the sheet's fitToPage set.
	if layout.FitToWidth == nil || *layout.FitToWidth != 1 {
		t.Errorf("fit to width %+v", layout.FitToWidth)
	}
	if props, err := x.GetSheetProps(sh); err != nil || props.FitToPage == nil || !*props.FitToPage {
		t.Errorf("the sheet is not fitted to the page: %+v %v", props.FitToPage, err)
	}
}
