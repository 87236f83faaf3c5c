package families

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/ui/internal/uitest"
	"shuangyong/ui/tab"
)

// The birth date and sex filled in from an ID number follow a corrected ID; a birth
// date typed by hand is left alone (and the mismatch is reported).
func TestCorrectedIDRefillsBirthAndSex(t *testing.T) {
	hs := newHarness(t, uitest.Seeded(t), 120, 36)
	hs.keyType(tea.KeyF2)
	f := hs.m.pform().form
	hs.typeText("测试甲")
	hs.keyType(tea.KeyEnter)
	hs.typeText("11010519491231002x")
	hs.keyType(tea.KeyEnter)
	if f.Value("BirthDate") != "1949-12-31" || f.Value("Sex") != "F" {
		t.Fatalf("first ID: birth %q sex %q", f.Value("BirthDate"), f.Value("Sex"))
	}
	f.Focus("IDNumber")
	f.SetValue("IDNumber", "610104620927690") // an old 15-digit number: upgraded
	hs.keyType(tea.KeyEnter)
	if f.Value("BirthDate") != "1962-09-27" || f.Value("Sex") != "F" || f.Error("BirthDate") != "" {
		t.Fatalf("corrected ID: birth %q sex %q (%q)", f.Value("BirthDate"), f.Value("Sex"), f.Error("BirthDate"))
	}
	// A date typed by hand stays, and disagrees.
	f.SetValue("BirthDate", "1962-09-28")
	f.Focus("IDNumber")
	f.SetValue("IDNumber", uitest.ID("430524", "19800101", "123"))
	hs.keyType(tea.KeyEnter)
	if f.Value("BirthDate") != "1962-09-28" || f.Value("Sex") != "M" {
		t.Errorf("hand-typed birth date replaced: %q, sex %q", f.Value("BirthDate"), f.Value("Sex"))
	}
}

// A pasted 200-character name is cut at the longest name allowed and the message says
// it was.
func TestCutNameSaysSo(t *testing.T) {
	hs := newHarness(t, uitest.Seeded(t), 120, 36)
	hs.keyType(tea.KeyF2)
	hs.typeText(strings.Repeat("王", 200))
	hs.keyType(tea.KeyEnter)
	e := hs.m.pform().form.Error("Name")
	// Only the cut: the 30 characters kept are a name of the longest length allowed.
	if !strings.Contains(e, "输入了 200 个字") || !strings.Contains(e, "只保留了前 30 个") || strings.Contains(e, "姓名太长") {
		t.Fatalf("cut name message %q", e)
	}
}

// A second 张三 with the same birth date and no ID number is caught before it is saved,
// and the warning has no holes where fields are empty.
func TestDuplicateByNameAndBirth(t *testing.T) {
	s := uitest.Seeded(t)
	ctx := context.Background()
	first := model.Person{Name: "测试甲", BirthDate: "1950-03-01"}
	if err := s.CreatePerson(ctx, &first); err != nil {
		t.Fatal(err)
	}
	hs := newHarness(t, s, 120, 36)
	hs.keyType(tea.KeyF2)
	f := hs.m.pform().form
	hs.typeText("测试甲")
	f.Focus("BirthDate")
	hs.typeText("1950-03-01")
	hs.keyType(tea.KeyCtrlS)
	if hs.m.stack.Dialog == nil {
		t.Fatal("no duplicate warning")
	}
	v := hs.view()
	if !strings.Contains(v, "测试甲，1950-03-01 出生") || strings.Contains(v, "，，") || strings.Contains(v, "（）") {
		t.Errorf("duplicate warning:\n%s", v)
	}
}

// On a file without villages the village field says where they come from.
func TestVillageFieldPointsToSettings(t *testing.T) {
	hs := newHarness(t, uitest.Open(t), 120, 40)
	hs.keyType(tea.KeyF2)
	if v := hs.view(); !strings.Contains(v, "按 F9 在设置里添加") {
		t.Errorf("no hint about villages:\n%s", v)
	}
}

