package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"shuangyong/model"
)

// An import (store/importer) writes many people in one change that Ctrl+Z takes back
// whole: unlike BulkLoad (the demo), whose single history row is a boundary undo does not
// cross, it records every person, household and village it inserts or updates, under one
// change id whose first row is an ActImport marker carrying "导入：FILE".
//
// The rows it inserts are recorded without snapshots (before and after ''): F8 lists no
// fields for an added row, undo removes an inserted row whatever it holds, and the row
// as imported is the live row until its next change, whose history row keeps it as its
// before. A JSON copy of every row doubled the import's writes and the file's growth
// (100 MB for 100 000 people) for nothing that reads it. Updates of people already in
// the ledger are recorded as any save records them.

// ActImport and EntImport mark the first history row of an import.
const (
	ActImport = "import"
	EntImport = "import"
)

// importMappingPrefix keys the remembered column mappings in the settings table.
const importMappingPrefix = "import_mapping:"

// ImportTx is an import's transaction: everything written through it commits together or
// not at all.
type ImportTx struct {
	w          *writer
	insert     *sql.Stmt // statements run once a row or a household: prepared once, as
	household  *sql.Stmt // preparing costs more than running them in this driver
	join       *sql.Stmt
	lastPerson int64 // people and households above these ids are the import's inserts
	lastHouse  int64
	inserted   int
	shapes     map[argShape]*sql.Stmt // the insert for each shape of row met so far
	people     int                    // rows in the people table before the import
	read       int                    // how far through its file the import is (Read)
	total      int
	indexes    *setAside // the people indexes, once set aside for the rest of the import
}

// Import runs fn in one write transaction recorded as one change with summary (the
// history's "导入：FILE"). Nothing is kept unless fn returns nil and the commit succeeds.
// The people search index is rebuilt afterwards.
func (s *Store) Import(ctx context.Context, summary string, fn func(t *ImportTx) error) error {
	defer s.bulkCache(ctx, s.db)()
	return s.write(ctx, func(w *writer) error {
		// The marker comes first, so undo (newest row first) reaches it last and reports it.
		if err := w.record(EntImport, 0, ActImport, summary, "", ""); err != nil {
			return err
		}
		t := &ImportTx{w: w}
		for _, q := range []struct {
			query string
			dst   any
		}{
			{"SELECT coalesce(max(id), 0) FROM " + EntPerson, &t.lastPerson},
			{"SELECT coalesce(max(id), 0) FROM " + EntHousehold, &t.lastHouse},
			{"SELECT count(*) FROM " + EntPerson, &t.people},
		} {
			if err := w.tx.QueryRowContext(ctx, q.query).Scan(q.dst); err != nil {
				return err
			}
		}
		for _, q := range []struct {
			dst **sql.Stmt
			sql string
		}{
			{&t.insert, "INSERT INTO people(" + personCols + ", created_at, updated_at) VALUES(" + placeholders(nPersonCols) + ", ?, ?)"},
			{&t.household, "INSERT INTO households(village_id, address) VALUES(?, ?)"},
			{&t.join, "UPDATE people SET household_id = ? WHERE id = ?"},
		} {
			stmt, err := w.tx.PrepareContext(ctx, q.sql)
			if err != nil {
				return err
			}
			defer stmt.Close()
			*q.dst = stmt
		}
		if err := fn(t); err != nil {
			return err
		}
		if err := t.indexes.restore(w); err != nil {
			return err
		}
		// One history row for each inserted household and person, in one statement each.
		for _, q := range []struct {
			entity string
			last   int64
			name   string
		}{{EntHousehold, t.lastHouse, "address"}, {EntPerson, t.lastPerson, "name"}} {
			if _, err := w.exec(fmt.Sprintf(`INSERT INTO history(change_id, at, operator, entity, row_id, action, summary, before, after)
				SELECT ?, ?, ?, ?, t.id, ?, t.%s, '', '' FROM %s t WHERE t.id > ? ORDER BY t.id`, q.name, q.entity),
				w.changeID, w.at, w.operator, q.entity, ActInsert, q.last); err != nil {
				return err
			}
		}
		w.rebuild = true
		return nil
	})
}

// Read tells the import how far through its file it is: at row read of about total (0
// when not known). From that it tells how many more people are coming.
func (t *ImportTx) Read(read, total int) { t.read, t.total = read, total }

