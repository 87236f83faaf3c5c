package stats

import (
	"context"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/store/tally"
	"shuangyong/ui/components"
	"shuangyong/ui/i18n"
	"shuangyong/ui/keys"
	"shuangyong/ui/styles"
	"shuangyong/ui/tab"
	"shuangyong/ui/textwidth"
)

// records is the drill-down: the people, visits or events behind one figure, a windowed
// list onto the database (the kind of records, and so the columns, come with the first
// page).
type records struct {
	m          *Model
	cell       figCell
	period     model.Period
	asOf       string // the day of the tally the figure is from (model.Tally.AsOf)
	kind       tally.Kind
	wl         *components.WindowList
	table      *components.Table // wl.Table
	households int
	err        string
	// visitPerson maps the window's visits to their people (Enter and F5 on a visit act
	// on its person).
	visitPerson map[int64]int64
}

// pageInfo is what a page of records says besides its rows (components.Page.Meta).
type pageInfo struct {
	kind        tally.Kind
	households  int
	visitPerson map[int64]int64
}

// recordsTop is the number of lines above the table: the figure, the count.
const recordsTop = 2

func (m *Model) openRecords(c figCell) tea.Cmd {
	r := &records{m: m, cell: c, period: m.doc.period, asOf: m.tallies[m.doc.period].t.AsOf}
	r.wl = components.NewWindowList(m.env.Ctx, tab.Stats, nil)
	r.table = r.wl.Table
	r.setSize(m)
	m.stack.Push(r)
	return r.query()
}

// query asks for the figure's records as counted on r.asOf.
func (r *records) query() tea.Cmd {
	m := r.m
	s, period, fig, asOf := m.env.Store, r.period, r.cell.fig, r.asOf
	return r.wl.SetQuery(func(ctx context.Context, offset, limit int) (components.Page, error) {
		p, err := tally.RecordsAsOf(ctx, s, period, fig, asOf, offset, limit)
		info := pageInfo{kind: p.Kind, households: p.Households}
		out := components.Page{Offset: p.Offset, Total: p.Total}
		switch p.Kind {
		case tally.KindPeople:
			for i := range p.People {
				out.IDs = append(out.IDs, p.People[i].ID)
				out.Rows = append(out.Rows, m.personCells(&p.People[i]))
			}
		case tally.KindVisits:
			info.visitPerson = map[int64]int64{}
			for i := range p.Visits {
				info.visitPerson[p.Visits[i].ID] = p.Visits[i].PersonID
				out.IDs = append(out.IDs, p.Visits[i].ID)
				out.Rows = append(out.Rows, m.visitCells(&p.Visits[i]))
			}
		case tally.KindEvents:
			for i := range p.Events {
				out.IDs = append(out.IDs, p.Events[i].ID)
				out.Rows = append(out.Rows, m.eventCells(&p.Events[i]))
			}
		}
		out.Meta = info
		return out, err
	})
}

func (r *records) setSize(m *Model) { r.table.SetSize(m.width, max(m.height-recordsTop, 1)) }

func (r *records) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case components.PageMsg:
		cmd, took, err := r.wl.OnPage(msg)
		if !took {
			return nil
		}
		if err != nil {
			r.err = r.m.errText(err)
			return tab.StatusError(r.err)
		}
		r.err = ""
		if info, ok := r.wl.Meta().(pageInfo); ok {
			if info.kind != r.kind {
				r.kind = info.kind
				r.table.SetColumns(r.m.recordColumns(info.kind))
			}
			r.households, r.visitPerson = info.households, info.visitPerson
		}
		return cmd
	case tea.KeyMsg:
		return r.key(msg)
	}
	return nil
}

