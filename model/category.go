package model

import "strconv"

// Category codes of people on the roster (DOMAIN.md §1). A person may hold several.
const (
	CatDisabledSoldier    = "disabled_soldier"
	CatDisabledMilitia    = "disabled_militia"
	CatMartyrFamily       = "martyr_family"
	CatDutyDeathFamily    = "duty_death_family"
	CatIllDeathFamily     = "illness_death_family"
	CatDemobilized        = "demobilized"
	CatSickReturned       = "sick_returned"
	CatWarVeteran         = "war_veteran"
	CatTestVeteran        = "test_veteran"
	CatRuralVeteran60     = "rural_veteran_60"
	CatMartyrElderChild   = "martyr_elder_child"
	CatRedArmy            = "red_army"
	CatServingFamily      = "serving_family"
	CatVeteran            = "veteran"
	CatTransferredOfficer = "transferred_officer"
	CatOther              = "other"
)

// Categories is the category list the program ships, in the order of the roster table.
var Categories = Enum{
	{Code: CatDisabledSoldier, Zh: "残疾军人", En: "Disabled servicemember", Aliases: []string{"伤残军人", "残废军人", "革命伤残军人"}},
	{Code: CatDisabledMilitia, Zh: "伤残民兵民工", En: "Disabled militia or civilian worker", Aliases: []string{"伤残民兵", "伤残民工"}},
	{Code: CatMartyrFamily, Zh: "烈士遗属", En: "Martyr's family", Aliases: []string{"烈属", "烈士家属"}},
	{Code: CatDutyDeathFamily, Zh: "因公牺牲军人遗属", En: "Family of a servicemember who died on duty", Aliases: []string{"因公牺牲遗属"}},
	{Code: CatIllDeathFamily, Zh: "病故军人遗属", En: "Family of a servicemember who died of illness", Aliases: []string{"病故遗属"}},
	{Code: CatDemobilized, Zh: "在乡复员军人", En: "Demobilized servicemember at home", Aliases: []string{"在乡老复员军人", "复员军人"}},
	{Code: CatSickReturned, Zh: "带病回乡退伍军人", En: "Veteran returned home with illness"},
	{Code: CatWarVeteran, Zh: "参战退役军人", En: "Combat veteran", Aliases: []string{"参战人员"}},
	{Code: CatTestVeteran, Zh: "参试退役军人", En: "Nuclear-test veteran", Aliases: []string{"参试人员", "参加核试验退役军人"}},
	{Code: CatRuralVeteran60, Zh: "60周岁以上农村籍退役士兵", En: "Rural veteran aged 60+", Aliases: []string{"农村籍退役老兵", "农村籍退役士兵"}},
	{Code: CatMartyrElderChild, Zh: "烈士老年子女", En: "Elderly child of a martyr"},
	{Code: CatRedArmy, Zh: "红军老战士/红军失散人员", En: "Red Army veteran", Aliases: []string{"红军老战士", "红军失散人员"}},
	{Code: CatServingFamily, Zh: "现役军人家属", En: "Family of a serving member", Aliases: []string{"军属", "现役军属"}},
	{Code: CatVeteran, Zh: "退役士兵", En: "Veteran", Aliases: []string{"退役军人", "退伍军人"}},
	{Code: CatTransferredOfficer, Zh: "军队转业干部", En: "Transferred officer", Aliases: []string{"转业干部", "军转干部"}},
	{Code: CatOther, Zh: "其他", En: "Other"},
}

// NeedsDisability reports whether a category records disability nature and grade.
func NeedsDisability(cat string) bool {
	return cat == CatDisabledSoldier || cat == CatDisabledMilitia
}

// IsSurvivor reports whether a category is one of 三属 (the three survivor categories),
// which record the relation to the martyr or deceased servicemember and their name.
func IsSurvivor(cat string) bool {
	return cat == CatMartyrFamily || cat == CatDutyDeathFamily || cat == CatIllDeathFamily
}

// Disability nature (伤残性质).
const (
	NatureWar     = "war"
	NatureDuty    = "duty"
	NatureIllness = "illness"
)

var DisabilityNatures = Enum{
	{Code: NatureWar, Zh: "因战", En: "In combat"},
	{Code: NatureDuty, Zh: "因公", En: "On duty"},
	{Code: NatureIllness, Zh: "因病", En: "Illness"},
}

// GradeLabels are the disability grades 1–10 (heaviest first) as shown to users.
var GradeLabels = [...]string{"", "一级", "二级", "三级", "四级", "五级", "六级", "七级", "八级", "九级", "十级"}

// GradeLabel returns 一级…十级 (or "Grade N" in English) for 1–10, "" otherwise.
func GradeLabel(grade int, lang Lang) string {
	if grade < 1 || grade > 10 {
		return ""
	}
	if lang == En {
		return "Grade " + strconv.Itoa(grade)
	}
	return GradeLabels[grade]
}

