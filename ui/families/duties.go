package families

import (
	"context"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/ui/campaign"
	"shuangyong/ui/components"
	"shuangyong/ui/i18n"
	"shuangyong/ui/keys"
	"shuangyong/ui/styles"
	"shuangyong/ui/tab"
	"shuangyong/ui/textwidth"
)

// The work list (F6) is four lists, cycled with F3: the open needs and follow-ups
// (followups.go), and the three recurring duties of issue 13 — people whose 常态化联系 is
// due, households still without their 光荣牌, and periodic-subsidy recipients not yet
// confirmed this year. A cadre works down each with a key or two a person.
type workList int

const (
	workNeeds workList = iota
	workDue
	workPlaques
	workConfirms
	workLists
)

func (w workList) title() i18n.Key {
	return [...]i18n.Key{i18n.WkNeeds, i18n.WkDue, i18n.WkPlaques, i18n.WkConfirms}[w]
}

// openWork puts list w of the work list on the stack, in place of the one shown.
func (m *Model) openWork(w workList) tea.Cmd {
	if top := m.stack.Top(); top != m.list {
		if _, ok := top.(*followUpsScreen); ok {
			m.stack.Pop()
		} else if _, ok := top.(*dutiesScreen); ok {
			m.stack.Pop()
		}
	}
	if w == workNeeds {
		return m.openFollowUps()
	}
	return m.openDuties(w)
}

// workHeader is the line over each work list: the four lists, the one shown marked, and
// what is in it.
func (m *Model) workHeader(shown workList, count string, w int) string {
	parts := []string{m.t(i18n.WkSections)}
	for l := workNeeds; l < workLists; l++ {
		name := m.t(l.title())
		if l == shown {
			parts = append(parts, styles.Bold.Render("▸"+name))
		} else {
			parts = append(parts, " "+name)
		}
	}
	head := " " + strings.Join(parts, " ") + "  " + count
	right := m.t(i18n.WkNextKey)
	if textwidth.Width(head)+textwidth.Width(right)+2 <= w {
		head += strings.Repeat(" ", w-textwidth.Width(head)-textwidth.Width(right)) + right
	}
	return textwidth.FitStyled(head, w)
}

// dutiesScreen is one of the three duty lists: a search box over a windowed list.
type dutiesScreen struct {
	m      *Model
	which  workList
	search components.SearchBox
	wl     *components.WindowList
	text   string
	unit   i18n.Key // WkCount or WkCountHH
	keys   dutyKeys
}

type dutyKeys struct {
	Back, Next, Open, Phone, Visit, Round key.Binding
}

// Cells past the shown columns: the person's id (the row's id is the person's too, but
// a plaque row is a household named by one member).
func (m *Model) dutyColumns(which workList) []components.Column {
	t := func(k i18n.Key) string { return m.t(k) }
	village := components.Column{Title: t(i18n.ColVillage), Min: 8, Max: 12, Grow: 1, Keep: 70}
	name := components.Column{Title: t(i18n.ColName), Min: 8, Max: 14, Grow: 1, Keep: 100}
	cats := components.Column{Title: t(i18n.ColCategories), Min: 10, Max: 30, Grow: 4, Keep: 60}
	switch which {
	case workDue:
		return []components.Column{
			{Title: t(i18n.DueColLate), Min: 9, Max: 10, Keep: 95},
			village, name,
			{Title: t(i18n.DueColWho), Min: 4, Max: 4, Keep: 40},
			{Title: t(i18n.ColCategories), Min: 8, Max: 30, Grow: 2, Keep: 30},
			{Title: t(i18n.DueColWhat), Min: 10, Max: 10, Keep: 90},
			{Title: t(i18n.DueColContact), Min: 10, Max: 10, Keep: 80},
			{Title: t(i18n.DueColMode), Min: 8, Max: 8, Keep: 20}, // the first to go when narrow
			{Title: t(i18n.DueColHome), Min: 10, Max: 10, Keep: 50},
		}
	case workPlaques:
		return []components.Column{
			village, name, cats,
			{Title: t(i18n.PlqColMembers), Min: 4, Max: 4, Keep: 30, Right: true},
			{Title: t(i18n.PlqColState), Min: 8, Max: 8, Keep: 90},
			{Title: t(i18n.PlqColDate), Min: 10, Max: 10, Keep: 50},
		}
	}
	return []components.Column{
		village, name, cats,
		{Title: t(i18n.ColID), Min: 18, Max: 18, Keep: 40},
		{Title: t(i18n.CnfColState), Min: 10, Max: 20, Grow: 1, Keep: 90},
	}
}

