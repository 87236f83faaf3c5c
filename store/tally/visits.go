package tally

import (
	"database/sql"
	"math/bits"
	"strconv"
	"strings"

	"shuangyong/model"
)

// Slots of the visit marks and sums: slot 0 is every visit, slot 1+b the visits counted
// under bucket b. A mark byte holds one bit per quarter (bit q−1).
func (c *computer) slots() int { return 1 + nBuckets }

// addVisit counts one visit of the year.
func (c *computer) addVisit(personID, hk int64, month int, mask uint32, money, goods int64) {
	if month < 1 || month > 12 {
		return // a date that is not ISO cannot be in the year: never stored
	}
	hk = householdKey(personID, hk)
	q := (month - 1) / 3
	bit := uint8(1) << uint(q)
	pr, hr := c.people.row(personID), c.households.row(hk)
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

// householdKey is the household a visit counts under: its snapshot (model.Visit.
// HouseholdKey), or the person alone when the snapshot is missing (0: a visit loaded in bulk
// without it), never one household of everybody without one.
func householdKey(personID, hk int64) int64 {
	if hk == 0 {
		return -personID
	}
	return hk
}

// visits makes the visits table, coverage and the visits per month.
func (c *computer) visits() error {
	stride := c.slots()
	c.people = newMarks(0, c.maxPerson, stride)
	c.households = newMarks(-c.maxPerson, c.maxHousehold, stride)
	c.cells = make([][4]sums, stride)
	done := false
	if c.packed {
		var err error
		if done, err = c.visitsPacked(); err != nil {
			return err
		}
	}
	if !done {
		if err := c.visitsRows(); err != nil {
			return err
		}
	}
	c.finishVisits()
	return nil
}

// dictionary returns the SQL that maps a visit's category text to its index in c.dict
// (63 when it is not there) and the arguments it names.
func (c *computer) dictionary() (string, []any) {
	n := min(len(c.dict), 63)
	if n == 0 {
		return "63", nil
	}
	var b strings.Builder
	args := make([]any, 0, n)
	b.WriteString("CASE categories")
	for i := 0; i < n; i++ {
		name := "c" + strconv.Itoa(i)
		b.WriteString(" WHEN @" + name + " THEN " + strconv.Itoa(i))
		args = append(args, sql.Named(name, c.dict[i]))
	}
	b.WriteString(" ELSE 63 END")
	return b.String(), args
}

// visitsPacked reads the year's visits as group_concat strings of packed integers:
// (((person·16 + month)·64 + category index)·2²² + household key + 2²¹), and
// 慰问金·2³² + 慰问品. It returns false (having counted nothing) when an amount is too big
// to pack; the row-by-row path then does the work.
func (c *computer) visitsPacked() (bool, error) {
	cat, args := c.dictionary()
	args = append(args, sql.Named("year", c.year))
	var keys, amounts, events sql.NullString
	var maxMoney, maxGoods sql.NullInt64
	err := c.tx.QueryRowContext(c.ctx, `SELECT
		group_concat(((person_id * 16 + CAST(substr(date, 6, 2) AS INTEGER)) * 64 + `+cat+`) * 4194304 + household_key + 2097152),
		group_concat(money_fen * 4294967296 + goods_value_fen), max(money_fen), max(goods_value_fen), group_concat(event_id)
		FROM visits WHERE year = @year AND deleted_at = ''`, args...).Scan(&keys, &amounts, &maxMoney, &maxGoods, &events)
	if err != nil {
		return false, err
	}
	rounds, err := countDistinct(events.String)
	if err != nil {
		return false, err
	}
	if maxMoney.Int64 >= 1<<31 || maxGoods.Int64 >= 1<<32 {
		return false, nil
	}
	masks := make([]uint32, 64)
	for i, s := range c.dict[:min(len(c.dict), 63)] {
		masks[i] = c.cats.mask(s)
	}
	var amount []int64
	if err := packedInts(amounts.String, func(v int64) { amount = append(amount, v) }); err != nil {
		return false, err
	}
	i, unknown := 0, false
	err = packedInts(keys.String, func(v int64) {
		a := amount[i]
		i++
		hk := v%4194304 - 2097152
		v /= 4194304
		ci := v % 64
		v /= 64
		if ci == 63 {
			unknown = true // read below with its category text
			return
		}
		c.addVisit(v/16, hk, int(v%16), masks[ci], a>>32, a&(1<<32-1))
	})
	if err != nil {
		return false, err
	}
	if i != len(amount) {
		return false, errMisaligned
	}
	if unknown {
		// Visits whose category text is not on the roster today (the person's categories
		// changed since, or the person is gone): read by row, with the text.
		_, args := c.dictionary()
		in := make([]string, len(args))
		for k := range args {
			in[k] = "@c" + strconv.Itoa(k)
		}
		args = append(args, sql.Named("year", c.year))
		if err := c.visitRowsWhere(" AND categories NOT IN ("+strings.Join(in, ", ")+")", args...); err != nil {
			return false, err
		}
	}
	c.t.Visits.Rounds = rounds
	return true, nil
}

// countDistinct counts the distinct values of a group_concat of ids: the rounds of visits
// are the distinct events of the year's visits (read in the same scan as the visits:
// a GROUP BY of its own cost as much again, count(DISTINCT) more).
func countDistinct(packed string) (int, error) {
	var seen bitset
	var far map[int64]bool // ids too large for a bitset: never in a ledger SQLite numbered
	n := 0
	err := packedInts(packed, func(id int64) {
		if id >= 0 && id < 1<<26 {
			if seen.add(id) {
				n++
			}
			return
		}
		if far == nil {
			far = map[int64]bool{}
		}
		if !far[id] {
			far[id] = true
			n++
		}
	})
	return n, err
}

// visitsRows reads the year's visits row by row.
func (c *computer) visitsRows() error {
	var rounds bitset
	rows, err := c.tx.QueryContext(c.ctx, `SELECT event_id FROM visits WHERE year = ? AND deleted_at = ''`, c.year)
	if err != nil {
		return err
	}
	var id int64
	for rows.Next() {
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		rounds.add(id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	c.t.Visits.Rounds = 0
	for _, w := range rounds {
		c.t.Visits.Rounds += popcount(w)
	}
	return c.visitRowsWhere("", sql.Named("year", c.year))
}

// visitRowsWhere counts the year's visits matching an extra condition, row by row.
func (c *computer) visitRowsWhere(cond string, args ...any) error {
	rows, err := c.tx.QueryContext(c.ctx, `SELECT person_id, household_key, date, categories, money_fen, goods_value_fen
		FROM visits WHERE year = @year AND deleted_at = ''`+cond, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var personID, hk, money, goods int64
	var date, cats string
	for rows.Next() {
		if err := rows.Scan(&personID, &hk, &date, &cats, &money, &goods); err != nil {
			return err
		}
		_, m := quarterOf(date)
		c.addVisit(personID, hk, m, c.cats.mask(cats), money, goods)
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
	h.Rounds = t.Visits.Rounds
	h.Visits, h.People, h.Households = t.Visits.Total.Year.Visits, t.Visits.Total.Year.People, t.Visits.Total.Year.Households
	h.MoneyFen, h.GoodsFen = t.Visits.Total.Year.MoneyFen, t.Visits.Total.Year.GoodsFen
	h.Covered = t.Visits.Coverage.Covered
}

// previousVisits makes the year before's visit headline figures.
func (c *computer) previousVisits() error {
	p := &c.t.Previous
	var people, households bitset
	var others map[int64]bool // household keys outside the dense range
	count := func(personID, hk int64) {
		hk = householdKey(personID, hk)
		if people.add(personID) {
			p.People++
			if personID >= 0 && personID <= c.maxPerson && c.roll[personID]&(flagOnRoll<<prevShift) != 0 {
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
	if c.packed {
		var keys, events sql.NullString
		err := c.tx.QueryRowContext(c.ctx, `SELECT count(*), coalesce(sum(money_fen), 0), coalesce(sum(goods_value_fen), 0),
			group_concat(person_id * 4194304 + household_key + 2097152), group_concat(event_id)
			FROM visits WHERE year = ? AND deleted_at = ''`, c.year-1).Scan(&p.Visits, &p.MoneyFen, &p.GoodsFen, &keys, &events)
		if err != nil {
			return err
		}
		if p.Rounds, err = countDistinct(events.String); err != nil {
			return err
		}
		return packedInts(keys.String, func(v int64) { count(v/4194304, v%4194304-2097152) })
	}
	rows, err := c.tx.QueryContext(c.ctx, `SELECT event_id, person_id, household_key, money_fen, goods_value_fen
		FROM visits WHERE year = ? AND deleted_at = ''`, c.year-1)
	if err != nil {
		return err
	}
	defer rows.Close()
	var rounds bitset
	var eventID, personID, hk, money, goods int64
	for rows.Next() {
		if err := rows.Scan(&eventID, &personID, &hk, &money, &goods); err != nil {
			return err
		}
		p.Visits++
		p.MoneyFen += money
		p.GoodsFen += goods
		if rounds.add(eventID) {
			p.Rounds++
		}
		count(personID, hk)
	}
	return rows.Err()
}
