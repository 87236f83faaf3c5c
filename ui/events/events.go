// Package events is the 活动 tab: the year's 双拥 events as a live-filtered window onto
// the database (list.go), F3 filters (filter.go), an event's detail with the people it
// reached (detail.go), the event form (form.go), and the visit editor (ui/visitedit) on
// top of the detail. Each is a components.Screen on the tab's stack.
//
// Typing filters a year's events through a store.EventIndex held in memory (the LIKE scan
// costs 35–60 ms a keystroke at county scale); until the index is built, and while it is
// rebuilt after a change, the list reads from SQL instead.
package events

import (
	"sync/atomic"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/ui/components"
	"shuangyong/ui/i18n"
	"shuangyong/ui/keys"
	"shuangyong/ui/tab"
)

// Tab is the 活动 tab.
type Tab struct {
	env   tab.Env
	kList keys.List
	kDet  keys.Detail
	kForm keys.Form
	kDlg  keys.Dialog
	kPan  keys.Panel
	kEv   keys.Events

	stack *components.Stack
	list  *listScreen

	year     int
	readOnly string
	settings model.Settings
	villages []model.Village

	// index is the year's event index, nil while none fits the data (being built, or
	// dropped after a change). The list's fetches read it from their own goroutine.
	index    atomic.Pointer[store.EventIndex]
	ixSeq    uint64 // the newest build asked for
	building bool

	units       []store.UnitChoice
	unitsLoaded bool
	items       []model.Item
}

// New makes the tab.
func New(env tab.Env) tab.Tab { return newTab(env) }

func newTab(env tab.Env) *Tab {
	t := &Tab{
		env:   env,
		kList: keys.NewList(env.Lang),
		kDet:  keys.NewDetail(env.Lang),
		kForm: keys.NewForm(env.Lang),
		kDlg:  keys.NewDialog(env.Lang),
		kPan:  keys.NewPanel(env.Lang),
		kEv:   keys.NewEvents(env.Lang),
		year:  env.Now().Year(),
	}
	t.list = newList(t)
	t.stack = components.NewStack(t.list, t.kDlg, t.t(i18n.GroupDialog))
	return t
}

func (t *Tab) t(k i18n.Key, args ...any) string { return i18n.T(t.env.Lang, k, args...) }

func (t *Tab) fields() components.Fields[store.EventRow] { return Fields(t.env.Lang, t.env.Now) }

// Messages of this tab's own store calls (the screens' are in their files).

type indexMsg struct {
	seq uint64
	ix  *store.EventIndex
	err error
}

func (indexMsg) Target() tab.ID { return tab.Events }

type unitsMsg struct {
	units []store.UnitChoice
	items []model.Item
	err   error
}

func (unitsMsg) Target() tab.ID { return tab.Events }

// Init runs the first query and reads the units and items the pickers offer.
func (t *Tab) Init() tea.Cmd {
	return tea.Batch(t.list.query(), t.loadChoices())
}

func (t *Tab) loadChoices() tea.Cmd {
	s, ctx := t.env.Store, t.env.Ctx
	return func() tea.Msg {
		units, err := s.UnitChoices(ctx)
		if err != nil {
			return unitsMsg{err: err}
		}
		items, err := s.ItemsUsed(ctx, 500)
		return unitsMsg{units: units, items: items, err: err}
	}
}

// buildIndex builds the year's index off the event loop, unless one is fine or under way.
func (t *Tab) buildIndex() tea.Cmd {
	if ix := t.index.Load(); (ix != nil && ix.Year == t.year) || t.building {
		return nil
	}
	t.building = true
	t.ixSeq++
	seq, year, s, ctx := t.ixSeq, t.year, t.env.Store, t.env.Ctx
	return func() tea.Msg {
		ix, err := s.BuildEventIndex(ctx, year)
		return indexMsg{seq: seq, ix: ix, err: err}
	}
}

// dropIndex forgets the index (records changed, or the year did) and any build under way.
func (t *Tab) dropIndex() {
	t.index.Store(nil)
	t.ixSeq++
	t.building = false
}

