package model

import "errors"

// Problem is a message about one field, in Chinese and English. It implements error
// (Error() returns Zh) so that parsers can return it as a plain error while forms can
// still find the field it belongs to with errors.As.
//
// Field is the Go field name of the record ("Name", "IDNumber", "Phones", …), so a form
// can put the message next to the input it is about. Code is a stable machine word (the
// Code… constants) for callers that react to a kind of problem, e.g. an import that
// flags IDs damaged by Excel apart from mistyped ones.
type Problem struct {
	Field string
	Code  string
	Zh    string
	En    string
}

// Error returns the Chinese message: what users see by default.
func (p Problem) Error() string { return p.Zh }

// Message returns the message in lang.
func (p Problem) Message(lang Lang) string {
	if lang == En {
		return p.En
	}
	return p.Zh
}

// WithField returns a copy of p about another field. Parsers are shared by several
// fields (a date parser serves BirthDate and EnlistedOn), so callers re-label them.
func (p Problem) WithField(field string) Problem {
	p.Field = field
	return p
}

// AsProblem turns any error into a Problem about field: a Problem keeps its codes and
// messages (with Field replaced when field is not empty); another error becomes a
// generic one so that nothing is ever shown as a bare Go error.
// A *Problem in the chain is found as well as a Problem.
func AsProblem(err error, field string) Problem {
	var p Problem
	var pp *Problem
	found := errors.As(err, &p)
	if !found && errors.As(err, &pp) && pp != nil {
		p, found = *pp, true
	}
	if found {
		if field != "" {
			p.Field = field
		}
		return p
	}
	return Problem{Field: field, Code: CodeFormat, Zh: "内容不正确：" + err.Error(), En: "Invalid value: " + err.Error()}
}

// Problem codes. They are stable: callers may switch on them.
const (
	CodeRequired   = "required"    // the field must be filled in
	CodeMissing    = "missing"     // a gap: the record is saved but listed as 待补充
	CodeFormat     = "format"      // not in any accepted shape
	CodeLength     = "length"      // wrong number of digits
	CodeDigits     = "digits"      // characters that do not belong (letters in an ID number…)
	CodeExcel      = "excel"       // damaged by a spreadsheet (E-notation, lost digits)
	CodeDate       = "date"        // not a real date, or outside the years accepted
	CodeFuture     = "future"      // a date that cannot be after today
	CodeChecksum   = "checksum"    // ID number check digit wrong
	CodeTooLong    = "too_long"    // more characters than the field allows
	CodeControl    = "control"     // invisible control characters
	CodeDamaged    = "damaged"     // U+FFFD: a character was lost before it reached us
	CodeNegative   = "negative"    // amounts and counts cannot be negative
	CodeTooLarge   = "too_large"   // an amount or count beyond any real value
	CodePrecision  = "precision"   // more decimals than 分
	CodeUnknown    = "unknown"     // not a code of the enumeration
	CodeRange      = "range"       // a number outside its range (grade 1–10…)
	CodeOrder      = "order"       // an end before its start
	CodeDuplicate  = "duplicate"   // the same value twice
	CodeMismatch   = "mismatch"    // disagrees with the ID number
	CodeNotAllowed = "not_allowed" // forbidden by a rule of the domain (因病 for an officer…)
)

// Problems separates errors (refuse to save) from gaps (save, but the record is listed as
// 待补充 with what is missing). Cadres often learn a family's details over several visits:
// an incomplete record is normal and must never block saving; a wrong one must.
type Problems struct {
	Errors []Problem
	Gaps   []Problem
}

// OK reports whether there are no errors: the record may be saved. Gaps do not count.
func (ps Problems) OK() bool { return len(ps.Errors) == 0 }

// For returns the problems about one field, errors first, so a form can show them beside
// the input.
func (ps Problems) For(field string) []Problem {
	var out []Problem
	for _, p := range ps.Errors {
		if p.Field == field {
			out = append(out, p)
		}
	}
	for _, p := range ps.Gaps {
		if p.Field == field {
			out = append(out, p)
		}
	}
	return out
}

func (ps *Problems) addError(p Problem) { ps.Errors = append(ps.Errors, p) }

// addErr records err (from a parser) as an error about field.
func (ps *Problems) addErr(err error, field string) {
	if err != nil {
		ps.Errors = append(ps.Errors, AsProblem(err, field))
	}
}

func (ps *Problems) addGap(p Problem) {
	p.Code = CodeMissing
	ps.Gaps = append(ps.Gaps, p)
}

// problem builds a Problem; a helper to keep the message tables readable.
func problem(field, code, zh, en string) Problem {
	return Problem{Field: field, Code: code, Zh: zh, En: en}
}

