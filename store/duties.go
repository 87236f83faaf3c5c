package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"sort"
	"strconv"
	"strings"
	"sync"

	"shuangyong/model"
)

// The recurring duties (issue 13): the 重点对象 rule in the settings, and what the three
// duty tables (plaques, confirmations: migration 0005) share. due.go, plaques.go,
// confirmations.go and contacts.go hold the rest.

// Entities of the duties in the change history.
const (
	EntPlaque       = "plaques"
	EntConfirmation = "confirmations"
)

// keyDuties holds model.DutySettings as JSON; absent means model.DefaultDutySettings.
const keyDuties = "duties"

// DutySettings reads the 常态化联系 rule (the defaults when never saved).
func (s *Store) DutySettings(ctx context.Context) (model.DutySettings, error) {
	return s.dutySettings(ctx, s.db)
}

func (s *Store) dutySettings(ctx context.Context, q querier) (model.DutySettings, error) {
	d, err := DutySettingsIn(ctx, q)
	return d, s.classify(err)
}

// DutySettingsIn reads the 常态化联系 rule through q — a transaction the caller holds: the
// tally reads it from the same snapshot as the people it applies it to.
func DutySettingsIn(ctx context.Context, q interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}) (model.DutySettings, error) {
	var js string
	err := q.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", keyDuties).Scan(&js)
	if err == sql.ErrNoRows || (err == nil && js == "") {
		return model.DefaultDutySettings(), nil
	}
	if err != nil {
		return model.DefaultDutySettings(), err
	}
	var d model.DutySettings
	if err := json.Unmarshal([]byte(js), &d); err != nil {
		return model.DefaultDutySettings(), nil // written by a newer program: its defaults
	}
	return d, nil
}

// SaveDutySettings validates and saves the rule (one change, undone with Ctrl+Z). Bad
// input is ErrInvalid with the problems at their fields (KeyCategories, KeyMaxGrade,
// KeyAssistance, Key.ContactMonths…).
func (s *Store) SaveDutySettings(ctx context.Context, d model.DutySettings) error {
	if ps := d.Validate(); !ps.OK() {
		return invalid(ps)
	}
	b, _ := json.Marshal(d)
	return s.write(ctx, func(w *writer) error { return w.saveSetting(keyDuties, string(b)) })
}

// SetKeyMark marks a person 重点对象 by hand (model.KeyYes), never (KeyNo), or by the rule
// (KeyByRule) — one change with its history.
func (s *Store) SetKeyMark(ctx context.Context, personID int64, mark string) error {
	if !model.KeyMarks.Valid(mark) {
		return invalid(model.Problems{Errors: []model.Problem{{Field: "KeyMark", Code: model.CodeUnknown,
			Zh: "重点对象标记只能是按规则、是或否", En: "the 重点对象 mark must be by the rule, yes or no"}}})
	}
	return s.write(ctx, func(w *writer) error {
		name, err := w.personName(personID)
		if err != nil {
			return err
		}
		return w.change(EntPerson, personID, ActUpdate, name, func() error {
			w.touchPerson(personID)
			return w.expectOne(w.exec("UPDATE people SET key_mark = ?, updated_at = ? WHERE id = ? AND deleted_at = ''", mark, w.at, personID))
		})
	})
}

