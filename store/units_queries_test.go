package store

import (
	"context"
	"slices"
	"testing"

	"shuangyong/model"
)

func mustUnit(t *testing.T, s *Store, name, kind string) int64 {
	t.Helper()
	u := model.Unit{Name: name, Kind: kind}
	if err := s.CreateUnit(context.Background(), &u); err != nil {
		t.Fatalf("unit %s: %v", name, err)
	}
	return u.ID
}

func mustEvent(t *testing.T, s *Store, e model.Event) int64 {
	t.Helper()
	if err := s.CreateEvent(context.Background(), &e); err != nil {
		t.Fatalf("event %s: %v", e.Title, err)
	}
	return e.ID
}

func unitNames(t *testing.T, s *Store, text string) []string {
	t.Helper()
	page, err := s.ListUnits(context.Background(), UnitQuery{Text: text}, 2026)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range page.Rows {
		out = append(out, r.Name)
	}
	if page.Total != len(out) {
		t.Fatalf("%q: total %d for %d rows", text, page.Total, len(out))
	}
	return out
}

// Typing a kind finds the units of that kind, by its label, another spelling or the
// pinyin of the label, as a unit's own fields are found; each word still narrows.
func TestListUnitsMatchesKind(t *testing.T) {
	s := openTest(t)
	mustUnit(t, s, "青山镇中心小学", model.UnitSchool)
	mustUnit(t, s, "青山实验中学", model.UnitSchool)
	mustUnit(t, s, "青山建材有限公司", model.UnitEnterprise)
	mustUnit(t, s, "镇妇女联合会", model.UnitWomens)
	mustUnit(t, s, "驻地某部一营", model.UnitStationed)
	for _, c := range []struct {
		text string
		want []string
	}{
		{"学校", []string{"青山实验中学", "青山镇中心小学"}},
		{"企业", []string{"青山建材有限公司"}},
		{"妇联", []string{"镇妇女联合会"}},            // an alias of 妇联组织
		{"部队", []string{"驻地某部一营"}},            // an alias of 驻地部队
		{"xx", []string{"青山实验中学", "青山镇中心小学"}}, // 学校's initials
		{"qiye", []string{"青山建材有限公司"}},
		{"学校 实验", []string{"青山实验中学"}},
		{"企业 小学", nil},
	} {
		got := unitNames(t, s, c.text)
		slices.Sort(got)
		if !slices.Equal(got, c.want) {
			t.Errorf("%q found %v, want %v", c.text, got, c.want)
		}
	}
}

