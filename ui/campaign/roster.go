// Package campaign is the festival campaign (SPEC W2) on the 活动 tab: the form that
// creates one with its roster built from the 军属 filters, and the roster screen where
// each person is ticked off with one key — the standard amount and goods, the sitting's
// date — and the cursor moves on. Both are components.Screens on the host tab's stack.
package campaign

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/store/sheet"
	"shuangyong/ui/components"
	"shuangyong/ui/i18n"
	"shuangyong/ui/keys"
	"shuangyong/ui/styles"
	"shuangyong/ui/tab"
	"shuangyong/ui/textwidth"
	"shuangyong/ui/visitedit"
)

// Host is what a screen needs of the tab that holds it.
type Host struct {
	Env   tab.Env
	Tab   tab.ID
	Stack *components.Stack
	// ReadOnly, when not "", refuses every write (the file failed its check).
	ReadOnly string
}

func (h Host) t(k i18n.Key, args ...any) string { return i18n.T(h.Env.Lang, k, args...) }

// run calls the store off the event loop; the closure it returns runs on the loop.
func (h Host) run(work func() func() tea.Cmd) tea.Cmd { return tab.Run(h.Tab, work) }

func (h Host) refuse() tea.Cmd {
	if h.ReadOnly == "" {
		return nil
	}
	return tab.StatusError(h.t(i18n.StatusReadOnlyRefused))
}

// changed tells the tabs that visits (and so the event's figures) changed.
func (h Host) changed() tea.Cmd { return tab.Changed(h.Tab, tab.KindVisit, tab.KindEvent) }

// The views of a roster, cycled with F3.
var states = []string{store.RosterToVisit, store.RosterVisited, store.RosterUnsigned, store.RosterAll}

// Column indexes; the cells past colSigned carry the visit's id and signed flag.
const (
	colVillage = iota
	colName
	colCats
	colID
	colVisit
	colMoney
	colSigned
	colVisitID
	colSignedFlag
)

type rosterKeys struct {
	Back, Up, Down, PageUp, PageDown, Tick, Edit, Sign, State, Date, Add, Remove, Export key.Binding
}

// Roster is the roster screen of one campaign.
type Roster struct {
	h       Host
	eventID int64
	info    store.CampaignInfo
	loaded  bool
	search  components.SearchBox
	wl      *components.WindowList
	state   int // index in states
	date    string
	keys    rosterKeys
	seq     uint64
	text    string
}

// OpenRoster puts campaign eventID's roster screen on the host's stack.
func OpenRoster(h Host, eventID int64) tea.Cmd {
	t := func(k i18n.Key) string { return h.t(k) }
	updown := t(i18n.LabelUpDown)
	r := &Roster{h: h, eventID: eventID, date: sittingDate(h, eventID), keys: rosterKeys{
		Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("Esc", t(i18n.KeyClear)+"/"+t(i18n.KeyBack))),
		Up:       key.NewBinding(key.WithKeys("up"), key.WithHelp(updown, t(i18n.KeyMove))),
		Down:     key.NewBinding(key.WithKeys("down"), key.WithHelp(updown, t(i18n.KeyMove))),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("PgUp/PgDn", t(i18n.KeyPage))),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("PgUp/PgDn", t(i18n.KeyPage))),
		Tick:     key.NewBinding(key.WithKeys("f5"), key.WithHelp("F5", t(i18n.KeyTick))),
		Edit:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("Enter", t(i18n.KeyEditVisit))),
		Sign:     key.NewBinding(key.WithKeys("f4"), key.WithHelp("F4", t(i18n.KeySign))),
		State:    key.NewBinding(key.WithKeys("f3"), key.WithHelp("F3", t(i18n.KeyState))),
		Date:     key.NewBinding(key.WithKeys("f7"), key.WithHelp("F7", t(i18n.KeySitDate))),
		Add:      key.NewBinding(key.WithKeys("f2"), key.WithHelp("F2", t(i18n.KeyAddPerson))),
		Remove:   key.NewBinding(key.WithKeys("delete"), key.WithHelp("Delete", t(i18n.KeyRemove))),
		Export:   key.NewBinding(key.WithKeys("f6"), key.WithHelp("F6", t(i18n.KeyExportList))),
	}}
	r.search = components.SearchBox{Label: t(i18n.SearchLabel), Placeholder: t(i18n.CaSearchHint)}
	r.search.Input.Max = 40
	r.wl = components.NewWindowList(h.Env.Ctx, h.Tab, []components.Column{
		colVillage: {Title: t(i18n.ColVillage), Min: 8, Max: 12, Grow: 1, Keep: 70},
		colName:    {Title: t(i18n.ColName), Min: 8, Max: 12, Grow: 1, Keep: 100},
		colCats:    {Title: t(i18n.ColCategories), Min: 8, Max: 24, Grow: 4, Keep: 50},
		colID:      {Title: t(i18n.ColID), Min: 18, Max: 18, Keep: 40},
		colVisit:   {Title: t(i18n.CaColVisit), Min: 10, Max: 10, Keep: 90},
		colMoney:   {Title: t(i18n.CaColMoney), Min: 12, Max: 12, Keep: 80, Right: true},
		colSigned:  {Title: t(i18n.CaColSigned), Min: 4, Max: 4, Keep: 60},
	})
	h.Stack.Push(r)
	w, hh := h.Stack.Size()
	r.wl.Table.SetSize(w, max(hh-4, 2))
	return tea.Batch(r.loadInfo(), r.query())
}

