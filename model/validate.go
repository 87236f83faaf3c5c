package model

import "strconv"

import "time"

// Length limits of free-text fields, in characters (runes). They are generous for real
// content and stop pasted garbage (a whole spreadsheet row in one cell).
const (
	MaxShortText = 30  // names of things, ethnicity, certificate numbers
	MaxUnitName  = 60  // unit names, designations, organisers
	MaxLineText  = 100 // addresses, titles, places, goods
	MaxLongText  = 500 // notes, conditions, needs
)

// DemobilizedCutoff is the last enlistment date of 在乡复员军人 (DOMAIN.md §1).
const DemobilizedCutoff = "1954-10-31"

// MaxCount bounds participant counts and item quantities: beyond it a number is a slip.
const MaxCount = 100_000_000

// checkEnum records an error when code is set but not one of e's codes.
func (ps *Problems) checkEnum(field, code string, e Enum) {
	if code == "" || e.Valid(code) {
		return
	}
	label, labelEn := FieldLabel(field, Zh), FieldLabel(field, En)
	ps.addError(problem(field, CodeUnknown,
		label+"的取值“"+Sanitize(code)+"”不在可选范围内，请从列表中选择",
		labelEn+": “"+Sanitize(code)+"” is not one of the choices; pick one from the list"))
}

// cleanText cleans *s in place as CleanText does, recording a problem.
func (ps *Problems) cleanText(field string, s *string, max int) {
	out, err := CleanText(field, *s, max)
	if err != nil {
		ps.addErr(err, field)
		return
	}
	*s = out
}

// cleanOptionalName cleans a name of someone else (the martyr, the serving soldier) in
// place when it is given.
func (ps *Problems) cleanOptionalName(field string, s *string) {
	if trimSpace(*s) == "" {
		*s = ""
		return
	}
	out, err := CleanName(*s)
	if err != nil {
		p := AsProblem(err, field)
		label, labelEn := FieldLabel(field, Zh), FieldLabel(field, En)
		p.Zh = label + "：" + p.Zh
		p.En = labelEn + ": " + p.En
		ps.addError(p)
		return
	}
	*s = out
}

// date parses *s in place when it is given; past says it must not be after today.
func (ps *Problems) date(field string, s *string, today time.Time, allowMonth, past bool) bool {
	if trimSpace(*s) == "" {
		*s = ""
		return false
	}
	iso, err := ParseDateField(field, *s, today, allowMonth)
	if err != nil {
		ps.addErr(err, field)
		return false
	}
	*s = iso
	if past && !DateNotAfter(iso, today) {
		label, labelEn := FieldLabel(field, Zh), FieldLabel(field, En)
		ps.addError(problem(field, CodeFuture,
			label+" "+FormatDateZh(iso)+" 晚于今天，请核对",
			labelEn+" "+iso+" is after today; please check it"))
		return false
	}
	return true
}

// money checks an amount in 分.
func (ps *Problems) money(field string, fen int64) {
	label, labelEn := FieldLabel(field, Zh), FieldLabel(field, En)
	switch {
	case fen < 0:
		ps.addError(problem(field, CodeNegative, label+"不能是负数", labelEn+" cannot be negative"))
	case fen > MaxMoneyFen:
		ps.addError(problem(field, CodeTooLarge, label+"太大（超过 10 亿元），请核对", labelEn+" is above 1 billion yuan; please check it"))
	}
}

// count checks a number of people or things.
func (ps *Problems) count(field string, n int64) {
	label, labelEn := FieldLabel(field, Zh), FieldLabel(field, En)
	switch {
	case n < 0:
		ps.addError(problem(field, CodeNegative, label+"不能是负数", labelEn+" cannot be negative"))
	case n > MaxCount:
		ps.addError(problem(field, CodeTooLarge, label+"太大，请核对", labelEn+" is too large; please check it"))
	}
}

// prefixBefore reports whether date a is before date b, comparing a year-month with a
// date by the month only ("2000-03" is not before "2000-03-15").
func prefixBefore(a, b string) bool {
	n := min(len(a), len(b))
	return a[:n] < b[:n]
}

