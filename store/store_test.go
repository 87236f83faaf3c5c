package store

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"shuangyong/model"
)

func TestOpenCreatesAndMigrates(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "子目录", "新建.db")
	s, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var v int
	if err := s.DB().QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		t.Fatal(err)
	}
	if v != SchemaVersion() || v < 1 {
		t.Fatalf("user_version %d, want %d", v, SchemaVersion())
	}
	mode, _ := s.JournalMode(ctx)
	if mode != "wal" {
		t.Errorf("journal mode %q on a local disk, want wal", mode)
	}
	var fk int
	s.DB().QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk)
	if fk != 1 {
		t.Error("foreign keys are off")
	}
	s.Close()
	if _, err := os.Stat(path + "-shm"); err == nil {
		t.Error("a -shm file exists: exclusive locking was not in force before WAL")
	}
	// Reopening applies nothing twice.
	s2, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	s2.Close()
}

// A file of an older version is checked whole and upgraded at open; Upgrading is called
// then, once, so that the program can say why its window is still empty — and not on a
// file that is already current.
func TestOpenSaysWhenItUpgrades(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "旧版.db")
	ms, err := migrations()
	if err != nil || len(ms) < 2 {
		t.Fatalf("migrations: %d, %v", len(ms), err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := applyMigration(ctx, conn, ms[0]); err != nil { // the first version's file
		t.Fatal(err)
	}
	conn.Close()
	db.Close()

	calls := 0
	opt := Options{Upgrading: func() { calls++ }}
	s, err := Open(ctx, path, opt)
	if err != nil {
		t.Fatal(err)
	}
	var v int
	s.DB().QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	s.Close()
	if calls != 1 || v != SchemaVersion() {
		t.Fatalf("older file: Upgrading called %d times, version %d; want once and %d", calls, v, SchemaVersion())
	}
	s, err = Open(ctx, path, opt)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if calls != 1 {
		t.Errorf("a current file announced an upgrade (%d calls)", calls)
	}
}

func TestOpenRefusesForeignAndNewerFiles(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()

	text := filepath.Join(dir, "notes.db")
	os.WriteFile(text, []byte("这不是数据库 just some text that is long enough"), 0o644)
	if _, err := Open(ctx, text, Options{}); KindOf(err) != ErrNotDatabase {
		t.Errorf("text file: got %v, want ErrNotDatabase", err)
	}
	if b, _ := os.ReadFile(text); !strings.HasPrefix(string(b), "这不是数据库") {
		t.Error("the foreign file was changed")
	}

	other := filepath.Join(dir, "other.db")
	db, _ := sql.Open("sqlite", other)
	db.Exec("CREATE TABLE accounts(id INTEGER PRIMARY KEY, owner TEXT)")
	db.Close()
	if _, err := Open(ctx, other, Options{}); KindOf(err) != ErrNotDatabase {
		t.Errorf("another program's SQLite file: got %v, want ErrNotDatabase", err)
	}

	newer := filepath.Join(dir, "newer.db")
	s, err := Open(ctx, newer, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.DB().Exec("PRAGMA user_version = 999")
	s.Close()
	if _, err := Open(ctx, newer, Options{}); KindOf(err) != ErrTooNew {
		t.Errorf("newer schema: got %v, want ErrTooNew", err)
	}

	if _, err := Open(ctx, filepath.Join(dir, "a?b.db"), Options{}); KindOf(err) != ErrBadPath {
		t.Errorf("path with ?: got %v, want ErrBadPath", err)
	}
}

func TestPersonRoundTripAndHistory(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	vil := mustVillages(t, s, "李家村", "王庄村")
	u := model.Unit{Name: "武警某中队", Kind: model.UnitArmedPolice, ContactName: "刘队长", ContactPhone: "13800001111"}
	if err := s.CreateUnit(ctx, &u); err != nil {
		t.Fatal(err)
	}
	want := model.Person{
		Name: "买买提·吐尔逊", Ethnicity: "维吾尔族", IDNumber: strings.ToLower(idFor("19800101", 13)),
		Phones: []string{"13912345678", "0512-6543210"}, ContactNote: "儿子代接", VillageID: vil["王庄村"],
		Address: "王庄村3组12号", HukouType: "rural",
		Categories:       []string{model.CatDisabledSoldier, model.CatWarVeteran},
		DisabilityNature: model.NatureWar, DisabilityGrade: 6, DisabilityCertNo: "苏残军字001",
		Relation: "self", Rank: model.RankJuniorNCO, ServiceStatus: "retired", ServiceUnitID: u.ID,
		EnlistedOn: "1998-12", DischargedOn: "2003-12", SubsidyStatus: "receiving", SubsidyFrom: 2004,
		PairingCadre: "周红", SelfCare: "partial", Assistance: "dibao", LivesAlone: true, Health: "腿伤",
		Conditions: "平房两间", HonourPlaque: true, PreferentialCard: true, Note: "备注",
	}
	p := want
	if err := s.CreatePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	got, err := s.Person(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	// Derived on save: upper-case X, birth date and sex from the ID, status, registration date.
	want.ID, want.IDNumber, want.BirthDate, want.Sex = p.ID, strings.ToUpper(want.IDNumber), "1980-01-01", "M"
	want.Status, want.RegisteredOn = model.StatusActive, "2026-11-29"
	want.CreatedAt, want.UpdatedAt = got.CreatedAt, got.UpdatedAt
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, want)
	}

	got.Phones = []string{"13700000000"}
	got.DisabilityGrade = 5
	if err := s.UpdatePerson(ctx, &got); err != nil {
		t.Fatal(err)
	}
	h, total, err := s.History(ctx, EntPerson, p.ID, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	if total != 2 || h[0].Action != ActUpdate || h[1].Action != ActInsert {
		t.Fatalf("history %+v", h)
	}
	if h[0].Operator != "测试员" || !strings.Contains(h[0].Before, `"disability_grade":6`) || !strings.Contains(h[0].After, `"disability_grade":5`) {
		t.Errorf("update history row: %+v", h[0])
	}
	// Saving the same values again writes no history.
	if err := s.UpdatePerson(ctx, &got); err != nil {
		t.Fatal(err)
	}
	if _, total, _ := s.History(ctx, EntPerson, p.ID, 0, 10); total != 2 {
		t.Errorf("an unchanged save wrote history (%d rows)", total)
	}
}

func TestInvalidPersonIsNotSaved(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	p := model.Person{Name: "张三", IDNumber: "110105194912310021"} // wrong check digit
	err := s.CreatePerson(ctx, &p)
	var ve *ValidationError
	if KindOf(err) != ErrInvalid || !errors.As(err, &ve) || len(ve.Problems.For("IDNumber")) == 0 {
		t.Fatalf("got %v, want a validation error on IDNumber", err)
	}
	var n int
	s.DB().QueryRow("SELECT count(*) FROM people").Scan(&n)
	var h int
	s.DB().QueryRow("SELECT count(*) FROM history WHERE entity = 'people'").Scan(&h)
	if n != 0 || h != 0 {
		t.Errorf("half-saved: %d people, %d history rows", n, h)
	}
	// A gap (残疾军人 without grade) never blocks the save.
	q := model.Person{Name: "李四", Categories: []string{model.CatDisabledSoldier}}
	if err := s.CreatePerson(ctx, &q); err != nil {
		t.Fatalf("a record with gaps was refused: %v", err)
	}
}

func TestTrashRestoreUndo(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	p := mustPerson(t, s, model.Person{Name: "张三", Categories: []string{model.CatVeteran}})
	find := func() int {
		page, err := s.SearchPeople(ctx, PeopleQuery{Text: "张三"})
		if err != nil {
			t.Fatal(err)
		}
		return page.Total
	}
	if find() != 1 {
		t.Fatal("new person not found")
	}
	if err := s.TrashPerson(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	if find() != 0 {
		t.Error("trashed person still listed")
	}
	trash, n, err := s.Trash(ctx, 0, 10)
	if err != nil || n != 1 || trash[0].Summary != "张三" || trash[0].Entity != EntPerson {
		t.Fatalf("trash %+v %d %v", trash, n, err)
	}
	res, err := s.Undo(ctx)
	if err != nil || res.Action != ActTrash || res.Summary != "张三" {
		t.Fatalf("undo trash: %+v %v", res, err)
	}
	if find() != 1 {
		t.Error("undo of trash did not bring the person back")
	}
	if err := s.TrashPerson(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.RestorePerson(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	if find() != 1 {
		t.Error("restore did not bring the person back")
	}
	// Undo an edit, then the creation itself.
	p2, _ := s.Person(ctx, p.ID)
	p2.Name = "张叁"
	if err := s.UpdatePerson(ctx, &p2); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Undo(ctx); err != nil { // edit
		t.Fatal(err)
	}
	if got, _ := s.Person(ctx, p.ID); got.Name != "张三" {
		t.Errorf("after undoing the edit the name is %q", got.Name)
	}
	for i := 0; i < 3; i++ { // restore, trash, (already-undone trash skipped) … down to the insert
		if _, err := s.Undo(ctx); err != nil {
			t.Fatalf("undo %d: %v", i, err)
		}
	}
	if _, err := s.Person(ctx, p.ID); KindOf(err) != ErrNotFound {
		t.Errorf("undoing the insert left the person: %v", err)
	}
	if find() != 0 {
		t.Error("search still finds the un-inserted person")
	}
	if _, err := s.Undo(ctx); KindOf(err) != ErrNothingToUndo {
		t.Errorf("empty history: %v", err)
	}
}

func TestEventsVisitsRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	vil := mustVillages(t, s, "李家村")
	host := model.Unit{Name: "青山镇妇联", Kind: model.UnitWomens}
	troop := model.Unit{Name: "驻地某部", Kind: model.UnitStationed, Designation: "某部一营"}
	for _, u := range []*model.Unit{&host, &troop} {
		if err := s.CreateUnit(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.AddPairing(ctx, &model.Pairing{UnitA: host.ID, UnitB: troop.ID, Since: "2020-08"}); err != nil {
		t.Fatal(err)
	}
	pr, err := s.Pairings(ctx, troop.ID)
	if err != nil || len(pr) != 1 || pr[0].PartnerName != "青山镇妇联" || pr[0].Since != "2020-08" {
		t.Fatalf("pairings %+v %v", pr, err)
	}
	if err := s.RemovePairing(ctx, pr[0].ID); err != nil {
		t.Fatal(err)
	}
	if pr, _ := s.Pairings(ctx, host.ID); len(pr) != 0 {
		t.Error("a removed pairing is still listed")
	}
	if err := s.RestorePairing(ctx, pr[0].ID); err != nil {
		t.Fatal(err)
	}
	ev := model.Event{Date: "2026-07-30", Type: model.EventTroopVisit, Occasion: "army_day", Title: "八一慰问驻军",
		Participants: 4000, MilitaryParticipants: 1800, MoneyFen: 1500000, MoneySource: "财政拨款",
		Units: []model.EventUnit{{UnitID: host.ID, Role: "host"}, {UnitID: troop.ID, Role: "recipient"}},
		Items: []model.Item{{Name: "鞋垫", Quantity: 276, Unit: "双"}, {Name: "标语", Quantity: 100, Unit: "幅"}}}
	if err := s.CreateEvent(ctx, &ev); err != nil {
		t.Fatal(err)
	}
	got, err := s.Event(ctx, ev.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Direction != model.DirToMilitary || len(got.Units) != 2 || !reflect.DeepEqual(got.Items, ev.Items) || got.MoneyFen != 1500000 {
		t.Errorf("event round trip: %+v", got)
	}
	page, err := s.ListEvents(ctx, EventQuery{Year: 2026, UnitID: troop.ID})
	if err != nil || page.Total != 1 {
		t.Fatalf("events of the unit: %+v %v", page, err)
	}
	units, err := s.ListUnits(ctx, UnitQuery{}, 2026)
	if err != nil || units.Total != 2 {
		t.Fatalf("units %+v %v", units, err)
	}
	for _, r := range units.Rows {
		if r.Partners != 1 || r.EventsThisYear != 1 {
			t.Errorf("unit row %s: partners %d events %d", r.Name, r.Partners, r.EventsThisYear)
		}
	}

	// Undo of an event edit restores its items too.
	got.Items = []model.Item{{Name: "鞋垫", Quantity: 300, Unit: "双"}}
	if err := s.UpdateEvent(ctx, &got); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if back, _ := s.Event(ctx, ev.ID); !reflect.DeepEqual(back.Items, ev.Items) {
		t.Errorf("items after undo: %+v", back.Items)
	}

	// W1: a visit recorded on its own becomes a 走访慰问 event with one visit.
	hh := mustPerson(t, s, model.Person{Name: "王秀英", VillageID: vil["李家村"], Categories: []string{model.CatMartyrFamily},
		MartyrRelation: "mother", MartyrName: "王强"})
	v := model.Visit{PersonID: hh.ID, Date: "2026-02-01", MoneyFen: 80000, Goods: "米一袋", GoodsValueFen: 10000,
		Need: "房屋漏雨需维修", FollowUpOn: "2026-03-01", Signed: true}
	if err := s.RecordVisit(ctx, &model.Event{Occasion: "spring_festival"}, &v); err != nil {
		t.Fatal(err)
	}
	rv, err := s.Visit(ctx, v.ID)
	if err != nil {
		t.Fatal(err)
	}
	if rv.Mode != "home" || rv.HouseholdKey != -hh.ID || !reflect.DeepEqual(rv.Categories, []string{model.CatMartyrFamily}) || rv.VillageID != vil["李家村"] {
		t.Errorf("visit snapshot: %+v", rv)
	}
	vev, _ := s.Event(ctx, v.EventID)
	if vev.Type != model.EventVisit || vev.Title != "走访慰问 王秀英" || vev.Date != "2026-02-01" {
		t.Errorf("visit's event: %+v", vev)
	}
	if p, _ := s.Person(ctx, hh.ID); p.LastVisitOn != "2026-02-01" {
		t.Errorf("last visit %q", p.LastVisitOn)
	}
	needs, _ := s.OpenNeeds(ctx, hh.ID)
	if len(needs) != 1 || needs[0].Need != "房屋漏雨需维修" {
		t.Errorf("open needs %+v", needs)
	}
	if page, _ := s.SearchPeople(ctx, PeopleQuery{HasOpenNeeds: true}); page.Total != 1 {
		t.Errorf("open-needs filter found %d", page.Total)
	}
	rv.Resolution, rv.ResolvedOn = "已联系村委维修", "2026-02-20"
	if err := s.UpdateVisit(ctx, &rv); err != nil {
		t.Fatal(err)
	}
	if page, _ := s.SearchPeople(ctx, PeopleQuery{HasOpenNeeds: true}); page.Total != 0 {
		t.Error("a resolved need still counts as open")
	}
	if amt, _ := s.LastAmountFor(ctx, mustPerson(t, s, model.Person{Name: "赵兰", Categories: []string{model.CatMartyrFamily}}).ID); amt != 80000 {
		t.Errorf("amount last used for the category: %d", amt)
	}
	// Trashing a visit W1 recorded takes its now empty event along; restoring brings both.
	if err := s.TrashVisit(ctx, v.ID); err != nil {
		t.Fatal(err)
	}
	if e, _ := s.Event(ctx, v.EventID); e.DeletedAt == "" {
		t.Error("the single visit's event stayed live after the visit was trashed")
	}
	if err := s.RestoreVisit(ctx, v.ID); err != nil {
		t.Fatal(err)
	}
	if e, _ := s.Event(ctx, v.EventID); e.DeletedAt != "" {
		t.Error("restoring the visit left its event in the trash")
	}
	// Trashing the event takes its visit along, and the person's last visit date follows.
	if err := s.TrashEvent(ctx, v.EventID); err != nil {
		t.Fatal(err)
	}
	if p, _ := s.Person(ctx, hh.ID); p.LastVisitOn != "" {
		t.Errorf("last visit after trashing the only visit: %q", p.LastVisitOn)
	}
	if err := s.RestoreEvent(ctx, v.EventID); err != nil {
		t.Fatal(err)
	}
	if rows, total, _ := s.VisitsOfPerson(ctx, hh.ID, 0, 10); total != 1 || rows[0].EventType != model.EventVisit {
		t.Errorf("visits after restore: %d %+v", total, rows)
	}
}

func TestSettingsAndVillages(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	if done, _ := s.SetupDone(ctx); done {
		t.Error("a new file claims setup is done")
	}
	st := model.Settings{Office: "青山镇人民政府", Operator: "李敏", DefaultAmountFen: map[string]int64{model.CatMartyrFamily: 100000}}
	if err := s.SaveSettings(ctx, st); err != nil {
		t.Fatal(err)
	}
	got, err := s.Settings(ctx)
	if err != nil || !reflect.DeepEqual(got, st) {
		t.Fatalf("settings %+v %v", got, err)
	}
	if s.Operator() != "李敏" {
		t.Error("operator not taken into use")
	}
	if done, _ := s.SetupDone(ctx); !done {
		t.Error("setup not marked done")
	}
	ids := mustVillages(t, s, "李家村", "王庄村", "青山社区")
	p := mustPerson(t, s, model.Person{Name: "张三", VillageID: ids["王庄村"]})
	// Rename 王庄村 and drop 青山社区; the person follows the rename in search.
	if err := s.SaveVillages(ctx, []model.Village{{ID: ids["李家村"], Name: "李家村"}, {ID: ids["王庄村"], Name: "王家庄村"}}); err != nil {
		t.Fatal(err)
	}
	vs, _ := s.Villages(ctx)
	if len(vs) != 2 || vs[1].Name != "王家庄村" {
		t.Fatalf("villages %+v", vs)
	}
	page, _ := s.SearchPeople(ctx, PeopleQuery{Text: "王家庄"})
	if page.Total != 1 || page.Rows[0].ID != p.ID || page.Rows[0].VillageName != "王家庄村" {
		t.Errorf("search by renamed village: %+v", page)
	}
	if err := s.SaveVillages(ctx, []model.Village{{Name: "李家村"}, {Name: "李家村"}}); KindOf(err) != ErrInvalid {
		t.Errorf("duplicate village names: %v", err)
	}
}

func TestHouseholds(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	a := mustPerson(t, s, model.Person{Name: "张大山", Categories: []string{model.CatRuralVeteran60}})
	b := mustPerson(t, s, model.Person{Name: "李桂花"})
	if err := s.JoinHousehold(ctx, b.ID, a.ID); err != nil {
		t.Fatal(err)
	}
	m, err := s.HouseholdMembers(ctx, a.ID)
	if err != nil || len(m) != 2 || m[0].HouseholdID == 0 || m[0].HouseholdID != m[1].HouseholdID {
		t.Fatalf("members %+v %v", m, err)
	}
	v := model.Visit{PersonID: b.ID, Date: "2026-01-20", MoneyFen: 50000}
	if err := s.RecordVisit(ctx, &model.Event{}, &v); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Visit(ctx, v.ID); got.HouseholdKey != m[0].HouseholdID {
		t.Errorf("visit household key %d, want %d", got.HouseholdKey, m[0].HouseholdID)
	}
	if err := s.LeaveHousehold(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	if m, _ := s.HouseholdMembers(ctx, b.ID); len(m) != 1 {
		t.Errorf("after leaving: %d members", len(m))
	}
}

func TestDuplicates(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	ids := mustVillages(t, s, "李家村", "王庄村")
	id := idFor("19700305", 21)
	a := mustPerson(t, s, model.Person{Name: "刘洋", IDNumber: id, VillageID: ids["李家村"]})
	cases := []struct {
		p    model.Person
		want int
	}{
		{model.Person{Name: "刘杨", IDNumber: id}, 1},
		{model.Person{Name: "刘洋", VillageID: ids["李家村"]}, 1},
		{model.Person{Name: "刘洋", VillageID: ids["王庄村"]}, 0},
		{a, 0}, // itself
	}
	for _, c := range cases {
		d, err := s.Duplicates(ctx, c.p)
		if err != nil || len(d) != c.want {
			t.Errorf("duplicates of %+v: %d %v, want %d", c.p.Name, len(d), err, c.want)
		}
	}
}

func TestBackupAndRestore(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "ledger.db")
	s := openAt(t, path)
	mustPerson(t, s, model.Person{Name: "张三"})
	b, err := s.Backup(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(b) != BackupDir(path) {
		t.Errorf("backup in %s", b)
	}
	mustPerson(t, s, model.Person{Name: "李四"})
	s.Close()
	kept, err := Restore(ctx, path, b)
	if err != nil {
		t.Fatal(err)
	}
	if kept == "" {
		t.Error("the previous file was not kept")
	}
	s2 := openAt(t, path)
	if page, _ := s2.SearchPeople(ctx, PeopleQuery{}); page.Total != 1 {
		t.Errorf("after restore %d people, want 1", page.Total)
	}
	s2.Close()
	// A damaged backup is refused and the live file is untouched.
	bad := filepath.Join(dir, "bad.db")
	raw, _ := os.ReadFile(b)
	for i := 4096; i < len(raw) && i < 4096*3; i++ {
		raw[i] ^= 0x5a
	}
	os.WriteFile(bad, raw, 0o644)
	if _, err := Restore(ctx, path, bad); err == nil {
		t.Error("a damaged backup was restored")
	}
	if NewestGoodBackup(ctx, path) == "" {
		t.Error("no good backup found")
	}
	// A cancelled backup says so; it is not mistaken for damage.
	s3 := openAt(t, path)
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s3.Backup(cancelled, ""); !errors.Is(err, context.Canceled) || KindOf(err) == ErrDamaged {
		t.Errorf("cancelled backup: %v", err)
	}
}

func TestCheckFindsDamage(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "x.db")
	s := openAt(t, path)
	for i := 0; i < 300; i++ {
		mustPerson(t, s, model.Person{Name: "王" + string(rune('一'+i)), Address: strings.Repeat("某地", 40)})
	}
	r, err := s.Check(ctx)
	if err != nil || !r.OK || r.Counts[0].Live != 300 {
		t.Fatalf("check of a sound file: %+v %v", r, err)
	}
	s.Close()
	raw, _ := os.ReadFile(path)
	// Damage pages in the middle of the file (not the header).
	for i := len(raw) / 2; i < len(raw)/2+8192 && i < len(raw); i++ {
		raw[i] = 0xff
	}
	os.WriteFile(path, raw, 0o644)
	s2, err := Open(ctx, path, Options{ReadOnly: true})
	if err != nil {
		if k := KindOf(err); k != ErrDamaged && k != ErrNotDatabase {
			t.Fatalf("opening a damaged file: %v", err)
		}
	} else {
		r, err = s2.Check(ctx)
		if err == nil && r.OK {
			t.Error("check passed a damaged file")
		}
		s2.Close()
	}
	if after, _ := os.ReadFile(path); string(after) != string(raw) {
		t.Error("checking the damaged file wrote to it")
	}
}
