package uitest

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/store"
	"shuangyong/ui/tab"
)

// Harness drives one tab directly, as the root would: commands run synchronously and
// their messages are fed back; what is meant for the root (status, changes, navigation)
// is recorded instead.
type Harness struct {
	T      testing.TB
	S      *store.Store
	Tab    tab.Tab
	W, H   int
	Status []tab.StatusMsg
	Opened []tab.OpenMsg
	Backs  []tab.BackMsg
	Change []tab.ChangedMsg
}

// NewHarness sizes tb, hands it the ledger's settings and runs its Init.
func NewHarness(t testing.TB, s *store.Store, tb tab.Tab, w, h int) *Harness {
	t.Helper()
	hs := &Harness{T: t, S: s, Tab: tb, W: w, H: h}
	st, err := s.Settings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	vs, err := s.Villages(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	tb.SetSize(w, h)
	hs.Run(tb.Update(tab.SettingsMsg{Settings: st, Villages: vs}))
	hs.Run(tb.Init())
	return hs
}

// Run executes cmd and everything it leads to.
func (hs *Harness) Run(cmd tea.Cmd) {
	hs.T.Helper()
	Settle(hs.T, cmd, func(msg tea.Msg) tea.Cmd {
		switch msg := msg.(type) {
		case tab.StatusMsg:
			hs.Status = append(hs.Status, msg)
			return nil
		case tab.ChangedMsg:
			hs.Change = append(hs.Change, msg)
			return hs.Tab.Update(msg) // as the root does: every tab, its maker too
		case tab.OpenMsg:
			hs.Opened = append(hs.Opened, msg)
			return nil
		case tab.BackMsg:
			hs.Backs = append(hs.Backs, msg)
			return nil
		}
		return hs.Tab.Update(msg)
	})
}

// Key sends a key; KeyType one of tea's named keys; Type text as one IME commit.
func (hs *Harness) Key(k tea.KeyMsg)       { hs.T.Helper(); hs.Run(hs.Tab.Update(k)) }
func (hs *Harness) KeyType(tp tea.KeyType) { hs.T.Helper(); hs.Key(tea.KeyMsg{Type: tp}) }
func (hs *Harness) Type(s string) {
	hs.T.Helper()
	hs.Key(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)})
}
func (hs *Harness) Deliver(msg tea.Msg)    { hs.T.Helper(); hs.Run(hs.Tab.Update(msg)) }
func (hs *Harness) Resize(w, h int)        { hs.W, hs.H = w, h; hs.Tab.SetSize(w, h) }
func (hs *Harness) ViewPlain() string      { hs.T.Helper(); return Plain(hs.View()) }
func (hs *Harness) Contains(s string) bool { hs.T.Helper(); return strings.Contains(hs.ViewPlain(), s) }

// View draws the tab and checks the frame's shape and cleanliness.
func (hs *Harness) View() string {
	hs.T.Helper()
	return CheckView(hs.T, hs.Tab.View(), hs.W, hs.H)
}

// LastStatus is the newest status message's text ("" when none).
func (hs *Harness) LastStatus() string {
	if len(hs.Status) == 0 {
		return ""
	}
	return hs.Status[len(hs.Status)-1].Text
}
