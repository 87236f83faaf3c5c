package units

import (
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/ui/components"
	"shuangyong/ui/i18n"
	"shuangyong/ui/keys"
	"shuangyong/ui/styles"
	"shuangyong/ui/tab"
	"shuangyong/ui/textwidth"
)

// pairingsScreen lists a unit's 共建 partners: F2 adds one, Delete ends one, Enter opens
// the partner.
type pairingsScreen struct {
	m      *Model
	detail *detailScreen
	table  *components.Table
	keys   pairingKeys
}

type pairingKeys struct {
	Up, Down, Open, Add, End, Back key.Binding
}

func newPairings(m *Model, d *detailScreen) *pairingsScreen {
	lang := m.env.Lang
	p := &pairingsScreen{m: m, detail: d, keys: pairingKeys{
		Up:   key.NewBinding(key.WithKeys("up"), key.WithHelp(i18n.T(lang, i18n.LabelUpDown), i18n.T(lang, i18n.KeyMove))),
		Down: key.NewBinding(key.WithKeys("down"), key.WithHelp(i18n.T(lang, i18n.LabelUpDown), i18n.T(lang, i18n.KeyMove))),
		Open: key.NewBinding(key.WithKeys("enter"), key.WithHelp("Enter", i18n.T(lang, i18n.KeyOpen))),
		Add:  key.NewBinding(key.WithKeys("f2"), key.WithHelp("F2", i18n.T(lang, i18n.KeyAddPairing))),
		End:  key.NewBinding(key.WithKeys("delete"), key.WithHelp("Delete", i18n.T(lang, i18n.KeyEndPairing))),
		Back: key.NewBinding(key.WithKeys("esc", "backspace"), key.WithHelp("Esc", i18n.T(lang, i18n.KeyBack))),
	}}
	p.table = components.NewTable([]components.Column{
		{Title: m.t(i18n.ColPartnerName), Min: 12, Grow: 3, Keep: 100},
		{Title: m.t(i18n.ColPartnerKind), Min: 8, Max: 10, Keep: 90},
		{Title: m.t(i18n.ColSince), Min: 10, Max: 10, Keep: 80},
		{Title: m.t(i18n.UnitNote), Min: 8, Grow: 2, Keep: 50},
	})
	p.fill()
	return p
}

// fill shows the detail's pairings (all of them: a unit has a handful). The detail calls
// it whenever it has read them again (detailScreen.load).
func (p *pairingsScreen) fill() {
	rows := p.detail.pairs
	ids := make([]int64, len(rows))
	cells := make([][]string, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
		cells[i] = []string{textwidth.Clean(r.PartnerName), model.UnitKinds.Label(r.PartnerKind, p.m.env.Lang), r.Since, textwidth.Clean(r.Note)}
	}
	p.table.SetWindow(0, len(rows), ids, cells)
}

func (p *pairingsScreen) selected() (store.PairingRow, bool) {
	i := p.table.Cursor()
	if i < 0 || i >= len(p.detail.pairs) {
		return store.PairingRow{}, false
	}
	return p.detail.pairs[i], true
}

func (p *pairingsScreen) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	m := p.m
	switch {
	case key.Matches(k, p.keys.Back):
		m.stack.PopTo(p)
		m.stack.Pop()
	case key.Matches(k, p.keys.Up):
		p.table.Move(-1)
	case key.Matches(k, p.keys.Down):
		p.table.Move(1)
	case key.Matches(k, p.keys.Open):
		if r, ok := p.selected(); ok {
			return m.openDetail(r.PartnerID, -1)
		}
	case key.Matches(k, p.keys.Add):
		if c := m.refuseWrite(); c != nil {
			return c
		}
		return p.openForm()
	case key.Matches(k, p.keys.End):
		if c := m.refuseWrite(); c != nil {
			return c
		}
		if r, ok := p.selected(); ok {
			return p.confirmEnd(r)
		}
	}
	return nil
}

// openForm reads the units a partner can be chosen from, then shows the pairing form.
func (p *pairingsScreen) openForm() tea.Cmd {
	m, d := p.m, p.detail
	s, ctx, year := m.store(), m.env.Ctx, m.now().Year()
	return m.run(func() func() tea.Cmd {
		page, err := s.ListUnits(ctx, store.UnitQuery{Limit: 100000}, year)
		return func() tea.Cmd {
			if err != nil {
				return tab.StatusError(m.errText(err))
			}
			paired := map[int64]bool{d.id: true}
			for _, r := range d.pairs {
				paired[r.PartnerID] = true
			}
			// 共建 pairs the two sides (军民共建): units of the other side are offered first.
			opts := []components.Option{{Value: "", Label: m.t(i18n.UnitsPairNone)}}
			rows := page.Rows
			sort.SliceStable(rows, func(i, j int) bool {
				return rows[i].Side() != d.unit.Side() && rows[j].Side() == d.unit.Side()
			})
			for _, r := range rows {
				if !paired[r.ID] {
					opts = append(opts, components.Option{Value: itoa(r.ID),
						Label: textwidth.Clean(r.Name) + " (" + model.UnitKinds.Label(r.Kind, m.env.Lang) + ")"})
				}
			}
			return p.showForm(opts)
		}
	})
}

