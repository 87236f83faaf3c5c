// Package tally computes the yearly tally (SPEC.md §5) from the ledger file, and lists the
// records behind any of its figures (drill-down).
//
// Compute reads everything in one read transaction, so the tables agree with each other.
// The year's visits and events are read from the covering indexes visits_year and
// events_year (no table rows are touched for them); exact distinct counts (人, 户 per
// category and quarter) are made in Go over that one index scan with dense per-person and
// per-household bit masks, because SQL can give them only with one sorted temp B-tree per
// count. What the figures mean is documented on the types in model/tally.go.
package tally

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"shuangyong/model"
	"shuangyong/store"
)

// nBuckets is the number of category buckets: every category of model.Categories, then
// model.NoCategory.
var nBuckets = len(model.Categories) + 1

// noBucket is the bucket of model.NoCategory.
var noBucket = len(model.Categories)

func bucketCode(b int) string {
	if b == noBucket {
		return model.NoCategory
	}
	return model.Categories[b].Code
}

// catCache turns the comma-separated category codes stored on people and visits into a
// bit mask of buckets, remembering each distinct text (a ledger has a few dozen).
type catCache map[string]uint32

func (c catCache) mask(b []byte) uint32 {
	if m, ok := c[string(b)]; ok {
		return m
	}
	s := string(b)
	var m uint32
	for _, code := range strings.Split(s, ",") {
		if i := model.Categories.Index(code); i >= 0 {
			m |= 1 << uint(i)
		}
	}
	// Unknown codes (written by a newer program) are not counted as categories; a
	// record with no known category is counted under NoCategory.
	if m == 0 {
		m = 1 << uint(noBucket)
	}
	c[s] = m
	return m
}

// marks keeps a few bytes of bit flags per key (person id or household key): a dense slice
// over the expected key range, a map for keys outside it.
type marks struct {
	lo, hi int64
	stride int
	dense  []uint8
	sparse map[int64][]uint8
}

func newMarks(lo, hi int64, stride int) *marks {
	if hi < lo {
		hi = lo
	}
	return &marks{lo: lo, hi: hi, stride: stride, dense: make([]uint8, int(hi-lo+1)*stride), sparse: map[int64][]uint8{}}
}

func (m *marks) row(key int64) []uint8 {
	if key >= m.lo && key <= m.hi {
		i := int(key-m.lo) * m.stride
		return m.dense[i : i+m.stride : i+m.stride]
	}
	r := m.sparse[key]
	if r == nil {
		r = make([]uint8, m.stride)
		m.sparse[key] = r
	}
	return r
}

// get is row without creating an entry (nil when the key was never marked).
func (m *marks) get(key int64) []uint8 {
	if key >= m.lo && key <= m.hi {
		i := int(key-m.lo) * m.stride
		return m.dense[i : i+m.stride : i+m.stride]
	}
	return m.sparse[key]
}

// each calls fn for every row with any flag set.
func (m *marks) each(fn func(key int64, row []uint8)) {
	for i := 0; i < len(m.dense); i += m.stride {
		row := m.dense[i : i+m.stride]
		for _, b := range row {
			if b != 0 {
				fn(m.lo+int64(i/m.stride), row)
				break
			}
		}
	}
	for k, row := range m.sparse {
		fn(k, row)
	}
}

// bitset is a set of non-negative ids.
type bitset []uint64

func (b *bitset) add(id int64) bool {
	if id < 0 {
		return false
	}
	w := int(id >> 6)
	if w >= len(*b) {
		n := make(bitset, w+1+w/4)
		copy(n, *b)
		*b = n
	}
	bit := uint64(1) << uint(id&63)
	if (*b)[w]&bit != 0 {
		return false
	}
	(*b)[w] |= bit
	return true
}

func (b bitset) has(id int64) bool {
	w := int(id >> 6)
	return id >= 0 && w < len(b) && b[w]&(1<<uint(id&63)) != 0
}

// Roll flags of a person, per year (the current year in the low bits, the year before
// shifted by prevShift). See model.OnRollAtEnd, NewInYear, RemovedInYear.
const (
	flagOnRoll  = 1
	flagNew     = 2
	flagRemoved = 4
	prevShift   = 3
)

