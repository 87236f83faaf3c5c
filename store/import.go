package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"shuangyong/model"
)

// An import (store/importer) writes many people in one change that Ctrl+Z takes back
// whole: unlike BulkLoad (the demo), whose single history row is a boundary undo does not
// cross, it records every person, household and village it inserts or updates, under one
// change id whose first row is an ActImport marker carrying "导入：FILE".

// ActImport and EntImport mark the first history row of an import.
const (
	ActImport = "import"
	EntImport = "import"
)

// importCacheKiB is SQLite's page cache during an import.
const importCacheKiB = 64 * 1024

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
}

// Import runs fn in one write transaction recorded as one change with summary (the
// history's "导入：FILE"). Nothing is kept unless fn returns nil and the commit succeeds.
// The people search index is rebuilt afterwards.
func (s *Store) Import(ctx context.Context, summary string, fn func(t *ImportTx) error) error {
	// A bigger page cache while the import runs: with the default 4 MiB, a 100 000-row
	// transaction spills pages to the journal all along (5 of 17 CPU seconds were writes).
	// The usual size and memory come back afterwards.
	var cache int64
	if err := s.db.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&cache); err == nil {
		if _, err := s.db.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = %d", -importCacheKiB)); err == nil {
			defer func() {
				_, _ = s.db.ExecContext(context.Background(), fmt.Sprintf("PRAGMA cache_size = %d", cache))
				s.ShrinkCache(context.Background())
			}()
		}
	}
	return s.write(ctx, func(w *writer) error {
		// The marker comes first, so undo (newest row first) reaches it last and reports it.
		if err := w.record(EntImport, 0, ActImport, summary, "", ""); err != nil {
			return err
		}
		t := &ImportTx{w: w}
		for _, q := range []struct {
			table string
			dst   *int64
		}{{EntPerson, &t.lastPerson}, {EntHousehold, &t.lastHouse}} {
			if err := w.tx.QueryRowContext(ctx, "SELECT coalesce(max(id), 0) FROM "+q.table).Scan(q.dst); err != nil {
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
		// The inserts' history rows, written in one statement each: the same snapshots
		// insertPerson records one by one, at a fraction of the cost for 100 000 rows.
		for _, q := range []struct {
			entity string
			last   int64
			name   string
		}{{EntHousehold, t.lastHouse, "address"}, {EntPerson, t.lastPerson, "name"}} {
			expr, err := snapshotExpr(w.s.tables, q.entity)
			if err != nil {
				return err
			}
			if _, err := w.exec(fmt.Sprintf(`INSERT INTO history(change_id, at, operator, entity, row_id, action, summary, before, after)
				SELECT ?, ?, ?, ?, t.id, ?, t.%s, '', %s FROM %s t WHERE t.id > ? ORDER BY t.id`, q.name, expr, q.entity),
				w.changeID, w.at, w.operator, q.entity, ActInsert, q.last); err != nil {
				return err
			}
		}
		w.rebuild = true
		return nil
	})
}

// Insert validates p as CreatePerson does and adds it; p.ID is set.
func (t *ImportTx) Insert(p *model.Person) error {
	if err := t.w.s.preparePerson(p); err != nil {
		return err
	}
	res, err := t.insert.ExecContext(t.w.ctx, append(personArgs(p), t.w.at, t.w.at)...)
	if err != nil {
		return err
	}
	p.ID, _ = res.LastInsertId()
	t.inserted++
	return nil
}

// ImportRow is a person validated and turned into the row to insert, ready ahead of the
// transaction: the importer prepares rows in one goroutine while another writes.
type ImportRow struct {
	Person model.Person // as validated and normalised
	args   []any
}

// personArgs positions of the two ids an import decides only when it writes the row.
const (
	argVillage   = 7
	argHousehold = 8
)

// PrepareImportRow validates p as CreatePerson does and computes its row (the pinyin
// keys included). It touches no file and may run in any goroutine.
func (s *Store) PrepareImportRow(p model.Person) (*ImportRow, error) {
	if err := s.preparePerson(&p); err != nil {
		return nil, err
	}
	return &ImportRow{Person: p, args: personArgs(&p)}, nil
}

// InsertRow adds a prepared person in the village and household given; the id is
// returned and set in r.Person.
func (t *ImportTx) InsertRow(r *ImportRow, villageID, householdID int64) (int64, error) {
	r.Person.VillageID, r.Person.HouseholdID = villageID, householdID
	r.args[argVillage], r.args[argHousehold] = nullID(villageID), nullID(householdID)
	res, err := t.insert.ExecContext(t.w.ctx, append(r.args, t.w.at, t.w.at)...)
	if err != nil {
		return 0, err
	}
	r.Person.ID, _ = res.LastInsertId()
	t.inserted++
	return r.Person.ID, nil
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

// snapshotExpr is the json_object(...) expression over alias t that snapshotRow selects
// for one row of entity.
func snapshotExpr(tables map[string][]string, entity string) (string, error) {
	cols, ok := tables[entity]
	if !ok {
		return "", fmt.Errorf("no history for %s", entity)
	}
	parts := make([]string, len(cols))
	for i, c := range cols {
		parts[i] = fmt.Sprintf("'%s', t.%s", c, c)
	}
	return "json_object(" + strings.Join(parts, ", ") + ")", nil
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
// recording each as undone just as Undo does row by row. It returns the rows undone; the
// caller undoes the import's other rows (updates) the usual way.
func (w *writer) undoImportInserts(change int64) (int, error) {
	n := 0
	for _, entity := range []string{EntPerson, EntHousehold, EntVillage} {
		expr, err := snapshotExpr(w.s.tables, entity)
		if err != nil {
			return n, err
		}
		res, err := w.exec(fmt.Sprintf(`INSERT INTO history(change_id, at, operator, entity, row_id, action, summary, before, after)
			SELECT ?, ?, ?, h.entity, h.row_id, ?, h.summary, %s, '' FROM history h JOIN %s t ON t.id = h.row_id
			WHERE h.change_id = ? AND h.entity = ? AND h.action = ? ORDER BY h.id DESC`, expr, entity),
			w.changeID, w.at, w.operator, ActUndo, change, entity, ActInsert)
		if err != nil {
			return n, err
		}
		k, _ := res.RowsAffected()
		n += int(k)
		if _, err := w.exec(fmt.Sprintf(`DELETE FROM %s WHERE id IN
			(SELECT row_id FROM history WHERE change_id = ? AND entity = ? AND action = ?)`, entity),
			change, entity, ActInsert); err != nil {
			return n, err
		}
	}
	w.rebuild = true
	return n, nil
}
