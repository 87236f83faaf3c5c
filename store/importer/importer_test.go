package importer

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"shuangyong/model"
	"shuangyong/store"
)

var (
	idZhang   = idFor("19500315", 11) // odd sequence: male
	idZhangXS = idFor("19800101", 22)
	idSun     = idFor("19600101", 33)
	idBad     = func() string {
		s := idFor("19900307", 23)
		return s[:17] + string("0123456789"[(strings.IndexByte("0123456789X", s[17])+1)%10])
	}()
)

// messyRoster is a roster as township offices keep them: a merged title row, a 填报单位
// line, a two-row header with a merged group heading, spaced-out headings, numbers
// where text belonged, a 合计 row, a blank row and a footer.
func messyRoster(t testing.TB, dir string) string {
	rows := [][]any{
		{"XX镇优抚对象花名册"},
		{"填报单位：XX镇人民政府", nil, nil, nil, nil, "填报日期：2026年11月"},
		{"序号", "村（社区）", "姓  名", "性别", "出生年月", "公民身份号码", "联系电话", "优抚类别", "伤残等级", "军人信息", nil, "户号", "备注", "劳动能力"},
		{nil, nil, nil, nil, nil, nil, nil, nil, nil, "军人姓名", "入伍时间"},
		{1, "李家村", "张三", "男", "1950-03-15", idZhang, "13800138000、0571-88886666", "参战、伤残军人", "六级", nil, nil, "001", "", "无"},
		{2, "李家村", "张小三", "女", nil, idZhangXS, "13900139000", "现役军属", nil, "张强", "2015年9月", "001"},
		{3, "李家村", "李四", "男", nil, 1.10105194912310e17, nil, "烈属"},
		{4, "王庄村", "王五", "女", nil, 610104620927690.0, nil, "两参人员"},
		{5, "王庄村", "赵六", "男", nil, idBad, nil, "农村老兵"},
		{6, "李家村", "张三", "男", "1950-03-15", idZhang, nil, "参战"},
		{7, "李家村委会", "钱七", "女", 18264.0, nil, nil, "烈属"},
		{8, "王庄村", "孙八", "男", nil, idSun, nil, "退役军人"},
		{"合计", nil, "8人"},
		{},
		{"制表人：李明", nil, nil, nil, "审核人：王刚"},
		{9, "王庄村", "周九", "男", nil, nil, nil, "神仙"},
		{10, "王庄村", "吴十", "男", "1950-02-30", nil, nil, "退役士兵"},
		{11, "王庄村", "郑\u202e十一", "男", nil, nil, nil, "退役士兵"},
	}
	return writeXLSX(t, filepath.Join(dir, "花名册.xlsx"), sheetSpec{name: "花名册", rows: rows,
		merges: [][2]string{{"A1", "N1"}, {"J3", "K3"}, {"A3", "A4"}, {"B3", "B4"}, {"C3", "C4"}}})
}

func seedLedger(t testing.TB, st *store.Store) {
	t.Helper()
	ctx := context.Background()
	if err := st.SaveVillages(ctx, []model.Village{{Name: "李家村"}, {Name: "王庄村"}}); err != nil {
		t.Fatal(err)
	}
	vs, _ := st.Villages(ctx)
	sun := model.Person{Name: "孙八", IDNumber: idSun, VillageID: vs[1].ID, Categories: []string{model.CatVeteran}}
	if err := st.CreatePerson(ctx, &sun); err != nil {
		t.Fatal(err)
	}
}

