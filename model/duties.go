package model

import (
	"strconv"
	"time"
)

// The recurring duties (DOMAIN.md §3 "Recurring duties"): 常态化联系 of 重点对象, the 光荣牌 of
// each eligible household, and the 年度确认 of periodic-subsidy recipients.

// SubsidyReceiving is the SubsidyStatuses code of people on periodic state payments: the
// 重点优抚对象 of DOMAIN.md §1, and the people to confirm every year (条例 第八条).
const SubsidyReceiving = "receiving"

// Plaque states of a household's 光荣牌. Pending is also what a household with nothing
// recorded is.
const (
	PlaqueHung    = "hung"
	PlaquePending = "pending"
	PlaqueReplace = "replace"
	PlaqueRetired = "retired"
)

var PlaqueStates = Enum{
	{Code: PlaqueHung, Zh: "已悬挂", En: "Hung"},
	{Code: PlaquePending, Zh: "待悬挂", En: "To hang"},
	{Code: PlaqueReplace, Zh: "待更换", En: "To replace"},
	{Code: PlaqueRetired, Zh: "不再更换", En: "Not replaced"},
}

// PlaqueCategory reports whether a person of the category makes their household eligible
// for a 光荣牌 (DOMAIN.md §3): 烈士遗属 (烈士老年子女 among them), 因公牺牲 and 病故军人遗属,
// 现役军人家属, and 退役军人 of every kind (残疾军人 included: the 条例 counts 服现役和退出现役的
// 残疾军人 with them). Not 伤残民兵民工, nor 其他.
func PlaqueCategory(code string) bool {
	switch code {
	case CatMartyrFamily, CatDutyDeathFamily, CatIllDeathFamily, CatMartyrElderChild, CatServingFamily,
		CatDisabledSoldier, CatDemobilized, CatSickReturned, CatWarVeteran, CatTestVeteran, CatRuralVeteran60,
		CatRedArmy, CatVeteran, CatTransferredOfficer:
		return true
	}
	return false
}

// PlaqueCategories lists the codes PlaqueCategory accepts, in Categories order.
func PlaqueCategories() []string {
	var out []string
	for _, c := range Categories {
		if PlaqueCategory(c.Code) {
			out = append(out, c.Code)
		}
	}
	return out
}

// How a yearly confirmation was made.
const (
	ConfirmHome  = "home"
	ConfirmVideo = "video"
	ConfirmOther = "other"
)

var ConfirmMethods = Enum{
	{Code: ConfirmHome, Zh: "入户", En: "Home visit", Aliases: []string{"入户走访", "入户确认"}},
	{Code: ConfirmVideo, Zh: "视频", En: "Video call", Aliases: []string{"视频确认"}},
	{Code: ConfirmOther, Zh: "其他", En: "Other"},
}

// Hand marks of 重点对象 (Person.KeyMark): "" follows the rule in DutySettings.
const (
	KeyByRule = ""
	KeyYes    = "yes"
	KeyNo     = "no"
)

var KeyMarks = Enum{
	{Code: KeyByRule, Zh: "按规则", En: "By the rule"},
	{Code: KeyYes, Zh: "是", En: "Yes"},
	{Code: KeyNo, Zh: "否", En: "No"},
}

// DutyRule is how often someone is to be contacted and visited at home, in months; 0 is
// no rule.
//
// N months are calendar periods of N months from January (so N divides 12: 1, 2, 3, 4, 6
// or 12): every 3 months is once in each quarter — a contact on 03-31 covers the first
// quarter and one on 04-01 the second —, every 12 once in each calendar year. That is how
// county notices count (「每季度1次」, 「每年1次」) and how the tally's quarters run.
type DutyRule struct {
	ContactMonths int // any contact (电话, 微信, 入户, 集中慰问, 座谈)
	VisitMonths   int // a home visit (入户)
}

// Any reports whether the rule asks for anything.
func (r DutyRule) Any() bool { return r.ContactMonths > 0 || r.VisitMonths > 0 }

// DutySettings say who the 重点对象 are and the rule of contact for them and for everyone
// else (F9). Someone is 重点对象 when marked so by hand (Person.KeyMark "yes"), or not
// marked "no" and any of: a category of KeyCategories, a disability grade from 1 to
// KeyMaxGrade, living alone (孤老) when KeyLivesAlone, an assistance of KeyAssistance
// (低保, 特困), a periodic subsidy (享受中) when KeySubsidy.
type DutySettings struct {
	KeyCategories []string
	KeyMaxGrade   int // 0: the grade makes nobody key
	KeyLivesAlone bool
	KeyAssistance []string // Assistances codes (not "none")
	KeySubsidy    bool

	Key    DutyRule // for 重点对象
	Others DutyRule // for everyone else on the roll
}

// DefaultDutySettings are the county notice's: 重点对象 are the periodic-subsidy recipients
// (重点优抚对象, DOMAIN.md §1), contacted once a quarter and visited at home once a year;
// nothing is asked for the others.
func DefaultDutySettings() DutySettings {
	return DutySettings{KeySubsidy: true, Key: DutyRule{ContactMonths: 3, VisitMonths: 12}}
}

