package model

import (
	"strings"
	"testing"
)

func TestSummaryDuties(t *testing.T) {
	withDuties := func(p Period) Tally {
		t := pian2()
		t.Year, t.ToYear = p.From, p.To
		t.Contacts = ContactTally{Year: p.To, Span: MonthSpan{10, 12}, Total: ContactRow{Key: 2933, Current: 2921, Year: 2933, Home: 2810}}
		t.Plaques = PlaqueTally{Households: 1200, Hung: 1105, Pending: 80, Replace: 12, Retired: 3}
		t.Confirmations = ConfirmTally{Year: p.To, ToConfirm: 2000, Confirmed: 1803}
		return t
	}
	year := SummaryDraft(withDuties(YearPeriod(2026)), Zh)
	for _, want := range []string{"重点优抚对象2933人，第四季度常态化联系完成率99.6%，全年入户走访2810人",
		"已为1105户军属家庭悬挂光荣牌，尚有80户待悬挂、12户待更换", "完成2026年度确认1803人，确认率90.2%。"} {
		if !strings.Contains(year, want) {
			t.Errorf("lacks %q:\n%s", want, year)
		}
	}
	if r := SummaryDraft(withDuties(Period{From: 2022, To: 2026}), Zh); !strings.Contains(r, "2026年第四季度常态化联系完成率") || !strings.Contains(r, "2026年入户走访") {
		t.Errorf("a range names its last year:\n%s", r)
	}
	if en := SummaryDraft(withDuties(YearPeriod(2026)), En); !strings.Contains(en, "99.6% of the 2933 key people were contacted in Q4 2026") ||
		!strings.Contains(en, "1803 of 2000 recipients were confirmed for 2026") {
		t.Errorf("English: %s", en)
	}

	// Under another rule the paragraph names that rule's period, as the table heads it.
	for _, c := range []struct {
		span   MonthSpan
		zh, en string
	}{
		{MonthSpan{11, 11}, "，11月常态化联系完成率99.6%", "were contacted in Nov 2026"},
		{MonthSpan{7, 12}, "，下半年常态化联系完成率99.6%", "were contacted in H2 2026"},
		{MonthSpan{9, 12}, "，9至12月常态化联系完成率99.6%", "were contacted in Sep-Dec 2026"},
		{MonthSpan{1, 12}, "，全年常态化联系完成率99.6%", "were contacted in 2026 and"},
	} {
		tl := withDuties(YearPeriod(2026))
		tl.Contacts.Span = c.span
		if zh, en := SummaryDraft(tl, Zh), SummaryDraft(tl, En); !strings.Contains(zh, c.zh) || !strings.Contains(en, c.en) || strings.Contains(zh, "季度") {
			t.Errorf("%v:\n%s\n%s", c.span, zh, en)
		}
	}

	// Nothing said about what did not happen.
	quiet := withDuties(YearPeriod(2026))
	quiet.Contacts.Total.Home = 0
	quiet.Plaques = PlaqueTally{Households: 40, Hung: 40}
	quiet.Confirmations.Confirmed = 0
	q := SummaryDraft(quiet, Zh)
	for _, absent := range []string{"入户走访2", "待悬挂", "年度确认"} {
		if strings.Contains(q, absent) {
			t.Errorf("says %q:\n%s", absent, q)
		}
	}
	none := pian2()
	if s := SummaryDraft(none, Zh); strings.Contains(s, "光荣牌") || strings.Contains(s, "常态化") || strings.Contains(s, "确认") {
		t.Errorf("duties without figures: %s", s)
	}
	missing := withDuties(YearPeriod(2026))
	missing.Plaques = PlaqueTally{Households: 10, Pending: 10}
	if s := SummaryDraft(missing, Zh); !strings.Contains(s, "军属家庭光荣牌10户待悬挂") {
		t.Errorf("none hung: %s", s)
	}
}
