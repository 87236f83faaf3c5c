package store

import (
	"context"
	"database/sql"
	"strings"
	"sync"

	"shuangyong/model"
)

const unitCols = "name, kind, designation, address, contact_name, contact_phone, note, py_initials, py_full"
const unitReadCols = "id, " + unitCols + ", created_at, updated_at, deleted_at"

func unitArgs(u *model.Unit) []any {
	k := model.NameSearchKeys(u.Name)
	return []any{u.Name, u.Kind, u.Designation, u.Address, u.ContactName, u.ContactPhone, u.Note, k.Initials, k.Full}
}

func scanUnit(r scanner, u *model.Unit) error {
	var pyI, pyF string
	return r.Scan(&u.ID, &u.Name, &u.Kind, &u.Designation, &u.Address, &u.ContactName, &u.ContactPhone, &u.Note,
		&pyI, &pyF, &u.CreatedAt, &u.UpdatedAt, &u.DeletedAt)
}

func validUnit(u *model.Unit) error {
	if ps := model.ValidateUnit(u); !ps.OK() {
		return invalid(ps)
	}
	return nil
}

// CreateUnit validates and adds a unit; u.ID is set.
func (s *Store) CreateUnit(ctx context.Context, u *model.Unit) error {
	if err := validUnit(u); err != nil {
		return err
	}
	return s.write(ctx, func(w *writer) error {
		res, err := w.exec("INSERT INTO units("+unitCols+", created_at, updated_at) VALUES("+placeholders(9)+", ?, ?)",
			append(unitArgs(u), w.at, w.at)...)
		if err != nil {
			return err
		}
		u.ID, _ = res.LastInsertId()
		after, err := w.snapshot(EntUnit, u.ID)
		if err != nil {
			return err
		}
		return w.record(EntUnit, u.ID, ActInsert, u.Name, "", after)
	})
}

// UpdateUnit validates and saves a unit over the stored one.
func (s *Store) UpdateUnit(ctx context.Context, u *model.Unit) error {
	if err := validUnit(u); err != nil {
		return err
	}
	return s.write(ctx, func(w *writer) error {
		w.rebuild = true // people search by their serviceman's unit name
		return w.change(EntUnit, u.ID, ActUpdate, u.Name, func() error {
			return w.expectOne(w.exec("UPDATE units SET ("+unitCols+", updated_at) = ("+placeholders(9)+", ?) WHERE id = ? AND deleted_at = ''",
				append(unitArgs(u), w.at, u.ID)...))
		})
	})
}

// TrashUnit moves a unit to the trash; RestoreUnit takes it back.
func (s *Store) TrashUnit(ctx context.Context, id int64) error {
	return s.trashOrRestore(ctx, EntUnit, id, true)
}

// RestoreUnit takes a unit back from the trash.
func (s *Store) RestoreUnit(ctx context.Context, id int64) error {
	return s.trashOrRestore(ctx, EntUnit, id, false)
}

func (s *Store) trashOrRestore(ctx context.Context, entity string, id int64, trash bool) error {
	return s.write(ctx, func(w *writer) error {
		summary, err := w.summaryOf(entity, id)
		if err != nil {
			return err
		}
		if err := w.afterRowChanged(entity, id, "", ""); err != nil {
			return err
		}
		if trash {
			return w.setDeleted(entity, id, summary)
		}
		return w.restoreDeleted(entity, id, summary)
	})
}

// summaryOf names a row for the history and the trash.
func (w *writer) summaryOf(entity string, id int64) (string, error) {
	q := map[string]string{
		EntPerson: "SELECT name FROM people WHERE id = ?",
		EntUnit:   "SELECT name FROM units WHERE id = ?",
		EntEvent:  "SELECT CASE WHEN title <> '' THEN title ELSE date || ' ' || type END FROM events WHERE id = ?",
		EntVisit:  "SELECT v.date || ' ' || p.name FROM visits v JOIN people p ON p.id = v.person_id WHERE v.id = ?",
		EntPairing: `SELECT a.name || ' - ' || b.name FROM pairings x JOIN units a ON a.id = x.unit_a
			JOIN units b ON b.id = x.unit_b WHERE x.id = ?`,
		EntCampaign: "SELECT CASE WHEN title <> '' THEN title ELSE date END FROM events WHERE id = ?",
		EntRoster: `SELECT e.title || ' ' || p.name FROM campaign_roster r JOIN events e ON e.id = r.event_id
			JOIN people p ON p.id = r.person_id WHERE r.id = ?`,
		EntPlaque:       "SELECT x.date || ' ' || p.name FROM plaques x JOIN people p ON p.id = x.person_id WHERE x.id = ?",
		EntConfirmation: "SELECT x.date || ' ' || p.name FROM confirmations x JOIN people p ON p.id = x.person_id WHERE x.id = ?",
	}[entity]
	var s string
	err := w.tx.QueryRowContext(w.ctx, q, id).Scan(&s)
	if err == sql.ErrNoRows {
		return "", &Error{Kind: ErrNotFound, Err: err}
	}
	return s, err
}

