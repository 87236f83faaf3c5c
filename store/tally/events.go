package tally

import (
	"database/sql"
	"fmt"
	"sort"
	"strings"

	"shuangyong/model"
)

// events reads the events of the period from events_year (the index's own order: no
// sorting) and the year before's activities. Events count by their own date (rule 3).
// eventRows makes the table once the visits are in: the 走访慰问 row takes its participants
// and money from the visits of the period (rule 2), by the visits' quarters, so it equals
// the visits table whatever was typed on the events.
func (c *computer) events() error {
	t := c.t
	c.evByType = map[string]*model.EventRow{}
	c.minEvent, c.maxEvent = -1, -1
	add := func(typ, date string, f model.EventFigures, lo, hi int64) {
		if f.Events == 0 {
			return
		}
		if c.minEvent < 0 || lo < c.minEvent {
			c.minEvent = lo
		}
		c.maxEvent = max(c.maxEvent, hi)
		q, m := quarterOf(date)
		if q == 0 {
			return
		}
		r := c.evByType[typ]
		if r == nil {
			r = &model.EventRow{Type: typ}
			c.evByType[typ] = r
		}
		if typ == model.EventVisit {
			f = model.EventFigures{Events: f.Events} // the figures are the visits' (eventRows)
		} else {
			t.Months[m-1].Activities += f.Events
		}
		r.Quarters[q-1] = model.SumEvents(r.Quarters[q-1], f)
		c.nEvents += f.Events
	}
	scan := func(rows *sql.Rows, err error) error {
		if err != nil {
			return err
		}
		defer rows.Close()
		var typ, date string
		var f model.EventFigures
		var lo, hi int64
		for rows.Next() {
			if err := rows.Scan(&typ, &date, &f.Events, &f.Participants, &f.Military, &f.MoneyFen, &lo, &hi); err != nil {
				return err
			}
			add(typ, date, f, lo, hi)
		}
		return rows.Err()
	}
	args := append(yearsArgs(c.period), sql.Named("visit", model.EventVisit))
	// Events other than 走访慰问, summed by date. (The type is compared as a range: an
	// equality lets the planner drop it from the GROUP BY, which then no longer follows
	// the index and is sorted.)
	if err := scan(c.tx.QueryContext(c.ctx, `SELECT type, date, count(*), sum(participants), sum(military_participants), sum(money_fen),
		min(id), max(id) FROM events WHERE year BETWEEN @y1 AND @y2 AND type <> @visit AND deleted_at = '' GROUP BY year, type, date`, args...)); err != nil {
		return err
	}
	// 走访慰问 events (most of a county's) are only counted, by quarter: their figures are
	// the visits'. A quarter's are one range of the index (year, type, date), counted
	// without grouping; dates that are no ISO date of the year fall in the ranges between
	// and are read by date, to be placed (or not) as quarterOf says, like any other.
	for y := c.period.From; y <= c.period.To; y++ {
		if err := scan(c.tx.QueryContext(c.ctx, visitEventsSQL, sql.Named("year", y), sql.Named("visit", model.EventVisit),
			sql.Named("y", fmt.Sprintf("%04d", y)))); err != nil {
			return err
		}
	}
	if !c.period.Single() {
		return nil
	}
	// The year before's activities: the few events other than 走访慰问 on both sides of
	// them in the index, and the 走访慰问 events only counted.
	p := &t.Previous
	return c.tx.QueryRowContext(c.ctx, `SELECT
		(SELECT count(*) FROM events WHERE year = @year AND type < @visit AND deleted_at = '')
		+ (SELECT count(*) FROM events WHERE year = @year AND type > @visit AND deleted_at = ''),
		(SELECT coalesce(sum(participants), 0) FROM events WHERE year = @year AND type < @visit AND deleted_at = '')
		+ (SELECT coalesce(sum(participants), 0) FROM events WHERE year = @year AND type > @visit AND deleted_at = ''),
		(SELECT coalesce(sum(military_participants), 0) FROM events WHERE year = @year AND type < @visit AND deleted_at = '')
		+ (SELECT coalesce(sum(military_participants), 0) FROM events WHERE year = @year AND type > @visit AND deleted_at = ''),
		(SELECT coalesce(sum(money_fen), 0) FROM events WHERE year = @year AND type < @visit AND deleted_at = '')
		+ (SELECT coalesce(sum(money_fen), 0) FROM events WHERE year = @year AND type > @visit AND deleted_at = ''),
		(SELECT count(*) FROM events WHERE year = @year AND type = @visit AND deleted_at = '')`,
		sql.Named("year", c.period.From-1), sql.Named("visit", model.EventVisit)).
		Scan(&p.Activities, &p.Participants, &p.Military, &p.ActivityFen, &p.Rounds)
}

