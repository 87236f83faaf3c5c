package model

import (
	"strings"
	"unicode/utf8"
)

// Person is someone on the roster (军属/优抚对象).
type Person struct {
	ID          int64
	Name        string
	Sex         string // Sexes code
	Ethnicity   string // 民族, e.g. 汉族
	BirthDate   string // ISO
	IDNumber    string // 18 characters, upper-case X
	Phones      []string
	ContactNote string // e.g. "儿子 张强代接"
	VillageID   int64
	HouseholdID int64
	Address     string
	HukouType   string

	Categories    []string // Categories codes, several allowed
	CategoryOther string   // free text when 其他 is chosen

	DisabilityNature string
	DisabilityGrade  int // 1–10, 0 when not recorded
	DisabilityCertNo string

	MartyrRelation string
	MartyrName     string

	// The servicemember this record is about: the person themself (Relation 本人) or a
	// relative (现役军人家属: the serving soldier).
	Relation       string
	ServicemanName string
	Rank           string
	ServiceStatus  string
	ServiceUnitID  int64
	ServiceUnit    string // free text (番号/代号 or name) when the unit is not registered
	EnlistedOn     string // ISO date or year-month
	DischargedOn   string

	SubsidyStatus string
	SubsidyFrom   int // year
	SubsidyTo     int // year

	PairingCadre     string // 结对帮扶责任人
	SelfCare         string
	Assistance       string
	LivesAlone       bool
	Health           string
	Conditions       string // living conditions
	HonourPlaque     bool   // 光荣牌
	PreferentialCard bool   // 优待证

	Status          string
	StatusChangedOn string
	RegisteredOn    string // when the person came onto the roll
	Note            string

	// KeyMark overrules the 重点对象 rule of the settings for this person: KeyByRule (""),
	// KeyYes or KeyNo (KeyMarks).
	KeyMark string

	LastVisitOn string // derived: the newest visit's date (the last contact of any mode)
	LastHomeOn  string // derived: the newest 入户 visit's date
	CreatedAt   string
	UpdatedAt   string
	DeletedAt   string
}

// HasCategory reports whether the person holds category code.
func (p *Person) HasCategory(code string) bool {
	for _, c := range p.Categories {
		if c == code {
			return true
		}
	}
	return false
}

// HouseholdKey identifies the person's household for counting 户: the household id, or
// the negated person id for someone not grouped with anyone.
func (p *Person) HouseholdKey() int64 {
	if p.HouseholdID != 0 {
		return p.HouseholdID
	}
	return -p.ID
}

// Household groups people living together.
type Household struct {
	ID        int64
	VillageID int64
	Address   string
	Note      string
}

// Village is one 村/社区 of the township.
type Village struct {
	ID   int64
	Name string
	Sort int
}

// Settings are the office-wide choices made in F9.
type Settings struct {
	Office string // 填报单位
	// Township is the township's (street's) name, 乡镇（街道）名称, for the titles of the
	// tally (「青山镇2026年度双拥工作统计表」); "" uses Office. It may differ from the
	// 填报单位, e.g. its 退役军人服务站.
	Township string
	Operator string // written into the change history
	// DefaultAmountFen is the usual 慰问金 per category, in 分.
	DefaultAmountFen map[string]int64
}

// TitleTownship is the township's name the titles of the tally and the 发放清单 begin
// with: Township, else the 填报单位 cut after the 镇, 乡 or 街道 that an office's name
// follows (青山镇人民政府 → 青山镇, so the title reads 「青山镇2026年…」 and not
// 「青山镇人民政府2026年…」), else the whole 填报单位 — a 乡 or 镇 inside a place's own name
// (新乡县, 东乡族自治县, 安镇街道) is not cut at.
func (s Settings) TitleTownship() string {
	if s.Township != "" {
		return s.Township
	}
	for i := 0; i < len(s.Office); {
		rest := s.Office[i:]
		for _, suffix := range []string{"街道", "镇", "乡"} {
			if i > 0 && strings.HasPrefix(rest, suffix) && officeWord(rest[len(suffix):]) {
				return s.Office[:i+len(suffix)]
			}
		}
		_, size := utf8.DecodeRuneInString(rest)
		i += size
	}
	return s.Office
}

// officeWord reports whether a 填报单位 goes on with the name of a township's office.
func officeWord(rest string) bool {
	for _, w := range []string{"人民政府", "政府", "办事处", "退役军人", "服务站", "党委", "人武部", "武装部", "社会事务", "民政"} {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}
