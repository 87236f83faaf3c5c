package store

import (
	"context"
	"database/sql"
	"strconv"

	"shuangyong/model"
)

// 年度确认 (条例 第八条): every periodic-subsidy recipient (享受中) on the roll is confirmed once
// a year, usually at a home visit. A confirmation is a row of confirmations (migration
// 0005) for the year of its date; one live row per person and year.

const confirmationCols = "person_id, date, method, confirmed_by, visit_id, note"

const confirmationReadCols = "id, " + confirmationCols + ", created_at, updated_at, deleted_at"

func scanConfirmation(r scanner, c *model.Confirmation) error {
	var visit sql.NullInt64
	err := r.Scan(&c.ID, &c.PersonID, &c.Date, &c.Method, &c.ConfirmedBy, &visit, &c.Note, &c.CreatedAt, &c.UpdatedAt, &c.DeletedAt)
	c.VisitID = visit.Int64
	return err
}

func (s *Store) prepareConfirmation(c *model.Confirmation) error {
	if c.ConfirmedBy == "" {
		c.ConfirmedBy = s.Operator()
	}
	if ps := model.ValidateConfirmation(c, s.Now()); !ps.OK() {
		return invalid(ps)
	}
	return nil
}

// Confirm records a person's 年度确认 for the year of c.Date (how: c.Method, 入户 when not
// said; by: c.ConfirmedBy, the operator when not said). A second confirmation of the same
// person and year is refused at PersonID; so is someone off the roll. c.ID is set.
func (s *Store) Confirm(ctx context.Context, c *model.Confirmation) error {
	if err := s.prepareConfirmation(c); err != nil {
		return err
	}
	return s.write(ctx, func(w *writer) error { return w.insertConfirmation(c, false) })
}

// insertConfirmation adds c; quiet (a campaign's tick) skips one already confirmed for the
// year instead of refusing it (the tick's visit is still recorded).
func (w *writer) insertConfirmation(c *model.Confirmation, quiet bool) error {
	var name, status, deleted, other string
	err := w.tx.QueryRowContext(w.ctx, `SELECT p.name, p.status, p.deleted_at,
		coalesce((SELECT min(date) FROM confirmations WHERE person_id = p.id AND year = ?2 AND deleted_at = ''), '')
		FROM people p WHERE p.id = ?1`, c.PersonID, c.Year()).Scan(&name, &status, &deleted, &other)
	if err == sql.ErrNoRows || deleted != "" {
		return &Error{Kind: ErrNotFound, Err: err}
	}
	if err != nil {
		return err
	}
	refuse := func(zh, en string) error {
		return invalid(model.Problems{Errors: []model.Problem{{Field: "PersonID", Code: "confirm", Zh: zh, En: en}}})
	}
	if other != "" {
		if quiet {
			return nil
		}
		y := strconv.Itoa(c.Year())
		return refuse(name+" 已于 "+other+" 完成"+y+"年度确认，不再重复登记", name+" was confirmed for "+y+" on "+other)
	}
	if status != model.StatusActive && status != model.StatusStopped {
		return refuse(name+" 已"+model.PersonStatuses.Label(status, model.Zh)+"，不在册，不能确认",
			name+" is not on the roll ("+model.PersonStatuses.Label(status, model.En)+")")
	}
	res, err := w.exec("INSERT INTO confirmations("+confirmationCols+", created_at, updated_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?)",
		c.PersonID, c.Date, c.Method, c.ConfirmedBy, nullID(c.VisitID), c.Note, w.at, w.at)
	if err != nil {
		return err
	}
	c.ID, err = w.inserted(EntConfirmation, res, c.Date+" "+name)
	return err
}

// TrashConfirmation moves a confirmation to the trash (withdraws it). The visit that made
// it, if any, stays.
func (s *Store) TrashConfirmation(ctx context.Context, id int64) error {
	return s.write(ctx, func(w *writer) error { return w.trashRow(EntConfirmation, id) })
}

// RestoreConfirmation takes a confirmation back from the trash, unless the person was
// confirmed for that year again meanwhile (refused at PersonID).
func (s *Store) RestoreConfirmation(ctx context.Context, id int64) error {
	return s.write(ctx, func(w *writer) error {
		var n int
		if err := w.tx.QueryRowContext(ctx, `SELECT count(*) FROM confirmations o JOIN confirmations c
			ON o.person_id = c.person_id AND o.year = c.year WHERE c.id = ? AND o.deleted_at = ''`, id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return invalid(model.Problems{Errors: []model.Problem{{Field: "PersonID", Code: "confirm",
				Zh: "这一年度已另有确认记录，不能恢复", En: "the person has another confirmation for that year"}}})
		}
		return w.restoreRow(EntConfirmation, id)
	})
}

