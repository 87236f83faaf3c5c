package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"unsafe"

	"shuangyong/model"
)

// EventIndex is a year's events held compactly in memory for the 活动 list's
// search-as-you-type: matching 40 000 events' titles, places, organisers, leads and unit
// names with LIKE costs 35–60 ms a keystroke at county scale, above the 10 ms budget
// (SPEC.md §7); scanning them in memory costs about a millisecond, and the list's running
// totals come with the match instead of another pass over the year's visits. The list then
// reads only the window it shows (EventWindow). It takes about 4 MB for 40 000 events:
// places, organisers, leads and codes are interned, units and figures packed.
//
// An index is a snapshot: whoever holds one builds a new one when events or visits change
// (the tab does on tab.ChangedMsg) and answers from ListEvents meanwhile. Match answers
// exactly what ListEvents and ListEventTotals answer for the same query.
type EventIndex struct {
	Year    int
	entries []eventEntry
	titles  []byte           // the entries' titles, ASCII letters lower-cased
	strs    []string         // interned places, organisers, leads and codes, ASCII letters lower-cased
	units   []int64          // the entries' units, each entry's in a run
	names   map[int64]string // unit names, ASCII letters lower-cased
	byID    []idPos          // entry of an event id, sorted by id
}

// eventEntry is one event: 72 bytes and its title. It holds no pointer (the title is in
// titles), so that the collector has nothing to mark in 40 000 of them.
type eventEntry struct {
	id                 int64
	titleAt, titleLen  uint32 // titles[titleAt:][:titleLen]
	money              int64
	date               int32 // yyyymmdd
	place, org, lead   uint32
	typ, occasion, dir uint32
	unitsAt            uint32
	people, military   int32
	visits             int32
	nUnits             uint16
	month              uint8
}

type idPos struct {
	id  int64
	pos int32
}

// Len is the number of events in the index.
func (ix *EventIndex) Len() int { return len(ix.entries) }