// The person form puts someone into another person's household, found by what was typed,
// in the same save; the detail then lists both.
func TestJoinHouseholdFromForm(t *testing.T) {
	s := uitest.Seeded(t)
	hs := newHarness(t, s, 120, 60)
	hs.keyType(tea.KeyF2)
	f := hs.m.pform().form
	hs.typeText("李秀兰")
	f.Focus("Household")
	hs.keyType(tea.KeyRight) // 与他人同户
	if f.Value("Household") != "join" {
		t.Fatalf("household choice %q", f.Value("Household"))
	}
	hs.keyType(tea.KeyEnter)
	if f.Focused() != "HouseholdWith" {
		t.Fatalf("focus %s after choosing to join", f.Focused())
	}
	hs.typeText("张")
	hs.keyType(tea.KeyCtrlS)
	if e := f.Error("HouseholdWith"); !strings.Contains(e, "找到") {
		t.Fatalf("several matches not reported at the field: %q (status %q)", e, hs.lastStatus())
	}
	f.Focus("HouseholdWith")
	f.SetValue("HouseholdWith", "李四")
	hs.keyType(tea.KeyCtrlS)
	if hs.m.mode() != modeDetail {
		t.Fatalf("not saved: %q / %q", f.Error("HouseholdWith"), hs.lastStatus())
	}
	if v := hs.view(); !strings.Contains(v, "同户成员") || !strings.Contains(v, "李四") {
		t.Errorf("detail does not list the household:\n%s", v)
	}
}

// A visit with no money and no goods is saved only after one question.
func TestEmptyAmountAsksOnce(t *testing.T) {
	s := uitest.Seeded(t)
	hs := newHarness(t, s, 120, 36)
	hs.typeText("李四")
	hs.keyType(tea.KeyF5)
	f := hs.m.vform().form
	f.SetValue("MoneyFen", "")
	hs.keyType(tea.KeyCtrlS)
	if hs.m.stack.Dialog == nil || !strings.Contains(hs.view(), "没有填写慰问金") {
		t.Fatal("no question about the empty amount")
	}
	hs.keyType(tea.KeyEnter) // 填写金额 (the default)
	if hs.m.mode() != modeVisitForm || f.Focused() != "MoneyFen" {
		t.Fatalf("did not go back to the amount: mode %d focus %s", hs.m.mode(), f.Focused())
	}
	hs.keyType(tea.KeyCtrlS)
	hs.keyType(tea.KeyLeft) // 按 0 元保存
	hs.keyType(tea.KeyEnter)
	if hs.m.mode() != modeList || !strings.Contains(hs.lastStatus(), "已登记走访") {
		t.Fatalf("not saved: mode %d status %q", hs.m.mode(), hs.lastStatus())
	}
}

// A visit is corrected from the person's detail: Enter lists their visits, Enter opens
// one, the amount is changed and saved, and the list and the file show the new amount.
func TestEditVisitFromPersonDetail(t *testing.T) {
	s := uitest.Seeded(t)
	hs := newHarness(t, s, 120, 36)
	hs.typeText("张三")
	hs.keyType(tea.KeyEnter)
	hs.keyType(tea.KeyEnter)
	v := hs.view()
	if !strings.Contains(v, "张三 的走访记录（共 1 次") || !strings.Contains(v, "800.00") {
		t.Fatalf("visits screen:\n%s", v)
	}
	hs.keyType(tea.KeyEnter)
	top, ok := hs.m.stack.Top().(interface{ Modal() bool })
	if !ok || !top.Modal() {
		t.Fatalf("the visit editor did not open:\n%s", hs.view())
	}
	f := hs.visitEditorForm()
	f.Focus("MoneyFen")
	f.SetValue("MoneyFen", "")
	hs.typeText("1200")
	hs.keyType(tea.KeyCtrlS)
	if v := hs.view(); !strings.Contains(v, "1,200.00") && !strings.Contains(v, "1200.00") {
		t.Fatalf("the list does not show the new amount (status %q):\n%s", hs.lastStatus(), v)
	}
	p := hs.m.detail().msg.person
	visits, _, err := s.VisitsOfPerson(context.Background(), p.ID, 0, 5)
	if err != nil || len(visits) != 1 || visits[0].MoneyFen != 120000 {
		t.Fatalf("stored %+v %v", visits, err)
	}
}

