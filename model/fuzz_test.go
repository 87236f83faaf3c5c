package model

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// Fuzz targets for every parser. Seeds are in testdata/fuzz/<FuzzName>/; run one with
//
//	go test ./model -run=^$ -fuzz=FuzzParseIDNumber -fuzztime=10s

// mustBeProblem fails unless err is a Problem about field.
func mustBeProblem(t *testing.T, err error, field string) {
	t.Helper()
	var p Problem
	if !errors.As(err, &p) {
		t.Fatalf("error %v (%T) is not a Problem", err, err)
	}
	if p.Field != field || p.Code == "" || p.Zh == "" || p.En == "" {
		t.Fatalf("bad Problem %+v (want field %s)", p, field)
	}
}

func FuzzParseIDNumber(f *testing.F) {
	for _, s := range []string{"11010519491231002X", "610104620927690", "1.10101E+17", "11010519491231002x", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		info, err := ParseIDNumber(s, today)
		if err != nil {
			mustBeProblem(t, err, "IDNumber")
			return
		}
		n := info.Number
		if len(n) != 18 || IDCheckDigit(n[:17]) != n[17] {
			t.Fatalf("ParseIDNumber(%q) = %q fails its own checksum", s, n)
		}
		if !realDate(info.BirthDate) || info.BirthDate < minBirth || !DateNotAfter(info.BirthDate, today) {
			t.Fatalf("ParseIDNumber(%q): birth date %q", s, info.BirthDate)
		}
		if info.Sex != "M" && info.Sex != "F" {
			t.Fatalf("ParseIDNumber(%q): sex %q", s, info.Sex)
		}
		again, err := ParseIDNumber(n, today)
		if err != nil {
			t.Fatalf("ParseIDNumber(%q) = %q, which does not parse: %v", s, n, err)
		}
		info.Upgraded = false
		if again != info {
			t.Fatalf("not idempotent: %+v then %+v", info, again)
		}
	})
}

func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"1,200.50", "0.5万元", "￥1200", "-5", "1200.555", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fen, err := ParseMoney(s)
		if err != nil {
			mustBeProblem(t, err, "MoneyFen")
			return
		}
		if fen < 0 || fen > MaxMoneyFen {
			t.Fatalf("ParseMoney(%q) = %d", s, fen)
		}
		for _, out := range []string{FormatMoney(fen), FormatYuan(fen), FormatYuan(fen) + "元"} {
			if again, err := ParseMoney(out); err != nil || again != fen {
				t.Fatalf("ParseMoney(%q) = %d; ParseMoney(%q) = %d, %v", s, fen, out, again, err)
			}
		}
		if w := FormatWan(fen); !strings.HasSuffix(w, "元") {
			t.Fatalf("FormatWan(%d) = %q", fen, w)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-11-29", "2026年1月5日", "202611", "2026/02/30", "20261129", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, allowMonth := range []bool{false, true} {
			iso, err := ParseDateField("Date", s, today, allowMonth)
			if err != nil {
				mustBeProblem(t, err, "Date")
				continue
			}
			if _, _, _, ok := splitISO(iso); !ok {
				t.Fatalf("ParseDateField(%q) = %q is not ISO", s, iso)
			}
			if len(iso) == 10 && !realDate(iso) {
				t.Fatalf("ParseDateField(%q) = %q is not a real date", s, iso)
			}
			if len(iso) == 7 && !allowMonth {
				t.Fatalf("ParseDate(%q) = %q: a month where a date is required", s, iso)
			}
			again, err := ParseDateField("Date", iso, today, allowMonth)
			if err != nil || again != iso {
				t.Fatalf("ParseDateField(%q) = %q; again %q, %v", s, iso, again, err)
			}
			if q := Quarter(iso); q < 1 || q > 4 {
				t.Fatalf("Quarter(%q) = %d", iso, q)
			}
			if FormatDateZh(iso) == iso {
				t.Fatalf("FormatDateZh(%q) unchanged", iso)
			}
		}
	})
}

