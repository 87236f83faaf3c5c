package model

import "testing"

func TestDutySpan(t *testing.T) {
	q := func(n int) MonthSpan { return MonthSpan{From: n*3 - 2, To: n * 3} }
	for _, c := range []struct {
		p      Period
		asOf   string
		months int
		want   MonthSpan
	}{
		{YearPeriod(2026), "2026-03-31", 3, q(1)},
		{YearPeriod(2026), "2026-04-01", 3, q(2)},
		{YearPeriod(2026), "2026-11-29", 3, q(4)},
		{YearPeriod(2025), "2026-02-01", 3, q(4)}, // a past year: its last quarter
		{Period{From: 2022, To: 2026}, "2026-08-08", 3, q(3)},
		{YearPeriod(2026), "", 3, q(4)},
		// Under other rules the period is that rule's: a contact on 03-31 covers March
		// under a monthly rule, the first half under a half-yearly one.
		{YearPeriod(2026), "2026-03-31", 1, MonthSpan{3, 3}},
		{YearPeriod(2026), "2026-11-29", 1, MonthSpan{11, 11}},
		{YearPeriod(2025), "2026-11-29", 1, MonthSpan{12, 12}},
		{YearPeriod(2026), "2026-11-29", 2, MonthSpan{11, 12}},
		{YearPeriod(2026), "2026-08-31", 2, MonthSpan{7, 8}},
		{YearPeriod(2026), "2026-11-29", 4, MonthSpan{9, 12}},
		{YearPeriod(2026), "2026-04-30", 4, MonthSpan{1, 4}},
		{YearPeriod(2026), "2026-06-30", 6, MonthSpan{1, 6}},
		{YearPeriod(2026), "2026-07-01", 6, MonthSpan{7, 12}},
		{YearPeriod(2026), "2026-02-01", 12, MonthSpan{1, 12}},
		// No rule (or one the settings cannot hold): the whole year.
		{YearPeriod(2026), "2026-02-01", 0, MonthSpan{1, 12}},
		{YearPeriod(2026), "2026-02-01", 5, MonthSpan{1, 12}},
	} {
		if got := DutySpan(c.p, c.asOf, c.months); got != c.want {
			t.Errorf("DutySpan(%v, %q, %d) = %v, want %v", c.p, c.asOf, c.months, got, c.want)
		}
	}
}

// One name for each period, in both languages; no East Asian ambiguous-width character
// (the labels head columns on screen).
func TestMonthSpanLabel(t *testing.T) {
	for _, c := range []struct {
		s      MonthSpan
		zh, en string
	}{
		{MonthSpan{10, 12}, "第四季度", "Q4"},
		{MonthSpan{1, 3}, "第一季度", "Q1"},
		{MonthSpan{11, 11}, "11月", "Nov"},
		{MonthSpan{1, 1}, "1月", "Jan"},
		{MonthSpan{11, 12}, "11至12月", "Nov-Dec"},
		{MonthSpan{9, 12}, "9至12月", "Sep-Dec"},
		{MonthSpan{1, 6}, "上半年", "H1"},
		{MonthSpan{7, 12}, "下半年", "H2"},
		{MonthSpan{1, 12}, "全年", "the year"},
		{MonthSpan{2, 4}, "2至4月", "Feb-Apr"}, // not a quarter of the calendar
		{MonthSpan{}, "", ""},
		{MonthSpan{5, 13}, "", ""},
	} {
		if zh, en := c.s.Label(Zh), c.s.Label(En); zh != c.zh || en != c.en {
			t.Errorf("%v: %q, %q; want %q, %q", c.s, zh, en, c.zh, c.en)
		}
		for _, r := range c.s.Label(Zh) + c.s.Label(En) {
			if r == '—' || r == '–' || r == '~' {
				t.Errorf("%v: %q holds %q", c.s, c.s.Label(Zh)+c.s.Label(En), r)
			}
		}
	}
	if s := (MonthSpan{4, 6}); !s.Has(4) || !s.Has(6) || s.Has(3) || s.Has(7) || (MonthSpan{}).Has(1) {
		t.Error("Has")
	}
}

func TestDutyFigures(t *testing.T) {
	c := ContactTally{Rows: []ContactRow{{Category: CatVeteran, Key: 3, Current: 1, Year: 2, Home: 1}},
		Total: ContactRow{Key: 8, Current: 7, Year: 8, Home: 5}}
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
