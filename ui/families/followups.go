package families

import (
	"context"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/ui/components"
	"shuangyong/ui/i18n"
	"shuangyong/ui/keys"
	"shuangyong/ui/tab"
	"shuangyong/ui/textwidth"
	"shuangyong/ui/visitedit"
)

// followUpsScreen is the work list (F6 in the roster): needs not yet resolved and
// follow-up visits due, oldest first. F5 records the follow-up visit, F4 marks the need
// resolved today, Enter opens the visit to write how it was resolved.
type followUpsScreen struct {
	m    *Model
	wl   *components.WindowList
	keys followUpKeys
}

type followUpKeys struct {
	Back, Up, Down, Visit, Resolve, Open, Next key.Binding
}

// Cells past the shown columns: the visit's id and the person's.
const (
	fuVisitID = 6
	fuPerson  = 7
)

func (m *Model) openFollowUps() tea.Cmd {
	t := func(k i18n.Key) string { return m.t(k) }
	f := &followUpsScreen{m: m, keys: followUpKeys{
		Back:    key.NewBinding(key.WithKeys("esc", "f6"), key.WithHelp("Esc", t(i18n.KeyBack))),
		Up:      key.NewBinding(key.WithKeys("up"), key.WithHelp(t(i18n.LabelUpDown), t(i18n.KeyMove))),
		Down:    key.NewBinding(key.WithKeys("down"), key.WithHelp(t(i18n.LabelUpDown), t(i18n.KeyMove))),
		Visit:   key.NewBinding(key.WithKeys("f5"), key.WithHelp("F5", t(i18n.KeyFollowVisit))),
		Resolve: key.NewBinding(key.WithKeys("f4"), key.WithHelp("F4", t(i18n.KeyResolve))),
		Open:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("Enter", t(i18n.KeyEditVisit))),
		Next:    key.NewBinding(key.WithKeys("f3"), key.WithHelp("F3", t(i18n.WkNextHelp))),
	}}
	f.wl = components.NewWindowList(m.env.Ctx, tab.Families, []components.Column{
		{Title: t(i18n.FuColDue), Min: 10, Max: 10, Keep: 100},
		{Title: t(i18n.ColVillage), Min: 8, Max: 12, Grow: 1, Keep: 70},
		{Title: t(i18n.ColName), Min: 8, Max: 12, Grow: 1, Keep: 95},
		{Title: t(i18n.FuColWhat), Min: 16, Grow: 6, Keep: 90},
		{Title: t(i18n.FuColFrom), Min: 10, Max: 10, Keep: 60},
		{Title: t(i18n.FuColLate), Min: 6, Max: 6, Keep: 80},
	})
	m.stack.Push(f)
	w, h := m.size()
	f.wl.Table.SetSize(w, max(h-2, 2))
	s, today := m.store(), m.today()
	return f.wl.SetQuery(func(ctx context.Context, off, limit int) (components.Page, error) {
		rows, total, err := s.FollowUps(ctx, today, off, limit)
		p := components.Page{Offset: off, Total: total}
		for _, r := range rows {
			what := m.t(i18n.FuFollowUp)
			if r.Need != "" {
				what = r.Need
			}
			late := ""
			if r.Overdue {
				late = m.t(i18n.FuOverdue)
			}
			if r.FollowedOn != "" { // visited again since, the need still open
				late = m.t(i18n.FuFollowedOn)
			}
			p.IDs = append(p.IDs, r.ID)
			p.Rows = append(p.Rows, []string{r.Due, textwidth.Clean(r.VillageName), textwidth.Clean(r.PersonName),
				textwidth.Clean(what), r.Date, late, itoa64(r.ID), itoa64(r.PersonID)})
		}
		return p, err
	})
}

func (f *followUpsScreen) Update(msg tea.Msg) tea.Cmd {
	m := f.m
	switch msg := msg.(type) {
	case components.PageMsg:
		cmd, took, err := f.wl.OnPage(msg)
		if took && err != nil {
			return tab.StatusError(m.errText(err))
		}
		return cmd
	case reloadMsg:
		return f.wl.Refresh()
	case tea.KeyMsg:
		k := f.keys
		switch {
		case key.Matches(msg, k.Back):
			m.stack.PopTo(f)
			m.stack.Pop()
			return m.list.wl.FetchIfMissing()
		case key.Matches(msg, k.Up):
			return f.wl.Move(-1)
		case key.Matches(msg, k.Down):
			return f.wl.Move(1)
		case key.Matches(msg, k.Next):
			return m.openWork(workDue)
		}
		_, cells, ok := f.wl.Selected()
		if !ok {
			return nil
		}
		visitID, person := atoi64(cells[fuVisitID]), atoi64(cells[fuPerson])
		switch {
		case key.Matches(msg, k.Open):
			sc, cmd := visitedit.Open(visitedit.Options{Env: m.env, Host: tab.Families, Stack: m.stack, VisitID: visitID, ReadOnly: m.readOnly})
			m.stack.Push(sc)
			return cmd
		case key.Matches(msg, k.Visit):
			if c := m.refuseWrite(); c != nil {
				return c
			}
			return m.load(person, forVisit, nil, -1)
		case key.Matches(msg, k.Resolve):
			if c := m.refuseWrite(); c != nil {
				return c
			}
			return f.resolve(visitID, cells[2], cells[3])
		}
	}
	return nil
}

// resolve marks the need resolved today (Enter on it writes how, Ctrl+Z undoes).
func (f *followUpsScreen) resolve(visitID int64, name, need string) tea.Cmd {
	m := f.m
	s, ctx, today, how := m.store(), m.env.Ctx, m.today(), m.t(i18n.FuResolvedHow)
	return m.run(func() func() tea.Cmd {
		err := s.ResolveNeed(ctx, visitID, today, how)
		return func() tea.Cmd {
			if err != nil {
				return tab.StatusError(m.errText(err))
			}
			return tea.Batch(tab.Status(m.t(i18n.FuResolved, name, need), true), m.changed())
		}
	})
}

func (f *followUpsScreen) View(w, h int) string {
	m := f.m
	f.wl.Table.SetSize(w, max(h-2, 2))
	f.wl.Table.Empty = []string{m.t(i18n.FuEmpty)}
	head := m.workHeader(workNeeds, "", w) // the line under it counts them
	what := textwidth.Fit(" "+m.t(i18n.FuTitle, f.wl.Table.Total()), w)
	return textwidth.Block(strings.Split(head+"\n"+what+"\n"+f.wl.Table.View(), "\n"), w, h)
}

func (f *followUpsScreen) ShortHelp() []key.Binding {
	k := f.keys
	return []key.Binding{k.Back, k.Visit, k.Resolve, k.Open, k.Next}
}

func (f *followUpsScreen) Help() []keys.Group {
	return []keys.Group{{Title: f.m.t(i18n.KeyFollowUps), Bindings: keys.Dedupe(append(f.ShortHelp(), f.keys.Up))}}
}
func (f *followUpsScreen) Modal() bool  { return false }
func (f *followUpsScreen) Dirty() bool  { return false }
func (f *followUpsScreen) Typing() bool { return false }
