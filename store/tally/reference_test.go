package tally

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/store/demo"
	"shuangyong/store/tally/tallytest"
)

// tallyIndexSQL is the index visits_tally (visits.go) as migration 0006 creates it.
const tallyIndexSQL = `CREATE INDEX ` + tallyIndex + ` ON visits(` + visitYearSQL + `, (` + visitKeySQL + `)) WHERE deleted_at = ''`

// The migration writes the index's expressions out by hand: they must stay the tally's,
// or the planner stops using the index and every tally computes its keys row by row.
func TestMigratedTallyIndexMatches(t *testing.T) {
	s := tallytest.Open(t)
	var got string
	tallytest.Must(t, s.DB().QueryRow(`SELECT sql FROM sqlite_schema WHERE name = ?`, tallyIndex).Scan(&got))
	if strings.Join(strings.Fields(got), " ") != strings.Join(strings.Fields(tallyIndexSQL), " ") {
		t.Errorf("the migration's index is not the tally's:\n%s\nwant\n%s", got, tallyIndexSQL)
	}
}

// referenceLedger is a demo ledger with what the counting rules are about added by hand:
// people and a household in the trash (a trashed person's visits count nowhere), 停发,
// people who left, a category corrected after the visits, a household formed after them,
// visits in 分 and beyond ¥524 288 (read by id), a visit in the trash.
func referenceLedger(t *testing.T) *store.Store {
	t.Helper()
	s := tallytest.Open(t)
	ctx := context.Background()
	if _, err := demo.Generate(ctx, s, demo.Options{People: 300, Events: 3000, Seed: 7, Today: tallytest.Now}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		// Two visited people in the trash, and a household.
		`UPDATE people SET deleted_at = '2026-06-01 10:00:00' WHERE id IN (SELECT person_id FROM visits WHERE year = 2025 AND deleted_at = '' ORDER BY id LIMIT 2)`,
		`UPDATE households SET deleted_at = '2026-06-01 10:00:00' WHERE id = (SELECT min(household_id) FROM people WHERE household_id IS NOT NULL AND deleted_at = '')`,
		// 停发 and people who left, in the years compared.
		`UPDATE people SET status = 'stopped', status_changed_on = '2025-03-01' WHERE id % 17 = 3`,
		`UPDATE people SET status = 'dead', status_changed_on = '2025-08-08' WHERE id % 23 = 5`,
		`UPDATE people SET status = 'moved_out', status_changed_on = '2026-02-02' WHERE id % 29 = 6`,
		`UPDATE people SET registered_on = '2025-05-05' WHERE id % 31 = 7`,
		// Categories corrected after the visits; a household formed after them.
		`UPDATE people SET categories = 'martyr_family,disabled_soldier' WHERE id % 13 = 1`,
		`UPDATE people SET categories = '' WHERE id % 37 = 2`,
		`UPDATE people SET household_id = (SELECT max(id) FROM households WHERE deleted_at = '') WHERE id % 41 = 4`,
		// Amounts that do not pack, and a visit in the trash.
		`UPDATE visits SET money_fen = money_fen + 55 WHERE id % 97 = 1`,
		`UPDATE visits SET goods_value_fen = 60000000 WHERE id % 211 = 2`,
		`UPDATE visits SET deleted_at = '2026-06-01 10:00:00' WHERE id % 101 = 3`,
	} {
		if _, err := s.DB().ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	return s
}

// TestAgainstReference compares the tally, on every path it can take (visits read beside
// the rest on a second transaction or after it, with or without the visits_tally index,
// packed or row by row), with the same figures computed the plain way: SQL joins and
// count(DISTINCT …) over the tables, and the roll by the model's rules person by person.
func TestAgainstReference(t *testing.T) {
	s := referenceLedger(t)
	ctx := context.Background()
	periods := []model.Period{model.YearPeriod(2025), model.YearPeriod(2026), {From: 2022, To: 2026}}
	want := map[model.Period]model.Tally{}
	for _, p := range periods {
		want[p] = reference(t, s.DB(), p)
	}
	if h := want[model.YearPeriod(2025)].Headline; h.Visits < 300 || h.Stopped == 0 || h.Removed == 0 || h.New == 0 {
		t.Fatalf("the reference ledger lacks what the test is about: %+v", h)
	}
	// First without the index (a file whose upgrade is interrupted has none, and the
	// tally must not depend on it), then with it.
	_, err := s.DB().ExecContext(ctx, "DROP INDEX "+tallyIndex)
	tallytest.Must(t, err)
	check := func(variant string) {
		t.Helper()
		for _, p := range periods {
			got, err := ComputePeriod(ctx, s, p)
			tallytest.Must(t, err)
			compareReference(t, variant+" "+p.En(), got, want[p])
		}
	}
	var sides []bool
	onSide = func(ran bool) { sides = append(sides, ran) }
	defer func() { onSide = nil }()
	check("side transaction")
	if len(sides) != len(periods) || !sides[0] {
		t.Errorf("the visits were not read on a second transaction of the snapshot: %v", sides)
	}
	sequential = true
	check("one transaction")
	sequential = false
	rowByRow = true
	check("row by row")
	rowByRow = false

	_, err = s.DB().ExecContext(ctx, tallyIndexSQL)
	tallytest.Must(t, err)
	check("visits_tally")
	sequential = true
	check("visits_tally, one transaction")
	sequential = false
	noKeyIndex = true
	check("visits_tally not used")
	noKeyIndex = false
}

// reference computes the figures TestAgainstReference compares, the plain way.
func reference(t *testing.T, db *sql.DB, p model.Period) model.Tally {
	t.Helper()
	var r model.Tally
	one := func(dst any, q string, args ...any) {
		t.Helper()
		if err := db.QueryRow(q, args...).Scan(dst); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	// People as the model sees them; categories as buckets.
	type person struct {
		p       model.Person
		buckets []string
	}
	var people []person
	rows, err := db.Query(`SELECT id, status, registered_on, status_changed_on, categories FROM people WHERE deleted_at = ''`)
	tallytest.Must(t, err)
	for rows.Next() {
		var x person
		var cats string
		tallytest.Must(t, rows.Scan(&x.p.ID, &x.p.Status, &x.p.RegisteredOn, &x.p.StatusChangedOn, &cats))
		for _, c := range model.Categories.Codes() {
			if strings.Contains(","+cats+",", ","+c+",") {
				x.buckets = append(x.buckets, c)
			}
		}
		if len(x.buckets) == 0 {
			x.buckets = []string{model.NoCategory}
		}
		people = append(people, x)
	}
	rows.Close()
	within := func(iso string, q model.Period) bool { return iso != "" && iso >= q.Start() && iso <= q.End() }
	onRoll := func(x person, q model.Period) bool { return model.OnRollAtEnd(&x.p, q.To) }
	removed := func(x person, q model.Period) bool {
		return x.p.Status != model.StatusActive && x.p.Status != model.StatusStopped && x.p.Status != "" && within(x.p.StatusChangedOn, q)
	}

	// Visits of live people, with the person's categories and household as they are now.
	const join = ` FROM visits v JOIN people p ON p.id = v.person_id AND p.deleted_at = ''
		LEFT JOIN households h ON h.id = p.household_id AND h.deleted_at = ''
		WHERE v.deleted_at = '' AND v.year BETWEEN ? AND ?`
	const figs = `count(*), count(DISTINCT v.person_id), count(DISTINCT coalesce(h.id, -p.id)), coalesce(sum(v.money_fen), 0), coalesce(sum(v.goods_value_fen), 0)`
	catCond := func(c string) string {
		if c == model.NoCategory {
			var none []string
			for _, code := range model.Categories.Codes() {
				none = append(none, fmt.Sprintf("instr(',' || p.categories || ',', ',%s,') = 0", code))
			}
			return " AND " + strings.Join(none, " AND ")
		}
		return fmt.Sprintf(" AND instr(',' || p.categories || ',', ',%s,') > 0", c)
	}
	visitFigures := func(cond string, q model.Period) (year model.VisitFigures, quarters [4]model.VisitFigures) {
		t.Helper()
		scan := func(row *sql.Row, f *model.VisitFigures) {
			tallytest.Must(t, row.Scan(&f.Visits, &f.People, &f.Households, &f.MoneyFen, &f.GoodsFen))
		}
		scan(db.QueryRow(`SELECT `+figs+join+cond, q.From, q.To), &year)
		for i := range quarters {
			scan(db.QueryRow(`SELECT `+figs+join+cond+` AND (CAST(substr(v.date, 6, 2) AS INTEGER) - 1) / 3 = ?`, q.From, q.To, i), &quarters[i])
		}
		return
	}
	visited := map[int64]bool{}
	rows, err = db.Query(`SELECT DISTINCT v.person_id`+join, p.From, p.To)
	tallytest.Must(t, err)
	for rows.Next() {
		var id int64
		tallytest.Must(t, rows.Scan(&id))
		visited[id] = true
	}
	rows.Close()

	h := &r.Headline
	r.Visits.Total.Year, r.Visits.Total.Quarters = visitFigures("", p)
	h.Visits, h.People, h.Households = r.Visits.Total.Year.Visits, r.Visits.Total.Year.People, r.Visits.Total.Year.Households
	h.MoneyFen, h.GoodsFen = r.Visits.Total.Year.MoneyFen, r.Visits.Total.Year.GoodsFen
	for _, c := range append(model.Categories.Codes(), model.NoCategory) {
		vr := model.VisitRow{Category: c}
		vr.Year, vr.Quarters = visitFigures(catCond(c), p)
		rr := model.RosterRow{Category: c}
		for _, x := range people {
			has := false
			for _, b := range x.buckets {
				has = has || b == c
			}
			if !has {
				continue
			}
			if onRoll(x, p) {
				vr.OnRoll++
				rr.Count++
				if visited[x.p.ID] {
					vr.Covered++
				}
				if model.StoppedAtEnd(&x.p, p.To) {
					rr.Stopped++
				}
			}
			if within(x.p.RegisteredOn, p) {
				rr.New++
			}
			if removed(x, p) {
				rr.Removed++
			}
		}
		if vr.Year.Visits > 0 || vr.OnRoll > 0 {
			r.Visits.Rows = append(r.Visits.Rows, vr)
		}
		if c != model.NoCategory || rr != (model.RosterRow{Category: c}) {
			r.Roster.Rows = append(r.Roster.Rows, rr)
		}
	}
	for _, x := range people {
		if onRoll(x, p) {
			h.OnRoll++
			if visited[x.p.ID] {
				h.Covered++
			}
			if model.StoppedAtEnd(&x.p, p.To) {
				h.Stopped++
			}
		}
		if within(x.p.RegisteredOn, p) {
			h.New++
		}
		if removed(x, p) {
			h.Removed++
		}
	}

	// Events by type and quarter; 走访慰问 only counted, its figures the visits'.
	rows, err = db.Query(`SELECT type, (CAST(substr(date, 6, 2) AS INTEGER) - 1) / 3, count(*), sum(participants), sum(military_participants), sum(money_fen)
		FROM events WHERE deleted_at = '' AND year BETWEEN ? AND ? GROUP BY 1, 2`, p.From, p.To)
	tallytest.Must(t, err)
	byType := map[string]*model.EventRow{}
	for rows.Next() {
		var typ string
		var q int
		var f model.EventFigures
		tallytest.Must(t, rows.Scan(&typ, &q, &f.Events, &f.Participants, &f.Military, &f.MoneyFen))
		if byType[typ] == nil {
			byType[typ] = &model.EventRow{Type: typ}
		}
		if typ == model.EventVisit {
			f = model.EventFigures{Events: f.Events}
		}
		byType[typ].Quarters[q] = f
	}
	rows.Close()
	if byType[model.EventVisit] == nil && h.Visits > 0 {
		byType[model.EventVisit] = &model.EventRow{Type: model.EventVisit}
	}
	if vr := byType[model.EventVisit]; vr != nil {
		for q := range vr.Quarters {
			vr.Quarters[q].Participants = int64(r.Visits.Total.Quarters[q].Visits)
			vr.Quarters[q].MoneyFen = r.Visits.Total.Quarters[q].TotalFen()
		}
	}
	for _, typ := range model.EventTypes.Codes() {
		if er := byType[typ]; er != nil {
			er.Year = model.SumEvents(er.Quarters[:]...)
			r.Events.Rows = append(r.Events.Rows, *er)
			if typ == model.EventVisit {
				h.Rounds = er.Year.Events
			} else {
				h.Activities += er.Year.Events
				h.Participants += er.Year.Participants
				h.Military += er.Year.Military
				h.ActivityFen += er.Year.MoneyFen
			}
		}
	}

	if p.Single() {
		b := model.YearPeriod(p.From - 1)
		r.Previous.Year = b.From
		pv := &r.Previous
		var f model.VisitFigures
		tallytest.Must(t, db.QueryRow(`SELECT `+figs+join, b.From, b.To).Scan(&f.Visits, &f.People, &f.Households, &f.MoneyFen, &f.GoodsFen))
		pv.Visits, pv.People, pv.Households, pv.MoneyFen, pv.GoodsFen = f.Visits, f.People, f.Households, f.MoneyFen, f.GoodsFen
		before := map[int64]bool{}
		rows, err = db.Query(`SELECT DISTINCT v.person_id`+join, b.From, b.To)
		tallytest.Must(t, err)
		for rows.Next() {
			var id int64
			tallytest.Must(t, rows.Scan(&id))
			before[id] = true
		}
		rows.Close()
		for _, x := range people {
			if onRoll(x, b) {
				pv.OnRoll++
				if before[x.p.ID] {
					pv.Covered++
				}
			}
			if within(x.p.RegisteredOn, b) {
				pv.New++
			}
			if removed(x, b) {
				pv.Removed++
			}
		}
		one(&pv.Rounds, `SELECT count(*) FROM events WHERE deleted_at = '' AND year = ? AND type = 'visit'`, b.From)
		tallytest.Must(t, db.QueryRow(`SELECT count(*), coalesce(sum(participants), 0), coalesce(sum(military_participants), 0), coalesce(sum(money_fen), 0)
			FROM events WHERE deleted_at = '' AND year = ? AND type <> 'visit'`, b.From).Scan(&pv.Activities, &pv.Participants, &pv.Military, &pv.ActivityFen))
	}
	return r
}

// compareReference compares the figures reference computes.
func compareReference(t *testing.T, what string, got, want model.Tally) {
	t.Helper()
	gh, wh := got.Headline, want.Headline
	gh.Year, wh.Year = 0, 0
	if gh != wh {
		t.Errorf("%s: headline\n got %+v\nwant %+v", what, gh, wh)
	}
	if got.Previous != want.Previous {
		t.Errorf("%s: the year before\n got %+v\nwant %+v", what, got.Previous, want.Previous)
	}
	if len(got.Visits.Rows) != len(want.Visits.Rows) {
		t.Errorf("%s: %d visit rows, want %d", what, len(got.Visits.Rows), len(want.Visits.Rows))
	}
	for _, w := range want.Visits.Rows {
		if g, _ := got.VisitRowOf(w.Category); g != w {
			t.Errorf("%s: visits of %s\n got %+v\nwant %+v", what, w.Category, g, w)
		}
	}
	if g, w := got.Visits.Total.Year, want.Visits.Total.Year; g != w {
		t.Errorf("%s: visits in all\n got %+v\nwant %+v", what, g, w)
	}
	if g, w := got.Visits.Total.Quarters, want.Visits.Total.Quarters; g != w {
		t.Errorf("%s: visits in all by quarter\n got %+v\nwant %+v", what, g, w)
	}
	for _, w := range want.Roster.Rows {
		if g, _ := got.RosterRowOf(w.Category); g != w {
			t.Errorf("%s: roster of %s\n got %+v\nwant %+v", what, w.Category, g, w)
		}
	}
	if len(got.Events.Rows) != len(want.Events.Rows) {
		t.Errorf("%s: %d event rows, want %d", what, len(got.Events.Rows), len(want.Events.Rows))
	}
	for _, w := range want.Events.Rows {
		g, _ := got.Events.Row(w.Type)
		if g.Quarters != w.Quarters || g.Year != w.Year {
			t.Errorf("%s: events of %s\n got %+v %+v\nwant %+v %+v", what, w.Type, g.Quarters, g.Year, w.Quarters, w.Year)
		}
	}
}
