package events

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/ui/components"
	"shuangyong/ui/internal/uitest"
	"shuangyong/ui/tab"
	"shuangyong/ui/textwidth"
	"shuangyong/ui/visitedit"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	textwidth.Configure()
	os.Exit(m.Run())
}

// seed is the shared small roster (张三 visited on 2026-01-28 with a need, by a 走访慰问
// event of its own) with three units and a forum hosted by one of them.
func seed(t testing.TB) (*store.Store, map[string]int64) {
	t.Helper()
	s := uitest.Seeded(t)
	ctx := context.Background()
	ids := map[string]int64{}
	for _, u := range []model.Unit{
		{Name: "驻地某部一营", Kind: model.UnitStationed},
		{Name: "武警青山中队", Kind: model.UnitArmedPolice},
		{Name: "青山镇中心小学", Kind: model.UnitSchool},
		{Name: "青山镇妇联", Kind: model.UnitWomens},
	} {
		if err := s.CreateUnit(ctx, &u); err != nil {
			t.Fatal(err)
		}
		ids[u.Name] = u.ID
	}
	forum := model.Event{Date: "2026-08-01", Type: model.EventForum, Title: "八一双拥座谈会", Place: "镇政府会议室",
		Participants: 40, MilitaryParticipants: 12, MoneyFen: 200000,
		Units: []model.EventUnit{{UnitID: ids["武警青山中队"], Role: "cohost"}},
		Items: []model.Item{{Name: "宣传资料", Quantity: 300, Unit: "份"}}}
	if err := s.CreateEvent(ctx, &forum); err != nil {
		t.Fatal(err)
	}
	ids["forum"] = forum.ID
	return s, ids
}

type harness struct {
	*uitest.Harness
	tab *Tab
}

func newHarness(t testing.TB, s *store.Store, w, h int) *harness {
	return newHarnessLang(t, s, w, h, model.Zh)
}

func newHarnessLang(t testing.TB, s *store.Store, w, h int, lang model.Lang) *harness {
	tb := newTab(uitest.Env(s, lang))
	hs := &harness{Harness: uitest.NewHarness(t, s, tb, w, h), tab: tb}
	hs.Deliver(tab.SizeMsg{Width: w, Height: h})
	return hs
}

// changes hands the tab the changes it announced, as the root's broadcast does.
func (hs *harness) changes() {
	for len(hs.Change) > 0 {
		c := hs.Change[0]
		hs.Change = hs.Change[1:]
		hs.Deliver(c)
	}
}

// form is the form on top of the stack.
func (hs *harness) form() *components.Form {
	hs.T.Helper()
	switch sc := hs.tab.stack.Top().(type) {
	case *formScreen:
		return sc.form
	case *visitedit.Screen:
		return sc.Form()
	case *filterPanel:
		return sc.form
	}
	hs.T.Fatalf("no form on top: %T", hs.tab.stack.Top())
	return nil
}

// fill puts the focus on a field, replaces its text by typing, and leaves it with Enter.
func (hs *harness) fill(key, text string) {
	hs.T.Helper()
	f := hs.form()
	f.Focus(key)
	if f.Focused() != key {
		hs.T.Fatalf("cannot focus %s (on %s)", key, f.Focused())
	}
	if f.Field(key).Kind == components.KindText {
		hs.Key(tea.KeyMsg{Type: tea.KeyCtrlU})
		for f.Value(key) != "" {
			hs.KeyType(tea.KeyBackspace)
		}
	}
	if text != "" {
		hs.Type(text)
	}
	hs.KeyType(tea.KeyEnter)
}

func TestListYearTotalsAndFilters(t *testing.T) {
	s, _ := seed(t)
	hs := newHarness(t, s, 120, 40)
	v := hs.ViewPlain()
	// 2 events: the forum (40 people, 2000 元) and 张三's visit (1 人次, 800 + 150 元).
	for _, want := range []string{"八一双拥座谈会", "走访慰问 张三", "2026 年", "合计：2 项活动，41 人次，2,950.00 元"} {
		if !strings.Contains(v, want) {
			t.Errorf("list lacks %q:\n%s", want, v)
		}
	}
	hs.Type("武警") // a unit's name
	if v = hs.ViewPlain(); !strings.Contains(v, "八一双拥座谈会") || strings.Contains(v, "走访慰问 张三") || !strings.Contains(v, "合计：1 项活动，40 人次，2,000.00 元") {
		t.Errorf("typing a unit's name:\n%s", v)
	}
	hs.KeyType(tea.KeyEsc)
	hs.Type("没有这个")
	if v = hs.ViewPlain(); !strings.Contains(v, "没有找到与「没有这个」匹配的活动") {
		t.Errorf("no match:\n%s", v)
	}
	hs.KeyType(tea.KeyEsc)

	// F3: direction 拥政爱民 leaves nothing; type 座谈会 leaves the forum.
	hs.KeyType(tea.KeyF3)
	f := hs.form()
	f.Focus("Type")
	hs.Type("座谈")
	hs.KeyType(tea.KeyEnter) // applies
	if v = hs.ViewPlain(); !strings.Contains(v, "八一双拥座谈会") || strings.Contains(v, "走访慰问 张三") || !strings.Contains(v, "筛选：座谈会") {
		t.Errorf("F3 type:\n%s", v)
	}
	hs.KeyType(tea.KeyEsc) // clears the filters
	if !hs.Contains("走访慰问 张三") {
		t.Error("Esc did not clear the filters")
	}

	// The year: back to 2025 (empty), never after the current one.
	hs.Key(tea.KeyMsg{Type: tea.KeyCtrlLeft})
	if v = hs.ViewPlain(); !strings.Contains(v, "2025 年还没有登记活动") {
		t.Errorf("2025:\n%s", v)
	}
	hs.Type("+")
	hs.Type("+")
	if !strings.Contains(hs.LastStatus(), "2027 年还没有到") || hs.tab.year != 2026 {
		t.Errorf("went past the current year: %d %q", hs.tab.year, hs.LastStatus())
	}
	// Typed into a search, - is text.
	hs.Type("a-")
	if hs.tab.year != 2026 || hs.tab.list.search.Value() != "a-" {
		t.Errorf("- in the search changed the year: %d %q", hs.tab.year, hs.tab.list.search.Value())
	}
}

