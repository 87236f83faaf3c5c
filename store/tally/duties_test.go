package tally

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/store/tally/tallytest"
)

// computeAsOf computes a period's tally as if today were asOf.
func computeAsOf(t *testing.T, s *store.Store, p model.Period, asOf string) model.Tally {
	t.Helper()
	var tl model.Tally
	tallytest.Must(t, s.ReadTx(context.Background(), func(tx *sql.Tx) error {
		var err error
		tl, err = ComputeIn(context.Background(), tx, p, asOf)
		return err
	}))
	return tl
}

func contactRows(ct model.ContactTally) map[string]model.ContactRow {
	out := map[string]model.ContactRow{}
	for _, r := range ct.Rows {
		out[r.Category] = r
	}
	return out
}

func TestDutiesFixture(t *testing.T) {
	d := tallytest.NewDuties(t)
	ctx := context.Background()
	q4 := model.MonthSpan{From: 10, To: 12}
	row := func(cat string, key, q, y, h int) model.ContactRow {
		return model.ContactRow{Category: cat, Key: key, Current: q, Year: y, Home: h}
	}
	for _, c := range []struct {
		name     string
		period   model.Period
		asOf     string
		span     model.MonthSpan
		total    model.ContactRow
		rows     []model.ContactRow
		plaques  model.PlaqueTally
		confirms model.ConfirmTally
	}{
		{
			// K4 died and K5 is trashed: neither counts. Q4: only K3 (10-15).
			name: "2026", period: model.YearPeriod(2026), asOf: "2026-11-29", span: q4,
			total: row("", 4, 1, 3, 2),
			rows: []model.ContactRow{row(model.CatDisabledSoldier, 1, 0, 1, 0), row(model.CatMartyrFamily, 1, 0, 1, 1),
				row(model.CatWarVeteran, 1, 0, 1, 0), row(model.CatServingFamily, 1, 0, 0, 0), row(model.CatVeteran, 1, 1, 1, 1)},
			// H1 (the line recorded for K2 alone follows K2 in), K3 待更换, N1 none, N2 the
			// flag, R2 不再更换; K4's household ended with his death.
			plaques:  model.PlaqueTally{Households: 5, Hung: 2, Pending: 1, Replace: 1, Retired: 1},
			confirms: model.ConfirmTally{Year: 2026, ToConfirm: 4, Confirmed: 2},
		},
		{
			// As on 2026-04-10: the second quarter counts; K1's 03-31 is the first quarter's,
			// K2's 04-01 the second's.
			name: "2026 in April", period: model.YearPeriod(2026), asOf: "2026-04-10", span: model.MonthSpan{From: 4, To: 6},
			total: row("", 4, 1, 3, 2),
			rows: []model.ContactRow{row(model.CatDisabledSoldier, 1, 0, 1, 0), row(model.CatMartyrFamily, 1, 1, 1, 1),
				row(model.CatWarVeteran, 1, 0, 1, 0), row(model.CatServingFamily, 1, 0, 0, 0), row(model.CatVeteran, 1, 0, 1, 1)},
			plaques:  model.PlaqueTally{Households: 5, Hung: 2, Pending: 1, Replace: 1, Retired: 1},
			confirms: model.ConfirmTally{Year: 2026, ToConfirm: 4, Confirmed: 2},
		},
		{
			// As at the end of 2025: K4 on the roll; lines dated 2026 do not count (H1 and
			// R2 had none yet, K3 still hung); only K2's confirmation is of 2025.
			name: "2025", period: model.YearPeriod(2025), asOf: "2026-11-29", span: q4,
			total: row("", 5, 1, 2, 1),
			rows: []model.ContactRow{row(model.CatDisabledSoldier, 1, 1, 1, 0), row(model.CatMartyrFamily, 1, 0, 0, 0),
				row(model.CatWarVeteran, 1, 1, 1, 0), row(model.CatServingFamily, 1, 0, 0, 0), row(model.CatVeteran, 2, 0, 1, 1)},
			plaques:  model.PlaqueTally{Households: 6, Hung: 3, Pending: 3},
			confirms: model.ConfirmTally{Year: 2025, ToConfirm: 5, Confirmed: 1},
		},
		{
			// A range counts as at the end of its last year.
			name: "2024-2026", period: model.Period{From: 2024, To: 2026}, asOf: "2026-11-29", span: q4,
			total: row("", 4, 1, 3, 2),
			rows: []model.ContactRow{row(model.CatDisabledSoldier, 1, 0, 1, 0), row(model.CatMartyrFamily, 1, 0, 1, 1),
				row(model.CatWarVeteran, 1, 0, 1, 0), row(model.CatServingFamily, 1, 0, 0, 0), row(model.CatVeteran, 1, 1, 1, 1)},
			plaques:  model.PlaqueTally{Households: 5, Hung: 2, Pending: 1, Replace: 1, Retired: 1},
			confirms: model.ConfirmTally{Year: 2026, ToConfirm: 4, Confirmed: 2},
		},
	} {
		type result struct {
			name string
			t    model.Tally
		}
		var results []result
		results = append(results, result{"packed", computeAsOf(t, d.S, c.period, c.asOf)})
		rowByRow = true
		results = append(results, result{"row by row", computeAsOf(t, d.S, c.period, c.asOf)})
		rowByRow = false
		if c.asOf == tallytest.Now.Format("2006-01-02") {
			// On snapshots, the duty records read on the second transaction.
			tl, err := ComputePeriod(ctx, d.S, c.period)
			tallytest.Must(t, err)
			results = append(results, result{"two transactions", tl})
		}
		for _, r := range results {
			tl, path := r.t, r
			if tl.Contacts.Span != c.span || tl.Contacts.Year != c.period.To {
				t.Errorf("%s, %s: period %v of %d, want %v of %d", c.name, path.name, tl.Contacts.Span, tl.Contacts.Year, c.span, c.period.To)
			}
			if tl.Contacts.Total != c.total {
				t.Errorf("%s, %s: contacts total %+v, want %+v", c.name, path.name, tl.Contacts.Total, c.total)
			}
			got := contactRows(tl.Contacts)
			if len(got) != len(c.rows) {
				t.Errorf("%s, %s: contact rows %+v, want %+v", c.name, path.name, tl.Contacts.Rows, c.rows)
			}
			for _, want := range c.rows {
				if got[want.Category] != want {
					t.Errorf("%s, %s: row %s %+v, want %+v", c.name, path.name, want.Category, got[want.Category], want)
				}
			}
			if tl.Plaques != c.plaques {
				t.Errorf("%s, %s: plaques %+v, want %+v", c.name, path.name, tl.Plaques, c.plaques)
			}
			if tl.Confirmations != c.confirms {
				t.Errorf("%s, %s: confirmations %+v, want %+v", c.name, path.name, tl.Confirmations, c.confirms)
			}
		}
	}
}

