package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"shuangyong/model"
)

const eventCols = `date, end_date, type, occasion, title, place, organiser, lead, direction, participants,
	military_participants, money_fen, money_source, standard_money_fen, standard_goods, standard_goods_fen, note`

var nEventCols = strings.Count(eventCols, ",") + 1

const eventReadCols = "id, " + eventCols + ", created_at, updated_at, deleted_at"

func eventArgs(e *model.Event) []any {
	return []any{e.Date, e.EndDate, e.Type, e.Occasion, e.Title, e.Place, e.Organiser, e.Lead, e.Direction,
		e.Participants, e.MilitaryParticipants, e.MoneyFen, e.MoneySource, e.StandardMoneyFen, e.StandardGoods,
		e.StandardGoodsFen, e.Note}
}

func scanEvent(r scanner, e *model.Event) error {
	return r.Scan(&e.ID, &e.Date, &e.EndDate, &e.Type, &e.Occasion, &e.Title, &e.Place, &e.Organiser, &e.Lead,
		&e.Direction, &e.Participants, &e.MilitaryParticipants, &e.MoneyFen, &e.MoneySource, &e.StandardMoneyFen,
		&e.StandardGoods, &e.StandardGoodsFen, &e.Note, &e.CreatedAt, &e.UpdatedAt, &e.DeletedAt)
}

func (s *Store) prepareEvent(e *model.Event) error {
	if e.Direction == "" {
		e.Direction = model.DefaultDirection(e.Type)
	}
	if ps := model.ValidateEvent(e, s.Now()); !ps.OK() {
		return invalid(ps)
	}
	return nil
}

func eventSummary(e *model.Event) string {
	if e.Title != "" {
		return e.Title
	}
	return e.Date + " " + model.EventTypes.Label(e.Type, model.Zh)
}

// CreateEvent validates and adds an event with its units and items; e.ID is set.
func (s *Store) CreateEvent(ctx context.Context, e *model.Event) error {
	if err := s.prepareEvent(e); err != nil {
		return err
	}
	return s.write(ctx, func(w *writer) error { return w.insertEvent(e) })
}

func (w *writer) insertEvent(e *model.Event) error {
	res, err := w.exec("INSERT INTO events("+eventCols+", created_at, updated_at) VALUES("+placeholders(nEventCols)+", ?, ?)",
		append(eventArgs(e), w.at, w.at)...)
	if err != nil {
		return err
	}
	e.ID, _ = res.LastInsertId()
	if err := w.writeEventChildren(e); err != nil {
		return err
	}
	after, err := w.snapshot(EntEvent, e.ID)
	if err != nil {
		return err
	}
	return w.record(EntEvent, e.ID, ActInsert, eventSummary(e), "", after)
}

func (w *writer) writeEventChildren(e *model.Event) error {
	if _, err := w.exec("DELETE FROM event_units WHERE event_id = ?", e.ID); err != nil {
		return err
	}
	if _, err := w.exec("DELETE FROM event_items WHERE event_id = ?", e.ID); err != nil {
		return err
	}
	for _, u := range e.Units {
		role := u.Role
		if role == "" {
			role = "host"
		}
		if _, err := w.exec("INSERT OR IGNORE INTO event_units(event_id, unit_id, role) VALUES(?, ?, ?)", e.ID, u.UnitID, role); err != nil {
			return err
		}
	}
	for i, it := range e.Items {
		if _, err := w.exec("INSERT INTO event_items(event_id, pos, name, quantity, unit, parent) VALUES(?, ?, ?, ?, ?, ?)",
			e.ID, i, it.Name, it.Quantity, it.Unit, it.Parent); err != nil {
			return err
		}
	}
	return nil
}

// UpdateEvent validates and saves an event over the stored one, units and items included.
// When the date changes, visits that carried the old date move with it.
func (s *Store) UpdateEvent(ctx context.Context, e *model.Event) error {
	if err := s.prepareEvent(e); err != nil {
		return err
	}
	return s.write(ctx, func(w *writer) error { return w.updateEvent(e) })
}

