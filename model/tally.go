package model

import "strconv"

// The yearly tally (SPEC.md §5) as a value: what store/tally computes for a year, what the
// 统计 tab shows, what store/sheet writes and what SummaryDraft turns into prose.
//
// Counting units (DOMAIN.md §4) are kept apart everywhere:
//
//   - 人次 (Visits): visits, each live visit once. A person visited three times is 3 人次.
//   - 人 (People): distinct people. The same person visited three times is 1 人.
//   - 户 (Households): distinct households of the people counted. A person's household is
//     the household recorded on the visit (Visit.HouseholdKey: the household id, or the
//     negated person id for someone not grouped with anyone), so two people of one
//     household visited the same year are 2 人 and 1 户.
//   - 场/次 (Events): events, each live event once.
//
// Categories: a person may hold several categories. Rows by category count a person (or a
// visit) under every category they hold, so category rows may add up to more than the
// total; the total row counts each person and each visit exactly once. Visits are counted
// under the categories copied onto the visit when it was saved (the person as they were);
// the roster is counted under the people's categories as they are now (the ledger keeps
// no history of categories). A visit or person with no category at all is counted under
// NoCategory, which tables show only when it is not zero.
//
// Trash: nothing in the trash is counted — not trashed people (on the roster), visits or
// events. Visits of a person who was later moved to the trash still happened and still
// count in the visits table; the person no longer counts on the roster.
//
// The roll (在册): a live person is on the roll at the end of year Y when
//
//	registered on or before 31 December Y (or with no registration date), and
//	their status is 在册 (active), or it changed from 在册 after 31 December Y.
//
// A person whose status is 迁出/死亡/停发 with no recorded date of the change is taken to
// have left before any year the ledger tallies: they are on no year's roll and removed in no
// year. New in year Y: registered during Y. Removed in year Y: status no longer 在册, changed
// during Y. So for every category: on the roll at the end of Y−1 (Start) + New − Removed =
// on the roll at the end of Y (Count), the identity county forms check. For the current year
// "the end of the year" is in effect today: status changes are recorded when they happen.
//
// Coverage (走访覆盖率): of the people on the roll at the end of the year, those with at least
// one live visit during the year, divided by all of them. People who left the roll during
// the year are in neither number (whether they were visited before they left or not), so
// the list of people not visited is exactly the people still to visit.

// NoCategory is the category code under which visits and people without any category are
// counted. It is not one of Categories' codes and never stored.
const NoCategory = "-"

// CategoryLabel is Categories.Label that also names NoCategory.
func CategoryLabel(code string, lang Lang) string {
	if code == NoCategory {
		if lang == En {
			return "No category"
		}
		return "未填类别"
	}
	return Categories.Label(code, lang)
}

// Section names a table of the tally; with a Measure and the keys of a row it identifies
// one figure (store/tally.Figure), for drill-down and for the year-over-year changes.
type Section string

const (
	SecRoster      Section = "roster"       // Roster.Rows and Roster.Total
	SecVillages    Section = "villages"     // Roster.Villages: village × category
	SecVisits      Section = "visits"       // Visits.Rows and Visits.Total, by quarter
	SecCoverage    Section = "coverage"     // Visits.Coverage and each row's coverage
	SecEvents      Section = "events"       // Events.Rows and Events.Total, by quarter
	SecItems       Section = "items"        // Events.Items and each row's Items
	SecSupportTo   Section = "support_to"   // SupportTo: 拥军, per unit
	SecSupportFrom Section = "support_from" // SupportFrom: 拥政爱民, per unit
	SecMonths      Section = "months"       // Months
	SecHeadline    Section = "headline"     // Headline
)

// Measure names what a figure counts or sums.
type Measure string

