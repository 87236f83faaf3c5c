package families

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/ui/components"
	"shuangyong/ui/i18n"
	"shuangyong/ui/styles"
	"shuangyong/ui/tab"
	"shuangyong/ui/textwidth"
)

// detailState is the person shown in full.
type detailState struct {
	id          int64
	seq         uint64
	villageHint string // the village name the list showed (the village may be trashed)
	loaded      bool
	msg         detailMsg
	reveal      bool
	scroll      int
	lines       []string // rendered body, nil = to render
	linesW      int
}

func (d *detailState) invalidate() { d.lines = nil }

// openDetail shows a person; their records load in the background.
func (m *Model) openDetail(id int64) tea.Cmd {
	hint := ""
	if cells, ok := m.list.table.Selected(); ok {
		hint = cells[colVillage]
	}
	m.detail = &detailState{id: id, villageHint: hint}
	m.mode = modeDetail
	return m.loadDetail(id)
}

// loadDetail reads everything the detail shows, in one command.
func (m *Model) loadDetail(id int64) tea.Cmd {
	seq := m.next()
	if m.detail != nil {
		m.detail.seq = seq
	}
	s, ctx := m.store(), m.env.Ctx
	villages := append([]model.Village(nil), m.villages...)
	return func() tea.Msg {
		out := detailMsg{seq: seq, id: id}
		p, err := s.Person(ctx, id)
		if err == nil && p.DeletedAt != "" {
			err = &store.Error{Kind: store.ErrNotFound}
		}
		if err != nil {
			out.err = err
			return out
		}
		out.person = p
		for _, v := range villages {
			if v.ID == p.VillageID {
				out.village = v.Name
			}
		}
		if p.HouseholdID != 0 {
			if out.household, err = s.HouseholdMembers(ctx, id); err != nil {
				out.err = err
				return out
			}
		}
		if out.visits, out.visitTotal, err = s.VisitsOfPerson(ctx, id, 0, 100); err != nil {
			out.err = err
			return out
		}
		if out.needs, err = s.OpenNeeds(ctx, id); err != nil {
			out.err = err
			return out
		}
		if p.ServiceUnitID != 0 {
			if u, err := s.Unit(ctx, p.ServiceUnitID); err == nil {
				out.unit = u.Name
			}
		}
		return out
	}
}

func (m *Model) onDetail(msg detailMsg) tea.Cmd {
	d := m.detail
	if d == nil || msg.seq != d.seq {
		return nil
	}
	if msg.err != nil {
		if store.KindOf(msg.err) == store.ErrNotFound {
			m.detail = nil
			if m.mode == modeDetail {
				m.mode = modeList
			}
			return tab.StatusError(m.t(i18n.FamGone))
		}
		return tab.StatusError(m.errText(msg.err))
	}
	if msg.village == "" {
		msg.village = d.villageHint
	}
	d.msg, d.loaded = msg, true
	d.invalidate()
	return nil
}

