package tallytest

import (
	"context"
	"testing"

	"shuangyong/model"
)

// NewDuties builds the hand-computed ledger of the duty tables (today 2026-11-29; the default
// settings: 重点对象 = periodic-subsidy recipients, 享受中). Everyone is registered
// 2020-01-01 in 李家村.
//
//	K1 甲 残疾军人+参战退役军人 享受中 → 重点对象; phone 2026-03-31, phone 2025-12-31;
//	   confirmed 2026-05-10. Household H1 with K2.
//	K2 乙 烈士遗属 享受中; WeChat 2026-04-01, home 2026-05-10; confirmed 2025-12-20 (the year
//	   before: not for 2026). A plaque hung 2026-07-20 recorded while alone, then joins K1.
//	K3 丙 退役士兵 享受中, 停发 (on the roll); home 2026-10-15; confirmed 2026-10-15;
//	   plaque hung 2024-01-20, 待更换 2026-09-01.
//	K4 丁 退役士兵 享受中; home 2025-09-30, phone 2026-02-01; confirmed 2026-03-01; plaque
//	   hung 2025-07-20; dies 2026-06-30 (off the roll at the end of 2026).
//	K5 戊 退役士兵 享受中; phone 2026-10-10, confirmed 2026-03-01, plaque hung 2026-01-10;
//	   then trashed (counts nowhere).
//	N1 己 现役军人家属, marked 重点对象 by hand; nothing recorded (plaque 待悬挂).
//	N2 庚 退役士兵 享受中, marked not 重点对象; the roster's 光荣牌 flag (hung, no line).
//	R2 辛 病故军人遗属; plaque 不再更换 2026-02-01.
//	O1 壬 其他 (no plaque, no duties).
func NewDuties(t testing.TB) *Fixture {
	t.Helper()
	ctx := context.Background()
	s := Open(t)
	d := &Fixture{S: s, Village: map[string]int64{}, Person: map[string]int64{}, Unit: map[string]int64{},
		Event: map[string]int64{}, Visit: map[string]int64{}}
	Must(t, s.SaveSettings(ctx, model.Settings{Office: "青山镇", Operator: "王会计"}))
	Must(t, s.SaveVillages(ctx, []model.Village{{Name: "李家村"}}))
	vs, err := s.Villages(ctx)
	Must(t, err)
	for _, v := range vs {
		d.Village[v.Name] = v.ID
	}
	add := func(key, name string, p model.Person) {
		p.Name, p.VillageID, p.RegisteredOn = name, d.Village["李家村"], "2020-01-01"
		Must(t, s.CreatePerson(ctx, &p))
		d.Person[key] = p.ID
	}
	recv := model.SubsidyReceiving
	add("K1", "甲", model.Person{Categories: []string{model.CatDisabledSoldier, model.CatWarVeteran}, SubsidyStatus: recv,
		DisabilityNature: model.NatureWar, DisabilityGrade: 6})
	add("K2", "乙", model.Person{Categories: []string{model.CatMartyrFamily}, SubsidyStatus: recv})
	add("K3", "丙", model.Person{Categories: []string{model.CatVeteran}, SubsidyStatus: recv, Status: model.StatusStopped, StatusChangedOn: "2025-06-01"})
	add("K4", "丁", model.Person{Categories: []string{model.CatVeteran}, SubsidyStatus: recv})
	add("K5", "戊", model.Person{Categories: []string{model.CatVeteran}, SubsidyStatus: recv})
	add("N1", "己", model.Person{Categories: []string{model.CatServingFamily}, KeyMark: model.KeyYes})
	add("N2", "庚", model.Person{Categories: []string{model.CatVeteran}, SubsidyStatus: recv, KeyMark: model.KeyNo, HonourPlaque: true})
	add("R2", "辛", model.Person{Categories: []string{model.CatIllDeathFamily}})
	add("O1", "壬", model.Person{Categories: []string{model.CatOther}, CategoryOther: "其他人员"})

	contact := func(key, date, mode string) {
		t.Helper()
		_, err := s.RecordContact(ctx, d.Person[key], date, mode)
		Must(t, err)
	}
	confirm := func(key, date string) {
		t.Helper()
		Must(t, s.Confirm(ctx, &model.Confirmation{PersonID: d.Person[key], Date: date}))
	}
	plaque := func(key, state, date string) {
		t.Helper()
		Must(t, s.SetPlaque(ctx, &model.PlaqueRecord{PersonID: d.Person[key], State: state, Date: date}))
	}
	contact("K1", "2026-03-31", "phone")
	contact("K1", "2025-12-31", "phone")
	confirm("K1", "2026-05-10")
	contact("K2", "2026-04-01", "wechat")
	contact("K2", "2026-05-10", "home")
	confirm("K2", "2025-12-20")
	plaque("K2", model.PlaqueHung, "2026-07-20")
	Must(t, s.JoinHousehold(ctx, d.Person["K2"], d.Person["K1"]))
	contact("K3", "2026-10-15", "home")
	confirm("K3", "2026-10-15")
	plaque("K3", model.PlaqueHung, "2024-01-20")
	plaque("K3", model.PlaqueReplace, "2026-09-01")
	contact("K4", "2025-09-30", "home")
	contact("K4", "2026-02-01", "phone")
	confirm("K4", "2026-03-01")
	plaque("K4", model.PlaqueHung, "2025-07-20")
	k4, err := s.Person(ctx, d.Person["K4"])
	Must(t, err)
	k4.Status, k4.StatusChangedOn = model.StatusDead, "2026-06-30"
	Must(t, s.UpdatePerson(ctx, &k4))
	contact("K5", "2026-10-10", "phone")
	confirm("K5", "2026-03-01")
	plaque("K5", model.PlaqueHung, "2026-01-10")
	Must(t, s.TrashPerson(ctx, d.Person["K5"]))
	plaque("R2", model.PlaqueRetired, "2026-02-01")
	return d
}