// Unit reads one unit.
func (s *Store) Unit(ctx context.Context, id int64) (model.Unit, error) {
	var u model.Unit
	err := scanUnit(s.db.QueryRowContext(ctx, "SELECT "+unitReadCols+" FROM units WHERE id = ?", id), &u)
	if err == sql.ErrNoRows {
		return u, &Error{Kind: ErrNotFound, Err: err}
	}
	return u, s.classify(err)
}

// UnitQuery selects units.
type UnitQuery struct {
	Text          string // name, designation, contact, kind: substring; or pinyin prefix
	Kind          string
	Side          string
	Offset, Limit int
}

// UnitRow is a unit as the list shows it.
type UnitRow struct {
	model.Unit
	Partners       int // live 共建 pairings
	EventsThisYear int
}

// UnitPage is one window of units and the total.
type UnitPage struct {
	Total  int
	Offset int
	Rows   []UnitRow
}

// ListUnits returns a window of live units ordered by kind then pinyin. A township has
// tens of units, so a plain scan is fine here.
func (s *Store) ListUnits(ctx context.Context, q UnitQuery, year int) (UnitPage, error) {
	if q.Limit <= 0 {
		q.Limit = 50
	}
	where := []string{"u.deleted_at = ''"}
	var args []any
	for _, w := range strings.Fields(strings.ToLower(q.Text)) {
		var cond string
		if isASCIILetters(w) {
			cond = "u.py_initials GLOB ? OR u.py_full GLOB ? OR lower(u.name) LIKE ? OR lower(u.designation) LIKE ?"
			args = append(args, w+"*", w+"*", "%"+w+"%", "%"+w+"%")
		} else {
			cond = "u.name LIKE ? OR u.designation LIKE ? OR u.contact_name LIKE ? OR u.contact_phone LIKE ? OR u.address LIKE ?"
			for i := 0; i < 5; i++ {
				args = append(args, "%"+w+"%")
			}
		}
		if kinds := kindsNamed(w); len(kinds) > 0 {
			cond += " OR u.kind IN (" + placeholders(len(kinds)) + ")"
			args = append(args, kinds...)
		}
		where = append(where, "("+cond+")")
	}
	if q.Kind != "" {
		where = append(where, "u.kind = ?")
		args = append(args, q.Kind)
	}
	if q.Side != "" {
		var kinds []string
		for _, k := range model.UnitKinds {
			if model.SideOf(k.Code) == q.Side {
				kinds = append(kinds, "'"+k.Code+"'")
			}
		}
		where = append(where, "u.kind IN ("+strings.Join(kinds, ",")+")")
	}
	cond := strings.Join(where, " AND ")
	page := UnitPage{Offset: q.Offset}
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM units u WHERE "+cond, args...).Scan(&page.Total); err != nil {
		return page, s.classify(err)
	}
	rows, err := s.db.QueryContext(ctx, "SELECT "+prefixed("u.", unitReadCols)+`,
		(SELECT count(*) FROM pairings x JOIN units p ON p.id = CASE WHEN x.unit_a = u.id THEN x.unit_b ELSE x.unit_a END
			WHERE (x.unit_a = u.id OR x.unit_b = u.id) AND x.deleted_at = '' AND p.deleted_at = ''),
		(SELECT count(*) FROM event_units eu JOIN events e ON e.id = eu.event_id WHERE eu.unit_id = u.id AND e.year = ? AND e.deleted_at = '')
		FROM units u WHERE `+cond+" ORDER BY u.kind, u.py_full, u.id LIMIT ? OFFSET ?",
		append(append([]any{year}, args...), q.Limit, q.Offset)...)
	if err != nil {
		return page, s.classify(err)
	}
	defer rows.Close()
	for rows.Next() {
		var r UnitRow
		if err := scanUnit(extraScanner{rows, []any{&r.Partners, &r.EventsThisYear}}, &r.Unit); err != nil {
			return page, err
		}
		page.Rows = append(page.Rows, r)
	}
	return page, rows.Err()
}

// unitKindWords are what a typed word may match of each unit kind: its Chinese label and
// other spellings (学校, 妇联), and the pinyin of the label (xx, xuexiao). Computed once:
// go-pinyin is too slow for every keystroke, and the kinds never change.
var unitKindWords = sync.OnceValue(func() []unitKindWord {
	out := make([]unitKindWord, 0, len(model.UnitKinds))
	for _, k := range model.UnitKinds {
		keys := model.NameSearchKeys(k.Zh)
		out = append(out, unitKindWord{code: k.Code, names: append([]string{k.Zh}, k.Aliases...), initials: keys.Initials, full: keys.Full})
	}
	return out
})

type unitKindWord struct {
	code           string
	names          []string
	initials, full string
}

