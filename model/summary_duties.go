package model

import (
	"strconv"
	"strings"
)

// The paragraph's sentence on the recurring duties (tally_duties.go), in the register of
// the county's notices: 「重点优抚对象N人，第四季度常态化联系完成率…%，全年入户走访…人；已为…户军属
// 家庭悬挂光荣牌，尚有…户待悬挂；完成2026年度确认…人，确认率…%。」 Each clause only when its
// figures say something (rule: nothing about what did not happen); the current period
// (ContactTally.Span: a quarter under the default rule, 「11月」 under a monthly one) and,
// for a range, the year are named, as the tables name them (rule 1).

func dutiesZh(t Tally) string {
	when, year := "", "全年"
	if !t.Period().Single() {
		when = strconv.Itoa(t.Period().DutyYear()) + "年"
		year = when
	}
	var parts []string
	if c := t.Contacts.Total; c.Key > 0 {
		s := "重点优抚对象" + strconv.Itoa(c.Key) + "人，" + when + t.Contacts.Span.Label(Zh) +
			"常态化联系完成率" + FormatPermille(c.Permille())
		if c.Home > 0 {
			s += "，" + year + "入户走访" + strconv.Itoa(c.Home) + "人"
		}
		parts = append(parts, s)
	}
	if p := t.Plaques; p.Households > 0 {
		var s []string
		if p.Hung > 0 {
			s = append(s, "已为"+strconv.Itoa(p.Hung)+"户军属家庭悬挂光荣牌")
		}
		var todo []string
		if p.Pending > 0 {
			todo = append(todo, strconv.Itoa(p.Pending)+"户待悬挂")
		}
		if p.Replace > 0 {
			todo = append(todo, strconv.Itoa(p.Replace)+"户待更换")
		}
		if len(todo) > 0 {
			lead := "尚有"
			if p.Hung == 0 {
				lead = "军属家庭光荣牌"
			}
			s = append(s, lead+strings.Join(todo, "、"))
		}
		if len(s) > 0 {
			parts = append(parts, strings.Join(s, "，"))
		}
	}
	if c := t.Confirmations; c.Confirmed > 0 && c.ToConfirm > 0 {
		parts = append(parts, "完成"+strconv.Itoa(c.Year)+"年度确认"+strconv.Itoa(c.Confirmed)+"人，确认率"+FormatPermille(c.Permille()))
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, "；") + "。"
}

func dutiesEn(t Tally) string {
	var parts []string
	if c := t.Contacts.Total; c.Key > 0 {
		in := t.Contacts.Span.Label(En) + " " + strconv.Itoa(t.Contacts.Year) // "Q4 2026", "Nov 2026"
		if t.Contacts.Span.Whole() {
			in = strconv.Itoa(t.Contacts.Year) // not "the year 2026"
		}
		s := FormatPermille(c.Permille()) + " of the " + strconv.Itoa(c.Key) + " key people were contacted in " + in
		if c.Home > 0 {
			s += " and " + strconv.Itoa(c.Home) + " visited at home during the year"
		}
		parts = append(parts, s)
	}
	if p := t.Plaques; p.Households > 0 && (p.Hung > 0 || p.Pending > 0) {
		s := strconv.Itoa(p.Hung) + " of " + strconv.Itoa(p.Households) + " households have their honour plaque"
		if p.Pending > 0 {
			s += ", " + strconv.Itoa(p.Pending) + " still to hang"
		}
		parts = append(parts, s)
	}
	if c := t.Confirmations; c.Confirmed > 0 && c.ToConfirm > 0 {
		parts = append(parts, strconv.Itoa(c.Confirmed)+" of "+strconv.Itoa(c.ToConfirm)+" recipients were confirmed for "+strconv.Itoa(c.Year))
	}
	if len(parts) == 0 {
		return ""
	}
	s := strings.Join(parts, "; ") + "."
	return strings.ToUpper(s[:1]) + s[1:]
}