// The index answers the list once built, with the same rows and totals as SQL.
func TestIndexAndSQLAgree(t *testing.T) {
	s, _ := seed(t)
	hs := newHarness(t, s, 120, 40)
	if ix := hs.tab.index.Load(); ix == nil || ix.Len() != 2 {
		t.Fatalf("the index was not built: %v", ix)
	}
	withIndex := hs.ViewPlain()
	hs.tab.dropIndex()
	hs.tab.building = true // keep it dropped
	hs.Run(hs.tab.list.wl.Refresh())
	if sql := hs.ViewPlain(); strings.Replace(sql, "合计：正在统计...", "", 1) == withIndex {
		t.Log("ok")
	}
	if !hs.Contains("走访慰问 张三") || !hs.Contains("八一双拥座谈会") {
		t.Errorf("SQL list:\n%s", hs.ViewPlain())
	}
}

// F2: an event with two units (roles) and three items, saved in one piece, shown in its
// detail.
func TestAddEventWithUnitsAndItems(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		s, ids := seed(t)
		hs := newHarness(t, s, size[0], size[1])
		hs.KeyType(tea.KeyF2)
		hs.View()
		hs.fill("Type", "联欢")
		if got := hs.form().Value("Direction"); got != model.DirToMilitary {
			t.Errorf("direction %q", got)
		}
		hs.fill("Date", "2026/9/30")
		if got := hs.form().Value("Date"); got != "2026-09-30" {
			t.Errorf("date not normalised: %q", got)
		}
		hs.fill("Title", "迎国庆军民联欢会")
		hs.fill("Place", "镇文化站")
		hs.fill("Participants", "300")
		hs.fill("MilitaryParticipants", "400")
		if e := hs.form().Error("MilitaryParticipants"); !strings.Contains(e, "多于") {
			t.Errorf("military > participants not caught at the field: %q", e)
		}
		hs.fill("MilitaryParticipants", "120")
		hs.fill("MoneyFen", "1.5万")
		if got := hs.form().Value("MoneyFen"); got != "15000" {
			t.Errorf("money %q", got)
		}
		// Units: 青山 matches three units, so it is refused; 妇联 is unique.
		hs.fill("Unit.0", "青山")
		if e := hs.form().Error("Unit.0"); !strings.Contains(e, "有 2 个单位") && !strings.Contains(e, "个单位名称含") {
			t.Errorf("ambiguous unit not refused: %q", e)
		}
		hs.fill("Unit.0", "妇联")
		if got := hs.form().Value("Unit.0"); got != "青山镇妇联" {
			t.Errorf("unit not chosen: %q", got)
		}
		hs.fill("Unit.1", "一营")
		hs.fill("Role.1", "慰问")
		hs.View()
		// Items: 宣传 suggests 宣传资料 (份), and leaving fills its unit.
		hs.form().Focus("Item.0")
		hs.Type("宣传")
		if n := hs.form(); !strings.Contains(uitest.Plain(n.View()), "以前用过：宣传资料（份）") {
			t.Errorf("no suggestion:\n%s", uitest.Plain(n.View()))
		}
		hs.Type("资料")
		hs.KeyType(tea.KeyEnter)
		if got := hs.form().Value("ItemUnit.0"); got != "份" {
			t.Errorf("item unit not filled: %q", got)
		}
		hs.fill("Qty.0", "500")
		hs.fill("Item.1", "鞋垫")
		hs.fill("Qty.1", "２７６")
		hs.fill("ItemUnit.1", "双")
		hs.fill("Item.2", "标语")
		hs.fill("Qty.2", "100")
		hs.fill("ItemUnit.2", "幅")
		hs.View()
		hs.Key(tea.KeyMsg{Type: tea.KeyCtrlS})
		if !strings.Contains(hs.LastStatus(), "已登记活动：迎国庆军民联欢会") {
			t.Fatalf("not saved: %q %+v", hs.LastStatus(), hs.Status)
		}
		hs.changes()
		v := hs.ViewPlain()
		for _, want := range []string{"迎国庆军民联欢会", "主办", "青山镇妇联", "慰问对象", "驻地某部一营", "宣传资料 500 份", "鞋垫 276 双", "标语 100 幅"} {
			if !strings.Contains(v, want) {
				t.Errorf("%v detail lacks %q:\n%s", size, want, v)
			}
		}
		page, _ := s.ListEvents(context.Background(), store.EventQuery{Year: 2026, UnitID: ids["驻地某部一营"]})
		if page.Total != 1 {
			t.Fatalf("the event is not stored with its unit: %+v", page)
		}
		ev, _ := s.Event(context.Background(), page.Rows[0].ID)
		if len(ev.Units) != 2 || len(ev.Items) != 3 || ev.Items[1].Quantity != 276 || ev.MoneyFen != 1500000 || ev.MilitaryParticipants != 120 {
			t.Errorf("stored event %+v", ev)
		}
		// Ctrl+U: which of the two units to open in 单位.
		hs.Key(tea.KeyMsg{Type: tea.KeyCtrlU})
		if _, ok := hs.tab.stack.Top().(*unitPick); !ok {
			t.Fatalf("no unit picker: %T", hs.tab.stack.Top())
		}
		hs.View()
		hs.KeyType(tea.KeyEnter)
		if n := len(hs.Opened); n == 0 || hs.Opened[n-1].Kind != tab.KindUnit || hs.Opened[n-1].ID != ids["青山镇妇联"] {
			t.Errorf("Ctrl+U opened %+v", hs.Opened)
		}
		hs.KeyType(tea.KeyEsc)
		if !hs.Contains("迎国庆军民联欢会") || !hs.Contains("合计：3 项活动") {
			t.Errorf("list after the save:\n%s", hs.ViewPlain())
		}
	}
}