// withContactMonths saves the default 重点对象 settings with another rule of contact.
func withContactMonths(t *testing.T, s *store.Store, months int) {
	t.Helper()
	d := model.DefaultDutySettings()
	d.Key.ContactMonths = months
	tallytest.Must(t, s.SaveDutySettings(context.Background(), d))
}

// The current period is the F9 rule's, not always a quarter: under a monthly rule K3's call
// of 10-15 is October's, not November's, though both are in the fourth quarter; on 04-10
// K1's call of 03-31 is March's. Each rule on every path of the computation.
func TestContactPeriodFollowsTheRule(t *testing.T) {
	d := tallytest.NewDuties(t)
	ctx := context.Background()
	span := func(from, to int) model.MonthSpan { return model.MonthSpan{From: from, To: to} }
	// 2026's 重点对象 at its end: K1 (03-31), K2 (04-01, 05-10 at home), K3 (10-15 at home),
	// N1 (none); K4 died and K5 is trashed. 2025's: K1 (2025-12-31), K2, K3, K4 (2025-09-30), N1.
	for _, c := range []struct {
		months  int
		year    int
		asOf    string
		span    model.MonthSpan
		current int
	}{
		{1, 2026, "2026-11-29", span(11, 11), 0},
		{1, 2026, "2026-10-20", span(10, 10), 1},
		{1, 2026, "2026-04-10", span(4, 4), 1},
		{1, 2025, "2026-11-29", span(12, 12), 1},
		{2, 2026, "2026-11-29", span(11, 12), 0},
		{2, 2026, "2026-10-20", span(9, 10), 1},
		{3, 2026, "2026-11-29", span(10, 12), 1},
		{4, 2026, "2026-11-29", span(9, 12), 1},
		{4, 2026, "2026-04-10", span(1, 4), 2},
		{6, 2026, "2026-11-29", span(7, 12), 1},
		{6, 2026, "2026-04-10", span(1, 6), 2},
		{6, 2025, "2026-11-29", span(7, 12), 2},
		{12, 2026, "2026-04-10", span(1, 12), 3},
		{0, 2026, "2026-11-29", span(1, 12), 3}, // no rule: the year
	} {
		withContactMonths(t, d.S, c.months)
		p := model.YearPeriod(c.year)
		tls := map[string]model.Tally{"packed": computeAsOf(t, d.S, p, c.asOf)}
		rowByRow = true
		tls["row by row"] = computeAsOf(t, d.S, p, c.asOf)
		rowByRow = false
		if c.asOf == tallytest.Now.Format("2006-01-02") {
			tl, err := ComputePeriod(ctx, d.S, p)
			tallytest.Must(t, err)
			tls["two transactions"] = tl
		}
		for path, tl := range tls {
			if got := tl.Contacts; got.Span != c.span || got.Total.Current != c.current || got.Total.NotContacted() != got.Total.Key-c.current {
				t.Errorf("every %d months, %d as on %s (%s): %v, %+v; want %v, %d contacted", c.months, c.year, c.asOf, path,
					got.Span, got.Total, c.span, c.current)
			}
		}
	}
}

