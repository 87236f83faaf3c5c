package stats

import (
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/store/tally"
	"shuangyong/ui/components"
	"shuangyong/ui/i18n"
	"shuangyong/ui/styles"
	"shuangyong/ui/tab"
	"shuangyong/ui/textwidth"
)

// records is the drill-down: the people, visits or events behind one figure, a window
// onto the database fetched as the cursor moves.
type records struct {
	cell   figCell
	period model.Period
	kind   tally.Kind
	table  *components.Table

	seq        uint64
	loading    bool
	loaded     bool
	reqOffset  int
	households int
	err        string
	// visitPerson maps the window's visits to their people (Enter and F5 on a visit act
	// on its person).
	visitPerson map[int64]int64
}

// recordsTop is the number of lines above the table: the figure, the count.
const recordsTop = 2

func (m *Model) openRecords(c figCell) tea.Cmd {
	m.rec = &records{cell: c, period: m.doc.period, reqOffset: -1}
	m.screen = scrRecords
	return m.rec.fetch(m, 0, m.rec.limit(m))
}

func (r *records) rows(m *Model) int { return max(m.height-recordsTop-1, 1) }

func (r *records) margin(m *Model) int { return max(r.rows(m), 10) }

func (r *records) limit(m *Model) int { return r.rows(m) + 2*r.margin(m) }

func (r *records) setSize(m *Model) {
	if r.table != nil {
		r.table.SetSize(m.width, max(m.height-recordsTop, 1))
	}
}

func (r *records) fetch(m *Model, offset, limit int) tea.Cmd {
	seq := m.next()
	r.seq, r.loading, r.reqOffset = seq, true, offset
	s, ctx, period, fig := m.env.Store, m.env.Ctx, r.period, r.cell.fig
	return func() tea.Msg {
		page, err := tally.Records(ctx, s, period, fig, offset, limit)
		return recordsMsg{seq: seq, page: page, err: err}
	}
}

// refetch reloads the window on screen (records changed).
func (r *records) refetch(m *Model) tea.Cmd {
	if r.table == nil {
		return r.fetch(m, 0, r.limit(m))
	}
	off, lim := r.table.WindowFor(r.margin(m))
	return r.fetch(m, off, lim)
}

func (r *records) onPage(m *Model, msg recordsMsg) tea.Cmd {
	if msg.seq != r.seq {
		return nil
	}
	r.loading = false
	if msg.err != nil {
		r.err = m.errText(msg.err)
		return tab.StatusError(r.err)
	}
	p := msg.page
	if r.table == nil || r.kind != p.Kind {
		r.kind = p.Kind
		r.table = components.NewTable(m.recordColumns(p.Kind))
		r.setSize(m)
	}
	r.loaded, r.err, r.households = true, "", p.Households
	var ids []int64
	var rows [][]string
	switch p.Kind {
	case tally.KindPeople:
		for i := range p.People {
			ids = append(ids, p.People[i].ID)
			rows = append(rows, m.personCells(&p.People[i]))
		}
	case tally.KindVisits:
		r.visitPerson = map[int64]int64{}
		for i := range p.Visits {
			r.visitPerson[p.Visits[i].ID] = p.Visits[i].PersonID
			ids = append(ids, p.Visits[i].ID)
			rows = append(rows, m.visitCells(&p.Visits[i]))
		}
	case tally.KindEvents:
		for i := range p.Events {
			ids = append(ids, p.Events[i].ID)
			rows = append(rows, m.eventCells(&p.Events[i]))
		}
	}
	r.table.SetWindow(p.Offset, p.Total, ids, rows)
	return r.fetchIfMissing(m)
}

func (r *records) fetchIfMissing(m *Model) tea.Cmd {
	if r.table == nil || !r.table.Missing(r.margin(m)/2) {
		return nil
	}
	off, lim := r.table.WindowFor(r.margin(m))
	if r.loading && off == r.reqOffset {
		return nil
	}
	return r.fetch(m, off, lim)
}

func (m *Model) recordsKey(msg tea.KeyMsg) tea.Cmd {
	r, k := m.rec, m.k
	switch {
	case matches(msg, k.Back):
		m.rec = nil
		m.screen = scrTally
		return nil
	case matches(msg, k.Export):
		return m.openExport()
	}
	if r.table == nil {
		return nil
	}
	t := r.table
	switch {
	case matches(msg, k.Open), matches(msg, k.Visit):
		return r.open(matches(msg, k.Visit))
	case matches(msg, k.Up):
		t.Move(-1)
	case matches(msg, k.Down):
		t.Move(1)
	case matches(msg, k.PageUp):
		t.Move(-max(t.Rows()-1, 1))
	case matches(msg, k.PageDown):
		t.Move(max(t.Rows()-1, 1))
	case matches(msg, k.Home):
		t.SetCursor(0)
	case matches(msg, k.End):
		t.SetCursor(t.Total() - 1)
	default:
		return nil
	}
	return r.fetchIfMissing(m)
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

// count says how many records the list holds, in the kind's own words.
func (r *records) count(m *Model) string {
	if r.table == nil {
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

func (r *records) view(m *Model) string {
	w, h := m.width, m.height
	title := " " + m.t(i18n.StRecTitle, m.periodLabel(r.period), r.cell.path)
	lines := []string{styles.Accent.Render(textwidth.Fit(title, w))}
	info := " " + r.cell.value
	if c := r.count(m); c != "" {
		info += styles.Separator + c
	}
	back := m.t(i18n.StRecBack) + " "
	lines = append(lines, textwidth.FitStyled(textwidth.Fit(info, max(w-textwidth.Width(back), 0))+styles.Dim.Render(back), w))
	switch {
	case r.table == nil && r.err != "":
		lines = append(lines, "", " "+styles.Error.Render(textwidth.Truncate(r.err, w-2)))
	case r.table == nil:
		lines = append(lines, "", " "+m.t(i18n.StatusLoading))
	default:
		r.table.Empty = []string{m.t(i18n.StRecNone)}
		lines = append(lines, r.table.View())
	}
	return textwidth.Block(strings.Split(strings.Join(lines, "\n"), "\n"), w, h)
}

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