// A visit's amount is edited from the event's detail, and the event's figures and the
// list's totals follow (DOMAIN.md §4 rule 2); then its need is marked resolved.
func TestEditVisitFromEventDetailAndResolveNeed(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		s, _ := seed(t)
		hs := newHarness(t, s, size[0], size[1])
		hs.Type("张三")
		hs.KeyType(tea.KeyEnter)
		v := hs.ViewPlain()
		if !strings.Contains(v, "走访对象（共 1 人次，慰问金 800.00 元，慰问品 150.00 元，未解决诉求 1 条）") || !strings.Contains(v, "屋顶漏") {
			t.Fatalf("%v detail:\n%s", size, v)
		}
		hs.KeyType(tea.KeyEnter) // the visit
		if _, ok := hs.tab.stack.Top().(*visitedit.Screen); !ok {
			t.Fatalf("no visit editor: %T", hs.tab.stack.Top())
		}
		hs.View()
		hs.fill("MoneyFen", "1200")
		hs.Key(tea.KeyMsg{Type: tea.KeyCtrlS})
		if !strings.Contains(hs.LastStatus(), "已保存走访记录：张三") {
			t.Fatalf("visit not saved: %q", hs.LastStatus())
		}
		hs.changes()
		if v = hs.ViewPlain(); !strings.Contains(v, "慰问金 1,200.00 元") || !strings.Contains(v, "1,350.00 元（由走访记录汇总）") {
			t.Errorf("%v detail after the edit:\n%s", size, v)
		}

		// Resolve the need: writing how fills today's date.
		hs.KeyType(tea.KeyEnter)
		hs.fill("Resolution", "镇里出资修缮屋顶")
		if got := hs.form().Value("ResolvedOn"); got != "2026-11-20" {
			t.Errorf("resolved on %q", got)
		}
		hs.View()
		hs.Key(tea.KeyMsg{Type: tea.KeyCtrlS})
		if !strings.Contains(hs.LastStatus(), "已标记诉求解决：张三") {
			t.Fatalf("need not resolved: %q", hs.LastStatus())
		}
		hs.changes()
		if v = hs.ViewPlain(); !strings.Contains(v, "未解决诉求 0 条") || !strings.Contains(v, "镇里") {
			t.Errorf("%v detail after resolving:\n%s", size, v)
		}
		needs, _ := s.OpenNeeds(context.Background(), 1)
		if len(needs) != 0 {
			t.Errorf("open needs left: %+v", needs)
		}
		hs.KeyType(tea.KeyEsc) // the detail
		hs.KeyType(tea.KeyEsc) // the search
		if !hs.Contains("1,350.00") || !hs.Contains("合计：2 项活动，41 人次，3,350.00 元") {
			t.Errorf("list totals after the edit:\n%s", hs.ViewPlain())
		}
	}
}

