package events

import (
	"errors"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/ui/components"
	"shuangyong/ui/i18n"
	"shuangyong/ui/keys"
	"shuangyong/ui/tab"
	"shuangyong/ui/textwidth"
)

// Rows the form offers for units and items: one more appears as the last one is filled.
const (
	maxUnitRows = 10
	maxItemRows = 15
)

// formScreen is F2/F4: every field of the event (SPEC.md §4), its units as rows of a name
// typed in part and a role, its items as rows of name, quantity and counting unit. Each
// field is checked as focus leaves it; Ctrl+S saves the whole event in one transaction.
type formScreen struct {
	t       *Tab
	base    store.EventRow // the stored event; ID 0 for a new one
	figs    visitFigures   // a visit round's figures, shown
	form    *components.Form
	failed  string
	saving  bool
	seq     uint64
	dirSet  bool // the direction was chosen by hand: the type no longer sets it
	unitIDs [maxUnitRows]int64
}

type editLoadedMsg struct {
	sc   *formScreen
	ev   model.Event
	figs visitFigures
	err  error
}

func (editLoadedMsg) Target() tab.ID { return tab.Events }

type savedMsg struct {
	sc      *formScreen
	ev      model.Event
	created bool
	err     error
}

func (savedMsg) Target() tab.ID { return tab.Events }

type trashedMsg struct {
	id    int64
	title string
	err   error
}

func (trashedMsg) Target() tab.ID { return tab.Events }

// openForm pushes the form for a new event (base nil) or a loaded one.
func (t *Tab) openForm(base *store.EventRow) tea.Cmd {
	sc := &formScreen{t: t}
	if base == nil {
		sc.base = store.EventRow{Event: model.Event{Date: t.today(), Type: model.EventForum, Direction: model.DirToMilitary,
			Organiser: t.settings.Office}}
		if t.year != t.env.Now().Year() {
			sc.base.Date = ""
		}
	} else {
		sc.base = *base
		sc.dirSet = base.Direction != model.DefaultDirection(base.Type)
	}
	sc.build()
	t.stack.Push(sc)
	return nil
}

// editEvent reads an event and opens the form on it.
func (t *Tab) editEvent(id int64) tea.Cmd {
	sc := &formScreen{t: t, base: store.EventRow{Event: model.Event{ID: id}}}
	t.stack.Push(sc)
	s, ctx := t.env.Store, t.env.Ctx
	return func() tea.Msg {
		msg := editLoadedMsg{sc: sc}
		msg.ev, msg.err = s.Event(ctx, id)
		if msg.err == nil && msg.ev.DeletedAt != "" {
			msg.err = &store.Error{Kind: store.ErrNotFound}
		}
		if msg.err == nil && msg.ev.Type == model.EventVisit {
			f := &msg.figs
			f.n, f.money, f.goods, f.openNeeds, msg.err = s.EventVisitFigures(ctx, id)
		}
		return msg
	}
}

func rowKey(kind string, i int) string { return kind + "." + strconv.Itoa(i) }

