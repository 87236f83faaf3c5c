// Package stats is the 统计 tab: the yearly tally (SPEC.md §5).
// Until its issue is done it shows its real empty state: what the tab will hold and what
// to do meanwhile. It implements the tab contract so the content can arrive without
// touching the root.
package stats

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/ui/components"
	"shuangyong/ui/i18n"
	"shuangyong/ui/keys"
	"shuangyong/ui/tab"
)

// Model is the tab.
type Model struct {
	env           tab.Env
	width, height int
}

// New makes the tab.
func New(env tab.Env) *Model { return &Model{env: env} }

func (m *Model) Init() tea.Cmd              { return nil }
func (m *Model) Update(msg tea.Msg) tea.Cmd { return nil }
func (m *Model) SetSize(w, h int)           { m.width, m.height = w, h }
func (m *Model) Title() string              { return i18n.T(m.env.Lang, i18n.TabStats) }
func (m *Model) ShortHelp() []key.Binding   { return nil }
func (m *Model) Help() []keys.Group         { return nil }
func (m *Model) Modal() bool                { return false }
func (m *Model) Dirty() bool                { return false }
func (m *Model) Typing() bool               { return false }

// View shows the empty state.
func (m *Model) View() string {
	return components.Notice(m.width, m.height, i18n.T(m.env.Lang, i18n.StatsEmptyTitle), i18n.T(m.env.Lang, i18n.StatsEmptyBody))
}

var _ tab.Tab = (*Model)(nil)