// ParseGrade accepts 1–10 as digits or as 一级…十级 (with or without 级).
func ParseGrade(s string) (int, bool) {
	for g := 1; g <= 10; g++ {
		l := GradeLabels[g]
		if s == l || s == l[:len(l)-len("级")] || s == strconv.Itoa(g) || s == strconv.Itoa(g)+"级" {
			return g, true
		}
	}
	return 0, false
}

// Service ranks (军人类别, with the 军士 grade where a rule depends on it).
const (
	RankConscript = "conscript"
	RankJuniorNCO = "junior_nco"
	RankMidNCO    = "mid_nco"
	RankSeniorNCO = "senior_nco"
	RankOfficer   = "officer"
)

var Ranks = Enum{
	{Code: RankConscript, Zh: "义务兵", En: "Conscript"},
	{Code: RankJuniorNCO, Zh: "初级军士", En: "Junior NCO", Aliases: []string{"军士", "士官", "初级士官"}},
	{Code: RankMidNCO, Zh: "中级军士", En: "Intermediate NCO", Aliases: []string{"中级士官"}},
	{Code: RankSeniorNCO, Zh: "高级军士", En: "Senior NCO", Aliases: []string{"高级士官"}},
	{Code: RankOfficer, Zh: "军官", En: "Officer"},
}

// IllnessAllowed reports whether disability of nature 因病 is possible for a rank:
// only 义务兵 and 初级军士 (DOMAIN.md §1). An unknown rank is not held against a record.
func IllnessAllowed(rank string) bool {
	return rank == "" || rank == RankConscript || rank == RankJuniorNCO
}

// Relations of a person to the servicemember they are recorded under.
var Relations = Enum{
	{Code: "self", Zh: "本人", En: "Self"},
	{Code: "spouse", Zh: "配偶", En: "Spouse", Aliases: []string{"妻子", "丈夫", "军嫂"}},
	{Code: "father", Zh: "父亲", En: "Father"},
	{Code: "mother", Zh: "母亲", En: "Mother", Aliases: []string{"兵妈妈"}},
	{Code: "child", Zh: "子女", En: "Child", Aliases: []string{"儿子", "女儿"}},
	{Code: "sibling", Zh: "兄弟姐妹", En: "Sibling"},
	{Code: "guardian", Zh: "抚养人", En: "Guardian"},
	{Code: "other", Zh: "其他", En: "Other"},
}

// MartyrRelations are the relations 三属 may have to the martyr or deceased member.
var MartyrRelations = Enum{
	{Code: "father", Zh: "父亲", En: "Father"},
	{Code: "mother", Zh: "母亲", En: "Mother"},
	{Code: "guardian", Zh: "抚养人", En: "Guardian"},
	{Code: "spouse", Zh: "配偶", En: "Spouse"},
	{Code: "child", Zh: "子女", En: "Child"},
	{Code: "sibling", Zh: "兄弟姐妹", En: "Sibling"},
}

// Service status of the servicemember a record is about.
var ServiceStatuses = Enum{
	{Code: "serving", Zh: "现役", En: "Serving"},
	{Code: "retired", Zh: "已退役", En: "Retired"},
	{Code: "fallen", Zh: "牺牲", En: "Fallen"},
	{Code: "deceased", Zh: "病故", En: "Deceased"},
}

// Periodic subsidy (定期抚恤补助) status.
var SubsidyStatuses = Enum{
	{Code: "receiving", Zh: "享受中", En: "Receiving"},
	{Code: "stopped", Zh: "停发", En: "Stopped"},
	{Code: "none", Zh: "不享受", En: "Not entitled"},
}

// Person status on the roster.
const (
	StatusActive   = "active"
	StatusMovedOut = "moved_out"
	StatusDead     = "dead"
	StatusStopped  = "stopped"
)

var PersonStatuses = Enum{
	{Code: StatusActive, Zh: "在册", En: "On roll"},
	{Code: StatusMovedOut, Zh: "迁出", En: "Moved out"},
	{Code: StatusDead, Zh: "死亡", En: "Deceased"},
	{Code: StatusStopped, Zh: "停发", En: "Suspended"},
}

var Sexes = Enum{
	{Code: "M", Zh: "男", En: "Male"},
	{Code: "F", Zh: "女", En: "Female"},
}

var HukouTypes = Enum{
	{Code: "rural", Zh: "农村", En: "Rural", Aliases: []string{"农业"}},
	{Code: "urban", Zh: "城镇", En: "Urban", Aliases: []string{"非农业", "城市"}},
}

var SelfCareLevels = Enum{
	{Code: "full", Zh: "自理", En: "Independent", Aliases: []string{"能自理"}},
	{Code: "partial", Zh: "半自理", En: "Partly dependent"},
	{Code: "none", Zh: "不能自理", En: "Dependent", Aliases: []string{"不能自理者"}},
}

var Assistances = Enum{
	{Code: "none", Zh: "无", En: "None"},
	{Code: "dibao", Zh: "低保", En: "Minimum living allowance"},
	{Code: "tekun", Zh: "特困", En: "Extreme poverty support"},
}
