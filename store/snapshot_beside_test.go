package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"shuangyong/model"
)

// The transaction beside a ReadTxBeside's reads what it reads, even after a commit; there
// is none on the store's own connection.
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
		err = s.ReadTxBeside(ctx, func(tx *sql.Tx, beside func(context.Context, func(*sql.Tx) error) error) error {
			if (beside != nil) != (mode == "WAL") {
				t.Fatalf("%s: beside %v", mode, beside != nil)
			}
			if beside == nil {
				return nil
			}
			add() // the store's connection commits while tx reads the frozen file
			seen := make(chan int, 1)
			go func() {
				if err := beside(ctx, func(side *sql.Tx) error { seen <- units(side); return nil }); err != nil {
					t.Error(err)
					seen <- -1
				}
			}()
			if n, want := <-seen, units(tx); n != want || want != 1 {
				t.Errorf("beside saw %d units, tx %d", n, want)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
