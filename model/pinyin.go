package model

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/mozillazg/go-pinyin"
)

// SearchKeys are the pinyin forms of a name that a search can match, computed once when
// the person is saved (go-pinyin costs ~2.5 µs a name: too slow for every keystroke over
// 100k people, fine at save time).
type SearchKeys struct {
	Initials   string   // "zs" for 张三: first letters, lower-case, ü as v
	Full       string   // "zhangsan": no separators, no tones
	Alternates []string // other initials/full spellings (polyphonic characters), at most MaxAlternates
}

// MaxAlternates caps the alternate spellings kept per name, so a name full of polyphonic
// characters cannot flood the search table.
const MaxAlternates = 16

// Surname readings. go-pinyin has no surname mode: it gives the most common reading of a
// character, which for many surnames is wrong (单 dan for the surname shan, 曾 ceng for
// zeng). The override applies to the first one or two characters only; the go-pinyin
// reading is kept as an alternate so that either spelling finds the person.
// Sources: python-pinyin#297 surname list, 《现代汉语词典》 surname readings.
var compoundSurnames = map[string][2]string{
	"单于": {"chan", "yu"},
	"單于": {"chan", "yu"},
	"尉迟": {"yu", "chi"},
	"尉遲": {"yu", "chi"},
	"万俟": {"mo", "qi"},
	"萬俟": {"mo", "qi"},
	"长孙": {"zhang", "sun"},
	"長孫": {"zhang", "sun"},
	"澹台": {"tan", "tai"},
	"令狐": {"ling", "hu"},
	"司马": {"si", "ma"},
	"欧阳": {"ou", "yang"},
	"上官": {"shang", "guan"},
	"诸葛": {"zhu", "ge"},
	"东方": {"dong", "fang"},
	"皇甫": {"huang", "fu"},
	"公孙": {"gong", "sun"},
	"慕容": {"mu", "rong"},
	"宇文": {"yu", "wen"},
	"夏侯": {"xia", "hou"},
	"司徒": {"si", "tu"},
	"司空": {"si", "kong"},
	"钟离": {"zhong", "li"},
	"呼延": {"hu", "yan"},
	"乐正": {"yue", "zheng"},
	"亓官": {"qi", "guan"},
	"拓跋": {"tuo", "ba"},
}

var surnameReadings = map[rune]string{
	'单': "shan", '單': "shan",
	'曾': "zeng",
	'解': "xie",
	'仇': "qiu",
	'区': "ou", '區': "ou",
	'朴': "piao", '樸': "piao",
	'查': "zha",
	'覃': "qin",
	'翟': "zhai",
	'盖': "ge", '蓋': "ge",
	'缪': "miao", '繆': "miao",
	'乐': "yue", '樂': "yue",
	'秘': "bi",
	'冼': "xian",
	'洗': "xian",
	'华': "hua", '華': "hua",
	'纪': "ji",
	'燕': "yan",
	'种': "chong", '種': "chong",
	'繁': "po",
	'折': "she",
	'那': "na",
	'藏': "zang",
	'都': "du",
	'六': "lu",
	'薄': "bo",
	'居': "ju",
	'盛': "sheng",
	'柏': "bai",
	'牟': "mu",
	'阚': "kan", '闞': "kan",
	'宿': "su",
	'殷': "yin",
	'过': "guo", '過': "guo",
	'员': "yun", '員': "yun",
	'句': "gou",
	'能': "nai",
	'重': "chong",
	'召': "shao",
	'隗': "wei",
	'长': "chang", '長': "chang",
	'贾': "jia", '賈': "jia",
	'沈': "shen",
	'尉': "wei",
	'莘': "shen",
	'行': "xing",
	'祭': "zhai",
	'乜': "nie",
	'朝': "chao",
	'粘': "nian",
	'佴': "nai",
}

// pinyinArgs: Normal style (no tones, ü as v), all readings; characters without a
// reading go through pinyinFallback.
var pinyinArgs = pinyin.Args{Style: pinyin.Normal, Heteronym: true, Fallback: pinyinFallback}

// pinyinFallback keeps ASCII letters (lower-cased) and digits, so 王ABC is found by "wangabc";
// everything else without a reading (·, spaces, rare characters) is dropped.
func pinyinFallback(r rune, _ pinyin.Args) []string {
	switch {
	case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		return []string{string(r)}
	case r >= 'A' && r <= 'Z':
		return []string{string(r + 'a' - 'A')}
	}
	return nil
}

// nameReadings returns the readings of each character of name that has one, the
// reading to use first. Surname overrides are applied to the first one or two
// characters — unless the name has a dot: 买买提·吐尔逊 and 查干·巴特尔 are transliterations
// without a Chinese surname.
func nameReadings(name string) [][]string {
	name = foldWidth(name)
	var out [][]string
	for _, r := range name {
		var rs []string
		for _, p := range pinyin.SinglePinyin(r, pinyinArgs) {
			if p != "" {
				rs = append(rs, p)
			}
		}
		if len(rs) > 0 {
			out = append(out, rs)
		}
	}
	// Other readings of a character are kept only where names really use them: go-pinyin
	// lists rare readings too (俊 shun, dun), and keeping them made "zs" find 周俊.
	i := 0
	for _, r := range name {
		if len(pinyin.SinglePinyin(r, pinyinArgs)) == 0 {
			continue
		}
		out[i] = keepNameReadings(r, out[i])
		i++
	}
	if strings.ContainsRune(name, '·') || len(out) == 0 {
		return out
	}
	first, size := utf8.DecodeRuneInString(name)
	if !isHan(first) {
		return out
	}
	second, _ := utf8.DecodeRuneInString(name[size:])
	if c, ok := compoundSurnames[string([]rune{first, second})]; ok && utf8.RuneCountInString(name) >= 3 && len(out) >= 2 {
		out[0] = preferReading(out[0], c[0])
		out[1] = preferReading(out[1], c[1])
		return out
	}
	if s, ok := surnameReadings[first]; ok {
		out[0] = preferReading(out[0], s)
	}
	return out
}

