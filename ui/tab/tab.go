// Package tab is the contract between the root model and the four tabs, and the messages
// they exchange. A tab is a pointer model: Update returns only a command. Every store call
// a tab makes runs in a tea.Cmd whose result is a message addressed to that tab (Msg) and
// carrying the tab's own sequence number, so the root can deliver it even after the user
// switched tabs and the tab can drop results that a newer request has overtaken.
package tab

import (
	"context"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/ui/i18n"
	"shuangyong/ui/keys"
)

// ID names a tab; the order is the order on screen.
type ID int

const (
	Units ID = iota
	Families
	Events
	Stats
	Count // number of tabs
)

// Env is what every tab needs and nothing changes while the program runs.
type Env struct {
	Ctx   context.Context
	Store *store.Store
	Lang  model.Lang
	// Now is the clock (tests fix it).
	Now func() time.Time
}

// Tab is one page of the program.
type Tab interface {
	Init() tea.Cmd
	Update(msg tea.Msg) tea.Cmd
	// View draws exactly the size given by SetSize: every line as wide as the width.
	View() string
	SetSize(width, height int)
	// Title is the tab's label in the tab bar.
	Title() string
	// ShortHelp is the one-line key hint for the tab's current screen.
	ShortHelp() []key.Binding
	// Help lists the tab's bindings for its current screen, for F1.
	Help() []keys.Group
	// Modal reports that a form, dialog or panel has the keyboard: the root then leaves
	// Tab, Esc, F9 and Ctrl+Z to the tab.
	Modal() bool
	// Dirty reports unsaved edits in a form (quitting asks first).
	Dirty() bool
	// Typing reports that a text box has focus (letter aliases such as ? are text then).
	Typing() bool
}

// Msg is a result addressed to one tab.
type Msg interface {
	Target() ID
}

// StatusMsg puts a message in the status line. Undo says to add the Ctrl+Z hint.
type StatusMsg struct {
	Text  string
	Error bool
	Undo  bool
}

// Status returns a command that shows text in the status line.
func Status(text string, undo bool) tea.Cmd {
	return func() tea.Msg { return StatusMsg{Text: text, Undo: undo} }
}

// StatusError returns a command that shows an error in the status line.
func StatusError(text string) tea.Cmd {
	return func() tea.Msg { return StatusMsg{Text: text, Error: true} }
}

// Kind is a kind of record, named in navigation and change messages.
type Kind int

const (
	KindPerson Kind = iota + 1
	KindUnit
	KindEvent
	KindVisit
)

// ChangedMsg tells every tab that records changed (a save, an undo, demo data): lists and
// open details showing those kinds reload. From is the tab that made the change (it may
// already have reloaded), or -1. Kinds names what changed; none means anything may have
// (undo, demo data, settings).
type ChangedMsg struct {
	From  ID
	Kinds []Kind
}

// Touches reports whether the change may concern records of any of kinds.
func (m ChangedMsg) Touches(kinds ...Kind) bool {
	if len(m.Kinds) == 0 {
		return true
	}
	for _, k := range kinds {
		for _, c := range m.Kinds {
			if k == c {
				return true
			}
		}
	}
	return false
}

// Changed returns a command announcing a change made by tab from to records of kinds
// (none: any kind).
func Changed(from ID, kinds ...Kind) tea.Cmd {
	return func() tea.Msg { return ChangedMsg{From: from, Kinds: kinds} }
}

// OpenMsg asks the tab that keeps a kind of record to show one: the root switches to
// that tab and hands it the message. NewVisit opens the visit form for a person at once
// (the 统计 tab's 未走访 list). From is the tab that asked, to return to with Esc.
type OpenMsg struct {
	Kind     Kind
	ID       int64
	NewVisit bool
	From     ID
}

// Target is the tab that keeps the record.
func (m OpenMsg) Target() ID {
	switch m.Kind {
	case KindUnit:
		return Units
	case KindEvent:
		return Events
	}
	return Families
}

// Open returns a command that opens a record where it lives.
func Open(from ID, kind Kind, id int64) tea.Cmd {
	return func() tea.Msg { return OpenMsg{Kind: kind, ID: id, From: from} }
}

// BackMsg asks the root to show tab To again: a record opened from another tab was
// closed with Esc, and the user goes back to where they came from.
type BackMsg struct{ To ID }

// ShownMsg tells a tab that the user has just switched to it (Tab, Alt+1…4): the 统计 tab
// then computes ahead the year a user is likely to ask for next.
type ShownMsg struct{}

// Back returns a command that goes back to tab to.
func Back(to ID) tea.Cmd { return func() tea.Msg { return BackMsg{To: to} } }

// SettingsMsg carries the settings and the village list to every tab, at start and after
// F9 saves them.
type SettingsMsg struct {
	Settings model.Settings
	Villages []model.Village
}

// ReadOnlyMsg tells every tab that the file must not be written any more (it failed its
// check); Reason explains why and where the newest good backup is.
type ReadOnlyMsg struct{ Reason string }

// SizeMsg tells every tab that the window was resized (after SetSize), so that a list can
// fetch the rows that now fit.
type SizeMsg struct{ Width, Height int }

// YearMsg tells the root which year a tab has in view (the status line shows it).
type YearMsg struct{ Year int }

// ErrText explains an error in one line, without I/O: a damaged file is explained as
// refused writes (finding its newest good backup reads the disk, which the root's
// background check does off the event loop).
func ErrText(env Env, err error) string {
	if store.KindOf(err) == store.ErrDamaged {
		return i18n.T(env.Lang, i18n.StatusReadOnlyRefused)
	}
	return i18n.Error(env.Ctx, env.Lang, err)
}

// DoneMsg carries the result of a store call back to the event loop, where Apply runs
// (it may change the tab's state and return what comes next). Run makes one.
type DoneMsg struct {
	To    ID
	Apply func() tea.Cmd
}

// Target is the tab whose state Apply changes.
func (m DoneMsg) Target() ID { return m.To }

// Run runs work off the event loop (work calls the store) and applies the closure it
// returns on the event loop, in tab to. Apply must check that what it changes is still
// on screen (the user may have moved on).
func Run(to ID, work func() func() tea.Cmd) tea.Cmd {
	return func() tea.Msg { return DoneMsg{To: to, Apply: work()} }
}
