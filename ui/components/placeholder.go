package components

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/ui/i18n"
	"shuangyong/ui/keys"
	"shuangyong/ui/tab"
)

// Placeholder is a tab whose content arrives with its own issue. It shows the tab's real
// empty state — what it will hold and what to do meanwhile — and implements the tab
// contract, so the content can take its place without touching the root.
type Placeholder struct {
	env               tab.Env
	title, head, body i18n.Key
	width, height     int
}

// NewPlaceholder makes a placeholder tab with the catalogue's title and empty-state texts.
func NewPlaceholder(env tab.Env, title, head, body i18n.Key) *Placeholder {
	return &Placeholder{env: env, title: title, head: head, body: body}
}

func (p *Placeholder) Init() tea.Cmd            { return nil }
func (p *Placeholder) Update(tea.Msg) tea.Cmd   { return nil }
func (p *Placeholder) SetSize(w, h int)         { p.width, p.height = w, h }
func (p *Placeholder) Title() string            { return i18n.T(p.env.Lang, p.title) }
func (p *Placeholder) ShortHelp() []key.Binding { return nil }
func (p *Placeholder) Help() []keys.Group       { return nil }
func (p *Placeholder) Modal() bool              { return false }
func (p *Placeholder) Dirty() bool              { return false }
func (p *Placeholder) Typing() bool             { return false }

// View shows the empty state.
func (p *Placeholder) View() string {
	return Notice(p.width, p.height, i18n.T(p.env.Lang, p.head), i18n.T(p.env.Lang, p.body))
}

var _ tab.Tab = (*Placeholder)(nil)
