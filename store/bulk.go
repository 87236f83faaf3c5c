package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// ActBulk marks a history row that stands for a whole bulk load (demo data, an import):
// one row instead of one per record, and a boundary that undo does not cross.
const ActBulk = "bulk"

// BulkLoad runs fn in one transaction for loading many rows at once through plain SQL on
// the schema (the demo generator, imports). It records one history row with the summary
// and rebuilds the search index afterwards. Callers must fill the derived columns
// (pinyin keys, visit snapshots, last_visit_on) themselves; RefreshDerived does the last.
func (s *Store) BulkLoad(ctx context.Context, summary string, fn func(tx *sql.Tx) error) error {
	return s.write(ctx, func(w *writer) error {
		if err := fn(w.tx); err != nil {
			return err
		}
		w.rebuild = true
		return w.record("bulk", 0, ActBulk, summary, "", "")
	})
}

// RefreshDerived recomputes every person's last visit and last home visit dates from the
// visits (after a bulk load). The home visits come grouped from the visits_home index.
func RefreshDerived(ctx context.Context, tx *sql.Tx) error {
	for _, q := range []string{
		`UPDATE people SET last_visit_on = coalesce(
			(SELECT max(date) FROM visits v WHERE v.person_id = people.id AND v.deleted_at = ''), '')`,
		`UPDATE people SET last_home_on = '' WHERE last_home_on <> '' AND id NOT IN
			(SELECT person_id FROM visits WHERE mode = 'home' AND deleted_at = '')`,
		`UPDATE people SET last_home_on = h.d FROM (SELECT person_id, max(date) AS d FROM visits
			WHERE mode = 'home' AND deleted_at = '' GROUP BY person_id) h WHERE h.person_id = people.id`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

// bulkCacheKiB is SQLite's page cache while an import is written or undone: with the
// default cache (a few MiB), a 100 000-row transaction spills pages to the journal all
// along (5 of 17 CPU seconds of the first import were those writes).
const bulkCacheKiB = 64 * 1024

// bulkCache raises the page cache for a big write, through q: the store's connection, or
// the transaction holding it. The returned function, called once the connection is free
// again, gives the usual size back and returns the memory.
func (s *Store) bulkCache(ctx context.Context, q interface {
	querier
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}) (restore func()) {
	var cache int64
	if err := q.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&cache); err != nil {
		return func() {}
	}
	if _, err := q.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = %d", -bulkCacheKiB)); err != nil {
		return func() {}
	}
	return func() {
		_, _ = s.db.ExecContext(context.Background(), fmt.Sprintf("PRAGMA cache_size = %d", cache))
		s.ShrinkCache(context.Background())
	}
}

// setAsideMin is the fewest rows written to a table for which its indexes are set aside.
const setAsideMin = 4096

// setAside holds a table's ordinary indexes dropped inside a write transaction while many
// of its rows are inserted or deleted: keeping six indexes of people up to date row by
// row cost 30 µs a row (3 of the 5 CPU seconds of inserting 100 000 people, most of
// deleting them again), building them afterwards from sorted keys under 6 µs a row of
// the table. They come back, with the planner's statistics about them, before the
// transaction commits; if it does not commit, its rollback brings them back.
type setAside struct {
	create []string // the CREATE INDEX statements, as the schema holds them
	stats  []statRow
}

// statRow is a row of sqlite_stat1 or sqlite_stat4 about a set-aside index: DROP INDEX
// deletes them, and without them the planner would choose differently until the next
// ANALYZE.
type statRow struct {
	table string
	vals  []any
}

// setAsideIndexes drops table's indexes that the schema created and that enforce nothing
// (unique ones stay: they are constraints).
func (w *writer) setAsideIndexes(table string) (*setAside, error) {
	rows, err := w.tx.QueryContext(w.ctx, `SELECT l.name, m.sql FROM pragma_index_list(?) l
		JOIN sqlite_schema m ON m.type = 'index' AND m.name = l.name
		WHERE l.origin = 'c' AND l."unique" = 0 AND m.sql IS NOT NULL ORDER BY l.name`, table)
	if err != nil {
		return nil, err
	}
	var names []string
	sa := &setAside{}
	for rows.Next() {
		var name, create string
		if err := rows.Scan(&name, &create); err != nil {
			rows.Close()
			return nil, err
		}
		names = append(names, name)
		sa.create = append(sa.create, create)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return sa, nil
	}
	for _, st := range []string{"sqlite_stat1", "sqlite_stat4"} {
		if err := sa.saveStats(w, st, names); err != nil {
			return nil, err
		}
	}
	for _, name := range names {
		if _, err := w.exec(`DROP INDEX "` + name + `"`); err != nil {
			return nil, err
		}
	}
	return sa, nil
}