// ValidatePerson checks a person before saving and normalises it in place: the name is
// cleaned, the ID number normalised (upper-case X, 15 digits upgraded), BirthDate and Sex
// derived from the ID number when empty (and checked against it when given), phones and
// dates normalised, free text cleaned, Status set to 在册 when empty.
//
// Errors refuse the save; gaps (NeedsCompletion) are reported in Gaps and never block it.
func ValidatePerson(p *Person, today time.Time) Problems {
	var ps Problems

	if name, err := CleanName(p.Name); err != nil {
		ps.addErr(err, "Name")
	} else {
		p.Name = name
	}

	// ID number, and what it says about birth date and sex.
	var id IDInfo
	hasID := false
	if trimSpace(p.IDNumber) == "" {
		p.IDNumber = ""
	} else if info, err := ParseIDNumber(p.IDNumber, today); err != nil {
		ps.addErr(err, "IDNumber")
	} else {
		id, hasID = info, true
		p.IDNumber = info.Number
	}
	if ps.date("BirthDate", &p.BirthDate, today, false, true) && hasID && p.BirthDate != id.BirthDate {
		ps.addError(problem("BirthDate", CodeMismatch,
			"出生日期与身份证号不一致（身份证号中为 "+FormatDateZh(id.BirthDate)+"），请核对",
			"The date of birth disagrees with the ID number (which says "+id.BirthDate+"); please check"))
	}
	if hasID && p.BirthDate == "" {
		p.BirthDate = id.BirthDate
	}
	ps.checkEnum("Sex", p.Sex, Sexes)
	if hasID && p.Sex != "" && Sexes.Valid(p.Sex) && p.Sex != id.Sex {
		ps.addError(problem("Sex", CodeMismatch,
			"性别与身份证号不一致（身份证号第 17 位表示"+Sexes.Label(id.Sex, Zh)+"），请核对",
			"The sex disagrees with the ID number (its 17th digit says "+Sexes.Label(id.Sex, En)+"); please check"))
	}
	if hasID && p.Sex == "" {
		p.Sex = id.Sex
	}

	// Phones: each entry may hold several numbers (one cell of an import).
	var phones []string
	seen := map[string]bool{}
	for _, entry := range p.Phones {
		nums, err := ParsePhones(entry)
		if err != nil {
			ps.addErr(err, "Phones")
			continue
		}
		for _, n := range nums {
			if !seen[n] {
				seen[n] = true
				phones = append(phones, n)
			}
		}
	}
	if len(ps.For("Phones")) == 0 {
		p.Phones = phones
	}

	// Categories.
	catSeen := map[string]bool{}
	for _, c := range p.Categories {
		if !Categories.Valid(c) {
			ps.checkEnum("Categories", c, Categories)
			if c == "" {
				ps.addError(problem("Categories", CodeUnknown, "人员类别有一项是空的", "One of the categories is empty"))
			}
			continue
		}
		if catSeen[c] {
			ps.addError(problem("Categories", CodeDuplicate,
				"人员类别“"+Categories.Label(c, Zh)+"”重复了",
				"The category “"+Categories.Label(c, En)+"” is given twice"))
		}
		catSeen[c] = true
	}

	// Enumerations.
	ps.checkEnum("DisabilityNature", p.DisabilityNature, DisabilityNatures)
	ps.checkEnum("MartyrRelation", p.MartyrRelation, MartyrRelations)
	ps.checkEnum("Relation", p.Relation, Relations)
	ps.checkEnum("Rank", p.Rank, Ranks)
	ps.checkEnum("ServiceStatus", p.ServiceStatus, ServiceStatuses)
	ps.checkEnum("SubsidyStatus", p.SubsidyStatus, SubsidyStatuses)
	if p.Status == "" {
		p.Status = StatusActive
	}
	ps.checkEnum("Status", p.Status, PersonStatuses)
	ps.checkEnum("HukouType", p.HukouType, HukouTypes)
	ps.checkEnum("SelfCare", p.SelfCare, SelfCareLevels)
	ps.checkEnum("Assistance", p.Assistance, Assistances)

	// Disability.
	if p.DisabilityGrade < 0 || p.DisabilityGrade > 10 {
		ps.addError(problem("DisabilityGrade", CodeRange,
			"伤残等级应为一级到十级，现在是 "+strconv.Itoa(p.DisabilityGrade),
			"The disability grade is 1 to 10; it is "+strconv.Itoa(p.DisabilityGrade)))
	}
	if p.DisabilityNature == NatureIllness && !IllnessAllowed(p.Rank) {
		ps.addError(problem("DisabilityNature", CodeNotAllowed,
			"因病致残只适用于义务兵和初级军士，请核对伤残性质或军人类别",
			"Disability from illness applies only to conscripts and junior NCOs; check the nature or the rank"))
	}

	// Dates.
	enlisted := ps.date("EnlistedOn", &p.EnlistedOn, today, true, true)
	discharged := ps.date("DischargedOn", &p.DischargedOn, today, true, true)
	if enlisted && discharged && prefixBefore(p.DischargedOn, p.EnlistedOn) {
		ps.addError(problem("DischargedOn", CodeOrder,
			"退役时间早于入伍时间，请核对",
			"The discharge date is before the enlistment date; please check"))
	}
	// The service dates are the servicemember's: compare them with the person's own birth
	// date only when the record is about the servicemember themself.
	self := p.Relation == "" || p.Relation == "self"
	if self && enlisted && p.BirthDate != "" && realDate(p.BirthDate) && prefixBefore(p.EnlistedOn, p.BirthDate) {
		ps.addError(problem("EnlistedOn", CodeOrder,
			"入伍时间早于出生日期，请核对",
			"The enlistment date is before the date of birth; please check"))
	}
	if enlisted && p.HasCategory(CatDemobilized) && !prefixBefore(p.EnlistedOn, "1954-11") {
		ps.addError(problem("EnlistedOn", CodeNotAllowed,
			"在乡复员军人应在 1954年10月31日 以前入伍，请核对入伍时间或人员类别",
			"Demobilized servicemembers enlisted on or before 1954-10-31; check the enlistment date or the category"))
	}
	ps.date("RegisteredOn", &p.RegisteredOn, today, false, true)
	ps.date("StatusChangedOn", &p.StatusChangedOn, today, false, true)

	// Subsidy years.
	for _, f := range []struct {
		field string
		year  int
	}{{"SubsidyFrom", p.SubsidyFrom}, {"SubsidyTo", p.SubsidyTo}} {
		if f.year != 0 && (f.year < minYear || f.year > today.Year()+5) {
			ps.addError(problem(f.field, CodeDate,
				FieldLabel(f.field, Zh)+"的年份 "+strconv.Itoa(f.year)+" 不对",
				FieldLabel(f.field, En)+": the year "+strconv.Itoa(f.year)+" is not right"))
		}
	}
	if p.SubsidyFrom != 0 && p.SubsidyTo != 0 && p.SubsidyTo < p.SubsidyFrom {
		ps.addError(problem("SubsidyTo", CodeOrder,
			"补助停止年早于起始年，请核对",
			"The subsidy ends before it starts; please check"))
	}

	// Names of others and free text.
	ps.cleanOptionalName("MartyrName", &p.MartyrName)
	ps.cleanOptionalName("ServicemanName", &p.ServicemanName)
	ps.cleanText("Ethnicity", &p.Ethnicity, MaxShortText)
	ps.cleanText("ContactNote", &p.ContactNote, MaxLineText)
	ps.cleanText("Address", &p.Address, MaxLineText)
	ps.cleanText("CategoryOther", &p.CategoryOther, MaxShortText)
	ps.cleanText("DisabilityCertNo", &p.DisabilityCertNo, MaxShortText)
	ps.cleanText("ServiceUnit", &p.ServiceUnit, MaxUnitName)
	ps.cleanText("PairingCadre", &p.PairingCadre, MaxUnitName)
	ps.cleanText("Health", &p.Health, MaxLongText)
	ps.cleanText("Conditions", &p.Conditions, MaxLongText)
	ps.cleanText("Note", &p.Note, MaxLongText)

	ps.Gaps = NeedsCompletion(p)
	return ps
}

