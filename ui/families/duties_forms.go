package families

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/ui/components"
	"shuangyong/ui/i18n"
	"shuangyong/ui/tab"
)

// The by-hand records of the duty lists (F4): a household's 光荣牌 as found (hung on a day
// without a round, 待更换 when it is worn, 不再更换 after the veteran's death), and a
// recipient's 年度确认 made outside a visit (by video, at the office). Rounds and visits
// record them in passing; these are for everything else.

// dateField is a required date, today unless changed, written back in ISO form.
func (m *Model) dateField(key string) *components.Field {
	lang, now := m.env.Lang, m.now()
	return &components.Field{Key: key, Label: model.FieldLabel(key, lang), Max: 12, Placeholder: m.t(i18n.FormDateHint),
		Check: func(s string) (string, string) {
			v, err := model.ParseDateField(key, s, now, false)
			if err != nil {
				return s, model.AsProblem(err, key).Message(lang)
			}
			return v, ""
		}}
}

// openPlaqueForm records the plaque of the household listed under person.
func (m *Model) openPlaqueForm(person int64, name, state string) tea.Cmd {
	f := components.NewForm(m.env.Lang, m.t(i18n.PlqFormTitle, name), []*components.Field{
		{Key: "State", Label: m.t(i18n.LabelPlaqueState), Kind: components.KindPick, Options: m.enumOptions(model.PlaqueStates, false)},
		m.dateField("Date"),
		{Key: "Note", Label: m.label("Note"), Max: model.MaxLineText},
	})
	// The usual next state: a missing plaque gets hung, a hung one is found worn.
	next := model.PlaqueHung
	if state == model.PlaqueHung {
		next = model.PlaqueReplace
	}
	f.SetValue("State", next)
	f.SetValue("Date", m.today())
	fs := components.NewFormScreen(m.env, m.stack, f)
	record := func(f *components.Form) model.PlaqueRecord {
		return model.PlaqueRecord{PersonID: person, State: f.Value("State"), Date: f.Value("Date"), Note: strings.TrimSpace(f.Value("Note"))}
	}
	fs.Validate = func(f *components.Form) []model.Problem {
		r := record(f)
		return model.ValidatePlaque(&r, m.now()).Errors
	}
	fs.Save = func(f *components.Form) tea.Cmd {
		r := record(f)
		return m.saveRecord(fs, func(s *store.Store) error { return s.SetPlaque(m.env.Ctx, &r) },
			m.t(i18n.PlqSaved, name, model.PlaqueStates.Label(r.State, m.env.Lang), r.Date))
	}
	m.stack.Push(fs)
	return nil
}

// openConfirmForm records the year's confirmation of a recipient, made without a visit.
func (m *Model) openConfirmForm(person int64, name string) tea.Cmd {
	f := components.NewForm(m.env.Lang, m.t(i18n.CnfFormTitle, name), []*components.Field{
		m.dateField("Date"),
		{Key: "Method", Label: m.t(i18n.LabelConfirmMethod), Kind: components.KindPick, Options: m.enumOptions(model.ConfirmMethods, false)},
		{Key: "ConfirmedBy", Label: m.t(i18n.LabelConfirmedBy), Max: model.MaxLineText},
		{Key: "Note", Label: m.label("Note"), Max: model.MaxLineText},
	})
	f.SetValue("Date", m.today())
	f.SetValue("Method", model.ConfirmVideo) // a home visit confirms through the visit form (F5)
	f.SetValue("ConfirmedBy", m.settings.Operator)
	fs := components.NewFormScreen(m.env, m.stack, f)
	record := func(f *components.Form) model.Confirmation {
		return model.Confirmation{PersonID: person, Date: f.Value("Date"), Method: f.Value("Method"),
			ConfirmedBy: strings.TrimSpace(f.Value("ConfirmedBy")), Note: strings.TrimSpace(f.Value("Note"))}
	}
	fs.Validate = func(f *components.Form) []model.Problem {
		c := record(f)
		return model.ValidateConfirmation(&c, m.now()).Errors
	}
	fs.Save = func(f *components.Form) tea.Cmd {
		c := record(f)
		return m.saveRecord(fs, func(s *store.Store) error { return s.Confirm(m.env.Ctx, &c) }, m.t(i18n.CnfSaved, name, c.Date))
	}
	m.stack.Push(fs)
	return nil
}

// saveRecord saves what form fs describes off the event loop, then closes the form with
// done on the status line (Ctrl+Z undoes it) and tells the tabs; a refusal goes back to
// the form's fields.
func (m *Model) saveRecord(fs *components.FormScreen, save func(*store.Store) error, done string) tea.Cmd {
	s := m.store()
	return m.run(func() func() tea.Cmd {
		err := save(s)
		return func() tea.Cmd {
			if err != nil {
				return fs.Failed(err)
			}
			fs.Saved()
			m.stack.PopTo(fs)
			m.stack.Pop()
			return tea.Batch(tab.Status(done, true), m.changed())
		}
	})
}
