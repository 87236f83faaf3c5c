package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"shuangyong/model"
)

func TestImportCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "台账.db")
	roster := filepath.Join(dir, "花名册.xlsx")
	first := "32010219500315001"
	id := first + string(model.IDCheckDigit(first))
	f := excelize.NewFile()
	for r, row := range [][]any{
		{"某镇优抚对象花名册"},
		{"序号", "姓名", "身份证号码", "人员类别", "村"},
		{1, "张三", id, "参战", "李家村"},
		{2, "李四", "11010519491231002Y", "烈属", "李家村"},
	} {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			f.SetCellValue("Sheet1", cell, v)
		}
	}
	if err := f.SaveAs(roster); err != nil {
		t.Fatal(err)
	}
	f.Close()

	code, out, errOut := cmd(t, "import", "--db", db, roster, "--dry-run")
	if code != 0 || !strings.Contains(out, "新增 1 人") || !strings.Contains(out, "第 4 行 李四：未通过") || errOut != "" {
		t.Errorf("dry run: %d %q %q", code, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "花名册-未导入.xlsx")); err == nil {
		t.Error("a dry run wrote the rejected-rows file")
	}
	code, out, errOut = cmd(t, "import", "--db", db, roster, "--strict")
	if code == 0 || !strings.Contains(errOut, "未导入任何内容") {
		t.Errorf("strict: %d %q %q", code, out, errOut)
	}
	code, out, errOut = cmd(t, "import", "--db", db, roster)
	if code != 0 || !strings.Contains(out, "已导入") || !strings.Contains(out, "花名册-未导入.xlsx") {
		t.Errorf("import: %d %q %q", code, out, errOut)
	}

	// Again: nobody new, and a non-zero exit.
	code, out, errOut = cmd(t, "--lang", "en", "import", "--db", db, roster)
	if code == 0 || !strings.Contains(out, "skipped") || !strings.Contains(errOut, "nothing was changed") {
		t.Errorf("re-import: %d %q %q", code, out, errOut)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"import", "--db", db}, "请指定要导入"},
		{[]string{"import", "--db", db, roster, "--duplicates", "merge"}, "--duplicates"},
		{[]string{"import", "--db", db, filepath.Join(dir, "无.xlsx")}, "找不到文件"},
		{[]string{"import", "--db", db, db}, "不是表格文件"},
	} {
		code, _, errOut := cmd(t, c.args...)
		if code == 0 || !strings.Contains(errOut, c.want) || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
			t.Errorf("%v: %d %q", c.args, code, errOut)
		}
	}
}

// The progress line rewrites itself with \r on a terminal only: into a log or a pipe it
// would be one long line of carriage returns.
func TestImportProgressStaysOutOfLogs(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("姓名,村（社区）\n")
	given := []rune("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华")
	for i := 0; i < 12000; i++ {
		fmt.Fprintf(&b, "张%c%c%c,李家村\n", given[i%24], given[i/24%24], given[i/576%24])
	}
	roster := filepath.Join(dir, "花名册.csv")
	if err := os.WriteFile(roster, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := cmd(t, "import", "--db", filepath.Join(dir, "台账.db"), roster)
	if code != 0 || !strings.Contains(out, "新增 12000 人") {
		t.Fatalf("import: %d %.300q %.300q", code, out, errOut)
	}
	if errOut != "" {
		t.Errorf("progress written into a log: %q", errOut)
	}
}
