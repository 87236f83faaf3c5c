package ui

import (
	"unicode/utf16"

	tea "github.com/charmbracelet/bubbletea"
)

// MergeSurrogates returns a program filter that joins the two UTF-16 halves of a
// character outside the BMP (𠮷, U+20BB7). On Windows, bubbletea v1 reads console input
// one UTF-16 unit at a time and delivers such a character as two key messages, one per
// surrogate half, which would otherwise be stored as two U+FFFD (tui-notes B3). A high
// half is held back until its low half arrives; halves that do not pair are dropped.
// Halves inside one multi-rune message are paired too.
func MergeSurrogates() func(tea.Model, tea.Msg) tea.Msg {
	hi := rune(-1)
	return func(_ tea.Model, msg tea.Msg) tea.Msg {
		k, ok := msg.(tea.KeyMsg)
		if !ok {
			return msg // ticks and results do not break a pair
		}
		if k.Type != tea.KeyRunes {
			hi = -1
			return msg
		}
		var out []rune
		changed := false
		for _, r := range k.Runes {
			switch {
			case utf16.IsSurrogate(r) && r < 0xDC00: // high half
				changed = true
				hi = r
			case utf16.IsSurrogate(r): // low half
				changed = true
				if hi >= 0 {
					out = append(out, utf16.DecodeRune(hi, r))
				}
				hi = -1
			default:
				if hi >= 0 {
					changed = true // an unpaired high half is dropped
				}
				hi = -1
				out = append(out, r)
			}
		}
		if !changed {
			return msg
		}
		if len(out) == 0 {
			return nil
		}
		k.Runes = out
		return k
	}
}