// query asks for the roster as the text and the view stand.
func (r *Roster) query() tea.Cmd {
	q := store.RosterQuery{State: states[r.state], Text: r.search.Value()}
	r.text = q.Text
	s, id, lang := r.h.Env.Store, r.eventID, r.h.Env.Lang
	notVisited := r.h.t(i18n.CaNotVisited)
	return r.wl.SetQuery(func(ctx context.Context, off, limit int) (components.Page, error) {
		q.Offset, q.Limit = off, limit
		page, err := s.RosterPage(ctx, id, q)
		out := components.Page{Offset: page.Offset, Total: page.Total}
		for _, row := range page.Rows {
			visit, money, signed := notVisited, "", ""
			if row.Status != model.StatusActive && row.Status != model.StatusStopped {
				// moved away or died since the roster was made: not to be ticked (the tick
				// says why), and the row says so before anyone tries
				visit = model.PersonStatuses.Label(row.Status, lang)
			}
			if row.VisitID != 0 {
				visit, money = row.VisitDate, model.FormatMoney(row.MoneyFen)
				if row.Signed {
					signed = i18n.T(lang, i18n.FormYes)
				}
			}
			out.IDs = append(out.IDs, row.PersonID)
			out.Rows = append(out.Rows, []string{
				colVillage: textwidth.Clean(row.VillageName), colName: textwidth.Clean(row.Name),
				colCats: i18n.CatShortList(lang, row.Categories), colID: model.MaskID(row.IDNumber),
				colVisit: visit, colMoney: money, colSigned: signed,
				colVisitID: strconv.FormatInt(row.VisitID, 10), colSignedFlag: strconv.FormatBool(row.Signed),
			})
		}
		return out, err
	})
}

// loadInfo reads the campaign and its counts.
func (r *Roster) loadInfo() tea.Cmd {
	r.seq++
	seq := r.seq
	s, ctx, id := r.h.Env.Store, r.h.Env.Ctx, r.eventID
	return r.h.run(func() func() tea.Cmd {
		info, err := s.Campaign(ctx, id)
		return func() tea.Cmd {
			if seq != r.seq {
				return nil
			}
			if err != nil {
				return tab.StatusError(tab.ErrText(r.h.Env, err))
			}
			r.info, r.loaded = info, true
			r.fitColumns()
			return nil
		}
	})
}

// signs reports whether the round's ticks are signed for on paper: not a 光荣牌 round's.
func (r *Roster) signs() bool { return r.info.Kind != store.CampaignPlaque }

