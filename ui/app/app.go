// Package app is the root model: the four tabs, the status line, help, settings, the
// first run, quitting, undo and the background checks. Keys reach whatever has focus
// first (a dialog, a form, a tab's text box); only then do global keys apply.
package app

import (
	"context"
	"runtime"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/mattn/go-runewidth"

	"shuangyong/model"
	"shuangyong/ui/components"
	"shuangyong/ui/events"
	"shuangyong/ui/families"
	"shuangyong/ui/i18n"
	"shuangyong/ui/keys"
	"shuangyong/ui/stats"
	"shuangyong/ui/styles"
	"shuangyong/ui/tab"
	"shuangyong/ui/textwidth"
	"shuangyong/ui/units"
)

// Minimum window size; below it a clear message replaces the screen.
const (
	MinWidth  = 80
	MinHeight = 24
)

// chrome lines around a tab's content: the tab bar above; the key hint and the status
// line's two rows (the last action's message; file, operator and year) below.
const chromeLines = 4

// Config is what the root needs besides the environment.
type Config struct {
	Version string
	// PathLabel is the data file shown in the status line (the store's path when empty).
	PathLabel string
	// DemoPeople and DemoEvents size the demo data offered on an empty first run.
	DemoPeople, DemoEvents int
	// NoBackground skips the warm-up, check and backup after the first screen (tests).
	NoBackground bool
	// BackgroundIdle is how long the keyboard must rest before the file check and the
	// backup run (2 s when zero).
	BackgroundIdle time.Duration
	// HoldLimit bounds how long the other tabs' first queries wait for the open tab's
	// first rows (300 ms when zero; see holdOthers).
	HoldLimit time.Duration
}

type overlay int

const (
	ovNone overlay = iota
	ovHelp
	ovSettings
	ovSetup
	ovDemoWorking
)

// Model is the root model.
type Model struct {
	env  tab.Env
	cfg  Config
	keys keys.Global

	tabs   []tab.Tab
	active tab.ID

	width, height int

	settings model.Settings
	duties   model.DutySettings // the 常态化联系 rule (F9)
	villages []model.Village
	year     int
	readOnly string

	status statusLine

	overlay   overlay
	settingsF *settingsForm
	dialog    *components.Dialog
	asksQuit  bool // the dialog is the quit question

	settingsLoaded bool
	// Keys typed before the settings are read (a few milliseconds after start, seconds
	// after an upgrade, when they arrive all at once) wait in earlyKeys, so that a form
	// they open offers the villages and the first-run questions get what was typed.
	keysReleased bool
	earlyKeys    []tea.KeyMsg
	bgStarted    bool
	firstRows    bool // the open tab's first rows arrived: background work may start
	// held are the other tabs' first commands (their lists, the 统计 tally), run once the
	// open tab's first rows are in (see holdOthers).
	held     []tea.Cmd
	firstRun bool // the first-run questions or the demo offer are pending

	lastKey  time.Time          // when a key was last pressed (background work waits for a pause)
	bgCancel context.CancelFunc // interrupts the running check or backup
	bgGen    int                // the newest scheduled background step

	helpScroll int
	helpReturn overlay // the overlay under the help (settings, first run)

	undoText   string    // what Ctrl+Z would take back, for the status line
	lastBackup time.Time // the newest backup's time (zero: none)
}

func (m *Model) openHelp() {
	m.helpReturn, m.helpScroll = m.overlay, 0
	m.overlay = ovHelp
}

type statusLine struct {
	text string
	err  bool
	undo bool
}

// New builds the root model over env.
func New(env tab.Env, cfg Config) *Model {
	if cfg.PathLabel == "" {
		cfg.PathLabel = env.Store.Path()
	}
	if cfg.DemoPeople == 0 {
		cfg.DemoPeople = 3000
	}
	if cfg.DemoEvents == 0 {
		cfg.DemoEvents = 20000
	}
	if cfg.BackgroundIdle == 0 {
		cfg.BackgroundIdle = 2 * time.Second
	}
	if cfg.HoldLimit == 0 {
		cfg.HoldLimit = 300 * time.Millisecond
	}
	m := &Model{env: env, cfg: cfg, keys: keys.NewGlobal(env.Lang), active: tab.Families}
	m.tabs = []tab.Tab{
		tab.Units:    units.New(env),
		tab.Families: families.New(env),
		tab.Events:   events.New(env),
		tab.Stats:    stats.New(env),
	}
	m.year = env.Now().Year()
	m.status.text = m.t(i18n.StatusWelcome)
	if runtime.GOOS == "windows" && runewidth.IsEastAsian() {
		m.status.text = m.t(i18n.StatusEastAsian)
	}
	return m
}

