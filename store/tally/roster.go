package tally

import (
	"database/sql"
	"math/bits"
	"sort"
	"strconv"
	"strings"

	"shuangyong/model"
)

// roster reads the people: the roster by category and village, the roll flags coverage
// needs, the year before's roster figures, and every live person's categories, which the
// visits are counted under (rule 4).
func (c *computer) roster() error {
	c.roll = make([]uint8, c.maxPerson+1)
	c.personCt = make([]uint32, c.maxPerson+1)
	c.villages = map[int64][]int{}
	c.villageT = map[int64]int{}
	c.count, c.added, c.removed, c.stopped = make([]int, nBuckets), make([]int, nBuckets), make([]int, nBuckets), make([]int, nBuckets)
	if c.packed {
		if err := c.rosterPacked(); err != nil {
			return err
		}
	} else if err := c.rosterRows(); err != nil {
		return err
	}

	t := c.t
	for b := 0; b < nBuckets; b++ {
		if b == noBucket && c.count[b] == 0 && c.added[b] == 0 && c.removed[b] == 0 {
			continue
		}
		t.Roster.Rows = append(t.Roster.Rows, model.RosterRow{Category: bucketCode(b), Count: c.count[b], New: c.added[b], Removed: c.removed[b], Stopped: c.stopped[b]})
		if c.count[b] > 0 {
			t.Roster.Columns = append(t.Roster.Columns, bucketCode(b))
		}
	}
	t.Headline.OnRoll, t.Headline.New, t.Headline.Removed = t.Roster.Total.Count, t.Roster.Total.New, t.Roster.Total.Removed
	t.Headline.Stopped = t.Roster.Total.Stopped
	return nil
}

// addPerson counts one live person with roll flags f.
func (c *computer) addPerson(id, village int64, cats string, f uint8) {
	if id < 0 || id > c.maxPerson {
		return // an id read in the same snapshot as max(id): cannot happen
	}
	m := c.cats.mask(cats)
	c.personCt[id] = m // visits count under it, whether the person is on the roll or not
	if f == 0 {
		return // off the roll in both periods
	}
	t := c.t
	c.roll[id] = f
	if f&flagOnRoll != 0 {
		t.Roster.Total.Count++
		if bits.OnesCount32(m&^(1<<uint(noBucket))) > 1 {
			t.Roster.MultiCategory++
		}
		if f&flagStopped != 0 {
			t.Roster.Total.Stopped++
		}
		v := c.villages[village]
		if v == nil {
			v = make([]int, nBuckets)
			c.villages[village] = v
		}
		c.villageT[village]++
		for b := 0; b < nBuckets; b++ {
			if m&(1<<uint(b)) != 0 {
				c.count[b]++
				v[b]++
				if f&flagStopped != 0 {
					c.stopped[b]++
				}
			}
		}
	}
	for b := 0; b < nBuckets; b++ {
		if m&(1<<uint(b)) != 0 {
			if f&flagNew != 0 {
				c.added[b]++
			}
			if f&flagRemoved != 0 {
				c.removed[b]++
			}
		}
	}
	if f&flagNew != 0 {
		t.Roster.Total.New++
	}
	if f&flagRemoved != 0 {
		t.Roster.Total.Removed++
	}
	p := &t.Previous
	if f&(flagOnRoll<<prevShift) != 0 {
		p.OnRoll++
	}
	if f&(flagNew<<prevShift) != 0 {
		p.New++
	}
	if f&(flagRemoved<<prevShift) != 0 {
		p.Removed++
	}
}

// rosterPacked reads the people as two group_concat strings: (id·2²¹ + village)·64 + flags,
// and the category texts separated by '|'.
func (c *computer) rosterPacked() error {
	var ints, cats sql.NullString
	err := c.tx.QueryRowContext(c.ctx, `SELECT group_concat((p.id * 2097152 + coalesce(p.village_id, 0)) * `+strconv.Itoa(flagBits)+` + `+rollSQL+`),
		group_concat(p.categories, '|') FROM people p WHERE p.deleted_at = ''`, rollArgs(c.period)...).Scan(&ints, &cats)
	if err != nil {
		return err
	}
	rest := cats.String
	return packedInts(ints.String, func(v int64) {
		i := strings.IndexByte(rest, '|')
		if i < 0 {
			i = len(rest)
		}
		text := rest[:i]
		if i < len(rest) {
			rest = rest[i+1:]
		} else {
			rest = ""
		}
		f := uint8(v % flagBits)
		v /= flagBits
		c.addPerson(v/packLimit, v%packLimit, text, f)
	})
}

