package tally

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/store/demo"
	"shuangyong/store/tally/tallytest"
)

// Tests of the counting rules of DOMAIN.md §4 ("Counting rules (decided)"), one or more
// per rule, each through the store on a real SQLite file. Rule 1 (one truth) is checked
// by every test that compares two tables; rule 8 by sheet.TestNotVisitedLastVisitAsOfPeriodEnd.

// newLedger opens an empty ledger with one village and a person per category given.
func newLedger(t *testing.T) (*store.Store, map[string]int64) {
	t.Helper()
	s := tallytest.Open(t)
	ctx := context.Background()
	tallytest.Must(t, s.SaveSettings(ctx, model.Settings{Office: "青山镇", Operator: "王会计"}))
	tallytest.Must(t, s.SaveVillages(ctx, []model.Village{{Name: "李家村"}, {Name: "刘庄村"}}))
	vs, err := s.Villages(ctx)
	tallytest.Must(t, err)
	ids := map[string]int64{}
	for _, v := range vs {
		ids[v.Name] = v.ID
	}
	return s, ids
}

func person(t *testing.T, s *store.Store, name string, village int64, cats ...string) int64 {
	t.Helper()
	p := model.Person{Name: name, VillageID: village, Categories: cats, RegisteredOn: "2020-01-01"}
	tallytest.Must(t, s.CreatePerson(context.Background(), &p))
	return p.ID
}

// Rule 2 (finding 1): 走访慰问 events take their figures from their visits; a tick-off or a
// visit edit changes them at once; figures typed on the event are ignored.
func TestRule2VisitEventsFromVisits(t *testing.T) {
	s, v := newLedger(t)
	ctx := context.Background()
	a, b := person(t, s, "甲", v["李家村"], model.CatVeteran), person(t, s, "乙", v["李家村"], model.CatVeteran)
	ev := model.Event{Date: "2026-01-20", Type: model.EventVisit, Title: "春节走访慰问", Participants: 50, MoneyFen: 9_999_00}
	tallytest.Must(t, s.CreateEvent(ctx, &ev))
	va := model.Visit{EventID: ev.ID, PersonID: a, Date: "2026-01-20", MoneyFen: 300_00, GoodsValueFen: 100_00}
	tallytest.Must(t, s.CreateVisit(ctx, &va))
	check := func(visits, fen int64) {
		t.Helper()
		tl, err := Compute(ctx, s, 2026)
		tallytest.Must(t, err)
		r, _ := tl.Events.Row(model.EventVisit)
		if r.Year.Events != 1 || r.Year.Participants != visits || r.Year.MoneyFen != fen || r.Year.Military != 0 {
			t.Errorf("走访慰问 row %+v, want 1 event, %d 人次, %d fen", r.Year, visits, fen)
		}
		if r.Year.Participants != int64(tl.Visits.Total.Year.Visits) || r.Year.MoneyFen != tl.Visits.Total.Year.TotalFen() {
			t.Errorf("走访慰问 row %+v disagrees with the visits table %+v", r.Year, tl.Visits.Total.Year)
		}
		if tl.Events.Total.Year.Participants != visits || tl.Events.Total.Year.MoneyFen != fen {
			t.Errorf("合计 %+v", tl.Events.Total.Year)
		}
	}
	check(1, 400_00)
	vb := model.Visit{EventID: ev.ID, PersonID: b, Date: "2026-01-21", MoneyFen: 300_00}
	tallytest.Must(t, s.CreateVisit(ctx, &vb)) // a tick-off
	check(2, 700_00)
	va.MoneyFen = 500_00
	tallytest.Must(t, s.UpdateVisit(ctx, &va)) // an edit
	check(2, 900_00)
}

