package sheet

import (
	"strconv"
	"strings"
	"time"

	"shuangyong/model"
)

// Cell values of a table. Plain Go values are written as they are: string as text,
// int/int64 as a whole number.
type (
	// money is an amount in 分, written in 元 with two decimals.
	money int64
	// code is text that looks like a number (ID and phone numbers): a text cell in the
	// workbook, protected from number conversion in CSV.
	code string
	// ratio is a share, written as a percentage; "—" when den is 0.
	ratio struct{ num, den int }
	// pct is a change in tenths of a percent, written "+12.5%" (changeText); ok false
	// writes "—".
	pct struct {
		permille int
		ok       bool
	}
	// date is an ISO date (2026-11-29): a real date cell shown yyyy-mm-dd in the workbook,
	// so that Excel and WPS sort and filter it as a date; the text itself in CSV. A value
	// that is not a whole date (a year-month, junk) stays text.
	date string
)

// serial is the date's Excel serial number (days since 1899-12-30); ok is false for text
// that is not a real date of 1900–9999.
func (d date) serial() (int64, bool) {
	t, err := time.Parse("2006-01-02", string(d))
	if err != nil || t.Year() < 1900 {
		return 0, false
	}
	return int64(t.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24), true
}

// kind is what a column holds: it chooses the cell style and how widths are fitted.
type kind int

const (
	kText kind = iota
	kLong      // free text: wrapped, width capped
	kInt
	kMoney
	kCode
	kRatio
	kDate
)

type column struct {
	head string
	kind kind
	// width is the column's width in characters for streamed (detail) sheets, whose
	// widths must be set before their rows are known; 0 fits the width to the content.
	width float64
}

// table is one table of the tally: a sheet of the workbook, or a CSV file.
type table struct {
	key, sheet, title string
	cols              []column
	rows              [][]any
	totals            int // the last rows are totals (bold)
	notes             []string
}

func names(key string) (sheet, title string) {
	for _, n := range tableNames {
		if n.key == key {
			return n.sheet, n.title
		}
	}
	return key, key
}

func newTable(key string, notes []string, cols ...column) *table {
	sheet, title := names(key)
	return &table{key: key, sheet: sheet, title: title, cols: cols, notes: notes}
}

func (t *table) add(row ...any) { t.rows = append(t.rows, row) }

func (t *table) addTotal(row ...any) {
	t.rows = append(t.rows, row)
	t.totals++
}

func quarterOrYear(q int) string {
	if q == 0 {
		return labelYear
	}
	return model.QuarterLabel(q, model.Zh)
}

func catLabel(code string) string {
	if code == "" {
		return labelTotal
	}
	return model.CategoryLabel(code, model.Zh)
}

// itemsText writes items in their order, a breakdown marked 其中 after its parent (rule 9):
// 接收军转干部21名、其中男同志18名、其中女同志3名.
func itemsText(items []model.ItemTotal) string {
	var out []string
	for _, it := range items {
		out = append(out, itemName(it)+strconv.FormatInt(it.Quantity, 10)+it.Unit)
	}
	return strings.Join(out, "、")
}

// itemName is an item's name in tables: a breakdown reads 「其中男同志」.
func itemName(it model.ItemTotal) string {
	if it.IsBreakdown() {
		return "其中" + it.Name
	}
	return it.Name
}

// tallyTables lays the tally out as the tables of the workbook, in order. A range of years
// has no comparison columns, and its headers speak of the period (rangeWords).
func tallyTables(t model.Tally) []*table {
	out := []*table{headlineTable(t), rosterTable(t), villagesTable(t), visitsTable(t), coverageTable(t),
		eventsTable(t), itemsTable(t), supportTable(t, "support_to", t.SupportTo), supportTable(t, "support_from", t.SupportFrom),
		monthsTable(t), contactsTable(t), plaquesTable(t), confirmationsTable(t)}
	if !t.Period().Single() {
		for _, tb := range out {
			forRange(tb)
		}
	}
	return out
}

// forRange rewrites a table's year words for a range of years.
func forRange(tb *table) {
	for i, c := range tb.cols {
		if w, ok := rangeWords[c.head]; ok {
			tb.cols[i].head = w
		}
	}
	for _, r := range tb.rows {
		for i, v := range r {
			if s, ok := v.(string); ok {
				if w, ok := rangeWords[s]; ok {
					r[i] = w
				}
			}
		}
	}
	if w, ok := rangeWords[tb.title]; ok {
		tb.title = w
	}
}

