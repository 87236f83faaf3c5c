package components

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/ui/styles"
	"shuangyong/ui/textwidth"
)

// Dialog asks a yes/no question. Left/Right/Tab move between the two buttons, Enter
// presses the focused one, Esc answers no.
type Dialog struct {
	Title string
	Body  string
	Yes   string
	No    string
	yes   bool
	then  func(yes bool) tea.Cmd
}

// NewDialog makes a dialog with the focus on Yes when defaultYes.
func NewDialog(title, body, yes, no string, defaultYes bool) *Dialog {
	return &Dialog{Title: title, Body: body, Yes: yes, No: no, yes: defaultYes}
}

// Update handles a key; done reports that the question was answered, and yes how.
func (d *Dialog) Update(msg tea.KeyMsg) (done, yes bool) {
	switch msg.String() {
	case "left", "right", "tab", "shift+tab", "up", "down":
		d.yes = !d.yes
	case "enter":
		return true, d.yes
	case "esc":
		return true, false
	}
	return false, false
}

// Then sets what runs with the answer, and returns the dialog.
func (d *Dialog) Then(then func(yes bool) tea.Cmd) *Dialog {
	d.then = then
	return d
}

// KeyToDialog gives a key to the dialog *d, if one is open, and reports whether it took
// the key. An answered dialog is put away (*d = nil) before its answer runs, so the answer
// may ask a new question; cmd is what the answer returns.
func KeyToDialog(d **Dialog, msg tea.KeyMsg) (cmd tea.Cmd, took bool) {
	if *d == nil {
		return nil, false
	}
	closed, answer := (*d).Answer(msg)
	if !closed {
		return nil, true
	}
	*d = nil
	return answer(), true
}

// Answer handles a key. When the question is answered it reports closed and returns the
// answer to run (the function set with Then) — to be called after the caller has put the
// dialog away, since the answer may well ask a new question.
func (d *Dialog) Answer(msg tea.KeyMsg) (closed bool, answer func() tea.Cmd) {
	done, yes := d.Update(msg)
	if !done {
		return false, nil
	}
	return true, func() tea.Cmd {
		if d.then == nil {
			return nil
		}
		return d.then(yes)
	}
}

// View draws the dialog as a box in the middle of a w x h area.
func (d *Dialog) View(w, h int) string {
	boxW := min(max(w-8, 20), 64)
	inner := boxW - 4
	lines := []string{styles.Accent.Render(textwidth.Fit(textwidth.Clean(d.Title), inner)), ""}
	for _, para := range strings.Split(d.Body, "\n") {
		lines = append(lines, textwidth.Wrap(textwidth.Clean(para), inner)...)
	}
	yes, no := "[ "+textwidth.Clean(d.Yes)+" ]", "[ "+textwidth.Clean(d.No)+" ]"
	if d.yes {
		yes = styles.Selected.Render(yes)
	} else {
		no = styles.Selected.Render(no)
	}
	buttons := yes + "   " + no
	pad := max((inner-textwidth.Width(buttons))/2, 0)
	lines = append(lines, "", strings.Repeat(" ", pad)+buttons)
	return Middle(Box(boxW, lines), boxW, w, h)
}