// NoPeriodicPension reports a valid record that receives no periodic pension: disability
// from illness of grade 7–10 (《军人抚恤优待条例》第二十七条). Screens show it so that nobody
// "corrects" the missing payment.
func NoPeriodicPension(p *Person) bool {
	return p.DisabilityNature == NatureIllness && p.DisabilityGrade >= 7 && p.DisabilityGrade <= 10
}

// NeedsCompletion lists what a person's record is missing (待补充): details a category
// needs that nobody has filled in yet. These never block saving.
func NeedsCompletion(p *Person) []Problem {
	var ps Problems
	if len(p.Categories) == 0 {
		ps.addGap(problem("Categories", "", "还没有选择人员类别", "No category chosen yet"))
	}
	disability, survivor := false, false
	for _, c := range p.Categories {
		disability = disability || NeedsDisability(c)
		survivor = survivor || IsSurvivor(c)
	}
	if disability {
		if p.DisabilityNature == "" {
			ps.addGap(problem("DisabilityNature", "", "待补充伤残性质（因战/因公/因病）", "Disability nature to be filled in"))
		}
		if p.DisabilityGrade == 0 {
			ps.addGap(problem("DisabilityGrade", "", "待补充伤残等级", "Disability grade to be filled in"))
		}
	}
	if survivor {
		if p.MartyrRelation == "" {
			ps.addGap(problem("MartyrRelation", "", "待补充与烈士（牺牲、病故军人）的关系", "Relation to the deceased to be filled in"))
		}
		if trimSpace(p.MartyrName) == "" {
			ps.addGap(problem("MartyrName", "", "待补充烈士（牺牲、病故军人）姓名", "Name of the deceased to be filled in"))
		}
	}
	if p.HasCategory(CatServingFamily) && trimSpace(p.ServicemanName) == "" {
		ps.addGap(problem("ServicemanName", "", "待补充现役军人姓名", "Name of the serving member to be filled in"))
	}
	if p.HasCategory(CatOther) && trimSpace(p.CategoryOther) == "" {
		ps.addGap(problem("CategoryOther", "", "选了“其他”类别，待补充具体说明", "Category “Other” chosen: say which"))
	}
	return ps.Gaps
}

