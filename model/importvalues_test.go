package model

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestExcelSerialDate(t *testing.T) {
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"18264", "1950-01-01", true},
		{"18264.75", "1950-01-01", true},
		{"1", "1900-01-01", true},
		{"59", "1900-02-28", true},
		{"61", "1900-03-01", true},
		{"46355", "2026-11-29", true},
		{"1948", "", false},    // a year typed alone
		{"1948.03", "", false}, // a year and month
		{"2026", "", false},
		{"0", "", false},
		{"-5", "", false},
		{"abc", "", false},
		{"1e5", "", false},
		{"", "", false},
	} {
		got, ok := ExcelSerialDate(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("ExcelSerialDate(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestParseImportDate(t *testing.T) {
	for _, c := range []struct {
		in    string
		month bool
		want  string
	}{
		{"1948.03", true, "1948-03"},
		{"1948年3月", true, "1948-03"},
		{"1948-03-15 00:00:00", false, "1948-03-15"},
		{"17607", false, "1948-03-15"},
		{"1948/3/15", false, "1948-03-15"},
		{"１９４８．０３", true, "1948-03"},
	} {
		got, err := ParseImportDate("BirthDate", c.in, today, c.month)
		if err != nil || got != c.want {
			t.Errorf("ParseImportDate(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	for _, in := range []string{"1948", "1950-02-30", "1948-03-15 08:30", "1948.13"} {
		if got, err := ParseImportDate("BirthDate", in, today, true); err == nil {
			t.Errorf("ParseImportDate(%q) = %q, want an error", in, got)
		}
	}
}

func TestParseImportCategories(t *testing.T) {
	for _, c := range []struct {
		in      string
		codes   string
		unknown string
	}{
		{"烈属", CatMartyrFamily, ""},
		{"参战、伤残军人", CatWarVeteran + "," + CatDisabledSoldier, ""},
		{"两参人员", CatWarVeteran + "," + CatTestVeteran, ""},
		{"三属", CatMartyrFamily + "," + CatDutyDeathFamily + "," + CatIllDeathFamily, ""},
		{"因公遗属，病故遗属", CatDutyDeathFamily + "," + CatIllDeathFamily, ""},
		{"农村老兵 / 参试", CatRuralVeteran60 + "," + CatTestVeteran, ""},
		{"红军老战士/红军失散人员", CatRedArmy, ""},
		{"烈属;烈士遗属", CatMartyrFamily, ""},
		{"参战;神仙", CatWarVeteran, "神仙"},
		{"", "", ""},
	} {
		codes, unknown := ParseImportCategories(c.in)
		if strings.Join(codes, ",") != c.codes || strings.Join(unknown, ",") != c.unknown {
			t.Errorf("ParseImportCategories(%q) = %v, %v; want %s, %s", c.in, codes, unknown, c.codes, c.unknown)
		}
	}
}

func TestImportSmallValues(t *testing.T) {
	for in, want := range map[string]int{"一级": 1, "1级": 1, "1": 1, "6.0": 6, "十级": 10, "伤残六级": 6, "六级伤残": 6, "１０": 10} {
		if g, ok := ParseImportGrade(in); !ok || g != want {
			t.Errorf("ParseImportGrade(%q) = %d, %v", in, g, ok)
		}
	}
	for _, in := range []string{"0", "11", "1.5", "甲级", ""} {
		if g, ok := ParseImportGrade(in); ok {
			t.Errorf("ParseImportGrade(%q) = %d", in, g)
		}
	}
	for in, want := range map[string]string{"男": "M", "女性": "F", "m": "M", "Female": "F", " 男 ": "M"} {
		if s, ok := ParseSex(in); !ok || s != want {
			t.Errorf("ParseSex(%q) = %q", in, s)
		}
	}
	if _, ok := ParseSex("未知"); ok {
		t.Error("ParseSex(未知) accepted")
	}
	for in, want := range map[string]bool{"是": true, "否": false, "√": true, "无": false, "Y": true, "0": false} {
		if v, ok := ParseYesNo(in); !ok || v != want {
			t.Errorf("ParseYesNo(%q) = %v, %v", in, v, ok)
		}
	}
	if out, removed := CleanCell(" 张\u202e三\x1b \n"); out != "张三" || !removed {
		t.Errorf("CleanCell = %q, %v", out, removed)
	}
	if out, removed := CleanCell("李家村\n二组"); out != "李家村 二组" || removed {
		t.Errorf("CleanCell with a line break = %q, %v", out, removed)
	}
}

func TestExcelDamagedID(t *testing.T) {
	for in, want := range map[string]bool{
		"1.10105E+17":        true,
		"110105194912310000": true, // what a float64 prints for 1.10105194912310e17
		"110105194912310021": false,
		"11010519491231002X": false,
		"610104620927690":    false, // 15 digits fit in a float exactly: an old number
		"":                   false,
	} {
		if got := ExcelDamagedID(in); got != want {
			t.Errorf("ExcelDamagedID(%q) = %v", in, got)
		}
	}
}

func FuzzImportValues(f *testing.F) {
	for _, s := range []string{"18264", "1948.03", "1948年3月", "参战、伤残军人", "三属", "六级", "1.10105E+17", "\x1b[31m张", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if iso, ok := ExcelSerialDate(s); ok && !realDate(iso) {
			t.Errorf("ExcelSerialDate(%q) = %q, not a date", s, iso)
		}
		if iso, err := ParseImportDate("BirthDate", s, today, true); err == nil {
			if _, _, _, ok := splitISO(iso); !ok {
				t.Errorf("ParseImportDate(%q) = %q", s, iso)
			}
		}
		codes, _ := ParseImportCategories(s)
		for _, c := range codes {
			if !Categories.Valid(c) {
				t.Errorf("ParseImportCategories(%q) gave %q", s, c)
			}
		}
		if g, ok := ParseImportGrade(s); ok && (g < 1 || g > 10) {
			t.Errorf("ParseImportGrade(%q) = %d", s, g)
		}
		if out, _ := CleanCell(s); !utf8.ValidString(out) {
			t.Errorf("CleanCell(%q) = %q, not UTF-8", s, out)
		}
		ExcelDamagedID(s)
	})
}
