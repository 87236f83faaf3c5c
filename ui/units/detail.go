package units

import (
	"context"
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

// detailKeys are the unit detail's keys: the detail's own, plus its events list.
type detailKeys struct {
	keys.Detail
	Open     key.Binding
	Pairings key.Binding
}

func newDetailKeys(lang model.Lang) detailKeys {
	k := detailKeys{Detail: keys.NewDetail(lang)}
	k.Up = key.NewBinding(key.WithKeys("up"), key.WithHelp(i18n.T(lang, i18n.LabelUpDown), i18n.T(lang, i18n.KeyMove)))
	k.Down = key.NewBinding(key.WithKeys("down"), key.WithHelp(i18n.T(lang, i18n.LabelUpDown), i18n.T(lang, i18n.KeyMove)))
	k.Open = key.NewBinding(key.WithKeys("enter"), key.WithHelp("Enter", i18n.T(lang, i18n.KeyOpenEvent)))
	k.Pairings = key.NewBinding(key.WithKeys("f5"), key.WithHelp("F5", i18n.T(lang, i18n.KeyPairings)))
	return k
}

// detailScreen shows one unit: its fields, its 共建 partners and the events that name it.
type detailScreen struct {
	m      *Model
	id     int64
	from   tab.ID // the tab to go back to on Esc; -1: this one
	keys   detailKeys
	seq    uint64
	loaded bool
	unit   model.Unit
	pairs  []store.PairingRow
	events *components.WindowList
	fetch  components.Fetch
	body   *components.ScrollBody // the fields and partners, over the events
	width  int
	height int
	bodyH  int
}

func newDetail(m *Model, id int64, from tab.ID) *detailScreen {
	lang := m.env.Lang
	d := &detailScreen{m: m, id: id, from: from, keys: newDetailKeys(lang), body: components.NewScrollBody(lang)}
	d.events = components.NewWindowList(m.env.Ctx, tab.Units, []components.Column{
		{Title: m.t(i18n.ColEventDate), Min: 10, Max: 10, Keep: 100},
		{Title: m.t(i18n.ColEventType), Min: 8, Max: 16, Grow: 1, Keep: 80},
		{Title: m.t(i18n.ColEventTitle), Min: 12, Grow: 4, Keep: 90},
		{Title: m.t(i18n.ColEventRole), Min: 8, Max: 8, Keep: 70},
	})
	s := m.store()
	d.fetch = func(ctx context.Context, off, limit int) (components.Page, error) {
		rows, total, err := s.UnitEvents(ctx, id, off, limit)
		p := components.Page{Offset: off, Total: total}
		for _, r := range rows {
			p.IDs = append(p.IDs, r.ID)
			p.Rows = append(p.Rows, []string{r.Date, model.EventTypes.Label(r.Type, lang),
				textwidth.Clean(r.Title), model.UnitRoles.Label(r.Role, lang)})
		}
		return p, err
	}
	return d
}

// layout sizes the parts for a w x h area: a title line, the body (fields and partners,
// scrolling when it does not fit) and below it the events, a section title over a table
// of at least minEvents rows. It gives the body its lines and returns its height.
func (d *detailScreen) layout(w, h int) (bodyH int) {
	const minEvents = 6
	bodyLen := 12
	if d.loaded {
		d.body.SetLines(d.bodyLines(w))
		bodyLen = d.body.Len()
	}
	bodyH = max(min(bodyLen, h-1-1-minEvents-1), 1)
	if w != d.width || h != d.height || bodyH != d.bodyH {
		d.width, d.height, d.bodyH = w, h, bodyH
		d.events.Table.SetSize(w, max(h-1-bodyH-1, 2))
	}
	return bodyH
}

// load reads the unit and its pairings, and starts the events list.
func (d *detailScreen) load() tea.Cmd {
	m := d.m
	d.layout(m.stack.Size())
	m.seqs++
	seq := m.seqs
	d.seq = seq
	s, ctx, id := m.store(), m.env.Ctx, d.id
	read := m.run(func() func() tea.Cmd {
		u, err := s.Unit(ctx, id)
		var pairs []store.PairingRow
		if err == nil && u.DeletedAt != "" {
			err = &store.Error{Kind: store.ErrNotFound}
		}
		if err == nil {
			pairs, err = s.Pairings(ctx, id)
		}
		return func() tea.Cmd {
			if seq != d.seq {
				return nil
			}
			if err != nil {
				if store.KindOf(err) == store.ErrNotFound {
					m.stack.PopTo(d)
					m.stack.Pop()
					return tab.StatusError(m.t(i18n.UnitsGone))
				}
				return tab.StatusError(m.errText(err))
			}
			d.unit, d.pairs, d.loaded = u, pairs, true
			// The stack applies this answer and hands it to no other screen: the 共建
			// list over the detail shows these pairings and is refreshed here.
			for i := 0; i < m.stack.Depth(); i++ {
				if p, ok := m.stack.At(i).(*pairingsScreen); ok && p.detail == d {
					p.fill()
				}
			}
			return nil
		}
	})
	if d.events.Loaded() {
		return tea.Batch(read, d.events.Refresh())
	}
	return tea.Batch(read, d.events.SetQuery(d.fetch))
}

func (d *detailScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case components.PageMsg:
		cmd, took, err := d.events.OnPage(msg)
		if took && err != nil {
			return tab.StatusError(d.m.errText(err))
		}
		return cmd
	case reloadMsg:
		return d.load()
	case tea.KeyMsg:
		return d.key(msg)
	}
	return nil
}

