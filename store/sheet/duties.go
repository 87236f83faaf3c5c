package sheet

import (
	"strconv"

	"shuangyong/model"
)

// The duty tables (model/tally_duties.go): 常态化联系 by category, 光荣牌 and 年度确认, each as
// at the end of the period. Their headers name the current period of the contact rule
// (model.ContactTally.Span: 「第四季度」, 「11月」, 「下半年」) and, for a range of years, the
// year they count (its last): 「第四季度已联系」, 「2023年第四季度已联系」.

// dutyWhen is the words before a duty header: "" for one year, 「2023年」 for a range.
func dutyWhen(t model.Tally) string {
	if t.Period().Single() {
		return ""
	}
	return strconv.Itoa(t.Period().DutyYear()) + "年"
}

func contactsTable(t model.Tally) *table {
	c := t.Contacts
	when, current := dutyWhen(t), c.Span.Label(model.Zh)
	year := "全年"
	if when != "" {
		year = when
	}
	// Under a yearly rule (or none) the period is the year: its 已联系 is not written twice.
	whole := c.Span.Whole()
	cols := []column{{head: hCategory}, {head: hKey, kind: kInt},
		{head: when + current + "已联系（人）", kind: kInt}, {head: when + current + "未联系（人）", kind: kInt}}
	if !whole {
		cols = append(cols, column{head: year + "已联系（人）", kind: kInt})
	}
	cols = append(cols, column{head: year + "入户走访（人）", kind: kInt}, column{head: hContactRate, kind: kRatio})
	tb := newTable("contacts", []string{noteContacts(current), noteCategories}, cols...)
	row := func(r model.ContactRow) []any {
		if whole {
			return []any{catLabel(r.Category), r.Key, r.Current, r.NotContacted(), r.Home, ratio{r.Current, r.Key}}
		}
		return []any{catLabel(r.Category), r.Key, r.Current, r.NotContacted(), r.Year, r.Home, ratio{r.Current, r.Key}}
	}
	for _, r := range c.Rows {
		tb.add(row(r)...)
	}
	tb.addTotal(row(c.Total)...)
	return tb
}

func plaquesTable(t model.Tally) *table {
	p := t.Plaques
	tb := newTable("plaques", []string{notePlaques(t.Period().End())},
		column{head: hItemRow}, column{head: hEligible, kind: kInt}, column{head: hHung, kind: kInt},
		column{head: hPending, kind: kInt}, column{head: hReplace, kind: kInt}, column{head: hRetired, kind: kInt},
		column{head: hHungRate, kind: kRatio})
	tb.addTotal(labelTotal, p.Households, p.Hung, p.Pending, p.Replace, p.Retired, ratio{p.Hung, p.Households})
	return tb
}

func confirmationsTable(t model.Tally) *table {
	c := t.Confirmations
	tb := newTable("confirmations", []string{noteConfirmations},
		column{head: hYearOf}, column{head: hToConfirm, kind: kInt}, column{head: hConfirmed, kind: kInt},
		column{head: hUnconfirmed, kind: kInt}, column{head: hConfirmRate, kind: kRatio})
	tb.addTotal(strconv.Itoa(c.Year)+"年度", c.ToConfirm, c.Confirmed, c.Outstanding(), ratio{c.Confirmed, c.ToConfirm})
	return tb
}
