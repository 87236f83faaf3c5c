package store

import (
	"context"
	"database/sql"
	"fmt"
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
	return s.write(ctx, func(w *writer) error {
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
	})
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
		WHERE eu.event_id = ? ORDER BY eu.role, u.name`, id)
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
	Year          int
	Type          string
	Month         int // 1–12; 0 = all
	UnitID        int64
	Text          string // title, place, organiser: substring
	Offset, Limit int
}

// EventRow is an event as the list shows it.
type EventRow struct {
	model.Event
	Visits int // people reached
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
	where := []string{"e.deleted_at = ''", "e.year = ?"}
	args := []any{q.Year}
	if q.Type != "" {
		where = append(where, "e.type = ?")
		args = append(args, q.Type)
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
		where = append(where, "(e.title LIKE ? OR e.place LIKE ? OR e.organiser LIKE ? OR e.lead LIKE ?)")
		args = append(args, "%"+w+"%", "%"+w+"%", "%"+w+"%", "%"+w+"%")
	}
	cond := strings.Join(where, " AND ")
	page := EventPage{Offset: q.Offset}
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM events e WHERE "+cond, args...).Scan(&page.Total); err != nil {
		return page, s.classify(err)
	}
	rows, err := s.db.QueryContext(ctx, "SELECT "+prefixed("e.", eventReadCols)+`,
		(SELECT count(*) FROM visits v WHERE v.event_id = e.id AND v.deleted_at = '')
		FROM events e WHERE `+cond+" ORDER BY e.date DESC, e.id DESC LIMIT ? OFFSET ?", append(args, q.Limit, q.Offset)...)
	if err != nil {
		return page, s.classify(err)
	}
	defer rows.Close()
	for rows.Next() {
		var r EventRow
		if err := scanEvent(extraScanner{rows, []any{&r.Visits}}, &r.Event); err != nil {
			return page, err
		}
		page.Rows = append(page.Rows, r)
	}
	return page, rows.Err()
}