// The 重点对象 rule as it stands counts: marking 残疾军人 as 重点对象 in the settings adds K1's
// categories' people at once; 停发 K3 stays.
func TestDutiesFollowTheSettings(t *testing.T) {
	d := tallytest.NewDuties(t)
	ctx := context.Background()
	tallytest.Must(t, d.S.SaveDutySettings(ctx, model.DutySettings{KeyCategories: []string{model.CatServingFamily, model.CatIllDeathFamily},
		Key: model.DutyRule{ContactMonths: 3, VisitMonths: 12}}))
	tl := computeAsOf(t, d.S, model.YearPeriod(2026), "2026-11-29")
	// N1 (marked yes, and 现役军人家属) and R2 (病故军人遗属); N2 is marked no.
	if want := (model.ContactRow{Key: 2}); tl.Contacts.Total != want {
		t.Errorf("contacts %+v, want %+v", tl.Contacts.Total, want)
	}
	// The recipients to confirm do not depend on the rule.
	if tl.Confirmations.ToConfirm != 4 {
		t.Errorf("to confirm %d, want 4", tl.Confirmations.ToConfirm)
	}
}

// Every duty figure opens to as many records as it counts (rule 1), and the lists to work
// through are the right people.
func TestDutyRecords(t *testing.T) {
	d := tallytest.NewDuties(t)
	ctx := context.Background()
	P := d.Person
	for _, year := range []int{2025, 2026} {
		p := model.YearPeriod(year)
		tl, err := ComputePeriod(ctx, d.S, p)
		tallytest.Must(t, err)
		var figs []Figure
		for _, cat := range append([]string{""}, func() []string {
			var out []string
			for _, r := range tl.Contacts.Rows {
				out = append(out, r.Category)
			}
			return out
		}()...) {
			for _, m := range model.ContactMeasures {
				figs = append(figs, Figure{Section: model.SecContacts, Category: cat, Measure: m})
			}
		}
		for _, m := range model.PlaqueMeasures {
			figs = append(figs, Figure{Section: model.SecPlaques, Measure: m})
		}
		for _, m := range model.ConfirmMeasures {
			figs = append(figs, Figure{Section: model.SecConfirmations, Measure: m})
		}
		for _, fig := range figs {
			want, ok := fig.Value(tl)
			if !ok {
				t.Errorf("%d: no value for %+v", year, fig)
				continue
			}
			r, err := Records(ctx, d.S, p, fig, 0, 100)
			tallytest.Must(t, err)
			if int64(r.Total) != want || int64(len(r.People)) != want || r.Kind != KindPeople {
				t.Errorf("%d %s/%s/%s: %d records (%d listed), the figure is %d", year, fig.Section, fig.Category, fig.Measure, r.Total, len(r.People), want)
			}
			if fig.Section == model.SecPlaques && r.Households != r.Total {
				t.Errorf("%d %s: %d households for %d rows", year, fig.Measure, r.Households, r.Total)
			}
		}
	}
	list := func(year int, fig Figure) map[int64]bool {
		r, err := Records(ctx, d.S, model.YearPeriod(year), fig, 0, 100)
		tallytest.Must(t, err)
		out := map[int64]bool{}
		for _, p := range r.People {
			out[p.ID] = true
		}
		return out
	}
	set := func(keys ...string) map[int64]bool {
		out := map[int64]bool{}
		for _, k := range keys {
			out[P[k]] = true
		}
		return out
	}
	for _, c := range []struct {
		name string
		year int
		fig  Figure
		want map[int64]bool
	}{
		{"to call in the fourth quarter", 2026, Figure{Section: model.SecContacts, Measure: model.MNotContacted}, set("K1", "K2", "N1")},
		{"visited at home", 2026, Figure{Section: model.SecContacts, Measure: model.MVisitedHome}, set("K2", "K3")},
		// H1 is listed under K1, its eligible member with the lowest id.
		{"hung", 2026, Figure{Section: model.SecPlaques, Measure: model.MHung}, set("K1", "N2")},
		{"none", 2026, Figure{Section: model.SecPlaques, Measure: model.MPending}, set("N1")},
		{"none at the end of 2025", 2025, Figure{Section: model.SecPlaques, Measure: model.MPending}, set("K1", "N1", "R2")},
		{"not confirmed", 2026, Figure{Section: model.SecConfirmations, Measure: model.MUnconfirmed}, set("K2", "N2")},
		{"confirmed in 2025", 2025, Figure{Section: model.SecConfirmations, Measure: model.MConfirmed}, set("K2")},
	} {
		got := list(c.year, c.fig)
		if len(got) != len(c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
			continue
		}
		for id := range c.want {
			if !got[id] {
				t.Errorf("%s: %v, want %v", c.name, got, c.want)
				break
			}
		}
	}
	if _, err := Records(ctx, d.S, model.YearPeriod(2026), Figure{Section: model.SecPlaques, Measure: model.MKey}, 0, 10); err == nil {
		t.Error("a measure the plaques table does not have opened")
	}
}

