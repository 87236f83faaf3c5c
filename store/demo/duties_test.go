package demo

import (
	"context"
	"database/sql"
	"testing"

	"shuangyong/model"
	"shuangyong/store/tally"
)

// The demo's duty records in sane shares, as the tally counts them: most eligible
// households with a plaque hung and some without, a few to replace; nearly every
// recipient confirmed, mostly at a home visit; the 重点对象 contacted.
func TestDutyShares(t *testing.T) {
	s, st := township(t)
	ctx := context.Background()
	if st.Plaques == 0 || st.Confirmations == 0 {
		t.Fatalf("no duty records: %+v", st)
	}
	share := func(n, of int) float64 { return float64(n) / float64(max(of, 1)) }
	cur, err := tally.Compute(ctx, s, testToday.Year())
	if err != nil {
		t.Fatal(err)
	}
	p := cur.Plaques
	t.Logf("plaques %+v, confirmations %+v", p, cur.Confirmations)
	if p.Households < 500 || share(p.Hung, p.Households) < 0.84 || share(p.Hung, p.Households) > 0.93 ||
		share(p.Pending, p.Households) < 0.04 || share(p.Pending, p.Households) > 0.11 || p.Replace == 0 || share(p.Replace, p.Households) > 0.07 {
		t.Errorf("plaque shares %+v", p)
	}
	past, err := tally.Compute(ctx, s, testToday.Year()-1)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		c      model.ConfirmTally
		lo, hi float64
	}{{cur.Confirmations, 0.85, 0.95}, {past.Confirmations, 0.91, 0.99}} {
		if c.c.ToConfirm < 500 || share(c.c.Confirmed, c.c.ToConfirm) < c.lo || share(c.c.Confirmed, c.c.ToConfirm) > c.hi {
			t.Errorf("confirmations of %d: %+v", c.c.Year, c.c)
		}
	}
	t.Logf("the year before: contacts %+v, confirmations %+v", past.Contacts.Total, past.Confirmations)
	if k := past.Contacts.Total; k.Key < 500 || share(k.Year, k.Key) < 0.8 || k.Home == 0 || k.Current == 0 {
		t.Errorf("contacts of the year before %+v", k)
	}

	// 常态化联系 as a township keeping to the quarterly rule: the current quarter (Today,
	// 06-15, is 76 of its 91 days in) about 85–95% of that far; the first quarter of this
	// year and the fourth of each earlier year (what a past year's tally counts) 85–95%.
	// (The file's Today, not the clock's: as the 统计 tab of the day would count.)
	asOf := func(p model.Period, day string) model.ContactRow {
		var tl model.Tally
		if err := s.ReadTx(ctx, func(tx *sql.Tx) error {
			var err error
			tl, err = tally.ComputeIn(ctx, tx, p, day)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return tl.Contacts.Total
	}
	today := testToday.Format("2006-01-02")
	if k := asOf(model.YearPeriod(testToday.Year()), today); share(k.Current, k.Key) < 0.70 || share(k.Current, k.Key) > 0.82 {
		t.Errorf("the current quarter as on %s: %d of %d contacted", today, k.Current, k.Key)
	}
	if k := asOf(model.YearPeriod(testToday.Year()), "2026-03-31"); share(k.Current, k.Key) < 0.84 || share(k.Current, k.Key) > 0.96 {
		t.Errorf("the first quarter: %d of %d contacted", k.Current, k.Key)
	}
	for y := testToday.Year() - Years(3000, 20000) + 1; y < testToday.Year(); y++ {
		if k := asOf(model.YearPeriod(y), today); share(k.Current, k.Key) < 0.84 || share(k.Current, k.Key) > 0.96 {
			t.Errorf("the fourth quarter of %d: %d of %d contacted", y, k.Current, k.Key)
		}
	}
	// The calls are mostly by phone, some at home: each village's round of a quarter.
	phone := queryInt(t, s.DB(), `SELECT count(*) FROM visits v JOIN events e ON e.id = v.event_id WHERE e.title LIKE '%常态化联系（%' AND v.mode = 'phone'`)
	home := queryInt(t, s.DB(), `SELECT count(*) FROM visits v JOIN events e ON e.id = v.event_id WHERE e.title LIKE '%常态化联系（%' AND v.mode = 'home'`)
	if all := queryInt(t, s.DB(), `SELECT count(*) FROM visits v JOIN events e ON e.id = v.event_id WHERE e.title LIKE '%常态化联系（%'`); share(phone, all) < 0.6 || home == 0 || share(home, all) > 0.3 {
		t.Errorf("%d calls: %d by phone, %d at home", all, phone, home)
	}
	atVisit := queryInt(t, s.DB(), "SELECT count(*) FROM confirmations WHERE visit_id IS NOT NULL")
	if share(atVisit, st.Confirmations) < 0.5 {
		t.Errorf("%d of %d confirmations at a visit", atVisit, st.Confirmations)
	}
	// Every line and confirmation as the store would accept it: on the roll, one a year,
	// at the person its visit reached, nothing after today.
	for _, q := range []string{
		`SELECT count(*) FROM confirmations c JOIN visits v ON v.id = c.visit_id WHERE v.person_id <> c.person_id OR v.date <> c.date OR v.mode <> 'home'`,
		`SELECT count(*) FROM (SELECT person_id, year FROM confirmations GROUP BY 1, 2 HAVING count(*) > 1)`,
		`SELECT count(*) FROM confirmations c JOIN people p ON p.id = c.person_id WHERE c.date < p.registered_on
			OR (p.status IN ('dead', 'moved_out') AND c.date >= p.status_changed_on)`,
		`SELECT count(*) FROM plaques WHERE date > '` + testToday.Format("2006-01-02") + `' OR state NOT IN ('hung', 'replace', 'retired')`,
		`SELECT count(*) FROM plaques x JOIN people p ON p.id = x.person_id WHERE coalesce(p.household_id, -p.id) <> x.household_key`,
	} {
		if n := queryInt(t, s.DB(), q); n != 0 {
			t.Errorf("%d rows of %s", n, q)
		}
	}
}
