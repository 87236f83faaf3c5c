// Package families is the 军属 tab: the roster as a live-filtered window onto the
// database, a person's detail, the person form (F2/F4) and the visit form (F5, workflow
// W1 of SPEC.md §3). Its screens sit on the shared stack (list → detail → form, the F3
// panel, dialogs); every store call runs in a tea.Cmd and its answer is applied back on
// the event loop only if the screen that asked still wants it.
package families

import (
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

// Model is the families tab.
type Model struct {
	env   tab.Env
	kList keys.List
	kDet  keys.Detail
	kPan  keys.Panel

	readOnly string // why writes are refused ("" = allowed)

	settings model.Settings
	villages []model.Village
	cadres   []string

	stack *components.Stack
	list  *listScreen

	seq     uint64 // the one sequence counter of this tab's requests
	openSeq uint64 // the newest person load for a form
	// opening is set while a form's person (and amount) are read: keys typed meanwhile
	// (a quick typist, an IME commit, a paste) wait in early and go to the form when it
	// opens, instead of landing in the list's filter box.
	opening bool
	early   []tea.KeyMsg
}

// New makes the tab.
func New(env tab.Env) *Model {
	m := &Model{
		env:   env,
		kList: keys.NewList(env.Lang),
		kDet:  keys.NewDetail(env.Lang),
		kPan:  keys.NewPanel(env.Lang),
	}
	m.list = newList(m)
	m.stack = components.NewStack(m.list, keys.NewDialog(env.Lang), m.t(i18n.GroupDialog))
	return m
}

func (m *Model) t(k i18n.Key, args ...any) string { return i18n.T(m.env.Lang, k, args...) }

func (m *Model) next() uint64 {
	m.seq++
	return m.seq
}

// run calls the store off the event loop; the closure it returns runs on it.
func (m *Model) run(work func() func() tea.Cmd) tea.Cmd { return tab.Run(tab.Families, work) }

// changed announces saved people and visits. The notice comes back to this tab too (the
// root hands it to every tab), and the screens showing those records reload then: one
// way to reload after a save, whoever made it.
func (m *Model) changed() tea.Cmd {
	return tab.Changed(tab.Families, tab.KindPerson, tab.KindVisit, tab.KindEvent)
}

// Init runs the first query.
func (m *Model) Init() tea.Cmd { return m.list.query() }

// Title is the tab's label.
func (m *Model) Title() string { return m.t(i18n.TabFamilies) }

// SetSize lays the tab out for its content area.
func (m *Model) SetSize(w, h int) {
	m.stack.SetSize(w, h)
	m.list.setSize(w, h)
}

func (m *Model) size() (int, int) { return m.stack.Size() }

func (m *Model) Modal() bool              { return m.stack.Modal() }
func (m *Model) Dirty() bool              { return m.stack.Dirty() }
func (m *Model) Typing() bool             { return m.stack.Typing() }
func (m *Model) ShortHelp() []key.Binding { return m.stack.ShortHelp() }
func (m *Model) Help() []keys.Group       { return m.stack.Help() }
func (m *Model) View() string             { return m.stack.View() }

// refuseWrite returns a status command when writes are not allowed.
func (m *Model) refuseWrite() tea.Cmd {
	if m.readOnly == "" {
		return nil
	}
	return tab.StatusError(m.t(i18n.StatusReadOnlyRefused))
}

// errText explains an error in one line (tab.ErrText: no I/O on the event loop).
func (m *Model) errText(err error) string { return tab.ErrText(m.env, err) }

// inFront reports whether screen s has the keyboard: on top, no dialog over it, nothing
// being opened. Keys deferred for a list's rows stop when one of them opened something.
func (m *Model) inFront(s components.Screen) bool {
	return m.stack.Top() == s && m.stack.Dialog == nil && !m.opening
}

// reloadMsg asks every screen on the stack to read its records again.
type reloadMsg struct{}

// Update handles a message.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tab.SettingsMsg:
		m.settings, m.villages = msg.Settings, msg.Villages
		return nil
	case tab.SizeMsg:
		return m.list.wl.FetchIfMissing()
	case tab.ReadOnlyMsg:
		m.readOnly = msg.Reason
		return nil
	case tab.ChangedMsg:
		// Our own saves come back here too (a visit edited on our stack announces itself
		// as ours): reloading again costs a query or two, and the windowed lists merge a
		// refresh into one already in flight.
		if !msg.Touches(tab.KindPerson, tab.KindVisit, tab.KindEvent, tab.KindUnit) {
			return nil
		}
		return m.stack.Update(reloadMsg{})
	case tab.OpenMsg:
		return m.onOpenMsg(msg)
	case tea.KeyMsg:
		if m.opening {
			if msg.Type == tea.KeyEsc {
				m.opening, m.early, m.openSeq = false, nil, m.next() // give up the form
				return nil
			}
			m.early = append(m.early, msg)
			return nil
		}
	}
	return m.stack.Update(msg)
}

// onOpenMsg shows a person another tab asked for (a drill-down row, an event's visit),
// or opens the visit form for them at once.
func (m *Model) onOpenMsg(msg tab.OpenMsg) tea.Cmd {
	if msg.Kind != tab.KindPerson {
		return nil
	}
	m.stack.PopTo(m.list)
	from := msg.From
	if from == tab.Families {
		from = -1
	}
	if msg.NewVisit {
		if c := m.refuseWrite(); c != nil {
			return c
		}
		return m.load(msg.ID, forVisit, nil, from)
	}
	return m.openDetail(msg.ID, "", from)
}

// now is the tab's clock; today the date in ISO form.
func (m *Model) now() time.Time { return m.env.Now() }
func (m *Model) today() string  { return m.now().Format("2006-01-02") }

// villageName names a village id from the settings' list.
func (m *Model) villageName(id int64) string {
	for _, v := range m.villages {
		if v.ID == id {
			return v.Name
		}
	}
	return ""
}

// store is a shortcut.
func (m *Model) store() *store.Store { return m.env.Store }

var _ tab.Tab = (*Model)(nil)
