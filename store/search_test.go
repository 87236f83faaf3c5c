package store

import (
	"context"
	"sort"
	"strings"
	"testing"

	"shuangyong/model"
)

// searchFixture is a small roster exercising every way of finding someone.
func searchFixture(t *testing.T) (*Store, map[string]int64) {
	s := openTest(t)
	ctx := context.Background()
	vil := mustVillages(t, s, "李家村", "王庄村", "青山社区")
	unit := model.Unit{Name: "武警青山中队", Kind: model.UnitArmedPolice, Designation: "某部三中队"}
	if err := s.CreateUnit(ctx, &unit); err != nil {
		t.Fatal(err)
	}
	people := []model.Person{
		{Name: "张三", VillageID: vil["李家村"], IDNumber: idFor("19800101", 11), Phones: []string{"13812345678"},
			Categories: []string{model.CatVeteran}, PairingCadre: "周红"},
		{Name: "张珊", VillageID: vil["王庄村"], Categories: []string{model.CatServingFamily}, Relation: "mother",
			ServicemanName: "李强", ServiceUnitID: unit.ID, Phones: []string{"0512-6543210"}},
		{Name: "单雄信", VillageID: vil["王庄村"], Categories: []string{model.CatWarVeteran, model.CatDisabledSoldier},
			DisabilityNature: model.NatureWar, DisabilityGrade: 4},
		{Name: "曾国藩", VillageID: vil["青山社区"], Categories: []string{model.CatMartyrFamily}}, // gap: no relation
		{Name: "解缙", VillageID: vil["李家村"], Status: model.StatusDead, Categories: []string{model.CatVeteran}},
		{Name: "仇英", VillageID: vil["李家村"], Categories: []string{model.CatVeteran}},
		{Name: "区寄", VillageID: vil["李家村"], Categories: []string{model.CatVeteran}},
		{Name: "朴正", VillageID: vil["青山社区"], Categories: []string{model.CatVeteran}},
		{Name: "李四", IDNumber: idFor("19551010", 22), Categories: []string{model.CatVeteran}}, // no village: listed last
	}
	ids := map[string]int64{}
	for _, p := range people {
		ids[p.Name] = mustPerson(t, s, p).ID
	}
	v := model.Visit{PersonID: ids["张三"], Date: "2026-01-20", Need: "子女就业"}
	if err := s.RecordVisit(ctx, &model.Event{}, &v); err != nil {
		t.Fatal(err)
	}
	v2 := model.Visit{PersonID: ids["张珊"], Date: "2025-06-01"}
	if err := s.RecordVisit(ctx, &model.Event{}, &v2); err != nil {
		t.Fatal(err)
	}
	return s, ids
}

func names(page PeoplePage) []string {
	var out []string
	for _, r := range page.Rows {
		out = append(out, r.Name)
	}
	return out
}

