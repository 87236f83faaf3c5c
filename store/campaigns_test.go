package store

import (
	"context"
	"errors"
	"testing"

	"shuangyong/model"
)

// campaignFixture: two villages; in 李家村 two 烈属, one 残疾军人 and a 现役军属; in 王庄村
// one 烈属; a dead 烈属 in 李家村.
func campaignFixture(t *testing.T) (*Store, map[string]int64, map[string]int64) {
	t.Helper()
	s := openTest(t)
	vs := mustVillages(t, s, "李家村", "王庄村")
	people := map[string]int64{}
	for _, p := range []model.Person{
		{Name: "张烈一", VillageID: vs["李家村"], Categories: []string{model.CatMartyrFamily}},
		{Name: "王烈二", VillageID: vs["李家村"], Categories: []string{model.CatMartyrFamily}},
		{Name: "李残三", VillageID: vs["李家村"], Categories: []string{model.CatDisabledSoldier}, DisabilityNature: model.NatureWar, DisabilityGrade: 6},
		{Name: "赵现四", VillageID: vs["李家村"], Categories: []string{model.CatServingFamily}},
		{Name: "钱烈五", VillageID: vs["王庄村"], Categories: []string{model.CatMartyrFamily}},
		{Name: "孙故六", VillageID: vs["李家村"], Categories: []string{model.CatMartyrFamily}, Status: model.StatusDead, StatusChangedOn: "2026-01-01"},
	} {
		people[p.Name] = mustPerson(t, s, p).ID
	}
	return s, vs, people
}

func springCampaign() model.Event {
	return model.Event{Date: "2026-01-20", EndDate: "2026-02-10", Occasion: "spring_festival", Title: "2026年春节走访慰问",
		StandardMoneyFen: 50000, StandardGoods: "米一袋、油一桶", StandardGoodsFen: 12000}
}

func TestCampaignRosterTickAndCounts(t *testing.T) {
	s, vs, ps := campaignFixture(t)
	ctx := context.Background()
	f := RosterFilter{Categories: []string{model.CatMartyrFamily, model.CatDisabledSoldier}, VillageIDs: []int64{vs["李家村"]}}
	if n, err := s.RosterCount(ctx, f); err != nil || n != 3 {
		t.Fatalf("count %d %v (the dead 烈属 is not on the roll)", n, err)
	}
	ev := springCampaign()
	added, err := s.CreateCampaign(ctx, &ev, &f)
	if err != nil || added != 3 {
		t.Fatalf("created with %d: %v", added, err)
	}
	// Ticks: standard amount and goods; twice refused; outside the period refused; a person
	// not on the roster refused.
	v, err := s.Tick(ctx, ev.ID, ps["张烈一"], "2026-01-25")
	if err != nil || v.MoneyFen != 50000 || v.GoodsValueFen != 12000 || v.Goods != "米一袋、油一桶" || v.Mode != "home" {
		t.Fatalf("tick %+v %v", v, err)
	}
	if _, err := s.Tick(ctx, ev.ID, ps["张烈一"], "2026-01-26"); KindOf(err) != ErrInvalid {
		t.Errorf("second tick: %v", err)
	}
	if _, err := s.Tick(ctx, ev.ID, ps["王烈二"], "2026-03-01"); KindOf(err) != ErrInvalid {
		t.Errorf("tick after the period: %v", err)
	}
	if _, err := s.Tick(ctx, ev.ID, ps["钱烈五"], "2026-01-25"); KindOf(err) != ErrInvalid {
		t.Errorf("tick of someone not on the roster: %v", err)
	}
	if _, err := s.Tick(ctx, ev.ID, ps["李残三"], "2026-01-28"); err != nil {
		t.Fatal(err)
	}
	c, err := s.Campaign(ctx, ev.ID)
	if err != nil || c.Roster != 3 || c.Visited != 2 || c.ToVisit() != 1 || c.MoneyFen != 100000 || c.GoodsFen != 24000 {
		t.Fatalf("campaign %+v %v", c, err)
	}
	todo, err := s.RosterPage(ctx, ev.ID, RosterQuery{State: RosterToVisit})
	if err != nil || todo.Total != 1 || todo.Rows[0].Name != "王烈二" {
		t.Fatalf("to visit %+v %v", todo, err)
	}
	done, _ := s.RosterPage(ctx, ev.ID, RosterQuery{State: RosterVisited})
	if done.Total != 2 || done.Rows[0].VisitID == 0 {
		t.Fatalf("visited %+v", done)
	}
	// Typed text narrows the roster: a name, pinyin initials.
	if p, _ := s.RosterPage(ctx, ev.ID, RosterQuery{Text: "lcs"}); p.Total != 1 || p.Rows[0].Name != "李残三" {
		t.Errorf("lcs found %+v", p.Rows)
	}
	// Signing back from the paper list.
	if err := s.SetSigned(ctx, v.ID, true); err != nil {
		t.Fatal(err)
	}
	if c, _ = s.Campaign(ctx, ev.ID); c.Signed != 1 {
		t.Errorf("signed %d", c.Signed)
	}
	if p, _ := s.RosterPage(ctx, ev.ID, RosterQuery{State: RosterUnsigned}); p.Total != 1 || p.Rows[0].Name != "李残三" {
		t.Errorf("unsigned %+v", p.Rows)
	}
	// Adding one by one; then removing someone ticked trashes their visit; undo brings both back.
	if n, err := s.AddToRoster(ctx, ev.ID, ps["钱烈五"], ps["张烈一"]); err != nil || n != 1 {
		t.Fatalf("added %d %v", n, err)
	}
	if err := s.RemoveFromRoster(ctx, ev.ID, ps["李残三"]); err != nil {
		t.Fatal(err)
	}
	if c, _ = s.Campaign(ctx, ev.ID); c.Roster != 3 || c.Visited != 1 {
		t.Fatalf("after removal %+v", c)
	}
	if _, err := s.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if c, _ = s.Campaign(ctx, ev.ID); c.Roster != 4 || c.Visited != 2 {
		t.Fatalf("after undo %+v", c)
	}
}

