package store

import (
	"context"
	"database/sql"
)

// NextUndo says what Ctrl+Z would undo now — the newest change of this run that is not
// undone yet, as its first history row describes it (a change of several rows, such as
// a campaign or an import, is named by the row that started it) — and how many rows it
// holds. ok is false when there is nothing to undo in this run.
func (s *Store) NextUndo(ctx context.Context) (res UndoResult, ok bool, err error) {
	err = s.ReadTx(ctx, func(tx *sql.Tx) error {
		var target int64
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(change_id), 0) FROM history
			WHERE undone = 0 AND action <> ?`, ActUndo).Scan(&target); err != nil {
			return err
		}
		if target == 0 || target <= s.sessionStart {
			return nil
		}
		err := tx.QueryRowContext(ctx, `SELECT action, entity, summary, (SELECT count(*) FROM history WHERE change_id = ?1)
			FROM history WHERE change_id = ?1 ORDER BY id LIMIT 1`, target).Scan(&res.Action, &res.Entity, &res.Summary, &res.Rows)
		if err != nil {
			return err
		}
		ok = res.Action != ActBulk
		return nil
	})
	return res, ok, s.classify(err)
}