// ValidMonths reports whether n is a rule's number of months: 0 (no rule) or a divisor of 12.
func ValidMonths(n int) bool {
	switch n {
	case 0, 1, 2, 3, 4, 6, 12:
		return true
	}
	return false
}

// Validate checks the settings; each problem names its field.
func (d DutySettings) Validate() Problems {
	var ps Problems
	for _, c := range d.KeyCategories {
		if !Categories.Valid(c) {
			ps.addError(problem("KeyCategories", CodeUnknown, "重点对象的类别无效："+c, "unknown category: "+c))
		}
	}
	if d.KeyMaxGrade < 0 || d.KeyMaxGrade > 10 {
		ps.addError(problem("KeyMaxGrade", CodeRange, "伤残等级应在一级至十级之间（0 表示不按等级）",
			"the grade must be 1 to 10 (0: not by grade)"))
	}
	for _, a := range d.KeyAssistance {
		if !Assistances.Valid(a) || a == "none" {
			ps.addError(problem("KeyAssistance", CodeUnknown, "社会救助只能选低保或特困："+a, "assistance must be 低保 or 特困: "+a))
		}
	}
	for _, f := range []struct {
		field string
		n     int
		zh    string
	}{
		{"Key.ContactMonths", d.Key.ContactMonths, "重点对象联系周期"},
		{"Key.VisitMonths", d.Key.VisitMonths, "重点对象走访周期"},
		{"Others.ContactMonths", d.Others.ContactMonths, "其他对象联系周期"},
		{"Others.VisitMonths", d.Others.VisitMonths, "其他对象走访周期"},
	} {
		if !ValidMonths(f.n) {
			ps.addError(problem(f.field, CodeRange, f.zh+"只能是1、2、3、4、6或12个月（0 表示不要求）",
				"months must be 1, 2, 3, 4, 6 or 12 (0: no rule)"))
		}
	}
	return ps
}

// IsKey reports whether p is a 重点对象 under d (store.keySQL says the same in SQL; tests
// hold them together). Roll status is not looked at here.
func (d DutySettings) IsKey(p *Person) bool {
	switch p.KeyMark {
	case KeyYes:
		return true
	case KeyNo:
		return false
	}
	if d.KeySubsidy && p.SubsidyStatus == SubsidyReceiving {
		return true
	}
	if d.KeyLivesAlone && p.LivesAlone {
		return true
	}
	if d.KeyMaxGrade > 0 && p.DisabilityGrade >= 1 && p.DisabilityGrade <= d.KeyMaxGrade {
		return true
	}
	for _, a := range d.KeyAssistance {
		if p.Assistance == a {
			return true
		}
	}
	for _, c := range d.KeyCategories {
		if p.HasCategory(c) {
			return true
		}
	}
	return false
}

// RuleFor is the rule of someone key or not.
func (d DutySettings) RuleFor(key bool) DutyRule {
	if key {
		return d.Key
	}
	return d.Others
}

// RulePeriod is the calendar period of months months (a divisor of 12) holding the ISO
// date: its first and last day. months 0 or a bad date give "", "".
func RulePeriod(iso string, months int) (start, end string) {
	t, ok := isoDay(iso)
	if !ok || months <= 0 || 12%months != 0 {
		return "", ""
	}
	m0 := (int(t.Month())-1)/months*months + 1
	s := time.Date(t.Year(), time.Month(m0), 1, 0, 0, 0, 0, time.UTC)
	e := s.AddDate(0, months, -1)
	return s.Format("2006-01-02"), e.Format("2006-01-02")
}

// PeriodsInYear is the number of the rule's periods in a year (4 for a quarter).
func PeriodsInYear(months int) int {
	if months <= 0 || 12%months != 0 {
		return 0
	}
	return 12 / months
}

