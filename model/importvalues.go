package model

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// Values as they arrive from a spreadsheet someone else kept: the import reads them here
// so that a cell means what the same text typed into a form would mean, plus the shapes
// only spreadsheets produce (serial dates, numbers that lost their digits).

// CleanCell removes what a cell should never carry into the ledger — control characters
// (ESC and friends), zero-width and bidi characters, the BOM — turns line breaks (Alt+Enter
// in a cell) into spaces and trims the result. removed reports that something other than a
// line break or surrounding space was dropped, so an import can count the cells it cleaned.
func CleanCell(s string) (out string, removed bool) {
	for _, r := range s {
		if (isControl(r) && !isLineBreak(r)) || isInvisibleFormat(r) {
			removed = true
			break
		}
	}
	return trimSpace(Sanitize(s)), removed
}

// excelEpoch is day 0 of Excel's 1900 date system as it counts in practice: serial 1 is
// 1900-01-01 and Excel believes in a 1900-02-29 (serial 60), so from serial 61 on the
// days are counted from 1899-12-30.
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// ExcelSerialDate reads a cell holding a date as Excel stores it — a number of days, with
// an optional fraction for the time of day ("17607", "17607.5") — and returns the ISO
// date. Numbers from 1880 to 2100 are refused: in a date column 1948 is a year typed
// alone and 1948.03 a year and month, not days in 1905.
func ExcelSerialDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	whole, frac, _ := strings.Cut(s, ".")
	if !allDigits(whole) || (frac != "" && !allDigits(frac)) || len(whole) > 7 {
		return "", false // only plain decimals: 1e5 or 0x10 are no cell's date
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 1 || f >= 2958466 || math.IsNaN(f) { // 2958465 is 9999-12-31
		return "", false
	}
	days := math.Floor(f)
	if days >= minYear && days <= 2100 {
		return "", false // 1948, 1948.03: a year (and month), not a day in 1905
	}
	if days < 61 {
		days++ // before Excel's phantom 1900-02-29
	}
	return isoDate(excelEpoch.AddDate(0, 0, int(days))), true
}

// ParseImportDate is ParseDateField for spreadsheet cells: it also reads Excel serial
// dates and drops a midnight time some systems append ("1948-03-15 00:00:00").
func ParseImportDate(field, s string, today time.Time, allowMonth bool) (string, error) {
	s = trimSpace(foldWidth(Sanitize(s)))
	if d, t, ok := strings.Cut(s, " "); ok && isMidnight(trimSpace(t)) {
		s = d
	} else if d, t, ok := strings.Cut(s, "T"); ok && isMidnight(t) {
		s = d
	}
	if iso, ok := ExcelSerialDate(s); ok {
		// Re-read the ISO text so that the range of years is checked as for typed dates.
		return ParseDateField(field, iso, today, allowMonth)
	}
	return ParseDateField(field, s, today, allowMonth)
}

func isMidnight(t string) bool {
	switch t {
	case "00:00", "00:00:00", "0:00", "0:00:00", "00:00:00.000", "00:00:00Z":
		return true
	}
	return false
}

// ParseSex reads 男/女, 男性/女性, M/F and Male/Female (any letter case).
func ParseSex(s string) (string, bool) {
	s = trimSpace(foldWidth(s))
	switch strings.ToLower(s) {
	case "男", "男性", "m", "male":
		return "M", true
	case "女", "女性", "f", "female":
		return "F", true
	}
	return "", false
}

// ParseYesNo reads the ways a roster answers yes or no: 是/否, 有/无, √/×, Y/N, 1/0.
func ParseYesNo(s string) (value, ok bool) {
	s = trimSpace(foldWidth(s))
	switch strings.ToLower(s) {
	case "是", "有", "√", "✓", "✔", "y", "yes", "1", "true", "已悬挂", "已办理", "已办", "已发":
		return true, true
	case "否", "无", "没有", "×", "✗", "n", "no", "0", "false", "未悬挂", "未办理", "未办":
		return false, true
	}
	return false, false
}

// ParseImportGrade reads a disability grade written 一级, 1级, 1, "1.0" (a numeric cell),
// 伤残一级 or 六级伤残.
func ParseImportGrade(s string) (int, bool) {
	s = removeSpaces(foldWidth(s))
	s = strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(s, "伤残"), "残疾"), "伤残")
	if g, ok := ParseGrade(s); ok {
		return g, true
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && f == math.Trunc(f) && f >= 1 && f <= 10 {
		return int(f), true
	}
	return 0, false
}

// isCategorySeparator separates several categories written in one cell.
func isCategorySeparator(r rune) bool {
	switch r {
	case '、', '，', ',', ';', '；', '/', '／', '|', '+', '＋':
		return true
	}
	return isSpace(r) || isLineBreak(r)
}

// ParseImportCategories reads one cell of categories: several separated by 、，,;/ or
// spaces, each a label, an alias, a short label or a group word (三属, 两参人员 = 参战 +
// 参试). It returns the codes without duplicates, in the order given, and the words it
// did not recognise. A label that itself contains a slash (红军老战士/红军失散人员) is tried
// whole before the cell is split.
func ParseImportCategories(s string) (codes, unknown []string) {
	s = trimSpace(foldWidth(Sanitize(s)))
	if s == "" {
		return nil, nil
	}
	seen := map[string]bool{}
	add := func(cs []string) {
		for _, c := range cs {
			if !seen[c] {
				seen[c] = true
				codes = append(codes, c)
			}
		}
	}
	if cs := CategoriesOfWord(s); cs != nil {
		add(cs)
		return codes, nil
	}
	for _, w := range strings.FieldsFunc(s, isCategorySeparator) {
		if cs := CategoriesOfWord(w); cs != nil {
			add(cs)
		} else if cs := CategoriesOfWord(strings.TrimSuffix(w, "人员")); cs != nil && strings.HasSuffix(w, "人员") {
			add(cs)
		} else {
			unknown = append(unknown, w)
		}
	}
	return codes, unknown
}

// ExcelDamagedID reports an ID number that a spreadsheet stored as a number: Excel's
// E-notation (1.10101E+17), or the long digit string a float64 prints as (the digits
// after the 15th–17th significant one are invented by the float, so the check digit
// fails). Such a number can never be repaired: it must be typed again from the card.
// Call it for numbers that failed ParseIDNumber, to give the right reason.
func ExcelDamagedID(s string) bool {
	s = removeSpaces(foldWidth(Sanitize(s)))
	if looksLikeENotation(s) {
		return true
	}
	if len(s) < 16 || len(s) > 20 || !allDigits(s) {
		return false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 1<<53 {
		return false
	}
	return strconv.FormatFloat(f, 'f', -1, 64) == s
}

// ExcelDamagedIDProblem is the message about such a number.
func ExcelDamagedIDProblem(s string) Problem {
	s = Sanitize(s)
	return idProblem(CodeExcel,
		"身份证号在表格中被存成了数字（"+s+"），后几位已丢失，请按原件重新录入，并把这一列设为“文本”",
		"The ID number was stored as a number in the spreadsheet ("+s+"); its last digits are lost. Please type it again from the card and format the column as text")
}
