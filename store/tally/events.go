package tally

import (
	"database/sql"
	"sort"
	"strings"

	"shuangyong/model"
)

// events makes the events table and the activities per month from events_year, grouped by
// type and date (the index's own order: no sorting), and the year before's activities.
func (c *computer) events() error {
	t := c.t
	rows, err := c.tx.QueryContext(c.ctx, `SELECT type, date, count(*), sum(participants), sum(military_participants), sum(money_fen),
		min(id), max(id) FROM events WHERE year = ? AND deleted_at = '' GROUP BY type, date`, c.year)
	if err != nil {
		return err
	}
	byType := map[string]*model.EventRow{}
	var typ, date string
	var f model.EventFigures
	var lo, hi int64
	c.minEvent, c.maxEvent = -1, -1
	for rows.Next() {
		if err := rows.Scan(&typ, &date, &f.Events, &f.Participants, &f.Military, &f.MoneyFen, &lo, &hi); err != nil {
			rows.Close()
			return err
		}
		if c.minEvent < 0 || lo < c.minEvent {
			c.minEvent = lo
		}
		c.maxEvent = max(c.maxEvent, hi)
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
		return err
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
		t.Events.Rows = append(t.Events.Rows, *r)
	}
	var total model.EventRow
	h := &t.Headline
	for _, r := range t.Events.Rows {
		for q := 0; q < 4; q++ {
			total.Quarters[q] = model.SumEvents(total.Quarters[q], r.Quarters[q])
		}
		if r.Type != model.EventVisit {
			h.Activities += r.Year.Events
			h.Participants += r.Year.Participants
			h.Military += r.Year.Military
			h.ActivityFen += r.Year.MoneyFen
		}
	}
	total.Year = model.SumEvents(total.Quarters[:]...)
	t.Events.Total = total

	p := &t.Previous
	return c.tx.QueryRowContext(c.ctx, `SELECT count(*), coalesce(sum(participants), 0), coalesce(sum(military_participants), 0),
		coalesce(sum(money_fen), 0) FROM events WHERE year = ? AND deleted_at = '' AND type <> ?`, c.year-1, model.EventVisit).
		Scan(&p.Activities, &p.Participants, &p.Military, &p.ActivityFen)
}

// eventItem is an item of one event.
type eventItem struct {
	name, unit string
	quantity   int64
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
	return sortItems(out)
}

// sortItems sorts items by name, then unit.
func sortItems(items []model.ItemTotal) []model.ItemTotal {
	sort.Slice(items, func(i, j int) bool {
		if items[i].Name != items[j].Name {
			return items[i].Name < items[j].Name
		}
		return items[i].Unit < items[j].Unit
	})
	return items
}

// unitRoles are the roles of units in events, by their packed index; "" for a role this
// program does not know.
var unitRoles = []string{"host", "cohost", "recipient", "partner", ""}

