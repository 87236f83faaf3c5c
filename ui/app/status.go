package app

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/store"
	"shuangyong/ui/components"
	"shuangyong/ui/i18n"
	"shuangyong/ui/tab"
)

// What the status line knows besides the last message: what Ctrl+Z would undo, and when
// the newest backup was made. Both are read off the event loop after the changes that
// can move them.

// undoPreviewMsg carries what Ctrl+Z would take back now ("" when nothing in this run).
type undoPreviewMsg struct{ text string }

// lastBackupMsg carries the newest backup's time (zero: none yet).
type lastBackupMsg struct{ at time.Time }

// readUndoPreview asks the store what Ctrl+Z would undo.
func (m *Model) readUndoPreview() tea.Cmd {
	s, ctx := m.env.Store, m.env.Ctx
	return func() tea.Msg {
		res, ok, err := s.NextUndo(ctx)
		if err != nil || !ok {
			return undoPreviewMsg{}
		}
		return undoPreviewMsg{text: m.actionLabel(res.Action) + " " + m.entityLabel(res.Entity, res.Summary)}
	}
}

// readLastBackup asks for the newest backup's time (it lists the backups folder).
func (m *Model) readLastBackup() tea.Cmd {
	s, ctx := m.env.Store, m.env.Ctx
	return func() tea.Msg {
		_, at, ok := s.LastBackup(ctx)
		if !ok {
			return lastBackupMsg{}
		}
		return lastBackupMsg{at: at}
	}
}

// backupLabel is the status line's note of the newest backup: 「备份 今天 09:00」,
// 「备份 11-28」, or 「尚未备份」.
func (m *Model) backupLabel() string {
	if m.lastBackup.IsZero() {
		return m.t(i18n.StatusNoBackup)
	}
	now := m.env.Now()
	if y, mo, d := now.Date(); y == m.lastBackup.Year() && mo == m.lastBackup.Month() && d == m.lastBackup.Day() {
		return m.t(i18n.StatusBackupToday, m.lastBackup.Format("15:04"))
	}
	return m.t(i18n.StatusBackupOn, m.lastBackup.Format("01-02"))
}

// openReadOnly takes a file that may not be written at open (read-only file or folder,
// or damage found on opening): every tab refuses writes, and the banner says why.
func (m *Model) openReadOnly() tea.Cmd {
	err := m.env.Store.ReadOnly()
	if err == nil {
		return nil
	}
	m.readOnly = m.errText(err)
	if store.KindOf(err) == store.ErrReadOnly {
		m.readOnly = m.t(i18n.StatusReadOnlyBanner)
	}
	m.status = statusLine{text: m.readOnly, err: true}
	return m.broadcast(tab.ReadOnlyMsg{Reason: m.readOnly})
}

// damaged shows the damage found by the background check in a dialog that fits 80x24:
// the newest good backup's full path and the command that restores it (the status line
// would cut them).
func (m *Model) damaged(text string) {
	m.ask(components.NewDialog(m.t(i18n.DamagedTitle), text, m.t(i18n.DamagedOK), m.t(i18n.DamagedClose), true),
		func(bool) tea.Cmd { return nil })
}

// backupNow makes a backup from inside the program (F9, Ctrl+B): the way to back up while
// the program holds the file.
type backupNowMsg struct {
	path string
	err  error
}

func (m *Model) backupNow() tea.Cmd {
	s, ctx := m.env.Store, m.env.Ctx
	m.status = statusLine{text: m.t(i18n.StatusBackingUp)}
	return func() tea.Msg {
		path, err := s.Backup(ctx, "")
		return backupNowMsg{path: path, err: err}
	}
}

func (m *Model) onBackupNow(msg backupNowMsg) tea.Cmd {
	if msg.err != nil {
		m.status = statusLine{text: m.errText(msg.err), err: true}
		return nil
	}
	m.status = statusLine{text: m.t(i18n.StatusBackupDone, msg.path)}
	return m.readLastBackup()
}