const (
	MOnRoll       Measure = "on_roll"      // 在册 at the end of the year (人)
	MNew          Measure = "new"          // registered during the year (人)
	MRemoved      Measure = "removed"      // left the roll during the year (人)
	MVisits       Measure = "visits"       // 人次
	MPeople       Measure = "people"       // distinct 人
	MHouseholds   Measure = "households"   // distinct 户
	MMoney        Measure = "money"        // 慰问金 / money spent, 分
	MGoods        Measure = "goods"        // value of 慰问品, 分
	MTotal        Measure = "total"        // 慰问金 + 慰问品, 分
	MCovered      Measure = "covered"      // on the roll and visited (人)
	MNotVisited   Measure = "not_visited"  // on the roll and not visited (人)
	MRounds       Measure = "rounds"       // 走访慰问 rounds: events that reached people
	MEvents       Measure = "events"       // 场/次
	MActivities   Measure = "activities"   // events other than 走访慰问 (场/次)
	MParticipants Measure = "participants" // participants (人次 as recorded on events)
	MMilitary     Measure = "military"     // of them military (人次)
	MQuantity     Measure = "quantity"     // a counted item, in its own unit
)

// Measures labels the measures (column headers and headline names).
var Measures = Enum{
	{Code: string(MOnRoll), Zh: "在册人数", En: "On the roll"},
	{Code: string(MNew), Zh: "本年新增", En: "New"},
	{Code: string(MRemoved), Zh: "本年减少", En: "Removed"},
	{Code: string(MVisits), Zh: "走访慰问人次", En: "Visits"},
	{Code: string(MPeople), Zh: "走访慰问人数", En: "People visited"},
	{Code: string(MHouseholds), Zh: "走访慰问户数", En: "Households visited"},
	{Code: string(MMoney), Zh: "慰问金", En: "Cash"},
	{Code: string(MGoods), Zh: "慰问品价值", En: "Goods value"},
	{Code: string(MTotal), Zh: "合计", En: "Total"},
	{Code: string(MCovered), Zh: "已走访在册人数", En: "Covered"},
	{Code: string(MNotVisited), Zh: "未走访在册人数", En: "Not visited"},
	{Code: string(MRounds), Zh: "走访慰问次数", En: "Visit rounds"},
	{Code: string(MEvents), Zh: "活动场次", En: "Events"},
	{Code: string(MActivities), Zh: "双拥活动场次", En: "Activities"},
	{Code: string(MParticipants), Zh: "参加人数", En: "Participants"},
	{Code: string(MMilitary), Zh: "其中部队官兵", En: "Of them military"},
	{Code: string(MQuantity), Zh: "数量", En: "Quantity"},
}

// IsMoney reports whether a measure is an amount in 分.
func (m Measure) IsMoney() bool { return m == MMoney || m == MGoods || m == MTotal }

// Tally is the yearly tally of SPEC.md §5 for one year. Slices are in the order tables
// show them; everything is plain data (copy freely).
type Tally struct {
	Year int
	// AsOf is the ISO date the tally was computed on; for the current year the figures
	// are "so far".
	AsOf string

	Roster      Roster
	Visits      VisitTally
	Events      EventTally
	SupportTo   Support // 拥军: units supported by to_military events
	SupportFrom Support // 拥政爱民: units in to_local events
	Months      [12]MonthFigures

	Headline Headline // this year's headline figures
	Previous Headline // the same figures for Year−1
}

// Roster is 优抚对象基本情况: people per category and per village.
type Roster struct {
	// Rows has one row per category of Categories, in that order (zeros included: county
	// forms list every category), then a NoCategory row when anyone has no category.
	Rows []RosterRow
	// Total counts people once each (Category ""), whatever their number of categories.
	Total RosterRow
	// Columns are the category codes of the village × category table: those with anyone
	// on the roll at the end of the year, in Categories order (NoCategory last).
	Columns []string
	// Villages are the rows of the village × category table, in the villages' display
	// order; people with no village come last (VillageID 0). Only villages with anyone on
	// the roll at the end of the year appear.
	Villages []VillageRow
	// VillageTotal is the table's total row (VillageID 0, Name "").
	VillageTotal VillageRow
}

// RosterRow counts one category (or all, Category "") on the roll.
type RosterRow struct {
	Category string
	Count    int // on the roll at the end of the year
	New      int // registered during the year
	Removed  int // left the roll during the year
}

// Start is the number on the roll at the end of the previous year: Count − New + Removed.
func (r RosterRow) Start() int { return r.Count - r.New + r.Removed }

// VillageRow is one row of the village × category table: people on the roll at the end of
// the year living in the village.
type VillageRow struct {
	VillageID int64 // 0: no village recorded
	Name      string
	// ByCategory is parallel to Roster.Columns.
	ByCategory []int
	// Total counts people once each.
	Total int
}