// Rule 3 (finding 4): events count by their own date, visits by theirs; 走访慰问次数 is
// the 走访慰问 events dated in the period, the same in the headline and the events table.
func TestRule3EventsByTheirDate(t *testing.T) {
	s, v := newLedger(t)
	ctx := context.Background()
	a, b := person(t, s, "甲", v["李家村"], model.CatVeteran), person(t, s, "乙", v["李家村"], model.CatVeteran)
	across := model.Event{Date: "2025-12-30", Type: model.EventVisit, Title: "元旦走访"}
	tallytest.Must(t, s.CreateEvent(ctx, &across))
	tallytest.Must(t, s.CreateVisit(ctx, &model.Visit{EventID: across.ID, PersonID: a, Date: "2025-12-30", MoneyFen: 100_00}))
	tallytest.Must(t, s.CreateVisit(ctx, &model.Visit{EventID: across.ID, PersonID: b, Date: "2026-01-02", MoneyFen: 200_00}))
	empty := model.Event{Date: "2025-06-01", Type: model.EventVisit, Title: "尚未走访的活动"}
	tallytest.Must(t, s.CreateEvent(ctx, &empty))
	for year, want := range map[int][3]int64{2025: {2, 1, 100_00}, 2026: {0, 1, 200_00}} {
		tl, err := Compute(ctx, s, year)
		tallytest.Must(t, err)
		r, _ := tl.Events.Row(model.EventVisit)
		got := [3]int64{int64(tl.Headline.Rounds), int64(tl.Headline.Visits), tl.Headline.MoneyFen}
		if got != want || int64(r.Year.Events) != want[0] || r.Year.Participants != want[1] || r.Year.MoneyFen != want[2] {
			t.Errorf("%d: rounds, visits, money %v (row %+v), want %v", year, got, r.Year, want)
		}
		if f := (Figure{Section: model.SecHeadline, Measure: model.MRounds}); true {
			page, err := Records(ctx, s, model.YearPeriod(year), f, 0, 10)
			tallytest.Must(t, err)
			if int64(page.Total) != want[0] {
				t.Errorf("%d: %d records behind 走访慰问次数", year, page.Total)
			}
		}
	}
}

// Rule 4 (finding 3): a person counts with the categories they hold now, in every table;
// a person with two categories is in both rows, once in every total, and the paragraph
// says so.
func TestRule4CategoriesAsNow(t *testing.T) {
	s, v := newLedger(t)
	ctx := context.Background()
	a := person(t, s, "甲", v["李家村"], model.CatVeteran)
	both := person(t, s, "乙", v["李家村"], model.CatDisabledSoldier, model.CatWarVeteran)
	for _, id := range []int64{a, both} {
		tallytest.Must(t, s.RecordVisit(ctx, &model.Event{}, &model.Visit{PersonID: id, Date: "2026-03-01", MoneyFen: 100_00}))
	}
	// 甲's category is corrected after the visit: 退役士兵 → 烈士遗属.
	p, err := s.Person(ctx, a)
	tallytest.Must(t, err)
	p.Categories = []string{model.CatMartyrFamily}
	tallytest.Must(t, s.UpdatePerson(ctx, &p))
	tl, err := Compute(ctx, s, 2026)
	tallytest.Must(t, err)
	mf, _ := tl.VisitRowOf(model.CatMartyrFamily)
	if mf.Year.People != 1 || mf.Covered != 1 || mf.OnRoll != 1 {
		t.Errorf("烈士遗属: visits table %d 人, coverage %d of %d", mf.Year.People, mf.Covered, mf.OnRoll)
	}
	if r, ok := tl.VisitRowOf(model.CatVeteran); ok {
		t.Errorf("退役士兵 still has a row: %+v", r)
	}
	for _, r := range tl.Visits.Rows {
		if r.Year.People != r.Covered {
			t.Errorf("%s: %d people in the visits table, %d covered", r.Category, r.Year.People, r.Covered)
		}
	}
	if tl.Visits.Total.Year.People != 2 || tl.Roster.Total.Count != 2 || tl.Roster.MultiCategory != 1 {
		t.Errorf("totals: %d visited, %d on the roll, %d with two categories", tl.Visits.Total.Year.People, tl.Roster.Total.Count, tl.Roster.MultiCategory)
	}
	if d := model.SummaryDraft(tl, model.Zh); !strings.Contains(d, "1人兼有两类及以上身份") {
		t.Errorf("the paragraph does not say why the parts exceed the whole:\n%s", d)
	}
}

