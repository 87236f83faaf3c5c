package families

import (
	"context"
	"os"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/ui/components"
	"shuangyong/ui/internal/uitest"
	"shuangyong/ui/tab"
	"shuangyong/ui/textwidth"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	textwidth.Configure()
	os.Exit(m.Run())
}

// harness drives the tab directly: commands run synchronously and their messages are fed
// back, as the Bubble Tea loop would; messages for the root are collected.
type harness struct {
	t      *testing.T
	s      *store.Store
	m      *Model
	status []tab.StatusMsg
	w, h   int
}

func newHarness(t *testing.T, s *store.Store, w, h int) *harness {
	t.Helper()
	hs := &harness{t: t, s: s, m: New(uitest.Env(s, model.Zh)), w: w, h: h}
	vs, err := s.Villages(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	st, _ := s.Settings(context.Background())
	hs.m.Update(tab.SettingsMsg{Settings: st, Villages: vs})
	hs.m.SetSize(w, h)
	hs.run(hs.m.Init())
	return hs
}

// run executes cmd and everything it leads to.
func (hs *harness) run(cmd tea.Cmd) {
	hs.t.Helper()
	uitest.Settle(hs.t, cmd, func(msg tea.Msg) tea.Cmd {
		switch msg := msg.(type) {
		case tab.StatusMsg:
			hs.status = append(hs.status, msg)
			return nil
		case tab.ChangedMsg:
			return hs.m.Update(msg) // the root hands every change to every tab, its maker too
		}
		return hs.m.Update(msg)
	})
}

func (hs *harness) key(k tea.KeyMsg) { hs.t.Helper(); hs.run(hs.m.Update(k)) }

func (hs *harness) keyType(tp tea.KeyType) { hs.t.Helper(); hs.key(tea.KeyMsg{Type: tp}) }

// typeText sends text as one IME commit.
func (hs *harness) typeText(s string) {
	hs.t.Helper()
	hs.key(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)})
}

func (hs *harness) view() string {
	hs.t.Helper()
	return uitest.CheckView(hs.t, hs.m.View(), hs.w, hs.h)
}

func (hs *harness) lastStatus() string {
	if len(hs.status) == 0 {
		return ""
	}
	return hs.status[len(hs.status)-1].Text
}

func (hs *harness) names() []string {
	var out []string
	for _, row := range hs.m.list.table.WindowRows() {
		out = append(out, row[colName])
	}
	return out
}

func TestListShowsRoster(t *testing.T) {
	hs := newHarness(t, uitest.Seeded(t), 120, 36)
	v := hs.view()
	for _, want := range []string{"共 6 人", "张三", "李家村", "残疾军人", "430524********", "2026-01-28", "未走访"} {
		if !strings.Contains(v, want) {
			t.Errorf("list lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "13607391176") {
		t.Error("the list shows a phone number unmasked")
	}
	if !strings.Contains(v, "136****1176") {
		t.Error("the masked phone is missing")
	}
}

func TestTypeChineseFilters(t *testing.T) {
	hs := newHarness(t, uitest.Seeded(t), 120, 36)
	hs.typeText("张三")
	if got := hs.names(); len(got) != 1 || got[0] != "张三" {
		t.Fatalf("张三 found %v", got)
	}
	if v := hs.view(); !strings.Contains(v, "共 1 人") {
		t.Errorf("count missing:\n%s", v)
	}
}

func TestTypeInitialsFilters(t *testing.T) {
	hs := newHarness(t, uitest.Seeded(t), 120, 36)
	// One rune per key message, as a Windows console delivers them.
	hs.typeText("z")
	hs.typeText("s")
	got := strings.Join(hs.names(), ",")
	if !strings.Contains(got, "张三") || !strings.Contains(got, "张山") || hs.m.list.table.Total() != 2 {
		t.Fatalf("zs found %q", got)
	}
}

func TestEscClearsSearch(t *testing.T) {
	hs := newHarness(t, uitest.Seeded(t), 120, 36)
	hs.typeText("张三")
	hs.keyType(tea.KeyEsc)
	if hs.m.list.search.Value() != "" || hs.m.list.table.Total() != 6 {
		t.Fatalf("Esc left %q and %d rows", hs.m.list.search.Value(), hs.m.list.table.Total())
	}
}

func TestNoMatchSaysWhatToDo(t *testing.T) {
	hs := newHarness(t, uitest.Seeded(t), 80, 20)
	hs.typeText("不存在的人")
	v := hs.view()
	if !strings.Contains(v, "没有找到") || !strings.Contains(v, "F2") {
		t.Errorf("empty result has no guidance:\n%s", v)
	}
}

// One query is in flight at a time: text typed meanwhile is searched for as soon as the
// answer comes back (that answer, now stale, is dropped), so a burst of IME runes costs
// one extra query and the list always ends on the newest text.
func TestOneQueryInFlight(t *testing.T) {
	hs := newHarness(t, uitest.Seeded(t), 120, 36)
	m := hs.m
	first := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("张")})
	if first == nil {
		t.Fatal("typing did not search at once")
	}
	if c := m.Update(tea.KeyMsg{Type: tea.KeyBackspace}); c != nil {
		t.Fatal("a second query started while one was in flight")
	}
	if c := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("李四")}); c != nil {
		t.Fatal("a third query started while one was in flight")
	}
	hs.run(first) // the answer for 张 is dropped; 李四 runs at once
	if got := hs.names(); len(got) != 1 || got[0] != "李四" {
		t.Fatalf("the list does not answer the newest text: %v", got)
	}
}

