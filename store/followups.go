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
	Overdue     bool   // due before today
}

// FollowUps lists the work still open from visits: needs not yet resolved, and follow-up
// dates set and not yet met by a later visit — oldest first, due dates before today
// flagged. People trashed or off the roll (迁出, 死亡) are left out.
func (s *Store) FollowUps(ctx context.Context, today string, offset, limit int) ([]FollowUp, int, error) {
	const where = ` WHERE v.deleted_at = '' AND p.deleted_at = '' AND p.status IN ('active', 'stopped')
		AND e.deleted_at = ''
		AND ((v.need <> '' AND v.resolved_on = '')
			OR (v.follow_up_on <> '' AND v.resolved_on = '' AND NOT EXISTS (SELECT 1 FROM visits w
				WHERE w.person_id = v.person_id AND w.deleted_at = '' AND w.date > v.date)))`
	const due = "CASE WHEN v.follow_up_on <> '' THEN v.follow_up_on ELSE v.date END"
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM visits v JOIN people p ON p.id = v.person_id
		JOIN events e ON e.id = v.event_id`+where).Scan(&total); err != nil {
		return nil, 0, s.classify(err)
	}
	q := strings.Replace(visitRowSelect, " FROM visits v", ", coalesce((SELECT name FROM villages WHERE id = p.village_id), ''), "+due+" FROM visits v", 1)
	rows, err := s.db.QueryContext(ctx, q+where+" ORDER BY "+due+", v.id LIMIT ? OFFSET ?", limit, offset)
	if err != nil {
		return nil, 0, s.classify(err)
	}
	defer rows.Close()
	var out []FollowUp
	for rows.Next() {
		var f FollowUp
		r := &f.VisitRow
		if err := scanVisit(extraScanner{rows, []any{&r.PersonName, &r.EventTitle, &r.EventType, &r.Occasion, &f.VillageName, &f.Due}}, &r.Visit); err != nil {
			return nil, 0, err
		}
		f.Overdue = f.Due < today
		out = append(out, f)
	}
	return out, total, rows.Err()
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
