package model

import (
	"slices"
	"strings"
	"testing"
)

// goodPerson is a complete, valid record.
func goodPerson() *Person {
	return &Person{
		Name:             "张三",
		IDNumber:         "110101199003072316",
		Phones:           []string{"13800138000"},
		Categories:       []string{CatDisabledSoldier, CatWarVeteran},
		DisabilityNature: NatureWar,
		DisabilityGrade:  6,
		Relation:         "self",
		Rank:             RankConscript,
		EnlistedOn:       "2008-12",
		DischargedOn:     "2010-12",
		SubsidyStatus:    "receiving",
		SubsidyFrom:      2011,
	}
}

func codes(ps []Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Field+":"+p.Code)
	}
	return out
}

func TestValidatePersonGood(t *testing.T) {
	p := goodPerson()
	p.Name = " 张 三 "
	p.IDNumber = "11010119900307231６"
	p.Phones = []string{"138 0013 8000，0571-88886666", "13800138000"}
	p.EnlistedOn = "2008年12月"
	ps := ValidatePerson(p, today)
	if !ps.OK() || len(ps.Gaps) != 0 {
		t.Fatalf("errors %v gaps %v", codes(ps.Errors), codes(ps.Gaps))
	}
	if p.Name != "张三" || p.IDNumber != "110101199003072316" || p.BirthDate != "1990-03-07" || p.Sex != "M" {
		t.Errorf("not normalised: %+v", p)
	}
	if !slices.Equal(p.Phones, []string{"13800138000", "0571-88886666"}) {
		t.Errorf("phones %q", p.Phones)
	}
	if p.EnlistedOn != "2008-12" || p.Status != StatusActive {
		t.Errorf("EnlistedOn %q Status %q", p.EnlistedOn, p.Status)
	}
	// Valid again after normalisation.
	if ps := ValidatePerson(p, today); !ps.OK() {
		t.Fatalf("second pass: %v", codes(ps.Errors))
	}
}

func TestValidatePersonIDDerivation(t *testing.T) {
	p := &Person{Name: "李四", IDNumber: "11010519491231002x", Categories: []string{CatVeteran}}
	if ps := ValidatePerson(p, today); !ps.OK() {
		t.Fatal(codes(ps.Errors))
	}
	if p.IDNumber != "11010519491231002X" || p.BirthDate != "1949-12-31" || p.Sex != "F" {
		t.Errorf("%+v", p)
	}
	p = &Person{Name: "李四", IDNumber: "610104620927690", Categories: []string{CatVeteran}}
	if ps := ValidatePerson(p, today); !ps.OK() || p.IDNumber != "610104196209276908" {
		t.Fatalf("15-digit: %v %q", codes(ps.Errors), p.IDNumber)
	}
	// Agreeing values are fine, in any date format.
	p = &Person{Name: "李四", IDNumber: "11010519491231002X", BirthDate: "1949/12/31", Sex: "F", Categories: []string{CatVeteran}}
	if ps := ValidatePerson(p, today); !ps.OK() || p.BirthDate != "1949-12-31" {
		t.Fatal(codes(ps.Errors))
	}
	// Disagreeing ones are errors.
	p = &Person{Name: "李四", IDNumber: "11010519491231002X", BirthDate: "1950-01-01", Sex: "M", Categories: []string{CatVeteran}}
	ps := ValidatePerson(p, today)
	if got := codes(ps.Errors); !slices.Equal(got, []string{"BirthDate:mismatch", "Sex:mismatch"}) {
		t.Fatalf("errors %v", got)
	}
}

