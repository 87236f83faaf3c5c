package families

import (
	tea "github.com/charmbracelet/bubbletea"
	"strings"

	"shuangyong/model"
	"shuangyong/ui/components"
	"shuangyong/ui/i18n"
	"shuangyong/ui/tab"
	"shuangyong/ui/textwidth"
)

// visitForm records one visit to a person (workflow W1): it opens with today's date, the
// type 走访慰问 (fixed), mode 入户 and the amount last given for the person's category.
type visitForm struct {
	*components.FormScreen
	form   *components.Form
	person model.Person
	back   tab.ID // the tab to return to after the form (-1: this one)
	// noMoneyOK: asked once whether a visit with no 慰问金 and no goods is meant (a phone
	// call is), and the user said yes.
	noMoneyOK bool
	opts      visitOptions
}

// visitOptions say what else the visit form offers for this person.
type visitOptions struct {
	// confirmable: a periodic-subsidy recipient not yet confirmed this year — the visit
	// can make the year's confirmation (年度确认) in the same save; confirm: offered as yes.
	confirmable, confirm bool
}

func (m *Model) visitFields() []*components.Field {
	text := func(key string, max int, hint string) *components.Field {
		return &components.Field{Key: key, Label: m.label(key), Kind: components.KindText, Max: max, Placeholder: hint}
	}
	money := func(key string) *components.Field {
		f := text(key, 20, m.t(i18n.FormMoneyHint))
		f.Check = components.MoneyCheck(m.env.Lang)
		return f
	}
	fixedType := &components.Field{Key: "Type", Label: m.label("Type"), Kind: components.KindFixed}
	fixedType.Options = []components.Option{{Value: model.EventVisit, Label: model.EventTypes.Label(model.EventVisit, m.env.Lang)}}
	return []*components.Field{
		text("Date", 12, m.t(i18n.FormDateHint)),
		fixedType,
		{Key: "Occasion", Label: m.label("Occasion"), Kind: components.KindPick, Options: m.enumOptions(model.Occasions, false)},
		{Key: "Mode", Label: m.label("Mode"), Kind: components.KindPick, Options: m.enumOptions(model.VisitModes, false)},
		text("Visitors", model.MaxLineText, ""),
		money("MoneyFen"),
		text("Goods", model.MaxLineText, ""),
		money("GoodsValueFen"),
		text("Condition", model.MaxLongText, ""),
		text("Need", model.MaxLongText, ""),
		text("FollowUpOn", 12, m.t(i18n.FormDateHint)),
		{Key: "Signed", Label: m.label("Signed"), Kind: components.KindPick, Options: m.yesNoOptions()},
		text("Note", model.MaxLongText, ""),
	}
}

// openVisitForm opens the visit form for p, offering amount (分). back is the tab to
// return to when the form is saved or left (-1: this one).
func (m *Model) openVisitForm(p model.Person, amount int64, back tab.ID, opts visitOptions) tea.Cmd {
	fields := m.visitFields()
	if opts.confirmable {
		fields = append(fields, &components.Field{Key: "Confirm", Label: m.t(i18n.VfConfirm), Kind: components.KindPick,
			Options: m.yesNoOptions(), Placeholder: m.t(i18n.VfConfirmHint)})
	}
	f := components.NewForm(m.env.Lang, m.t(i18n.FormVisit, textwidth.Clean(p.Name)), fields)
	if opts.confirm {
		f.SetValue("Confirm", "1")
	}
	f.SetValue("Date", m.today())
	f.SetValue("Occasion", "routine")
	f.SetValue("Mode", "home")
	f.SetValue("Visitors", m.settings.Operator)
	if amount > 0 {
		f.SetValue("MoneyFen", model.FormatYuan(amount))
	}
	vf := &visitForm{FormScreen: components.NewFormScreen(m.env, m.stack, f), form: f, person: p, back: back, opts: opts}
	f.OnLeave = func(f *components.Form, key string) { m.visitLeft(vf, key) }
	vf.Validate = func(*components.Form) []model.Problem { return m.visitProblems(vf).Errors }
	vf.Save = func(f *components.Form) tea.Cmd {
		if !vf.noMoneyOK && strings.TrimSpace(f.Value("MoneyFen")) == "" && strings.TrimSpace(f.Value("Goods")) == "" &&
			strings.TrimSpace(f.Value("GoodsValueFen")) == "" {
			vf.Resume()
			m.stack.Ask(components.NewDialog(m.t(i18n.FamNoMoneyTitle), m.t(i18n.FamNoMoneyBody), m.t(i18n.FamNoMoneyYes), m.t(i18n.FamNoMoneyNo), false),
				func(yes bool) tea.Cmd {
					if !yes {
						f.Focus("MoneyFen")
						return nil
					}
					vf.noMoneyOK = true
					return vf.SaveNow()
				})
			return nil
		}
		return m.saveVisit(vf)
	}
	vf.Closed = func() tea.Cmd {
		if back >= 0 {
			return tab.Back(back)
		}
		return m.list.wl.FetchIfMissing()
	}
	m.stack.Push(vf)
	return nil
}

