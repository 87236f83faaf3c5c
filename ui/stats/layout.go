package stats

import (
	"strconv"
	"strings"

	"shuangyong/model"
	"shuangyong/store/tally"
	"shuangyong/ui/i18n"
	"shuangyong/ui/textwidth"
)

// layout lays a tally out at width w: the headline figures with last year's, the coverage
// gauge, the month chart, the tables of SPEC.md §5 and the summary draft.
func (m *Model) layout(t model.Tally, w int) *doc {
	d := &doc{period: t.Period(), width: w}
	if t.Headline.Empty() {
		d.blank()
		d.para(m.t(i18n.StEmpty, m.periodLabel(t.Period())), stPlain)
		d.blank()
		d.para(m.t(i18n.StEmptyHint), stDim)
		return d
	}
	m.headline(d, t)
	d.blank()
	m.gauge(d, t)
	d.blank()
	m.months(d, t)
	d.blank()
	m.roster(d, t)
	d.blank()
	m.villages(d, t)
	d.blank()
	m.visits(d, t)
	d.blank()
	m.events(d, t)
	if len(t.Events.Items) > 0 {
		d.blank()
		m.items(d, t)
	}
	d.blank()
	m.support(d, t, t.SupportTo, model.SecSupportTo, i18n.StSecSupportTo)
	d.blank()
	m.support(d, t, t.SupportFrom, model.SecSupportFrom, i18n.StSecSupportFrom)
	d.blank()
	m.duties(d, t)
	d.text(" "+m.t(i18n.StSecSummary), stTitle)
	for _, l := range wrapText(textwidth.Clean(model.SummaryDraft(t, m.env.Lang)), max(w-2, 10)) {
		d.text(" "+l, stPlain)
	}
	d.blank()
	return d
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// unitOf is the counting unit shown after a figure of measure ms.
func (m *Model) unitOf(ms model.Measure) string {
	switch ms {
	case model.MOnRoll, model.MNew, model.MRemoved, model.MPeople, model.MCovered, model.MNotVisited,
		model.MKey, model.MContactedPeriod, model.MNotContacted, model.MContactedYear, model.MVisitedHome,
		model.MToConfirm, model.MConfirmed, model.MUnconfirmed:
		return m.t(i18n.StUnitPeople)
	case model.MEligible, model.MHung, model.MPending, model.MReplace, model.MRetired:
		return m.t(i18n.StUnitHouseholds)
	case model.MVisits, model.MParticipants, model.MMilitary:
		return m.t(i18n.StUnitVisits)
	case model.MHouseholds:
		return m.t(i18n.StUnitHouseholds)
	case model.MMoney, model.MGoods, model.MTotal:
		return m.t(i18n.StUnitYuan)
	case model.MRounds:
		return m.t(i18n.StUnitTimes)
	case model.MEvents, model.MActivities:
		return m.t(i18n.StUnitEvents)
	}
	return ""
}

// num formats a figure's value: amounts in 元 with two decimals, counts as integers.
func num(ms model.Measure, v int64) string {
	if ms.IsMoney() {
		return model.FormatMoney(v)
	}
	return itoa(v)
}

// figCellOf makes the cell of figure f of t.
func (m *Model) figCellOf(t model.Tally, f tally.Figure) gcell {
	v, _ := f.Value(t)
	f2 := f
	text := num(f.Measure, v)
	return gcell{text: text, fig: &f2, value: text + " " + m.unitOf(f.Measure)}
}

// wholeTitle heads the columns of the whole period: 全年, or 全期 for a range.
func (m *Model) wholeTitle(t model.Tally) string {
	if !t.Period().Single() {
		return m.t(i18n.StGroupPeriod)
	}
	return m.quarterTitle(0)
}

// itemName is an item as tables name it: a breakdown reads 「其中男同志」 (rule 9).
func (m *Model) itemName(it model.ItemTotal) string {
	if it.IsBreakdown() {
		return m.t(i18n.StItemOf, it.Name)
	}
	return it.Name
}

// quarterTitleOf heads a quarter's columns: in a range, that quarter of each of its years.
func (m *Model) quarterTitleOf(t model.Tally, q int) string {
	if !t.Period().Single() {
		return m.t(i18n.StQuarterEachYear, m.quarterTitle(q))
	}
	return m.quarterTitle(q)
}

func (m *Model) quarterTitle(q int) string {
	return m.t([]i18n.Key{i18n.StGroupYear, i18n.StQ1, i18n.StQ2, i18n.StQ3, i18n.StQ4}[q])
}

func (m *Model) catLabels(code string) (full, short string) {
	switch code {
	case "":
		return m.t(i18n.StTotalRow), ""
	case model.NoCategory:
		return model.CategoryLabel(code, m.env.Lang), ""
	}
	full = model.Categories.Label(code, m.env.Lang)
	if model.Categories.Valid(code) {
		short = model.CategoryShort(code, m.env.Lang)
	}
	return full, short
}

func signed(ms model.Measure, v int64) string {
	switch {
	case v > 0:
		return "+" + num(ms, v)
	case v == 0:
		return "0"
	}
	return num(ms, v)
}

func (m *Model) headline(d *doc, t model.Tally) {
	g := &grid{title: m.t(i18n.StSecHeadline), labelTitle: m.t(i18n.StColMeasure)}
	if !t.HasPrevious() {
		g.title = m.t(i18n.StSecHeadlineRange)
		// A range is not compared: its figures and their units.
		g.groups = []ggroup{{cols: []gcol{{title: m.t(i18n.StColThisPeriod)}, {title: m.t(i18n.StColUnit), left: true}}}}
		for _, c := range t.Changes() {
			g.rows = append(g.rows, grow{label: model.Measures.Label(string(c.Measure), m.env.Lang),
				cells: [][]gcell{{m.figCellOf(t, tally.Figure{Section: model.SecHeadline, Measure: c.Measure}), {text: m.unitOf(c.Measure)}}}})
		}
		g.render(d)
		return
	}
	g.groups = []ggroup{{cols: []gcol{
		{title: m.t(i18n.StColThisYear)}, {title: m.t(i18n.StColUnit), left: true},
		{title: m.t(i18n.StColLastYear, t.Year-1)}, {title: m.t(i18n.StColChange)}, {title: m.t(i18n.StColPct)},
	}}}
	for _, c := range t.Changes() {
		pct := ""
		if p, ok := c.Permille(); ok {
			pct = model.FormatChange(p) // rule 10: one decimal, signed
		}
		cell := m.figCellOf(t, tally.Figure{Section: model.SecHeadline, Measure: c.Measure})
		g.rows = append(g.rows, grow{
			label: model.Measures.Label(string(c.Measure), m.env.Lang),
			cells: [][]gcell{{cell, {text: m.unitOf(c.Measure)}, {text: num(c.Measure, c.Before)},
				{text: signed(c.Measure, c.Delta())}, {text: pct}}},
		})
	}
	g.render(d)
}

// gauge is the coverage bar: [#######-----] 88.5%, then the figures behind it.
func (m *Model) gauge(d *doc, t model.Tally) {
	d.text(" "+m.t(i18n.StSecCoverage), stTitle)
	c := t.Visits.Coverage
	pct := model.FormatPermille(c.Permille())
	barW := max(min(d.width-2-2-8, 60), 10)
	filled := 0
	if c.OnRoll > 0 {
		filled = int(int64(barW) * int64(c.Covered) / int64(c.OnRoll))
	}
	lb := d.newLine().add(" [", stPlain).add(strings.Repeat("#", filled), stOK).
		add(strings.Repeat("-", barW-filled), stDim).add("] "+pct, stPlain)
	lb.done()

	section := shortTitle(m.t(i18n.StSecCoverage))
	fig := func(ms model.Measure) (string, tally.Figure, string) {
		f := tally.Figure{Section: model.SecCoverage, Measure: ms}
		v, _ := f.Value(t)
		return itoa(v), f, section + " / " + model.Measures.Label(string(ms), m.env.Lang)
	}
	lb = d.newLine().add(" ", stPlain)
	for i, ms := range []model.Measure{model.MCovered, model.MOnRoll, model.MNotVisited} {
		if i > 0 {
			lb.add("   ", stPlain)
		}
		text, f, path := fig(ms)
		lb.add(m.t([]i18n.Key{i18n.StCovered, i18n.StOnRoll, i18n.StNotVisited}[i])+" ", stPlain)
		lb.fig(text, textwidth.Width(text), false, stPlain, f, path, text+" "+m.unitOf(ms))
		lb.add(" "+m.unitOf(ms), stPlain)
	}
	lb.done()
}

// months is the chart: one line a month, the activities and the visits as bars each
// scaled to its own largest month.
func (m *Model) months(d *doc, t model.Tally) {
	d.text(" "+m.t(i18n.StSecMonths), stTitle)
	maxA, maxV := 1, 1
	for _, mf := range t.Months {
		maxA, maxV = max(maxA, mf.Activities), max(maxV, mf.Visits)
	}
	nw := max(len(strconv.Itoa(maxA)), len(strconv.Itoa(maxV)), 3)
	monthW := 0
	for i := 1; i <= 12; i++ {
		monthW = max(monthW, textwidth.Width(m.t(i18n.StMonth, i)))
	}
	// " " month " " num " |" bar "|  " num " |" bar "|"
	fixed := 1 + monthW + 2*(1+nw+2+1) + 2
	barW := max((d.width-fixed)/2, 4)
	titleA, titleV := m.t(i18n.StChartActivities), m.t(i18n.StChartVisits)
	half := 1 + nw + 2 + barW + 1
	d.newLine().add(" "+strings.Repeat(" ", monthW), stHead).add(textwidth.Fit(" "+titleA, half), stHead).
		add("  ", stHead).add(textwidth.Fit(" "+titleV, half), stHead).done()
	bar := func(v, top int, ch string) string {
		n := 0
		if v > 0 {
			n = max(v*barW/top, 1)
		}
		return strings.Repeat(ch, n) + strings.Repeat(" ", barW-n)
	}
	section := shortTitle(m.t(i18n.StSecMonths))
	for i, mf := range t.Months {
		month := m.t(i18n.StMonth, i+1)
		lb := d.newLine().add(" "+textwidth.FitRight(month, monthW)+" ", stHead)
		fa := tally.Figure{Section: model.SecMonths, Month: i + 1, Measure: model.MActivities}
		a := strconv.Itoa(mf.Activities)
		lb.fig(a, nw, true, stPlain, fa, section+" / "+month+" / "+titleA, a+" "+m.unitOf(model.MActivities))
		lb.add(" |", stDim).add(bar(mf.Activities, maxA, "#"), stBar).add("|  ", stDim)
		fv := tally.Figure{Section: model.SecMonths, Month: i + 1, Measure: model.MVisits}
		v := strconv.Itoa(mf.Visits)
		lb.fig(v, nw, true, stPlain, fv, section+" / "+month+" / "+titleV, v+" "+m.unitOf(model.MVisits))
		lb.add(" |", stDim).add(bar(mf.Visits, maxV, "="), stBar).add("|", stDim)
		lb.done()
	}
}

func (m *Model) roster(d *doc, t model.Tally) {
	g := &grid{title: m.t(i18n.StSecRoster), labelTitle: m.t(i18n.StColCategory)}
	ms := []model.Measure{model.MOnRoll, model.MNew, model.MRemoved}
	g.groups = []ggroup{{cols: []gcol{{title: m.t(i18n.StColCount)}, {title: m.t(i18n.StColNew)}, {title: m.t(i18n.StColRemoved)}}}}
	rows := append(append([]model.RosterRow(nil), t.Roster.Rows...), t.Roster.Total)
	for _, r := range rows {
		full, short := m.catLabels(r.Category)
		var cells []gcell
		for _, x := range ms {
			cells = append(cells, m.figCellOf(t, tally.Figure{Section: model.SecRoster, Category: r.Category, Measure: x}))
		}
		g.rows = append(g.rows, grow{label: full, short: short, cells: [][]gcell{cells}, total: r.Category == ""})
	}
	g.render(d)
}

func (m *Model) villages(d *doc, t model.Tally) {
	ro := t.Roster
	if len(ro.Villages) == 0 {
		return
	}
	g := &grid{title: m.t(i18n.StSecVillages), labelTitle: m.t(i18n.StColVillage)}
	g.groups = append(g.groups, ggroup{cols: []gcol{{title: m.t(i18n.StColTotal)}}})
	for _, c := range ro.Columns {
		full, short := m.catLabels(c)
		if short == "" {
			short = full
		}
		g.groups = append(g.groups, ggroup{cols: []gcol{{title: short}}})
	}
	rows := append(append([]model.VillageRow(nil), ro.Villages...), ro.VillageTotal)
	for i, r := range rows {
		vid, label := r.VillageID, textwidth.Clean(r.Name)
		total := i == len(rows)-1
		switch {
		case total:
			vid, label = tally.AllVillages, m.t(i18n.StTotalRow)
		case vid == 0:
			label = m.t(i18n.StNoVillage)
		}
		cells := [][]gcell{{m.figCellOf(t, tally.Figure{Section: model.SecVillages, VillageID: vid, Measure: model.MOnRoll})}}
		for _, c := range ro.Columns {
			cells = append(cells, []gcell{m.figCellOf(t, tally.Figure{Section: model.SecVillages, VillageID: vid, Category: c, Measure: model.MOnRoll})})
		}
		g.rows = append(g.rows, grow{label: label, cells: cells, total: total})
	}
	g.render(d)
}

func (m *Model) visits(d *doc, t model.Tally) {
	g := &grid{title: m.t(i18n.StSecVisits), labelTitle: m.t(i18n.StColCategory)}
	yearMs := []model.Measure{model.MVisits, model.MPeople, model.MHouseholds, model.MMoney, model.MGoods, model.MTotal}
	quarterMs := []model.Measure{model.MVisits, model.MPeople, model.MHouseholds, model.MMoney}
	covMs := []model.Measure{model.MOnRoll, model.MCovered, model.MNotVisited}
	colsOf := func(ms []model.Measure) []gcol {
		var out []gcol
		for _, x := range ms {
			out = append(out, gcol{title: m.visitCol(x)})
		}
		return out
	}
	g.groups = append(g.groups, ggroup{title: m.wholeTitle(t), cols: colsOf(yearMs)})
	g.groups = append(g.groups, ggroup{title: m.t(i18n.StGroupCoverage), cols: append(colsOf(covMs), gcol{title: m.t(i18n.StColRate)})})
	for q := 1; q <= 4; q++ {
		g.groups = append(g.groups, ggroup{title: m.quarterTitleOf(t, q), cols: colsOf(quarterMs)})
	}
	rows := append(append([]model.VisitRow(nil), t.Visits.Rows...), t.Visits.Total)
	for _, r := range rows {
		full, short := m.catLabels(r.Category)
		var year, cov []gcell
		for _, x := range yearMs {
			year = append(year, m.figCellOf(t, tally.Figure{Section: model.SecVisits, Category: r.Category, Measure: x}))
		}
		for _, x := range covMs {
			cov = append(cov, m.figCellOf(t, tally.Figure{Section: model.SecCoverage, Category: r.Category, Measure: x}))
		}
		cov = append(cov, gcell{text: model.FormatPermille(model.Coverage{OnRoll: r.OnRoll, Covered: r.Covered}.Permille())})
		cells := [][]gcell{year, cov}
		for q := 1; q <= 4; q++ {
			var qc []gcell
			for _, x := range quarterMs {
				qc = append(qc, m.figCellOf(t, tally.Figure{Section: model.SecVisits, Category: r.Category, Quarter: q, Measure: x}))
			}
			cells = append(cells, qc)
		}
		g.rows = append(g.rows, grow{label: full, short: short, cells: cells, total: r.Category == ""})
	}
	g.render(d)
}

// visitCol is the header of a visits column.
func (m *Model) visitCol(x model.Measure) string {
	switch x {
	case model.MVisits:
		return m.t(i18n.StColVisits)
	case model.MPeople:
		return m.t(i18n.StColPeople)
	case model.MHouseholds:
		return m.t(i18n.StColHouseholds)
	case model.MMoney:
		return m.t(i18n.StColMoney)
	case model.MGoods:
		return m.t(i18n.StColGoods)
	case model.MTotal:
		return m.t(i18n.StColSum)
	case model.MOnRoll:
		return m.t(i18n.StOnRoll)
	case model.MCovered:
		return m.t(i18n.StCovered)
	case model.MNotVisited:
		return m.t(i18n.StNotVisited)
	case model.MEvents:
		return m.t(i18n.StColEvents)
	case model.MParticipants:
		return m.t(i18n.StColParticipants)
	case model.MMilitary:
		return m.t(i18n.StColMilitary)
	}
	return m.t(i18n.StColSpent)
}

func (m *Model) typeLabel(code string) string {
	if code == "" {
		return m.t(i18n.StTotalRow)
	}
	return textwidth.Clean(model.EventTypes.Label(code, m.env.Lang))
}

func (m *Model) events(d *doc, t model.Tally) {
	g := &grid{title: m.t(i18n.StSecEvents), labelTitle: m.t(i18n.StColType)}
	yearMs := []model.Measure{model.MEvents, model.MParticipants, model.MMilitary, model.MMoney}
	quarterMs := []model.Measure{model.MEvents, model.MParticipants}
	colsOf := func(ms []model.Measure) []gcol {
		var out []gcol
		for _, x := range ms {
			out = append(out, gcol{title: m.eventCol(x)})
		}
		return out
	}
	g.groups = append(g.groups, ggroup{title: m.wholeTitle(t), cols: colsOf(yearMs)})
	for q := 1; q <= 4; q++ {
		g.groups = append(g.groups, ggroup{title: m.quarterTitleOf(t, q), cols: colsOf(quarterMs)})
	}
	// Two totals, each labelled with its scope (rule 1): without 走访慰问 (the headline's
	// 双拥活动), and with it.
	types := []string{}
	for _, r := range t.Events.Rows {
		types = append(types, r.Type)
	}
	types = append(types, tally.AllButVisits, "")
	for _, typ := range types {
		var year []gcell
		for _, x := range yearMs {
			year = append(year, m.figCellOf(t, tally.Figure{Section: model.SecEvents, Type: typ, Measure: x}))
		}
		cells := [][]gcell{year}
		for q := 1; q <= 4; q++ {
			var qc []gcell
			for _, x := range quarterMs {
				qc = append(qc, m.figCellOf(t, tally.Figure{Section: model.SecEvents, Type: typ, Quarter: q, Measure: x}))
			}
			cells = append(cells, qc)
		}
		label := m.typeLabel(typ)
		switch typ {
		case tally.AllButVisits:
			label = m.t(i18n.StTotalActivities)
		case "":
			label = m.t(i18n.StTotalWithVisits)
		}
		g.rows = append(g.rows, grow{label: label, cells: cells, total: typ == "" || typ == tally.AllButVisits})
	}
	g.render(d)
}

func (m *Model) eventCol(x model.Measure) string {
	if x == model.MMoney {
		return m.t(i18n.StColSpent)
	}
	return m.visitCol(x)
}

// items lists the counted items of each event type, then over all types.
func (m *Model) items(d *doc, t model.Tally) {
	g := &grid{title: m.t(i18n.StSecItems), labelTitle: m.t(i18n.StColType)}
	g.groups = []ggroup{{cols: []gcol{{title: m.t(i18n.StColItem), left: true}, {title: m.t(i18n.StColQty)},
		{title: m.t(i18n.StColItemUnit), left: true}, {title: m.t(i18n.StColItemEvents)}}}}
	add := func(typ, label string, items []model.ItemTotal, total bool) {
		for i, it := range items {
			f := tally.Figure{Section: model.SecItems, Type: typ, ItemName: it.Name, ItemUnit: it.Unit, Measure: model.MQuantity}
			q := itoa(it.Quantity)
			name, unit := textwidth.Clean(m.itemName(it)), textwidth.Clean(it.Unit)
			// The type is named on its first row only; the path names it on every row.
			g.rows = append(g.rows, grow{label: label, path: label + " / " + name, blank: i > 0, total: total, cells: [][]gcell{{
				{text: name}, {text: q, fig: &f, value: q + " " + unit}, {text: unit}, {text: strconv.Itoa(it.Events)},
			}}})
		}
	}
	for _, r := range t.Events.Rows {
		add(r.Type, m.typeLabel(r.Type), r.Items, false)
	}
	add("", m.t(i18n.StAllTypes), t.Events.Items, true)
	g.render(d)
}

func (m *Model) support(d *doc, t model.Tally, s model.Support, sec model.Section, title i18n.Key) {
	g := &grid{title: m.t(title), labelTitle: m.t(i18n.StColUnitName)}
	ms := []model.Measure{model.MEvents, model.MParticipants, model.MMilitary, model.MMoney}
	cols := []gcol{{title: m.t(i18n.StColKind), left: true}}
	for _, x := range ms {
		cols = append(cols, gcol{title: m.eventCol(x)})
	}
	cols = append(cols, gcol{title: m.t(i18n.StColItems), left: true})
	g.groups = []ggroup{{cols: cols}}
	if len(s.Rows) == 0 {
		d.text(" "+m.t(title), stTitle)
		d.para(m.t(i18n.StNoSupport), stDim)
		return
	}
	// The items column takes what is left of the width.
	itemsW := max(d.width/3, 16)
	rows := append(append([]model.UnitSupport(nil), s.Rows...), s.Total)
	for i, r := range rows {
		total := i == len(rows)-1
		label, kind := textwidth.Clean(r.Name), model.UnitKinds.Label(r.Kind, m.env.Lang)
		if total {
			label, kind = m.t(i18n.StTotalRow), ""
		}
		cells := []gcell{{text: kind}}
		for _, x := range ms {
			cells = append(cells, m.figCellOf(t, tally.Figure{Section: sec, UnitID: r.UnitID, Measure: x}))
		}
		var its []string
		for _, it := range r.Items {
			its = append(its, textwidth.Clean(m.itemName(it))+itoa(it.Quantity)+textwidth.Clean(it.Unit))
		}
		cells = append(cells, gcell{text: textwidth.Truncate(i18n.JoinList(m.env.Lang, its), itemsW)})
		g.rows = append(g.rows, grow{label: label, cells: [][]gcell{cells}, total: total})
	}
	g.render(d)
}

// shortTitle is a section's heading without its closing parenthesised note, for figure
// paths: 主要指标（与上年比较） → 主要指标.
func shortTitle(s string) string {
	for _, p := range [][2]string{{"（", "）"}, {" (", ")"}} {
		if i := strings.LastIndex(s, p[0]); i > 0 && strings.HasSuffix(s, p[1]) {
			return s[:i]
		}
	}
	return s
}

// wrapText breaks a paragraph into lines of at most w cells without splitting a number
// (4888人次 stays whole) and without starting a line with closing punctuation.
func wrapText(s string, w int) []string {
	var tokens []string
	isNum := func(r rune) bool { return r >= '0' && r <= '9' || r == '.' || r == '%' || r == ',' }
	closing := "，。、；：）」？！,.;:)%"
	rs := []rune(s)
	for i := 0; i < len(rs); {
		j := i + 1
		if isNum(rs[i]) {
			for j < len(rs) && isNum(rs[j]) {
				j++
			}
		}
		for j < len(rs) && strings.ContainsRune(closing, rs[j]) {
			j++
		}
		tokens = append(tokens, string(rs[i:j]))
		i = j
	}
	var lines []string
	var cur strings.Builder
	curW := 0
	for _, t := range tokens {
		tw := textwidth.Width(t)
		if curW+tw > w && curW > 0 {
			lines = append(lines, cur.String())
			cur.Reset()
			curW = 0
		}
		if tw > w {
			for _, part := range textwidth.Wrap(t, w) {
				lines = append(lines, part)
			}
			continue
		}
		cur.WriteString(t)
		curW += tw
	}
	if cur.Len() > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}
