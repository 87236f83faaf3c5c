package model

import (
	"strings"
	"testing"
)

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2026-11-29", "2026-11-29"},
		{"2026/11/29", "2026-11-29"},
		{"2026.11.29", "2026-11-29"},
		{"20261129", "2026-11-29"},
		{"2026-1-5", "2026-01-05"},
		{"2026/1/5", "2026-01-05"},
		{"2026年11月29日", "2026-11-29"},
		{"2026年1月5日", "2026-01-05"},
		{"2026年1月5号", "2026-01-05"},
		{"2026年11月29", "2026-11-29"},
		{"２０２６－１１－２９", "2026-11-29"},
		{" 2026-11-29\u3000", "2026-11-29"},
		{"2024-02-29", "2024-02-29"},
		{"1880-01-01", "1880-01-01"},
		{"2031-12-31", "2031-12-31"},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in, today)
		if err != nil || got != tt.want {
			t.Errorf("ParseDate(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestParseDateErrors(t *testing.T) {
	tests := []struct{ in, code, zhHas string }{
		{"", CodeRequired, "请填写"},
		{"2026-11", CodeFormat, "哪一天"},
		{"202611", CodeFormat, "哪一天"},
		{"2026-02-30", CodeDate, "没有30日"},
		{"2025-02-29", CodeDate, "没有29日"},
		{"2026-13-01", CodeDate, "月份"},
		{"2026-00-01", CodeDate, "月份"},
		{"2026-11-00", CodeDate, "没有0日"},
		{"1879-12-31", CodeDate, "年份 1879"},
		{"2032-01-01", CodeDate, "年份 2032"},
		{"26-11-29", CodeFormat, "格式"},
		{"2026-11/29", CodeFormat, "格式"},
		{"yesterday", CodeFormat, "格式"},
		{"2026-111-1", CodeFormat, "格式"},
		{"46355", CodeFormat, "格式"},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in, today)
		if err == nil {
			t.Errorf("ParseDate(%q) = %q, want an error", tt.in, got)
			continue
		}
		p := problemOf(t, err)
		if p.Field != "Date" || p.Code != tt.code || !strings.Contains(p.Zh, tt.zhHas) {
			t.Errorf("ParseDate(%q) = %+v, want %s with %q", tt.in, p, tt.code, tt.zhHas)
		}
	}
}

func TestParseDateOrMonth(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2026-11", "2026-11"},
		{"2026/11", "2026-11"},
		{"2026.11", "2026-11"},
		{"2026.11.", "2026-11"},
		{"202611", "2026-11"},
		{"2026年11月", "2026-11"},
		{"2026-1", "2026-01"},
		{"1954年10月", "1954-10"},
		{"2026-11-29", "2026-11-29"},
		{"20261129", "2026-11-29"},
	}
	for _, tt := range tests {
		got, err := ParseDateOrMonth(tt.in, today)
		if err != nil || got != tt.want {
			t.Errorf("ParseDateOrMonth(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, in := range []string{"2026-13", "202613", "2026", "1879-01", "2026年"} {
		if got, err := ParseDateOrMonth(in, today); err == nil {
			t.Errorf("ParseDateOrMonth(%q) = %q, want an error", in, got)
		}
	}
}

func TestParseDateField(t *testing.T) {
	_, err := ParseDateField("EnlistedOn", "1954-13", today, true)
	p := problemOf(t, err)
	if p.Field != "EnlistedOn" || !strings.Contains(p.Zh, "入伍时间") {
		t.Fatalf("problem %+v", p)
	}
	_, err = ParseDateField("BirthDate", "x", today, false)
	if p := problemOf(t, err); p.Field != "BirthDate" || !strings.Contains(p.Zh, "出生日期") {
		t.Fatalf("problem %+v", p)
	}
}

func TestFormatDateZh(t *testing.T) {
	tests := map[string]string{
		"2026-11-29": "2026年11月29日",
		"2026-01-05": "2026年1月5日",
		"2026-11":    "2026年11月",
		"2026-01":    "2026年1月",
		"":           "",
		"garbage":    "garbage",
		"2026-1-5":   "2026-1-5",
	}
	for in, want := range tests {
		if got := FormatDateZh(in); got != want {
			t.Errorf("FormatDateZh(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestQuarter(t *testing.T) {
	tests := map[string]int{
		"2026-01-01": 1, "2026-03-31": 1, "2026-04-01": 2, "2026-06-30": 2,
		"2026-07-15": 3, "2026-09": 3, "2026-10-01": 4, "2026-12-31": 4,
		"": 0, "2026": 0, "2026-13-01": 0, "2026-00": 0, "x": 0,
	}
	for in, want := range tests {
		if got := Quarter(in); got != want {
			t.Errorf("Quarter(%q) = %d, want %d", in, got, want)
		}
	}
	if QuarterLabel(1, Zh) != "第一季度" || QuarterLabel(4, Zh) != "第四季度" || QuarterLabel(2, En) != "Q2" || QuarterLabel(5, Zh) != "" {
		t.Error("QuarterLabel")
	}
}

func TestDateNotAfter(t *testing.T) {
	tests := map[string]bool{
		"2026-06-15": true, "2026-06-14": true, "1949-10-01": true,
		"2026-06-16": false, "2027-01-01": false,
		"2026-06": true, "2026-05": true, "2026-07": false,
		"": false, "2026-6-1": false, "junk": false,
	}
	for in, want := range tests {
		if got := DateNotAfter(in, today); got != want {
			t.Errorf("DateNotAfter(%q) = %v, want %v", in, got, want)
		}
	}
}
