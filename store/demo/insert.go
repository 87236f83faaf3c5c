package demo

import (
	"context"
	"database/sql"
	"strings"
)

// inserter writes rows into one table with multi-row INSERT statements. A statement of
// batchRows rows is prepared once and reused; the remainder goes through a statement of
// its own size at flush. With the pure-Go driver, each Exec has a fixed cost that dwarfs
// binding a few more parameters, so batching rows is what makes a million visits fit in
// the time budget (SPEC.md §7).
type inserter struct {
	ctx    context.Context
	tx     *sql.Tx
	prefix string // INSERT INTO t(cols) VALUES
	row    string // (?, ?, …)
	ncols  int
	batch  int
	full   *sql.Stmt
	args   []any
	rows   int // rows waiting in args
	total  int // rows written
	after  func(n int)
}

// maxParams stays well below SQLite's limit of 32766 bound parameters per statement.
const maxParams = 4000

func newInserter(ctx context.Context, tx *sql.Tx, table, cols string, after func(n int)) *inserter {
	n := strings.Count(cols, ",") + 1
	row := "(" + strings.TrimSuffix(strings.Repeat("?,", n), ",") + ")"
	batch := max(1, min(256, maxParams/n))
	return &inserter{ctx: ctx, tx: tx, prefix: "INSERT INTO " + table + "(" + cols + ") VALUES ", row: row,
		ncols: n, batch: batch, args: make([]any, 0, batch*n), after: after}
}

func (in *inserter) sql(rows int) string {
	var b strings.Builder
	b.Grow(len(in.prefix) + rows*(len(in.row)+1))
	b.WriteString(in.prefix)
	for i := 0; i < rows; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(in.row)
	}
	return b.String()
}

// add queues one row; its values must be in the order of the columns.
func (in *inserter) add(vals ...any) error {
	if len(vals) != in.ncols {
		panic("demo: wrong number of values for " + in.prefix)
	}
	in.args = append(in.args, vals...)
	in.rows++
	if in.rows < in.batch {
		return nil
	}
	if in.full == nil {
		st, err := in.tx.PrepareContext(in.ctx, in.sql(in.batch))
		if err != nil {
			return err
		}
		in.full = st
	}
	if _, err := in.full.ExecContext(in.ctx, in.args...); err != nil {
		return err
	}
	in.done()
	return nil
}

func (in *inserter) done() {
	n := in.rows
	in.total += n
	clear(in.args)
	in.args = in.args[:0]
	in.rows = 0
	if in.after != nil {
		in.after(n)
	}
}

// flush writes the queued rows.
func (in *inserter) flush() error {
	if in.rows == 0 {
		return nil
	}
	if _, err := in.tx.ExecContext(in.ctx, in.sql(in.rows), in.args...); err != nil {
		return err
	}
	in.done()
	return nil
}

// close flushes and releases the prepared statement.
func (in *inserter) close() error {
	err := in.flush()
	if in.full != nil {
		if cerr := in.full.Close(); err == nil {
			err = cerr
		}
		in.full = nil
	}
	return err
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
