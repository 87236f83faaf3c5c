package families

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"

	"shuangyong/ui/keys"

	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/ui/components"
	"shuangyong/ui/i18n"
	"shuangyong/ui/tab"
)

// filterPanel is the F3 panel: structured filters on top of the typed text. Nothing is
// saved here, so Enter applies.
type filterPanel struct {
	m    *Model
	form *components.Form
}

func (m *Model) panelFields() []*components.Field {
	all := components.Option{Value: "", Label: m.t(i18n.FilterAll)}
	cats := append([]components.Option{all}, m.enumOptions(model.Categories, false)...)
	villages := []components.Option{all}
	for _, v := range m.villages {
		villages = append(villages, components.Option{Value: strconv.FormatInt(v.ID, 10), Label: v.Name})
	}
	cadres := []components.Option{all}
	for _, c := range m.cadres {
		cadres = append(cadres, components.Option{Value: c, Label: c})
	}
	statuses := append([]components.Option{all}, m.enumOptions(model.PersonStatuses, false)...)
	visit := []components.Option{
		{Value: "0", Label: m.t(i18n.FilterAny)},
		{Value: "1", Label: m.t(i18n.FilterNotYear)},
		{Value: "2", Label: m.t(i18n.FilterNotDays)},
	}
	only := []components.Option{{Value: "", Label: m.t(i18n.FilterAny)}, {Value: "1", Label: m.t(i18n.FilterOnly)}}
	days := &components.Field{Key: "days", Label: m.t(i18n.FilterDays), Kind: components.KindText, Max: 4, Placeholder: "30",
		Visible: func(f *components.Form) bool { return f.Value("visit") == "2" },
		Check: func(s string) (string, string) {
			s = strings.TrimSpace(s)
			if s == "" {
				return s, ""
			}
			n, err := strconv.Atoi(s)
			if err != nil || n < 1 || n > 3650 {
				return s, m.t(i18n.FilterDaysBad)
			}
			return strconv.Itoa(n), ""
		}}
	return []*components.Field{
		{Key: "category", Label: m.t(i18n.FilterCategory), Kind: components.KindPick, Options: cats},
		{Key: "village", Label: m.t(i18n.FilterVillage), Kind: components.KindPick, Options: villages},
		{Key: "cadre", Label: m.t(i18n.FilterCadre), Kind: components.KindPick, Options: cadres},
		{Key: "status", Label: m.t(i18n.FilterStatus), Kind: components.KindPick, Options: statuses},
		{Key: "visit", Label: m.t(i18n.FilterVisit), Kind: components.KindPick, Options: visit},
		days,
		{Key: "needs", Label: m.t(i18n.FilterNeeds), Kind: components.KindPick, Options: only},
		{Key: "incomplete", Label: m.t(i18n.FilterIncomplete), Kind: components.KindPick, Options: only},
	}
}

// fill shows the filters f in the panel.
func (p *filterPanel) fill(f filters) {
	fm := p.form
	fm.SetValue("category", f.category)
	fm.SetValue("village", idOrEmpty(f.villageID))
	fm.SetValue("cadre", f.cadre)
	fm.SetValue("status", f.status)
	fm.SetValue("visit", strconv.Itoa(f.visit))
	fm.SetValue("days", itoaOrEmpty(f.days))
	fm.SetValue("needs", boolValue(f.needs))
	fm.SetValue("incomplete", boolValue(f.incomplete))
}

func (p *filterPanel) read() filters {
	fm := p.form
	var f filters
	f.category = fm.Value("category")
	f.villageID, _ = strconv.ParseInt(fm.Value("village"), 10, 64)
	f.cadre = fm.Value("cadre")
	f.status = fm.Value("status")
	f.visit, _ = strconv.Atoi(fm.Value("visit"))
	f.days, _ = strconv.Atoi(strings.TrimSpace(fm.Value("days")))
	if f.visit == 2 && f.days <= 0 {
		f.visit, f.days = 0, 0
	}
	if f.visit != 2 {
		f.days = 0
	}
	f.needs = fm.Value("needs") == "1"
	f.incomplete = fm.Value("incomplete") == "1"
	return f
}

// setCadres refreshes the cadre choices when the list arrives.
func (p *filterPanel) setCadres(m *Model, cadres []string) {
	cur := p.read()
	fl := p.form.Field("cadre")
	opts := []components.Option{{Value: "", Label: m.t(i18n.FilterAll)}}
	for _, c := range cadres {
		opts = append(opts, components.Option{Value: c, Label: c})
	}
	fl.Options = opts
	p.form.SetValue("cadre", cur.cadre)
}

func (m *Model) openPanel() tea.Cmd {
	p := &filterPanel{m: m, form: components.NewForm(m.env.Lang, m.t(i18n.FilterTitle), m.panelFields())}
	p.fill(m.list.f)
	m.stack.Push(p)
	s, ctx := m.store(), m.env.Ctx
	return m.run(func() func() tea.Cmd {
		c, err := s.PairingCadres(ctx)
		return func() tea.Cmd {
			if err == nil {
				m.cadres = c
				p.setCadres(m, c)
			}
			return nil
		}
	})
}

func (p *filterPanel) Update(msg tea.Msg) tea.Cmd {
	m := p.m
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	switch k.String() {
	case "enter", "f3", "ctrl+s":
		if p.form.CheckAll() > 0 {
			p.form.FocusFirstError()
			return nil
		}
		m.list.f = p.read()
		m.stack.PopTo(p)
		m.stack.Pop()
		return m.list.query()
	case "esc":
		m.stack.PopTo(p)
		m.stack.Pop()
		return m.list.wl.FetchIfMissing()
	case "delete":
		p.fill(filters{})
		return tab.Status(m.t(i18n.FamFiltersCleared), false)
	}
	p.form.Update(k)
	return nil
}

func (p *filterPanel) View(w, h int) string {
	p.form.SetSize(w, h)
	return p.form.View()
}

func (p *filterPanel) ShortHelp() []key.Binding { return p.m.kPan.Short() }
func (p *filterPanel) Help() []keys.Group {
	return []keys.Group{{Title: p.m.t(i18n.GroupPanel), Bindings: p.m.kPan.Short()}}
}
func (p *filterPanel) Modal() bool  { return true }
func (p *filterPanel) Dirty() bool  { return false }
func (p *filterPanel) Typing() bool { return p.form.Typing() }
