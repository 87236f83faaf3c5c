package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Actions written into the change history.
const (
	ActInsert  = "insert"
	ActUpdate  = "update"
	ActTrash   = "trash"
	ActRestore = "restore"
	ActUndo    = "undo"
)

// Entities whose rows the history records (their table names).
const (
	EntPerson    = "people"
	EntUnit      = "units"
	EntPairing   = "pairings"
	EntEvent     = "events"
	EntVisit     = "visits"
	EntVillage   = "villages"
	EntHousehold = "households"
	EntSetting   = "settings"
)

// childTables are rows saved together with their parent event and snapshotted with it.
var childTables = map[string][]struct{ table, key, cols string }{
	EntEvent: {
		{"event_units", "event_id", "unit_id, role"},
		{"event_items", "event_id", "pos, name, quantity, unit, parent"},
	},
}

// writer is the one place a save goes through: one immediate transaction, with a change
// id shared by every history row it writes. After the commit the people search index is
// refreshed for the people the save touched.
type writer struct {
	s        *Store
	tx       *sql.Tx
	ctx      context.Context
	changeID int64
	at       string
	operator string
	people   map[int64]bool // people whose search entry must be refreshed
	rebuild  bool           // the whole search index must be rebuilt (village or unit renamed)
}

// rebuildAbove is the number of people touched by one change above which the search
// index is rebuilt rather than patched entry by entry.
const rebuildAbove = 5000

// write runs fn in one transaction. Nothing is saved unless fn returns nil and the commit
// succeeds.
func (s *Store) write(ctx context.Context, fn func(w *writer) error) error {
	if err := s.ReadOnly(); err != nil {
		return err // a read-only or damaged file is never written
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.classify(err)
	}
	defer tx.Rollback()
	w := &writer{s: s, tx: tx, ctx: ctx, at: s.now(), operator: s.Operator(), people: map[int64]bool{}}
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(change_id), 0) + 1 FROM history").Scan(&w.changeID); err != nil {
		return s.classify(err)
	}
	if err := fn(w); err != nil {
		return s.classify(err)
	}
	// Read the refreshed search entries inside the transaction, apply them after commit;
	// after a change of thousands of people (undoing an import) rebuilding is cheaper.
	if len(w.people) > rebuildAbove {
		w.rebuild = true
	}
	var entries []*personEntry
	loaded := s.people.isLoaded()
	if !w.rebuild && len(w.people) > 0 && loaded {
		ids := make([]int64, 0, len(w.people))
		for id := range w.people {
			ids = append(ids, id)
		}
		if entries, err = loadEntries(ctx, tx, ids, s.people.codes); err != nil {
			return s.classify(err)
		}
	}
	if err := tx.Commit(); err != nil {
		err = s.classify(err)
		if KindOf(err) == ErrDamaged {
			s.setReadOnly(err)
		}
		return err
	}
	if w.rebuild {
		s.people.invalidate()
	} else if len(w.people) > 0 {
		s.people.apply(w.people, entries, loaded)
	}
	s.duties.roster.touched(w.people, w.rebuild)
	return nil
}

func (w *writer) exec(q string, args ...any) (sql.Result, error) {
	return w.tx.ExecContext(w.ctx, q, args...)
}

func (w *writer) touchPerson(id int64) {
	if id != 0 {
		w.people[id] = true
	}
}

// snapshot returns the row as JSON (with an event's units and items), or "" when absent.
func (w *writer) snapshot(entity string, id int64) (string, error) {
	return snapshotRow(w.ctx, w.tx, w.s.tables, entity, id)
}

func snapshotRow(ctx context.Context, q querier, tables map[string][]string, entity string, id int64) (string, error) {
	if entity == EntSetting {
		return "", nil // settings are keyed by name: saveSetting records their values itself
	}
	cols, ok := tables[entity]
	if !ok {
		return "", fmt.Errorf("no history for %s", entity)
	}
	var b strings.Builder
	b.WriteString("SELECT json_object(")
	for i, c := range cols {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "'%s', t.%s", c, c)
	}
	for _, ch := range childTables[entity] {
		var obj []string
		for _, c := range strings.Split(ch.cols, ", ") {
			obj = append(obj, fmt.Sprintf("'%s', c.%s", c, c))
		}
		fmt.Fprintf(&b, ", '%s', (SELECT json_group_array(json_object(%s)) FROM %s c WHERE c.%s = t.id)",
			ch.table, strings.Join(obj, ", "), ch.table, ch.key)
	}
	fmt.Fprintf(&b, ") FROM %s t WHERE t.id = ?", entity)
	var js string
	err := q.QueryRowContext(ctx, b.String(), id).Scan(&js)
	if err == sql.ErrNoRows {
		return "", nil
	}
	return js, err
}

