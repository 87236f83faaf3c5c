package model

// The recurring duties in the tally (SPEC.md §5 item 7, issue 13): 常态化联系 of 重点对象, the
// 光荣牌 of eligible households and the 年度确认 of periodic-subsidy recipients. Each is a
// duty that stands at a moment, so each is counted as at the end of the period (rule 8) —
// for a range of years, as at the end of its last year (DutyYear), which the labels say:
//
//   - who: people on the roll at the end of the period (rule 5: 在册 or 停发; trashed people
//     count nowhere, rule 7), with their record as it stands now (rule 4): categories,
//     household, subsidy status, the 重点对象 rule of the settings as it stands (DutySettings,
//     the person's KeyMark overruling it);
//   - what was done: live visits (any mode is a contact, 入户 a home visit), plaque register
//     lines and confirmations, of people not in the trash, dated in DutyYear (contacts,
//     home visits, confirmations) or on or before the period's end (plaques).

// DutyYear is the year the duties of a tally are counted for: the period's last year.
func (p Period) DutyYear() int { return p.To }

// DutySpan is the months of DutyYear that 常态化联系's 「本期」 counts: the last period of the
// 重点对象's rule (months: DutySettings.Key.ContactMonths, calendar periods of that many
// months from January, as DutyRule says) begun on asOf (ISO) — the current one for this
// year, the last of the year for a past year. Under the default rule it is a quarter: the
// fourth for a past year.
//
// With no rule (0), or a number of months the settings cannot hold, it is the whole year:
// nothing asks for a round of contact, so the year's contacts are the only ones to report
// (the rate is then 全年已联系 ÷ 重点对象, as under a yearly rule).
func DutySpan(p Period, asOf string, months int) MonthSpan {
	if months <= 0 || months > 12 || 12%months != 0 {
		months = 12
	}
	m := 12
	if len(asOf) >= 7 && asOf[:4] == pad4(p.DutyYear()) {
		if n := int(asOf[5]-'0')*10 + int(asOf[6]-'0'); n >= 1 && n <= 12 {
			m = n
		}
	}
	from := (m-1)/months*months + 1
	return MonthSpan{From: from, To: from + months - 1}
}

// ContactRow is 常态化联系 of one category (Category "" in ContactTally.Total: every 重点对象
// once).
type ContactRow struct {
	Category string
	Key      int // 重点对象 on the roll at the end of the period (人)
	// Current: of them, contacted (any live visit: 电话, 微信, 入户, 集中慰问, 座谈) in the
	// months ContactTally.Span of DutyYear (「本期」).
	Current int
	Year    int // of them, contacted during DutyYear
	Home    int // of them, visited at home (入户) during DutyYear
}

// NotContacted is the 重点对象 not contacted in the current period: the people still to call.
func (r ContactRow) NotContacted() int { return r.Key - r.Current }

// Permille is 完成率: contacted in the current period ÷ 重点对象, in tenths of a percent (the
// county's 「全覆盖联系完成率」: everyone contacted in the current round of the rule).
func (r ContactRow) Permille() int { return permille(r.Current, r.Key) }

// Get returns one measure of the row.
func (r ContactRow) Get(m Measure) (int64, bool) {
	switch m {
	case MKey:
		return int64(r.Key), true
	case MContactedPeriod:
		return int64(r.Current), true
	case MNotContacted:
		return int64(r.NotContacted()), true
	case MContactedYear:
		return int64(r.Year), true
	case MVisitedHome:
		return int64(r.Home), true
	}
	return 0, false
}

// ContactTally is 常态化联系 by category.
type ContactTally struct {
	Year int // DutyYear
	// Span is the months of Year the 「本期」 columns count (DutySpan); its Label heads them
	// on screen, in files and in the paragraph.
	Span MonthSpan
	// Rows has a row for each category with 重点对象 on the roll, in Categories order,
	// NoCategory last; a person with two categories is in both rows.
	Rows []ContactRow
	// Total counts each 重点对象 once.
	Total ContactRow
}

// Row returns the row of a category ("" for the total row).
func (c ContactTally) Row(category string) (ContactRow, bool) {
	if category == "" {
		return c.Total, true
	}
	for _, r := range c.Rows {
		if r.Category == category {
			return r, true
		}
	}
	return ContactRow{}, false
}

