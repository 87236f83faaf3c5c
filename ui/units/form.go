package units

import (
	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/ui/components"
	"shuangyong/ui/history"
	"shuangyong/ui/i18n"
	"shuangyong/ui/tab"
)

// loadForEdit reads a unit and opens its form.
func (m *Model) loadForEdit(id int64) tea.Cmd {
	s, ctx := m.store(), m.env.Ctx
	return m.run(func() func() tea.Cmd {
		u, err := s.Unit(ctx, id)
		return func() tea.Cmd {
			if err != nil {
				return tab.StatusError(m.errText(err))
			}
			return m.openForm(u, nil)
		}
	})
}

// openForm shows the unit form over the stack: a new unit when u.ID is 0. detail is the
// unit's detail screen the form was opened from (nil from the list): after a save it is
// reloaded; a new unit's detail replaces the form.
func (m *Model) openForm(u model.Unit, detail *detailScreen) tea.Cmd {
	title := m.t(i18n.UnitsFormNew)
	if u.ID != 0 {
		title = m.t(i18n.UnitsFormEdit, u.Name)
	}
	if u.Kind == "" {
		u.Kind = model.UnitStationed
	}
	fs := components.NewFormScreen(m.env, m.stack, m.fields.Form(m.env.Lang, title, &u))
	base := u
	fs.Validate = func(f *components.Form) []model.Problem {
		rec := base
		m.fields.Apply(f, &rec)
		return model.ValidateUnit(&rec).Errors
	}
	fs.Save = func(f *components.Form) tea.Cmd {
		rec := base
		m.fields.Apply(f, &rec)
		s, ctx := m.store(), m.env.Ctx
		return m.run(func() func() tea.Cmd {
			var err error
			if rec.ID == 0 {
				err = s.CreateUnit(ctx, &rec)
			} else {
				err = s.UpdateUnit(ctx, &rec)
			}
			return func() tea.Cmd {
				if err != nil {
					return fs.Failed(err)
				}
				fs.Saved()
				text := m.t(i18n.UnitsSaved, rec.Name)
				m.stack.PopTo(fs)
				if base.ID == 0 {
					text = m.t(i18n.UnitsAdded, rec.Name)
					// The new unit's detail is the proof it was stored.
					d := newDetail(m, rec.ID, -1)
					m.stack.Replace(d)
					return tea.Batch(tab.Status(text, true), m.changed()) // the notice loads the new detail
				}
				m.stack.Pop()
				return tea.Batch(tab.Status(text, true), m.changed())
			}
		})
	}
	m.stack.Push(fs)
	return nil
}

// confirmTrash asks before moving a unit to the trash.
func (m *Model) confirmTrash(id int64, name string) tea.Cmd {
	m.stack.Ask(components.NewDialog(m.t(i18n.UnitsTrashT), m.t(i18n.UnitsTrashBody, name), m.t(i18n.UnitsTrashYes), m.t(i18n.DialogNo), true),
		func(yes bool) tea.Cmd {
			if !yes {
				return nil
			}
			s, ctx := m.store(), m.env.Ctx
			return m.run(func() func() tea.Cmd {
				err := s.TrashUnit(ctx, id)
				return func() tea.Cmd {
					if err != nil {
						return tab.StatusError(m.errText(err))
					}
					if d, ok := m.stack.Top().(*detailScreen); ok && d.id == id {
						m.stack.Pop()
					}
					return tea.Batch(tab.Status(m.t(i18n.UnitsTrashed, name), true), m.changed())
				}
			})
		})
	return nil
}

// openHistory shows F8: the unit's changes (id 0: none selected) and the tab's trash.
func (m *Model) openHistory(id int64, name string) tea.Cmd {
	opt := history.Options{Title: name, Kinds: []string{store.EntUnit, store.EntPairing},
		Labels:  history.Labeler{Lang: m.env.Lang},
		Changed: m.changed}
	if id != 0 {
		opt.Entity, opt.ID = store.EntUnit, id
	}
	return history.Open(m.env, m.stack, tab.Units, opt)
}