// build makes the form from the field table, with the units' and items' rows.
func (sc *formScreen) build() {
	t := sc.t
	fs := t.fields()
	var fields []*components.Field
	visitType := func(f *components.Form) bool { return f.Value("Type") == model.EventVisit }
	heading := func(key, label, hint string) {
		fields = append(fields, &components.Field{Key: key, Label: label, Kind: components.KindHeading, Placeholder: hint})
	}
	for i := range fs {
		d := &fs[i]
		if d.Set == nil {
			continue
		}
		switch d.Key {
		case "Participants":
			heading("#figures", t.t(i18n.EvFormFigures), "")
			fields = append(fields, &components.Field{Key: "#visitfig", Label: t.t(i18n.EvLabelFromVisit), Kind: components.KindFixed, Visible: visitType})
		case "StandardMoneyFen":
			heading("#campaign", t.t(i18n.EvFormCampaign), "")
			fields[len(fields)-1].Visible = visitType
		case "Note":
			sc.rows(&fields)
			heading("#other", t.t(i18n.EvFormOther), "")
		}
		fl := &components.Field{Key: d.Key, Label: d.Label, Kind: d.Kind, Options: d.Options, Max: d.Max, Placeholder: d.Placeholder, Check: d.Check}
		switch {
		case typedFigures[d.Key]:
			fl.Visible = func(f *components.Form) bool { return !visitType(f) }
		case campaignOnly[d.Key]:
			fl.Visible = visitType
		}
		fields = append(fields, fl)
	}
	title := t.t(i18n.EvFormAdd)
	if sc.base.ID != 0 {
		title = t.t(i18n.EvFormEdit, textwidth.Clean(sc.base.Title))
	}
	f := components.NewForm(t.env.Lang, title, fields)
	for i := range fs {
		if fs[i].Set != nil {
			f.SetValue(fs[i].Key, fs[i].Get(&sc.base))
		}
	}
	for i := 0; i < maxUnitRows; i++ {
		role := "cohost"
		if i == 0 {
			role = "host"
		}
		if i < len(sc.base.Units) {
			u := sc.base.Units[i]
			f.SetValue(rowKey("Unit", i), u.Name)
			role = u.Role
			sc.unitIDs[i] = u.UnitID
		}
		f.SetValue(rowKey("Role", i), role)
	}
	for i, it := range sc.base.Items {
		if i >= maxItemRows {
			break
		}
		f.SetValue(rowKey("Item", i), it.Name)
		f.SetValue(rowKey("Qty", i), strconv.FormatInt(it.Quantity, 10))
		f.SetValue(rowKey("ItemUnit", i), it.Unit)
		if it.Parent > 0 && it.Parent <= maxItemRows {
			f.SetValue(rowKey("ItemOf", i), strconv.Itoa(it.Parent-1))
		}
	}
	sc.showVisitFigures(f)
	f.OnChange = sc.changed
	f.OnLeave = sc.left
	sc.form = f
}

// rows appends the units' and the items' rows, each shown once the row above has a name.
func (sc *formScreen) rows(fields *[]*components.Field) {
	t := sc.t
	shownAfter := func(kind string, i int) func(f *components.Form) bool {
		return func(f *components.Form) bool {
			return i == 0 || strings.TrimSpace(f.Value(rowKey(kind, i-1))) != "" || f.Value(rowKey(kind, i)) != ""
		}
	}
	named := func(kind string, i int) func(f *components.Form) bool {
		return func(f *components.Form) bool { return strings.TrimSpace(f.Value(rowKey(kind, i))) != "" }
	}
	*fields = append(*fields, &components.Field{Key: "#units", Label: t.t(i18n.EvFormUnits), Kind: components.KindHeading,
		Placeholder: t.t(i18n.EvFormUnitsHint)})
	roles := components.EnumOptions(model.UnitRoles, t.env.Lang, "")
	for i := 0; i < maxUnitRows; i++ {
		*fields = append(*fields,
			&components.Field{Key: rowKey("Unit", i), Label: t.t(i18n.EvLabelUnit, i+1), Max: model.MaxUnitName, Visible: shownAfter("Unit", i)},
			&components.Field{Key: rowKey("Role", i), Label: t.t(i18n.EvLabelRole), Kind: components.KindPick, Options: roles, Visible: named("Unit", i)})
	}
	*fields = append(*fields, &components.Field{Key: "#items", Label: t.t(i18n.EvFormItems), Kind: components.KindHeading,
		Placeholder: t.t(i18n.EvFormItemsHint)})
	for i := 0; i < maxItemRows; i++ {
		*fields = append(*fields,
			&components.Field{Key: rowKey("Item", i), Label: t.t(i18n.EvLabelItem, i+1), Max: model.MaxShortText, Visible: shownAfter("Item", i)},
			&components.Field{Key: rowKey("Qty", i), Label: t.t(i18n.EvLabelQty), Max: 10, Check: sc.quantityCheck, Visible: named("Item", i)},
			&components.Field{Key: rowKey("ItemUnit", i), Label: t.t(i18n.EvLabelItemUnit), Max: 10, Visible: named("Item", i)})
		if i > 0 {
			// A breakdown (其中) of an item above: 「接收军转干部21名，其中男同志18名」.
			of := []components.Option{{Value: "", Label: t.t(i18n.EvItemOfNone)}}
			for j := 0; j < i; j++ {
				of = append(of, components.Option{Value: strconv.Itoa(j), Label: t.t(i18n.EvItemOf, j+1)})
			}
			*fields = append(*fields, &components.Field{Key: rowKey("ItemOf", i), Label: t.t(i18n.EvLabelItemOf), Kind: components.KindPick,
				Options: of, Visible: named("Item", i)})
		}
	}
}

