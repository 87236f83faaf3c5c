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

	sc, cmd = Open(Options{Env: env, Host: tab.Families, Stack: st, VisitID: rows[0].ID})
	st.Push(sc)
	run(cmd)
	sc.Form().Focus("Signed")
	key(tea.KeyMsg{Type: tea.KeyDelete})
	if st.Dialog == nil {
		t.Fatal("Delete did not ask")
	}
	uitest.CheckView(t, st.View(), 80, 24)
	key(tea.KeyMsg{Type: tea.KeyLeft})
	key(tea.KeyMsg{Type: tea.KeyEnter})
	if !sc.Trashed() || st.Depth() != 1 {
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