// fieldLabels names fields in messages. Messages speak of 姓名, never of "Name": every
// field a Problem can be about needs its label here (TestEveryProblemFieldHasALabel finds
// them in the records, the validators and the source).
var fieldLabels = map[string][2]string{
	"Name":                 {"姓名", "Name"},
	"Sex":                  {"性别", "Sex"},
	"Ethnicity":            {"民族", "Ethnicity"},
	"BirthDate":            {"出生日期", "Date of birth"},
	"IDNumber":             {"身份证号", "ID number"},
	"Phones":               {"联系电话", "Phone"},
	"ContactNote":          {"联系说明", "Contact note"},
	"Address":              {"地址", "Address"},
	"HukouType":            {"户口类别", "Hukou type"},
	"Categories":           {"人员类别", "Category"},
	"CategoryOther":        {"其他类别说明", "Other category"},
	"DisabilityNature":     {"伤残性质", "Disability nature"},
	"DisabilityGrade":      {"伤残等级", "Disability grade"},
	"DisabilityCertNo":     {"残疾军人证号", "Disability certificate number"},
	"MartyrRelation":       {"与烈士（牺牲、病故军人）关系", "Relation to the deceased"},
	"MartyrName":           {"烈士（牺牲、病故军人）姓名", "Name of the deceased"},
	"Relation":             {"与军人关系", "Relation to the servicemember"},
	"ServicemanName":       {"军人姓名", "Servicemember's name"},
	"Rank":                 {"军人类别", "Rank"},
	"ServiceStatus":        {"服役状态", "Service status"},
	"ServiceUnit":          {"部队", "Unit of service"},
	"EnlistedOn":           {"入伍时间", "Enlisted"},
	"DischargedOn":         {"退役时间", "Discharged"},
	"SubsidyStatus":        {"定期抚恤补助", "Periodic subsidy"},
	"SubsidyFrom":          {"补助起始年", "Subsidy from"},
	"SubsidyTo":            {"补助停止年", "Subsidy to"},
	"PairingCadre":         {"结对帮扶责任人", "Pairing cadre"},
	"SelfCare":             {"生活能力", "Self-care"},
	"Assistance":           {"社会救助", "Social assistance"},
	"Health":               {"健康状况", "Health"},
	"Conditions":           {"生活状况", "Living conditions"},
	"Status":               {"状态", "Status"},
	"StatusChangedOn":      {"状态变更日期", "Status changed on"},
	"RegisteredOn":         {"登记日期", "Registered on"},
	"Note":                 {"备注", "Note"},
	"Kind":                 {"单位类别", "Kind"},
	"Designation":          {"番号/代号", "Designation"},
	"ContactName":          {"联系人", "Contact person"},
	"ContactPhone":         {"联系电话", "Contact phone"},
	"Date":                 {"日期", "Date"},
	"EndDate":              {"结束日期", "End date"},
	"Type":                 {"活动类型", "Event type"},
	"Occasion":             {"时机", "Occasion"},
	"Title":                {"标题", "Title"},
	"Place":                {"地点", "Place"},
	"Organiser":            {"组织单位", "Organiser"},
	"Lead":                 {"带队领导", "Lead"},
	"Direction":            {"方向", "Direction"},
	"Participants":         {"参加人数", "Participants"},
	"MilitaryParticipants": {"其中部队官兵", "Of them military"},
	"MoneyFen":             {"金额", "Amount"},
	"MoneySource":          {"资金来源", "Source of funds"},
	"StandardMoneyFen":     {"慰问金标准", "Standard amount"},
	"StandardGoods":        {"慰问品标准", "Standard goods"},
	"StandardGoodsFen":     {"慰问品价值标准", "Standard goods value"},
	"Units":                {"参与单位", "Units"},
	"Items":                {"物品/数量", "Items"},
	"EventID":              {"所属活动", "Event"},
	"PersonID":             {"走访对象", "Person"},
	"Mode":                 {"走访方式", "Mode"},
	"Visitors":             {"走访人", "Visitors"},
	"Goods":                {"慰问品", "Goods"},
	"GoodsValueFen":        {"慰问品价值", "Goods value"},
	"Condition":            {"看到的情况", "Condition seen"},
	"Need":                 {"困难诉求", "Need raised"},
	"Resolution":           {"解决情况", "Resolution"},
	"FollowUpOn":           {"回访日期", "Follow-up date"},
	"ResolvedOn":           {"解决日期", "Resolved on"},
	"UnitB":                {"共建单位", "Partner unit"},
	"Since":                {"开始日期", "Since"},
	"KeyMark":              {"重点对象", "Key person"},
	"HouseholdWith":        {"同户人", "Lives with"},
	"State":                {"光荣牌状态", "Plaque state"},
	"Method":               {"确认方式", "Confirmed by way of"},
	"ConfirmedBy":          {"确认人", "Confirmed by"},
	"Office":               {"填报单位", "Office"},
	"Township":             {"乡镇（街道）名称", "Township"},
	"Operator":             {"操作员", "Operator"},
	"Village":              {"村（社区）", "Village"},
	"DefaultAmountFen":     {"默认慰问金", "Default amount"},
	"KeyCategories":        {"重点对象的人员类别", "Key people's categories"},
	"KeyMaxGrade":          {"重点对象的残疾等级", "Key people's disability grade"},
	"KeyAssistance":        {"重点对象的社会救助", "Key people's assistance"},
	"Key.ContactMonths":    {"重点对象联系周期", "Key people: contact"},
	"Key.VisitMonths":      {"重点对象入户周期", "Key people: home visit"},
	"Others.ContactMonths": {"其他人员联系周期", "Others: contact"},
	"Others.VisitMonths":   {"其他人员入户周期", "Others: home visit"},
}

// FieldLabel returns the name of a field as users know it (姓名 for "Name"), or the
// field name itself when it has none.
func FieldLabel(field string, lang Lang) string {
	l, ok := fieldLabels[field]
	if !ok {
		return field
	}
	if lang == En {
		return l[1]
	}
	return l[0]
}
