// Package model holds the domain of the 双拥 ledger: records, enumerations with their
// labels, validation of what users type, pinyin search keys and the shape of the yearly
// tally. It is pure Go: no I/O, no database, no terminal.
package model

import "strings"

// Lang selects the language of labels and messages.
type Lang string

const (
	Zh Lang = "zh"
	En Lang = "en"
)

// Option is one value of an enumeration: a stable code (what the database stores, never
// shown to users), a Chinese label and an English label. Aliases are other spellings met
// in real rosters (e.g. "伤残军人" for 残疾军人); they are accepted on import, never shown.
type Option struct {
	Code    string
	Zh      string
	En      string
	Aliases []string
}

// Label returns the option's label in lang.
func (o Option) Label(lang Lang) string {
	if lang == En {
		return o.En
	}
	return o.Zh
}

// Enum is an ordered list of options. The order is the order of pick-lists and tables.
type Enum []Option

// Get returns the option with the given code.
func (e Enum) Get(code string) (Option, bool) {
	for _, o := range e {
		if o.Code == code {
			return o, true
		}
	}
	return Option{}, false
}

// Valid reports whether code is one of the enumeration's codes.
func (e Enum) Valid(code string) bool {
	_, ok := e.Get(code)
	return ok
}

// Label returns the label of code in lang, or code itself when unknown (so that a value
// written by a newer program is still shown rather than hidden).
func (e Enum) Label(code string, lang Lang) string {
	if o, ok := e.Get(code); ok {
		return o.Label(lang)
	}
	return code
}

// Codes lists the codes in order.
func (e Enum) Codes() []string {
	out := make([]string, len(e))
	for i, o := range e {
		out[i] = o.Code
	}
	return out
}

// Lookup finds the option a user or a spreadsheet meant by s: a code, a label in either
// language or an alias, ignoring surrounding spaces and letter case.
func (e Enum) Lookup(s string) (Option, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Option{}, false
	}
	for _, o := range e {
		if s == o.Code || s == o.Zh || strings.EqualFold(s, o.En) {
			return o, true
		}
		for _, a := range o.Aliases {
			if s == a {
				return o, true
			}
		}
	}
	return Option{}, false
}

// Index returns the position of code in the enumeration, or -1.
func (e Enum) Index(code string) int {
	for i, o := range e {
		if o.Code == code {
			return i
		}
	}
	return -1
}
