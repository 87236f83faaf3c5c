package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"sort"
	"strings"

	"shuangyong/model"
)

const visitCols = `event_id, person_id, date, mode, visitors, money_fen, goods, goods_value_fen, condition, need,
	resolution, resolved_on, follow_up_on, signed, note, categories, village_id, household_key`

var nVisitCols = strings.Count(visitCols, ",") + 1

const visitReadCols = "id, " + visitCols + ", created_at, updated_at, deleted_at"

func visitArgs(v *model.Visit) []any {
	return []any{v.EventID, v.PersonID, v.Date, v.Mode, v.Visitors, v.MoneyFen, v.Goods, v.GoodsValueFen,
		v.Condition, v.Need, v.Resolution, v.ResolvedOn, v.FollowUpOn, v.Signed, v.Note,
		strings.Join(v.Categories, ","), nullID(v.VillageID), v.HouseholdKey}
}

func scanVisit(r scanner, v *model.Visit) error {
	var cats string
	var village sql.NullInt64
	err := r.Scan(&v.ID, &v.EventID, &v.PersonID, &v.Date, &v.Mode, &v.Visitors, &v.MoneyFen, &v.Goods,
		&v.GoodsValueFen, &v.Condition, &v.Need, &v.Resolution, &v.ResolvedOn, &v.FollowUpOn, &v.Signed, &v.Note,
		&cats, &village, &v.HouseholdKey, &v.CreatedAt, &v.UpdatedAt, &v.DeletedAt)
	v.Categories = splitNonEmpty(cats, ",")
	v.VillageID = village.Int64
	return err
}

// stampVisit copies the person's categories, village and household onto the visit, as
// they are when the visit is saved.
func (w *writer) stampVisit(v *model.Visit) error {
	var cats string
	var village, household sql.NullInt64
	err := w.tx.QueryRowContext(w.ctx, "SELECT categories, village_id, household_id FROM people WHERE id = ? AND deleted_at = ''", v.PersonID).
		Scan(&cats, &village, &household)
	if err == sql.ErrNoRows {
		return &Error{Kind: ErrNotFound, Err: err}
	}
	if err != nil {
		return err
	}
	v.Categories = splitNonEmpty(cats, ",")
	v.VillageID = village.Int64
	v.HouseholdKey = household.Int64
	if !household.Valid {
		v.HouseholdKey = -v.PersonID
	}
	return nil
}

func (s *Store) prepareVisit(v *model.Visit) error {
	if v.Mode == "" {
		v.Mode = "home"
	}
	if ps := model.ValidateVisit(v, s.Now()); !ps.OK() {
		return invalid(ps)
	}
	return nil
}

// RecordVisit saves one visit to a person as a 走访慰问 event of its own, both in one
// transaction (workflow W1). ev supplies the event's occasion, title and place; its date and
// type follow the visit. v.ID, v.EventID and ev.ID are set.
func (s *Store) RecordVisit(ctx context.Context, ev *model.Event, v *model.Visit) error {
	return s.RecordVisitConfirm(ctx, ev, v, nil)
}

// insertSingleVisit adds the event of one visit and the visit (RecordVisit).
func (w *writer) insertSingleVisit(ev *model.Event, v *model.Visit) error {
	if ev.Title == "" {
		name, err := w.personName(v.PersonID)
		if err != nil {
			return err
		}
		ev.Title = model.EventTypes.Label(model.EventVisit, model.Zh) + " " + name
	}
	if err := w.insertEvent(ev); err != nil {
		return err
	}
	v.EventID = ev.ID
	return w.insertVisit(v)
}

// CreateVisit adds a visit to an existing event (a campaign's tick-off).
func (s *Store) CreateVisit(ctx context.Context, v *model.Visit) error {
	if err := s.prepareVisit(v); err != nil {
		return err
	}
	return s.write(ctx, func(w *writer) error { return w.insertVisit(v) })
}

func (w *writer) insertVisit(v *model.Visit) error {
	if err := w.stampVisit(v); err != nil {
		return err
	}
	res, err := w.exec("INSERT INTO visits("+visitCols+", created_at, updated_at) VALUES("+placeholders(nVisitCols)+", ?, ?)",
		append(visitArgs(v), w.at, w.at)...)
	if err != nil {
		return err
	}
	v.ID, _ = res.LastInsertId()
	after, err := w.snapshot(EntVisit, v.ID)
	if err != nil {
		return err
	}
	summary, err := w.summaryOf(EntVisit, v.ID)
	if err != nil {
		return err
	}
	if err := w.record(EntVisit, v.ID, ActInsert, summary, "", after); err != nil {
		return err
	}
	if err := w.rememberAmount(v); err != nil {
		return err
	}
	return w.refreshLastVisit(v.PersonID)
}

