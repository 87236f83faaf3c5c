package tally

import (
	"context"
	"database/sql"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"shuangyong/model"
	"shuangyong/store/tally/tallytest"
)

func compute(t testing.TB, f *tallytest.Fixture, year int) model.Tally {
	t.Helper()
	tl, err := Compute(context.Background(), f.S, year)
	if err != nil {
		t.Fatal(err)
	}
	return tl
}

func eq[T comparable](t *testing.T, what string, got, want T) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

func TestComputeFixture(t *testing.T) {
	f := tallytest.New(t)
	tl := compute(t, f, 2026)

	// Roster at the end of 2026: P1, P2, P3, P5 (P4 moved out in June, P6 trashed, P7 died
	// in 2025). New: P3. Removed: P4.
	eq(t, "roster total", tl.Roster.Total, model.RosterRow{Count: 4, New: 1, Removed: 1})
	wantRoster := map[string]model.RosterRow{
		model.CatDisabledSoldier: {Category: model.CatDisabledSoldier, Count: 1},
		model.CatWarVeteran:      {Category: model.CatWarVeteran, Count: 1},
		model.CatMartyrFamily:    {Category: model.CatMartyrFamily, Count: 1},
		model.CatVeteran:         {Category: model.CatVeteran, Count: 1, New: 1, Removed: 1},
		model.CatServingFamily:   {Category: model.CatServingFamily, Count: 1},
	}
	if len(tl.Roster.Rows) != len(model.Categories) {
		t.Errorf("roster has %d rows, want one per category (%d)", len(tl.Roster.Rows), len(model.Categories))
	}
	for i, r := range tl.Roster.Rows {
		if r.Category != model.Categories[i].Code {
			t.Errorf("roster row %d is %s, want %s", i, r.Category, model.Categories[i].Code)
		}
		want := wantRoster[r.Category]
		want.Category = r.Category
		eq(t, "roster "+r.Category, r, want)
	}
	if r, _ := tl.RosterRowOf(model.CatVeteran); r.Start() != 1 {
		t.Errorf("veterans at the start of the year = %d, want 1 (P4)", r.Start())
	}

	// Village × category.
	wantCols := []string{model.CatDisabledSoldier, model.CatMartyrFamily, model.CatWarVeteran, model.CatServingFamily, model.CatVeteran}
	if !reflect.DeepEqual(tl.Roster.Columns, wantCols) {
		t.Errorf("columns = %v, want %v", tl.Roster.Columns, wantCols)
	}
	wantVillages := []model.VillageRow{
		{VillageID: f.Village["李家村"], Name: "李家村", ByCategory: []int{1, 1, 1, 1, 0}, Total: 3},
		{VillageID: f.Village["王庄村"], Name: "王庄村", ByCategory: []int{0, 0, 0, 0, 1}, Total: 1},
	}
	if !reflect.DeepEqual(tl.Roster.Villages, wantVillages) {
		t.Errorf("villages = %+v, want %+v", tl.Roster.Villages, wantVillages)
	}
	eq(t, "village total", tl.Roster.VillageTotal.Total, 4)

	// Visits: V1–V7 (V8 trashed; V6's person P6 trashed, so V6 counts nowhere: rule 7).
	// P1 three times: 1 人, 3 人次. P1 and P2 share H1.
	tot := tl.Visits.Total
	eq(t, "total year", tot.Year, model.VisitFigures{Visits: 6, People: 4, Households: 3, MoneyFen: 160000, GoodsFen: 50000})
	eq(t, "total Q1", tot.Quarters[0], model.VisitFigures{Visits: 3, People: 3, Households: 2, MoneyFen: 130000, GoodsFen: 40000})
	eq(t, "total Q2", tot.Quarters[1], model.VisitFigures{Visits: 2, People: 2, Households: 2, MoneyFen: 30000})
	eq(t, "total Q3", tot.Quarters[2], model.VisitFigures{Visits: 1, People: 1, Households: 1, GoodsFen: 10000})
	eq(t, "total Q4", tot.Quarters[3], model.VisitFigures{})
	// Rule 3: 走访慰问次数 = 走访慰问 events dated in the year: E1 and the events of V4–V7
	// (V8's went to the trash with it).
	eq(t, "rounds", tl.Headline.Rounds, 5)
	eq(t, "coverage", tl.Visits.Coverage, model.Coverage{OnRoll: 4, Covered: 3})
	eq(t, "coverage permille", tl.Visits.Coverage.Permille(), 750)

	gotCats := []string{}
	for _, r := range tl.Visits.Rows {
		gotCats = append(gotCats, r.Category)
	}
	wantCats := []string{model.CatDisabledSoldier, model.CatMartyrFamily, model.CatWarVeteran, model.CatServingFamily, model.CatVeteran}
	if !reflect.DeepEqual(gotCats, wantCats) {
		t.Errorf("visit rows = %v, want %v", gotCats, wantCats)
	}
	ds, _ := tl.VisitRowOf(model.CatDisabledSoldier)
	eq(t, "残疾军人 year", ds.Year, model.VisitFigures{Visits: 3, People: 1, Households: 1, MoneyFen: 70000, GoodsFen: 30000})
	eq(t, "残疾军人 Q1", ds.Quarters[0], model.VisitFigures{Visits: 1, People: 1, Households: 1, MoneyFen: 50000, GoodsFen: 20000})
	eq(t, "残疾军人 Q2", ds.Quarters[1], model.VisitFigures{Visits: 1, People: 1, Households: 1, MoneyFen: 20000})
	eq(t, "残疾军人 Q3", ds.Quarters[2], model.VisitFigures{Visits: 1, People: 1, Households: 1, GoodsFen: 10000})
	wv, _ := tl.VisitRowOf(model.CatWarVeteran)
	eq(t, "参战 = 残疾军人 (one person with both)", wv.Year, ds.Year)
	mf, _ := tl.VisitRowOf(model.CatMartyrFamily)
	eq(t, "烈士遗属", mf.Year, model.VisitFigures{Visits: 1, People: 1, Households: 1, MoneyFen: 50000, GoodsFen: 20000})
	vet, _ := tl.VisitRowOf(model.CatVeteran)
	eq(t, "退役士兵", vet.Year, model.VisitFigures{Visits: 2, People: 2, Households: 2, MoneyFen: 40000})
	eq(t, "退役士兵 coverage", [2]int{vet.OnRoll, vet.Covered}, [2]int{1, 1})
	sf, _ := tl.VisitRowOf(model.CatServingFamily)
	eq(t, "军属 visits", sf.Year, model.VisitFigures{})
	eq(t, "军属 coverage", [2]int{sf.OnRoll, sf.Covered}, [2]int{1, 0})
	// The sum of category rows exceeds the total: P1 counts under two categories.
	sum := 0
	for _, r := range tl.Visits.Rows {
		sum += r.Year.People
	}
	eq(t, "people summed over categories", sum, 5)

	// Events.
	// V8's event went to the trash with V8 (the only visit it had), so it is not counted.
	// Rule 2: the 走访慰问 row takes the visits' 人次 and money (6, ¥2 100), so the total
	// with it is 380 + 6 participants and ¥6 000 + ¥2 100.
	eq(t, "events total year", tl.Events.Total.Year, model.EventFigures{Events: 10, Participants: 386, Military: 140, MoneyFen: 810000})
	eq(t, "activities (without 走访慰问)", tl.Events.Activities.Year, model.EventFigures{Events: 5, Participants: 380, Military: 140, MoneyFen: 600000})
	gala, ok := tl.Events.Row(model.EventGala)
	if !ok {
		t.Fatal("no gala row")
	}
	eq(t, "gala year", gala.Year, model.EventFigures{Events: 2, Participants: 300, Military: 80, MoneyFen: 600000})
	eq(t, "gala Q1", gala.Quarters[0], model.EventFigures{Events: 1, Participants: 200, Military: 80, MoneyFen: 500000})
	eq(t, "gala Q4", gala.Quarters[3], model.EventFigures{Events: 1, Participants: 100, MoneyFen: 100000})
	if !reflect.DeepEqual(gala.Items, []model.ItemTotal{{Name: "鞋垫", Unit: "双", Quantity: 276, Events: 2}}) {
		t.Errorf("gala items = %+v", gala.Items)
	}
	forum, _ := tl.Events.Row(model.EventForum)
	eq(t, "forum year (E15 trashed)", forum.Year, model.EventFigures{Events: 1, Participants: 30, Military: 10})
	eq(t, "forum Q2 (06-30)", forum.Quarters[1].Events, 1)
	visitEv, _ := tl.Events.Row(model.EventVisit)
	eq(t, "visit events", visitEv.Year, model.EventFigures{Events: 5, Participants: 6, MoneyFen: 210000})
	for q := range visitEv.Quarters {
		eq(t, fmt.Sprint("visit events Q", q+1, " = visits table"), [2]int64{visitEv.Quarters[q].Participants, visitEv.Quarters[q].MoneyFen},
			[2]int64{int64(tot.Quarters[q].Visits), tot.Quarters[q].TotalFen()})
	}
	wantTypes := []string{model.EventVisit, model.EventForum, model.EventGala, model.EventPublicity, model.EventArmyForLocal}
	var gotTypes []string
	for _, r := range tl.Events.Rows {
		gotTypes = append(gotTypes, r.Type)
	}
	if !reflect.DeepEqual(gotTypes, wantTypes) {
		t.Errorf("event types = %v, want %v", gotTypes, wantTypes)
	}
	// Rule 9: by event type (座谈会, 联欢会, 宣传教育, 拥政爱民), then as first entered.
	wantItems := []model.ItemTotal{
		{Name: "标语", Unit: "幅", Quantity: 100, Events: 2},
		{Name: "鞋垫", Unit: "双", Quantity: 276, Events: 2},
		{Name: "标语", Unit: "条", Quantity: 3, Events: 1},
		{Name: "宣传资料", Unit: "份", Quantity: 300, Events: 1},
	}
	if !reflect.DeepEqual(tl.Events.Items, wantItems) {
		t.Errorf("items = %+v\nwant %+v", tl.Events.Items, wantItems)
	}

	// Support.
	if len(tl.SupportTo.Rows) != 1 {
		t.Fatalf("support to = %+v", tl.SupportTo.Rows)
	}
	st := tl.SupportTo.Rows[0]
	eq(t, "拥军 unit", st.Name, "某部三连")
	eq(t, "拥军 figures", [4]int64{int64(st.Events), st.Participants, st.Military, st.MoneyFen}, [4]int64{2, 230, 90, 500000})
	if !reflect.DeepEqual(st.Items, []model.ItemTotal{{Name: "标语", Unit: "幅", Quantity: 20, Events: 1}, {Name: "鞋垫", Unit: "双", Quantity: 100, Events: 1}}) {
		t.Errorf("拥军 items = %+v", st.Items)
	}
	eq(t, "拥军 total events", tl.SupportTo.Total.Events, 2)
	if len(tl.SupportFrom.Rows) != 1 || tl.SupportFrom.Rows[0].Name != "县消防救援站" || tl.SupportFrom.Rows[0].Military != 50 {
		t.Errorf("拥政爱民 = %+v", tl.SupportFrom.Rows)
	}
	eq(t, "拥政爱民 total", tl.SupportFrom.Total.Events, 1)

	// Months.
	wantMonths := [12]model.MonthFigures{
		{Visits: 2}, {Activities: 1}, {Visits: 1}, {Visits: 1}, {Visits: 1}, {Activities: 1},
		{Activities: 1}, {}, {Visits: 1}, {Activities: 1}, {Activities: 1}, {},
	}
	eq(t, "months", tl.Months, wantMonths)

	// Headline and the year before.
	eq(t, "headline", tl.Headline, model.Headline{Year: 2026, OnRoll: 4, New: 1, Removed: 1, Rounds: 5, Visits: 6, People: 4,
		Households: 3, MoneyFen: 160000, GoodsFen: 50000, Covered: 3, Activities: 5, Participants: 380, Military: 140, ActivityFen: 600000})
	// End of 2025: P1, P2, P4, P5 on the roll; P7 new and removed; V9 (P5) and V10 (P4).
	eq(t, "previous", tl.Previous, model.Headline{Year: 2025, OnRoll: 4, New: 1, Removed: 1, Rounds: 2, Visits: 2, People: 2,
		Households: 2, MoneyFen: 50000, Covered: 2, Activities: 1, Participants: 40, Military: 20, ActivityFen: 20000})
	for _, c := range tl.Changes() {
		if c.Measure == model.MVisits {
			if p, ok := c.Permille(); !ok || p != 2000 || c.Delta() != 4 {
				t.Errorf("visits change = %+v (%d‰)", c, p)
			}
		}
	}
	eq(t, "as of", tl.AsOf, "2026-11-29")

	// The previous year computed on its own agrees with the comparison figures.
	prev := compute(t, f, 2025)
	prev.Headline.Year = 2025
	eq(t, "2025 on its own", prev.Headline, tl.Previous)
}