// Undo of a campaign's creation takes its roster away with it, in one step.
func TestCampaignCreationUndoneWhole(t *testing.T) {
	s, _, _ := campaignFixture(t)
	ctx := context.Background()
	ev := springCampaign()
	if _, err := s.CreateCampaign(ctx, &ev, &RosterFilter{Categories: []string{model.CatMartyrFamily}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	var n int
	s.DB().QueryRow("SELECT count(*) FROM campaign_roster").Scan(&n)
	if n != 0 {
		t.Errorf("%d roster rows left after undo", n)
	}
	if ok, _ := s.IsCampaign(ctx, ev.ID); ok {
		t.Error("campaign left after undo")
	}
}

// Taking back a campaign's only tick (F5 again, or removing the person) leaves the
// campaign and its roster where they are: unlike the event W1 makes for one visit, a
// campaign reaching nobody yet is still work to do.
func TestCampaignSurvivesItsLastTickTaken(t *testing.T) {
	s, vs, ps := campaignFixture(t)
	ctx := context.Background()
	f := RosterFilter{Categories: []string{model.CatMartyrFamily}, VillageIDs: []int64{vs["李家村"]}}
	ev := springCampaign()
	if _, err := s.CreateCampaign(ctx, &ev, &f); err != nil {
		t.Fatal(err)
	}
	for _, take := range []func(v model.Visit) error{
		func(v model.Visit) error { return s.TrashVisit(ctx, v.ID) },
		func(v model.Visit) error { return s.RemoveFromRoster(ctx, ev.ID, v.PersonID) },
	} {
		v, err := s.Tick(ctx, ev.ID, ps["张烈一"], "2026-01-25")
		if err != nil {
			t.Fatal(err)
		}
		if err := take(v); err != nil {
			t.Fatal(err)
		}
		if is, err := s.IsCampaign(ctx, ev.ID); err != nil || !is {
			t.Fatalf("campaign gone after its last tick was taken: %v %v", is, err)
		}
		if _, err := s.Event(ctx, ev.ID); err != nil {
			t.Fatalf("the campaign's event went to the trash: %v", err)
		}
		c, err := s.Campaign(ctx, ev.ID)
		if err != nil || c.Visited != 0 {
			t.Fatalf("campaign %+v %v", c, err)
		}
	}
}

// A ticked visit's date changed in the visit editor keeps to the campaign's period, as
// the tick does; other changes to the visit are not held up by the check.
func TestCampaignVisitDateKeptInPeriod(t *testing.T) {
	s, vs, ps := campaignFixture(t)
	ctx := context.Background()
	f := RosterFilter{Categories: []string{model.CatMartyrFamily}, VillageIDs: []int64{vs["李家村"]}}
	ev := springCampaign()
	if _, err := s.CreateCampaign(ctx, &ev, &f); err != nil {
		t.Fatal(err)
	}
	v, err := s.Tick(ctx, ev.ID, ps["张烈一"], "2026-01-25")
	if err != nil {
		t.Fatal(err)
	}
	v.Date = "2026-03-01"
	err = s.UpdateVisit(ctx, &v)
	if KindOf(err) != ErrInvalid {
		t.Fatalf("a date after the campaign saved: %v", err)
	}
	var ve *ValidationError
	if !errors.As(err, &ve) || len(ve.Problems.Errors) != 1 || ve.Problems.Errors[0].Field != "Date" {
		t.Errorf("the refusal is not at the date: %v", err)
	}
	if got, _ := s.Visit(ctx, v.ID); got.Date != "2026-01-25" {
		t.Errorf("stored date %s", got.Date)
	}
	v.Date, v.MoneyFen = "2026-02-10", 80000
	if err := s.UpdateVisit(ctx, &v); err != nil {
		t.Fatalf("the campaign's last day refused: %v", err)
	}
}

// A 走访慰问 event typed with F2 becomes a campaign: its standard as now given, its roster
// the filter's people and those it already reached (shown as ticked); a second time is
// refused; undo takes the roster away and leaves the event as it was.
func TestMakeCampaignOfAnEvent(t *testing.T) {
	s, vs, ps := campaignFixture(t)
	ctx := context.Background()
	ev := model.Event{Date: "2026-01-20", EndDate: "2026-02-10", Title: "春节走访"}
	if err := s.RecordVisit(ctx, &ev, &model.Visit{PersonID: ps["钱烈五"], Date: "2026-01-21", MoneyFen: 30000}); err != nil {
		t.Fatal(err)
	}
	ev, err := s.Event(ctx, ev.ID)
	if err != nil {
		t.Fatal(err)
	}
	ev.StandardMoneyFen, ev.StandardGoods = 50000, "米一袋"
	f := RosterFilter{Categories: []string{model.CatMartyrFamily}, VillageIDs: []int64{vs["李家村"]}}
	// A second visit on 01-25 would fall after a campaign ending 01-23: refused, nothing
	// saved. (The first, on the event's own date, moves with it.)
	second := model.Visit{EventID: ev.ID, PersonID: ps["张烈一"], Date: "2026-01-25"}
	if err := s.CreateVisit(ctx, &second); err != nil {
		t.Fatal(err)
	}
	late := ev
	late.EndDate = "2026-01-23"
	if _, err := s.MakeCampaign(ctx, &late, &f); KindOf(err) != ErrInvalid {
		t.Fatalf("a visit left outside the campaign: %v", err)
	}
	if is, _ := s.IsCampaign(ctx, ev.ID); is {
		t.Fatal("a refused conversion left a campaign")
	}
	n, err := s.MakeCampaign(ctx, &ev, &f)
	if err != nil || n != 3 {
		t.Fatalf("made with %d on the roster: %v", n, err)
	}
	c, err := s.Campaign(ctx, ev.ID)
	if err != nil || c.Roster != 3 || c.Visited != 2 || c.StandardMoneyFen != 50000 || c.MoneyFen != 30000 {
		t.Fatalf("campaign %+v %v", c, err)
	}
	if _, err := s.Tick(ctx, ev.ID, ps["王烈二"], "2026-01-26"); err != nil {
		t.Fatalf("tick in the made campaign: %v", err)
	}
	if _, err := s.MakeCampaign(ctx, &ev, &f); KindOf(err) != ErrInvalid {
		t.Errorf("made twice: %v", err)
	}
	if _, err := s.Undo(ctx); err != nil { // the tick
		t.Fatal(err)
	}
	if _, err := s.Undo(ctx); err != nil { // the campaign
		t.Fatal(err)
	}
	if is, _ := s.IsCampaign(ctx, ev.ID); is {
		t.Error("still a campaign after undo")
	}
	back, err := s.Event(ctx, ev.ID)
	if err != nil || back.StandardMoneyFen != 0 || back.StandardGoods != "" {
		t.Errorf("event after undo %+v %v", back, err)
	}
	other := model.Event{Type: model.EventForum, Date: "2026-03-01", Title: "座谈会"}
	if err := s.CreateEvent(ctx, &other); err != nil {
		t.Fatal(err)
	}
	if _, err := s.MakeCampaign(ctx, &other, nil); KindOf(err) != ErrInvalid {
		t.Errorf("a 座谈会 made a campaign: %v", err)
	}
}