// ValidateUnit checks a unit before saving and normalises it in place (name and text
// cleaned, contact phones normalised and joined with JoinPhones).
func ValidateUnit(u *Unit) Problems {
	var ps Problems
	name, err := CleanText("Name", u.Name, MaxUnitName)
	switch {
	case err != nil:
		ps.addErr(err, "Name")
	case name == "":
		ps.addError(problem("Name", CodeRequired, "请填写单位名称", "Please enter the unit's name"))
	default:
		u.Name = name
	}
	if u.Kind == "" {
		ps.addError(problem("Kind", CodeRequired, "请选择单位类别", "Please choose the kind of unit"))
	} else {
		ps.checkEnum("Kind", u.Kind, UnitKinds)
	}
	if trimSpace(u.ContactPhone) == "" {
		u.ContactPhone = ""
	} else if phones, err := ParsePhones(u.ContactPhone); err != nil {
		ps.addErr(err, "ContactPhone")
	} else {
		u.ContactPhone = JoinPhones(phones)
	}
	ps.cleanText("Designation", &u.Designation, MaxUnitName)
	ps.cleanText("Address", &u.Address, MaxLineText)
	ps.cleanText("ContactName", &u.ContactName, MaxShortText)
	ps.cleanText("Note", &u.Note, MaxLongText)
	return ps
}