// fitColumns hides what a round of its kind does not record: a 光荣牌 round gives no
// money and asks for no signature, so its 慰问金 and 签领 columns would stay empty.
func (r *Roster) fitColumns() {
	plaque := r.info.Kind == store.CampaignPlaque
	cols := r.wl.Table.Columns()
	if cols[colMoney].Hidden == plaque {
		return
	}
	cols[colMoney].Hidden, cols[colSigned].Hidden = plaque, plaque
	r.wl.Table.SetColumns(cols)
}

// refresh reads the counts and the rows again, keeping the cursor's person; keys that
// act on a row wait for the new rows (the one just ticked may be leaving the list).
func (r *Roster) refresh() tea.Cmd { return tea.Batch(r.loadInfo(), r.wl.RefreshStale()) }

// selected is the person under the cursor: id, name and their visit (0 when not ticked).
func (r *Roster) selected() (personID int64, name string, visitID int64, signed bool, ok bool) {
	id, cells, ok := r.wl.Selected()
	if !ok {
		return 0, "", 0, false, false
	}
	visitID, _ = strconv.ParseInt(cells[colVisitID], 10, 64)
	signed, _ = strconv.ParseBool(cells[colSignedFlag])
	return id, cells[colName], visitID, signed, true
}

func (r *Roster) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case components.PageMsg:
		cmd, took, err := r.wl.OnPage(msg)
		if !took {
			return nil
		}
		if err != nil {
			return tab.StatusError(tab.ErrText(r.h.Env, err))
		}
		return tea.Batch(cmd, r.wl.Replay(r.key, func() bool { return r.h.Stack.Top() == r && r.h.Stack.Dialog == nil }))
	case tab.ChangedMsg:
		if msg.Touches(tab.KindVisit, tab.KindPerson, tab.KindEvent) {
			return r.refresh()
		}
	case tea.KeyMsg:
		return r.key(msg)
	}
	return nil
}

// acts reports keys that act on the row under the cursor: they wait for the rows of the
// newest search.
func (r *Roster) acts(msg tea.KeyMsg) bool {
	k := r.keys
	for _, b := range []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Tick, k.Edit, k.Sign, k.Remove} {
		if key.Matches(msg, b) {
			return true
		}
	}
	return false
}

func (r *Roster) key(msg tea.KeyMsg) tea.Cmd {
	k, wl := r.keys, r.wl
	if r.acts(msg) && !wl.Current() {
		wl.Defer(msg)
		return nil
	}
	if cmd, moved := wl.Navigate(msg, keys.Nav{Up: k.Up, Down: k.Down, PageUp: k.PageUp, PageDown: k.PageDown}); moved {
		return cmd
	}
	switch {
	case key.Matches(msg, k.Back):
		if r.search.Clear() {
			return r.query()
		}
		r.h.Stack.PopTo(r)
		r.h.Stack.Pop()
		return nil
	case key.Matches(msg, k.State):
		r.state = (r.state + 1) % len(states)
		if states[r.state] == store.RosterUnsigned && !r.signs() {
			r.state = (r.state + 1) % len(states)
		}
		return r.query()
	case key.Matches(msg, k.Date):
		return r.openDate()
	case key.Matches(msg, k.Export):
		return r.openExport()
	case key.Matches(msg, k.Tick), key.Matches(msg, k.Edit), key.Matches(msg, k.Sign), key.Matches(msg, k.Remove), key.Matches(msg, k.Add):
		if c := r.h.refuse(); c != nil {
			return c
		}
		if key.Matches(msg, k.Add) {
			return r.openAdd()
		}
		person, name, visitID, signed, ok := r.selected()
		if !ok {
			return nil
		}
		switch {
		case key.Matches(msg, k.Tick):
			if visitID != 0 {
				return r.askUntick(name, visitID)
			}
			return r.tick(person, name, false)
		case key.Matches(msg, k.Edit):
			if visitID == 0 {
				return r.tick(person, name, true)
			}
			return r.edit(visitID)
		case key.Matches(msg, k.Sign):
			if !r.signs() {
				return nil
			}
			if visitID == 0 {
				return tab.StatusError(r.h.t(i18n.CaNotTicked, name))
			}
			return r.sign(name, visitID, !signed)
		}
		return r.askRemove(person, name, visitID != 0)
	}
	if changed, _ := r.search.Update(msg); changed {
		wl.DropDeferred()
		return r.query()
	}
	return nil
}

