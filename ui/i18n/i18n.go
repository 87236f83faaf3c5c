// Package i18n is the message catalogue: every user-facing string of the program, in
// Simplified Chinese and English, looked up by key. (Validation messages about a field
// travel with model.Problem, which carries both languages.)
package i18n

import (
	"fmt"
	"strings"

	"shuangyong/model"
)

// Key names a message.
type Key string

// T returns the message for key in lang, formatted with args like fmt.Sprintf. A key
// missing from the catalogue shows itself, so a gap is visible rather than blank (a test
// keeps both languages complete).
func T(lang model.Lang, key Key, args ...any) string {
	table := zh
	if lang == model.En {
		table = en
	}
	s, ok := table[key]
	if !ok {
		s = string(key)
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// Parse reads a --lang value; "" means Chinese.
func Parse(s string) (model.Lang, bool) {
	switch s {
	case "", "zh", "zh-CN", "zh_CN", "cn":
		return model.Zh, true
	case "en", "en-US", "en_US":
		return model.En, true
	}
	return model.Zh, false
}

// Keys lists every key of the catalogue (for tests).
func Keys() []Key {
	out := make([]Key, 0, len(zh))
	for k := range zh {
		out = append(out, k)
	}
	return out
}

// HasEnglish reports whether key has an English text (for tests).
func HasEnglish(key Key) bool {
	_, ok := en[key]
	return ok
}

// HasChinese reports whether key has a Chinese text (for tests).
func HasChinese(key Key) bool {
	_, ok := zh[key]
	return ok
}

// JoinList joins items as the language writes a list: "烈属、现役军属", "a, b".
func JoinList(lang model.Lang, items []string) string {
	if lang == model.En {
		return strings.Join(items, ", ")
	}
	return strings.Join(items, "、")
}