// A resolution date needs a need, cannot be in the future; Ctrl+O opens the person in
// 军属; Delete on a choice field trashes the visit (and its one-visit event) after asking.
func TestVisitEditorChecksAndTrash(t *testing.T) {
	s, _ := seed(t)
	hs := newHarness(t, s, 120, 40)
	hs.Type("张三")
	hs.KeyType(tea.KeyEnter)
	hs.Key(tea.KeyMsg{Type: tea.KeyCtrlO})
	if len(hs.Opened) != 1 || hs.Opened[0].Kind != tab.KindPerson || hs.Opened[0].From != tab.Events {
		t.Errorf("Ctrl+O: %+v", hs.Opened)
	}
	hs.KeyType(tea.KeyEnter)
	hs.fill("ResolvedOn", "2027-01-01")
	if e := hs.form().Error("ResolvedOn"); !strings.Contains(e, "不能晚于今天") {
		t.Errorf("future resolution: %q", e)
	}
	hs.fill("ResolvedOn", "")
	hs.fill("Need", "")
	hs.fill("ResolvedOn", "2026-11-01")
	if e := hs.form().Error("ResolvedOn"); !strings.Contains(e, "没有困难诉求") {
		t.Errorf("resolution without a need: %q", e)
	}
	hs.fill("ResolvedOn", "")
	hs.form().Focus("Mode")
	hs.KeyType(tea.KeyDelete)
	if d := hs.tab.stack.Dialog; d == nil || !strings.Contains(d.Body, "唯一的走访记录") {
		t.Fatalf("no trash question: %+v", d)
	}
	hs.View()
	hs.KeyType(tea.KeyLeft) // to 移到回收站
	hs.KeyType(tea.KeyEnter)
	if !strings.Contains(hs.LastStatus(), "已移到回收站") {
		t.Fatalf("not trashed: %q", hs.LastStatus())
	}
	hs.changes()
	if v := hs.ViewPlain(); !strings.Contains(v, "已不在台账上") {
		t.Errorf("detail of the trashed event:\n%s", v)
	}
	hs.KeyType(tea.KeyEsc)
	hs.KeyType(tea.KeyEsc)
	if v := hs.ViewPlain(); strings.Contains(v, "走访慰问 张三") || !strings.Contains(v, "合计：1 项活动") {
		t.Errorf("list after trashing:\n%s", v)
	}
}

// Delete on an event asks, then moves it and its visits to the trash.
func TestTrashEventFromList(t *testing.T) {
	s, _ := seed(t)
	hs := newHarness(t, s, 80, 24)
	hs.Type("座谈")
	hs.KeyType(tea.KeyDelete)
	if d := hs.tab.stack.Dialog; d == nil || !strings.Contains(d.Body, "八一双拥座谈会") {
		t.Fatalf("no question: %+v", d)
	}
	hs.KeyType(tea.KeyEnter) // No is the default
	if hs.tab.stack.Dialog != nil || !hs.Contains("八一双拥座谈会") {
		t.Fatal("No trashed it")
	}
	hs.KeyType(tea.KeyDelete)
	hs.KeyType(tea.KeyLeft)
	hs.KeyType(tea.KeyEnter)
	hs.changes()
	if !strings.Contains(hs.LastStatus(), "已移到回收站") || hs.Contains("八一双拥座谈会") {
		t.Errorf("not trashed: %q\n%s", hs.LastStatus(), hs.ViewPlain())
	}
}

// An event opened from another tab goes back there with Esc; a read-only file refuses
// the form.
func TestOpenFromAnotherTabAndReadOnly(t *testing.T) {
	s, ids := seed(t)
	hs := newHarness(t, s, 120, 40)
	hs.Deliver(tab.OpenMsg{Kind: tab.KindEvent, ID: ids["forum"], From: tab.Units})
	v := hs.ViewPlain()
	for _, want := range []string{"八一双拥座谈会", "协办", "武警青山中队", "宣传资料 300 份", "其中部队官兵"} {
		if !strings.Contains(v, want) {
			t.Errorf("opened event lacks %q:\n%s", want, v)
		}
	}
	hs.Key(tea.KeyMsg{Type: tea.KeyCtrlU}) // one unit: opened at once
	if len(hs.Opened) != 1 || hs.Opened[0].Kind != tab.KindUnit || hs.Opened[0].ID != ids["武警青山中队"] {
		t.Errorf("Ctrl+U: %+v", hs.Opened)
	}
	hs.KeyType(tea.KeyEsc)
	if len(hs.Backs) != 1 || hs.Backs[0].To != tab.Units {
		t.Errorf("Esc did not go back: %+v", hs.Backs)
	}
	// A unit in the trash is still named, marked.
	if err := s.TrashUnit(context.Background(), ids["武警青山中队"]); err != nil {
		t.Fatal(err)
	}
	hs.Deliver(tab.ChangedMsg{From: tab.Units, Kinds: []tab.Kind{tab.KindUnit}})
	hs.Deliver(tab.OpenMsg{Kind: tab.KindEvent, ID: ids["forum"], From: tab.Events})
	if v := hs.ViewPlain(); !strings.Contains(v, "武警青山中队（已在回收站）") {
		t.Errorf("trashed unit not marked:\n%s", v)
	}
	hs.KeyType(tea.KeyEsc)
	hs.Deliver(tab.ReadOnlyMsg{Reason: "damaged"})
	hs.KeyType(tea.KeyF2)
	if _, ok := hs.tab.stack.Top().(*listScreen); !ok || !strings.Contains(hs.LastStatus(), "只读") && hs.LastStatus() == "" {
		t.Errorf("F2 on a read-only file: %T %q", hs.tab.stack.Top(), hs.LastStatus())
	}
}