// Under any rule of contact the 常态化联系 figures open to the people they count, over the
// same period (model.DutySpan of the same settings and day), and the people are the right
// ones: under a monthly rule nobody was called in November, though K3 was in October.
func TestContactRecordsFollowTheRule(t *testing.T) {
	d := tallytest.NewDuties(t)
	ctx := context.Background()
	P := d.Person
	set := func(keys ...string) map[int64]bool {
		out := map[int64]bool{}
		for _, k := range keys {
			out[P[k]] = true
		}
		return out
	}
	want := map[[2]int]struct {
		m    model.Measure
		want map[int64]bool
	}{
		{1, 2026}:  {model.MNotContacted, set("K1", "K2", "K3", "N1")},
		{1, 2025}:  {model.MContactedPeriod, set("K1")},
		{2, 2026}:  {model.MContactedPeriod, set()},
		{6, 2026}:  {model.MContactedPeriod, set("K3")},
		{6, 2025}:  {model.MContactedPeriod, set("K1", "K4")},
		{12, 2026}: {model.MNotContacted, set("N1")},
		{0, 2026}:  {model.MContactedPeriod, set("K1", "K2", "K3")},
	}
	for _, months := range []int{1, 2, 4, 6, 12, 0} {
		withContactMonths(t, d.S, months)
		for _, year := range []int{2025, 2026} {
			p := model.YearPeriod(year)
			tl, err := ComputePeriod(ctx, d.S, p)
			tallytest.Must(t, err)
			cats := []string{""}
			for _, r := range tl.Contacts.Rows {
				cats = append(cats, r.Category)
			}
			for _, cat := range cats {
				for _, m := range model.ContactMeasures {
					fig := Figure{Section: model.SecContacts, Category: cat, Measure: m}
					v, _ := fig.Value(tl)
					r, err := Records(ctx, d.S, p, fig, 0, 100)
					tallytest.Must(t, err)
					if int64(r.Total) != v || int64(len(r.People)) != v {
						t.Errorf("every %d months, %d %s/%s: %d records (%d listed), the figure is %d", months, year, cat, m, r.Total, len(r.People), v)
					}
				}
			}
			w, ok := want[[2]int{months, year}]
			if !ok {
				continue
			}
			r, err := Records(ctx, d.S, p, Figure{Section: model.SecContacts, Measure: w.m}, 0, 100)
			tallytest.Must(t, err)
			got := map[int64]bool{}
			for _, x := range r.People {
				got[x.ID] = true
			}
			if len(got) != len(w.want) {
				t.Errorf("every %d months, %d %s: %v, want %v", months, year, w.m, got, w.want)
				continue
			}
			for id := range w.want {
				if !got[id] {
					t.Errorf("every %d months, %d %s: %v, want %v", months, year, w.m, got, w.want)
					break
				}
			}
		}
	}
}

