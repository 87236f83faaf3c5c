package model

import (
	"strings"
	"testing"
)

func TestParseIDNumberValid(t *testing.T) {
	tests := []struct {
		in, number, birth, sex string
		upgraded               bool
	}{
		// DOMAIN.md §5 vectors.
		{"11010519491231002X", "11010519491231002X", "1949-12-31", "F", false},
		{"440524188001010014", "440524188001010014", "1880-01-01", "M", false},
		{"34052419800101001X", "34052419800101001X", "1980-01-01", "M", false},
		{"370101190102039973", "370101190102039973", "1901-02-03", "M", false},
		{"110101199003072316", "110101199003072316", "1990-03-07", "M", false},
		{"610104620927690", "610104196209276908", "1962-09-27", "F", true},
		// How people type them.
		{"11010519491231002x", "11010519491231002X", "1949-12-31", "F", false},
		{"  110101199003072316\u3000", "110101199003072316", "1990-03-07", "M", false},
		{"110101 19900307 2316", "110101199003072316", "1990-03-07", "M", false},
		{"１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X", "1949-12-31", "F", false},
		{"１１０１０５１９４９１２３１００２ｘ", "11010519491231002X", "1949-12-31", "F", false},
		{"\u200b110101199003072316", "110101199003072316", "1990-03-07", "M", false},
	}
	for _, tt := range tests {
		got, err := ParseIDNumber(tt.in, today)
		if err != nil {
			t.Errorf("ParseIDNumber(%q): %v", tt.in, err)
			continue
		}
		want := IDInfo{Number: tt.number, BirthDate: tt.birth, Sex: tt.sex, Upgraded: tt.upgraded}
		if got != want {
			t.Errorf("ParseIDNumber(%q) = %+v, want %+v", tt.in, got, want)
		}
	}
}

func TestParseIDNumberErrors(t *testing.T) {
	tests := []struct {
		in, code, zhHas string
	}{
		{"", CodeRequired, "请填写"},
		{"   ", CodeRequired, "请填写"},
		{"1.10101E+17", CodeExcel, "Excel"},
		{"4.30101e+17", CodeExcel, "Excel"},
		{"1.10101E17", CodeExcel, "Excel"},
		{"110105194912310000", CodeExcel, "000"},
		{"1101051949123100", CodeLength, "现在是 16 位"},
		{"1101051949123100211", CodeLength, "现在是 19 位"},
		{"11010519491231002A", CodeDigits, "数字"},
		{"110105-19491231002X", CodeDigits, "数字"},
		{"1101051949X231002X", CodeDigits, "最后一位"},
		{"61010462092769X", CodeDigits, "最后一位"},
		{"110105194902300021", CodeDate, "不是有效日期"},
		{"110105187912310021", CodeDate, "不是有效日期"},
		{"110105203001010021", CodeFuture, "晚于今天"},
		{"110105202606160021", CodeFuture, "晚于今天"},
		{"110105194912310021", CodeChecksum, "应为 X"},
		{"110101199003072317", CodeChecksum, "应为 6"},
		{"610104621327690", CodeDate, "不是有效日期"},
	}
	for _, tt := range tests {
		_, err := ParseIDNumber(tt.in, today)
		if err == nil {
			t.Errorf("ParseIDNumber(%q): no error", tt.in)
			continue
		}
		p := problemOf(t, err)
		if p.Field != "IDNumber" || p.Code != tt.code || !strings.Contains(p.Zh, tt.zhHas) {
			t.Errorf("ParseIDNumber(%q) = %+v, want code %s with %q", tt.in, p, tt.code, tt.zhHas)
		}
	}
	// Born today is fine.
	if _, err := ParseIDNumber(fix("110105"+"20260615"+"002"), today); err != nil {
		t.Errorf("born today: %v", err)
	}
}

// fix appends the right check digit to 17 digits.
func fix(first17 string) string { return first17 + string(IDCheckDigit(first17)) }

func TestIDCheckDigit(t *testing.T) {
	tests := map[string]byte{
		"11010519491231002": 'X',
		"44052418800101001": '4',
		"34052419800101001": 'X',
		"37010119010203997": '3',
		"11010119900307231": '6',
		"61010419620927690": '8',
		"1101011990030723":  0,
		"1101011990030723A": 0,
		"":                  0,
	}
	for in, want := range tests {
		if got := IDCheckDigit(in); got != want {
			t.Errorf("IDCheckDigit(%q) = %q, want %q", in, got, want)
		}
	}
}
