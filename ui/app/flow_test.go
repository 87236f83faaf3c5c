package app

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/store"
	"shuangyong/ui/i18n"
	"shuangyong/ui/internal/uitest"
)

// The acceptance flow in the real program, at both sizes: find 张三 by typing 张三
// and by initials, open him, add a person with a bad ID then a good one, record a visit in
// two command keys and see it in the history, quit.
func TestFlow(t *testing.T) {
	for _, size := range []struct{ w, h int }{{120, 40}, {80, 24}} {
		t.Run(uitest.Sprint(size.w, "x", size.h), func(t *testing.T) {
			s := uitest.Seeded(t)
			tm, sp := start(t, s, size.w, size.h)
			waitFor(t, sp, "共 6 人", "张三")

			// Chinese: one IME commit.
			tm.Send(runes("张三"))
			waitFor(t, sp, "共 1 人")
			tm.Send(keyOf(tea.KeyEsc))
			waitFor(t, sp, "共 6 人")

			// Initials, one key at a time as a console sends them.
			tm.Send(runes("z"))
			tm.Send(runes("s"))
			waitFor(t, sp, "共 2 人", "张山")

			// Open the first match.
			tm.Send(keyOf(tea.KeyEnter))
			waitFor(t, sp, "基本信息", "身份证号")
			tm.Send(keyOf(tea.KeyEsc))
			tm.Send(keyOf(tea.KeyEsc))
			waitFor(t, sp, "共 6 人")

			// Add a person: a bad ID is refused at the field, then a good one is saved.
			tm.Send(keyOf(tea.KeyF2))
			waitFor(t, sp, "新增人员")
			tm.Send(runes("钱七"))
			tm.Send(keyOf(tea.KeyEnter))
			tm.Send(runes("4305241980010112"))
			tm.Send(keyOf(tea.KeyEnter))
			waitFor(t, sp, "身份证号应为 18 位")
			tm.Send(keyOf(tea.KeyUp))
			tm.Send(tea.KeyMsg{Type: tea.KeyCtrlU})
			tm.Send(runes(uitest.ID("430524", "19800101", "123")))
			tm.Send(keyOf(tea.KeyEnter))
			tm.Send(keyOf(tea.KeyCtrlS))
			waitFor(t, sp, "已新增：钱七", "1980-01-01")
			tm.Send(keyOf(tea.KeyEsc))

			// W1: type the name, F5, Ctrl+S.
			tm.Send(runes("张三"))
			tm.Send(keyOf(tea.KeyF5))
			waitFor(t, sp, "登记走访：张三", "2026-11-20")
			tm.Send(keyOf(tea.KeyCtrlS))
			waitFor(t, sp, "已登记走访：张三")

			// The visit is in the detail's history, newest first.
			tm.Send(keyOf(tea.KeyEnter))
			waitFor(t, sp, "基本信息")
			// Page down until the history heading shows, waiting for each page to be drawn
			// (checking the old screen again would page past the heading).
			for i := 0; i < 3 && !strings.Contains(sp.screen(), "走访记录（共"); i++ {
				before := sp.screen()
				tm.Send(keyOf(tea.KeyPgDown))
				waitChanged(t, sp, before)
			}
			scr := waitFor(t, sp, "走访记录（共 2 次")
			if !strings.Contains(scr, "2026-11-20") {
				t.Errorf("new visit not listed:\n%s", scr)
			}

			quit(t, tm, sp)
			page, err := s.SearchPeople(context.Background(), store.PeopleQuery{Text: "钱七"})
			if err != nil || page.Total != 1 {
				t.Fatalf("钱七 not stored: %v", err)
			}
			visits, total, _ := s.VisitsOfPerson(context.Background(), idOf(t, s, "张三"), 0, 5)
			if total != 2 || visits[0].Date != "2026-11-20" {
				t.Errorf("visits of 张三: %d, newest %+v", total, visits[0].Visit)
			}
		})
	}
}

func idOf(t *testing.T, s *store.Store, name string) int64 {
	t.Helper()
	page, err := s.SearchPeople(context.Background(), store.PeopleQuery{Text: name})
	if err != nil || len(page.Rows) == 0 {
		t.Fatalf("%s: %v", name, err)
	}
	for _, r := range page.Rows {
		if r.Name == name {
			return r.ID
		}
	}
	t.Fatalf("%s not found", name)
	return 0
}

// Quitting asks only when a form has unsaved edits.
func TestQuitAsksOnlyWithEdits(t *testing.T) {
	d := newDirect(t, uitest.Seeded(t), "zh", 100, 30)
	d.key(tea.KeyF2)
	d.text("孙八")
	d.key(tea.KeyCtrlC)
	if d.quit || d.m.dialog == nil {
		t.Fatal("quit without asking with edits in a form")
	}
	if v := d.view(); !strings.Contains(v, "没保存的修改") {
		t.Errorf("quit question:\n%s", v)
	}
	d.key(tea.KeyEnter) // default: back to the form
	if d.quit {
		t.Fatal("the default answer quit")
	}
	d.key(tea.KeyF10)
	d.key(tea.KeyF10) // a second quit key in the question quits
	if !d.quit {
		t.Fatal("F10 twice did not quit")
	}

	d2 := newDirect(t, uitest.Seeded(t), "zh", 100, 30)
	d2.key(tea.KeyF10)
	if !d2.quit {
		t.Fatal("F10 with nothing to lose asked")
	}
}

