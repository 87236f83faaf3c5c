package families

import (
	"context"
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/ui/components"
	"shuangyong/ui/i18n"
	"shuangyong/ui/tab"
	"shuangyong/ui/textwidth"
)

// personForm is the add/edit form of a person: the shared form screen, with the
// duplicate check before a save.
type personForm struct {
	*components.FormScreen
	form   *components.Form
	table  components.Fields[personRow]
	base   personRow // the record edited (ID and fields the form does not show)
	dupsOK bool      // the user saw the duplicate warning and chose to save
	// idBirth and idSex are the birth date and sex last filled in from the ID number:
	// while they stand as filled, a changed ID number fills them again.
	idBirth, idSex string
}

// enumOptions turns an enumeration into pick-list options, with a "not set" first when
// unset is true.
func (m *Model) enumOptions(e model.Enum, unset bool) []components.Option {
	var out []components.Option
	if unset {
		out = append(out, components.Option{Value: "", Label: m.t(i18n.FormUnset)})
	}
	for _, o := range e {
		out = append(out, components.Option{Value: o.Code, Label: o.Label(m.env.Lang)})
	}
	return out
}

func (m *Model) yesNoOptions() []components.Option {
	return []components.Option{{Value: "", Label: m.t(i18n.FormNo)}, {Value: "1", Label: m.t(i18n.FormYes)}}
}

func hasAny(f *components.Form, pred func(string) bool) bool {
	for _, c := range f.Values("Categories") {
		if pred(c) {
			return true
		}
	}
	return false
}

// splitComma splits a multi-pick's value ("a,b") into its codes.
func splitComma(v string) []string {
	if v == "" {
		return nil
	}
	return strings.Split(v, ",")
}

func boolValue(b bool) string {
	if b {
		return "1"
	}
	return ""
}

