package families

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/ui/internal/uitest"
)

// Keys typed faster than the searches come back: clear, type, move, open. Movement and
// Enter wait for the newest search and apply to its rows: zs, Down, Enter opens the
// second match.
func TestFastTypingThenOpen(t *testing.T) {
	hs := newHarness(t, uitest.Seeded(t), 120, 36)
	hs.typeText("zs")
	m := hs.m
	search := m.Update(tea.KeyMsg{Type: tea.KeyCtrlU}) // clears the text: a search starts
	if search == nil {
		t.Fatal("clearing the text did not search")
	}
	for _, k := range []tea.KeyMsg{{Type: tea.KeyRunes, Runes: []rune("z")}, {Type: tea.KeyRunes, Runes: []rune("s")},
		{Type: tea.KeyDown}, {Type: tea.KeyEnter}} {
		if c := m.Update(k); c != nil {
			t.Fatalf("%v did something before the search came back", k)
		}
	}
	if m.mode() != modeList {
		t.Fatal("Enter acted on the old rows")
	}
	hs.run(search)
	if m.mode() != modeDetail || m.detail() == nil || !m.detail().loaded {
		t.Fatalf("mode %d", m.mode())
	}
	if name := m.detail().msg.person.Name; name != "张山" { // 李家村 张三, then 王庄村 张山
		t.Fatalf("opened %s, not the second zs match", name)
	}
}