// F5 typed right after the name (before the debounce fired) applies to the match, not to
// the row that was selected before.
func TestCommandWaitsForSearch(t *testing.T) {
	hs := newHarness(t, uitest.Seeded(t), 120, 36)
	m := hs.m
	// Type without running the search, then F5 at once.
	if id, _ := m.list.table.SelectedID(); id == 0 {
		t.Fatal("no row selected before typing")
	}
	search := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("张三")}) // 张三 is not the first row
	if c := m.Update(tea.KeyMsg{Type: tea.KeyF5}); c != nil {
		t.Fatal("F5 acted on the rows of the previous search")
	}
	hs.run(search)
	if m.mode() != modeVisitForm || m.vform() == nil || m.vform().person.Name != "张三" {
		t.Fatalf("F5 did not open 张三's visit form (mode %d)", m.mode())
	}
}

// W1: type the name, F5, Ctrl+S: two command keys, and the visit is stored.
func TestRecordVisitW1(t *testing.T) {
	s := uitest.Seeded(t)
	hs := newHarness(t, s, 120, 36)
	hs.typeText("李四")
	hs.keyType(tea.KeyF5)
	v := hs.view()
	for _, want := range []string{"登记走访：李四", "2026-11-20", "走访慰问", "入户", "1000"} {
		if !strings.Contains(v, want) {
			t.Errorf("visit form lacks %q:\n%s", want, v)
		}
	}
	hs.keyType(tea.KeyCtrlS)
	if hs.m.mode() != modeList {
		t.Fatalf("after saving the form is still open: mode %d, status %q", hs.m.mode(), hs.lastStatus())
	}
	if !strings.Contains(hs.lastStatus(), "已登记走访") {
		t.Errorf("status %q", hs.lastStatus())
	}
	id := hs.m.list.table.SelectedIDOrZero()
	visits, total, err := s.VisitsOfPerson(context.Background(), id, 0, 10)
	if err != nil || total != 1 || visits[0].MoneyFen != 100000 || visits[0].Mode != "home" || visits[0].Date != "2026-11-20" {
		t.Fatalf("stored visits %+v total %d err %v", visits, total, err)
	}
	if visits[0].EventType != model.EventVisit {
		t.Errorf("event type %q", visits[0].EventType)
	}
}

