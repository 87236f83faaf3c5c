// Package history is the F8 screen every tab opens: the change history of the record in
// front of the user (who, when, what, each field before -> after, in the screen's labels)
// and the trash of the tab's kinds of record, where a record is restored or deleted for
// good.
package history

import (
	"context"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/store"
	"shuangyong/ui/components"
	"shuangyong/ui/i18n"
	"shuangyong/ui/keys"
	"shuangyong/ui/styles"
	"shuangyong/ui/tab"
	"shuangyong/ui/textwidth"
)

// Options say what the screen shows.
type Options struct {
	// Entity and ID name the record whose history is shown (Entity "": none selected).
	Entity string
	ID     int64
	// Title names the record ("张三").
	Title string
	// Kinds are the entities whose trash the tab keeps (people and visits for 军属).
	Kinds []string
	// Labels name columns and values.
	Labels Labeler
	// Changed runs after a restore or a deletion for good (the tab reloads and tells the
	// others).
	Changed func() tea.Cmd
}

// Screen is the F8 screen.
type Screen struct {
	env   tab.Env
	stack *components.Stack
	to    tab.ID
	opt   Options
	keys  screenKeys

	seq        uint64
	changes    []store.ChangeRow // with no record selected: the ledger's newest changes
	hist       []store.HistoryRow
	histTotal  int
	histLoaded bool
	histLines  []string
	linesW     int
	scroll     int
	trash      *components.WindowList
}

type screenKeys struct {
	Back, Up, Down, PageUp, PageDown, Restore, Purge key.Binding
}

func newKeys(env tab.Env) screenKeys {
	t := func(k i18n.Key) string { return i18n.T(env.Lang, k) }
	updown := t(i18n.LabelUpDown)
	return screenKeys{
		Back:     key.NewBinding(key.WithKeys("esc", "f8"), key.WithHelp("Esc", t(i18n.KeyBack))),
		Up:       key.NewBinding(key.WithKeys("up"), key.WithHelp(updown, t(i18n.KeyMove))),
		Down:     key.NewBinding(key.WithKeys("down"), key.WithHelp(updown, t(i18n.KeyMove))),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("PgUp/PgDn", t(i18n.KeyScroll))),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("PgUp/PgDn", t(i18n.KeyScroll))),
		Restore:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("Enter", t(i18n.KeyRestore))),
		Purge:    key.NewBinding(key.WithKeys("delete"), key.WithHelp("Delete", t(i18n.KeyPurge))),
	}
}

// Open puts the screen on the tab's stack and starts reading.
func Open(env tab.Env, stack *components.Stack, to tab.ID, opt Options) tea.Cmd {
	s := &Screen{env: env, stack: stack, to: to, opt: opt, keys: newKeys(env)}
	s.trash = components.NewWindowList(env.Ctx, to, []components.Column{
		{Title: i18n.T(env.Lang, i18n.HistColWhen), Min: 19, Max: 19, Keep: 80},
		{Title: i18n.T(env.Lang, i18n.HistColKind), Min: 8, Max: 10, Keep: 90},
		{Title: i18n.T(env.Lang, i18n.HistColWhat), Min: 12, Grow: 1, Keep: 100},
	})
	stack.Push(s)
	w, h := stack.Size()
	s.layout(w, h)
	return tea.Batch(s.loadHistory(), s.trash.SetQuery(s.fetchTrash))
}

// trashKey makes one id of a trashed row's kind and id, for the list's selection.
func trashKey(r store.TrashRow) int64 {
	k := int64(0)
	for i, e := range []string{store.EntPerson, store.EntUnit, store.EntEvent, store.EntVisit, store.EntPairing} {
		if e == r.Entity {
			k = int64(i + 1)
		}
	}
	return r.ID*8 + k
}

func (s *Screen) fetchTrash(ctx context.Context, off, limit int) (components.Page, error) {
	rows, total, err := s.env.Store.TrashOf(ctx, s.opt.Kinds, off, limit)
	p := components.Page{Offset: off, Total: total}
	for _, r := range rows {
		// The row's kind, id and summary ride along as cells past the shown columns.
		p.IDs = append(p.IDs, trashKey(r))
		p.Rows = append(p.Rows, []string{r.DeletedAt, i18n.T(s.env.Lang, i18n.HistEntity(r.Entity)), textwidth.Clean(r.Summary),
			r.Entity, strconv.FormatInt(r.ID, 10), r.Summary})
	}
	return p, err
}

