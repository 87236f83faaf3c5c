package model

import (
	"strconv"
	"strings"
	"time"
)

// Dates are stored as ISO text: "2026-11-29", or "2026-11" where only the month is known
// (enlistment and discharge often are). ISO text sorts and compares as dates do.

// isoDate formats t's calendar date (in t's own location) as ISO.
func isoDate(t time.Time) string { return t.Format("2006-01-02") }

// realDate reports whether iso is "YYYY-MM-DD" naming a day that exists.
func realDate(iso string) bool {
	y, m, d, ok := splitISO(iso)
	if !ok || d == 0 {
		return false
	}
	return validYMD(y, m, d)
}

func validYMD(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	t := time.Date(y, time.Month(m), d, 12, 0, 0, 0, time.UTC)
	return t.Year() == y && int(t.Month()) == m && t.Day() == d
}

// splitISO reads "YYYY-MM-DD" (d > 0) or "YYYY-MM" (d == 0). It checks the shape only.
func splitISO(iso string) (y, m, d int, ok bool) {
	switch len(iso) {
	case 10:
		if iso[7] != '-' || !allDigits(iso[8:10]) {
			return 0, 0, 0, false
		}
		d = atoiDigits(iso[8:10])
		if d == 0 {
			return 0, 0, 0, false
		}
		fallthrough
	case 7:
		if iso[4] != '-' || !allDigits(iso[:4]) || !allDigits(iso[5:7]) {
			return 0, 0, 0, false
		}
		return atoiDigits(iso[:4]), atoiDigits(iso[5:7]), d, true
	}
	return 0, 0, 0, false
}

// atoiDigits converts a short string of ASCII digits already checked by allDigits.
func atoiDigits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func pad4(n int) string {
	s := strconv.Itoa(n)
	for len(s) < 4 {
		s = "0" + s
	}
	return s
}

// minYear is the earliest year of any date in the ledger.
const minYear = 1880

// ParseDate reads a full date as people type it — "2026-11-29", "2026/11/29",
// "2026.11.29", "20261129", "2026-1-5", "2026年11月29日", with full-width digits and stray
// spaces — and returns it as ISO. The date must exist and its year lie in
// 1880 … today's year + 5 (events are planned ahead, nothing is planned further).
// Problems have Field "Date"; use ParseDateField for another field.
func ParseDate(s string, today time.Time) (string, error) {
	return ParseDateField("Date", s, today, false)
}

// ParseDateOrMonth is ParseDate that also accepts a year and month alone — "2026-11",
// "2026/11", "2026.11", "202611", "2026年11月" — returned as "2026-11".
func ParseDateOrMonth(s string, today time.Time) (string, error) {
	return ParseDateField("Date", s, today, true)
}

// ParseDateField is ParseDate (allowMonth false) or ParseDateOrMonth (allowMonth true)
// with its Problems about field.
func ParseDateField(field, s string, today time.Time, allowMonth bool) (string, error) {
	label, labelEn := FieldLabel(field, Zh), FieldLabel(field, En)
	s = removeSpaces(foldWidth(Sanitize(s)))
	if s == "" {
		return "", problem(field, CodeRequired, "请填写"+label, "Please enter the "+strings.ToLower(labelEn))
	}
	bad := func() error {
		if allowMonth {
			return problem(field, CodeFormat,
				label+"格式不对，请写成 2026-11-29 或 2026-11",
				labelEn+": unrecognised date; write it as 2026-11-29 or 2026-11")
		}
		return problem(field, CodeFormat,
			label+"格式不对，请写成 2026-11-29",
			labelEn+": unrecognised date; write it as 2026-11-29")
	}
	parts, ok := dateParts(s)
	if !ok {
		return "", bad()
	}
	y := atoiDigits(parts[0])
	m := atoiDigits(parts[1])
	d, hasDay := 0, len(parts) == 3
	if hasDay {
		d = atoiDigits(parts[2])
	} else if !allowMonth {
		return "", problem(field, CodeFormat,
			label+"要写到哪一天，如 2026-11-29",
			labelEn+" needs the day as well, e.g. 2026-11-29")
	}
	maxYear := today.Year() + 5
	if y < minYear || y > maxYear {
		return "", problem(field, CodeDate,
			label+"的年份 "+strconv.Itoa(y)+" 不对，应在 "+strconv.Itoa(minYear)+"–"+strconv.Itoa(maxYear)+" 之间",
			labelEn+": the year "+strconv.Itoa(y)+" is outside "+strconv.Itoa(minYear)+"–"+strconv.Itoa(maxYear))
	}
	if m < 1 || m > 12 {
		return "", problem(field, CodeDate,
			label+"的月份 "+strconv.Itoa(m)+" 不对，应为 1–12",
			labelEn+": the month "+strconv.Itoa(m)+" should be 1–12")
	}
	if !hasDay {
		return pad4(y) + "-" + pad2(m), nil
	}
	if !validYMD(y, m, d) {
		return "", problem(field, CodeDate,
			label+"不存在："+strconv.Itoa(y)+"年"+strconv.Itoa(m)+"月没有"+strconv.Itoa(d)+"日",
			labelEn+": "+strconv.Itoa(y)+"-"+pad2(m)+" has no day "+strconv.Itoa(d))
	}
	return pad4(y) + "-" + pad2(m) + "-" + pad2(d), nil
}