// updateEvent saves event e over the stored one, units and items included, and moves the
// visits that carried the old date with it.
func (w *writer) updateEvent(e *model.Event) error {
	ctx := w.ctx
	var oldDate string
	if err := w.tx.QueryRowContext(ctx, "SELECT date FROM events WHERE id = ? AND deleted_at = ''", e.ID).Scan(&oldDate); err != nil {
		if err == sql.ErrNoRows {
			return &Error{Kind: ErrNotFound, Err: err}
		}
		return err
	}
	if err := w.change(EntEvent, e.ID, ActUpdate, eventSummary(e), func() error {
		if _, err := w.exec("UPDATE events SET ("+eventCols+", updated_at) = ("+placeholders(nEventCols)+", ?) WHERE id = ?",
			append(eventArgs(e), w.at, e.ID)...); err != nil {
			return err
		}
		return w.writeEventChildren(e)
	}); err != nil {
		return err
	}
	if oldDate == e.Date {
		return nil
	}
	ids, err := QueryIDs(ctx, w.tx, "SELECT id FROM visits WHERE event_id = ? AND date = ? AND deleted_at = ''", e.ID, oldDate)
	if err != nil {
		return err
	}
	for _, id := range ids {
		v, err := w.s.visitTx(ctx, w.tx, id)
		if err != nil {
			return err
		}
		v.Date = e.Date
		if err := w.updateVisitRow(&v); err != nil {
			return err
		}
	}
	return nil
}

// TrashEvent moves an event and its visits to the trash.
func (s *Store) TrashEvent(ctx context.Context, id int64) error {
	return s.write(ctx, func(w *writer) error {
		summary, err := w.summaryOf(EntEvent, id)
		if err != nil {
			return err
		}
		ids, err := w.visitIDs(id, "")
		if err != nil {
			return err
		}
		if err := w.setDeleted(EntEvent, id, summary); err != nil {
			return err
		}
		for _, vid := range ids {
			if err := w.trashVisit(vid); err != nil {
				return err
			}
		}
		return nil
	})
}

// RestoreEvent takes an event back from the trash with the visits trashed with it.
func (s *Store) RestoreEvent(ctx context.Context, id int64) error {
	return s.write(ctx, func(w *writer) error {
		summary, err := w.summaryOf(EntEvent, id)
		if err != nil {
			return err
		}
		var deletedAt string
		if err := w.tx.QueryRowContext(ctx, "SELECT deleted_at FROM events WHERE id = ?", id).Scan(&deletedAt); err != nil {
			return err
		}
		if err := w.restoreDeleted(EntEvent, id, summary); err != nil {
			return err
		}
		ids, err := w.visitIDs(id, deletedAt)
		if err != nil {
			return err
		}
		for _, vid := range ids {
			if err := w.restoreVisit(vid); err != nil {
				return err
			}
		}
		return nil
	})
}

// visitIDs lists an event's visits that are live (deletedAt "") or were trashed at deletedAt.
func (w *writer) visitIDs(eventID int64, deletedAt string) ([]int64, error) {
	return QueryIDs(w.ctx, w.tx, "SELECT id FROM visits WHERE event_id = ? AND deleted_at = ?", eventID, deletedAt)
}