// UpdateVisit saves a visit over the stored one (e.g. to record a need's resolution). The
// snapshot of the person's categories is kept as it was at the visit.
func (s *Store) UpdateVisit(ctx context.Context, v *model.Visit) error {
	if err := s.prepareVisit(v); err != nil {
		return err
	}
	return s.write(ctx, func(w *writer) error {
		old, err := w.s.visitTx(ctx, w.tx, v.ID)
		if err != nil {
			return err
		}
		v.Categories, v.VillageID, v.HouseholdKey = old.Categories, old.VillageID, old.HouseholdKey
		if v.Date != old.Date { // a campaign's visit keeps to the campaign's days, as its tick did
			c, err := w.s.campaignTx(ctx, w.tx, v.EventID)
			if err == nil {
				err = outsideCampaign(c, v.Date)
			} else if KindOf(err) == ErrNotFound {
				err = nil
			}
			if err != nil {
				return err
			}
		}
		if err := w.updateVisitRow(v); err != nil {
			return err
		}
		if old.PersonID != v.PersonID {
			return w.refreshLastVisit(old.PersonID)
		}
		return nil
	})
}

func (w *writer) updateVisitRow(v *model.Visit) error {
	summary, err := w.summaryOf(EntVisit, v.ID)
	if err != nil {
		return err
	}
	if err := w.change(EntVisit, v.ID, ActUpdate, summary, func() error {
		return w.expectOne(w.exec("UPDATE visits SET ("+visitCols+", updated_at) = ("+placeholders(nVisitCols)+", ?) WHERE id = ? AND deleted_at = ''",
			append(visitArgs(v), w.at, v.ID)...))
	}); err != nil {
		return err
	}
	return w.refreshLastVisit(v.PersonID)
}

// TrashVisit moves a visit to the trash.
func (s *Store) TrashVisit(ctx context.Context, id int64) error {
	return s.write(ctx, func(w *writer) error { return w.trashVisit(id) })
}

// RestoreVisit takes a visit back from the trash.
func (s *Store) RestoreVisit(ctx context.Context, id int64) error {
	return s.write(ctx, func(w *writer) error { return w.restoreVisit(id) })
}

// trashVisit moves a visit to the trash. A 走访慰问 event left with no live visit (the
// event W1 made for this one visit) goes with it, so the tally does not count a visit
// event that reached nobody — but not a campaign: its roster still waits to be ticked,
// and untaking its only tick must not take the campaign away.
func (w *writer) trashVisit(id int64) error {
	summary, err := w.summaryOf(EntVisit, id)
	if err != nil {
		return err
	}
	if err := w.setDeleted(EntVisit, id, summary); err != nil {
		return err
	}
	if err := w.trashDutiesOf(id); err != nil {
		return err
	}
	if err := w.refreshVisitPerson(id); err != nil {
		return err
	}
	var eventID int64
	var orphan bool
	err = w.tx.QueryRowContext(w.ctx, `SELECT e.id, e.type = ? AND e.deleted_at = '' AND NOT EXISTS
		(SELECT 1 FROM visits o WHERE o.event_id = e.id AND o.deleted_at = '')
		AND NOT EXISTS (SELECT 1 FROM campaigns c WHERE c.id = e.id)
		FROM visits v JOIN events e ON e.id = v.event_id WHERE v.id = ?`, model.EventVisit, id).Scan(&eventID, &orphan)
	if err != nil || !orphan {
		return err
	}
	evSummary, err := w.summaryOf(EntEvent, eventID)
	if err != nil {
		return err
	}
	return w.setDeleted(EntEvent, eventID, evSummary)
}

