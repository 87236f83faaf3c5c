package app

import (
	"context"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/ui/i18n"
	"shuangyong/ui/memlimit"
	"shuangyong/ui/tab"
)

// Background work after the first screen: build the search index, check the file, and
// make the day's backup, one after the other. The store has one connection, and the check
// and the backup of a county-sized file take seconds: they wait until the keyboard has
// been idle for a moment, and a key interrupts them (they start again at the next pause),
// so that a search typed meanwhile is never stuck behind them.
type bgStep int

const (
	bgWarm bgStep = iota
	bgCheck
	bgBackup
)

type bgMsg struct {
	step        bgStep
	err         error
	text        string // the error explained (computed off the event loop: it reads backups)
	backup      string
	interrupted bool // a key cancelled the step: it runs again at the next pause
}

// bgIdleMsg fires when a step may run if the keyboard is still idle.
type bgIdleMsg struct {
	step bgStep
	gen  int
}

// afterIdle schedules step for the next pause in typing.
func (m *Model) afterIdle(step bgStep) tea.Cmd {
	m.bgGen++
	gen := m.bgGen
	return tea.Tick(m.cfg.BackgroundIdle, func(time.Time) tea.Msg { return bgIdleMsg{step: step, gen: gen} })
}

func (m *Model) onIdle(msg bgIdleMsg) tea.Cmd {
	if msg.gen != m.bgGen || m.bgCancel != nil {
		return nil
	}
	// After a pause in typing, and not beside heavy work (an export, a tally): a county's
	// check beside an export took 2 of its 9 CPU-seconds.
	if time.Since(m.lastKey) < m.cfg.BackgroundIdle || msg.step != bgWarm && memlimit.Heavy() {
		return m.afterIdle(msg.step)
	}
	return m.bg(msg.step)
}

// interruptBackground cancels a running check or backup (a key was pressed).
func (m *Model) interruptBackground() {
	m.lastKey = time.Now()
	if m.bgCancel != nil {
		m.bgCancel()
	}
}

func (m *Model) startBackground() tea.Cmd {
	if m.bgStarted || m.cfg.NoBackground || m.width == 0 || !m.settingsLoaded || !m.firstRows || m.firstRun || m.overlay == ovSetup ||
		m.overlay == ovDemoWorking || m.dialog != nil {
		return nil
	}
	m.bgStarted = true
	return tea.Tick(warmDelay, func(time.Time) tea.Msg { return bgWarmMsg{} })
}

// warmDelay is how long after the first rows the index build starts: the build takes both
// cores at once, and started in the same moment it held up the drawing of those rows
// (opens 95–178 ms, median 154, against 60–176, median 118).
const warmDelay = 40 * time.Millisecond

// bgWarmMsg starts the index build.
type bgWarmMsg struct{}

func (m *Model) bg(step bgStep) tea.Cmd {
	s, ctx, lang := m.env.Store, m.env.Ctx, m.env.Lang
	root := ctx
	if step != bgWarm {
		var cancel context.CancelFunc
		ctx, cancel = context.WithCancel(ctx)
		m.bgCancel = cancel
	}
	return func() tea.Msg {
		out := bgMsg{step: step}
		switch step {
		case bgWarm:
			done := memlimit.Lift() // building the index is heavy work: see memlimit
			out.err = s.WarmSearch(ctx)
			done()
		case bgCheck:
			out.err = s.QuickCheck(ctx)
		case bgBackup:
			out.backup, out.err = s.AutoBackup(ctx)
		}
		if out.err != nil && ctx.Err() == nil {
			out.text = i18n.Error(ctx, lang, out.err)
		}
		if ctx.Err() != nil && root.Err() == nil {
			// We cancelled it: whatever error it reports is the interruption's.
			out.err, out.text, out.interrupted = nil, "", true
		}
		return out
	}
}

func (m *Model) onBackground(msg bgMsg) tea.Cmd {
	if msg.step != bgWarm && m.bgCancel != nil {
		m.bgCancel()
		m.bgCancel = nil
	}
	if msg.interrupted {
		return m.afterIdle(msg.step)
	}
	switch msg.step {
	case bgWarm:
		return m.afterIdle(bgCheck)
	case bgCheck:
		if msg.err != nil {
			// A damaged file is never written again: say so, with the newest good backup.
			if store.KindOf(msg.err) == store.ErrDamaged {
				m.readOnly = msg.text
				m.status = statusLine{text: m.t(i18n.StatusDamaged, msg.text), err: true}
				m.closeSettings()
				m.damaged(m.t(i18n.StatusDamaged, msg.text))
				return m.broadcast(tab.ReadOnlyMsg{Reason: msg.text})
			}
			m.status = statusLine{text: msg.text, err: true}
			return nil
		}
		return m.afterIdle(bgBackup)
	case bgBackup:
		if msg.err != nil {
			m.status = statusLine{text: msg.text, err: true}
		} else if msg.backup != "" && (m.status.text == m.t(i18n.StatusWelcome) || m.status.text == "") {
			m.status = statusLine{text: m.t(i18n.StatusBackupMade, msg.backup)}
		}
		return m.readLastBackup()
	}
	return nil
}

// Undo (Ctrl+Z).
type undoMsg struct {
	res store.UndoResult
	err error
}

func (m *Model) undo() tea.Cmd {
	if m.readOnly != "" {
		m.status = statusLine{text: m.t(i18n.StatusReadOnlyRefused), err: true}
		return nil
	}
	s, ctx := m.env.Store, m.env.Ctx
	return func() tea.Msg {
		res, err := s.Undo(ctx)
		return undoMsg{res: res, err: err}
	}
}

func (m *Model) onUndo(msg undoMsg) tea.Cmd {
	if msg.err != nil {
		m.status = statusLine{text: m.errText(msg.err), err: true}
		return nil
	}
	m.status = statusLine{text: m.t(i18n.StatusUndone, m.actionLabel(msg.res.Action), m.entityLabel(msg.res.Entity, msg.res.Summary)), undo: true}
	cmds := []tea.Cmd{m.broadcast(tab.ChangedMsg{From: -1}), m.readUndoPreview()}
	if msg.res.Entity == store.EntSetting || msg.res.Entity == store.EntVillage {
		cmds = append(cmds, m.loadSettings())
	}
	return tea.Batch(cmds...)
}

func (m *Model) actionLabel(a string) string { return m.t(i18n.HistAction(a)) }

func (m *Model) entityLabel(entity, summary string) string {
	label := m.t(i18n.HistEntity(entity))
	if entity == store.EntSetting {
		return m.t(i18n.SettingsTitle)
	}
	if summary != "" {
		return label + " " + model.Sanitize(summary)
	}
	return label
}
