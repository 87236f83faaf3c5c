package components

import (
	"os"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"shuangyong/model"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

func runes(s string) tea.KeyMsg     { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }
func keyT(t tea.KeyType) tea.KeyMsg { return tea.KeyMsg{Type: t} }

func TestInputCleansWhatIsTyped(t *testing.T) {
	var in Input
	in.Update(runes("张\x1b[2J三\t李\n四\u200b"))
	in.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{0xD842}}) // a lone surrogate half
	if got := in.Value(); got != "张[2J三 李 四" {
		t.Errorf("value %q", got)
	}
	in.Update(keyT(tea.KeyBackspace))
	in.Update(keyT(tea.KeyLeft))
	in.Update(runes("x"))
	if got := in.Value(); got != "张[2J三 李x " {
		t.Errorf("editing: %q", got)
	}
	in.Max = 3
	in.SetValue("")
	in.Update(runes("12345"))
	if in.Value() != "123" {
		t.Errorf("max: %q", in.Value())
	}
}

func TestInputViewWidth(t *testing.T) {
	var in Input
	in.SetValue(strings.Repeat("长", 30) + "𠮷")
	for w := 1; w < 40; w++ {
		for _, focused := range []bool{true, false} {
			if got := lipgloss.Width(in.View(w, focused, "提示")); got != w {
				t.Errorf("w=%d focused=%v: %d cells", w, focused, got)
			}
		}
	}
	in.SetValue("")
	if got := lipgloss.Width(in.View(7, true, "很长很长的提示文字")); got != 7 {
		t.Errorf("placeholder: %d", got)
	}
}

func testForm() *Form {
	opts := []Option{{"", "（未填）"}, {"home", "入户"}, {"phone", "电话"}, {"wechat", "微信"}}
	cats := []Option{{"a", "残疾军人"}, {"b", "烈士遗属"}, {"c", "退役士兵"}}
	return NewForm(model.Zh, "表单", []*Field{
		{Key: "name", Label: "姓名", Kind: KindText, Check: func(s string) (string, string) {
			if s == "" {
				return s, "请填写姓名"
			}
			return strings.TrimSpace(s), ""
		}},
		{Key: "fixed", Label: "类型", Kind: KindFixed, Options: []Option{{"v", "走访慰问"}}},
		{Key: "mode", Label: "方式", Kind: KindPick, Options: opts},
		{Key: "cats", Label: "类别", Kind: KindMulti, Options: cats},
		{Key: "hidden", Label: "隐藏", Kind: KindText, Visible: func(f *Form) bool { return f.Value("mode") == "phone" }},
		{Key: "note", Label: "备注", Kind: KindText},
	})
}

func TestFormEnterMovesAndChecks(t *testing.T) {
	f := testForm()
	f.SetSize(60, 12)
	if f.Focused() != "name" {
		t.Fatalf("focus %s", f.Focused())
	}
	if a := f.Update(keyT(tea.KeyEnter)); a != ActionNone {
		t.Fatal("Enter saved")
	}
	if f.Error("name") != "请填写姓名" {
		t.Errorf("leaving an empty name: %q", f.Error("name"))
	}
	if f.Focused() != "mode" { // the fixed field is skipped
		t.Errorf("focus after Enter: %s", f.Focused())
	}
	f.Update(keyT(tea.KeyShiftTab))
	f.Update(runes(" 张三 "))
	f.Update(keyT(tea.KeyTab))
	if f.Error("name") != "" || f.Value("name") != "张三" {
		t.Errorf("checked value %q err %q", f.Value("name"), f.Error("name"))
	}
	if !f.Dirty() {
		t.Error("not dirty after typing")
	}
	if f.Update(tea.KeyMsg{Type: tea.KeyCtrlS}) != ActionSave || f.Update(keyT(tea.KeyEsc)) != ActionCancel {
		t.Error("Ctrl+S / Esc actions")
	}
}

