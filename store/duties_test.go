package store

import (
	"context"
	"testing"

	"shuangyong/model"
)

// dutiesFixture: 东村 with a periodic recipient (张三, a veteran, alone), a 烈属 household of
// two (李四 and 王五, 王五 no category), a recipient who died (赵六), a trashed recipient
// (钱七), and 孙八 (serving family, no subsidy) in 西村.
func dutiesFixture(t *testing.T) (*Store, map[string]int64) {
	t.Helper()
	s := openTest(t)
	v := mustVillages(t, s, "东村", "西村")
	ctx := context.Background()
	ids := map[string]int64{}
	add := func(p model.Person) {
		p = mustPerson(t, s, p)
		ids[p.Name] = p.ID
	}
	add(model.Person{Name: "张三", VillageID: v["东村"], Categories: []string{model.CatVeteran}, SubsidyStatus: model.SubsidyReceiving, RegisteredOn: "2020-01-01"})
	add(model.Person{Name: "李四", VillageID: v["东村"], Categories: []string{model.CatMartyrFamily}, RegisteredOn: "2020-01-01"})
	add(model.Person{Name: "王五", VillageID: v["东村"], RegisteredOn: "2020-01-01"})
	add(model.Person{Name: "赵六", VillageID: v["东村"], Categories: []string{model.CatWarVeteran}, SubsidyStatus: model.SubsidyReceiving,
		RegisteredOn: "2020-01-01", Status: model.StatusDead, StatusChangedOn: "2026-06-10"})
	add(model.Person{Name: "钱七", VillageID: v["东村"], Categories: []string{model.CatVeteran}, SubsidyStatus: model.SubsidyReceiving, RegisteredOn: "2020-01-01"})
	add(model.Person{Name: "孙八", VillageID: v["西村"], Categories: []string{model.CatServingFamily}, RegisteredOn: "2020-01-01"})
	if err := s.JoinHousehold(ctx, ids["王五"], ids["李四"]); err != nil {
		t.Fatal(err)
	}
	if err := s.TrashPerson(ctx, ids["钱七"]); err != nil {
		t.Fatal(err)
	}
	return s, ids
}

func dueNames(t *testing.T, s *Store, q DueQuery) map[string]DueRow {
	t.Helper()
	page, err := s.DueList(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]DueRow{}
	for _, r := range page.Rows {
		out[r.Name] = r
	}
	if page.Total != len(page.Rows) {
		t.Fatalf("total %d, rows %d", page.Total, len(page.Rows))
	}
	return out
}

func TestDueListDefaultsAndContacts(t *testing.T) {
	s, ids := dutiesFixture(t)
	ctx := context.Background()
	// Default rule: periodic recipients on the roll: 张三 only (赵六 dead, 钱七 trashed).
	due := dueNames(t, s, DueQuery{})
	if len(due) != 1 || !due["张三"].DueContact || !due["张三"].DueVisit || !due["张三"].Key {
		t.Fatalf("due = %+v", due)
	}
	// A phone contact in the quarter (Q4: 10-01..12-31) clears the contact, not the visit.
	if _, err := s.RecordContact(ctx, ids["张三"], "2026-10-01", ""); err != nil {
		t.Fatal(err)
	}
	due = dueNames(t, s, DueQuery{})
	if r := due["张三"]; r.DueContact || !r.DueVisit || r.LastContactMode != "phone" || r.LastVisitOn != "2026-10-01" {
		t.Fatalf("after the call: %+v", r)
	}
	if n := len(dueNames(t, s, DueQuery{Only: DueContact})); n != 0 {
		t.Fatalf("contact-due: %d", n)
	}
	// A contact on 09-30 would not have covered Q4: as of 10-01 the person is due again.
	due = dueNames(t, s, DueQuery{AsOf: "2027-01-01"})
	if r := due["张三"]; !r.DueContact || r.ContactDays != -89 {
		t.Fatalf("next quarter: %+v", r) // Q1 2027 ends 03-31: 89 days left, not overdue
	}
	// Never visited at home since registered (2020-01-01): overdue since the end of 2020.
	if r := dueNames(t, s, DueQuery{AsOf: "2027-01-05"})["张三"]; !r.DueVisit || r.VisitDays != 2196 || r.DaysOver != 2196 {
		t.Fatalf("visit overdue: %+v", r)
	}
	// Undo takes the call back: due again.
	if _, err := s.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if !dueNames(t, s, DueQuery{})["张三"].DueContact {
		t.Fatal("undo did not bring the contact due back")
	}
	// A home visit clears both.
	if err := s.RecordVisit(ctx, &model.Event{}, &model.Visit{PersonID: ids["张三"], Date: "2026-11-02", Mode: "home"}); err != nil {
		t.Fatal(err)
	}
	if n := len(dueNames(t, s, DueQuery{})); n != 0 {
		t.Fatalf("after a home visit: %d due", n)
	}
	// Next year: the visit of 2026-11-02 covered 2026; as of 2027-01-05 both are due, the
	// contact not overdue (Q1 open), the visit not overdue (2027 open).
	if r := dueNames(t, s, DueQuery{AsOf: "2027-01-05"})["张三"]; !r.DueVisit || r.VisitDays != -360 || r.ContactDays != -85 {
		t.Fatalf("2027: %+v", r)
	}
	// As of 2027-04-02, the contact missed Q1 (deadline 03-31): 2 days over.
	if r := dueNames(t, s, DueQuery{AsOf: "2027-04-02"})["张三"]; r.ContactDays != 2 || r.DaysOver != 2 {
		t.Fatalf("2027-04-02: %+v", r)
	}
}

