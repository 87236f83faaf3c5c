package families

import (
	"context"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/ui/components"
	"shuangyong/ui/i18n"
	"shuangyong/ui/keys"
	"shuangyong/ui/styles"
	"shuangyong/ui/tab"
	"shuangyong/ui/textwidth"
	"shuangyong/ui/visitedit"
)

// visitsScreen lists one person's visits, newest first, to correct one (Enter opens the
// visit editor: amount, goods, need and its resolution, follow-up, signed), move one to
// the trash (Delete) or go to its event in 活动.
type visitsScreen struct {
	m    *Model
	id   int64
	name string
	wl   *components.WindowList
	keys visitsKeys
}

type visitsKeys struct {
	Back, Up, Down, Edit, Trash, Event key.Binding
}

func (m *Model) openVisits(d *detailScreen) tea.Cmd {
	lang := m.env.Lang
	t := func(k i18n.Key) string { return m.t(k) }
	v := &visitsScreen{m: m, id: d.id, name: d.msg.person.Name, keys: visitsKeys{
		Back:  key.NewBinding(key.WithKeys("esc", "backspace"), key.WithHelp("Esc", t(i18n.KeyBack))),
		Up:    key.NewBinding(key.WithKeys("up"), key.WithHelp(t(i18n.LabelUpDown), t(i18n.KeyMove))),
		Down:  key.NewBinding(key.WithKeys("down"), key.WithHelp(t(i18n.LabelUpDown), t(i18n.KeyMove))),
		Edit:  key.NewBinding(key.WithKeys("enter", "f4"), key.WithHelp("Enter", t(i18n.KeyEditVisit))),
		Trash: key.NewBinding(key.WithKeys("delete"), key.WithHelp("Delete", t(i18n.KeyTrash))),
		Event: key.NewBinding(key.WithKeys("f6"), key.WithHelp("F6", t(i18n.KeyOpenEvent))),
	}}
	v.wl = components.NewWindowList(m.env.Ctx, tab.Families, []components.Column{
		{Title: t(i18n.LabelVisitDate), Min: 10, Max: 10, Keep: 100},
		{Title: model.FieldLabel("Occasion", lang), Min: 6, Max: 14, Grow: 1, Keep: 60},
		{Title: model.FieldLabel("Mode", lang), Min: 8, Max: 8, Keep: 70},
		{Title: t(i18n.LabelMoneyYuan), Min: 12, Max: 12, Keep: 90, Right: true},
		{Title: model.FieldLabel("Goods", lang), Min: 8, Max: 20, Grow: 1, Keep: 50},
		{Title: model.FieldLabel("Need", lang), Min: 10, Grow: 3, Keep: 80},
		{Title: t(i18n.LabelSigned), Min: 6, Max: 6, Keep: 40},
	})
	m.stack.Push(v)
	w, h := m.size()
	v.wl.Table.SetSize(w, max(h-1, 2))
	s, id := m.store(), d.id
	return v.wl.SetQuery(func(ctx context.Context, off, limit int) (components.Page, error) {
		rows, total, err := s.VisitsOfPerson(ctx, id, off, limit)
		p := components.Page{Offset: off, Total: total}
		for _, r := range rows {
			need := r.Need
			switch {
			case need != "" && r.ResolvedOn != "":
				need = m.t(i18n.VisNeedResolved, need, r.ResolvedOn)
			case need != "":
				need = m.t(i18n.VisNeedOpen, need)
			}
			signed := ""
			if r.Signed {
				signed = m.t(i18n.FormYes)
			}
			p.IDs = append(p.IDs, r.ID)
			p.Rows = append(p.Rows, []string{r.Date, model.Occasions.Label(r.Occasion, lang), model.VisitModes.Label(r.Mode, lang),
				model.FormatMoney(r.MoneyFen), textwidth.Clean(r.Goods), textwidth.Clean(need), signed,
				itoa64(r.EventID)})
		}
		return p, err
	})
}

func (v *visitsScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case components.PageMsg:
		cmd, took, err := v.wl.OnPage(msg)
		if took && err != nil {
			return tab.StatusError(v.m.errText(err))
		}
		return cmd
	case reloadMsg:
		return v.wl.Refresh()
	case tea.KeyMsg:
		k, m := v.keys, v.m
		switch {
		case key.Matches(msg, k.Back):
			m.stack.PopTo(v)
			m.stack.Pop()
		case key.Matches(msg, k.Up):
			return v.wl.Move(-1)
		case key.Matches(msg, k.Down):
			return v.wl.Move(1)
		case key.Matches(msg, k.Edit), key.Matches(msg, k.Trash):
			id, _, ok := v.wl.Selected()
			if !ok {
				return nil
			}
			o := visitedit.Options{Env: m.env, Host: tab.Families, Stack: m.stack, VisitID: id, ReadOnly: m.readOnly}
			if key.Matches(msg, k.Trash) {
				// The answers come back as tab.DoneMsg to 军属, which Model.Update hands to
				// the stack; the trash's tab.ChangedMsg reloads this list.
				return visitedit.AskTrash(o)
			}
			sc, cmd := visitedit.Open(o)
			m.stack.Push(sc)
			return cmd
		case key.Matches(msg, k.Event):
			if _, cells, ok := v.wl.Selected(); ok {
				return tab.Open(tab.Families, tab.KindEvent, atoi64(cells[len(cells)-1]))
			}
		}
	}
	return nil
}

func (v *visitsScreen) View(w, h int) string {
	m := v.m
	v.wl.Table.SetSize(w, max(h-1, 2))
	v.wl.Table.Empty = []string{m.t(i18n.DetVisitsNone)}
	head := styles.Bold.Render(textwidth.Fit(" "+m.t(i18n.VisTitle, textwidth.Clean(v.name), v.wl.Table.Total()), w))
	return textwidth.Block(strings.Split(head+"\n"+v.wl.Table.View(), "\n"), w, h)
}

// ShortHelp leaves out the arrows (the list's cursor shows them) so that every command
// fits the help line at 80 columns.
func (v *visitsScreen) ShortHelp() []key.Binding {
	k := v.keys
	return []key.Binding{k.Back, k.Edit, k.Trash, k.Event}
}

func (v *visitsScreen) Help() []keys.Group {
	k := v.keys
	return []keys.Group{{Title: v.m.t(i18n.GroupDetail), Bindings: keys.Dedupe([]key.Binding{k.Back, k.Up, k.Down, k.Edit, k.Trash, k.Event})}}
}
func (v *visitsScreen) Modal() bool  { return false }
func (v *visitsScreen) Dirty() bool  { return false }
func (v *visitsScreen) Typing() bool { return false }

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }

func atoi64(s string) int64 {
	n, _ := strconv.ParseInt(s, 10, 64)
	return n
}
