package units

import (
	"context"
	"os"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/mattn/go-runewidth"
	"github.com/muesli/termenv"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/ui/internal/uitest"
	"shuangyong/ui/tab"
	"shuangyong/ui/textwidth"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	textwidth.Configure()
	os.Exit(m.Run())
}

// seed adds units of both sides and an event naming one of them.
func seed(t *testing.T) (*store.Store, map[string]int64) {
	t.Helper()
	s := uitest.Seeded(t)
	ctx := context.Background()
	ids := map[string]int64{}
	for _, u := range []model.Unit{
		{Name: "驻地某部一营", Kind: model.UnitStationed, Designation: "某部一营", ContactName: "周宁", ContactPhone: "13912345678"},
		{Name: "武警青山中队", Kind: model.UnitArmedPolice, ContactPhone: "0739-5551234"},
		{Name: "青山镇中心小学", Kind: model.UnitSchool},
	} {
		if err := s.CreateUnit(ctx, &u); err != nil {
			t.Fatal(err)
		}
		ids[u.Name] = u.ID
	}
	ev := model.Event{Date: uitest.Now.Format("2006-01-02"), Type: model.EventGala, Title: "八一军民联欢会",
		Units: []model.EventUnit{{UnitID: ids["驻地某部一营"], Role: "host"}, {UnitID: ids["青山镇中心小学"], Role: "cohost"}}}
	if err := s.CreateEvent(ctx, &ev); err != nil {
		t.Fatal(err)
	}
	ids["event"] = ev.ID
	return s, ids
}

func newTab(t *testing.T, s *store.Store, w, h int) *uitest.Harness {
	return uitest.NewHarness(t, s, New(uitest.Env(s, model.Zh)), w, h)
}

