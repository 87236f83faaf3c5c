package campaign

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/ui/components"
	"shuangyong/ui/internal/uitest"
	"shuangyong/ui/keys"
	"shuangyong/ui/tab"
	"shuangyong/ui/textwidth"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	textwidth.Configure()
	os.Exit(m.Run())
}

// hostTab is the smallest tab that holds the campaign screens, as 活动 does.
type hostTab struct{ stack *components.Stack }

type blank struct{}

func (blank) Update(tea.Msg) tea.Cmd        { return nil }
func (blank) View(w, h int) string          { return textwidth.Block(nil, w, h) }
func (blank) ShortHelp() []key.Binding      { return nil }
func (blank) Help() []keys.Group            { return nil }
func (blank) Modal() bool                   { return false }
func (blank) Dirty() bool                   { return false }
func (blank) Typing() bool                  { return false }
func (h *hostTab) Init() tea.Cmd            { return nil }
func (h *hostTab) Update(m tea.Msg) tea.Cmd { return h.stack.Update(m) }
func (h *hostTab) View() string             { return h.stack.View() }
func (h *hostTab) SetSize(w, hh int)        { h.stack.SetSize(w, hh) }
func (h *hostTab) Title() string            { return "活动" }
func (h *hostTab) ShortHelp() []key.Binding { return h.stack.ShortHelp() }
func (h *hostTab) Help() []keys.Group       { return h.stack.Help() }
func (h *hostTab) Modal() bool              { return h.stack.Modal() }
func (h *hostTab) Dirty() bool              { return h.stack.Dirty() }
func (h *hostTab) Typing() bool             { return h.stack.Typing() }

var surnames = []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗")
var givens = []rune("明华建国秀兰英芳军伟")

// nameOf is the i-th test name (200 distinct two-character names).
func nameOf(i int) string { return string(surnames[i%20]) + string(givens[i/20%10]) }

// rosterFixture: n 烈属 in 李家村 (with ID numbers), 3 残疾军人 in 王庄村, one dead 烈属.
func rosterFixture(t *testing.T, n int) (*store.Store, map[string]int64) {
	t.Helper()
	s := uitest.Open(t)
	ctx := context.Background()
	if err := s.SaveVillages(ctx, []model.Village{{Name: "李家村"}, {Name: "王庄村"}}); err != nil {
		t.Fatal(err)
	}
	vs, _ := s.Villages(ctx)
	ids := map[string]int64{"李家村": vs[0].ID, "王庄村": vs[1].ID}
	for i := 0; i < n; i++ {
		p := model.Person{Name: nameOf(i), VillageID: vs[0].ID, Categories: []string{model.CatMartyrFamily},
			IDNumber: uitest.ID("430524", "19500101", fmt.Sprintf("%03d", i+1))}
		if err := s.CreatePerson(ctx, &p); err != nil {
			t.Fatal(err)
		}
		ids[p.Name] = p.ID
	}
	for i := 0; i < 3; i++ {
		p := model.Person{Name: "残疾" + string(givens[i]), VillageID: vs[1].ID, Categories: []string{model.CatDisabledSoldier},
			DisabilityNature: model.NatureWar, DisabilityGrade: 5}
		if err := s.CreatePerson(ctx, &p); err != nil {
			t.Fatal(err)
		}
		ids[p.Name] = p.ID
	}
	dead := model.Person{Name: "已故", VillageID: vs[0].ID, Categories: []string{model.CatMartyrFamily}, Status: model.StatusDead, StatusChangedOn: "2026-01-01"}
	if err := s.CreatePerson(ctx, &dead); err != nil {
		t.Fatal(err)
	}
	return s, ids
}

func newHost(t *testing.T, s *store.Store, w, h int) (*uitest.Harness, Host) {
	env := uitest.Env(s, model.Zh)
	ht := &hostTab{stack: components.NewStack(blank{}, keys.NewDialog(model.Zh), "确认框")}
	hs := uitest.NewHarness(t, s, ht, w, h)
	return hs, Host{Env: env, Tab: tab.Events, Stack: ht.stack}
}