// The duty tables' reads use their covering indexes alone and sort nothing: the people
// pass people_roll (migration 0009), the hand marks people_duties by seeks, the home
// visits visits_home, the confirmations confirmations_year, the plaque lines
// plaques_household in its own order.
func TestDutyQueryPlans(t *testing.T) {
	s := tallytest.Open(t)
	p := model.YearPeriod(2025)
	people := strings.NewReplacer("@end", "'2025-12-31'", "@start", "'2025-01-01'", "@pend", "'2024-12-31'", "@pstart", "'2024-01-01'")
	for _, c := range []struct {
		q, index string
	}{
		{people.Replace(`SELECT group_concat(((p.id * 2097152 + coalesce(p.village_id, 0)) * 8 + ` + dutySQL + `) * 128 + ` + rollSQL +
			`), group_concat(p.categories, '|') FROM people p WHERE p.deleted_at = ''`), "people_roll"},
		{`SELECT group_concat(p.id * 2 + (p.key_mark = 'yes')) FROM people p INDEXED BY people_duties WHERE p.deleted_at = '' AND ` +
			statusesSQL() + ` AND p.key_mark IN ('yes', 'no')`, "people_duties"},
		{`SELECT group_concat(person_id) FROM (SELECT DISTINCT person_id FROM visits WHERE year = 2025 AND deleted_at = '' AND mode = 'home')`, "visits_home"},
		{`SELECT group_concat(person_id) FROM confirmations WHERE year = 2025 AND deleted_at = ''`, "confirmations_year"},
		{`SELECT group_concat(household_key * 8 + ` + plaqueStateSQL + `) FROM plaques INDEXED BY plaques_household
			WHERE deleted_at = '' AND date <= '` + p.End() + `'`, "plaques_household"},
	} {
		var plan []string
		rows, err := s.DB().Query("EXPLAIN QUERY PLAN " + c.q)
		tallytest.Must(t, err)
		for rows.Next() {
			var id, parent, notused int
			var detail string
			tallytest.Must(t, rows.Scan(&id, &parent, &notused, &detail))
			plan = append(plan, detail)
		}
		rows.Close()
		if pl := strings.Join(plan, "; "); !strings.Contains(pl, "INDEX "+c.index) {
			t.Errorf("plan of %s:\n%s", c.q, pl)
		}
		checkCovered(t, s.DB(), c.q, strings.HasPrefix(c.index, "people_")) // the roll's IN lists
	}
}

// A drill-down lists the people of the figure's day: a tally computed on 31 October under
// a monthly rule counts October's calls, and its list does too when opened in November.
func TestContactRecordsOnTheTallysDay(t *testing.T) {
	d := tallytest.NewDuties(t)
	ctx := context.Background()
	withContactMonths(t, d.S, 1)
	p := model.YearPeriod(2026)
	var tl model.Tally
	tallytest.Must(t, d.S.ReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		tl, err = ComputeIn(ctx, tx, p, "2026-10-31")
		return err
	}))
	fig := Figure{Section: model.SecContacts, Measure: model.MContactedPeriod}
	v, _ := fig.Value(tl)
	if v == 0 {
		t.Fatal("the fixture has no October call to count")
	}
	r, err := RecordsAsOf(ctx, d.S, p, fig, tl.AsOf, 0, 100)
	tallytest.Must(t, err)
	if int64(r.Total) != v {
		t.Errorf("as of %s: %d listed, the figure is %d", tl.AsOf, r.Total, v)
	}
	if today, _ := Records(ctx, d.S, p, fig, 0, 100); int64(today.Total) == v {
		t.Errorf("the list of today (%s) is October's too: the test proves nothing", d.S.Today())
	}
}
