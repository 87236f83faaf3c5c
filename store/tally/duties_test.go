package tally

import (
	"context"
	"database/sql"
	"testing"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/store/tally/tallytest"
)

// dutyLedger is the hand-computed ledger of the duty tables (today 2026-11-29; the default
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
type dutyLedger struct {
	s      *store.Store
	person map[string]int64
}

func newDutyLedger(t *testing.T) dutyLedger {
	t.Helper()
	s, v := newLedger(t)
	ctx := context.Background()
	d := dutyLedger{s: s, person: map[string]int64{}}
	add := func(key, name string, p model.Person) {
		p.Name, p.VillageID, p.RegisteredOn = name, v["李家村"], "2020-01-01"
		tallytest.Must(t, s.CreatePerson(ctx, &p))
		d.person[key] = p.ID
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
		_, err := s.RecordContact(ctx, d.person[key], date, mode)
		tallytest.Must(t, err)
	}
	confirm := func(key, date string) {
		t.Helper()
		tallytest.Must(t, s.Confirm(ctx, &model.Confirmation{PersonID: d.person[key], Date: date}))
	}
	plaque := func(key, state, date string) {
		t.Helper()
		tallytest.Must(t, s.SetPlaque(ctx, &model.PlaqueRecord{PersonID: d.person[key], State: state, Date: date}))
	}
	contact("K1", "2026-03-31", "phone")
	contact("K1", "2025-12-31", "phone")
	confirm("K1", "2026-05-10")
	contact("K2", "2026-04-01", "wechat")
	contact("K2", "2026-05-10", "home")
	confirm("K2", "2025-12-20")
	plaque("K2", model.PlaqueHung, "2026-07-20")
	tallytest.Must(t, s.JoinHousehold(ctx, d.person["K2"], d.person["K1"]))
	contact("K3", "2026-10-15", "home")
	confirm("K3", "2026-10-15")
	plaque("K3", model.PlaqueHung, "2024-01-20")
	plaque("K3", model.PlaqueReplace, "2026-09-01")
	contact("K4", "2025-09-30", "home")
	contact("K4", "2026-02-01", "phone")
	confirm("K4", "2026-03-01")
	plaque("K4", model.PlaqueHung, "2025-07-20")
	k4, err := s.Person(ctx, d.person["K4"])
	tallytest.Must(t, err)
	k4.Status, k4.StatusChangedOn = model.StatusDead, "2026-06-30"
	tallytest.Must(t, s.UpdatePerson(ctx, &k4))
	contact("K5", "2026-10-10", "phone")
	confirm("K5", "2026-03-01")
	plaque("K5", model.PlaqueHung, "2026-01-10")
	tallytest.Must(t, s.TrashPerson(ctx, d.person["K5"]))
	plaque("R2", model.PlaqueRetired, "2026-02-01")
	return d
}

// computeAsOf computes a period's tally as if today were asOf.
func computeAsOf(t *testing.T, s *store.Store, p model.Period, asOf string) model.Tally {
	t.Helper()
	var tl model.Tally
	tallytest.Must(t, s.ReadTx(context.Background(), func(tx *sql.Tx) error {
		var err error
		tl, err = ComputeIn(context.Background(), tx, p, asOf)
		return err
	}))
	return tl
}

func contactRows(ct model.ContactTally) map[string]model.ContactRow {
	out := map[string]model.ContactRow{}
	for _, r := range ct.Rows {
		out[r.Category] = r
	}
	return out
}