func TestFormPickAndMulti(t *testing.T) {
	f := testForm()
	f.SetSize(60, 12)
	f.Focus("mode")
	f.Update(keyT(tea.KeyRight))
	if f.Value("mode") != "home" {
		t.Errorf("Right: %q", f.Value("mode"))
	}
	f.Update(runes("微")) // typing finds an option
	if f.Value("mode") != "wechat" {
		t.Errorf("typing 微: %q", f.Value("mode"))
	}
	f.Update(keyT(tea.KeyLeft))
	if f.Value("mode") != "phone" {
		t.Errorf("Left: %q", f.Value("mode"))
	}
	// A field that depends on the choice appears.
	f.Update(keyT(tea.KeyDown))
	f.Update(keyT(tea.KeyDown))
	if f.Focused() != "hidden" {
		t.Errorf("conditional field not reached: %s", f.Focused())
	}
	f.Focus("cats")
	f.Update(runes("烈"))
	f.Update(keyT(tea.KeySpace))
	f.Update(keyT(tea.KeyRight))
	f.Update(runes("\u3000")) // the IME's full-width space ticks too
	if got := f.Values("cats"); strings.Join(got, ",") != "b,c" {
		t.Errorf("multi: %v", got)
	}
	v := f.View()
	if !strings.Contains(v, "[x]烈士遗属") || !strings.Contains(v, "[x]退役士兵") {
		t.Errorf("multi view:\n%s", v)
	}
	for _, l := range strings.Split(v, "\n") {
		if lipgloss.Width(l) != 60 {
			t.Errorf("line %q is %d wide", l, lipgloss.Width(l))
		}
	}
}

func TestFormScrollsToFocus(t *testing.T) {
	var fields []*Field
	for i := 0; i < 40; i++ {
		fields = append(fields, &Field{Key: string(rune('a' + i)), Label: "项", Kind: KindText})
	}
	f := NewForm(model.Zh, "长表单", fields)
	f.SetSize(40, 10)
	for i := 0; i < 30; i++ {
		f.Update(keyT(tea.KeyEnter))
	}
	if !strings.Contains(f.View(), "> 项") {
		t.Errorf("focused field not in view:\n%s", f.View())
	}
}

func TestTableLayoutAndWindow(t *testing.T) {
	cols := []Column{
		{Title: "姓名", Min: 8, Max: 12, Grow: 1, Keep: 100},
		{Title: "类别", Min: 10, Grow: 4, Keep: 80},
		{Title: "身份证号", Min: 18, Max: 18, Keep: 60},
		{Title: "结对干部", Min: 8, Keep: 10},
	}
	tb := NewTable(cols)
	tb.SetSize(40, 10)
	w := tb.Widths()
	if w[3] != 0 || w[0] < 8 || w[2] != 18 {
		t.Errorf("narrow layout %v", w)
	}
	total := 1
	for _, x := range w {
		if x > 0 {
			total += x + 1
		}
	}
	if total-1 > 40 {
		t.Errorf("columns %v overflow 40", w)
	}
	tb.SetSize(120, 10)
	if tb.Widths()[3] == 0 {
		t.Error("wide layout hides a column")
	}
	// A window of rows 0..29 out of 1000; scrolling past it asks for more.
	ids := make([]int64, 30)
	rows := make([][]string, 30)
	for i := range rows {
		ids[i] = int64(i + 1)
		rows[i] = []string{"张三", "烈属", "430524********1234", "陈明轩"}
	}
	tb.SetWindow(0, 1000, ids, rows)
	if tb.Missing(9) {
		t.Error("missing at the top")
	}
	tb.Move(25)
	if !tb.Missing(9) {
		t.Error("near the window's end, no fetch asked")
	}
	off, limit := tb.WindowFor(9)
	if off > tb.Top() || off+limit < tb.Top()+tb.Rows() {
		t.Errorf("window %d+%d does not cover rows %d..%d", off, limit, tb.Top(), tb.Top()+tb.Rows())
	}
	for _, l := range strings.Split(tb.View(), "\n") {
		if lipgloss.Width(l) != 120 {
			t.Errorf("%q is %d wide", l, lipgloss.Width(l))
		}
	}
	tb.SetCursor(5000)
	if tb.Cursor() != 999 {
		t.Errorf("clamp: %d", tb.Cursor())
	}
	if _, ok := tb.SelectedID(); ok {
		t.Error("a row outside the window reported as selected")
	}
}

func TestDialog(t *testing.T) {
	d := NewDialog("移到回收站", "把 张三 移到回收站？", "确定", "取消", false)
	if done, yes := d.Update(keyT(tea.KeyEnter)); !done || yes {
		t.Error("default No")
	}
	d = NewDialog("t", "b", "确定", "取消", false)
	d.Update(keyT(tea.KeyLeft))
	if done, yes := d.Update(keyT(tea.KeyEnter)); !done || !yes {
		t.Error("Left then Enter")
	}
	if done, yes := d.Update(keyT(tea.KeyEsc)); !done || yes {
		t.Error("Esc")
	}
	for _, l := range strings.Split(d.View(50, 12), "\n") {
		if lipgloss.Width(l) != 50 {
			t.Errorf("%q", l)
		}
	}
}