// VisitFigures are the visit figures of one cell: a category (or all) in a quarter (or the
// year).
type VisitFigures struct {
	Visits     int   // 人次
	People     int   // distinct 人
	Households int   // distinct 户
	MoneyFen   int64 // 慰问金
	GoodsFen   int64 // value of 慰问品
}

// TotalFen is 慰问金 plus the value of 慰问品.
func (f VisitFigures) TotalFen() int64 { return f.MoneyFen + f.GoodsFen }

// Get returns one measure of the figures (0, false for a measure they do not hold).
func (f VisitFigures) Get(m Measure) (int64, bool) {
	switch m {
	case MVisits:
		return int64(f.Visits), true
	case MPeople:
		return int64(f.People), true
	case MHouseholds:
		return int64(f.Households), true
	case MMoney:
		return f.MoneyFen, true
	case MGoods:
		return f.GoodsFen, true
	case MTotal:
		return f.TotalFen(), true
	}
	return 0, false
}

// VisitRow is one category's visits (Category "" in VisitTally.Total: all visits).
type VisitRow struct {
	Category string
	Quarters [4]VisitFigures // 第一季度 … 第四季度
	Year     VisitFigures    // the whole year: distinct counts are distinct over the year,
	// so Year.People may be less than the sum of the quarters' People.

	// Coverage of the category: people on the roll at the end of the year holding the
	// category (as they are now), and how many of them were visited during the year.
	OnRoll  int
	Covered int
}

// VisitTally is 走访慰问情况.
type VisitTally struct {
	// Rows has a row for every category with visits during the year or people on the roll
	// at its end, in Categories order, NoCategory last.
	Rows []VisitRow
	// Total counts each visit, person and household once (Category "").
	Total VisitRow
	// Rounds is the number of distinct events that reached at least one person during the
	// year (a festival campaign is one round; a visit recorded on its own is one).
	Rounds int
	// Coverage of the whole roll.
	Coverage Coverage
}

// Coverage is 走访覆盖: people on the roll at the end of the year and how many were visited.
type Coverage struct {
	OnRoll  int
	Covered int
}

// NotVisited is the number of people on the roll not visited during the year.
func (c Coverage) NotVisited() int { return c.OnRoll - c.Covered }

// Permille is the coverage in tenths of a percent, rounded half up (985 = 98.5%); 0 for an
// empty roll.
func (c Coverage) Permille() int { return permille(c.Covered, c.OnRoll) }

func permille(num, den int) int {
	if den <= 0 {
		return 0
	}
	return int((int64(num)*2000 + int64(den)) / (2 * int64(den)))
}

// FormatPermille writes tenths of a percent as reports do: 985 → "98.5%", 1000 → "100%".
func FormatPermille(p int) string {
	s := strconv.Itoa(p / 10)
	if r := p % 10; r != 0 {
		if r < 0 {
			r = -r
		}
		s += "." + strconv.Itoa(r)
	}
	return s + "%"
}

// EventFigures are the event figures of one cell.
type EventFigures struct {
	Events       int   // 场/次
	Participants int64 // as recorded on the events
	Military     int64 // of them military
	MoneyFen     int64 // money spent
}

// Get returns one measure of the figures.
func (f EventFigures) Get(m Measure) (int64, bool) {
	switch m {
	case MEvents:
		return int64(f.Events), true
	case MParticipants:
		return f.Participants, true
	case MMilitary:
		return f.Military, true
	case MMoney:
		return f.MoneyFen, true
	}
	return 0, false
}

func (f *EventFigures) add(g EventFigures) {
	f.Events += g.Events
	f.Participants += g.Participants
	f.Military += g.Military
	f.MoneyFen += g.MoneyFen
}

// ItemTotal is a counted item summed over events: 鞋垫 276 双. Items are summed by name and
// counting unit together: 标语 100 幅 and 标语 3 条 stay apart.
type ItemTotal struct {
	Name     string
	Unit     string
	Quantity int64
	Events   int // events that recorded it
}

// EventRow is one event type's events (Type "" in EventTally.Total: all events).
type EventRow struct {
	Type     string
	Quarters [4]EventFigures
	Year     EventFigures
	Items    []ItemTotal // sorted by name, then unit
}

