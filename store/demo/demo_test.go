package demo

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"shuangyong/model"
	"shuangyong/store"
)

// testToday is the fixed end of the test data: mid-year, so the current year has a
// finished 春节 campaign and an 八一 one not yet begun.
var testToday = time.Date(2026, 6, 15, 16, 30, 0, 0, time.Local)

func openStore(t testing.TB, name string, cacheKiB int) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), filepath.Join(t.TempDir(), name), store.Options{CacheKiB: cacheKiB})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func generate(t testing.TB, opt Options) (*store.Store, Stats) {
	t.Helper()
	s := openStore(t, "demo.db", 0)
	st, err := Generate(context.Background(), s, opt)
	if err != nil {
		t.Fatal(err)
	}
	return s, st
}

// shared is one generation at the township size, reused by the read-only tests.
var shared struct {
	s  *store.Store
	st Stats
}

func township(t *testing.T) (*store.Store, Stats) {
	t.Helper()
	if shared.s == nil {
		dir, err := os.MkdirTemp("", "demo-test")
		if err != nil {
			t.Fatal(err)
		}
		s, err := store.Open(context.Background(), filepath.Join(dir, "township.db"), store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		st, err := Generate(context.Background(), s, Options{People: 3000, Events: 20000, Seed: 1, Today: testToday})
		if err != nil {
			t.Fatal(err)
		}
		shared.s, shared.st = s, st
	}
	return shared.s, shared.st
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.s != nil {
		path := shared.s.Path()
		shared.s.Close()
		os.RemoveAll(filepath.Dir(path))
	}
	os.Exit(code)
}

func queryInt(t testing.TB, db *sql.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := db.QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// dump hashes every row of a table in id order, so two files can be compared.
func dump(t testing.TB, db *sql.DB, table, order string) string {
	t.Helper()
	rows, err := db.Query("SELECT * FROM " + table + " ORDER BY " + order)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	h := sha256.New()
	n := 0
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintln(h, vals...)
		n++
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%d rows %x", n, h.Sum(nil))
}

func TestDeterministic(t *testing.T) {
	opt := Options{People: 400, Events: 3000, Seed: 7, Today: testToday}
	a, _ := generate(t, opt)
	b, _ := generate(t, opt)
	for _, tb := range []struct{ table, order string }{
		{"people", "id"}, {"events", "id"}, {"visits", "id"}, {"event_units", "event_id, unit_id, role"},
		{"event_items", "id"}, {"units", "id"}, {"villages", "id"}, {"households", "id"}, {"pairings", "id"},
		{"plaques", "id"}, {"confirmations", "id"},
	} {
		da, db := dump(t, a.DB(), tb.table, tb.order), dump(t, b.DB(), tb.table, tb.order)
		if da != db {
			t.Errorf("%s differs between two runs of the same seed: %s vs %s", tb.table, da, db)
		}
	}
	c, _ := generate(t, Options{People: 400, Events: 3000, Seed: 8, Today: testToday})
	if dump(t, a.DB(), "people", "id") == dump(t, c.DB(), "people", "id") {
		t.Error("another seed gave the same people")
	}
}

func TestRosterValid(t *testing.T) {
	s, st := township(t)
	ctx := context.Background()
	db := s.DB()
	if st.People != 3000 {
		t.Fatalf("people = %d, want 3000", st.People)
	}
	gaps := 0
	seen := map[string]bool{}
	for id := 1; id <= st.People; id++ {
		p, err := s.Person(ctx, int64(id))
		if err != nil {
			t.Fatal(err)
		}
		info, err := model.ParseIDNumber(p.IDNumber, testToday)
		if err != nil {
			t.Fatalf("person %d %s: ID %q: %v", id, p.Name, p.IDNumber, err)
		}
		if info.BirthDate != p.BirthDate || info.Sex != p.Sex {
			t.Errorf("person %d: birth/sex %s %s disagree with ID %s", id, p.BirthDate, p.Sex, p.IDNumber)
		}
		if seen[p.IDNumber] {
			t.Errorf("ID %s twice", p.IDNumber)
		}
		seen[p.IDNumber] = true
		before := p
		ps := model.ValidatePerson(&p, testToday)
		if !ps.OK() {
			t.Errorf("person %d %s: %v", id, p.Name, ps.Errors)
		}
		if len(ps.Gaps) > 0 {
			gaps++
		}
		if p.Name != before.Name || strings.Join(p.Phones, " ") != strings.Join(before.Phones, " ") {
			t.Errorf("person %d: validation changed name or phones: %q %v → %q %v", id, before.Name, before.Phones, p.Name, p.Phones)
		}
		keys := model.NameSearchKeys(p.Name)
		var pyI, pyF, pyA, pyS string
		if err := db.QueryRow("SELECT py_initials, py_full, py_alt, py_sort FROM people WHERE id = ?", id).Scan(&pyI, &pyF, &pyA, &pyS); err != nil {
			t.Fatal(err)
		}
		if pyI != keys.Initials || pyF != keys.Full || pyA != strings.Join(keys.Alternates, " ") || pyS != model.PinyinSortKey(p.Name) {
			t.Errorf("person %d %s: pinyin columns %q %q %q %q", id, p.Name, pyI, pyF, pyA, pyS)
		}
	}
	// About 3% incomplete (待补充), not none and not many.
	if gaps < st.People/100 || gaps > st.People*6/100 {
		t.Errorf("%d incomplete records of %d, want about 3%%", gaps, st.People)
	}
	if n := queryInt(t, db, "SELECT count(*) FROM people WHERE name = '张三' AND village_id = (SELECT id FROM villages ORDER BY sort LIMIT 1)"); n < 1 {
		t.Error("no 张三 in the first village")
	}
	for _, sur := range showcaseSurnames {
		if n := queryInt(t, db, "SELECT count(*) FROM people WHERE name LIKE ? || '%'", sur); n == 0 {
			t.Errorf("no one named %s…", sur)
		}
	}
	if n := queryInt(t, db, "SELECT count(*) FROM people WHERE instr(name, '·') > 0"); n == 0 {
		t.Error("no minority name with ·")
	}
	if n := queryInt(t, db, "SELECT count(*) FROM people WHERE categories LIKE '%,%'"); n == 0 {
		t.Error("no one with two categories")
	}
	if n := queryInt(t, db, "SELECT count(*) FROM people WHERE substr(registered_on, 1, 4) = '2026'"); n == 0 {
		t.Error("no one registered this year: the tally's new column would be empty")
	}
	if n := queryInt(t, db, "SELECT count(*) FROM people WHERE household_id IS NOT NULL"); n < st.People/5 || n > st.People*2/5 {
		t.Errorf("%d of %d people in households, want about 30%%", n, st.People)
	}
	for _, cat := range model.Categories.Codes() {
		if cat == model.CatRedArmy {
			continue // almost none alive: not at a township's size
		}
		if n := queryInt(t, db, "SELECT count(*) FROM people WHERE ','||categories||',' LIKE ?", "%,"+cat+",%"); n == 0 {
			t.Errorf("no one of category %s", cat)
		}
	}
}

func TestEventsAndVisits(t *testing.T) {
	s, st := township(t)
	db := s.DB()
	total := st.Events + st.Visits
	if total < 19000 || total > 21000 {
		t.Errorf("events %d + visits %d = %d, want 20000 ± 5%%", st.Events, st.Visits, total)
	}
	if n := queryInt(t, db, "SELECT count(*) FROM events"); n != st.Events {
		t.Errorf("events table has %d rows, stats say %d", n, st.Events)
	}
	for _, typ := range model.EventTypes.Codes() {
		if n := queryInt(t, db, "SELECT count(*) FROM events WHERE type = ?", typ); n == 0 {
			t.Errorf("no event of type %s", typ)
		}
	}
	years := Years(3000, 20000)
	for y := 2026 - years + 1; y <= 2026; y++ {
		n := queryInt(t, db, `SELECT count(*) FROM visits v JOIN events e ON e.id = v.event_id
			WHERE e.year = ? AND e.occasion IN ('spring_festival', 'army_day')
			AND (SELECT count(*) FROM visits v2 WHERE v2.event_id = e.id AND v2.deleted_at = '') > 1`, y)
		if n == 0 {
			t.Errorf("no campaign visits in %d", y)
		}
	}
	checks := []struct{ what, q string }{
		{"visits before the person's registration", "SELECT count(*) FROM visits v JOIN people p ON p.id = v.person_id WHERE v.date < p.registered_on"},
		{"visits after death or moving out", "SELECT count(*) FROM visits v JOIN people p ON p.id = v.person_id WHERE p.status IN ('dead', 'moved_out') AND v.date >= p.status_changed_on"},
		{"visits after today", "SELECT count(*) FROM visits WHERE date > '2026-06-15'"},
		{"events after today", "SELECT count(*) FROM events WHERE date > '2026-06-15'"},
		{"visits outside their event's dates", "SELECT count(*) FROM visits v JOIN events e ON e.id = v.event_id WHERE v.date < e.date OR (e.end_date <> '' AND v.date > e.end_date) OR (e.end_date = '' AND v.date <> e.date)"},
		{"visit snapshots unlike the person", "SELECT count(*) FROM visits v JOIN people p ON p.id = v.person_id WHERE v.categories <> p.categories OR v.village_id IS NOT p.village_id OR v.household_key <> coalesce(p.household_id, -p.id)"},
		{"military above participants", "SELECT count(*) FROM events WHERE military_participants > participants"},
		{"走访慰问 events without a visit", "SELECT count(*) FROM events e WHERE e.type = 'visit' AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.event_id = e.id AND v.deleted_at = '') AND e.note <> '走访进行中'"},
		{"resolutions in the future or before the visit", "SELECT count(*) FROM visits WHERE resolved_on <> '' AND (resolved_on > '2026-06-15' OR resolved_on < date)"},
		{"last_visit_on not derived", "SELECT count(*) FROM people p WHERE last_visit_on <> coalesce((SELECT max(date) FROM visits v WHERE v.person_id = p.id AND v.deleted_at = ''), '')"},
		{"to_local events that are not 拥政爱民", "SELECT count(*) FROM events WHERE (direction = 'to_local') <> (type = 'army_for_local')"},
		// Rule 2: the figures of a 走访慰问 event are its visits'; the demo types none on it,
		// as a user ticking people off would not, so it cannot hide a tally that read them.
		{"走访慰问 events with typed totals", "SELECT count(*) FROM events WHERE type = 'visit' AND (participants <> 0 OR military_participants <> 0 OR money_fen <> 0)"},
	}
	for _, c := range checks {
		if n := queryInt(t, db, c.q); n != 0 {
			t.Errorf("%d %s", n, c.what)
		}
	}
	needs := queryInt(t, db, "SELECT count(*) FROM visits WHERE need <> ''")
	open := queryInt(t, db, "SELECT count(*) FROM visits WHERE need <> '' AND resolved_on = ''")
	if needs < st.Visits/50 || needs > st.Visits/10 || open == 0 || open > needs/2 {
		t.Errorf("%d needs (%d open) in %d visits", needs, open, st.Visits)
	}
	for _, it := range []string{"鞋垫", "标语", "宣传资料", "就业岗位", "企业", "牵手成功", "慰问品", "光荣牌", "喜报"} {
		if n := queryInt(t, db, "SELECT count(*) FROM event_items WHERE name = ?", it); n == 0 {
			t.Errorf("no item %s", it)
		}
	}
	for _, role := range model.UnitRoles.Codes() {
		if n := queryInt(t, db, "SELECT count(*) FROM event_units WHERE role = ?", role); n == 0 {
			t.Errorf("no event unit with role %s", role)
		}
	}
	for _, kind := range model.UnitKinds.Codes() {
		if n := queryInt(t, db, "SELECT count(*) FROM units WHERE kind = ?", kind); n == 0 {
			t.Errorf("no unit of kind %s", kind)
		}
	}
	for _, occ := range []string{"routine", "hospital", "mid_autumn", "double_ninth", "womens_day"} {
		if n := queryInt(t, db, "SELECT count(*) FROM events WHERE type = 'visit' AND occasion = ?", occ); n == 0 {
			t.Errorf("no visit of occasion %s", occ)
		}
	}
	var office, amounts string
	if err := db.QueryRow("SELECT value FROM settings WHERE key = 'office'").Scan(&office); err != nil || !strings.HasSuffix(office, "人民政府") {
		t.Errorf("office setting %q, %v", office, err)
	}
	st2, err := s.Settings(context.Background())
	if err != nil || len(st2.DefaultAmountFen) == 0 {
		t.Errorf("default amounts %v, %v (%s)", st2.DefaultAmountFen, err, amounts)
	}
}

func TestIntegrity(t *testing.T) {
	s, _ := township(t)
	r, err := s.Check(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !r.OK || len(r.Problems) > 0 {
		t.Errorf("check: %v", r.Problems)
	}
	rows, err := s.DB().Query("PRAGMA foreign_key_check")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	if rows.Next() {
		t.Error("foreign_key_check reports problems")
	}
}

func TestProgress(t *testing.T) {
	var calls, last, total int
	opt := Options{People: 2000, Events: 30000, Seed: 2, Today: testToday, Progress: func(done, tot int) {
		if done < last {
			t.Errorf("progress went back from %d to %d", last, done)
		}
		calls, last, total = calls+1, done, tot
	}}
	_, st := generate(t, opt)
	if calls < 2 || total != 32000 || last != st.People+st.Events+st.Visits {
		t.Errorf("%d progress calls, last %d of %d; wrote %d", calls, last, total, st.People+st.Events+st.Visits)
	}
}

func TestSmallSizes(t *testing.T) {
	for _, c := range []struct{ people, events int }{{3000, 2000}, {50, 100}, {1, 10}, {10, 0}} {
		t.Run(fmt.Sprint(c.people, "/", c.events), func(t *testing.T) {
			s, st := generate(t, Options{People: c.people, Events: c.events, Seed: 3, Today: time.Date(2026, 1, 10, 9, 0, 0, 0, time.UTC)})
			if st.People != c.people {
				t.Errorf("people = %d", st.People)
			}
			got := st.Events + st.Visits
			if d := got - c.events; d*20 > c.events || -d*20 > c.events {
				t.Errorf("events %d + visits %d = %d, want %d ± 5%%", st.Events, st.Visits, got, c.events)
			}
			if c.events >= 2000 {
				if n := queryInt(t, s.DB(), "SELECT count(*) FROM events e WHERE type = 'visit' AND (SELECT count(*) FROM visits v WHERE v.event_id = e.id) > 1"); n == 0 {
					t.Error("no campaign")
				}
			}
		})
	}
}

func TestRefuses(t *testing.T) {
	s, _ := generate(t, Options{People: 20, Events: 50, Seed: 1, Today: testToday})
	if _, err := Generate(context.Background(), s, Options{People: 20, Events: 50, Seed: 1, Today: testToday}); !errors.Is(err, ErrNotEmpty) {
		t.Errorf("second run on the same file: %v, want ErrNotEmpty", err)
	}
	empty := openStore(t, "empty.db", 0)
	for _, opt := range []Options{{People: 0, Events: 10}, {People: -5}, {People: 10, Events: -1},
		{People: 10, Events: 10, Today: time.Date(2005, 1, 1, 0, 0, 0, 0, time.UTC)}} {
		if _, err := Generate(context.Background(), empty, opt); !errors.Is(err, ErrOptions) {
			t.Errorf("%+v: %v, want ErrOptions", opt, err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	opt := Options{People: 3000, Events: 20000, Seed: 1, Today: testToday, Progress: func(done, total int) {
		if calls++; calls == 1 {
			cancel() // the user pressed Ctrl+C halfway
		}
	}}
	if _, err := Generate(ctx, empty, opt); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled run: %v", err)
	}
	if n := queryInt(t, empty.DB(), "SELECT count(*) FROM people"); n != 0 {
		t.Errorf("refused or cancelled runs wrote %d people", n)
	}
}

// TestLarge generates the county-sized file of SPEC.md §7 and reports the time. It takes
// about a minute, so it runs only with SHUANGYONG_DEMO_LARGE set (e.g. "100000/1000000");
// SHUANGYONG_DEMO_KEEP names a file to keep the result in (it must not exist).
func TestLarge(t *testing.T) {
	spec := os.Getenv("SHUANGYONG_DEMO_LARGE")
	if spec == "" {
		t.Skip("set SHUANGYONG_DEMO_LARGE=100000/1000000 to run")
	}
	a, b, _ := strings.Cut(spec, "/")
	people, _ := strconv.Atoi(a)
	events, _ := strconv.Atoi(b)
	var s *store.Store
	if keep := os.Getenv("SHUANGYONG_DEMO_KEEP"); keep != "" {
		var err error
		if s, err = store.Open(context.Background(), keep, store.Options{CacheKiB: 262144}); err != nil {
			t.Fatal(err)
		}
		defer s.Close()
	} else {
		s = openStore(t, "large.db", 262144)
	}
	st, err := Generate(context.Background(), s, Options{People: people, Events: events, Seed: 1, Today: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%+v", st)
	if fi, err := os.Stat(s.Path()); err == nil {
		t.Logf("file %.1f MiB (before checkpoint)", float64(fi.Size())/(1<<20))
	}
}

// The summary's 户 are the tally's: households, and each person living alone as one.
func TestHouseholdsCountedAsTheTallyDoes(t *testing.T) {
	s, st := township(t)
	var want int
	if err := s.DB().QueryRow(`SELECT count(DISTINCT coalesce(household_id, -id)) FROM people`).Scan(&want); err != nil {
		t.Fatal(err)
	}
	if st.Households != want {
		t.Errorf("summary says %d 户, the roster has %d", st.Households, want)
	}
}