// rosterRows reads the people row by row.
func (c *computer) rosterRows() error {
	rows, err := c.tx.QueryContext(c.ctx, `SELECT p.id, coalesce(p.village_id, 0), p.categories, `+rollSQL+`
		FROM people p WHERE p.deleted_at = ''`, rollArgs(c.period)...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var id, village int64
	var cats string
	var f uint8
	for rows.Next() {
		if err := rows.Scan(&id, &village, &cats, &f); err != nil {
			return err
		}
		c.addPerson(id, village, cats, f)
	}
	return rows.Err()
}

// readHouseholds reads the household of every person grouped into one (rule 4: visits count
// under the household as it is now); a person in no household, or in a trashed one, is a
// household alone (key −id). The people_household index holds both columns. The plaques
// keep a trashed household's people under it (store.PlaqueHouseholdsSQL): trashedHH.
func (c *computer) readHouseholds() error {
	c.household = make([]int64, c.maxPerson+1)
	c.trashedHH = map[int64]int64{}
	for id := range c.household {
		c.household[id] = -int64(id)
	}
	set := func(id, hh int64, trashed bool) {
		if id < 0 || id > c.maxPerson {
			return
		}
		if trashed {
			c.trashedHH[id] = hh
			return
		}
		c.household[id] = hh
	}
	const trashed = `household_id IN (SELECT id FROM households WHERE deleted_at <> '')`
	const from = ` FROM people WHERE household_id IS NOT NULL`
	if c.packed {
		var ids sql.NullString
		if err := c.tx.QueryRowContext(c.ctx, `SELECT group_concat((household_id * 2097152 + id) * 2 + (`+trashed+`))`+from).Scan(&ids); err != nil {
			return err
		}
		return packedInts(ids.String, func(v int64) { set(v/2%packLimit, v/2/packLimit, v%2 == 1) })
	}
	rows, err := c.tx.QueryContext(c.ctx, `SELECT id, household_id, `+trashed+from)
	if err != nil {
		return err
	}
	defer rows.Close()
	var id, hh int64
	var tr bool
	for rows.Next() {
		if err := rows.Scan(&id, &hh, &tr); err != nil {
			return err
		}
		set(id, hh, tr)
	}
	return rows.Err()
}

// villageRows builds the village × category table from the people pass. People of a
// trashed village are counted with those of no village (rule 7: no row is labelled from
// the trash).
func (c *computer) villageRows() error {
	t := c.t
	rows, err := c.tx.QueryContext(c.ctx, "SELECT id, name, sort, deleted_at <> '' FROM villages")
	if err != nil {
		return err
	}
	type vil struct {
		name    string
		sort    int64
		trashed bool
	}
	known := map[int64]vil{}
	for rows.Next() {
		var id int64
		var v vil
		if err := rows.Scan(&id, &v.name, &v.sort, &v.trashed); err != nil {
			rows.Close()
			return err
		}
		known[id] = v
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for id, counts := range c.villages {
		if v, ok := known[id]; id == 0 || (ok && !v.trashed) {
			continue
		}
		none := c.villages[0]
		if none == nil {
			none = make([]int, nBuckets)
			c.villages[0] = none
		}
		for b, n := range counts {
			none[b] += n
		}
		c.villageT[0] += c.villageT[id]
		delete(c.villages, id)
		delete(c.villageT, id)
	}
	ids := make([]int64, 0, len(c.villages))
	for id := range c.villages {
		ids = append(ids, id)
	}
	// Live villages in display order, then none.
	rank := func(id int64) [3]int64 {
		if id == 0 {
			return [3]int64{1, 0, 0}
		}
		return [3]int64{0, known[id].sort, id}
	}
	sort.Slice(ids, func(i, j int) bool {
		a, b := rank(ids[i]), rank(ids[j])
		for k := range a {
			if a[k] != b[k] {
				return a[k] < b[k]
			}
		}
		return false
	})
	cols := make([]int, len(t.Roster.Columns))
	for i, code := range t.Roster.Columns {
		if code == model.NoCategory {
			cols[i] = noBucket
		} else {
			cols[i] = model.Categories.Index(code)
		}
	}
	t.Roster.VillageTotal.ByCategory = make([]int, len(cols))
	for _, id := range ids {
		r := model.VillageRow{VillageID: id, Name: known[id].name, ByCategory: make([]int, len(cols)), Total: c.villageT[id]}
		for i, b := range cols {
			r.ByCategory[i] = c.villages[id][b]
			t.Roster.VillageTotal.ByCategory[i] += r.ByCategory[i]
		}
		t.Roster.VillageTotal.Total += r.Total
		t.Roster.Villages = append(t.Roster.Villages, r)
	}
	return nil
}