// Event reads one event with its units (names filled) and items.
func (s *Store) Event(ctx context.Context, id int64) (model.Event, error) {
	var e model.Event
	err := scanEvent(s.db.QueryRowContext(ctx, "SELECT "+eventReadCols+" FROM events WHERE id = ?", id), &e)
	if err == sql.ErrNoRows {
		return e, &Error{Kind: ErrNotFound, Err: err}
	}
	if err != nil {
		return e, s.classify(err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT eu.unit_id, eu.role, u.name FROM event_units eu JOIN units u ON u.id = eu.unit_id
		WHERE eu.event_id = ? ORDER BY CASE eu.role WHEN 'host' THEN 0 WHEN 'cohost' THEN 1 WHEN 'recipient' THEN 2
		WHEN 'partner' THEN 3 ELSE 4 END, u.name`, id)
	if err != nil {
		return e, s.classify(err)
	}
	for rows.Next() {
		var u model.EventUnit
		if err := rows.Scan(&u.UnitID, &u.Role, &u.Name); err != nil {
			rows.Close()
			return e, err
		}
		e.Units = append(e.Units, u)
	}
	rows.Close()
	rows, err = s.db.QueryContext(ctx, "SELECT name, quantity, unit, coalesce(parent, 0) FROM event_items WHERE event_id = ? ORDER BY pos", id)
	if err != nil {
		return e, s.classify(err)
	}
	defer rows.Close()
	for rows.Next() {
		var it model.Item
		if err := rows.Scan(&it.Name, &it.Quantity, &it.Unit, &it.Parent); err != nil {
			return e, err
		}
		e.Items = append(e.Items, it)
	}
	return e, rows.Err()
}

// EventQuery selects events of a year.
type EventQuery struct {
	Year      int
	Type      string
	Occasion  string
	Direction string
	Month     int // 1–12; 0 = all
	UnitID    int64
	// Text: every word is found in the title, the place, the organiser, the lead or the
	// name of a unit taking part (substring, ASCII letters in any case).
	Text          string
	Offset, Limit int
}

// EventRow is an event as the list shows it.
type EventRow struct {
	model.Event
	Visits int // people reached
	// Fig is what the event counts (DOMAIN.md §4 rule 2): a 走访慰问 event's 人次 and money
	// are its visits' (慰问金 + 慰问品), not the figures typed on it.
	Fig EventFigures
}

// EventFigures are an event's participants (人次), of them military, and money in 分.
type EventFigures struct {
	Participants int64
	Military     int64
	MoneyFen     int64
}

// EventTotals are a list's running totals: how many events, and their figures summed.
type EventTotals struct {
	Events int
	EventFigures
}

func (t *EventTotals) add(f EventFigures) {
	t.Events++
	t.Participants += f.Participants
	t.Military += f.Military
	t.MoneyFen += f.MoneyFen
}

// EventPage is one window of events and the total.
type EventPage struct {
	Total  int
	Offset int
	Rows   []EventRow
}

// ListEvents returns a window of a year's live events, newest first.
func (s *Store) ListEvents(ctx context.Context, q EventQuery) (EventPage, error) {
	if q.Limit <= 0 {
		q.Limit = 50
	}
	cond, args := q.where()
	page := EventPage{Offset: q.Offset}
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM events e WHERE "+cond, args...).Scan(&page.Total); err != nil {
		return page, s.classify(err)
	}
	// In the date index's order: the window is read without sorting the whole year (a
	// type's few events come faster from events_year, sorted).
	from := "events e INDEXED BY events_date"
	if q.Type != "" {
		from = "events e"
	}
	rows, err := s.eventRowsFrom(ctx, from, cond+" ORDER BY e.date DESC, e.id DESC LIMIT ? OFFSET ?",
		append(args, q.Limit, q.Offset)...)
	page.Rows = rows
	return page, err
}

// where is the query's condition on events e, with its arguments.
func (q EventQuery) where() (string, []any) {
	// The date range says again what the year says, so that the events_date index serves.
	where := []string{"e.deleted_at = ''", "e.year = ?", "e.date >= ? AND e.date < ?"}
	args := []any{q.Year, fmt.Sprintf("%04d-01-01", q.Year), fmt.Sprintf("%04d-01-01", q.Year+1)}
	if q.Type != "" {
		where = append(where, "e.type = ?")
		args = append(args, q.Type)
	}
	if q.Occasion != "" {
		where = append(where, "e.occasion = ?")
		args = append(args, q.Occasion)
	}
	if q.Direction != "" {
		where = append(where, "e.direction = ?")
		args = append(args, q.Direction)
	}
	if q.Month > 0 {
		where = append(where, "e.date >= ? AND e.date < ?")
		args = append(args, fmt.Sprintf("%04d-%02d-01", q.Year, q.Month), fmt.Sprintf("%04d-%02d-32", q.Year, q.Month))
	}
	if q.UnitID != 0 {
		where = append(where, "e.id IN (SELECT event_id FROM event_units WHERE unit_id = ?)")
		args = append(args, q.UnitID)
	}
	for _, w := range strings.Fields(q.Text) {
		like := "%" + escapeLike(w) + "%"
		where = append(where, `(e.title LIKE ? ESCAPE '\' OR e.place LIKE ? ESCAPE '\' OR e.organiser LIKE ? ESCAPE '\'
			OR e.lead LIKE ? ESCAPE '\' OR e.id IN (SELECT eu.event_id FROM event_units eu JOIN units u ON u.id = eu.unit_id
			WHERE u.name LIKE ? ESCAPE '\'))`)
		args = append(args, like, like, like, like, like)
	}
	return strings.Join(where, " AND "), args
}

// escapeLike makes % and _ in typed text match themselves.
func escapeLike(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`)
	return r.Replace(s)
}

// eventFigures is the SQL of an event e's counted figures (DOMAIN.md §4 rules 2 and 3) —
// 人次, of them military, money — then its number of live visits. A 走访慰问 event counts
// its visits dated in its own year (a campaign's visits made in January of the next year
// count in that year), summed from the visits_year index alone: 20 ms for a 70 000-visit
// campaign at county scale, against 240 ms reading every visit row.
const eventFigures = `CASE WHEN e.type = 'visit' THEN (SELECT count(*) FROM visits v INDEXED BY visits_year
		WHERE v.deleted_at = '' AND v.year = e.year AND v.event_id = e.id) ELSE e.participants END AS fig_p,
	CASE WHEN e.type = 'visit' THEN 0 ELSE e.military_participants END AS fig_mil,
	CASE WHEN e.type = 'visit' THEN (SELECT coalesce(sum(v.money_fen + v.goods_value_fen), 0) FROM visits v INDEXED BY visits_year
		WHERE v.deleted_at = '' AND v.year = e.year AND v.event_id = e.id) ELSE e.money_fen END AS fig_money,
	(SELECT count(*) FROM visits v WHERE v.event_id = e.id AND v.deleted_at = '') AS fig_visits`

// visitYears lists the years live visits fall in ("2022,2023,2024"), read from the ends
// of the visits_date index; "" when there are none or the span is implausible.
func (s *Store) visitYears(ctx context.Context) string {
	var lo, hi sql.NullString
	if err := s.db.QueryRowContext(ctx, "SELECT min(date) FROM visits WHERE deleted_at = ''").Scan(&lo); err != nil {
		return ""
	}
	if err := s.db.QueryRowContext(ctx, "SELECT max(date) FROM visits WHERE deleted_at = ''").Scan(&hi); err != nil {
		return ""
	}
	a, b := yearOf(lo.String), yearOf(hi.String)
	if a <= 0 || b < a || b-a > 60 {
		return ""
	}
	var out []string
	for y := a; y <= b; y++ {
		out = append(out, strconv.Itoa(y))
	}
	return strings.Join(out, ",")
}

func yearOf(date string) int {
	if len(date) < 4 {
		return 0
	}
	y, err := strconv.Atoi(date[:4])
	if err != nil {
		return 0
	}
	return y
}

func (s *Store) eventRows(ctx context.Context, where string, args ...any) ([]EventRow, error) {
	return s.eventRowsFrom(ctx, "events e", where, args...)
}

func (s *Store) eventRowsFrom(ctx context.Context, from, where string, args ...any) ([]EventRow, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+prefixed("e.", eventReadCols)+", "+eventFigures+" FROM "+from+" WHERE "+where, args...)
	if err != nil {
		return nil, s.classify(err)
	}
	defer rows.Close()
	var out []EventRow
	for rows.Next() {
		var r EventRow
		if err := scanEvent(extraScanner{rows, []any{&r.Fig.Participants, &r.Fig.Military, &r.Fig.MoneyFen, &r.Visits}}, &r.Event); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// EventsByID reads events as the list shows them, in the order of ids (ids not found, or
// in the trash, are left out).
func (s *Store) EventsByID(ctx context.Context, ids []int64) ([]EventRow, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.eventRows(ctx, "e.deleted_at = '' AND e.id IN ("+placeholders(len(ids))+")", args...)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]EventRow, len(rows))
	for _, r := range rows {
		byID[r.ID] = r
	}
	out := make([]EventRow, 0, len(ids))
	for _, id := range ids {
		if r, ok := byID[id]; ok {
			out = append(out, r)
		}
	}
	return out, nil
}

// EventFiguresOf is one event's counted figures (rule 2) and its number of live visits.
func (s *Store) EventFiguresOf(ctx context.Context, id int64) (EventFigures, int, error) {
	rows, err := s.eventRows(ctx, "e.id = ?", id)
	if err != nil {
		return EventFigures{}, 0, err
	}
	if len(rows) == 0 {
		return EventFigures{}, 0, &Error{Kind: ErrNotFound, Err: sql.ErrNoRows}
	}
	return rows[0].Fig, rows[0].Visits, nil
}

// ListEventTotals sums the figures of every event the query selects (its window aside).
// It reads each 走访慰问 event's visits: EventIndex answers the same faster while typing.
func (s *Store) ListEventTotals(ctx context.Context, q EventQuery) (EventTotals, error) {
	cond, args := q.where()
	var t EventTotals
	err := s.db.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(fig_p), 0), coalesce(sum(fig_mil), 0), coalesce(sum(fig_money), 0) FROM (SELECT `+
		eventFigures+` FROM events e WHERE `+cond+`)`, args...).Scan(&t.Events, &t.Participants, &t.Military, &t.MoneyFen)
	return t, s.classify(err)
}

// ItemsUsed lists the items (name and counting unit) of live events, the most used
// first, for the event form's suggestions; limit caps the list.
func (s *Store) ItemsUsed(ctx context.Context, limit int) ([]model.Item, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT i.name, i.unit FROM event_items i JOIN events e ON e.id = i.event_id
		WHERE e.deleted_at = '' AND i.name <> '' GROUP BY i.name, i.unit ORDER BY count(*) DESC, min(i.id) LIMIT ?`, limit)
	if err != nil {
		return nil, s.classify(err)
	}
	defer rows.Close()
	var out []model.Item
	for rows.Next() {
		var it model.Item
		if err := rows.Scan(&it.Name, &it.Unit); err != nil {
			return nil, s.classify(err)
		}
		out = append(out, it)
	}
	return out, s.classify(rows.Err())
}

// UnitChoice is a unit as a picker offers it.
type UnitChoice struct {
	ID   int64
	Name string
	Kind string
}

// UnitChoices lists the live units by kind and pinyin, for the event form's unit rows and
// the 活动 list's unit filter (a township has tens of units; a county a few hundred).
func (s *Store) UnitChoices(ctx context.Context) ([]UnitChoice, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT id, name, kind FROM units WHERE deleted_at = '' ORDER BY kind, py_full, id")
	if err != nil {
		return nil, s.classify(err)
	}
	defer rows.Close()
	var out []UnitChoice
	for rows.Next() {
		var u UnitChoice
		if err := rows.Scan(&u.ID, &u.Name, &u.Kind); err != nil {
			return nil, s.classify(err)
		}
		out = append(out, u)
	}
	return out, s.classify(rows.Err())
}

// EventWindow reads the events of ids (a window of an EventIndex match) in that order, their
// figures taken from the index rather than summed again from the visits. An id no longer
// live (the index is older than a change) gives a row with only its ID.
func (s *Store) EventWindow(ctx context.Context, ix *EventIndex, ids []int64) ([]EventRow, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.db.QueryContext(ctx, "SELECT "+eventReadCols+" FROM events WHERE deleted_at = '' AND id IN ("+placeholders(len(ids))+")", args...)
	if err != nil {
		return nil, s.classify(err)
	}
	defer rows.Close()
	byID := make(map[int64]model.Event, len(ids))
	for rows.Next() {
		var e model.Event
		if err := scanEvent(rows, &e); err != nil {
			return nil, s.classify(err)
		}
		byID[e.ID] = e
	}
	if err := rows.Err(); err != nil {
		return nil, s.classify(err)
	}
	out := make([]EventRow, len(ids))
	for i, id := range ids {
		out[i].ID = id
		if e, ok := byID[id]; ok {
			out[i].Event = e
			out[i].Fig, out[i].Visits = ix.figures(id)
		}
	}
	return out, nil
}

// TrashedUnitsOf lists the units an event names that are in the trash: the event still
// shows them, marked.
func (s *Store) TrashedUnitsOf(ctx context.Context, eventID int64) (map[int64]bool, error) {
	ids, err := QueryIDs(ctx, s.db, `SELECT u.id FROM event_units eu JOIN units u ON u.id = eu.unit_id
		WHERE eu.event_id = ? AND u.deleted_at <> ''`, eventID)
	if err != nil {
		return nil, s.classify(err)
	}
	out := map[int64]bool{}
	for _, id := range ids {
		out[id] = true
	}
	return out, nil
}
