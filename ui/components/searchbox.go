package components

import (
	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/ui/styles"
	"shuangyong/ui/textwidth"
)

// SearchBox is a list's filter line: always live, it takes every printable key.
type SearchBox struct {
	Label       string
	Placeholder string
	Input       Input
}

// Update edits the text; it reports whether the text changed and whether the key was used.
func (s *SearchBox) Update(msg tea.KeyMsg) (changed, used bool) {
	return s.Input.Update(msg)
}

// Value is the text typed.
func (s *SearchBox) Value() string { return s.Input.Value() }

// Clear empties the box; it reports whether there was anything to clear.
func (s *SearchBox) Clear() bool {
	if s.Input.Len() == 0 {
		return false
	}
	s.Input.SetValue("")
	return true
}

// View draws "Label: [text]  right" in exactly w cells; right (the count) is kept whole.
func (s *SearchBox) View(w int, right string) string {
	label := " " + textwidth.Clean(s.Label) + ": "
	rw := textwidth.Width(right)
	inputW := w - textwidth.Width(label) - rw - 2
	if inputW < 10 {
		right, rw = "", 0
		inputW = w - textwidth.Width(label)
	}
	line := styles.Bold.Render(label) + s.Input.View(inputW, true, s.Placeholder)
	if rw > 0 {
		line += "  " + right
	}
	return textwidth.FitStyled(line, w)
}