func TestDueListRuleMarksAndText(t *testing.T) {
	s, ids := dutiesFixture(t)
	ctx := context.Background()
	st := model.DefaultDutySettings()
	st.KeyCategories = []string{model.CatMartyrFamily}
	if err := s.SaveDutySettings(ctx, st); err != nil {
		t.Fatal(err)
	}
	if err := s.SetKeyMark(ctx, ids["孙八"], model.KeyYes); err != nil {
		t.Fatal(err)
	}
	if err := s.SetKeyMark(ctx, ids["张三"], model.KeyNo); err != nil {
		t.Fatal(err)
	}
	due := dueNames(t, s, DueQuery{})
	if len(due) != 2 || due["李四"].ID == 0 || due["孙八"].ID == 0 {
		t.Fatalf("due = %v", due)
	}
	// Text as the 军属 list reads it: a village, pinyin initials.
	if got := dueNames(t, s, DueQuery{Text: "西村"}); len(got) != 1 || got["孙八"].ID == 0 {
		t.Fatalf("西村: %v", got)
	}
	if got := dueNames(t, s, DueQuery{Text: "ls"}); len(got) != 1 || got["李四"].ID == 0 {
		t.Fatalf("ls: %v", got)
	}
	// Others with a rule: everyone on the roll is listed.
	st.Others = model.DutyRule{ContactMonths: 12}
	if err := s.SaveDutySettings(ctx, st); err != nil {
		t.Fatal(err)
	}
	if got := dueNames(t, s, DueQuery{}); len(got) != 4 || got["张三"].Key || !got["张三"].DueContact || got["张三"].DueVisit {
		t.Fatalf("others: %+v", got)
	}
	// Bad settings: a message at the field, nothing saved.
	bad := st
	bad.Key.ContactMonths = 5
	err := s.SaveDutySettings(ctx, bad)
	if KindOf(err) != ErrInvalid {
		t.Fatalf("5 months: %v", err)
	}
	if got, _ := s.DutySettings(ctx); got.Key.ContactMonths != 3 {
		t.Fatalf("saved anyway: %+v", got)
	}
}

