package model

import (
	"strconv"
	"strings"
	"time"
)

// IDInfo is what a valid 公民身份号码 says about its holder.
type IDInfo struct {
	Number    string // 18 characters, upper-case X
	BirthDate string // ISO
	Sex       string // "M" or "F"
	Upgraded  bool   // the input was a 15-digit number (GB 11643-1989), upgraded to 18
}

// idWeights are the GB 11643-1999 weights of the first 17 digits.
var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// idCheckChars maps S mod 11 to the check character.
const idCheckChars = "10X98765432"

// IDCheckDigit returns the GB 11643-1999 check character ('0'–'9' or 'X') of the first
// 17 digits of an ID number, or 0 when first17 is not 17 ASCII digits.
func IDCheckDigit(first17 string) byte {
	if len(first17) != 17 {
		return 0
	}
	sum := 0
	for i := 0; i < 17; i++ {
		c := first17[i]
		if c < '0' || c > '9' {
			return 0
		}
		sum += int(c-'0') * idWeights[i]
	}
	return idCheckChars[sum%11]
}

// minBirth is the earliest birth date accepted (DOMAIN.md: nobody on a roster today was
// born before it; an earlier date is a typing slip).
const minBirth = "1880-01-01"

// idProblem builds a Problem about the IDNumber field.
func idProblem(code, zh, en string) Problem { return problem("IDNumber", code, zh, en) }

// ParseIDNumber checks a 公民身份号码 (GB 11643) and returns it normalised with the birth
// date and sex it encodes. It is forgiving about how the number was typed — spaces
// anywhere (including U+3000), full-width digits and X, lower-case x — and strict about
// the number itself: 18 characters with a correct check digit, a real birth date between
// 1880-01-01 and today. The address code is not checked: codes are retired over the years
// and old numbers stay valid. A 15-digit number (GB 11643-1989) is upgraded by inserting
// "19" and computing the check digit. Numbers of 港澳台 residence permits (81/82/83) pass
// the same check.
//
// Errors are Problems with Field "IDNumber" and distinct codes: CodeRequired, CodeExcel
// (the number was turned into 1.10101E+17 by Excel: the digits are lost and must be typed
// again, never "repaired"), CodeDigits, CodeLength, CodeDate, CodeFuture, CodeChecksum.
func ParseIDNumber(s string, today time.Time) (IDInfo, error) {
	s = removeSpaces(foldWidth(Sanitize(s)))
	if s == "" {
		return IDInfo{}, idProblem(CodeRequired, "请填写身份证号", "Please enter the ID number")
	}
	if looksLikeENotation(s) {
		return IDInfo{}, idProblem(CodeExcel,
			"身份证号被 Excel 变成了科学计数法（"+s+"），后几位已丢失，请按原件重新录入，并把表格这一列设为“文本”",
			"The ID number was turned into scientific notation by Excel ("+s+"); its last digits are lost. Please type it again from the card and format the column as text")
	}
	s = strings.ReplaceAll(s, "x", "X")
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && c != 'X' {
			return IDInfo{}, idProblem(CodeDigits,
				"身份证号只能包含数字，最后一位可以是 X",
				"An ID number has only digits, and possibly X as the last character")
		}
	}
	if len(s) != 18 && len(s) != 15 {
		return IDInfo{}, idProblem(CodeLength,
			"身份证号应为 18 位（旧证 15 位），现在是 "+strconv.Itoa(len(s))+" 位",
			"An ID number has 18 characters (old ones 15); this one has "+strconv.Itoa(len(s)))
	}
	if i := strings.IndexByte(s, 'X'); i >= 0 && i != 17 {
		return IDInfo{}, idProblem(CodeDigits,
			"身份证号只有最后一位可以是 X",
			"Only the last character of an ID number can be X")
	}

	info := IDInfo{}
	if len(s) == 15 {
		first17 := s[:6] + "19" + s[6:]
		s = first17 + string(IDCheckDigit(first17))
		info.Upgraded = true
	}
	birth := s[6:10] + "-" + s[10:12] + "-" + s[12:14]
	if !realDate(birth) || birth < minBirth {
		return IDInfo{}, idProblem(CodeDate,
			"身份证号中的出生日期 "+s[6:14]+" 不是有效日期，请核对第 7–14 位",
			"The birth date in the ID number ("+s[6:14]+") is not a real date; check characters 7–14")
	}
	if birth > isoDate(today) {
		return IDInfo{}, idProblem(CodeFuture,
			"身份证号中的出生日期 "+FormatDateZh(birth)+" 晚于今天，请核对第 7–14 位",
			"The birth date in the ID number ("+birth+") is after today; check characters 7–14")
	}
	if want := IDCheckDigit(s[:17]); s[17] != want {
		if strings.HasSuffix(s, "000") {
			return IDInfo{}, idProblem(CodeExcel,
				"身份证号末尾是 000 且校验位不对，可能被 Excel 截掉了后几位，请按原件重新录入",
				"The ID number ends in 000 and its check digit is wrong: Excel probably cut its last digits. Please type it again from the card")
		}
		return IDInfo{}, idProblem(CodeChecksum,
			"身份证号校验位不对，请核对号码（按前 17 位算，最后一位应为 "+string(want)+"）",
			"The ID number's check digit is wrong; please check the number (from the first 17 digits the last should be "+string(want)+")")
	}
	info.Number = s
	info.BirthDate = birth
	if (s[16]-'0')%2 == 1 {
		info.Sex = "M"
	} else {
		info.Sex = "F"
	}
	return info, nil
}

// looksLikeENotation reports a number in the scientific notation Excel shows for long
// numbers typed into a numeric cell: 1.10101E+17, 4.30101e+17, 1E+17.
func looksLikeENotation(s string) bool {
	i := strings.IndexAny(s, "eE")
	if i <= 0 || i == len(s)-1 {
		return false
	}
	mant, exp := s[:i], s[i+1:]
	if exp[0] == '+' {
		exp = exp[1:]
	}
	if exp == "" || !allDigits(exp) {
		return false
	}
	intPart, frac, _ := strings.Cut(mant, ".")
	return intPart != "" && allDigits(intPart) && (frac == "" || allDigits(frac))
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