func (m *Model) openDuties(which workList) tea.Cmd {
	t := func(k i18n.Key) string { return m.t(k) }
	d := &dutiesScreen{m: m, which: which, unit: i18n.WkCount}
	if which == workPlaques {
		d.unit = i18n.WkCountHH
	}
	d.search = components.SearchBox{Label: m.t(i18n.SearchLabel), Placeholder: m.t(i18n.WkSearchHint)}
	d.search.Input.Max = 60
	d.keys = dutyKeys{
		Back:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("Esc", t(i18n.KeyBack))),
		Next:  key.NewBinding(key.WithKeys("f3"), key.WithHelp("F3", t(i18n.WkNextHelp))),
		Open:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("Enter", t(i18n.KeyOpen))),
		Phone: key.NewBinding(key.WithKeys("f4"), key.WithHelp("F4", t(i18n.DueKeyPhone))),
		Visit: key.NewBinding(key.WithKeys("f5"), key.WithHelp("F5", t(i18n.DueKeyVisit))),
		Round: key.NewBinding(key.WithKeys("f2"), key.WithHelp("F2", t(i18n.PlqKeyRound))),
	}
	switch which {
	case workPlaques:
		d.keys.Phone.SetHelp("F4", t(i18n.PlqKeyRecord))
	case workConfirms:
		d.keys.Phone.SetHelp("F4", t(i18n.CnfKeyRecord))
		d.keys.Visit.SetHelp("F5", t(i18n.CnfKeyVisit))
		d.keys.Round.SetHelp("F2", t(i18n.CnfKeyRound))
	}
	d.wl = components.NewWindowList(m.env.Ctx, tab.Families, m.dutyColumns(which))
	m.stack.Push(d)
	w, h := m.size()
	d.wl.Table.SetSize(w, max(h-2, 2))
	return d.query()
}

// query starts the list's query for the text as it stands (cursor to the top).
func (d *dutiesScreen) query() tea.Cmd {
	m, s := d.m, d.m.store()
	text := d.search.Value()
	d.text = text
	which := d.which
	return d.wl.SetQuery(func(ctx context.Context, off, limit int) (components.Page, error) {
		switch which {
		case workDue:
			page, err := s.DueList(ctx, store.DueQuery{Text: text, Offset: off, Limit: limit})
			out := pageOf(page.Rows, func(r store.DueRow) int64 { return r.ID }, m.dueCells)
			out.Offset, out.Total, out.Meta = page.Offset, page.Total, page.Settings
			return out, err
		case workPlaques:
			page, err := s.PlaqueList(ctx, store.PlaqueQuery{Text: text, Offset: off, Limit: limit})
			out := pageOf(page.Rows, func(r store.PlaqueRow) int64 { return r.ID }, m.plaqueCells)
			out.Offset, out.Total = page.Offset, page.Total
			return out, err
		}
		page, err := s.ConfirmationList(ctx, store.ConfirmQuery{Text: text, Offset: off, Limit: limit})
		out := pageOf(page.Rows, func(r store.ConfirmRow) int64 { return r.ID }, m.confirmCells)
		out.Offset, out.Total = page.Offset, page.Total
		return out, err
	})
}

// pageOf is a list's page of rows read from the store: each row's id and cells.
func pageOf[T any](rows []T, id func(T) int64, cells func(T) []string) components.Page {
	var out components.Page
	for _, r := range rows {
		out.IDs = append(out.IDs, id(r))
		out.Rows = append(out.Rows, cells(r))
	}
	return out
}

// dueColWhat is the due list's 应办 column; plaqueColCode the plaque list's cell past its
// columns that holds the state's code.
const (
	dueColWhat    = 5
	plaqueColCode = 6
)