// Rule 5 (finding 6): 停发 people stay on the roll and in the coverage, and are shown.
func TestRule5StoppedOnTheRoll(t *testing.T) {
	s, v := newLedger(t)
	ctx := context.Background()
	a := person(t, s, "甲", v["李家村"], model.CatVeteran)
	person(t, s, "乙", v["李家村"], model.CatVeteran)
	p, err := s.Person(ctx, a)
	tallytest.Must(t, err)
	p.Status, p.StatusChangedOn = model.StatusStopped, "2026-05-01"
	tallytest.Must(t, s.UpdatePerson(ctx, &p))
	tallytest.Must(t, s.RecordVisit(ctx, &model.Event{}, &model.Visit{PersonID: a, Date: "2026-06-01"}))
	tl, err := Compute(ctx, s, 2026)
	tallytest.Must(t, err)
	if r := tl.Roster.Total; r.Count != 2 || r.Removed != 0 || r.Stopped != 1 {
		t.Errorf("roster %+v", r)
	}
	if c := tl.Visits.Coverage; c.OnRoll != 2 || c.Covered != 1 {
		t.Errorf("coverage %+v", c)
	}
	if d := model.SummaryDraft(tl, model.Zh); !strings.Contains(d, "共计2人（其中停发1人）") {
		t.Errorf("draft: %s", d)
	}
	page, err := Records(ctx, s, model.YearPeriod(2026), Figure{Section: model.SecCoverage, Measure: model.MOnRoll}, 0, 10)
	tallytest.Must(t, err)
	if page.Total != 2 {
		t.Errorf("%d people behind the roll", page.Total)
	}
}

