package store

import (
	"context"
	"reflect"
	"testing"

	"shuangyong/model"
)

// eventFixture holds a year of events: a gala hosted by the 妇联 with a troop as
// co-host, a 拥政爱民 event, a 走访慰问 campaign with two visits (its typed figures are
// wrong on purpose: the visits count), a forum in 2025 and one in the trash.
type eventFixture struct {
	s                    *Store
	host, troop          model.Unit
	gala, army, campaign model.Event
	visits               []model.Visit
}

func newEventFixture(t *testing.T) *eventFixture {
	t.Helper()
	ctx := context.Background()
	s := openTest(t)
	f := &eventFixture{s: s}
	vil := mustVillages(t, s, "李家村")
	f.host = model.Unit{Name: "青山镇妇联", Kind: model.UnitWomens}
	f.troop = model.Unit{Name: "武警Alpha中队", Kind: model.UnitStationed}
	for _, u := range []*model.Unit{&f.host, &f.troop} {
		if err := s.CreateUnit(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	f.gala = model.Event{Date: "2026-02-01", Type: model.EventGala, Occasion: "spring_festival", Title: "迎新春军民联欢会",
		Place: "镇文化站", Participants: 300, MilitaryParticipants: 120, MoneyFen: 500000,
		Units: []model.EventUnit{{UnitID: f.host.ID, Role: "host"}, {UnitID: f.troop.ID, Role: "cohost"}}}
	f.army = model.Event{Date: "2026-07-10", Type: model.EventArmyForLocal, Title: "抗洪抢险", Place: "河堤",
		Participants: 80, MilitaryParticipants: 80, Units: []model.EventUnit{{UnitID: f.troop.ID, Role: "host"}}}
	f.campaign = model.Event{Date: "2026-01-20", Type: model.EventVisit, Occasion: "spring_festival", Title: "2026年春节走访慰问",
		Participants: 999, MoneyFen: 1}
	old := model.Event{Date: "2025-05-01", Type: model.EventForum, Title: "座谈会", Participants: 20}
	gone := model.Event{Date: "2026-03-01", Type: model.EventForum, Title: "已删除的座谈会", Participants: 10}
	for _, e := range []*model.Event{&f.gala, &f.army, &f.campaign, &old, &gone} {
		if err := s.CreateEvent(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.TrashEvent(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	a := mustPerson(t, s, model.Person{Name: "张三", VillageID: vil["李家村"], Categories: []string{model.CatMartyrFamily}})
	b := mustPerson(t, s, model.Person{Name: "李四", VillageID: vil["李家村"], Categories: []string{model.CatMartyrFamily}})
	for _, v := range []model.Visit{
		{EventID: f.campaign.ID, PersonID: a.ID, Date: "2026-01-20", MoneyFen: 50000, GoodsValueFen: 10000, Need: "屋顶漏雨"},
		{EventID: f.campaign.ID, PersonID: b.ID, Date: "2026-01-21", MoneyFen: 50000},
	} {
		if err := s.CreateVisit(ctx, &v); err != nil {
			t.Fatal(err)
		}
		f.visits = append(f.visits, v)
	}
	return f
}

func pageIDs(p EventPage) []int64 {
	var ids []int64
	for _, r := range p.Rows {
		ids = append(ids, r.ID)
	}
	return ids
}

func TestListEventsFiltersAndFigures(t *testing.T) {
	ctx := context.Background()
	f := newEventFixture(t)
	s := f.s
	cases := []struct {
		name string
		q    EventQuery
		want []int64
	}{
		{"year, newest first", EventQuery{Year: 2026}, []int64{f.army.ID, f.gala.ID, f.campaign.ID}},
		{"a unit's name", EventQuery{Year: 2026, Text: "妇联"}, []int64{f.gala.ID}},
		{"unit name, any case", EventQuery{Year: 2026, Text: "alpha"}, []int64{f.army.ID, f.gala.ID}},
		{"place", EventQuery{Year: 2026, Text: "河堤"}, []int64{f.army.ID}},
		{"two words", EventQuery{Year: 2026, Text: "春 走访"}, []int64{f.campaign.ID}},
		{"percent is literal", EventQuery{Year: 2026, Text: "%"}, nil},
		{"occasion", EventQuery{Year: 2026, Occasion: "spring_festival"}, []int64{f.gala.ID, f.campaign.ID}},
		{"direction", EventQuery{Year: 2026, Direction: model.DirToLocal}, []int64{f.army.ID}},
		{"month", EventQuery{Year: 2026, Month: 1}, []int64{f.campaign.ID}},
		{"type", EventQuery{Year: 2026, Type: model.EventGala}, []int64{f.gala.ID}},
		{"unit", EventQuery{Year: 2026, UnitID: f.troop.ID}, []int64{f.army.ID, f.gala.ID}},
		{"other year", EventQuery{Year: 2025}, nil},
	}
	ix, err := s.BuildEventIndex(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		p, err := s.ListEvents(ctx, c.q)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if c.name == "other year" {
			if p.Total != 1 {
				t.Errorf("2025: %d events", p.Total)
			}
			continue
		}
		if got := pageIDs(p); !reflect.DeepEqual(got, c.want) || p.Total != len(c.want) {
			t.Errorf("%s: ListEvents %v (total %d), want %v", c.name, got, p.Total, c.want)
		}
		ids, tot := ix.Match(c.q)
		if !reflect.DeepEqual(ids, c.want) {
			t.Errorf("%s: index %v, want %v", c.name, ids, c.want)
		}
		sqlTot, err := s.ListEventTotals(ctx, c.q)
		if err != nil {
			t.Fatal(err)
		}
		if tot != sqlTot {
			t.Errorf("%s: index totals %+v, SQL totals %+v", c.name, tot, sqlTot)
		}
	}

	// Rule 2: the campaign counts its visits (2 人次, 1100 元), not its typed 999 and 0.01.
	p, _ := s.ListEvents(ctx, EventQuery{Year: 2026, Type: model.EventVisit})
	if len(p.Rows) != 1 || p.Rows[0].Fig != (EventFigures{Participants: 2, MoneyFen: 110000}) || p.Rows[0].Visits != 2 {
		t.Fatalf("campaign row %+v", p.Rows)
	}
	tot, _ := s.ListEventTotals(ctx, EventQuery{Year: 2026})
	want := EventTotals{Events: 3, EventFigures: EventFigures{Participants: 300 + 80 + 2, Military: 200, MoneyFen: 500000 + 110000}}
	if tot != want {
		t.Errorf("year totals %+v, want %+v", tot, want)
	}

	// Editing a visit's amount changes the campaign's figures at once.
	v := f.visits[1]
	v.MoneyFen = 80000
	if err := s.UpdateVisit(ctx, &v); err != nil {
		t.Fatal(err)
	}
	fig, n, err := s.EventFiguresOf(ctx, f.campaign.ID)
	if err != nil || n != 2 || fig.MoneyFen != 140000 {
		t.Errorf("after the edit: %+v %d %v", fig, n, err)
	}
	ix, _ = s.BuildEventIndex(ctx, 2026)
	if _, tot := ix.Match(EventQuery{Year: 2026}); tot.MoneyFen != 500000+140000 {
		t.Errorf("index after the edit: %+v", tot)
	}
	if _, _, err := s.EventFiguresOf(ctx, 999999); KindOf(err) != ErrNotFound {
		t.Errorf("missing event: %v", err)
	}
}

func TestEventsByIDKeepsOrder(t *testing.T) {
	f := newEventFixture(t)
	rows, err := f.s.EventsByID(context.Background(), []int64{f.campaign.ID, 424242, f.army.ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].ID != f.campaign.ID || rows[1].ID != f.army.ID || rows[0].Fig.Participants != 2 {
		t.Errorf("rows %+v", rows)
	}
	if rows, _ := f.s.EventsByID(context.Background(), nil); rows != nil {
		t.Error("no ids, rows")
	}
}

func TestItemsUsedAndVisitRow(t *testing.T) {
	ctx := context.Background()
	f := newEventFixture(t)
	s := f.s
	for i, items := range [][]model.Item{
		{{Name: "鞋垫", Quantity: 276, Unit: "双"}, {Name: "标语", Quantity: 100, Unit: "幅"}},
		{{Name: "鞋垫", Quantity: 50, Unit: "双"}},
	} {
		e := model.Event{Date: "2026-08-0" + string(rune('1'+i)), Type: model.EventTroopVisit, Items: items}
		if err := s.CreateEvent(ctx, &e); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.ItemsUsed(ctx, 10)
	want := []model.Item{{Name: "鞋垫", Unit: "双"}, {Name: "标语", Unit: "幅"}}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("items used %+v %v", got, err)
	}
	r, err := s.VisitRowByID(ctx, f.visits[0].ID)
	if err != nil || r.PersonName != "张三" || r.EventTitle != "2026年春节走访慰问" || r.Need != "屋顶漏雨" {
		t.Errorf("visit row %+v %v", r, err)
	}
	if _, err := s.VisitRowByID(ctx, 31337); KindOf(err) != ErrNotFound {
		t.Errorf("missing visit: %v", err)
	}
}

func TestUnitChoicesEventWindowAndVisitFigures(t *testing.T) {
	ctx := context.Background()
	f := newEventFixture(t)
	s := f.s
	us, err := s.UnitChoices(ctx)
	if err != nil || len(us) != 2 {
		t.Fatalf("units %+v %v", us, err)
	}
	if err := s.TrashUnit(ctx, f.host.ID); err != nil {
		t.Fatal(err)
	}
	if us, _ := s.UnitChoices(ctx); len(us) != 1 || us[0].Name != "武警Alpha中队" {
		t.Errorf("a trashed unit is offered: %+v", us)
	}
	if tr, err := s.TrashedUnitsOf(ctx, f.gala.ID); err != nil || len(tr) != 1 || !tr[f.host.ID] {
		t.Errorf("trashed units of the gala: %v %v", tr, err)
	}
	if ev, _ := s.Event(ctx, f.gala.ID); len(ev.Units) != 2 || ev.Units[0].Name != "青山镇妇联" {
		t.Errorf("the gala no longer names its trashed host: %+v", ev.Units)
	}

	ix, err := s.BuildEventIndex(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := s.EventWindow(ctx, ix, []int64{f.campaign.ID, f.gala.ID, 777})
	if err != nil || len(rows) != 3 {
		t.Fatalf("window %+v %v", rows, err)
	}
	if rows[0].Title != "2026年春节走访慰问" || rows[0].Fig.Participants != 2 || rows[0].Visits != 2 || rows[0].Fig.MoneyFen != 110000 {
		t.Errorf("campaign row %+v", rows[0])
	}
	if rows[1].Fig.Participants != 300 || rows[1].Fig.Military != 120 {
		t.Errorf("gala row %+v", rows[1])
	}
	if rows[2].ID != 777 || rows[2].Type != "" {
		t.Errorf("a gone id gives an empty row: %+v", rows[2])
	}

	n, money, goods, open, err := s.EventVisitFigures(ctx, f.campaign.ID)
	if err != nil || n != 2 || money != 100000 || goods != 10000 || open != 1 {
		t.Errorf("visit figures %d %d %d %d %v", n, money, goods, open, err)
	}
	// The visits of an event, in roster order, windowed.
	vs, total, err := s.VisitsOfEvent(ctx, f.campaign.ID, 1, 10)
	if err != nil || total != 2 || len(vs) != 1 || vs[0].PersonName != "李四" {
		t.Errorf("second window %+v %d %v", vs, total, err)
	}
	if err := s.TrashVisit(ctx, f.visits[0].ID); err != nil {
		t.Fatal(err)
	}
	if n, _, _, open, _ := s.EventVisitFigures(ctx, f.campaign.ID); n != 1 || open != 0 {
		t.Errorf("after trashing a visit: %d visits, %d open", n, open)
	}
}

// A campaign across the new year counts each visit in its own year (DOMAIN.md §4 rule
// 3), in the index as in SQL, whatever the size of the index's reads.
func TestEventFiguresAcrossYears(t *testing.T) {
	ctx := context.Background()
	f := newEventFixture(t)
	s := f.s
	vil := mustVillages(t, s, "王庄村")
	p := mustPerson(t, s, model.Person{Name: "王五", VillageID: vil["王庄村"], Categories: []string{model.CatMartyrFamily}})
	ev := model.Event{Date: "2025-12-28", Type: model.EventVisit, Title: "2026年春节走访（提前）"}
	if err := s.CreateEvent(ctx, &ev); err != nil {
		t.Fatal(err)
	}
	for _, v := range []model.Visit{
		{EventID: ev.ID, PersonID: p.ID, Date: "2025-12-30", MoneyFen: 20000},
		{EventID: ev.ID, PersonID: f.visits[0].PersonID, Date: "2026-01-03", MoneyFen: 30000},
	} {
		if err := s.CreateVisit(ctx, &v); err != nil {
			t.Fatal(err)
		}
	}
	defer func(n int) { eventIndexChunk = n }(eventIndexChunk)
	eventIndexChunk = 1
	for _, year := range []int{2025, 2026} {
		ix, err := s.BuildEventIndex(ctx, year)
		if err != nil {
			t.Fatal(err)
		}
		q := EventQuery{Year: year}
		_, got := ix.Match(q)
		want, err := s.ListEventTotals(ctx, q)
		if err != nil || got != want {
			t.Errorf("%d: index %+v, SQL %+v (%v)", year, got, want, err)
		}
	}
	rows, _ := s.EventsByID(ctx, []int64{ev.ID})
	if len(rows) != 1 || rows[0].Fig.Participants != 1 || rows[0].Fig.MoneyFen != 20000 || rows[0].Visits != 2 {
		t.Errorf("the 2025 campaign counts its 2025 visit: %+v", rows)
	}
	n, money, _, _, _ := s.EventVisitFigures(ctx, ev.ID)
	if n != 2 || money != 50000 {
		t.Errorf("its detail counts both visits: %d %d", n, money)
	}
}
