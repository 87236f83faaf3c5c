package components

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// A long paste cut at the field's limit is counted whole, however many pieces it arrived
// in (a terminal without bracketed paste, tmux send-keys), so that 「输入了 200 个字」 is true.
func TestInputCountsACutPasteInPieces(t *testing.T) {
	for _, piece := range []int{1, 7, 64, 200} {
		in := Input{Max: 40}
		text := []rune(strings.Repeat("王", 200))
		for len(text) > 0 {
			n := min(piece, len(text))
			in.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: text[:n]})
			text = text[n:]
		}
		if in.Len() != 40 || in.Tried != 200 {
			t.Errorf("pieces of %d: kept %d, counted %d typed; want 40 of 200", piece, in.Len(), in.Tried)
		}
	}
	// Text typed again after the field was shortened is a new count.
	in := Input{Max: 40}
	in.Update(runes(strings.Repeat("王", 50)))
	in.Update(keyT(tea.KeyBackspace))
	in.Update(runes("一二三"))
	if in.Len() != 40 || in.Tried != 42 {
		t.Errorf("after shortening: kept %d, counted %d; want 40 of 42", in.Len(), in.Tried)
	}
	in.SetValue("")
	if in.Tried != 0 {
		t.Errorf("a new value keeps the old count %d", in.Tried)
	}
}