func (r *records) key(msg tea.KeyMsg) tea.Cmd {
	m, k := r.m, r.m.k
	switch {
	case matches(msg, k.Back):
		m.stack.PopTo(r)
		m.stack.Pop()
		return nil
	case matches(msg, k.Export):
		return m.openExport()
	case !r.wl.Loaded():
		return nil
	case matches(msg, k.Open), matches(msg, k.Visit):
		return r.open(matches(msg, k.Visit))
	}
	cmd, _ := r.wl.Navigate(msg, keys.Nav{Up: k.Up, Down: k.Down, PageUp: k.PageUp, PageDown: k.PageDown, Home: k.Home, End: k.End})
	return cmd
}

// open shows the record under the cursor where it lives — a person in 军属, an event in
// 活动 (a visit's person) — or, with visit, opens the visit form for the person there and
// then (the 未走访 list). Esc there comes back here.
func (r *records) open(visit bool) tea.Cmd {
	id, ok := r.table.SelectedID()
	if !ok {
		return nil
	}
	kind := tab.KindPerson
	switch r.kind {
	case tally.KindEvents:
		if visit {
			return nil
		}
		kind = tab.KindEvent
	case tally.KindVisits:
		id = r.visitPerson[id]
	}
	msg := tab.OpenMsg{Kind: kind, ID: id, NewVisit: visit, From: tab.Stats}
	return func() tea.Msg { return msg }
}

// refigure takes the figure's value from a new tally's document: after a change made
// from the list (F5 on someone not visited) the list is read again, and the figure over it
// must not go on saying what it was before.
func (r *records) refigure(t model.Tally, d *doc) tea.Cmd {
	if d != nil {
		for _, c := range d.figs {
			if c.fig == r.cell.fig {
				r.cell.value = c.value
				break
			}
		}
	}
	if t.AsOf != r.asOf { // counted on a later day (past midnight): the list follows
		r.asOf = t.AsOf
		return r.query()
	}
	return nil
}

// count says how many records the list holds, in the kind's own words.
func (r *records) count(m *Model) string {
	if !r.wl.Loaded() {
		return ""
	}
	n := r.table.Total()
	switch {
	case r.cell.fig.Measure == model.MHouseholds && r.kind == tally.KindPeople:
		return m.t(i18n.StRecHouseholds, r.households, n)
	case r.kind == tally.KindPeople:
		return m.t(i18n.StRecPeople, n)
	case r.kind == tally.KindVisits:
		return m.t(i18n.StRecVisits, n)
	}
	return m.t(i18n.StRecEvents, n)
}

func (r *records) View(w, h int) string {
	m := r.m
	title := " " + m.t(i18n.StRecTitle, m.periodLabel(r.period), r.cell.path)
	lines := []string{styles.Accent.Render(textwidth.Fit(title, w))}
	info := " " + r.cell.value
	if c := r.count(m); c != "" {
		info += styles.Separator + c
	}
	back := m.t(i18n.StRecBack) + " "
	lines = append(lines, textwidth.FitStyled(textwidth.Fit(info, max(w-textwidth.Width(back), 0))+styles.Dim.Render(back), w))
	switch {
	case !r.wl.Loaded() && r.err != "":
		lines = append(lines, "", " "+styles.Error.Render(textwidth.Truncate(r.err, w-2)))
	case !r.wl.Loaded():
		lines = append(lines, "", " "+m.t(i18n.StatusLoading))
	default:
		r.table.Empty = []string{m.t(i18n.StRecNone)}
		lines = append(lines, r.table.View())
	}
	return textwidth.Block(strings.Split(strings.Join(lines, "\n"), "\n"), w, h)
}

func (r *records) ShortHelp() []key.Binding { return r.m.k.recordsShort() }
func (r *records) Help() []keys.Group {
	return r.m.k.group(r.m.env.Lang, i18n.StGroupRecords, r.m.k.recordsShort())
}
func (r *records) Modal() bool  { return false }
func (r *records) Dirty() bool  { return false }
func (r *records) Typing() bool { return false }

// Columns of the three kinds of records.

