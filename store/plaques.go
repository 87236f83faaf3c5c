package store

import (
	"context"
	"database/sql"
	"strings"

	"shuangyong/model"
)

// 光荣牌: one plaque per eligible household (model.PlaqueCategory), recorded as a register
// of lines (migration 0005, table plaques): the newest live line dated on or before a day
// is the plaque's state that day. A household without any line has none (待悬挂), unless a
// member's honour_plaque flag (the roster's 光荣牌 column, typed or imported) says one
// hangs: 已悬挂 with no date.
//
// A household is as the tally counts 户: its households row, or a person alone (key −id).
// A line recorded for someone alone follows them into a household they join.

const plaqueCols = "household_key, person_id, state, date, note, visit_id"

const plaqueReadCols = "id, " + plaqueCols + ", created_at, updated_at, deleted_at"

func scanPlaque(r scanner, x *model.PlaqueRecord) error {
	var visit sql.NullInt64
	err := r.Scan(&x.ID, &x.HouseholdKey, &x.PersonID, &x.State, &x.Date, &x.Note, &visit, &x.CreatedAt, &x.UpdatedAt, &x.DeletedAt)
	x.VisitID = visit.Int64
	return err
}

// plaqueKeySQL maps a plaques row x to the household it belongs to now.
const plaqueKeySQL = `(CASE WHEN x.household_key > 0 THEN x.household_key
	ELSE (SELECT coalesce(q.household_id, -q.id) FROM people q WHERE q.id = -x.household_key) END)`

// PlaqueHouseholdsSQL selects the households eligible for a plaque — those with a live
// member, on the roll by the condition roll (on the people row p), holding a category of
// model.PlaqueCategory — with their plaque as at @asof: hk (household key), rep (the
// eligible member with the lowest id, whom lists name), members (eligible members), state,
// date, record (the line's id, 0 for none) and note. Exported for store/tally, which
// passes its own roll condition for a past period.
func PlaqueHouseholdsSQL(roll string) string {
	return `WITH m AS (SELECT p.id, coalesce(p.household_id, -p.id) AS hk, p.honour_plaque AS flag FROM people p
			WHERE ` + roll + ` AND ` + PlaqueCategorySQL() + `),
		h AS (SELECT hk, min(id) AS rep, count(*) AS members, max(flag) AS flag FROM m GROUP BY hk),
		r AS (SELECT x.id, x.state, x.date, x.note, ` + plaqueKeySQL + ` AS hk
			FROM plaques x WHERE x.deleted_at = '' AND x.date <= @asof),
		n AS (SELECT hk, id, state, date, note FROM
			(SELECT r.*, row_number() OVER (PARTITION BY hk ORDER BY date DESC, id DESC) AS rn FROM r) WHERE rn = 1)
		SELECT h.hk AS hk, h.rep AS rep, h.members AS members,
			coalesce(n.state, CASE WHEN h.flag THEN '` + model.PlaqueHung + `' ELSE '` + model.PlaquePending + `' END) AS state,
			coalesce(n.date, '') AS date, coalesce(n.id, 0) AS record, coalesce(n.note, '') AS note
		FROM h LEFT JOIN n ON n.hk = h.hk`
}

// PlaqueInfo is a household's plaque as it stands.
type PlaqueInfo struct {
	HouseholdKey int64
	Eligible     bool // a member on the roll holds an eligible category
	Members      int  // eligible members on the roll
	State        string
	Date         string // of the line that says so ("" for none, or flagged without a date)
	RecordID     int64  // that line (0: nothing recorded)
	Note         string
}

// PlaqueOf reads the plaque of a person's household (state PlaquePending when nothing
// is recorded). A household not eligible has Eligible false; its state is still read.
func (s *Store) PlaqueOf(ctx context.Context, personID int64) (PlaqueInfo, error) {
	var info PlaqueInfo
	err := s.db.QueryRowContext(ctx, "SELECT coalesce(household_id, -id) FROM people WHERE id = ?", personID).Scan(&info.HouseholdKey)
	if err == sql.ErrNoRows {
		return info, &Error{Kind: ErrNotFound, Err: err}
	}
	if err != nil {
		return info, s.classify(err)
	}
	err = s.db.QueryRowContext(ctx, `SELECT members, state, date, record, note FROM (`+
		PlaqueHouseholdsSQL(onRollNow+" AND coalesce(p.household_id, -p.id) = @hk")+`)`,
		sql.Named("asof", s.Today()), sql.Named("hk", info.HouseholdKey)).
		Scan(&info.Members, &info.State, &info.Date, &info.RecordID, &info.Note)
	if err == nil {
		info.Eligible = true
		return info, nil
	}
	if err != sql.ErrNoRows {
		return info, s.classify(err)
	}
	// Not eligible: the newest line, if any, still says what hangs there.
	info.State = model.PlaquePending
	err = s.db.QueryRowContext(ctx, `SELECT x.id, x.state, x.date, x.note FROM plaques x
		WHERE x.deleted_at = '' AND `+plaqueKeySQL+` = ? ORDER BY x.date DESC, x.id DESC LIMIT 1`, info.HouseholdKey).
		Scan(&info.RecordID, &info.State, &info.Date, &info.Note)
	if err == sql.ErrNoRows {
		err = nil
	}
	return info, s.classify(err)
}

