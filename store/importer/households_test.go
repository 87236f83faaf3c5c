package importer

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"shuangyong/model"
)

func householdsOf(t *testing.T, people []model.Person) map[string]int64 {
	t.Helper()
	out := map[string]int64{}
	for _, p := range people {
		out[p.Name] = p.HouseholdID
	}
	return out
}

func TestHouseholdsByHeadAndRelation(t *testing.T) {
	ctx := context.Background()
	st, _ := openStore(t)
	dir := t.TempDir()
	// 户主 and address: the head's own row names itself (or says 户主), members name the head.
	byHead := writeXLSX(t, filepath.Join(dir, "户主.xlsx"), sheetSpec{name: "S", rows: [][]any{
		{"姓名", "户主姓名", "与户主关系", "家庭住址", "村"},
		{"王大", "王大", "户主", "一组1号", "东村"},
		{"王二", "王大", "子", "一组1号", "东村"},
		{"刘一", "", "户主", "二组", "东村"},
		{"刘二", "刘一", "妻", "二组", "东村"},
		{"王大", "王大", "户主", "三组", "西村"}, // another 王大, elsewhere: a one-person household
	}})
	src := mustOpen(t, st, byHead, "")
	rep, err := Import(ctx, st, src, src.Mapping, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Households != 2 {
		t.Errorf("households %d, want 2", rep.Households)
	}
	people := peopleByName(t, st)
	if people[0].HouseholdID == 0 || people[0].HouseholdID != people[1].HouseholdID ||
		people[2].HouseholdID == 0 || people[2].HouseholdID != people[3].HouseholdID ||
		people[0].HouseholdID == people[2].HouseholdID || people[4].HouseholdID != 0 {
		t.Errorf("households %v", []int64{people[0].HouseholdID, people[1].HouseholdID, people[2].HouseholdID, people[3].HouseholdID, people[4].HouseholdID})
	}

	// Only 与户主关系: the rows after a 户主 row join it. A later file's member joins the
	// household already in the ledger.
	st2, _ := openStore(t)
	chain := writeXLSX(t, filepath.Join(dir, "关系.xlsx"), sheetSpec{name: "S", rows: [][]any{
		{"姓名", "与户主关系", "村"},
		{"陈一", "户主", "南村"},
		{"陈二", "妻子", "南村"},
		{"陈三", "儿子", "南村"},
		{"赵一", "本人", "南村"},
		{"赵二", "女儿", "南村"},
		{"孤一", "", "南村"},
	}})
	src = mustOpen(t, st2, chain, "")
	rep, err = Import(ctx, st2, src, src.Mapping, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	hh := householdsOf(t, peopleByName(t, st2))
	if rep.Households != 2 || hh["陈一"] == 0 || hh["陈二"] != hh["陈一"] || hh["陈三"] != hh["陈一"] ||
		hh["赵二"] != hh["赵一"] || hh["赵一"] == hh["陈一"] || hh["孤一"] != 0 {
		t.Errorf("households %d: %v", rep.Households, hh)
	}
	more := writeXLSX(t, filepath.Join(dir, "补.xlsx"), sheetSpec{name: "S", rows: [][]any{
		{"姓名", "户号", "村"},
		{"陈一", "7", "南村"},
		{"陈四", "7", "南村"},
	}})
	src = mustOpen(t, st2, more, "")
	rep, err = Import(ctx, st2, src, src.Mapping, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	hh = householdsOf(t, peopleByName(t, st2))
	if rep.Added != 1 || rep.Skipped != 1 || rep.Households != 0 || hh["陈四"] != hh["陈一"] {
		t.Errorf("joining the ledger's household: added %d skipped %d formed %d, %v", rep.Added, rep.Skipped, rep.Households, hh)
	}
}

func TestHeadingsAndMappingMemory(t *testing.T) {
	ctx := context.Background()
	st, _ := openStore(t)
	dir := t.TempDir()
	path := writeXLSX(t, filepath.Join(dir, "en.xlsx"), sheetSpec{name: "Roster", rows: [][]any{
		{"No.", "Name", "Sex", "ID Number", "Phone", "Category", "Village", "光荣牌/优待证", "联系电话（手机）", "Remarks"},
		{1, "张三", "M", idZhang, "13800138000", "Combat veteran", "东村", "光荣牌、优待证", "13900139000", "note"},
	}}, sheetSpec{name: "Other", rows: [][]any{{"x"}}})
	src := mustOpen(t, st, path, "")
	if len(src.Sheets) != 2 || src.Sheet != "Roster" {
		t.Errorf("sheets %v, reading %q", src.Sheets, src.Sheet)
	}
	want := Mapping{"", "Name", "Sex", "IDNumber", "Phones", "Categories", FieldVillage, FieldHonours, "Phones", "Note"}
	for i, f := range want {
		if src.Mapping[i] != f {
			t.Errorf("column %d %q → %q, want %q", i, src.Columns[i].Header, src.Mapping[i], f)
		}
	}
	// The user leaves out the remarks; the import remembers that.
	m := append(Mapping(nil), src.Mapping...)
	m[9] = ""
	if _, err := Import(ctx, st, src, m, Options{}, nil); err != nil {
		t.Fatal(err)
	}
	p := peopleByName(t, st)[0]
	if !p.HonourPlaque || !p.PreferentialCard || len(p.Phones) != 2 || p.Note != "" || p.Categories[0] != model.CatWarVeteran {
		t.Errorf("imported %+v", p)
	}
	again := mustOpen(t, st, path, "")
	if !again.Remembered || again.Mapping[9] != "" {
		t.Errorf("remembered %v %v", again.Remembered, again.Mapping)
	}
	// A mapping that gives one field two columns is refused before anything is read.
	bad := append(Mapping(nil), src.Mapping...)
	bad[2] = "Name"
	if _, err := DryRun(ctx, st, again, bad, Options{}, nil); err == nil {
		t.Error("a mapping with two name columns was accepted")
	}
}

func TestVillageChoices(t *testing.T) {
	ctx := context.Background()
	st, _ := openStore(t)
	seedLedger(t, st)
	path := writeXLSX(t, filepath.Join(t.TempDir(), "村.xlsx"), sheetSpec{name: "S", rows: [][]any{
		{"姓名", "所在村"},
		{"甲", "李家村委会"},
		{"乙", "新村"},
	}})
	src := mustOpen(t, st, path, "")
	// Declining new villages rejects their rows; naming one as an existing village maps it.
	rep, err := DryRun(ctx, st, src, src.Mapping, Options{RefuseNewVillages: true, VillageAs: map[string]string{"李家村委会": "李家村"}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != 1 || rep.Rejected != 1 || len(rep.NewVillages) != 0 || !hasCode(lineOf(t, rep, 3), model.CodeUnknown) {
		t.Errorf("add %d reject %d new %v %v", rep.Added, rep.Rejected, rep.NewVillages, rep.Lines)
	}
	rep, err = Import(ctx, st, src, src.Mapping, Options{VillageAs: map[string]string{"李家村委会": "李家村"}, RejectedFile: "-"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	vs, _ := st.Villages(ctx)
	if rep.Added != 2 || len(vs) != 3 || vs[2].Name != "新村" {
		t.Errorf("added %d, villages %+v", rep.Added, vs)
	}
}

// Rosters merge a village, or a household's 户号, down over its rows: the value is stored
// in the first row only.
func TestMergedDataCells(t *testing.T) {
	ctx := context.Background()
	st, _ := openStore(t)
	path := writeXLSX(t, filepath.Join(t.TempDir(), "合并.xlsx"), sheetSpec{name: "S", rows: [][]any{
		{"某镇花名册"},
		{"村（社区）", "户号", "姓名"},
		{"东村", "1", "甲"},
		{nil, nil, "乙"},
		{nil, "2", "丙"},
		{"西村", "3", "丁"},
	}, merges: [][2]string{{"A1", "C1"}, {"A3", "A5"}, {"B3", "B4"}}})
	src := mustOpen(t, st, path, "")
	rep, err := Import(ctx, st, src, src.Mapping, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != 4 || rep.Households != 1 {
		t.Errorf("added %d, households %d", rep.Added, rep.Households)
	}
	vs, _ := st.Villages(ctx)
	villages := map[int64]string{}
	for _, v := range vs {
		villages[v.ID] = v.Name
	}
	got := ""
	for _, p := range peopleByName(t, st) {
		got += p.Name + villages[p.VillageID] + " "
	}
	if got != "甲东村 乙东村 丙东村 丁西村 " {
		t.Errorf("villages: %s", got)
	}
	hh := householdsOf(t, peopleByName(t, st))
	if hh["甲"] == 0 || hh["乙"] != hh["甲"] || hh["丙"] != 0 {
		t.Errorf("households %v", hh)
	}
}

func TestBirthMonthOnly(t *testing.T) {
	ctx := context.Background()
	st, _ := openStore(t)
	path := writeCSV(t, filepath.Join(t.TempDir(), "月.csv"),
		"姓名,出生年月,身份证号,备注\n甲,1950.03,"+idZhang+",\n乙,1951年7月,,老党员\n丙,1952.01,"+idZhang[:0]+idFor("19520301", 5)+",\n", "utf8")
	src := mustOpen(t, st, path, "")
	rep, err := Import(ctx, st, src, src.Mapping, Options{RejectedFile: "-"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != 2 || rep.Rejected != 1 || !hasCode(lineOf(t, rep, 4), model.CodeMismatch) || !hasCode(lineOf(t, rep, 3), CodeBirthMonth) {
		t.Fatalf("added %d rejected %d: %v", rep.Added, rep.Rejected, rep.Lines)
	}
	people := peopleByName(t, st)
	if people[0].BirthDate != "1950-03-15" || people[1].BirthDate != "" || people[1].Note != "老党员；出生年月：1951年7月" {
		t.Errorf("甲 %q, 乙 %q %q", people[0].BirthDate, people[1].BirthDate, people[1].Note)
	}
}

func TestLeftoverTemporaryFileRemoved(t *testing.T) {
	st, _ := openStore(t)
	dir := t.TempDir()
	path := writeCSV(t, filepath.Join(dir, "名[册].csv"), "姓名,身份证号\n甲,\n乙,123\n", "utf8")
	leftover := filepath.Join(dir, ".名[册]-未导入.xlsx.12345.tmp")
	os.WriteFile(leftover, []byte("partial"), 0o600)
	src := mustOpen(t, st, path, "")
	rep, err := Import(context.Background(), st, src, src.Mapping, Options{}, nil)
	if err != nil || rep.RejectedFile == "" {
		t.Fatalf("%v %+v", err, rep)
	}
	if _, err := os.Stat(leftover); !os.IsNotExist(err) {
		t.Error("the leftover of a killed import is still there")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("files: %v", entries)
	}
}
