package components

import (
	"context"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/ui/keys"
	"shuangyong/ui/tab"
)

// Page is one window of a list read from the store: the rows at Offset (their record
// ids and their cells, already cleaned for display) and how many rows the whole list has.
type Page struct {
	Offset, Total int
	IDs           []int64
	Rows          [][]string
	// Meta is what the query says about its whole answer (e.g. that only weak matches
	// were found), for the list's owner to show; Meta() returns the newest.
	Meta any
}

// Fetch reads the window [offset, offset+limit) of a list as its query now stands. It runs
// off the event loop.
type Fetch func(ctx context.Context, offset, limit int) (Page, error)

// PageMsg carries a window back to the list that asked for it. The root delivers it to
// tab To; the tab hands it to every list it has (WindowList.OnPage ignores another
// list's pages).
type PageMsg struct {
	To   tab.ID
	list *WindowList
	seq  uint64
	page Page
	err  error
}

// Target is the tab the page belongs to.
func (m PageMsg) Target() tab.ID { return m.To }

// WindowList is a list that lives in the database, shown through a Table: it fetches the
// rows around the visible ones and the total, fetches again as the cursor moves, and
// keeps at most one query in flight — a query asked for meanwhile replaces any waiting
// one and runs as soon as the answer is in (the answer, now stale, is dropped). So typing
// never waits behind a fixed pause, and a burst of IME runes costs one extra query, not
// one per rune (DESIGN.md §2). A refresh keeps the selected record selected by its id.
//
// Every list of every tab is one of these: the 军属 roster, units, events, the 统计
// drill-downs, the lists inside a detail.
type WindowList struct {
	Table *Table

	ctx   context.Context
	to    tab.ID
	fetch Fetch

	seq      uint64 // the newest request
	inFlight bool
	// next is a query asked for while another was in flight; it runs when that returns.
	next      Fetch
	nextReset bool
	// reset says the request in flight starts a new query (cursor to the top).
	reset     bool
	reqOffset int
	loaded    bool // a first page arrived
	queryDone bool // the rows shown answer the newest query
	keepID    int64
	meta      any
	err       error
	pending   []tea.KeyMsg
}

// NewWindowList makes a list for tab to, drawn with the given columns.
func NewWindowList(ctx context.Context, to tab.ID, cols []Column) *WindowList {
	return &WindowList{Table: NewTable(cols), ctx: ctx, to: to, reqOffset: -1}
}

// margin is how many rows beyond the visible ones a window holds on each side.
func (l *WindowList) margin() int { return max(l.Table.Rows(), 10) }

// SetQuery starts a new query: the cursor goes back to the top when its rows arrive.
func (l *WindowList) SetQuery(fetch Fetch) tea.Cmd {
	l.queryDone = false
	l.keepID = 0
	if l.inFlight {
		l.next, l.nextReset = fetch, true
		return nil
	}
	l.fetch = fetch
	return l.request(true)
}

// RefreshStale runs the query again after a change the rows on screen do not show yet (a
// person ticked off a list that hides them): keys that act on a row wait for the new rows,
// or a quick second key would act on the row that is about to go.
func (l *WindowList) RefreshStale() tea.Cmd {
	l.queryDone = false
	return l.Refresh()
}

// Hold marks the rows on screen as about to change, before the change is made (a tick
// sent to the store): keys that act on a row wait from now on, until RefreshStale's rows
// arrive — or a key pressed twice quickly would act twice on the row that is going.
// Whoever holds must call RefreshStale when the change is done, or failed.
func (l *WindowList) Hold() { l.queryDone = false }

// Refresh runs the query again (records changed) and keeps the selected record selected.
func (l *WindowList) Refresh() tea.Cmd {
	if l.fetch == nil {
		return nil
	}
	l.keepID, _ = l.Table.SelectedID()
	if l.inFlight {
		if l.next == nil {
			l.next, l.nextReset = l.fetch, false
		}
		return nil
	}
	return l.request(false)
}

// request fetches the window around the visible rows (the first rows on a reset).
func (l *WindowList) request(reset bool) tea.Cmd {
	if reset {
		l.Table.Reset()
	}
	off, limit := l.Table.WindowFor(l.margin())
	l.seq++
	l.inFlight, l.reset, l.reqOffset = true, reset, off
	msg := PageMsg{To: l.to, list: l, seq: l.seq}
	fetch, ctx := l.fetch, l.ctx
	return func() tea.Msg {
		msg.page, msg.err = fetch(ctx, off, limit)
		return msg
	}
}

