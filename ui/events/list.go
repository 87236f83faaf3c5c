package events

import (
	"context"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/ui/components"
	"shuangyong/ui/i18n"
	"shuangyong/ui/keys"
	"shuangyong/ui/styles"
	"shuangyong/ui/tab"
	"shuangyong/ui/textwidth"
)

// filters are the F3 choices.
type filters struct {
	Type, Occasion, Direction string
	Month                     int
	UnitID                    int64
	UnitName                  string
}

func (f filters) any() bool { return f != filters{} }

// listScreen is the year's events: a search box that is always live, the window of rows,
// and a foot with the count and the running totals.
type listScreen struct {
	t      *Tab
	search components.SearchBox
	wl     *components.WindowList
	f      filters

	// cur is the newest query's state: its fetches write the totals they find, which are
	// read (on the event loop) only once its rows are shown.
	cur         *listQuery
	totals      store.EventTotals
	totalsKnown bool
	err         string
	typed       string // the text the rows answer
}

// listQuery is one query and what its fetches found out besides the rows.
type listQuery struct {
	q        store.EventQuery
	tot      store.EventTotals
	totKnown bool
}

// hidden cells after the columns' (not drawn): what the trash question names.
const (
	cellTitle = iota
	cellDate
	cellVisits
	hiddenCells
)

func newList(t *Tab) *listScreen {
	l := &listScreen{t: t}
	l.search = components.SearchBox{Label: t.t(i18n.SearchLabel), Placeholder: t.t(i18n.EvSearchPlaceholder)}
	l.wl = components.NewWindowList(t.env.Ctx, tab.Events, t.fields().Columns())
	return l
}

func (l *listScreen) storeQuery() store.EventQuery {
	return store.EventQuery{Year: l.t.year, Text: strings.TrimSpace(l.search.Value()), Type: l.f.Type, Occasion: l.f.Occasion,
		Direction: l.f.Direction, Month: l.f.Month, UnitID: l.f.UnitID}
}

// query starts the query as the box and the filters stand (the cursor goes to the top).
func (l *listScreen) query() tea.Cmd {
	lq := &listQuery{q: l.storeQuery()}
	l.cur = lq
	l.totalsKnown = false
	return l.wl.SetQuery(l.fetch(lq))
}

// fetch reads a window: from the year's index when there is one (the match and its totals
// in memory, then only the window's rows), else from SQL.
func (l *listScreen) fetch(lq *listQuery) components.Fetch {
	t := l.t
	s, fs, lang := t.env.Store, t.fields(), t.env.Lang
	return func(ctx context.Context, off, limit int) (components.Page, error) {
		var rows []store.EventRow
		var total int
		if ix := t.index.Load(); ix != nil && ix.Year == lq.q.Year {
			ids, tot := ix.Match(lq.q)
			lq.tot, lq.totKnown = tot, true
			total = len(ids)
			off = min(off, total)
			var err error
			rows, err = s.EventWindow(ctx, ix, ids[off:min(off+limit, total)])
			if err != nil {
				return components.Page{}, err
			}
		} else {
			q := lq.q
			q.Offset, q.Limit = off, limit
			p, err := s.ListEvents(ctx, q)
			if err != nil {
				return components.Page{}, err
			}
			lq.totKnown = false
			rows, total = p.Rows, p.Total
		}
		page := components.Page{Offset: off, Total: total, IDs: make([]int64, len(rows)), Rows: make([][]string, len(rows))}
		for i := range rows {
			r := &rows[i]
			page.IDs[i] = r.ID
			cells := rowCells(fs, r, lang)
			page.Rows[i] = append(cells, textwidth.Clean(r.Title), r.Date, strconv.Itoa(r.Visits))
		}
		return page, nil
	}
}

// rowCells are an event's list cells: the table's, with the type short and the place
// falling back on the organiser.
func rowCells(fs components.Fields[store.EventRow], r *store.EventRow, lang model.Lang) []string {
	if r.Type == "" && r.Date == "" {
		return nil // gone since the index was built
	}
	cp := *r
	if cp.Place == "" {
		cp.Place = cp.Organiser
	}
	return fs.Cells(&cp)
}