func TestPlaquesRegisterAndCampaign(t *testing.T) {
	s, ids := dutiesFixture(t)
	ctx := context.Background()
	list := func() map[int64]PlaqueRow {
		page, err := s.PlaqueList(ctx, PlaqueQuery{})
		if err != nil {
			t.Fatal(err)
		}
		out := map[int64]PlaqueRow{}
		for _, r := range page.Rows {
			out[r.ID] = r
		}
		return out
	}
	// Eligible: 张三 alone, 李四's household (listed under 李四), 孙八. Not 赵六 (dead), 钱七.
	got := list()
	if len(got) != 3 || got[ids["李四"]].Members != 1 || got[ids["张三"]].State != model.PlaquePending {
		t.Fatalf("missing plaques: %+v", got)
	}
	// A campaign of 光荣牌悬挂 over the missing households: a tick hangs the plaque.
	ev := model.Event{Date: "2026-07-20", Title: "八一悬挂光荣牌", StandardMoneyFen: 50000}
	n, err := s.CreateCampaignOf(ctx, CampaignPlaque, &ev, &RosterFilter{Duty: DutyPlaque})
	if err != nil || n != 3 || ev.Type != model.EventHonour || ev.StandardMoneyFen != 0 {
		t.Fatalf("campaign: %d %v %+v", n, err, ev)
	}
	if info, _ := s.Campaign(ctx, ev.ID); info.Kind != CampaignPlaque {
		t.Fatalf("kind %q", info.Kind)
	}
	v, err := s.Tick(ctx, ev.ID, ids["李四"], "2026-07-25")
	if err != nil {
		t.Fatal(err)
	}
	// 王五 shares the household: its plaque is hung.
	if p, _ := s.PlaqueOf(ctx, ids["王五"]); p.State != model.PlaqueHung || p.Date != "2026-07-25" || !p.Eligible {
		t.Fatalf("plaque after tick: %+v", p)
	}
	if got := list(); len(got) != 2 {
		t.Fatalf("after tick: %v", got)
	}
	// Untick (trash the visit): the plaque goes back to 待悬挂; restore brings it back.
	if err := s.TrashVisit(ctx, v.ID); err != nil {
		t.Fatal(err)
	}
	if p, _ := s.PlaqueOf(ctx, ids["李四"]); p.State != model.PlaquePending {
		t.Fatalf("after untick: %+v", p)
	}
	if err := s.RestoreVisit(ctx, v.ID); err != nil {
		t.Fatal(err)
	}
	if p, _ := s.PlaqueOf(ctx, ids["李四"]); p.State != model.PlaqueHung {
		t.Fatalf("after restore: %+v", p)
	}
	// Undo of a tick takes back the visit and the plaque in one step.
	if _, err := s.Tick(ctx, ev.ID, ids["张三"], "2026-07-26"); err != nil {
		t.Fatal(err)
	}
	if p, _ := s.PlaqueOf(ctx, ids["张三"]); p.State != model.PlaqueHung {
		t.Fatalf("张三: %+v", p)
	}
	res, err := s.Undo(ctx)
	if err != nil || res.Rows != 2 {
		t.Fatalf("undo: %+v %v", res, err)
	}
	if p, _ := s.PlaqueOf(ctx, ids["张三"]); p.State != model.PlaquePending {
		t.Fatalf("after undo: %+v", p)
	}
	// By hand: 待更换, then the state shows in the list of those to work on.
	r := model.PlaqueRecord{PersonID: ids["李四"], State: model.PlaqueReplace, Date: "2026-10-01", Note: "褪色"}
	if err := s.SetPlaque(ctx, &r); err != nil {
		t.Fatal(err)
	}
	if got := list(); got[ids["李四"]].State != model.PlaqueReplace {
		t.Fatalf("replace: %+v", got)
	}
	// Not eligible (王五 alone would be; 赵六 is dead): refused with a message.
	err = s.SetPlaque(ctx, &model.PlaqueRecord{PersonID: ids["赵六"], State: model.PlaqueHung, Date: "2026-10-01"})
	if KindOf(err) != ErrInvalid {
		t.Fatalf("dead veteran's plaque: %v", err)
	}
	// A roster's flag (光荣牌 column) counts as hung when nothing is recorded.
	p, _ := s.Person(ctx, ids["孙八"])
	p.HonourPlaque = true
	if err := s.UpdatePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	if info, _ := s.PlaqueOf(ctx, ids["孙八"]); info.State != model.PlaqueHung || info.Date != "" {
		t.Fatalf("flag: %+v", info)
	}
}