func TestValidatePersonErrors(t *testing.T) {
	tests := []struct {
		name   string
		modify func(p *Person)
		want   string // Field:Code
	}{
		{"empty name", func(p *Person) { p.Name = "" }, "Name:required"},
		{"long name", func(p *Person) { p.Name = strings.Repeat("张", 200) }, "Name:too_long"},
		{"damaged name", func(p *Person) { p.Name = "张\ufffd" }, "Name:damaged"},
		{"bad ID", func(p *Person) { p.IDNumber = "110101199003072317" }, "IDNumber:checksum"},
		{"excel ID", func(p *Person) { p.IDNumber = "1.10101E+17" }, "IDNumber:excel"},
		{"bad phone", func(p *Person) { p.Phones = []string{"1380013800"} }, "Phones:length"},
		{"unknown category", func(p *Person) { p.Categories = []string{"alien"} }, "Categories:unknown"},
		{"empty category", func(p *Person) { p.Categories = []string{""} }, "Categories:unknown"},
		{"duplicate category", func(p *Person) { p.Categories = []string{CatVeteran, CatVeteran} }, "Categories:duplicate"},
		{"unknown nature", func(p *Person) { p.DisabilityNature = "因战" }, "DisabilityNature:unknown"},
		{"unknown relation", func(p *Person) { p.Relation = "cousin" }, "Relation:unknown"},
		{"unknown martyr relation", func(p *Person) { p.MartyrRelation = "self" }, "MartyrRelation:unknown"},
		{"unknown rank", func(p *Person) { p.Rank = "general" }, "Rank:unknown"},
		{"unknown service status", func(p *Person) { p.ServiceStatus = "x" }, "ServiceStatus:unknown"},
		{"unknown subsidy", func(p *Person) { p.SubsidyStatus = "x" }, "SubsidyStatus:unknown"},
		{"unknown status", func(p *Person) { p.Status = "x" }, "Status:unknown"},
		{"unknown sex", func(p *Person) { p.IDNumber = ""; p.Sex = "男" }, "Sex:unknown"},
		{"unknown hukou", func(p *Person) { p.HukouType = "x" }, "HukouType:unknown"},
		{"unknown self-care", func(p *Person) { p.SelfCare = "x" }, "SelfCare:unknown"},
		{"unknown assistance", func(p *Person) { p.Assistance = "x" }, "Assistance:unknown"},
		{"grade 11", func(p *Person) { p.DisabilityGrade = 11 }, "DisabilityGrade:range"},
		{"grade -1", func(p *Person) { p.DisabilityGrade = -1 }, "DisabilityGrade:range"},
		{"illness for an officer", func(p *Person) { p.DisabilityNature = NatureIllness; p.Rank = RankOfficer }, "DisabilityNature:not_allowed"},
		{"illness for a senior NCO", func(p *Person) { p.DisabilityNature = NatureIllness; p.Rank = RankSeniorNCO }, "DisabilityNature:not_allowed"},
		{"bad birth date", func(p *Person) { p.IDNumber = ""; p.BirthDate = "1990-02-30" }, "BirthDate:date"},
		{"future birth date", func(p *Person) { p.IDNumber = ""; p.BirthDate = "2026-06-16" }, "BirthDate:future"},
		{"future enlistment", func(p *Person) { p.EnlistedOn = "2026-07" }, "EnlistedOn:future"},
		{"bad discharge", func(p *Person) { p.DischargedOn = "2010-13" }, "DischargedOn:date"},
		{"discharge before enlistment", func(p *Person) { p.DischargedOn = "2008-11-30" }, "DischargedOn:order"},
		{"enlisted before birth", func(p *Person) { p.EnlistedOn = "1989-12" }, "EnlistedOn:order"},
		{"future registration", func(p *Person) { p.RegisteredOn = "2027-01-01" }, "RegisteredOn:future"},
		{"bad status date", func(p *Person) { p.StatusChangedOn = "2026-06" }, "StatusChangedOn:format"},
		{"subsidy backwards", func(p *Person) { p.SubsidyFrom = 2015; p.SubsidyTo = 2012 }, "SubsidyTo:order"},
		{"subsidy year", func(p *Person) { p.SubsidyFrom = 15 }, "SubsidyFrom:date"},
		{"demobilized too late", func(p *Person) {
			p.Categories = append(p.Categories, CatDemobilized)
			p.IDNumber = ""
			p.EnlistedOn = "1954-11-01"
			p.DischargedOn = ""
		}, "EnlistedOn:not_allowed"},
		{"demobilized month too late", func(p *Person) {
			p.Categories = []string{CatDemobilized}
			p.IDNumber = ""
			p.EnlistedOn = "1954-11"
			p.DischargedOn = ""
		}, "EnlistedOn:not_allowed"},
		{"martyr name with digits", func(p *Person) { p.MartyrName = "王1" }, "MartyrName:digits"},
		{"serviceman name control", func(p *Person) { p.ServicemanName = "王\x1b" }, "ServicemanName:control"},
		{"long note", func(p *Person) { p.Note = strings.Repeat("备", MaxLongText+1) }, "Note:too_long"},
		{"control in address", func(p *Person) { p.Address = "村\x1b[2J" }, "Address:control"},
		{"long other category", func(p *Person) { p.CategoryOther = strings.Repeat("其", 31) }, "CategoryOther:too_long"},
	}
	for _, tt := range tests {
		p := goodPerson()
		tt.modify(p)
		ps := ValidatePerson(p, today)
		got := codes(ps.Errors)
		if !slices.Contains(got, tt.want) {
			t.Errorf("%s: errors %v, want %s", tt.name, got, tt.want)
		}
		for _, e := range ps.Errors {
			if e.Zh == "" || e.En == "" {
				t.Errorf("%s: empty message %+v", tt.name, e)
			}
		}
	}
}