// restoreVisit takes a visit back from the trash, and its event if that went with it.
func (w *writer) restoreVisit(id int64) error {
	summary, err := w.summaryOf(EntVisit, id)
	if err != nil {
		return err
	}
	var eventID int64
	var eventTrashed bool
	var trashedAt string
	if err := w.tx.QueryRowContext(w.ctx, `SELECT e.id, e.deleted_at <> '', v.deleted_at FROM visits v JOIN events e ON e.id = v.event_id
		WHERE v.id = ?`, id).Scan(&eventID, &eventTrashed, &trashedAt); err != nil {
		return err
	}
	if eventTrashed {
		evSummary, err := w.summaryOf(EntEvent, eventID)
		if err != nil {
			return err
		}
		if err := w.restoreDeleted(EntEvent, eventID, evSummary); err != nil {
			return err
		}
	}
	if err := w.restoreDeleted(EntVisit, id, summary); err != nil {
		return err
	}
	if err := w.restoreDutiesOf(id, trashedAt); err != nil {
		return err
	}
	return w.refreshVisitPerson(id)
}

func (w *writer) refreshVisitPerson(visitID int64) error {
	var pid int64
	if err := w.tx.QueryRowContext(w.ctx, "SELECT person_id FROM visits WHERE id = ?", visitID).Scan(&pid); err != nil {
		return err
	}
	return w.refreshLastVisit(pid)
}

func (s *Store) visitTx(ctx context.Context, q querier, id int64) (model.Visit, error) {
	var v model.Visit
	err := scanVisit(q.QueryRowContext(ctx, "SELECT "+visitReadCols+" FROM visits WHERE id = ?", id), &v)
	if err == sql.ErrNoRows {
		return v, &Error{Kind: ErrNotFound, Err: err}
	}
	return v, err
}

// Visit reads one visit.
func (s *Store) Visit(ctx context.Context, id int64) (model.Visit, error) {
	v, err := s.visitTx(ctx, s.db, id)
	return v, s.classify(err)
}

// VisitRow is a visit with the names a list shows.
type VisitRow struct {
	model.Visit
	PersonName string
	EventTitle string
	EventType  string
	Occasion   string
}

const visitRowSelect = "SELECT " + "v.id, v.event_id, v.person_id, v.date, v.mode, v.visitors, v.money_fen, v.goods, v.goods_value_fen, v.condition, v.need, v.resolution, v.resolved_on, v.follow_up_on, v.signed, v.note, v.categories, v.village_id, v.household_key, v.created_at, v.updated_at, v.deleted_at" +
	`, p.name, e.title, e.type, e.occasion FROM visits v JOIN people p ON p.id = v.person_id JOIN events e ON e.id = v.event_id`