// itemsAndSupport sums the items (per type and overall) and makes the per-unit tables.
// The year's events are joined once to event_items and once to event_units (index
// probes); the joined rows come back packed (or row by row, see the package comment) and
// are summed in Go, where an event's items are added to each unit it counts for.
func (c *computer) itemsAndSupport() error {
	t := c.t
	units := map[int64][2]string{} // id → name, kind
	var maxUnit int64
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
		maxUnit = max(maxUnit, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}

	// Items.
	byEvent := map[int64][]eventItem{}
	byType := map[string]*itemSums{}
	all := &itemSums{}
	addItem := func(ev int64, typ string, it eventItem) {
		byEvent[ev] = append(byEvent[ev], it)
		s := byType[typ]
		if s == nil {
			s = &itemSums{}
			byType[typ] = s
		}
		s.add(ev, it)
		all.add(ev, it)
	}
	itemsFrom := ` FROM events e CROSS JOIN event_items i ON i.event_id = e.id WHERE e.year = @year AND e.deleted_at = ''`
	unitsFrom := ` FROM events e CROSS JOIN event_units eu ON eu.event_id = e.id WHERE e.year = @year AND e.deleted_at = ''`
	args := []any{sql.Named("year", c.year), sql.Named("lo", c.minEvent), sql.Named("hi", c.maxEvent)}
	if n := c.t.Events.Total.Year.Events; !noIDRange && n > 0 && c.maxEvent-c.minEvent < 2*int64(n) {
		// The year's events have ids close together (they were entered about when they
		// happened): read the items and units of that id range in id order and look up
		// each event by id, in order too, which costs less than seeking each event's
		// items and units in turn.
		itemsFrom = ` FROM event_items i CROSS JOIN events e ON e.id = i.event_id
			WHERE i.event_id BETWEEN @lo AND @hi AND e.year = @year AND e.deleted_at = ''`
		unitsFrom = ` FROM event_units eu CROSS JOIN events e ON e.id = eu.event_id
			WHERE eu.event_id BETWEEN @lo AND @hi AND e.year = @year AND e.deleted_at = ''`
	}
	if c.packed {
		var evs, qty, types, names, iunits sql.NullString
		if err := c.tx.QueryRowContext(c.ctx, `SELECT group_concat(i.event_id), group_concat(i.quantity),
			group_concat(e.type, char(31)), group_concat(i.name, char(31)), group_concat(i.unit, char(31))`+itemsFrom, args...).
			Scan(&evs, &qty, &types, &names, &iunits); err != nil {
			return err
		}
		var ids, qs []int64
		if err := packedInts(evs.String, func(v int64) { ids = append(ids, v) }); err != nil {
			return err
		}
		if err := packedInts(qty.String, func(v int64) { qs = append(qs, v) }); err != nil {
			return err
		}
		ts, ns, us := splitN(types.String, len(ids)), splitN(names.String, len(ids)), splitN(iunits.String, len(ids))
		if len(qs) != len(ids) || ts == nil || ns == nil || us == nil {
			return errMisaligned
		}
		for k, ev := range ids {
			addItem(ev, ts[k], eventItem{name: ns[k], unit: us[k], quantity: qs[k]})
		}
	} else {
		rows, err := c.tx.QueryContext(c.ctx, `SELECT i.event_id, e.type, i.name, i.unit, i.quantity`+itemsFrom+` ORDER BY i.event_id, i.pos`, args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var ev int64
			var typ string
			var it eventItem
			if err := rows.Scan(&ev, &typ, &it.name, &it.unit, &it.quantity); err != nil {
				rows.Close()
				return err
			}
			addItem(ev, typ, it)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	for i := range t.Events.Rows {
		r := &t.Events.Rows[i]
		r.Items = byType[r.Type].list()
	}
	t.Events.Items = all.list()
	t.Events.Total.Items = t.Events.Items

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
	addUnit := func(ev, unitID int64, role, dir string, f model.EventFigures) {
		byUnit, ok := sides[dir]
		u := units[unitID]
		if !ok || !model.CountsForSupport(dir, role, u[1]) || lastPair == [2]int64{ev, unitID} {
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
		var keys, ps, ms, moneys sql.NullString
		if err := c.tx.QueryRowContext(c.ctx, `SELECT group_concat((eu.event_id * 16777216 + eu.unit_id) * 16
			+ CASE eu.role WHEN 'host' THEN 0 WHEN 'cohost' THEN 1 WHEN 'recipient' THEN 2 WHEN 'partner' THEN 3 ELSE 4 END * 2
			+ (e.direction = 'to_local') + 8 * (e.direction NOT IN ('to_military', 'to_local'))),
			group_concat(e.participants), group_concat(e.military_participants), group_concat(e.money_fen)`+unitsFrom, args...).
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
			f := model.EventFigures{Participants: p[k], Military: m[k], MoneyFen: mon[k]}
			k++
			if v&8 != 0 {
				return // a direction this program does not know
			}
			dir := model.DirToMilitary
			if v&1 != 0 {
				dir = model.DirToLocal
			}
			role := unitRoles[v%16/2]
			v /= 16
			addUnit(v/16777216, v%16777216, role, dir, f)
		})
		if err != nil {
			return err
		}
		if k != len(p) || k != len(m) || k != len(mon) {
			return errMisaligned
		}
	} else {
		rows, err := c.tx.QueryContext(c.ctx, `SELECT eu.event_id, eu.unit_id, eu.role, e.direction, e.participants,
			e.military_participants, e.money_fen`+unitsFrom+` ORDER BY eu.event_id, eu.unit_id, eu.role`, args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var ev, unitID int64
			var role, dir string
			var f model.EventFigures
			if err := rows.Scan(&ev, &unitID, &role, &dir, &f.Participants, &f.Military, &f.MoneyFen); err != nil {
				rows.Close()
				return err
			}
			if !model.UnitRoles.Valid(role) {
				role = ""
			}
			addUnit(ev, unitID, role, dir, f)
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
