package families

import (
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/ui/components"
	"shuangyong/ui/i18n"
	"shuangyong/ui/styles"
	"shuangyong/ui/tab"
	"shuangyong/ui/textwidth"
)

// Column indexes of the list.
const (
	colVillage = iota
	colName
	colSex
	colAge
	colCats
	colID
	colPhone
	colCadre
	colVisit
)

// filters are the F3 choices.
type filters struct {
	category   string
	villageID  int64
	cadre      string
	status     string
	visit      int // 0 any, 1 not visited this year, 2 not visited in days
	days       int
	needs      bool
	incomplete bool
}

func (f filters) active() bool { return f != filters{} }

type listState struct {
	search components.SearchBox
	table  *components.Table
	f      filters

	tag       int          // debounce generation
	queried   int          // the debounce generation the newest reset query was made for
	pending   []tea.KeyMsg // movement and command keys typed before the list caught up with the text
	resetting bool         // a new search (cursor back to the top) is on its way
	seq       uint64       // the newest query; older pages are dropped
	loading   bool
	loaded    bool // a first page arrived
	reqOffset int  // window offset of the newest query
	reqLimit  int
	lastText  string // the text of the page shown
}

func (l *listState) init(m *Model) {
	l.search = components.SearchBox{Label: m.t(i18n.SearchLabel), Placeholder: m.t(i18n.SearchHint)}
	l.search.Input.Max = 60
	l.table = components.NewTable(m.columns())
	l.reqOffset = -1
}

func (m *Model) columns() []components.Column {
	return []components.Column{
		colVillage: {Title: m.t(i18n.ColVillage), Min: 8, Max: 12, Grow: 1, Keep: 90},
		colName:    {Title: m.t(i18n.ColName), Min: 8, Max: 12, Grow: 1, Keep: 100},
		colSex:     {Title: m.t(i18n.ColSex), Min: 4, Max: 4, Keep: 30},
		colAge:     {Title: m.t(i18n.ColAge), Min: 4, Max: 4, Keep: 40, Right: true},
		colCats:    {Title: m.t(i18n.ColCategories), Min: 10, Max: 40, Grow: 8, Keep: 80},
		colID:      {Title: m.t(i18n.ColID), Min: 18, Max: 18, Keep: 60},
		colPhone:   {Title: m.t(i18n.ColPhone), Min: 12, Max: 15, Grow: 1, Keep: 50},
		colCadre:   {Title: m.t(i18n.ColCadre), Min: 8, Max: 10, Grow: 1, Keep: 20},
		colVisit:   {Title: m.t(i18n.ColLastVisit), Min: 10, Max: 10, Keep: 70},
	}
}

// margin is how many rows beyond the visible ones a window holds on each side.
func (l *listState) margin() int { return max(l.table.Rows(), 10) }

func (l *listState) setSize(w, h int) {
	l.table.SetSize(w, max(h-1, 1))
}

// peopleQuery is the store query for the current text and filters.
func (m *Model) peopleQuery() store.PeopleQuery {
	f := m.list.f
	q := store.PeopleQuery{
		Text:         m.list.search.Value(),
		VillageID:    f.villageID,
		Cadre:        f.cadre,
		Status:       f.status,
		HasOpenNeeds: f.needs,
		Incomplete:   f.incomplete,
	}
	if f.category != "" {
		q.Categories = []string{f.category}
	}
	switch f.visit {
	case 1:
		q.NotVisitedSince = strconv.Itoa(m.now().Year()) + "-01-01"
	case 2:
		if f.days > 0 {
			q.NotVisitedSince = m.now().AddDate(0, 0, -f.days).Format("2006-01-02")
		}
	}
	return q
}

// query asks the store for the window around the visible rows (the first rows when
// reset: a new search starts at the top).
func (m *Model) query(reset bool) tea.Cmd {
	l := &m.list
	if reset {
		l.table.Reset()
		l.queried = l.tag
	}
	l.resetting = reset || (l.resetting && l.loading)
	q := m.peopleQuery()
	q.Offset, q.Limit = l.table.WindowFor(l.margin())
	seq := m.next()
	l.seq, l.loading, l.reqOffset, l.reqLimit = seq, true, q.Offset, q.Limit
	s, ctx := m.store(), m.env.Ctx
	return func() tea.Msg {
		page, err := s.SearchPeople(ctx, q)
		return pageMsg{seq: seq, reset: reset, page: page, err: err}
	}
}

