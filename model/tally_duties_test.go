package model

import "testing"

func TestDutyQuarter(t *testing.T) {
	for _, c := range []struct {
		p    Period
		asOf string
		want int
	}{
		{YearPeriod(2026), "2026-03-31", 1},
		{YearPeriod(2026), "2026-04-01", 2},
		{YearPeriod(2026), "2026-11-29", 4},
		{YearPeriod(2025), "2026-02-01", 4}, // a past year: its last quarter
		{Period{From: 2022, To: 2026}, "2026-08-08", 3},
		{YearPeriod(2026), "", 4},
	} {
		if got := DutyQuarter(c.p, c.asOf); got != c.want {
			t.Errorf("DutyQuarter(%v, %q) = %d, want %d", c.p, c.asOf, got, c.want)
		}
	}
}

func TestDutyFigures(t *testing.T) {
	c := ContactTally{Rows: []ContactRow{{Category: CatVeteran, Key: 3, Quarter: 1, Year: 2, Home: 1}},
		Total: ContactRow{Key: 8, Quarter: 7, Year: 8, Home: 5}}
	if r, ok := c.Row(CatVeteran); !ok || r.NotContacted() != 2 || r.Permille() != 333 {
		t.Errorf("row %+v", r)
	}
	if _, ok := c.Row(CatMartyrFamily); ok {
		t.Error("a row of a category without 重点对象")
	}
	if v, ok := c.Total.Get(MNotContacted); !ok || v != 1 || c.Total.Permille() != 875 {
		t.Errorf("total %+v", c.Total)
	}
	p := PlaqueTally{Households: 20, Hung: 17, Pending: 2, Replace: 1}
	if v, _ := p.Get(MPending); v != 2 || p.Permille() != 850 {
		t.Errorf("plaques %+v", p)
	}
	cf := ConfirmTally{Year: 2026, ToConfirm: 9, Confirmed: 8}
	if v, _ := cf.Get(MUnconfirmed); v != 1 || FormatPermille(cf.Permille()) != "88.9%" {
		t.Errorf("confirmations %+v", cf)
	}
	for _, m := range append(append(append([]Measure{}, ContactMeasures...), PlaqueMeasures...), ConfirmMeasures...) {
		if Measures.Label(string(m), Zh) == string(m) {
			t.Errorf("measure %s has no label", m)
		}
	}
}