// EventTally is 双拥活动 by type.
type EventTally struct {
	// Rows has a row for each type with events during the year, in EventTypes order.
	// 走访慰问 events are included as recorded; their people and money are counted in
	// VisitTally.
	Rows  []EventRow
	Total EventRow
	// Items sums every item over all events, sorted by name, then unit.
	Items []ItemTotal
}

// Row returns the row of an event type.
func (e EventTally) Row(eventType string) (EventRow, bool) {
	for _, r := range e.Rows {
		if r.Type == eventType {
			return r, true
		}
	}
	return EventRow{}, false
}

// Item returns the total of an item over all events (0 when not recorded).
func (e EventTally) Item(name, unit string) int64 {
	for _, it := range e.Items {
		if it.Name == name && it.Unit == unit {
			return it.Quantity
		}
	}
	return 0
}

// UnitSupport is one unit's events in a direction (UnitID 0 in Support.Total).
type UnitSupport struct {
	UnitID       int64
	Name         string
	Kind         string // UnitKinds code
	Events       int
	Participants int64
	Military     int64
	MoneyFen     int64
	Items        []ItemTotal
}

// Get returns one measure of the row.
func (u UnitSupport) Get(m Measure) (int64, bool) {
	switch m {
	case MEvents:
		return int64(u.Events), true
	case MParticipants:
		return u.Participants, true
	case MMilitary:
		return u.Military, true
	case MMoney:
		return u.MoneyFen, true
	}
	return 0, false
}

// Support is per-unit support in one direction.
//
// 拥军 (SupportTo): events of direction to_military; a unit is counted for an event when its
// role is 慰问对象 (recipient) or 共建 (partner), or whatever its role when it is a military
// unit (驻地部队, 武警, 消防救援, 人武部, 民兵组织).
//
// 拥政爱民 (SupportFrom): events of direction to_local; a unit is counted for an event when
// its role is 主办, 协办 or 共建, or whatever its role when it is a military unit — the units
// that helped the locality.
//
// An event counts once under each unit it names (with all its participants, money and
// items), so the rows may add up to more than Total, which counts each event that names at
// least one counted unit once. Events naming no such unit (a visit to a family, say) are in
// neither.
type Support struct {
	Direction string
	// Rows are sorted by events (most first), then by name.
	Rows  []UnitSupport
	Total UnitSupport
}

// Unit returns the row of a unit.
func (s Support) Unit(id int64) (UnitSupport, bool) {
	for _, r := range s.Rows {
		if r.UnitID == id {
			return r, true
		}
	}
	return UnitSupport{}, false
}

// CountsForSupport reports whether a unit of the given kind and role counts for an event of
// the given direction (see Support).
func CountsForSupport(direction, role, kind string) bool {
	if SideOf(kind) == SideMilitary {
		return true
	}
	switch direction {
	case DirToMilitary:
		return role == "recipient" || role == "partner"
	case DirToLocal:
		return role == "host" || role == "cohost" || role == "partner"
	}
	return false
}

// MonthFigures are one month's bars in the chart.
type MonthFigures struct {
	Activities int // events other than 走访慰问
	Visits     int // 人次
}

// Headline holds the figures a year is summed up by, and compared with the year before.
type Headline struct {
	Year       int
	OnRoll     int // on the roll at the end of the year
	New        int
	Removed    int
	Rounds     int // events that reached people (走访慰问次数)
	Visits     int // 人次
	People     int // distinct 人
	Households int // distinct 户
	MoneyFen   int64
	GoodsFen   int64
	Covered    int // on the roll at the end of the year and visited during it

	Activities   int   // events other than 走访慰问
	Participants int64 // of those activities
	Military     int64
	ActivityFen  int64 // money spent on those activities
}

// Permille is the coverage of the roll in tenths of a percent.
func (h Headline) Permille() int { return permille(h.Covered, h.OnRoll) }

// Empty reports whether nothing at all was recorded for the year.
func (h Headline) Empty() bool {
	return h.OnRoll == 0 && h.New == 0 && h.Removed == 0 && h.Visits == 0 && h.Activities == 0
}