func TestVisitFormRefusesBadMoney(t *testing.T) {
	s := uitest.Seeded(t)
	hs := newHarness(t, s, 120, 36)
	hs.typeText("李四")
	hs.keyType(tea.KeyF5)
	f := hs.m.vform().form
	f.Focus("MoneyFen")
	f.SetValue("MoneyFen", "")
	hs.typeText("-50")
	hs.keyType(tea.KeyEnter)
	if !strings.Contains(f.Error("MoneyFen"), "负数") {
		t.Fatalf("negative money accepted: %q", f.Error("MoneyFen"))
	}
	hs.keyType(tea.KeyCtrlS)
	if hs.m.mode() != modeVisitForm {
		t.Fatal("a visit with a negative amount was saved")
	}
	if _, total, _ := s.VisitsOfPerson(context.Background(), hs.m.vform().person.ID, 0, 1); total != 0 {
		t.Fatal("visit stored")
	}
}

func TestDetailShowsEverything(t *testing.T) {
	hs := newHarness(t, uitest.Seeded(t), 120, 60)
	hs.typeText("张三")
	hs.keyType(tea.KeyEnter)
	if hs.m.mode() != modeDetail {
		t.Fatal("Enter did not open the detail")
	}
	v := hs.view()
	for _, want := range []string{"张三", "基本信息", "军人信息", "优待与生活", "同户成员"[:0] + "未与其他人编为一户", "430524********", "李家村2组69号", "残疾军人", "因战", "六级",
		"走访记录（共 1 次", "2026-01-28", "800.00", "米一袋", "屋顶漏雨", "未解决的困难诉求（1）", "陈明轩",
		"\"身体\"尚可-需常联系"} {
		if !strings.Contains(v, want) {
			t.Errorf("detail lacks %q", want)
		}
	}
	if strings.Contains(v, uitest.ID("430524", "19580728", "299")) {
		t.Error("full ID shown before F7")
	}
	hs.keyType(tea.KeyF7)
	if v := hs.view(); !strings.Contains(v, uitest.ID("430524", "19580728", "299")) || !strings.Contains(v, "13607391176") {
		t.Error("F7 did not reveal the ID and phone")
	}
	hs.keyType(tea.KeyEsc)
	if hs.m.mode() != modeList {
		t.Error("Esc did not go back to the list")
	}
}

func TestDetailListsGaps(t *testing.T) {
	s := uitest.Seeded(t)
	p := model.Person{Name: "吴十", Categories: []string{model.CatDisabledSoldier}}
	if err := s.CreatePerson(context.Background(), &p); err != nil {
		t.Fatal(err)
	}
	hs := newHarness(t, s, 120, 60)
	hs.typeText("吴十")
	hs.keyType(tea.KeyEnter)
	v := hs.view()
	for _, want := range []string{"待补充（2 项）", "待补充伤残性质", "待补充伤残等级"} {
		if !strings.Contains(v, want) {
			t.Errorf("detail lacks %q:\n%s", want, v)
		}
	}
	hs.keyType(tea.KeyEsc)
	hs.keyType(tea.KeyEsc)
	hs.typeText("王𠮷")
	hs.keyType(tea.KeyEnter)
	if v := hs.view(); !strings.Contains(v, "王𠮷") || strings.Contains(v, "待补充（") {
		t.Errorf("detail of 王𠮷 (complete):\n%s", v)
	}
}

func fieldErr(f *components.Form, key string) string { return f.Error(key) }