func (sc *formScreen) quantityCheck(s string) (string, string) {
	s = strings.TrimSpace(foldDigits(s))
	if s == "" {
		return "", ""
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 || n > model.MaxCount {
		return s, sc.t.t(i18n.EvFormQtyBad)
	}
	return strconv.FormatInt(n, 10), ""
}

// showVisitFigures writes a visit round's figures into its shown field.
func (sc *formScreen) showVisitFigures(f *components.Form) {
	text := sc.t.t(i18n.EvFormVisitNew)
	if sc.base.ID != 0 && sc.base.Type == model.EventVisit {
		text = sc.t.t(i18n.EvFormVisitFig, sc.figs.n, model.FormatMoney(sc.figs.money+sc.figs.goods))
	}
	f.SetValue("#visitfig", text)
}

// rowIndex splits a row key ("Unit.3") into its kind and index.
func rowIndex(key string) (string, int) {
	kind, n, ok := strings.Cut(key, ".")
	if !ok {
		return key, -1
	}
	i, err := strconv.Atoi(n)
	if err != nil {
		return key, -1
	}
	return kind, i
}

// changed reacts to a key that changed a field: the direction follows the type until
// chosen by hand; a unit row lists the units its text matches; an item row the items
// used before.
func (sc *formScreen) changed(f *components.Form, key string) {
	switch key {
	case "Type":
		if !sc.dirSet {
			f.SetValue("Direction", model.DefaultDirection(f.Value("Type")))
		}
		return
	case "Direction":
		sc.dirSet = true
		return
	}
	kind, i := rowIndex(key)
	switch kind {
	case "Unit":
		sc.unitIDs[i] = 0
		f.SetNote(key, sc.unitHint(f.Value(key)))
	case "Item":
		f.SetNote(key, sc.itemHint(f.Value(key)))
	}
}

func (sc *formScreen) matchUnits(text string) (exact *store.UnitChoice, matches []store.UnitChoice) {
	w := strings.ToLower(strings.TrimSpace(text))
	for i, u := range sc.t.units {
		name := strings.ToLower(u.Name)
		if name == w {
			exact = &sc.t.units[i]
		}
		if strings.Contains(name, w) {
			matches = append(matches, u)
		}
	}
	return exact, matches
}

func (sc *formScreen) unitHint(text string) string {
	if strings.TrimSpace(text) == "" || !sc.t.unitsLoaded {
		return ""
	}
	_, ms := sc.matchUnits(text)
	if len(ms) == 0 {
		return sc.t.t(i18n.EvFormUnitNone, strings.TrimSpace(text))
	}
	return sc.t.t(i18n.EvFormUnitMatch, sc.names(ms, 4))
}

func (sc *formScreen) names(ms []store.UnitChoice, n int) string {
	var names []string
	for i, u := range ms {
		if i == n {
			names = append(names, "...")
			break
		}
		names = append(names, u.Name)
	}
	return i18n.JoinList(sc.t.env.Lang, names)
}

func (sc *formScreen) itemHint(text string) string {
	w := strings.TrimSpace(text)
	if w == "" {
		return ""
	}
	var out []string
	for _, it := range sc.t.items {
		if strings.Contains(it.Name, w) && it.Name != w {
			s := it.Name
			if it.Unit != "" {
				s += "（" + it.Unit + "）"
			}
			out = append(out, s)
			if len(out) == 5 {
				break
			}
		}
	}
	if len(out) == 0 {
		return ""
	}
	return sc.t.t(i18n.EvFormItemUsed, i18n.JoinList(sc.t.env.Lang, out))
}

// resolveUnit chooses the unit a row's text names, or says why it cannot.
func (sc *formScreen) resolveUnit(f *components.Form, i int) {
	key := rowKey("Unit", i)
	text := strings.TrimSpace(f.Value(key))
	f.SetNote(key, "")
	if text == "" {
		sc.unitIDs[i] = 0
		f.SetError(key, "")
		return
	}
	if sc.unitIDs[i] != 0 {
		return
	}
	if !sc.t.unitsLoaded {
		f.SetError(key, sc.t.t(i18n.EvFormUnitNoList))
		return
	}
	exact, ms := sc.matchUnits(text)
	switch {
	case exact != nil:
		sc.unitIDs[i] = exact.ID
		f.SetValue(key, exact.Name)
	case len(ms) == 1:
		sc.unitIDs[i] = ms[0].ID
		f.SetValue(key, ms[0].Name)
	case len(ms) == 0:
		f.SetError(key, sc.t.t(i18n.EvFormUnitNone, text))
	default:
		f.SetError(key, sc.t.t(i18n.EvFormUnitMany, len(ms), text, sc.names(ms, 3)))
	}
}

// left checks what a field's leaving settles: a unit row's unit, an item's counting unit
// from its use before, and the event's own rules on the field left (end before start,
// more military than participants).
func (sc *formScreen) left(f *components.Form, key string) {
	kind, i := rowIndex(key)
	switch kind {
	case "Unit":
		sc.resolveUnit(f, i)
		return
	case "Item":
		f.SetNote(key, "")
		name := strings.TrimSpace(f.Value(key))
		if f.Value(rowKey("ItemUnit", i)) == "" {
			for _, it := range sc.t.items {
				if it.Name == name && it.Unit != "" {
					f.SetValue(rowKey("ItemUnit", i), it.Unit)
					break
				}
			}
		}
		return
	}
	if f.Error(key) != "" {
		return
	}
	ev := sc.event()
	for _, p := range model.ValidateEvent(&ev.Event, sc.t.env.Now()).Errors {
		if p.Field == key || (key == "Participants" && p.Field == "MilitaryParticipants") {
			f.SetError(p.Field, p.Message(sc.t.env.Lang))
		}
	}
}

// event is the event as the form stands.
func (sc *formScreen) event() store.EventRow {
	f := sc.form
	r := sc.base
	sc.t.fields().Apply(f, &r)
	r.Units = nil
	for i := 0; i < maxUnitRows; i++ {
		if strings.TrimSpace(f.Value(rowKey("Unit", i))) == "" {
			continue
		}
		r.Units = append(r.Units, model.EventUnit{UnitID: sc.unitIDs[i], Role: f.Value(rowKey("Role", i)), Name: f.Value(rowKey("Unit", i))})
	}
	r.Items = nil
	place := map[int]int{} // form row -> place among the items kept (empty rows are skipped)
	for i := 0; i < maxItemRows; i++ {
		name := strings.TrimSpace(f.Value(rowKey("Item", i)))
		if name == "" {
			continue
		}
		q, _ := strconv.ParseInt(strings.TrimSpace(foldDigits(f.Value(rowKey("Qty", i)))), 10, 64)
		it := model.Item{Name: name, Quantity: q, Unit: strings.TrimSpace(f.Value(rowKey("ItemUnit", i)))}
		if of, err := strconv.Atoi(f.Value(rowKey("ItemOf", i))); err == nil {
			if p, ok := place[of]; ok {
				it.Parent = p + 1
			}
		}
		place[i] = len(r.Items)
		r.Items = append(r.Items, it)
	}
	return r
}

func (sc *formScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case editLoadedMsg:
		if msg.sc == sc {
			return sc.onLoaded(msg)
		}
	case savedMsg:
		if msg.sc == sc {
			return sc.onSaved(msg)
		}
	case tea.KeyMsg:
		return sc.key(msg)
	}
	return nil
}