func TestValidatePersonDemobilizedOK(t *testing.T) {
	for _, enlisted := range []string{"1954-10-31", "1954-10", "1950-03", ""} {
		p := &Person{Name: "老兵", Categories: []string{CatDemobilized}, BirthDate: "1930-01-01", EnlistedOn: enlisted}
		if ps := ValidatePerson(p, today); !ps.OK() {
			t.Errorf("enlisted %q: %v", enlisted, codes(ps.Errors))
		}
	}
}

func TestValidatePersonGaps(t *testing.T) {
	tests := []struct {
		name string
		p    Person
		want []string
	}{
		{"no category", Person{Name: "张三"}, []string{"Categories:missing"}},
		{"disabled without nature and grade", Person{Name: "张三", Categories: []string{CatDisabledSoldier}},
			[]string{"DisabilityNature:missing", "DisabilityGrade:missing"}},
		{"militia without grade", Person{Name: "张三", Categories: []string{CatDisabledMilitia}, DisabilityNature: NatureDuty},
			[]string{"DisabilityGrade:missing"}},
		{"martyr family bare", Person{Name: "张三", Categories: []string{CatMartyrFamily}},
			[]string{"MartyrRelation:missing", "MartyrName:missing"}},
		{"duty death family without name", Person{Name: "张三", Categories: []string{CatDutyDeathFamily}, MartyrRelation: "mother"},
			[]string{"MartyrName:missing"}},
		{"illness death family without relation", Person{Name: "张三", Categories: []string{CatIllDeathFamily}, MartyrName: "张大"},
			[]string{"MartyrRelation:missing"}},
		{"serving family", Person{Name: "张三", Categories: []string{CatServingFamily}, Relation: "mother"},
			[]string{"ServicemanName:missing"}},
		{"other", Person{Name: "张三", Categories: []string{CatOther}}, []string{"CategoryOther:missing"}},
		{"complete", Person{Name: "张三", Categories: []string{CatMartyrFamily, CatServingFamily, CatOther},
			MartyrRelation: "father", MartyrName: "张大", ServicemanName: "张小", CategoryOther: "见义勇为"}, nil},
	}
	for _, tt := range tests {
		p := tt.p
		ps := ValidatePerson(&p, today)
		if !ps.OK() {
			t.Errorf("%s: a gap blocked saving: %v", tt.name, codes(ps.Errors))
		}
		if got := codes(ps.Gaps); !slices.Equal(got, tt.want) {
			t.Errorf("%s: gaps %v, want %v", tt.name, got, tt.want)
		}
		if got := codes(NeedsCompletion(&p)); !slices.Equal(got, tt.want) {
			t.Errorf("%s: NeedsCompletion %v, want %v", tt.name, got, tt.want)
		}
		for _, g := range ps.Gaps {
			if g.Zh == "" || g.En == "" {
				t.Errorf("%s: empty gap message %+v", tt.name, g)
			}
		}
		for _, e := range ps.Errors {
			for _, g := range ps.Gaps {
				if e.Field == g.Field {
					t.Errorf("%s: %s is both an error and a gap", tt.name, e.Field)
				}
			}
		}
	}
}

