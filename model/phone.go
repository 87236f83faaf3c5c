package model

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Phones are stored normalised, one number per entry:
//
//	mobile    13800138000            (11 digits, no prefix, no separators)
//	landline  0571-88886666          (area code, a dash, the local number)
//	          010-12345678转123      (an extension after 转)
//	local     88886666               (no area code: digits only)
//	service   400-800-8888
//
// Extensions are written with 转, not a dash: "2000000-0" could be read back as the local
// number 20000000, "2000000转0" cannot.
//
// Elderly recipients often give a child's phone; who answers goes in ContactNote.

func phoneProblem(code, zh, en string) Problem { return problem("Phones", code, zh, en) }

// ParsePhone reads one phone number and returns it normalised (see above). Accepted: a
// mobile number ^1[3-9]\d{9}$, also with +86/0086/86 in front and spaces or dashes
// inside; a landline with its area code (0571-88886666, (0571)88886666, 057188886666,
// +86 571 88886666) and an optional extension ("-123", "转123", "分机123"); a 7–8 digit
// local number without area code. Full-width digits are accepted. Problems have Field
// "Phones".
func ParsePhone(s string) (string, error) {
	s = trimSpace(foldWidth(Sanitize(s)))
	if s == "" {
		return "", phoneProblem(CodeRequired, "请填写电话号码", "Please enter the phone number")
	}
	orig := s

	// An extension written out in words.
	ext := ""
	for _, mark := range []string{"转", "分机", "ext.", "ext", "EXT", "Ext"} {
		if i := strings.Index(s, mark); i >= 0 {
			ext = removeSeparators(s[i+len(mark):])
			s = s[:i]
			if !allDigits(ext) || len(ext) > 6 {
				return "", phoneProblem(CodeFormat,
					"分机号不对："+orig+"，分机号应为 1–6 位数字",
					"Bad extension in "+orig+": it should be 1–6 digits")
			}
			break
		}
	}

	for _, r := range s {
		if !(r >= '0' && r <= '9') && !isPhoneSeparator(r) && r != '+' {
			return "", phoneProblem(CodeDigits,
				"电话号码只能包含数字、空格和 -："+orig,
				"A phone number has only digits, spaces and dashes: "+orig)
		}
	}
	if strings.Count(s, "+") > 1 || (strings.Contains(s, "+") && !strings.HasPrefix(s, "+")) {
		return "", phoneProblem(CodeFormat, "电话号码格式不对："+orig, "Unrecognised phone number: "+orig)
	}

	digits := removeSeparators(s)
	if out, err := phoneDigits(digits, ext, orig, strings.HasPrefix(s, "+")); err == nil || ext != "" {
		return out, err
	} else if i := strings.LastIndexByte(s, '-'); i > 0 {
		// 0571-88886666-123: the last dash may separate an extension.
		tail := removeSeparators(s[i+1:])
		if allDigits(tail) && len(tail) <= 6 {
			if out, err2 := phoneDigits(removeSeparators(s[:i]), tail, orig, strings.HasPrefix(s, "+")); err2 == nil {
				return out, nil
			}
		}
		return "", err
	} else {
		return "", err
	}
}

func isPhoneSeparator(r rune) bool {
	return r == '-' || r == ' ' || r == '(' || r == ')' || r == '—' || r == '–' || r == '.' || isSpace(r)
}

func removeSeparators(s string) string {
	return strings.Map(func(r rune) rune {
		if isPhoneSeparator(r) || r == '+' {
			return -1
		}
		return r
	}, s)
}

