package families

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

// detailData is everything the detail shows, read in one command.
type detailData struct {
	person     model.Person
	village    string
	unit       string
	household  []model.Person
	visits     []store.VisitRow
	visitTotal int
	needs      []store.VisitRow
}

// detailScreen is the person shown in full.
type detailScreen struct {
	m           *Model
	id          int64
	from        tab.ID // the tab to go back to on Esc (-1: this one)
	seq         uint64
	villageHint string // the village name the list showed (the village may be trashed)
	loaded      bool
	msg         detailData
	reveal      bool
	body        *components.ScrollBody // everything under the title
	bodyW       int                    // the width body's lines were made for, 0 = to make
}

func (d *detailScreen) invalidate() { d.bodyW = 0 }

// openDetail shows a person; their records load in the background. from is the tab to
// go back to on Esc (-1: the list).
func (m *Model) openDetail(id int64, villageHint string, from tab.ID) tea.Cmd {
	d := &detailScreen{m: m, id: id, villageHint: villageHint, from: from, body: components.NewScrollBody(m.env.Lang)}
	// Nothing else on the detail moves: the arrows scroll it a line, PgUp/PgDn (and
	// Space) a page, as they did before the body was shared.
	d.body.Keys.LineUp, d.body.Keys.LineDown = m.kDet.Up, m.kDet.Down
	d.body.Keys.PageUp, d.body.Keys.PageDown = m.kDet.PageUp, m.kDet.PageDown
	m.stack.Push(d)
	return d.load()
}

// detail is the person's detail on the stack, if one is open.
func (m *Model) detail() *detailScreen {
	for i := m.stack.Depth() - 1; i >= 0; i-- {
		if d, ok := m.stack.At(i).(*detailScreen); ok {
			return d
		}
	}
	return nil
}

// load reads everything the detail shows, in one command.
func (d *detailScreen) load() tea.Cmd {
	m := d.m
	seq := m.next()
	d.seq = seq
	id := d.id
	s, ctx := m.store(), m.env.Ctx
	villages := append([]model.Village(nil), m.villages...)
	return m.run(func() func() tea.Cmd {
		out, err := readDetail(ctx, s, id, villages)
		return func() tea.Cmd { return d.onLoad(seq, out, err) }
	})
}

func readDetail(ctx context.Context, s *store.Store, id int64, villages []model.Village) (detailData, error) {
	var out detailData
	p, err := s.Person(ctx, id)
	if err == nil && p.DeletedAt != "" {
		err = &store.Error{Kind: store.ErrNotFound}
	}
	if err != nil {
		return out, err
	}
	out.person = p
	for _, v := range villages {
		if v.ID == p.VillageID {
			out.village = v.Name
		}
	}
	if p.HouseholdID != 0 {
		if out.household, err = s.HouseholdMembers(ctx, id); err != nil {
			return out, err
		}
	}
	if out.visits, out.visitTotal, err = s.VisitsOfPerson(ctx, id, 0, 100); err != nil {
		return out, err
	}
	if out.needs, err = s.OpenNeeds(ctx, id); err != nil {
		return out, err
	}
	if p.ServiceUnitID != 0 {
		if u, err := s.Unit(ctx, p.ServiceUnitID); err == nil {
			out.unit = u.Name
		}
	}
	return out, nil
}

func (d *detailScreen) onLoad(seq uint64, data detailData, err error) tea.Cmd {
	m := d.m
	if seq != d.seq {
		return nil
	}
	if err != nil {
		if store.KindOf(err) == store.ErrNotFound {
			m.stack.PopTo(d)
			m.stack.Pop()
			return tab.StatusError(m.t(i18n.FamGone))
		}
		return tab.StatusError(m.errText(err))
	}
	if data.village == "" {
		data.village = d.villageHint
	}
	d.msg, d.loaded = data, true
	d.invalidate()
	return nil
}

func (d *detailScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case reloadMsg:
		return d.load()
	case tea.KeyMsg:
		return d.key(msg)
	}
	return nil
}

// back leaves the detail for the list, or for the tab that opened it.
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
	m := d.m
	k := m.kDet
	if d.body.Update(msg) {
		return nil
	}
	switch {
	case key.Matches(msg, k.Back):
		return d.back()
	case key.Matches(msg, k.Reveal):
		d.reveal = !d.reveal // the title line says which
		d.invalidate()
	case key.Matches(msg, k.History):
		return m.openHistory(d.id, d.msg.person.Name)
	case msg.Type == tea.KeyEnter && d.loaded:
		return m.openVisits(d)
	case key.Matches(msg, k.Edit), key.Matches(msg, k.Visit), key.Matches(msg, k.Trash):
		if c := m.refuseWrite(); c != nil {
			return c
		}
		switch {
		case key.Matches(msg, k.Edit):
			return m.load(d.id, forEdit, d, -1)
		case key.Matches(msg, k.Visit):
			return m.load(d.id, forVisit, d, -1)
		}
		if !d.loaded {
			return nil
		}
		return m.confirmTrash(d.id, d.msg.person.Name, d.msg.village)
	}
	return nil
}

