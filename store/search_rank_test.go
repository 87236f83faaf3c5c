package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"shuangyong/model"
)

// rankFixture puts people whom the roster order would list first (李家村 is the first
// village) before the ones a search means: the ranking must bring the right one up.
func rankFixture(t *testing.T) (*Store, map[string]int64) {
	s := openTest(t)
	ctx := context.Background()
	vil := mustVillages(t, s, "李家村", "王庄村", "青山社区")
	unit := model.Unit{Name: "武警青山中队", Kind: model.UnitArmedPolice, Designation: "某部三中队"}
	if err := s.CreateUnit(ctx, &unit); err != nil {
		t.Fatal(err)
	}
	vet := []string{model.CatVeteran}
	people := []model.Person{
		{Name: "钱心怡", VillageID: vil["李家村"], Categories: vet, PairingCadre: "王建国"},
		{Name: "陈海勇", VillageID: vil["李家村"], Categories: vet, PairingCadre: "张梦瑶"},
		{Name: "周丽", VillageID: vil["李家村"], Categories: vet, Address: "青山路8号3栋1单元"},
		{Name: "李王建", VillageID: vil["李家村"], Categories: vet},
		{Name: "赵六", VillageID: vil["李家村"], Categories: []string{model.CatServingFamily}, Relation: "father",
			Sex: "M", ServicemanName: "王建军", ServiceUnitID: unit.ID},
		{Name: "张帅峰", VillageID: vil["李家村"], Categories: vet, Phones: []string{"13912345678"}},
		{Name: "冯七", VillageID: vil["李家村"], Categories: vet, Phones: []string{"13356781004"}},
		{Name: "王建华", VillageID: vil["王庄村"], Categories: vet},
		{Name: "张三", VillageID: vil["王庄村"], Categories: vet},
		{Name: "王建", VillageID: vil["青山社区"], Categories: vet},
		{Name: "单雄信", VillageID: vil["青山社区"], Categories: vet},
	}
	ids := map[string]int64{}
	for _, p := range people {
		ids[p.Name] = mustPerson(t, s, p).ID
	}
	return s, ids
}

type rankCase struct {
	text     string
	want     []string // names in order
	fields   []MatchField
	weakOnly bool
}

var rankCases = []rankCase{
	// exact name, prefix, substring, then the serviceman; the cadre 王建国 not at all
	{"王建", []string{"王建", "王建华", "李王建", "赵六"},
		[]MatchField{MatchName, MatchName, MatchName, MatchServiceman}, false},
	// a surname: the people paired by 张梦瑶 are not 张
	{"张", []string{"张帅峰", "张三"}, []MatchField{MatchName, MatchName}, false},
	// initials: exactly zs before zsf, whatever the villages
	{"zs", []string{"张三", "张帅峰"}, []MatchField{MatchPinyin, MatchPinyin}, false},
	// 单 is a surname here, not the 单 of 1单元
	{"单", []string{"单雄信"}, []MatchField{MatchName}, false},
	// nothing else has 1单元: the address counts, and the page says so
	{"1单元", []string{"周丽"}, []MatchField{MatchAddress}, true},
	{"张梦瑶", []string{"陈海勇"}, []MatchField{MatchCadre}, true},
	// the last four digits of a phone, before the same digits inside another number
	{"5678", []string{"张帅峰", "冯七"}, []MatchField{MatchPhone, MatchPhone}, false},
	{"5678100", []string{"冯七"}, []MatchField{MatchPhone}, false},
	{"三中队", []string{"赵六"}, []MatchField{MatchUnit}, false},
	{"王庄", []string{"王建华", "张三"}, []MatchField{MatchVillage, MatchVillage}, false},
	// two words: the best one ranks; both must match
	{"王 青山", []string{"王建", "赵六"}, []MatchField{MatchName, MatchServiceman}, false},
}

func checkRank(t *testing.T, page PeoplePage, c rankCase) {
	t.Helper()
	got := names(page)
	var fields []MatchField
	for _, r := range page.Rows {
		fields = append(fields, r.Match)
	}
	if strings.Join(got, ",") != strings.Join(c.want, ",") || page.Total != len(c.want) {
		t.Errorf("%s: got %v (total %d), want %v", c.text, got, page.Total, c.want)
	}
	if fmt.Sprint(fields) != fmt.Sprint(c.fields) {
		t.Errorf("%s: matched %v, want %v", c.text, fields, c.fields)
	}
	if page.WeakOnly != c.weakOnly {
		t.Errorf("%s: WeakOnly %v, want %v", c.text, page.WeakOnly, c.weakOnly)
	}
}