// Every screen is an exact frame under both East Asian width settings, at 80x24 and
// 120x40 (the width libraries read the setting at start, so each runs in a child).
func TestWidthInvariant(t *testing.T) {
	if uitest.WidthChild(t) {
		for _, size := range [][3]int{{80, 24, 0}, {120, 40, 0}, {100, 30, 1}} {
			s, _ := seed(t)
			lang := model.Zh
			if size[2] == 1 {
				lang = model.En
			}
			hs := newHarnessLang(t, s, size[0], size[1], lang)
			shots := 0
			shot := func() { hs.View(); shots++ }
			shot()
			hs.KeyType(tea.KeyF3)
			shot()
			hs.KeyType(tea.KeyEsc)
			hs.Type("张三")
			shot()
			hs.KeyType(tea.KeyEnter)
			shot()
			hs.KeyType(tea.KeyEnter)
			shot()
			hs.form().Focus("Mode")
			hs.KeyType(tea.KeyDelete)
			shot()
			hs.KeyType(tea.KeyEsc)
			hs.KeyType(tea.KeyEsc)
			hs.KeyType(tea.KeyF4)
			shot()
			hs.KeyType(tea.KeyEsc)
			hs.KeyType(tea.KeyEsc)
			hs.KeyType(tea.KeyEsc)
			hs.KeyType(tea.KeyF2)
			shot()
			hs.fill("Unit.0", "青山")
			hs.fill("Item.0", "宣传")
			for i := 0; i < 40; i++ {
				hs.KeyType(tea.KeyDown)
				shot()
			}
			if shots < 40 {
				t.Fatalf("only %d screens", shots)
			}
		}
		return
	}
	for _, ea := range []string{"0", "1"} {
		uitest.RunWidthChild(t, "TestWidthInvariant", ea)
	}
}

// Golden screens of the tab under the ASCII colour profile (refresh with go test -update):
// the list, the F3 panel, an event's detail with its visit, the visit editor, the form
// with two units and an item, and the trash question. The same files hold under both East
// Asian width settings — the screens keep ambiguous-width characters out, so a frame that
// differs is a bug. The width libraries read RUNEWIDTH_EASTASIAN when the program starts,
// so the other setting is checked in a child process of this test binary.
func TestGolden(t *testing.T) {
	child := uitest.WidthChild(t)
	for _, size := range [][2]int{{120, 40}, {80, 24}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			s, _ := seed(t)
			hs := newHarness(t, s, size[0], size[1])
			shot := func(name string) {
				t.Run(name, func(t *testing.T) { golden.RequireEqual(t, []byte(hs.View())) })
			}
			shot("list")
			hs.KeyType(tea.KeyF3)
			shot("filters")
			hs.KeyType(tea.KeyEsc)
			hs.Type("张三")
			hs.KeyType(tea.KeyEnter)
			shot("detail_visits")
			hs.KeyType(tea.KeyEnter)
			shot("visit_editor")
			hs.KeyType(tea.KeyEsc)
			hs.KeyType(tea.KeyEsc)
			hs.KeyType(tea.KeyEsc)
			hs.Type("座谈")
			hs.KeyType(tea.KeyEnter)
			shot("detail_forum")
			hs.KeyType(tea.KeyDelete)
			shot("trash_question")
			hs.KeyType(tea.KeyEsc)
			hs.KeyType(tea.KeyF4)
			hs.fill("Unit.1", "妇联")
			hs.fill("Item.1", "鞋")
			shot("form")
		})
	}
	if !child {
		uitest.RunWidthChild(t, "TestGolden", uitest.OtherWidth())
	}
}

// An event opened from another tab while the form has unsaved edits opens over it.
func TestOpenKeepsDirtyForm(t *testing.T) {
	s, ids := seed(t)
	hs := newHarness(t, s, 80, 24)
	hs.KeyType(tea.KeyF2)
	hs.fill("Title", "还没保存的活动")
	hs.Deliver(tab.OpenMsg{Kind: tab.KindEvent, ID: ids["forum"], From: tab.Stats})
	if !hs.Contains("八一双拥座谈会") {
		t.Fatalf("event not shown:\n%s", hs.ViewPlain())
	}
	hs.KeyType(tea.KeyEsc)
	if len(hs.Backs) != 1 || hs.Backs[0].To != tab.Stats {
		t.Errorf("backs %+v", hs.Backs)
	}
	if _, ok := hs.tab.stack.Top().(*formScreen); !ok || !hs.tab.Dirty() || hs.form().Value("Title") != "还没保存的活动" {
		t.Errorf("the form was lost: %T", hs.tab.stack.Top())
	}
}