// visitsKey opens the person's visits to correct one.
func (m *Model) visitsKey() key.Binding {
	return key.NewBinding(key.WithKeys("enter"), key.WithHelp("Enter", m.t(i18n.KeyVisits)))
}

func (d *detailScreen) ShortHelp() []key.Binding {
	k := d.m.kDet
	return []key.Binding{k.Back, k.Visit, d.m.visitsKey(), k.Edit, k.Reveal, k.Trash}
}

func (d *detailScreen) Help() []keys.Group {
	k := d.m.kDet
	return []keys.Group{{Title: d.m.t(i18n.GroupDetail), Bindings: keys.Dedupe(append(append([]key.Binding{k.Back}, d.body.Bindings()...),
		k.Visit, d.m.visitsKey(), k.Edit, k.Reveal, k.Trash, k.History))}}
}
func (d *detailScreen) Modal() bool  { return false }
func (d *detailScreen) Dirty() bool  { return false }
func (d *detailScreen) Typing() bool { return false }

func yesNo(m *Model, b bool) string {
	if b {
		return m.t(i18n.FormYes)
	}
	return m.t(i18n.FormNo)
}

// label names a person field: the model's label, or ours where it has none.
func (m *Model) label(field string) string {
	switch field {
	case "VillageID":
		return m.t(i18n.LabelVillage)
	case "Household":
		return m.t(i18n.FormHousehold)
	case "HouseholdWith":
		return m.t(i18n.FormHouseholdWith)
	case "LivesAlone":
		return m.t(i18n.LabelLivesAlone)
	case "KeyMark":
		return m.t(i18n.LabelKeyMark)
	case "HonourPlaque":
		return m.t(i18n.LabelHonourPlaque)
	case "PreferentialCard":
		return m.t(i18n.LabelPrefCard)
	case "MartyrRelation":
		return m.t(i18n.LabelMartyrRel)
	case "MartyrName":
		return m.t(i18n.LabelMartyrName)
	case "MoneyFen":
		return m.t(i18n.LabelMoneyYuan)
	case "GoodsValueFen":
		return m.t(i18n.LabelGoodsValue)
	case "Signed":
		return m.t(i18n.LabelSigned)
	case "Date":
		return m.t(i18n.LabelVisitDate)
	case "LastVisitOn":
		return m.t(i18n.LabelLastVisit)
	case "CreatedAt":
		return m.t(i18n.LabelCreated)
	case "UpdatedAt":
		return m.t(i18n.LabelUpdated)
	}
	return model.FieldLabel(field, m.env.Lang)
}

func (m *Model) joinLabels(e model.Enum, codes []string) string {
	var out []string
	for _, c := range codes {
		out = append(out, e.Label(c, m.env.Lang))
	}
	return i18n.JoinList(m.env.Lang, out)
}

