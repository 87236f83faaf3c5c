package demo

import (
	"context"
	"database/sql"
	"strings"
)

// inserter writes rows into one table through one prepared single-row INSERT.
//
// Single rows, not multi-row VALUES lists: SQLite compiles a multi-row INSERT as a
// statement that may abort halfway, so it keeps a statement journal of every page it
// touches (a temporary file, since the store does not set temp_store, and temp_store
// cannot change inside the bulk transaction). At 100k people and 1M events/visits that
// journal made batches of 256 rows slower (44 s) than single rows (33 s).
type inserter struct {
	ctx   context.Context
	stmt  *sql.Stmt
	query string
	ncols int
	tx    *sql.Tx
	total int
	after func(n int) // progress, when counted
}

func newInserter(ctx context.Context, tx *sql.Tx, table, cols string, after func(n int)) *inserter {
	n := strings.Count(cols, ",") + 1
	q := "INSERT INTO " + table + "(" + cols + ") VALUES (" + strings.TrimSuffix(strings.Repeat("?,", n), ",") + ")"
	return &inserter{ctx: ctx, tx: tx, query: q, ncols: n, after: after}
}

// add writes one row; its values must be in the order of the columns.
func (in *inserter) add(vals ...any) error {
	if len(vals) != in.ncols {
		panic("demo: wrong number of values for " + in.query)
	}
	if in.stmt == nil {
		st, err := in.tx.PrepareContext(in.ctx, in.query)
		if err != nil {
			return err
		}
		in.stmt = st
	}
	if _, err := in.stmt.ExecContext(in.ctx, vals...); err != nil {
		return err
	}
	in.total++
	if in.after != nil {
		in.after(1)
	}
	return nil
}

// close releases the prepared statement.
func (in *inserter) close() {
	if in.stmt != nil {
		in.stmt.Close()
		in.stmt = nil
	}
}

// nullID is NULL for 0, the way the store writes optional references.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}
