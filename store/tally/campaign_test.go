package tally

import (
	"context"
	"testing"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/store/tally/tallytest"
)

// A campaign's ticks are the tally's 走访慰问 figures: after ticking people off, changing
// one amount and undoing a tick, the year's visits and the 走访慰问 row equal what the
// roster screen shows (counting rule 2).
func TestCampaignTicksAreTheTally(t *testing.T) {
	s := tallytest.Open(t)
	ctx := context.Background()
	var ids []int64
	for _, name := range []string{"张一", "王二", "李三", "赵四"} {
		p := model.Person{Name: name, Categories: []string{model.CatMartyrFamily}}
		tallytest.Must(t, s.CreatePerson(ctx, &p))
		ids = append(ids, p.ID)
	}
	ev := model.Event{Date: "2026-01-20", EndDate: "2026-02-10", Title: "2026年春节走访慰问",
		StandardMoneyFen: 50000, StandardGoods: "米一袋", StandardGoodsFen: 8000}
	if _, err := s.CreateCampaign(ctx, &ev, &store.RosterFilter{}); err != nil {
		t.Fatal(err)
	}
	var last model.Visit
	for _, id := range ids[:3] {
		v, err := s.Tick(ctx, ev.ID, id, "2026-01-25")
		tallytest.Must(t, err)
		last = v
	}
	// One amount changed by hand, one tick undone.
	v, err := s.Visit(ctx, last.ID)
	tallytest.Must(t, err)
	v.MoneyFen = 80000
	tallytest.Must(t, s.UpdateVisit(ctx, &v))
	tallytest.Must(t, s.RemoveFromRoster(ctx, ev.ID, ids[0]))

	c, err := s.Campaign(ctx, ev.ID)
	tallytest.Must(t, err)
	tl, err := Compute(ctx, s, 2026)
	tallytest.Must(t, err)
	got := tl.Visits.Total.Year
	if got.Visits != c.Visited || got.MoneyFen != c.MoneyFen || got.GoodsFen != c.GoodsFen {
		t.Errorf("visits table %+v, campaign %+v", got, c)
	}
	r, _ := tl.Events.Row(model.EventVisit)
	row := r.Year
	if row.Events != 1 || row.Participants != int64(c.Visited) || row.MoneyFen != c.MoneyFen+c.GoodsFen {
		t.Errorf("走访慰问 row %+v, campaign %+v", row, c)
	}
}
