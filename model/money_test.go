package model

import (
	"strings"
	"testing"
)

func TestParseMoney(t *testing.T) {
	tests := []struct {
		in   string
		want int64
	}{
		{"", 0},
		{"  ", 0},
		{"0", 0},
		{"1200", 120000},
		{"1,200.50", 120050},
		{"1200元", 120000},
		{"1200.5元", 120050},
		{"0.5万元", 500000},
		{"0.5万", 500000},
		{"98.165万元", 98165000},
		{"0.000001万元", 1},
		{"１２００", 120000},
		{"１，２００．５０", 120050},
		{"￥1200", 120000},
		{"¥1,200", 120000},
		{"¥ 1,200.00 元", 120000},
		{"RMB1200", 120000},
		{"1200.00", 120000},
		{"1200.10", 120010},
		{".5", 50},
		{"5.", 500},
		{"0.01", 1},
		{"007", 700},
		{"1,234,567.89", 123456789},
		{"1000000000", 100000000000},
	}
	for _, tt := range tests {
		got, err := ParseMoney(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseMoney(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
	}
}

func TestParseMoneyErrors(t *testing.T) {
	tests := []struct{ in, code, zhHas string }{
		{"-5", CodeNegative, "负数"},
		{"－5", CodeNegative, "负数"},
		{"¥-5", CodeNegative, "负数"},
		{"1200.555", CodePrecision, "两位小数"},
		{"0.0000001万", CodePrecision, "六位小数"},
		{"1000000000.01", CodeTooLarge, "10 亿元"},
		{"99999999999", CodeTooLarge, "10 亿元"},
		{"100001万", CodeTooLarge, "10 亿元"},
		{"12,00", CodeFormat, "逗号"},
		{"1,2000", CodeFormat, "逗号"},
		{",200", CodeFormat, "逗号"},
		{"abc", CodeFormat, "格式不对"},
		{"一千二", CodeFormat, "格式不对"},
		{"12a", CodeFormat, "格式不对"},
		{"1.2.3", CodeFormat, "格式不对"},
		{".", CodeFormat, "格式不对"},
		{"元", CodeFormat, "格式不对"},
		{"1.10101E+17", CodeFormat, "格式不对"},
	}
	for _, tt := range tests {
		got, err := ParseMoney(tt.in)
		if err == nil {
			t.Errorf("ParseMoney(%q) = %d, want an error", tt.in, got)
			continue
		}
		p := problemOf(t, err)
		if p.Code != tt.code || !strings.Contains(p.Zh, tt.zhHas) {
			t.Errorf("ParseMoney(%q) = %+v, want %s with %q", tt.in, p, tt.code, tt.zhHas)
		}
	}
}

func TestFormatMoney(t *testing.T) {
	tests := map[int64]string{
		0: "0.00", 1: "0.01", 10: "0.10", 100: "1.00", 120050: "1,200.50", 120000: "1,200.00",
		99999: "999.99", 100000: "1,000.00", 123456789: "1,234,567.89", -120050: "-1,200.50",
		100000000000: "1,000,000,000.00",
	}
	for in, want := range tests {
		if got := FormatMoney(in); got != want {
			t.Errorf("FormatMoney(%d) = %q, want %q", in, got, want)
		}
	}
}

func TestFormatYuan(t *testing.T) {
	tests := map[int64]string{
		0: "0", 120000: "1200", 120050: "1200.5", 120005: "1200.05", 1: "0.01", 50: "0.5", -120050: "-1200.5",
	}
	for in, want := range tests {
		if got := FormatYuan(in); got != want {
			t.Errorf("FormatYuan(%d) = %q, want %q", in, got, want)
		}
	}
}

func TestFormatWan(t *testing.T) {
	tests := map[int64]string{
		0:          "0元",
		120000:     "1200元",
		120050:     "1200.5元",
		999999:     "9999.99元",
		1000000:    "1万元",
		98165000:   "98.165万元",
		3000000:    "3万元",
		1500000:    "1.5万元",
		123456789:  "123.4568万元",
		1000049:    "1万元",
		1000050:    "1.0001万元",
		1000000000: "1000万元",
		-3000000:   "-3万元",
	}
	for in, want := range tests {
		if got := FormatWan(in); got != want {
			t.Errorf("FormatWan(%d) = %q, want %q", in, got, want)
		}
	}
}

func TestMoneyRoundTrip(t *testing.T) {
	for _, fen := range []int64{0, 1, 99, 100, 120050, 98165000, MaxMoneyFen} {
		for _, s := range []string{FormatMoney(fen), FormatYuan(fen), FormatYuan(fen) + "元"} {
			if got, err := ParseMoney(s); err != nil || got != fen {
				t.Errorf("ParseMoney(%q) = %d, %v; want %d", s, got, err, fen)
			}
		}
	}
}