// ValidateEvent checks an event before saving and normalises it in place (dates to ISO,
// text cleaned). Events may be planned ahead: dates in the future are allowed.
func ValidateEvent(e *Event, today time.Time) Problems {
	var ps Problems
	if trimSpace(e.Date) == "" {
		ps.addError(problem("Date", CodeRequired, "请填写活动日期", "Please enter the date of the event"))
	}
	hasDate := ps.date("Date", &e.Date, today, false, false)
	if ps.date("EndDate", &e.EndDate, today, false, false) && hasDate && e.EndDate < e.Date {
		ps.addError(problem("EndDate", CodeOrder, "结束日期早于开始日期，请核对", "The end date is before the start date; please check"))
	}
	if e.Type == "" {
		ps.addError(problem("Type", CodeRequired, "请选择活动类型", "Please choose the type of event"))
	} else {
		ps.checkEnum("Type", e.Type, EventTypes)
	}
	ps.checkEnum("Occasion", e.Occasion, Occasions)
	ps.checkEnum("Direction", e.Direction, Directions)

	ps.count("Participants", e.Participants)
	ps.count("MilitaryParticipants", e.MilitaryParticipants)
	if e.MilitaryParticipants > e.Participants && e.Participants >= 0 {
		ps.addError(problem("MilitaryParticipants", CodeRange,
			"其中部队官兵人数（"+strconv.FormatInt(e.MilitaryParticipants, 10)+"）多于参加总人数（"+strconv.FormatInt(e.Participants, 10)+"），请核对",
			"Military participants ("+strconv.FormatInt(e.MilitaryParticipants, 10)+") exceed all participants ("+strconv.FormatInt(e.Participants, 10)+"); please check"))
	}
	ps.money("MoneyFen", e.MoneyFen)
	ps.money("StandardMoneyFen", e.StandardMoneyFen)
	ps.money("StandardGoodsFen", e.StandardGoodsFen)

	for i := range e.Units {
		u := &e.Units[i]
		n := strconv.Itoa(i + 1)
		if u.UnitID == 0 {
			ps.addError(problem("Units", CodeRequired, "第 "+n+" 个参与单位没有选定单位", "Unit "+n+" is not chosen"))
		}
		if u.Role == "" {
			ps.addError(problem("Units", CodeRequired, "第 "+n+" 个参与单位没有选择角色（主办/协办/慰问对象/共建）", "Unit "+n+" has no role"))
		} else if !UnitRoles.Valid(u.Role) {
			ps.addError(problem("Units", CodeUnknown, "第 "+n+" 个参与单位的角色不在可选范围内", "Unit "+n+" has an unknown role"))
		}
	}
	for i := range e.Items {
		it := &e.Items[i]
		n := strconv.Itoa(i + 1)
		name, err := CleanText("Items", it.Name, MaxShortText)
		switch {
		case err != nil:
			ps.addErr(err, "Items")
		case name == "":
			ps.addError(problem("Items", CodeRequired, "第 "+n+" 项物品没有填名称", "Item "+n+" has no name"))
		default:
			it.Name = name
		}
		if unit, err := CleanText("Items", it.Unit, 10); err != nil {
			ps.addErr(err, "Items")
		} else {
			it.Unit = unit
		}
		if it.Quantity < 0 {
			ps.addError(problem("Items", CodeNegative, "第 "+n+" 项物品的数量不能是负数", "Item "+n+": the quantity cannot be negative"))
		} else if it.Quantity > MaxCount {
			ps.addError(problem("Items", CodeTooLarge, "第 "+n+" 项物品的数量太大，请核对", "Item "+n+": the quantity is too large"))
		}
		if it.Parent < 0 || it.Parent > len(e.Items) || it.Parent == i+1 {
			ps.addError(problem("Items", CodeUnknown, "第 "+n+" 项物品的“其中”所属项不存在", "Item "+n+" is a breakdown of an item the event does not have"))
		}
	}

	ps.cleanText("Title", &e.Title, MaxLineText)
	ps.cleanText("Place", &e.Place, MaxLineText)
	ps.cleanText("Organiser", &e.Organiser, MaxUnitName)
	ps.cleanText("Lead", &e.Lead, MaxUnitName)
	ps.cleanText("MoneySource", &e.MoneySource, MaxUnitName)
	ps.cleanText("StandardGoods", &e.StandardGoods, MaxLineText)
	ps.cleanText("Note", &e.Note, MaxLongText)
	return ps
}

// ValidateVisit checks a visit before saving and normalises it in place. A visit records
// what happened: its date cannot be in the future (a follow-up date can).
func ValidateVisit(v *Visit, today time.Time) Problems {
	var ps Problems
	if v.PersonID == 0 {
		ps.addError(problem("PersonID", CodeRequired, "请选择走访对象", "Please choose the person visited"))
	}
	if v.EventID == 0 {
		ps.addError(problem("EventID", CodeRequired, "请选择所属活动", "Please choose the event"))
	}
	if trimSpace(v.Date) == "" {
		ps.addError(problem("Date", CodeRequired, "请填写走访日期", "Please enter the date of the visit"))
	}
	ps.date("Date", &v.Date, today, false, true)
	ps.date("FollowUpOn", &v.FollowUpOn, today, false, false)
	ps.checkEnum("Mode", v.Mode, VisitModes)
	ps.money("MoneyFen", v.MoneyFen)
	ps.money("GoodsValueFen", v.GoodsValueFen)
	ps.cleanText("Visitors", &v.Visitors, MaxLineText)
	ps.cleanText("Goods", &v.Goods, MaxLineText)
	ps.cleanText("Condition", &v.Condition, MaxLongText)
	ps.cleanText("Need", &v.Need, MaxLongText)
	ps.cleanText("Resolution", &v.Resolution, MaxLongText)
	ps.cleanText("Note", &v.Note, MaxLongText)
	return ps
}