// Rule 6 (finding 2): 拥军 lists military units only, whatever their role, except in
// 走访慰问 events; 拥政爱民 lists military units hosting or co-hosting; a 合计 counts each
// event and its money once.
func TestRule6SupportMilitaryOnly(t *testing.T) {
	s, _ := newLedger(t)
	ctx := context.Background()
	unit := func(name, kind string) int64 {
		u := model.Unit{Name: name, Kind: kind}
		tallytest.Must(t, s.CreateUnit(ctx, &u))
		return u.ID
	}
	pafd, troop, police := unit("县人武部", model.UnitPAFD), unit("驻地某部", model.UnitStationed), unit("武警中队", model.UnitArmedPolice)
	school, office := unit("镇中心小学", model.UnitSchool), unit("镇退役军人服务站", model.UnitGovernment)
	ev := func(typ, dir string, fen int64, units ...model.EventUnit) {
		e := model.Event{Date: "2026-08-01", Type: typ, Direction: dir, MoneyFen: fen, Participants: 10, MilitaryParticipants: 5, Units: units}
		tallytest.Must(t, s.CreateEvent(ctx, &e))
	}
	// The 八一 family visits co-hosted by the 人武部: families' money, not support to units.
	ev(model.EventVisit, model.DirToMilitary, 0, model.EventUnit{UnitID: pafd, Role: "cohost"}, model.EventUnit{UnitID: office, Role: "host"})
	// A troop visit with a school as 共建 partner: the school is never "supported".
	ev(model.EventTroopVisit, model.DirToMilitary, 15000_00, model.EventUnit{UnitID: troop, Role: "recipient"},
		model.EventUnit{UnitID: police, Role: "recipient"}, model.EventUnit{UnitID: school, Role: "partner"})
	// 拥政爱民 co-hosted by a local office, and one where the army is only a recipient.
	ev(model.EventArmyForLocal, model.DirToLocal, 0, model.EventUnit{UnitID: troop, Role: "host"}, model.EventUnit{UnitID: office, Role: "cohost"})
	ev(model.EventArmyForLocal, model.DirToLocal, 0, model.EventUnit{UnitID: police, Role: "recipient"})
	tl, err := Compute(ctx, s, 2026)
	tallytest.Must(t, err)
	names := func(sp model.Support) string {
		var out []string
		for _, r := range sp.Rows {
			out = append(out, r.Name)
		}
		return strings.Join(out, ",")
	}
	if got := names(tl.SupportTo); got != "武警中队,驻地某部" {
		t.Errorf("拥军 units %q", got)
	}
	if tot := tl.SupportTo.Total; tot.Events != 1 || tot.MoneyFen != 15000_00 {
		t.Errorf("拥军 合计 %+v: the troop visit once, with its money once", tot)
	}
	if got := names(tl.SupportFrom); got != "驻地某部" || tl.SupportFrom.Total.Events != 1 {
		t.Errorf("拥政爱民 units %q, %d events", got, tl.SupportFrom.Total.Events)
	}
	// The paragraph counts the 拥军 money once: it is part of the 活动经费 it states.
	if d := model.SummaryDraft(tl, model.Zh); !strings.Contains(d, "投入活动经费1.5万元") ||
		!strings.Contains(d, "开展拥军活动1次，使用经费1.5万元（已含在上述活动经费中）") || strings.Contains(d, "人武部") {
		t.Errorf("draft:\n%s", d)
	}
	for _, sec := range []model.Section{model.SecSupportTo, model.SecSupportFrom} {
		f := Figure{Section: sec, Measure: model.MEvents}
		want, _ := f.Value(tl)
		page, err := Records(ctx, s, model.YearPeriod(2026), f, 0, 10)
		tallytest.Must(t, err)
		if int64(page.Total) != want {
			t.Errorf("%s: %d records behind %d events", sec, page.Total, want)
		}
	}
	// A trashed unit counts nowhere and names no row (rule 7).
	tallytest.Must(t, s.TrashUnit(ctx, police))
	tl, err = Compute(ctx, s, 2026)
	tallytest.Must(t, err)
	if got := names(tl.SupportTo); got != "驻地某部" {
		t.Errorf("拥军 units after trashing 武警中队: %q", got)
	}
}

// Rule 7 (finding 7): a trashed person's visits count nowhere, restoring them restores
// their count; a trashed village names no row.
func TestRule7Trash(t *testing.T) {
	s, v := newLedger(t)
	ctx := context.Background()
	a := person(t, s, "甲", v["李家村"], model.CatVeteran)
	b := person(t, s, "乙", v["刘庄村"], model.CatVeteran)
	tallytest.Must(t, s.RecordVisit(ctx, &model.Event{}, &model.Visit{PersonID: a, Date: "2026-03-01", MoneyFen: 100_00}))
	tallytest.Must(t, s.RecordVisit(ctx, &model.Event{}, &model.Visit{PersonID: b, Date: "2026-03-01", MoneyFen: 100_00}))
	tallytest.Must(t, s.TrashPerson(ctx, a))
	tl, err := Compute(ctx, s, 2026)
	tallytest.Must(t, err)
	if h := tl.Headline; h.Visits != 1 || h.People != 1 || h.MoneyFen != 100_00 {
		t.Errorf("with 甲 trashed: %+v", h)
	}
	tallytest.Must(t, s.RestorePerson(ctx, a))
	tl, err = Compute(ctx, s, 2026)
	tallytest.Must(t, err)
	if h := tl.Headline; h.Visits != 2 || h.People != 2 {
		t.Errorf("with 甲 restored: %+v", h)
	}
	// 刘庄村 leaves the list (SaveVillages trashes it): its people count with no village.
	tallytest.Must(t, s.SaveVillages(ctx, []model.Village{{ID: v["李家村"], Name: "李家村"}}))
	tl, err = Compute(ctx, s, 2026)
	tallytest.Must(t, err)
	for _, r := range tl.Roster.Villages {
		if r.Name == "刘庄村" {
			t.Errorf("a trashed village names a row: %+v", r)
		}
	}
	if last := tl.Roster.Villages[len(tl.Roster.Villages)-1]; last.VillageID != 0 || last.Total != 1 {
		t.Errorf("no-village row %+v", last)
	}
	page, err := Records(ctx, s, model.YearPeriod(2026), Figure{Section: model.SecVillages, VillageID: 0, Measure: model.MOnRoll}, 0, 10)
	tallytest.Must(t, err)
	if page.Total != 1 {
		t.Errorf("%d people behind the no-village row", page.Total)
	}
}

