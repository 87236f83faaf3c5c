package model

// Unit kinds (单位类别). The side (军/地) follows from the kind.
const (
	UnitStationed   = "stationed_force"
	UnitArmedPolice = "armed_police"
	UnitFireRescue  = "fire_rescue"
	UnitPAFD        = "pafd"
	UnitMilitia     = "militia"
	UnitGovernment  = "government"
	UnitWomens      = "womens_federation"
	UnitVillage     = "village"
	UnitSchool      = "school"
	UnitHospital    = "hospital"
	UnitEnterprise  = "enterprise"
	UnitSocialOrg   = "social_org"
	UnitOther       = "other"
)

var UnitKinds = Enum{
	{Code: UnitStationed, Zh: "驻地部队", En: "Stationed force", Aliases: []string{"部队", "驻军"}},
	{Code: UnitArmedPolice, Zh: "武警", En: "Armed police", Aliases: []string{"武警中队", "武警部队"}},
	{Code: UnitFireRescue, Zh: "消防救援", En: "Fire and rescue", Aliases: []string{"消防救援站", "消防"}},
	{Code: UnitPAFD, Zh: "人武部", En: "People's armed forces department", Aliases: []string{"武装部"}},
	{Code: UnitMilitia, Zh: "民兵组织", En: "Militia"},
	{Code: UnitGovernment, Zh: "党政机关", En: "Government body"},
	{Code: UnitWomens, Zh: "妇联组织", En: "Women's federation", Aliases: []string{"妇联"}},
	{Code: UnitVillage, Zh: "村(社区)", En: "Village or community", Aliases: []string{"村", "社区", "村（社区）"}},
	{Code: UnitSchool, Zh: "学校", En: "School"},
	{Code: UnitHospital, Zh: "医院", En: "Hospital"},
	{Code: UnitEnterprise, Zh: "企业", En: "Enterprise"},
	{Code: UnitSocialOrg, Zh: "社会组织", En: "Social organisation"},
	{Code: UnitOther, Zh: "其他", En: "Other"},
}

// Sides of a unit: military (军) or local (地).
const (
	SideMilitary = "military"
	SideLocal    = "local"
)

var Sides = Enum{
	{Code: SideMilitary, Zh: "军", En: "Military"},
	{Code: SideLocal, Zh: "地", En: "Local"},
}

// SideOf returns the side a unit kind belongs to. 人武部 and 民兵组织 are military bodies.
func SideOf(kind string) string {
	switch kind {
	case UnitStationed, UnitArmedPolice, UnitFireRescue, UnitPAFD, UnitMilitia:
		return SideMilitary
	}
	return SideLocal
}

// Unit is a body the township works with.
type Unit struct {
	ID           int64
	Name         string
	Kind         string
	Designation  string // 番号/代号: optional and possibly sensitive
	Address      string
	ContactName  string
	ContactPhone string
	Note         string
	CreatedAt    string
	UpdatedAt    string
	DeletedAt    string
}

// Side is the unit's side, from its kind.
func (u Unit) Side() string { return SideOf(u.Kind) }

// Pairing is a standing 共建 partnership between two units.
type Pairing struct {
	ID        int64
	UnitA     int64
	UnitB     int64
	Since     string // ISO date or year-month
	Note      string
	DeletedAt string
}
