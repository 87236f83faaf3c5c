package importer

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"shuangyong/store"
)

// An import is one change in the history, "导入：FILE" first, with one row per person it
// added (F8 shows it; they carry no snapshots); the search index has the people after the
// import and has them no more after its undo.
func TestImportHistoryAndSearch(t *testing.T) {
	st, _ := openStore(t)
	seedLedger(t, st)
	ctx := context.Background()
	if err := st.WarmSearch(ctx); err != nil {
		t.Fatal(err)
	}
	src := mustOpen(t, st, messyRoster(t, t.TempDir()), "")
	rep, err := Import(ctx, st, src, src.Mapping, Options{RejectedFile: "-"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	search := func(text string) int {
		t.Helper()
		page, err := st.SearchPeople(ctx, store.PeopleQuery{Text: text})
		if err != nil {
			t.Fatal(err)
		}
		return page.Total
	}
	if err := st.WarmSearch(ctx); err != nil {
		t.Fatal(err)
	}
	if search("张小三") != 1 || search("zxs") != 1 || search("钱七") != 1 {
		t.Errorf("after the import: 张小三 %d, zxs %d, 钱七 %d", search("张小三"), search("zxs"), search("钱七"))
	}
	changes, err := st.Changes(ctx, 0, 1)
	if err != nil || len(changes) != 1 {
		t.Fatal(changes, err)
	}
	c := changes[0]
	// The marker, the new village (李家村委会), the one household (户号 001), the people.
	if c.Action != store.ActImport || c.Summary != "导入：花名册.xlsx" || c.Rows != 1+1+1+rep.Added {
		t.Errorf("the change: %+v (added %d)", c, rep.Added)
	}
	var zhang int64
	st.DB().QueryRow("SELECT id FROM people WHERE name = '张小三'").Scan(&zhang)
	h, total, err := st.History(ctx, store.EntPerson, zhang, 0, 10)
	if err != nil || total != 1 {
		t.Fatalf("张小三's history: %d rows, %v", total, err)
	}
	if h[0].Action != store.ActInsert || h[0].Summary != "张小三" || h[0].ChangeID != c.ChangeID || h[0].Before != "" || h[0].After != "" {
		t.Errorf("张小三's history: %+v", h[0])
	}

	if _, err := st.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if search("张小三") != 0 || search("zxs") != 0 {
		t.Error("the search (from SQL) still finds an undone import")
	}
	if err := st.WarmSearch(ctx); err != nil {
		t.Fatal(err)
	}
	if search("张小三") != 0 || search("zxs") != 0 || search("孙八") != 1 {
		t.Errorf("after the undo: 张小三 %d, zxs %d, 孙八 %d", search("张小三"), search("zxs"), search("孙八"))
	}
	if h, total, _ := st.History(ctx, store.EntPerson, zhang, 0, 10); total != 2 || h[0].Action != store.ActUndo || !h[1].Undone {
		t.Errorf("张小三's history after the undo: %d rows %+v", total, h)
	}
}

// A repeated header row is still told from people when its cells are spelt a little
// differently (spaces, full-width letters), and a person whose cells hold the heading's
// characters is not taken for one.
func TestRepeatedHeaderRow(t *testing.T) {
	header := []string{normHeader("序号"), normHeader("姓  名"), normHeader("ID"), normHeader("村（社区）")}
	for _, tc := range []struct {
		cells []string
		want  string
	}{
		{[]string{"序 号", "姓名", "ＩＤ", "村（社区）"}, CodeHeaderRow},
		{[]string{"", "*姓名", "id", ""}, CodeHeaderRow},
		{[]string{"1", "序号", "id", "名村"}, ""},
		{[]string{"2", "姓名", "110", "村"}, ""},
	} {
		code, _, ok := notPerson(tc.cells, header, tc.cells[1])
		if got := map[bool]string{true: code}[ok]; got != tc.want {
			t.Errorf("%q: %q, want %q", tc.cells, got, tc.want)
		}
	}
}

// Merged cells are found after a sheet far longer than the reader's buffer (they follow
// the rows, which are skipped unread).
func TestMergesAfterALongSheet(t *testing.T) {
	const n = 12000
	path := filepath.Join(t.TempDir(), "长表.xlsx")
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	sw.SetRow("A1", []any{"序号", "村（社区）", "姓名", "身份证号", "家庭住址——一个很长的列名，让每行的表格文字更长一些"})
	for i := 0; i < n; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		village := any("第一村")
		if i >= n-3 {
			village = nil
		}
		if i == n-4 {
			village = "末村"
		}
		if err := sw.SetRow(cell, []any{i + 1, village, fmt.Sprintf("张%d", i), "", fmt.Sprintf("%d组%d号", i%9, i)}); err != nil {
			t.Fatal(err)
		}
	}
	last := n + 1
	if err := sw.MergeCell(fmt.Sprintf("B%d", last-3), fmt.Sprintf("B%d", last)); err != nil {
		t.Fatal(err)
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	f.Close()

	st, _ := openStore(t)
	src := mustOpen(t, st, path, "")
	if len(src.merges) != 1 || src.merges[0].r1 != last-3 || src.merges[0].r2 != last {
		t.Fatalf("merges %+v", src.merges)
	}
	rep, err := DryRun(context.Background(), st, src, src.Mapping, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if l := lineOf(t, rep, last); l.Village != "末村" {
		t.Errorf("the last row's village %q, want 末村 (merged down)", l.Village)
	}
}
