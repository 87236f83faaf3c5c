package store

import (
	"context"
	"fmt"
	"strings"
)

// ActPurge marks a record deleted for good from the trash. Its history row keeps only the
// summary (a name, a date): the copies of the record's data in earlier history rows are
// wiped with it, since deleting for good is how personal data leaves the file.
const ActPurge = "purge"

// trashQueries list each kind's trashed rows with a summary, for TrashOf.
var trashQueries = map[string]string{
	EntPerson: "SELECT 'people', id, name, deleted_at FROM people WHERE deleted_at <> ''",
	EntUnit:   "SELECT 'units', id, name, deleted_at FROM units WHERE deleted_at <> ''",
	EntEvent:  "SELECT 'events', id, CASE WHEN title <> '' THEN date || ' ' || title ELSE date END, deleted_at FROM events WHERE deleted_at <> ''",
	EntVisit: `SELECT 'visits', v.id, v.date || ' ' || p.name, v.deleted_at FROM visits v JOIN people p ON p.id = v.person_id
		WHERE v.deleted_at <> '' AND NOT EXISTS (SELECT 1 FROM events e WHERE e.id = v.event_id AND e.deleted_at <> '')`,
	EntPairing: `SELECT 'pairings', x.id, a.name || ' - ' || b.name, x.deleted_at FROM pairings x
		JOIN units a ON a.id = x.unit_a JOIN units b ON b.id = x.unit_b WHERE x.deleted_at <> ''`,
	// Plaque lines and confirmations trashed with their visit are listed with the visit.
	EntPlaque: `SELECT 'plaques', x.id, x.date || ' ' || p.name, x.deleted_at FROM plaques x JOIN people p ON p.id = x.person_id
		WHERE x.deleted_at <> '' AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.id = x.visit_id AND v.deleted_at <> '')`,
	EntConfirmation: `SELECT 'confirmations', x.id, x.date || ' ' || p.name, x.deleted_at FROM confirmations x JOIN people p ON p.id = x.person_id
		WHERE x.deleted_at <> '' AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.id = x.visit_id AND v.deleted_at <> '')`,
}

// TrashOf lists the trashed records of the given kinds (entity names), newest first. A
// visit trashed with its event is listed with the event, not on its own.
func (s *Store) TrashOf(ctx context.Context, entities []string, offset, limit int) ([]TrashRow, int, error) {
	var parts []string
	for _, e := range entities {
		q, ok := trashQueries[e]
		if !ok {
			return nil, 0, fmt.Errorf("no trash for %s", e)
		}
		parts = append(parts, q)
	}
	if len(parts) == 0 {
		return nil, 0, nil
	}
	q := strings.Join(parts, " UNION ALL ")
	var total int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM ("+q+")").Scan(&total); err != nil {
		return nil, 0, s.classify(err)
	}
	rows, err := s.db.QueryContext(ctx, q+" ORDER BY 4 DESC, 2 DESC LIMIT ? OFFSET ?", limit, offset)
	if err != nil {
		return nil, 0, s.classify(err)
	}
	defer rows.Close()
	var out []TrashRow
	for rows.Next() {
		var t TrashRow
		if err := rows.Scan(&t.Entity, &t.ID, &t.Summary, &t.DeletedAt); err != nil {
			return nil, 0, err
		}
		out = append(out, t)
	}
	return out, total, rows.Err()
}

// Restore takes a record of any kind back from the trash.
func (s *Store) Restore(ctx context.Context, entity string, id int64) error {
	switch entity {
	case EntPerson:
		return s.RestorePerson(ctx, id)
	case EntUnit:
		return s.RestoreUnit(ctx, id)
	case EntEvent:
		return s.RestoreEvent(ctx, id)
	case EntVisit:
		return s.RestoreVisit(ctx, id)
	case EntPairing:
		return s.RestorePairing(ctx, id)
	case EntPlaque:
		return s.RestorePlaque(ctx, id)
	case EntConfirmation:
		return s.RestoreConfirmation(ctx, id)
	}
	return fmt.Errorf("no trash for %s", entity)
}