func (m *Model) dueCells(r store.DueRow) []string {
	lang := m.env.Lang
	late := m.t(i18n.DueOver, r.DaysOver)
	if r.DaysOver <= 0 {
		late = m.t(i18n.DueLeft, -r.DaysOver)
	}
	var what []string
	if r.DueContact {
		what = append(what, m.t(i18n.DueContact))
	}
	if r.DueVisit {
		what = append(what, m.t(i18n.DueVisit))
	}
	who := m.t(i18n.DueOther)
	if r.Key {
		who = m.t(i18n.DueKeyTag)
	}
	contact, mode := m.t(i18n.DueNever), ""
	if r.LastVisitOn != "" {
		contact, mode = r.LastVisitOn, model.VisitModes.Label(r.LastContactMode, lang)
	}
	home := r.LastHomeOn
	if home == "" {
		home = m.t(i18n.DueNever)
	}
	return cleanCells(late, r.VillageName, r.Name, who, i18n.CatShortList(lang, r.Categories), i18n.JoinList(lang, what), contact, mode, home)
}

func (m *Model) plaqueCells(r store.PlaqueRow) []string {
	return append(cleanCells(r.VillageName, r.Name, i18n.CatShortList(m.env.Lang, r.Categories), strconv.Itoa(r.Members),
		model.PlaqueStates.Label(r.State, m.env.Lang), r.Date), r.State) // the state's code rides along, unshown
}

func (m *Model) confirmCells(r store.ConfirmRow) []string {
	state := m.t(i18n.CnfNotYet)
	if c := r.Confirmation; c.ID != 0 {
		state = m.t(i18n.CnfDone, c.Date, model.ConfirmMethods.Label(c.Method, m.env.Lang))
	}
	return cleanCells(r.VillageName, r.Name, i18n.CatShortList(m.env.Lang, r.Categories), model.MaskID(r.IDNumber), state)
}

func cleanCells(cells ...string) []string {
	for i := range cells {
		cells[i] = textwidth.Clean(cells[i])
	}
	return cells
}

// acts reports keys that act on the row under the cursor: they wait for the rows of the
// newest query (a contact recorded on the row that was just leaving would be the wrong
// person's).
func (d *dutiesScreen) acts(msg tea.KeyMsg) bool {
	for _, b := range []key.Binding{d.keys.Open, d.keys.Phone, d.keys.Visit} {
		if key.Matches(msg, b) {
			return true
		}
	}
	k := d.m.kList
	for _, b := range []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End} {
		if key.Matches(msg, b) {
			return true
		}
	}
	return false
}

func (d *dutiesScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case components.PageMsg:
		cmd, took, err := d.wl.OnPage(msg)
		if !took {
			return nil
		}
		if err != nil {
			return tab.StatusError(d.m.errText(err))
		}
		return tea.Batch(cmd, d.wl.Replay(d.key, func() bool { return d.m.inFront(d) }))
	case reloadMsg:
		return d.wl.Refresh()
	case tea.KeyMsg:
		return d.key(msg)
	}
	return nil
}

func (d *dutiesScreen) key(msg tea.KeyMsg) tea.Cmd {
	m, k, wl := d.m, d.keys, d.wl
	if d.acts(msg) && !wl.Current() {
		wl.Defer(msg)
		return nil
	}
	if cmd, moved := wl.Navigate(msg, m.kList.Nav()); moved {
		return cmd
	}
	switch {
	case key.Matches(msg, k.Back):
		if d.search.Clear() {
			return d.query()
		}
		m.stack.PopTo(d)
		m.stack.Pop()
		return m.list.wl.FetchIfMissing()
	case key.Matches(msg, k.Next):
		return m.openWork((d.which + 1) % workLists)
	case key.Matches(msg, k.Round) && d.which != workDue:
		if c := m.refuseWrite(); c != nil {
			return c
		}
		kind := store.CampaignPlaque
		if d.which == workConfirms {
			kind = store.CampaignConfirm
		}
		return campaign.OpenCreateKind(m.campaignHost(), kind, m.villages, m.settings.Office)
	case key.Matches(msg, k.Open), key.Matches(msg, k.Phone), key.Matches(msg, k.Visit):
		id, cells, ok := wl.Selected()
		if !ok {
			return tab.StatusError(m.t(i18n.FamNoSelection))
		}
		name := cells[2]
		if d.which != workDue {
			name = cells[1]
		}
		switch {
		case key.Matches(msg, k.Open):
			return m.openDetail(id, "", -1)
		case key.Matches(msg, k.Phone):
			if c := m.refuseWrite(); c != nil {
				return c
			}
			switch d.which {
			case workPlaques:
				return m.openPlaqueForm(id, name, cells[plaqueColCode])
			case workConfirms:
				return m.openConfirmForm(id, name)
			}
			// Someone due for a home visit as well stays on the list after the call: the
			// cursor moves on past them (anyone else leaves, and the next row comes up).
			stays := strings.Contains(cells[dueColWhat], m.t(i18n.DueVisit))
			return d.phone(id, name, stays)
		case key.Matches(msg, k.Visit):
			if d.which == workPlaques {
				return nil
			}
			if c := m.refuseWrite(); c != nil {
				return c
			}
			why := forVisit
			if d.which == workConfirms {
				why = forVisitConfirm
			}
			return m.load(id, why, nil, -1)
		}
	}
	if changed, _ := d.search.Update(msg); changed {
		wl.DropDeferred()
		return d.query()
	}
	return nil
}