// Rule 9: breakdowns stay with their parent; items come by event type, then as entered.
// Reference summary 篇7: 「累计接收军转干部21名，其中，男同志18名，女同志3名」, end to end through
// the store; and its 联谊活动16场 with 4000 participants of whom 1800 military, 牵手成功24对.
func TestPian7(t *testing.T) {
	s := tallytest.Open(t)
	ctx := context.Background()
	tallytest.Must(t, s.CreateEvent(ctx, &model.Event{Date: "2023-06-01", Type: model.EventResettlement, Title: "军转干部接收安置",
		Items: []model.Item{{Name: "接收军转干部", Quantity: 21, Unit: "名"}, {Name: "男同志", Quantity: 18, Unit: "名", Parent: 1},
			{Name: "女同志", Quantity: 3, Unit: "名", Parent: 1}}}))
	for i := 0; i < 16; i++ {
		e := model.Event{Date: fmt.Sprintf("2023-%02d-10", i%12+1), Type: model.EventMatchmaking, Participants: 250, MilitaryParticipants: 112}
		if i < 8 {
			e.MilitaryParticipants = 113 // 8 × 113 + 8 × 112 = 1800
		}
		if i < 8 {
			e.Items = []model.Item{{Name: "牵手成功", Quantity: 3, Unit: "对"}} // 8 × 3 = 24
		}
		tallytest.Must(t, s.CreateEvent(ctx, &e))
	}
	e, err := s.Event(ctx, 1)
	tallytest.Must(t, err)
	if len(e.Items) != 3 || e.Items[1].Parent != 1 || e.Items[2].Parent != 1 {
		t.Fatalf("breakdowns not kept by the store: %+v", e.Items)
	}
	tl, err := Compute(ctx, s, 2023)
	tallytest.Must(t, err)
	var got []string
	for _, it := range tl.Events.Items {
		got = append(got, fmt.Sprint(it.Name, it.Quantity, it.Unit, "<", it.ParentName))
	}
	// 联谊交友 comes before 军转安置 in EventTypes; the breakdowns follow their parent.
	if want := "牵手成功24对<,接收军转干部21名<,男同志18名<接收军转干部,女同志3名<接收军转干部"; strings.Join(got, ",") != want {
		t.Errorf("items %s\nwant  %s", strings.Join(got, ","), want)
	}
	d := model.SummaryDraft(tl, model.Zh)
	for _, want := range []string{"接收军转干部21名，其中，男同志18名，女同志3名", "举办联谊交友活动16场", "牵手成功24对",
		"参加活动4000人次，其中部队官兵1800人次", "2023年，"} {
		if !strings.Contains(d, want) {
			t.Errorf("draft lacks %q:\n%s", want, d)
		}
	}
	// An item list of 篇7's kind alone reads exactly as the reference does.
	only := model.Tally{Year: 2023, AsOf: "2026-11-29", Events: model.EventTally{Items: tl.Events.Items[1:]}, Headline: model.Headline{Activities: 1}}
	if d := model.SummaryDraft(only, model.Zh); !strings.Contains(d, "累计接收军转干部21名，其中，男同志18名，女同志3名") {
		t.Errorf("draft: %s", d)
	}
}

