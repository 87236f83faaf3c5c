package families

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/ui/internal/uitest"
)

// The person's table places every field the form edits: in a section of the detail, or
// shown some other way (the list's columns each filled by exactly one field).
func TestPersonTablePlacesEveryField(t *testing.T) {
	hs := newHarness(t, uitest.Seeded(t), 120, 40)
	fs := hs.m.personTable(model.Person{}, personView{})
	elsewhere := map[string]bool{
		"Name": true, "Household": true, "HouseholdWith": true, // the title; the household section
		"SubsidyFrom": true, "SubsidyTo": true, // in 定期抚恤补助's text
	}
	keys := map[string]bool{}
	cols := make([]int, colVisit+1)
	for _, f := range fs {
		if keys[f.Key] {
			t.Errorf("%s is twice in the table", f.Key)
		}
		keys[f.Key] = true
		if f.Set != nil && f.section == notInDetail && !elsewhere[f.Key] {
			t.Errorf("the form has %s but the detail does not show it", f.Key)
		}
		if f.Column != nil {
			cols[f.col]++
		}
	}
	for i, n := range cols {
		if n != 1 {
			t.Errorf("list column %d is filled by %d fields", i, n)
		}
	}
}

// The detail shows every field of the table with a value, in its section: a disability
// certificate number too when the person no longer holds a disability category.
func TestDetailShowsEveryFilledField(t *testing.T) {
	s := uitest.Seeded(t)
	ctx := context.Background()
	vs, _ := s.Villages(ctx)
	p := model.Person{Name: "钱十一", Sex: "F", BirthDate: "1950-03-04", Ethnicity: "回族",
		IDNumber: uitest.ID("430524", "19500304", "002"), Phones: []string{"13900001111"}, ContactNote: "女儿代接",
		VillageID: vs[0].ID, Address: "一组8号", HukouType: model.HukouTypes[0].Code,
		Categories: []string{model.CatOther}, CategoryOther: "其他说明", DisabilityCertNo: "证123",
		Relation: model.Relations[0].Code, ServicemanName: "钱军", Rank: model.Ranks[0].Code,
		ServiceStatus: model.ServiceStatuses[0].Code, ServiceUnit: "某部", EnlistedOn: "1968-03", DischargedOn: "1973-01",
		SubsidyStatus: model.SubsidyStatuses[0].Code, SubsidyFrom: 2019, PairingCadre: "孙干部",
		SelfCare: model.SelfCareLevels[0].Code, Assistance: model.Assistances[0].Code, LivesAlone: true,
		Health: "健康说明", Conditions: "生活说明", HonourPlaque: true, PreferentialCard: true,
		Status: model.StatusActive, RegisteredOn: "2020-01-02", Note: "备注说明"}
	if err := s.CreatePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	hs := newHarness(t, s, 120, 80)
	hs.typeText("钱十一")
	hs.keyType(tea.KeyEnter)
	v := hs.view()
	for _, want := range []string{"回族", "女儿代接", "一组8号", vs[0].Name, "其他说明", "证123", "钱军", "某部", "1968-03", "1973-01",
		"2019-", "孙干部", "健康说明", "生活说明", "备注说明", "2020-01-02", "139****1111",
		model.HukouTypes[0].Label(model.Zh), model.Relations[0].Label(model.Zh), model.Ranks[0].Label(model.Zh),
		model.ServiceStatuses[0].Label(model.Zh), model.SelfCareLevels[0].Label(model.Zh), model.Assistances[0].Label(model.Zh)} {
		if !strings.Contains(v, want) {
			t.Errorf("detail lacks %q:\n%s", want, v)
		}
	}
	for _, label := range []string{"伤残性质", "残疾军人证号", "独居           是", "光荣牌         是", "优待证         是"} {
		if !strings.Contains(v, label) {
			t.Errorf("detail lacks %q", label)
		}
	}
	if strings.Contains(v, "烈士（牺牲、病故军人）姓名") {
		t.Error("the detail shows the martyr's fields of someone who is no survivor and has none")
	}
}

// A detail longer than the screen says on its last row how many lines are below, and on
// its first how many are above once scrolled, until either end is reached (the household
// and the record's dates come after the visits). The arrows scroll it a line.
func TestDetailSaysMoreBelow(t *testing.T) {
	hs := newHarness(t, uitest.Seeded(t), 80, 24)
	hs.typeText("张三")
	hs.keyType(tea.KeyEnter)
	v := hs.view()
	n := hs.m.detail().body.Len() // the lines are made for the width drawn
	rows := hs.h - 2              // under the title and its rule
	below := fmt.Sprintf("...下面还有 %d 行（PgDn 查看）", n-(rows-1))
	if !strings.Contains(v, below) || strings.Contains(v, "上面还有") {
		t.Errorf("a cut detail does not say %q:\n%s", below, v)
	}
	hs.keyType(tea.KeyDown)
	if v := hs.view(); !strings.Contains(v, "...上面还有 1 行（PgUp 查看）") {
		t.Errorf("a line down:\n%s", v)
	}
	hs.keyType(tea.KeyEnd)
	above := fmt.Sprintf("...上面还有 %d 行（PgUp 查看）", n-(rows-1))
	if v := hs.view(); strings.Contains(v, "下面还有") || !strings.Contains(v, "最后修改") || !strings.Contains(v, above) {
		t.Errorf("the end of the detail does not say %q:\n%s", above, v)
	}
	hs.keyType(tea.KeyHome)
	if v := hs.view(); strings.Contains(v, "上面还有") || !strings.Contains(v, below) {
		t.Errorf("back at the top:\n%s", v)
	}
}
