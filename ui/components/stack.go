package components

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/ui/keys"
	"shuangyong/ui/tab"
)

// Screen is one screen of a tab — its list, a record's detail, a form, a filter panel —
// with its own keys, help and view. The tab keeps its screens on a Stack: the top one
// has the keyboard, Esc pops back to the one below.
type Screen interface {
	// Update handles a message. Keys reach only the top screen; other messages (results
	// of the store) reach every screen on the stack, which ignore what is not theirs.
	Update(msg tea.Msg) tea.Cmd
	// View draws exactly w x h.
	View(w, h int) string
	// ShortHelp is the one-line key hint; Help the bindings for F1.
	ShortHelp() []key.Binding
	Help() []keys.Group
	// Modal: a form or panel has the keyboard (the root leaves Tab, Esc, F9, Ctrl+Z to it).
	Modal() bool
	// Dirty: unsaved edits (quitting asks first).
	Dirty() bool
	// Typing: a text box has focus (letter aliases such as ? are text then).
	Typing() bool
}

// Stack is a tab's screens (the first is its list, never popped) and the yes/no dialog
// over them. It implements the screen-dependent half of tab.Tab, so a tab is its Init,
// its Update (handing on what the stack does not handle) and its title.
type Stack struct {
	screens       []Screen
	Dialog        *Dialog
	width, height int
	dialogKeys    keys.Dialog
	dialogTitle   string
}

// NewStack makes a stack with its bottom screen. dialogHelp titles the dialog's keys in
// help.
func NewStack(bottom Screen, dialogKeys keys.Dialog, dialogHelp string) *Stack {
	return &Stack{screens: []Screen{bottom}, dialogKeys: dialogKeys, dialogTitle: dialogHelp}
}

// Push puts a screen on top.
func (s *Stack) Push(sc Screen) { s.screens = append(s.screens, sc) }

// Pop takes the top screen off (never the bottom one).
func (s *Stack) Pop() {
	if len(s.screens) > 1 {
		s.screens[len(s.screens)-1] = nil
		s.screens = s.screens[:len(s.screens)-1]
	}
}

// PopTo pops screens until sc is on top (no-op if sc is not on the stack).
func (s *Stack) PopTo(sc Screen) {
	for i := len(s.screens) - 1; i >= 0; i-- {
		if s.screens[i] == sc {
			for len(s.screens) > i+1 {
				s.Pop()
			}
			return
		}
	}
}

// Replace swaps the top screen for sc (a form that, saved, shows the detail).
func (s *Stack) Replace(sc Screen) {
	if len(s.screens) == 1 {
		s.Push(sc)
		return
	}
	s.screens[len(s.screens)-1] = sc
}

// Top is the screen with the keyboard; Bottom the tab's list.
func (s *Stack) Top() Screen    { return s.screens[len(s.screens)-1] }
func (s *Stack) Bottom() Screen { return s.screens[0] }

// Depth is the number of screens.
func (s *Stack) Depth() int { return len(s.screens) }

// Ask shows a yes/no question; then runs with the answer.
func (s *Stack) Ask(d *Dialog, then func(yes bool) tea.Cmd) { s.Dialog = d.Then(then) }

// SetSize sets the size of every screen's area.
func (s *Stack) SetSize(w, h int) { s.width, s.height = w, h }

// Size is the area's size.
func (s *Stack) Size() (int, int) { return s.width, s.height }

// Update applies the answers of store calls (tab.DoneMsg), gives keys to the dialog, else
// the top screen, and every other message to all screens (bottom first, so a list
// refreshes before a detail that may be popped).
func (s *Stack) Update(msg tea.Msg) tea.Cmd {
	if d, ok := msg.(tab.DoneMsg); ok {
		return d.Apply() // a store call's answer: applied once, by whoever asked
	}
	if k, ok := msg.(tea.KeyMsg); ok {
		if cmd, took := KeyToDialog(&s.Dialog, k); took {
			return cmd
		}
		return s.Top().Update(k)
	}
	var cmds []tea.Cmd
	// Copy: a screen may push or pop while handling the message.
	for _, sc := range append([]Screen(nil), s.screens...) {
		cmds = append(cmds, sc.Update(msg))
	}
	return tea.Batch(cmds...)
}

// View draws the dialog or the top screen.
func (s *Stack) View() string {
	if s.Dialog != nil {
		return s.Dialog.View(s.width, s.height)
	}
	return s.Top().View(s.width, s.height)
}

func (s *Stack) ShortHelp() []key.Binding {
	if s.Dialog != nil {
		return s.dialogKeys.Short()
	}
	return s.Top().ShortHelp()
}

func (s *Stack) Help() []keys.Group {
	if s.Dialog != nil {
		return []keys.Group{{Title: s.dialogTitle, Bindings: s.dialogKeys.Short()}}
	}
	return s.Top().Help()
}

func (s *Stack) Modal() bool { return s.Dialog != nil || s.Top().Modal() }

// Dirty reports unsaved edits in any screen (a form under a dialog counts).
func (s *Stack) Dirty() bool {
	for _, sc := range s.screens {
		if sc.Dirty() {
			return true
		}
	}
	return false
}

func (s *Stack) Typing() bool { return s.Dialog == nil && s.Top().Typing() }

// At is the screen at depth i (0: the bottom one).
func (s *Stack) At(i int) Screen { return s.screens[i] }