// F6 lists the open needs oldest first; F4 marks one resolved today, F5 records the
// follow-up visit for the person.
func TestFollowUpsWorkList(t *testing.T) {
	s := uitest.Seeded(t)
	hs := newHarness(t, s, 120, 36)
	hs.keyType(tea.KeyF6)
	v := hs.view()
	if !strings.Contains(v, "待办（1 项") || !strings.Contains(v, "屋顶漏雨") || !strings.Contains(v, "张三") {
		t.Fatalf("work list:\n%s", v)
	}
	hs.keyType(tea.KeyF5)
	if hs.m.mode() != modeVisitForm || hs.m.vform().person.Name != "张三" {
		t.Fatalf("F5 did not open 张三's visit form")
	}
	hs.keyType(tea.KeyEsc)
	// A visit to 张三 since: the need stays on the list, no longer late.
	_, cells, _ := hs.m.stack.Top().(*followUpsScreen).wl.Selected()
	if cells[5] != "逾期" {
		t.Fatalf("the need is not late to start with: %q", cells)
	}
	ev := model.Event{Date: "2026-11-20"}
	if err := s.RecordVisit(context.Background(), &ev, &model.Visit{PersonID: atoi64(cells[fuPerson]), Date: "2026-11-20", Mode: "phone"}); err != nil {
		t.Fatal(err)
	}
	hs.run(func() tea.Msg { return tab.ChangedMsg{From: tab.Events, Kinds: []tab.Kind{tab.KindVisit}} })
	if v := hs.view(); !strings.Contains(v, "屋顶漏雨") || !strings.Contains(v, "已回访") || strings.Contains(v, "逾期") {
		t.Errorf("after the follow-up visit:\n%s", v)
	}
	hs.keyType(tea.KeyF4)
	if !strings.Contains(hs.lastStatus(), "已标记解决：张三") {
		t.Errorf("status %q", hs.lastStatus())
	}
	if v := hs.view(); !strings.Contains(v, "没有待办") {
		t.Errorf("resolved need still listed:\n%s", v)
	}
}

