// Package families is the 军属 tab: the roster as a live-filtered window onto the
// database, a person's detail, the person form (F2/F4) and the visit form (F5, workflow
// W1 of SPEC.md §3).
//
// Every store call runs in a tea.Cmd and comes back as a message of this package carrying
// a sequence number; results that a newer request has overtaken are dropped.
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

// Debounce is how long typing must pause before the list is queried: IME commits and
// pastes arrive one rune per key message on Windows.
const Debounce = 120 * time.Millisecond

type mode int

const (
	modeList mode = iota
	modeDetail
	modePersonForm
	modeVisitForm
	modeFilter
)

// Model is the families tab.
type Model struct {
	env   tab.Env
	kList keys.List
	kDet  keys.Detail
	kForm keys.Form
	kDlg  keys.Dialog
	kPan  keys.Panel

	width, height int
	mode          mode
	readOnly      string // why writes are refused ("" = allowed)

	settings model.Settings
	villages []model.Village
	cadres   []string

	list   listState
	detail *detailState
	pform  *personForm
	vform  *visitForm
	panel  *filterPanel

	dialog *components.Dialog

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
		kForm: keys.NewForm(env.Lang),
		kDlg:  keys.NewDialog(env.Lang),
		kPan:  keys.NewPanel(env.Lang),
	}
	m.list.init(m)
	return m
}

func (m *Model) t(k i18n.Key, args ...any) string { return i18n.T(m.env.Lang, k, args...) }

func (m *Model) next() uint64 {
	m.seq++
	return m.seq
}

// Init runs the first query.
func (m *Model) Init() tea.Cmd { return m.query(true) }

// Title is the tab's label.
func (m *Model) Title() string { return m.t(i18n.TabFamilies) }

// SetSize lays the tab out for its content area.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.list.setSize(w, h)
	if m.detail != nil {
		m.detail.invalidate()
	}
	if m.pform != nil {
		m.pform.form.SetSize(w, h)
	}
	if m.vform != nil {
		m.vform.form.SetSize(w, h)
	}
	if m.panel != nil {
		m.panel.form.SetSize(w, h)
	}
}

// Modal reports that a form, the filter panel or a dialog has the keyboard.
func (m *Model) Modal() bool {
	return m.dialog != nil || m.mode == modePersonForm || m.mode == modeVisitForm || m.mode == modeFilter
}

// Dirty reports unsaved edits in a form.
func (m *Model) Dirty() bool {
	return (m.pform != nil && m.pform.form.Dirty()) || (m.vform != nil && m.vform.form.Dirty())
}

// Typing reports whether keys are text: in the list (the filter box is always live) and
// in a form's text field.
func (m *Model) Typing() bool {
	if m.dialog != nil {
		return false
	}
	switch m.mode {
	case modeList:
		return true
	case modePersonForm:
		return m.pform.form.Typing()
	case modeVisitForm:
		return m.vform.form.Typing()
	case modeFilter:
		return m.panel.form.Typing()
	}
	return false
}

// ShortHelp is the key hint of the current screen.
func (m *Model) ShortHelp() []key.Binding {
	if m.dialog != nil {
		return m.kDlg.Short()
	}
	switch m.mode {
	case modeDetail:
		return m.kDet.Short()
	case modePersonForm, modeVisitForm:
		return m.kForm.Short()
	case modeFilter:
		return m.kPan.Short()
	}
	return m.kList.Short()
}

// Help lists the bindings of the current screen for F1.
func (m *Model) Help() []keys.Group {
	if m.dialog != nil {
		return []keys.Group{{Title: m.t(i18n.GroupDialog), Bindings: m.kDlg.Short()}}
	}
	switch m.mode {
	case modeDetail:
		return []keys.Group{{Title: m.t(i18n.GroupDetail), Bindings: keys.Dedupe(m.kDet.Full())}}
	case modePersonForm, modeVisitForm:
		return []keys.Group{{Title: m.t(i18n.GroupForm), Bindings: keys.Dedupe(m.kForm.Full())}}
	case modeFilter:
		return []keys.Group{{Title: m.t(i18n.GroupPanel), Bindings: m.kPan.Short()}}
	}
	return []keys.Group{{Title: m.t(i18n.GroupList), Bindings: keys.Dedupe(m.kList.Full())}}
}