// visitEventsSQL counts a year's 走访慰问 events by quarter: four ranges of the events_year
// index (a quarter's months, whatever follows them: what quarterOf reads), each given as the
// first day of its quarter, and the dates in none of them by date (none, as the store only
// writes ISO dates).
const visitEventsSQL = `SELECT @visit, @y || '-01-01', count(*), 0, 0, 0, coalesce(min(id), -1), coalesce(max(id), -1) FROM events
		WHERE year = @year AND type = @visit AND deleted_at = '' AND date >= @y || '-01' AND date < @y || '-03:'
	UNION ALL SELECT @visit, @y || '-04-01', count(*), 0, 0, 0, coalesce(min(id), -1), coalesce(max(id), -1) FROM events
		WHERE year = @year AND type = @visit AND deleted_at = '' AND date >= @y || '-04' AND date < @y || '-06:'
	UNION ALL SELECT @visit, @y || '-07-01', count(*), 0, 0, 0, coalesce(min(id), -1), coalesce(max(id), -1) FROM events
		WHERE year = @year AND type = @visit AND deleted_at = '' AND date >= @y || '-07' AND date < @y || '-09:'
	UNION ALL SELECT @visit, @y || '-10-01', count(*), 0, 0, 0, coalesce(min(id), -1), coalesce(max(id), -1) FROM events
		WHERE year = @year AND type = @visit AND deleted_at = '' AND date >= @y || '-10' AND date < @y || '-12:'
	UNION ALL SELECT @visit, date, count(*), 0, 0, 0, min(id), max(id) FROM events
		WHERE year = @year AND type = @visit AND deleted_at = '' AND date < @y || '-01' GROUP BY date
	UNION ALL SELECT @visit, date, count(*), 0, 0, 0, min(id), max(id) FROM events
		WHERE year = @year AND type = @visit AND deleted_at = '' AND date >= @y || '-03:' AND date < @y || '-04' GROUP BY date
	UNION ALL SELECT @visit, date, count(*), 0, 0, 0, min(id), max(id) FROM events
		WHERE year = @year AND type = @visit AND deleted_at = '' AND date >= @y || '-06:' AND date < @y || '-07' GROUP BY date
	UNION ALL SELECT @visit, date, count(*), 0, 0, 0, min(id), max(id) FROM events
		WHERE year = @year AND type = @visit AND deleted_at = '' AND date >= @y || '-09:' AND date < @y || '-10' GROUP BY date
	UNION ALL SELECT @visit, date, count(*), 0, 0, 0, min(id), max(id) FROM events
		WHERE year = @year AND type = @visit AND deleted_at = '' AND date >= @y || '-12:' GROUP BY date`

