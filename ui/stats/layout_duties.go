package stats

import (
	"strconv"

	"shuangyong/model"
	"shuangyong/store/tally"
	"shuangyong/ui/i18n"
)

// The recurring duties (issue 13): 常态化联系 by category, 光荣牌, 年度确认 — each counted as
// at the end of the period, for its last year (model.Period.DutyYear), which the titles
// say. Every figure opens to its records (the people still to call, the households still
// without a plaque, the recipients not yet confirmed), as the other tables' do.
func (m *Model) duties(d *doc, t model.Tally) {
	if t.Contacts.Total.Key > 0 {
		m.contacts(d, t)
		d.blank()
	}
	if t.Plaques.Households > 0 {
		m.plaques(d, t)
		d.blank()
	}
	if t.Confirmations.ToConfirm > 0 {
		m.confirmations(d, t)
		d.blank()
	}
}

// dutyCols are the columns of measures ms, then 完成率; span is the current period of the
// contact rule (model.ContactTally.Span), zero for the tables without one.
func (m *Model) dutyCols(ms []model.Measure, span model.MonthSpan) []gcol {
	var cols []gcol
	for _, x := range ms {
		title := model.Measures.Label(string(x), m.env.Lang)
		switch x { // 「本期」 says which period: 「第四季度」, 「11月」; a past year's is its last
		case model.MContactedPeriod:
			title = m.t(i18n.StColContactedIn, span.Label(m.env.Lang))
		case model.MNotContacted:
			title = m.t(i18n.StColNotContactedIn, span.Label(m.env.Lang))
		}
		cols = append(cols, gcol{title: title})
	}
	return append(cols, gcol{title: m.t(i18n.StColDone)})
}

func (m *Model) dutyCells(t model.Tally, sec model.Section, category string, ms []model.Measure, permille int) []gcell {
	var cells []gcell
	for _, x := range ms {
		cells = append(cells, m.figCellOf(t, tally.Figure{Section: sec, Category: category, Measure: x}))
	}
	return append(cells, gcell{text: model.FormatPermille(permille)})
}

func (m *Model) contacts(d *doc, t model.Tally) {
	c := t.Contacts
	g := &grid{title: m.t(i18n.StSecContacts, c.Year), labelTitle: m.t(i18n.StColCategory)}
	g.groups = []ggroup{{cols: m.dutyCols(c.Measures(), c.Span)}}
	for _, r := range append(append([]model.ContactRow(nil), c.Rows...), c.Total) {
		full, short := m.catLabels(r.Category)
		g.rows = append(g.rows, grow{label: full, short: short, total: r.Category == "",
			cells: [][]gcell{m.dutyCells(t, model.SecContacts, r.Category, c.Measures(), r.Permille())}})
	}
	g.render(d)
}

func (m *Model) plaques(d *doc, t model.Tally) {
	p := t.Plaques
	g := &grid{title: m.t(i18n.StSecPlaques, t.Period().DutyYear()), labelTitle: ""}
	g.groups = []ggroup{{cols: m.dutyCols(model.PlaqueMeasures, model.MonthSpan{})}}
	g.rows = []grow{{label: m.t(i18n.StTotalRow), total: true,
		cells: [][]gcell{m.dutyCells(t, model.SecPlaques, "", model.PlaqueMeasures, p.Permille())}}}
	g.render(d)
}

func (m *Model) confirmations(d *doc, t model.Tally) {
	c := t.Confirmations
	g := &grid{title: m.t(i18n.StSecConfirmations, strconv.Itoa(c.Year)), labelTitle: ""}
	g.groups = []ggroup{{cols: m.dutyCols(model.ConfirmMeasures, model.MonthSpan{})}}
	g.rows = []grow{{label: m.t(i18n.StTotalRow), total: true,
		cells: [][]gcell{m.dutyCells(t, model.SecConfirmations, "", model.ConfirmMeasures, c.Permille())}}}
	g.render(d)
}