func (s *Screen) loadHistory() tea.Cmd {
	s.seq++
	seq := s.seq
	if s.opt.Entity == "" {
		st, ctx := s.env.Store, s.env.Ctx
		return tab.Run(s.to, func() func() tea.Cmd {
			rows, err := st.Changes(ctx, 0, 100)
			return func() tea.Cmd {
				if seq != s.seq {
					return nil
				}
				if err != nil {
					return tab.StatusError(tab.ErrText(s.env, err))
				}
				s.changes, s.histTotal, s.histLoaded, s.histLines = rows, len(rows), true, nil
				return nil
			}
		})
	}
	st, ctx, entity, id := s.env.Store, s.env.Ctx, s.opt.Entity, s.opt.ID
	return tab.Run(s.to, func() func() tea.Cmd {
		rows, total, err := st.History(ctx, entity, id, 0, 200)
		return func() tea.Cmd {
			if seq != s.seq {
				return nil
			}
			if err != nil {
				return tab.StatusError(tab.ErrText(s.env, err))
			}
			s.hist, s.histTotal, s.histLoaded, s.histLines = rows, total, true, nil
			return nil
		}
	})
}

// layout sizes the trash table under the history for a w x h area.
func (s *Screen) layout(w, h int) (histH int) {
	histH = max((h-2)/2, 3)
	s.trash.Table.SetSize(w, max(h-1-histH-1, 2))
	return histH
}

func (s *Screen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case components.PageMsg:
		cmd, took, err := s.trash.OnPage(msg)
		if took && err != nil {
			return tab.StatusError(tab.ErrText(s.env, err))
		}
		return cmd
	case tea.KeyMsg:
		return s.key(msg)
	}
	return nil
}

func (s *Screen) selected() (store.TrashRow, bool) {
	_, cells, ok := s.trash.Selected()
	if !ok || len(cells) < 6 {
		return store.TrashRow{}, false
	}
	id, _ := strconv.ParseInt(cells[4], 10, 64)
	return store.TrashRow{Entity: cells[3], ID: id, Summary: cells[5]}, true
}

func (s *Screen) key(msg tea.KeyMsg) tea.Cmd {
	k := s.keys
	w, h := s.stack.Size()
	histH := s.layout(w, h)
	switch {
	case key.Matches(msg, k.Back):
		s.stack.PopTo(s)
		s.stack.Pop()
	case key.Matches(msg, k.Up):
		return s.trash.Move(-1)
	case key.Matches(msg, k.Down):
		return s.trash.Move(1)
	case key.Matches(msg, k.PageUp):
		s.scroll -= max(histH-2, 1)
	case key.Matches(msg, k.PageDown):
		s.scroll += max(histH-2, 1)
	case key.Matches(msg, k.Restore):
		if r, ok := s.selected(); ok {
			return s.restore(r)
		}
	case key.Matches(msg, k.Purge):
		if r, ok := s.selected(); ok {
			return s.askPurge(r)
		}
	}
	return nil
}

func (s *Screen) restore(r store.TrashRow) tea.Cmd {
	st, ctx := s.env.Store, s.env.Ctx
	return tab.Run(s.to, func() func() tea.Cmd {
		err := st.Restore(ctx, r.Entity, r.ID)
		return func() tea.Cmd {
			if err != nil {
				return tab.StatusError(tab.ErrText(s.env, err))
			}
			return tea.Batch(tab.Status(i18n.T(s.env.Lang, i18n.HistRestored, r.Summary), true),
				s.trash.Refresh(), s.loadHistory(), s.changed())
		}
	})
}

func (s *Screen) askPurge(r store.TrashRow) tea.Cmd {
	t := func(k i18n.Key, a ...any) string { return i18n.T(s.env.Lang, k, a...) }
	s.stack.Ask(components.NewDialog(t(i18n.HistPurgeTitle), t(i18n.HistPurgeBody, r.Summary), t(i18n.HistPurgeYes), t(i18n.DialogNo), false),
		func(yes bool) tea.Cmd {
			if !yes {
				return nil
			}
			st, ctx := s.env.Store, s.env.Ctx
			return tab.Run(s.to, func() func() tea.Cmd {
				err := st.Purge(ctx, r.Entity, r.ID)
				return func() tea.Cmd {
					if err != nil {
						return tab.StatusError(tab.ErrText(s.env, err))
					}
					return tea.Batch(tab.Status(t(i18n.HistPurged, r.Summary), false), s.trash.Refresh(), s.loadHistory(), s.changed())
				}
			})
		})
	return nil
}

func (s *Screen) changed() tea.Cmd {
	if s.opt.Changed == nil {
		return nil
	}
	return s.opt.Changed()
}