// eventRows makes the events table from what events read, once the visits are counted
// (the 走访慰问 row is theirs) and the items summed (itemsAndSupport).
func (c *computer) eventRows() {
	t := c.t
	byType := c.evByType
	row := func(typ string) *model.EventRow {
		r := byType[typ]
		if r == nil {
			r = &model.EventRow{Type: typ}
			byType[typ] = r
		}
		return r
	}
	if vt := t.Visits.Total; vt.Year.Visits > 0 || byType[model.EventVisit] != nil {
		r := row(model.EventVisit)
		for q := range r.Quarters {
			r.Quarters[q].Participants = int64(vt.Quarters[q].Visits)
			r.Quarters[q].MoneyFen = vt.Quarters[q].TotalFen()
		}
	}

	// Rows in EventTypes order; types unknown to this program (written by a newer one)
	// last, by code.
	var unknown []string
	for typ := range byType {
		if !model.EventTypes.Valid(typ) {
			unknown = append(unknown, typ)
		}
	}
	sort.Strings(unknown)
	for _, typ := range append(model.EventTypes.Codes(), unknown...) {
		r := byType[typ]
		if r == nil {
			continue
		}
		r.Year = model.SumEvents(r.Quarters[:]...)
		r.Items = c.itemsByType[typ].list()
		t.Events.Rows = append(t.Events.Rows, *r)
	}
	var total, acts model.EventRow
	h := &t.Headline
	for _, r := range t.Events.Rows {
		for q := 0; q < 4; q++ {
			total.Quarters[q] = model.SumEvents(total.Quarters[q], r.Quarters[q])
			if r.Type != model.EventVisit {
				acts.Quarters[q] = model.SumEvents(acts.Quarters[q], r.Quarters[q])
			}
		}
		if r.Type == model.EventVisit {
			h.Rounds = r.Year.Events
		}
	}
	total.Year = model.SumEvents(total.Quarters[:]...)
	acts.Year = model.SumEvents(acts.Quarters[:]...)
	total.Items = t.Events.Items
	t.Events.Total, t.Events.Activities = total, acts
	h.Activities, h.Participants, h.Military, h.ActivityFen = acts.Year.Events, acts.Year.Participants, acts.Year.Military, acts.Year.MoneyFen
}

// eventItem is an item of one event.
type eventItem struct {
	name, unit string
	quantity   int64
	id         int64 // event_items.id: the order items were entered
	pos        int   // its place in its event
	parent     int   // the place + 1 of the item it breaks down (0: none)
	typeRank   int   // its event's type in EventTypes order

	pname, punit string // the parent's name and unit, once resolved
}

// itemKey identifies an item total: its name and unit, and those of its parent (a breakdown
// is summed apart from the same name at the top level).
type itemKey [4]string

func (it eventItem) key() itemKey { return itemKey{it.name, it.unit, it.pname, it.punit} }

// itemSums sums items by key, counting each event once per item, and remembers where each
// key sorts: its first type, then the first time it was entered (rule 9).
type itemSums struct {
	byKey map[itemKey]*model.ItemTotal
	last  map[itemKey]int64
	order map[itemKey][2]int64
}

func (s *itemSums) add(eventID int64, it eventItem) {
	if s.byKey == nil {
		s.byKey, s.last, s.order = map[itemKey]*model.ItemTotal{}, map[itemKey]int64{}, map[itemKey][2]int64{}
	}
	k := it.key()
	tot := s.byKey[k]
	o := [2]int64{int64(it.typeRank), it.id}
	if tot == nil {
		tot = &model.ItemTotal{Name: it.name, Unit: it.unit, ParentName: it.pname, ParentUnit: it.punit}
		s.byKey[k] = tot
		s.last[k] = -1
		s.order[k] = o
	} else if old := s.order[k]; o[0] < old[0] || (o[0] == old[0] && o[1] < old[1]) {
		s.order[k] = o
	}
	tot.Quantity += it.quantity
	if s.last[k] != eventID {
		tot.Events++
		s.last[k] = eventID
	}
}