func (m *Model) t(k i18n.Key, args ...any) string { return i18n.T(m.env.Lang, k, args...) }

// errText explains an error in one line (tab.ErrText: no I/O on the event loop).
func (m *Model) errText(err error) string { return tab.ErrText(m.env, err) }

// Families returns the families tab (for tests and benchmarks).
func (m *Model) Families() *families.Model { return m.tabs[tab.Families].(*families.Model) }

// Init loads the settings and starts every tab.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{m.openReadOnly(), m.loadSettings(), m.readLastBackup(),
		tea.Tick(m.cfg.HoldLimit, func(time.Time) tea.Msg { return releaseMsg{} })}
	for id, t := range m.tabs {
		cmds = append(cmds, m.holdOthers(tab.ID(id), t.Init()))
	}
	return tea.Batch(cmds...)
}

// holdOthers runs cmd of tab id now if it is the open tab, or once the open tab's first
// rows are in: the store has one connection, and the other tabs' first queries took it
// in turn with the first screen's (an open 20–60 ms in the program, or 55–93 when the
// 单位 and 活动 lists went first).
func (m *Model) holdOthers(id tab.ID, cmd tea.Cmd) tea.Cmd {
	if cmd == nil || id == m.active || m.firstRows {
		return cmd
	}
	m.held = append(m.held, cmd)
	return nil
}

// releaseMsg runs the held commands if the first rows have not done so yet (Config's
// HoldLimit after the start: a safety net, should the first rows never come).
type releaseMsg struct{}

// release runs the commands held for the first rows.
func (m *Model) release() tea.Cmd {
	m.firstRows = true
	cmds := m.held
	m.held = nil
	return tea.Batch(cmds...)
}

func (m *Model) contentSize() (int, int) {
	return m.width, max(m.height-chromeLines, 1)
}

func (m *Model) resize() {
	w, h := m.contentSize()
	for _, t := range m.tabs {
		t.SetSize(w, h)
	}
	if m.settingsF != nil {
		m.settingsF.form.SetSize(w, h)
	}
}

func (m *Model) broadcast(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	for _, t := range m.tabs {
		cmds = append(cmds, t.Update(msg))
	}
	return tea.Batch(cmds...)
}

// broadcastSize gives every tab the size, the other tabs' queries held for the first rows.
func (m *Model) broadcastSize(msg tab.SizeMsg) tea.Cmd {
	var cmds []tea.Cmd
	for id, t := range m.tabs {
		cmds = append(cmds, m.holdOthers(tab.ID(id), t.Update(msg)))
	}
	return tea.Batch(cmds...)
}

// anyDirty reports unsaved edits anywhere.
func (m *Model) anyDirty() bool {
	if m.settingsF != nil && m.settingsF.form.Dirty() {
		return true
	}
	for _, t := range m.tabs {
		if t.Dirty() {
			return true
		}
	}
	return false
}

func (m *Model) ask(d *components.Dialog, then func(bool) tea.Cmd) {
	m.dialog = d.Then(then)
}

// Update handles a message.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.resize()
		w, h := m.contentSize()
		return m, tea.Batch(m.broadcastSize(tab.SizeMsg{Width: w, Height: h}), m.startBackground())
	case tea.KeyMsg:
		m.interruptBackground()
		if !m.keysReleased && !key.Matches(msg, m.keys.Quit) {
			m.earlyKeys = append(m.earlyKeys, msg)
			return m, nil
		}
		return m, m.key(msg)
	case tab.StatusMsg:
		m.status = statusLine{text: msg.Text, err: msg.Error, undo: msg.Undo}
		if msg.Undo {
			return m, m.readUndoPreview()
		}
		return m, nil
	case undoPreviewMsg:
		m.undoText = msg.text
		return m, nil
	case lastBackupMsg:
		m.lastBackup = msg.at
		return m, nil
	case backupNowMsg:
		return m, m.onBackupNow(msg)
	case tab.ChangedMsg:
		return m, m.broadcast(msg)
	case tab.YearMsg:
		m.year = msg.Year
		return m, nil
	case tab.OpenMsg:
		m.active = msg.Target()
		return m, m.tabs[m.active].Update(msg)
	case tab.BackMsg:
		if msg.To >= 0 && msg.To < tab.Count {
			m.active = msg.To
		}
		return m, nil
	case tab.Msg:
		cmd := m.tabs[msg.Target()].Update(msg)
		if _, page := msg.(components.PageMsg); page && msg.Target() == m.active && !m.firstRows {
			// The rows the user opened the program for are on screen: now the other tabs
			// may read, and the index may be built (started earlier, it slowed that first
			// query from ~40 to ~150 ms).
			cmd = tea.Batch(cmd, m.release(), m.startBackground())
		}
		return m, cmd
	case releaseMsg:
		if m.firstRows {
			return m, nil
		}
		return m, tea.Batch(m.release(), m.startBackground())
	case settingsMsg:
		return m, m.onSettings(msg)
	case settingsSavedMsg:
		return m, m.onSettingsSaved(msg)
	case setupSavedMsg:
		return m, m.onSetupSaved(msg)
	case emptyMsg:
		return m, m.onEmpty(msg)
	case demoMsg:
		return m, m.onDemo(msg)
	case undoMsg:
		return m, m.onUndo(msg)
	case bgMsg:
		return m, m.onBackground(msg)
	case bgWarmMsg:
		return m, m.bg(bgWarm)
	case bgIdleMsg:
		return m, m.onIdle(msg)
	}
	return m, nil
}

