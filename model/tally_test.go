package model

import "testing"

func TestPermille(t *testing.T) {
	for _, c := range []struct {
		num, den, want int
		text           string
	}{
		{0, 0, 0, "0%"},
		{3, 4, 750, "75%"},
		{1, 3, 333, "33.3%"},
		{2, 3, 667, "66.7%"},
		{197, 200, 985, "98.5%"},
		{1999, 2000, 1000, "100%"}, // 99.95% rounds half up
		{10, 10, 1000, "100%"},
	} {
		cov := Coverage{OnRoll: c.den, Covered: c.num}
		if got := cov.Permille(); got != c.want {
			t.Errorf("%d/%d = %d‰, want %d", c.num, c.den, got, c.want)
		}
		if got := FormatPermille(cov.Permille()); got != c.text {
			t.Errorf("FormatPermille(%d/%d) = %q, want %q", c.num, c.den, got, c.text)
		}
		if got := cov.NotVisited(); got != c.den-c.num {
			t.Errorf("NotVisited = %d", got)
		}
	}
	if got := FormatPermille(-125); got != "-12.5%" {
		t.Errorf("FormatPermille(-125) = %q", got)
	}
}

func TestChange(t *testing.T) {
	for _, c := range []struct {
		now, before int64
		want        int
		ok          bool
	}{
		{7, 2, 2500, true},
		{2, 7, -714, true},
		{3, 0, 0, false},
		{100, 100, 0, true},
		{1, 3, -667, true},
	} {
		got, ok := Change{Now: c.now, Before: c.before}.Permille()
		if got != c.want || ok != c.ok {
			t.Errorf("%d vs %d: %d %v, want %d %v", c.now, c.before, got, ok, c.want, c.ok)
		}
	}
	tl := Tally{Headline: Headline{Visits: 10, MoneyFen: 500}, Previous: Headline{Visits: 8}}
	ch := tl.Changes()
	if len(ch) != len(HeadlineMeasures) {
		t.Fatalf("%d changes", len(ch))
	}
	for _, c := range ch {
		if c.Measure == MVisits && (c.Now != 10 || c.Before != 8 || c.Delta() != 2) {
			t.Errorf("visits change %+v", c)
		}
		if !Measures.Valid(string(c.Measure)) {
			t.Errorf("measure %s has no label", c.Measure)
		}
	}
}

func TestRollRules(t *testing.T) {
	for _, c := range []struct {
		name                 string
		p                    Person
		year                 int
		onRoll, isNew, isOut bool
	}{
		{"active, old", Person{Status: StatusActive, RegisteredOn: "2020-01-01"}, 2026, true, false, false},
		{"no registration date", Person{Status: StatusActive}, 2026, true, false, false},
		{"registered this year", Person{Status: StatusActive, RegisteredOn: "2026-12-31"}, 2026, true, true, false},
		{"registered next year", Person{Status: StatusActive, RegisteredOn: "2027-01-01"}, 2026, false, false, false},
		{"moved out this year", Person{Status: StatusMovedOut, StatusChangedOn: "2026-01-01", RegisteredOn: "2000-01-01"}, 2026, false, false, true},
		{"moved out next year", Person{Status: StatusMovedOut, StatusChangedOn: "2027-03-01", RegisteredOn: "2000-01-01"}, 2026, true, false, false},
		{"died, date unknown", Person{Status: StatusDead, RegisteredOn: "2000-01-01"}, 2026, false, false, false},
		{"new and gone the same year", Person{Status: StatusDead, StatusChangedOn: "2026-08-01", RegisteredOn: "2026-02-01"}, 2026, false, true, true},
		// Rule 5: 停发 stops a payment, not membership of the roster.
		{"stopped this year", Person{Status: StatusStopped, StatusChangedOn: "2026-08-01", RegisteredOn: "2026-02-01"}, 2026, true, true, false},
		{"stopped, date unknown", Person{Status: StatusStopped, RegisteredOn: "2000-01-01"}, 2026, true, false, false},
		{"trashed", Person{Status: StatusActive, DeletedAt: "2026-05-01 10:00:00"}, 2026, false, false, false},
	} {
		if got := OnRollAtEnd(&c.p, c.year); got != c.onRoll {
			t.Errorf("%s: OnRollAtEnd = %v", c.name, got)
		}
		if got := NewInYear(&c.p, c.year); got != c.isNew {
			t.Errorf("%s: NewInYear = %v", c.name, got)
		}
		if got := RemovedInYear(&c.p, c.year); got != c.isOut {
			t.Errorf("%s: RemovedInYear = %v", c.name, got)
		}
	}
}

