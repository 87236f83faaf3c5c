package events

import (
	"strconv"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/ui/components"
	"shuangyong/ui/i18n"
	"shuangyong/ui/keys"
)

// filterPanel is F3: type, occasion, month, direction and unit. Nothing is saved here, so
// Enter applies (as F3 and Ctrl+S do); Delete clears every choice; Esc leaves them as
// they were.
type filterPanel struct {
	t    *Tab
	form *components.Form
}

func newFilterPanel(t *Tab, f filters) *filterPanel {
	lang := t.env.Lang
	anyLabel := t.t(i18n.EvFilterAny)
	months := []components.Option{{Value: "", Label: anyLabel}}
	for m := 1; m <= 12; m++ {
		months = append(months, components.Option{Value: strconv.Itoa(m), Label: t.t(i18n.EvFilterMonthN, m)})
	}
	fields := []*components.Field{
		{Key: "Type", Label: t.t(i18n.EvLabelType), Kind: components.KindPick, Options: components.EnumOptions(model.EventTypes, lang, anyLabel)},
		{Key: "Occasion", Label: t.t(i18n.EvLabelOccasion), Kind: components.KindPick, Options: components.EnumOptions(model.Occasions, lang, anyLabel)},
		{Key: "Month", Label: t.t(i18n.EvFilterMonth), Kind: components.KindPick, Options: months},
		{Key: "Direction", Label: t.t(i18n.EvLabelDirection), Kind: components.KindPick, Options: components.EnumOptions(model.Directions, lang, anyLabel)},
		{Key: "Unit", Label: t.t(i18n.EvFilterUnit), Kind: components.KindPick, Options: unitOptions(t, anyLabel)},
	}
	p := &filterPanel{t: t, form: components.NewForm(lang, t.t(i18n.EvFilterTitle), fields)}
	p.set(f)
	if !t.unitsLoaded || len(t.units) == 0 {
		p.form.SetNote("Unit", t.t(i18n.EvFilterUnitsHint))
	}
	return p
}

func unitOptions(t *Tab, anyLabel string) []components.Option {
	opts := []components.Option{{Value: "", Label: anyLabel}}
	for _, u := range t.units {
		opts = append(opts, components.Option{Value: strconv.FormatInt(u.ID, 10), Label: u.Name})
	}
	return opts
}

func (p *filterPanel) set(f filters) {
	p.form.SetValue("Type", f.Type)
	p.form.SetValue("Occasion", f.Occasion)
	p.form.SetValue("Direction", f.Direction)
	month := ""
	if f.Month > 0 {
		month = strconv.Itoa(f.Month)
	}
	p.form.SetValue("Month", month)
	unit := ""
	if f.UnitID != 0 {
		unit = strconv.FormatInt(f.UnitID, 10)
	}
	p.form.SetValue("Unit", unit)
}

func (p *filterPanel) filters() filters {
	f := filters{Type: p.form.Value("Type"), Occasion: p.form.Value("Occasion"), Direction: p.form.Value("Direction")}
	f.Month, _ = strconv.Atoi(p.form.Value("Month"))
	f.UnitID, _ = strconv.ParseInt(p.form.Value("Unit"), 10, 64)
	for _, u := range p.t.units {
		if u.ID == f.UnitID {
			f.UnitName = u.Name
		}
	}
	return f
}

func (p *filterPanel) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		if _, units := msg.(unitsMsg); units {
			// The unit list arrived (or changed): offer it, keeping the choices made.
			f := p.filters()
			p.form.Field("Unit").Options = unitOptions(p.t, p.t.t(i18n.EvFilterAny))
			p.form.SetNote("Unit", "")
			p.set(f)
		}
		return nil
	}
	kp := p.t.kPan
	switch {
	case key.Matches(k, kp.Apply):
		l := p.t.list
		l.f = p.filters()
		p.t.stack.Pop()
		return l.query()
	case key.Matches(k, kp.Reset):
		p.set(filters{})
		return nil
	case key.Matches(k, kp.Cancel):
		p.t.stack.Pop()
		return nil
	}
	p.form.Update(k)
	return nil
}

func (p *filterPanel) View(w, h int) string {
	p.form.SetSize(w, h)
	return p.form.View()
}

func (p *filterPanel) ShortHelp() []key.Binding { return p.t.kPan.Short() }
func (p *filterPanel) Help() []keys.Group {
	return []keys.Group{{Title: p.t.t(i18n.GroupPanel), Bindings: p.t.kPan.Short()}}
}
func (p *filterPanel) Modal() bool  { return true }
func (p *filterPanel) Dirty() bool  { return false }
func (p *filterPanel) Typing() bool { return false }