// Adding a person: a bad ID is refused at the field, in Chinese; a good one fills birth
// date and sex, and the save lands in the store and opens the detail.
func TestAddPersonValidatesAtField(t *testing.T) {
	s := uitest.Seeded(t)
	hs := newHarness(t, s, 120, 36)
	hs.keyType(tea.KeyF2)
	if hs.m.mode() != modePersonForm {
		t.Fatal("F2 did not open the form")
	}
	hs.typeText("钱七")
	hs.keyType(tea.KeyEnter)
	hs.typeText("43052419800101123") // 17 digits
	hs.keyType(tea.KeyEnter)
	f := hs.m.pform().form
	if e := fieldErr(f, "IDNumber"); !strings.Contains(e, "18 位") {
		t.Fatalf("bad ID message %q", e)
	}
	if v := hs.view(); !strings.Contains(v, "身份证号应为 18 位") {
		t.Errorf("message not shown at the field:\n%s", v)
	}
	hs.keyType(tea.KeyCtrlS)
	if hs.m.mode() != modePersonForm || f.Focused() != "IDNumber" {
		t.Fatalf("save with a bad ID: mode %d focus %s", hs.m.mode(), f.Focused())
	}
	// Fix it: a checksum error first, then the right check digit.
	f.SetValue("IDNumber", "430524198001011230")
	hs.keyType(tea.KeyEnter)
	if e := fieldErr(f, "IDNumber"); !strings.Contains(e, "校验") && e == "" {
		t.Fatalf("checksum not checked: %q", e)
	}
	hs.keyType(tea.KeyShiftTab)
	f.SetValue("IDNumber", uitest.ID("430524", "19800101", "123"))
	hs.keyType(tea.KeyEnter)
	if e := fieldErr(f, "IDNumber"); e != "" {
		t.Fatalf("good ID refused: %q", e)
	}
	if f.Value("BirthDate") != "1980-01-01" || f.Value("Sex") != "M" {
		t.Errorf("birth %q sex %q not filled from the ID", f.Value("BirthDate"), f.Value("Sex"))
	}
	hs.keyType(tea.KeyCtrlS)
	if hs.m.mode() != modeDetail {
		t.Fatalf("not saved: mode %d status %q", hs.m.mode(), hs.lastStatus())
	}
	if !strings.Contains(hs.lastStatus(), "已新增：钱七") {
		t.Errorf("status %q", hs.lastStatus())
	}
	page, err := s.SearchPeople(context.Background(), store.PeopleQuery{Text: "钱七"})
	if err != nil || page.Total != 1 || page.Rows[0].BirthDate != "1980-01-01" {
		t.Fatalf("stored: %+v %v", page, err)
	}
}

// A name longer than any name accepted keeps its first model.MaxNameRunes characters, and
// the field says so (not also that the name is too long: what is kept is not).
func TestAddPersonCutsLongName(t *testing.T) {
	hs := newHarness(t, uitest.Seeded(t), 120, 36)
	hs.keyType(tea.KeyF2)
	hs.typeText(strings.Repeat("张", 35))
	hs.keyType(tea.KeyEnter)
	f := hs.m.pform().form
	if e := f.Error("Name"); !strings.Contains(e, "只保留了前 30 个") || strings.Contains(e, "太长") {
		t.Fatalf("long name: %q", e)
	}
	if v := f.Value("Name"); v != strings.Repeat("张", model.MaxNameRunes) {
		t.Errorf("name kept %q", v)
	}
}

// Saving a person with the ID of someone on the roster asks first.
func TestDuplicateWarning(t *testing.T) {
	s := uitest.Seeded(t)
	hs := newHarness(t, s, 120, 36)
	hs.keyType(tea.KeyF2)
	hs.typeText("张叁")
	hs.keyType(tea.KeyEnter)
	hs.typeText(uitest.ID("430524", "19580728", "299"))
	hs.keyType(tea.KeyCtrlS)
	if hs.m.stack.Dialog == nil {
		t.Fatal("no duplicate warning")
	}
	if v := hs.view(); !strings.Contains(v, "可能重复") || !strings.Contains(v, "张三") {
		t.Errorf("warning:\n%s", v)
	}
	hs.keyType(tea.KeyEnter) // default: back to the form
	if hs.m.mode() != modePersonForm || hs.m.stack.Dialog != nil {
		t.Fatal("the default answer saved the duplicate")
	}
	hs.keyType(tea.KeyCtrlS)
	hs.keyType(tea.KeyLeft) // to 仍然保存
	hs.keyType(tea.KeyEnter)
	if hs.m.mode() != modeDetail {
		t.Fatalf("save anyway did not save: %q", hs.lastStatus())
	}
}