// cells turns a row into the list's cell texts, cleaned for display, once per page.
func (m *Model) cells(r *store.PersonRow) []string {
	lang := m.env.Lang
	age := ""
	if a := ageOn(r.BirthDate, m.now()); a >= 0 {
		age = strconv.Itoa(a)
	}
	phone := ""
	if len(r.Phones) > 0 {
		phone = model.MaskPhone(r.Phones[0])
	}
	visit := r.LastVisitOn
	if visit == "" {
		visit = m.t(i18n.FamNeverVisited)
	}
	out := make([]string, colVisit+1)
	out[colVillage] = r.VillageName
	out[colName] = r.Name
	out[colSex] = model.Sexes.Label(r.Sex, lang)
	out[colAge] = age
	out[colCats] = i18n.CatShortList(lang, r.Categories)
	out[colID] = model.MaskID(r.IDNumber)
	out[colPhone] = phone
	out[colCadre] = r.PairingCadre
	out[colVisit] = visit
	for i := range out {
		out[i] = textwidth.Clean(out[i])
	}
	return out
}

// ageOn is the age in whole years on day t of someone born on the ISO date birth, or -1.
func ageOn(birth string, t time.Time) int {
	if len(birth) < 10 {
		return -1
	}
	y, err1 := strconv.Atoi(birth[:4])
	mo, err2 := strconv.Atoi(birth[5:7])
	d, err3 := strconv.Atoi(birth[8:10])
	if err1 != nil || err2 != nil || err3 != nil {
		return -1
	}
	age := t.Year() - y
	if int(t.Month()) < mo || (int(t.Month()) == mo && t.Day() < d) {
		age--
	}
	if age < 0 {
		return -1
	}
	return age
}

func (l *listState) onPage(m *Model, msg pageMsg) tea.Cmd {
	if msg.seq != l.seq {
		return nil // overtaken by a newer query
	}
	l.loading = false
	if msg.err != nil {
		return tab.StatusError(m.errText(msg.err))
	}
	l.loaded = true
	ids := make([]int64, len(msg.page.Rows))
	rows := make([][]string, len(msg.page.Rows))
	for i := range msg.page.Rows {
		ids[i] = msg.page.Rows[i].ID
		rows[i] = m.cells(&msg.page.Rows[i])
	}
	l.table.SetWindow(msg.page.Offset, msg.page.Total, ids, rows)
	l.lastText = m.peopleQuery().Text
	l.resetting = false
	if len(l.pending) > 0 && !l.stale() {
		// Keys typed right after the text: now they apply to what was searched for.
		keys := l.pending
		l.pending = nil
		var cmds []tea.Cmd
		for _, k := range keys {
			if m.mode != modeList || m.dialog != nil {
				break // a command opened something: the rest was typed for the list
			}
			cmds = append(cmds, m.listKey(k))
		}
		return tea.Batch(append(cmds, m.fetchIfMissing())...)
	}
	return m.fetchIfMissing()
}

// stale reports that the rows on screen do not answer the text typed yet: the debounce
// has not fired or the new search has not come back. Movement and command keys (arrows,
// Enter, F4, F5, Delete) then wait, or they would act on the rows of the previous search.
func (l *listState) stale() bool {
	return l.tag != l.queried || (l.resetting && l.loading)
}

// fetchIfMissing queries a new window when the visible rows are not all fetched.
func (m *Model) fetchIfMissing() tea.Cmd {
	l := &m.list
	if !l.table.Missing(l.margin() / 2) {
		return nil
	}
	off, _ := l.table.WindowFor(l.margin())
	if l.loading && off == l.reqOffset {
		return nil // that window is on its way
	}
	return m.query(false)
}

