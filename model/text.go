package model

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// isControl reports C0 and C1 control characters and DEL. They can move the cursor or
// start escape sequences (ESC, and 0x9B, the one-byte CSI) when text is drawn in a
// terminal.
func isControl(r rune) bool {
	return r < 0x20 || (r >= 0x7F && r <= 0x9F)
}

// isInvisibleFormat reports characters that have no appearance of their own but change
// how text around them is shown or compared: zero-width characters, bidi controls (which
// can make a line display in a different order than it is stored), the BOM.
func isInvisibleFormat(r rune) bool {
	switch {
	case r >= 0x200B && r <= 0x200F, // zero-width space/joiners, LRM, RLM
		r >= 0x202A && r <= 0x202E, // bidi embeddings and overrides
		r >= 0x2066 && r <= 0x2069, // bidi isolates
		r == 0xFEFF,                // BOM / zero-width no-break space
		r == 0x061C,                // Arabic letter mark (bidi)
		r == 0x2060:                // word joiner
		return true
	}
	return false
}

// isLineBreak reports characters that a terminal or a spreadsheet cell treats as a
// break; in single-line fields they become spaces.
func isLineBreak(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == 0x85 || r == 0x2028 || r == 0x2029
}

// Sanitize makes text safe to draw in a terminal and to store from an import: tabs and
// line breaks become spaces; other control characters (including ESC and 0x9B), DEL,
// zero-width characters, bidi controls and the BOM are dropped. Everything else is kept,
// including characters outside the BMP (𠮷) and the name dot (·). Invalid UTF-8 bytes
// become U+FFFD, so the result is always valid UTF-8 (CleanName then refuses it with a
// message, rather than the damage going unnoticed).
func Sanitize(s string) string {
	clean := true
	for i, r := range s {
		if r == utf8.RuneError || isControl(r) || isInvisibleFormat(r) || isLineBreak(r) {
			if r == utf8.RuneError {
				if _, size := utf8.DecodeRuneInString(s[i:]); size == 3 {
					continue // a real U+FFFD: kept as it is
				}
			}
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case isLineBreak(r):
			b.WriteByte(' ')
		case isControl(r), isInvisibleFormat(r):
			// dropped
		default:
			b.WriteRune(r) // invalid bytes arrive here as U+FFFD
		}
	}
	return b.String()
}

// foldWidth turns full-width ASCII forms (what a Chinese IME types in its full-width mode:
// １２３, ＡＢＣ, －, ．) into ASCII and the ideographic space U+3000 into a space. Other
// characters are left alone: unlike x/text/width.Narrow this does not touch 、。・ which
// callers treat as separators or name dots.
func foldWidth(s string) string {
	needs := false
	for _, r := range s {
		if (r >= 0xFF01 && r <= 0xFF5E) || r == 0x3000 || r == 0xFFE5 {
			needs = true
			break
		}
	}
	if !needs {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			b.WriteRune(r - 0xFEE0)
		case r == 0x3000:
			b.WriteByte(' ')
		case r == 0xFFE5: // ￥ full-width yen/yuan sign
			b.WriteRune('¥')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isSpace reports spaces of every width, including U+3000 and no-break spaces.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == 0x3000 || r == 0xA0 || r == 0x202F || r == 0x2007
}

// trimSpace trims spaces of every width.
func trimSpace(s string) string { return strings.TrimFunc(s, isSpace) }

// removeSpaces removes every space, for numbers people type in groups ("138 0013 8000").
func removeSpaces(s string) string {
	return strings.Map(func(r rune) rune {
		if isSpace(r) {
			return -1
		}
		return r
	}, s)
}

// nameDots are the characters people use for the dot in transliterated names
// (买买提·吐尔逊): the standard is U+00B7; IMEs and Word produce the others.
func isNameDot(r rune) bool {
	switch r {
	case '·', '・', '•', '‧', '･', '⋅', '∙', '．', '●':
		return true
	}
	return false
}

// isHan reports Chinese characters (all CJK blocks, including extensions such as 𠮷).
func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// MaxNameRunes is the longest name accepted. The longest transliterated minority names
// with their dots stay well below it; "200-character names" (SPEC.md §8) do not.
const MaxNameRunes = 30

// CleanName normalises a person's name and refuses what cannot be one. Chinese names have
// no spaces: spaces between Chinese characters (张 三, or an IME's full-width space) are
// removed, while a single space is kept between Latin words (John Smith). The name dot is
// normalised to U+00B7 (买买提·吐尔逊), with spaces around it removed. Invisible zero-width
// and bidi characters picked up by copy and paste are dropped silently; control
// characters, U+FFFD (a character lost before it reached us), digits and names longer than
// MaxNameRunes are refused. Problems have Field "Name".
func CleanName(s string) (string, error) {
	const field = "Name"
	for _, r := range s {
		if r == utf8.RuneError {
			return "", problem(field, CodeDamaged,
				"姓名中有一个字在录入或导入时已损坏（显示为 �），请重新输入这个字",
				"A character of the name was damaged on the way in (shown as �); please type it again")
		}
		if isControl(r) && !isLineBreak(r) {
			return "", problem(field, CodeControl,
				"姓名中有看不见的控制字符，请删除后重新输入",
				"The name contains invisible control characters; please retype it")
		}
	}
	// Dots first: foldWidth would turn the full-width ． into an ASCII full stop.
	s = strings.Map(func(r rune) rune {
		if isInvisibleFormat(r) {
			return -1
		}
		if isLineBreak(r) {
			return ' '
		}
		if isNameDot(r) {
			return '·'
		}
		return r
	}, s)
	s = foldWidth(s)

	// Rebuild from the space-separated words, keeping a space only between Latin letters.
	words := strings.FieldsFunc(s, isSpace)
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			prev, _ := utf8.DecodeLastRuneInString(b.String())
			next, _ := utf8.DecodeRuneInString(w)
			if isLatinish(prev) && isLatinish(next) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(w)
	}
	s = b.String()
	// Collapse runs of dots; a doubled dot is a typing slip, not part of a name.
	for strings.Contains(s, "··") {
		s = strings.ReplaceAll(s, "··", "·")
	}

	if s == "" {
		return "", problem(field, CodeRequired, "请填写姓名", "Please enter the name")
	}
	for _, r := range s {
		if unicode.IsDigit(r) {
			return "", problem(field, CodeDigits,
				"姓名中不能有数字",
				"A name cannot contain digits")
		}
	}
	for _, r := range s {
		if !nameSymbolOK(r) {
			return "", problem(field, CodeFormat,
				"姓名中不能有符号「"+string(r)+"」，请删除",
				"A name cannot contain the symbol "+strconv.QuoteRune(r)+"; please remove it")
		}
	}
	if strings.HasPrefix(s, "·") || strings.HasSuffix(s, "·") {
		return "", problem(field, CodeFormat,
			"姓名不能以 · 开头或结尾",
			"A name cannot begin or end with ·")
	}
	if n := utf8.RuneCountInString(s); n > MaxNameRunes {
		return "", problem(field, CodeTooLong,
			"姓名太长：最多 "+strconv.Itoa(MaxNameRunes)+" 个字，现在有 "+strconv.Itoa(n)+" 个",
			"The name is too long: at most "+strconv.Itoa(MaxNameRunes)+" characters, it has "+strconv.Itoa(n))
	}
	return s, nil
}

