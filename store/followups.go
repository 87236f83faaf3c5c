package store

import (
	"context"
	"strings"
)

// FollowUp is an open need or a follow-up date on the work list: the visit that raised it
// and the person it concerns.
type FollowUp struct {
	VisitRow
	VillageName string
	Due         string // the follow-up date, or the visit's date for a need without one
	// FollowedOn is the person's latest visit after this one ("" if none): the follow-up
	// was made, though the need is still open.
	FollowedOn string
	Overdue    bool // due before today and not followed up since
}

// openWork selects the visits still asking for work: an open need, or a follow-up date
// not yet met by a later visit. Each half is read from its own partial index
// (visits_open_needs, visits_follow_up): the two as one OR read every visit of the file,
// 11 s at county scale, holding the store's one connection all that time.
//
// The indexes are named (INDEXED BY): on a young ledger without the planner's statistics
// SQLite would rather read the table, and a ledger grows without anyone noticing.
const openWork = `SELECT id FROM visits INDEXED BY visits_open_needs WHERE need <> '' AND resolved_on = '' AND deleted_at = ''
	UNION
	SELECT id FROM visits f INDEXED BY visits_follow_up WHERE follow_up_on <> '' AND resolved_on = '' AND deleted_at = ''
		AND NOT EXISTS (SELECT 1 FROM visits w WHERE w.person_id = f.person_id AND w.deleted_at = '' AND w.date > f.date)`

// FollowUps lists the work still open from visits: needs not yet resolved, and follow-up
// dates set and not yet met by a later visit — oldest first, due dates before today
// flagged. People trashed or off the roll (迁出, 死亡) are left out.
func (s *Store) FollowUps(ctx context.Context, today string, offset, limit int) ([]FollowUp, int, error) {
	const where = ` WHERE v.id IN (` + openWork + `) AND p.deleted_at = '' AND p.status IN ('active', 'stopped')
		AND e.deleted_at = ''`
	const due = "CASE WHEN v.follow_up_on <> '' THEN v.follow_up_on ELSE v.date END"
	// The page and the number of rows in one pass (count(*) OVER ()): the list is read once.
	const followed = "coalesce((SELECT max(w.date) FROM visits w WHERE w.person_id = v.person_id AND w.deleted_at = '' AND w.date > v.date), '')"
	q := strings.Replace(visitRowSelect, " FROM visits v", ", coalesce((SELECT name FROM villages WHERE id = p.village_id), ''), "+due+
		", "+followed+", count(*) OVER () FROM visits v", 1)
	rows, err := s.db.QueryContext(ctx, q+where+" ORDER BY "+due+", v.id LIMIT ? OFFSET ?", limit, offset)
	if err != nil {
		return nil, 0, s.classify(err)
	}
	defer rows.Close()
	var out []FollowUp
	total := -1
	for rows.Next() {
		var f FollowUp
		r := &f.VisitRow
		if err := scanVisit(extraScanner{rows, []any{&r.PersonName, &r.EventTitle, &r.EventType, &r.Occasion, &f.VillageName, &f.Due, &f.FollowedOn, &total}}, &r.Visit); err != nil {
			return nil, 0, err
		}
		f.Overdue = f.Due < today && f.FollowedOn == ""
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, s.classify(err)
	}
	if total < 0 { // a window past the end: no row carried the count
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM visits v JOIN people p ON p.id = v.person_id
			JOIN events e ON e.id = v.event_id`+where).Scan(&total); err != nil {
			return nil, 0, s.classify(err)
		}
	}
	return out, total, nil
}

// ResolveNeed marks a visit's need resolved on a date, with how (kept if already written).
func (s *Store) ResolveNeed(ctx context.Context, visitID int64, on, how string) error {
	return s.write(ctx, func(w *writer) error {
		summary, err := w.summaryOf(EntVisit, visitID)
		if err != nil {
			return err
		}
		return w.change(EntVisit, visitID, ActUpdate, summary, func() error {
			return w.expectOne(w.exec(`UPDATE visits SET resolved_on = ?, resolution = CASE WHEN resolution = '' THEN ? ELSE resolution END,
				updated_at = ? WHERE id = ? AND deleted_at = ''`, on, how, w.at, visitID))
		})
	})
}
