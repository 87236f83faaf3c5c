package tally

import (
	"database/sql"
	"sort"
	"strings"

	"shuangyong/model"
)

// roster reads the people: the roster by category and village, the roll flags coverage
// needs, the year before's roster figures, and the dictionary of category texts.
func (c *computer) roster() error {
	c.roll = make([]uint8, c.maxPerson+1)
	c.personCt = make([]uint32, c.maxPerson+1)
	c.villages = map[int64][]int{}
	c.villageT = map[int64]int{}
	c.count, c.added, c.removed = make([]int, nBuckets), make([]int, nBuckets), make([]int, nBuckets)
	c.dictUse = map[string]int{}
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
		t.Roster.Rows = append(t.Roster.Rows, model.RosterRow{Category: bucketCode(b), Count: c.count[b], New: c.added[b], Removed: c.removed[b]})
		if c.count[b] > 0 {
			t.Roster.Columns = append(t.Roster.Columns, bucketCode(b))
		}
	}
	t.Headline.OnRoll, t.Headline.New, t.Headline.Removed = t.Roster.Total.Count, t.Roster.Total.New, t.Roster.Total.Removed
	for s := range c.dictUse {
		c.dict = append(c.dict, s)
	}
	sort.Slice(c.dict, func(i, j int) bool {
		a, b := c.dict[i], c.dict[j]
		if c.dictUse[a] != c.dictUse[b] {
			return c.dictUse[a] > c.dictUse[b]
		}
		return a < b
	})
	return nil
}

// addPerson counts one live person with roll flags f.
func (c *computer) addPerson(id, village int64, cats string, f uint8) {
	if _, ok := c.dictUse[cats]; !ok {
		cats = strings.Clone(cats) // not to keep the whole group_concat string alive
	}
	c.dictUse[cats]++
	if f == 0 || id < 0 || id > c.maxPerson {
		return // off the roll in both years; or an id read in the same snapshot as max(id): cannot happen
	}
	t := c.t
	m := c.cats.mask(cats)
	c.roll[id] = f
	if f&flagOnRoll != 0 {
		c.personCt[id] = m
		t.Roster.Total.Count++
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
	err := c.tx.QueryRowContext(c.ctx, `SELECT group_concat((p.id * 2097152 + coalesce(p.village_id, 0)) * 64 + `+rollSQL+`),
		group_concat(p.categories, '|') FROM people p WHERE p.deleted_at = ''`, rollArgs(c.year)...).Scan(&ints, &cats)
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
		FROM people p WHERE p.deleted_at = ''`, rollArgs(c.year)...)
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

// villageRows builds the village × category table from the people pass.
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
	ids := make([]int64, 0, len(c.villages))
	for id := range c.villages {
		ids = append(ids, id)
	}
	// Live villages in display order, then trashed ones people still name, then none.
	rank := func(id int64) [3]int64 {
		v, ok := known[id]
		switch {
		case id == 0 || !ok:
			return [3]int64{2, 0, id}
		case v.trashed:
			return [3]int64{1, v.sort, id}
		}
		return [3]int64{0, v.sort, id}
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
