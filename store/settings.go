package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"

	"shuangyong/model"
)

// Setting keys.
const (
	keyOffice         = "office"
	keyTownship       = "township"
	keyOperator       = "operator"
	keyDefaultAmounts = "default_amounts"
	keySetupDone      = "setup_done"
	keyLastAmounts    = "last_amounts"
)

func (s *Store) setting(ctx context.Context, q querier, key string) (string, error) {
	var v string
	err := q.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", key).Scan(&v)
	if err == sql.ErrNoRows {
		return "", nil
	}
	return v, err
}

// putSetting writes (or with "" removes) one setting, without history.
func (w *writer) putSetting(key, value string) error {
	if value == "" {
		_, err := w.exec("DELETE FROM settings WHERE key = ?", key)
		return err
	}
	_, err := w.exec(`INSERT INTO settings(key, value) VALUES(?, ?)
		ON CONFLICT(key) DO UPDATE SET value = excluded.value`, key, value)
	return err
}

// saveSetting writes one setting and records the change (summary holds the key).
func (w *writer) saveSetting(key, value string) error {
	before, err := w.s.setting(w.ctx, w.tx, key)
	if err != nil {
		return err
	}
	if before == value {
		return nil
	}
	if err := w.putSetting(key, value); err != nil {
		return err
	}
	return w.record(EntSetting, 0, ActUpdate, key, before, value)
}

// Settings reads the office-wide settings.
func (s *Store) Settings(ctx context.Context) (model.Settings, error) {
	var st model.Settings
	var err error
	if st.Office, err = s.setting(ctx, s.db, keyOffice); err != nil {
		return st, s.classify(err)
	}
	if st.Operator, err = s.setting(ctx, s.db, keyOperator); err != nil {
		return st, s.classify(err)
	}
	if st.Township, err = s.setting(ctx, s.db, keyTownship); err != nil {
		return st, s.classify(err)
	}
	amounts, err := s.setting(ctx, s.db, keyDefaultAmounts)
	if err != nil {
		return st, s.classify(err)
	}
	st.DefaultAmountFen = map[string]int64{}
	if amounts != "" {
		if err := json.Unmarshal([]byte(amounts), &st.DefaultAmountFen); err != nil {
			return st, err
		}
	}
	return st, nil
}

// SaveSettings writes the settings in one transaction and uses the operator from now on.
func (s *Store) SaveSettings(ctx context.Context, st model.Settings) error {
	office, err := model.CleanText("Office", st.Office, 60)
	if err != nil {
		return &Error{Kind: ErrInvalid, Err: err}
	}
	operator, err := model.CleanText("Operator", st.Operator, 30)
	if err != nil {
		return &Error{Kind: ErrInvalid, Err: err}
	}
	township, err := model.CleanText("Township", st.Township, 60)
	if err != nil {
		return &Error{Kind: ErrInvalid, Err: err}
	}
	amounts := ""
	if len(st.DefaultAmountFen) > 0 {
		for k, v := range st.DefaultAmountFen {
			if !model.Categories.Valid(k) || v < 0 {
				return &Error{Kind: ErrInvalid, Err: model.Problem{Field: "DefaultAmountFen", Code: "amount",
					Zh: "默认慰问金必须是非负金额，且类别有效", En: "default amounts must be non-negative, for known categories"}}
			}
		}
		b, _ := json.Marshal(st.DefaultAmountFen) // map keys are sorted: stable text
		amounts = string(b)
	}
	err = s.write(ctx, func(w *writer) error {
		w.operator = operator
		if err := w.saveSetting(keyOffice, office); err != nil {
			return err
		}
		if err := w.saveSetting(keyOperator, operator); err != nil {
			return err
		}
		if err := w.saveSetting(keyTownship, township); err != nil {
			return err
		}
		if err := w.saveSetting(keyDefaultAmounts, amounts); err != nil {
			return err
		}
		return w.putSetting(keySetupDone, "1")
	})
	if err == nil {
		s.SetOperator(operator)
	}
	return err
}

