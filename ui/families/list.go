package families

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/ui/components"
	"shuangyong/ui/i18n"
	"shuangyong/ui/keys"
	"shuangyong/ui/rosterimport"
	"shuangyong/ui/styles"
	"shuangyong/ui/tab"
	"shuangyong/ui/textwidth"
)

// Column indexes of the list: the place of the person's fields that have a column
// (personField.col), and of their cells in a row.
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

// listScreen is the tab's bottom screen: the search box over the live-filtered roster.
// Every keystroke that changes the text searches at once (the shared windowed list keeps
// one query in flight and runs the newest text when the answer is in).
type listScreen struct {
	m      *Model
	search components.SearchBox
	wl     *components.WindowList
	table  *components.Table            // wl.Table
	cols   components.Fields[personRow] // the person's fields the columns show, in column order
	f      filters
	text   string // the text of the newest query
}

func newList(m *Model) *listScreen {
	l := &listScreen{m: m}
	l.search = components.SearchBox{Label: m.t(i18n.SearchLabel), Placeholder: m.t(i18n.SearchHint)}
	l.search.Input.Max = 60
	l.cols = m.personTable(model.Person{}, personView{}).columns()
	l.wl = components.NewWindowList(m.env.Ctx, tab.Families, l.cols.Columns())
	l.table = l.wl.Table
	return l
}

func (l *listScreen) setSize(w, h int) { l.table.SetSize(w, max(h-1, 1)) }

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
	// "Not visited" is about the people on the roll (在册, 停发), as in the tally's 未走访
	// list — not the dead and the moved out, unless a status is chosen.
	q.OnRoll = f.visit != 0
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

// query starts a search for the text and filters as they stand (cursor to the top).
func (l *listScreen) query() tea.Cmd {
	m := l.m
	q := m.peopleQuery()
	l.text = q.Text
	s, cols := m.store(), l.cols
	return l.wl.SetQuery(func(ctx context.Context, off, limit int) (components.Page, error) {
		q.Offset, q.Limit = off, limit
		page, err := s.SearchPeople(ctx, q)
		out := components.Page{Offset: page.Offset, Total: page.Total, Meta: page.WeakOnly}
		out.IDs = make([]int64, len(page.Rows))
		out.Rows = make([][]string, len(page.Rows))
		for i := range page.Rows {
			out.IDs[i] = page.Rows[i].ID
			out.Rows[i] = cols.Cells(&page.Rows[i])
		}
		return out, err
	})
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

func (l *listScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case components.PageMsg:
		cmd, took, err := l.wl.OnPage(msg)
		if !took {
			return nil
		}
		if err != nil {
			return tab.StatusError(l.m.errText(err))
		}
		// Keys typed right after the text: now they apply to what was searched for.
		return tea.Batch(cmd, l.wl.Replay(l.key, func() bool { return l.m.inFront(l) }))
	case reloadMsg:
		return l.wl.Refresh()
	case tea.KeyMsg:
		return l.key(msg)
	}
	return nil
}

// acts reports movement and command keys: they wait for the rows of the newest search,
// or they would act on the rows of the previous one.
func (l *listScreen) acts(msg tea.KeyMsg) bool {
	k := l.m.kList
	for _, b := range []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End, k.Open, k.Edit, k.Visit, k.Trash, k.History} {
		if key.Matches(msg, b) {
			return true
		}
	}
	return false
}