// Update handles keys and the list's pages.
func (l *listScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case components.PageMsg:
		return l.onPage(msg)
	case tab.SizeMsg:
		return l.resize()
	case tab.ChangedMsg:
		if msg.Touches(tab.KindEvent, tab.KindVisit, tab.KindUnit) {
			return l.wl.Refresh()
		}
	case tea.KeyMsg:
		return l.key(msg)
	}
	return nil
}

func (l *listScreen) onPage(msg components.PageMsg) tea.Cmd {
	cmd, took, err := l.wl.OnPage(msg)
	if !took {
		return nil
	}
	if err != nil {
		l.err = l.t.errText(err)
		return tea.Batch(cmd, tab.StatusError(l.err))
	}
	l.err = ""
	if l.wl.Current() {
		l.typed = l.cur.q.Text
		l.totals, l.totalsKnown = l.cur.tot, l.cur.totKnown
	}
	return tea.Batch(cmd, l.wl.Replay(l.key, nil))
}

// resize gives the rows the area between the search line above and the two foot lines below.
func (l *listScreen) resize() tea.Cmd {
	w, h := l.t.stack.Size()
	return l.wl.SetSize(w, max(h-3, 1))
}

func (l *listScreen) key(msg tea.KeyMsg) tea.Cmd {
	k := l.t.kList
	ev := l.t.kEv
	s := msg.String()
	if cmd, moved := l.wl.Navigate(msg, k.Nav()); moved {
		return cmd
	}
	switch {
	case key.Matches(msg, ev.PrevYear) && (!keys.YearTyped(s) || l.search.Value() == ""):
		return l.setYear(l.t.year - 1)
	case key.Matches(msg, ev.NextYear) && (!keys.YearTyped(s) || l.search.Value() == ""):
		return l.setYear(l.t.year + 1)
	case key.Matches(msg, k.Clear):
		if l.search.Clear() {
			l.wl.DropDeferred()
			return l.query()
		}
		if l.f.any() {
			l.f = filters{}
			return tea.Batch(l.query(), tab.Status(l.t.t(i18n.EvFiltersCleared), false))
		}
		return nil
	case key.Matches(msg, k.Add):
		if cmd := l.t.refuseWrite(); cmd != nil {
			return cmd
		}
		return l.t.openForm(nil)
	case key.Matches(msg, k.History):
		if !l.wl.Current() {
			l.wl.Defer(msg)
			return nil
		}
		id, cells, _ := l.wl.Selected()
		title := ""
		if id != 0 {
			title = cells[len(cells)-hiddenCells+cellTitle]
		}
		return l.t.openHistory(id, title)
	case key.Matches(msg, k.Filters):
		l.t.stack.Push(newFilterPanel(l.t, l.f))
		return nil
	case key.Matches(msg, l.t.campaignKey()):
		if !l.wl.Current() {
			l.wl.Defer(msg)
			return nil
		}
		id, _, _ := l.wl.Selected()
		return l.t.onCampaignKey(id)
	case key.Matches(msg, k.Open), key.Matches(msg, k.Edit), key.Matches(msg, k.Trash):
		if !l.wl.Current() {
			l.wl.Defer(msg)
			return nil
		}
		id, cells, ok := l.wl.Selected()
		if !ok {
			return tab.StatusError(l.t.t(i18n.EvNoSelection))
		}
		switch {
		case key.Matches(msg, k.Open):
			return l.t.openDetail(id, tab.Events)
		case key.Matches(msg, k.Edit):
			if cmd := l.t.refuseWrite(); cmd != nil {
				return cmd
			}
			return l.t.editEvent(id)
		default:
			n := len(cells)
			visits, _ := strconv.Atoi(cells[n-hiddenCells+cellVisits])
			return l.t.askTrash(id, cells[n-hiddenCells+cellTitle], cells[n-hiddenCells+cellDate], visits)
		}
	}
	if changed, _ := l.search.Update(msg); changed {
		l.wl.DropDeferred()
		return l.query()
	}
	return nil
}

// setYear shows another year (never one after the current).
func (l *listScreen) setYear(y int) tea.Cmd {
	if now := l.t.env.Now().Year(); y > now {
		return tab.Status(l.t.t(i18n.EvYearFuture, y), false)
	}
	if y < 1900 {
		return nil
	}
	l.t.year = y
	l.t.dropIndex()
	return tea.Batch(l.query(), func() tea.Msg { return tab.YearMsg{Year: y} })
}