// An item can be a breakdown (其中) of one above it: 篇7's 「累计接收军转干部21名，其中，男同志
// 18名，女同志3名」 typed in the form, stored with its parent, and shown under it.
func TestItemBreakdowns(t *testing.T) {
	s, _ := seed(t)
	hs := newHarness(t, s, 120, 40)
	hs.KeyType(tea.KeyF2)
	hs.fill("Type", "军转")
	hs.fill("Date", "2026-10-12")
	hs.fill("Title", "军转干部接收安置")
	hs.fill("Item.0", "接收军转干部")
	hs.fill("Qty.0", "21")
	hs.fill("ItemUnit.0", "名")
	hs.fill("Item.1", "男同志")
	hs.fill("Qty.1", "18")
	hs.fill("ItemUnit.1", "名")
	hs.form().Focus("ItemOf.1")
	hs.KeyType(tea.KeyRight) // 是第 1 项的其中
	hs.fill("Item.2", "女同志")
	hs.fill("Qty.2", "3")
	hs.fill("ItemUnit.2", "名")
	hs.form().Focus("ItemOf.2")
	hs.KeyType(tea.KeyRight)
	hs.Key(tea.KeyMsg{Type: tea.KeyCtrlS})
	if !strings.Contains(hs.LastStatus(), "已登记活动") {
		t.Fatalf("not saved: %q", hs.LastStatus())
	}
	page, _ := s.ListEvents(context.Background(), store.EventQuery{Year: 2026, Text: "军转干部接收安置"})
	if page.Total != 1 {
		t.Fatalf("not stored: %+v", page)
	}
	ev, _ := s.Event(context.Background(), page.Rows[0].ID)
	if len(ev.Items) != 3 || ev.Items[0].Parent != 0 || ev.Items[1].Parent != 1 || ev.Items[2].Parent != 1 {
		t.Fatalf("stored items %+v", ev.Items)
	}
	v := hs.ViewPlain()
	if !strings.Contains(v, "接收军转干部 21 名") || !strings.Contains(v, "其中 男同志 18 名") || !strings.Contains(v, "其中 女同志 3 名") {
		t.Errorf("breakdowns not shown under their item:\n%s", v)
	}
	// Editing keeps them.
	hs.KeyType(tea.KeyF4)
	if got := hs.form().Value("ItemOf.2"); got != "0" {
		t.Errorf("the form lost the breakdown: %q", got)
	}
}

