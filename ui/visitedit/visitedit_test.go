package visitedit

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"shuangyong/model"
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

// bottom stands for the host tab's list.
type bottom struct{}

func (bottom) Update(tea.Msg) tea.Cmd   { return nil }
func (bottom) View(w, h int) string     { return components.Notice(w, h, "list", "") }
func (bottom) ShortHelp() []key.Binding { return nil }
func (bottom) Help() []keys.Group       { return nil }
func (bottom) Modal() bool              { return false }
func (bottom) Dirty() bool              { return false }
func (bottom) Typing() bool             { return false }

// elsewhere is another screen the user went on to.
type elsewhere struct{ bottom }

// A visit opened from a person's detail (the 军属 tab as host): the amount corrected and
// the need resolved in one save, then the visit trashed after the question.
func TestEditResolveAndTrash(t *testing.T) {
	s := uitest.Seeded(t)
	ctx := context.Background()
	rows, _, err := s.VisitsOfPerson(ctx, 1, 0, 10)
	if err != nil || len(rows) != 1 {
		t.Fatalf("seeded visit: %v %v", rows, err)
	}
	env := uitest.Env(s, model.Zh)
	st := components.NewStack(bottom{}, keys.NewDialog(model.Zh), "dialog")
	st.SetSize(80, 24)
	var status []tab.StatusMsg
	var changes []tab.ChangedMsg
	run := func(cmd tea.Cmd) {
		uitest.Settle(t, cmd, func(msg tea.Msg) tea.Cmd {
			switch msg := msg.(type) {
			case tab.StatusMsg:
				status = append(status, msg)
				return nil
			case tab.ChangedMsg:
				changes = append(changes, msg)
				return nil
			case tab.Msg:
				if msg.Target() != tab.Families {
					t.Errorf("answer addressed to %v", msg.Target())
				}
			}
			return st.Update(msg)
		})
	}
	sc, cmd := Open(Options{Env: env, Host: tab.Families, Stack: st, VisitID: rows[0].ID})
	st.Push(sc)
	run(cmd)
	view := uitest.CheckView(t, st.View(), 80, 24)
	if !strings.Contains(uitest.Plain(view), "走访记录：张三，2026-01-28") {
		t.Fatalf("editor:\n%s", uitest.Plain(view))
	}
	f := sc.Form()
	if f.Focused() != "MoneyFen" || f.Value("MoneyFen") != "800" {
		t.Errorf("focus %s, amount %q", f.Focused(), f.Value("MoneyFen"))
	}
	key := func(k tea.KeyMsg) { run(st.Update(k)) }
	key(tea.KeyMsg{Type: tea.KeyCtrlU})
	key(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("1000")})
	f.Focus("Resolution")
	key(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("村里帮助修好")})
	key(tea.KeyMsg{Type: tea.KeyEnter})
	if f.Value("ResolvedOn") != "2026-11-20" {
		t.Errorf("resolved on %q", f.Value("ResolvedOn"))
	}
	key(tea.KeyMsg{Type: tea.KeyCtrlS})
	if st.Top() == components.Screen(sc) || len(status) == 0 || !strings.Contains(status[len(status)-1].Text, "已标记诉求解决") {
		t.Fatalf("not saved and closed: %+v", status)
	}
	if len(changes) != 1 || !changes[0].Touches(tab.KindVisit) || changes[0].From != tab.Families {
		t.Errorf("changes %+v", changes)
	}
	v, _ := s.Visit(ctx, rows[0].ID)
	if v.MoneyFen != 100000 || v.ResolvedOn != "2026-11-20" || v.Resolution != "村里帮助修好" {
		t.Errorf("stored %+v", v)
	}

	// F8 trashes from any field; in a text field Delete is the text's.
	sc, cmd = Open(Options{Env: env, Host: tab.Families, Stack: st, VisitID: rows[0].ID})
	st.Push(sc)
	run(cmd)
	sc.Form().Focus("Visitors")
	key(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("王芳")})
	key(tea.KeyMsg{Type: tea.KeyLeft})
	key(tea.KeyMsg{Type: tea.KeyDelete})
	if st.Dialog != nil || sc.Form().Value("Visitors") != "王" {
		t.Fatalf("Delete in a text field: dialog %v, text %q", st.Dialog != nil, sc.Form().Value("Visitors"))
	}
	if help := uitest.Sprint(sc.ShortHelp()[:4]); !strings.Contains(help, "F8") {
		t.Errorf("F8 is not among the first hints (what 80 columns show): %s", help)
	}
	key(tea.KeyMsg{Type: tea.KeyF8})
	if st.Dialog == nil || !strings.Contains(st.Dialog.Body, "张三 2026-01-28 的走访记录") {
		t.Fatal("F8 in a text field did not ask")
	}
	uitest.CheckView(t, st.View(), 80, 24)
	key(tea.KeyMsg{Type: tea.KeyLeft})
	key(tea.KeyMsg{Type: tea.KeyEnter})
	if !sc.Trashed() || st.Depth() != 1 || !strings.Contains(status[len(status)-1].Text, "已移到回收站") {
		t.Errorf("not trashed: %v depth %d", sc.Trashed(), st.Depth())
	}
	if _, err := s.Visit(ctx, rows[0].ID); err != nil {
		t.Fatal(err)
	}
	if needs, _ := s.OpenNeeds(ctx, 1); len(needs) != 0 {
		t.Errorf("needs %+v", needs)
	}

	// A visit in the trash is not opened for editing.
	sc, cmd = Open(Options{Env: env, Host: tab.Families, Stack: st, VisitID: rows[0].ID})
	st.Push(sc)
	run(cmd)
	if !strings.Contains(uitest.Plain(st.View()), "已不在台账上") {
		t.Errorf("a trashed visit opened:\n%s", uitest.Plain(st.View()))
	}
}

