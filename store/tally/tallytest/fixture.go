// Package tallytest builds the small ledgers the tally and export tests check by hand.
package tallytest

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"shuangyong/model"
	"shuangyong/store"
)

// Now is the fixed "today" of the tally tests.
var Now = time.Date(2026, 11, 29, 10, 0, 0, 0, time.Local)

func Open(t testing.TB) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "台账.db"), store.Options{Operator: "测试员"})
	if err != nil {
		t.Fatal(err)
	}
	s.Now = func() time.Time { return Now }
	t.Cleanup(func() { s.Close() })
	return s
}

// IDFor makes a valid 18-digit ID number for a birth date and sequence.
func IDFor(birth string, seq int) string {
	first := "320102" + birth + string(rune('0'+seq/100%10)) + string(rune('0'+seq/10%10)) + string(rune('0'+seq%10))
	return first + string(model.IDCheckDigit(first))
}

// Fixture is a small ledger whose tally was worked out by hand (see the comments in
// tally.TestComputeFixture). Names index the records.
type Fixture struct {
	S       *store.Store
	Village map[string]int64
	Person  map[string]int64
	Unit    map[string]int64
	Event   map[string]int64
	Visit   map[string]int64
}

func Must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func (f *Fixture) addPerson(t testing.TB, key string, p model.Person) {
	t.Helper()
	if p.VillageID == 0 && p.Note != "" {
		p.VillageID = f.Village[p.Note]
		p.Note = ""
	}
	Must(t, f.S.CreatePerson(context.Background(), &p))
	f.Person[key] = p.ID
}

func (f *Fixture) addEvent(t testing.TB, key string, e model.Event) int64 {
	t.Helper()
	Must(t, f.S.CreateEvent(context.Background(), &e))
	f.Event[key] = e.ID
	return e.ID
}

// record saves a visit on its own (W1): its own 走访慰问 event.
func (f *Fixture) record(t testing.TB, key, person, date string, money, goods int64) {
	t.Helper()
	ev := model.Event{}
	v := model.Visit{PersonID: f.Person[person], Date: date, MoneyFen: money, GoodsValueFen: goods}
	Must(t, f.S.RecordVisit(context.Background(), &ev, &v))
	f.Visit[key] = v.ID
	f.Event["ev-"+key] = ev.ID
}

// tick adds a visit to a campaign event.
func (f *Fixture) tick(t testing.TB, key, event, person, date string, money, goods int64) {
	t.Helper()
	v := model.Visit{EventID: f.Event[event], PersonID: f.Person[person], Date: date, MoneyFen: money, GoodsValueFen: goods}
	Must(t, f.S.CreateVisit(context.Background(), &v))
	f.Visit[key] = v.ID
}

