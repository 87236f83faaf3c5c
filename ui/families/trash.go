package families

import (
	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/ui/components"
	"shuangyong/ui/i18n"
	"shuangyong/ui/tab"
)

// confirmTrash asks before moving a person to the trash.
func (m *Model) confirmTrash(id int64, name, village string) tea.Cmd {
	body := m.t(i18n.FamTrashBody, name, village)
	m.ask(components.NewDialog(m.t(i18n.FamTrashTitle), body, m.t(i18n.FamTrashYes), m.t(i18n.DialogNo), true),
		func(yes bool) tea.Cmd {
			if !yes {
				return nil
			}
			s, ctx := m.store(), m.env.Ctx
			return func() tea.Msg {
				return trashedMsg{id: id, name: name, err: s.TrashPerson(ctx, id)}
			}
		})
	return nil
}

func (m *Model) onTrashed(msg trashedMsg) tea.Cmd {
	if msg.err != nil {
		return tab.StatusError(m.errText(msg.err))
	}
	if m.detail != nil && m.detail.id == msg.id {
		m.detail = nil
		if m.mode == modeDetail {
			m.mode = modeList
		}
	}
	return tea.Batch(tab.Status(m.t(i18n.FamTrashed, msg.name), false), tab.Changed(tab.Families), m.query(false))
}