// Rule 10 and 篇2's 「近五年来」: a five-year range sums every table; galas and matchmaking
// print as 各类联谊活动36场.
func TestPian2Range(t *testing.T) {
	s := tallytest.Open(t)
	ctx := context.Background()
	for i := 0; i < 36; i++ {
		typ := model.EventGala
		if i%3 == 0 {
			typ = model.EventMatchmaking
		}
		e := model.Event{Date: fmt.Sprintf("%d-%02d-15", 2019+i%5, i%12+1), Type: typ, Participants: 50, MilitaryParticipants: 20}
		if i < 12 {
			e.Items = []model.Item{{Name: "鞋垫", Quantity: 23, Unit: "双"}}
		}
		tallytest.Must(t, s.CreateEvent(ctx, &e))
	}
	for i := 0; i < 54; i++ {
		e := model.Event{Date: fmt.Sprintf("%d-%02d-20", 2019+i%5, i%12+1), Type: model.EventForum, Participants: 20}
		if i < 4 {
			e.Items = []model.Item{{Name: "标语", Quantity: 25, Unit: "幅"}}
		}
		tallytest.Must(t, s.CreateEvent(ctx, &e))
	}
	tallytest.Must(t, s.CreateEvent(ctx, &model.Event{Date: "2024-01-05", Type: model.EventForum})) // outside the range
	tl, err := ComputePeriod(ctx, s, model.Period{From: 2019, To: 2023})
	tallytest.Must(t, err)
	if tl.Headline.Activities != 90 || tl.Events.Item("鞋垫", "双") != 276 || tl.Events.Item("标语", "幅") != 100 || tl.HasPrevious() {
		t.Errorf("range: %d activities, 鞋垫 %d, 标语 %d, compared %v", tl.Headline.Activities, tl.Events.Item("鞋垫", "双"),
			tl.Events.Item("标语", "幅"), tl.HasPrevious())
	}
	d := model.SummaryDraft(tl, model.Zh)
	for _, want := range []string{"2019年至2023年，", "各类联谊活动36场", "召开座谈会54场", "鞋垫276双", "标语100幅"} {
		if !strings.Contains(d, want) {
			t.Errorf("draft lacks %q:\n%s", want, d)
		}
	}
	// The range is the sum of its years.
	sum := 0
	for y := 2019; y <= 2023; y++ {
		one, err := Compute(ctx, s, y)
		tallytest.Must(t, err)
		sum += one.Headline.Activities
	}
	if sum != tl.Headline.Activities {
		t.Errorf("years add up to %d, the range says %d", sum, tl.Headline.Activities)
	}
	page, err := Records(ctx, s, model.Period{From: 2019, To: 2023}, Figure{Section: model.SecEvents, Type: model.EventForum, Quarter: 1, Measure: model.MEvents}, 0, 100)
	tallytest.Must(t, err)
	r, _ := tl.Events.Row(model.EventForum)
	if page.Total != r.Quarters[0].Events {
		t.Errorf("Q1 forums over the range: %d records, figure %d", page.Total, r.Quarters[0].Events)
	}
}