// Purge deletes a trashed record for good, with what belongs to it alone: a person's
// visits, an event's visits, units and items, a unit's pairings and its place in events
// (people who served in it keep the unit's name as text). Copies of the deleted rows in
// the history are wiped and those changes can no longer be undone; one history row says
// what was deleted, and it cannot be undone either. A record not in the trash is refused.
func (s *Store) Purge(ctx context.Context, entity string, id int64) error {
	return s.write(ctx, func(w *writer) error {
		var deletedAt string
		if _, ok := trashQueries[entity]; !ok {
			return fmt.Errorf("no trash for %s", entity)
		}
		err := w.tx.QueryRowContext(ctx, fmt.Sprintf("SELECT deleted_at FROM %s WHERE id = ?", entity), id).Scan(&deletedAt)
		if err != nil || deletedAt == "" {
			return &Error{Kind: ErrNotFound, Err: err}
		}
		summary, err := w.summaryOf(entity, id)
		if err != nil {
			return err
		}
		// Every row going, by table, children first.
		gone := map[string][]int64{entity: {id}}
		switch entity {
		case EntPerson:
			if gone[EntVisit], err = QueryIDs(ctx, w.tx, "SELECT id FROM visits WHERE person_id = ?", id); err != nil {
				return err
			}
			// Their places on campaign rosters (a foreign key to them) go too.
			if gone[EntRoster], err = QueryIDs(ctx, w.tx, "SELECT id FROM campaign_roster WHERE person_id = ?", id); err != nil {
				return err
			}
		case EntEvent:
			if gone[EntVisit], err = QueryIDs(ctx, w.tx, "SELECT id FROM visits WHERE event_id = ?", id); err != nil {
				return err
			}
		case EntUnit:
			if gone[EntPairing], err = QueryIDs(ctx, w.tx, "SELECT id FROM pairings WHERE unit_a = ?1 OR unit_b = ?1", id); err != nil {
				return err
			}
			if _, err := w.exec("DELETE FROM event_units WHERE unit_id = ?", id); err != nil {
				return err
			}
			if _, err := w.exec("UPDATE people SET service_unit_id = NULL WHERE service_unit_id = ?", id); err != nil {
				return err
			}
		}
		// Plaque lines and confirmations of the person or the visits going (they
		// reference both) go first.
		if entity == EntPerson || entity == EntEvent || entity == EntVisit {
			var person int64
			visits := gone[EntVisit]
			if entity == EntPerson {
				person = id
			} else if entity == EntVisit {
				visits = []int64{id}
			}
			duties, err := dutyRowsOf(ctx, w.tx, person, visits)
			if err != nil {
				return err
			}
			gone[EntPlaque], gone[EntConfirmation] = duties[EntPlaque], duties[EntConfirmation]
		}
		for _, table := range []string{EntPlaque, EntConfirmation, EntRoster, EntVisit, EntPairing, entity} {
			for _, rid := range gone[table] {
				if _, err := w.exec(fmt.Sprintf("DELETE FROM %s WHERE id = ?", table), rid); err != nil {
					return err
				}
				// The history's copies of the row go too, and the changes that held them
				// can no longer be undone (their rows are gone).
				if _, err := w.exec(`UPDATE history SET undone = 1 WHERE change_id IN
					(SELECT change_id FROM history WHERE entity = ? AND row_id = ?)`, table, rid); err != nil {
					return err
				}
				if _, err := w.exec("UPDATE history SET before = '', after = '' WHERE entity = ? AND row_id = ?", table, rid); err != nil {
					return err
				}
			}
			if table == entity {
				break
			}
		}
		if err := w.record(entity, id, ActPurge, summary, "", ""); err != nil {
			return err
		}
		_, err = w.exec("UPDATE history SET undone = 1 WHERE change_id = ?", w.changeID)
		return err
	})
}

// ChangeRow is one saved change as the history lists it: its first row (what it was
// about) and how many rows it changed — an import or a campaign is one change.
type ChangeRow struct {
	HistoryRow
	Rows int
}

// Changes lists the newest changes of the whole ledger, one row each, newest first.
func (s *Store) Changes(ctx context.Context, offset, limit int) ([]ChangeRow, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT h.change_id, h.at, h.operator, h.entity, h.row_id, h.action, h.summary, h.undone, c.n
		FROM (SELECT change_id, min(id) AS first, count(*) AS n FROM history GROUP BY change_id
			ORDER BY change_id DESC LIMIT ? OFFSET ?) c
		JOIN history h ON h.id = c.first ORDER BY h.change_id DESC`, limit, offset)
	if err != nil {
		return nil, s.classify(err)
	}
	defer rows.Close()
	var out []ChangeRow
	for rows.Next() {
		var c ChangeRow
		if err := rows.Scan(&c.ChangeID, &c.At, &c.Operator, &c.Entity, &c.RowID, &c.Action, &c.Summary, &c.Undone, &c.Rows); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
