package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"shuangyong/model"
)

// A transaction beside a ReadTx's reads what it reads — and there is none when it could
// not: after a commit, or on the store's own connection (where asking must not hang).
func TestReadTxBeside(t *testing.T) {
	ctx := context.Background()
	units := func(tx *sql.Tx) (n int) {
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM units").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	for _, mode := range []string{"WAL", "DELETE"} {
		s, err := Open(ctx, filepath.Join(t.TempDir(), "台账.db"), Options{JournalMode: mode})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		add := func() {
			if err := s.CreateUnit(ctx, &model.Unit{Name: "某部", Kind: model.UnitStationed}); err != nil {
				t.Fatal(err)
			}
		}
		add()
		err = s.ReadTx(ctx, func(outer *sql.Tx) error {
			var seen int
			ran, err := s.ReadTxBeside(ctx, outer, func(tx *sql.Tx) error { seen = units(tx); return nil })
			if err != nil {
				return err
			}
			if want := mode == "WAL"; ran != want {
				t.Errorf("%s: beside ran %v", mode, ran)
			}
			if ran && seen != units(outer) {
				t.Errorf("%s: beside saw %d units, outer %d", mode, seen, units(outer))
			}
			if mode != "WAL" {
				return nil
			}
			add() // the store's connection commits while outer reads the frozen file
			ran, err = s.ReadTxBeside(ctx, outer, func(tx *sql.Tx) error { return nil })
			if ran {
				t.Errorf("beside ran after a commit since the snapshot")
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
