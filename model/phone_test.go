package model

import (
	"reflect"
	"strings"
	"testing"
)

func TestParsePhone(t *testing.T) {
	tests := []struct{ in, want string }{
		{"13800138000", "13800138000"},
		{"138 0013 8000", "13800138000"},
		{"138-0013-8000", "13800138000"},
		{"+86 138 0013 8000", "13800138000"},
		{"+8613800138000", "13800138000"},
		{"8613800138000", "13800138000"},
		{"86-138-0013-8000", "13800138000"},
		{"008613800138000", "13800138000"},
		{"１３８００１３８０００", "13800138000"},
		{" 19912345678\u3000", "19912345678"},
		{"0571-88886666", "0571-88886666"},
		{"057188886666", "0571-88886666"},
		{"0571 88886666", "0571-88886666"},
		{"(0571)88886666", "0571-88886666"},
		{"（0571）88886666", "0571-88886666"},
		{"0571-8888666", "0571-8888666"},
		{"010-12345678", "010-12345678"},
		{"01012345678", "010-12345678"},
		{"020-87654321", "020-87654321"},
		{"+86 571 88886666", "0571-88886666"},
		{"+86 10 12345678", "010-12345678"},
		{"0571-88886666-123", "0571-88886666转123"},
		{"0571-8888666-6", "0571-88886666"}, // dashes are only grouping when the digits fit
		{"2000000转0", "2000000转0"},
		{"400-800-8888转5", "400-800-8888转5"},
		{"0571-88886666转123", "0571-88886666转123"},
		{"0571-88886666 转 123", "0571-88886666转123"},
		{"0571-88886666 ext.123", "0571-88886666转123"},
		{"0571-88886666分机8001", "0571-88886666转8001"},
		{"88886666", "88886666"},
		{"8888666", "8888666"},
		{"8888-6666", "88886666"},
		{"88886666转12", "88886666转12"},
		{"88886666-12", "88886666转12"},
		{"400-800-8888", "400-800-8888"},
		{"4008008888", "400-800-8888"},
	}
	for _, tt := range tests {
		got, err := ParsePhone(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParsePhone(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			continue
		}
		// Normalised output reads back as itself.
		if again, err := ParsePhone(got); err != nil || again != got {
			t.Errorf("ParsePhone(%q) = %q, %v: not idempotent", got, again, err)
		}
	}
}

func TestParsePhoneErrors(t *testing.T) {
	tests := []struct{ in, code, zhHas string }{
		{"", CodeRequired, "请填写"},
		{"1380013800", CodeLength, "11 位，现在是 10 位"},
		{"138001380001", CodeLength, "现在是 12 位"},
		{"12800138000", CodeFormat, "第二位"},
		{"1380013800a", CodeDigits, "只能包含数字"},
		{"tel 13800138000", CodeDigits, "只能包含数字"},
		{"0571-123", CodeLength, "区号"},
		{"0571-0888666", CodeLength, "区号"},
		{"12345", CodeLength, "现在是 5 位"},
		{"98765", CodeLength, "位数不对"},
		{"13800138000转12", CodeFormat, "分机"},
		{"0571-88886666转abc", CodeFormat, "分机"},
		{"+1 202 555 0100", CodeFormat, "+86"},
		{"138+00138000", CodeFormat, "格式不对"},
	}
	for _, tt := range tests {
		got, err := ParsePhone(tt.in)
		if err == nil {
			t.Errorf("ParsePhone(%q) = %q, want an error", tt.in, got)
			continue
		}
		p := problemOf(t, err)
		if p.Field != "Phones" || p.Code != tt.code || !strings.Contains(p.Zh, tt.zhHas) {
			t.Errorf("ParsePhone(%q) = %+v, want %s with %q", tt.in, p, tt.code, tt.zhHas)
		}
	}
}

func TestParsePhones(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"  ", nil},
		{"，、", nil},
		{"13800138000", []string{"13800138000"}},
		{"13800138000,13900139000", []string{"13800138000", "13900139000"}},
		{"13800138000，13900139000", []string{"13800138000", "13900139000"}},
		{"13800138000、0571-88886666", []string{"13800138000", "0571-88886666"}},
		{"13800138000;13900139000；13700137000", []string{"13800138000", "13900139000", "13700137000"}},
		{"13800138000/13900139000", []string{"13800138000", "13900139000"}},
		{"13800138000 13900139000", []string{"13800138000", "13900139000"}},
		{"138 0013 8000", []string{"13800138000"}},
		{"138 0013 8000、139 0013 9000", []string{"13800138000", "13900139000"}},
		{"0571 88886666", []string{"0571-88886666"}},
		{"13800138000, 138-0013-8000", []string{"13800138000"}},
		{"13800138000\n13900139000", []string{"13800138000", "13900139000"}},
	}
	for _, tt := range tests {
		got, err := ParsePhones(tt.in)
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParsePhones(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			continue
		}
		again, err := ParsePhones(JoinPhones(got))
		if err != nil || !reflect.DeepEqual(again, got) {
			t.Errorf("ParsePhones(JoinPhones(%q)) = %q, %v", got, again, err)
		}
	}
	for _, in := range []string{"13800138000,1380013800", "138 0013 800", "13800138000 abc"} {
		_, err := ParsePhones(in)
		if err == nil {
			t.Errorf("ParsePhones(%q): no error", in)
			continue
		}
		if p := problemOf(t, err); p.Field != "Phones" {
			t.Errorf("ParsePhones(%q): field %q", in, p.Field)
		}
	}
}

func TestMaskPhone(t *testing.T) {
	tests := map[string]string{
		"13812345678":       "138****5678",
		"0571-88886666":     "0571-****6666",
		"010-12345678":      "010-****5678",
		"0571-8888666":      "0571-***8666",
		"0571-88886666转123": "0571-****6666转123",
		"88886666转12":       "******66转12",
		"400-800-8888":      "**********88",
		"88886666":          "******66",
		"12":                "**",
		"1":                 "*",
		"":                  "",
		"代接电话":              "**电话",
	}
	for in, want := range tests {
		if got := MaskPhone(in); got != want {
			t.Errorf("MaskPhone(%q) = %q, want %q", in, got, want)
		}
	}
}
