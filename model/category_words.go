package model

// Words cadres use for categories besides the official labels: the short labels lists
// show (烈属, 农村老兵), and group words that stand for several categories at once (三属,
// 两参). Search and import read them from here so that a word the screen shows is a word
// the user can type, and a roster cell written the way the screen writes it imports.

// categoryShort holds each category's short label (zh, en) for narrow columns; the detail
// and forms use the full label of Categories.
var categoryShort = map[string][2]string{
	CatDisabledSoldier:    {"残疾军人", "Disabled vet"},
	CatDisabledMilitia:    {"伤残民兵", "Disabled militia"},
	CatMartyrFamily:       {"烈属", "Martyr family"},
	CatDutyDeathFamily:    {"因公遗属", "Duty-death family"},
	CatIllDeathFamily:     {"病故遗属", "Illness-death family"},
	CatDemobilized:        {"复员军人", "Demobilized"},
	CatSickReturned:       {"带病回乡", "Returned ill"},
	CatWarVeteran:         {"参战", "Combat vet"},
	CatTestVeteran:        {"参试", "Test vet"},
	CatRuralVeteran60:     {"农村老兵", "Rural vet 60+"},
	CatMartyrElderChild:   {"烈士子女", "Martyr's child"},
	CatRedArmy:            {"红军", "Red Army"},
	CatServingFamily:      {"现役军属", "Serving family"},
	CatVeteran:            {"退役士兵", "Veteran"},
	CatTransferredOfficer: {"转业干部", "Transferred officer"},
	CatOther:              {"其他", "Other"},
}

// CategoryShort returns the short label of a category code in lang, or the code itself
// when it is unknown (a value written by a newer program is shown, not hidden).
func CategoryShort(code string, lang Lang) string {
	s, ok := categoryShort[code]
	if !ok {
		return code
	}
	if lang == En {
		return s[1]
	}
	return s[0]
}

// CategoryGroups are field words for several categories at once (DOMAIN.md §1). 三属 are
// the three survivor categories; 两参 the combat and test veterans; 伤残 the disabled;
// 老兵 the veterans of every older category.
var CategoryGroups = []struct {
	Word  string
	Codes []string
}{
	{"三属", []string{CatMartyrFamily, CatDutyDeathFamily, CatIllDeathFamily}},
	{"两参", []string{CatWarVeteran, CatTestVeteran}},
	{"两参人员", []string{CatWarVeteran, CatTestVeteran}},
	{"两参退役军人", []string{CatWarVeteran, CatTestVeteran}},
	{"伤残", []string{CatDisabledSoldier, CatDisabledMilitia}},
	{"老兵", []string{CatRuralVeteran60, CatDemobilized, CatSickReturned, CatWarVeteran, CatTestVeteran}},
	{"三红", []string{CatRedArmy}},
	// 军属 is what the list's 现役军属 stands for: the family of a serving member.
	{"军属", []string{CatServingFamily}},
}

// KinWords are words for the members of one category by their relation (and sex) to the
// servicemember: 军嫂 is a serving member's wife, 兵妈妈 and 兵爸爸 their parents. Search
// finds them by category, relation and sex together.
var KinWords = []struct {
	Word     string
	Category string
	Relation string // a Relations code
	Sex      string // a Sexes code, "" for either
}{
	{"军嫂", CatServingFamily, "spouse", "F"},
	{"兵妈妈", CatServingFamily, "mother", ""},
	{"兵爸爸", CatServingFamily, "father", ""},
}

// CategoriesOfWord returns the category codes a word stands for: a code, a full label,
// an alias, a short label or a group word; nil when it names no category.
func CategoriesOfWord(word string) []string {
	if o, ok := Categories.Lookup(word); ok {
		return []string{o.Code}
	}
	for code, s := range categoryShort {
		if word == s[0] {
			return []string{code}
		}
	}
	for _, g := range CategoryGroups {
		if word == g.Word {
			return append([]string(nil), g.Codes...)
		}
	}
	return nil
}