// rollSQL computes the roll flags of the people row p in SQL, for the year ending @end
// (starting @start) and the year before (ending @pend, starting @pstart): rollArgs gives
// the four. It must say what model.OnRollAtEnd, NewInYear and RemovedInYear say;
// TestRollMatchesModel holds them together.
const rollSQL = `(
	((p.registered_on <= @end OR p.registered_on = '') AND (p.status IN ('active', '') OR p.status_changed_on > @end))
	+ 2 * (p.registered_on BETWEEN @start AND @end)
	+ 4 * (p.status NOT IN ('active', '') AND p.status_changed_on BETWEEN @start AND @end)
	+ 8 * ((p.registered_on <= @pend OR p.registered_on = '') AND (p.status IN ('active', '') OR p.status_changed_on > @pend))
	+ 16 * (p.registered_on BETWEEN @pstart AND @pend)
	+ 32 * (p.status NOT IN ('active', '') AND p.status_changed_on BETWEEN @pstart AND @pend))`

func rollArgs(year int) []any {
	start, end := yearBounds(year)
	pstart, pend := yearBounds(year - 1)
	return []any{sql.Named("end", end), sql.Named("start", start), sql.Named("pend", pend), sql.Named("pstart", pstart)}
}

func yearBounds(year int) (start, end string) {
	return fmt.Sprintf("%04d-01-01", year), fmt.Sprintf("%04d-12-31", year)
}

// computer holds the state of one Compute.
type computer struct {
	ctx  context.Context
	tx   *sql.Tx
	year int
	cats catCache

	maxPerson, maxHousehold int64

	// From the people pass.
	roll     []uint8  // roll flags by person id
	personCt []uint32 // category buckets by person id (people on the roll at the end of the year)
	villages map[int64][]int
	villageT map[int64]int

	// From the visits pass.
	visited bitset // people visited during the year
}

// Compute computes the tally of year (with the year before's headline figures) in one read
// transaction.
func Compute(ctx context.Context, s *store.Store, year int) (model.Tally, error) {
	t := model.Tally{Year: year, AsOf: s.Today()}
	t.Headline.Year, t.Previous.Year = year, year-1
	err := s.ReadTx(ctx, func(tx *sql.Tx) error {
		c := &computer{ctx: ctx, tx: tx, year: year, cats: catCache{}}
		return c.run(&t)
	})
	if err != nil {
		return model.Tally{}, err
	}
	return t, nil
}

func (c *computer) run(t *model.Tally) error {
	for _, q := range []struct {
		sql string
		dst *int64
	}{
		{"SELECT coalesce(max(id), 0) FROM people", &c.maxPerson},
		{"SELECT coalesce(max(id), 0) FROM households", &c.maxHousehold},
	} {
		if err := c.tx.QueryRowContext(c.ctx, q.sql).Scan(q.dst); err != nil {
			return err
		}
	}
	if err := c.people(t); err != nil {
		return err
	}
	if err := c.visits(t); err != nil {
		return err
	}
	if err := c.previousVisits(t); err != nil {
		return err
	}
	byEvent, err := c.events(t)
	if err != nil {
		return err
	}
	if err := c.support(t, byEvent); err != nil {
		return err
	}
	return c.villageRows(t)
}