// The campaign form counts the people its filters choose as they change, asks before a
// standard amount of 0 and before building the roster, then opens the roster.
func TestCreateCampaign(t *testing.T) {
	s, _ := rosterFixture(t, 5)
	hs, h := newHost(t, s, 120, 40)
	vs, _ := s.Villages(context.Background())
	hs.Run(OpenCreate(h, vs, "青山镇退役军人服务站"))
	if !hs.Contains("符合条件的在册人员：8 人") || !hs.Contains("2026年春节走访慰问") {
		t.Fatalf("form:\n%s", hs.ViewPlain())
	}
	f := h.Stack.Top().(*creator).fs.Form
	f.Focus("cats")
	hs.Type(" ") // 残疾军人, the first category
	if !hs.Contains("符合条件的在册人员：3 人") {
		t.Fatalf("count not updated:\n%s", hs.ViewPlain())
	}
	hs.KeyType(tea.KeyCtrlS)
	if !hs.Contains("没有标准慰问金") {
		t.Fatalf("no question about 0:\n%s", hs.ViewPlain())
	}
	hs.KeyType(tea.KeyEnter) // 填写金额
	hs.Type("500")
	hs.KeyType(tea.KeyCtrlS)
	if !hs.Contains("名单共 3 人") {
		t.Fatalf("no confirmation with the count:\n%s", hs.ViewPlain())
	}
	hs.KeyType(tea.KeyEnter)
	v := hs.ViewPlain()
	if !strings.Contains(v, "2026年春节走访慰问（走访名单）") || !strings.Contains(v, "名单 3 人") || !strings.Contains(v, "残疾明") {
		t.Fatalf("roster:\n%s", v)
	}
}

// W2: a 200-person roster ticked off with one command key each; the counts and money
// follow; ticking again offers to undo; signatures are ticked back one key each too.
func TestTickOff200WithOneKeyEach(t *testing.T) {
	s, _ := rosterFixture(t, 200)
	ctx := context.Background()
	ev := model.Event{Date: "2026-01-15", EndDate: "2026-02-15", Title: "2026年春节走访慰问", StandardMoneyFen: 50000,
		StandardGoods: "米一袋", StandardGoodsFen: 8000}
	if _, err := s.CreateCampaign(ctx, &ev, &store.RosterFilter{Categories: []string{model.CatMartyrFamily}}); err != nil {
		t.Fatal(err)
	}
	hs, h := newHost(t, s, 120, 40)
	hs.Run(OpenRoster(h, ev.ID))
	r := h.Stack.Top().(*Roster)
	// The visits were made in January; the sitting's date is set once.
	hs.KeyType(tea.KeyF7)
	f := h.Stack.Top().(*components.FormScreen).Form
	f.SetValue("Date", "")
	hs.Type("2026-01-20")
	hs.KeyType(tea.KeyCtrlS)
	if r.date != "2026-01-20" {
		t.Fatalf("date %q", r.date)
	}
	keysSent := 2 // F7 and Ctrl+S, once for the sitting
	for i := 0; i < 198; i++ {
		hs.KeyType(tea.KeyF5)
		keysSent++
	}
	c, err := s.Campaign(ctx, ev.ID)
	if err != nil || c.Visited != 198 || c.ToVisit() != 2 || c.MoneyFen != 198*50000 || c.GoodsFen != 198*8000 {
		t.Fatalf("after 198 ticks: %+v %v", c, err)
	}
	if keysSent > 2*198 {
		t.Errorf("%d command keys for 198 people", keysSent)
	}
	left, _ := s.RosterPage(ctx, ev.ID, store.RosterQuery{State: store.RosterToVisit})
	v := hs.ViewPlain()
	if left.Total != 2 || !strings.Contains(v, "未走访 2") || !strings.Contains(v, left.Rows[0].Name) || !strings.Contains(v, left.Rows[1].Name) {
		t.Fatalf("the still-to-visit list (%+v):\n%s", left.Rows, v)
	}
	// Find one by typing, tick, clear: 2 command keys (F5, Esc) besides the text.
	hs.Type(left.Rows[1].Name)
	hs.KeyType(tea.KeyF5)
	hs.KeyType(tea.KeyEsc)
	if c, _ = s.Campaign(ctx, ev.ID); c.Visited != 199 {
		t.Fatalf("visited %d", c.Visited)
	}
	// Ticking someone ticked offers to undo the tick.
	hs.KeyType(tea.KeyF3) // 已走访
	hs.KeyType(tea.KeyF5)
	if !hs.Contains("撤销这次登记") {
		t.Fatalf("no undo offer:\n%s", hs.ViewPlain())
	}
	hs.KeyType(tea.KeyLeft)
	hs.KeyType(tea.KeyEnter)
	if c, _ = s.Campaign(ctx, ev.ID); c.Visited != 198 {
		t.Fatalf("after the undo offer: visited %d", c.Visited)
	}
	// Signatures from the paper list: F4 per line.
	hs.KeyType(tea.KeyF4)
	hs.KeyType(tea.KeyF4)
	if c, _ = s.Campaign(ctx, ev.ID); c.Signed != 2 {
		t.Fatalf("signed %d", c.Signed)
	}
}