func TestSearchPeople(t *testing.T) {
	s, ids := searchFixture(t)
	ctx := context.Background()
	cases := []struct {
		name string
		q    PeopleQuery
		want []string
	}{
		{"everyone in roster order: village order, pinyin within, no village last", PeopleQuery{},
			[]string{"区寄", "仇英", "解缙", "张三", "单雄信", "张珊", "朴正", "曾国藩", "李四"}},
		{"Chinese substring", PeopleQuery{Text: "张"}, []string{"张三", "张珊"}},
		{"full name", PeopleQuery{Text: "张三"}, []string{"张三"}},
		{"initials", PeopleQuery{Text: "zs"}, []string{"张三", "张珊"}},
		{"full pinyin prefix", PeopleQuery{Text: "zhangsa"}, []string{"张三"}},
		{"upper-case pinyin", PeopleQuery{Text: "ZS"}, []string{"张三", "张珊"}},
		{"polyphonic 单 as shan", PeopleQuery{Text: "sxx"}, []string{"单雄信"}},
		{"polyphonic 单 full", PeopleQuery{Text: "shanx"}, []string{"单雄信"}},
		{"单 also by its common reading", PeopleQuery{Text: "dxx"}, []string{"单雄信"}},
		{"曾 zeng", PeopleQuery{Text: "zengg"}, []string{"曾国藩"}},
		{"解 xie", PeopleQuery{Text: "xiej"}, []string{"解缙"}},
		{"仇 qiu", PeopleQuery{Text: "qiuy"}, []string{"仇英"}},
		{"区 ou", PeopleQuery{Text: "ouj"}, []string{"区寄"}},
		{"朴 piao", PeopleQuery{Text: "piaoz"}, []string{"朴正"}},
		{"last 4 of ID", PeopleQuery{Text: idFor("19551010", 22)[14:]}, []string{"李四"}},
		{"ID digits in the middle", PeopleQuery{Text: "19800101"}, []string{"张三"}},
		{"phone last 4", PeopleQuery{Text: "5678"}, []string{"张三"}},
		{"landline digits", PeopleQuery{Text: "6543210"}, []string{"张珊"}},
		{"full-width digits", PeopleQuery{Text: "５６７８"}, []string{"张三"}},
		{"village", PeopleQuery{Text: "青山社区"}, []string{"朴正", "曾国藩"}},
		{"category name", PeopleQuery{Text: "残疾军人"}, []string{"单雄信"}},
		{"serviceman's name", PeopleQuery{Text: "李强"}, []string{"张珊"}},
		{"serviceman's unit", PeopleQuery{Text: "武警青山"}, []string{"张珊"}},
		{"unit designation", PeopleQuery{Text: "三中队"}, []string{"张珊"}},
		{"pairing cadre", PeopleQuery{Text: "周红"}, []string{"张三"}},
		{"two words, both must match", PeopleQuery{Text: "zs 王庄"}, []string{"张珊"}},
		{"no match", PeopleQuery{Text: "囧"}, nil},
		{"category filter", PeopleQuery{Categories: []string{model.CatDisabledSoldier, model.CatMartyrFamily}}, []string{"单雄信", "曾国藩"}},
		{"village filter", PeopleQuery{VillageID: ids["张珊"] * 0}, nil}, // placeholder replaced below
		{"cadre filter", PeopleQuery{Cadre: "周红"}, []string{"张三"}},
		{"status filter", PeopleQuery{Status: model.StatusDead}, []string{"解缙"}},
		{"not visited this year", PeopleQuery{NotVisitedSince: "2026-01-01", Text: "zs"}, []string{"张珊"}},
		{"open needs", PeopleQuery{HasOpenNeeds: true}, []string{"张三"}},
		{"incomplete records", PeopleQuery{Incomplete: true}, []string{"曾国藩"}},
	}
	vil, _ := s.Villages(ctx)
	for i := range cases {
		if cases[i].name == "village filter" {
			cases[i].q.VillageID = vil[1].ID // 王庄村
			cases[i].want = []string{"单雄信", "张珊"}
		}
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			page, err := s.SearchPeople(ctx, c.q)
			if err != nil {
				t.Fatal(err)
			}
			got := names(page)
			if page.Total != len(c.want) || len(got) != len(c.want) {
				t.Fatalf("got %v (total %d), want %v", got, page.Total, c.want)
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Fatalf("got %v, want %v", got, c.want)
				}
			}
		})
	}
}

func TestSearchWindowAndCount(t *testing.T) {
	s, _ := searchFixture(t)
	ctx := context.Background()
	all, _ := s.SearchPeople(ctx, PeopleQuery{})
	page, err := s.SearchPeople(ctx, PeopleQuery{Offset: 3, Limit: 4})
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != 9 || len(page.Rows) != 4 || page.Offset != 3 {
		t.Fatalf("window: total %d rows %d offset %d", page.Total, len(page.Rows), page.Offset)
	}
	for i, r := range page.Rows {
		if r.ID != all.Rows[3+i].ID {
			t.Errorf("row %d is %s, want %s", i, r.Name, all.Rows[3+i].Name)
		}
	}
	if r := all.Rows[3]; r.Name != "张三" || r.VillageName != "李家村" || !r.OpenNeeds || r.LastVisitOn != "2026-01-20" {
		t.Errorf("list row fields: %+v", r)
	}
	past, _ := s.SearchPeople(ctx, PeopleQuery{Offset: 100})
	if past.Total != 9 || len(past.Rows) != 0 {
		t.Errorf("offset past the end: %+v", past)
	}
}

