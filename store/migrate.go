package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

// migrations lists the embedded files 0001_….sql, 0002_….sql…, numbered 1..N without gaps.
func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration file %q is not named NNNN_name.sql", e.Name())
		}
		b, err := migrationFiles.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: e.Name(), sql: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	for i, m := range out {
		if m.version != i+1 {
			return nil, fmt.Errorf("migrations are not numbered 1..N: %s", m.name)
		}
	}
	return out, nil
}

// SchemaVersion is the number of migrations this program knows.
func SchemaVersion() int {
	ms, _ := migrations()
	return len(ms)
}

// migrate applies each pending migration in its own transaction, recording the step in
// PRAGMA user_version inside that transaction, so a failed step leaves the file as it was.
// Foreign keys are switched off around a step (a no-op inside a transaction, so before
// BEGIN) to allow SQLite's table-rebuild recipe, and checked before the commit.
func migrate(ctx context.Context, db *sql.DB, path string) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	var current int
	if err := conn.QueryRowContext(ctx, "PRAGMA user_version").Scan(&current); err != nil {
		return err
	}
	if current > len(ms) {
		return &Error{Kind: ErrTooNew, Path: path, Err: fmt.Errorf("schema version %d, this program knows %d", current, len(ms))}
	}
	if current > 0 {
		var n int
		if err := conn.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE name = 'history'").Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return &Error{Kind: ErrNotDatabase, Path: path, Err: fmt.Errorf("user_version %d but no ledger tables", current)}
		}
	} else {
		// A version-0 file with tables of its own is some other program's database.
		var n int
		if err := conn.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master").Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return &Error{Kind: ErrNotDatabase, Path: path, Err: fmt.Errorf("SQLite file with %d objects and no ledger schema", n)}
		}
	}
	for _, m := range ms[current:] {
		if err := applyMigration(ctx, conn, m); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	return nil
}

func applyMigration(ctx context.Context, conn *sql.Conn, m migration) (err error) {
	if _, err := conn.ExecContext(ctx, "PRAGMA foreign_keys=OFF"); err != nil {
		return err
	}
	defer func() {
		if _, e := conn.ExecContext(ctx, "PRAGMA foreign_keys=ON"); e != nil && err == nil {
			err = e
		}
	}()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return err
	}
	bad := rows.Next()
	rows.Close()
	if bad {
		return fmt.Errorf("foreign key check failed")
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
		return err
	}
	return tx.Commit()
}
