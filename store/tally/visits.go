package tally

import (
	"database/sql"
	"encoding/json"
	"math/bits"

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

// visitsPacked reads the period's visits as one group_concat string, a visit an integer:
// ((person·16 + month)·2¹⁹ + 慰问金 in 元)·2¹⁹ + 慰问品 in 元 — one aggregate step per row,
// which is what a row costs in SQL. Amounts are whole 元 below 2¹⁹ (¥524 288) nearly
// always; a visit whose are not is written as its negated id instead and read by id
// afterwards. Ids beyond the packing's reach (checked by the caller) take the row path.
func (c *computer) visitsPacked() (bool, error) {
	var keys sql.NullString
	err := c.tx.QueryRowContext(c.ctx, `SELECT group_concat(CASE
		WHEN money_fen % 100 = 0 AND goods_value_fen % 100 = 0 AND money_fen < 52428800 AND goods_value_fen < 52428800
		THEN ((person_id * 16 + CAST(substr(date, 6, 2) AS INTEGER)) * 524288 + money_fen / 100) * 524288 + goods_value_fen / 100
		ELSE -id END)
		FROM visits WHERE year BETWEEN @y1 AND @y2 AND deleted_at = ''`, yearsArgs(c.period)...).Scan(&keys)
	if err != nil {
		return false, err
	}
	var odd []int64
	err = packedInts(keys.String, func(v int64) {
		if v < 0 {
			odd = append(odd, -v)
			return
		}
		goods := v % 524288
		v /= 524288
		money := v % 524288
		v /= 524288
		c.addVisit(v/16, int(v%16), money*100, goods*100)
	})
	if err != nil || len(odd) == 0 {
		return err == nil, err
	}
	// The few visits with amounts in 分 or very large, by id.
	b, _ := json.Marshal(odd)
	rows, err := c.tx.QueryContext(c.ctx, `SELECT person_id, date, money_fen, goods_value_fen FROM visits
		WHERE id IN (SELECT value FROM json_each(?))`, string(b))
	if err != nil {
		return false, err
	}
	defer rows.Close()
	var personID, money, goods int64
	var date string
	for rows.Next() {
		if err := rows.Scan(&personID, &date, &money, &goods); err != nil {
			return false, err
		}
		_, m := quarterOf(date)
		c.addVisit(personID, m, money, goods)
	}
	return true, rows.Err()
}

// visitsRows reads the period's visits row by row.
func (c *computer) visitsRows() error {
	rows, err := c.tx.QueryContext(c.ctx, `SELECT person_id, date, money_fen, goods_value_fen
		FROM visits WHERE year BETWEEN @y1 AND @y2 AND deleted_at = ''`, yearsArgs(c.period)...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var personID, money, goods int64
	var date string
	for rows.Next() {
		if err := rows.Scan(&personID, &date, &money, &goods); err != nil {
			return err
		}
		_, m := quarterOf(date)
		c.addVisit(personID, m, money, goods)
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
	year := c.period.From - 1
	if c.packed {
		// The year's sums in SQL and the people as one string; the visits of people in
		// the trash (rule 7: found as the ids below max(id) the people pass did not see,
		// as rows are never deleted) are left out in SQL when there are any.
		var trashed []int64
		for id := int64(1); id <= c.maxPerson; id++ {
			if c.personCt[id] == 0 {
				trashed = append(trashed, id)
			}
		}
		cond, args := "", []any{sql.Named("year", year)}
		if len(trashed) > 0 {
			b, _ := json.Marshal(trashed)
			cond = " AND person_id NOT IN (SELECT value FROM json_each(@trashed))"
			args = append(args, sql.Named("trashed", string(b)))
		}
		var keys sql.NullString
		var visits int
		var money, goods int64
		err := c.tx.QueryRowContext(c.ctx, `SELECT count(*), coalesce(sum(money_fen), 0), coalesce(sum(goods_value_fen), 0), group_concat(person_id)
			FROM visits WHERE year = @year AND deleted_at = ''`+cond, args...).Scan(&visits, &money, &goods, &keys)
		if err != nil {
			return err
		}
		n := 0
		if err := packedInts(keys.String, func(v int64) { count(v, 0, 0); n++ }); err != nil {
			return err
		}
		if n != visits || p.Visits != visits {
			return errMisaligned
		}
		p.MoneyFen, p.GoodsFen = money, goods
		return nil
	}
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
