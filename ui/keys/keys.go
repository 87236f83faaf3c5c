// Package keys holds the key bindings of every screen, with their help text from the
// catalogue. Commands live on keys an input method leaves alone (F-keys, Ctrl
// combinations, Enter, Esc, Tab, arrows): a Chinese IME swallows letters and turns ? into
// ？, so no single letter is ever a command where text can be typed (SPEC.md §2).
package keys

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/ui/i18n"
)

// Group is a titled list of bindings for the help screen.
type Group struct {
	Title    string
	Bindings []key.Binding
}

func b(lang model.Lang, help string, desc i18n.Key, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, i18n.T(lang, desc)))
}

// Global keys work on every screen.
type Global struct {
	Help     key.Binding
	Quit     key.Binding
	Settings key.Binding
	Undo     key.Binding
	NextTab  key.Binding
	PrevTab  key.Binding
	JumpTab  key.Binding
}

// NewGlobal returns the global bindings. ? and its full-width twin ？ open help only where
// no text box has focus (the root checks); F1 works everywhere.
func NewGlobal(lang model.Lang) Global {
	return Global{
		Help:     b(lang, "F1", i18n.KeyHelp, "f1"),
		Quit:     b(lang, "F10/Ctrl+C", i18n.KeyQuit, "f10", "ctrl+c"),
		Settings: b(lang, "F9", i18n.KeySettings, "f9"),
		Undo:     b(lang, "Ctrl+Z", i18n.KeyUndo, "ctrl+z"),
		NextTab:  b(lang, "Tab", i18n.KeyNextTab, "tab"),
		PrevTab:  b(lang, "Shift+Tab", i18n.KeyPrevTab, "shift+tab"),
		JumpTab:  b(lang, "Alt+1..4", i18n.KeyJumpTab, "alt+1", "alt+2", "alt+3", "alt+4"),
	}
}

// Bindings lists the global bindings in help order.
func (g Global) Bindings() []key.Binding {
	return []key.Binding{g.Help, g.NextTab, g.PrevTab, g.JumpTab, g.Undo, g.Settings, g.Quit}
}

// HelpAlias reports the letter aliases of help (? and ？), accepted where nothing is typed.
func HelpAlias(msg tea.KeyMsg) bool {
	s := msg.String()
	return s == "?" || s == "？"
}

// List keys: a list whose filter box is always live.
type List struct {
	Up, Down  key.Binding
	PageUp    key.Binding
	PageDown  key.Binding
	Home, End key.Binding
	Open      key.Binding
	Clear     key.Binding
	Add       key.Binding
	Filters   key.Binding
	Edit      key.Binding
	Visit     key.Binding
	Trash     key.Binding
	History   key.Binding
	Type      key.Binding // help only: typing filters
}

func NewList(lang model.Lang) List {
	return List{
		Up:       b(lang, i18n.T(lang, i18n.LabelUpDown), i18n.KeyMove, "up", "ctrl+p"),
		Down:     b(lang, i18n.T(lang, i18n.LabelUpDown), i18n.KeyMove, "down", "ctrl+n"),
		PageUp:   b(lang, "PgUp/PgDn", i18n.KeyPage, "pgup"),
		PageDown: b(lang, "PgUp/PgDn", i18n.KeyPage, "pgdown"),
		Home:     b(lang, "Home/End", i18n.KeyHomeEnd, "home", "ctrl+home"),
		End:      b(lang, "Home/End", i18n.KeyHomeEnd, "end", "ctrl+end"),
		Open:     b(lang, "Enter", i18n.KeyOpen, "enter"),
		Clear:    b(lang, "Esc", i18n.KeyClear, "esc"),
		Add:      b(lang, "F2", i18n.KeyAdd, "f2"),
		Filters:  b(lang, "F3", i18n.KeyFilters, "f3"),
		Edit:     b(lang, "F4", i18n.KeyEdit, "f4"),
		Visit:    b(lang, "F5", i18n.KeyVisit, "f5"),
		Trash:    b(lang, "Delete", i18n.KeyTrash, "delete"),
		History:  b(lang, "F8", i18n.KeyHistory, "f8"),
		Type:     key.NewBinding(key.WithKeys(), key.WithHelp(i18n.T(lang, i18n.SearchLabel), i18n.T(lang, i18n.KeyType))),
	}
}

// Short is the one-line hint of a list.
func (l List) Short() []key.Binding {
	return []key.Binding{l.Open, l.Add, l.Filters, l.Edit, l.Visit, l.Trash, l.Clear}
}

// Full is the help screen's list of a list's keys.
func (l List) Full() []key.Binding {
	return []key.Binding{l.Type, l.Up, l.PageUp, l.Home, l.Open, l.Add, l.Filters, l.Edit, l.Visit, l.Trash, l.History, l.Clear}
}

// Detail keys: a record shown in full; nothing is typed here.
type Detail struct {
	Back     key.Binding
	Up, Down key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Edit     key.Binding
	Visit    key.Binding
	Reveal   key.Binding
	Trash    key.Binding
	History  key.Binding
}