func headlineTable(t model.Tally) *table {
	tb := newTable("headline", nil,
		column{head: hMeasure}, column{head: hUnit}, column{head: hThisYear, kind: kMoney},
		column{head: hLastYear, kind: kMoney}, column{head: hDelta, kind: kMoney}, column{head: hDeltaPct})
	if !t.HasPrevious() {
		// A range is not compared (model.Tally.Previous).
		tb.cols = tb.cols[:3]
	}
	for _, c := range t.Changes() {
		label := model.Measures.Label(string(c.Measure), model.Zh)
		unit := headlineUnits[string(c.Measure)]
		p, ok := c.Permille()
		if !t.HasPrevious() {
			if c.Measure.IsMoney() {
				tb.add(label, unit, money(c.Now))
			} else {
				tb.add(label, unit, c.Now)
			}
			continue
		}
		if c.Measure.IsMoney() {
			tb.add(label, unit, money(c.Now), money(c.Before), money(c.Delta()), pct{p, ok})
		} else {
			tb.add(label, unit, c.Now, c.Before, c.Delta(), pct{p, ok})
		}
	}
	if !t.HasPrevious() {
		tb.add(labelCoverage, "%", ratio{t.Headline.Covered, t.Headline.OnRoll})
		return tb
	}
	tb.add(labelCoverage, "%", ratio{t.Headline.Covered, t.Headline.OnRoll}, ratio{t.Previous.Covered, t.Previous.OnRoll}, "", "")
	return tb
}

func rosterTable(t model.Tally) *table {
	tb := newTable("roster", []string{noteCategories, noteRoll},
		column{head: hCategory}, column{head: hStart, kind: kInt}, column{head: hNew, kind: kInt},
		column{head: hRemoved, kind: kInt}, column{head: hCount, kind: kInt}, column{head: hStopped, kind: kInt})
	for _, r := range t.Roster.Rows {
		tb.add(catLabel(r.Category), r.Start(), r.New, r.Removed, r.Count, r.Stopped)
	}
	r := t.Roster.Total
	tb.addTotal(labelTotal, r.Start(), r.New, r.Removed, r.Count, r.Stopped)
	if n := t.Roster.MultiCategory; n > 0 {
		tb.notes = append(tb.notes, "其中"+strconv.Itoa(n)+"人兼有两类及以上身份，在各类别中分别统计，故各类别之和大于合计。")
	}
	return tb
}

func villagesTable(t model.Tally) *table {
	cols := []column{{head: hVillage}}
	for _, c := range t.Roster.Columns {
		cols = append(cols, column{head: catLabel(c) + "（人）", kind: kInt})
	}
	cols = append(cols, column{head: hVillageTotal, kind: kInt})
	tb := newTable("villages", []string{noteCategories, noteRoll}, cols...)
	row := func(name string, r model.VillageRow) []any {
		out := []any{name}
		for _, n := range r.ByCategory {
			out = append(out, n)
		}
		return append(out, r.Total)
	}
	for _, r := range t.Roster.Villages {
		name := r.Name
		if r.VillageID == 0 || name == "" {
			name = labelNoVillage
		}
		tb.add(row(name, r)...)
	}
	tb.addTotal(row(labelTotal, t.Roster.VillageTotal)...)
	return tb
}

func visitsTable(t model.Tally) *table {
	tb := newTable("visits", []string{noteVisits, noteCategories},
		column{head: hCategory}, column{head: hPeriod}, column{head: hVisits, kind: kInt},
		column{head: hPeople, kind: kInt}, column{head: hHouseholds, kind: kInt}, column{head: hMoney, kind: kMoney},
		column{head: hGoods, kind: kMoney}, column{head: hVisitTotal, kind: kMoney})
	rows := func(r model.VisitRow, total bool) {
		add := tb.add
		if total {
			add = tb.addTotal
		}
		for q := 1; q <= 5; q++ {
			f, period := r.Year, labelYear
			if q <= 4 {
				f, period = r.Quarters[q-1], quarterOrYear(q)
			}
			add(catLabel(r.Category), period, f.Visits, f.People, f.Households, money(f.MoneyFen), money(f.GoodsFen), money(f.TotalFen()))
		}
	}
	for _, r := range t.Visits.Rows {
		rows(r, false)
	}
	rows(t.Visits.Total, true)
	return tb
}

