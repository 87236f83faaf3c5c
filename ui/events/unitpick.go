package events

import (
	"strconv"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/ui/components"
	"shuangyong/ui/i18n"
	"shuangyong/ui/keys"
	"shuangyong/ui/tab"
)

// unitPick asks which of an event's units to open in the 单位 tab (Ctrl+U in the detail,
// when the event names more than one).
type unitPick struct {
	t    *Tab
	form *components.Form
}

func newUnitPick(t *Tab, units []model.EventUnit) *unitPick {
	var opts []components.Option
	for _, u := range units {
		opts = append(opts, components.Option{Value: strconv.FormatInt(u.UnitID, 10),
			Label: model.UnitRoles.Label(u.Role, t.env.Lang) + " " + u.Name})
	}
	f := components.NewForm(t.env.Lang, t.t(i18n.EvPickUnit), []*components.Field{
		{Key: "#hint", Label: t.t(i18n.EvPickUnitHint), Kind: components.KindHeading},
		{Key: "Unit", Label: t.t(i18n.EvFilterUnit), Kind: components.KindPick, Options: opts},
	})
	return &unitPick{t: t, form: f}
}

func (p *unitPick) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	switch k.String() {
	case "esc":
		p.t.stack.Pop()
		return nil
	case "enter", "ctrl+s":
		id, _ := strconv.ParseInt(p.form.Value("Unit"), 10, 64)
		p.t.stack.Pop()
		return tab.Open(tab.Events, tab.KindUnit, id)
	}
	p.form.Update(k)
	return nil
}

func (p *unitPick) View(w, h int) string {
	p.form.SetSize(w, h)
	return p.form.View()
}

func (p *unitPick) ShortHelp() []key.Binding {
	return []key.Binding{p.t.kForm.Choose, p.t.kDlg.Confirm, p.t.kDlg.Cancel}
}
func (p *unitPick) Help() []keys.Group {
	return []keys.Group{{Title: p.t.t(i18n.GroupPanel), Bindings: p.ShortHelp()}}
}
func (p *unitPick) Modal() bool  { return true }
func (p *unitPick) Dirty() bool  { return false }
func (p *unitPick) Typing() bool { return false }