// Rule 8: the records behind a past year's figures show each person's last visit as it
// stood at the end of that year. And rule 2 in the drill-down: a 走访慰问 event lists its
// visits' participants and money.
func TestRule8RecordsAsOfPeriodEnd(t *testing.T) {
	f := tallytest.New(t)
	ctx := context.Background()
	page, err := Records(ctx, f.S, model.YearPeriod(2025), Figure{Section: model.SecCoverage, Measure: model.MNotVisited}, 0, 10)
	tallytest.Must(t, err)
	for _, p := range page.People {
		if p.LastVisitOn > "2025-12-31" {
			t.Errorf("%s: last visit %s in a 2025 list", p.Name, p.LastVisitOn)
		}
	}
	if page.Total != 2 {
		t.Errorf("2025 not visited: %d", page.Total)
	}
	page, err = Records(ctx, f.S, model.YearPeriod(2026), Figure{Section: model.SecEvents, Type: model.EventVisit, Quarter: 1, Measure: model.MEvents}, 0, 10)
	tallytest.Must(t, err)
	for _, e := range page.Events {
		if e.ID == f.Event["E1"] && (e.Participants != 3 || e.MoneyFen != 1700_00 || e.Visits != 3) {
			t.Errorf("campaign E1 listed with %d participants, %d fen, %d visits", e.Participants, e.MoneyFen, e.Visits)
		}
	}
}

// Rule 1: a figure that appears twice has one value — on a demo ledger, for a year and a
// range: the headline and the events table, the events table and the visits table, the
// paragraph and the headline, the 拥军 money within the 活动经费.
func TestRule1OneTruth(t *testing.T) {
	s := tallytest.Open(t)
	ctx := context.Background()
	if _, err := demo.Generate(ctx, s, demo.Options{People: 400, Events: 4000, Seed: 5, Today: tallytest.Now}); err != nil {
		t.Fatal(err)
	}
	for _, p := range []model.Period{model.YearPeriod(2025), model.YearPeriod(2026), {From: 2022, To: 2026}} {
		tl, err := ComputePeriod(ctx, s, p)
		tallytest.Must(t, err)
		h := tl.Headline
		vr, _ := tl.Events.Row(model.EventVisit)
		acts := tl.Events.Activities.Year
		for _, c := range []struct {
			what       string
			one, other int64
		}{
			{"走访慰问次数 = 走访慰问 events", int64(h.Rounds), int64(vr.Year.Events)},
			{"人次 = 走访慰问 participants", int64(h.Visits), vr.Year.Participants},
			{"慰问金+慰问品 = 走访慰问 money", h.MoneyFen + h.GoodsFen, vr.Year.MoneyFen},
			{"双拥活动场次 = 合计（不含走访慰问）", int64(h.Activities), int64(acts.Events)},
			{"参加人数", h.Participants, acts.Participants},
			{"部队官兵", h.Military, acts.Military},
			{"活动经费", h.ActivityFen, acts.MoneyFen},
			{"合计 = 走访慰问 + 不含走访慰问", int64(tl.Events.Total.Year.Events), int64(vr.Year.Events + acts.Events)},
			{"coverage = the visits table's people on the roll", int64(tl.Visits.Coverage.Covered), int64(h.Covered)},
		} {
			if c.one != c.other {
				t.Errorf("%s %s: %d and %d", p.En(), c.what, c.one, c.other)
			}
		}
		if tl.SupportTo.Total.MoneyFen > h.ActivityFen {
			t.Errorf("%s: 拥军 money %d beyond the 活动经费 %d", p.En(), tl.SupportTo.Total.MoneyFen, h.ActivityFen)
		}
		for _, r := range tl.Visits.Rows {
			if r.Covered > r.Year.People {
				t.Errorf("%s %s: %d covered but %d visited", p.En(), r.Category, r.Covered, r.Year.People)
			}
		}
		d := model.SummaryDraft(tl, model.Zh)
		for _, want := range []string{fmt.Sprintf("共开展走访慰问%d次", h.Rounds), fmt.Sprintf("%d人次", h.Visits),
			fmt.Sprintf("参加活动%d人次", h.Participants)} {
			if !strings.Contains(d, want) {
				t.Errorf("%s: the paragraph lacks %q:\n%s", p.En(), want, d)
			}
		}
		if strings.Count(d, "出动官兵") > 1 {
			t.Errorf("%s: 出动官兵 twice:\n%s", p.En(), d)
		}
	}
}
