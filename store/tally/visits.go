package tally

import (
	"context"
	"database/sql"
	"encoding/json"
	"math/bits"
	"strconv"
	"strings"

	"shuangyong/model"
)

// Slots of the visit marks and sums: slot 0 is every visit, slot 1+b the visits counted
// under bucket b. A mark byte holds one bit per quarter (bit q−1).
func (c *computer) slots() int { return 1 + nBuckets }

// addVisit counts one visit of the period, under its person as the person is now (rule 4);
// a visit of a person in the trash counts nowhere (rule 7).
func (c *computer) addVisit(personID int64, month int, money, goods int64) {
	if month < 1 || month > 12 || personID < 0 || personID > c.maxPerson {
		return // a date that is not ISO cannot be in the period: never stored
	}
	mask := c.personCt[personID]
	if mask == 0 {
		return // trashed
	}
	q := (month - 1) / 3
	bit := uint8(1) << uint(q)
	pr, hr := c.people.row(personID), c.households.row(c.household[personID])
	pr[0] |= bit
	hr[0] |= bit
	cell := &c.cells[0][q]
	cell.visits++
	cell.money += money
	cell.goods += goods
	for m := mask; m != 0; m &= m - 1 {
		b := 1 + bits.TrailingZeros32(m)
		pr[b] |= bit
		hr[b] |= bit
		cell := &c.cells[b][q]
		cell.visits++
		cell.money += money
		cell.goods += goods
	}
	c.t.Months[month-1].Visits++
}

// visits makes the visits table, coverage and the visits per month, from the visits read
// by readVisits when there are (the packed path), row by row otherwise.
func (c *computer) visits() error {
	stride := c.slots()
	c.people = newMarks(0, c.maxPerson, stride)
	c.households = newMarks(-c.maxPerson, c.maxHousehold, stride)
	c.cells = make([][4]sums, stride)
	c.contact = make([]uint16, c.maxPerson+1)
	if c.read != nil {
		if err := c.read.earlier.each(func(personID int64, month int, _ bool, money, goods int64) {
			c.addVisit(personID, month, money, goods)
		}); err != nil {
			return err
		}
		if err := c.read.period.each(func(personID int64, month int, home bool, money, goods int64) {
			c.addVisit(personID, month, money, goods)
			c.contactVisit(personID, month, home)
		}); err != nil {
			return err
		}
	} else if err := c.visitsRows(); err != nil {
		return err
	}
	c.finishVisits()
	return nil
}

// visitKeySQL is a visit packed into one integer: (((person·16 + month)·2 + home)·2¹⁸ +
// 慰问金 in 元)·2¹⁸ + 慰问品 in 元, home being 1 for a home visit (入户: the duty tables count
// them). Amounts are whole 元 below 2¹⁸ (¥262 144) nearly always; a visit whose are not is
// its negated id instead, and is read by id. A year's visits are handed over as one
// group_concat of it: one aggregate step per row, which is what a row costs.
const visitKeySQL = `CASE WHEN money_fen % 100 = 0 AND goods_value_fen % 100 = 0 AND money_fen < 26214400 AND goods_value_fen < 26214400
		THEN (((person_id * 16 + CAST(substr(date, 6, 2) AS INTEGER)) * 2 + (mode = 'home')) * 262144 + money_fen / 100) * 262144 + goods_value_fen / 100
		ELSE -id END`

// visitKeyPlainSQL is visitKeySQL without the home bit, for a schema without visits_tally:
// visits_year holds every other column it reads (not the mode), so the scan stays on it,
// and the home visits are read apart (readHome).
var visitKeyPlainSQL = strings.Replace(visitKeySQL, "(mode = 'home')", "0", 1)

// visitYearSQL is the visits' year column written out (its definition as a generated
// column).
const visitYearSQL = `CAST(substr(date, 1, 4) AS INTEGER)`