// added counts an inserted person, and sets the people indexes aside once that pays: when
// the people still to come would cost more to index one by one (some 30 µs each) than
// building the indexes of the whole table at the end (under 7.5 µs a row), which is when
// they are at least a third of the table. They are reckoned at the rate of inserts so
// far; when the length of the file is not known, the indexes are set aside only once the
// import has doubled the table.
func (t *ImportTx) added() error {
	t.inserted++
	if t.indexes != nil || t.inserted < setAsideMin {
		return nil
	}
	if t.read > 0 && t.total > 0 {
		more := max(t.total-t.read, 0) * t.inserted / t.read
		if 3*more < t.people+t.inserted {
			return nil
		}
	} else if t.inserted < t.people {
		return nil
	}
	sa, err := t.w.setAsideIndexes(EntPerson)
	t.indexes = sa
	return err
}

// Insert validates p as CreatePerson does and adds it; p.ID is set.
func (t *ImportTx) Insert(p *model.Person) error {
	if err := t.w.s.preparePerson(p); err != nil {
		return err
	}
	res, err := t.insertPerson(personArgs(p))
	if err != nil {
		return err
	}
	p.ID, _ = res.LastInsertId()
	return t.added()
}

// argShape says, two bits an argument, which arguments of a people insert are bound (0)
// and which are written into the statement as NULL (1), the empty string (2) or 0 (3).
type argShape [2]uint64

// shapesMax bounds the statements an import prepares for the shapes of its rows.
const shapesMax = 64

// insertPerson inserts a person with personArgs args. Most of a roster's 47 columns are
// empty, and binding a value cost this driver more than inserting it (a C string
// allocated even for an empty one): the empty ones are written into the statement instead, one
// statement prepared for each shape of row, and only the others bound.
func (t *ImportTx) insertPerson(args []any) (sql.Result, error) {
	args = append(args, t.w.at, t.w.at)
	var shape argShape
	bound := args[:0:0]
	for i, a := range args {
		code := uint64(0)
		switch v := a.(type) {
		case nil:
			code = 1
		case string:
			if v == "" {
				code = 2
			}
		case int:
			if v == 0 {
				code = 3
			}
		case int64:
			if v == 0 {
				code = 3
			}
		case bool:
			if !v {
				code = 3
			}
		}
		if code == 0 {
			bound = append(bound, a)
		}
		shape[i/32] |= code << (2 * (i % 32))
	}
	stmt := t.shapes[shape]
	if stmt == nil {
		if len(t.shapes) >= shapesMax || len(args) > 64 {
			return t.insert.ExecContext(t.w.ctx, args...)
		}
		vals := make([]string, len(args))
		for i := range args {
			vals[i] = [...]string{"?", "NULL", "''", "0"}[shape[i/32]>>(2*(i%32))&3]
		}
		var err error
		stmt, err = t.w.tx.PrepareContext(t.w.ctx, "INSERT INTO people("+personCols+", created_at, updated_at) VALUES("+strings.Join(vals, ", ")+")")
		if err != nil {
			return nil, err
		}
		if t.shapes == nil {
			t.shapes = map[argShape]*sql.Stmt{}
		}
		t.shapes[shape] = stmt // closed with the transaction
	}
	return stmt.ExecContext(t.w.ctx, bound...)
}

// ImportRow is a person validated and turned into the row to insert, ready ahead of the
// transaction: the importer prepares rows in one goroutine while another writes.
type ImportRow struct {
	Person model.Person // as validated and normalised
	args   []any
}

// personArgs positions of what an import fills in itself: the two ids it decides only
// when it writes the row, and the name and its pinyin keys (the last four), which it
// computes once for each name.
const (
	argName      = 0
	argVillage   = 7
	argHousehold = 8
	nameKeyArgs  = 4
)

// ImportRows checks and prepares the rows of one pass of an import — the dry run's or
// the import's, alike — in the goroutine that reads them. Not safe for concurrent use.
type ImportRows struct {
	rows bool
	// The pinyin keys by name. A roster repeats names (the same 张伟 in many villages),
	// and go-pinyin took 3 of the 9 CPU seconds of preparing 100 000 rows. Bounded: it
	// starts again when full.
	keys map[string][nameKeyArgs]any
}

// nameKeysMax bounds ImportRows.keys (some 150 bytes an entry).
const nameKeysMax = 1 << 15

// ImportRows starts preparing rows; with rows false (a dry run) Check only checks.
func (s *Store) ImportRows(rows bool) *ImportRows {
	return &ImportRows{rows: rows, keys: map[string][nameKeyArgs]any{}}
}

