// Package components holds the widgets the tabs share: a one-line text input, a windowed
// table, a form, a confirm dialog and a search box. They draw with ASCII chrome and measure
// text only through ui/textwidth.
package components

import (
	"strings"
	"unicode"

	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/ui/styles"
	"shuangyong/ui/textwidth"
)

// Input is a one-line text editor. It takes whole rune batches (an IME commit or a paste
// arrives as one KeyRunes message or as one message per rune) and keeps only printable
// text: control characters are dropped, line breaks and tabs become spaces.
type Input struct {
	runes  []rune
	cursor int // index in runes
	// Max limits the length in runes (0: no limit).
	Max int
	// Tried is how long the text would have been when an insert was cut at Max, counting
	// the pieces of a paste that arrived in several (0: nothing was cut since the value
	// was last set).
	Tried int
}

// Value is the text.
func (in *Input) Value() string { return string(in.runes) }

// SetValue replaces the text and puts the cursor at its end.
func (in *Input) SetValue(s string) {
	in.Tried = 0
	in.runes = []rune(s)
	in.cursor = len(in.runes)
}

// Len is the length in runes.
func (in *Input) Len() int { return len(in.runes) }

// Insert adds text at the cursor, cleaned.
func (in *Input) Insert(rs []rune) bool {
	var add []rune
	for _, r := range rs {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			add = append(add, ' ')
		case r >= 0xD800 && r <= 0xDFFF: // a lone surrogate half: never text
		case r == 0xFFFD:
		case unicode.IsControl(r), r == 0x1b:
		case r >= 0x200B && r <= 0x200F, r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, r == 0xFEFF:
		default:
			add = append(add, r)
		}
	}
	if in.Max > 0 && len(in.runes)+len(add) > in.Max {
		// Say how much was typed or pasted, so the owner can tell the user it was cut
		// rather than leave a silently shortened value. A long paste may arrive in pieces
		// (a terminal without bracketed paste, tmux send-keys): while the field stays
		// full after a cut, each further piece adds to the count rather than restart it.
		if in.Tried > 0 && len(in.runes) == in.Max {
			in.Tried += len(add)
		} else {
			in.Tried = len(in.runes) + len(add)
		}
		add = add[:max(0, in.Max-len(in.runes))]
	}
	if len(add) == 0 {
		return false
	}
	out := make([]rune, 0, len(in.runes)+len(add))
	out = append(out, in.runes[:in.cursor]...)
	out = append(out, add...)
	out = append(out, in.runes[in.cursor:]...)
	in.runes = out
	in.cursor += len(add)
	return true
}

// Update edits the text with a key. It reports whether the text changed and whether the
// key was used at all (unused keys are for the caller).
func (in *Input) Update(msg tea.KeyMsg) (changed, used bool) {
	switch msg.Type {
	case tea.KeyRunes:
		if msg.Alt {
			return false, false
		}
		return in.Insert(msg.Runes), true
	case tea.KeySpace:
		return in.Insert([]rune{' '}), true
	case tea.KeyBackspace, tea.KeyCtrlH:
		if in.cursor > 0 {
			in.runes = append(in.runes[:in.cursor-1], in.runes[in.cursor:]...)
			in.cursor--
			return true, true
		}
		return false, true
	case tea.KeyDelete:
		if in.cursor < len(in.runes) {
			in.runes = append(in.runes[:in.cursor], in.runes[in.cursor+1:]...)
			return true, true
		}
		return false, true
	case tea.KeyLeft:
		if in.cursor > 0 {
			in.cursor--
		}
		return false, true
	case tea.KeyRight:
		if in.cursor < len(in.runes) {
			in.cursor++
		}
		return false, true
	case tea.KeyHome, tea.KeyCtrlA:
		in.cursor = 0
		return false, true
	case tea.KeyEnd, tea.KeyCtrlE:
		in.cursor = len(in.runes)
		return false, true
	case tea.KeyCtrlU:
		if len(in.runes) == 0 {
			return false, true
		}
		in.runes, in.cursor = nil, 0
		return true, true
	case tea.KeyCtrlW:
		if in.cursor == 0 {
			return false, true
		}
		i := in.cursor
		for i > 0 && in.runes[i-1] == ' ' {
			i--
		}
		for i > 0 && in.runes[i-1] != ' ' {
			i--
		}
		in.runes = append(in.runes[:i], in.runes[in.cursor:]...)
		in.cursor = i
		return true, true
	}
	return false, false
}

// View draws the text in exactly w cells. When focused, the cursor is a reversed cell and
// the text scrolls so that the cursor stays in view. Placeholder shows dimmed when empty.
func (in *Input) View(w int, focused bool, placeholder string) string {
	if w <= 0 {
		return ""
	}
	if len(in.runes) == 0 {
		if focused {
			return styles.Cursor.Render(" ") + styles.Dim.Render(textwidth.Fit(placeholder, w-1))
		}
		return styles.Dim.Render(textwidth.Fit(placeholder, w))
	}
	text := textwidth.Clean(string(in.runes))
	if !focused {
		return textwidth.Fit(text, w)
	}
	// Work on display runes (Clean may map a rune to several, so recompute by rune).
	before := textwidth.Clean(string(in.runes[:in.cursor]))
	var at, after string
	if in.cursor < len(in.runes) {
		at = textwidth.Clean(string(in.runes[in.cursor : in.cursor+1]))
		after = textwidth.Clean(string(in.runes[in.cursor+1:]))
	}
	if at == "" {
		at = " "
	}
	atW := textwidth.Width(at)
	room := w - atW
	if room < 0 {
		return textwidth.Fit("", w)
	}
	// Keep as much of the text before the cursor as fits, then fill with what follows.
	bw := textwidth.Width(before)
	if bw > room {
		before = trimLeftTo(before, room)
		bw = textwidth.Width(before)
	}
	rest := room - bw
	after = cutTo(after, rest)
	line := before + styles.Cursor.Render(at) + after
	return textwidth.FitStyled(line, w)
}

// trimLeftTo drops runes from the left of s until it fits in w cells.
func trimLeftTo(s string, w int) string {
	rs := []rune(s)
	for len(rs) > 0 && textwidth.Width(string(rs)) > w {
		rs = rs[1:]
	}
	return string(rs)
}

// cutTo keeps the start of s within w cells, without an ellipsis.
func cutTo(s string, w int) string {
	if textwidth.Width(s) <= w {
		return s
	}
	var b strings.Builder
	used := 0
	for _, r := range s {
		rw := textwidth.Width(string(r))
		if used+rw > w {
			break
		}
		b.WriteRune(r)
		used += rw
	}
	return b.String()
}