// F8 in 活动: the event's changes, and the trash of events, where a trashed event is
// restored.
func TestHistoryAndTrashInEvents(t *testing.T) {
	s, _ := seed(t)
	ctx := context.Background()
	page, _ := s.ListEvents(ctx, store.EventQuery{Year: 2026})
	if page.Total == 0 {
		t.Fatal("no events in the fixture")
	}
	gone := page.Rows[0]
	if err := s.TrashEvent(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	hs := newHarness(t, s, 120, 40)
	hs.KeyType(tea.KeyF8)
	v := hs.ViewPlain()
	if !strings.Contains(v, "回收站（1 项）") || !strings.Contains(v, gone.Title) {
		t.Fatalf("F8 in 活动:\n%s", v)
	}
	hs.KeyType(tea.KeyEnter)
	if ev, err := s.Event(ctx, gone.ID); err != nil || ev.DeletedAt != "" {
		t.Fatalf("not restored: %+v %v", ev.DeletedAt, err)
	}
}

// Delete on a row of an event's visits asks about that visit, not the event (No is the
// default), and moves only it to the trash; on the last visit of a 走访慰问 round the
// question says the round goes with it. The help line offers it ahead of what gives way.
func TestDeleteOnVisitRowTrashesThatVisit(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		s, _ := seed(t)
		ctx := context.Background()
		page, _ := s.ListEvents(ctx, store.EventQuery{Year: 2026, Text: "走访慰问 张三"})
		if page.Total != 1 {
			t.Fatalf("no visit round: %+v", page)
		}
		round := page.Rows[0].ID
		v := model.Visit{EventID: round, PersonID: 2, Date: "2026-01-29", Mode: "home", MoneyFen: 50000}
		if err := s.CreateVisit(ctx, &v); err != nil {
			t.Fatal(err)
		}
		hs := newHarness(t, s, size[0], size[1])
		hs.Type("张三")
		hs.KeyType(tea.KeyEnter)
		d, ok := hs.tab.stack.Top().(*detailScreen)
		if !ok || !hs.Contains("共 2 人次") {
			t.Fatalf("%v no detail with two visits:\n%s", size, hs.ViewPlain())
		}
		help := uitest.Sprint(d.ShortHelp()[:4])
		if !strings.Contains(help, "走访记录移到回收站") {
			t.Errorf("%v the detail's first hints lack the visit's Delete: %s", size, help)
		}
		hs.KeyType(tea.KeyDown) // 李四
		hs.KeyType(tea.KeyDelete)
		dlg := hs.tab.stack.Dialog
		if dlg == nil || !strings.Contains(dlg.Body, "李四 2026-01-29 的走访记录") || strings.Contains(dlg.Body, "唯一") {
			t.Fatalf("%v Delete on 李四's row asked: %+v", size, dlg)
		}
		hs.View()
		hs.KeyType(tea.KeyEnter) // 取消 is the default
		if got, _ := s.Visit(ctx, v.ID); got.DeletedAt != "" {
			t.Fatalf("%v No trashed the visit", size)
		}
		hs.KeyType(tea.KeyDelete)
		hs.KeyType(tea.KeyLeft)
		hs.KeyType(tea.KeyEnter)
		if !strings.Contains(hs.LastStatus(), "走访记录（李四，2026-01-29）已移到回收站") {
			t.Fatalf("%v not trashed: %q", size, hs.LastStatus())
		}
		hs.changes()
		if got, _ := s.Visit(ctx, v.ID); got.DeletedAt == "" {
			t.Errorf("%v the store still has the visit live", size)
		}
		if ev, err := s.Event(ctx, round); err != nil || ev.DeletedAt != "" {
			t.Errorf("%v the round went too: %v %q", size, err, ev.DeletedAt)
		}
		if view := hs.ViewPlain(); !strings.Contains(view, "共 1 人次") || strings.Contains(view, "李四") {
			t.Errorf("%v detail after trashing the visit:\n%s", size, view)
		}
		hs.KeyType(tea.KeyDelete) // 张三's, the round's last
		if dlg := hs.tab.stack.Dialog; dlg == nil || !strings.Contains(dlg.Body, "张三") || !strings.Contains(dlg.Body, "唯一的走访记录") {
			t.Errorf("%v the last visit's question: %+v", size, dlg)
		}
		hs.KeyType(tea.KeyEsc)
	}
}

// At 80 columns every figure of the 活动 tab shows whole: a county round's amount in the
// list; in a detail, the visits' totals (on a second line, between clauses), a visit's
// amount, and the quantity of a breakdown with a long name and unit (wrapped).
func TestFiguresAt80(t *testing.T) {
	s, _ := seed(t)
	ctx := context.Background()
	ev := model.Event{Date: "2026-09-01", Type: model.EventOther, Title: "物资捐赠", MoneyFen: 12_345_678_90,
		Items: []model.Item{{Name: "捐赠物资", Quantity: 2000, Unit: "件"},
			{Name: "爱心企业捐赠的冬季棉被和防寒棉大衣及手套围巾帽子等保暖用品", Quantity: 1537, Unit: "套（含包装箱）", Parent: 1}}}
	if err := s.CreateEvent(ctx, &ev); err != nil {
		t.Fatal(err)
	}
	page, _ := s.ListEvents(ctx, store.EventQuery{Year: 2026, Text: "走访慰问 张三"})
	for i, p := range []int64{2, 3, 4, 5} {
		v := model.Visit{EventID: page.Rows[0].ID, PersonID: p, Date: "2026-01-29", Mode: "home", MoneyFen: 123_456_00 + int64(i), GoodsValueFen: 12_345_00}
		if err := s.CreateVisit(ctx, &v); err != nil {
			t.Fatal(err)
		}
	}
	hs := newHarness(t, s, 80, 24)
	if v := hs.ViewPlain(); !strings.Contains(v, "12,345,678.90") {
		t.Errorf("the amount is cut in the list:\n%s", v)
	}
	hs.Deliver(tab.OpenMsg{Kind: tab.KindEvent, ID: ev.ID, From: tab.Events})
	if v := hs.ViewPlain(); !strings.Contains(v, "保暖用品 1537") || !strings.Contains(v, "套（含包装箱）") {
		t.Errorf("the item's quantity is cut:\n%s", v)
	}
	hs.KeyType(tea.KeyEsc)
	hs.Type("张三")
	hs.KeyType(tea.KeyEnter)
	if v := hs.ViewPlain(); !strings.Contains(v, "慰问金 494,624.06 元") || !strings.Contains(v, "123,456.03") || !strings.Contains(v, "未解决诉求 1 条）") {
		t.Errorf("the visits' figures are cut:\n%s", v)
	}
}