func NewDetail(lang model.Lang) Detail {
	return Detail{
		Back:     b(lang, "Esc", i18n.KeyBack, "esc", "backspace"),
		Up:       b(lang, i18n.T(lang, i18n.LabelUpDown), i18n.KeyScroll, "up"),
		Down:     b(lang, i18n.T(lang, i18n.LabelUpDown), i18n.KeyScroll, "down"),
		PageUp:   b(lang, "PgUp/PgDn", i18n.KeyPage, "pgup"),
		PageDown: b(lang, "PgUp/PgDn", i18n.KeyPage, "pgdown", " "),
		Edit:     b(lang, "F4", i18n.KeyEdit, "f4"),
		Visit:    b(lang, "F5", i18n.KeyVisit, "f5"),
		Reveal:   b(lang, "F7", i18n.KeyReveal, "f7"),
		Trash:    b(lang, "Delete", i18n.KeyTrash, "delete"),
		History:  b(lang, "F8", i18n.KeyHistory, "f8"),
	}
}

func (d Detail) Short() []key.Binding {
	return []key.Binding{d.Back, d.Visit, d.Edit, d.Reveal, d.Trash}
}

func (d Detail) Full() []key.Binding {
	return []key.Binding{d.Back, d.Up, d.PageUp, d.Visit, d.Edit, d.Reveal, d.Trash, d.History}
}

// Form keys. Enter moves on (a pasted line break must never save); only Ctrl+S saves.
type Form struct {
	Next     key.Binding
	Prev     key.Binding
	Save     key.Binding
	Cancel   key.Binding
	Choose   key.Binding // help only: pick-lists
	Toggle   key.Binding // help only: multi-pick
	PageUp   key.Binding
	PageDown key.Binding
}

func NewForm(lang model.Lang) Form {
	return Form{
		Next:     b(lang, i18n.T(lang, i18n.LabelNextField), i18n.KeyNextField, "enter", "tab", "down"),
		Prev:     b(lang, i18n.T(lang, i18n.LabelPrevField), i18n.KeyPrevField, "shift+tab", "up"),
		Save:     b(lang, "Ctrl+S", i18n.KeySave, "ctrl+s"),
		Cancel:   b(lang, "Esc", i18n.KeyCancel, "esc"),
		Choose:   key.NewBinding(key.WithKeys("left", "right"), key.WithHelp(i18n.T(lang, i18n.LabelLeftRight), i18n.T(lang, i18n.KeyChoose))),
		Toggle:   key.NewBinding(key.WithKeys(" "), key.WithHelp(i18n.T(lang, i18n.LabelSpace), i18n.T(lang, i18n.KeyToggle))),
		PageUp:   b(lang, "PgUp/PgDn", i18n.KeyPage, "pgup"),
		PageDown: b(lang, "PgUp/PgDn", i18n.KeyPage, "pgdown"),
	}
}

func (f Form) Short() []key.Binding { return []key.Binding{f.Next, f.Prev, f.Save, f.Cancel} }
func (f Form) Full() []key.Binding {
	return []key.Binding{f.Next, f.Prev, f.PageUp, f.Choose, f.Toggle, f.Save, f.Cancel}
}

// Dialog keys: a yes/no question.
type Dialog struct {
	Switch  key.Binding
	Confirm key.Binding
	Cancel  key.Binding
}

func NewDialog(lang model.Lang) Dialog {
	return Dialog{
		Switch:  key.NewBinding(key.WithKeys("left", "right", "tab", "shift+tab"), key.WithHelp(i18n.T(lang, i18n.LabelLeftRight)+"/Tab", i18n.T(lang, i18n.KeyChoose))),
		Confirm: b(lang, "Enter", i18n.KeyConfirm, "enter"),
		Cancel:  b(lang, "Esc", i18n.KeyCancel, "esc"),
	}
}

func (d Dialog) Short() []key.Binding { return []key.Binding{d.Switch, d.Confirm, d.Cancel} }

// Panel keys: the F3 filter panel (choices only, nothing is saved, so Enter applies).
type Panel struct {
	Move   key.Binding
	Choose key.Binding
	Apply  key.Binding
	Reset  key.Binding
	Cancel key.Binding
}

func NewPanel(lang model.Lang) Panel {
	return Panel{
		Move:   key.NewBinding(key.WithKeys("up", "down", "tab", "shift+tab"), key.WithHelp(i18n.T(lang, i18n.LabelUpDown), i18n.T(lang, i18n.KeyMove))),
		Choose: key.NewBinding(key.WithKeys("left", "right"), key.WithHelp(i18n.T(lang, i18n.LabelLeftRight), i18n.T(lang, i18n.KeyChoose))),
		Apply:  b(lang, "Enter/F3/Ctrl+S", i18n.KeyApply, "enter", "f3", "ctrl+s"),
		Reset:  b(lang, "Delete", i18n.KeyReset, "delete"),
		Cancel: b(lang, "Esc", i18n.KeyCancel, "esc"),
	}
}

func (p Panel) Short() []key.Binding {
	return []key.Binding{p.Move, p.Choose, p.Apply, p.Reset, p.Cancel}
}

// Dedupe drops bindings whose help key repeats an earlier one (Up and Down share one label).
func Dedupe(bs []key.Binding) []key.Binding {
	seen := map[string]bool{}
	var out []key.Binding
	for _, x := range bs {
		h := x.Help().Key + "\x00" + x.Help().Desc
		if seen[h] {
			continue
		}
		seen[h] = true
		out = append(out, x)
	}
	return out
}

// Nav are the keys that move through a list: a line, a screenful, to either end.
type Nav struct {
	Up, Down, PageUp, PageDown, Home, End key.Binding
}

// Nav is the list's movement keys.
func (l List) Nav() Nav { return Nav{l.Up, l.Down, l.PageUp, l.PageDown, l.Home, l.End} }
