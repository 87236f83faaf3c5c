package stats

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/ui/i18n"
	"shuangyong/ui/keys"
)

// The tab's screens on its stack: the tally (always at the bottom), a figure's records
// (records.go), the export form and its progress. Their state is the tab's; a screen is
// its keys, help and view.

type tallyScreen struct{ m *Model }

func (s *tallyScreen) Update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyMsg); ok {
		return s.m.tallyKey(k)
	}
	return nil
}
func (s *tallyScreen) View(w, h int) string     { return s.m.tallyView() }
func (s *tallyScreen) ShortHelp() []key.Binding { return s.m.k.tallyShort() }
func (s *tallyScreen) Help() []keys.Group {
	return s.m.k.group(s.m.env.Lang, i18n.StGroupTally, s.m.k.tallyFull())
}
func (s *tallyScreen) Modal() bool  { return false }
func (s *tallyScreen) Dirty() bool  { return false }
func (s *tallyScreen) Typing() bool { return false }

type exportScreen struct{ m *Model }

func (s *exportScreen) Update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyMsg); ok {
		return s.m.exportKey(k)
	}
	return nil
}
func (s *exportScreen) View(w, h int) string { return s.m.exportView() }
func (s *exportScreen) ShortHelp() []key.Binding {
	if s.m.exp.running {
		return []key.Binding{s.m.k.StopExport}
	}
	return s.m.k.formShort()
}
func (s *exportScreen) Help() []keys.Group {
	k := s.m.k
	return k.group(s.m.env.Lang, i18n.StGroupExport, []key.Binding{k.Start, k.Next, k.Choose, k.Cancel, k.StopExport})
}

// Modal: the form has the keyboard (Tab moves between its fields); a running export
// leaves the other tabs to the user.
func (s *exportScreen) Modal() bool  { return !s.m.exp.running }
func (s *exportScreen) Dirty() bool  { return false }
func (s *exportScreen) Typing() bool { return !s.m.exp.running && s.m.exp.form.Typing() }