func (p *pairingsScreen) showForm(partners []components.Option) tea.Cmd {
	m, d := p.m, p.detail
	lang := m.env.Lang
	now := m.now()
	f := components.NewForm(lang, m.t(i18n.UnitsPairTitle, d.unit.Name), []*components.Field{
		{Key: "UnitB", Label: m.t(i18n.UnitsPairPartner), Kind: components.KindPick, Options: partners},
		{Key: "Since", Label: m.t(i18n.UnitsPairSince), Placeholder: m.t(i18n.FormDateHint), Max: 12,
			Check: func(s string) (string, string) {
				if strings.TrimSpace(s) == "" {
					return "", ""
				}
				v, err := model.ParseDateField("Since", s, now, true)
				if err != nil {
					return s, model.AsProblem(err, "Since").Message(lang)
				}
				return v, ""
			}},
		{Key: "Note", Label: m.t(i18n.UnitsPairNote), Max: model.MaxLineText},
	})
	// A pairing entered today mostly starts today: the date is there, saved unless changed
	// (an older pairing's date is typed over it; emptied, none is recorded).
	f.SetValue("Since", now.Format("2006-01-02"))
	fs := components.NewFormScreen(m.env, m.stack, f)
	fs.Validate = func(f *components.Form) []model.Problem {
		if f.Value("UnitB") == "" {
			return []model.Problem{{Field: "UnitB", Zh: i18n.T(model.Zh, i18n.UnitsPairNoPartner), En: i18n.T(model.En, i18n.UnitsPairNoPartner)}}
		}
		return nil
	}
	fs.Save = func(f *components.Form) tea.Cmd {
		pr := model.Pairing{UnitA: d.id, UnitB: atoi(f.Value("UnitB")), Since: f.Value("Since"), Note: f.Value("Note")}
		name := ""
		for _, o := range partners {
			if o.Value == f.Value("UnitB") {
				name = o.Label
			}
		}
		s, ctx := m.store(), m.env.Ctx
		return m.run(func() func() tea.Cmd {
			err := s.AddPairing(ctx, &pr)
			return func() tea.Cmd {
				if err != nil {
					return fs.Failed(err)
				}
				fs.Saved()
				m.stack.PopTo(fs)
				m.stack.Pop()
				return tea.Batch(tab.Status(m.t(i18n.UnitsPairAdded, name), true), m.changed(), m.stack.Update(reloadMsg{}), m.list.wl.Refresh())
			}
		})
	}
	m.stack.Push(fs)
	return nil
}

func (p *pairingsScreen) confirmEnd(r store.PairingRow) tea.Cmd {
	m := p.m
	m.stack.Ask(components.NewDialog(m.t(i18n.UnitsPairEndT), m.t(i18n.UnitsPairEndBody, r.PartnerName), m.t(i18n.UnitsPairEndYes), m.t(i18n.DialogNo), false),
		func(yes bool) tea.Cmd {
			if !yes {
				return nil
			}
			s, ctx := m.store(), m.env.Ctx
			return m.run(func() func() tea.Cmd {
				err := s.RemovePairing(ctx, r.ID)
				return func() tea.Cmd {
					if err != nil {
						return tab.StatusError(m.errText(err))
					}
					return tea.Batch(tab.Status(m.t(i18n.UnitsPairEnded, r.PartnerName), true), m.changed(), m.stack.Update(reloadMsg{}), m.list.wl.Refresh())
				}
			})
		})
	return nil
}

func (p *pairingsScreen) View(w, h int) string {
	m := p.m
	p.table.SetSize(w, max(h-1, 1))
	p.table.Empty = []string{m.t(i18n.UnitsPairsEmpty)}
	head := styles.Bold.Render(textwidth.Fit(" "+m.t(i18n.UnitsPairsScreen, textwidth.Clean(p.detail.unit.Name)), w))
	return head + "\n" + p.table.View()
}

func (p *pairingsScreen) ShortHelp() []key.Binding {
	k := p.keys
	return []key.Binding{k.Back, k.Open, k.Add, k.End}
}

func (p *pairingsScreen) Help() []keys.Group {
	k := p.keys
	return []keys.Group{{Title: p.m.t(i18n.GroupDetail), Bindings: []key.Binding{k.Back, k.Up, k.Open, k.Add, k.End}}}
}

func (p *pairingsScreen) Modal() bool  { return false }
func (p *pairingsScreen) Dirty() bool  { return false }
func (p *pairingsScreen) Typing() bool { return false }