// record writes one history row.
func (w *writer) record(entity string, id int64, action, summary, before, after string) error {
	_, err := w.exec(`INSERT INTO history(change_id, at, operator, entity, row_id, action, summary, before, after)
		VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)`, w.changeID, w.at, w.operator, entity, id, action, summary, before, after)
	return err
}

// change snapshots the row, runs mutate, snapshots again and records the difference.
func (w *writer) change(entity string, id int64, action, summary string, mutate func() error) error {
	before, err := w.snapshot(entity, id)
	if err != nil {
		return err
	}
	if err := mutate(); err != nil {
		return err
	}
	after, err := w.snapshot(entity, id)
	if err != nil {
		return err
	}
	if before == after && action == ActUpdate {
		return nil // nothing changed: no history row
	}
	return w.record(entity, id, action, summary, before, after)
}

// setDeleted moves a row to the trash (at != "") or restores it (at == "").
func (w *writer) setDeleted(entity string, id int64, summary string) error {
	action := ActTrash
	at := w.at
	return w.change(entity, id, action, summary, func() error {
		return w.expectOne(w.exec(fmt.Sprintf("UPDATE %s SET deleted_at = ? WHERE id = ? AND deleted_at = ''", entity), at, id))
	})
}

func (w *writer) restoreDeleted(entity string, id int64, summary string) error {
	return w.change(entity, id, ActRestore, summary, func() error {
		return w.expectOne(w.exec(fmt.Sprintf("UPDATE %s SET deleted_at = '' WHERE id = ? AND deleted_at <> ''", entity), id))
	})
}

// trashRow and restoreRow move one row of a kind that needs nothing else done to or from
// the trash, with its summary in the history.
func (w *writer) trashRow(entity string, id int64) error {
	summary, err := w.summaryOf(entity, id)
	if err != nil {
		return err
	}
	return w.setDeleted(entity, id, summary)
}

func (w *writer) restoreRow(entity string, id int64) error {
	summary, err := w.summaryOf(entity, id)
	if err != nil {
		return err
	}
	return w.restoreDeleted(entity, id, summary)
}

// inserted records the row an INSERT added (res) in the history and returns its id.
func (w *writer) inserted(entity string, res sql.Result, summary string) (int64, error) {
	id, _ := res.LastInsertId()
	after, err := w.snapshot(entity, id)
	if err != nil {
		return id, err
	}
	return id, w.record(entity, id, ActInsert, summary, "", after)
}

// expectOne turns "no row changed" into ErrNotFound.
func (w *writer) expectOne(res sql.Result, err error) error {
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return &Error{Kind: ErrNotFound}
	}
	return nil
}