func (l *listScreen) key(msg tea.KeyMsg) tea.Cmd {
	m, k, wl := l.m, l.m.kList, l.wl
	if l.acts(msg) && !wl.Current() {
		wl.Defer(msg)
		return nil
	}
	if cmd, moved := wl.Navigate(msg, k.Nav()); moved {
		return cmd
	}
	switch {
	case key.Matches(msg, k.Open):
		id, cells, ok := wl.Selected()
		if !ok {
			return tab.StatusError(m.t(i18n.FamNoSelection))
		}
		return m.openDetail(id, cells[colVillage], -1)
	case key.Matches(msg, k.Clear):
		if l.search.Clear() {
			return l.query()
		}
		if l.f.active() {
			l.f = filters{}
			return tea.Batch(l.query(), tab.Status(m.t(i18n.FamFiltersCleared), false))
		}
		return nil
	case key.Matches(msg, k.Add):
		if c := m.refuseWrite(); c != nil {
			return c
		}
		return m.openPersonForm(model.Person{}, "")
	case key.Matches(msg, k.Filters):
		return m.openPanel()
	case msg.Type == tea.KeyF6:
		return m.openFollowUps()
	case msg.Type == tea.KeyCtrlO:
		if c := m.refuseWrite(); c != nil {
			return c
		}
		return rosterimport.Start(rosterimport.Host{Env: m.env, Tab: tab.Families, Stack: m.stack,
			Done: m.changed})
	case key.Matches(msg, k.History):
		id, cells, _ := wl.Selected()
		name := ""
		if id != 0 {
			name = cells[colName]
		}
		return m.openHistory(id, name)
	case key.Matches(msg, k.Edit), key.Matches(msg, k.Visit), key.Matches(msg, k.Trash):
		if c := m.refuseWrite(); c != nil {
			return c
		}
		id, cells, ok := wl.Selected()
		if !ok {
			return tab.StatusError(m.t(i18n.FamNoSelection))
		}
		switch {
		case key.Matches(msg, k.Edit):
			return m.load(id, forEdit, nil, -1)
		case key.Matches(msg, k.Visit):
			return m.load(id, forVisit, nil, -1)
		}
		return m.confirmTrash(id, cells[colName], cells[colVillage])
	}
	if changed, _ := l.search.Update(msg); changed {
		wl.DropDeferred()
		return l.query()
	}
	return nil
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

func (l *listScreen) View(w, h int) string {
	m := l.m
	right := m.t(i18n.FamCount, l.table.Total())
	if weak, _ := l.wl.Meta().(bool); weak && l.table.Total() > 0 {
		right = m.t(i18n.FamWeakOnly) + " " + right // no name, category or number matched
	}
	if !l.wl.Loaded() || (!l.wl.Current() && l.wl.Busy()) {
		right = m.t(i18n.FamLoading) // a new search is on its way (the index may be warming up)
	}
	if l.f.active() {
		sum := textwidth.Truncate(m.t(i18n.FamFilters, textwidth.Clean(m.filterSummary())), max(w/3, 10))
		right = sum + styles.Separator + right
	}
	switch {
	case !l.wl.Loaded():
		l.table.Empty = []string{m.t(i18n.FamLoading)}
	case l.table.Total() == 0 && strings.TrimSpace(l.text) != "":
		l.table.Empty = wrapAll(w-2, m.t(i18n.FamNoMatch, textwidth.Clean(l.text)), "", m.t(i18n.FamNoMatch2))
	case l.table.Total() == 0 && l.f.active():
		l.table.Empty = wrapAll(w-2, m.t(i18n.FamNoMatchFilter))
	default:
		l.table.Empty = wrapAll(w-2, m.t(i18n.FamEmptyRoster), "", m.t(i18n.FamEmptyRoster2))
	}
	return l.search.View(w, right) + "\n" + l.table.View()
}

func (l *listScreen) ShortHelp() []key.Binding { return l.m.kList.Short() }

// matchTag names the field a search matched when the row's columns do not show it (a
// serviceman's or martyr's name, the unit, the address, the pairing cadre): 「[军人]」.
func matchTag(lang model.Lang, f store.MatchField) string {
	switch f {
	case store.MatchServiceman, store.MatchMartyr, store.MatchUnit, store.MatchAddress, store.MatchCadre:
		return "[" + i18n.T(lang, i18n.MatchTag(string(f))) + "]"
	}
	return ""
}

func (l *listScreen) Help() []keys.Group {
	todo := key.NewBinding(key.WithKeys("f6"), key.WithHelp("F6", l.m.t(i18n.KeyFollowUps)))
	imp := key.NewBinding(key.WithKeys("ctrl+o"), key.WithHelp("Ctrl+O", l.m.t(i18n.ImpKey)))
	order := key.NewBinding(key.WithKeys(), key.WithHelp(l.m.t(i18n.SearchOrderLabel), l.m.t(i18n.SearchOrder)))
	return []keys.Group{{Title: l.m.t(i18n.GroupList), Bindings: keys.Dedupe(append(l.m.kList.Full(), todo, imp, order))}}
}
func (l *listScreen) Modal() bool  { return false }
func (l *listScreen) Dirty() bool  { return false }
func (l *listScreen) Typing() bool { return true }

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