// Check validates p as CreatePerson does — the registration date defaults to today,
// then model.ValidatePerson, which normalises p — and returns the problems. When p may
// be saved and the rows are wanted, it also returns the row to insert, its search keys
// computed. It touches no file and may run in any goroutine.
func (r *ImportRows) Check(p *model.Person, today time.Time) (*ImportRow, model.Problems) {
	if p.RegisteredOn == "" {
		p.RegisteredOn = today.Format(time.DateOnly) // as preparePerson does
	}
	ps := model.ValidatePerson(p, today)
	if !ps.OK() || !r.rows {
		return nil, ps
	}
	name := p.Name
	keys, ok := r.keys[name]
	if !ok {
		k := model.NameSearchKeys(name)
		keys = [nameKeyArgs]any{k.Initials, k.Full, strings.Join(k.Alternates, " "), model.PinyinSortKey(name)}
		if len(r.keys) >= nameKeysMax {
			clear(r.keys)
		}
		r.keys[name] = keys
	}
	// personArgs of the nameless person (whose keys cost nothing), then the name and its
	// keys: the same row personArgs makes (TestImportedRowIsTheFormsRow).
	p.Name = ""
	args := personArgs(p)
	p.Name = name
	args[argName] = name
	copy(args[len(args)-nameKeyArgs:], keys[:])
	return &ImportRow{Person: *p, args: args}, ps
}

// InsertRow adds a prepared person in the village and household given; the id is
// returned and set in r.Person.
func (t *ImportTx) InsertRow(r *ImportRow, villageID, householdID int64) (int64, error) {
	r.Person.VillageID, r.Person.HouseholdID = villageID, householdID
	r.args[argVillage], r.args[argHousehold] = nullID(villageID), nullID(householdID)
	res, err := t.insertPerson(r.args)
	if err != nil {
		return 0, err
	}
	r.Person.ID, _ = res.LastInsertId()
	return r.Person.ID, t.added()
}

// Update validates p as UpdatePerson does and saves it over the stored record, recording
// the change.
func (t *ImportTx) Update(p *model.Person) error {
	if err := t.w.s.preparePerson(p); err != nil {
		return err
	}
	w := t.w
	return w.change(EntPerson, p.ID, ActUpdate, p.Name, func() error {
		return w.expectOne(w.exec("UPDATE people SET ("+personCols+", updated_at) = ("+placeholders(nPersonCols)+", ?) WHERE id = ? AND deleted_at = ''",
			append(personArgs(p), w.at, p.ID)...))
	})
}

// Person reads one person inside the transaction.
func (t *ImportTx) Person(id int64) (model.Person, error) {
	var p model.Person
	err := scanPerson(t.w.tx.QueryRowContext(t.w.ctx, "SELECT "+personReadCols+" FROM people WHERE id = ?", id), &p)
	if err == sql.ErrNoRows {
		return p, &Error{Kind: ErrNotFound, Err: err}
	}
	return p, err
}

// VillageID returns the id of the live village called name, adding it (recorded in the
// history) when the ledger has none.
func (t *ImportTx) VillageID(name string) (int64, error) { return t.w.villageID(name) }