func (sa *setAside) saveStats(w *writer, table string, indexes []string) error {
	var exists int
	if err := w.tx.QueryRowContext(w.ctx, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?", table).Scan(&exists); err != nil || exists == 0 {
		return err
	}
	rows, err := w.tx.QueryContext(w.ctx, "SELECT * FROM "+table+" WHERE idx IN ("+placeholders(len(indexes))+")", anys(indexes)...)
	if err != nil {
		return err
	}
	defer rows.Close()
	return eachRowValues(rows, func(vals []any) {
		sa.stats = append(sa.stats, statRow{table: table, vals: vals})
	})
}

// eachRowValues calls fn with the values of each row, whatever its columns.
func eachRowValues(rows *sql.Rows, fn func(vals []any)) error {
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		fn(vals)
	}
	return rows.Err()
}

// restore builds the indexes again and puts their statistics back.
func (sa *setAside) restore(w *writer) error {
	if sa == nil {
		return nil
	}
	for _, create := range sa.create {
		if _, err := w.exec(create); err != nil {
			return err
		}
	}
	for _, st := range sa.stats {
		if _, err := w.exec("INSERT INTO "+st.table+" VALUES("+placeholders(len(st.vals))+")", st.vals...); err != nil {
			return err
		}
	}
	return nil
}

func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// fkIndexMin is the fewest rows deleted from a table for which the tables referring to
// it get an index on the referring column for the deletion.
const fkIndexMin = 32

// fkIndexes makes sure that deleting n rows of parent does not scan a whole table per
// row. With foreign keys on, SQLite looks for rows still referring to each deleted row;
// without an index whose first column is the referring one it reads the whole table:
// visits.person_id has only partial indexes, so undoing an import of 3 000 people in a
// ledger of 800 000 visits read visits 3 000 times (0.1 s each). For such a column an
// index is built for this transaction (a second or so at county scale) and dropped by
// the returned function before the commit, so the file's schema does not change.
func (w *writer) fkIndexes(parent string, n int) (drop func() error, err error) {
	drop = func() error { return nil }
	if n < fkIndexMin {
		return drop, nil
	}
	rows, err := w.tx.QueryContext(w.ctx, `SELECT m.name, f."from" FROM sqlite_schema m
		JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table' AND f."table" = ? ORDER BY m.name, f."from"`, parent)
	if err != nil {
		return drop, err
	}
	type ref struct{ table, col string }
	var refs []ref
	for rows.Next() {
		var r ref
		if err := rows.Scan(&r.table, &r.col); err != nil {
			rows.Close()
			return drop, err
		}
		refs = append(refs, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return drop, err
	}
	var made []string
	drop = func() error {
		for _, name := range made {
			if _, err := w.exec(`DROP INDEX "` + name + `"`); err != nil {
				return err
			}
		}
		return nil
	}
	for _, r := range refs {
		// The planner is asked, as it is asked for the check itself: an index it would
		// use for "col = ?" (a partial one "WHERE col IS NOT NULL" counts) is enough.
		searched, err := w.plansSearch(fmt.Sprintf(`SELECT 1 FROM "%s" WHERE "%s" = ?`, r.table, r.col))
		if err != nil || searched {
			if err != nil {
				return drop, err
			}
			continue
		}
		var has int
		if err := w.tx.QueryRowContext(w.ctx, fmt.Sprintf(`SELECT EXISTS (SELECT 1 FROM "%s")`, r.table)).Scan(&has); err != nil {
			return drop, err
		}
		if has == 0 {
			continue
		}
		name := "fk_check_" + r.table + "_" + r.col
		if _, err := w.exec(fmt.Sprintf(`CREATE INDEX "%s" ON "%s"("%s")`, name, r.table, r.col)); err != nil {
			return drop, err
		}
		made = append(made, name)
	}
	return drop, nil
}

// plansSearch tells whether the planner answers query with an index search rather than
// a scan of the table.
func (w *writer) plansSearch(query string) (bool, error) {
	rows, err := w.tx.QueryContext(w.ctx, "EXPLAIN QUERY PLAN "+query, nil)
	if err != nil {
		return false, err
	}
	defer rows.Close()
	search := false
	err = eachRowValues(rows, func(vals []any) {
		detail := fmt.Sprint(vals[len(vals)-1])
		if b, ok := vals[len(vals)-1].([]byte); ok {
			detail = string(b)
		}
		if strings.HasPrefix(detail, "SEARCH") {
			search = true
		}
	})
	return search, err
}