// Update handles a message.
func (t *Tab) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tab.SettingsMsg:
		t.settings, t.villages = msg.Settings, msg.Villages
		return nil
	case tab.ReadOnlyMsg:
		t.readOnly = msg.Reason
		return nil
	case tab.ChangedMsg:
		if !msg.Touches(tab.KindEvent, tab.KindVisit, tab.KindUnit, tab.KindPerson) {
			return nil
		}
		var cmds []tea.Cmd
		if msg.Touches(tab.KindEvent, tab.KindVisit, tab.KindUnit) {
			t.dropIndex()
		}
		if msg.Touches(tab.KindUnit, tab.KindEvent) {
			cmds = append(cmds, t.loadChoices())
		}
		cmds = append(cmds, t.stack.Update(msg))
		return tea.Batch(cmds...)
	case tab.OpenMsg:
		if msg.Kind != tab.KindEvent {
			return nil
		}
		// Unsaved edits are never thrown away: the event opens over the form, and Esc
		// comes back to it.
		if !t.stack.Dirty() {
			t.stack.PopTo(t.list)
			t.stack.Dialog = nil
		}
		return t.openDetail(msg.ID, msg.From)
	case indexMsg:
		if msg.seq != t.ixSeq {
			return nil
		}
		t.building = false
		if msg.err != nil || msg.ix.Year != t.year {
			return nil // the list keeps answering from SQL
		}
		t.index.Store(msg.ix)
		return t.list.wl.Refresh()
	case trashedMsg:
		return t.onTrashed(msg)
	case unitsMsg:
		if msg.err == nil {
			t.units, t.items, t.unitsLoaded = msg.units, msg.items, true
			return t.stack.Update(msg)
		}
		return nil
	}
	cmd := t.stack.Update(msg)
	if t.stack.Top() == components.Screen(t.list) && t.stack.Dialog == nil && t.list.wl.Loaded() && !t.list.wl.Busy() {
		// The list shows its rows and is where typing goes: now the index may take the
		// connection for a while (at county scale about a second). Not before: the first
		// rows, and a detail's or a form's reads, would wait behind it.
		return tea.Batch(cmd, t.buildIndex())
	}
	return cmd
}

// openDetail pushes the detail of an event; from is the tab that asked (Esc goes back
// there), or tab.Events.
func (t *Tab) openDetail(id int64, from tab.ID) tea.Cmd {
	d := newDetail(t, id, from)
	t.stack.Push(d)
	return d.load()
}

// refuseWrite returns a status command when writes are not allowed.
func (t *Tab) refuseWrite() tea.Cmd {
	if t.readOnly == "" {
		return nil
	}
	return tab.StatusError(t.t(i18n.StatusReadOnlyRefused))
}

// errText explains an error in one line, without reading the disk.
func (t *Tab) errText(err error) string {
	if store.KindOf(err) == store.ErrDamaged {
		return t.t(i18n.StatusReadOnlyRefused)
	}
	return i18n.Error(t.env.Ctx, t.env.Lang, err)
}

// View draws the tab: exactly the size given.
func (t *Tab) View() string { return t.stack.View() }

// SetSize lays the tab out. The list's table takes its size at once, so that a query
// started before the next tab.SizeMsg asks for a window that fills the screen.
func (t *Tab) SetSize(w, h int) {
	t.stack.SetSize(w, h)
	t.list.wl.Table.SetSize(w, max(h-3, 1))
}

// Title is the tab's label.
func (t *Tab) Title() string { return t.t(i18n.TabEvents) }

func (t *Tab) ShortHelp() []key.Binding { return t.stack.ShortHelp() }
func (t *Tab) Help() []keys.Group       { return t.stack.Help() }
func (t *Tab) Modal() bool              { return t.stack.Modal() }
func (t *Tab) Dirty() bool              { return t.stack.Dirty() }
func (t *Tab) Typing() bool             { return t.stack.Typing() }

func (t *Tab) today() string { return t.env.Now().Format("2006-01-02") }

var _ tab.Tab = (*Tab)(nil)