// phone records a phone contact today with the person under the cursor and moves on: the
// person leaves the list when it is read again (the cursor stays where it was, on the next
// person), or, due for a home visit too, stays and the cursor moves past them.
func (d *dutiesScreen) phone(personID int64, name string, stays bool) tea.Cmd {
	m := d.m
	s, ctx := m.store(), m.env.Ctx
	d.wl.Hold() // a second F4 before this one is done waits for the rows after it
	return m.run(func() func() tea.Cmd {
		v, err := s.RecordContact(ctx, personID, "", "phone")
		return func() tea.Cmd {
			if err != nil {
				return tea.Batch(tab.StatusError(m.errText(err)), d.wl.RefreshStale())
			}
			if stays {
				d.wl.Table.Move(1)
			}
			return tea.Batch(tab.Status(m.t(i18n.DueContacted, name, v.Date), true), m.changed(), d.wl.RefreshStale())
		}
	})
}

// campaignHost lets the campaign screens (a 光荣牌 or 年度确认 round) sit on this tab.
func (m *Model) campaignHost() campaign.Host {
	return campaign.Host{Env: m.env, Tab: tab.Families, Stack: m.stack, ReadOnly: m.readOnly}
}

func (d *dutiesScreen) View(w, h int) string {
	m := d.m
	d.wl.Table.SetSize(w, max(h-2, 2))
	count := m.t(d.unit, d.wl.Table.Total())
	if !d.wl.Loaded() || (!d.wl.Current() && d.wl.Busy()) {
		count = m.t(i18n.FamLoading)
	}
	switch {
	case !d.wl.Loaded():
		d.wl.Table.Empty = []string{m.t(i18n.FamLoading)}
	case strings.TrimSpace(d.text) != "":
		d.wl.Table.Empty = wrapAll(w-2, m.t(i18n.WkNoMatch, textwidth.Clean(d.text)))
	case d.which == workDue:
		d.wl.Table.Empty = wrapAll(w-2, m.t(i18n.DueEmpty))
		if st, ok := d.wl.Meta().(model.DutySettings); ok && !st.Key.Any() && !st.Others.Any() {
			d.wl.Table.Empty = wrapAll(w-2, m.t(i18n.DueNoRule))
		}
	case d.which == workPlaques:
		d.wl.Table.Empty = wrapAll(w-2, m.t(i18n.PlqEmpty))
	default:
		d.wl.Table.Empty = wrapAll(w-2, m.t(i18n.CnfEmpty))
	}
	head := m.workHeader(d.which, count, w)
	return textwidth.Block(strings.Split(head+"\n"+d.search.View(w, "")+"\n"+d.wl.Table.View(), "\n"), w, h)
}

func (d *dutiesScreen) ShortHelp() []key.Binding {
	k := d.keys
	switch d.which {
	case workDue:
		return []key.Binding{k.Back, k.Phone, k.Visit, k.Open, k.Next}
	case workPlaques:
		return []key.Binding{k.Back, k.Phone, k.Round, k.Open, k.Next}
	}
	return []key.Binding{k.Back, k.Visit, k.Phone, k.Round, k.Open, k.Next}
}

func (d *dutiesScreen) Help() []keys.Group {
	return []keys.Group{{Title: d.m.t(d.which.title()), Bindings: keys.Dedupe(append(d.ShortHelp(), d.m.kList.Up, d.m.kList.PageUp))}}
}
func (d *dutiesScreen) Modal() bool  { return false }
func (d *dutiesScreen) Dirty() bool  { return false }
func (d *dutiesScreen) Typing() bool { return true }