// nameSymbolOK reports whether r may stand in a name: letters and marks of any script,
// and of punctuation only the name dot and what Latin names use (Jean-Luc, O'Brien,
// J. Smith). Everything else is refused like a digit — among it the printable leftovers of
// a pasted escape sequence ("王\x1b[m红" arrives as 王[m红 once ESC is gone).
func nameSymbolOK(r rune) bool {
	if !unicode.IsPunct(r) && !unicode.IsSymbol(r) {
		return true
	}
	switch r {
	case '·', '-', '\'', '’', '.':
		return true
	}
	return false
}

// isLatinish reports letters of alphabetic scripts, between which a space separates words.
func isLatinish(r rune) bool {
	if unicode.Is(unicode.Mn, r) {
		return true // a combining accent belongs to the letter before it
	}
	return unicode.IsLetter(r) && !isHan(r) && !unicode.Is(unicode.Hiragana, r) && !unicode.Is(unicode.Katakana, r) && !unicode.Is(unicode.Hangul, r)
}

// CleanText cleans a free-text field: tabs and line breaks become spaces (fields are
// single-line on screen and in spreadsheets), invisible zero-width and bidi characters are
// dropped, surrounding spaces are trimmed. Control characters and U+FFFD are refused with
// a message rather than silently removed, since they mean the text was damaged; so is
// text longer than maxRunes (no limit when maxRunes ≤ 0). Problems carry field.
func CleanText(field, s string, maxRunes int) (string, error) {
	label := FieldLabel(field, Zh)
	labelEn := FieldLabel(field, En)
	for _, r := range s {
		if r == utf8.RuneError {
			return "", problem(field, CodeDamaged,
				label+"中有字符在录入或导入时已损坏（显示为 �），请改正",
				labelEn+": a character was damaged on the way in (shown as �); please correct it")
		}
		if isControl(r) && !isLineBreak(r) {
			return "", problem(field, CodeControl,
				label+"中有看不见的控制字符，请删除后重新输入",
				labelEn+": contains invisible control characters; please retype it")
		}
	}
	s = strings.Map(func(r rune) rune {
		if isInvisibleFormat(r) {
			return -1
		}
		if isLineBreak(r) {
			return ' '
		}
		return r
	}, s)
	s = trimSpace(s)
	if maxRunes > 0 {
		if n := utf8.RuneCountInString(s); n > maxRunes {
			return "", problem(field, CodeTooLong,
				label+"太长：最多 "+strconv.Itoa(maxRunes)+" 个字，现在有 "+strconv.Itoa(n)+" 个",
				labelEn+" is too long: at most "+strconv.Itoa(maxRunes)+" characters, it has "+strconv.Itoa(n))
		}
	}
	return s, nil
}

// MaskID hides the middle of an ID number for screens and public exports, the usual
// convention (first 6 + last 4: 320102********1234). Input shorter than 15 characters is
// not a full number: all but its last 4 characters are starred.
func MaskID(s string) string {
	r := []rune(s)
	n := len(r)
	if n >= 15 {
		return string(r[:6]) + strings.Repeat("*", n-10) + string(r[n-4:])
	}
	if n <= 4 {
		return s
	}
	return strings.Repeat("*", n-4) + string(r[n-4:])
}

// NeutraliseFormula makes text safe for a CSV cell: control, zero-width and bidi
// characters are removed as on screen (Sanitize), and text a spreadsheet would run as a
// formula — starting, after any spaces, with = + - @ or their full-width forms — gets a
// leading tab, which Excel, WPS and LibreOffice keep as text. The check comes after the
// cleaning: a value starting with a carriage return would pass it, and the CSV writer
// then drop the CR, leaving a live "=1+1".
func NeutraliseFormula(s string) string {
	s = Sanitize(s)
	first := strings.TrimLeftFunc(s, isSpace)
	if first == "" {
		return s
	}
	switch r, _ := utf8.DecodeRuneInString(first); r {
	case '=', '+', '-', '@', '＝', '＋', '－', '＠':
		return "\t" + s
	}
	return s
}
