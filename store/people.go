package store

import (
	"context"
	"database/sql"
	"strings"

	"shuangyong/model"
)

// personCols are the people columns a Person is written to and read from, in the order
// of personArgs and scanPerson.
const personCols = `name, sex, ethnicity, birth_date, id_number, phones, contact_note, village_id,
	household_id, address, hukou_type, categories, category_other, disability_nature, disability_grade,
	disability_cert_no, martyr_relation, martyr_name, relation, serviceman_name, rank, service_status,
	service_unit_id, service_unit, enlisted_on, discharged_on, subsidy_status, subsidy_from, subsidy_to,
	pairing_cadre, self_care, assistance, lives_alone, health, conditions, honour_plaque, preferential_card,
	status, status_changed_on, registered_on, note, py_initials, py_full, py_alt, py_sort`

var nPersonCols = strings.Count(personCols, ",") + 1

// readCols adds what is derived or stamped by the store.
// key_mark is written apart from personCols (insertPerson, updatePerson, SetKeyMark) so
// that an import's update of a row never touches it.
const personReadCols = "id, " + personCols + ", last_visit_on, created_at, updated_at, deleted_at, key_mark, last_home_on"

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func personArgs(p *model.Person) []any {
	keys := model.NameSearchKeys(p.Name)
	return []any{p.Name, p.Sex, p.Ethnicity, p.BirthDate, p.IDNumber, strings.Join(p.Phones, " "), p.ContactNote,
		nullID(p.VillageID), nullID(p.HouseholdID), p.Address, p.HukouType, strings.Join(p.Categories, ","),
		p.CategoryOther, p.DisabilityNature, p.DisabilityGrade, p.DisabilityCertNo, p.MartyrRelation, p.MartyrName,
		p.Relation, p.ServicemanName, p.Rank, p.ServiceStatus, nullID(p.ServiceUnitID), p.ServiceUnit,
		p.EnlistedOn, p.DischargedOn, p.SubsidyStatus, p.SubsidyFrom, p.SubsidyTo, p.PairingCadre, p.SelfCare,
		p.Assistance, p.LivesAlone, p.Health, p.Conditions, p.HonourPlaque, p.PreferentialCard, p.Status,
		p.StatusChangedOn, p.RegisteredOn, p.Note, keys.Initials, keys.Full, strings.Join(keys.Alternates, " "),
		model.PinyinSortKey(p.Name)}
}

type scanner interface{ Scan(dest ...any) error }

// scanPerson reads a person's columns (personReadCols), then those of extra: one slice of
// destinations a row, which a list reads forty of on every keystroke.
func scanPerson(r scanner, p *model.Person, extra ...any) error {
	var x struct { // what is read but not kept as is, in one allocation
		phones, cats, pyI, pyF, pyA, pyS string
		village, household, unit         sql.NullInt64
	}
	dest := append(make([]any, 0, 52+len(extra)),
		&p.ID, &p.Name, &p.Sex, &p.Ethnicity, &p.BirthDate, &p.IDNumber, &x.phones, &p.ContactNote, &x.village,
		&x.household, &p.Address, &p.HukouType, &x.cats, &p.CategoryOther, &p.DisabilityNature,
		&p.DisabilityGrade, &p.DisabilityCertNo, &p.MartyrRelation, &p.MartyrName, &p.Relation, &p.ServicemanName,
		&p.Rank, &p.ServiceStatus, &x.unit, &p.ServiceUnit, &p.EnlistedOn, &p.DischargedOn, &p.SubsidyStatus,
		&p.SubsidyFrom, &p.SubsidyTo, &p.PairingCadre, &p.SelfCare, &p.Assistance, &p.LivesAlone, &p.Health,
		&p.Conditions, &p.HonourPlaque, &p.PreferentialCard, &p.Status, &p.StatusChangedOn, &p.RegisteredOn,
		&p.Note, &x.pyI, &x.pyF, &x.pyA, &x.pyS, &p.LastVisitOn, &p.CreatedAt, &p.UpdatedAt, &p.DeletedAt, &p.KeyMark, &p.LastHomeOn)
	if err := r.Scan(append(dest, extra...)...); err != nil {
		return err
	}
	p.VillageID, p.HouseholdID, p.ServiceUnitID = x.village.Int64, x.household.Int64, x.unit.Int64
	p.Phones = splitNonEmpty(x.phones, " ")
	p.Categories = splitNonEmpty(x.cats, ",")
	return nil
}

func splitNonEmpty(s, sep string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, sep)
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

// Person reads one person, trashed or not.
func (s *Store) Person(ctx context.Context, id int64) (model.Person, error) {
	var p model.Person
	err := scanPerson(s.db.QueryRowContext(ctx, "SELECT "+personReadCols+" FROM people WHERE id = ?", id), &p)
	if err == sql.ErrNoRows {
		return p, &Error{Kind: ErrNotFound, Err: err}
	}
	return p, s.classify(err)
}