func (m *Model) quit() tea.Cmd {
	if !m.anyDirty() {
		return tea.Quit
	}
	m.ask(components.NewDialog(m.t(i18n.QuitTitle), m.t(i18n.QuitBody), m.t(i18n.QuitYes), m.t(i18n.QuitNo), false),
		func(yes bool) tea.Cmd {
			if yes {
				return tea.Quit
			}
			return nil
		})
	m.asksQuit = true // a second quit key quits
	return nil
}

func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	// A root dialog (quit, demo offer) has the keyboard; a second quit key quits.
	if m.dialog != nil {
		if key.Matches(msg, m.keys.Quit) && m.asksQuit {
			return tea.Quit
		}
		closed, answer := m.dialog.Answer(msg)
		if !closed {
			return nil
		}
		m.dialog, m.asksQuit = nil, false
		return answer()
	}
	if key.Matches(msg, m.keys.Quit) {
		return m.quit()
	}
	if m.overlay == ovHelp {
		switch {
		case key.Matches(msg, m.keys.Help) || msg.String() == "esc" || keys.HelpAlias(msg):
			m.overlay = m.helpReturn
		case msg.String() == "up":
			m.helpScroll--
		case msg.String() == "down":
			m.helpScroll++
		case msg.String() == "pgup":
			m.helpScroll -= 10
		case msg.String() == "pgdown" || msg.String() == " ":
			m.helpScroll += 10
		}
		return nil
	}
	if key.Matches(msg, m.keys.Help) {
		m.openHelp()
		return nil
	}
	switch m.overlay {
	case ovSettings, ovSetup:
		return m.settingsKey(msg)
	case ovDemoWorking:
		return nil
	}
	active := m.tabs[m.active]
	if active.Modal() {
		return active.Update(msg)
	}
	switch {
	case key.Matches(msg, m.keys.NextTab):
		return m.show((m.active + 1) % tab.Count)
	case key.Matches(msg, m.keys.PrevTab):
		return m.show((m.active + tab.Count - 1) % tab.Count)
	case key.Matches(msg, m.keys.JumpTab):
		return m.show(tab.ID(msg.Runes[0] - '1'))
	case key.Matches(msg, m.keys.Settings):
		return m.openSettings(false)
	case key.Matches(msg, m.keys.Undo):
		return m.undo()
	case !active.Typing() && keys.HelpAlias(msg):
		m.openHelp()
		return nil
	}
	return active.Update(msg)
}

// show switches to tab id at the user's request, and tells it (tab.ShownMsg).
func (m *Model) show(id tab.ID) tea.Cmd {
	if id == m.active {
		return nil
	}
	m.active = id
	return m.tabs[id].Update(tab.ShownMsg{})
}

// View draws the whole screen: exactly the window's width and height.
func (m *Model) View() string {
	w, h := m.width, m.height
	if w <= 0 || h <= 0 {
		return ""
	}
	if w < MinWidth || h < MinHeight {
		return m.tooSmall()
	}
	cw, ch := m.contentSize()
	var content string
	var hints []key.Binding
	active := m.tabs[m.active]
	switch {
	case m.dialog != nil:
		content = m.dialog.View(cw, ch)
		hints = keys.NewDialog(m.env.Lang).Short()
	case m.overlay == ovHelp:
		content = m.helpView(cw, ch)
		hints = []key.Binding{
			key.NewBinding(key.WithKeys("esc"), key.WithHelp("Esc/F1", m.t(i18n.KeyBack))),
			key.NewBinding(key.WithKeys("up"), key.WithHelp(m.t(i18n.LabelUpDown), m.t(i18n.KeyScroll))),
		}
	case m.overlay == ovSettings || m.overlay == ovSetup:
		content = m.settingsF.form.View()
		fk := keys.NewForm(m.env.Lang)
		hints = append(fk.Short(), key.NewBinding(key.WithKeys("ctrl+b"), key.WithHelp("Ctrl+B", m.t(i18n.KeyBackupNow))))
		if m.overlay == ovSetup {
			hints = []key.Binding{fk.Next, fk.Prev, fk.Save, m.keys.Quit}
		}
	case m.overlay == ovDemoWorking:
		content = components.Notice(cw, ch, m.t(i18n.SetupDemoTitle), m.t(i18n.SetupDemoWorking))
	default:
		content = active.View()
		hints = active.ShortHelp()
	}
	var b strings.Builder
	b.WriteString(m.tabBar())
	b.WriteByte('\n')
	b.WriteString(content)
	b.WriteByte('\n')
	b.WriteString(hintLine(hints, w))
	b.WriteByte('\n')
	b.WriteString(m.statusView())
	return b.String()
}