func (m *Model) listKey(msg tea.KeyMsg) tea.Cmd {
	l := &m.list
	k := m.kList
	switch {
	case l.stale() && (key.Matches(msg, k.Up) || key.Matches(msg, k.Down) || key.Matches(msg, k.PageUp) ||
		key.Matches(msg, k.PageDown) || key.Matches(msg, k.Home) || key.Matches(msg, k.End) ||
		key.Matches(msg, k.Open) || key.Matches(msg, k.Edit) || key.Matches(msg, k.Visit) || key.Matches(msg, k.Trash)):
		l.pending = append(l.pending, msg)
		if l.tag != l.queried {
			return m.query(true) // search now rather than after the pause
		}
		return nil
	case key.Matches(msg, k.Up):
		l.table.Move(-1)
	case key.Matches(msg, k.Down):
		l.table.Move(1)
	case key.Matches(msg, k.PageUp):
		l.table.Move(-max(l.table.Rows()-1, 1))
	case key.Matches(msg, k.PageDown):
		l.table.Move(max(l.table.Rows()-1, 1))
	case key.Matches(msg, k.Home):
		l.table.SetCursor(0)
	case key.Matches(msg, k.End):
		l.table.SetCursor(l.table.Total() - 1)
	case key.Matches(msg, k.Open):
		id, ok := l.table.SelectedID()
		if !ok {
			return tab.StatusError(m.t(i18n.FamNoSelection))
		}
		return m.openDetail(id)
	case key.Matches(msg, k.Clear):
		if l.search.Clear() {
			l.tag++
			return m.query(true)
		}
		if l.f.active() {
			l.f = filters{}
			return tea.Batch(m.query(true), tab.Status(m.t(i18n.FamFiltersCleared), false))
		}
		return nil
	case key.Matches(msg, k.Add):
		if c := m.refuseWrite(); c != nil {
			return c
		}
		return m.openPersonForm(model.Person{}, modeList)
	case key.Matches(msg, k.Filters):
		return m.openPanel()
	case key.Matches(msg, k.Edit), key.Matches(msg, k.Visit), key.Matches(msg, k.Trash):
		if c := m.refuseWrite(); c != nil {
			return c
		}
		id, ok := l.table.SelectedID()
		if !ok {
			return tab.StatusError(m.t(i18n.FamNoSelection))
		}
		switch {
		case key.Matches(msg, k.Edit):
			return m.load(id, forEdit, modeList)
		case key.Matches(msg, k.Visit):
			return m.load(id, forVisit, modeList)
		}
		cells, _ := l.table.Selected()
		return m.confirmTrash(id, cells[colName], cells[colVillage])
	default:
		changed, _ := l.search.Update(msg)
		if !changed {
			return nil
		}
		l.pending = nil
		l.tag++
		tag := l.tag
		return tea.Tick(Debounce, func(time.Time) tea.Msg { return debounceMsg{tag: tag} })
	}
	return m.fetchIfMissing()
}

// filterSummary describes the active F3 filters in one line.
func (m *Model) filterSummary() string {
	f := m.list.f
	lang := m.env.Lang
	var parts []string
	if f.category != "" {
		parts = append(parts, model.Categories.Label(f.category, lang))
	}
	if f.villageID != 0 {
		parts = append(parts, m.villageName(f.villageID))
	}
	if f.cadre != "" {
		parts = append(parts, f.cadre)
	}
	if f.status != "" {
		parts = append(parts, model.PersonStatuses.Label(f.status, lang))
	}
	switch {
	case f.visit == 1:
		parts = append(parts, m.t(i18n.SumNotYear))
	case f.visit == 2 && f.days > 0:
		parts = append(parts, m.t(i18n.SumNotDays, f.days))
	}
	if f.needs {
		parts = append(parts, m.t(i18n.SumNeeds))
	}
	if f.incomplete {
		parts = append(parts, m.t(i18n.SumIncomplete))
	}
	return strings.Join(parts, " ")
}

func (l *listState) view(m *Model) string {
	w := m.width
	right := ""
	switch {
	case !l.loaded || (l.stale() && l.loading):
		right = m.t(i18n.FamLoading) // a new search is on its way (the index may be warming up)
	default:
		right = m.t(i18n.FamCount, l.table.Total())
	}
	if l.f.active() {
		sum := textwidth.Truncate(m.t(i18n.FamFilters, textwidth.Clean(m.filterSummary())), max(w/3, 10))
		right = sum + styles.Separator + right
	}
	lines := []string{l.search.View(w, right)}
	switch {
	case !l.loaded:
		l.table.Empty = []string{m.t(i18n.FamLoading)}
	case l.table.Total() == 0 && strings.TrimSpace(l.lastText) != "":
		l.table.Empty = wrapAll(w-2, m.t(i18n.FamNoMatch, textwidth.Clean(l.lastText)), "", m.t(i18n.FamNoMatch2))
	case l.table.Total() == 0 && l.f.active():
		l.table.Empty = wrapAll(w-2, m.t(i18n.FamNoMatchFilter))
	default:
		l.table.Empty = wrapAll(w-2, m.t(i18n.FamEmptyRoster), "", m.t(i18n.FamEmptyRoster2))
	}
	lines = append(lines, l.table.View())
	return strings.Join(lines, "\n")
}

// wrapAll wraps each paragraph to w cells.
func wrapAll(w int, paras ...string) []string {
	var out []string
	for _, p := range paras {
		if p == "" {
			out = append(out, "")
			continue
		}
		out = append(out, textwidth.Wrap(p, w)...)
	}
	return out
}