// people makes the roster: per category, per village, and the roll flags that coverage
// needs; also the year before's roster headline.
func (c *computer) people(t *model.Tally) error {
	rows, err := c.tx.QueryContext(c.ctx, `SELECT id, coalesce(village_id, 0), categories, f FROM (
		SELECT p.id, p.village_id, p.categories, `+rollSQL+` AS f FROM people p WHERE p.deleted_at = '') WHERE f <> 0`,
		rollArgs(c.year)...)
	if err != nil {
		return err
	}
	defer rows.Close()
	c.roll = make([]uint8, c.maxPerson+1)
	c.personCt = make([]uint32, c.maxPerson+1)
	c.villages = map[int64][]int{}
	c.villageT = map[int64]int{}
	count := make([]int, nBuckets)
	added := make([]int, nBuckets)
	removed := make([]int, nBuckets)
	var id, village, f int64
	var cats sql.RawBytes
	for rows.Next() {
		if err := rows.Scan(&id, &village, &cats, &f); err != nil {
			return err
		}
		if id < 0 || id > c.maxPerson {
			continue // cannot happen: max(id) was read in this transaction
		}
		m := c.cats.mask(cats)
		c.roll[id] = uint8(f)
		if f&flagOnRoll != 0 {
			c.personCt[id] = m
			t.Roster.Total.Count++
			v := c.villages[village]
			if v == nil {
				v = make([]int, nBuckets)
				c.villages[village] = v
			}
			c.villageT[village]++
		}
		if f&flagNew != 0 {
			t.Roster.Total.New++
		}
		if f&flagRemoved != 0 {
			t.Roster.Total.Removed++
		}
		for b := 0; b < nBuckets; b++ {
			if m&(1<<uint(b)) == 0 {
				continue
			}
			if f&flagOnRoll != 0 {
				count[b]++
				c.villages[village][b]++
			}
			if f&flagNew != 0 {
				added[b]++
			}
			if f&flagRemoved != 0 {
				removed[b]++
			}
		}
		if f&(flagOnRoll<<prevShift) != 0 {
			t.Previous.OnRoll++
		}
		if f&(flagNew<<prevShift) != 0 {
			t.Previous.New++
		}
		if f&(flagRemoved<<prevShift) != 0 {
			t.Previous.Removed++
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for b := 0; b < nBuckets; b++ {
		if b == noBucket && count[b] == 0 && added[b] == 0 && removed[b] == 0 {
			continue
		}
		t.Roster.Rows = append(t.Roster.Rows, model.RosterRow{Category: bucketCode(b), Count: count[b], New: added[b], Removed: removed[b]})
		if count[b] > 0 {
			t.Roster.Columns = append(t.Roster.Columns, bucketCode(b))
		}
	}
	t.Headline.OnRoll, t.Headline.New, t.Headline.Removed = t.Roster.Total.Count, t.Roster.Total.New, t.Roster.Total.Removed
	return nil
}

// villageRows builds the village × category table from the people pass.
func (c *computer) villageRows(t *model.Tally) error {
	rows, err := c.tx.QueryContext(c.ctx, "SELECT id, name, sort, deleted_at <> '' FROM villages")
	if err != nil {
		return err
	}
	type vil struct {
		id      int64
		name    string
		sort    int64
		trashed bool
	}
	known := map[int64]vil{}
	for rows.Next() {
		var v vil
		if err := rows.Scan(&v.id, &v.name, &v.sort, &v.trashed); err != nil {
			rows.Close()
			return err
		}
		known[v.id] = v
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
	rank := func(id int64) (int, int64, int64) {
		v, ok := known[id]
		switch {
		case id == 0 || !ok:
			return 2, 0, id
		case v.trashed:
			return 1, v.sort, id
		}
		return 0, v.sort, id
	}
	sort.Slice(ids, func(i, j int) bool {
		a1, a2, a3 := rank(ids[i])
		b1, b2, b3 := rank(ids[j])
		if a1 != b1 {
			return a1 < b1
		}
		if a2 != b2 {
			return a2 < b2
		}
		return a3 < b3
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

// quarterOf reads the quarter and month of an ISO date's bytes (0, 0 when unreadable).
func quarterOf(date []byte) (q, m int) {
	if len(date) < 7 || date[5] < '0' || date[5] > '1' || date[6] < '0' || date[6] > '9' {
		return 0, 0
	}
	m = int(date[5]-'0')*10 + int(date[6]-'0')
	if m < 1 || m > 12 {
		return 0, 0
	}
	return (m-1)/3 + 1, m
}

// visits makes the visits table, coverage and the visits per month, from one scan of the
// covering index visits_year.
func (c *computer) visits(t *model.Tally) error {
	rows, err := c.tx.QueryContext(c.ctx, `SELECT event_id, person_id, household_key, date, categories, money_fen, goods_value_fen
		FROM visits WHERE year = ? AND deleted_at = ''`, c.year)
	if err != nil {
		return err
	}
	defer rows.Close()
	// Slot 0 of a person's or household's marks: quarters in which they were visited at
	// all; slot 1+b: quarters in which they were visited as bucket b. Bit q−1 = quarter q.
	stride := 1 + nBuckets
	people := newMarks(0, c.maxPerson, stride)
	households := newMarks(-c.maxPerson, c.maxHousehold, stride)
	var rounds bitset
	type sums struct {
		visits       int
		money, goods int64
	}
	cells := make([][4]sums, stride) // by slot and quarter
	var eventID, personID, hk, money, goods int64
	var date, cats sql.RawBytes
	for rows.Next() {
		if err := rows.Scan(&eventID, &personID, &hk, &date, &cats, &money, &goods); err != nil {
			return err
		}
		q, m := quarterOf(date)
		if q == 0 {
			continue // a date that is not ISO cannot be in the year: never stored
		}
		bit := uint8(1) << uint(q-1)
		mask := c.cats.mask(cats)
		pr, hr := people.row(personID), households.row(hk)
		pr[0] |= bit
		hr[0] |= bit
		cell := &cells[0][q-1]
		cell.visits++
		cell.money += money
		cell.goods += goods
		for b := 0; b < nBuckets; b++ {
			if mask&(1<<uint(b)) != 0 {
				pr[1+b] |= bit
				hr[1+b] |= bit
				cell := &cells[1+b][q-1]
				cell.visits++
				cell.money += money
				cell.goods += goods
			}
		}
		rounds.add(eventID)
		t.Months[m-1].Visits++
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rowsBySlot := make([]model.VisitRow, stride)
	for slot := range rowsBySlot {
		r := &rowsBySlot[slot]
		for q := 0; q < 4; q++ {
			f := &r.Quarters[q]
			f.Visits, f.MoneyFen, f.GoodsFen = cells[slot][q].visits, cells[slot][q].money, cells[slot][q].goods
			r.Year.Visits += f.Visits
			r.Year.MoneyFen += f.MoneyFen
			r.Year.GoodsFen += f.GoodsFen
		}
	}
	count := func(mk *marks, set func(r *model.VisitFigures, n int)) {
		var byQ = make([][5]int, stride)
		mk.each(func(_ int64, row []uint8) {
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
		for slot := range rowsBySlot {
			for q := 0; q < 4; q++ {
				set(&rowsBySlot[slot].Quarters[q], byQ[slot][q])
			}
			set(&rowsBySlot[slot].Year, byQ[slot][4])
		}
	}
	count(people, func(r *model.VisitFigures, n int) { r.People = n })
	count(households, func(r *model.VisitFigures, n int) { r.Households = n })

	// Coverage: people on the roll at the end of the year, visited during it.
	onRoll := make([]int, nBuckets)
	covered := make([]int, nBuckets)
	for id := int64(0); id <= c.maxPerson; id++ {
		if c.roll[id]&flagOnRoll == 0 {
			continue
		}
		pr := people.get(id)
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
	t.Visits.Total = rowsBySlot[0]
	t.Visits.Total.OnRoll, t.Visits.Total.Covered = t.Visits.Coverage.OnRoll, t.Visits.Coverage.Covered
	for b := 0; b < nBuckets; b++ {
		r := rowsBySlot[1+b]
		if r.Year.Visits == 0 && onRoll[b] == 0 {
			continue
		}
		r.Category, r.OnRoll, r.Covered = bucketCode(b), onRoll[b], covered[b]
		t.Visits.Rows = append(t.Visits.Rows, r)
	}
	for _, w := range rounds {
		t.Visits.Rounds += popcount(w)
	}
	h := &t.Headline
	h.Rounds = t.Visits.Rounds
	h.Visits, h.People, h.Households = t.Visits.Total.Year.Visits, t.Visits.Total.Year.People, t.Visits.Total.Year.Households
	h.MoneyFen, h.GoodsFen = t.Visits.Total.Year.MoneyFen, t.Visits.Total.Year.GoodsFen
	h.Covered = t.Visits.Coverage.Covered
	return nil
}

func popcount(w uint64) int {
	n := 0
	for w != 0 {
		w &= w - 1
		n++
	}
	return n
}

// previousVisits makes the year before's visit headline figures.
func (c *computer) previousVisits(t *model.Tally) error {
	rows, err := c.tx.QueryContext(c.ctx, `SELECT event_id, person_id, household_key, money_fen, goods_value_fen
		FROM visits WHERE year = ? AND deleted_at = ''`, c.year-1)
	if err != nil {
		return err
	}
	defer rows.Close()
	var people, rounds bitset
	households := map[int64]struct{}{}
	var hhPos bitset
	p := &t.Previous
	var eventID, personID, hk, money, goods int64
	for rows.Next() {
		if err := rows.Scan(&eventID, &personID, &hk, &money, &goods); err != nil {
			return err
		}
		p.Visits++
		p.MoneyFen += money
		p.GoodsFen += goods
		if people.add(personID) {
			p.People++
			if personID <= c.maxPerson && c.roll[personID]&(flagOnRoll<<prevShift) != 0 {
				p.Covered++
			}
		}
		if rounds.add(eventID) {
			p.Rounds++
		}
		if hk >= 0 {
			if hhPos.add(hk) {
				p.Households++
			}
		} else if _, ok := households[hk]; !ok {
			households[hk] = struct{}{}
			p.Households++
		}
	}
	return rows.Err()
}

// eventItem is an item of one event.
type eventItem struct {
	name, unit string
	quantity   int64
}

// events makes the events table, the items and the activities per month; it returns the
// items of each event of the year that has any (for the per-unit tables).
func (c *computer) events(t *model.Tally) (map[int64][]eventItem, error) {
	// Grouped by type and date, which is the order of events_year: no sorting.
	rows, err := c.tx.QueryContext(c.ctx, `SELECT type, date, count(*), sum(participants), sum(military_participants), sum(money_fen)
		FROM events WHERE year = ? AND deleted_at = '' GROUP BY type, date`, c.year)
	if err != nil {
		return nil, err
	}
	byType := map[string]*model.EventRow{}
	var typ string
	var date sql.RawBytes
	var f model.EventFigures
	for rows.Next() {
		if err := rows.Scan(&typ, &date, &f.Events, &f.Participants, &f.Military, &f.MoneyFen); err != nil {
			rows.Close()
			return nil, err
		}
		q, m := quarterOf(date)
		if q == 0 {
			continue
		}
		r := byType[typ]
		if r == nil {
			r = &model.EventRow{Type: typ}
			byType[typ] = r
		}
		r.Quarters[q-1] = model.SumEvents(r.Quarters[q-1], f)
		if typ != model.EventVisit {
			t.Months[m-1].Activities += f.Events
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}

	// Items, per type and overall.
	rows, err = c.tx.QueryContext(c.ctx, `SELECT i.event_id, e.type, i.name, i.unit, i.quantity
		FROM events e JOIN event_items i ON i.event_id = e.id WHERE e.year = ? AND e.deleted_at = ''`, c.year)
	if err != nil {
		return nil, err
	}
	byEvent := map[int64][]eventItem{}
	itemsByType := map[string]*itemSums{}
	all := &itemSums{}
	for rows.Next() {
		var id int64
		var it eventItem
		if err := rows.Scan(&id, &typ, &it.name, &it.unit, &it.quantity); err != nil {
			rows.Close()
			return nil, err
		}
		byEvent[id] = append(byEvent[id], it)
		s := itemsByType[typ]
		if s == nil {
			s = &itemSums{}
			itemsByType[typ] = s
		}
		s.add(id, it)
		all.add(id, it)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}

	var total model.EventRow
	for _, o := range model.EventTypes {
		r := byType[o.Code]
		if r == nil {
			continue
		}
		delete(byType, o.Code)
		t.Events.Rows = append(t.Events.Rows, finishEventRow(r, itemsByType[r.Type]))
	}
	// Types unknown to this program (written by a newer one) come last, by code.
	var unknown []string
	for typ := range byType {
		unknown = append(unknown, typ)
	}
	sort.Strings(unknown)
	for _, typ := range unknown {
		t.Events.Rows = append(t.Events.Rows, finishEventRow(byType[typ], itemsByType[typ]))
	}
	for _, r := range t.Events.Rows {
		for q := 0; q < 4; q++ {
			total.Quarters[q] = model.SumEvents(total.Quarters[q], r.Quarters[q])
		}
		if r.Type != model.EventVisit {
			h := &t.Headline
			h.Activities += r.Year.Events
			h.Participants += r.Year.Participants
			h.Military += r.Year.Military
			h.ActivityFen += r.Year.MoneyFen
		}
	}
	total.Year = model.SumEvents(total.Quarters[:]...)
	total.Items = all.list()
	t.Events.Total = total
	t.Events.Items = total.Items

	// The year before: activities only.
	p := &t.Previous
	err = c.tx.QueryRowContext(c.ctx, `SELECT count(*), coalesce(sum(participants), 0), coalesce(sum(military_participants), 0),
		coalesce(sum(money_fen), 0) FROM events WHERE year = ? AND deleted_at = '' AND type <> ?`, c.year-1, model.EventVisit).
		Scan(&p.Activities, &p.Participants, &p.Military, &p.ActivityFen)
	return byEvent, err
}

func finishEventRow(r *model.EventRow, items *itemSums) model.EventRow {
	r.Year = model.SumEvents(r.Quarters[:]...)
	if items != nil {
		r.Items = items.list()
	}
	return *r
}

// itemSums sums items by name and unit, counting each event once per item.
type itemSums struct {
	byKey map[[2]string]*model.ItemTotal
	last  map[[2]string]int64
}

func (s *itemSums) add(eventID int64, it eventItem) {
	if s.byKey == nil {
		s.byKey, s.last = map[[2]string]*model.ItemTotal{}, map[[2]string]int64{}
	}
	k := [2]string{it.name, it.unit}
	tot := s.byKey[k]
	if tot == nil {
		tot = &model.ItemTotal{Name: it.name, Unit: it.unit}
		s.byKey[k] = tot
		s.last[k] = -1
	}
	tot.Quantity += it.quantity
	if s.last[k] != eventID {
		tot.Events++
		s.last[k] = eventID
	}
}

// list returns the sums sorted by name, then unit.
func (s *itemSums) list() []model.ItemTotal {
	if s == nil || len(s.byKey) == 0 {
		return nil
	}
	out := make([]model.ItemTotal, 0, len(s.byKey))
	for _, t := range s.byKey {
		out = append(out, *t)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].Unit < out[j].Unit
	})
	return out
}

// support makes the per-unit tables (拥军, 拥政爱民).
func (c *computer) support(t *model.Tally, items map[int64][]eventItem) error {
	units := map[int64][2]string{} // id → name, kind
	rows, err := c.tx.QueryContext(c.ctx, "SELECT id, name, kind FROM units")
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		var name, kind string
		if err := rows.Scan(&id, &name, &kind); err != nil {
			rows.Close()
			return err
		}
		units[id] = [2]string{name, kind}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}

	rows, err = c.tx.QueryContext(c.ctx, `SELECT eu.event_id, eu.unit_id, eu.role, e.direction, e.participants,
		e.military_participants, e.money_fen FROM events e JOIN event_units eu ON eu.event_id = e.id
		WHERE e.year = ? AND e.deleted_at = ''`, c.year)
	if err != nil {
		return err
	}
	defer rows.Close()
	type acc struct {
		row   model.UnitSupport
		items itemSums
	}
	sides := map[string]map[int64]*acc{model.DirToMilitary: {}, model.DirToLocal: {}}
	totals := map[string]*acc{model.DirToMilitary: {}, model.DirToLocal: {}}
	seen := map[[2]int64]bool{}  // (event, unit) already counted
	seenEv := map[int64]bool{}   // event already in its direction's total
	for rows.Next() {
		var eventID, unitID int64
		var role, dir string
		var f model.EventFigures
		if err := rows.Scan(&eventID, &unitID, &role, &dir, &f.Participants, &f.Military, &f.MoneyFen); err != nil {
			return err
		}
		byUnit, ok := sides[dir]
		if !ok {
			continue
		}
		u := units[unitID]
		if !model.CountsForSupport(dir, role, u[1]) || seen[[2]int64{eventID, unitID}] {
			continue
		}
		seen[[2]int64{eventID, unitID}] = true
		a := byUnit[unitID]
		if a == nil {
			a = &acc{row: model.UnitSupport{UnitID: unitID, Name: u[0], Kind: u[1]}}
			byUnit[unitID] = a
		}
		add := func(a *acc) {
			a.row.Events++
			a.row.Participants += f.Participants
			a.row.Military += f.Military
			a.row.MoneyFen += f.MoneyFen
			for _, it := range items[eventID] {
				a.items.add(eventID, it)
			}
		}
		add(a)
		if !seenEv[eventID] {
			seenEv[eventID] = true
			add(totals[dir])
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for dir, dst := range map[string]*model.Support{model.DirToMilitary: &t.SupportTo, model.DirToLocal: &t.SupportFrom} {
		dst.Direction = dir
		for _, a := range sides[dir] {
			a.row.Items = a.items.list()
			dst.Rows = append(dst.Rows, a.row)
		}
		sort.Slice(dst.Rows, func(i, j int) bool {
			a, b := dst.Rows[i], dst.Rows[j]
			if a.Events != b.Events {
				return a.Events > b.Events
			}
			if a.Name != b.Name {
				return a.Name < b.Name
			}
			return a.UnitID < b.UnitID
		})
		tot := totals[dir]
		tot.row.Items = tot.items.list()
		dst.Total = tot.row
	}
	return nil
}

// itoa is strconv.Itoa for int64.
func itoa(n int64) string { return strconv.FormatInt(n, 10) }