func TestIllnessGrades(t *testing.T) {
	for grade := 1; grade <= 10; grade++ {
		p := &Person{Name: "张三", Categories: []string{CatDisabledSoldier}, DisabilityNature: NatureIllness, DisabilityGrade: grade, Rank: RankJuniorNCO}
		ps := ValidatePerson(p, today)
		if !ps.OK() || len(ps.Gaps) != 0 {
			t.Errorf("因病 grade %d: errors %v gaps %v", grade, codes(ps.Errors), codes(ps.Gaps))
		}
		if got, want := NoPeriodicPension(p), grade >= 7; got != want {
			t.Errorf("因病 grade %d: NoPeriodicPension %v", grade, got)
		}
	}
	p := &Person{Name: "张三", Categories: []string{CatDisabledSoldier}, DisabilityNature: NatureIllness, DisabilityGrade: 7}
	if ps := ValidatePerson(p, today); !ps.OK() || !NoPeriodicPension(p) {
		t.Errorf("因病 七级 without rank: %v", codes(ps.Errors))
	}
	for _, nature := range []string{NatureWar, NatureDuty} {
		p := &Person{DisabilityNature: nature, DisabilityGrade: 8}
		if NoPeriodicPension(p) {
			t.Errorf("%s grade 8 receives a pension", nature)
		}
	}
	p = &Person{Name: "张三", Categories: []string{CatDisabledSoldier}, DisabilityNature: NatureIllness, DisabilityGrade: 11}
	if ps := ValidatePerson(p, today); ps.OK() || NoPeriodicPension(p) {
		t.Errorf("grade 11 accepted")
	}
}

func TestValidateUnit(t *testing.T) {
	u := &Unit{Name: " 某部三连 ", Kind: UnitStationed, ContactPhone: "0571 88886666 / 138 0013 8000", ContactName: "王连长"}
	ps := ValidateUnit(u)
	if !ps.OK() {
		t.Fatal(codes(ps.Errors))
	}
	if u.Name != "某部三连" || u.ContactPhone != "0571-88886666，13800138000" {
		t.Errorf("not normalised: %+v", u)
	}
	if ps := ValidateUnit(u); !ps.OK() {
		t.Fatalf("second pass: %v", codes(ps.Errors))
	}
	tests := []struct {
		u    Unit
		want string
	}{
		{Unit{Kind: UnitVillage}, "Name:required"},
		{Unit{Name: "  ", Kind: UnitVillage}, "Name:required"},
		{Unit{Name: strings.Repeat("单", 61), Kind: UnitVillage}, "Name:too_long"},
		{Unit{Name: "某村"}, "Kind:required"},
		{Unit{Name: "某村", Kind: "castle"}, "Kind:unknown"},
		{Unit{Name: "某村", Kind: UnitVillage, ContactPhone: "12345"}, "ContactPhone:length"},
		{Unit{Name: "某村", Kind: UnitVillage, Note: "\x1b[2J"}, "Note:control"},
	}
	for _, tt := range tests {
		u := tt.u
		if got := codes(ValidateUnit(&u).Errors); !slices.Contains(got, tt.want) {
			t.Errorf("%+v: errors %v, want %s", tt.u, got, tt.want)
		}
	}
}

func goodEvent() *Event {
	return &Event{
		Date: "2026-08-01", EndDate: "2026-08-02", Type: EventTroopVisit, Occasion: "army_day",
		Direction: DirToMilitary, Participants: 4000, MilitaryParticipants: 1800, MoneyFen: 1500000,
		Units: []EventUnit{{UnitID: 1, Role: "host"}, {UnitID: 2, Role: "recipient"}},
		Items: []Item{{Name: "鞋垫", Quantity: 276, Unit: "双"}, {Name: " 标语 ", Quantity: 100, Unit: "幅"}},
	}
}

