package store

import (
	"strings"

	"shuangyong/model"
)

// MatchField names what put a row in a search's results, so that a list can say so or
// highlight it: a name found by 王建 and an address found by 单 should not look alike.
type MatchField string

const (
	MatchNone       MatchField = ""           // no text was typed (filters only)
	MatchName       MatchField = "name"       // the name (or its lower case)
	MatchPinyin     MatchField = "pinyin"     // initials, full pinyin or another reading of the name
	MatchIDNumber   MatchField = "id_number"  // digits of the ID number
	MatchPhone      MatchField = "phone"      // digits of a phone number
	MatchVillage    MatchField = "village"    // the village's name
	MatchCategory   MatchField = "category"   // a category's label, short label or group word (三属), or category_other
	MatchServiceman MatchField = "serviceman" // the servicemember a family member is recorded under
	MatchMartyr     MatchField = "martyr"     // the martyr's or deceased member's name
	MatchUnit       MatchField = "unit"       // the service unit (its name or designation)
	MatchAddress    MatchField = "address"    // the address: only when nothing better matches
	MatchCadre      MatchField = "cadre"      // the pairing cadre: only when nothing better matches
)

// Tiers order a search's results (SPEC.md W3, issue 10): the person whose name is what
// was typed first, then names starting with it, then names containing it and other
// readings of the name, then a phone or ID number ending with the digits typed (four or
// more: a cadre looks someone up by the last digits of the phone), then everything else
// that identifies someone; within a tier, roster order. The address and the pairing cadre (tierWeak) match a great many people
// for reasons unrelated to who they are — 单 in "1单元", 张 in every person the cadre
// 张梦瑶 pairs — so they only count when nothing else matches at all.
type tier uint8

const (
	tierExact     tier = iota // the name, its initials or its full pinyin is the word
	tierPrefix                // the name, its initials or its full pinyin starts with the word
	tierName                  // the name contains the word, or another reading starts with it
	tierNumberEnd             // a phone or ID number ends with the word (minNumberEnd digits or more)
	tierOther                 // village, category, ID or phone digits, serviceman, martyr, unit
	tierWeak                  // address, pairing cadre
	tiers
)

// minNumberEnd is the fewest digits that rank a number ending with them above other
// digit matches: the last four of a phone; three end too many numbers to mean one.
const minNumberEnd = 4

// rank reports whether e matches every word and, if so, its tier and the field that
// decided it. A word may match in several fields; it counts in its best one. The entry's
// tier is its best word's, unless some word matches only weakly: then the whole entry is
// weak, since a person who is not otherwise found by that word is not the one looked for.
func (m textMatcher) rank(e *personEntry) (t tier, field MatchField, ok bool) {
	t, field = tierWeak, MatchNone
	weak := false
	for i := range m.words {
		wt, wf, ok := m.words[i].rank(e)
		if !ok {
			return 0, "", false
		}
		if wt == tierWeak {
			weak = true
		}
		if wt < t || field == MatchNone {
			t, field = wt, wf
		}
	}
	if weak {
		t = tierWeak
		if field != MatchAddress && field != MatchCadre {
			for i := range m.words { // name the weak field: it is the one to check
				if wt, wf, _ := m.words[i].rank(e); wt == tierWeak {
					field = wf
					break
				}
			}
		}
	}
	return t, field, true
}

// rank reports whether e matches w, in which tier and field.
func (w *word) rank(e *personEntry) (tier, MatchField, bool) {
	best, field, ok := tiers, MatchNone, false
	better := func(t tier, f MatchField) {
		if t < best {
			best, field, ok = t, f, true
		}
	}
	switch w.kind {
	case wordDigits:
		d := e.digits()
		i := strings.Index(d, w.text)
		if i < 0 {
			return 0, "", false
		}
		// The ID number comes first, then the phones, each number followed by a space or
		// the end; an empty ID leaves a lone space.
		t, sp := tierOther, strings.IndexByte(d, ' ')
		if len(w.text) >= minNumberEnd {
			for j := i; j >= 0; {
				if end := j + len(w.text); end == len(d) || d[end] == ' ' {
					i, t = j, tierNumberEnd
					break
				}
				next := strings.Index(d[j+1:], w.text)
				if next < 0 {
					break
				}
				j += 1 + next
			}
		}
		if sp >= 0 && i > sp {
			return t, MatchPhone, true
		}
		return t, MatchIDNumber, true
	case wordPinyin:
		keys, k := e.pinyin(), 0
		for rest := keys; rest != ""; k++ {
			rest = rest[1:] // the space before each key
			end := strings.IndexByte(rest, ' ')
			if end < 0 {
				end = len(rest)
			}
			key := rest[:end]
			rest = rest[end:]
			if !strings.HasPrefix(key, w.text) {
				continue
			}
			switch {
			case k >= 2: // other readings (单 dan for shan): right, but not what was meant
				better(tierName, MatchPinyin)
			case key == w.text:
				better(tierExact, MatchPinyin)
			default:
				better(tierPrefix, MatchPinyin)
			}
		}
	}
	hay := e.hay()
	if i := strings.Index(hay, w.text); i >= 0 {
		switch {
		case i < int(e.nameEnd) && i == 0 && len(w.text) == int(e.nameEnd):
			better(tierExact, MatchName)
		case i < int(e.nameEnd) && i == 0:
			better(tierPrefix, MatchName)
		case i < int(e.nameEnd):
			better(tierName, MatchName)
		default:
			f := hayFields[min(strings.Count(hay[:i], "\x1f"), len(hayFields)-1)]
			if i >= int(e.weakStart) {
				better(tierWeak, f)
			} else {
				better(tierOther, f)
			}
		}
	}
	if best > tierOther && w.cats != 0 && e.cats&w.cats != 0 && w.kinMatch(e) {
		better(tierOther, MatchCategory)
	}
	return best, field, ok
}

// kinMatch reports whether e is the relation (and sex) the word asks for (军嫂: a
// serving soldier's wife), or the word asks for none.
func (w *word) kinMatch(e *personEntry) bool {
	if w.kinRel != 0 && e.flags&kinRelation != w.kinRel {
		return false
	}
	return w.kinSex == 0 || e.flags&w.kinSex != 0
}

// categoryWord sets the categories (and the relation) a word stands for: a label, a short
// label the list shows (烈属), a group word (三属, 老兵) or a kin word (军嫂).
func (w *word) categoryWord() {
	codes := model.CategoriesOfWord(w.text)
	for _, k := range model.KinWords {
		if k.Word == w.text {
			codes = []string{k.Category}
			if i := model.Relations.Index(k.Relation); i >= 0 {
				w.kinRel = uint8(i + 1)
			}
			switch k.Sex {
			case "F":
				w.kinSex = kinFemale
			case "M":
				w.kinSex = kinMale
			}
		}
	}
	for _, c := range codes {
		if i := model.Categories.Index(c); i >= 0 {
			w.cats |= 1 << uint(i)
		}
	}
}