// list returns the sums in order: top-level items by type, then first entry, each
// followed by its breakdowns (in the same order).
func (s *itemSums) list() []model.ItemTotal {
	if s == nil || len(s.byKey) == 0 {
		return nil
	}
	keys := make([]itemKey, 0, len(s.byKey))
	for k := range s.byKey {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := s.order[keys[i]], s.order[keys[j]]
		if a != b {
			return a[0] < b[0] || (a[0] == b[0] && a[1] < b[1])
		}
		return strings.Join(keys[i][:], "\x1f") < strings.Join(keys[j][:], "\x1f")
	})
	children := map[[2]string][]itemKey{}
	for _, k := range keys {
		if k[2] != "" || k[3] != "" {
			children[[2]string{k[2], k[3]}] = append(children[[2]string{k[2], k[3]}], k)
		}
	}
	out := make([]model.ItemTotal, 0, len(keys))
	done := map[itemKey]bool{}
	var emit func(k itemKey)
	emit = func(k itemKey) {
		if done[k] {
			return
		}
		done[k] = true
		out = append(out, *s.byKey[k])
		for _, ch := range children[[2]string{k[0], k[1]}] {
			emit(ch)
		}
	}
	for _, k := range keys {
		if k[2] == "" && k[3] == "" {
			emit(k)
		}
	}
	for _, k := range keys { // breakdowns whose parent is itself a breakdown elsewhere
		emit(k)
	}
	return out
}

// resolveParents fills in the parent's name and unit of each breakdown item, from the
// items of the same event.
func resolveParents(items []eventItem, events []int64) {
	at := make(map[[2]int64]int, len(items))
	for k, it := range items {
		at[[2]int64{events[k], int64(it.pos)}] = k
	}
	for k := range items {
		it := &items[k]
		if it.parent <= 0 || it.parent-1 == it.pos {
			continue
		}
		if p, ok := at[[2]int64{events[k], int64(it.parent - 1)}]; ok {
			it.pname, it.punit = items[p].name, items[p].unit
		}
	}
}

// typeRanks gives each event type its place in EventTypes (unknown types last).
var typeRanks = func() map[string]int {
	m := map[string]int{}
	for i, code := range model.EventTypes.Codes() {
		m[code] = i
	}
	return m
}()

func typeRank(typ string) int {
	if r, ok := typeRanks[typ]; ok {
		return r
	}
	return len(typeRanks)
}

// unitRoles are the roles of units in events, by their packed index; "" for a role this
// program does not know.
var unitRoles = []string{"host", "cohost", "recipient", "partner", ""}