// New builds the hand-computed ledger:
//
// People (registered, status):
//
//	P1 张三  李家村 残疾军人+参战退役军人  2020-01-01 在册, household H1 with P2
//	P2 李四  李家村 烈士遗属                2020-01-01 在册, household H1
//	P3 王五  王庄村 退役士兵                2026-03-10 在册          (new in 2026)
//	P4 赵六  王庄村 退役士兵                2019-05-01 迁出 2026-06-30 (removed in 2026)
//	P5 孙七  李家村 现役军人家属            2018-01-01 在册          (not visited in 2026)
//	P6 周八  李家村 退役士兵                2021-01-01 在册, then trashed (after a visit)
//	P7 吴九  (no village) 在乡复员军人      2025-07-01 死亡 2025-12-01 (new and removed in 2025)
//
// Visits in 2026 (元): campaign E1 2026-01-20: V1 P1 500+200, V2 P2 500+200, V3 P3 on
// 2026-03-31 300; recorded on their own: V4 P1 2026-04-01 200, V5 P1 2026-09-30 0+100,
// V6 P6 2026-10-01 100, V7 P4 2026-05-05 100, V8 P2 2026-07-01 100 (trashed, and its event with it).
// In 2025: V9 P5 2025-12-31 400, V10 P4 2025-06-01 100.
//
// Events 2026: E10 联欢 02-14 200/80 人 5000元 鞋垫100双 (某部三连 慰问对象, 镇妇联 主办);
// E11 座谈会 06-30 30/10 标语20幅 (某部三连 共建, 共建企业 主办); E12 拥政爱民 07-01 50/50
// 宣传资料300份 (县消防救援站 主办, 镇妇联 慰问对象); E13 联欢 10-01 100/0 1000元 鞋垫176双;
// E14 宣传 11-29 标语80幅 + 标语3条; E15 座谈会 03-01 trashed. 2025: E16 联欢 08-01 40/20 200元.
func New(t testing.TB) *Fixture {
	t.Helper()
	ctx := context.Background()
	s := Open(t)
	f := &Fixture{S: s, Village: map[string]int64{}, Person: map[string]int64{}, Unit: map[string]int64{},
		Event: map[string]int64{}, Visit: map[string]int64{}}
	Must(t, s.SaveSettings(ctx, model.Settings{Office: "青山镇", Operator: "王会计"}))
	Must(t, s.SaveVillages(ctx, []model.Village{{Name: "李家村"}, {Name: "王庄村"}}))
	vs, err := s.Villages(ctx)
	Must(t, err)
	for _, v := range vs {
		f.Village[v.Name] = v.ID
	}
	for _, u := range []model.Unit{
		{Name: "某部三连", Kind: model.UnitStationed},
		{Name: "县消防救援站", Kind: model.UnitFireRescue},
		{Name: "镇妇联", Kind: model.UnitWomens},
		{Name: "共建企业", Kind: model.UnitEnterprise},
	} {
		Must(t, s.CreateUnit(ctx, &u))
		f.Unit[u.Name] = u.ID
	}

	f.addPerson(t, "P1", model.Person{Name: "张三", IDNumber: IDFor("19700101", 11), Phones: []string{"13812345678"},
		Address: "李家村3组12号", Note: "李家村", Categories: []string{model.CatDisabledSoldier, model.CatWarVeteran},
		DisabilityNature: model.NatureWar, DisabilityGrade: 6, Health: "高血压", RegisteredOn: "2020-01-01"})
	f.addPerson(t, "P2", model.Person{Name: "李四", IDNumber: IDFor("19720202", 22), Note: "李家村",
		Categories: []string{model.CatMartyrFamily}, RegisteredOn: "2020-01-01"})
	f.addPerson(t, "P3", model.Person{Name: "王五", IDNumber: IDFor("19800303", 31), Note: "王庄村",
		Categories: []string{model.CatVeteran}, RegisteredOn: "2026-03-10"})
	f.addPerson(t, "P4", model.Person{Name: "赵六", Note: "王庄村", Categories: []string{model.CatVeteran},
		RegisteredOn: "2019-05-01"})
	f.addPerson(t, "P5", model.Person{Name: "孙七", IDNumber: "11010519491231002X", Phones: []string{"13900001111"},
		Address: "李家村5组1号", Note: "李家村", Categories: []string{model.CatServingFamily}, RegisteredOn: "2018-01-01"})
	f.addPerson(t, "P6", model.Person{Name: "周八", Note: "李家村", Categories: []string{model.CatVeteran}, RegisteredOn: "2021-01-01"})
	f.addPerson(t, "P7", model.Person{Name: "吴九", Categories: []string{model.CatDemobilized}, RegisteredOn: "2025-07-01",
		Status: model.StatusDead, StatusChangedOn: "2025-12-01"})
	Must(t, s.JoinHousehold(ctx, f.Person["P2"], f.Person["P1"]))

	// 2025.
	f.record(t, "V9", "P5", "2025-12-31", 40000, 0)
	f.record(t, "V10", "P4", "2025-06-01", 10000, 0)
	f.addEvent(t, "E16", model.Event{Date: "2025-08-01", Type: model.EventGala, Participants: 40, MilitaryParticipants: 20, MoneyFen: 20000})

	// 2026 visits.
	f.addEvent(t, "E1", model.Event{Date: "2026-01-20", Type: model.EventVisit, Title: "2026年春节走访慰问", Occasion: "spring_festival"})
	f.tick(t, "V1", "E1", "P1", "2026-01-20", 50000, 20000)
	f.tick(t, "V2", "E1", "P2", "2026-01-20", 50000, 20000)
	f.tick(t, "V3", "E1", "P3", "2026-03-31", 30000, 0)
	f.record(t, "V4", "P1", "2026-04-01", 20000, 0)
	f.record(t, "V5", "P1", "2026-09-30", 0, 10000)
	f.record(t, "V6", "P6", "2026-10-01", 10000, 0)
	f.record(t, "V7", "P4", "2026-05-05", 10000, 0)
	f.record(t, "V8", "P2", "2026-07-01", 10000, 0)
	Must(t, s.TrashVisit(ctx, f.Visit["V8"]))
	Must(t, s.TrashPerson(ctx, f.Person["P6"]))
	// P4 moves out after the visit.
	p4, err := s.Person(ctx, f.Person["P4"])
	Must(t, err)
	p4.Status, p4.StatusChangedOn = model.StatusMovedOut, "2026-06-30"
	Must(t, s.UpdatePerson(ctx, &p4))

	// 2026 activities.
	u := f.Unit
	f.addEvent(t, "E10", model.Event{Date: "2026-02-14", Type: model.EventGala, Participants: 200, MilitaryParticipants: 80, MoneyFen: 500000,
		Units: []model.EventUnit{{UnitID: u["某部三连"], Role: "recipient"}, {UnitID: u["镇妇联"], Role: "host"}},
		Items: []model.Item{{Name: "鞋垫", Quantity: 100, Unit: "双"}}})
	f.addEvent(t, "E11", model.Event{Date: "2026-06-30", Type: model.EventForum, Participants: 30, MilitaryParticipants: 10,
		Units: []model.EventUnit{{UnitID: u["某部三连"], Role: "partner"}, {UnitID: u["共建企业"], Role: "host"}},
		Items: []model.Item{{Name: "标语", Quantity: 20, Unit: "幅"}}})
	f.addEvent(t, "E12", model.Event{Date: "2026-07-01", Type: model.EventArmyForLocal, Participants: 50, MilitaryParticipants: 50,
		Units: []model.EventUnit{{UnitID: u["县消防救援站"], Role: "host"}, {UnitID: u["镇妇联"], Role: "recipient"}},
		Items: []model.Item{{Name: "宣传资料", Quantity: 300, Unit: "份"}}})
	f.addEvent(t, "E13", model.Event{Date: "2026-10-01", Type: model.EventGala, Participants: 100, MoneyFen: 100000,
		Items: []model.Item{{Name: "鞋垫", Quantity: 176, Unit: "双"}}})
	f.addEvent(t, "E14", model.Event{Date: "2026-11-29", Type: model.EventPublicity,
		Items: []model.Item{{Name: "标语", Quantity: 80, Unit: "幅"}, {Name: "标语", Quantity: 3, Unit: "条"}}})
	f.addEvent(t, "E15", model.Event{Date: "2026-03-01", Type: model.EventForum, Participants: 99})
	Must(t, s.TrashEvent(ctx, f.Event["E15"]))
	return f
}