func (sc *formScreen) onLoaded(msg editLoadedMsg) tea.Cmd {
	if msg.err != nil {
		if store.KindOf(msg.err) == store.ErrNotFound {
			sc.failed = sc.t.t(i18n.EvGone)
		} else {
			sc.failed = sc.t.errText(msg.err)
		}
		return nil
	}
	sc.base = store.EventRow{Event: msg.ev}
	sc.figs = msg.figs
	sc.dirSet = msg.ev.Direction != model.DefaultDirection(msg.ev.Type)
	sc.build()
	return nil
}

func (sc *formScreen) key(msg tea.KeyMsg) tea.Cmd {
	if sc.form == nil {
		if msg.Type == tea.KeyEsc {
			sc.t.stack.PopTo(sc)
			sc.t.stack.Pop()
		}
		return nil
	}
	if sc.saving {
		return nil
	}
	switch sc.form.Update(msg) {
	case components.ActionCancel:
		if !sc.form.Dirty() {
			sc.t.stack.Pop()
			return nil
		}
		t := sc.t
		t.stack.Ask(components.NewDialog(t.t(i18n.DiscardTitle), t.t(i18n.DiscardBody), t.t(i18n.DiscardYes), t.t(i18n.DiscardNo), false),
			func(yes bool) tea.Cmd {
				if yes {
					t.stack.PopTo(sc)
					t.stack.Pop()
				}
				return nil
			})
	case components.ActionSave:
		return sc.save()
	}
	return nil
}