func (d *detailScreen) back() tea.Cmd {
	m := d.m
	m.stack.PopTo(d)
	m.stack.Pop()
	if d.from >= 0 {
		return tab.Back(d.from)
	}
	return m.list.wl.FetchIfMissing()
}

func (d *detailScreen) key(msg tea.KeyMsg) tea.Cmd {
	m, k := d.m, d.keys
	if d.body.Update(msg) {
		return nil
	}
	switch {
	case key.Matches(msg, k.Back):
		return d.back()
	case key.Matches(msg, k.Up):
		return d.events.Move(-1)
	case key.Matches(msg, k.Down):
		return d.events.Move(1)
	case key.Matches(msg, k.History):
		return m.openHistory(d.id, d.unit.Name)
	case key.Matches(msg, k.Open):
		id, _, ok := d.events.Selected()
		if !ok {
			return nil
		}
		return tab.Open(tab.Units, tab.KindEvent, id)
	case key.Matches(msg, k.Edit), key.Matches(msg, k.Trash), key.Matches(msg, k.Pairings):
		if c := m.refuseWrite(); c != nil {
			return c
		}
		if !d.loaded {
			return nil
		}
		switch {
		case key.Matches(msg, k.Edit):
			return m.openForm(d.unit, d)
		case key.Matches(msg, k.Trash):
			return m.confirmTrash(d.id, d.unit.Name)
		}
		ps := newPairings(m, d)
		m.stack.Push(ps)
		return nil
	}
	return nil
}

// bodyLines are the scrolling part: the unit's fields and its partners.
func (d *detailScreen) bodyLines(w int) []string {
	m := d.m
	lines := components.Section(m.t(i18n.UnitsDetBasic), w)
	lines = append(lines, components.KVLines(m.fields.Detail(&d.unit), w)...)
	lines = append(lines, components.Section(m.t(i18n.UnitsDetPairings, len(d.pairs)), w)...)
	if len(d.pairs) == 0 {
		lines = append(lines, "  "+styles.Dim.Render(textwidth.Fit(m.t(i18n.UnitsDetNoPairing), w-2)))
	}
	for _, p := range d.pairs {
		lines = append(lines, "  "+textwidth.Fit(pairingLine(m, p), w-2))
	}
	return lines
}

// pairingLine describes a pairing in one line: partner, kind, since, note.
func pairingLine(m *Model, p store.PairingRow) string {
	line := textwidth.Clean(p.PartnerName) + "  " + model.UnitKinds.Label(p.PartnerKind, m.env.Lang)
	if p.Since != "" {
		line += "  " + m.t(i18n.UnitsDetSince, p.Since)
	}
	if p.Note != "" {
		line += "  " + textwidth.Clean(p.Note)
	}
	return line
}

func (d *detailScreen) View(w, h int) string {
	m := d.m
	bodyH := d.layout(w, h)
	title := textwidth.Clean(d.unit.Name)
	if !d.loaded {
		title = m.t(i18n.UnitsLoading)
	} else {
		title += "  " + model.UnitKinds.Label(d.unit.Kind, m.env.Lang) + " (" + model.Sides.Label(d.unit.Side(), m.env.Lang) + ")"
	}
	lines := []string{styles.Bold.Render(textwidth.Fit(" "+title, w)), d.body.View(w, bodyH)}
	head := m.t(i18n.UnitsDetEvents, d.events.Table.Total())
	t := d.events.Table
	t.Empty = []string{m.t(i18n.UnitsDetNoEvents)}
	lines = append(lines, styles.Accent.Render(textwidth.Fit(textwidth.Clean(head), w)), t.View())
	return textwidth.Block(strings.Split(strings.Join(lines, "\n"), "\n"), w, h)
}

func (d *detailScreen) ShortHelp() []key.Binding {
	k := d.keys
	return []key.Binding{k.Back, k.Open, k.Edit, k.Pairings, k.Trash}
}

func (d *detailScreen) Help() []keys.Group {
	k := d.keys
	return []keys.Group{{Title: d.m.t(i18n.GroupDetail), Bindings: keys.Dedupe(append([]key.Binding{k.Back, k.Up},
		append(d.body.Bindings(), k.Open, k.Edit, k.Pairings, k.Trash, k.History)...))}}
}

func (d *detailScreen) Modal() bool  { return false }
func (d *detailScreen) Dirty() bool  { return false }
func (d *detailScreen) Typing() bool { return false }