// A person off the roll cannot be added by a tick; Delete takes someone off the roster,
// asking first and saying their visit goes too.
func TestRemoveFromRoster(t *testing.T) {
	s, ids := rosterFixture(t, 3)
	ctx := context.Background()
	ev := model.Event{Date: "2026-01-15", Title: "春节", StandardMoneyFen: 50000}
	if _, err := s.CreateCampaign(ctx, &ev, &store.RosterFilter{Categories: []string{model.CatMartyrFamily}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Tick(ctx, ev.ID, ids[nameOf(0)], "2026-01-20"); err != nil {
		t.Fatal(err)
	}
	hs, h := newHost(t, s, 100, 30)
	hs.Run(OpenRoster(h, ev.ID))
	hs.KeyType(tea.KeyF3) // 已走访
	hs.KeyType(tea.KeyDelete)
	if !hs.Contains("这次走访记录也会移到回收站") {
		t.Fatalf("no warning about the visit:\n%s", hs.ViewPlain())
	}
	hs.KeyType(tea.KeyLeft)
	hs.KeyType(tea.KeyEnter)
	if c, _ := s.Campaign(ctx, ev.ID); c.Roster != 2 || c.Visited != 0 {
		t.Fatalf("after removal %+v", c)
	}
}

// The roster screen is an exact frame at 80x24 and 120x40.
func TestRosterFrames(t *testing.T) {
	s, _ := rosterFixture(t, 30)
	ev := model.Event{Date: "2026-01-15", Title: "2026年春节走访慰问", StandardMoneyFen: 50000, StandardGoods: "米一袋、油一桶", StandardGoodsFen: 12000}
	if _, err := s.CreateCampaign(context.Background(), &ev, &store.RosterFilter{}); err != nil {
		t.Fatal(err)
	}
	for _, size := range [][2]int{{80, 20}, {120, 36}} {
		hs, h := newHost(t, s, size[0], size[1])
		hs.Run(OpenRoster(h, ev.ID))
		hs.View()
		hs.KeyType(tea.KeyF5)
		hs.View()
		hs.KeyType(tea.KeyF3)
		hs.View()
	}
}

// F6 writes the 发放清单 where the user says, by default in the Documents folder under the
// campaign's title.
func TestExportFromRoster(t *testing.T) {
	s, ids := rosterFixture(t, 3)
	ctx := context.Background()
	ev := model.Event{Date: "2026-01-15", Title: "2026年春节走访慰问", StandardMoneyFen: 50000}
	if _, err := s.CreateCampaign(ctx, &ev, &store.RosterFilter{}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Tick(ctx, ev.ID, ids[nameOf(1)], "2026-01-20"); err != nil {
		t.Fatal(err)
	}
	hs, h := newHost(t, s, 120, 36)
	hs.Run(OpenRoster(h, ev.ID))
	hs.KeyType(tea.KeyF6)
	f := h.Stack.Top().(*components.FormScreen).Form
	if !strings.HasSuffix(f.Value("path"), "2026年春节走访慰问发放清单.xlsx") {
		t.Errorf("default path %q", f.Value("path"))
	}
	path := t.TempDir() + "/清单.xlsx"
	f.SetValue("path", path)
	hs.KeyType(tea.KeyCtrlS)
	if _, err := os.Stat(path); err != nil || !strings.Contains(hs.LastStatus(), "发放清单已导出") {
		t.Fatalf("not written (%v): %q", err, hs.LastStatus())
	}
}

// The roster's filters take several villages (Space on each) and "not visited since a
// date": the date field shows only for that choice, and the count follows both.
func TestCreateFiltersVillagesAndSince(t *testing.T) {
	s, ids := rosterFixture(t, 5)
	ctx := context.Background()
	// 王明 was visited in June, 李明 in February: since 2026-03-01 only 李明 is still due.
	for name, date := range map[string]string{"王明": "2026-06-01", "李明": "2026-02-01"} {
		ev := model.Event{Date: date, Title: "走访"}
		if err := s.RecordVisit(ctx, &ev, &model.Visit{PersonID: ids[name], Date: date, Mode: "home"}); err != nil {
			t.Fatal(err)
		}
	}
	hs, h := newHost(t, s, 120, 40)
	vs, _ := s.Villages(ctx)
	hs.Run(OpenCreate(h, vs, "青山镇退役军人服务站"))
	c := h.Stack.Top().(*creator)
	f := c.fs.Form
	if !regexp.MustCompile(`村（社区） +全部`).MatchString(hs.ViewPlain()) || hs.Contains("自哪天起") {
		t.Fatalf("form before any choice:\n%s", hs.ViewPlain())
	}
	f.Focus("village")
	hs.Type("王庄")
	hs.Type(" ")
	if !hs.Contains("符合条件的在册人员：3 人") {
		t.Fatalf("one village:\n%s", hs.ViewPlain())
	}
	hs.Type("李家")
	hs.Type(" ")
	if !hs.Contains("符合条件的在册人员：8 人") {
		t.Fatalf("two villages:\n%s", hs.ViewPlain())
	}
	if rf := c.filter(f); len(rf.VillageIDs) != 2 {
		t.Errorf("filter villages %v", rf.VillageIDs)
	}
	f.Focus("notVisited")
	hs.Type("自某日")
	if !hs.Contains("自哪天起") {
		t.Fatalf("no date field for since:\n%s", hs.ViewPlain())
	}
	f.Focus("since")
	hs.Type("2026-03-01")
	if !hs.Contains("符合条件的在册人员：7 人") {
		t.Fatalf("not visited since 2026-03-01 (王明 visited in June):\n%s", hs.ViewPlain())
	}
	if rf := c.filter(f); rf.NotVisitedSince != "2026-03-01" {
		t.Errorf("filter since %q", rf.NotVisitedSince)
	}
}

// The sitting's date (F7) outlives the roster screen: a cadre who steps out to look
// someone up comes back to the date set, marked as not today. A date outside the
// campaign is refused at F7, before any tick is. Someone who left the roll since the
// roster was made says so on their row.
func TestSittingDateKeptAndChecked(t *testing.T) {
	s, ids := rosterFixture(t, 3)
	ctx := context.Background()
	ev := model.Event{Date: "2026-01-15", EndDate: "2026-02-15", Title: "2026年春节走访慰问", StandardMoneyFen: 50000}
	if _, err := s.CreateCampaign(ctx, &ev, &store.RosterFilter{Categories: []string{model.CatMartyrFamily}}); err != nil {
		t.Fatal(err)
	}
	moved, err := s.Person(ctx, ids[nameOf(2)])
	if err != nil {
		t.Fatal(err)
	}
	moved.Status, moved.StatusChangedOn = model.StatusMovedOut, "2026-01-10"
	if err := s.UpdatePerson(ctx, &moved); err != nil {
		t.Fatal(err)
	}
	hs, h := newHost(t, s, 80, 24)
	hs.Run(OpenRoster(h, ev.ID))
	if !hs.Contains(model.PersonStatuses.Label(model.StatusMovedOut, model.Zh)) {
		t.Errorf("the moved-out person's row does not say so:\n%s", hs.ViewPlain())
	}
	hs.KeyType(tea.KeyF7)
	f := h.Stack.Top().(*components.FormScreen).Form
	f.SetValue("Date", "")
	hs.Type("2026-03-01")
	hs.KeyType(tea.KeyCtrlS)
	if !hs.Contains("不在这次活动的时间内") {
		t.Fatalf("a date after the campaign taken at F7:\n%s", hs.ViewPlain())
	}
	f.SetValue("Date", "")
	hs.Type("2026-01-20")
	hs.KeyType(tea.KeyCtrlS)
	hs.KeyType(tea.KeyEsc) // leave the roster
	hs.Run(OpenRoster(h, ev.ID))
	if r := h.Stack.Top().(*Roster); r.date != "2026-01-20" {
		t.Fatalf("the sitting's date after coming back: %q", r.date)
	}
	// At 80 columns the standard and the date are whole, not cut.
	if v := hs.ViewPlain(); !strings.Contains(v, "走访日期 2026-01-20") || !strings.Contains(v, "标准：慰问金 500.00 元") {
		t.Errorf("header at 80 columns:\n%s", v)
	}
}

// An event typed with F2 as a round (走访慰问 with a standard) is given a roster by the
// same form, started from the event: its title and standard kept, its visit already
// ticked.
func TestMakeCampaignFromEvent(t *testing.T) {
	s, ids := rosterFixture(t, 4)
	ctx := context.Background()
	ev := model.Event{Date: "2026-01-15", EndDate: "2026-02-15", Title: "村里春节慰问"}
	if err := s.RecordVisit(ctx, &ev, &model.Visit{PersonID: ids[nameOf(0)], Date: "2026-01-16", MoneyFen: 50000}); err != nil {
		t.Fatal(err)
	}
	ev, _ = s.Event(ctx, ev.ID)
	ev.StandardMoneyFen = 50000
	if err := s.UpdateEvent(ctx, &ev); err != nil {
		t.Fatal(err)
	}
	hs, h := newHost(t, s, 120, 40)
	vs, _ := s.Villages(ctx)
	hs.Run(OpenMake(h, ev, vs, "青山镇退役军人服务站"))
	f := h.Stack.Top().(*creator).fs.Form
	if f.Value("Title") != "村里春节慰问" || f.Value("StandardMoneyFen") != "500.00" {
		t.Fatalf("form not started from the event:\n%s", hs.ViewPlain())
	}
	f.Focus("cats")
	hs.Type("烈士")
	hs.Type(" ")
	hs.KeyType(tea.KeyCtrlS)
	if !hs.Contains("名单共 4 人") {
		t.Fatalf("no confirmation:\n%s", hs.ViewPlain())
	}
	hs.KeyType(tea.KeyEnter)
	c, err := s.Campaign(ctx, ev.ID)
	if err != nil || c.Roster != 4 || c.Visited != 1 || c.Title != "村里春节慰问" || c.Occasion != "" {
		t.Fatalf("campaign %+v %v", c, err)
	}
	if !hs.Contains("村里春节慰问（走访名单）") || !hs.Contains("未走访 3") {
		t.Errorf("roster:\n%s", hs.ViewPlain())
	}
}

// A new campaign starts its sitting on today, even with the id of one undone whose
// sitting's date was set (SQLite reuses the highest rowid).
func TestNewCampaignForgetsAnOldSitting(t *testing.T) {
	s, _ := rosterFixture(t, 2)
	hs, h := newHost(t, s, 120, 40)
	for id := int64(1); id <= 50; id++ {
		setSittingDate(h, id, "2026-01-20")
	}
	vs, _ := s.Villages(context.Background())
	hs.Run(OpenCreate(h, vs, "青山镇退役军人服务站"))
	f := h.Stack.Top().(*creator).fs.Form
	f.SetValue("StandardMoneyFen", "500")
	hs.KeyType(tea.KeyCtrlS)
	hs.KeyType(tea.KeyEnter)
	r, ok := h.Stack.Top().(*Roster)
	if !ok {
		t.Fatalf("no roster:\n%s", hs.ViewPlain())
	}
	if r.date != "2026-11-20" {
		t.Errorf("the new campaign's sitting starts on %s", r.date)
	}
}