// The index visits_tally, where the schema has it, holds each live visit's key by year:
//
//	CREATE INDEX visits_tally ON visits(CAST(substr(date, 1, 4) AS INTEGER), (<visitKeySQL>)) WHERE deleted_at = ''
//
// The scan then reads the keys from the index instead of computing them row by row (57
// instead of 157 ms for a county's year). Its first column is the year's expression, not
// the year column: an index on the column would look to the planner like the cheapest
// way to every other query of the year's visits (it cannot tell that visits_year covers
// them), which would then read the table. The planner uses indexed expressions only where
// the query writes them the same, so the scan names the year by the expression when the
// index is there, and by the column (the visits_year index) when it is not.
const tallyIndex = "visits_tally"

// visitKeys are the visits of some years as readVisitKeys reads them.
type visitKeys struct {
	keys []int64    // visitKeySQL of each visit (parsed where it was read: see run)
	odd  []oddVisit // the visits whose amounts do not pack
	home bool       // the keys say which visits are home visits (visitKeySQL, not visitKeyPlainSQL)
}

type oddVisit struct {
	person      int64
	month       int
	home        bool
	money, good int64
}

// readVisitKeys reads the visits of years y1 to y2 (not in the trash; their people may be),
// from visits_tally when indexed says the schema has it.
func readVisitKeys(ctx context.Context, tx *sql.Tx, y1, y2 int, indexed bool) (visitKeys, error) {
	k := visitKeys{home: indexed}
	var keys sql.NullString
	year, key := "year", visitKeyPlainSQL
	if indexed {
		year, key = visitYearSQL, visitKeySQL
	}
	if err := tx.QueryRowContext(ctx, `SELECT group_concat(`+key+`) FROM visits WHERE `+year+` BETWEEN @y1 AND @y2 AND deleted_at = ''`,
		sql.Named("y1", y1), sql.Named("y2", y2)).Scan(&keys); err != nil {
		return k, err
	}
	var odd []int64
	k.keys = make([]int64, 0, strings.Count(keys.String, ",")+1)
	if err := packedInts(keys.String, func(v int64) {
		k.keys = append(k.keys, v)
		if v < 0 {
			odd = append(odd, -v)
		}
	}); err != nil || len(odd) == 0 {
		return k, err
	}
	// The few visits with amounts in 分 or very large, by id.
	b, _ := json.Marshal(odd)
	rows, err := tx.QueryContext(ctx, `SELECT person_id, date, mode = 'home', money_fen, goods_value_fen FROM visits
		WHERE id IN (SELECT value FROM json_each(?))`, string(b))
	if err != nil {
		return k, err
	}
	defer rows.Close()
	for rows.Next() {
		var v oddVisit
		var date string
		if err := rows.Scan(&v.person, &date, &v.home, &v.money, &v.good); err != nil {
			return k, err
		}
		_, v.month = quarterOf(date)
		k.odd = append(k.odd, v)
	}
	return k, rows.Err()
}

// each calls fn with every visit: person, month, whether a home visit (false for all when
// the keys do not say: k.home), 慰问金 and 慰问品 in 分.
func (k *visitKeys) each(fn func(personID int64, month int, home bool, money, goods int64)) error {
	for _, v := range k.keys {
		if v < 0 {
			continue // in odd
		}
		goods := v % 262144
		v /= 262144
		money := v % 262144
		v /= 262144
		home := v%2 == 1
		v /= 2
		fn(v/16, int(v%16), home, money*100, goods*100)
	}
	for _, v := range k.odd {
		fn(v.person, v.month, v.home && k.home, v.money, v.good)
	}
	return nil
}

// readVisits reads the visits of the period, and the year before's sums and people for a
// single year, on tx (which may be a second transaction of the same snapshot: run).
func (c *computer) readVisits(tx *sql.Tx) (*visitsRead, error) {
	var r visitsRead
	var err error
	// A range's last year apart: the duties count its contacts (duties.go).
	if !c.period.Single() {
		if r.earlier, err = readVisitKeys(c.ctx, tx, c.period.From, c.period.To-1, c.keyIndex); err != nil {
			return nil, err
		}
	}
	if r.period, err = readVisitKeys(c.ctx, tx, c.period.To, c.period.To, c.keyIndex); err != nil {
		return nil, err
	}
	if c.period.Single() {
		// The year before's headline: its sums in SQL and its people as one string (four
		// aggregate steps a row, against the key's computation when visits_tally is
		// missing). People in the trash are left out afterwards (previousVisits).
		b := &r.before
		var people sql.NullString
		if err := tx.QueryRowContext(c.ctx, `SELECT count(*), coalesce(sum(money_fen), 0), coalesce(sum(goods_value_fen), 0), group_concat(person_id)
			FROM visits WHERE year = @year AND deleted_at = ''`, sql.Named("year", c.period.From-1)).Scan(&b.visits, &b.money, &b.goods, &people); err != nil {
			return nil, err
		}
		b.people = make([]int64, 0, b.visits)
		if err := packedInts(people.String, func(v int64) { b.people = append(b.people, v) }); err != nil {
			return nil, err
		}
	}
	return &r, nil
}

