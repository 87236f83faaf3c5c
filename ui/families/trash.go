package families

import (
	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/store"
	"shuangyong/ui/components"
	"shuangyong/ui/history"
	"shuangyong/ui/i18n"
	"shuangyong/ui/tab"
)

// confirmTrash asks before moving a person to the trash.
func (m *Model) confirmTrash(id int64, name, village string) tea.Cmd {
	body := m.t(i18n.FamTrashBody, nameVillage(m, name, village))
	m.stack.Ask(components.NewDialog(m.t(i18n.FamTrashTitle), body, m.t(i18n.FamTrashYes), m.t(i18n.DialogNo), true),
		func(yes bool) tea.Cmd {
			if !yes {
				return nil
			}
			s, ctx := m.store(), m.env.Ctx
			return m.run(func() func() tea.Cmd {
				err := s.TrashPerson(ctx, id)
				return func() tea.Cmd {
					if err != nil {
						return tab.StatusError(m.errText(err))
					}
					if d := m.detail(); d != nil && d.id == id {
						m.stack.PopTo(d)
						m.stack.Pop()
					}
					return tea.Batch(tab.Status(m.t(i18n.FamTrashed, name), false), m.changed())
				}
			})
		})
	return nil
}

// openHistory shows F8: the person's changes (id 0: none selected) and the tab's trash.
func (m *Model) openHistory(id int64, name string) tea.Cmd {
	opt := history.Options{Title: name, Kinds: []string{store.EntPerson, store.EntVisit},
		Labels:  history.Labeler{Lang: m.env.Lang, Village: m.villageName},
		Changed: m.changed}
	if id != 0 {
		opt.Entity, opt.ID = store.EntPerson, id
	}
	return history.Open(m.env, m.stack, tab.Families, opt)
}