// historyLines renders the history: one line per change (when, who, what), then a line
// per field it changed.
func (s *Screen) historyLines(w int) []string {
	lang := s.env.Lang
	if !s.histLoaded {
		return []string{"  " + i18n.T(lang, i18n.HistLoading)}
	}
	if s.opt.Entity == "" {
		// No record selected: the ledger's newest changes, one line each — an import or a
		// campaign is one change (Ctrl+Z takes the newest back whole).
		out := []string{"  " + styles.Dim.Render(textwidth.Fit(i18n.T(lang, i18n.HistNoRecord), w-2))}
		for _, c := range s.changes {
			op := c.Operator
			if op == "" {
				op = i18n.T(lang, i18n.HistOperatorNone)
			}
			line := strings.Join([]string{c.At, textwidth.Clean(op), i18n.T(lang, i18n.HistAction(c.Action)),
				i18n.T(lang, i18n.HistEntity(c.Entity)) + " " + textwidth.Clean(c.Summary)}, "  ")
			if c.Rows > 1 {
				line += i18n.T(lang, i18n.HistRows, c.Rows)
			}
			if c.Undone {
				line += i18n.T(lang, i18n.HistUndone)
			}
			out = append(out, "  "+textwidth.Cell(line, w-2))
		}
		return out
	}
	if len(s.hist) == 0 {
		return []string{"  " + styles.Dim.Render(textwidth.Fit(i18n.T(lang, i18n.HistNoChanges), w-2))}
	}
	var out []string
	for _, h := range s.hist {
		op := h.Operator
		if op == "" {
			op = i18n.T(lang, i18n.HistOperatorNone)
		}
		head := strings.Join([]string{h.At, textwidth.Clean(op), i18n.T(lang, i18n.HistAction(h.Action)),
			i18n.T(lang, i18n.HistEntity(h.Entity)) + " " + textwidth.Clean(h.Summary)}, "  ")
		if h.Undone {
			head += i18n.T(lang, i18n.HistUndone)
		}
		out = append(out, "  "+textwidth.Cell(head, w-2))
		for _, c := range s.opt.Labels.Changes(h.Entity, h.Before, h.After) {
			for _, l := range textwidth.Wrap(c, w-6) {
				out = append(out, "      "+l)
			}
		}
	}
	return out
}

func (s *Screen) View(w, h int) string {
	lang := s.env.Lang
	histH := s.layout(w, h)
	title := i18n.T(lang, i18n.HistTitleNone)
	if s.opt.Entity != "" {
		title = i18n.T(lang, i18n.HistTitle, textwidth.Clean(s.opt.Title))
	}
	lines := []string{styles.Bold.Render(textwidth.Fit(" "+title, w))}
	head := i18n.T(lang, i18n.HistChanges, s.histTotal)
	if s.opt.Entity == "" {
		head = i18n.T(lang, i18n.HistRecent, s.histTotal)
	}
	if s.histLines == nil || s.linesW != w {
		s.histLines, s.linesW = s.historyLines(w), w
	}
	body := s.histLines
	room := histH - 1
	s.scroll = min(max(s.scroll, 0), max(len(body)-room, 0))
	lines = append(lines, styles.Accent.Render(textwidth.Fit(head, w)))
	lines = append(lines, strings.Split(textwidth.Block(body[s.scroll:min(s.scroll+room, len(body))], w, room), "\n")...)
	t := s.trash.Table
	t.Empty = []string{i18n.T(lang, i18n.HistTrashEmpty)}
	lines = append(lines, styles.Accent.Render(textwidth.Fit(i18n.T(lang, i18n.HistTrash, t.Total()), w)), t.View())
	return textwidth.Block(strings.Split(strings.Join(lines, "\n"), "\n"), w, h)
}

func (s *Screen) ShortHelp() []key.Binding {
	k := s.keys
	return []key.Binding{k.Back, k.Up, k.PageUp, k.Restore, k.Purge}
}

func (s *Screen) Help() []keys.Group {
	k := s.keys
	return []keys.Group{{Title: i18n.T(s.env.Lang, i18n.KeyHistory), Bindings: keys.Dedupe([]key.Binding{k.Back, k.Up, k.PageUp, k.Restore, k.Purge})}}
}

// Modal: the screen keeps Tab and Esc (a restore or deletion is not left half-seen).
func (s *Screen) Modal() bool  { return true }
func (s *Screen) Dirty() bool  { return false }
func (s *Screen) Typing() bool { return false }
