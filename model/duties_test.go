package model

import "testing"

func TestRulePeriod(t *testing.T) {
	for _, c := range []struct {
		date       string
		months     int
		start, end string
	}{
		{"2026-03-31", 3, "2026-01-01", "2026-03-31"},
		{"2026-04-01", 3, "2026-04-01", "2026-06-30"},
		{"2026-11-29", 12, "2026-01-01", "2026-12-31"},
		{"2024-02-10", 1, "2024-02-01", "2024-02-29"},
		{"2026-07-01", 6, "2026-07-01", "2026-12-31"},
		{"2026-07-01", 0, "", ""},
		{"2026-07-01", 5, "", ""},
	} {
		s, e := RulePeriod(c.date, c.months)
		if s != c.start || e != c.end {
			t.Errorf("RulePeriod(%s, %d) = %s %s, want %s %s", c.date, c.months, s, e, c.start, c.end)
		}
	}
}

func TestDueOf(t *testing.T) {
	for _, c := range []struct {
		last, reg, asOf string
		months          int
		due             bool
		days            int
	}{
		// A contact on 03-31 covers Q1 only: due in Q2, not overdue until 06-30.
		{"2026-03-31", "2020-01-01", "2026-04-01", 3, true, -90},
		{"2026-04-01", "2020-01-01", "2026-04-01", 3, false, 0},
		// Q2 missed: overdue from 06-30.
		{"2026-03-31", "2020-01-01", "2026-07-02", 3, true, 2},
		// Never contacted: from the end of the registration quarter (2026-01-01's: 03-31).
		{"", "2026-01-01", "2026-05-01", 3, true, 31},
		// Registered in the current quarter: not overdue.
		{"", "2026-04-15", "2026-05-01", 3, true, -60},
		// No registration date: overdue since the previous period ended.
		{"", "", "2026-05-01", 3, true, 31},
		// A yearly home visit.
		{"2025-06-01", "2020-01-01", "2026-11-29", 12, true, -32},
		{"2024-06-01", "2020-01-01", "2026-11-29", 12, true, 333},
		{"2026-01-02", "", "2026-11-29", 12, false, 0},
		// No rule.
		{"", "", "2026-11-29", 0, false, 0},
	} {
		due, days := DueOf(c.last, c.reg, c.months, c.asOf)
		if due != c.due || days != c.days {
			t.Errorf("DueOf(%q, %q, %d, %s) = %v %d, want %v %d", c.last, c.reg, c.months, c.asOf, due, days, c.due, c.days)
		}
	}
}

func TestDutySettingsValidateAndIsKey(t *testing.T) {
	d := DefaultDutySettings()
	if ps := d.Validate(); !ps.OK() {
		t.Fatal(ps)
	}
	bad := DutySettings{KeyCategories: []string{"x"}, KeyMaxGrade: 11, KeyAssistance: []string{"none"}, Key: DutyRule{ContactMonths: 5}}
	ps := bad.Validate()
	fields := map[string]bool{}
	for _, p := range ps.Errors {
		fields[p.Field] = true
		if p.Zh == "" {
			t.Errorf("no Chinese message: %+v", p)
		}
	}
	for _, f := range []string{"KeyCategories", "KeyMaxGrade", "KeyAssistance", "Key.ContactMonths"} {
		if !fields[f] {
			t.Errorf("no problem at %s: %v", f, ps.Errors)
		}
	}
	d.KeyCategories, d.KeyMaxGrade, d.KeyLivesAlone, d.KeyAssistance = []string{CatMartyrFamily}, 4, true, []string{"tekun"}
	for _, c := range []struct {
		p   Person
		key bool
	}{
		{Person{SubsidyStatus: SubsidyReceiving}, true},
		{Person{SubsidyStatus: SubsidyReceiving, KeyMark: KeyNo}, false},
		{Person{KeyMark: KeyYes}, true},
		{Person{Categories: []string{CatMartyrFamily}}, true},
		{Person{Categories: []string{CatDisabledSoldier}, DisabilityGrade: 4}, true},
		{Person{Categories: []string{CatDisabledSoldier}, DisabilityGrade: 5}, false},
		{Person{LivesAlone: true}, true},
		{Person{Assistance: "tekun"}, true},
		{Person{Assistance: "dibao"}, false},
		{Person{Categories: []string{CatVeteran}}, false},
	} {
		if got := d.IsKey(&c.p); got != c.key {
			t.Errorf("IsKey(%+v) = %v", c.p, got)
		}
	}
}