func TestSearchRanking(t *testing.T) {
	s, _ := rankFixture(t)
	ctx := context.Background()
	for _, c := range rankCases {
		page, err := s.SearchPeople(ctx, PeopleQuery{Text: c.text})
		if err != nil {
			t.Fatal(err)
		}
		checkRank(t, page, c)
	}
	// The window is cut from the ranked list.
	page, err := s.SearchPeople(ctx, PeopleQuery{Text: "王建", Offset: 1, Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	if got := names(page); strings.Join(got, ",") != "王建华,李王建" || page.Total != 4 {
		t.Errorf("window of 王建: %v (total %d)", got, page.Total)
	}
}

// Until the index is in, searches are answered from SQL: the same people, in the same
// order, found by the same fields.
func TestSearchSQLMatchesIndex(t *testing.T) {
	s, _ := rankFixture(t)
	ctx := context.Background()
	for _, c := range rankCases {
		page, err := s.searchSQL(ctx, PeopleQuery{Text: c.text, Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		checkRank(t, page, c)
	}
	if s.people.isLoaded() {
		t.Fatal("searchSQL built the index")
	}
	// And for everything else the index answers, on the larger fixture.
	s2, _ := searchFixture(t)
	words := []string{"张", "zs", "zhangs", "sxx", "dxx", "5678", "6543210", "19800101", "青山社区", "残疾军人", "李强",
		"武警青山", "三中队", "周红", "zs 王庄", "囧", "烈属", "三属", "老兵", "军属", "兵妈妈", "li", "q"}
	queries := []PeopleQuery{{Categories: []string{model.CatVeteran}}, {Status: model.StatusDead}, {HasOpenNeeds: true},
		{NotVisitedSince: "2026-01-01", Text: "zs"}, {Cadre: "周红"}}
	for _, w := range words {
		queries = append(queries, PeopleQuery{Text: w})
	}
	var fromSQL []string
	for _, q := range queries {
		q.Limit = 50
		page, err := s2.searchSQL(ctx, q)
		if err != nil {
			t.Fatalf("%+v: %v", q, err)
		}
		fromSQL = append(fromSQL, fmt.Sprint(page.Total, names(page), matches(page), page.WeakOnly))
	}
	if err := s2.WarmSearch(ctx); err != nil {
		t.Fatal(err)
	}
	for i, q := range queries {
		q.Limit = 50
		page, err := s2.SearchPeople(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(page.Total, names(page), matches(page), page.WeakOnly); got != fromSQL[i] {
			t.Errorf("%+v: index %s, SQL %s", q, got, fromSQL[i])
		}
	}
}

func matches(page PeoplePage) []MatchField {
	var out []MatchField
	for _, r := range page.Rows {
		out = append(out, r.Match)
	}
	return out
}

// The words the 类别 column shows, and the group words cadres use, find their people.
func TestSearchCategoryWords(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	vil := mustVillages(t, s, "李家村")
	people := []model.Person{
		{Name: "甲", Categories: []string{model.CatMartyrFamily}, MartyrRelation: "father", MartyrName: "甲烈士"},
		{Name: "乙", Categories: []string{model.CatDutyDeathFamily}, MartyrRelation: "mother", MartyrName: "乙军人"},
		{Name: "丙", Categories: []string{model.CatIllDeathFamily}, MartyrRelation: "spouse", MartyrName: "丙军人"},
		{Name: "丁", Categories: []string{model.CatRuralVeteran60}},
		{Name: "戊", Categories: []string{model.CatServingFamily}, Relation: "spouse", Sex: "F", ServicemanName: "戊兵"},
		{Name: "己", Categories: []string{model.CatServingFamily}, Relation: "mother", Sex: "F", ServicemanName: "己兵"},
		{Name: "庚", Categories: []string{model.CatDisabledSoldier}, DisabilityNature: model.NatureWar, DisabilityGrade: 6},
		{Name: "辛", Categories: []string{model.CatWarVeteran}},
		{Name: "壬", Categories: []string{model.CatVeteran}},
		{Name: "癸", Categories: []string{model.CatServingFamily}, Relation: "spouse", Sex: "M", ServicemanName: "癸兵"},
	}
	for _, p := range people {
		p.VillageID = vil["李家村"]
		mustPerson(t, s, p)
	}
	cases := map[string]string{
		"烈属":   "甲",
		"因公遗属": "乙",
		"病故遗属": "丙",
		"遗属":   "丙,甲,乙", // part of labels (烈士遗属) and short labels
		"三属":   "丙,甲,乙",
		"农村老兵": "丁",
		"老兵":   "丁,辛",
		"现役军属": "癸,己,戊",
		"军属":   "癸,己,戊",
		"军嫂":   "戊",
		"兵妈妈":  "己",
		"伤残":   "庚",
		"两参":   "辛",
		"退役士兵": "丁,壬", // 60周岁以上农村籍退役士兵 too
	}
	for _, index := range []bool{false, true} {
		if index {
			if err := s.WarmSearch(ctx); err != nil {
				t.Fatal(err)
			}
		}
		for word, want := range cases {
			var page PeoplePage
			var err error
			if index {
				page, err = s.SearchPeople(ctx, PeopleQuery{Text: word})
			} else {
				page, err = s.searchSQL(ctx, PeopleQuery{Text: word, Limit: 50})
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(names(page), ","); got != want {
				t.Errorf("index %v, %s: got %s, want %s", index, word, got, want)
			}
			for _, r := range page.Rows {
				if r.Match != MatchCategory {
					t.Errorf("index %v, %s: %s matched by %s", index, word, r.Name, r.Match)
				}
			}
		}
	}
}

// People saved while the index is being built are in it once it is in.
func TestSearchIndexCatchesSavesDuringBuild(t *testing.T) {
	s, ids := searchFixture(t)
	ctx := context.Background()
	p, err := s.Person(ctx, ids["李四"])
	if err != nil {
		t.Fatal(err)
	}
	afterBuildRead = func() {
		if !s.people.isBuilding() {
			t.Error("not building")
		}
		// The build has read the file: a search now is answered from SQL, and a save is
		// listed for reading again.
		page, err := s.SearchPeople(ctx, PeopleQuery{Text: "李四"})
		if err != nil || page.Total != 1 {
			t.Errorf("search during the build: %v %+v", err, page)
		}
		p.Name = "欧阳修"
		if err := s.UpdatePerson(ctx, &p); err != nil {
			t.Error(err)
		}
		mustPerson(t, s, model.Person{Name: "翟志刚", Categories: []string{model.CatVeteran}})
	}
	defer func() { afterBuildRead = nil }()
	if err := s.WarmSearch(ctx); err != nil {
		t.Fatal(err)
	}
	afterBuildRead = nil
	for text, want := range map[string]int{"李四": 0, "欧阳修": 1, "oyx": 1, "翟志刚": 1} {
		page, err := s.SearchPeople(ctx, PeopleQuery{Text: text})
		if err != nil {
			t.Fatal(err)
		}
		if page.Total != want {
			t.Errorf("%s: %d found, want %d", text, page.Total, want)
		}
	}
}

// Reading the entries in parts (on a snapshot's connections) reads each person once.
func TestLoadAllEntriesInParts(t *testing.T) {
	s, _ := searchFixture(t)
	ctx := context.Background()
	whole, err := loadEntries(ctx, s.db, nil, s.people.codes)
	if err != nil {
		t.Fatal(err)
	}
	db, release := s.snapshot(ctx)
	if db == nil {
		t.Fatal("no snapshot of a local WAL file")
	}
	defer release()
	// The build steps aside between rows while a search is answered from the file.
	var pauses atomic.Int32
	if got, err := loadAllEntries(ctx, db, 1, s.people.codes, func() { pauses.Add(1) }); err != nil || pauses.Load() < int32(len(got)/256) || pauses.Load() == 0 {
		t.Errorf("%d pauses for %d rows (%v)", pauses.Load(), len(got), err)
	}
	s.people.searching.Add(1)
	stepped := make(chan struct{})
	go func() { s.people.stepAside(); close(stepped) }()
	select {
	case <-stepped:
		t.Error("the build did not step aside for a search under way")
	case <-time.After(20 * time.Millisecond):
	}
	s.people.searching.Add(-1)
	<-stepped // and goes on once it is answered
	for _, parts := range []int{1, 2, 3, 100} {
		got, err := loadAllEntries(ctx, db, parts, s.people.codes, nil)
		if err != nil {
			t.Fatal(err)
		}
		ids := map[int64]string{}
		for _, e := range got {
			ids[e.id] = e.text
		}
		if len(got) != len(whole) || len(ids) != len(whole) {
			t.Fatalf("%d parts: %d entries, want %d", parts, len(got), len(whole))
		}
		for _, e := range whole {
			if ids[e.id] != e.text {
				t.Errorf("%d parts: entry %d differs", parts, e.id)
			}
		}
	}
}

// A snapshot reads the file as it was when taken, whatever is saved meanwhile, and the
// store's connection goes on saving; a second snapshot shares the frozen file only while
// nothing was saved since.
func TestSnapshotIsFrozen(t *testing.T) {
	s, ids := searchFixture(t)
	ctx := context.Background()
	db, release := s.snapshot(ctx)
	if db == nil {
		t.Fatal("no snapshot of a local WAL file")
	}
	var again *sql.DB
	again, releaseAgain := s.snapshot(ctx)
	if again == nil {
		t.Error("a second snapshot with nothing saved since is refused")
	} else {
		releaseAgain()
	}
	p, _ := s.Person(ctx, ids["李四"])
	p.Name = "欧阳修"
	if err := s.UpdatePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	var name string
	if err := db.QueryRowContext(ctx, "SELECT name FROM people WHERE id = ?", p.ID).Scan(&name); err != nil || name != "李四" {
		t.Errorf("snapshot reads %q, %v; want the name before the save", name, err)
	}
	if late, releaseLate := s.snapshot(ctx); late != nil {
		releaseLate()
		t.Error("a snapshot after a save shares the frozen file")
	}
	release()
	db, release = s.snapshot(ctx)
	if db == nil {
		t.Fatal("no snapshot once the others are released")
	}
	defer release()
	if err := db.QueryRowContext(ctx, "SELECT name FROM people WHERE id = ?", p.ID).Scan(&name); err != nil || name != "欧阳修" {
		t.Errorf("new snapshot reads %q, %v", name, err)
	}
}