// Rule 6: only military-side units are ever listed; 拥军 counts them whatever their role,
// except on 走访慰问 events; 拥政爱民 counts those hosting or co-hosting.
func TestCountsForSupport(t *testing.T) {
	for _, c := range []struct {
		dir, typ, role, kind string
		want                 bool
	}{
		{DirToMilitary, EventTroopVisit, "recipient", UnitStationed, true},
		{DirToMilitary, EventGala, "host", UnitPAFD, true}, // a military unit counts whatever its role
		{DirToMilitary, EventVisit, "cohost", UnitPAFD, false},
		{DirToMilitary, EventGala, "host", UnitWomens, false},
		{DirToMilitary, EventGala, "partner", UnitEnterprise, false},
		{DirToMilitary, EventGala, "partner", UnitSchool, false},
		{DirToLocal, EventArmyForLocal, "host", UnitFireRescue, true},
		{DirToLocal, EventArmyForLocal, "cohost", UnitPAFD, true},
		{DirToLocal, EventArmyForLocal, "recipient", UnitStationed, false},
		{DirToLocal, EventArmyForLocal, "recipient", UnitVillage, false},
		{DirToLocal, EventArmyForLocal, "cohost", UnitSchool, false},
		{"", EventGala, "host", UnitStationed, false},
	} {
		if got := CountsForSupport(c.dir, c.typ, c.role, c.kind); got != c.want {
			t.Errorf("%s %s %s %s = %v", c.dir, c.typ, c.role, c.kind, got)
		}
	}
}

func TestTallyLookups(t *testing.T) {
	tl := Tally{
		Roster: Roster{Rows: []RosterRow{{Category: CatVeteran, Count: 5, New: 2, Removed: 1}}, Total: RosterRow{Count: 5}},
		Visits: VisitTally{Rows: []VisitRow{{Category: CatVeteran, Year: VisitFigures{Visits: 3}}}, Total: VisitRow{Year: VisitFigures{Visits: 4}}},
		Events: EventTally{Rows: []EventRow{{Type: EventForum, Year: EventFigures{Events: 54}}},
			Items: []ItemTotal{{Name: "鞋垫", Unit: "双", Quantity: 276}}},
	}
	if r, ok := tl.RosterRowOf(CatVeteran); !ok || r.Start() != 4 {
		t.Errorf("roster row %+v %v", r, ok)
	}
	if _, ok := tl.RosterRowOf(CatRedArmy); ok {
		t.Error("found a roster row that is not there")
	}
	if r, _ := tl.VisitRowOf(""); r.Year.Visits != 4 {
		t.Errorf("total visit row %+v", r)
	}
	if r, ok := tl.Events.Row(EventForum); !ok || r.Year.Events != 54 {
		t.Errorf("forum row %+v", r)
	}
	if tl.Events.Item("鞋垫", "双") != 276 || tl.Events.Item("鞋垫", "只") != 0 {
		t.Error("items by name and unit")
	}
	if CategoryLabel(NoCategory, Zh) != "未填类别" || CategoryLabel(CatVeteran, Zh) != "退役士兵" {
		t.Error("category labels")
	}
	f := VisitFigures{Visits: 3, People: 2, Households: 1, MoneyFen: 100, GoodsFen: 50}
	for m, want := range map[Measure]int64{MVisits: 3, MPeople: 2, MHouseholds: 1, MMoney: 100, MGoods: 50, MTotal: 150} {
		if got, ok := f.Get(m); !ok || got != want {
			t.Errorf("Get(%s) = %d", m, got)
		}
	}
	if _, ok := f.Get(MEvents); ok {
		t.Error("visit figures have no events")
	}
}