func TestUndoTrash(t *testing.T) {
	s := uitest.Seeded(t)
	d := newDirect(t, s, "zh", 120, 40)
	d.text("李四")
	d.key(tea.KeyDelete)
	d.key(tea.KeyEnter)
	if v := d.view(); !strings.Contains(v, "李四 已移到回收站，Ctrl+Z 撤销") {
		t.Fatalf("status after trash:\n%s", v)
	}
	d.key(tea.KeyCtrlZ)
	v := d.view()
	if !strings.Contains(v, "已撤销") {
		t.Errorf("undo not reported:\n%s", v)
	}
	if !strings.Contains(v, "共 1 人") {
		t.Errorf("李四 not back in the list:\n%s", v)
	}
	d.key(tea.KeyCtrlZ) // undoes the seeding's last change, and so on: never an error screen
	d.view()
}

func TestTabsAndEmptyStates(t *testing.T) {
	d := newDirect(t, uitest.Seeded(t), "zh", 100, 30)
	d.key(tea.KeyTab)
	if v := d.view(); !strings.Contains(v, "[3 活动]") || !strings.Contains(v, "走访慰问") {
		t.Errorf("events tab:\n%s", v)
	}
	d.key(tea.KeyTab)
	if v := d.view(); !strings.Contains(v, "主要指标（与上年比较）") {
		t.Errorf("stats tab:\n%s", v)
	}
	// ? and ？ open help where nothing is typed (the tally has no text box).
	d.text("？")
	if v := d.view(); !strings.Contains(v, "帮助") || !strings.Contains(v, "F10/Ctrl+C") {
		t.Errorf("？ did not open help:\n%s", v)
	}
	d.key(tea.KeyEsc)
	d.key(tea.KeyTab)
	if v := d.view(); !strings.Contains(v, "[1 单位]") || !strings.Contains(v, "驻地部队") {
		t.Errorf("units tab:\n%s", v)
	}
	d.key(tea.KeyShiftTab)
	d.key(tea.KeyShiftTab)
	d.key(tea.KeyShiftTab)
	if v := d.view(); !strings.Contains(v, "[2 军属]") {
		t.Errorf("back on families:\n%s", v)
	}
	// In the list, ? is text for the filter, not help.
	d.text("?")
	if v := d.view(); strings.Contains(v, "任何时候") {
		t.Errorf("? opened help while the filter box has focus")
	}
}

// F1 shows the active screen's keys, generated from its bindings.
func TestHelpFollowsScreen(t *testing.T) {
	d := newDirect(t, uitest.Seeded(t), "zh", 120, 40)
	d.key(tea.KeyF1)
	v := d.view()
	for _, want := range []string{"帮助：军属", "F5", "登记走访", "F3", "更多筛选", "Ctrl+Z", "F9"} {
		if !strings.Contains(v, want) {
			t.Errorf("list help lacks %q", want)
		}
	}
	d.key(tea.KeyF1)
	d.text("张三")
	d.key(tea.KeyEnter)
	d.key(tea.KeyF1)
	if v := d.view(); !strings.Contains(v, "F7") || !strings.Contains(v, "显示/隐藏完整证件号和电话") {
		t.Errorf("detail help lacks F7:\n%s", v)
	}
}

func TestSettingsSaveVillages(t *testing.T) {
	s := uitest.Seeded(t)
	d := newDirect(t, s, "zh", 120, 40)
	d.key(tea.KeyF9)
	f := d.m.settingsF.form
	if f.Value("village0") != "李家村" {
		t.Fatalf("village field 0 = %q", f.Value("village0"))
	}
	f.Focus("village1")
	f.SetValue("village1", "青山新社区") // a rename keeps the village (and its people)
	f.Focus("village3")
	d.text("新村")
	f.Focus("amount.veteran")
	d.text("600")
	d.key(tea.KeyCtrlS)
	if d.m.settingsF != nil {
		t.Fatalf("not saved: %+v", d.m.status)
	}
	vs, _ := s.Villages(context.Background())
	names := []string{}
	for _, v := range vs {
		names = append(names, v.Name)
	}
	if strings.Join(names, ",") != "李家村,青山新社区,王庄村,新村" {
		t.Errorf("villages %v", names)
	}
	st, _ := s.Settings(context.Background())
	if st.DefaultAmountFen["veteran"] != 60000 {
		t.Errorf("amounts %v", st.DefaultAmountFen)
	}
	page, _ := s.SearchPeople(context.Background(), store.PeopleQuery{Text: "阿卜杜"})
	if page.Rows[0].VillageName != "青山新社区" {
		t.Errorf("renamed village lost its people: %q", page.Rows[0].VillageName)
	}
}