func coverageTable(t model.Tally) *table {
	tb := newTable("coverage", []string{noteCoverage, noteCategories},
		column{head: hCategory}, column{head: hOnRoll, kind: kInt}, column{head: hCovered, kind: kInt},
		column{head: hNotVisited, kind: kInt}, column{head: hCoverage, kind: kRatio})
	for _, r := range t.Visits.Rows {
		if r.OnRoll == 0 {
			continue
		}
		tb.add(catLabel(r.Category), r.OnRoll, r.Covered, r.OnRoll-r.Covered, ratio{r.Covered, r.OnRoll})
	}
	c := t.Visits.Coverage
	tb.addTotal(labelTotal, c.OnRoll, c.Covered, c.NotVisited(), ratio{c.Covered, c.OnRoll})
	return tb
}

func eventsTable(t model.Tally) *table {
	tb := newTable("events", []string{noteEvents},
		column{head: hType}, column{head: hPeriod}, column{head: hEvents, kind: kInt},
		column{head: hParticipants, kind: kInt}, column{head: hMilitary, kind: kInt}, column{head: hEventMoney, kind: kMoney})
	rows := func(label string, r model.EventRow, total bool) {
		add := tb.add
		if total {
			add = tb.addTotal
		}
		for q := 1; q <= 5; q++ {
			f, period := r.Year, labelYear
			if q <= 4 {
				f, period = r.Quarters[q-1], quarterOrYear(q)
			}
			add(label, period, f.Events, f.Participants, f.Military, money(f.MoneyFen))
		}
	}
	for _, r := range t.Events.Rows {
		rows(model.EventTypes.Label(r.Type, model.Zh), r, false)
	}
	rows(labelActivitiesTotal, t.Events.Activities, true)
	rows(labelTotalWithVisits, t.Events.Total, true)
	return tb
}

func itemsTable(t model.Tally) *table {
	tb := newTable("items", nil,
		column{head: hType}, column{head: hItem}, column{head: hItemUnit}, column{head: hQuantity, kind: kInt},
		column{head: hItemEvents, kind: kInt})
	for _, r := range t.Events.Rows {
		for _, it := range r.Items {
			tb.add(model.EventTypes.Label(r.Type, model.Zh), itemName(it), it.Unit, it.Quantity, it.Events)
		}
	}
	for _, it := range t.Events.Items {
		tb.addTotal(labelAllTypes, itemName(it), it.Unit, it.Quantity, it.Events)
	}
	return tb
}

func supportTable(t model.Tally, key string, s model.Support) *table {
	tb := newTable(key, []string{noteSupport},
		column{head: hUnitName}, column{head: hUnitKind}, column{head: hEvents, kind: kInt},
		column{head: hParticipants, kind: kInt}, column{head: hMilitary, kind: kInt}, column{head: hEventMoney, kind: kMoney},
		column{head: hItems, kind: kLong})
	for _, r := range s.Rows {
		tb.add(r.Name, model.UnitKinds.Label(r.Kind, model.Zh), r.Events, r.Participants, r.Military, money(r.MoneyFen), itemsText(r.Items))
	}
	r := s.Total
	tb.addTotal(labelTotal, "", r.Events, r.Participants, r.Military, money(r.MoneyFen), itemsText(r.Items))
	return tb
}

func monthsTable(t model.Tally) *table {
	tb := newTable("months", nil, column{head: hMonth}, column{head: hActivities, kind: kInt}, column{head: hVisits, kind: kInt})
	var acts, visits int
	for m, f := range t.Months {
		tb.add(strconv.Itoa(m+1)+"月", f.Activities, f.Visits)
		acts += f.Activities
		visits += f.Visits
	}
	tb.addTotal(labelTotal, acts, visits)
	return tb
}

// changeText writes a change as rule 10 asks: one decimal, signed (+9.0%, −0.3%).
func changeText(permille int) string { return model.FormatChange(permille) }