func (sc *formScreen) save() tea.Cmd {
	t := sc.t
	if cmd := t.refuseWrite(); cmd != nil {
		return cmd
	}
	f := sc.form
	f.ClearErrors()
	f.CheckAll()
	seen := map[[2]string]bool{}
	for i := 0; i < maxUnitRows; i++ {
		sc.resolveUnit(f, i)
		key := rowKey("Unit", i)
		if sc.unitIDs[i] != 0 && f.Error(key) == "" {
			k := [2]string{strconv.FormatInt(sc.unitIDs[i], 10), f.Value(rowKey("Role", i))}
			if seen[k] {
				f.SetError(key, t.t(i18n.EvFormUnitTwice))
			}
			seen[k] = true
		}
	}
	for i := 0; i < maxItemRows; i++ {
		if strings.TrimSpace(f.Value(rowKey("Item", i))) == "" &&
			(strings.TrimSpace(f.Value(rowKey("Qty", i))) != "" || strings.TrimSpace(f.Value(rowKey("ItemUnit", i))) != "") {
			f.SetError(rowKey("Item", i), t.t(i18n.EvFormItemNoName))
		}
	}
	r := sc.event()
	ev := r.Event
	ps := model.ValidateEvent(&ev, t.env.Now())
	if f.ErrorCount() > 0 || !ps.OK() {
		return sc.showProblems(ps.Errors)
	}
	sc.saving = true
	created := ev.ID == 0
	s, ctx := t.env.Store, t.env.Ctx
	ev = r.Event
	return func() tea.Msg {
		var err error
		if created {
			err = s.CreateEvent(ctx, &ev)
		} else {
			err = s.UpdateEvent(ctx, &ev)
		}
		return savedMsg{sc: sc, ev: ev, created: created, err: err}
	}
}