// visitsRead are the visits readVisits read.
type visitsRead struct {
	period  visitKeys // the period's last year (the duty year)
	earlier visitKeys // the years of a range before it
	before  struct {
		visits       int
		money, goods int64
		people       []int64 // person_id of each visit
	}
}

// visitsRows reads the period's visits row by row.
func (c *computer) visitsRows() error {
	rows, err := c.tx.QueryContext(c.ctx, `SELECT person_id, date, mode = 'home', money_fen, goods_value_fen
		FROM visits WHERE year BETWEEN @y1 AND @y2 AND deleted_at = ''`, yearsArgs(c.period)...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var personID, money, goods int64
	var date string
	var home bool
	last := strconv.Itoa(c.period.DutyYear())
	for rows.Next() {
		if err := rows.Scan(&personID, &date, &home, &money, &goods); err != nil {
			return err
		}
		_, m := quarterOf(date)
		c.addVisit(personID, m, money, goods)
		if strings.HasPrefix(date, last) {
			c.contactVisit(personID, m, home)
		}
	}
	return rows.Err()
}

// quarterOf reads the quarter and month of an ISO date (0, 0 when unreadable).
func quarterOf(date string) (q, m int) {
	if len(date) < 7 || date[5] < '0' || date[5] > '1' || date[6] < '0' || date[6] > '9' {
		return 0, 0
	}
	m = int(date[5]-'0')*10 + int(date[6]-'0')
	if m < 1 || m > 12 {
		return 0, 0
	}
	return (m-1)/3 + 1, m
}

// finishVisits turns the marks and sums into the visits table and coverage.
func (c *computer) finishVisits() {
	t := c.t
	stride := c.slots()
	bySlot := make([]model.VisitRow, stride)
	for slot := range bySlot {
		r := &bySlot[slot]
		for q := 0; q < 4; q++ {
			f := &r.Quarters[q]
			f.Visits, f.MoneyFen, f.GoodsFen = c.cells[slot][q].visits, c.cells[slot][q].money, c.cells[slot][q].goods
			r.Year.Visits += f.Visits
			r.Year.MoneyFen += f.MoneyFen
			r.Year.GoodsFen += f.GoodsFen
		}
	}
	count := func(mk *marks, set func(r *model.VisitFigures, n int)) {
		byQ := make([][5]int, stride)
		mk.each(func(row []uint8) {
			for slot, bits := range row {
				if bits == 0 {
					continue
				}
				byQ[slot][4]++
				for q := 0; q < 4; q++ {
					if bits&(1<<uint(q)) != 0 {
						byQ[slot][q]++
					}
				}
			}
		})
		for slot := range bySlot {
			for q := 0; q < 4; q++ {
				set(&bySlot[slot].Quarters[q], byQ[slot][q])
			}
			set(&bySlot[slot].Year, byQ[slot][4])
		}
	}
	count(c.people, func(r *model.VisitFigures, n int) { r.People = n })
	count(c.households, func(r *model.VisitFigures, n int) { r.Households = n })

	// Coverage: people on the roll at the end of the year, visited during it.
	onRoll := make([]int, nBuckets)
	covered := make([]int, nBuckets)
	for id := int64(0); id <= c.maxPerson; id++ {
		if c.roll[id]&flagOnRoll == 0 {
			continue
		}
		pr := c.people.get(id)
		seen := pr != nil && pr[0] != 0
		t.Visits.Coverage.OnRoll++
		if seen {
			t.Visits.Coverage.Covered++
		}
		m := c.personCt[id]
		for b := 0; b < nBuckets; b++ {
			if m&(1<<uint(b)) != 0 {
				onRoll[b]++
				if seen {
					covered[b]++
				}
			}
		}
	}
	t.Visits.Total = bySlot[0]
	t.Visits.Total.OnRoll, t.Visits.Total.Covered = t.Visits.Coverage.OnRoll, t.Visits.Coverage.Covered
	for b := 0; b < nBuckets; b++ {
		r := bySlot[1+b]
		if r.Year.Visits == 0 && onRoll[b] == 0 {
			continue
		}
		r.Category, r.OnRoll, r.Covered = bucketCode(b), onRoll[b], covered[b]
		t.Visits.Rows = append(t.Visits.Rows, r)
	}
	h := &t.Headline
	h.Visits, h.People, h.Households = t.Visits.Total.Year.Visits, t.Visits.Total.Year.People, t.Visits.Total.Year.Households
	h.MoneyFen, h.GoodsFen = t.Visits.Total.Year.MoneyFen, t.Visits.Total.Year.GoodsFen
	h.Covered = t.Visits.Coverage.Covered
}

// previousVisits makes the year before's visit headline figures (not for a range: its
// comparison would cost as much again as the range). Its rounds are counted with its
// events (events).
func (c *computer) previousVisits() error {
	if !c.period.Single() {
		return nil
	}
	p := &c.t.Previous
	var people, households bitset
	var others map[int64]bool // household keys outside the dense range
	count := func(personID int64, money, goods int64) {
		if personID < 0 || personID > c.maxPerson || c.personCt[personID] == 0 {
			return // trashed (rule 7)
		}
		p.Visits++
		p.MoneyFen += money
		p.GoodsFen += goods
		hk := c.household[personID]
		if people.add(personID) {
			p.People++
			if c.roll[personID]&(flagOnRoll<<prevShift) != 0 {
				p.Covered++
			}
		}
		if k := hk + c.maxPerson; k >= 0 {
			if households.add(k) {
				p.Households++
			}
		} else {
			if others == nil {
				others = map[int64]bool{}
			}
			if !others[hk] {
				others[hk] = true
				p.Households++
			}
		}
	}
	if c.read != nil {
		b := &c.read.before
		for _, id := range b.people {
			count(id, 0, 0)
		}
		n := len(b.people)
		// The sums are the year's less those of the people in the trash (rule 7): found
		// as the ids up to max(id) the people pass did not see (rows are never deleted),
		// and their visits by person — few, where leaving them out of the year's scan
		// would test every visit.
		var trashed []int64
		for id := int64(1); id <= c.maxPerson; id++ {
			if c.personCt[id] == 0 {
				trashed = append(trashed, id)
			}
		}
		var tv int
		var tm, tg int64
		if len(trashed) > 0 {
			ids, _ := json.Marshal(trashed)
			if err := c.tx.QueryRowContext(c.ctx, `SELECT count(*), coalesce(sum(money_fen), 0), coalesce(sum(goods_value_fen), 0)
				FROM visits INDEXED BY visits_person WHERE person_id IN (SELECT value FROM json_each(@trashed)) AND year = @year AND deleted_at = ''`,
				sql.Named("trashed", string(ids)), sql.Named("year", c.period.From-1)).Scan(&tv, &tm, &tg); err != nil {
				return err
			}
		}
		if n != b.visits || p.Visits != b.visits-tv {
			return errMisaligned
		}
		p.MoneyFen, p.GoodsFen = b.money-tm, b.goods-tg
		return nil
	}
	year := c.period.From - 1
	rows, err := c.tx.QueryContext(c.ctx, `SELECT person_id, money_fen, goods_value_fen
		FROM visits WHERE year = ? AND deleted_at = ''`, year)
	if err != nil {
		return err
	}
	defer rows.Close()
	var personID, money, goods int64
	for rows.Next() {
		if err := rows.Scan(&personID, &money, &goods); err != nil {
			return err
		}
		count(personID, money, goods)
	}
	return rows.Err()
}