// KeySQL is model.DutySettings.IsKey as an SQL condition on the people row p (codes of
// enumerations only, checked by Validate, so they are written as literals: the query
// planner sees them). Exported for store/tally.
func KeySQL(d model.DutySettings) string {
	lit := func(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
	var or []string
	if d.KeySubsidy {
		or = append(or, "p.subsidy_status = "+lit(model.SubsidyReceiving))
	}
	if d.KeyLivesAlone {
		or = append(or, "p.lives_alone = 1")
	}
	if d.KeyMaxGrade > 0 {
		or = append(or, "p.disability_grade BETWEEN 1 AND "+strconv.Itoa(d.KeyMaxGrade))
	}
	if len(d.KeyAssistance) > 0 {
		var in []string
		for _, a := range d.KeyAssistance {
			in = append(in, lit(a))
		}
		or = append(or, "p.assistance IN ("+strings.Join(in, ", ")+")")
	}
	for _, c := range d.KeyCategories {
		or = append(or, "(',' || p.categories || ',') LIKE "+lit("%,"+c+",%"))
	}
	rule := "0"
	if len(or) > 0 {
		rule = "(" + strings.Join(or, " OR ") + ")"
	}
	return "(CASE p.key_mark WHEN 'yes' THEN 1 WHEN 'no' THEN 0 ELSE " + rule + " END)"
}

// PlaqueCategorySQL is a condition on the people row p: holds a category that makes the
// household eligible for a 光荣牌 (model.PlaqueCategory). Exported for store/tally.
func PlaqueCategorySQL() string {
	var or []string
	for _, c := range model.PlaqueCategories() {
		or = append(or, "(',' || p.categories || ',') LIKE '%,"+c+",%'")
	}
	return "(" + strings.Join(or, " OR ") + ")"
}

// onRollNow is the condition of people on the roll as they stand (DOMAIN §4 rule 5: 在册
// or 停发, registered by asOf, not trashed), with asOf as the named argument @asof.
const onRollNow = "p.deleted_at = '' AND p.status IN ('" + model.StatusActive + "', '" + model.StatusStopped +
	"') AND p.registered_on <= @asof"

// dutyCache keeps a computed list (the due list, the eligible households) until the
// ledger changes: total_changes() of the store's one connection counts every row any
// write changed, so a list computed at one count is still right at the same count. A
// keystroke in a list then only filters the cached rows by its text.
type dutyCache struct {
	mu      sync.Mutex
	entries map[string]dutyCached
	roster  dutyRoster // what the due list needs of every person (due_roster.go)
}

type dutyCached struct {
	changes int64
	value   any
}

func (c *dutyCache) get(key string, changes int64) (any, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	if !ok || e.changes != changes {
		return nil, false
	}
	return e.value, true
}

func (c *dutyCache) put(key string, changes int64, v any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil || len(c.entries) > 16 {
		c.entries = map[string]dutyCached{}
	}
	c.entries[key] = dutyCached{changes, v}
}

func (s *Store) dutyCache() *dutyCache { return &s.duties }

// changeCount is total_changes() of the store's connection.
func (s *Store) changeCount(ctx context.Context) (int64, error) {
	var n int64
	err := s.db.QueryRowContext(ctx, "SELECT total_changes()").Scan(&n)
	return n, err
}

// matchEntries keeps the people of ids that match the text, as the 军属 list matches them
// (textMatcher.rank): in the order given, with the field that matched. As there, the
// address and the pairing cadre count only when nothing else matches (weakOnly). keep
// holds the positions in ids that match.
//
// As the index's search does, the word with the fewest candidates drives: its candidates
// that are among ids are ranked, or, when the list of ids is the shorter, every entry of
// the roster that is among them — never a map lookup per id.
func (s *Store) matchEntries(ctx context.Context, ids []int64, text string) (keep []int, fields []MatchField, weakOnly bool, err error) {
	m := compileText(text)
	if len(m.words) == 0 {
		keep = make([]int, len(ids))
		for i := range ids {
			keep[i] = i
		}
		return keep, make([]MatchField, len(ids)), false, nil
	}
	if err := s.ensureLoaded(ctx); err != nil {
		return nil, nil, false, err
	}
	var maxID int64
	for _, id := range ids {
		maxID = max(maxID, id)
	}
	pos := make([]int32, maxID+1) // position in ids + 1, by person id
	for i, id := range ids {
		pos[id] = int32(i + 1)
	}
	ix := s.people
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	var driver []candList
	size := -1
	for _, w := range m.words {
		lists, all := ix.candidates(w)
		if all {
			continue
		}
		n := 0
		for _, l := range lists {
			n += l.len()
		}
		if size < 0 || n < size {
			driver, size = lists, n
		}
	}
	type hit struct {
		at    int32
		field MatchField
		weak  bool
	}
	var hits []hit
	seen := make([]bool, len(ids))
	try := func(sl int32) {
		e := &ix.slots[sl]
		if !e.live || e.id > maxID || pos[e.id] == 0 || seen[pos[e.id]-1] {
			return
		}
		at := pos[e.id] - 1
		seen[at] = true
		v := e.view(&ix.text)
		if t, f, ok := m.rank(&v); ok {
			hits = append(hits, hit{at, f, t == tierWeak})
		}
	}
	if size >= 0 && size < len(ids) {
		for _, l := range driver {
			l.each(try)
		}
	} else {
		for _, sl := range ix.order {
			try(sl)
		}
	}
	sort.Slice(hits, func(a, b int) bool { return hits[a].at < hits[b].at })
	var weak []int
	var weakFields []MatchField
	for _, h := range hits {
		if h.weak {
			weak, weakFields = append(weak, int(h.at)), append(weakFields, h.field)
			continue
		}
		keep, fields = append(keep, int(h.at)), append(fields, h.field)
	}
	if len(keep) == 0 && len(weak) > 0 {
		return weak, weakFields, true, nil
	}
	return keep, fields, false, nil
}

// window cuts [offset, offset+limit) out of n rows: the bounds, offset clamped.
func window(n, offset, limit int) (int, int) {
	if limit <= 0 {
		limit = 50
	}
	offset = min(max(offset, 0), n)
	return offset, min(offset+limit, n)
}

// trashDutiesOf moves to the trash the plaque lines and confirmations a visit made, with
// the visit (untick, trash, undo of either take them back together).
func (w *writer) trashDutiesOf(visitID int64) error {
	for _, ent := range []string{EntPlaque, EntConfirmation} {
		ids, err := QueryIDs(w.ctx, w.tx, "SELECT id FROM "+ent+" WHERE visit_id = ? AND deleted_at = ''", visitID)
		if err != nil {
			return err
		}
		for _, id := range ids {
			summary, err := w.summaryOf(ent, id)
			if err != nil {
				return err
			}
			if err := w.setDeleted(ent, id, summary); err != nil {
				return err
			}
		}
	}
	return nil
}

// restoreDutiesOf brings back what trashDutiesOf trashed with the visit (at deletedAt). A
// confirmation whose person was confirmed again for that year meanwhile stays in the trash.
func (w *writer) restoreDutiesOf(visitID int64, deletedAt string) error {
	for _, ent := range []string{EntPlaque, EntConfirmation} {
		q := "SELECT id FROM " + ent + " WHERE visit_id = ? AND deleted_at = ?"
		if ent == EntConfirmation {
			q += ` AND NOT EXISTS (SELECT 1 FROM confirmations o WHERE o.person_id = confirmations.person_id
				AND o.year = confirmations.year AND o.deleted_at = '')`
		}
		ids, err := QueryIDs(w.ctx, w.tx, q, visitID, deletedAt)
		if err != nil {
			return err
		}
		for _, id := range ids {
			summary, err := w.summaryOf(ent, id)
			if err != nil {
				return err
			}
			if err := w.restoreDeleted(ent, id, summary); err != nil {
				return err
			}
		}
	}
	return nil
}

// dutyRowsOf lists the plaque lines and confirmations of people or visits about to be
// deleted for good (Purge), so they go first.
func dutyRowsOf(ctx context.Context, tx *sql.Tx, personID int64, visits []int64) (map[string][]int64, error) {
	out := map[string][]int64{}
	b, _ := json.Marshal(visits)
	for _, ent := range []string{EntPlaque, EntConfirmation} {
		ids, err := QueryIDs(ctx, tx, "SELECT id FROM "+ent+` WHERE person_id = ?1
			OR visit_id IN (SELECT value FROM json_each(?2))`, personID, string(b))
		if err != nil {
			return nil, err
		}
		out[ent] = ids
	}
	return out, nil
}
