package stats

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/ui/i18n"
	"shuangyong/ui/keys"
)

// bindings are the keys of the tab. The year changes with Ctrl+Left/Right (and - and +,
// half- or full-width, which an IME in Chinese mode still passes on as text the tab does
// not take as typing): never PgUp/PgDn, which scroll.
type bindings struct {
	Up, Down, Left, Right key.Binding
	PageUp, PageDown      key.Binding
	Home, End             key.Binding
	PrevYear, NextYear    key.Binding
	Range                 key.Binding // one year or the five up to it
	Open                  key.Binding
	Visit                 key.Binding
	Export                key.Binding
	Back                  key.Binding
	Start                 key.Binding
	Cancel                key.Binding
	Next                  key.Binding
	Choose                key.Binding
	StopExport            key.Binding
	RecMove               key.Binding // help only: Up/Down in the records
}

func newBindings(lang model.Lang) bindings {
	b := func(help string, desc i18n.Key, ks ...string) key.Binding {
		return key.NewBinding(key.WithKeys(ks...), key.WithHelp(help, i18n.T(lang, desc)))
	}
	arrows := i18n.T(lang, i18n.StLabelArrows)
	year := i18n.T(lang, i18n.StLabelYear)
	return bindings{
		Up:         b(arrows, i18n.StKeyMove, "up"),
		Down:       b(arrows, i18n.StKeyMove, "down"),
		Left:       b(arrows, i18n.StKeyMove, "left"),
		Right:      b(arrows, i18n.StKeyMove, "right"),
		PageUp:     b("PgUp/PgDn", i18n.KeyPage, "pgup"),
		PageDown:   b("PgUp/PgDn", i18n.KeyPage, "pgdown", " "),
		Home:       b("Home/End", i18n.KeyHomeEnd, "home", "ctrl+home"),
		End:        b("Home/End", i18n.KeyHomeEnd, "end", "ctrl+end"),
		PrevYear:   b(year, i18n.StKeyYear, "ctrl+left", "ctrl+pgup", "-", "－"),
		NextYear:   b(year, i18n.StKeyYear, "ctrl+right", "ctrl+pgdown", "+", "＋", "=", "＝"),
		Range:      b(i18n.T(lang, i18n.StLabelRange), i18n.StKeyRange, "ctrl+r"),
		Open:       b("Enter", i18n.StKeyOpen, "enter"),
		Visit:      b("F5", i18n.KeyVisit, "f5"),
		Export:     b("F6", i18n.StKeyExport, "f6"),
		Back:       b("Esc", i18n.StKeyBack, "esc", "backspace"),
		Start:      b("F6/Ctrl+S", i18n.StKeyStart, "f6", "ctrl+s"),
		Cancel:     b("Esc", i18n.KeyCancel, "esc"),
		Next:       b(i18n.T(lang, i18n.LabelNextField), i18n.KeyNextField, "enter", "tab", "down"),
		Choose:     key.NewBinding(key.WithKeys("left", "right"), key.WithHelp(i18n.T(lang, i18n.LabelLeftRight), i18n.T(lang, i18n.KeyChoose))),
		StopExport: b("Esc", i18n.StKeyStop, "esc"),
		RecMove:    b(i18n.T(lang, i18n.LabelUpDown), i18n.KeyMove, "up", "down"),
	}
}

func (k bindings) tallyShort() []key.Binding {
	return []key.Binding{k.Open, k.PrevYear, k.Export, k.Up, k.PageUp}
}

func (k bindings) tallyFull() []key.Binding {
	return []key.Binding{k.Up, k.PageUp, k.Home, k.PrevYear, k.Range, k.Open, k.Export}
}

func (k bindings) recordsShort() []key.Binding {
	return []key.Binding{k.Back, k.Open, k.Visit, k.RecMove, k.PageUp, k.Home, k.Export}
}

func (k bindings) formShort() []key.Binding {
	return []key.Binding{k.Start, k.Next, k.Choose, k.Cancel}
}

func (k bindings) group(lang model.Lang, title i18n.Key, bs []key.Binding) []keys.Group {
	return []keys.Group{{Title: i18n.T(lang, title), Bindings: keys.Dedupe(bs)}}
}

// matches reports whether msg is one of b's keys.
func matches(msg tea.KeyMsg, b key.Binding) bool { return key.Matches(msg, b) }