// The first run asks for the office and the operator, then offers demo data.
func TestFirstRun(t *testing.T) {
	s := uitest.Open(t)
	d := newDirect(t, s, "zh", 100, 30)
	v := d.view()
	if !strings.Contains(v, "首次使用") || !strings.Contains(v, "填报单位") {
		t.Fatalf("no first-run questions:\n%s", v)
	}
	d.key(tea.KeyCtrlS)
	if v := d.view(); !strings.Contains(v, "请填写填报单位") {
		t.Errorf("empty office accepted:\n%s", v)
	}
	d.m.settingsF.form.Focus("Office")
	d.text("青山镇退役军人服务站")
	d.key(tea.KeyEnter)
	d.text("王芳")
	d.key(tea.KeyCtrlS)
	if v := d.view(); !strings.Contains(v, "演示数据") {
		t.Fatalf("no demo offer:\n%s", v)
	}
	d.key(tea.KeyEnter) // load the demo (200 people in this test)
	v = d.view()
	if !strings.Contains(v, "已载入演示数据") || !strings.Contains(v, "操作员 王芳") {
		t.Errorf("after demo:\n%s", v)
	}
	st, _ := s.Settings(context.Background())
	if st.Office != "青山镇退役军人服务站" || st.Operator != "王芳" {
		t.Errorf("the demo overwrote the answers: %+v", st)
	}
	if ok, _ := s.SetupDone(context.Background()); !ok {
		t.Error("setup not recorded")
	}
}

func TestFirstRunStartEmpty(t *testing.T) {
	s := uitest.Open(t)
	d := newDirect(t, s, "zh", 100, 30)
	d.text("某镇")
	d.key(tea.KeyEnter)
	d.text("李华")
	d.key(tea.KeyCtrlS)
	d.key(tea.KeyRight)
	d.key(tea.KeyEnter)
	v := d.view()
	if !strings.Contains(v, "花名册还是空的") || !strings.Contains(v, "F2") {
		t.Errorf("empty roster state:\n%s", v)
	}
}

func TestTooSmall(t *testing.T) {
	d := newDirect(t, uitest.Seeded(t), "zh", 79, 24)
	if v := d.view(); !strings.Contains(v, "窗口太小") {
		t.Errorf("79x24:\n%s", v)
	}
	d.resize(80, 23)
	if v := d.view(); !strings.Contains(v, "窗口太小") {
		t.Errorf("80x23:\n%s", v)
	}
	d.resize(80, 24)
	if v := d.view(); strings.Contains(v, "窗口太小") || !strings.Contains(v, "张三") {
		t.Errorf("80x24:\n%s", v)
	}
}

func TestEnglish(t *testing.T) {
	d := newDirect(t, uitest.Seeded(t), "en", 120, 40)
	v := d.view()
	for _, want := range []string{"Families", "6 people", "Search", "Village", "Last visit", "never"} {
		if !strings.Contains(v, want) {
			t.Errorf("English list lacks %q:\n%s", want, v)
		}
	}
	d.text("张三")
	d.key(tea.KeyF5)
	if v := d.view(); !strings.Contains(v, "Record a visit") || !strings.Contains(v, "Home visit") {
		t.Errorf("English visit form:\n%s", v)
	}
}

// The first-run form shows every problem at once, not only the first (a new user's tour
// saw only one of two).
func TestFirstRunShowsBothErrors(t *testing.T) {
	d := newDirect(t, uitest.Open(t), "zh", 80, 24)
	d.key(tea.KeyCtrlS)
	v := d.view()
	if !strings.Contains(v, "请填写填报单位") || !strings.Contains(v, "请填写操作员") || !strings.Contains(v, "有 2 处") {
		t.Errorf("not both problems:\n%s", v)
	}
}

// Keys typed before the settings are read (all at once, after an upgrade's seconds of
// an empty window) wait for them: F2 then opens a person form that offers the villages,
// not one that says there are none.
func TestEarlyKeysWaitForTheSettings(t *testing.T) {
	s := uitest.Seeded(t)
	d := &direct{t: t, m: newRoot(s, "zh"), w: 100, h: 30}
	init := d.m.Init() // not run yet: the settings are still being read
	d.send(tea.WindowSizeMsg{Width: d.w, Height: d.h})
	d.key(tea.KeyF2)
	if v := d.view(); strings.Contains(v, "新增人员") {
		t.Fatalf("F2 acted before the settings were read:\n%s", v)
	}
	d.run(init)
	v := d.view()
	if !strings.Contains(v, "新增人员") {
		t.Fatalf("the early F2 was lost:\n%s", v)
	}
	if strings.Contains(v, i18n.T("zh", i18n.FormNoVillages)) {
		t.Errorf("the form says there are no villages though the file has three:\n%s", v)
	}
}