func TestRollMatchesModel(t *testing.T) {
	f := tallytest.New(t)
	ctx := context.Background()
	for _, year := range []int{2024, 2025, 2026} {
		tl := compute(t, f, year)
		var onRoll, added, removed int
		for key, id := range f.Person {
			p, err := f.S.Person(ctx, id)
			tallytest.Must(t, err)
			if model.OnRollAtEnd(&p, year) {
				onRoll++
			}
			if model.NewInYear(&p, year) {
				added++
			}
			if model.RemovedInYear(&p, year) {
				removed++
			}
			_ = key
		}
		eq(t, "on roll "+strconv.Itoa(year), tl.Roster.Total.Count, onRoll)
		eq(t, "new "+strconv.Itoa(year), tl.Roster.Total.New, added)
		eq(t, "removed "+strconv.Itoa(year), tl.Roster.Total.Removed, removed)
	}
}

func TestComputeEmptyAndCancelled(t *testing.T) {
	s := tallytest.Open(t)
	tl, err := Compute(context.Background(), s, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if !tl.Headline.Empty() || len(tl.Visits.Rows) != 0 || len(tl.Events.Rows) != 0 {
		t.Errorf("empty ledger gives %+v", tl.Headline)
	}
	if got := model.SummaryDraft(tl, model.Zh); !strings.Contains(got, "暂无") {
		t.Errorf("empty summary = %q", got)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Compute(ctx, s, 2026); err == nil {
		t.Error("Compute with a cancelled context succeeded")
	}
}

// TestQueryPlans checks that the year's visits and events are read from the covering
// indexes alone. EXPLAIN QUERY PLAN says "USING INDEX", not "USING COVERING INDEX", for an
// index on a VIRTUAL generated column (year), so the bytecode is checked: every column is
// read from the index cursor (the table's DeferredSeek is never resolved), and nothing is
// sorted in a temp B-tree.
//
// The index visits_tally (visits.go, migration 0006) is in the schema: the year's visits
// keep being read from visits_year by the queries that name the year column, and the
// visits' keys come from visits_tally alone.
func TestQueryPlans(t *testing.T) {
	s := tallytest.Open(t) // with visits_tally, as migration 0006 makes it
	visitEvents := strings.NewReplacer("@year", "2026", "@visit", "'visit'", "@y", "'2026'").Replace(visitEventsSQL)
	for _, q := range []string{
		`SELECT group_concat(` + visitKeySQL + `) FROM visits WHERE ` + visitYearSQL + ` BETWEEN 2026 AND 2026 AND deleted_at = ''`,
		`SELECT group_concat(` + visitKeySQL + `) FROM visits WHERE year BETWEEN 2026 AND 2026 AND deleted_at = ''`,
		visitEvents,
		`SELECT (SELECT count(*) FROM events WHERE year = 2025 AND type < 'visit' AND deleted_at = ''), (SELECT coalesce(sum(money_fen), 0) FROM events WHERE year = 2025 AND type > 'visit' AND deleted_at = ''), (SELECT count(*) FROM events WHERE year = 2025 AND type = 'visit' AND deleted_at = '')`,
		`SELECT person_id, date, money_fen, goods_value_fen FROM visits WHERE year BETWEEN 2022 AND 2026 AND deleted_at = ''`,
		`SELECT person_id, money_fen, goods_value_fen FROM visits WHERE year = 2025 AND deleted_at = ''`,
		`SELECT type, date, count(*), sum(participants), sum(military_participants), sum(money_fen), min(id), max(id) FROM events WHERE year BETWEEN 2026 AND 2026 AND deleted_at = '' GROUP BY year, type, date`,
		`SELECT type, date, count(*), sum(participants), sum(military_participants), sum(money_fen), min(id), max(id) FROM events WHERE year BETWEEN 2019 AND 2023 AND type <> 'visit' AND deleted_at = '' GROUP BY year, type, date`,
		`SELECT type, date, count(*), 0, 0, 0, min(id), max(id) FROM events WHERE year BETWEEN 2019 AND 2023 AND type >= 'visit' AND type <= 'visit' AND deleted_at = '' GROUP BY year, type, date`,
		`SELECT group_concat(CASE WHEN money_fen % 100 = 0 AND goods_value_fen % 100 = 0 AND money_fen < 52428800 AND goods_value_fen < 52428800 THEN ((person_id * 16 + CAST(substr(date, 6, 2) AS INTEGER)) * 524288 + money_fen / 100) * 524288 + goods_value_fen / 100 ELSE -id END) FROM visits WHERE year BETWEEN 2026 AND 2026 AND deleted_at = ''`,
		`SELECT count(*), coalesce(sum(money_fen), 0), coalesce(sum(goods_value_fen), 0), group_concat(person_id) FROM visits WHERE year = 2025 AND deleted_at = ''`,
		`SELECT count(*) FILTER (WHERE type <> 'visit'), coalesce(sum(participants) FILTER (WHERE type <> 'visit'), 0), count(*) FILTER (WHERE type = 'visit') FROM events WHERE year = 2025 AND deleted_at = ''`,
	} {
		var plan []string
		rows, err := s.DB().Query("EXPLAIN QUERY PLAN " + q)
		tallytest.Must(t, err)
		for rows.Next() {
			var id, parent, notused int
			var detail string
			tallytest.Must(t, rows.Scan(&id, &parent, &notused, &detail))
			plan = append(plan, detail)
		}
		rows.Close()
		p := strings.Join(plan, "; ")
		index := "USING INDEX visits_year"
		switch {
		case strings.Contains(q, visitYearSQL):
			index = "USING INDEX " + tallyIndex
		case strings.Contains(q, "FROM events"):
			index = "USING INDEX events_year"
		}
		if !strings.Contains(p, index) || strings.Contains(strings.ReplaceAll(p, index, ""), "USING") || strings.Contains(p, "TEMP B-TREE") {
			t.Errorf("plan of %s:\n%s", q, p)
		}

		rows, err = s.DB().Query("EXPLAIN " + q)
		tallytest.Must(t, err)
		tables := map[int64]bool{}
		for rows.Next() {
			var addr, p1, p2, p3, p5 int64
			var op string
			var p4, comment any
			tallytest.Must(t, rows.Scan(&addr, &op, &p1, &p2, &p3, &p4, &p5, &comment))
			switch op {
			case "OpenRead":
				if s, _ := p4.(string); !strings.HasPrefix(s, "k(") {
					tables[p1] = true
				}
			case "Column", "Rowid":
				if tables[p1] {
					t.Errorf("%s reads the table (%s %d %d) in: %s", op, op, p1, p2, q)
				}
			case "SorterOpen", "OpenEphemeral":
				t.Errorf("%s sorts (%s) in: %s", q, op, q)
			}
		}
		rows.Close()
	}
}

// TestPian2 rebuilds the figures of the second reference summary (篇2): 文艺联欢、军民共建等
// 各类联谊活动36场, 召开座谈会54场, 鞋垫276双, 标语100多幅 (here 100), and checks the tally and
// the summary draft.
func TestPian2(t *testing.T) {
	s := tallytest.Open(t)
	ctx := context.Background()
	for i := 0; i < 36; i++ {
		e := model.Event{Date: fmt.Sprintf("2026-%02d-%02d", i%11+1, i%28+1), Type: model.EventGala, Participants: 50, MilitaryParticipants: 20}
		if i < 12 {
			e.Items = []model.Item{{Name: "鞋垫", Quantity: 23, Unit: "双"}} // 12 × 23 = 276
		}
		tallytest.Must(t, s.CreateEvent(ctx, &e))
	}
	for i := 0; i < 54; i++ {
		e := model.Event{Date: fmt.Sprintf("2026-%02d-%02d", i%11+1, i%27+2), Type: model.EventForum, Participants: 20}
		if i < 4 {
			e.Items = []model.Item{{Name: "标语", Quantity: 25, Unit: "幅"}} // 4 × 25 = 100
		}
		tallytest.Must(t, s.CreateEvent(ctx, &e))
	}
	tl, err := Compute(ctx, s, 2026)
	tallytest.Must(t, err)
	gala, _ := tl.Events.Row(model.EventGala)
	forum, _ := tl.Events.Row(model.EventForum)
	if gala.Year.Events != 36 || forum.Year.Events != 54 || tl.Events.Item("鞋垫", "双") != 276 || tl.Events.Item("标语", "幅") != 100 {
		t.Fatalf("galas %d, forums %d, 鞋垫 %d, 标语 %d", gala.Year.Events, forum.Year.Events,
			tl.Events.Item("鞋垫", "双"), tl.Events.Item("标语", "幅"))
	}
	draft := model.SummaryDraft(tl, model.Zh)
	for _, want := range []string{"组织文艺联欢36场", "召开座谈会54场", "鞋垫276双", "标语100幅", "参加活动2880人次，其中部队官兵720人次"} {
		if !strings.Contains(draft, want) {
			t.Errorf("draft lacks %q:\n%s", want, draft)
		}
	}
	for _, not := range []string{"走访慰问", "慰问金", "优抚对象共计", "经费"} {
		if strings.Contains(draft, not) {
			t.Errorf("draft mentions %q, which did not happen:\n%s", not, draft)
		}
	}
}

// TestPackedMatchesRows: the packed path (group_concat strings) and the row-by-row path
// give the same tally. Also rule 4 (finding 3): after a category is corrected, the visits
// count under the person's categories as they are now, so the coverage and the visits
// tables agree.
func TestPackedMatchesRows(t *testing.T) {
	f := tallytest.New(t)
	ctx := context.Background()
	before := compute(t, f, 2026)
	if wv, _ := before.VisitRowOf(model.CatWarVeteran); wv.Year.Visits != 3 || wv.Covered != 1 {
		t.Fatalf("参战退役军人 before the fix: %+v", wv)
	}
	// Visits whose amounts do not pack (分, or beyond ¥524 288) are read by id.
	tallytest.Must(t, f.S.RecordVisit(ctx, &model.Event{}, &model.Visit{PersonID: f.Person["P3"], Date: "2026-05-06", MoneyFen: 123_45, GoodsValueFen: 60_000_000_00}))
	// P1 is no longer a 参战退役军人.
	p1, err := f.S.Person(ctx, f.Person["P1"])
	tallytest.Must(t, err)
	p1.Categories = []string{model.CatDisabledSoldier}
	tallytest.Must(t, f.S.UpdatePerson(ctx, &p1))
	// 2027 compares 2026, whose visits include one of a trashed person (P6), as the year before.
	for _, year := range []int{2025, 2026, 2027} {
		packed := compute(t, f, year)
		rowByRow = true
		rows := compute(t, f, year)
		noIDRange = true
		seeks := compute(t, f, year)
		rowByRow = false
		seeks2 := compute(t, f, year)
		noIDRange = false
		if !reflect.DeepEqual(packed, rows) {
			t.Errorf("%d: packed and row-by-row tallies differ:\n%+v\n%+v", year, packed, rows)
		}
		if !reflect.DeepEqual(packed, seeks) || !reflect.DeepEqual(packed, seeks2) {
			t.Errorf("%d: reading items and units by id range and by seeks differ", year)
		}
		if year == 2026 {
			// Nobody is a 参战退役军人 now: no row, in the visits as in the coverage.
			if wv, ok := packed.VisitRowOf(model.CatWarVeteran); ok {
				t.Errorf("参战退役军人 still has a visits row: %+v", wv)
			}
			for _, r := range packed.Visits.Rows {
				if r.Year.People < r.Covered {
					t.Errorf("%s: %d people visited in the visits table, %d covered", r.Category, r.Year.People, r.Covered)
				}
			}
			ds, _ := packed.VisitRowOf(model.CatDisabledSoldier)
			if b, _ := before.VisitRowOf(model.CatDisabledSoldier); ds.Year != b.Year {
				t.Errorf("残疾军人 changed: %+v, was %+v", ds.Year, b.Year)
			}
		}
	}
}

// TestHouseholdsAsNow (rule 4, finding 3): 户 are counted as people are grouped now — a
// household formed after the visits counts once, and the visit's own copy (even a missing
// one, 0) plays no part.
func TestHouseholdsAsNow(t *testing.T) {
	f := tallytest.New(t)
	ctx := context.Background()
	_, err := f.S.DB().Exec("UPDATE visits SET household_key = 0 WHERE id IN (?, ?)", f.Visit["V1"], f.Visit["V3"])
	tallytest.Must(t, err)
	check := func(q1, year int) {
		t.Helper()
		for _, slow := range []bool{false, true} {
			rowByRow = slow
			tl := compute(t, f, 2026)
			rowByRow = false
			if got := tl.Visits.Total.Quarters[0].Households; got != q1 {
				t.Errorf("slow=%v: Q1 households %d, want %d", slow, got, q1)
			}
			if got := tl.Visits.Total.Year.Households; got != year {
				t.Errorf("slow=%v: households %d, want %d", slow, got, year)
			}
		}
		r, err := Records(ctx, f.S, model.YearPeriod(2026), Figure{Section: model.SecVisits, Quarter: 1, Measure: model.MHouseholds}, 0, 10)
		tallytest.Must(t, err)
		if r.Households != q1 {
			t.Errorf("drill-down households %d, want %d", r.Households, q1)
		}
	}
	// Q1: V1 P1 and V2 P2 (H1), V3 P3 = 2 户; the year adds P4: 3 户.
	check(2, 3)
	// P3 joins H1 after the visits: Q1 is one household, the year two (H1, P4).
	tallytest.Must(t, f.S.JoinHousehold(ctx, f.Person["P3"], f.Person["P1"]))
	check(1, 2)
}

// TestRollSQL evaluates the roll flags of rollSQL for every status against registration
// and status dates around two year ends (none, junk, boundaries) and compares them with
// the model's rules for the year and the year before.
func TestRollSQL(t *testing.T) {
	s := tallytest.Open(t)
	dates := []string{"", "2023-05-01", "2023-12-31", "2024-01-01", "2024-06-30", "2024-12-31", "2024-12-31x", "2025-01-01",
		"2025-07-01", "2025-12-31", "2026-01-01", "2026-03-01", "2025", "未知"}
	statuses := []string{model.StatusActive, "", "dead", "moved_out", "stopped"}
	args := append(rollArgs(model.YearPeriod(2025)), sql.Named("status", ""), sql.Named("reg", ""), sql.Named("changed", ""))
	stmt, err := s.DB().Prepare(`SELECT ` + rollSQL + ` FROM (SELECT @status AS status, @reg AS registered_on, @changed AS status_changed_on) p`)
	tallytest.Must(t, err)
	defer stmt.Close()
	checked := 0
	for _, st := range statuses {
		for _, reg := range dates {
			for _, changed := range dates {
				args[4], args[5], args[6] = sql.Named("status", st), sql.Named("reg", reg), sql.Named("changed", changed)
				var got int
				tallytest.Must(t, stmt.QueryRow(args...).Scan(&got))
				p := &model.Person{Status: st, RegisteredOn: reg, StatusChangedOn: changed}
				want := 0
				for shift, year := range map[int]int{0: 2025, prevShift: 2024} {
					if model.OnRollAtEnd(p, year) {
						want |= flagOnRoll << shift
					}
					if model.NewInYear(p, year) {
						want |= flagNew << shift
					}
					if model.RemovedInYear(p, year) {
						want |= flagRemoved << shift
					}
				}
				if model.StoppedAtEnd(p, 2025) {
					want |= flagStopped
				}
				if got != want {
					t.Errorf("status %q registered %q changed %q: flags %07b, the model says %07b", st, reg, changed, got, want)
				}
				checked++
			}
		}
	}
	if checked != len(statuses)*len(dates)*len(dates) {
		t.Fatalf("checked %d", checked)
	}
}
