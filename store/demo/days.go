package demo

import (
	"math/rand/v2"
	"strconv"
)

// Dates are handled as day numbers (days since 0000-03-01, proleptic Gregorian, so every
// real date is positive and 0 can mean "no date") while
// generating: a million visits need date arithmetic and ISO text, and day numbers with a
// precomputed table of ISO strings cost nothing per row, unlike time.Time and Format.

// dayOf returns the day number of a civil date; out-of-range months and days roll over
// (daysFromCivil(2025, 2, 29) is 2025-03-01), which birth-date arithmetic relies on.
func dayOf(y, m, d int) int {
	// Howard Hinnant's days_from_civil, with month normalised first.
	y += (m - 1) / 12
	m = (m-1)%12 + 1
	if m <= 0 {
		m += 12
		y--
	}
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era = (y - 399) / 400
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe
}

// civil returns the year, month and day of a day number.
func civil(z int) (y, m, d int) {
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era = (z - 146096) / 146097
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if mp >= 10 {
		m = mp - 9
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

// calendar holds the ISO text of every day from 1900 to a little after Today, so that
// writing a date is a slice lookup.
type calendar struct {
	first int
	iso   []string
}

func newCalendar(first, last int) *calendar {
	c := &calendar{first: first, iso: make([]string, last-first+1)}
	for z := first; z <= last; z++ {
		y, m, d := civil(z)
		c.iso[z-first] = pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
	}
	return c
}

// ISO returns the date as "2026-11-29"; 0 (no date) gives "".
func (c *calendar) ISO(z int) string {
	if z == 0 {
		return ""
	}
	return c.iso[z-c.first]
}

// month returns the date as "2026-11", the way enlistment and discharge are often known.
func (c *calendar) month(z int) string { return c.ISO(z)[:7] }

func pad(n, width int) string {
	s := strconv.Itoa(n)
	for len(s) < width {
		s = "0" + s
	}
	return s
}

// springFestival is the date of 春节 (lunar new year) by year: the 春节 visiting campaign
// runs in the three weeks before it. Years outside the table fall back to 1 February.
var springFestival = map[int][2]int{
	2000: {2, 5}, 2001: {1, 24}, 2002: {2, 12}, 2003: {2, 1}, 2004: {1, 22}, 2005: {2, 9},
	2006: {1, 29}, 2007: {2, 18}, 2008: {2, 7}, 2009: {1, 26}, 2010: {2, 14}, 2011: {2, 3},
	2012: {1, 23}, 2013: {2, 10}, 2014: {1, 31}, 2015: {2, 19}, 2016: {2, 8}, 2017: {1, 28},
	2018: {2, 16}, 2019: {2, 5}, 2020: {1, 25}, 2021: {2, 12}, 2022: {2, 1}, 2023: {1, 22},
	2024: {2, 10}, 2025: {1, 29}, 2026: {2, 17}, 2027: {2, 6}, 2028: {1, 26}, 2029: {2, 13},
	2030: {2, 3}, 2031: {1, 23}, 2032: {2, 11}, 2033: {1, 31}, 2034: {2, 19}, 2035: {2, 8},
}

// midAutumn is the date of 中秋; 重阳 follows about 23 days later.
var midAutumn = map[int][2]int{
	2000: {9, 12}, 2001: {10, 1}, 2002: {9, 21}, 2003: {9, 11}, 2004: {9, 28}, 2005: {9, 18},
	2006: {10, 6}, 2007: {9, 25}, 2008: {9, 14}, 2009: {10, 3}, 2010: {9, 22}, 2011: {9, 12},
	2012: {9, 30}, 2013: {9, 19}, 2014: {9, 8}, 2015: {9, 27}, 2016: {9, 15}, 2017: {10, 4},
	2018: {9, 24}, 2019: {9, 13}, 2020: {10, 1}, 2021: {9, 21}, 2022: {9, 10}, 2023: {9, 29},
	2024: {9, 17}, 2025: {10, 6}, 2026: {9, 25}, 2027: {9, 15}, 2028: {10, 3}, 2029: {9, 22},
	2030: {9, 12},
}

func springFestivalDay(y int) int {
	if md, ok := springFestival[y]; ok {
		return dayOf(y, md[0], md[1])
	}
	return dayOf(y, 2, 1)
}

func midAutumnDay(y int) int {
	if md, ok := midAutumn[y]; ok {
		return dayOf(y, md[0], md[1])
	}
	return dayOf(y, 9, 20)
}

// between returns a day drawn uniformly from [a, b]; b < a gives a.
func between(r *rand.Rand, a, b int) int {
	if b <= a {
		return a
	}
	return a + r.IntN(b-a+1)
}

// stamp is a created_at/updated_at value: the day at an office hour, never after the
// moment the data ends (Today), so nothing looks written in the future.
func (g *gen) stamp(z int) string {
	if z > g.today {
		z = g.today
	}
	sec := 8*3600 + 30*60 + g.r.IntN(9*3600) // 08:30 … 17:30
	if z == g.today && sec > g.todaySec {
		sec = g.todaySec
	}
	return g.cal.ISO(z) + " " + pad(sec/3600, 2) + ":" + pad(sec/60%60, 2) + ":" + pad(sec%60, 2)
}