// refuseWrite returns a status command when writes are not allowed.
func (m *Model) refuseWrite() tea.Cmd {
	if m.readOnly == "" {
		return nil
	}
	return tab.StatusError(m.t(i18n.StatusReadOnlyRefused))
}

// errText explains an error in one line (tab.ErrText: no I/O on the event loop).
func (m *Model) errText(err error) string { return tab.ErrText(m.env, err) }

// ask shows a yes/no dialog; then runs with the answer.
func (m *Model) ask(d *components.Dialog, then func(yes bool) tea.Cmd) {
	m.dialog = d.Then(then)
}

// Update handles a message.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tab.SettingsMsg:
		m.settings, m.villages = msg.Settings, msg.Villages
		return nil
	case tab.SizeMsg:
		return m.fetchIfMissing()
	case tab.ReadOnlyMsg:
		m.readOnly = msg.Reason
		return nil
	case tab.ChangedMsg:
		if msg.From == tab.Families {
			return nil // our own save, already reloaded
		}
		return m.refresh()
	case debounceMsg:
		if msg.tag != m.list.tag || msg.tag == m.list.queried {
			return nil // the user typed again since, or a command key already searched
		}
		return m.query(true)
	case pageMsg:
		return m.list.onPage(m, msg)
	case detailMsg:
		return m.onDetail(msg)
	case openMsg:
		return m.onOpen(msg)
	case dupMsg:
		return m.onDuplicates(msg)
	case savedPersonMsg:
		return m.onSavedPerson(msg)
	case savedVisitMsg:
		return m.onSavedVisit(msg)
	case trashedMsg:
		return m.onTrashed(msg)
	case cadresMsg:
		if msg.err == nil {
			m.cadres = msg.cadres
			if m.panel != nil {
				m.panel.setCadres(m, msg.cadres)
			}
		}
		return nil
	case tea.KeyMsg:
		return m.key(msg)
	}
	return nil
}

func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	if m.opening {
		if msg.Type == tea.KeyEsc {
			m.opening, m.early, m.openSeq = false, nil, m.next() // give up the form
			return nil
		}
		m.early = append(m.early, msg)
		return nil
	}
	if cmd, took := components.KeyToDialog(&m.dialog, msg); took {
		return cmd
	}
	switch m.mode {
	case modeDetail:
		return m.detailKey(msg)
	case modePersonForm:
		return m.personFormKey(msg)
	case modeVisitForm:
		return m.visitFormKey(msg)
	case modeFilter:
		return m.panelKey(msg)
	}
	return m.listKey(msg)
}

// refresh reloads what is on screen after records changed (here or elsewhere, or undo).
func (m *Model) refresh() tea.Cmd {
	cmds := []tea.Cmd{m.query(false)}
	if m.detail != nil {
		cmds = append(cmds, m.loadDetail(m.detail.id))
	}
	return tea.Batch(cmds...)
}

// View draws the tab: exactly width x height.
func (m *Model) View() string {
	if m.dialog != nil {
		return m.dialog.View(m.width, m.height)
	}
	switch m.mode {
	case modeDetail:
		return m.detailView()
	case modePersonForm:
		return m.pform.form.View()
	case modeVisitForm:
		return m.vform.form.View()
	case modeFilter:
		return m.panel.form.View()
	}
	return m.list.view(m)
}

// Now is the tab's clock.
func (m *Model) now() time.Time { return m.env.Now() }

// today is the date in ISO form.
func (m *Model) today() string { return m.now().Format("2006-01-02") }

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