// formVisit builds the visit and its event from the form. Money fields already passed
// their own check; a bad one reads as 0 here and is refused by the check at save.
func (m *Model) formVisit(vf *visitForm) (model.Event, model.Visit) {
	f := vf.form
	money, _ := model.ParseMoney(f.Value("MoneyFen"))
	goods, _ := model.ParseMoney(f.Value("GoodsValueFen"))
	v := model.Visit{
		PersonID:      vf.person.ID,
		Date:          f.Value("Date"),
		Mode:          f.Value("Mode"),
		Visitors:      f.Value("Visitors"),
		MoneyFen:      money,
		Goods:         f.Value("Goods"),
		GoodsValueFen: goods,
		Condition:     f.Value("Condition"),
		Need:          f.Value("Need"),
		FollowUpOn:    f.Value("FollowUpOn"),
		Signed:        f.Value("Signed") == "1",
		Note:          f.Value("Note"),
	}
	ev := model.Event{Occasion: f.Value("Occasion"), Organiser: m.settings.Office}
	return ev, v
}

func (m *Model) visitProblems(vf *visitForm) model.Problems {
	_, v := m.formVisit(vf)
	v.EventID = -1 // set by the store when it saves the event with the visit
	return model.ValidateVisit(&v, m.now())
}

func (m *Model) visitLeft(vf *visitForm, key string) {
	f := vf.form
	if f.Error(key) != "" {
		return
	}
	ps := m.visitProblems(vf)
	for _, e := range ps.Errors {
		if e.Field == key {
			f.SetError(key, e.Message(m.env.Lang))
			return
		}
	}
	if key == "Date" || key == "FollowUpOn" {
		if iso, err := model.ParseDateField(key, f.Value(key), m.now(), false); err == nil {
			f.SetValue(key, iso)
		}
	}
}

func (m *Model) saveVisit(vf *visitForm) tea.Cmd {
	ev, v := m.formVisit(vf)
	s, ctx, person := m.store(), m.env.Ctx, vf.person
	var confirm *model.Confirmation
	if vf.opts.confirmable && vf.form.Value("Confirm") == "1" {
		confirm = &model.Confirmation{Method: confirmMethodOf(v.Mode)}
	}
	return m.run(func() func() tea.Cmd {
		err := s.RecordVisitConfirm(ctx, &ev, &v, confirm)
		return func() tea.Cmd { return m.onSavedVisit(vf, v, person, err) }
	})
}

func (m *Model) onSavedVisit(vf *visitForm, v model.Visit, person model.Person, err error) tea.Cmd {
	if err != nil {
		return vf.Failed(err)
	}
	vf.Saved()
	text := m.t(i18n.FamVisitSaved, person.Name, v.Date, model.FormatMoney(v.MoneyFen))
	m.stack.PopTo(vf)
	m.stack.Pop()
	cmds := []tea.Cmd{tab.Status(text, true), m.changed()}
	if vf.back >= 0 {
		cmds = append(cmds, tab.Back(vf.back))
	}
	return tea.Batch(cmds...)
}

// confirmMethodOf is how a visit of a mode confirms: at home (入户, and at a gathering or a
// forum, where the recipient is seen in person), by video (微信), otherwise 其他.
func confirmMethodOf(mode string) string {
	switch mode {
	case "home", "gathering", "forum":
		return model.ConfirmHome
	case "wechat":
		return model.ConfirmVideo
	}
	return model.ConfirmOther
}