func TestSearchIndexFollowsWrites(t *testing.T) {
	s, ids := searchFixture(t)
	ctx := context.Background()
	count := func(text string) int {
		page, err := s.SearchPeople(ctx, PeopleQuery{Text: text})
		if err != nil {
			t.Fatal(err)
		}
		return page.Total
	}
	p, _ := s.Person(ctx, ids["李四"])
	p.Name = "欧阳修"
	if err := s.UpdatePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	if count("李四") != 0 || count("oyx") != 1 || count("欧阳") != 1 {
		t.Error("index not refreshed after rename")
	}
	q := mustPerson(t, s, model.Person{Name: "翟志刚", Categories: []string{model.CatVeteran}})
	if count("zzg") != 1 {
		t.Error("new person not in the index")
	}
	if err := s.TrashPerson(ctx, q.ID); err != nil {
		t.Fatal(err)
	}
	if count("zzg") != 0 {
		t.Error("trashed person still in the index")
	}
	u, _ := s.ListUnits(ctx, UnitQuery{Text: "武警"}, 2026)
	unit := u.Rows[0].Unit
	unit.Name = "消防救援站"
	unit.Kind = model.UnitFireRescue
	if err := s.UpdateUnit(ctx, &unit); err != nil {
		t.Fatal(err)
	}
	if count("消防救援站") != 1 || count("武警青山") != 0 {
		t.Error("unit rename not reflected in people search")
	}
}

// The first screen is served from SQL before the index exists; it must show exactly what
// the index shows afterwards, window by window.
func TestFirstPageMatchesIndexOrder(t *testing.T) {
	s, _ := searchFixture(t)
	ctx := context.Background()
	var before [][]string
	for off := 0; off < 10; off += 4 {
		if s.people.isLoaded() {
			t.Fatal("index loaded too early")
		}
		page, err := s.SearchPeople(ctx, PeopleQuery{Offset: off, Limit: 4})
		if err != nil {
			t.Fatal(err)
		}
		before = append(before, names(page))
	}
	if err := s.WarmSearch(ctx); err != nil {
		t.Fatal(err)
	}
	for i, off := 0, 0; off < 10; i, off = i+1, off+4 {
		page, _ := s.SearchPeople(ctx, PeopleQuery{Offset: off, Limit: 4})
		if got := names(page); strings.Join(got, ",") != strings.Join(before[i], ",") {
			t.Errorf("window at %d: index %v, first page %v", off, got, before[i])
		}
	}
}

// "Not visited" in 军属 is about the people on the roll: 在册 and 停发, not the dead nor the
// moved out (DOMAIN.md §4 rule 5) — the same from the index as from the file.
func TestNotVisitedOnTheRoll(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	for name, status := range map[string]string{"在册甲": model.StatusActive, "停发乙": model.StatusStopped,
		"死亡丙": model.StatusDead, "迁出丁": model.StatusMovedOut} {
		p := model.Person{Name: name, Status: status}
		if status != model.StatusActive {
			p.StatusChangedOn = "2025-06-01"
		}
		mustPerson(t, s, p)
	}
	q := PeopleQuery{NotVisitedSince: "2026-01-01", OnRoll: true, Limit: 10}
	names := func(page PeoplePage, err error) string {
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range page.Rows {
			out = append(out, r.Name)
		}
		sort.Strings(out)
		return strings.Join(out, ",")
	}
	fromFile := names(s.searchSQL(ctx, q))
	fromIndex := names(s.SearchPeople(ctx, q))
	if want := "停发乙,在册甲"; fromFile != want || fromIndex != want {
		t.Errorf("not visited on the roll: from the file %q, from the index %q, want %q", fromFile, fromIndex, want)
	}
	q.Status = model.StatusDead // a chosen status wins
	if got := names(s.SearchPeople(ctx, q)); got != "死亡丙" {
		t.Errorf("with 死亡 chosen: %q", got)
	}
}