// BuildEventIndex reads the live events of a year (newest first, as the list orders them)
// with their units and their counted figures.
func (s *Store) BuildEventIndex(ctx context.Context, year int) (*EventIndex, error) {
	ix := &EventIndex{Year: year, names: map[int64]string{}}
	interned := map[string]uint32{}
	in := func(v string) uint32 {
		if i, ok := interned[v]; ok {
			return i
		}
		i := uint32(len(ix.strs))
		ix.strs = append(ix.strs, v)
		interned[v] = i
		return i
	}
	in("") // 0 is the empty string
	// Read a month at a time and sorted here, so that the connection is never held for
	// long (the list, a detail or a save of another tab get it between two reads), and
	// because SQLite's sort of 40 000 wide rows costs several times Go's.
	visitCode := in(model.EventVisit)
	for m := 1; m <= 12; m++ {
		cond := "date >= ? AND date < ?"
		from, to := monthStart(year, m), monthStart(year, m+1)
		switch m {
		case 1:
			cond, from = "date < ?", to
		case 12:
			cond = "date >= ?"
		}
		args := []any{year, from}
		if m > 1 && m < 12 {
			args = append(args, to)
		}
		rows, err := s.db.QueryContext(ctx, `SELECT id, date, type, occasion, direction, title, place, organiser, lead,
			participants, military_participants, money_fen FROM events INDEXED BY events_date WHERE year = ? AND deleted_at = '' AND `+cond, args...)
		if err != nil {
			return nil, s.classify(err)
		}
		for rows.Next() {
			var e eventEntry
			var date, typ, occasion, dir, title, place, org, lead string
			var people, military int64
			if err := rows.Scan(&e.id, &date, &typ, &occasion, &dir, &title, &place, &org, &lead,
				&people, &military, &e.money); err != nil {
				rows.Close()
				return nil, s.classify(err)
			}
			e.date = packDate(date)
			e.month = uint8(e.date / 100 % 100)
			e.typ, e.occasion, e.dir = in(typ), in(occasion), in(dir)
			e.titleAt, e.titleLen = uint32(len(ix.titles)), uint32(len(title))
			ix.titles = append(ix.titles, lowerASCII(title)...)
			e.place, e.org, e.lead = in(lowerASCII(place)), in(lowerASCII(org)), in(lowerASCII(lead))
			e.people, e.military = int32(min(people, model.MaxCount)), int32(min(military, model.MaxCount))
			if e.typ == visitCode {
				e.people, e.military, e.money = 0, 0, 0
			}
			ix.entries = append(ix.entries, e)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, s.classify(err)
		}
	}
	slices.SortFunc(ix.entries, func(a, b eventEntry) int {
		if c := cmp.Compare(b.date, a.date); c != 0 {
			return c
		}
		return cmp.Compare(b.id, a.id)
	})
	ix.byID = make([]idPos, len(ix.entries))
	for i := range ix.entries {
		ix.byID[i] = idPos{ix.entries[i].id, int32(i)}
	}
	slices.SortFunc(ix.byID, func(a, b idPos) int { return cmp.Compare(a.id, b.id) })

	// A 走访慰问 event counts its visits of its own year (see eventFigures), read from the
	// visits_year index alone in its order, a range of event ids at a time.
	for lo := 0; lo < len(ix.byID); lo += eventIndexChunk {
		hi := min(lo+eventIndexChunk, len(ix.byID)) - 1
		rows, err := s.db.QueryContext(ctx, `SELECT event_id, count(*), sum(money_fen + goods_value_fen) FROM visits
			WHERE year = ? AND deleted_at = '' AND event_id BETWEEN ? AND ? GROUP BY event_id`, year, ix.byID[lo].id, ix.byID[hi].id)
		if err != nil {
			return nil, s.classify(err)
		}
		for rows.Next() {
			var id, n, money int64
			if err := rows.Scan(&id, &n, &money); err != nil {
				rows.Close()
				return nil, s.classify(err)
			}
			if e := ix.entry(id); e != nil && e.typ == visitCode {
				e.people, e.money, e.visits = int32(n), money, int32(n)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, s.classify(err)
		}
	}

	var err error
	var rows *sql.Rows
	rows, err = s.db.QueryContext(ctx, `SELECT eu.event_id, eu.unit_id FROM event_units eu JOIN events e ON e.id = eu.event_id
		WHERE e.year = ? AND e.deleted_at = '' ORDER BY eu.event_id`, year)
	if err != nil {
		return nil, s.classify(err)
	}
	for rows.Next() {
		var id, unit int64
		if err := rows.Scan(&id, &unit); err != nil {
			rows.Close()
			return nil, s.classify(err)
		}
		e := ix.entry(id)
		if e == nil {
			continue
		}
		if e.nUnits == 0 {
			e.unitsAt = uint32(len(ix.units))
		}
		if !slices.Contains(ix.units[e.unitsAt:e.unitsAt+uint32(e.nUnits)], unit) && e.nUnits < 1<<16-1 {
			ix.units = append(ix.units, unit)
			e.nUnits++
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, s.classify(err)
	}

	rows, err = s.db.QueryContext(ctx, "SELECT id, name FROM units")
	if err != nil {
		return nil, s.classify(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, s.classify(err)
		}
		ix.names[id] = lowerASCII(name)
	}
	return ix, s.classify(rows.Err())
}

// monthStart is the first day of a month (month 13: January of the next year).
func monthStart(year, month int) string {
	if month > 12 {
		year, month = year+1, 1
	}
	return fmt.Sprintf("%04d-%02d-01", year, month)
}

// eventIndexChunk is how many events' visits one read of BuildEventIndex sums (tests make
// it small to cross chunk boundaries).
var eventIndexChunk = 4000

// packDate turns an ISO date into yyyymmdd (0 when it is not one).
func packDate(d string) int32 {
	if len(d) < 10 {
		return 0
	}
	var n int32
	for i, c := range []byte(d[:10]) {
		if i == 4 || i == 7 {
			continue
		}
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int32(c-'0')
	}
	return n
}

func (ix *EventIndex) entry(id int64) *eventEntry {
	i, ok := slices.BinarySearchFunc(ix.byID, id, func(p idPos, id int64) int { return cmp.Compare(p.id, id) })
	if !ok {
		return nil
	}
	return &ix.entries[ix.byID[i].pos]
}

// code is the interned index of a code, or -1 when no event has it.
func (ix *EventIndex) code(v string) int64 {
	for i, s := range ix.strs {
		if s == v {
			return int64(i)
		}
	}
	return -1
}

// Match lists the ids of the events q selects (its Year must be the index's; Offset and
// Limit are ignored), newest first, and their running totals.
func (ix *EventIndex) Match(q EventQuery) ([]int64, EventTotals) {
	var words []string
	for _, w := range strings.Fields(q.Text) {
		words = append(words, lowerASCII(w))
	}
	var t EventTotals
	typ, occasion, dir := int64(-2), int64(-2), int64(-2) // -2: any
	if q.Type != "" {
		typ = ix.code(q.Type)
	}
	if q.Occasion != "" {
		occasion = ix.code(q.Occasion)
	}
	if q.Direction != "" {
		dir = ix.code(q.Direction)
	}
	if typ == -1 || occasion == -1 || dir == -1 {
		return nil, t
	}
	var ids []int64
	for i := range ix.entries {
		e := &ix.entries[i]
		if typ >= 0 && int64(e.typ) != typ || occasion >= 0 && int64(e.occasion) != occasion ||
			dir >= 0 && int64(e.dir) != dir || q.Month > 0 && int(e.month) != q.Month ||
			q.UnitID != 0 && !slices.Contains(ix.units[e.unitsAt:e.unitsAt+uint32(e.nUnits)], q.UnitID) {
			continue
		}
		ok := true
		for _, w := range words {
			if !ix.has(e, w) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		ids = append(ids, e.id)
		t.add(e.figures())
	}
	return ids, t
}

func (e *eventEntry) figures() EventFigures {
	return EventFigures{Participants: int64(e.people), Military: int64(e.military), MoneyFen: e.money}
}

// title returns e's title, a string over titles (no copy: titles never change).
func (ix *EventIndex) title(e *eventEntry) string {
	if e.titleLen == 0 {
		return ""
	}
	return unsafe.String(&ix.titles[e.titleAt], e.titleLen)
}

func (ix *EventIndex) has(e *eventEntry, w string) bool {
	if strings.Contains(ix.title(e), w) || strings.Contains(ix.strs[e.place], w) || strings.Contains(ix.strs[e.org], w) ||
		strings.Contains(ix.strs[e.lead], w) {
		return true
	}
	for _, u := range ix.units[e.unitsAt : e.unitsAt+uint32(e.nUnits)] {
		if strings.Contains(ix.names[u], w) {
			return true
		}
	}
	return false
}

// figures are an event's counted figures and live visits, as the index holds them.
func (ix *EventIndex) figures(id int64) (EventFigures, int) {
	e := ix.entry(id)
	if e == nil {
		return EventFigures{}, 0
	}
	return e.figures(), int(e.visits)
}

// lowerASCII lower-cases ASCII letters only, as SQLite's LIKE folds case.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