func TestListFiltersAsYouType(t *testing.T) {
	s, _ := seed(t)
	hs := newTab(t, s, 120, 30)
	v := hs.ViewPlain()
	for _, want := range []string{"共 3 个单位", "驻地某部一营", "武警青山中队", "青山镇中心小学", "139****5678"} {
		if !strings.Contains(v, want) {
			t.Errorf("list lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "13912345678") {
		t.Error("the list shows a phone number unmasked")
	}
	hs.Type("武警")
	v = hs.ViewPlain()
	if !strings.Contains(v, "共 1 个单位") || !strings.Contains(v, "武警青山中队") || strings.Contains(v, "驻地某部一营") {
		t.Errorf("typing 武警 did not narrow the list:\n%s", v)
	}
	hs.KeyType(tea.KeyEsc)
	hs.Type("zdmb") // pinyin initials of 驻地某部
	if v = hs.ViewPlain(); !strings.Contains(v, "驻地某部一营") || strings.Contains(v, "武警") {
		t.Errorf("pinyin initials did not find the unit:\n%s", v)
	}
}

func TestF3FiltersBySide(t *testing.T) {
	s, _ := seed(t)
	hs := newTab(t, s, 120, 30)
	hs.KeyType(tea.KeyF3)
	hs.KeyType(tea.KeyDown)  // to 军/地
	hs.KeyType(tea.KeyRight) // 军
	hs.KeyType(tea.KeyEnter) // apply
	v := hs.ViewPlain()
	if !strings.Contains(v, "共 2 个单位") || strings.Contains(v, "青山镇中心小学") || !strings.Contains(v, "筛选：军") {
		t.Errorf("side filter 军 not applied:\n%s", v)
	}
}

// A unit is added through the form; the form refuses a bad phone at its field and a
// missing name, then saves, shows the new unit's detail and offers undo.
func TestAddUnit(t *testing.T) {
	s, _ := seed(t)
	hs := newTab(t, s, 80, 20)
	hs.KeyType(tea.KeyF2)
	for i := 0; i < 4; i++ { // name, kind, designation, contact -> phone
		hs.KeyType(tea.KeyEnter)
	}
	hs.Type("12345")
	hs.KeyType(tea.KeyCtrlS)
	v := hs.ViewPlain()
	if !strings.Contains(v, "请填写单位名称") || !strings.Contains(v, "12345") || !strings.Contains(hs.LastStatus(), "2 处") {
		t.Fatalf("errors not shown at their fields:\n%s\n%s", v, hs.LastStatus())
	}
	hs.Type("消防救援站")
	hs.KeyType(tea.KeyEnter)
	hs.KeyType(tea.KeyRight) // kind: 武警
	hs.KeyType(tea.KeyRight) // 消防救援
	for i := 0; i < 3; i++ {
		hs.KeyType(tea.KeyEnter)
	}
	for range "12345" {
		hs.KeyType(tea.KeyBackspace)
	}
	hs.Type("0739-5556119")
	hs.KeyType(tea.KeyCtrlS)
	v = hs.ViewPlain()
	if !strings.Contains(v, "消防救援站  消防救援 (军)") || !strings.Contains(v, "0739-5556119") {
		t.Fatalf("the saved unit's detail is not shown:\n%s", v)
	}
	if st := hs.Status[len(hs.Status)-1]; !st.Undo || !strings.Contains(st.Text, "已登记单位：消防救援站") {
		t.Errorf("status %+v", st)
	}
	if len(hs.Change) == 0 || !hs.Change[len(hs.Change)-1].Touches(tab.KindUnit) {
		t.Error("no change announced for units")
	}
	page, err := s.ListUnits(context.Background(), store.UnitQuery{Text: "消防救援站"}, 2026)
	if err != nil || page.Total != 1 || page.Rows[0].Kind != model.UnitFireRescue {
		t.Fatalf("stored: %+v %v", page, err)
	}
	hs.KeyType(tea.KeyEsc)
	if v = hs.ViewPlain(); !strings.Contains(v, "共 4 个单位") {
		t.Errorf("the list was not refreshed:\n%s", v)
	}
}

// The detail lists the unit's events; a 共建 pairing is added from it with its start date
// and ended again; Enter on an event opens it in 活动.
func TestDetailPairingsAndEvents(t *testing.T) {
	s, ids := seed(t)
	hs := newTab(t, s, 120, 36)
	hs.Type("一营")
	hs.KeyType(tea.KeyEnter)
	v := hs.ViewPlain()
	if !strings.Contains(v, "参加的活动（1）") || !strings.Contains(v, "八一军民联欢会") || !strings.Contains(v, "主办") {
		t.Fatalf("detail lacks the event:\n%s", v)
	}
	hs.KeyType(tea.KeyEnter)
	if len(hs.Opened) != 1 || hs.Opened[0].Kind != tab.KindEvent || hs.Opened[0].ID != ids["event"] {
		t.Fatalf("Enter on the event opened %+v", hs.Opened)
	}
	hs.KeyType(tea.KeyF5)
	hs.KeyType(tea.KeyF2)
	// The school is of the other side: offered first.
	hs.KeyType(tea.KeyRight)
	if v = hs.ViewPlain(); !strings.Contains(v, "青山镇中心小学") {
		t.Fatalf("the other side's unit is not offered first:\n%s", v)
	}
	hs.KeyType(tea.KeyEnter)
	hs.KeyType(tea.KeyCtrlU) // today's date, given: an older pairing's is typed instead
	hs.Type("2020/5/1")
	hs.KeyType(tea.KeyCtrlS)
	v = hs.ViewPlain()
	if !strings.Contains(v, "青山镇中心小学") || !strings.Contains(v, "2020-05-01") {
		t.Fatalf("pairing not listed:\n%s", v)
	}
	pairs, err := s.Pairings(context.Background(), ids["驻地某部一营"])
	if err != nil || len(pairs) != 1 || pairs[0].Since != "2020-05-01" {
		t.Fatalf("stored pairings %+v %v", pairs, err)
	}
	hs.KeyType(tea.KeyDelete)
	hs.KeyType(tea.KeyLeft) // to 结束共建
	hs.KeyType(tea.KeyEnter)
	if pairs, _ = s.Pairings(context.Background(), ids["驻地某部一营"]); len(pairs) != 0 {
		t.Fatalf("pairing not ended: %+v", pairs)
	}
	hs.KeyType(tea.KeyEsc)
	if v = hs.ViewPlain(); !strings.Contains(v, "共建单位（0）") {
		t.Errorf("detail not reloaded after the pairing ended:\n%s", v)
	}
}

// A unit opened from another tab goes back there on Esc.
func TestOpenFromAnotherTab(t *testing.T) {
	s, ids := seed(t)
	hs := newTab(t, s, 100, 30)
	hs.Deliver(tab.OpenMsg{Kind: tab.KindUnit, ID: ids["武警青山中队"], From: tab.Events})
	if !hs.Contains("武警青山中队  武警 (军)") {
		t.Fatalf("not opened:\n%s", hs.ViewPlain())
	}
	hs.KeyType(tea.KeyEsc)
	if len(hs.Backs) != 1 || hs.Backs[0].To != tab.Events {
		t.Errorf("Esc did not go back to 活动: %+v", hs.Backs)
	}
}

func TestTrashUnit(t *testing.T) {
	s, _ := seed(t)
	hs := newTab(t, s, 100, 30)
	hs.Type("小学")
	hs.KeyType(tea.KeyDelete)
	if !hs.Contains("移到回收站") {
		t.Fatalf("no confirmation:\n%s", hs.ViewPlain())
	}
	hs.KeyType(tea.KeyEnter)
	if !strings.Contains(hs.LastStatus(), "已把单位「青山镇中心小学」移到回收站") {
		t.Errorf("status %q", hs.LastStatus())
	}
	hs.KeyType(tea.KeyEsc)
	if !hs.Contains("共 2 个单位") {
		t.Errorf("trashed unit still listed:\n%s", hs.ViewPlain())
	}
}

// Every screen of the tab is an exact frame at both sizes and both East Asian width
// settings (DESIGN.md §4).
func TestFramesAtBothWidthSettings(t *testing.T) {
	for _, ea := range []bool{false, true} {
		runewidth.DefaultCondition.EastAsianWidth, runewidth.EastAsianWidth = ea, ea
		for _, size := range [][2]int{{80, 20}, {120, 36}} {
			s, _ := seed(t)
			hs := newTab(t, s, size[0], size[1])
			hs.View()
			hs.Type("一营")
			hs.KeyType(tea.KeyEnter)
			hs.View()
			hs.KeyType(tea.KeyF5)
			hs.View()
			hs.KeyType(tea.KeyF2)
			hs.View()
			hs.KeyType(tea.KeyEsc)
			hs.KeyType(tea.KeyEsc)
			hs.KeyType(tea.KeyF4)
			hs.View()
			hs.KeyType(tea.KeyEsc)
			hs.KeyType(tea.KeyEsc)
			hs.KeyType(tea.KeyF3)
			hs.View()
		}
	}
	textwidth.Configure()
}

// F8 shows a unit's changes in the screen's words and the tab's trash, where a trashed
// unit is restored, or deleted for good after a question.
func TestHistoryAndTrash(t *testing.T) {
	s, ids := seed(t)
	ctx := context.Background()
	u, _ := s.Unit(ctx, ids["武警青山中队"])
	u.Kind = model.UnitFireRescue
	u.Name = "青山消防救援站"
	if err := s.UpdateUnit(ctx, &u); err != nil {
		t.Fatal(err)
	}
	if err := s.TrashUnit(ctx, ids["青山镇中心小学"]); err != nil {
		t.Fatal(err)
	}
	hs := newTab(t, s, 120, 36)
	hs.Type("消防")
	hs.KeyType(tea.KeyF8)
	v := hs.ViewPlain()
	for _, want := range []string{"修改记录与回收站：青山消防救援站", "修改  单位 青山消防救援站", "单位名称：武警青山中队 -> 青山消防救援站",
		"单位类别：武警 -> 消防救援", "回收站（1 项）", "青山镇中心小学"} {
		if !strings.Contains(v, want) {
			t.Errorf("F8 lacks %q:\n%s", want, v)
		}
	}
	hs.KeyType(tea.KeyEnter) // restore the school
	if got, _ := s.Unit(ctx, ids["青山镇中心小学"]); got.DeletedAt != "" {
		t.Fatal("not restored")
	}
	if !strings.Contains(hs.LastStatus(), "已恢复：青山镇中心小学") || !hs.Contains("回收站（0 项）") {
		t.Errorf("after restore: %q\n%s", hs.LastStatus(), hs.ViewPlain())
	}
	if err := s.TrashUnit(ctx, ids["青山镇中心小学"]); err != nil {
		t.Fatal(err)
	}
	hs.KeyType(tea.KeyEsc)
	hs.KeyType(tea.KeyF8)
	hs.KeyType(tea.KeyDelete)
	if !hs.Contains("这一步不能撤销") {
		t.Fatalf("no question before deleting for good:\n%s", hs.ViewPlain())
	}
	hs.KeyType(tea.KeyLeft)
	hs.KeyType(tea.KeyEnter)
	if _, err := s.Unit(ctx, ids["青山镇中心小学"]); store.KindOf(err) != store.ErrNotFound {
		t.Errorf("not deleted for good: %v", err)
	}
}

// F8 with no unit selected lists the ledger's newest changes, a save a line (a pairing
// added is one change).
func TestHistoryRecentChanges(t *testing.T) {
	s, _ := seed(t)
	hs := newTab(t, s, 120, 36)
	hs.Type("不存在的单位")
	hs.KeyType(tea.KeyF8)
	v := hs.ViewPlain()
	if !strings.Contains(v, "最近的修改") || !strings.Contains(v, "新增  活动 八一军民联欢会") || !strings.Contains(v, "新增  单位 青山镇中心小学") {
		t.Errorf("recent changes:\n%s", v)
	}
}