// filterSummary names the F3 choices in force.
func (l *listScreen) filterSummary() string {
	lang := l.t.env.Lang
	var parts []string
	if l.f.Type != "" {
		parts = append(parts, model.EventTypes.Label(l.f.Type, lang))
	}
	if l.f.Occasion != "" {
		parts = append(parts, model.Occasions.Label(l.f.Occasion, lang))
	}
	if l.f.Month > 0 {
		parts = append(parts, l.t.t(i18n.EvFilterMonthN, l.f.Month))
	}
	if l.f.Direction != "" {
		parts = append(parts, model.Directions.Label(l.f.Direction, lang))
	}
	if l.f.UnitID != 0 {
		parts = append(parts, l.f.UnitName)
	}
	return i18n.JoinList(lang, parts)
}

// View draws the search line, the rows and the foot: exactly w x h.
func (l *listScreen) View(w, h int) string {
	t := l.t
	l.wl.Table.SetSize(w, max(h-3, 1))
	total := l.wl.Table.Total()
	right := t.t(i18n.EvYear, t.year) + "  "
	switch {
	case !l.wl.Loaded():
		right += t.t(i18n.EvLoading)
	case total == 0:
		right += t.t(i18n.EvCountNone)
	default:
		right += t.t(i18n.EvCountOf, l.wl.Table.Cursor()+1, total)
	}
	lines := []string{l.search.View(w, right)}
	switch {
	case l.err != "" && !l.wl.Loaded():
		lines = append(lines, strings.Split(components.Notice(w, max(h-3, 1), t.t(i18n.TabEvents), l.err), "\n")...)
	default:
		l.wl.Table.Empty = l.empty(w)
		lines = append(lines, strings.Split(l.wl.Table.View(), "\n")...)
	}
	foot := t.t(i18n.EvTotalsPending)
	if l.totalsKnown {
		foot = t.t(i18n.EvTotals, l.totals.Events, l.totals.Participants, model.FormatMoney(l.totals.MoneyFen))
	}
	if total > 0 && l.wl.Loaded() && !l.totalsKnown {
		foot = t.t(i18n.EvCount, t.year, total) + "  " + foot
	}
	lines = append(lines, styles.Dim.Render(strings.Repeat("-", w)))
	line := " " + foot
	if sum := l.filterSummary(); sum != "" {
		line += "  " + t.t(i18n.EvFilters, sum)
	} else {
		line += "  " + styles.Dim.Render(t.t(i18n.EvYearHint))
	}
	lines = append(lines, textwidth.FitStyled(line, w))
	return textwidth.Block(lines, w, h)
}

// empty is what the table shows when nothing matches.
func (l *listScreen) empty(w int) []string {
	t := l.t
	if !l.wl.Loaded() {
		return []string{styles.Dim.Render(t.t(i18n.EvLoading))}
	}
	var paras []string
	switch {
	case l.typed != "":
		paras = []string{t.t(i18n.EvNoMatch, l.typed), t.t(i18n.EvNoMatch2)}
	case l.f.any():
		paras = []string{t.t(i18n.EvNoMatchFilter)}
	default:
		paras = []string{t.t(i18n.EvEmptyYear, t.year), t.t(i18n.EvEmptyYear2)}
	}
	var out []string
	for _, p := range paras {
		out = append(out, "")
		out = append(out, textwidth.Wrap(textwidth.Clean(p), max(w-4, 10))...)
	}
	return out
}

func (l *listScreen) ShortHelp() []key.Binding {
	k := l.t.kList
	return []key.Binding{k.Open, k.Add, l.t.campaignKey(), k.Filters, k.Edit, k.Trash, l.t.kEv.PrevYear, k.Clear}
}

func (l *listScreen) Help() []keys.Group {
	k := l.t.kList
	b := []key.Binding{k.Type, k.Up, k.PageUp, k.Home, k.Open, k.Add, l.t.campaignKey(), k.Filters, k.Edit, k.Trash, k.History, l.t.kEv.PrevYear, k.Clear}
	return []keys.Group{{Title: l.t.t(i18n.GroupList), Bindings: keys.Dedupe(b)}}
}

func (l *listScreen) Modal() bool  { return false }
func (l *listScreen) Dirty() bool  { return false }
func (l *listScreen) Typing() bool { return true }