func FuzzParsePhones(f *testing.F) {
	for _, s := range []string{"138 0013 8000，0571-88886666转123", "+86 10 12345678", "13800138000 13900139000", "", "1380013800"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		phones, err := ParsePhones(s)
		if err != nil {
			mustBeProblem(t, err, "Phones")
			return
		}
		seen := map[string]bool{}
		for _, p := range phones {
			if seen[p] {
				t.Fatalf("ParsePhones(%q) = %q: duplicate %q", s, phones, p)
			}
			seen[p] = true
			if again, err := ParsePhone(p); err != nil || again != p {
				t.Fatalf("ParsePhones(%q) gave %q; ParsePhone of it = %q, %v", s, p, again, err)
			}
			if m := MaskPhone(p); utf8.RuneCountInString(m) != utf8.RuneCountInString(p) || m == p {
				t.Fatalf("MaskPhone(%q) = %q", p, m)
			}
		}
		again, err := ParsePhones(JoinPhones(phones))
		if err != nil || !slices.Equal(again, phones) {
			t.Fatalf("ParsePhones(%q) = %q; again %q, %v", s, phones, again, err)
		}
	})
}

func FuzzCleanName(f *testing.F) {
	for _, s := range []string{"张 三", "买买提 ・ 吐尔逊", "John  Smith", "单雄信", "张\ufffd", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		name, err := CleanName(s)
		if err != nil {
			mustBeProblem(t, err, "Name")
			return
		}
		if name == "" || utf8.RuneCountInString(name) > MaxNameRunes || !utf8.ValidString(name) {
			t.Fatalf("CleanName(%q) = %q", s, name)
		}
		for _, r := range name {
			if unicode.IsControl(r) || isInvisibleFormat(r) || r == utf8.RuneError || unicode.IsDigit(r) {
				t.Fatalf("CleanName(%q) = %q keeps %U", s, name, r)
			}
		}
		if again, err := CleanName(name); err != nil || again != name {
			t.Fatalf("CleanName(%q) = %q; again %q, %v", s, name, again, err)
		}
		checkKeys(t, name, NameSearchKeys(name))
		if k := PinyinSortKey(name); !strings.HasSuffix(k, " "+name) {
			t.Fatalf("PinyinSortKey(%q) = %q", name, k)
		}
	})
}

func FuzzSanitize(f *testing.F) {
	for _, s := range []string{"\x1b[31m红\x1b[0m", "a\u202eb", "𠮷\u200b", "bad\xff", "\u009b2J", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Sanitize(s)
		if !utf8.ValidString(out) {
			t.Fatalf("Sanitize(%q) = %q is not valid UTF-8", s, out)
		}
		for _, r := range out {
			if unicode.IsControl(r) || isInvisibleFormat(r) || r == 0x2028 || r == 0x2029 {
				t.Fatalf("Sanitize(%q) = %q keeps %U", s, out, r)
			}
		}
		if Sanitize(out) != out {
			t.Fatalf("Sanitize not idempotent on %q", s)
		}
		if txt, err := CleanText("Note", s, 0); err == nil {
			for _, r := range txt {
				if unicode.IsControl(r) || isInvisibleFormat(r) {
					t.Fatalf("CleanText(%q) = %q keeps %U", s, txt, r)
				}
			}
		} else {
			mustBeProblem(t, err, "Note")
		}
		_ = MaskID(s)
		_ = MaskPhone(s)
	})
}

// FuzzNeutraliseFormula: whatever a cell holds, the CSV text carries no control or bidi
// character but its own leading tab, and never starts (after spaces) with what a
// spreadsheet runs.
func FuzzNeutraliseFormula(f *testing.F) {
	for _, s := range []string{"\r=1+1", "\t@SUM(1)", "　－2", "正常", "\x1b]52;c;x\x07", "\u202e+1", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := NeutraliseFormula(s)
		body := strings.TrimPrefix(out, "\t")
		for _, r := range body {
			if isControl(r) || isInvisibleFormat(r) || isLineBreak(r) {
				t.Fatalf("NeutraliseFormula(%q) = %q keeps %U", s, out, r)
			}
		}
		if out == body {
			if first := strings.TrimLeftFunc(body, isSpace); first != "" && strings.ContainsRune("=+-@＝＋－＠", []rune(first)[0]) {
				t.Fatalf("NeutraliseFormula(%q) = %q is a formula", s, out)
			}
		}
	})
}