func (m *Model) recordColumns(k tally.Kind) []components.Column {
	switch k {
	case tally.KindPeople:
		return []components.Column{
			{Title: m.t(i18n.ColVillage), Min: 8, Max: 12, Grow: 1, Keep: 90},
			{Title: m.t(i18n.ColName), Min: 8, Max: 12, Grow: 1, Keep: 100},
			{Title: m.t(i18n.ColSex), Min: 4, Max: 4, Keep: 30},
			{Title: m.t(i18n.ColCategories), Min: 10, Max: 40, Grow: 8, Keep: 80},
			{Title: m.t(i18n.ColID), Min: 18, Max: 18, Keep: 60},
			{Title: m.t(i18n.ColPhone), Min: 12, Max: 15, Grow: 1, Keep: 50},
			{Title: m.t(i18n.StColStatus), Min: 4, Max: 6, Keep: 40},
			{Title: m.t(i18n.ColLastVisit), Min: 10, Max: 10, Keep: 70},
		}
	case tally.KindVisits:
		return []components.Column{
			{Title: m.t(i18n.StColDate), Min: 10, Max: 10, Keep: 100},
			{Title: m.t(i18n.ColName), Min: 8, Max: 12, Grow: 1, Keep: 95},
			{Title: m.t(i18n.StColMode), Min: 4, Max: 8, Keep: 50},
			{Title: m.t(i18n.StColMoney), Min: 10, Max: 12, Keep: 90, Right: true},
			{Title: m.t(i18n.StColGoodsName), Min: 8, Max: 24, Grow: 3, Keep: 60},
			{Title: m.t(i18n.StColGoods), Min: 10, Max: 12, Keep: 80, Right: true},
			{Title: m.t(i18n.StColEvent), Min: 10, Max: 40, Grow: 6, Keep: 70},
		}
	}
	return []components.Column{
		{Title: m.t(i18n.StColDate), Min: 10, Max: 10, Keep: 100},
		{Title: m.t(i18n.StColType), Min: 8, Max: 16, Grow: 1, Keep: 90},
		{Title: m.t(i18n.StColEventTitle), Min: 12, Max: 50, Grow: 8, Keep: 95},
		{Title: m.t(i18n.StColParticipants), Min: 8, Max: 8, Keep: 80, Right: true},
		{Title: m.t(i18n.StColMilitary), Min: 8, Max: 8, Keep: 60, Right: true},
		{Title: m.t(i18n.StColSpent), Min: 10, Max: 12, Keep: 70, Right: true},
		{Title: m.t(i18n.StColReached), Min: 8, Max: 8, Keep: 50, Right: true},
	}
}

func cleanAll(cells []string) []string {
	for i := range cells {
		cells[i] = textwidth.Clean(cells[i])
	}
	return cells
}

func (m *Model) personCells(p *store.PersonRow) []string {
	lang := m.env.Lang
	phone := ""
	if len(p.Phones) > 0 {
		phone = model.MaskPhone(p.Phones[0])
	}
	visit := p.LastVisitOn
	if visit == "" {
		visit = m.t(i18n.FamNeverVisited)
	}
	status := model.PersonStatuses.Label(p.Status, lang)
	return cleanAll([]string{p.VillageName, p.Name, model.Sexes.Label(p.Sex, lang), i18n.CatShortList(lang, p.Categories),
		model.MaskID(p.IDNumber), phone, status, visit})
}

func (m *Model) visitCells(v *store.VisitRow) []string {
	lang := m.env.Lang
	ev := v.EventTitle
	if ev == "" {
		ev = model.EventTypes.Label(v.EventType, lang)
	}
	return cleanAll([]string{v.Date, v.PersonName, model.VisitModes.Label(v.Mode, lang), model.FormatMoney(v.MoneyFen),
		v.Goods, model.FormatMoney(v.GoodsValueFen), ev})
}

func (m *Model) eventCells(e *store.EventRow) []string {
	lang := m.env.Lang
	return cleanAll([]string{e.Date, model.EventTypes.Label(e.Type, lang), e.Title,
		strconv.FormatInt(e.Participants, 10), strconv.FormatInt(e.MilitaryParticipants, 10),
		model.FormatMoney(e.MoneyFen), strconv.Itoa(e.Visits)})
}
