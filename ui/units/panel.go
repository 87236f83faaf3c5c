package units

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/ui/components"
	"shuangyong/ui/i18n"
	"shuangyong/ui/keys"
)

// panelScreen is the F3 panel: the unit kind and the side. Nothing is saved, so Enter
// applies.
type panelScreen struct {
	m    *Model
	form *components.Form
	keys keys.Panel
}

func newPanel(m *Model) *panelScreen {
	lang := m.env.Lang
	all := m.t(i18n.FilterAll)
	f := components.NewForm(lang, m.t(i18n.KeyFilters), []*components.Field{
		{Key: "kind", Label: m.t(i18n.UnitsFilterKind), Kind: components.KindPick, Options: components.EnumOptions(model.UnitKinds, lang, all)},
		{Key: "side", Label: m.t(i18n.UnitsFilterSide), Kind: components.KindPick, Options: components.EnumOptions(model.Sides, lang, all)},
	})
	f.SetValue("kind", m.list.kind)
	f.SetValue("side", m.list.side)
	return &panelScreen{m: m, form: f, keys: keys.NewPanel(lang)}
}

func (p *panelScreen) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	switch {
	case key.Matches(k, p.keys.Apply):
		l := p.m.list
		l.kind, l.side = p.form.Value("kind"), p.form.Value("side")
		p.m.stack.Pop()
		return l.query()
	case key.Matches(k, p.keys.Reset):
		p.form.SetValue("kind", "")
		p.form.SetValue("side", "")
		return nil
	case key.Matches(k, p.keys.Cancel):
		p.m.stack.Pop()
		return nil
	}
	p.form.Update(k)
	return nil
}

func (p *panelScreen) View(w, h int) string {
	p.form.SetSize(w, h)
	return p.form.View()
}

func (p *panelScreen) ShortHelp() []key.Binding { return p.keys.Short() }
func (p *panelScreen) Help() []keys.Group {
	return []keys.Group{{Title: p.m.t(i18n.GroupPanel), Bindings: p.keys.Short()}}
}
func (p *panelScreen) Modal() bool  { return true }
func (p *panelScreen) Dirty() bool  { return false }
func (p *panelScreen) Typing() bool { return false }
