package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"shuangyong/model"
)

// schemaAndStats is what a big import or its undo must leave as it found it: every index
// of the file, and the planner's statistics.
func schemaAndStats(t *testing.T, s *Store) string {
	t.Helper()
	var b strings.Builder
	rows, err := s.db.Query(`SELECT type, name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var typ, name, sql string
		if err := rows.Scan(&typ, &name, &sql); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s %s %s\n", typ, name, sql)
	}
	rows.Close()
	if !strings.Contains(b.String(), "table sqlite_stat1 ") {
		return b.String()
	}
	rows, err = s.db.Query(`SELECT tbl, coalesce(idx, ''), stat FROM sqlite_stat1 ORDER BY tbl, idx`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var tbl, idx, stat string
		if err := rows.Scan(&tbl, &idx, &stat); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "stat1 %s %s %s\n", tbl, idx, stat)
	}
	rows.Close()
	if strings.Contains(b.String(), "table sqlite_stat4 ") {
		rows, err = s.db.Query(`SELECT tbl, idx, neq, nlt, ndlt, hex(sample) FROM sqlite_stat4 ORDER BY tbl, idx, hex(sample)`)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var tbl, idx, neq, nlt, ndlt, sample string
			if err := rows.Scan(&tbl, &idx, &neq, &nlt, &ndlt, &sample); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "stat4 %s %s %s %s %s %s\n", tbl, idx, neq, nlt, ndlt, sample)
		}
		rows.Close()
	}
	return b.String()
}

func integrityOK(t *testing.T, s *Store) {
	t.Helper()
	var res string
	if err := s.db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
		t.Fatalf("integrity_check: %q %v", res, err)
	}
	var fk string
	if err := s.db.QueryRow("PRAGMA foreign_key_check").Scan(&fk); err == nil {
		t.Fatalf("foreign_key_check: %s", fk)
	}
}

// importPeople imports n people through ImportTx, two to a household; check runs inside
// the transaction afterwards.
func importPeople(t *testing.T, s *Store, n int, check func(tx *ImportTx) error) error {
	t.Helper()
	ctx := context.Background()
	return s.Import(ctx, "导入：测试.xlsx", func(tx *ImportTx) error {
		rows := s.ImportRows(true)
		village, err := tx.VillageID("导入村")
		if err != nil {
			return err
		}
		var hh int64
		for i := 0; i < n; i++ {
			p := model.Person{Name: "单雄信", IDNumber: idFor(fmt.Sprintf("1950%02d%02d", 1+i%12, 1+i%28), i%1000),
				Categories: []string{model.CatVeteran}, Address: fmt.Sprintf("%d号", i/2)}
			if i%3 == 1 {
				p.Name = "吕布"
			}
			tx.Read(i, n)
			row, ps := rows.Check(&p, testNow)
			if !ps.OK() {
				return fmt.Errorf("row %d: %v", i, ps.Errors)
			}
			if i%2 == 0 {
				if hh, err = tx.NewHousehold(village, p.Address); err != nil {
					return err
				}
			}
			if _, err := tx.InsertRow(row, village, hh); err != nil {
				return err
			}
		}
		if check != nil {
			return check(tx)
		}
		return nil
	})
}

// A big import sets the people indexes aside while it inserts and puts them back, with
// their statistics, before it commits; its undo does the same for its deletions, and
// builds (then drops) an index on visits.person_id for the foreign key checks. Neither
// leaves a trace in the schema, and a failed import leaves nothing at all.
func TestBigImportSetsIndexesAside(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ids := mustVillages(t, s, "李家村")
	p := mustPerson(t, s, model.Person{Name: "孙八", IDNumber: idFor("19500101", 1), VillageID: ids["李家村"], Categories: []string{model.CatVeteran}})
	var ev model.Event
	if err := s.RecordVisit(ctx, &ev, &model.Visit{PersonID: p.ID, Date: "2026-01-20", MoneyFen: 50000}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec("ANALYZE"); err != nil {
		t.Fatal(err)
	}
	before := schemaAndStats(t, s)
	if !strings.Contains(before, "stat1 people people_name") || !strings.Contains(before, "stat4 people people_name") {
		t.Fatalf("no statistics to keep:\n%s", before)
	}
	n := 2 * setAsideMin // the rest of the file is worth setting them aside for from the first

	// A failure after the indexes were set aside rolls everything back.
	boom := errors.New("boom")
	err := importPeople(t, s, n, func(tx *ImportTx) error {
		if tx.indexes == nil || len(tx.indexes.create) == 0 {
			t.Error("the indexes were not set aside")
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("import: %v", err)
	}
	if got := schemaAndStats(t, s); got != before {
		t.Fatalf("a failed import changed the schema:\n%s\nwant\n%s", got, before)
	}

	var inside int
	err = importPeople(t, s, n, func(tx *ImportTx) error {
		return tx.w.tx.QueryRow("SELECT count(*) FROM sqlite_schema WHERE name = 'people_name'").Scan(&inside)
	})
	if err != nil {
		t.Fatal(err)
	}
	if inside != 0 {
		t.Error("people_name was there during the import")
	}
	if got := schemaAndStats(t, s); got != before {
		t.Fatalf("after the import:\n%s\nwant\n%s", got, before)
	}
	integrityOK(t, s)
	var count int
	s.db.QueryRow("SELECT count(*) FROM people INDEXED BY people_name WHERE name = '吕布'").Scan(&count)
	if want := (n + 1) / 3; count != want {
		t.Errorf("people_name finds %d 吕布, want %d", count, want)
	}

	res, err := s.Undo(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if res.Action != ActImport || res.Summary != "导入：测试.xlsx" || res.Rows != n+n/2+1 {
		t.Errorf("undo: %+v", res)
	}
	if got := schemaAndStats(t, s); got != before {
		t.Fatalf("after the undo:\n%s\nwant\n%s", got, before)
	}
	integrityOK(t, s)
	if err := s.db.QueryRow("SELECT count(*) FROM people").Scan(&count); err != nil || count != 1 {
		t.Errorf("after the undo %d people (%v)", count, err)
	}
}

// fkIndexes indexes a referring column that has no usable index, only for the
// transaction, and leaves alone one that has (people_household is partial, "WHERE
// household_id IS NOT NULL", which serves the check).
func TestFKIndexesForTheTransaction(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ids := mustVillages(t, s, "李家村")
	p := mustPerson(t, s, model.Person{Name: "孙八", IDNumber: idFor("19500101", 1), VillageID: ids["李家村"], Categories: []string{model.CatVeteran}})
	var ev model.Event
	if err := s.RecordVisit(ctx, &ev, &model.Visit{PersonID: p.ID, Date: "2026-01-20", MoneyFen: 50000}); err != nil {
		t.Fatal(err)
	}
	before := schemaAndStats(t, s)
	indexes := func(w *writer) string {
		var names []string
		rows, err := w.tx.Query("SELECT name FROM sqlite_schema WHERE name LIKE 'fk_check_%' ORDER BY name")
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var n string
			rows.Scan(&n)
			names = append(names, n)
		}
		rows.Close()
		return strings.Join(names, ",")
	}
	// With migration 0007's index on visits.person_id the check needs nothing more.
	err := s.write(ctx, func(w *writer) error {
		drop, err := w.fkIndexes(EntPerson, fkIndexMin)
		if err != nil {
			return err
		}
		if got := indexes(w); got != "" {
			t.Errorf("built %q beside visits_person_all", got)
		}
		return drop()
	})
	if err != nil {
		t.Fatal(err)
	}
	// Without it (the same for any referring column without a full index), one is built
	// for the transaction.
	if _, err := s.db.Exec("DROP INDEX visits_person_all"); err != nil {
		t.Fatal(err)
	}
	before = schemaAndStats(t, s)
	err = s.write(ctx, func(w *writer) error {
		drop, err := w.fkIndexes(EntPerson, fkIndexMin-1)
		if err != nil {
			return err
		}
		if got := indexes(w); got != "" {
			t.Errorf("for a few rows: %s", got)
		}
		if err := drop(); err != nil {
			return err
		}
		if drop, err = w.fkIndexes(EntPerson, fkIndexMin); err != nil {
			return err
		}
		if got := indexes(w); got != "fk_check_visits_person_id" {
			t.Errorf("people: made %q", got)
		}
		if err := drop(); err != nil {
			return err
		}
		if got := indexes(w); got != "" {
			t.Errorf("left %q", got)
		}
		if drop, err = w.fkIndexes(EntHousehold, 1000); err != nil {
			return err
		}
		if got := indexes(w); got != "" {
			t.Errorf("households: made %q", got)
		}
		return drop()
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := schemaAndStats(t, s); got != before {
		t.Fatalf("schema changed:\n%s\nwant\n%s", got, before)
	}
}

// A row an import inserts is the row the form would have saved: every column, with its
// type (the empty ones are written into the statement, not bound), and the pinyin keys,
// computed once for a name met twice.
func TestImportedRowIsTheFormsRow(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ids := mustVillages(t, s, "李家村")
	people := []model.Person{
		{Name: "单雄信", Sex: "M", BirthDate: "1950-03-15", IDNumber: idFor("19500315", 11), Phones: []string{"13800138000", "0571-88886666"},
			Address: "1组2号", Categories: []string{model.CatWarVeteran, model.CatDisabledSoldier}, DisabilityGrade: 6,
			ServicemanName: "张强", EnlistedOn: "1968-03", LivesAlone: true, HonourPlaque: true, Note: "备注"},
		{Name: "吕布", Categories: []string{model.CatVeteran}},
		{Name: "单雄信", Categories: []string{model.CatMartyrFamily}, MartyrName: "单大"},
	}
	var imported []int64
	err := s.Import(ctx, "导入：测试.xlsx", func(tx *ImportTx) error {
		rows := s.ImportRows(true)
		for _, p := range people {
			row, ps := rows.Check(&p, testNow)
			if !ps.OK() {
				return fmt.Errorf("%s: %v", p.Name, ps.Errors)
			}
			id, err := tx.InsertRow(row, ids["李家村"], 0)
			if err != nil {
				return err
			}
			imported = append(imported, id)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	cols := s.tables[EntPerson]
	var quoted []string
	for _, c := range cols {
		if c != "id" && c != "id_number" && c != "created_at" && c != "updated_at" {
			quoted = append(quoted, "quote("+c+")")
		}
	}
	rowOf := func(id int64) string {
		var js string
		if err := s.db.QueryRow("SELECT "+strings.Join(quoted, " || '|' || ")+" FROM people WHERE id = ?", id).Scan(&js); err != nil {
			t.Fatal(err)
		}
		return js
	}
	for i, p := range people {
		p.VillageID = ids["李家村"]
		if p.IDNumber != "" {
			p.IDNumber = idFor("19500315", 13)
		}
		formed := mustPerson(t, s, p)
		if got, want := rowOf(imported[i]), rowOf(formed.ID); got != want {
			t.Errorf("%s imported:\n%s\nsaved by the form:\n%s", p.Name, got, want)
		}
	}
	var alt string
	s.db.QueryRow("SELECT py_alt FROM people WHERE id = ?", imported[2]).Scan(&alt)
	if !strings.Contains(alt, "dxx") {
		t.Errorf("单雄信's other readings: %q", alt)
	}
}