// NewHousehold adds a household; its history row is written with the import's inserts.
func (t *ImportTx) NewHousehold(villageID int64, address string) (int64, error) {
	res, err := t.household.ExecContext(t.w.ctx, nullID(villageID), address)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// SetHousehold puts a person into a household: a person this import inserted is changed
// in place (their insert's snapshot is taken at the end), anyone else with a recorded
// update.
func (t *ImportTx) SetHousehold(personID, household int64) error {
	if personID > t.lastPerson {
		_, err := t.join.ExecContext(t.w.ctx, nullID(household), personID)
		return err
	}
	return t.w.setHousehold(personID, household)
}

// SaveMapping remembers a column mapping with the import (without history: it is a
// convenience, not a record, and undoing the import should not forget it).
func (t *ImportTx) SaveMapping(key, value string) error {
	return t.w.putSetting(importMappingPrefix+key, value)
}

// EachPerson calls fn for every live person's identifying fields, inside the transaction.
func (t *ImportTx) EachPerson(fn func(PersonKey) error) error {
	return eachPersonKey(t.w.ctx, t.w.tx, fn)
}

// PersonKey is what an import matches a row against.
type PersonKey struct {
	ID          int64
	Name        string
	BirthDate   string
	IDNumber    string
	VillageID   int64
	HouseholdID int64
}

// EachPersonKey calls fn for every live person's identifying fields, in id order.
func (s *Store) EachPersonKey(ctx context.Context, fn func(PersonKey) error) error {
	return s.classify(eachPersonKey(ctx, s.db, fn))
}

func eachPersonKey(ctx context.Context, q querier, fn func(PersonKey) error) error {
	rows, err := q.QueryContext(ctx, `SELECT id, name, birth_date, id_number, coalesce(village_id, 0), coalesce(household_id, 0)
		FROM people WHERE deleted_at = '' ORDER BY id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var k PersonKey
		if err := rows.Scan(&k.ID, &k.Name, &k.BirthDate, &k.IDNumber, &k.VillageID, &k.HouseholdID); err != nil {
			return err
		}
		if err := fn(k); err != nil {
			return err
		}
	}
	return rows.Err()
}

// ImportMapping returns the column mapping remembered under key, "" when there is none.
func (s *Store) ImportMapping(ctx context.Context, key string) (string, error) {
	v, err := s.setting(ctx, s.db, importMappingPrefix+key)
	return v, s.classify(err)
}

// SaveImportMapping remembers a column mapping (the TUI saves it when the user confirms
// the mapping screen, before any import).
func (s *Store) SaveImportMapping(ctx context.Context, key, value string) error {
	return s.write(ctx, func(w *writer) error { return w.putSetting(importMappingPrefix+key, value) })
}

// Villages lists the live villages inside the transaction.
func (t *ImportTx) Villages() ([]model.Village, error) {
	rows, err := t.w.tx.QueryContext(t.w.ctx, "SELECT id, name, sort FROM villages WHERE deleted_at = '' ORDER BY sort, id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Village
	for rows.Next() {
		var v model.Village
		if err := rows.Scan(&v.ID, &v.Name, &v.Sort); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// Today is the store's date, as saves stamp it.
func (t *ImportTx) Today() string { return t.w.s.Today() }

// undoImportInserts takes back the rows an import inserted, all of a table in one
// statement each (one by one, undoing 100 000 people took over a minute in this driver),
// recording each as undone just as Undo does row by row, without snapshots (as the
// import recorded them: nothing reads a removed row's). It returns the rows undone; the
// caller undoes the import's other rows (updates) the usual way.
func (w *writer) undoImportInserts(change int64) (int, error) {
	n := 0
	for _, entity := range []string{EntPerson, EntHousehold, EntVillage} {
		res, err := w.exec(fmt.Sprintf(`INSERT INTO history(change_id, at, operator, entity, row_id, action, summary, before, after)
			SELECT ?, ?, ?, h.entity, h.row_id, ?, h.summary, '', '' FROM history h JOIN %s t ON t.id = h.row_id
			WHERE h.change_id = ? AND h.entity = ? AND h.action = ? ORDER BY h.id DESC`, entity),
			w.changeID, w.at, w.operator, ActUndo, change, entity, ActInsert)
		if err != nil {
			return n, err
		}
		k, _ := res.RowsAffected()
		n += int(k)
		if err := w.bulkDelete(entity, int(k), fmt.Sprintf(`DELETE FROM %s WHERE id IN
			(SELECT row_id FROM history WHERE change_id = ? AND entity = ? AND action = ?)`, entity),
			change, entity, ActInsert); err != nil {
			return n, err
		}
	}
	w.rebuild = true
	return n, nil
}

// bulkDelete runs del, which deletes n rows of table, with the table's indexes set aside
// when the rows deleted are many and at least as many as those left, and with the
// tables referring to it indexed for the foreign key checks.
func (w *writer) bulkDelete(table string, n int, del string, args ...any) error {
	if n == 0 {
		return nil
	}
	dropFK, err := w.fkIndexes(table, n)
	if err != nil {
		return err
	}
	var sa *setAside
	if n >= setAsideMin {
		var rows int
		if err := w.tx.QueryRowContext(w.ctx, "SELECT count(*) FROM "+table).Scan(&rows); err != nil {
			return err
		}
		if n >= rows-n {
			if sa, err = w.setAsideIndexes(table); err != nil {
				return err
			}
		}
	}
	if _, err := w.exec(del, args...); err != nil {
		return err
	}
	if err := sa.restore(w); err != nil {
		return err
	}
	return dropFK()
}