func TestValidateEvent(t *testing.T) {
	e := goodEvent()
	e.Date = "2026/8/1"
	if ps := ValidateEvent(e, today); !ps.OK() {
		t.Fatal(codes(ps.Errors))
	}
	if e.Date != "2026-08-01" || e.Items[1].Name != "标语" {
		t.Errorf("not normalised: %+v", e)
	}
	tests := []struct {
		name   string
		modify func(e *Event)
		want   string
	}{
		{"no date", func(e *Event) { e.Date = "" }, "Date:required"},
		{"bad date", func(e *Event) { e.Date = "2026-02-30" }, "Date:date"},
		{"end before start", func(e *Event) { e.EndDate = "2026-07-31" }, "EndDate:order"},
		{"no type", func(e *Event) { e.Type = "" }, "Type:required"},
		{"bad type", func(e *Event) { e.Type = "party" }, "Type:unknown"},
		{"bad occasion", func(e *Event) { e.Occasion = "x" }, "Occasion:unknown"},
		{"bad direction", func(e *Event) { e.Direction = "x" }, "Direction:unknown"},
		{"negative participants", func(e *Event) { e.Participants = -1; e.MilitaryParticipants = 0 }, "Participants:negative"},
		{"negative military", func(e *Event) { e.MilitaryParticipants = -1 }, "MilitaryParticipants:negative"},
		{"more military than all", func(e *Event) { e.MilitaryParticipants = 4001 }, "MilitaryParticipants:range"},
		{"negative money", func(e *Event) { e.MoneyFen = -1 }, "MoneyFen:negative"},
		{"negative standard", func(e *Event) { e.StandardMoneyFen = -1 }, "StandardMoneyFen:negative"},
		{"negative goods standard", func(e *Event) { e.StandardGoodsFen = -1 }, "StandardGoodsFen:negative"},
		{"item without name", func(e *Event) { e.Items[0].Name = " " }, "Items:required"},
		{"negative item", func(e *Event) { e.Items[1].Quantity = -5 }, "Items:negative"},
		{"unit role", func(e *Event) { e.Units[0].Role = "boss" }, "Units:unknown"},
		{"unit without role", func(e *Event) { e.Units[0].Role = "" }, "Units:required"},
		{"unit without id", func(e *Event) { e.Units[0].UnitID = 0 }, "Units:required"},
		{"long title", func(e *Event) { e.Title = strings.Repeat("题", MaxLineText+1) }, "Title:too_long"},
	}
	for _, tt := range tests {
		e := goodEvent()
		tt.modify(e)
		if got := codes(ValidateEvent(e, today).Errors); !slices.Contains(got, tt.want) {
			t.Errorf("%s: errors %v, want %s", tt.name, got, tt.want)
		}
	}
	// Planned events may be in the future.
	e = goodEvent()
	e.Date, e.EndDate = "2027-02-10", ""
	if ps := ValidateEvent(e, today); !ps.OK() {
		t.Errorf("future event: %v", codes(ps.Errors))
	}
}

func TestValidateVisit(t *testing.T) {
	good := func() *Visit {
		return &Visit{EventID: 1, PersonID: 2, Date: "2026-06-15", Mode: "home", MoneyFen: 50000, GoodsValueFen: 20000, Goods: "米、油", FollowUpOn: "2026-09-01"}
	}
	v := good()
	v.Date = "20260615"
	if ps := ValidateVisit(v, today); !ps.OK() || v.Date != "2026-06-15" {
		t.Fatal(codes(ps.Errors), v.Date)
	}
	tests := []struct {
		name   string
		modify func(v *Visit)
		want   string
	}{
		{"no person", func(v *Visit) { v.PersonID = 0 }, "PersonID:required"},
		{"no event", func(v *Visit) { v.EventID = 0 }, "EventID:required"},
		{"no date", func(v *Visit) { v.Date = "" }, "Date:required"},
		{"future date", func(v *Visit) { v.Date = "2026-06-16" }, "Date:future"},
		{"bad mode", func(v *Visit) { v.Mode = "pigeon" }, "Mode:unknown"},
		{"negative money", func(v *Visit) { v.MoneyFen = -100 }, "MoneyFen:negative"},
		{"negative goods", func(v *Visit) { v.GoodsValueFen = -100 }, "GoodsValueFen:negative"},
		{"bad follow-up", func(v *Visit) { v.FollowUpOn = "2026-02-30" }, "FollowUpOn:date"},
		{"control in need", func(v *Visit) { v.Need = "\x1b]0;x\x07" }, "Need:control"},
	}
	for _, tt := range tests {
		v := good()
		tt.modify(v)
		if got := codes(ValidateVisit(v, today).Errors); !slices.Contains(got, tt.want) {
			t.Errorf("%s: errors %v, want %s", tt.name, got, tt.want)
		}
	}
}

// A child of a serving soldier may be born after the soldier enlisted: the enlistment
// date on the record is the soldier's, not the child's.
func TestEnlistmentComparedWithOwnBirthOnly(t *testing.T) {
	child := Person{Name: "李小军", BirthDate: "2015-03-01", Categories: []string{CatServingFamily},
		Relation: "child", ServicemanName: "李强", EnlistedOn: "2008-09"}
	if ps := ValidatePerson(&child, today); !ps.OK() {
		t.Errorf("child of a soldier refused: %v", ps.Errors)
	}
	self := Person{Name: "李强", BirthDate: "2015-03-01", Relation: "self", EnlistedOn: "2008-09"}
	if ps := ValidatePerson(&self, today); len(ps.For("EnlistedOn")) == 0 {
		t.Error("a servicemember enlisted before birth was accepted")
	}
}