// renderDetail builds the detail's body lines.
func (m *Model) renderDetail(d *detailScreen, w int) []string {
	p := d.msg.person
	lang := m.env.Lang
	en := func(e model.Enum, code string) string { return e.Label(code, lang) }
	fields := m.personTable(p, personView{reveal: d.reveal, unit: d.msg.unit})
	row := &personRow{Person: p, VillageName: d.msg.village}
	under := func(title i18n.Key, sec section) []string {
		return append(components.Section(m.t(title), w), components.KVLines(fields.detail(sec, row), w)...)
	}
	var lines []string

	if gaps := model.NeedsCompletion(&p); len(gaps) > 0 {
		lines = append(lines, components.Section(m.t(i18n.DetGaps, len(gaps)), w)...)
		for _, g := range gaps {
			lines = append(lines, "  "+styles.Warn.Render(textwidth.Fit(g.Message(lang), w-2)))
		}
	}

	lines = append(lines, under(i18n.DetBasic, secBasic)...)
	lines = append(lines, under(i18n.DetCategories, secCategories)...)
	if model.NoPeriodicPension(&p) {
		lines = append(lines, "  "+styles.Warn.Render(textwidth.Fit(m.t(i18n.DetNoPension), w-2)))
	}

	needs := d.msg.needs
	if len(needs) > 0 {
		lines = append(lines, components.Section(m.t(i18n.DetNeeds, len(needs)), w)...)
		for _, n := range needs {
			line := n.Date + "  " + textwidth.Clean(n.Need)
			if n.FollowUpOn != "" {
				line += "  (" + m.t(i18n.DetFollowUp, n.FollowUpOn) + ")"
			}
			for _, l := range textwidth.Wrap(line, w-4) {
				lines = append(lines, "  "+styles.Warn.Render(l))
			}
		}
	} else {
		lines = append(lines, components.Section(m.t(i18n.DetNeedsNone), w)...)
	}

	lines = append(lines, components.Section(m.t(i18n.DetVisits, d.msg.visitTotal), w)...)
	if len(d.msg.visits) == 0 {
		lines = append(lines, "  "+m.t(i18n.DetVisitsNone))
	}
	for _, v := range d.msg.visits {
		parts := []string{v.Date, model.VisitModes.Label(v.Mode, lang), m.t(i18n.DetMoney, model.FormatMoney(v.MoneyFen))}
		if v.Goods != "" {
			g := v.Goods
			if v.GoodsValueFen > 0 {
				g += "(" + model.FormatMoney(v.GoodsValueFen) + ")"
			}
			parts = append(parts, m.t(i18n.DetGoods, g))
		}
		if v.Signed {
			parts = append(parts, m.t(i18n.DetSigned))
		}
		if v.Visitors != "" {
			parts = append(parts, v.Visitors)
		}
		lines = append(lines, "  "+textwidth.Cell(strings.Join(parts, "  "), w-2))
		var more []string
		if v.Condition != "" {
			more = append(more, m.t(i18n.DetCondLabel, v.Condition))
		}
		if v.Need != "" {
			more = append(more, m.t(i18n.DetNeedLabel, v.Need))
		}
		if len(more) > 0 {
			for _, l := range textwidth.Wrap(textwidth.Clean(strings.Join(more, "  ")), w-14) {
				lines = append(lines, "            "+styles.Dim.Render(l))
			}
		}
	}
	if rest := d.msg.visitTotal - len(d.msg.visits); rest > 0 {
		lines = append(lines, "  "+styles.Dim.Render(m.t(i18n.DetVisitsMore, rest)))
	}

	lines = append(lines, under(i18n.DetService, secService)...)
	lines = append(lines, under(i18n.DetCare, secCare)...)

	others := 0
	for _, h := range d.msg.household {
		if h.ID != p.ID {
			others++
		}
	}
	if others == 0 {
		lines = append(lines, components.Section(m.t(i18n.DetHouseholdNone), w)...)
	} else {
		lines = append(lines, components.Section(m.t(i18n.DetHousehold, len(d.msg.household)), w)...)
		for _, h := range d.msg.household {
			hid := model.MaskID(h.IDNumber)
			if d.reveal {
				hid = h.IDNumber
			}
			age := ""
			if a := ageOn(h.BirthDate, m.now()); a >= 0 {
				age = m.t(i18n.DetAgeYears, a)
			}
			parts := []string{h.Name, en(model.Sexes, h.Sex), age, en(model.Relations, h.Relation), hid,
				m.joinLabels(model.Categories, h.Categories)}
			if h.ID == p.ID {
				parts[0] += m.t(i18n.DetSelf)
			}
			lines = append(lines, "  "+textwidth.Cell(strings.Join(parts, "  "), w-2))
		}
	}

	lines = append(lines, "")
	return append(lines, components.KVLines(fields.detail(secRecord, row), w)...)
}

func (d *detailScreen) View(w, h int) string {
	m := d.m
	if !d.loaded {
		return textwidth.Block([]string{"", " " + m.t(i18n.DetLoading)}, w, h)
	}
	p := d.msg.person
	if d.bodyW != w {
		d.body.SetLines(m.renderDetail(d, w))
		d.bodyW = w
	}
	// Title: name, sex, age, village, status; the reveal state on the right.
	parts := []string{p.Name, model.Sexes.Label(p.Sex, m.env.Lang)}
	if a := ageOn(p.BirthDate, m.now()); a >= 0 {
		parts = append(parts, m.t(i18n.DetAgeYears, a))
	}
	parts = append(parts, d.msg.village, model.PersonStatuses.Label(p.Status, m.env.Lang))
	right := m.t(i18n.DetMaskedNote)
	if d.reveal {
		right = m.t(i18n.DetRevealed)
	}
	rw := min(textwidth.Width(right), w/2)
	title := styles.Accent.Render(textwidth.Cell(" "+strings.Join(parts, "  "), w-rw-1)) + " " + styles.Dim.Render(textwidth.Fit(right, rw))
	head := textwidth.Block([]string{title, styles.Dim.Render(strings.Repeat("-", w))}, w, min(h, 2))
	if h <= 2 {
		return head
	}
	return head + "\n" + d.body.View(w, h-2)
}
