// Package units is the 单位 tab: the units the township works with (驻地部队, 武警, 消防救援,
// 人武部, 共建单位…) as a live-filtered list, a unit's detail with its 共建 pairings and the
// events that name it, the unit and pairing forms and the F3 filters. It is built from
// the shared tab parts: a screen stack, windowed lists and the unit's field table.
package units

import (
	"strconv"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/ui/components"
	"shuangyong/ui/i18n"
	"shuangyong/ui/keys"
	"shuangyong/ui/tab"
)

// Model is the units tab.
type Model struct {
	env      tab.Env
	stack    *components.Stack
	list     *listScreen
	fields   components.Fields[model.Unit]
	readOnly string
	seqs     uint64 // the tab's request counter (a detail drops answers it no longer waits for)
}

// New makes the tab.
func New(env tab.Env) *Model {
	m := &Model{env: env}
	m.fields = unitFields(env.Lang)
	m.list = newList(m)
	m.stack = components.NewStack(m.list, keys.NewDialog(env.Lang), m.t(i18n.GroupDialog))
	return m
}

func (m *Model) t(k i18n.Key, args ...any) string { return i18n.T(m.env.Lang, k, args...) }
func (m *Model) store() *store.Store              { return m.env.Store }
func (m *Model) now() time.Time                   { return m.env.Now() }
func (m *Model) errText(err error) string         { return tab.ErrText(m.env, err) }

// run calls the store off the event loop; apply runs on it.
func (m *Model) run(work func() func() tea.Cmd) tea.Cmd { return tab.Run(tab.Units, work) }

// refuseWrite returns a status command when writes are not allowed.
func (m *Model) refuseWrite() tea.Cmd {
	if m.readOnly == "" {
		return nil
	}
	return tab.StatusError(m.t(i18n.StatusReadOnlyRefused))
}

// changed announces saved units (events show unit names). The notice comes back to this
// tab too (the root hands it to every tab), and the screens showing units reload then.
func (m *Model) changed() tea.Cmd { return tab.Changed(tab.Units, tab.KindUnit) }

// Init runs the first query.
func (m *Model) Init() tea.Cmd { return m.list.query() }

// Title is the tab's label.
func (m *Model) Title() string { return m.t(i18n.TabUnits) }

// SetSize lays the tab out for its content area.
func (m *Model) SetSize(w, h int) {
	m.stack.SetSize(w, h)
	m.list.wl.Table.SetSize(w, max(h-1, 1))
}

// reloadMsg asks every screen on the stack to read its records again.
type reloadMsg struct{}

// Update handles a message.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tab.ReadOnlyMsg:
		m.readOnly = msg.Reason
		return nil
	case tab.SizeMsg:
		return m.list.wl.FetchIfMissing()
	case tab.ChangedMsg:
		if !msg.Touches(tab.KindUnit, tab.KindEvent) {
			return nil
		}
		return m.stack.Update(reloadMsg{})
	case tab.OpenMsg:
		if msg.Kind != tab.KindUnit {
			return nil
		}
		m.stack.PopTo(m.list)
		from := msg.From
		if from == tab.Units {
			from = -1
		}
		return m.openDetail(msg.ID, from)
	}
	return m.stack.Update(msg)
}

// openDetail shows a unit's detail over what is on the stack; from is the tab to go back
// to on Esc (-1: this one).
func (m *Model) openDetail(id int64, from tab.ID) tea.Cmd {
	d := newDetail(m, id, from)
	m.stack.Push(d)
	return d.load()
}

func (m *Model) View() string             { return m.stack.View() }
func (m *Model) ShortHelp() []key.Binding { return m.stack.ShortHelp() }
func (m *Model) Help() []keys.Group       { return m.stack.Help() }
func (m *Model) Modal() bool              { return m.stack.Modal() }
func (m *Model) Dirty() bool              { return m.stack.Dirty() }
func (m *Model) Typing() bool             { return m.stack.Typing() }

var _ tab.Tab = (*Model)(nil)

func itoa(id int64) string { return strconv.FormatInt(id, 10) }
func atoi(s string) int64 {
	n, _ := strconv.ParseInt(s, 10, 64)
	return n
}