// Ctrl+O imports a roster: the file chosen by typing its path, the columns checked, the
// dry run's report, then the import — and the list shows the people.
func TestImportRosterFromTheList(t *testing.T) {
	s := uitest.Seeded(t)
	dir := t.TempDir()
	csv := "XX镇优抚对象花名册\n序号,姓名,性别,公民身份号码,所在村,优抚类别\n" +
		"1,赵大山,男," + uitest.ID("430524", "19520304", "111") + ",李家村,烈属\n" +
		"2,钱小梅,女,1.10101E+17,李家村,三属\n" +
		"3,孙有才,男," + uitest.ID("430524", "19450607", "131") + ",王庄村,参战\n"
	path := filepath.Join(dir, "花名册.csv")
	if err := os.WriteFile(path, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	hs := newHarness(t, s, 120, 40)
	hs.key(tea.KeyMsg{Type: tea.KeyCtrlO})
	in := hs.view()
	if !strings.Contains(in, "导入花名册：选择文件") {
		t.Fatalf("no file chooser:\n%s", in)
	}
	top := hs.m.stack.Top()
	for range 400 { // clear the default folder typed in
		top.Update(tea.KeyMsg{Type: tea.KeyBackspace})
	}
	hs.typeText(dir + string(filepath.Separator))
	if v := hs.view(); !strings.Contains(v, "花名册.csv") {
		t.Fatalf("the folder's rosters are not offered:\n%s", v)
	}
	hs.keyType(tea.KeyEnter) // opens the file under the cursor
	if v := hs.view(); !strings.Contains(v, "核对每一列对应的内容") || !strings.Contains(v, "赵大山") {
		t.Fatalf("no mapping screen:\n%s", v)
	}
	hs.keyType(tea.KeyCtrlS)
	v := hs.view()
	if !strings.Contains(v, "检查结果（未写入）") || !strings.Contains(v, "新增 2 人") || !strings.Contains(v, "未通过 1 行") {
		t.Fatalf("dry run report:\n%s", v)
	}
	if page, _ := s.SearchPeople(context.Background(), store.PeopleQuery{Text: "赵大山"}); page.Total != 0 {
		t.Fatal("the dry run wrote")
	}
	hs.keyType(tea.KeyCtrlS)
	hs.keyType(tea.KeyEnter) // confirm
	if !strings.Contains(hs.lastStatus(), "已导入") {
		t.Fatalf("status %q:\n%s", hs.lastStatus(), hs.view())
	}
	hs.keyType(tea.KeyEsc)
	if hs.m.mode() != modeList {
		t.Fatalf("not back on the list")
	}
	if v := hs.view(); !strings.Contains(v, "共 8 人") {
		t.Errorf("the list was not refreshed:\n%s", v)
	}
}

// A row found by a field the list does not show says which: a family found by their
// serviceman's name is tagged [军人].
func TestMatchTagNamesHiddenField(t *testing.T) {
	s := uitest.Seeded(t)
	p := model.Person{Name: "周秀英", Relation: "mother", ServicemanName: "钱国栋", Categories: []string{model.CatServingFamily}}
	if err := s.CreatePerson(context.Background(), &p); err != nil {
		t.Fatal(err)
	}
	hs := newHarness(t, s, 120, 36)
	hs.typeText("钱国栋")
	if v := hs.view(); !strings.Contains(v, "周秀英[军人]") {
		t.Errorf("the match is not named:\n%s", v)
	}
	hs.keyType(tea.KeyEsc)
	hs.typeText("周秀英")
	if v := hs.view(); strings.Contains(v, "[") {
		t.Errorf("a name match is tagged:\n%s", v)
	}
}

// When only addresses or cadres match, the list says so.
func TestWeakMatchesSaySo(t *testing.T) {
	s := uitest.Seeded(t)
	hs := newHarness(t, s, 120, 36)
	hs.typeText("陈明轩") // 张三's pairing cadre, nobody's name
	v := hs.view()
	if !strings.Contains(v, "只有地址或结对干部相符") || !strings.Contains(v, "张三[干部]") {
		t.Errorf("weak matches not said:\n%s", v)
	}
}

// Delete on a row of a person's visits asks, names the event that goes with its only
// visit, and moves the visit to the trash on Yes only; the help says so.
func TestTrashVisitFromPersonVisits(t *testing.T) {
	s := uitest.Seeded(t)
	hs := newHarness(t, s, 120, 36)
	hs.typeText("张三")
	hs.keyType(tea.KeyEnter)
	hs.keyType(tea.KeyEnter)
	if _, ok := hs.m.stack.Top().(*visitsScreen); !ok {
		t.Fatalf("the visits screen did not open:\n%s", hs.view())
	}
	said := false
	for _, b := range hs.m.ShortHelp() {
		said = said || b.Help().Key == "Delete" && b.Help().Desc == "移到回收站"
	}
	if !said {
		t.Error("the help line does not say Delete")
	}
	if v := hs.view(); !strings.Contains(v, "Delete 移到回收站") {
		t.Errorf("the title does not say Delete:\n%s", v)
	}
	id := hs.m.detail().id
	count := func() int {
		_, n, err := s.VisitsOfPerson(context.Background(), id, 0, 5)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	hs.keyType(tea.KeyDelete)
	d := hs.m.stack.Dialog
	if d == nil {
		t.Fatal("Delete did not ask")
	}
	if !strings.Contains(d.Body, "2026-01-28") || !strings.Contains(d.Body, "活动也会一起移走") {
		t.Errorf("dialog body %q", d.Body)
	}
	hs.keyType(tea.KeyEnter) // the focus is on No
	if count() != 1 {
		t.Fatal("trashed without a Yes")
	}
	hs.keyType(tea.KeyDelete)
	hs.keyType(tea.KeyLeft)
	hs.keyType(tea.KeyEnter)
	if count() != 0 {
		t.Fatalf("the visit is still there (status %q)", hs.lastStatus())
	}
	if st := hs.status[len(hs.status)-1]; !st.Undo || !strings.Contains(st.Text, "已移到回收站") {
		t.Errorf("status %+v", st)
	}
	if v := hs.view(); !strings.Contains(v, "共 0 次") {
		t.Errorf("the list still shows the visit:\n%s", v)
	}
}

// A record kept after the 可能重复 warning is not asked about again when something else
// of it is edited; changing its birth date (what the check matches on) asks again.
func TestDuplicateAskedOnlyWhenIdentityChanges(t *testing.T) {
	s := uitest.Seeded(t)
	ctx := context.Background()
	vs, _ := s.Villages(ctx)
	for range 2 {
		p := model.Person{Name: "测试乙", BirthDate: "1950-03-01", VillageID: vs[0].ID}
		if err := s.CreatePerson(ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	hs := newHarness(t, s, 120, 36)
	hs.typeText("测试乙")
	hs.keyType(tea.KeyF4)
	f := hs.m.pform().form
	f.Focus("Note")
	hs.typeText("改了备注")
	hs.keyType(tea.KeyCtrlS)
	if hs.m.stack.Dialog != nil {
		t.Fatal("asked about duplicates though neither name, birth date nor village changed")
	}
	if hs.m.mode() != modeDetail || hs.m.detail().msg.person.Note != "改了备注" {
		t.Fatalf("not saved: %q", hs.lastStatus())
	}
	hs.keyType(tea.KeyF4)
	f = hs.m.pform().form
	f.Focus("BirthDate")
	f.SetValue("BirthDate", "")
	hs.typeText("1950-03-02")
	hs.keyType(tea.KeyCtrlS)
	if hs.m.stack.Dialog == nil {
		t.Fatal("a changed birth date was not checked for duplicates")
	}
}