// Get returns a headline figure by measure.
func (h Headline) Get(m Measure) (int64, bool) {
	switch m {
	case MOnRoll:
		return int64(h.OnRoll), true
	case MNew:
		return int64(h.New), true
	case MRemoved:
		return int64(h.Removed), true
	case MRounds:
		return int64(h.Rounds), true
	case MVisits:
		return int64(h.Visits), true
	case MPeople:
		return int64(h.People), true
	case MHouseholds:
		return int64(h.Households), true
	case MMoney:
		return h.MoneyFen, true
	case MGoods:
		return h.GoodsFen, true
	case MTotal:
		return h.MoneyFen + h.GoodsFen, true
	case MCovered:
		return int64(h.Covered), true
	case MNotVisited:
		return int64(h.OnRoll - h.Covered), true
	case MActivities:
		return int64(h.Activities), true
	case MParticipants:
		return h.Participants, true
	case MMilitary:
		return h.Military, true
	}
	return 0, false
}

// HeadlineMeasures are the headline figures in the order the 统计 tab and the workbook
// show them.
var HeadlineMeasures = []Measure{MOnRoll, MNew, MRemoved, MRounds, MVisits, MPeople, MHouseholds,
	MMoney, MGoods, MCovered, MNotVisited, MActivities, MParticipants, MMilitary}

// Change is a headline figure with its value the year before.
type Change struct {
	Measure Measure
	Now     int64
	Before  int64
}

// Delta is Now − Before.
func (c Change) Delta() int64 { return c.Now - c.Before }

// Permille is the change relative to the year before, in tenths of a percent rounded half
// away from zero; ok is false when there is nothing to compare with (Before is 0).
func (c Change) Permille() (p int, ok bool) {
	if c.Before == 0 {
		return 0, false
	}
	d := c.Delta()
	neg := d < 0
	if neg {
		d = -d
	}
	v := int((d*2000 + c.Before) / (2 * c.Before))
	if neg {
		v = -v
	}
	return v, true
}

// Changes lists the headline figures with last year's.
func (t Tally) Changes() []Change {
	out := make([]Change, 0, len(HeadlineMeasures))
	for _, m := range HeadlineMeasures {
		now, _ := t.Headline.Get(m)
		before, _ := t.Previous.Get(m)
		out = append(out, Change{Measure: m, Now: now, Before: before})
	}
	return out
}

// VisitRowOf returns the visits row of a category ("" for the total row).
func (t Tally) VisitRowOf(category string) (VisitRow, bool) {
	if category == "" {
		return t.Visits.Total, true
	}
	for _, r := range t.Visits.Rows {
		if r.Category == category {
			return r, true
		}
	}
	return VisitRow{}, false
}

// RosterRowOf returns the roster row of a category ("" for the total row).
func (t Tally) RosterRowOf(category string) (RosterRow, bool) {
	if category == "" {
		return t.Roster.Total, true
	}
	for _, r := range t.Roster.Rows {
		if r.Category == category {
			return r, true
		}
	}
	return RosterRow{}, false
}

// SumEvents adds up event figures (used by the tally for totals).
func SumEvents(fs ...EventFigures) EventFigures {
	var t EventFigures
	for _, f := range fs {
		t.add(f)
	}
	return t
}

// Roll status of a person for a year, as the tally defines it (see the top of this file).
// store/tally computes the same in SQL; tests hold the two together.

// OnRollAtEnd reports whether p is on the roll at the end of year.
func OnRollAtEnd(p *Person, year int) bool {
	end := yearEnd(year)
	if p.DeletedAt != "" || (p.RegisteredOn != "" && p.RegisteredOn > end) {
		return false
	}
	return p.Status == StatusActive || p.Status == "" || (p.StatusChangedOn != "" && p.StatusChangedOn > end)
}

// NewInYear reports whether p was registered during year.
func NewInYear(p *Person, year int) bool {
	return p.DeletedAt == "" && inYear(p.RegisteredOn, year)
}

// RemovedInYear reports whether p left the roll during year.
func RemovedInYear(p *Person, year int) bool {
	return p.DeletedAt == "" && p.Status != StatusActive && p.Status != "" && inYear(p.StatusChangedOn, year)
}

func yearEnd(year int) string   { return pad4(year) + "-12-31" }
func yearStart(year int) string { return pad4(year) + "-01-01" }

func inYear(iso string, year int) bool {
	return iso != "" && iso >= yearStart(year) && iso <= yearEnd(year)
}