func TestDutiesFixture(t *testing.T) {
	d := newDutyLedger(t)
	ctx := context.Background()
	row := func(cat string, key, q, y, h int) model.ContactRow {
		return model.ContactRow{Category: cat, Key: key, Quarter: q, Year: y, Home: h}
	}
	for _, c := range []struct {
		name     string
		period   model.Period
		asOf     string
		quarter  int
		total    model.ContactRow
		rows     []model.ContactRow
		plaques  model.PlaqueTally
		confirms model.ConfirmTally
	}{
		{
			// K4 died and K5 is trashed: neither counts. Q4: only K3 (10-15).
			name: "2026", period: model.YearPeriod(2026), asOf: "2026-11-29", quarter: 4,
			total: row("", 4, 1, 3, 2),
			rows: []model.ContactRow{row(model.CatDisabledSoldier, 1, 0, 1, 0), row(model.CatMartyrFamily, 1, 0, 1, 1),
				row(model.CatWarVeteran, 1, 0, 1, 0), row(model.CatServingFamily, 1, 0, 0, 0), row(model.CatVeteran, 1, 1, 1, 1)},
			// H1 (the line recorded for K2 alone follows K2 in), K3 待更换, N1 none, N2 the
			// flag, R2 不再更换; K4's household ended with his death.
			plaques:  model.PlaqueTally{Households: 5, Hung: 2, Pending: 1, Replace: 1, Retired: 1},
			confirms: model.ConfirmTally{Year: 2026, ToConfirm: 4, Confirmed: 2},
		},
		{
			// As on 2026-04-10: the second quarter counts; K1's 03-31 is the first quarter's,
			// K2's 04-01 the second's.
			name: "2026 in April", period: model.YearPeriod(2026), asOf: "2026-04-10", quarter: 2,
			total: row("", 4, 1, 3, 2),
			rows: []model.ContactRow{row(model.CatDisabledSoldier, 1, 0, 1, 0), row(model.CatMartyrFamily, 1, 1, 1, 1),
				row(model.CatWarVeteran, 1, 0, 1, 0), row(model.CatServingFamily, 1, 0, 0, 0), row(model.CatVeteran, 1, 0, 1, 1)},
			plaques:  model.PlaqueTally{Households: 5, Hung: 2, Pending: 1, Replace: 1, Retired: 1},
			confirms: model.ConfirmTally{Year: 2026, ToConfirm: 4, Confirmed: 2},
		},
		{
			// As at the end of 2025: K4 on the roll; lines dated 2026 do not count (H1 and
			// R2 had none yet, K3 still hung); only K2's confirmation is of 2025.
			name: "2025", period: model.YearPeriod(2025), asOf: "2026-11-29", quarter: 4,
			total: row("", 5, 1, 2, 1),
			rows: []model.ContactRow{row(model.CatDisabledSoldier, 1, 1, 1, 0), row(model.CatMartyrFamily, 1, 0, 0, 0),
				row(model.CatWarVeteran, 1, 1, 1, 0), row(model.CatServingFamily, 1, 0, 0, 0), row(model.CatVeteran, 2, 0, 1, 1)},
			plaques:  model.PlaqueTally{Households: 6, Hung: 3, Pending: 3},
			confirms: model.ConfirmTally{Year: 2025, ToConfirm: 5, Confirmed: 1},
		},
		{
			// A range counts as at the end of its last year.
			name: "2024-2026", period: model.Period{From: 2024, To: 2026}, asOf: "2026-11-29", quarter: 4,
			total: row("", 4, 1, 3, 2),
			rows: []model.ContactRow{row(model.CatDisabledSoldier, 1, 0, 1, 0), row(model.CatMartyrFamily, 1, 0, 1, 1),
				row(model.CatWarVeteran, 1, 0, 1, 0), row(model.CatServingFamily, 1, 0, 0, 0), row(model.CatVeteran, 1, 1, 1, 1)},
			plaques:  model.PlaqueTally{Households: 5, Hung: 2, Pending: 1, Replace: 1, Retired: 1},
			confirms: model.ConfirmTally{Year: 2026, ToConfirm: 4, Confirmed: 2},
		},
	} {
		type result struct {
			name string
			t    model.Tally
		}
		var results []result
		results = append(results, result{"packed", computeAsOf(t, d.s, c.period, c.asOf)})
		rowByRow = true
		results = append(results, result{"row by row", computeAsOf(t, d.s, c.period, c.asOf)})
		rowByRow = false
		if c.asOf == tallytest.Now.Format("2006-01-02") {
			// On snapshots, the duty records read on the second transaction.
			tl, err := ComputePeriod(ctx, d.s, c.period)
			tallytest.Must(t, err)
			results = append(results, result{"two transactions", tl})
		}
		for _, r := range results {
			tl, path := r.t, r
			if tl.Contacts.Quarter != c.quarter || tl.Contacts.Year != c.period.To {
				t.Errorf("%s, %s: quarter %d of %d, want %d of %d", c.name, path.name, tl.Contacts.Quarter, tl.Contacts.Year, c.quarter, c.period.To)
			}
			if tl.Contacts.Total != c.total {
				t.Errorf("%s, %s: contacts total %+v, want %+v", c.name, path.name, tl.Contacts.Total, c.total)
			}
			got := contactRows(tl.Contacts)
			if len(got) != len(c.rows) {
				t.Errorf("%s, %s: contact rows %+v, want %+v", c.name, path.name, tl.Contacts.Rows, c.rows)
			}
			for _, want := range c.rows {
				if got[want.Category] != want {
					t.Errorf("%s, %s: row %s %+v, want %+v", c.name, path.name, want.Category, got[want.Category], want)
				}
			}
			if tl.Plaques != c.plaques {
				t.Errorf("%s, %s: plaques %+v, want %+v", c.name, path.name, tl.Plaques, c.plaques)
			}
			if tl.Confirmations != c.confirms {
				t.Errorf("%s, %s: confirmations %+v, want %+v", c.name, path.name, tl.Confirmations, c.confirms)
			}
		}
	}
}

// The 重点对象 rule as it stands counts: marking 残疾军人 as 重点对象 in the settings adds K1's
// categories' people at once; 停发 K3 stays.
func TestDutiesFollowTheSettings(t *testing.T) {
	d := newDutyLedger(t)
	ctx := context.Background()
	tallytest.Must(t, d.s.SaveDutySettings(ctx, model.DutySettings{KeyCategories: []string{model.CatServingFamily, model.CatIllDeathFamily},
		Key: model.DutyRule{ContactMonths: 3, VisitMonths: 12}}))
	tl := computeAsOf(t, d.s, model.YearPeriod(2026), "2026-11-29")
	// N1 (marked yes, and 现役军人家属) and R2 (病故军人遗属); N2 is marked no.
	if want := (model.ContactRow{Key: 2}); tl.Contacts.Total != want {
		t.Errorf("contacts %+v, want %+v", tl.Contacts.Total, want)
	}
	// The recipients to confirm do not depend on the rule.
	if tl.Confirmations.ToConfirm != 4 {
		t.Errorf("to confirm %d, want 4", tl.Confirmations.ToConfirm)
	}
}