// tick records the cursor's person as visited with the standard, on the sitting's date,
// and moves on to the next person (then opens the visit when edit is set).
func (r *Roster) tick(person int64, name string, edit bool) tea.Cmd {
	s, ctx, id, date := r.h.Env.Store, r.h.Env.Ctx, r.eventID, r.date
	r.wl.Hold() // a second F5 before this one is done waits for the rows after it
	return r.h.run(func() func() tea.Cmd {
		v, err := s.Tick(ctx, id, person, date)
		return func() tea.Cmd {
			if err != nil {
				return tea.Batch(tab.StatusError(tab.ErrText(r.h.Env, err)), r.wl.RefreshStale())
			}
			if states[r.state] != store.RosterToVisit {
				r.wl.Table.Move(1) // in 未走访 the row leaves and the next takes its place
			}
			left := r.info.ToVisit() - 1
			done := r.h.t(i18n.CaTicked, name, v.Date, model.FormatMoney(v.MoneyFen), max(left, 0))
			switch r.info.Kind {
			case store.CampaignPlaque:
				done = r.h.t(i18n.CaTickedPlaque, name, v.Date, max(left, 0))
			case store.CampaignConfirm:
				done = r.h.t(i18n.CaTickedConfirm, name, v.Date, max(left, 0))
			}
			cmds := []tea.Cmd{tab.Status(done, true),
				r.refresh(), r.h.changed()}
			if edit {
				cmds = append(cmds, r.edit(v.ID))
			}
			return tea.Batch(cmds...)
		}
	})
}

// edit opens one visit in the visit editor.
func (r *Roster) edit(visitID int64) tea.Cmd {
	sc, cmd := visitedit.Open(visitedit.Options{Env: r.h.Env, Host: r.h.Tab, Stack: r.h.Stack, VisitID: visitID, ReadOnly: r.h.ReadOnly})
	r.h.Stack.Push(sc)
	return cmd
}

func (r *Roster) askUntick(name string, visitID int64) tea.Cmd {
	_, cells, _ := r.wl.Selected()
	r.h.Stack.Ask(components.NewDialog(r.h.t(i18n.CaUntickTitle), r.h.t(i18n.CaUntickBody, name, cells[colVisit]),
		r.h.t(i18n.CaUntickYes), r.h.t(i18n.DialogNo), false),
		func(yes bool) tea.Cmd {
			if !yes {
				return nil
			}
			s, ctx := r.h.Env.Store, r.h.Env.Ctx
			return r.h.run(func() func() tea.Cmd {
				err := s.TrashVisit(ctx, visitID)
				return func() tea.Cmd {
					if err != nil {
						return tab.StatusError(tab.ErrText(r.h.Env, err))
					}
					return tea.Batch(tab.Status(r.h.t(i18n.CaUnticked, name), true), r.refresh(), r.h.changed())
				}
			})
		})
	return nil
}

func (r *Roster) sign(name string, visitID int64, signed bool) tea.Cmd {
	s, ctx := r.h.Env.Store, r.h.Env.Ctx
	return r.h.run(func() func() tea.Cmd {
		err := s.SetSigned(ctx, visitID, signed)
		return func() tea.Cmd {
			if err != nil {
				return tab.StatusError(tab.ErrText(r.h.Env, err))
			}
			text := r.h.t(i18n.CaSigned, name)
			if !signed {
				text = r.h.t(i18n.CaUnsignedMsg, name)
			}
			if states[r.state] != store.RosterUnsigned {
				r.wl.Table.Move(1) // signing back from the paper list: on to the next line
			}
			return tea.Batch(tab.Status(text, true), r.refresh(), r.h.changed())
		}
	})
}