// ConfirmationsOf lists a person's live confirmations, newest first (the detail shows
// them; the first is this year's when its year is this year).
func (s *Store) ConfirmationsOf(ctx context.Context, personID int64) ([]model.Confirmation, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+confirmationReadCols+` FROM confirmations
		WHERE person_id = ? AND deleted_at = '' ORDER BY date DESC, id DESC`, personID)
	if err != nil {
		return nil, s.classify(err)
	}
	defer rows.Close()
	var out []model.Confirmation
	for rows.Next() {
		var c model.Confirmation
		if err := scanConfirmation(rows, &c); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Confirmation reads one confirmation, trashed or not.
func (s *Store) Confirmation(ctx context.Context, id int64) (model.Confirmation, error) {
	var c model.Confirmation
	err := scanConfirmation(s.db.QueryRowContext(ctx, "SELECT "+confirmationReadCols+" FROM confirmations WHERE id = ?", id), &c)
	if err == sql.ErrNoRows {
		return c, &Error{Kind: ErrNotFound, Err: err}
	}
	return c, s.classify(err)
}

// Confirmation list states.
const (
	ConfirmToDo = ""     // recipients not confirmed for the year (未确认)
	ConfirmDone = "done" // recipients confirmed (已确认)
	ConfirmAll  = "all"
)

// ConfirmQuery selects a window of the year's recipients: typed text as in the 军属 list.
type ConfirmQuery struct {
	Text          string
	Year          int // 0: this year
	State         string
	Offset, Limit int
}

// ConfirmRow is a recipient with their confirmation of the year, if any.
type ConfirmRow struct {
	PersonRow
	Confirmation model.Confirmation // ID 0: not confirmed
}

// ConfirmPage is a window of the list and the number of rows the query selects.
type ConfirmPage struct {
	Total    int
	Offset   int
	Rows     []ConfirmRow
	WeakOnly bool
	Year     int
}

// ConfirmationList lists the periodic-subsidy recipients (享受中) on the roll now, with
// their confirmation of the year: by default those not confirmed yet (the ones to chase),
// in roster order (village, then name in pinyin order).
func (s *Store) ConfirmationList(ctx context.Context, q ConfirmQuery) (ConfirmPage, error) {
	if q.Year == 0 {
		q.Year = s.Now().Year()
	}
	changes, err := s.changeCount(ctx)
	if err != nil {
		return ConfirmPage{}, s.classify(err)
	}
	type rec struct {
		id, conf int64
	}
	key := "confirm " + strconv.Itoa(q.Year) + " " + s.Today()
	var all []rec
	if v, ok := s.dutyCache().get(key, changes); ok {
		all = v.([]rec)
	} else {
		// The recipients on the roll from the kept roster, their confirmations of the
		// year from the confirmations_year index, the order from the search index.
		day := model.DateNum(s.Today())
		var ids []int64
		err := s.duties.roster.use(ctx, s.db, func(rows []dutyPerson, _ int64) error {
			for i := range rows {
				if d := &rows[i]; d.flags&(dpSubsidy|dpGone) == dpSubsidy && d.reg <= day {
					ids = append(ids, d.id)
				}
			}
			return nil
		})
		if err != nil {
			return ConfirmPage{}, s.classify(err)
		}
		done := map[int64]int64{}
		rows, err := s.db.QueryContext(ctx, `SELECT person_id, min(id) FROM confirmations WHERE year = ? AND deleted_at = ''
			GROUP BY person_id`, q.Year)
		if err != nil {
			return ConfirmPage{}, s.classify(err)
		}
		for rows.Next() {
			var pid, cid int64
			if err := rows.Scan(&pid, &cid); err != nil {
				rows.Close()
				return ConfirmPage{}, err
			}
			done[pid] = cid
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return ConfirmPage{}, s.classify(err)
		}
		if err := s.rosterOrder(ctx, ids); err != nil {
			return ConfirmPage{}, s.classify(err)
		}
		all = make([]rec, len(ids))
		for i, id := range ids {
			all[i] = rec{id, done[id]}
		}
		s.dutyCache().put(key, changes, all)
	}
	var ids []int64
	var confs []int64
	for _, r := range all {
		if q.State == ConfirmAll || (q.State == ConfirmDone) == (r.conf != 0) {
			ids, confs = append(ids, r.id), append(confs, r.conf)
		}
	}
	keep, fields, weak, err := s.matchEntries(ctx, ids, q.Text)
	if err != nil {
		return ConfirmPage{}, s.classify(err)
	}
	page := ConfirmPage{Total: len(keep), WeakOnly: weak, Year: q.Year}
	lo, hi := window(len(keep), q.Offset, q.Limit)
	page.Offset = lo
	var win []int64
	for _, k := range keep[lo:hi] {
		win = append(win, ids[k])
	}
	rows, err := s.peopleRows(ctx, win, fields[lo:hi])
	if err != nil {
		return ConfirmPage{}, err
	}
	byID := map[int64]PersonRow{}
	for _, r := range rows {
		byID[r.ID] = r
	}
	for _, k := range keep[lo:hi] {
		r, ok := byID[ids[k]]
		if !ok {
			continue
		}
		cr := ConfirmRow{PersonRow: r}
		if confs[k] != 0 {
			if cr.Confirmation, err = s.Confirmation(ctx, confs[k]); err != nil {
				return ConfirmPage{}, err
			}
		}
		page.Rows = append(page.Rows, cr)
	}
	return page, nil
}
