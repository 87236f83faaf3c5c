package model

import (
	"strconv"
	"strings"
)

// Money is stored as an integer number of 分 (1 元 = 100 分), never as a float: sums of
// many small amounts must come out exact in the yearly tally.

// MaxMoneyFen is the largest amount accepted: 10 亿元. Nothing a township records comes
// near it; a bigger number is a typing slip (or an ID number pasted into the wrong cell).
const MaxMoneyFen int64 = 1_000_000_000 * 100

// moneyProblem builds a Problem about an amount. The field is "MoneyFen"; callers with
// another amount field re-label it with WithField/AsProblem.
func moneyProblem(code, zh, en string) Problem { return problem("MoneyFen", code, zh, en) }

// ParseMoney reads an amount in 元 as people type it and returns 分: "1200", "1,200.50",
// "1200元", "0.5万元", "0.5万", "１２００" (full-width), "￥1200", "¥1,200". Empty input is
// 0. At most two decimals (分); for 万元 the result must be a whole number of 分. Negative
// amounts, amounts above 10 亿元 and anything that is not a number are refused, each with
// its own message.
func ParseMoney(s string) (int64, error) {
	s = removeSpaces(foldWidth(Sanitize(s)))
	if s == "" {
		return 0, nil
	}
	orig := s
	if rest, ok := strings.CutPrefix(s, "¥"); ok {
		s = rest
	} else if len(s) >= 3 && strings.EqualFold(s[:3], "RMB") {
		s = s[3:]
	} else if rest, ok := strings.CutPrefix(s, "人民币"); ok {
		s = rest
	}
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "−") || strings.HasPrefix(s, "负") {
		return 0, moneyProblem(CodeNegative, "金额不能是负数", "An amount cannot be negative")
	}
	s = strings.TrimPrefix(s, "+")
	scale := 2 // decimal places from 元 to 分
	switch {
	case strings.HasSuffix(s, "万元"):
		s, scale = strings.TrimSuffix(s, "万元"), 6
	case strings.HasSuffix(s, "万"):
		s, scale = strings.TrimSuffix(s, "万"), 6
	case strings.HasSuffix(s, "元整"):
		s = strings.TrimSuffix(s, "元整")
	case strings.HasSuffix(s, "元"):
		s = strings.TrimSuffix(s, "元")
	case strings.HasSuffix(s, "块"):
		s = strings.TrimSuffix(s, "块")
	}
	bad := moneyProblem(CodeFormat,
		"金额格式不对："+orig+"，请只写数字，如 1200 或 1200.50",
		"Unrecognised amount: "+orig+"; write a number such as 1200 or 1200.50")

	intPart, frac, hasDot := strings.Cut(s, ".")
	if intPart == "" && frac == "" {
		return 0, bad
	}
	if strings.Contains(intPart, ",") {
		groups := strings.Split(intPart, ",")
		if len(groups[0]) < 1 || len(groups[0]) > 3 {
			return 0, moneyProblem(CodeFormat,
				"金额中的逗号位置不对："+orig+"，请不写逗号，如 1200.50",
				"Misplaced comma in the amount "+orig+"; write it without commas, e.g. 1200.50")
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return 0, moneyProblem(CodeFormat,
					"金额中的逗号位置不对："+orig+"，请不写逗号，如 1200.50",
					"Misplaced comma in the amount "+orig+"; write it without commas, e.g. 1200.50")
			}
		}
		intPart = strings.Join(groups, "")
	}
	if (intPart != "" && !allDigits(intPart)) || (hasDot && frac != "" && !allDigits(frac)) {
		return 0, bad
	}
	frac = strings.TrimRight(frac, "0")
	if len(frac) > scale {
		if scale == 2 {
			return 0, moneyProblem(CodePrecision,
				"金额最多两位小数（到分）："+orig,
				"An amount has at most two decimals (fen): "+orig)
		}
		return 0, moneyProblem(CodePrecision,
			"以万元为单位时最多六位小数（到分）："+orig,
			"In 万元 an amount has at most six decimals (fen): "+orig)
	}
	intPart = strings.TrimLeft(intPart, "0")
	tooLarge := moneyProblem(CodeTooLarge,
		"金额太大："+orig+"，超过 10 亿元，请核对",
		"The amount "+orig+" is above 1 billion yuan; please check it")
	// 10 亿元 has 10 digits of 元; 1 万元 is 10^4 元.
	if (scale == 2 && len(intPart) > 10) || (scale == 6 && len(intPart) > 6) {
		return 0, tooLarge
	}
	digits := intPart + frac + strings.Repeat("0", scale-len(frac))
	var fen int64
	for i := 0; i < len(digits); i++ {
		fen = fen*10 + int64(digits[i]-'0')
	}
	if fen > MaxMoneyFen {
		return 0, tooLarge
	}
	return fen, nil
}

// groupThousands writes n with commas between groups of three digits.
func groupThousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	if len(s) <= 3 {
		return s
	}
	var b strings.Builder
	first := len(s) % 3
	if first > 0 {
		b.WriteString(s[:first])
	}
	for i := first; i < len(s); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(s[i : i+3])
	}
	return b.String()
}

// splitFen returns the sign and the absolute value of fen split into 元 and 分. The
// most negative int64 cannot be negated; it is clamped (no real amount comes near it).
func splitFen(fen int64) (neg bool, yuan, cents int64) {
	if fen < 0 {
		neg = true
		if fen == -1<<63 {
			fen++
		}
		fen = -fen
	}
	return neg, fen / 100, fen % 100
}

// FormatMoney writes fen as 元 with thousands separators and two decimals, as tables
// show amounts: 120050 → "1,200.50", 0 → "0.00".
func FormatMoney(fen int64) string {
	neg, yuan, cents := splitFen(fen)
	s := groupThousands(yuan) + "." + pad2(int(cents))
	if neg {
		s = "-" + s
	}
	return s
}

// FormatYuan writes fen as a plain number of 元 without separators or trailing zeros, for
// sentences in summaries: 120000 → "1200", 120050 → "1200.5", 120005 → "1200.05".
func FormatYuan(fen int64) string {
	neg, yuan, cents := splitFen(fen)
	s := strconv.FormatInt(yuan, 10)
	if cents != 0 {
		s += "." + strings.TrimRight(pad2(int(cents)), "0")
	}
	if neg {
		s = "-" + s
	}
	return s
}

// FormatWan writes an amount for summaries in the way reports do: below 1 万元 in 元
// ("1200元", "1200.5元"), from 1 万元 up in 万元 with at most four decimals, i.e.
// rounded to the 元, trailing zeros trimmed ("98.165万元", "3万元").
func FormatWan(fen int64) string {
	neg, yuan, cents := splitFen(fen)
	var s string
	if yuan < 10000 {
		s = FormatYuan(yuan*100+cents) + "元"
	} else {
		if cents >= 50 {
			yuan++
		}
		s = strconv.FormatInt(yuan/10000, 10)
		if r := yuan % 10000; r != 0 {
			s += "." + strings.TrimRight(pad4(int(r)), "0")
		}
		s += "万元"
	}
	if neg {
		s = "-" + s
	}
	return s
}