// PlaqueHistory lists the live lines of a person's household's register, newest first.
func (s *Store) PlaqueHistory(ctx context.Context, personID int64) ([]model.PlaqueRecord, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+prefixed("x.", plaqueReadCols)+` FROM plaques x
		WHERE x.deleted_at = '' AND `+plaqueKeySQL+` = (SELECT coalesce(household_id, -id) FROM people WHERE id = ?)
		ORDER BY x.date DESC, x.id DESC`, personID)
	if err != nil {
		return nil, s.classify(err)
	}
	defer rows.Close()
	var out []model.PlaqueRecord
	for rows.Next() {
		var x model.PlaqueRecord
		if err := scanPlaque(rows, &x); err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// SetPlaque records a line of the register of r.PersonID's household: the plaque hung or
// replaced on r.Date (PlaqueHung), to be replaced, not to be replaced any more, or to be
// hung. Refused (at PersonID) when the household has no eligible member on the roll. r.ID
// and r.HouseholdKey are set.
func (s *Store) SetPlaque(ctx context.Context, r *model.PlaqueRecord) error {
	if ps := model.ValidatePlaque(r, s.Now()); !ps.OK() {
		return invalid(ps)
	}
	return s.write(ctx, func(w *writer) error { return w.insertPlaque(r) })
}

// insertPlaque checks that the household is eligible and adds the line.
func (w *writer) insertPlaque(r *model.PlaqueRecord) error {
	var name string
	var deleted string
	err := w.tx.QueryRowContext(w.ctx, "SELECT name, coalesce(household_id, -id), deleted_at FROM people WHERE id = ?", r.PersonID).
		Scan(&name, &r.HouseholdKey, &deleted)
	if err == sql.ErrNoRows || deleted != "" {
		return &Error{Kind: ErrNotFound, Err: err}
	}
	if err != nil {
		return err
	}
	var eligible int
	if err := w.tx.QueryRowContext(w.ctx, "SELECT count(*) FROM people p WHERE "+onRollNow+
		" AND coalesce(p.household_id, -p.id) = @hk AND "+PlaqueCategorySQL(),
		sql.Named("asof", w.s.Today()), sql.Named("hk", r.HouseholdKey)).Scan(&eligible); err != nil {
		return err
	}
	if eligible == 0 {
		return invalid(model.Problems{Errors: []model.Problem{{Field: "PersonID", Code: "plaque",
			Zh: name + " 家中没有在册的烈属、军属或退役军人，不需要光荣牌",
			En: name + "'s household has no martyr's, serving or veteran family member on the roll"}}})
	}
	res, err := w.exec("INSERT INTO plaques("+plaqueCols+", created_at, updated_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?)",
		r.HouseholdKey, r.PersonID, r.State, r.Date, r.Note, nullID(r.VisitID), w.at, w.at)
	if err != nil {
		return err
	}
	r.ID, err = w.inserted(EntPlaque, res, r.Date+" "+name)
	return err
}

// TrashPlaque moves a register line to the trash (a line typed by mistake): the state
// goes back to the line before it.
func (s *Store) TrashPlaque(ctx context.Context, id int64) error {
	return s.write(ctx, func(w *writer) error { return w.trashRow(EntPlaque, id) })
}

// RestorePlaque takes a register line back from the trash.
func (s *Store) RestorePlaque(ctx context.Context, id int64) error {
	return s.write(ctx, func(w *writer) error { return w.restoreRow(EntPlaque, id) })
}

// PlaqueQuery selects a window of the eligible households: by state (none: 待悬挂 and
// 待更换, the ones to work on) and typed text matched against the member a row names, as
// the 军属 list matches people (a village's name finds its households).
type PlaqueQuery struct {
	Text          string
	States        []string // model.PlaqueStates codes; nil = pending and replace
	Offset, Limit int
}

// PlaqueRow is an eligible household and its plaque; PersonRow is the member it is listed
// under (the eligible member with the lowest id).
type PlaqueRow struct {
	PersonRow
	PlaqueInfo
}

// PlaquePage is a window of the households and the number the query selects.
type PlaquePage struct {
	Total    int
	Offset   int
	Rows     []PlaqueRow
	WeakOnly bool
}

type plaqueItem struct {
	rep  int64
	flag bool // a member's honour_plaque flag
	info PlaqueInfo
}

// PlaqueList lists the eligible households in roster order of the members they are listed
// under (village, then name in pinyin order), with their plaque as it stands.
func (s *Store) PlaqueList(ctx context.Context, q PlaqueQuery) (PlaquePage, error) {
	items, err := s.plaqueItems(ctx)
	if err != nil {
		return PlaquePage{}, s.classify(err)
	}
	states := q.States
	if states == nil {
		states = []string{model.PlaquePending, model.PlaqueReplace}
	}
	want := map[string]bool{}
	for _, st := range states {
		want[st] = true
	}
	var ids []int64
	var kept []*plaqueItem
	for _, it := range items {
		if want[it.info.State] {
			ids, kept = append(ids, it.rep), append(kept, it)
		}
	}
	keep, fields, weak, err := s.matchEntries(ctx, ids, q.Text)
	if err != nil {
		return PlaquePage{}, s.classify(err)
	}
	page := PlaquePage{Total: len(keep), WeakOnly: weak}
	lo, hi := window(len(keep), q.Offset, q.Limit)
	page.Offset = lo
	var win []int64
	for _, k := range keep[lo:hi] {
		win = append(win, ids[k])
	}
	rows, err := s.peopleRows(ctx, win, fields[lo:hi])
	if err != nil {
		return PlaquePage{}, err
	}
	byID := map[int64]PersonRow{}
	for _, r := range rows {
		byID[r.ID] = r
	}
	for _, k := range keep[lo:hi] {
		if r, ok := byID[ids[k]]; ok {
			page.Rows = append(page.Rows, PlaqueRow{PersonRow: r, PlaqueInfo: kept[k].info})
		}
	}
	return page, nil
}

// plaqueItems is every eligible household with its plaque today, in roster order of its
// member: the households from the kept roster (due_roster.go), their registers' newest
// lines from plaques; kept until the ledger changes.
func (s *Store) plaqueItems(ctx context.Context) ([]*plaqueItem, error) {
	changes, err := s.changeCount(ctx)
	if err != nil {
		return nil, err
	}
	today := s.Today()
	key := "plaques " + today
	if v, ok := s.dutyCache().get(key, changes); ok {
		return v.([]*plaqueItem), nil
	}
	day := model.DateNum(today)
	mask := categoryBits(strings.Join(model.PlaqueCategories(), ","))
	byKey := map[int64]*plaqueItem{}
	err = s.duties.roster.use(ctx, s.db, func(rows []dutyPerson, _ int64) error {
		for i := range rows {
			d := &rows[i]
			if d.flags&dpGone != 0 || d.reg > day || d.cats&mask == 0 {
				continue
			}
			h := byKey[d.hk]
			if h == nil {
				h = &plaqueItem{rep: d.id, info: PlaqueInfo{HouseholdKey: d.hk, Eligible: true, State: model.PlaquePending}}
				byKey[d.hk] = h
			}
			h.info.Members++
			h.rep = min(h.rep, d.id)
			h.flag = h.flag || d.flags&dpPlaque != 0
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, h := range byKey {
		if h.flag {
			h.info.State = model.PlaqueHung
		}
	}
	// Each register's lines in order: the last one read is the household's state.
	rows, err := s.db.QueryContext(ctx, `SELECT x.id, `+plaqueKeySQL+`, x.state, x.date, x.note FROM plaques x
		WHERE x.deleted_at = '' AND x.date <= ? ORDER BY x.date, x.id`, today)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id, hk int64
		var state, date, note string
		if err := rows.Scan(&id, &hk, &state, &date, &note); err != nil {
			return nil, err
		}
		if h := byKey[hk]; h != nil {
			h.info.RecordID, h.info.State, h.info.Date, h.info.Note = id, state, date, note
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	reps := make([]int64, 0, len(byKey))
	byRep := make(map[int64]*plaqueItem, len(byKey))
	for _, h := range byKey {
		reps = append(reps, h.rep)
		byRep[h.rep] = h
	}
	if err := s.rosterOrder(ctx, reps); err != nil {
		return nil, err
	}
	out := make([]*plaqueItem, len(reps))
	for i, id := range reps {
		out[i] = byRep[id]
	}
	s.dutyCache().put(key, changes, out)
	return out, nil
}