// phoneDigits classifies a run of digits as a mobile, landline or local number.
// international tells that the digits came after a "+".
func phoneDigits(d, ext, orig string, international bool) (string, error) {
	if d == "" {
		return "", phoneProblem(CodeFormat, "电话号码格式不对："+orig, "Unrecognised phone number: "+orig)
	}
	// Country code.
	switch {
	case strings.HasPrefix(d, "0086"):
		d, international = d[4:], true
	case international && strings.HasPrefix(d, "86"):
		d = d[2:]
	case international:
		return "", phoneProblem(CodeFormat,
			"只能录入中国大陆的电话号码（+86）："+orig,
			"Only mainland China numbers (+86) can be recorded: "+orig)
	case len(d) == 13 && strings.HasPrefix(d, "861"):
		d, international = d[2:], true
	}
	if international && d != "" && d[0] != '0' && !(len(d) > 1 && d[0] == '1' && d[1] >= '3') {
		d = "0" + d // +86 571 88886666 → 0571 88886666, +86 10 … → 010 …
	}
	if len(d) == 10 && (strings.HasPrefix(d, "400") || strings.HasPrefix(d, "800")) {
		// 400/800 service numbers of companies and hospitals
		if ext != "" {
			return d[:3] + "-" + d[3:6] + "-" + d[6:] + "转" + ext, nil
		}
		return d[:3] + "-" + d[3:6] + "-" + d[6:], nil
	}

	switch {
	case d != "" && d[0] == '1':
		if len(d) != 11 {
			return "", phoneProblem(CodeLength,
				"手机号应为 11 位，现在是 "+strconv.Itoa(len(d))+" 位："+orig,
				"A mobile number has 11 digits; this one has "+strconv.Itoa(len(d))+": "+orig)
		}
		if d[1] < '3' {
			return "", phoneProblem(CodeFormat,
				"手机号第二位应为 3–9："+orig,
				"The second digit of a mobile number is 3–9: "+orig)
		}
		if ext != "" {
			return "", phoneProblem(CodeFormat,
				"手机号没有分机号："+orig,
				"A mobile number has no extension: "+orig)
		}
		return d, nil
	case d != "" && d[0] == '0':
		area := 4
		if strings.HasPrefix(d, "010") || strings.HasPrefix(d, "02") {
			area = 3 // 北京 010 and 02x are the three-digit area codes
		}
		local := d[min(area, len(d)):]
		if len(d) <= area || len(local) < 7 || len(local) > 8 || local[0] == '0' {
			return "", phoneProblem(CodeLength,
				"固定电话应为区号加 7–8 位号码，如 0571-88886666："+orig,
				"A landline is an area code and 7–8 digits, e.g. 0571-88886666: "+orig)
		}
		out := d[:area] + "-" + local
		if ext != "" {
			out += "转" + ext
		}
		return out, nil
	default:
		if len(d) < 7 || len(d) > 8 {
			return "", phoneProblem(CodeLength,
				"电话号码位数不对："+orig+"（手机 11 位；固定电话区号加 7–8 位）",
				"Wrong number of digits: "+orig+" (mobile 11; landline area code and 7–8 digits)")
		}
		if ext != "" {
			return d + "转" + ext, nil
		}
		return d, nil
	}
}

// phoneListSeparators separate several numbers in one cell.
func isPhoneListSeparator(r rune) bool {
	switch r {
	case ',', '，', '、', ';', '；', '/', '／', '|', '\n', '\r':
		return true
	}
	return false
}

// ParsePhones reads one or more phone numbers from one cell or field, separated by , ，
// 、 ; ； / or spaces, and returns them normalised without duplicates, in the order given.
// Spaces are ambiguous — "138 0013 8000" is one number, "13800138000 13900139000" two —
// so a space-separated piece is first read as one number and split only if that fails.
// Empty input gives nil, nil. Problems have Field "Phones" and name the bad number.
func ParsePhones(s string) ([]string, error) {
	s = foldWidth(Sanitize(s))
	var out []string
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, piece := range strings.FieldsFunc(s, isPhoneListSeparator) {
		piece = trimSpace(piece)
		if piece == "" {
			continue
		}
		p, err := ParsePhone(piece)
		if err == nil {
			add(p)
			continue
		}
		words := strings.FieldsFunc(piece, isSpace)
		if len(words) < 2 {
			return nil, err
		}
		var parsed []string
		for _, w := range words {
			q, err2 := ParsePhone(w)
			if err2 != nil {
				return nil, err // the reading as one number explains best what is wrong
			}
			parsed = append(parsed, q)
		}
		for _, q := range parsed {
			add(q)
		}
	}
	return out, nil
}

// JoinPhones writes normalised numbers in one cell, in the form ParsePhones reads back.
func JoinPhones(phones []string) string { return strings.Join(phones, "，") }

// MaskPhone hides the middle of a phone number for screens and public exports: a mobile
// keeps its first 3 and last 4 digits (138****5678); a landline keeps its area code and
// the last 4 digits of the local number (0571-****6666); anything shorter or unknown keeps
// only its last 2 characters. An extension (转123) is not personal and is kept.
func MaskPhone(s string) string {
	if s == "" {
		return ""
	}
	main, ext, hasExt := strings.Cut(s, "转")
	if hasExt && allDigits(ext) && main != "" {
		return MaskPhone(main) + "转" + ext
	}
	if len(s) == 11 && allDigits(s) && s[0] == '1' {
		return s[:3] + "****" + s[7:]
	}
	if area, local, ok := strings.Cut(s, "-"); ok && strings.HasPrefix(area, "0") && allDigits(area) && allDigits(local) && len(local) > 4 {
		return area + "-" + strings.Repeat("*", len(local)-4) + local[len(local)-4:]
	}
	n := utf8.RuneCountInString(s)
	if n <= 2 {
		return strings.Repeat("*", n)
	}
	r := []rune(s)
	return strings.Repeat("*", n-2) + string(r[n-2:])
}