// dateParts splits a typed date into 2 (year, month) or 3 (year, month, day) runs of
// digits, or reports that s is not a date shape.
func dateParts(s string) ([]string, bool) {
	if allDigits(s) {
		switch len(s) {
		case 8:
			return []string{s[:4], s[4:6], s[6:]}, true
		case 6:
			return []string{s[:4], s[4:]}, true
		}
		return nil, false
	}
	if strings.Contains(s, "年") {
		// 2026年11月29日, 2026年11月, 2026年1月5号
		y, rest, _ := strings.Cut(s, "年")
		m, rest, hasM := strings.Cut(rest, "月")
		if !hasM {
			return nil, false
		}
		if rest == "" {
			return checkRuns(y, m)
		}
		d, ok := strings.CutSuffix(rest, "日")
		if !ok {
			d, ok = strings.CutSuffix(rest, "号")
		}
		if !ok {
			d = rest // 2026年11月29
		}
		return checkRuns(y, m, d)
	}
	var sep byte
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '-' || c == '/' || c == '.' {
			sep = c
			break
		}
	}
	if sep == 0 {
		return nil, false
	}
	parts := strings.Split(s, string(sep))
	if len(parts) == 3 && parts[2] == "" && sep == '.' {
		parts = parts[:2] // "2026.11." as some people write a month
	}
	return checkRuns(parts...)
}

// checkRuns accepts a 4-digit year followed by 1–2 digit month and day.
func checkRuns(parts ...string) ([]string, bool) {
	if len(parts) < 2 || len(parts) > 3 || len(parts[0]) != 4 || !allDigits(parts[0]) {
		return nil, false
	}
	for _, p := range parts[1:] {
		if len(p) < 1 || len(p) > 2 || !allDigits(p) {
			return nil, false
		}
	}
	return parts, true
}

// FormatDateZh writes an ISO date the way exported headings and official documents do
// (GB/T 9704-2012: Arabic numerals, no leading zeros): "2026-11-29" → "2026年11月29日",
// "2026-01-05" → "2026年1月5日", "2026-11" → "2026年11月". Anything else is returned as
// it is, so that a damaged value is still shown.
func FormatDateZh(iso string) string {
	y, m, d, ok := splitISO(iso)
	if !ok {
		return iso
	}
	out := strconv.Itoa(y) + "年" + strconv.Itoa(m) + "月"
	if d > 0 {
		out += strconv.Itoa(d) + "日"
	}
	return out
}

// Quarter returns the quarter (1–4) of an ISO date or month, 0 if it cannot be read.
func Quarter(iso string) int {
	_, m, _, ok := splitISO(iso)
	if !ok || m < 1 || m > 12 {
		return 0
	}
	return (m-1)/3 + 1
}

// QuarterLabel returns 第一季度…第四季度 (or Q1…Q4), "" for anything else.
func QuarterLabel(q int, lang Lang) string {
	if q < 1 || q > 4 {
		return ""
	}
	if lang == En {
		return "Q" + strconv.Itoa(q)
	}
	return "第" + [...]string{"一", "二", "三", "四"}[q-1] + "季度"
}

// MonthSpan is the months From to To (1–12) of a year: a period of a duty rule (DutySpan).
// The zero value is no span.
type MonthSpan struct{ From, To int }

// Valid reports whether the span is months of one year.
func (s MonthSpan) Valid() bool { return s.From >= 1 && s.From <= s.To && s.To <= 12 }

// Has reports whether month m (1–12) lies in the span.
func (s MonthSpan) Has(m int) bool { return s.Valid() && m >= s.From && m <= s.To }

// Whole reports whether the span is the whole year.
func (s MonthSpan) Whole() bool { return s.From == 1 && s.To == 12 }

var monthsEn = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// Label names the span wherever a figure counted over it is shown (the 统计 tab, the
// workbook, CSV and text files, the paragraph — one name, rule 1): a quarter as
// QuarterLabel (第四季度, Q4), a month 「11月」 (Nov), a half year 上半年/下半年 (H1/H2), the
// year 全年 (the year), any other span 「9至12月」 (Sep-Dec). A range is written with 至 and a
// hyphen, not a dash: the dash has an ambiguous width in terminals, and the years of a
// range are written so too (Period.Zh, Period.En). "" for no span.
func (s MonthSpan) Label(lang Lang) string {
	if !s.Valid() {
		return ""
	}
	n := s.To - s.From + 1
	switch {
	case n == 12:
		if lang == En {
			return "the year"
		}
		return "全年"
	case n == 6 && (s.From == 1 || s.From == 7):
		if lang == En {
			return [...]string{"H1", "H2"}[s.From/7]
		}
		return [...]string{"上半年", "下半年"}[s.From/7]
	case n == 3 && s.From%3 == 1:
		return QuarterLabel((s.From-1)/3+1, lang)
	case n == 1:
		if lang == En {
			return monthsEn[s.From-1]
		}
		return strconv.Itoa(s.From) + "月"
	}
	if lang == En {
		return monthsEn[s.From-1] + "-" + monthsEn[s.To-1]
	}
	return strconv.Itoa(s.From) + "至" + strconv.Itoa(s.To) + "月"
}

// DateNotAfter reports whether an ISO date is not after today — for a year-month, whether
// the month is not after today's month. It is false for anything that is not ISO, so a
// rule "must not be in the future" never passes a value it could not read.
func DateNotAfter(iso string, today time.Time) bool {
	if _, _, _, ok := splitISO(iso); !ok {
		return false
	}
	t := isoDate(today)
	return iso <= t[:len(iso)]
}