func (r *Roster) askRemove(person int64, name string, visited bool) tea.Cmd {
	body := r.h.t(i18n.CaRemoveBody, name)
	if visited {
		body = r.h.t(i18n.CaRemoveBodyV, name)
	}
	r.h.Stack.Ask(components.NewDialog(r.h.t(i18n.CaRemoveTitle), body, r.h.t(i18n.CaRemoveYes), r.h.t(i18n.DialogNo), false),
		func(yes bool) tea.Cmd {
			if !yes {
				return nil
			}
			s, ctx, id := r.h.Env.Store, r.h.Env.Ctx, r.eventID
			return r.h.run(func() func() tea.Cmd {
				err := s.RemoveFromRoster(ctx, id, person)
				return func() tea.Cmd {
					if err != nil {
						return tab.StatusError(tab.ErrText(r.h.Env, err))
					}
					return tea.Batch(tab.Status(r.h.t(i18n.CaRemoved, name), true), r.refresh(), r.h.changed())
				}
			})
		})
	return nil
}

// openDate asks for the date the sitting's ticks get (visits are typed in after them).
func (r *Roster) openDate() tea.Cmd {
	now := r.h.Env.Now()
	lang := r.h.Env.Lang
	f := components.NewForm(lang, r.h.t(i18n.CaDateTitle), []*components.Field{
		{Key: "Date", Label: r.h.t(i18n.CaDateLabel), Max: 12, Placeholder: now.Format("2006-01-02"),
			Check: func(s string) (string, string) {
				v, err := model.ParseDateField("Date", s, now, false)
				if err != nil {
					return s, model.AsProblem(err, "Date").Message(lang)
				}
				if p, outside := store.OutsideCampaign(r.info.Event, v); outside && r.loaded {
					return v, p.Message(lang) // said now, not at each tick of the sitting
				}
				return v, ""
			}},
	})
	f.SetValue("Date", r.date)
	fs := components.NewFormScreen(r.h.Env, r.h.Stack, f)
	fs.Save = func(f *components.Form) tea.Cmd {
		fs.Saved()
		r.date = f.Value("Date")
		setSittingDate(r.h, r.eventID, r.date)
		r.h.Stack.PopTo(fs)
		r.h.Stack.Pop()
		return tab.Status(r.h.t(i18n.CaDateSet, r.date), false)
	}
	r.h.Stack.Push(fs)
	return nil
}

// openAdd asks for someone to put on the roster, found like a household member: by name,
// initials or the last digits of an ID.
func (r *Roster) openAdd() tea.Cmd {
	f := components.NewForm(r.h.Env.Lang, r.h.t(i18n.CaAddTitle), []*components.Field{
		{Key: "PersonID", Label: r.h.t(i18n.CaAddLabel), Max: 40, Placeholder: r.h.t(i18n.CaAddHint)},
	})
	fs := components.NewFormScreen(r.h.Env, r.h.Stack, f)
	fs.Save = func(f *components.Form) tea.Cmd {
		text := strings.TrimSpace(f.Value("PersonID"))
		s, ctx, id := r.h.Env.Store, r.h.Env.Ctx, r.eventID
		return r.h.run(func() func() tea.Cmd {
			person, name, err := findOne(ctx, s, r.h.Env.Lang, text)
			n := 0
			if err == nil {
				n, err = s.AddToRoster(ctx, id, person)
			}
			return func() tea.Cmd {
				if err != nil {
					return fs.Failed(err)
				}
				fs.Saved()
				r.h.Stack.PopTo(fs)
				r.h.Stack.Pop()
				text := r.h.t(i18n.CaAdded, name)
				if n == 0 {
					text = r.h.t(i18n.CaAddedNone, name)
				}
				return tea.Batch(tab.Status(text, n > 0), r.refresh())
			}
		})
	}
	r.h.Stack.Push(fs)
	return nil
}

