package model

import (
	"strings"
	"testing"
)

func TestSanitize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"张三", "张三"},
		{"", ""},
		{"a\tb\nc\rd", "a b c d"},
		{"\x1b[31m红\x1b[0m", "[31m红[0m"},
		{"a\u009b2Jb", "a2Jb"},
		{"a\x9b2Jb", "a\ufffd2Jb"},
		{"a\x00b\x07c\x7fd", "abcd"},
		{"\u200b张\u200d三\u200f", "张三"},
		{"abc\u202edef\u202c", "abcdef"},
		{"\u2066x\u2069", "x"},
		{"\ufeff姓名", "姓名"},
		{"𠮷", "𠮷"},
		{"买买提·吐尔逊", "买买提·吐尔逊"},
		{"a\u2028b", "a b"},
		{"bad\xffbyte", "bad\ufffdbyte"},
		{"已是\ufffd替换", "已是\ufffd替换"},
		{"ＡＢＣ　全角", "ＡＢＣ　全角"},
	}
	for _, tt := range tests {
		if got := Sanitize(tt.in); got != tt.want {
			t.Errorf("Sanitize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCleanName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"张三", "张三"},
		{"  张三\u3000", "张三"},
		{"张 三", "张三"},
		{"张\u3000三", "张三"},
		{"欧阳 修 文", "欧阳修文"},
		{"买买提·吐尔逊", "买买提·吐尔逊"},
		{"买买提・吐尔逊", "买买提·吐尔逊"},
		{"买买提•吐尔逊", "买买提·吐尔逊"},
		{"买买提．吐尔逊", "买买提·吐尔逊"},
		{"买买提 · 吐尔逊", "买买提·吐尔逊"},
		{"买买提··吐尔逊", "买买提·吐尔逊"},
		{"John  Smith", "John Smith"},
		{"Jean-Luc O'Brien", "Jean-Luc O'Brien"},
		{"王ABC", "王ABC"},
		{"王 ABC", "王ABC"},
		{"ＡＢＣ", "ABC"},
		{"𠮷祥", "𠮷祥"},
		{"\u200b张三\ufeff", "张三"},
		{"张三\n", "张三"},
		{strings.Repeat("张", 30), strings.Repeat("张", 30)},
	}
	for _, tt := range tests {
		got, err := CleanName(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("CleanName(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			continue
		}
		if again, err := CleanName(got); err != nil || again != got {
			t.Errorf("CleanName(%q) = %q, %v: not idempotent", got, again, err)
		}
	}
}

func TestCleanNameErrors(t *testing.T) {
	tests := []struct{ in, code, zhHas string }{
		{"", CodeRequired, "请填写"},
		{" \u3000 ", CodeRequired, "请填写"},
		{"\u200b", CodeRequired, "请填写"},
		{"张\x1b三", CodeControl, "控制字符"},
		{"张\x00三", CodeControl, "控制字符"},
		{"张\ufffd", CodeDamaged, "损坏"},
		{"张\xff", CodeDamaged, "损坏"},
		{"张三2", CodeDigits, "数字"},
		{"张三２", CodeDigits, "数字"},
		{strings.Repeat("张", 31), CodeTooLong, "最多 30 个字，现在有 31 个"},
		{strings.Repeat("张", 200), CodeTooLong, "现在有 200 个"},
		{"·张三", CodeFormat, "开头或结尾"},
		{"张三·", CodeFormat, "开头或结尾"},
		{"王\x1b[m红", CodeControl, "控制字符"},
		{"王[m红", CodeFormat, "不能有符号「[」"},
		{"王]红", CodeFormat, "不能有符号「]」"},
		{"王;红", CodeFormat, "不能有符号「;」"},
		{"张三（大）", CodeFormat, "不能有符号「(」"},
		{"张<三>", CodeFormat, "不能有符号「<」"},
	}
	for _, tt := range tests {
		got, err := CleanName(tt.in)
		if err == nil {
			t.Errorf("CleanName(%q) = %q, want an error", tt.in, got)
			continue
		}
		p := problemOf(t, err)
		if p.Field != "Name" || p.Code != tt.code || !strings.Contains(p.Zh, tt.zhHas) {
			t.Errorf("CleanName(%q) = %+v, want %s with %q", tt.in, p, tt.code, tt.zhHas)
		}
	}
}

func TestCleanText(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want string
	}{
		{"  住院治疗\u3000", 10, "住院治疗"},
		{"第一行\n第二行", 20, "第一行 第二行"},
		{"a\u202eb", 10, "ab"},
		{"", 10, ""},
		{strings.Repeat("字", 10), 10, strings.Repeat("字", 10)},
		{strings.Repeat("字", 1000), 0, strings.Repeat("字", 1000)},
	}
	for _, tt := range tests {
		got, err := CleanText("Note", tt.in, tt.max)
		if err != nil || got != tt.want {
			t.Errorf("CleanText(%q, %d) = %q, %v; want %q", tt.in, tt.max, got, err, tt.want)
		}
	}
	errs := []struct {
		in, code, zhHas string
		max             int
	}{
		{strings.Repeat("字", 11), CodeTooLong, "备注太长：最多 10 个字，现在有 11 个", 10},
		{"a\x1bb", CodeControl, "备注中有看不见的控制字符", 10},
		{"a\ufffd", CodeDamaged, "损坏", 10},
	}
	for _, tt := range errs {
		_, err := CleanText("Note", tt.in, tt.max)
		if err == nil {
			t.Errorf("CleanText(%q): no error", tt.in)
			continue
		}
		p := problemOf(t, err)
		if p.Field != "Note" || p.Code != tt.code || !strings.Contains(p.Zh, tt.zhHas) {
			t.Errorf("CleanText(%q) = %+v, want %s with %q", tt.in, p, tt.code, tt.zhHas)
		}
	}
}

func TestMaskID(t *testing.T) {
	tests := map[string]string{
		"320102199001011234": "320102********1234",
		"11010519491231002X": "110105********002X",
		"610104620927690":    "610104*****7690",
		"12345678":           "****5678",
		"1234":               "1234",
		"":                   "",
	}
	for in, want := range tests {
		if got := MaskID(in); got != want {
			t.Errorf("MaskID(%q) = %q, want %q", in, got, want)
		}
	}
}