func itoaOrEmpty(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func idOrEmpty(n int64) string {
	if n == 0 {
		return ""
	}
	return strconv.FormatInt(n, 10)
}

// formPerson builds the person the form describes, over the record being edited.
func formPerson(pf *personForm) model.Person {
	r := pf.base
	pf.table.Apply(pf.form, &r)
	return r.Person
}

// openPersonForm opens the form on p (a zero Person adds one). village names p's
// village when it is no longer on the settings' list.
func (m *Model) openPersonForm(p model.Person, village string) tea.Cmd {
	title := m.t(i18n.FormAddPerson)
	if p.ID != 0 {
		title = m.t(i18n.FormEditPerson, textwidth.Clean(p.Name))
	} else {
		p.Status = model.StatusActive
		p.RegisteredOn = m.today()
	}
	table := m.personTable(p, personView{}).defs()
	base := personRow{Person: p}
	f := table.Form(m.env.Lang, title, &base)
	pf := &personForm{FormScreen: components.NewFormScreen(m.env, m.stack, f), form: f, base: base, table: table}
	f.OnLeave = func(f *components.Form, key string) { m.personLeft(pf, key) }
	f.OnChange = func(f *components.Form, key string) {
		if key == "Categories" {
			m.personNotes(pf)
		}
	}
	pf.Validate = func(f *components.Form) []model.Problem {
		p := formPerson(pf)
		ps := model.ValidatePerson(&p, m.now()).Errors
		if f.Value("Household") == "join" && strings.TrimSpace(f.Value("HouseholdWith")) == "" {
			ps = append(ps, model.Problem{Field: "HouseholdWith", Code: "required",
				Zh: i18n.T(model.Zh, i18n.FormHouseholdWithEmpty), En: i18n.T(model.En, i18n.FormHouseholdWithEmpty)})
		}
		return ps
	}
	pf.Save = func(*components.Form) tea.Cmd { return m.savePerson(pf) }
	pf.Closed = m.list.wl.FetchIfMissing
	m.stack.Push(pf)
	m.personNotes(pf)
	return nil
}

// personLeft checks the field just left against the model's rules (with the record as a
// whole, so that e.g. a sex contradicting the ID number is caught), writes back the
// normalised value, fills birth date and sex from a valid ID number, and refreshes the
// notes about what is still missing.
func (m *Model) personLeft(pf *personForm, key string) {
	f := pf.form
	if key == "IDNumber" {
		m.fillFromID(pf)
	}
	p := formPerson(pf)
	ps := model.ValidatePerson(&p, m.now())
	if fl := f.Field(key); fl != nil && fl.Kind == components.KindText && fl.Check != nil && f.Error(key) != "" {
		m.personNotes(pf)
		return // the field's own check already complained
	}
	msg := ""
	for _, e := range ps.Errors {
		if e.Field == key {
			msg = e.Message(m.env.Lang)
			break
		}
	}
	f.SetError(key, msg)
	if msg == "" {
		if fl := f.Field(key); fl != nil && fl.Kind == components.KindText && key != "HouseholdWith" {
			f.SetValue(key, pf.table.Value(key, &personRow{Person: p})) // the normalised value (not a field of the person: left as typed)
		}
	}
	// A field that depends on this one may now be right or wrong (sex against ID).
	for _, dep := range [][2]string{{"IDNumber", "Sex"}, {"IDNumber", "BirthDate"}, {"Sex", "IDNumber"}, {"BirthDate", "IDNumber"}} {
		if dep[0] == key && f.Error(dep[1]) != "" {
			still := ""
			for _, e := range ps.Errors {
				if e.Field == dep[1] {
					still = e.Message(m.env.Lang)
				}
			}
			f.SetError(dep[1], still)
		}
	}
	m.personNotes(pf)
}

// fillFromID fills birth date and sex from a valid ID number: when they are empty, or
// still what an earlier ID number filled in (the ID was corrected: so are they).
func (m *Model) fillFromID(pf *personForm) {
	f := pf.form
	info, err := model.ParseIDNumber(f.Value("IDNumber"), m.now())
	if err != nil {
		return
	}
	if b := f.Value("BirthDate"); b == "" || b == pf.idBirth {
		f.SetValue("BirthDate", info.BirthDate)
		f.SetError("BirthDate", "")
		pf.idBirth = info.BirthDate
	}
	if sx := f.Value("Sex"); sx == "" || sx == pf.idSex {
		f.SetValue("Sex", info.Sex)
		f.SetError("Sex", "")
		pf.idSex = info.Sex
	}
}

// householdOptions are the choices of the form's 户 field: keep the household p is in
// (naming its other members when the detail has them), live alone, or join someone's.
func (m *Model) householdOptions(p model.Person) []components.Option {
	var opts []components.Option
	if p.ID != 0 && p.HouseholdID != 0 {
		label := m.t(i18n.FormHouseholdKeep)
		if d := m.detail(); d != nil && d.id == p.ID {
			var names []string
			for _, h := range d.msg.household {
				if h.ID != p.ID {
					names = append(names, h.Name)
				}
			}
			if len(names) > 3 {
				names = append(names[:3], "...")
			}
			if len(names) > 0 {
				label = m.t(i18n.FormHouseholdKeepWith, i18n.JoinList(m.env.Lang, names))
			}
		}
		opts = append(opts, components.Option{Value: "keep", Label: label})
	}
	return append(opts,
		components.Option{Value: "alone", Label: m.t(i18n.FormHouseholdAlone)},
		components.Option{Value: "join", Label: m.t(i18n.FormHouseholdJoin)})
}

// personNotes shows the gaps (待补充) of the record at their fields.
func (m *Model) personNotes(pf *personForm) {
	f := pf.form
	p := formPerson(pf)
	f.ClearNotes()
	for _, g := range model.NeedsCompletion(&p) {
		f.SetNote(g.Field, g.Message(m.env.Lang))
	}
	if len(m.villages) == 0 {
		f.SetNote("VillageID", m.t(i18n.FormNoVillages)) // a blank file: say where they come from
	}
}

// load reads a person (and for a visit, the amount to offer) before opening a form over
// the screen on top now (the list, or detail). back is the tab to return to after the
// form (-1: this one).
func (m *Model) load(id int64, why purpose, detail *detailScreen, back tab.ID) tea.Cmd {
	seq := m.next()
	m.openSeq = seq
	m.opening, m.early = true, nil
	top := m.stack.Top()
	s, ctx := m.store(), m.env.Ctx
	return m.run(func() func() tea.Cmd {
		p, err := s.Person(ctx, id)
		if err == nil && p.DeletedAt != "" {
			err = &store.Error{Kind: store.ErrNotFound}
		}
		var amount int64
		var visit visitOptions
		if err == nil && why != forEdit {
			amount, err = s.LastAmountFor(ctx, id)
		}
		if err == nil && why != forEdit && p.SubsidyStatus == model.SubsidyReceiving {
			// A recipient not yet confirmed this year can be confirmed by this visit.
			var done []model.Confirmation
			done, err = s.ConfirmationsOf(ctx, id)
			visit.confirmable = true
			for _, c := range done {
				if c.Year() == m.now().Year() {
					visit.confirmable = false
				}
			}
			visit.confirm = visit.confirmable && why == forVisitConfirm
		}
		return func() tea.Cmd {
			if seq != m.openSeq {
				return nil
			}
			early := m.early
			m.opening, m.early = false, nil
			if err != nil {
				if store.KindOf(err) == store.ErrNotFound {
					return tea.Batch(tab.StatusError(m.t(i18n.FamGone)), m.list.wl.Refresh())
				}
				return tab.StatusError(m.errText(err))
			}
			if m.stack.Top() != top {
				return nil // the user moved on meanwhile
			}
			var open tea.Cmd
			if why != forEdit {
				open = m.openVisitForm(p, amount, back, visit)
			} else {
				village := ""
				if detail != nil {
					village = detail.msg.village
				}
				open = m.openPersonForm(p, village)
			}
			cmds := []tea.Cmd{open}
			for _, k := range early {
				cmds = append(cmds, m.Update(k))
			}
			return tea.Batch(cmds...)
		}
	})
}

// purpose says what a loaded person is for.
type purpose int

const (
	forEdit purpose = iota
	forVisit
	forVisitConfirm // a visit that also makes the year's confirmation (年度确认 list)
)

// savePerson saves the form's person, after warning once of possible duplicates when
// the save could make one (the form's fields have passed their checks).
func (m *Model) savePerson(pf *personForm) tea.Cmd {
	p := formPerson(pf)
	with := ""
	if pf.form.Value("Household") == "join" {
		with = strings.TrimSpace(pf.form.Value("HouseholdWith"))
	}
	s, ctx := m.store(), m.env.Ctx
	if !pf.dupsOK && m.mayDuplicate(pf.base.Person, p) {
		return m.run(func() func() tea.Cmd {
			_, err := m.householdTarget(ctx, p, with)
			var dups []model.Person
			if err == nil {
				dups, err = s.Duplicates(ctx, p)
			}
			return func() tea.Cmd { return m.onDuplicates(pf, dups, err) }
		})
	}
	return m.run(func() func() tea.Cmd {
		created := p.ID == 0
		joinWith, err := m.householdTarget(ctx, p, with)
		if err == nil {
			err = s.SavePerson(ctx, &p, joinWith)
		}
		return func() tea.Cmd { return m.onSavedPerson(pf, p, created, err) }
	})
}

// householdTarget finds the one person whose household p is to join, from what was typed
// (a name, initials, the last digits of an ID or phone): none or several found is a
// problem at the field, naming those found.
func (m *Model) householdTarget(ctx context.Context, p model.Person, with string) (int64, error) {
	if with == "" {
		return 0, nil
	}
	page, err := m.store().SearchPeople(ctx, store.PeopleQuery{Text: with, Limit: 6})
	if err != nil {
		return 0, err
	}
	var found []store.PersonRow
	for _, r := range page.Rows {
		if r.ID != p.ID {
			found = append(found, r)
		}
	}
	switch {
	case len(found) == 0:
		return 0, householdProblem(i18n.FormHouseholdNone, []any{with})
	case len(found) > 1:
		var names []string
		for i, r := range found {
			if i == 3 {
				names = append(names, "...")
				break
			}
			names = append(names, nameVillage(m, r.Name, r.VillageName))
		}
		return 0, householdProblem(i18n.FormHouseholdMany, []any{page.Total, i18n.JoinList(m.env.Lang, names)})
	}
	return found[0].ID, nil
}

// householdProblem is a refusal at the 同户人 field, in both languages.
func householdProblem(k i18n.Key, args []any) error {
	return &store.ValidationError{Problems: model.Problems{Errors: []model.Problem{{Field: "HouseholdWith",
		Code: "household", Zh: i18n.T(model.Zh, k, args...), En: i18n.T(model.En, k, args...)}}}}
}

// nameVillage is 「张三（李家村）」, or the name alone when the village is not known.
func nameVillage(m *Model, name, village string) string {
	if strings.TrimSpace(village) == "" {
		return name
	}
	return m.t(i18n.FamNameVillage, name, village)
}

// mayDuplicate reports whether saving p over before could make a duplicate: p is new, or
// something store.Duplicates matches on changed (name, birth date, village, ID number).
// A record kept after the warning is not asked about again on every later edit.
func (m *Model) mayDuplicate(before, p model.Person) bool {
	if p.ID == 0 {
		return true
	}
	model.ValidatePerson(&p, m.now()) // compared as they would be stored
	return p.Name != before.Name || p.BirthDate != before.BirthDate || p.VillageID != before.VillageID ||
		p.IDNumber != before.IDNumber
}

func (m *Model) onDuplicates(pf *personForm, dups []model.Person, err error) tea.Cmd {
	if err != nil {
		return pf.Failed(err)
	}
	if len(dups) == 0 {
		pf.dupsOK = true
		return m.savePerson(pf)
	}
	pf.Resume()
	var lines []string
	for i, d := range dups {
		if i == 3 {
			lines = append(lines, "...")
			break
		}
		line := nameVillage(m, d.Name, m.villageName(d.VillageID))
		if d.BirthDate != "" {
			line += m.t(i18n.FamDupBorn, d.BirthDate)
		}
		if d.IDNumber != "" {
			line += m.t(i18n.FamDupID, model.MaskID(d.IDNumber))
		}
		lines = append(lines, line)
	}
	m.stack.Ask(components.NewDialog(m.t(i18n.FamDupTitle), m.t(i18n.FamDupBody, strings.Join(lines, "\n")),
		m.t(i18n.FamDupYes), m.t(i18n.FamDupNo), false),
		func(yes bool) tea.Cmd {
			if !yes {
				return nil
			}
			pf.dupsOK = true
			return pf.SaveNow()
		})
	return nil
}

func (m *Model) onSavedPerson(pf *personForm, p model.Person, created bool, err error) tea.Cmd {
	if err != nil {
		return pf.Failed(err)
	}
	pf.Saved()
	text := m.t(i18n.FamSaved, p.Name)
	if created {
		text = m.t(i18n.FamAdded, p.Name)
	}
	cmds := []tea.Cmd{tab.Status(text, true), m.changed()}
	// Show the saved record: its detail is the proof it was stored (an open one reloads
	// with the change notice).
	m.stack.PopTo(pf)
	m.stack.Pop()
	if d, ok := m.stack.Top().(*detailScreen); ok && d.id == p.ID {
		return tea.Batch(cmds...)
	}
	return tea.Batch(append(cmds, m.openDetail(p.ID, m.villageName(p.VillageID), -1))...)
}