// findOne finds the one live person text names; none or several is a problem at the field.
func findOne(ctx context.Context, s *store.Store, lang model.Lang, text string) (int64, string, error) {
	problem := func(k i18n.Key, args ...any) error {
		return &store.ValidationError{Problems: model.Problems{Errors: []model.Problem{{Field: "PersonID", Code: "find",
			Zh: i18n.T(model.Zh, k, args...), En: i18n.T(model.En, k, args...)}}}}
	}
	if text == "" {
		return 0, "", problem(i18n.FormHouseholdWithEmpty)
	}
	page, err := s.SearchPeople(ctx, store.PeopleQuery{Text: text, Limit: 4})
	switch {
	case err != nil:
		return 0, "", err
	case page.Total == 0:
		return 0, "", problem(i18n.FormHouseholdNone, text)
	case page.Total > 1:
		var names []string
		for _, p := range page.Rows[:min(3, len(page.Rows))] {
			names = append(names, p.Name+"（"+p.VillageName+"）")
		}
		return 0, "", problem(i18n.FormHouseholdMany, page.Total, i18n.JoinList(lang, names))
	}
	return page.Rows[0].ID, page.Rows[0].Name, nil
}

func (r *Roster) View(w, h int) string {
	t := r.h.t
	c := r.info
	title := t(i18n.CaTitle, textwidth.Clean(c.Title))
	period := c.Date
	if c.EndDate != "" {
		period = t(i18n.CaPeriod, c.Date, c.EndDate)
	}
	goods := ""
	if c.StandardGoods != "" {
		goods = " + " + textwidth.Clean(c.StandardGoods)
		if c.StandardGoodsFen > 0 {
			goods += "（" + model.FormatMoney(c.StandardGoodsFen) + "）"
		}
	}
	standard := t(i18n.CaStandard, model.FormatMoney(c.StandardMoneyFen), goods)
	counts := t(i18n.CaCounts, c.Roster, c.Visited, c.ToVisit(), c.Signed, model.FormatMoney(c.MoneyFen))
	switch c.Kind {
	case store.CampaignPlaque: // no money: what a tick does, and how many households are left
		standard, counts = t(i18n.CaPlaqueRound), t(i18n.CaCountsPlain, c.Roster, c.Visited, c.ToVisit())
	case store.CampaignConfirm:
		standard = t(i18n.CaConfirmRound) + goods
		counts = t(i18n.CaCountsPlain, c.Roster, c.Visited, c.ToVisit())
	}
	// The standard and the sitting's date are what every tick writes, and the counts and
	// money what the sitting has done: on a narrow screen the header takes three lines
	// (title; standard and date; counts) rather than cut any of them. A date other than
	// today is marked, as it is easily left set.
	date := t(i18n.CaDate, r.date)
	if _, outside := store.OutsideCampaign(c.Event, r.date); outside && r.loaded {
		date = styles.Warn.Render(date + t(i18n.CaDateOutside)) // said before a tick is refused for it
	} else if r.date != r.h.Env.Now().Format("2006-01-02") {
		date = styles.Warn.Render(date)
	}
	// The pieces in order, as many on a line as fit: one or two lines on a wide screen,
	// up to four on a narrow one, none of them cut.
	var head []string
	line := ""
	pieces := []string{styles.Bold.Render(title + "  " + period), styles.Bold.Render(standard), date, counts}
	if !r.loaded { // not 「标准：慰问金 0.00 元，名单 0 人」 while a county's roster is counted
		pieces = []string{t(i18n.StatusLoading)}
	}
	for _, piece := range pieces {
		switch {
		case line == "":
			line = " " + piece
		case textwidth.Width(line+"   "+piece) <= w:
			line += "   " + piece
		default:
			head = append(head, line)
			line = " " + piece
		}
	}
	head = append(head, line)
	for i := range head {
		head[i] = textwidth.FitStyled(head[i], w)
	}
	var views []string
	for i, st := range states {
		if st == store.RosterUnsigned && !r.signs() {
			continue
		}
		label := map[string]i18n.Key{store.RosterToVisit: i18n.CaStateTodo, store.RosterVisited: i18n.CaStateDone,
			store.RosterUnsigned: i18n.CaStateUnsigned, store.RosterAll: i18n.CaStateAll}[st]
		if i == r.state {
			views = append(views, "["+t(label)+"]")
		} else {
			views = append(views, " "+t(label)+" ")
		}
	}
	right := strings.Join(views, "") + styles.Separator + t(i18n.FamCount, r.wl.Table.Total())
	tb := r.wl.Table
	tb.SetSize(w, max(h-1-len(head), 2))
	switch {
	case strings.TrimSpace(r.text) != "":
		tb.Empty = textwidth.Wrap(t(i18n.CaNoMatch, textwidth.Clean(r.text)), w-2)
	case states[r.state] == store.RosterToVisit && r.loaded && c.Roster > 0:
		tb.Empty = textwidth.Wrap(t(i18n.CaEmptyTodo), w-2)
	default:
		tb.Empty = textwidth.Wrap(t(i18n.CaEmpty), w-2)
	}
	lines := append(head, r.search.View(w, right), tb.View())
	return textwidth.Block(strings.Split(strings.Join(lines, "\n"), "\n"), w, h)
}

