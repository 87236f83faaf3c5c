package units

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

// listScreen is the tab's bottom screen: the search box over the live-filtered units.
type listScreen struct {
	m      *Model
	search components.SearchBox
	wl     *components.WindowList
	keys   keys.List
	kind   string // F3 filters
	side   string
	text   string // the text of the newest query
}

func newList(m *Model) *listScreen {
	l := &listScreen{m: m, keys: keys.NewList(m.env.Lang)}
	l.keys.Visit.SetEnabled(false) // a unit has no visits
	l.search = components.SearchBox{Label: m.t(i18n.SearchLabel), Placeholder: m.t(i18n.UnitsSearchHint)}
	l.search.Input.Max = 60
	cols := append(m.fields.Columns(),
		components.Column{Title: m.t(i18n.UnitColPartners), Min: 4, Max: 4, Keep: 40, Right: true},
		components.Column{Title: m.t(i18n.UnitColEvents), Min: 8, Max: 8, Keep: 70, Right: true})
	l.wl = components.NewWindowList(m.env.Ctx, tab.Units, cols)
	return l
}

// query starts a search for the text and filters as they stand.
func (l *listScreen) query() tea.Cmd {
	q := store.UnitQuery{Text: l.search.Value(), Kind: l.kind, Side: l.side}
	l.text = q.Text
	s, year, fields := l.m.store(), l.m.now().Year(), l.m.fields
	return l.wl.SetQuery(func(ctx context.Context, off, limit int) (components.Page, error) {
		q.Offset, q.Limit = off, limit
		page, err := s.ListUnits(ctx, q, year)
		out := components.Page{Offset: page.Offset, Total: page.Total}
		for i := range page.Rows {
			r := &page.Rows[i]
			out.IDs = append(out.IDs, r.ID)
			out.Rows = append(out.Rows, append(fields.Cells(&r.Unit), strconv.Itoa(r.Partners), strconv.Itoa(r.EventsThisYear)))
		}
		return out, err
	})
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
		return tea.Batch(cmd, l.wl.Replay(l.key, func() bool { return l.m.stack.Top() == l && l.m.stack.Dialog == nil }))
	case reloadMsg:
		return l.wl.Refresh()
	case tea.KeyMsg:
		return l.key(msg)
	}
	return nil
}

// acts reports keys that act on the selected row: they wait for the rows of the newest
// search, or they would act on a row of the previous one.
func (l *listScreen) acts(msg tea.KeyMsg) bool {
	k := l.keys
	for _, b := range []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End, k.Open, k.Edit, k.Trash, k.History} {
		if key.Matches(msg, b) {
			return true
		}
	}
	return false
}

func (l *listScreen) key(msg tea.KeyMsg) tea.Cmd {
	m, k, wl := l.m, l.keys, l.wl
	if l.acts(msg) && !wl.Current() {
		wl.Defer(msg)
		return nil
	}
	if cmd, moved := wl.Navigate(msg, k.Nav()); moved {
		return cmd
	}
	switch {
	case key.Matches(msg, k.Open):
		id, _, ok := wl.Selected()
		if !ok {
			return tab.StatusError(m.t(i18n.UnitsNoSelection))
		}
		return m.openDetail(id, -1)
	case key.Matches(msg, k.Clear):
		if l.search.Clear() {
			return l.query()
		}
		if l.kind != "" || l.side != "" {
			l.kind, l.side = "", ""
			return tea.Batch(l.query(), tab.Status(m.t(i18n.FamFiltersCleared), false))
		}
		return nil
	case key.Matches(msg, k.Add):
		if c := m.refuseWrite(); c != nil {
			return c
		}
		return m.openForm(model.Unit{}, nil)
	case key.Matches(msg, k.Filters):
		m.stack.Push(newPanel(m))
		return nil
	case key.Matches(msg, k.History):
		id, cells, _ := wl.Selected()
		name := ""
		if id != 0 {
			name = cells[0]
		}
		return m.openHistory(id, name)
	case key.Matches(msg, k.Edit), key.Matches(msg, k.Trash):
		if c := m.refuseWrite(); c != nil {
			return c
		}
		id, cells, ok := wl.Selected()
		if !ok {
			return tab.StatusError(m.t(i18n.UnitsNoSelection))
		}
		if key.Matches(msg, k.Trash) {
			return m.confirmTrash(id, cells[0])
		}
		return m.loadForEdit(id)
	}
	if changed, _ := l.search.Update(msg); changed {
		wl.DropDeferred()
		return l.query()
	}
	return nil
}

// filterSummary names the active F3 filters.
func (l *listScreen) filterSummary() string {
	var parts []string
	if l.kind != "" {
		parts = append(parts, model.UnitKinds.Label(l.kind, l.m.env.Lang))
	}
	if l.side != "" {
		parts = append(parts, model.Sides.Label(l.side, l.m.env.Lang))
	}
	return strings.Join(parts, " ")
}

func (l *listScreen) View(w, h int) string {
	m, t := l.m, l.wl.Table
	right := m.t(i18n.UnitsCount, t.Total())
	if !l.wl.Loaded() {
		right = m.t(i18n.UnitsLoading)
	}
	if sum := l.filterSummary(); sum != "" {
		right = textwidth.Truncate(m.t(i18n.UnitsFilters, sum), max(w/3, 10)) + styles.Separator + right
	}
	switch {
	case !l.wl.Loaded():
		t.Empty = []string{m.t(i18n.UnitsLoading)}
	case strings.TrimSpace(l.text) != "":
		t.Empty = textwidth.Wrap(m.t(i18n.UnitsNoMatch, textwidth.Clean(l.text)), w-2)
	case l.kind != "" || l.side != "":
		t.Empty = textwidth.Wrap(m.t(i18n.FamNoMatchFilter), w-2)
	default:
		t.Empty = append(textwidth.Wrap(m.t(i18n.UnitsEmpty), w-2), append([]string{""}, textwidth.Wrap(m.t(i18n.UnitsEmpty2), w-2)...)...)
	}
	return l.search.View(w, right) + "\n" + t.View()
}

func (l *listScreen) ShortHelp() []key.Binding {
	k := l.keys
	return []key.Binding{k.Open, k.Add, k.Filters, k.Edit, k.Trash, k.Clear}
}

func (l *listScreen) Help() []keys.Group {
	k := l.keys
	return []keys.Group{{Title: l.m.t(i18n.GroupList), Bindings: keys.Dedupe([]key.Binding{
		k.Type, k.Up, k.PageUp, k.Home, k.Open, k.Add, k.Filters, k.Edit, k.Trash, k.History, k.Clear})}}
}

func (l *listScreen) Modal() bool  { return false }
func (l *listScreen) Dirty() bool  { return false }
func (l *listScreen) Typing() bool { return true }