// SetupDone reports whether the first-run questions (office, operator) were answered.
func (s *Store) SetupDone(ctx context.Context) (bool, error) {
	v, err := s.setting(ctx, s.db, keySetupDone)
	return v == "1", s.classify(err)
}

// Villages lists the township's villages in their display order.
func (s *Store) Villages(ctx context.Context) ([]model.Village, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT id, name, sort FROM villages WHERE deleted_at = '' ORDER BY sort, id")
	if err != nil {
		return nil, s.classify(err)
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

// SaveVillages makes the village list what vs says: rows with an ID are renamed and
// reordered, rows without are added, and villages left out go to the trash (people keep
// their village; it is still shown, and can be restored by adding the name again).
func (s *Store) SaveVillages(ctx context.Context, vs []model.Village) error {
	seen := map[string]bool{}
	for i := range vs {
		name, err := model.CleanText("Village", vs[i].Name, 30)
		if err != nil {
			return &Error{Kind: ErrInvalid, Err: err}
		}
		if name == "" || seen[name] {
			return &Error{Kind: ErrInvalid, Err: model.Problem{Field: "Village", Code: "village",
				Zh: "村（社区）名称不能为空，也不能重复：" + name, En: "village names must be unique and not empty: " + name}}
		}
		seen[name] = true
		vs[i].Name = name
	}
	return s.write(ctx, func(w *writer) error {
		keep := map[int64]bool{}
		for i, v := range vs {
			id := v.ID
			if id == 0 {
				// Adding back a trashed name restores it rather than making a twin.
				err := w.tx.QueryRowContext(ctx, "SELECT id FROM villages WHERE name = ? ORDER BY deleted_at = '' DESC LIMIT 1", v.Name).Scan(&id)
				if err != nil && err != sql.ErrNoRows {
					return err
				}
			}
			if id == 0 {
				res, err := w.exec("INSERT INTO villages(name, sort) VALUES(?, ?)", v.Name, i)
				if err != nil {
					return err
				}
				id, _ = res.LastInsertId()
				after, err := w.snapshot(EntVillage, id)
				if err != nil {
					return err
				}
				if err := w.record(EntVillage, id, ActInsert, v.Name, "", after); err != nil {
					return err
				}
			} else if err := w.change(EntVillage, id, ActUpdate, v.Name, func() error {
				_, err := w.exec("UPDATE villages SET name = ?, sort = ?, deleted_at = '' WHERE id = ?", v.Name, i, id)
				return err
			}); err != nil {
				return err
			}
			keep[id] = true
		}
		rows, err := w.tx.QueryContext(ctx, "SELECT id, name FROM villages WHERE deleted_at = ''")
		if err != nil {
			return err
		}
		var drop []model.Village
		for rows.Next() {
			var v model.Village
			if err := rows.Scan(&v.ID, &v.Name); err != nil {
				rows.Close()
				return err
			}
			if !keep[v.ID] {
				drop = append(drop, v)
			}
		}
		rows.Close()
		for _, v := range drop {
			if err := w.setDeleted(EntVillage, v.ID, v.Name); err != nil {
				return err
			}
		}
		w.rebuild = true
		return nil
	})
}

// VillageID returns the id of the live village with that name, adding it when missing
// (imports and the demo name villages by text).
func (w *writer) villageID(name string) (int64, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return 0, nil
	}
	var id int64
	err := w.tx.QueryRowContext(w.ctx, "SELECT id FROM villages WHERE name = ? AND deleted_at = ''", name).Scan(&id)
	if err == nil {
		return id, nil
	}
	if err != sql.ErrNoRows {
		return 0, err
	}
	res, err := w.exec("INSERT INTO villages(name, sort) VALUES(?, (SELECT coalesce(max(sort), 0) + 1 FROM villages))", name)
	if err != nil {
		return 0, err
	}
	id, _ = res.LastInsertId()
	after, err := w.snapshot(EntVillage, id)
	if err != nil {
		return 0, err
	}
	return id, w.record(EntVillage, id, ActInsert, name, "", after)
}