func (s *Store) visitRows(ctx context.Context, where string, args ...any) ([]VisitRow, error) {
	rows, err := s.db.QueryContext(ctx, visitRowSelect+" WHERE "+where, args...)
	if err != nil {
		return nil, s.classify(err)
	}
	defer rows.Close()
	var out []VisitRow
	for rows.Next() {
		var r VisitRow
		if err := scanVisit(extraScanner{rows, []any{&r.PersonName, &r.EventTitle, &r.EventType, &r.Occasion}}, &r.Visit); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// VisitsOfPerson lists a person's live visits, newest first, with the total.
func (s *Store) VisitsOfPerson(ctx context.Context, personID int64, offset, limit int) ([]VisitRow, int, error) {
	var total int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM visits WHERE person_id = ? AND deleted_at = ''", personID).Scan(&total); err != nil {
		return nil, 0, s.classify(err)
	}
	rows, err := s.visitRows(ctx, "v.person_id = ? AND v.deleted_at = '' ORDER BY v.date DESC, v.id DESC LIMIT ? OFFSET ?", personID, limit, offset)
	return rows, total, err
}

// OpenNeeds lists the needs a person raised that are not resolved yet, oldest first.
func (s *Store) OpenNeeds(ctx context.Context, personID int64) ([]VisitRow, error) {
	return s.visitRows(ctx, "v.person_id = ? AND v.need <> '' AND v.resolved_on = '' AND v.deleted_at = '' ORDER BY v.date, v.id", personID)
}

// VisitsOfEvent lists the people an event reached, in the order they were entered on the
// roster (person id), with the total. The window's ids come from the visits_event index
// alone, so a window deep in a 70 000-visit campaign costs what the first one does.
func (s *Store) VisitsOfEvent(ctx context.Context, eventID int64, offset, limit int) ([]VisitRow, int, error) {
	var total int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM visits WHERE event_id = ? AND deleted_at = ''", eventID).Scan(&total); err != nil {
		return nil, 0, s.classify(err)
	}
	ids, err := QueryIDs(ctx, s.db, "SELECT id FROM visits WHERE event_id = ? AND deleted_at = '' ORDER BY person_id, id LIMIT ? OFFSET ?",
		eventID, limit, offset)
	if err != nil || len(ids) == 0 {
		return nil, total, s.classify(err)
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.visitRows(ctx, "v.id IN ("+placeholders(len(ids))+")", args...)
	if err != nil {
		return nil, total, err
	}
	pos := make(map[int64]int, len(ids))
	for i, id := range ids {
		pos[id] = i
	}
	sort.Slice(rows, func(a, b int) bool { return pos[rows[a].ID] < pos[rows[b].ID] })
	return rows, total, nil
}

// EventVisitFigures is a 走访慰问 event's figures from its live visits: 人次, 慰问金 and
// 慰问品 value (分), and how many needs raised at them are still open. The sums come from
// the visits_year index (see eventFigures).
func (s *Store) EventVisitFigures(ctx context.Context, eventID int64) (visits int, moneyFen, goodsFen int64, openNeeds int, err error) {
	from := "FROM visits v WHERE v.event_id = ? AND v.deleted_at = ''"
	if years := s.visitYears(ctx); years != "" {
		from = "FROM visits v INDEXED BY visits_year WHERE v.deleted_at = '' AND v.year IN (" + years + ") AND v.event_id = ?"
	}
	err = s.db.QueryRowContext(ctx, "SELECT count(*), coalesce(sum(v.money_fen), 0), coalesce(sum(v.goods_value_fen), 0) "+from, eventID).
		Scan(&visits, &moneyFen, &goodsFen)
	if err != nil {
		return 0, 0, 0, 0, s.classify(err)
	}
	// A big campaign's open needs are found faster among all open needs (a few thousand
	// at county scale) than among its own visits.
	needs := "SELECT count(*) FROM visits WHERE event_id = ? AND need <> '' AND resolved_on = '' AND deleted_at = ''"
	if visits > 2000 {
		needs = "SELECT count(*) FROM visits INDEXED BY visits_open_needs WHERE need <> '' AND resolved_on = '' AND deleted_at = '' AND event_id = ?"
	}
	err = s.db.QueryRowContext(ctx, needs, eventID).Scan(&openNeeds)
	return visits, moneyFen, goodsFen, openNeeds, s.classify(err)
}

// LastAmountFor is the 慰问金 to offer for a new visit to the person (workflow W1): the
// amount last given to anyone of the person's category, else the category's default
// amount from the settings, else 0. Categories are tried in the person's order.
func (s *Store) LastAmountFor(ctx context.Context, personID int64) (int64, error) {
	p, err := s.Person(ctx, personID)
	if err != nil {
		return 0, err
	}
	last, err := s.lastAmounts(ctx, s.db)
	if err != nil {
		return 0, s.classify(err)
	}
	for _, c := range p.Categories {
		if a, ok := last[c]; ok {
			return a, nil
		}
	}
	st, err := s.Settings(ctx)
	if err != nil {
		return 0, err
	}
	for _, c := range p.Categories {
		if a, ok := st.DefaultAmountFen[c]; ok {
			return a, nil
		}
	}
	return 0, nil
}

// lastAmounts is the 慰问金 last given per category, kept up to date by every visit save
// so that W1 need not search the visits for it.
func (s *Store) lastAmounts(ctx context.Context, q querier) (map[string]int64, error) {
	m := map[string]int64{}
	js, err := s.setting(ctx, q, keyLastAmounts)
	if err != nil || js == "" {
		return m, err
	}
	return m, json.Unmarshal([]byte(js), &m)
}

func (w *writer) rememberAmount(v *model.Visit) error {
	if v.MoneyFen <= 0 || len(v.Categories) == 0 {
		return nil
	}
	m, err := w.s.lastAmounts(w.ctx, w.tx)
	if err != nil {
		return err
	}
	for _, c := range v.Categories {
		m[c] = v.MoneyFen
	}
	b, _ := json.Marshal(m)
	return w.putSetting(keyLastAmounts, string(b))
}

// VisitRowByID reads one visit with the person's name and the event's title and type
// (in the trash or not: DeletedAt says).
func (s *Store) VisitRowByID(ctx context.Context, id int64) (VisitRow, error) {
	rows, err := s.visitRows(ctx, "v.id = ?", id)
	if err != nil {
		return VisitRow{}, err
	}
	if len(rows) == 0 {
		return VisitRow{}, &Error{Kind: ErrNotFound, Err: sql.ErrNoRows}
	}
	return rows[0], nil
}