// nameReadingVariants are characters read two ways in given names, and the readings people
// type for them. Any other character keeps only its first reading.
var nameReadingVariants = map[rune][]string{
	'乐': {"le", "yue"}, '行': {"xing", "hang"}, '长': {"chang", "zhang"}, '重': {"zhong", "chong"},
	'朝': {"chao", "zhao"}, '传': {"chuan", "zhuan"}, '都': {"du", "dou"}, '曾': {"ceng", "zeng"},
	'单': {"dan", "shan"}, '解': {"jie", "xie"}, '觉': {"jue", "jiao"}, '茜': {"qian", "xi"},
	'会': {"hui", "kuai"}, '莎': {"sha", "suo"}, '晟': {"sheng", "cheng"}, '查': {"cha", "zha"},
	'柏': {"bai", "bo"}, '蔚': {"wei", "yu"}, '莞': {"wan", "guan"}, '和': {"he"}, '强': {"qiang"},
	'朴': {"pu", "piao"}, '区': {"qu", "ou"}, '仇': {"chou", "qiu"}, '盖': {"gai", "ge"},
	'缪': {"miao", "mou", "miu"}, '翟': {"zhai", "di"}, '覃': {"qin", "tan"}, '尉': {"wei", "yu"},
}

// keepNameReadings narrows go-pinyin's readings of r to those names use: its first
// reading, plus the variants listed for it.
func keepNameReadings(r rune, readings []string) []string {
	if len(readings) <= 1 {
		return readings
	}
	keep := []string{readings[0]}
	for _, v := range nameReadingVariants[r] {
		for _, x := range readings[1:] {
			if x == v && !slices.Contains(keep, v) {
				keep = append(keep, v)
			}
		}
	}
	return keep
}

// preferReading puts reading first, keeping the other readings after it.
func preferReading(readings []string, reading string) []string {
	out := []string{reading}
	for _, r := range readings {
		if r != reading {
			out = append(out, r)
		}
	}
	return out
}

// NameSearchKeys computes the pinyin search keys of a name: initials and full pinyin of
// the preferred reading (surname readings applied), and alternates made of other
// readings — the go-pinyin reading of an overridden surname first (so both "dxx" and
// "sxx" find 单雄信), then heteronyms of the given name, fewest changes first, and the
// full pinyin with "u" for "v" (lvbu → lubu), as some people type ü.
func NameSearchKeys(name string) SearchKeys {
	readings := nameReadings(name)
	var k SearchKeys
	if len(readings) == 0 {
		return k
	}
	choice := make([]int, len(readings))
	k.Full, k.Initials = spell(readings, choice)

	seen := map[string]bool{k.Full: true, k.Initials: true}
	add := func(s string) bool {
		if len(k.Alternates) >= MaxAlternates {
			return false
		}
		if !seen[s] {
			seen[s] = true
			k.Alternates = append(k.Alternates, s)
		}
		return len(k.Alternates) < MaxAlternates
	}
	if strings.Contains(k.Full, "v") {
		add(strings.ReplaceAll(k.Full, "v", "u"))
	}

	// Combinations with 1, 2, … characters read differently, stopping at the cap. The
	// visit budget bounds the work for long names full of polyphonic characters.
	budget := 512
	var walk func(from, left int) bool
	walk = func(from, left int) bool {
		if left == 0 {
			budget--
			full, initials := spell(readings, choice)
			return add(initials) && add(full) && budget > 0
		}
		for i := from; i < len(readings); i++ {
			for j := 1; j < len(readings[i]); j++ {
				choice[i] = j
				more := walk(i+1, left-1)
				choice[i] = 0
				if !more {
					return false
				}
			}
		}
		return true
	}
	for changes := 1; changes <= len(readings); changes++ {
		if !walk(0, changes) {
			break
		}
	}
	return k
}

// spell joins the chosen reading of each character into full pinyin and initials.
func spell(readings [][]string, choice []int) (full, initials string) {
	var f, in strings.Builder
	for i, rs := range readings {
		r := rs[choice[i]]
		f.WriteString(r)
		in.WriteByte(r[0])
	}
	return f.String(), in.String()
}

// PinyinSortKey returns a key that orders names in pinyin order (as Chinese rosters are
// ordered) when compared as strings: the preferred reading of each character, syllables
// joined by "-", then a space and the name itself to break ties between names that read
// alike. The separators sort below letters, so 李安 (li-an) comes before 连 (lian) and
// 李 (li) before both.
func PinyinSortKey(name string) string {
	readings := nameReadings(name)
	syl := make([]string, len(readings))
	for i, rs := range readings {
		syl[i] = rs[0]
	}
	return strings.Join(syl, "-") + " " + name
}
