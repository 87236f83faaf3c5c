package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"sync"

	"shuangyong/model"
)

// dutyRoster keeps in memory what the due list needs of every live person on the roll —
// the fields the 重点对象 rule tests and the dates of the last contact and home visit, 24
// bytes each — so that the list is worked out in Go in a few milliseconds for any date
// and rule. It is read once from the people_duties index (one packed string: ~0.1 s at
// 100 000 people) and then kept right by the writer: the people a save touched (the
// search index's list) are read again before the next use; a bulk change reads it all.
type dutyRoster struct {
	mu      sync.Mutex
	loaded  bool
	rows    []dutyPerson    // in id order, then those read again
	at      map[int64]int32 // person id → place in rows
	dirty   map[int64]bool
	version int64 // bumped on every change of rows: the due list's cache key
}

type dutyPerson struct {
	id                int64
	hk                int64 // household key: the household's id, or −id alone
	reg, lastC, lastH int32 // yyyymmdd, 0 for none (dateNum)
	cats              uint32
	grade             int8
	flags             uint8
}

// dutyPerson flags.
const (
	dpSubsidy = 1 << iota
	dpAlone
	dpDibao
	dpTekun
	dpMarkYes
	dpMarkNo
	dpGone   // left the roll (or the ledger) since the roster was read
	dpPlaque // the roster's 光荣牌 flag (people.honour_plaque)
)

// touched records the people a committed save changed (all of them: all).
func (r *dutyRoster) touched(people map[int64]bool, all bool) {
	if len(people) == 0 && !all {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.loaded {
		return
	}
	if all {
		r.loaded, r.rows, r.dirty = false, nil, nil
		r.version++
		return
	}
	for id := range people {
		r.dirty[id] = true
	}
}

// dutyRosterSelect reads the people on the roll now (status 在册 or 停发, live): when they
// came onto it is compared with the day asked for by the due list itself. %s is where the
// whole roster is read from the people_duties index (a few people are read by id).
const dutyRosterSelect = `SELECT group_concat(p.id || '|' || p.registered_on || '|' || p.last_visit_on || '|' || p.last_home_on || '|' ||
	p.categories || '|' || p.disability_grade || '|' || p.subsidy_status || '|' || p.lives_alone || '|' || p.assistance || '|' || p.key_mark || '|' ||
	coalesce(p.household_id, -p.id) || '|' || p.honour_plaque, ';')
	FROM people p %s WHERE p.status IN ('` + model.StatusActive + `', '` + model.StatusStopped + `') AND p.deleted_at = ''`

// snapshot brings the roster up to date and calls fn with it (under its lock).
func (r *dutyRoster) use(ctx context.Context, q querier, fn func(rows []dutyPerson, version int64) error) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.loaded {
		r.rows, r.at = nil, map[int64]int32{}
		if err := r.read(ctx, q, fmt.Sprintf(dutyRosterSelect, "INDEXED BY people_duties")+" ORDER BY p.id"); err != nil {
			return err
		}
		r.dirty, r.loaded = map[int64]bool{}, true
		r.version++
	} else if len(r.dirty) > 0 {
		var ids []any
		for id := range r.dirty {
			ids = append(ids, id)
			if i, ok := r.at[id]; ok {
				r.rows[i].flags |= dpGone // unless read again
			}
		}
		if err := r.read(ctx, q, fmt.Sprintf(dutyRosterSelect, "")+" AND p.id IN ("+placeholders(len(ids))+")", ids...); err != nil {
			r.loaded = false
			return err
		}
		r.dirty = map[int64]bool{}
		r.version++
	}
	return fn(r.rows, r.version)
}

// read reads people into the roster, over their old rows.
func (r *dutyRoster) read(ctx context.Context, q querier, query string, args ...any) error {
	var packed sql.NullString
	if err := q.QueryRowContext(ctx, query, args...).Scan(&packed); err != nil {
		return err
	}
	if packed.String == "" {
		return nil
	}
	for _, rec := range strings.Split(packed.String, ";") {
		f := strings.Split(rec, "|")
		if len(f) != 12 {
			continue
		}
		d := dutyPerson{id: atoi64(f[0]), hk: signedAtoi(f[10]), reg: dateNum(f[1]), lastC: dateNum(f[2]), lastH: dateNum(f[3]), cats: categoryBits(f[4])}
		d.grade = int8(atoi64(f[5]))
		if f[6] == model.SubsidyReceiving {
			d.flags |= dpSubsidy
		}
		if f[7] == "1" {
			d.flags |= dpAlone
		}
		switch f[8] {
		case "dibao":
			d.flags |= dpDibao
		case "tekun":
			d.flags |= dpTekun
		}
		switch f[9] {
		case model.KeyYes:
			d.flags |= dpMarkYes
		case model.KeyNo:
			d.flags |= dpMarkNo
		}
		if f[11] == "1" {
			d.flags |= dpPlaque
		}
		if i, ok := r.at[d.id]; ok {
			r.rows[i] = d
		} else {
			r.at[d.id] = int32(len(r.rows))
			r.rows = append(r.rows, d)
		}
	}
	return nil
}

// categoryBits is the mask of the categories of a comma-separated list (bit i =
// model.Categories[i], as the search index's entries).
func categoryBits(s string) uint32 {
	var m uint32
	for _, c := range strings.Split(s, ",") {
		if i := model.Categories.Index(c); i >= 0 {
			m |= 1 << uint(i)
		}
	}
	return m
}

// keyTest is model.DutySettings.IsKey over a dutyPerson.
type keyTest struct {
	st   model.DutySettings
	cats uint32
	asst uint8
}

func newKeyTest(st model.DutySettings) keyTest {
	k := keyTest{st: st, cats: categoryBits(strings.Join(st.KeyCategories, ","))}
	for _, a := range st.KeyAssistance {
		switch a {
		case "dibao":
			k.asst |= dpDibao
		case "tekun":
			k.asst |= dpTekun
		}
	}
	return k
}

func (k keyTest) key(d *dutyPerson) bool {
	switch {
	case d.flags&dpMarkYes != 0:
		return true
	case d.flags&dpMarkNo != 0:
		return false
	}
	return k.st.KeySubsidy && d.flags&dpSubsidy != 0 || k.st.KeyLivesAlone && d.flags&dpAlone != 0 ||
		k.st.KeyMaxGrade > 0 && d.grade >= 1 && int(d.grade) <= k.st.KeyMaxGrade ||
		d.flags&k.asst != 0 || d.cats&k.cats != 0
}

func signedAtoi(s string) int64 {
	if strings.HasPrefix(s, "-") {
		return -atoi64(s[1:])
	}
	return atoi64(s)
}

// rosterOrder sorts people ids into roster order (village, then name in pinyin order) by
// the search index's ranks; people the index does not hold go last.
func (s *Store) rosterOrder(ctx context.Context, ids []int64) error {
	if err := s.ensureLoaded(ctx); err != nil {
		return err
	}
	ix := s.people
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	type ranked struct {
		rank int32
		id   int64
	}
	rs := make([]ranked, len(ids))
	for i, id := range ids {
		rs[i] = ranked{1<<31 - 1, id}
		if sl, ok := ix.slotOf[id]; ok {
			rs[i].rank = ix.rank[sl]
		}
	}
	slices.SortFunc(rs, func(a, b ranked) int {
		if a.rank != b.rank {
			return cmp.Compare(a.rank, b.rank)
		}
		return cmp.Compare(a.id, b.id)
	})
	for i := range rs {
		ids[i] = rs[i].id
	}
	return nil
}
