package families

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/ui/internal/uitest"
)

// Keys typed faster than the debounce: clear, type, move, open. Movement and Enter wait
// for the new search and apply to its rows: zs, Down, Enter opens the second match.
func TestFastTypingThenOpen(t *testing.T) {
	hs := newHarness(t, uitest.Seeded(t), 120, 36)
	hs.typeText("zs")
	m := hs.m
	for _, k := range []tea.KeyMsg{{Type: tea.KeyCtrlU}, {Type: tea.KeyRunes, Runes: []rune("z")}, {Type: tea.KeyRunes, Runes: []rune("s")}} {
		m.Update(k) // the debounce ticks are dropped: typing is faster than 120 ms
	}
	// Down and Enter come before any tick: the search starts at once, and both keys wait
	// for it (commands here run at once, so the page arrives after the Enter only if the
	// Down's search is held back; do that to make the order the slow one).
	search := m.Update(tea.KeyMsg{Type: tea.KeyDown})
	if search == nil {
		t.Fatal("a key typed on stale rows did not start the search")
	}
	if c := m.Update(tea.KeyMsg{Type: tea.KeyEnter}); c != nil {
		t.Fatal("Enter on stale rows did something before the search came back")
	}
	if m.mode != modeList {
		t.Fatal("Enter acted on the old rows")
	}
	hs.run(search)
	if m.mode != modeDetail || m.detail == nil || !m.detail.loaded {
		t.Fatalf("mode %d", m.mode)
	}
	if name := m.detail.msg.person.Name; name != "张山" { // 李家村 张三, then 王庄村 张山
		t.Fatalf("opened %s, not the second zs match", name)
	}
}