// itemsAndSupport sums the items (per type and overall) and makes the per-unit tables.
// The period's events are joined once to event_items and once to event_units (index
// probes); the joined rows come back packed (or row by row, see the package comment) and
// are summed in Go, where an event's items are added to each unit it counts for.
func (c *computer) itemsAndSupport() error {
	t := c.t
	units := map[int64][2]string{} // id → name, kind; live units only (rule 7)
	var maxUnit int64
	rows, err := c.tx.QueryContext(c.ctx, "SELECT id, name, kind FROM units WHERE deleted_at = ''")
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
		maxUnit = max(maxUnit, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}

	// Items.
	var items []eventItem
	var itemEvents []int64
	var itemTypes []string
	itemsFrom := ` FROM events e CROSS JOIN event_items i ON i.event_id = e.id WHERE e.year BETWEEN @y1 AND @y2 AND e.deleted_at = ''`
	unitsFrom := ` FROM events e CROSS JOIN event_units eu ON eu.event_id = e.id WHERE e.year BETWEEN @y1 AND @y2 AND e.deleted_at = ''`
	args := append(yearsArgs(c.period), sql.Named("lo", c.minEvent), sql.Named("hi", c.maxEvent))
	if n := c.nEvents; !noIDRange && n > 0 && c.maxEvent-c.minEvent < 2*int64(n) {
		// The period's events have ids close together (they were entered about when they
		// happened): read the items and units of that id range in id order and look up
		// each event by id, in order too, which costs less than seeking each event's
		// items and units in turn.
		itemsFrom = ` FROM event_items i CROSS JOIN events e ON e.id = i.event_id
			WHERE i.event_id BETWEEN @lo AND @hi AND e.year BETWEEN @y1 AND @y2 AND e.deleted_at = ''`
		unitsFrom = ` FROM event_units eu CROSS JOIN events e ON e.id = eu.event_id
			WHERE eu.event_id BETWEEN @lo AND @hi AND e.year BETWEEN @y1 AND @y2 AND e.deleted_at = ''`
	}
	if c.packed {
		var evs, ids, places, qty, types, names, iunits sql.NullString
		if err := c.tx.QueryRowContext(c.ctx, `SELECT group_concat(i.event_id), group_concat(i.id), group_concat(i.pos * 65536 + coalesce(i.parent, 0)),
			group_concat(i.quantity), group_concat(e.type, char(31)), group_concat(i.name, char(31)), group_concat(i.unit, char(31))`+itemsFrom, args...).
			Scan(&evs, &ids, &places, &qty, &types, &names, &iunits); err != nil {
			return err
		}
		var iids, pl, qs []int64
		for _, col := range []struct {
			s   string
			dst *[]int64
		}{{evs.String, &itemEvents}, {ids.String, &iids}, {places.String, &pl}, {qty.String, &qs}} {
			if err := packedInts(col.s, func(v int64) { *col.dst = append(*col.dst, v) }); err != nil {
				return err
			}
		}
		n := len(itemEvents)
		ts, ns, us := splitN(types.String, n), splitN(names.String, n), splitN(iunits.String, n)
		if len(iids) != n || len(pl) != n || len(qs) != n || ts == nil || ns == nil || us == nil {
			return errMisaligned
		}
		itemTypes = ts
		for k := range itemEvents {
			items = append(items, eventItem{name: ns[k], unit: us[k], quantity: qs[k], id: iids[k], pos: int(pl[k] / 65536),
				parent: int(pl[k] % 65536), typeRank: typeRank(ts[k])})
		}
	} else {
		rows, err := c.tx.QueryContext(c.ctx, `SELECT i.event_id, e.type, i.id, i.pos, coalesce(i.parent, 0), i.name, i.unit, i.quantity`+itemsFrom+` ORDER BY i.event_id, i.pos`, args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var ev int64
			var typ string
			var it eventItem
			if err := rows.Scan(&ev, &typ, &it.id, &it.pos, &it.parent, &it.name, &it.unit, &it.quantity); err != nil {
				rows.Close()
				return err
			}
			it.typeRank = typeRank(typ)
			items = append(items, it)
			itemEvents = append(itemEvents, ev)
			itemTypes = append(itemTypes, typ)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	resolveParents(items, itemEvents)
	byEvent := map[int64][]eventItem{}
	byType := map[string]*itemSums{}
	all := &itemSums{}
	for k, it := range items {
		ev, typ := itemEvents[k], itemTypes[k]
		byEvent[ev] = append(byEvent[ev], it)
		s := byType[typ]
		if s == nil {
			s = &itemSums{}
			byType[typ] = s
		}
		s.add(ev, it)
		all.add(ev, it)
	}
	c.itemsByType = byType
	t.Events.Items = all.list()

	// Units. The rows of an event come together (the join reads the events one by one,
	// each event's units in primary-key order: unit, then role), so an event is counted
	// once per unit, and once in its direction's total, by comparing with the row before.
	type acc struct {
		row   model.UnitSupport
		items itemSums
	}
	sides := map[string]map[int64]*acc{model.DirToMilitary: {}, model.DirToLocal: {}}
	totals := map[string]*acc{model.DirToMilitary: {}, model.DirToLocal: {}}
	lastPair := [2]int64{-1, -1}
	lastTotal := map[string]int64{model.DirToMilitary: -1, model.DirToLocal: -1}
	addUnit := func(ev, unitID int64, role, dir, typ string, f model.EventFigures) {
		byUnit, ok := sides[dir]
		u, live := units[unitID]
		if !ok || !live || !model.CountsForSupport(dir, typ, role, u[1]) || lastPair == [2]int64{ev, unitID} {
			return
		}
		lastPair = [2]int64{ev, unitID}
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
			for _, it := range byEvent[ev] {
				a.items.add(ev, it)
			}
		}
		add(a)
		if lastTotal[dir] != ev {
			lastTotal[dir] = ev
			add(totals[dir])
		}
	}
	if c.packed && maxUnit < 1<<24 {
		// Packed: ((event·2²⁴ + unit)·8 + role)·8 + flags, flags = 1 to_local, 2 a direction
		// this program does not know, 4 a 走访慰问 event.
		var keys, ps, ms, moneys sql.NullString
		if err := c.tx.QueryRowContext(c.ctx, `SELECT group_concat(((eu.event_id * 16777216 + eu.unit_id) * 8
			+ CASE eu.role WHEN 'host' THEN 0 WHEN 'cohost' THEN 1 WHEN 'recipient' THEN 2 WHEN 'partner' THEN 3 ELSE 4 END) * 8
			+ (e.direction = 'to_local') + 2 * (e.direction NOT IN ('to_military', 'to_local')) + 4 * (e.type = @visit)),
			group_concat(e.participants), group_concat(e.military_participants), group_concat(e.money_fen)`+unitsFrom,
			append(args, sql.Named("visit", model.EventVisit))...).
			Scan(&keys, &ps, &ms, &moneys); err != nil {
			return err
		}
		var p, m, mon []int64
		for _, col := range []struct {
			s   string
			dst *[]int64
		}{{ps.String, &p}, {ms.String, &m}, {moneys.String, &mon}} {
			if err := packedInts(col.s, func(v int64) { *col.dst = append(*col.dst, v) }); err != nil {
				return err
			}
		}
		k := 0
		err := packedInts(keys.String, func(v int64) {
			if k >= len(p) || k >= len(m) || k >= len(mon) {
				k++
				return
			}
			f := model.EventFigures{Participants: p[k], Military: m[k], MoneyFen: mon[k]}
			k++
			flags := v % 8
			v /= 8
			if flags&2 != 0 {
				return // a direction this program does not know
			}
			dir := model.DirToMilitary
			if flags&1 != 0 {
				dir = model.DirToLocal
			}
			typ := ""
			if flags&4 != 0 {
				typ = model.EventVisit
			}
			role := unitRoles[min(v%8, 4)]
			v /= 8
			addUnit(v/16777216, v%16777216, role, dir, typ, f)
		})
		if err != nil {
			return err
		}
		if k != len(p) || k != len(m) || k != len(mon) {
			return errMisaligned
		}
	} else {
		rows, err := c.tx.QueryContext(c.ctx, `SELECT eu.event_id, eu.unit_id, eu.role, e.direction, e.type, e.participants,
			e.military_participants, e.money_fen`+unitsFrom+` ORDER BY eu.event_id, eu.unit_id, eu.role`, args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var ev, unitID int64
			var role, dir, typ string
			var f model.EventFigures
			if err := rows.Scan(&ev, &unitID, &role, &dir, &typ, &f.Participants, &f.Military, &f.MoneyFen); err != nil {
				rows.Close()
				return err
			}
			if !model.UnitRoles.Valid(role) {
				role = ""
			}
			if typ != model.EventVisit {
				typ = "" // the support rules tell 走访慰问 from the rest, as the packed path does
			}
			addUnit(ev, unitID, role, dir, typ, f)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
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

// splitN splits a group_concat string of texts joined by char(31) into n parts (nil when
// it does not have n).
func splitN(s string, n int) []string {
	if n == 0 {
		return []string{}
	}
	parts := strings.Split(s, "\x1f")
	if len(parts) != n {
		return nil
	}
	return parts
}