// ValidationError carries the field-level problems that stopped a save.
type ValidationError struct{ Problems model.Problems }

func (e *ValidationError) Error() string {
	if len(e.Problems.Errors) == 0 {
		return "invalid record"
	}
	return e.Problems.Errors[0].Error()
}

func invalid(ps model.Problems) error {
	return &Error{Kind: ErrInvalid, Err: &ValidationError{Problems: ps}}
}

// preparePerson validates and normalises p before a save. Gaps never stop a save.
func (s *Store) preparePerson(p *model.Person) error {
	if p.Status == "" {
		p.Status = model.StatusActive
	}
	if p.RegisteredOn == "" {
		p.RegisteredOn = s.Today()
	}
	ps := model.ValidatePerson(p, s.Now())
	if !model.KeyMarks.Valid(p.KeyMark) {
		ps.Errors = append(ps.Errors, model.Problem{Field: "KeyMark", Code: model.CodeUnknown,
			Zh: "重点对象标记只能是按规则、是或否", En: "the 重点对象 mark must be by the rule, yes or no"})
	}
	if !ps.OK() {
		return invalid(ps)
	}
	return nil
}

// CreatePerson validates p and adds it to the roster; p.ID is set.
func (s *Store) CreatePerson(ctx context.Context, p *model.Person) error {
	if err := s.preparePerson(p); err != nil {
		return err
	}
	return s.write(ctx, func(w *writer) error { return w.insertPerson(p) })
}

func (w *writer) insertPerson(p *model.Person) error {
	res, err := w.exec("INSERT INTO people("+personCols+", created_at, updated_at, key_mark) VALUES("+
		placeholders(nPersonCols)+", ?, ?, ?)", append(personArgs(p), w.at, w.at, p.KeyMark)...)
	if err != nil {
		return err
	}
	p.ID, _ = res.LastInsertId()
	after, err := w.snapshot(EntPerson, p.ID)
	if err != nil {
		return err
	}
	w.touchPerson(p.ID)
	return w.record(EntPerson, p.ID, ActInsert, p.Name, "", after)
}

// UpdatePerson validates p and saves it over the stored record.
func (s *Store) UpdatePerson(ctx context.Context, p *model.Person) error {
	if p.ID == 0 {
		return &Error{Kind: ErrNotFound}
	}
	if err := s.preparePerson(p); err != nil {
		return err
	}
	return s.write(ctx, func(w *writer) error { return w.updatePerson(p) })
}

func (w *writer) updatePerson(p *model.Person) error {
	return w.change(EntPerson, p.ID, ActUpdate, p.Name, func() error {
		w.touchPerson(p.ID)
		return w.expectOne(w.exec("UPDATE people SET ("+personCols+", updated_at, key_mark) = ("+placeholders(nPersonCols)+", ?, ?) WHERE id = ? AND deleted_at = ''",
			append(personArgs(p), w.at, p.KeyMark, p.ID)...))
	})
}

// TrashPerson moves a person to the trash. Their visits stay (they happened) but the
// person leaves the roster and the lists.
func (s *Store) TrashPerson(ctx context.Context, id int64) error {
	return s.write(ctx, func(w *writer) error {
		name, err := w.personName(id)
		if err != nil {
			return err
		}
		w.touchPerson(id)
		return w.setDeleted(EntPerson, id, name)
	})
}

// RestorePerson takes a person back from the trash.
func (s *Store) RestorePerson(ctx context.Context, id int64) error {
	return s.write(ctx, func(w *writer) error {
		name, err := w.personName(id)
		if err != nil {
			return err
		}
		w.touchPerson(id)
		return w.restoreDeleted(EntPerson, id, name)
	})
}

func (w *writer) personName(id int64) (string, error) {
	var name string
	err := w.tx.QueryRowContext(w.ctx, "SELECT name FROM people WHERE id = ?", id).Scan(&name)
	if err == sql.ErrNoRows {
		return "", &Error{Kind: ErrNotFound, Err: err}
	}
	return name, err
}