// AskTrash, Delete on a row of visits: it asks (No is the default), then trashes the
// visit and announces it from the host; a read-only file refuses, and a question whose
// screen is gone by the time the visit is read is not asked.
func TestAskTrash(t *testing.T) {
	s := uitest.Seeded(t)
	ctx := context.Background()
	rows, _, err := s.VisitsOfPerson(ctx, 1, 0, 10)
	if err != nil || len(rows) != 1 {
		t.Fatalf("seeded visit: %v %v", rows, err)
	}
	// A second visit on the same round: the first is then not its only one.
	second := model.Visit{EventID: rows[0].EventID, PersonID: 2, Date: "2026-01-29", Mode: "home"}
	if err := s.CreateVisit(ctx, &second); err != nil {
		t.Fatal(err)
	}
	st := components.NewStack(bottom{}, keys.NewDialog(model.Zh), "dialog")
	st.SetSize(80, 24)
	var status []tab.StatusMsg
	var changes []tab.ChangedMsg
	run := func(cmd tea.Cmd) {
		uitest.Settle(t, cmd, func(msg tea.Msg) tea.Cmd {
			switch msg := msg.(type) {
			case tab.StatusMsg:
				status = append(status, msg)
				return nil
			case tab.ChangedMsg:
				changes = append(changes, msg)
				return nil
			case tab.Msg:
				if msg.Target() != tab.Families {
					t.Errorf("answer addressed to %v", msg.Target())
				}
			}
			return st.Update(msg)
		})
	}
	o := Options{Env: uitest.Env(s, model.Zh), Host: tab.Families, Stack: st, VisitID: rows[0].ID}

	ro := o
	ro.ReadOnly = "damaged"
	run(AskTrash(ro))
	if st.Dialog != nil || len(status) != 1 || !status[0].Error {
		t.Fatalf("read-only: dialog %v, status %+v", st.Dialog != nil, status)
	}

	cmd := AskTrash(o)
	st.Push(elsewhere{}) // the user moved on before the visit was read
	run(cmd)
	if st.Dialog != nil {
		t.Fatal("asked over a screen that did not ask")
	}
	st.Pop()

	run(AskTrash(o))
	if st.Dialog == nil || !strings.Contains(st.Dialog.Body, "张三 2026-01-28 的走访记录") || strings.Contains(st.Dialog.Body, "唯一") {
		t.Fatalf("question: %+v", st.Dialog)
	}
	uitest.CheckView(t, st.View(), 80, 24)
	run(st.Update(tea.KeyMsg{Type: tea.KeyEnter})) // 取消
	if v, _ := s.Visit(ctx, rows[0].ID); v.DeletedAt != "" || len(changes) != 0 {
		t.Fatal("No trashed the visit")
	}
	run(AskTrash(o))
	run(st.Update(tea.KeyMsg{Type: tea.KeyLeft}))
	run(st.Update(tea.KeyMsg{Type: tea.KeyEnter}))
	if v, _ := s.Visit(ctx, rows[0].ID); v.DeletedAt == "" {
		t.Fatal("not trashed")
	}
	if last := status[len(status)-1]; !strings.Contains(last.Text, "走访记录（张三，2026-01-28）已移到回收站") || !last.Undo {
		t.Errorf("status %+v", last)
	}
	if len(changes) != 1 || !changes[0].Touches(tab.KindVisit) || !changes[0].Touches(tab.KindEvent) || changes[0].From != tab.Families {
		t.Errorf("changes %+v", changes)
	}

	// Now 李四's is the round's last: the question says the round goes with it.
	o.VisitID = second.ID
	run(AskTrash(o))
	if st.Dialog == nil || !strings.Contains(st.Dialog.Body, "唯一的走访记录") {
		t.Errorf("last visit's question: %+v", st.Dialog)
	}
}
