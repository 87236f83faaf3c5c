package store

import (
	"context"
	"database/sql"
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