// A unit's events: newest first, each once with its first role (host before cohost),
// events in the trash left out, paged with the total of all.
func TestUnitEvents(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	unit := mustUnit(t, s, "驻地某部一营", model.UnitStationed)
	other := mustUnit(t, s, "武警青山中队", model.UnitArmedPolice)
	ev := func(date, title string, units ...model.EventUnit) int64 {
		return mustEvent(t, s, model.Event{Date: date, Type: model.EventGala, Title: title, Units: units})
	}
	host := model.EventUnit{UnitID: unit, Role: "host"}
	older := ev("2026-03-01", "春节联欢", model.EventUnit{UnitID: unit, Role: "cohost"}, host)
	newer := ev("2026-08-01", "八一座谈", model.EventUnit{UnitID: unit, Role: "recipient"})
	sameDay := ev("2026-08-01", "八一慰问", model.EventUnit{UnitID: unit, Role: "partner"})
	trashed := ev("2026-09-01", "已删除的活动", host)
	ev("2026-10-01", "别的单位的活动", model.EventUnit{UnitID: other, Role: "host"})
	if err := s.TrashEvent(ctx, trashed); err != nil {
		t.Fatal(err)
	}

	rows, total, err := s.UnitEvents(ctx, unit, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	var got []int64
	roles := map[int64]string{}
	for _, r := range rows {
		got = append(got, r.ID)
		roles[r.ID] = r.Role
	}
	if want := []int64{sameDay, newer, older}; total != 3 || !slices.Equal(got, want) {
		t.Fatalf("events %v (total %d), want %v (3)", got, total, want)
	}
	if roles[older] != "host" || roles[newer] != "recipient" || roles[sameDay] != "partner" {
		t.Errorf("roles %v", roles)
	}

	rows, total, err = s.UnitEvents(ctx, unit, 1, 1)
	if err != nil || total != 3 || len(rows) != 1 || rows[0].ID != newer {
		t.Errorf("second page of one: %+v total %d %v", rows, total, err)
	}
	if err := s.RestoreEvent(ctx, trashed); err != nil {
		t.Fatal(err)
	}
	if rows, total, _ = s.UnitEvents(ctx, unit, 0, 1); total != 4 || rows[0].ID != trashed {
		t.Errorf("the restored event is not back first: %+v total %d", rows, total)
	}
}

// A unit taken back from the trash is listed again with its pairings, the restore is in
// its history, and a unit that is not in the trash cannot be restored.
func TestRestoreUnit(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	school := mustUnit(t, s, "青山镇中心小学", model.UnitSchool)
	force := mustUnit(t, s, "驻地某部一营", model.UnitStationed)
	if err := s.AddPairing(ctx, &model.Pairing{UnitA: force, UnitB: school, Since: "2020-05"}); err != nil {
		t.Fatal(err)
	}
	partners := func() (int, int) {
		t.Helper()
		pairs, err := s.Pairings(ctx, force)
		if err != nil {
			t.Fatal(err)
		}
		page, err := s.ListUnits(ctx, UnitQuery{Text: "一营"}, 2026)
		if err != nil || len(page.Rows) != 1 {
			t.Fatalf("list: %+v %v", page, err)
		}
		return len(pairs), page.Rows[0].Partners
	}
	if err := s.TrashUnit(ctx, school); err != nil {
		t.Fatal(err)
	}
	if names := unitNames(t, s, ""); !slices.Equal(names, []string{"驻地某部一营"}) {
		t.Fatalf("after trash the list holds %v", names)
	}
	if n, count := partners(); n != 0 || count != 0 {
		t.Errorf("a partner in the trash is still shown: %d pairings, count %d", n, count)
	}

	if err := s.RestoreUnit(ctx, school); err != nil {
		t.Fatal(err)
	}
	u, err := s.Unit(ctx, school)
	if err != nil || u.DeletedAt != "" {
		t.Fatalf("restored unit %+v %v", u, err)
	}
	if names := unitNames(t, s, "小学"); !slices.Equal(names, []string{"青山镇中心小学"}) {
		t.Errorf("the restored unit is not listed: %v", names)
	}
	if n, count := partners(); n != 1 || count != 1 {
		t.Errorf("the pairing is not back: %d pairings, count %d", n, count)
	}
	hist, _, err := s.History(ctx, EntUnit, school, 0, 10)
	if err != nil || len(hist) == 0 || hist[0].Action != ActRestore {
		t.Errorf("history %+v %v", hist, err)
	}

	if err := s.RestoreUnit(ctx, school); KindOf(err) != ErrNotFound {
		t.Errorf("restoring a live unit: %v", err)
	}
	if err := s.RestoreUnit(ctx, 9999); KindOf(err) != ErrNotFound {
		t.Errorf("restoring a unit that never was: %v", err)
	}
}

// The F3 list of pairing cadres: each name once, sorted, none from the trash, no blank.
func TestPairingCadres(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	v := mustVillages(t, s, "李家村")["李家村"]
	for i, c := range []string{"陈明轩", "", "王芳", "陈明轩", "李强"} {
		mustPerson(t, s, model.Person{Name: "对象" + string(rune('甲'+i)), VillageID: v, PairingCadre: c})
	}
	gone := mustPerson(t, s, model.Person{Name: "已删除", VillageID: v, PairingCadre: "赵只在回收站"})
	if err := s.TrashPerson(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	got, err := s.PairingCadres(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"李强", "王芳", "陈明轩"}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("cadres %q, want %q", got, want)
	}
}

// The roster's upper bound is never below the people on it, whatever is in the trash or
// deleted for good, and costs no count: it is the highest id.
func TestPeopleUpperBound(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	if n, err := s.PeopleUpperBound(ctx); err != nil || n != 0 {
		t.Fatalf("empty ledger: %d %v", n, err)
	}
	v := mustVillages(t, s, "李家村")["李家村"]
	var ids []int64
	for i := 0; i < 5; i++ {
		ids = append(ids, mustPerson(t, s, model.Person{Name: "对象" + string(rune('甲'+i)), VillageID: v}).ID)
	}
	live := func() int64 {
		var n int64
		if err := s.DB().QueryRowContext(ctx, "SELECT count(*) FROM people WHERE deleted_at = ''").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	check := func(when string) {
		t.Helper()
		n, err := s.PeopleUpperBound(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if n < live() || n != slices.Max(ids) {
			t.Errorf("%s: bound %d, live %d, highest id %d", when, n, live(), slices.Max(ids))
		}
	}
	check("after adding")
	if err := s.TrashPerson(ctx, ids[4]); err != nil {
		t.Fatal(err)
	}
	check("one in the trash")
	if err := s.Purge(ctx, EntPerson, ids[4]); err != nil {
		t.Fatal(err)
	}
	ids = ids[:4]
	check("the newest deleted for good")
}