type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// loadColumns reads each recorded table's columns (generated columns excluded: they
// cannot be written back).
func (s *Store) loadColumns(ctx context.Context) error {
	s.tables = map[string][]string{}
	for _, t := range []string{EntPerson, EntUnit, EntPairing, EntEvent, EntVisit, EntVillage, EntHousehold, EntCampaign, EntRoster,
		EntPlaque, EntConfirmation} {
		rows, err := s.db.QueryContext(ctx, "SELECT name FROM pragma_table_info(?) ORDER BY cid", t)
		if err != nil {
			return err
		}
		for rows.Next() {
			var c string
			if err := rows.Scan(&c); err != nil {
				rows.Close()
				return err
			}
			s.tables[t] = append(s.tables[t], c)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}

// restoreSnapshot puts a row back as the snapshot js shows it; "" removes the row (the
// undo of an insert). Children of an event are replaced as a whole.
func (w *writer) restoreSnapshot(entity string, id int64, js string) error {
	if js == "" {
		for _, ch := range childTables[entity] {
			if _, err := w.exec(fmt.Sprintf("DELETE FROM %s WHERE %s = ?", ch.table, ch.key), id); err != nil {
				return err
			}
		}
		_, err := w.exec(fmt.Sprintf("DELETE FROM %s WHERE id = ?", entity), id)
		return err
	}
	cols := w.s.tables[entity]
	vals := make([]string, len(cols))
	sets := make([]string, 0, len(cols))
	for i, c := range cols {
		vals[i] = fmt.Sprintf("json_extract(?1, '$.%s')", c)
		if c != "id" {
			sets = append(sets, fmt.Sprintf("%s = excluded.%s", c, c))
		}
	}
	q := fmt.Sprintf("INSERT INTO %s(%s) VALUES(%s) ON CONFLICT(id) DO UPDATE SET %s",
		entity, strings.Join(cols, ", "), strings.Join(vals, ", "), strings.Join(sets, ", "))
	if _, err := w.exec(q, js); err != nil {
		return err
	}
	for _, ch := range childTables[entity] {
		if _, err := w.exec(fmt.Sprintf("DELETE FROM %s WHERE %s = ?", ch.table, ch.key), id); err != nil {
			return err
		}
		var sel []string
		for _, c := range strings.Split(ch.cols, ", ") {
			sel = append(sel, fmt.Sprintf("json_extract(j.value, '$.%s')", c))
		}
		q := fmt.Sprintf("INSERT INTO %s(%s, %s) SELECT ?2, %s FROM json_each(json_extract(?1, '$.%s')) j",
			ch.table, ch.key, ch.cols, strings.Join(sel, ", "), ch.table)
		if _, err := w.exec(q, js, id); err != nil {
			return err
		}
	}
	return nil
}

// ErrEarlierRun: the newest change was made before this run of the program opened the
// file (another day's work); Ctrl+Z reverses only what this run changed.
var ErrEarlierRun = errors.New("the last change was made in an earlier run of the program")

var errBulkBoundary = errors.New("the last change is a bulk load, which undo does not reverse")

// UndoResult says what Ctrl+Z undid.
type UndoResult struct {
	Action  string // the action undone (insert, update, trash, restore)
	Entity  string
	Summary string
	Rows    int
}

// undoTarget is the change Undo would reverse: the newest not yet undone, made in this
// run of the program and not a bulk load.
func (s *Store) undoTarget(ctx context.Context, q querier) (int64, error) {
	var target int64
	err := q.QueryRowContext(ctx, `SELECT coalesce(max(change_id), 0) FROM history
		WHERE undone = 0 AND action <> ?`, ActUndo).Scan(&target)
	if err != nil {
		return 0, err
	}
	if target == 0 {
		return 0, &Error{Kind: ErrNothingToUndo}
	}
	if target <= s.sessionStart {
		return 0, &Error{Kind: ErrNothingToUndo, Err: ErrEarlierRun}
	}
	var bulk int
	if err := q.QueryRowContext(ctx, "SELECT count(*) FROM history WHERE change_id = ? AND action = ?", target, ActBulk).Scan(&bulk); err != nil {
		return 0, err
	}
	if bulk > 0 {
		return 0, &Error{Kind: ErrNothingToUndo, Err: errBulkBoundary}
	}
	return target, nil
}

// Undo reverses the newest change not yet undone, as one new change in the history.
func (s *Store) Undo(ctx context.Context) (UndoResult, error) {
	var res UndoResult
	bulk := func() {}
	defer func() { bulk() }()
	err := s.write(ctx, func(w *writer) error {
		target, err := s.undoTarget(ctx, w.tx)
		if err != nil {
			return err
		}
		// An import puts people into households and villages it made in the same change;
		// checking foreign keys at the commit lets its rows be put back in any order.
		if _, err := w.exec("PRAGMA defer_foreign_keys = ON"); err != nil {
			return err
		}
		// An import's inserts are taken back in bulk; its other rows one by one below.
		var imported int
		if err := w.tx.QueryRowContext(ctx, "SELECT count(*) FROM history WHERE change_id = ? AND action = ?", target, ActImport).Scan(&imported); err != nil {
			return err
		}
		skip := ""
		if imported > 0 {
			bulk = s.bulkCache(ctx, w.tx) // as big as the import's
			n, err := w.undoImportInserts(target)
			if err != nil {
				return err
			}
			res.Rows += n
			skip = " AND action <> '" + ActInsert + "'"
		}
		rows, err := w.tx.QueryContext(ctx, `SELECT id, entity, row_id, action, summary, before, after FROM history
			WHERE change_id = ?`+skip+` ORDER BY id DESC`, target)
		if err != nil {
			return err
		}
		type step struct {
			hid                            int64
			entity                         string
			row                            int64
			action, summary, before, after string
		}
		var steps []step
		for rows.Next() {
			var st step
			if err := rows.Scan(&st.hid, &st.entity, &st.row, &st.action, &st.summary, &st.before, &st.after); err != nil {
				rows.Close()
				return err
			}
			steps = append(steps, st)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, st := range steps {
			if st.action == ActImport {
				// The marker of an import: nothing to put back; it names the change.
				res.Action, res.Entity, res.Summary = st.action, st.entity, st.summary
				continue
			} else if st.entity == EntSetting {
				if err := w.putSetting(st.summary, st.before); err != nil {
					return err
				}
			} else {
				now, err := w.snapshot(st.entity, st.row)
				if err != nil {
					return err
				}
				if err := w.restoreSnapshot(st.entity, st.row, st.before); err != nil {
					return err
				}
				if err := w.record(st.entity, st.row, ActUndo, st.summary, now, st.before); err != nil {
					return err
				}
				if err := w.afterRowChanged(st.entity, st.row, st.before, now); err != nil {
					return err
				}
			}
			res.Action, res.Entity, res.Summary = st.action, st.entity, st.summary
			res.Rows++
		}
		_, err = w.exec("UPDATE history SET undone = 1 WHERE change_id = ?", target)
		return err
	})
	return res, err
}

// afterRowChanged keeps derived data right when a row was put back by undo: the people
// index, and a person's last visit date.
func (w *writer) afterRowChanged(entity string, id int64, before, after string) error {
	switch entity {
	case EntPerson:
		w.touchPerson(id)
	case EntVisit:
		for _, js := range []string{before, after} {
			if js == "" {
				continue
			}
			var pid int64
			if err := w.tx.QueryRowContext(w.ctx, "SELECT json_extract(?, '$.person_id')", js).Scan(&pid); err != nil {
				return err
			}
			if err := w.refreshLastVisit(pid); err != nil {
				return err
			}
		}
	case EntVillage, EntUnit, EntHousehold:
		w.rebuild = true
	}
	return nil
}

// refreshLastVisit recomputes a person's last visit date (any mode: the last contact) and
// last home visit date (入户) from their live visits.
func (w *writer) refreshLastVisit(personID int64) error {
	_, err := w.exec(`UPDATE people SET last_visit_on = coalesce((SELECT max(date) FROM visits
		WHERE person_id = ?1 AND deleted_at = ''), ''), last_home_on = coalesce((SELECT max(date) FROM visits
		WHERE person_id = ?1 AND deleted_at = '' AND mode = 'home'), '') WHERE id = ?1`, personID)
	w.touchPerson(personID)
	return err
}

// HistoryRow is one line of the change history.
type HistoryRow struct {
	ChangeID int64
	At       string
	Operator string
	Entity   string
	RowID    int64
	Action   string
	Summary  string
	Before   string
	After    string
	Undone   bool
}

// History lists the changes of one record, newest first; entity "" lists all changes.
//
// A record's life starts at its newest insert that was not undone: an id freed by undoing
// an insert is given again to the next record saved (the tables reuse the largest id), and
// the changes of the record that had it before are not this one's.
func (s *Store) History(ctx context.Context, entity string, rowID int64, offset, limit int) ([]HistoryRow, int, error) {
	where, args := "1", []any{}
	if entity != "" {
		where = `entity = ?1 AND row_id = ?2 AND id >= coalesce((SELECT max(id) FROM history
			WHERE entity = ?1 AND row_id = ?2 AND action = '` + ActInsert + `' AND undone = 0), 0)`
		args = []any{entity, rowID}
	}
	var total int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM history WHERE "+where, args...).Scan(&total); err != nil {
		return nil, 0, s.classify(err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT change_id, at, operator, entity, row_id, action, summary, before, after, undone
		FROM history WHERE `+where+` ORDER BY id DESC LIMIT `+strconv.Itoa(limit)+` OFFSET `+strconv.Itoa(offset), args...)
	if err != nil {
		return nil, 0, s.classify(err)
	}
	defer rows.Close()
	var out []HistoryRow
	for rows.Next() {
		var h HistoryRow
		if err := rows.Scan(&h.ChangeID, &h.At, &h.Operator, &h.Entity, &h.RowID, &h.Action, &h.Summary, &h.Before, &h.After, &h.Undone); err != nil {
			return nil, 0, err
		}
		out = append(out, h)
	}
	return out, total, rows.Err()
}

// TrashRow is a record waiting in the trash.
type TrashRow struct {
	Entity    string
	ID        int64
	Summary   string
	DeletedAt string
}

// Trash lists trashed people, units, events and visits, newest first.
func (s *Store) Trash(ctx context.Context, offset, limit int) ([]TrashRow, int, error) {
	const q = `
		SELECT 'people', id, name, deleted_at FROM people WHERE deleted_at <> ''
		UNION ALL SELECT 'units', id, name, deleted_at FROM units WHERE deleted_at <> ''
		UNION ALL SELECT 'events', id, CASE WHEN title <> '' THEN title ELSE date END, deleted_at FROM events WHERE deleted_at <> ''
		UNION ALL SELECT 'visits', v.id, v.date || ' ' || p.name, v.deleted_at FROM visits v JOIN people p ON p.id = v.person_id WHERE v.deleted_at <> ''`
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