func (m *Model) detailKey(msg tea.KeyMsg) tea.Cmd {
	d := m.detail
	k := m.kDet
	bodyH := max(m.height-2, 1)
	switch {
	case key.Matches(msg, k.Back):
		m.detail = nil
		m.mode = modeList
		return m.fetchIfMissing()
	case key.Matches(msg, k.Up):
		d.scroll--
	case key.Matches(msg, k.Down):
		d.scroll++
	case key.Matches(msg, k.PageUp):
		d.scroll -= bodyH - 1
	case key.Matches(msg, k.PageDown):
		d.scroll += bodyH - 1
	case msg.Type == tea.KeyHome:
		d.scroll = 0
	case msg.Type == tea.KeyEnd:
		d.scroll = 1 << 30
	case key.Matches(msg, k.Reveal):
		d.reveal = !d.reveal // the title line says which
		d.invalidate()
	case key.Matches(msg, k.Edit), key.Matches(msg, k.Visit), key.Matches(msg, k.Trash):
		if c := m.refuseWrite(); c != nil {
			return c
		}
		switch {
		case key.Matches(msg, k.Edit):
			return m.load(d.id, forEdit, modeDetail)
		case key.Matches(msg, k.Visit):
			return m.load(d.id, forVisit, modeDetail)
		}
		if !d.loaded {
			return nil
		}
		return m.confirmTrash(d.id, d.msg.person.Name, d.msg.village)
	}
	return nil
}

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
	case "LivesAlone":
		return m.t(i18n.LabelLivesAlone)
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
func (m *Model) renderDetail(w int) []string {
	d := m.detail
	p := d.msg.person
	lang := m.env.Lang
	L := m.label
	en := func(e model.Enum, code string) string { return e.Label(code, lang) }
	id, phones := model.MaskID(p.IDNumber), make([]string, 0, len(p.Phones))
	for _, ph := range p.Phones {
		if d.reveal {
			phones = append(phones, ph)
		} else {
			phones = append(phones, model.MaskPhone(ph))
		}
	}
	if d.reveal {
		id = p.IDNumber
	}
	var lines []string

	if gaps := model.NeedsCompletion(&p); len(gaps) > 0 {
		lines = append(lines, components.Section(m.t(i18n.DetGaps, len(gaps)), w)...)
		for _, g := range gaps {
			lines = append(lines, "  "+styles.Warn.Render(textwidth.Fit(g.Message(lang), w-2)))
		}
	}

	lines = append(lines, components.Section(m.t(i18n.DetBasic), w)...)
	lines = append(lines, components.KVLines([]components.KV{
		{Label: L("IDNumber"), Value: id},
		{Label: L("Phones"), Value: model.JoinPhones(phones)},
		{Label: L("Sex"), Value: en(model.Sexes, p.Sex)},
		{Label: L("BirthDate"), Value: p.BirthDate},
		{Label: L("Ethnicity"), Value: p.Ethnicity},
		{Label: L("HukouType"), Value: en(model.HukouTypes, p.HukouType)},
		{Label: L("VillageID"), Value: d.msg.village},
		{Label: L("Status"), Value: en(model.PersonStatuses, p.Status)},
		{Label: L("StatusChangedOn"), Value: p.StatusChangedOn},
		{Label: L("RegisteredOn"), Value: p.RegisteredOn},
		{Label: m.t(i18n.LabelLastVisit), Value: p.LastVisitOn},
		{Label: L("ContactNote"), Value: p.ContactNote},
		{Label: L("Address"), Value: p.Address, Long: true},
	}, w)...)

	lines = append(lines, components.Section(m.t(i18n.DetCategories), w)...)
	cats := []components.KV{{Label: L("Categories"), Value: m.joinLabels(model.Categories, p.Categories), Long: true}}
	disability, survivor := false, false
	for _, c := range p.Categories {
		disability = disability || model.NeedsDisability(c)
		survivor = survivor || model.IsSurvivor(c)
	}
	if p.HasCategory(model.CatOther) || p.CategoryOther != "" {
		cats = append(cats, components.KV{Label: L("CategoryOther"), Value: p.CategoryOther})
	}
	if disability || p.DisabilityNature != "" || p.DisabilityGrade != 0 {
		cats = append(cats,
			components.KV{Label: L("DisabilityNature"), Value: en(model.DisabilityNatures, p.DisabilityNature)},
			components.KV{Label: L("DisabilityGrade"), Value: model.GradeLabel(p.DisabilityGrade, lang)},
			components.KV{Label: L("DisabilityCertNo"), Value: p.DisabilityCertNo})
	}
	if survivor || p.MartyrName != "" || p.MartyrRelation != "" {
		cats = append(cats,
			components.KV{Label: L("MartyrRelation"), Value: en(model.MartyrRelations, p.MartyrRelation)},
			components.KV{Label: L("MartyrName"), Value: p.MartyrName})
	}
	lines = append(lines, components.KVLines(cats, w)...)
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

	lines = append(lines, components.Section(m.t(i18n.DetService), w)...)
	unit := d.msg.unit
	if p.ServiceUnit != "" {
		if unit != "" {
			unit += " "
		}
		unit += p.ServiceUnit
	}
	lines = append(lines, components.KVLines([]components.KV{
		{Label: L("Relation"), Value: en(model.Relations, p.Relation)},
		{Label: L("ServicemanName"), Value: p.ServicemanName},
		{Label: L("Rank"), Value: en(model.Ranks, p.Rank)},
		{Label: L("ServiceStatus"), Value: en(model.ServiceStatuses, p.ServiceStatus)},
		{Label: L("EnlistedOn"), Value: p.EnlistedOn},
		{Label: L("DischargedOn"), Value: p.DischargedOn},
		{Label: L("ServiceUnit"), Value: unit, Long: true},
	}, w)...)

	subsidy := en(model.SubsidyStatuses, p.SubsidyStatus)
	if p.SubsidyFrom != 0 || p.SubsidyTo != 0 {
		years := ""
		if p.SubsidyFrom != 0 {
			years = strconv.Itoa(p.SubsidyFrom)
		}
		years += "-"
		if p.SubsidyTo != 0 {
			years += strconv.Itoa(p.SubsidyTo)
		}
		subsidy = strings.TrimSpace(subsidy + " " + years)
	}
	lines = append(lines, components.Section(m.t(i18n.DetCare), w)...)
	lines = append(lines, components.KVLines([]components.KV{
		{Label: L("SubsidyStatus"), Value: subsidy},
		{Label: L("PairingCadre"), Value: p.PairingCadre},
		{Label: L("SelfCare"), Value: en(model.SelfCareLevels, p.SelfCare)},
		{Label: L("Assistance"), Value: en(model.Assistances, p.Assistance)},
		{Label: L("LivesAlone"), Value: yesNo(m, p.LivesAlone)},
		{Label: L("HonourPlaque"), Value: yesNo(m, p.HonourPlaque)},
		{Label: L("PreferentialCard"), Value: yesNo(m, p.PreferentialCard)},
		{Label: L("Health"), Value: p.Health, Long: true},
		{Label: L("Conditions"), Value: p.Conditions, Long: true},
		{Label: L("Note"), Value: p.Note, Long: true},
	}, w)...)

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
	lines = append(lines, components.KVLines([]components.KV{
		{Label: m.t(i18n.LabelCreated), Value: p.CreatedAt},
		{Label: m.t(i18n.LabelUpdated), Value: p.UpdatedAt},
	}, w)...)
	return lines
}

func (m *Model) detailView() string {
	d := m.detail
	w, h := m.width, m.height
	if !d.loaded {
		return textwidth.Block([]string{"", " " + m.t(i18n.DetLoading)}, w, h)
	}
	p := d.msg.person
	if d.lines == nil || d.linesW != w {
		d.lines, d.linesW = m.renderDetail(w), w
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
	bodyH := max(h-2, 1)
	d.scroll = min(max(d.scroll, 0), max(len(d.lines)-bodyH, 0))
	lines := []string{title, styles.Dim.Render(strings.Repeat("-", w))}
	end := min(d.scroll+bodyH, len(d.lines))
	lines = append(lines, d.lines[d.scroll:end]...)
	return textwidth.Block(lines, w, h)
}