func TestConfirmationsAndVisitConfirm(t *testing.T) {
	s, ids := dutiesFixture(t)
	ctx := context.Background()
	names := func(state string) []string {
		page, err := s.ConfirmationList(ctx, ConfirmQuery{State: state})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range page.Rows {
			out = append(out, r.Name)
		}
		return out
	}
	if got := names(ConfirmToDo); len(got) != 1 || got[0] != "张三" {
		t.Fatalf("to do: %v", got)
	}
	// A visit confirms in the same step.
	ev := model.Event{}
	v := model.Visit{PersonID: ids["张三"], Date: "2026-03-31", Mode: "home"}
	c := model.Confirmation{}
	if err := s.RecordVisitConfirm(ctx, &ev, &v, &c); err != nil {
		t.Fatal(err)
	}
	if c.VisitID != v.ID || c.Method != model.ConfirmHome || c.ConfirmedBy != "测试员" {
		t.Fatalf("confirmation: %+v", c)
	}
	if got := names(ConfirmDone); len(got) != 1 {
		t.Fatalf("done: %v", got)
	}
	// A second confirmation for 2026 is refused, nothing saved.
	err := s.Confirm(ctx, &model.Confirmation{PersonID: ids["张三"], Date: "2026-05-01", Method: model.ConfirmVideo})
	if KindOf(err) != ErrInvalid {
		t.Fatalf("second: %v", err)
	}
	// Trashing the visit withdraws the confirmation; undo puts both back.
	if err := s.TrashVisit(ctx, v.ID); err != nil {
		t.Fatal(err)
	}
	if got := names(ConfirmToDo); len(got) != 1 {
		t.Fatalf("after trash: %v", got)
	}
	if _, err := s.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if got := names(ConfirmDone); len(got) != 1 {
		t.Fatalf("after undo: %v", got)
	}
	// A 年度确认 campaign's tick confirms.
	p, _ := s.Person(ctx, ids["孙八"])
	p.SubsidyStatus = model.SubsidyReceiving
	if err := s.UpdatePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	camp := model.Event{Date: "2026-11-01", Title: "2026年度确认"}
	n, err := s.CreateCampaignOf(ctx, CampaignConfirm, &camp, &RosterFilter{Duty: DutyUnconfirmed})
	if err != nil || n != 1 {
		t.Fatalf("confirm campaign: %d %v", n, err)
	}
	if _, err := s.Tick(ctx, camp.ID, ids["孙八"], "2026-11-20"); err != nil {
		t.Fatal(err)
	}
	cs, _ := s.ConfirmationsOf(ctx, ids["孙八"])
	if len(cs) != 1 || cs[0].Date != "2026-11-20" || cs[0].VisitID == 0 {
		t.Fatalf("tick confirmation: %+v", cs)
	}
	if got := names(ConfirmToDo); len(got) != 0 {
		t.Fatalf("still to do: %v", got)
	}
	// Purging the person takes their confirmations with them.
	if err := s.TrashPerson(ctx, ids["孙八"]); err != nil {
		t.Fatal(err)
	}
	if err := s.Purge(ctx, EntPerson, ids["孙八"]); err != nil {
		t.Fatal(err)
	}
}

// TestKeyRuleThreeWays holds the 重点对象 rule together: model.IsKey, KeySQL (the tally's)
// and the due list's in-memory test.
func TestKeyRuleThreeWays(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	people := []model.Person{
		{Name: "甲", SubsidyStatus: model.SubsidyReceiving},
		{Name: "乙", SubsidyStatus: model.SubsidyReceiving, KeyMark: model.KeyNo},
		{Name: "丙", KeyMark: model.KeyYes},
		{Name: "丁", Categories: []string{model.CatMartyrFamily}},
		{Name: "戊", Categories: []string{model.CatDisabledSoldier}, DisabilityNature: model.NatureWar, DisabilityGrade: 3},
		{Name: "己", Categories: []string{model.CatDisabledSoldier}, DisabilityNature: model.NatureWar, DisabilityGrade: 7},
		{Name: "庚", LivesAlone: true},
		{Name: "辛", Assistance: "dibao"},
		{Name: "壬", Assistance: "tekun"},
		{Name: "癸", Categories: []string{model.CatVeteran}},
	}
	for i := range people {
		people[i].RegisteredOn = "2020-01-01"
		people[i] = mustPerson(t, s, people[i])
	}
	for _, st := range []model.DutySettings{
		model.DefaultDutySettings(),
		{KeyCategories: []string{model.CatMartyrFamily}, KeyMaxGrade: 4, Key: model.DutyRule{ContactMonths: 3}},
		{KeyLivesAlone: true, KeyAssistance: []string{"dibao", "tekun"}, Key: model.DutyRule{ContactMonths: 1}},
	} {
		if err := s.SaveDutySettings(ctx, st); err != nil {
			t.Fatal(err)
		}
		inSQL, err := QueryIDs(ctx, s.db, "SELECT p.id FROM people p WHERE "+KeySQL(st))
		if err != nil {
			t.Fatal(err)
		}
		sqlKey := map[int64]bool{}
		for _, id := range inSQL {
			sqlKey[id] = true
		}
		page, err := s.DueList(ctx, DueQuery{Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		listed := map[int64]bool{}
		for _, r := range page.Rows {
			listed[r.ID] = r.Key
		}
		for _, p := range people {
			want := st.IsKey(&p)
			if sqlKey[p.ID] != want || listed[p.ID] != want {
				t.Errorf("%s under %+v: IsKey %v, SQL %v, due list %v", p.Name, st, want, sqlKey[p.ID], listed[p.ID])
			}
		}
	}
}