// Duplicates lists live people who look like p: the same ID number, or the same name in
// the same village, or the same name and birth date (a second record typed without the ID
// number, or in another village). p itself (by ID) is left out.
func (s *Store) Duplicates(ctx context.Context, p model.Person) ([]model.Person, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+personReadCols+` FROM people
		WHERE deleted_at = '' AND id <> ?1 AND ((id_number <> '' AND id_number = ?2)
			OR (name = ?3 AND (coalesce(village_id, 0) = ?4 OR (?5 <> '' AND birth_date = ?5))))
		ORDER BY id LIMIT 20`, p.ID, strings.ToUpper(strings.TrimSpace(p.IDNumber)), strings.TrimSpace(p.Name), p.VillageID,
		strings.TrimSpace(p.BirthDate))
	if err != nil {
		return nil, s.classify(err)
	}
	defer rows.Close()
	var out []model.Person
	for rows.Next() {
		var d model.Person
		if err := scanPerson(rows, &d); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// HouseholdMembers lists the live people sharing the person's household, the person included.
func (s *Store) HouseholdMembers(ctx context.Context, personID int64) ([]model.Person, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+personReadCols+` FROM people
		WHERE deleted_at = '' AND (id = ?1 OR household_id = (SELECT household_id FROM people WHERE id = ?1))
		ORDER BY id`, personID)
	if err != nil {
		return nil, s.classify(err)
	}
	defer rows.Close()
	var out []model.Person
	for rows.Next() {
		var d model.Person
		if err := scanPerson(rows, &d); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// JoinHousehold puts personID into the household of otherID (creating the household when
// the other person has none), so the tally counts them as one 户.
func (s *Store) JoinHousehold(ctx context.Context, personID, otherID int64) error {
	return s.write(ctx, func(w *writer) error {
		id, err := w.householdOf(otherID)
		if err != nil {
			return err
		}
		return w.setHousehold(personID, id)
	})
}

// householdOf returns the household of a live person, making one for them when they
// have none (its village and address are theirs).
func (w *writer) householdOf(personID int64) (int64, error) {
	var hh, village sql.NullInt64
	var address, name string
	err := w.tx.QueryRowContext(w.ctx, "SELECT household_id, village_id, address, name FROM people WHERE id = ? AND deleted_at = ''", personID).
		Scan(&hh, &village, &address, &name)
	if err == sql.ErrNoRows {
		return 0, &Error{Kind: ErrNotFound, Err: err}
	}
	if err != nil || hh.Valid {
		return hh.Int64, err
	}
	res, err := w.exec("INSERT INTO households(village_id, address) VALUES(?, ?)", village, address)
	if err != nil {
		return 0, err
	}
	id, _ := res.LastInsertId()
	after, err := w.snapshot(EntHousehold, id)
	if err != nil {
		return 0, err
	}
	if err := w.record(EntHousehold, id, ActInsert, name, "", after); err != nil {
		return 0, err
	}
	return id, w.setHousehold(personID, id)
}

// SavePerson adds p (p.ID 0) or saves it over the stored record, and when joinWith is
// not 0 puts p into that person's household (made for the two of them if needed) — one
// transaction, one change to undo. p.HouseholdID 0 otherwise means p lives alone.
func (s *Store) SavePerson(ctx context.Context, p *model.Person, joinWith int64) error {
	if err := s.preparePerson(p); err != nil {
		return err
	}
	if joinWith != 0 && joinWith == p.ID {
		return invalid(model.Problems{Errors: []model.Problem{{Field: "HouseholdWith", Code: "self",
			Zh: "不能与本人同户，请选择另一个人", En: "choose another person than this one"}}})
	}
	return s.write(ctx, func(w *writer) error {
		// The person's own row is written first: a change is named by its first row (F8,
		// Ctrl+Z's 「撤销「…」」), and this is their save, not the household they join.
		var err error
		if p.ID == 0 {
			err = w.insertPerson(p)
		} else {
			err = w.updatePerson(p)
		}
		if err != nil || joinWith == 0 {
			return err
		}
		id, err := w.householdOf(joinWith)
		if err != nil || id == p.HouseholdID {
			return err
		}
		p.HouseholdID = id
		return w.setHousehold(p.ID, id)
	})
}

// LeaveHousehold takes the person out of their household.
func (s *Store) LeaveHousehold(ctx context.Context, personID int64) error {
	return s.write(ctx, func(w *writer) error { return w.setHousehold(personID, 0) })
}

func (w *writer) setHousehold(personID, household int64) error {
	name, err := w.personName(personID)
	if err != nil {
		return err
	}
	w.touchPerson(personID)
	return w.change(EntPerson, personID, ActUpdate, name, func() error {
		_, err := w.exec("UPDATE people SET household_id = ?, updated_at = ? WHERE id = ?", nullID(household), w.at, personID)
		return err
	})
}

// PairingCadres lists the distinct pairing cadres named on the roster, for the F3 filter.
func (s *Store) PairingCadres(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT DISTINCT pairing_cadre FROM people WHERE deleted_at = '' AND pairing_cadre <> '' ORDER BY pairing_cadre")
	if err != nil {
		return nil, s.classify(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// PeopleUpperBound is a cheap upper bound of the roster's size: the highest person id
// (one index probe), for deciding whether work should wait on a county-sized ledger.
func (s *Store) PeopleUpperBound(ctx context.Context) (int64, error) {
	var n int64
	err := s.db.QueryRowContext(ctx, "SELECT coalesce(max(id), 0) FROM people").Scan(&n)
	return n, s.classify(err)
}
