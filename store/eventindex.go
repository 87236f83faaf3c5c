package store

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"shuangyong/model"
)

// EventIndex is a year's events held compactly in memory for the 活动 list's
// search-as-you-type: matching 40 000 events' titles, places, organisers, leads and unit
// names with LIKE costs 35–60 ms a keystroke at county scale, above the 10 ms budget
// (SPEC.md §7); scanning them in memory costs about a millisecond, and the list's running
// totals come with the match instead of another pass over the year's visits. The list then
// reads only the window it shows (EventsByID).
//
// An index is a snapshot: whoever holds one builds a new one when events or visits change
// (the tab does on tab.ChangedMsg) and answers from ListEvents meanwhile. Match answers
// exactly what ListEvents and ListEventTotals answer for the same query.
type EventIndex struct {
	Year    int
	entries []eventEntry
	units   map[int64]string // unit names, ASCII letters lower-cased
	pos     map[int64]int32  // entry of an event id
}

type eventEntry struct {
	id                      int64
	date                    string
	month                   int
	typ, occasion, dir      string
	title, place, org, lead string // ASCII letters lower-cased
	units                   []int64
	fig                     EventFigures
	visits                  int
}

// Len is the number of events in the index.
func (ix *EventIndex) Len() int { return len(ix.entries) }

// BuildEventIndex reads the live events of a year (newest first, as the list orders them)
// with their units and their counted figures.
func (s *Store) BuildEventIndex(ctx context.Context, year int) (*EventIndex, error) {
	ix := &EventIndex{Year: year, units: map[int64]string{}, pos: map[int64]int32{}}
	intern := map[string]string{}
	in := func(v string) string {
		if x, ok := intern[v]; ok {
			return x
		}
		intern[v] = v
		return v
	}
	// Read in the table's order and sorted here: SQLite's sort of 40 000 wide rows costs
	// several times Go's of the entries.
	rows, err := s.db.QueryContext(ctx, `SELECT id, date, type, occasion, direction, title, place, organiser, lead,
		participants, military_participants, money_fen FROM events WHERE year = ? AND deleted_at = ''`, year)
	if err != nil {
		return nil, s.classify(err)
	}
	pos := ix.pos
	for rows.Next() {
		var e eventEntry
		var date string
		if err := rows.Scan(&e.id, &date, &e.typ, &e.occasion, &e.dir, &e.title, &e.place, &e.org, &e.lead,
			&e.fig.Participants, &e.fig.Military, &e.fig.MoneyFen); err != nil {
			rows.Close()
			return nil, s.classify(err)
		}
		e.date = in(date)
		if len(date) >= 7 {
			e.month = int(date[5]-'0')*10 + int(date[6]-'0')
		}
		e.typ, e.occasion, e.dir = in(e.typ), in(e.occasion), in(e.dir)
		e.title = lowerASCII(e.title)
		e.place, e.org, e.lead = in(lowerASCII(e.place)), in(lowerASCII(e.org)), in(lowerASCII(e.lead))
		if e.typ == model.EventVisit {
			e.fig = EventFigures{}
		}
		ix.entries = append(ix.entries, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, s.classify(err)
	}
	slices.SortFunc(ix.entries, func(a, b eventEntry) int {
		if c := strings.Compare(b.date, a.date); c != 0 {
			return c
		}
		return cmp.Compare(b.id, a.id)
	})
	for i := range ix.entries {
		pos[ix.entries[i].id] = int32(i)
	}

	// A 走访慰问 event counts its visits of its own year (see eventFigures), read from the
	// visits_year index alone in its order.
	rows, err = s.db.QueryContext(ctx, `SELECT event_id, count(*), sum(money_fen + goods_value_fen) FROM visits
		WHERE year = ? AND deleted_at = '' GROUP BY event_id`, year)
	if err != nil {
		return nil, s.classify(err)
	}
	for rows.Next() {
		var id, n, money int64
		if err := rows.Scan(&id, &n, &money); err != nil {
			rows.Close()
			return nil, s.classify(err)
		}
		if i, ok := pos[id]; ok && ix.entries[i].typ == model.EventVisit {
			ix.entries[i].fig = EventFigures{Participants: n, MoneyFen: money}
			ix.entries[i].visits = int(n)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, s.classify(err)
	}

	rows, err = s.db.QueryContext(ctx, `SELECT eu.event_id, eu.unit_id FROM event_units eu JOIN events e ON e.id = eu.event_id
		WHERE e.year = ? AND e.deleted_at = ''`, year)
	if err != nil {
		return nil, s.classify(err)
	}
	for rows.Next() {
		var id, unit int64
		if err := rows.Scan(&id, &unit); err != nil {
			rows.Close()
			return nil, s.classify(err)
		}
		if i, ok := pos[id]; ok && !slices.Contains(ix.entries[i].units, unit) {
			ix.entries[i].units = append(ix.entries[i].units, unit)
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
		ix.units[id] = lowerASCII(name)
	}
	return ix, s.classify(rows.Err())
}

// Match lists the ids of the events q selects (its Year must be the index's; Offset and
// Limit are ignored), newest first, and their running totals.
func (ix *EventIndex) Match(q EventQuery) ([]int64, EventTotals) {
	var words []string
	for _, w := range strings.Fields(q.Text) {
		words = append(words, lowerASCII(w))
	}
	var ids []int64
	var t EventTotals
	for i := range ix.entries {
		e := &ix.entries[i]
		if q.Type != "" && e.typ != q.Type || q.Occasion != "" && e.occasion != q.Occasion ||
			q.Direction != "" && e.dir != q.Direction || q.Month > 0 && e.month != q.Month ||
			q.UnitID != 0 && !slices.Contains(e.units, q.UnitID) {
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
		t.add(e.fig)
	}
	return ids, t
}

func (ix *EventIndex) has(e *eventEntry, w string) bool {
	if strings.Contains(e.title, w) || strings.Contains(e.place, w) || strings.Contains(e.org, w) || strings.Contains(e.lead, w) {
		return true
	}
	for _, u := range e.units {
		if strings.Contains(ix.units[u], w) {
			return true
		}
	}
	return false
}

// figures are an event's counted figures and live visits, as the index holds them.
func (ix *EventIndex) figures(id int64) (EventFigures, int) {
	i, ok := ix.pos[id]
	if !ok {
		return EventFigures{}, 0
	}
	return ix.entries[i].fig, ix.entries[i].visits
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