func isoDay(iso string) (time.Time, bool) {
	if len(iso) < 10 {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", iso[:10])
	return t, err == nil
}

// DaysBetween is the number of days from a to b (ISO dates; negative when b is before a).
func DaysBetween(a, b string) int {
	ta, ok1 := isoDay(a)
	tb, ok2 := isoDay(b)
	if !ok1 || !ok2 {
		return 0
	}
	return int(tb.Sub(ta).Hours() / 24)
}

// DueOf says whether a duty of every months months is due on asOf, for someone whose last
// such contact (or home visit) was on last ("" for never) and who came onto the roll on
// registered ("" for not recorded).
//
// It is due when nothing was done in the period holding asOf. days is then how far past
// its deadline it is: the deadline is the end of the first period that went without it —
// the period after the one of last, or for someone never contacted the period they were
// registered in (the period before asOf's when that is not recorded), never one before
// they were registered. A duty not yet overdue (only the current period is open) has days
// ≤ 0: minus the days left until the period ends.
func DueOf(last, registered string, months int, asOf string) (due bool, days int) {
	return DueOfNum(DateNum(last), DateNum(registered), months, DateNum(asOf))
}

// DueOfNum is DueOf on dates written as the numbers yyyymmdd (0 for none): the due list
// works it out for every person on the roll, and time.Parse would cost more than the rest.
func DueOfNum(last, registered int32, months int, asOf int32) (due bool, days int) {
	if months <= 0 || 12%months != 0 || asOf == 0 {
		return false, 0
	}
	// A period is named by the month index (year·12 + month − 1) of its first month.
	period := func(d int32) int {
		y, m := int(d/10000), int(d/100%100)
		return y*12 + (m-1)/months*months
	}
	cur := period(asOf)
	if last != 0 && period(last) >= cur {
		return false, 0
	}
	var deadline int
	switch {
	case last != 0:
		deadline = period(last) + months
	case registered != 0:
		deadline = period(registered)
	default:
		deadline = cur - months
	}
	if registered != 0 {
		deadline = max(deadline, period(registered))
	}
	deadline = min(deadline, cur)
	// The deadline is the last day of the period: the day before the next one begins.
	next := deadline + months
	end := civilDay(next/12, next%12+1, 1) - 1
	return true, civilDay(int(asOf/10000), int(asOf/100%100), int(asOf%100)) - end
}

// civilDay numbers the days of the proleptic Gregorian calendar (days from 1970-01-01),
// by Howard Hinnant's days_from_civil.
func civilDay(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// DateNum turns an ISO date into the number yyyymmdd (0 for anything else, "" included).
func DateNum(iso string) int32 {
	if len(iso) < 10 || iso[4] != '-' || iso[7] != '-' {
		return 0
	}
	var n int32
	for i := 0; i < 10; i++ {
		if i == 4 || i == 7 {
			continue
		}
		c := iso[i]
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int32(c-'0')
	}
	return n
}

// MonthsLabel writes a rule's months as settings show them: 每季度, 每年, 每N个月, 不要求.
func MonthsLabel(n int, lang Lang) string {
	if lang == En {
		switch n {
		case 0:
			return "no rule"
		case 1:
			return "every month"
		case 3:
			return "every quarter"
		case 12:
			return "every year"
		}
		return "every " + strconv.Itoa(n) + " months"
	}
	switch n {
	case 0:
		return "不要求"
	case 1:
		return "每月"
	case 3:
		return "每季度"
	case 6:
		return "每半年"
	case 12:
		return "每年"
	}
	return "每" + strconv.Itoa(n) + "个月"
}

// PlaqueRecord is one line of a household's 光荣牌 register: the plaque hung (or replaced)
// on Date, found to need replacing, or not to be replaced any more.
type PlaqueRecord struct {
	ID           int64
	HouseholdKey int64 // the household's id, or −person id for someone not grouped
	PersonID     int64 // the member it was recorded at
	State        string
	Date         string
	Note         string
	VisitID      int64 // the visit that hung it (a 光荣牌悬挂 campaign's tick), 0 for none
	CreatedAt    string
	UpdatedAt    string
	DeletedAt    string
}

// ValidatePlaque checks a register line; its date is required and not after today.
func ValidatePlaque(r *PlaqueRecord, today time.Time) Problems {
	var ps Problems
	if r.PersonID == 0 {
		ps.addError(problem("PersonID", CodeRequired, "请选择户中的一人", "Please choose a member of the household"))
	}
	if !PlaqueStates.Valid(r.State) {
		ps.addError(problem("State", CodeUnknown, "请选择光荣牌状态（已悬挂、待悬挂、待更换、不再更换）",
			"Please choose the plaque's state"))
	}
	if trimSpace(r.Date) == "" {
		ps.addError(problem("Date", CodeRequired, "请填写日期", "Please enter the date"))
	}
	ps.date("Date", &r.Date, today, false, true)
	ps.cleanText("Note", &r.Note, MaxLongText)
	return ps
}

// Confirmation is a periodic-subsidy recipient's 年度确认 for the year of Date.
type Confirmation struct {
	ID          int64
	PersonID    int64
	Date        string
	Method      string // ConfirmMethods
	ConfirmedBy string
	VisitID     int64 // the visit that confirmed it, 0 for none
	Note        string
	CreatedAt   string
	UpdatedAt   string
	DeletedAt   string
}

// Year is the year the confirmation is for.
func (c *Confirmation) Year() int {
	if len(c.Date) < 4 {
		return 0
	}
	y, _ := strconv.Atoi(c.Date[:4])
	return y
}

// ValidateConfirmation checks a confirmation: date (not after today), how, by whom.
func ValidateConfirmation(c *Confirmation, today time.Time) Problems {
	var ps Problems
	if c.PersonID == 0 {
		ps.addError(problem("PersonID", CodeRequired, "请选择确认对象", "Please choose the person"))
	}
	if c.Method == "" {
		c.Method = ConfirmHome
	}
	ps.checkEnum("Method", c.Method, ConfirmMethods)
	if trimSpace(c.Date) == "" {
		ps.addError(problem("Date", CodeRequired, "请填写确认日期", "Please enter the date of the confirmation"))
	}
	ps.date("Date", &c.Date, today, false, true)
	ps.cleanText("ConfirmedBy", &c.ConfirmedBy, MaxLineText)
	ps.cleanText("Note", &c.Note, MaxLongText)
	return ps
}