// kindsNamed lists the unit kinds a word of the 单位 search names, as the list matches a
// unit's own fields: part of the label, or the start of its pinyin.
func kindsNamed(w string) []any {
	ascii := isASCIILetters(w)
	var out []any
	for _, k := range unitKindWords() {
		match := false
		if ascii {
			match = strings.HasPrefix(k.initials, w) || strings.HasPrefix(k.full, w)
		} else {
			for _, n := range k.names {
				match = match || strings.Contains(n, w)
			}
		}
		if match {
			out = append(out, k.code)
		}
	}
	return out
}

// PairingRow is a 共建 pairing seen from one unit.
type PairingRow struct {
	model.Pairing
	PartnerID   int64
	PartnerName string
	PartnerKind string
}

// Pairings lists the live 共建 pairings of a unit. A partner in the trash is left out (it
// is back with its pairings when restored), as the list's count of partners leaves it out.
func (s *Store) Pairings(ctx context.Context, unitID int64) ([]PairingRow, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT x.id, x.unit_a, x.unit_b, x.since, x.note, u.id, u.name, u.kind
		FROM pairings x JOIN units u ON u.id = CASE WHEN x.unit_a = ?1 THEN x.unit_b ELSE x.unit_a END
		WHERE (x.unit_a = ?1 OR x.unit_b = ?1) AND x.deleted_at = '' AND u.deleted_at = '' ORDER BY x.since, x.id`, unitID)
	if err != nil {
		return nil, s.classify(err)
	}
	defer rows.Close()
	var out []PairingRow
	for rows.Next() {
		var r PairingRow
		if err := rows.Scan(&r.ID, &r.UnitA, &r.UnitB, &r.Since, &r.Note, &r.PartnerID, &r.PartnerName, &r.PartnerKind); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// AddPairing records a 共建 pairing between two units.
func (s *Store) AddPairing(ctx context.Context, p *model.Pairing) error {
	if p.UnitA == p.UnitB || p.UnitA == 0 || p.UnitB == 0 {
		return invalid(model.Problems{Errors: []model.Problem{{Field: "UnitB", Code: "pairing",
			Zh: "共建需要两个不同的单位", En: "a pairing needs two different units"}}})
	}
	if p.Since != "" {
		since, err := model.ParseDateField("Since", p.Since, s.Now(), true)
		if err != nil {
			return invalid(model.Problems{Errors: []model.Problem{model.AsProblem(err, "Since")}})
		}
		p.Since = since
	}
	return s.write(ctx, func(w *writer) error {
		res, err := w.exec("INSERT INTO pairings(unit_a, unit_b, since, note) VALUES(?, ?, ?, ?)", p.UnitA, p.UnitB, p.Since, p.Note)
		if err != nil {
			return err
		}
		p.ID, _ = res.LastInsertId()
		after, err := w.snapshot(EntPairing, p.ID)
		if err != nil {
			return err
		}
		summary, err := w.summaryOf(EntPairing, p.ID)
		if err != nil {
			return err
		}
		return w.record(EntPairing, p.ID, ActInsert, summary, "", after)
	})
}

// RemovePairing ends a pairing (to the trash).
func (s *Store) RemovePairing(ctx context.Context, id int64) error {
	return s.trashOrRestore(ctx, EntPairing, id, true)
}

// RestorePairing takes a removed pairing back from the trash.
func (s *Store) RestorePairing(ctx context.Context, id int64) error {
	return s.trashOrRestore(ctx, EntPairing, id, false)
}

// UnitEventRow is an event as a unit's detail lists it: with the unit's role in it.
type UnitEventRow struct {
	model.Event
	Role string
}

// UnitEvents returns a window of the live events that name a unit, newest first, with
// the unit's role in each (an event naming the unit in two roles is listed once, by its
// first role in the order of model.UnitRoles).
func (s *Store) UnitEvents(ctx context.Context, unitID int64, offset, limit int) ([]UnitEventRow, int, error) {
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT count(DISTINCT eu.event_id) FROM event_units eu
		JOIN events e ON e.id = eu.event_id WHERE eu.unit_id = ? AND e.deleted_at = ''`, unitID).Scan(&total); err != nil {
		return nil, 0, s.classify(err)
	}
	rows, err := s.db.QueryContext(ctx, "SELECT "+prefixed("e.", eventReadCols)+`,
		(SELECT eu.role FROM event_units eu WHERE eu.event_id = e.id AND eu.unit_id = ?1
			ORDER BY CASE eu.role WHEN 'host' THEN 0 WHEN 'cohost' THEN 1 WHEN 'recipient' THEN 2 ELSE 3 END LIMIT 1)
		FROM events e WHERE e.deleted_at = '' AND e.id IN (SELECT event_id FROM event_units WHERE unit_id = ?1)
		ORDER BY e.date DESC, e.id DESC LIMIT ?2 OFFSET ?3`, unitID, limit, offset)
	if err != nil {
		return nil, 0, s.classify(err)
	}
	defer rows.Close()
	var out []UnitEventRow
	for rows.Next() {
		var r UnitEventRow
		if err := scanEvent(extraScanner{rows, []any{&r.Role}}, &r.Event); err != nil {
			return nil, 0, err
		}
		out = append(out, r)
	}
	return out, total, rows.Err()
}