func TestEscAsksBeforeDiscarding(t *testing.T) {
	hs := newHarness(t, uitest.Seeded(t), 120, 36)
	hs.keyType(tea.KeyF2)
	hs.keyType(tea.KeyEsc) // nothing typed: closes at once
	if hs.m.mode() != modeList {
		t.Fatal("an untouched form asked or stayed")
	}
	hs.keyType(tea.KeyF2)
	hs.typeText("孙八")
	if !hs.m.Dirty() {
		t.Fatal("typing did not make the form dirty")
	}
	hs.keyType(tea.KeyEsc)
	if hs.m.stack.Dialog == nil {
		t.Fatal("Esc discarded edits without asking")
	}
	hs.keyType(tea.KeyEnter) // default: keep editing
	if hs.m.mode() != modePersonForm || hs.m.pform().form.Value("Name") != "孙八" {
		t.Fatal("keep editing lost the form")
	}
	hs.keyType(tea.KeyEsc)
	hs.keyType(tea.KeyLeft)
	hs.keyType(tea.KeyEnter)
	if hs.m.mode() != modeList {
		t.Fatal("discard did not close the form")
	}
}

// A pasted line break (Enter) moves to the next field and never saves.
func TestEnterNeverSaves(t *testing.T) {
	s := uitest.Seeded(t)
	hs := newHarness(t, s, 120, 36)
	hs.keyType(tea.KeyF2)
	hs.typeText("周九")
	for i := 0; i < 60; i++ {
		hs.keyType(tea.KeyEnter)
	}
	if hs.m.mode() != modePersonForm {
		t.Fatal("Enter saved the form")
	}
	if page, _ := s.SearchPeople(context.Background(), store.PeopleQuery{Text: "周九"}); page.Total != 0 {
		t.Fatal("stored without Ctrl+S")
	}
}

func TestEditPerson(t *testing.T) {
	s := uitest.Seeded(t)
	hs := newHarness(t, s, 120, 36)
	hs.typeText("李四")
	hs.keyType(tea.KeyF4)
	if hs.m.mode() != modePersonForm {
		t.Fatal("F4 did not open the form")
	}
	f := hs.m.pform().form
	if f.Value("Name") != "李四" || f.Value("MartyrName") != "李大山" {
		t.Fatalf("form not filled: %q %q", f.Value("Name"), f.Value("MartyrName"))
	}
	f.Focus("PairingCadre")
	hs.typeText("刘洋")
	hs.keyType(tea.KeyCtrlS)
	if hs.m.mode() != modeDetail {
		t.Fatalf("not saved: %q", hs.lastStatus())
	}
	page, _ := s.SearchPeople(context.Background(), store.PeopleQuery{Text: "李四"})
	if page.Rows[0].PairingCadre != "刘洋" || page.Rows[0].MartyrName != "李大山" {
		t.Fatalf("edit stored %+v", page.Rows[0].Person)
	}
}

func TestTrashAsksAndSaysHowToUndo(t *testing.T) {
	s := uitest.Seeded(t)
	hs := newHarness(t, s, 120, 36)
	hs.typeText("李四")
	hs.keyType(tea.KeyDelete)
	if hs.m.stack.Dialog == nil {
		t.Fatal("Delete did not ask")
	}
	hs.keyType(tea.KeyEnter)
	if !strings.Contains(hs.lastStatus(), "已移到回收站，Ctrl+Z 撤销") {
		t.Errorf("status %q", hs.lastStatus())
	}
	if page, _ := s.SearchPeople(context.Background(), store.PeopleQuery{Text: "李四"}); page.Total != 0 {
		t.Fatal("still on the roster")
	}
}

