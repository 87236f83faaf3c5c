package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/xuri/excelize/v2"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/store/tally"
	"shuangyong/ui/internal/uitest"
)

// Issue 11's scenario in the real program, at 80×24 and 120×40: a 春节 campaign for the
// 烈属 and 残疾军人 of one village (others of the village, and 烈属 of another, stay off
// the roster), all but two ticked off, one amount changed in the visit editor, the
// 发放清单 written with F6 and read back, and the 统计 tally's 走访慰问 figures equal to the
// campaign's.
func TestFlowSpringFestivalCampaign(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			springFestivalCampaign(t, size[0], size[1])
		})
	}
}

func springFestivalCampaign(t *testing.T, w, h int) {
	s := uitest.Open(t)
	ctx := context.Background()
	if err := s.SaveSettings(ctx, model.Settings{Office: "青山镇退役军人服务站", Township: "青山镇", Operator: "王芳"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveVillages(ctx, []model.Village{{Name: "李家村"}, {Name: "王庄村"}}); err != nil {
		t.Fatal(err)
	}
	vs, _ := s.Villages(ctx)
	lijia, wangzhuang := vs[0].ID, vs[1].ID
	n := 0
	add := func(name string, village int64, cat string) {
		n++
		p := model.Person{Name: name, VillageID: village, Categories: []string{cat},
			IDNumber: uitest.ID("430524", "19500101", fmt.Sprintf("%03d", n))}
		if cat == model.CatDisabledSoldier {
			p.DisabilityNature, p.DisabilityGrade = model.NatureWar, 6
		}
		if err := s.CreatePerson(ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"王明", "李华", "张建", "刘国", "陈秀", "杨兰"} {
		add(name, lijia, model.CatMartyrFamily)
	}
	for _, name := range []string{"黄英", "赵芳", "吴军"} {
		add(name, lijia, model.CatDisabledSoldier)
	}
	add("周伟", lijia, model.CatServingFamily)        // another category: not on the roster
	add("徐明", wangzhuang, model.CatMartyrFamily)    // another village: not on the roster
	add("孙华", wangzhuang, model.CatDisabledSoldier) // likewise

	tm, sp := start(t, s, w, h)
	waitFor(t, sp, "共 12 人")
	key := func(k tea.KeyType) { tm.Send(keyOf(k)) }
	key(tea.KeyTab) // 活动
	waitFor(t, sp, "[3 活动]")
	key(tea.KeyF5)
	waitFor(t, sp, "新建一次节日集中走访吗")
	key(tea.KeyEnter)
	waitFor(t, sp, "符合条件的在册人员：12 人")
	for i := 0; i < 4; i++ {
		key(tea.KeyDown) // to 标准慰问金
	}
	tm.Send(runes("500"))
	key(tea.KeyDown)
	tm.Send(runes("米一袋"))
	key(tea.KeyDown)
	tm.Send(runes("80"))
	key(tea.KeyDown) // 人员类别: 烈士遗属 and 残疾军人, Space on each
	tm.Send(runes("烈士"))
	tm.Send(runes(" "))
	tm.Send(runes("残疾"))
	tm.Send(runes(" "))
	waitFor(t, sp, "符合条件的在册人员：11 人")
	key(tea.KeyDown) // 村（社区）: 李家村
	tm.Send(runes("李家"))
	tm.Send(runes(" "))
	waitFor(t, sp, "符合条件的在册人员：9 人")
	key(tea.KeyCtrlS)
	waitFor(t, sp, "名单共 9 人")
	key(tea.KeyEnter)
	waitFor(t, sp, "名单 9 人", "未走访 9 ")

	// All but two ticked off, one key each.
	for i := 0; i < 7; i++ {
		key(tea.KeyF5)
		waitFor(t, sp, fmt.Sprintf("未走访 %d ", 8-i))
	}
	waitFor(t, sp, "已走访 7", "未走访 2 ", "已发 3,500.00 元")

	// One amount changed: 已走访, Enter on the first, 800 instead of 500.
	key(tea.KeyF3)
	waitFor(t, sp, "[已走访]")
	key(tea.KeyEnter)
	waitFor(t, sp, "> 慰问金")
	key(tea.KeyCtrlU)
	tm.Send(runes("800"))
	key(tea.KeyCtrlS)
	waitFor(t, sp, "已发 3,800.00 元")

	// The 发放清单, written with F6 where the user says.
	path := filepath.Join(t.TempDir(), "发放清单.xlsx")
	key(tea.KeyF6)
	waitFor(t, sp, "发放清单.xlsx") // the default path, in the Documents folder
	key(tea.KeyCtrlU)
	tm.Send(runes(path))
	key(tea.KeyCtrlS)
	waitFor(t, sp, "发放清单已导出")

	c, err := s.Campaign(ctx, campaignID(t, s))
	if err != nil || c.Visited != 7 || c.ToVisit() != 2 || c.MoneyFen != 380000 || c.GoodsFen != 7*8000 {
		t.Fatalf("campaign %+v %v", c, err)
	}

	// The 统计 tab: the year's 走访慰问 are the campaign's ticks.
	key(tea.KeyEsc)
	key(tea.KeyEsc)
	key(tea.KeyTab)
	waitFor(t, sp, "[4 统计]", "3,800.00")
	quit(t, tm, sp)
	tl, err := tally.Compute(ctx, s, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if got := tl.Visits.Total.Year; got.Visits != c.Visited || got.MoneyFen != c.MoneyFen || got.GoodsFen != c.GoodsFen {
		t.Errorf("the tally's 走访慰问 %+v, the campaign's %d visits, %d + %d fen", got, c.Visited, c.MoneyFen, c.GoodsFen)
	}
	checkSheet(t, s, path)
}

// checkSheet reads the 发放清单 back: the title, the seven ticked people of 李家村 with
// their IDs masked as text, the village's subtotal and the total with the changed amount.
func checkSheet(t *testing.T, s *store.Store, path string) {
	t.Helper()
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	sh := x.GetSheetList()[0]
	rows, err := x.GetRows(sh)
	if err != nil {
		t.Fatal(err)
	}
	if title := rows[0][0]; !strings.HasPrefix(title, "青山镇2026年春节走访慰问") || !strings.HasSuffix(title, "发放清单") {
		t.Errorf("title %q", title)
	}
	people, subtotal, total := 0, "", ""
	for i, row := range rows {
		switch {
		case len(row) > 3 && strings.Contains(row[3], "********"):
			people++
			cell, _ := excelize.CoordinatesToCellName(4, i+1)
			if typ, _ := x.GetCellType(sh, cell); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
				t.Errorf("ID %s at %s is not text (%v)", row[3], cell, typ)
			}
			if len(row[3]) != 18 || !strings.HasPrefix(row[3], "430524") {
				t.Errorf("ID not masked as first 6 + last 4: %q", row[3])
			}
		case len(row) > 5 && strings.Contains(strings.Join(row, ""), "李家村 小计"):
			subtotal = row[5]
		case len(row) > 5 && row[0] == "合计":
			total = row[5]
		}
	}
	if people != 7 || subtotal != "3,800.00" || total != "3,800.00" {
		t.Errorf("sheet: %d people, 小计 %q, 合计 %q\n%v", people, subtotal, total, rows)
	}
}