func (r *Roster) ShortHelp() []key.Binding {
	k := r.keys
	return r.withoutSign([]key.Binding{k.Tick, k.Edit, k.Sign, k.State, k.Date, k.Export, k.Add, k.Remove, k.Back})
}

// withoutSign drops F4 (签领) from the help of a round nobody signs for, and 未签领 from
// what F3 cycles through.
func (r *Roster) withoutSign(bs []key.Binding) []key.Binding {
	if r.signs() {
		return bs
	}
	out := bs[:0:0]
	for _, b := range bs {
		switch b.Help().Key {
		case r.keys.Sign.Help().Key:
		case r.keys.State.Help().Key:
			out = append(out, key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(b.Help().Key, r.h.t(i18n.KeyStateNoSign))))
		default:
			out = append(out, b)
		}
	}
	return out
}

func (r *Roster) Help() []keys.Group {
	k := r.keys
	return []keys.Group{{Title: r.h.t(i18n.CaFormRoster), Bindings: keys.Dedupe(r.withoutSign([]key.Binding{
		k.Tick, k.Edit, k.Sign, k.State, k.Date, k.Export, k.Add, k.Remove, k.Up, k.PageUp, k.Back}))}}
}

// Modal: Esc clears the text and then leaves; Tab stays the root's.
func (r *Roster) Modal() bool  { return false }
func (r *Roster) Dirty() bool  { return false }
func (r *Roster) Typing() bool { return true }

// openExport asks where to write the campaign's 发放清单 (the Documents folder and the
// campaign's title by default) and writes it.
func (r *Roster) openExport() tea.Cmd {
	f := components.NewForm(r.h.Env.Lang, r.h.t(i18n.CaExportTitle), []*components.Field{
		{Key: "path", Label: r.h.t(i18n.CaExportPath), Max: 260},
	})
	fs := components.NewFormScreen(r.h.Env, r.h.Stack, f)
	fs.Save = func(f *components.Form) tea.Cmd {
		path := strings.TrimSpace(f.Value("path"))
		s, ctx, id := r.h.Env.Store, r.h.Env.Ctx, r.eventID
		return r.h.run(func() func() tea.Cmd {
			err := sheet.ExportCampaign(ctx, s, id, path)
			return func() tea.Cmd {
				if err != nil {
					return fs.Failed(err)
				}
				fs.Saved()
				r.h.Stack.PopTo(fs)
				r.h.Stack.Pop()
				return tab.Status(r.h.t(i18n.CaExported, path), false)
			}
		})
	}
	r.h.Stack.Push(fs)
	// The default path reads the disk (is there a Documents folder?): off the loop.
	dataPath, title := r.h.Env.Store.Path(), r.info.Title
	return r.h.run(func() func() tea.Cmd {
		dir := components.ExportDir(dataPath)
		return func() tea.Cmd {
			if f.Value("path") == "" && !f.Dirty() { // not under what the user began to type
				f.SetValue("path", filepath.Join(dir, components.FileSafe(r.h.t(i18n.CaFileSheet, title))+".xlsx"))
			}
			return nil
		}
	})
}