// PlaqueTally is 光荣牌: the households eligible at the end of the period (a live member on
// the roll holding a category of PlaqueCategory; a household is the household as grouped
// now, or a person alone) and their plaque as at that day — the newest live register line
// dated on or before it, else 已悬挂 when a member's 光荣牌 flag says one hangs, else 待悬挂.
// A household whose only eligible member died or moved out is no longer eligible.
type PlaqueTally struct {
	Households int // eligible (户)
	Hung       int // 已悬挂
	Pending    int // 待悬挂: none
	Replace    int // 待更换
	Retired    int // 不再更换
}

// Permille is the share of eligible households with a plaque hung, in tenths of a percent.
func (p PlaqueTally) Permille() int { return permille(p.Hung, p.Households) }

// Get returns one measure of the table.
func (p PlaqueTally) Get(m Measure) (int64, bool) {
	switch m {
	case MEligible:
		return int64(p.Households), true
	case MHung:
		return int64(p.Hung), true
	case MPending:
		return int64(p.Pending), true
	case MReplace:
		return int64(p.Replace), true
	case MRetired:
		return int64(p.Retired), true
	}
	return 0, false
}

// ConfirmTally is 年度确认 (条例 第八条): the periodic-subsidy recipients (享受中 as the record
// stands) on the roll at the end of the period, and how many have a live confirmation
// for DutyYear (a confirmation of another year does not count).
type ConfirmTally struct {
	Year      int // DutyYear
	ToConfirm int // recipients on the roll (人)
	Confirmed int // of them, confirmed for Year
}

// Outstanding is the recipients not confirmed for the year.
func (c ConfirmTally) Outstanding() int { return c.ToConfirm - c.Confirmed }

// Permille is 完成率: confirmed ÷ to confirm, in tenths of a percent.
func (c ConfirmTally) Permille() int { return permille(c.Confirmed, c.ToConfirm) }

// Get returns one measure of the table.
func (c ConfirmTally) Get(m Measure) (int64, bool) {
	switch m {
	case MToConfirm:
		return int64(c.ToConfirm), true
	case MConfirmed:
		return int64(c.Confirmed), true
	case MUnconfirmed:
		return int64(c.Outstanding()), true
	}
	return 0, false
}

// Sections of the duty tables.
const (
	SecContacts      Section = "contacts"      // Contacts.Rows and Contacts.Total
	SecPlaques       Section = "plaques"       // Plaques
	SecConfirmations Section = "confirmations" // Confirmations
)

// Measures of the duty tables.
const (
	MKey             Measure = "key"              // 重点对象 on the roll (人)
	MContactedPeriod Measure = "contacted_period" // contacted in the current period, ContactTally.Span (人)
	MNotContacted    Measure = "not_contacted"    // not contacted in the current period (人)
	MContactedYear   Measure = "contacted_year"   // contacted in the year (人)
	MVisitedHome     Measure = "visited_home"     // visited at home in the year (人)
	MEligible        Measure = "eligible"         // households eligible for a 光荣牌 (户)
	MHung            Measure = "hung"             // 已悬挂 (户)
	MPending         Measure = "pending"          // 待悬挂 (户)
	MReplace         Measure = "replace"          // 待更换 (户)
	MRetired         Measure = "retired"          // 不再更换 (户)
	MToConfirm       Measure = "to_confirm"       // recipients to confirm (人)
	MConfirmed       Measure = "confirmed"        // confirmed for the year (人)
	MUnconfirmed     Measure = "unconfirmed"      // not confirmed (人)
)

// ContactMeasures, PlaqueMeasures and ConfirmMeasures are each table's columns in order
// (完成率 after them: the rows' Permille).
var (
	ContactMeasures = []Measure{MKey, MContactedPeriod, MNotContacted, MContactedYear, MVisitedHome}
	PlaqueMeasures  = []Measure{MEligible, MHung, MPending, MReplace, MRetired}
	ConfirmMeasures = []Measure{MToConfirm, MConfirmed, MUnconfirmed}
)

// Measures are the contact table's columns: ContactMeasures, without 全年已联系 when the
// rule's period is the whole year (a yearly rule, or none) — it would repeat the period's
// column under the same title.
func (c ContactTally) Measures() []Measure {
	if !c.Span.Whole() {
		return ContactMeasures
	}
	var ms []Measure
	for _, m := range ContactMeasures {
		if m != MContactedYear {
			ms = append(ms, m)
		}
	}
	return ms
}