func TestClauseLines(t *testing.T) {
	for _, c := range []struct {
		in   string
		w    int
		want []string
	}{
		{"走访对象（共 2 人次，慰问金 1.00 元）", 80, []string{"走访对象（共 2 人次，慰问金 1.00 元）"}},
		{"走访对象（共 2154 人次，慰问金 819,720.00 元，慰问品 215,400.00 元，未解决诉求 13 条）", 60,
			[]string{"走访对象（共 2154 人次，慰问金 819,720.00 元，", "慰问品 215,400.00 元，未解决诉求 13 条）"}},
		{"People visited (2154; money 819,720.00, goods 215,400.00 yuan; 13 open needs)", 50,
			[]string{"People visited (2154; money 819,720.00,", "goods 215,400.00 yuan; 13 open needs)"}},
	} {
		got := clauseLines(c.in, c.w)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("clauseLines(%q, %d) = %q", c.in, c.w, got)
		}
	}
}

// An event's details taller than their rows scroll as one shared body: the last row says
// how many lines are below and the first how many above, counted exactly, and no line is
// written over. Above visits only Ctrl+Up/Down scroll them (the arrows move in the
// visits); without visits the arrows and PgUp/PgDn do.
func TestDetailScrollsItsDetails(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		s, _ := seed(t)
		ctx := context.Background()
		var items []model.Item
		for i := 1; i <= 30; i++ {
			items = append(items, model.Item{Name: fmt.Sprintf("物品%02d", i), Quantity: int64(i), Unit: "件"})
		}
		for _, ev := range []model.Event{
			{Date: "2026-09-01", Type: model.EventVisit, Title: "秋季走访", Items: items},
			{Date: "2026-09-02", Type: model.EventForum, Title: "秋季座谈", Items: items},
		} {
			if err := s.CreateEvent(ctx, &ev); err != nil {
				t.Fatal(err)
			}
			if ev.Type != model.EventVisit {
				continue
			}
			for _, p := range []int64{1, 2} {
				if err := s.CreateVisit(ctx, &model.Visit{EventID: ev.ID, PersonID: p, Date: "2026-09-01", Mode: "home", MoneyFen: 50000}); err != nil {
					t.Fatal(err)
				}
			}
		}
		for _, c := range []struct {
			title      string
			down, up   tea.KeyMsg
			hint       string
			arrowMoves bool // the arrows scroll the details
		}{
			{"秋季走访", tea.KeyMsg{Type: tea.KeyCtrlDown}, tea.KeyMsg{Type: tea.KeyCtrlUp}, "Ctrl+上/下", false},
			{"秋季座谈", tea.KeyMsg{Type: tea.KeyDown}, tea.KeyMsg{Type: tea.KeyUp}, "PgDn", true},
		} {
			hs := newHarness(t, s, size[0], size[1])
			hs.Type(c.title)
			hs.KeyType(tea.KeyEnter)
			d, ok := hs.tab.stack.Top().(*detailScreen)
			if !ok {
				t.Fatalf("%v %s: no detail:\n%s", size, c.title, hs.ViewPlain())
			}
			for _, b := range d.Help()[0].Bindings {
				if b.Help().Key == "" {
					t.Errorf("%v %s: the help lists a key with no name: %s", size, c.title, uitest.Sprint(d.Help()[0].Bindings))
				}
			}
			v := hs.ViewPlain()
			var below int
			if i := strings.Index(v, "...下面还有 "); i < 0 {
				t.Fatalf("%v %s: no hint below:\n%s", size, c.title, v)
			} else {
				fmt.Sscanf(v[i+len("...下面还有 "):], "%d", &below)
			}
			if want := fmt.Sprintf("...下面还有 %d 行（%s 查看）", below, c.hint); !strings.Contains(v, want) {
				t.Errorf("%v %s: want %q:\n%s", size, c.title, want, v)
			}
			// The items come last, a line each: those not shown are the lines said to be
			// below, and none is lost under the hint.
			shown := 0
			for i := 1; i <= 30; i++ {
				if strings.Contains(v, fmt.Sprintf("物品%02d", i)) {
					shown = i
				}
			}
			if below != 30-shown {
				t.Errorf("%v %s: %d lines said below, items up to 物品%02d shown of 30:\n%s", size, c.title, below, shown, v)
			}
			hs.KeyType(tea.KeyDown)
			if moved := hs.Contains("...上面还有 1 行"); moved != c.arrowMoves {
				t.Errorf("%v %s: Down scrolled the details: %v:\n%s", size, c.title, moved, hs.ViewPlain())
			}
			if c.arrowMoves {
				hs.KeyType(tea.KeyUp)
			}
			for range below {
				hs.Key(c.down)
			}
			v = hs.ViewPlain()
			if strings.Contains(v, "下面还有") || !strings.Contains(v, "物品30 30 件") ||
				!strings.Contains(v, fmt.Sprintf("...上面还有 %d 行", below)) {
				t.Errorf("%v %s: after %d lines down:\n%s", size, c.title, below, v)
			}
			hs.Key(c.up)
			if v := hs.ViewPlain(); !strings.Contains(v, fmt.Sprintf("...上面还有 %d 行", below-1)) || !strings.Contains(v, "...下面还有") {
				t.Errorf("%v %s: a line back up:\n%s", size, c.title, v)
			}
		}
	}
}