func (m *Model) tooSmall() string {
	lines := make([]string, m.height)
	mid := m.height / 2
	if mid > 0 {
		lines[mid-1] = textwidth.Center(m.t(i18n.TooSmall, MinWidth, MinHeight), m.width)
	}
	lines[mid] = textwidth.Center(m.t(i18n.TooSmallSize, m.width, m.height), m.width)
	return textwidth.Block(lines, m.width, m.height)
}

// tabBar is the first line: the program's name, the tabs, the main keys.
func (m *Model) tabBar() string {
	var b strings.Builder
	b.WriteString(styles.Bold.Render(" " + m.t(i18n.AppTitle) + " "))
	for i, t := range m.tabs {
		label := string(rune('1'+i)) + " " + t.Title()
		if tab.ID(i) == m.active {
			b.WriteString(styles.TabActive.Render("[" + label + "]"))
		} else {
			b.WriteString(styles.TabIdle.Render(" " + label + " "))
		}
		b.WriteByte(' ')
	}
	left := b.String()
	room := m.width - textwidth.Width(left)
	right := ""
	for _, r := range []string{
		"F1 " + m.t(i18n.KeyHelp) + "  F9 " + m.t(i18n.KeySettings) + "  F10 " + m.t(i18n.KeyQuit) + " ",
		"F1 " + m.t(i18n.KeyHelp) + " ",
	} {
		if textwidth.Width(r) <= room {
			right = r
			break
		}
	}
	return textwidth.FitStyled(left+strings.Repeat(" ", max(room-textwidth.Width(right), 0))+styles.Dim.Render(right), m.width)
}

// hintLine renders key bindings as "F2 新增 | F3 更多筛选 ..." within w cells.
func hintLine(bs []key.Binding, w int) string {
	var parts []string
	used := 1
	for _, b := range keys.Dedupe(bs) {
		h := b.Help()
		if h.Key == "" {
			continue
		}
		part := styles.Key.Render(h.Key) + " " + h.Desc
		pw := textwidth.Width(h.Key) + 1 + textwidth.Width(h.Desc)
		if len(parts) > 0 {
			pw += textwidth.Width(styles.Separator)
		}
		if used+pw > w {
			break
		}
		used += pw
		parts = append(parts, part)
	}
	return textwidth.FitStyled(" "+strings.Join(parts, styles.Dim.Render(styles.Separator)), w)
}

// statusView is the status line, two rows: the last action's message (with the undo
// hint), then the data file, the operator and the year in view.
func (m *Model) statusView() string {
	w := m.width
	msg := textwidth.Clean(m.status.text)
	if m.status.undo {
		hint := m.t(i18n.StatusUndoHint)
		if m.undoText != "" {
			hint = m.t(i18n.StatusUndoWhat, textwidth.Clean(m.undoText))
		}
		msg += styles.Separator + hint
	}
	msgLine := textwidth.Fit(" "+msg, w)
	if m.status.err {
		msgLine = styles.Error.Render(msgLine)
	}

	op := m.t(i18n.StatusNoOperator)
	if m.settings.Operator != "" {
		op = m.t(i18n.StatusOperator, textwidth.Clean(m.settings.Operator))
	}
	info := []string{op, m.t(i18n.StatusYear, m.year), m.backupLabel()}
	if m.readOnly != "" {
		info = append(info, m.t(i18n.StatusReadOnly))
	}
	right := styles.Separator + strings.Join(info, styles.Separator) + " "
	fileLabel := m.t(i18n.StatusFile, "")
	pathRoom := w - 1 - textwidth.Width(fileLabel) - textwidth.Width(right)
	path := textwidth.TruncateLeft(textwidth.Clean(m.cfg.PathLabel), max(pathRoom, 0))
	bar := textwidth.Fit(textwidth.Fit(" "+fileLabel+path, w-textwidth.Width(right))+right, w)
	return msgLine + "\n" + styles.Bar.Render(bar)
}