// OnPage takes a page this list asked for (others are ignored: took is false) and
// returns what must run next: the query asked for meanwhile, or the window the cursor
// has moved to. A failed read is returned as err for the tab to show.
func (l *WindowList) OnPage(msg PageMsg) (cmd tea.Cmd, took bool, err error) {
	if msg.list != l {
		return nil, false, nil
	}
	if msg.seq != l.seq {
		return nil, true, nil
	}
	l.inFlight = false
	if l.next != nil {
		l.fetch, l.next = l.next, nil
		return l.request(l.nextReset), true, nil
	}
	if msg.err != nil {
		l.err = msg.err
		return nil, true, msg.err
	}
	l.err = nil
	p := msg.page
	l.Table.SetWindow(p.Offset, p.Total, p.IDs, p.Rows)
	l.meta = p.Meta
	if l.keepID != 0 {
		for i, id := range p.IDs {
			if id == l.keepID {
				l.Table.SetCursor(p.Offset + i)
				break
			}
		}
		l.keepID = 0
	}
	l.loaded, l.queryDone = true, true
	return l.FetchIfMissing(), true, nil
}

// FetchIfMissing asks for a new window when visible rows are not fetched yet.
func (l *WindowList) FetchIfMissing() tea.Cmd {
	if l.fetch == nil || !l.Table.Missing(l.margin()/2) {
		return nil
	}
	off, _ := l.Table.WindowFor(l.margin())
	if l.inFlight {
		if off != l.reqOffset && l.next == nil {
			l.next, l.nextReset = l.fetch, false
		}
		return nil
	}
	return l.request(false)
}

// Meta is the newest page's Meta.
func (l *WindowList) Meta() any { return l.meta }

// Loaded reports that a first page has arrived.
func (l *WindowList) Loaded() bool { return l.loaded }

// Current reports that the rows shown answer the newest query: keys that act on a row
// (Enter, F4, Delete) should wait until then (Defer) or they act on the previous search's
// rows.
func (l *WindowList) Current() bool { return l.queryDone && l.next == nil }

// Busy reports a request in flight.
func (l *WindowList) Busy() bool { return l.inFlight }

// Defer keeps a key typed before the rows caught up with the query; TakeDeferred returns
// them once Current.
func (l *WindowList) Defer(msg tea.KeyMsg) { l.pending = append(l.pending, msg) }

// TakeDeferred returns the deferred keys when the rows are current, and forgets them.
func (l *WindowList) TakeDeferred() []tea.KeyMsg {
	if !l.Current() || len(l.pending) == 0 {
		return nil
	}
	keys := l.pending
	l.pending = nil
	return keys
}

// Replay runs the keys deferred while the rows were awaited through key, once the rows
// are current, for as long as still reports the list is the screen in front (nil: always):
// a key that opened a form or a dialog leaves the rest, which were typed for the list.
func (l *WindowList) Replay(key func(tea.KeyMsg) tea.Cmd, still func() bool) tea.Cmd {
	var cmds []tea.Cmd
	for _, k := range l.TakeDeferred() {
		if still != nil && !still() {
			break
		}
		cmds = append(cmds, key(k))
	}
	return tea.Batch(cmds...)
}

// DropDeferred forgets deferred keys (the text changed again: they were meant for rows
// that will not be shown).
func (l *WindowList) DropDeferred() { l.pending = nil }

// Selected returns the selected record's id and cells.
func (l *WindowList) Selected() (int64, []string, bool) {
	id, ok := l.Table.SelectedID()
	if !ok {
		return 0, nil, false
	}
	cells, _ := l.Table.Selected()
	return id, cells, true
}

// Move moves the cursor by n rows and fetches what came into view.
func (l *WindowList) Move(n int) tea.Cmd {
	l.Table.Move(n)
	return l.FetchIfMissing()
}

// Page moves by a screenful (dir -1 or 1).
func (l *WindowList) Page(dir int) tea.Cmd { return l.Move(dir * max(l.Table.Rows()-1, 1)) }

// Home and End go to the first and last row.
func (l *WindowList) Home() tea.Cmd {
	l.Table.SetCursor(0)
	return l.FetchIfMissing()
}

func (l *WindowList) End() tea.Cmd {
	l.Table.SetCursor(l.Table.Total() - 1)
	return l.FetchIfMissing()
}

// SetSize sets the table's size (height includes its header line) and fetches rows that
// now fit.
func (l *WindowList) SetSize(w, h int) tea.Cmd {
	l.Table.SetSize(w, h)
	return l.FetchIfMissing()
}

// Navigate moves the cursor for a movement key of n and reports whether msg was one.
func (l *WindowList) Navigate(msg tea.KeyMsg, n keys.Nav) (tea.Cmd, bool) {
	switch {
	case key.Matches(msg, n.Up):
		return l.Move(-1), true
	case key.Matches(msg, n.Down):
		return l.Move(1), true
	case key.Matches(msg, n.PageUp):
		return l.Page(-1), true
	case key.Matches(msg, n.PageDown):
		return l.Page(1), true
	case key.Matches(msg, n.Home):
		return l.Home(), true
	case key.Matches(msg, n.End):
		return l.End(), true
	}
	return nil, false
}
