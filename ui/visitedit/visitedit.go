// Package visitedit is the screen that corrects one visit after the moment it was typed:
// the amount, the goods and their value, the mode, the need raised and its resolution
// (marked resolved with its date and how), the follow-up date, signed, notes; F8 moves it
// to the trash after a question, from any field (F8 is trash in SPEC.md §2, and no text
// box uses it; Delete, which deletes a character in a text box, does it too on a choice
// field). It is a components.Screen, pushed on the stack of whichever tab opens it — the
// 活动 tab from an event's detail, the 军属 tab from a person's.
//
// AskTrash is the same question and trash without the editor, for Delete on a row of a
// list of visits.
//
// Its store calls answer with messages addressed to that host tab (Options.Host), which
// hands them to its stack: the read and the save as the screen's own messages (it ignores
// answers meant for another screen), the trash as a tab.DoneMsg the stack applies. After a
// save or a trash it pops itself, puts the outcome in the status line and announces
// tab.ChangedMsg{KindVisit, KindEvent} (a 走访慰问 event's figures are its visits').
package visitedit

import (
	"errors"
	"strings"
	"time"

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

// Options say where the screen lives and what it edits.
type Options struct {
	Env tab.Env
	// Host is the tab whose stack holds the screen; its answers are addressed there.
	Host  tab.ID
	Stack *components.Stack
	// VisitID is the visit to edit.
	VisitID int64
	// ReadOnly, when not "", refuses saving and trashing (the file failed its check).
	ReadOnly string
}

// Screen edits one visit.
type Screen struct {
	o      Options
	kForm  keys.Form
	kTrash key.Binding
	kDlg   keys.Dialog

	form    *components.Form
	row     store.VisitRow
	only    bool // the only live visit of a 走访慰问 event (trashing it trashes the event)
	loaded  bool
	failed  string
	saving  bool
	trashed bool
}

// Open makes the screen and returns it with the command that reads the visit; the caller
// pushes the screen and runs the command.
func Open(o Options) (*Screen, tea.Cmd) {
	sc := &Screen{o: o, kForm: keys.NewForm(o.Env.Lang), kDlg: keys.NewDialog(o.Env.Lang),
		kTrash: key.NewBinding(key.WithKeys("f8"), key.WithHelp("F8", i18n.T(o.Env.Lang, i18n.KeyTrash)))}
	return sc, func() tea.Msg {
		msg := loadedMsg{to: o.Host, sc: sc}
		msg.row, msg.only, msg.err = read(o)
		return msg
	}
}

// read reads the visit of o, and whether it is the only live visit of a 走访慰问 event; a
// visit in the trash is not found.
func read(o Options) (r store.VisitRow, only bool, err error) {
	s, ctx := o.Env.Store, o.Env.Ctx
	if r, err = s.VisitRowByID(ctx, o.VisitID); err != nil {
		return r, false, err
	}
	if r.DeletedAt != "" {
		return r, false, &store.Error{Kind: store.ErrNotFound}
	}
	if r.EventType == model.EventVisit {
		_, n, err := s.VisitsOfEvent(ctx, r.EventID, 0, 0)
		return r, n <= 1, err
	}
	return r, false, nil
}

// AskTrash is Delete on a visit's row in a list of visits (an event's people in 活动, a
// person's visits in 军属): it reads visit o.VisitID, asks on o.Stack whether to move it to
// the trash (saying so when it is the only visit of a 走访慰问 event, which goes with it;
// No is the default), and on yes moves it, puts the outcome in the status line and
// announces tab.ChangedMsg{KindVisit, KindEvent} from o.Host. Its store calls answer as
// tab.DoneMsg to o.Host, which the host's components.Stack applies; the question is not
// asked if the screen that asked is no longer in front by then. With o.ReadOnly set it
// refuses at once.
func AskTrash(o Options) tea.Cmd {
	if cmd := refuse(o); cmd != nil {
		return cmd
	}
	asker := o.Stack.Top()
	return tab.Run(o.Host, func() func() tea.Cmd {
		r, only, err := read(o)
		return func() tea.Cmd {
			if err != nil {
				if store.KindOf(err) == store.ErrNotFound {
					return tab.StatusError(i18n.T(o.Env.Lang, i18n.VeGone))
				}
				return tab.StatusError(tab.ErrText(o.Env, err))
			}
			if o.Stack.Top() != asker || o.Stack.Dialog != nil {
				return nil
			}
			confirmTrash(o, r, only, nil, nil)
			return nil
		}
	})
}

// confirmTrash asks whether to move r to the trash; on yes, started (if any) runs, the
// visit is moved off the event loop, and done (if any) runs on the loop with the outcome
// before the status and the change are announced.
func confirmTrash(o Options, r store.VisitRow, only bool, started func(), done func(ok bool)) {
	t := func(k i18n.Key, args ...any) string { return i18n.T(o.Env.Lang, k, args...) }
	name := textwidth.Clean(r.PersonName)
	body := t(i18n.VeTrashBody, name, r.Date)
	if only {
		body = t(i18n.VeTrashLast, name, r.Date, textwidth.Clean(r.EventTitle))
	}
	o.Stack.Ask(components.NewDialog(t(i18n.VeTrashTitle), body, t(i18n.VeTrashYes), t(i18n.DialogNo), false),
		func(yes bool) tea.Cmd {
			if !yes {
				return nil
			}
			if started != nil {
				started()
			}
			s, ctx, id := o.Env.Store, o.Env.Ctx, r.ID
			return tab.Run(o.Host, func() func() tea.Cmd {
				err := s.TrashVisit(ctx, id)
				return func() tea.Cmd {
					if done != nil {
						done(err == nil)
					}
					if err != nil {
						return tab.StatusError(tab.ErrText(o.Env, err))
					}
					return tea.Batch(tab.Status(t(i18n.VeTrashed, name, r.Date), true), tab.Changed(o.Host, tab.KindVisit, tab.KindEvent))
				}
			})
		})
}

type loadedMsg struct {
	to   tab.ID
	sc   *Screen
	row  store.VisitRow
	only bool
	err  error
}

func (m loadedMsg) Target() tab.ID { return m.to }

type savedMsg struct {
	to       tab.ID
	sc       *Screen
	v        model.Visit
	resolved bool // the save marked the need resolved
	err      error
}

func (m savedMsg) Target() tab.ID { return m.to }

func (sc *Screen) t(k i18n.Key, args ...any) string { return i18n.T(sc.o.Env.Lang, k, args...) }

func (sc *Screen) today() string { return sc.o.Env.Now().Format("2006-01-02") }

// Fields is the visit's field table: the editor's form, and the label and text of each
// field wherever a visit is shown in full. The person and the event are shown, not edited.
func Fields(lang model.Lang, now func() time.Time) components.Fields[store.VisitRow] {
	t := func(k i18n.Key) string { return i18n.T(lang, k) }
	money := components.MoneyCheck(lang)
	// date checks a date field as the store will, at the field: the visit's own date is
	// required and, like the date of resolution, cannot be after today.
	date := func(field string, required, notFuture bool) func(string) (string, string) {
		return func(s string) (string, string) {
			if strings.TrimSpace(s) == "" && !required {
				return "", ""
			}
			iso, err := model.ParseDateField(field, s, now(), false)
			if err != nil {
				return s, model.AsProblem(err, field).Message(lang)
			}
			if notFuture && iso > now().Format("2006-01-02") {
				if field == "ResolvedOn" {
					return s, t(i18n.VeResolvedFuture)
				}
				v := model.Visit{EventID: 1, PersonID: 1, Date: iso}
				for _, p := range model.ValidateVisit(&v, now()).Errors {
					if p.Field == field {
						return s, p.Message(lang)
					}
				}
			}
			return iso, ""
		}
	}
	yuan := func(fen int64) string {
		if fen == 0 {
			return ""
		}
		return model.FormatYuan(fen)
	}
	fen := func(s string) int64 { f, _ := model.ParseMoney(s); return f }
	modes := components.EnumOptions(model.VisitModes, lang, "")
	yesNo := []components.Option{{Value: "", Label: i18n.T(lang, i18n.FormNo)}, {Value: "1", Label: i18n.T(lang, i18n.FormYes)}}
	return components.Fields[store.VisitRow]{
		{Key: "PersonID", Label: t(i18n.VePerson), Kind: components.KindFixed,
			Get: func(r *store.VisitRow) string { return r.PersonName }, Set: func(*store.VisitRow, string) {}},
		{Key: "EventID", Label: t(i18n.VeEvent), Kind: components.KindFixed,
			Get: func(r *store.VisitRow) string { return r.EventTitle }, Set: func(*store.VisitRow, string) {}},
		{Key: "Date", Label: t(i18n.VeDate), Max: 12, Placeholder: t(i18n.EvFormDateHint), Check: date("Date", true, true),
			Get: func(r *store.VisitRow) string { return r.Date }, Set: func(r *store.VisitRow, v string) { r.Date = v }},
		{Key: "Mode", Label: t(i18n.VeMode), Kind: components.KindPick, Options: modes,
			Get: func(r *store.VisitRow) string { return r.Mode }, Set: func(r *store.VisitRow, v string) { r.Mode = v }},
		{Key: "Visitors", Label: t(i18n.VeVisitors), Max: model.MaxLineText,
			Get: func(r *store.VisitRow) string { return r.Visitors }, Set: func(r *store.VisitRow, v string) { r.Visitors = v }},
		{Key: "MoneyFen", Label: t(i18n.VeMoney), Max: 20, Placeholder: t(i18n.FormMoneyHint), Check: money,
			Get: func(r *store.VisitRow) string { return yuan(r.MoneyFen) }, Set: func(r *store.VisitRow, v string) { r.MoneyFen = fen(v) }},
		{Key: "Goods", Label: t(i18n.VeGoods), Max: model.MaxLineText,
			Get: func(r *store.VisitRow) string { return r.Goods }, Set: func(r *store.VisitRow, v string) { r.Goods = v }},
		{Key: "GoodsValueFen", Label: t(i18n.VeGoodsValue), Max: 20, Placeholder: t(i18n.FormMoneyHint), Check: money,
			Get: func(r *store.VisitRow) string { return yuan(r.GoodsValueFen) },
			Set: func(r *store.VisitRow, v string) { r.GoodsValueFen = fen(v) }},
		{Key: "Condition", Label: t(i18n.VeCondition), Max: model.MaxLongText, Long: true,
			Get: func(r *store.VisitRow) string { return r.Condition }, Set: func(r *store.VisitRow, v string) { r.Condition = v }},
		{Key: "NeedHead", Label: t(i18n.VeNeedHead), Kind: components.KindHeading, Placeholder: t(i18n.VeNeedHint), Hidden: true,
			Get: func(*store.VisitRow) string { return "" }, Set: func(*store.VisitRow, string) {}},
		{Key: "Need", Label: t(i18n.VeNeed), Max: model.MaxLongText, Long: true,
			Get: func(r *store.VisitRow) string { return r.Need }, Set: func(r *store.VisitRow, v string) { r.Need = v }},
		{Key: "ResolvedOn", Label: t(i18n.VeResolvedOn), Max: 12, Placeholder: t(i18n.EvFormDateHint), Check: date("ResolvedOn", false, true),
			Get: func(r *store.VisitRow) string { return r.ResolvedOn }, Set: func(r *store.VisitRow, v string) { r.ResolvedOn = v }},
		{Key: "Resolution", Label: t(i18n.VeResolution), Max: model.MaxLongText, Long: true,
			Get: func(r *store.VisitRow) string { return r.Resolution }, Set: func(r *store.VisitRow, v string) { r.Resolution = v }},
		{Key: "FollowUpOn", Label: t(i18n.VeFollowUp), Max: 12, Placeholder: t(i18n.EvFormDateHint), Check: date("FollowUpOn", false, false),
			Get: func(r *store.VisitRow) string { return r.FollowUpOn }, Set: func(r *store.VisitRow, v string) { r.FollowUpOn = v }},
		{Key: "Signed", Label: t(i18n.VeSigned), Kind: components.KindPick, Options: yesNo,
			Get: func(r *store.VisitRow) string {
				if r.Signed {
					return "1"
				}
				return ""
			},
			Set: func(r *store.VisitRow, v string) { r.Signed = v == "1" }},
		{Key: "Note", Label: t(i18n.VeNote), Max: model.MaxLongText, Long: true,
			Get: func(r *store.VisitRow) string { return r.Note }, Set: func(r *store.VisitRow, v string) { r.Note = v }},
	}
}

func (sc *Screen) fields() components.Fields[store.VisitRow] {
	return Fields(sc.o.Env.Lang, sc.o.Env.Now)
}

func (sc *Screen) onLoaded(msg loadedMsg) tea.Cmd {
	if msg.err != nil {
		if store.KindOf(msg.err) == store.ErrNotFound {
			sc.failed = sc.t(i18n.VeGone)
		} else {
			sc.failed = sc.errText(msg.err)
		}
		return nil
	}
	sc.row, sc.only, sc.loaded = msg.row, msg.only, true
	r := msg.row
	sc.form = sc.fields().Form(sc.o.Env.Lang, sc.t(i18n.VeTitle, textwidth.Clean(r.PersonName), r.Date), &r)
	sc.form.Focus("MoneyFen")
	sc.form.OnLeave = sc.left
	return nil
}

// left fills the date of resolution when the way a need was resolved is written, and
// checks that a date of resolution has a need to resolve.
func (sc *Screen) left(f *components.Form, key string) {
	switch key {
	case "Resolution":
		if strings.TrimSpace(f.Value("Resolution")) != "" && f.Value("ResolvedOn") == "" && strings.TrimSpace(f.Value("Need")) != "" {
			f.SetValue("ResolvedOn", sc.today())
			f.SetNote("ResolvedOn", sc.t(i18n.VeResolvedToday))
		}
	case "ResolvedOn", "Need":
		f.SetNote("ResolvedOn", "")
		if f.Error("ResolvedOn") == "" && f.Value("ResolvedOn") != "" && strings.TrimSpace(f.Value("Need")) == "" {
			f.SetError("ResolvedOn", sc.t(i18n.VeResolvedNoNeed))
		} else if f.Error("ResolvedOn") == sc.t(i18n.VeResolvedNoNeed) {
			f.SetError("ResolvedOn", "")
		}
	}
}

// Update handles keys (when on top) and the answers to the screen's store calls.
func (sc *Screen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case loadedMsg:
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

func (sc *Screen) key(msg tea.KeyMsg) tea.Cmd {
	if sc.form == nil {
		if msg.Type == tea.KeyEsc {
			sc.close()
		}
		return nil
	}
	if sc.saving {
		return nil
	}
	if key.Matches(msg, sc.kTrash) || (msg.Type == tea.KeyDelete && !sc.form.Typing()) {
		return sc.askTrash()
	}
	switch sc.form.Update(msg) {
	case components.ActionCancel:
		if !sc.form.Dirty() {
			sc.close()
			return nil
		}
		sc.o.Stack.Ask(components.NewDialog(sc.t(i18n.DiscardTitle), sc.t(i18n.DiscardBody), sc.t(i18n.DiscardYes), sc.t(i18n.DiscardNo), false),
			func(yes bool) tea.Cmd {
				if yes {
					sc.close()
				}
				return nil
			})
	case components.ActionSave:
		return sc.save()
	}
	return nil
}

// close takes the screen off its stack.
func (sc *Screen) close() {
	if sc.o.Stack.Top() == components.Screen(sc) {
		sc.o.Stack.Pop()
	}
}

// refuse returns a status command when o's file is read-only.
func refuse(o Options) tea.Cmd {
	if o.ReadOnly == "" {
		return nil
	}
	return tab.StatusError(i18n.T(o.Env.Lang, i18n.StatusReadOnlyRefused))
}

// Visit is the form's visit (the stored one with the form's values).
func (sc *Screen) visit() store.VisitRow {
	r := sc.row
	sc.fields().Apply(sc.form, &r)
	return r
}

func (sc *Screen) save() tea.Cmd {
	if cmd := refuse(sc.o); cmd != nil {
		return cmd
	}
	f := sc.form
	f.ClearErrors()
	f.CheckAll()
	sc.left(f, "ResolvedOn")
	r := sc.visit()
	v := r.Visit
	ps := model.ValidateVisit(&v, sc.o.Env.Now())
	if f.ErrorCount() > 0 || !ps.OK() {
		rest := components.ShowProblems(f, ps.Errors, sc.o.Env.Lang)
		f.FocusFirstError()
		if len(rest) > 0 {
			return tab.StatusError(strings.Join(rest, "; "))
		}
		return tab.StatusError(sc.t(i18n.FormHasErrors, max(f.ErrorCount(), 1)))
	}
	sc.saving = true
	resolved := sc.row.NeedOpen() && !v.NeedOpen() && v.Need != ""
	s, ctx, host := sc.o.Env.Store, sc.o.Env.Ctx, sc.o.Host
	return func() tea.Msg {
		err := s.UpdateVisit(ctx, &v)
		return savedMsg{to: host, sc: sc, v: v, resolved: resolved, err: err}
	}
}

func (sc *Screen) onSaved(msg savedMsg) tea.Cmd {
	sc.saving = false
	if msg.err != nil {
		var ve *store.ValidationError
		if errors.As(msg.err, &ve) {
			rest := components.ShowProblems(sc.form, ve.Problems.Errors, sc.o.Env.Lang)
			sc.form.FocusFirstError()
			if len(rest) > 0 {
				return tab.StatusError(strings.Join(rest, "; "))
			}
			return tab.StatusError(sc.t(i18n.FormHasErrors, max(sc.form.ErrorCount(), 1)))
		}
		return tab.StatusError(sc.errText(msg.err))
	}
	sc.form.MarkClean()
	sc.close()
	name := textwidth.Clean(sc.row.PersonName)
	text := sc.t(i18n.VeSaved, name, msg.v.Date, model.FormatMoney(msg.v.MoneyFen))
	if msg.resolved {
		text = sc.t(i18n.VeResolved, name, msg.v.Resolution)
	}
	return tea.Batch(tab.Status(text, true), tab.Changed(sc.o.Host, tab.KindVisit, tab.KindEvent))
}

func (sc *Screen) askTrash() tea.Cmd {
	if cmd := refuse(sc.o); cmd != nil {
		return cmd
	}
	// While the trash runs the form takes no keys (as while a save runs).
	confirmTrash(sc.o, sc.row, sc.only, func() { sc.saving = true }, func(ok bool) {
		sc.saving = false
		if ok {
			sc.trashed = true
			sc.form.MarkClean()
			sc.close()
		}
	})
	return nil
}

// errText explains an error in one line without reading the disk (tab.ErrText).
func (sc *Screen) errText(err error) string { return tab.ErrText(sc.o.Env, err) }

// Trashed reports that the visit went to the trash from this screen.
func (sc *Screen) Trashed() bool { return sc.trashed }

// View draws the form, or what is happening while there is none.
func (sc *Screen) View(w, h int) string {
	if sc.form == nil {
		text := sc.t(i18n.VeLoading)
		if sc.failed != "" {
			text = sc.failed
		}
		return components.Notice(w, h, sc.t(i18n.VeTitle, textwidth.Clean(sc.row.PersonName), sc.row.Date), text)
	}
	sc.form.SetSize(w, h)
	return sc.form.View()
}

// ShortHelp puts F8 before 上一项, which is what gives way at 80 columns (the arrows go
// back without being told): otherwise trashing would be the key left unseen.
func (sc *Screen) ShortHelp() []key.Binding {
	f := sc.kForm
	return []key.Binding{f.Next, f.Save, f.Cancel, sc.kTrash, f.Prev}
}

func (sc *Screen) Help() []keys.Group {
	return []keys.Group{{Title: sc.t(i18n.GroupForm), Bindings: append(keys.Dedupe(sc.kForm.Full()), sc.kTrash)}}
}

func (sc *Screen) Modal() bool  { return true }
func (sc *Screen) Dirty() bool  { return sc.form != nil && sc.form.Dirty() }
func (sc *Screen) Typing() bool { return sc.form != nil && sc.form.Typing() }

var _ components.Screen = (*Screen)(nil)

// Form is the screen's form (nil until the visit is read), for tests that drive it.
func (sc *Screen) Form() *components.Form { return sc.form }