func TestDryRunRowByRow(t *testing.T) {
	st, _ := openStore(t)
	seedLedger(t, st)
	path := messyRoster(t, t.TempDir())
	src := mustOpen(t, st, path, "")
	if src.HeaderRow != 4 {
		t.Fatalf("header row %d, want 4 (two-row header under a title)", src.HeaderRow)
	}
	want := map[string]Field{"姓  名": "Name", "村（社区）": FieldVillage, "出生年月": "BirthDate", "公民身份号码": "IDNumber",
		"军人姓名": "ServicemanName", "入伍时间": "EnlistedOn", "户号": FieldHouseholdNo, "序号": "", "劳动能力": ""}
	for _, c := range src.Columns {
		if f, ok := want[c.Header]; ok && c.Field != f {
			t.Errorf("column %s %q mapped to %q, want %q", c.Letter, c.Header, c.Field, f)
		}
	}
	rep, err := DryRun(context.Background(), st, src, src.Mapping, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	type expect struct {
		act  Action
		code string
	}
	rows := map[int]expect{
		5: {ActionAdd, ""}, 6: {ActionAdd, ""}, 7: {ActionReject, model.CodeExcel}, 8: {ActionAdd, ""},
		9: {ActionReject, model.CodeChecksum}, 10: {ActionReject, model.CodeDuplicate}, 11: {ActionAdd, ""},
		12: {ActionSkip, CodeInLedger}, 13: {ActionIgnore, CodeTotalRow}, 15: {ActionIgnore, CodeFooterRow},
		16: {ActionReject, model.CodeUnknown}, 17: {ActionReject, model.CodeDate}, 18: {ActionAdd, ""},
	}
	for row, e := range rows {
		l := lineOf(t, rep, row)
		if l.Action != e.act || (e.code != "" && !hasCode(l, e.code)) {
			t.Errorf("row %d: %s %v, want %s %s", row, l.Action, l.Problems, e.act, e.code)
		}
	}
	if len(rep.Lines) != len(rows) {
		t.Errorf("%d lines, want %d", len(rep.Lines), len(rows))
	}
	if l := lineOf(t, rep, 10); l.SameAs != 5 {
		t.Errorf("row 10 duplicate of %d, want 5", l.SameAs)
	}
	if rep.Added != 5 || rep.Skipped != 1 || rep.Rejected != 5 || rep.Ignored != 2 || rep.Blank != 1 || rep.Updated != 0 {
		t.Errorf("counts: add %d skip %d reject %d ignore %d blank %d update %d", rep.Added, rep.Skipped, rep.Rejected, rep.Ignored, rep.Blank, rep.Updated)
	}
	if rep.Households != 1 {
		t.Errorf("households %d, want 1 (户号 001)", rep.Households)
	}
	if len(rep.NewVillages) != 1 || rep.NewVillages[0].Name != "李家村委会" || rep.NewVillages[0].Similar != "李家村" {
		t.Errorf("new villages %+v", rep.NewVillages)
	}
	if rep.Cleaned != 1 {
		t.Errorf("cleaned %d, want 1 (the bidi override in 郑十一)", rep.Cleaned)
	}
	var unmapped []string
	for _, c := range rep.Unmapped {
		unmapped = append(unmapped, c.Header)
	}
	if strings.Join(unmapped, ",") != "序号,劳动能力" {
		t.Errorf("unmapped %v", unmapped)
	}
	// The report names the column of each problem.
	if txt := lineOf(t, rep, 9).Text(model.Zh, rep.Columns); !strings.Contains(txt, "F 公民身份号码") || !strings.Contains(txt, "校验位") {
		t.Errorf("row 9 text: %s", txt)
	}
	if countPeople(t, st) != 1 {
		t.Error("a dry run wrote people")
	}
}

func TestImportWritesAndUndoesAsOne(t *testing.T) {
	st, _ := openStore(t)
	seedLedger(t, st)
	dir := t.TempDir()
	path := messyRoster(t, dir)
	ctx := context.Background()
	src := mustOpen(t, st, path, "")
	rep, err := Import(ctx, st, src, src.Mapping, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Imported || rep.Added != 5 || countPeople(t, st) != 6 {
		t.Fatalf("imported %v, added %d, people %d", rep.Imported, rep.Added, countPeople(t, st))
	}
	// What was written is what a form would have saved.
	var zhang, xs, wang, qian model.Person
	for _, p := range peopleByName(t, st) {
		switch p.Name {
		case "张三":
			zhang = p
		case "张小三":
			xs = p
		case "王五":
			wang = p
		case "钱七":
			qian = p
		}
	}
	if strings.Join(zhang.Phones, " ") != "13800138000 0571-88886666" || zhang.DisabilityGrade != 6 ||
		strings.Join(zhang.Categories, ",") != model.CatWarVeteran+","+model.CatDisabledSoldier || zhang.BirthDate != "1950-03-15" {
		t.Errorf("张三: %+v", zhang)
	}
	if zhang.HouseholdID == 0 || zhang.HouseholdID != xs.HouseholdID {
		t.Errorf("户号 001: households %d and %d", zhang.HouseholdID, xs.HouseholdID)
	}
	if xs.EnlistedOn != "2015-09" || xs.ServicemanName != "张强" {
		t.Errorf("张小三: %+v", xs)
	}
	if wang.IDNumber != "610104196209276908" || strings.Join(wang.Categories, ",") != model.CatWarVeteran+","+model.CatTestVeteran {
		t.Errorf("王五: %s %v", wang.IDNumber, wang.Categories)
	}
	if qian.BirthDate != "1950-01-01" {
		t.Errorf("钱七 born %q, want 1950-01-01 from serial 18264", qian.BirthDate)
	}
	vs, _ := st.Villages(ctx)
	if len(vs) != 3 || vs[2].Name != "李家村委会" {
		t.Errorf("villages %+v", vs)
	}
	// The rejected rows are beside the file, with a 原因 column.
	if rep.RejectedFile != filepath.Join(dir, "花名册-未导入.xlsx") {
		t.Errorf("rejected file %q", rep.RejectedFile)
	}
	f, err := excelize.OpenFile(rep.RejectedFile)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := f.GetRows(f.GetSheetList()[0])
	f.Close()
	if len(got) != 6 || got[0][len(got[0])-1] != "原因" || got[0][2] != "姓  名" {
		t.Fatalf("rejected file rows: %q", got)
	}
	names := []string{}
	for _, r := range got[1:] {
		names = append(names, r[2])
		if r[len(r)-1] == "" {
			t.Errorf("rejected row without reason: %q", r)
		}
	}
	if strings.Join(names, ",") != "李四,赵六,张三,周九,吴十" {
		t.Errorf("rejected names %v", names)
	}
	if !strings.Contains(got[3][len(got[3])-1], "第 5 行") {
		t.Errorf("duplicate's reason: %q", got[3][len(got[3])-1])
	}
	if got[2][5] != idBad {
		t.Errorf("ID kept as text: %q", got[2][5])
	}

	// Re-importing adds nobody.
	src = mustOpen(t, st, path, "")
	if !src.Remembered {
		t.Error("the mapping was not remembered")
	}
	rep2, err := DryRun(ctx, st, src, src.Mapping, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep2.Added != 0 || rep2.Skipped != 6 {
		t.Errorf("re-import: add %d skip %d", rep2.Added, rep2.Skipped)
	}
	if _, err := Import(ctx, st, src, src.Mapping, Options{RejectedFile: "-"}, nil); err == nil {
		t.Error("an import with nothing to add succeeded")
	} else if e, ok := AsError(err); !ok || e.Code != CodeNothing {
		t.Errorf("re-import error %v", err)
	}

	// One Ctrl+Z takes the whole import back.
	res, err := st.Undo(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if res.Action != store.ActImport || res.Summary != "导入：花名册.xlsx" {
		t.Errorf("undo result %+v", res)
	}
	if n := countPeople(t, st); n != 1 {
		t.Errorf("after undo %d people, want 1", n)
	}
	if vs, _ := st.Villages(ctx); len(vs) != 2 {
		t.Errorf("after undo villages %+v", vs)
	}
	var hh int
	st.DB().QueryRow("SELECT count(*) FROM households").Scan(&hh)
	if hh != 0 {
		t.Errorf("after undo %d households", hh)
	}
	var line string
	st.DB().QueryRow("PRAGMA foreign_key_check").Scan(&line)
	if line != "" {
		t.Errorf("foreign keys: %s", line)
	}
}

func peopleByName(t testing.TB, st *store.Store) []model.Person {
	t.Helper()
	ctx := context.Background()
	var ids []int64
	if err := st.EachPersonKey(ctx, func(k store.PersonKey) error { ids = append(ids, k.ID); return nil }); err != nil {
		t.Fatal(err)
	}
	var out []model.Person
	for _, id := range ids {
		p, err := st.Person(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, p)
	}
	return out
}

func TestStrictLeavesTheFileUnchanged(t *testing.T) {
	st, dbPath := openStore(t)
	seedLedger(t, st)
	dir := t.TempDir()
	path := messyRoster(t, dir)
	ctx := context.Background()
	src := mustOpen(t, st, path, "")
	st.DB().Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	before, _ := os.ReadFile(dbPath)
	beforeWAL, _ := os.ReadFile(dbPath + "-wal")
	rep, err := Import(ctx, st, src, src.Mapping, Options{Strict: true}, nil)
	if e, ok := AsError(err); !ok || e.Code != CodeBlocked {
		t.Fatalf("strict import: %v", err)
	}
	if !rep.Blocked || rep.Imported {
		t.Errorf("report %+v", rep)
	}
	after, _ := os.ReadFile(dbPath)
	afterWAL, _ := os.ReadFile(dbPath + "-wal")
	if string(before) != string(after) || string(beforeWAL) != string(afterWAL) {
		t.Error("a blocked import changed the database file")
	}
	if _, err := os.Stat(RejectedPath(path)); !errors.Is(err, os.ErrNotExist) {
		t.Error("a blocked import wrote the rejected-rows file")
	}
	if countPeople(t, st) != 1 {
		t.Error("a blocked import added people")
	}
}

func TestDuplicatesFillAndOverwrite(t *testing.T) {
	st, _ := openStore(t)
	ctx := context.Background()
	seedLedger(t, st)
	dir := t.TempDir()
	path := writeXLSX(t, filepath.Join(dir, "补充.xlsx"), sheetSpec{name: "S", rows: [][]any{
		{"姓名", "身份证号", "联系电话", "备注", "村"},
		{"孙八", idSun, "13700137000", "新备注", "王庄村"},
	}})
	for _, mode := range []DupMode{DupFill, DupOverwrite} {
		src := mustOpen(t, st, path, "")
		rep, err := Import(ctx, st, src, src.Mapping, Options{Duplicates: mode}, nil)
		if err != nil {
			t.Fatalf("%s: %v", mode, err)
		}
		if rep.Updated != 1 || rep.Added != 0 {
			t.Errorf("%s: updated %d added %d", mode, rep.Updated, rep.Added)
		}
		p := peopleByName(t, st)[0]
		if mode == DupFill && (p.Note != "新备注" || strings.Join(p.Phones, " ") != "13700137000") {
			t.Errorf("%s: %+v", mode, p)
		}
		if mode == DupFill {
			// A second fill has nothing left to fill: skipped.
			rep, _ := DryRun(ctx, st, src, src.Mapping, Options{Duplicates: DupFill}, nil)
			if rep.Skipped != 1 {
				t.Errorf("second fill: %+v", rep.Lines)
			}
			// Now make the file disagree: fill keeps the ledger's value, overwrite takes the file's.
			path = writeXLSX(t, path, sheetSpec{name: "S", rows: [][]any{
				{"姓名", "身份证号", "联系电话", "备注", "村"},
				{"孙八", idSun, "13700137001", "改过的备注", "王庄村"},
			}})
			src = mustOpen(t, st, path, "")
			rep, _ = DryRun(ctx, st, src, src.Mapping, Options{Duplicates: DupFill}, nil)
			if rep.Skipped != 1 {
				t.Errorf("fill over filled fields: %+v", rep.Lines)
			}
		}
	}
	p := peopleByName(t, st)[0]
	if p.Note != "改过的备注" || p.Phones[0] != "13700137001" {
		t.Errorf("overwrite: %+v", p)
	}
}

func TestEncodings(t *testing.T) {
	st, _ := openStore(t)
	ctx := context.Background()
	text := "XX镇优抚对象花名册\r\n序号,姓名,身份证号码,人员类别,村（社区）,入伍年月\r\n1,张三," + idZhang + ",\"参战、残疾军人\",李家村,1968.03\r\n2,李梅,,烈属;三属,王庄村,1970年3月\r\n"
	for _, enc := range []string{"utf8", "bom", "gbk", "utf16", "utf16nobom"} {
		path := writeCSV(t, filepath.Join(t.TempDir(), "roster-"+enc+".csv"), text, enc)
		src := mustOpen(t, st, path, "")
		rep, err := DryRun(ctx, st, src, src.Mapping, Options{}, nil)
		if err != nil {
			t.Fatalf("%s: %v", enc, err)
		}
		if rep.Added != 2 || rep.Rejected != 0 || src.HeaderRow != 2 {
			t.Errorf("%s (%s): header %d, add %d reject %d %v", enc, src.Encoding, src.HeaderRow, rep.Added, rep.Rejected, rep.Lines)
		}
		if len(rep.NewVillages) != 2 {
			t.Errorf("%s: new villages %+v", enc, rep.NewVillages)
		}
	}
	wantEnc := map[string]string{"utf8": EncUTF8, "bom": EncUTF8BOM, "gbk": EncGB18030, "utf16": EncUTF16LE, "utf16nobom": EncUTF16LE}
	for enc, want := range wantEnc {
		path := writeCSV(t, filepath.Join(t.TempDir(), "e.csv"), text, enc)
		if got, _ := detectEncoding(path); got != want {
			t.Errorf("%s detected as %s", enc, got)
		}
	}
}

func TestBadInput(t *testing.T) {
	st, dbPath := openStore(t)
	seedLedger(t, st)
	ctx := context.Background()
	dir := t.TempDir()
	notSheet := filepath.Join(dir, "photo.xlsx")
	os.WriteFile(notSheet, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0o600)
	binary := filepath.Join(dir, "data.bin")
	os.WriteFile(binary, []byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 2, 3}, 0o600)
	empty := filepath.Join(dir, "empty.csv")
	os.WriteFile(empty, nil, 0o600)
	emptySheet := writeXLSX(t, filepath.Join(dir, "empty-sheet.xlsx"), sheetSpec{name: "空表"})
	noName := writeXLSX(t, filepath.Join(dir, "no-name.xlsx"), sheetSpec{name: "S", rows: [][]any{{"序号", "身份证号", "联系电话"}, {1, idZhang, "13800138000"}}})
	corrupt := filepath.Join(dir, "corrupt.xlsx")
	good, _ := os.ReadFile(messyRoster(t, t.TempDir()))
	os.WriteFile(corrupt, good[:len(good)/2], 0o600)
	locked := filepath.Join(dir, "locked.xlsx")
	{
		f := excelize.NewFile()
		f.SetCellValue("Sheet1", "A1", "姓名")
		if err := f.SaveAs(locked, excelize.Options{Password: "123"}); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	giant := filepath.Join(dir, "giant.csv")
	{
		fh, _ := os.Create(giant)
		fh.WriteString("姓名,身份证号\n")
		chunk := []byte(strings.Repeat("张三李四", 1<<16))
		for i := 0; i < 50<<20/len(chunk); i++ {
			fh.Write(chunk)
		}
		fh.Close()
	}
	st.DB().Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	before, _ := os.ReadFile(dbPath)
	cases := []struct {
		path, code string
	}{
		{filepath.Join(dir, "missing.xlsx"), CodeNoFile},
		{notSheet, CodeCorrupt},
		{binary, CodeNotSheet},
		{empty, CodeEmpty},
		{emptySheet, CodeEmptySheet},
		{noName, CodeNoName},
		{corrupt, CodeCorrupt},
		{locked, CodePassword},
		{giant, CodeLineTooLong},
	}
	for _, c := range cases {
		src, err := Open(ctx, st, c.path, "")
		if err == nil {
			_, err = Import(ctx, st, src, src.Mapping, Options{}, nil)
		}
		e, ok := AsError(err)
		if !ok || e.Code != c.code {
			t.Errorf("%s: %v, want %s", filepath.Base(c.path), err, c.code)
			continue
		}
		if !hasHan(e.Message(model.Zh)) || e.Message(model.En) == "" {
			t.Errorf("%s: messages %q / %q", filepath.Base(c.path), e.Zh, e.En)
		}
	}
	if _, err := Open(ctx, st, emptySheet, "没有这张表"); err == nil {
		t.Error("a missing sheet opened")
	} else if e, _ := AsError(err); e == nil || e.Code != CodeNoSheet || !strings.Contains(e.Zh, "空表") {
		t.Errorf("missing sheet: %v", err)
	}
	after, _ := os.ReadFile(dbPath)
	if string(before) != string(after) || countPeople(t, st) != 1 {
		t.Error("bad input changed the ledger")
	}
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x4E00 && r <= 0x9FFF {
			return true
		}
	}
	return false
}