func (sc *formScreen) showProblems(ps []model.Problem) tea.Cmd {
	f := sc.form
	rest := components.ShowProblems(f, ps, sc.t.env.Lang)
	f.FocusFirstError()
	if len(rest) > 0 {
		return tab.StatusError(strings.Join(rest, "; "))
	}
	return tab.StatusError(sc.t.t(i18n.FormHasErrors, max(f.ErrorCount(), 1)))
}

func (sc *formScreen) onSaved(msg savedMsg) tea.Cmd {
	sc.saving = false
	t := sc.t
	if msg.err != nil {
		var ve *store.ValidationError
		if errors.As(msg.err, &ve) {
			return sc.showProblems(ve.Problems.Errors)
		}
		return tab.StatusError(t.errText(msg.err))
	}
	sc.form.MarkClean()
	title := textwidth.Clean(msg.ev.Title)
	if title == "" {
		title = msg.ev.Date + " " + model.EventTypes.Label(msg.ev.Type, t.env.Lang)
	}
	cmds := []tea.Cmd{tab.Changed(tab.Events, tab.KindEvent)}
	if msg.created {
		cmds = append(cmds, tab.Status(t.t(i18n.EvAdded, title), true))
		// The saved event's detail is the proof it was stored.
		d := newDetail(t, msg.ev.ID, tab.Events)
		t.stack.PopTo(sc)
		t.stack.Replace(d)
		cmds = append(cmds, d.load())
	} else {
		cmds = append(cmds, tab.Status(t.t(i18n.EvSaved, title), true))
		t.stack.PopTo(sc)
		t.stack.Pop()
	}
	return tea.Batch(cmds...)
}

// askTrash asks before moving an event (and its visits) to the trash.
func (t *Tab) askTrash(id int64, title, date string, visits int) tea.Cmd {
	if cmd := t.refuseWrite(); cmd != nil {
		return cmd
	}
	name := textwidth.Clean(title)
	t.stack.Ask(components.NewDialog(t.t(i18n.EvTrashTitle), t.t(i18n.EvTrashBody, name, date, max(visits, 0)), t.t(i18n.EvTrashYes), t.t(i18n.DialogNo), false),
		func(yes bool) tea.Cmd {
			if !yes {
				return nil
			}
			s, ctx := t.env.Store, t.env.Ctx
			return func() tea.Msg { return trashedMsg{id: id, title: name, err: s.TrashEvent(ctx, id)} }
		})
	return nil
}

func (t *Tab) onTrashed(msg trashedMsg) tea.Cmd {
	if msg.err != nil {
		return tab.StatusError(t.errText(msg.err))
	}
	// Leave the event's screens (its detail, a visit of it) for the list.
	t.stack.PopTo(t.list)
	return tea.Batch(tab.Status(t.t(i18n.EvTrashed, msg.title), true), tab.Changed(tab.Events, tab.KindEvent, tab.KindVisit))
}

func (sc *formScreen) View(w, h int) string {
	if sc.form == nil {
		text := sc.t.t(i18n.EvDetLoading)
		if sc.failed != "" {
			text = sc.failed
		}
		return components.Notice(w, h, sc.t.t(i18n.EvFormAdd), text)
	}
	sc.form.SetSize(w, h)
	return sc.form.View()
}

func (sc *formScreen) ShortHelp() []key.Binding { return sc.t.kForm.Short() }
func (sc *formScreen) Help() []keys.Group {
	return []keys.Group{{Title: sc.t.t(i18n.GroupForm), Bindings: keys.Dedupe(sc.t.kForm.Full())}}
}
func (sc *formScreen) Modal() bool  { return true }
func (sc *formScreen) Dirty() bool  { return sc.form != nil && sc.form.Dirty() }
func (sc *formScreen) Typing() bool { return sc.form != nil && sc.form.Typing() }
