package families

import (
	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/ui/components"
	"shuangyong/ui/i18n"
	"shuangyong/ui/tab"
	"shuangyong/ui/textwidth"
)

// visitForm records one visit to a person (workflow W1): it opens with today's date, the
// type 走访慰问 (fixed), mode 入户 and the amount last given for the person's category.
type visitForm struct {
	form   *components.Form
	person model.Person
	from   mode
	seq    uint64
	saving bool
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

// openVisitForm opens the visit form for p, offering amount (分).
func (m *Model) openVisitForm(p model.Person, amount int64, from mode) tea.Cmd {
	f := components.NewForm(m.env.Lang, m.t(i18n.FormVisit, textwidth.Clean(p.Name)), m.visitFields())
	f.SetValue("Date", m.today())
	f.SetValue("Occasion", "routine")
	f.SetValue("Mode", "home")
	f.SetValue("Visitors", m.settings.Operator)
	if amount > 0 {
		f.SetValue("MoneyFen", model.FormatYuan(amount))
	}
	f.SetSize(m.width, m.height)
	vf := &visitForm{form: f, person: p, from: from}
	f.OnLeave = func(f *components.Form, key string) { m.visitLeft(vf, key) }
	m.vform = vf
	m.mode = modeVisitForm
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

func (m *Model) visitFormKey(msg tea.KeyMsg) tea.Cmd {
	vf := m.vform
	if vf.saving {
		return nil
	}
	switch vf.form.Update(msg) {
	case components.ActionCancel:
		return m.askDiscard(vf.form, vf.from)
	case components.ActionSave:
		return m.saveVisit()
	}
	return nil
}

func (m *Model) saveVisit() tea.Cmd {
	vf := m.vform
	f := vf.form
	f.ClearErrors()
	f.CheckAll()
	ps := m.visitProblems(vf)
	if f.ErrorCount() > 0 || !ps.OK() {
		return m.showProblems(f, ps.Errors)
	}
	ev, v := m.formVisit(vf)
	seq := m.next()
	vf.seq, vf.saving = seq, true
	s, ctx, person := m.store(), m.env.Ctx, vf.person
	return func() tea.Msg {
		err := s.RecordVisit(ctx, &ev, &v)
		return savedVisitMsg{seq: seq, visit: v, person: person, err: err}
	}
}

func (m *Model) onSavedVisit(msg savedVisitMsg) tea.Cmd {
	vf := m.vform
	if vf == nil || msg.seq != vf.seq {
		return nil
	}
	vf.saving = false
	if msg.err != nil {
		return m.saveFailed(vf.form, msg.err)
	}
	vf.form.MarkClean()
	text := m.t(i18n.FamVisitSaved, msg.person.Name, msg.visit.Date, model.FormatMoney(msg.visit.MoneyFen))
	cmds := []tea.Cmd{tab.Status(text, true), tab.Changed(tab.Families), m.closeForm(vf.from), m.query(false)}
	if m.detail != nil && m.detail.id == msg.person.ID {
		cmds = append(cmds, m.loadDetail(msg.person.ID))
	}
	return tea.Batch(cmds...)
}