func TestFilterPanel(t *testing.T) {
	hs := newHarness(t, uitest.Seeded(t), 120, 36)
	hs.keyType(tea.KeyF3)
	if hs.m.mode() != modeFilter {
		t.Fatal("F3 did not open the panel")
	}
	hs.typeText("烈") // finds 烈士遗属 in the category list
	hs.keyType(tea.KeyEnter)
	if hs.m.mode() != modeList || hs.m.list.table.Total() != 1 {
		t.Fatalf("filter: mode %d, %d rows", hs.m.mode(), hs.m.list.table.Total())
	}
	if v := hs.view(); !strings.Contains(v, "筛选：烈士遗属") {
		t.Errorf("filters not summarised:\n%s", v)
	}
	hs.keyType(tea.KeyEsc)
	if hs.m.list.table.Total() != 6 {
		t.Fatal("Esc did not clear the filters")
	}
	// Not visited this year: everyone but 张三.
	hs.keyType(tea.KeyF3)
	f := hs.m.panel().form
	f.SetValue("visit", "1")
	hs.keyType(tea.KeyEnter)
	if hs.m.list.table.Total() != 5 {
		t.Fatalf("not visited this year: %d", hs.m.list.table.Total())
	}
}

// Names carrying escape sequences are drawn without them: no screen clear, no OSC 52.
func TestEscapePayloadHarmless(t *testing.T) {
	hs := newHarness(t, uitest.Seeded(t), 120, 36)
	v := hs.view() // CheckClean inside
	if !strings.Contains(v, "赵") {
		t.Fatalf("payload row missing:\n%s", v)
	}
	hs.typeText("赵")
	hs.keyType(tea.KeyEnter)
	hs.view()
	hs.keyType(tea.KeyF4)
	hs.view()
}

func TestReadOnlyRefusesWrites(t *testing.T) {
	hs := newHarness(t, uitest.Seeded(t), 120, 36)
	hs.m.Update(tab.ReadOnlyMsg{Reason: "damaged"})
	for _, k := range []tea.KeyType{tea.KeyF2, tea.KeyF4, tea.KeyF5, tea.KeyDelete} {
		hs.keyType(k)
		if hs.m.mode() != modeList || hs.m.stack.Dialog != nil {
			t.Fatalf("key %v allowed a write on a damaged file", k)
		}
	}
	if !strings.Contains(hs.lastStatus(), "损坏") {
		t.Errorf("status %q", hs.lastStatus())
	}
}

// Scrolling past the fetched window fetches the next one.
func TestScrollFetchesWindows(t *testing.T) {
	s := uitest.Open(t)
	ctx := context.Background()
	for i := 0; i < 150; i++ {
		p := model.Person{Name: "测试" + string(rune('甲'+i%10)) + string(rune('子'+i/10))}
		if err := s.CreatePerson(ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	hs := newHarness(t, s, 80, 20)
	if hs.m.list.table.Total() != 150 {
		t.Fatalf("total %d", hs.m.list.table.Total())
	}
	for i := 0; i < 12; i++ {
		hs.keyType(tea.KeyPgDown)
	}
	v := hs.view()
	if strings.Contains(v, " ...\n") {
		t.Errorf("rows not fetched after scrolling:\n%s", v)
	}
	hs.keyType(tea.KeyEnd)
	if hs.m.list.table.Cursor() != 149 {
		t.Errorf("End: cursor %d", hs.m.list.table.Cursor())
	}
	if _, ok := hs.m.list.table.SelectedID(); !ok {
		t.Error("the last row was not fetched")
	}
}

// Keys typed after F5 but before the form has opened (the person and the amount are read
// first) go to the form, not to the list's filter box.
func TestKeysBeforeTheFormOpensGoToIt(t *testing.T) {
	hs := newHarness(t, uitest.Seeded(t), 120, 36)
	hs.typeText("李四")
	open := hs.m.Update(tea.KeyMsg{Type: tea.KeyF5}) // the load, not yet run
	hs.m.Update(tea.KeyMsg{Type: tea.KeyTab})
	hs.m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("春节")})
	if q := hs.m.list.search.Value(); q != "李四" {
		t.Fatalf("the filter box took keys meant for the form: %q", q)
	}
	hs.run(open)
	if hs.m.mode() != modeVisitForm {
		t.Fatalf("the visit form did not open (mode %d)", hs.m.mode())
	}
	if v := hs.view(); !strings.Contains(v, "春节") {
		t.Errorf("the keys typed early did not reach the form:\n%s", v)
	}
}
