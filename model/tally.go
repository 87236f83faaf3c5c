package model

import (
	"strconv"
	"strings"
)

// The tally (SPEC.md §5) of a period — a year or a range of years — as a value: what
// store/tally computes, what the 统计 tab shows, what store/sheet writes and what
// SummaryDraft turns into prose. The counting rules are DOMAIN.md §4's "Counting rules
// (decided)"; the rule numbers below are theirs.
//
// Counting units are kept apart everywhere:
//
//   - 人次 (Visits): visits, each live visit once. A person visited three times is 3 人次.
//   - 人 (People): distinct people. The same person visited three times is 1 人.
//   - 户 (Households): distinct households of the people counted, as the people are grouped
//     now (rule 4: the person's household, or the person alone when not grouped), so two
//     people of one household visited in the period are 2 人 and 1 户.
//   - 场/次 (Events): events, each live event once, counted by the event's own date (rule 3);
//     visits count by theirs. A campaign dated 30 December with a visit on 2 January is one
//     走访慰问 event of the first year, and a visit of the second.
//
// Categories (rule 4): a person may hold several categories, and is counted with the
// categories they hold now in every table — the roster, coverage and the visits alike, so
// the coverage and the visits tables never disagree. Rows by category count a person (or a
// visit) under every category they hold, so category rows may add up to more than the
// total (Roster.MultiCategory says how many people hold more than one); the total row counts each person
// and each visit exactly once. A person with no category at all is counted under
// NoCategory, which tables show only when it is not zero.
//
// 走访慰问 events (rule 2) take their figures from their visits: in the events table their
// participants are the visits (人次) and their money is 慰问金 + 慰问品 of the visits, by the
// visits' dates, so the 走访慰问 row always equals the visits table. Participants, military
// participants and money typed on an event count only for the other event types.
//
// Trash (rule 7): nothing in the trash counts — not trashed people, visits, events or
// units, and not the visits of a trashed person (restoring the person restores them). A
// row is never labelled from the trash: people of a trashed village count as having none.
//
// The roll (在册, rule 5): a live person is on the roll at the end of a period when
//
//	registered on or before its last day (or with no registration date), and
//	their status is 在册 or 停发, or it changed to 迁出/死亡 after that day.
//
// 停发 stops a payment, not membership of the roster: such people are visited and counted,
// and shown as 「其中停发N人」 (RosterRow.Stopped). A person whose status is 迁出/死亡 with no
// recorded date of the change is taken to have left before any period the ledger tallies.
// New in a period: registered during it. Removed (本年减少): status 迁出 or 死亡, changed
// during it. So for every category: on the roll before the period (Start) + New − Removed
// = on the roll at its end (Count), the identity county forms check. For the current year
// "the end of the year" is in effect today: status changes are recorded when they happen.
//
// Coverage (走访覆盖率): of the people on the roll at the end of the period, those with at
// least one live visit during it, divided by all of them. People who left the roll during
// the period are in neither number, so the list of people not visited is exactly the
// people still to visit.

// Period is what a tally covers: the years From to To, both included (From == To for one
// year; 「近五年来」 is 2019–2023).
type Period struct{ From, To int }

// YearPeriod is the period of one year.
func YearPeriod(year int) Period { return Period{From: year, To: year} }

// Single reports whether the period is one year.
func (p Period) Single() bool { return p.From == p.To }

// Years is the number of years the period covers.
func (p Period) Years() int { return p.To - p.From + 1 }

// Valid reports whether the period is a year or a range of years the ledger can hold.
func (p Period) Valid() bool { return p.From >= 1900 && p.To <= 9999 && p.From <= p.To }

// Before is the period of the same length just before p (the comparison of the headline).
func (p Period) Before() Period { return Period{From: p.From - p.Years(), To: p.From - 1} }

// Start and End are the first and the last day of the period, ISO.
func (p Period) Start() string { return yearStart(p.From) }
func (p Period) End() string   { return yearEnd(p.To) }

// Contains reports whether an ISO date falls in the period.
func (p Period) Contains(iso string) bool {
	return iso != "" && iso >= p.Start() && iso <= p.End()
}

// Zh writes the period as headings do: 「2025年」, 「2019年至2023年」.
func (p Period) Zh() string {
	if p.Single() {
		return strconv.Itoa(p.From) + "年"
	}
	return strconv.Itoa(p.From) + "年至" + strconv.Itoa(p.To) + "年"
}

// En writes the period in English: "2025", "2019-2023" (a hyphen, not a dash: the dash
// has an ambiguous width in terminals).
func (p Period) En() string {
	if p.Single() {
		return strconv.Itoa(p.From)
	}
	return strconv.Itoa(p.From) + "-" + strconv.Itoa(p.To)
}

// Label is Zh or En.
func (p Period) Label(lang Lang) string {
	if lang == En {
		return p.En()
	}
	return p.Zh()
}

// ParsePeriod reads "2025" or "2019-2023" (also with "–" or "~"); ok is false for anything
// else, a range that runs backwards, or years outside 1900–9999.
func ParsePeriod(s string) (Period, bool) {
	for _, sep := range []string{"-", "–", "~", "至"} {
		if a, b, found := strings.Cut(s, sep); found {
			from, err1 := strconv.Atoi(strings.TrimSpace(a))
			to, err2 := strconv.Atoi(strings.TrimSpace(b))
			p := Period{From: from, To: to}
			return p, err1 == nil && err2 == nil && p.Valid()
		}
	}
	y, err := strconv.Atoi(strings.TrimSpace(s))
	p := YearPeriod(y)
	return p, err == nil && p.Valid()
}

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
	MRounds       Measure = "rounds"       // 走访慰问次数: 走访慰问 events dated in the period
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
	// The duty tables (tally_duties.go). The current period's columns name their period on
	// screen and in files (ContactTally.Span's Label: 「第四季度已联系」, 「11月已联系」), so
	// these names, said of any rule, are only what a list of measures calls them.
	{Code: string(MKey), Zh: "重点对象", En: "Key people"},
	{Code: string(MContactedPeriod), Zh: "本期已联系", En: "Contacted this period"},
	{Code: string(MNotContacted), Zh: "本期未联系", En: "Not contacted this period"},
	{Code: string(MContactedYear), Zh: "全年已联系", En: "Contacted this year"},
	{Code: string(MVisitedHome), Zh: "全年入户走访", En: "Visited at home"},
	{Code: string(MEligible), Zh: "应悬挂户数", En: "Eligible households"},
	{Code: string(MHung), Zh: "已悬挂", En: "Hung"},
	{Code: string(MPending), Zh: "待悬挂", En: "To hang"},
	{Code: string(MReplace), Zh: "待更换", En: "To replace"},
	{Code: string(MRetired), Zh: "不再更换", En: "Not replaced"},
	{Code: string(MToConfirm), Zh: "应确认人数", En: "To confirm"},
	{Code: string(MConfirmed), Zh: "已确认", En: "Confirmed"},
	{Code: string(MUnconfirmed), Zh: "未确认", En: "Not confirmed"},
}

// IsMoney reports whether a measure is an amount in 分.
func (m Measure) IsMoney() bool { return m == MMoney || m == MGoods || m == MTotal }

// Tally is the tally of SPEC.md §5 for a year or a range of years. Slices are in the order
// tables show them; everything is plain data (copy freely). Quarters and months of a range
// add up the same quarter (month) of each of its years.
type Tally struct {
	Year int // the first year of the period
	// ToYear is its last year (Year for a tally of one year; 0 is read as Year).
	ToYear int
	// AsOf is the ISO date the tally was computed on; for the current year the figures
	// are "so far".
	AsOf string

	Roster      Roster
	Visits      VisitTally
	Events      EventTally
	SupportTo   Support // 拥军: units supported by to_military events
	SupportFrom Support // 拥政爱民: units in to_local events
	Months      [12]MonthFigures

	// The recurring duties as at the end of the period (tally_duties.go).
	Contacts      ContactTally // 常态化联系 by category
	Plaques       PlaqueTally  // 光荣牌
	Confirmations ConfirmTally // 年度确认

	Headline Headline // this period's headline figures
	// Previous holds the same figures for the year before; a range has none (Year 0):
	// 「近五年来」 figures are not compared.
	Previous Headline
}

// Period is the period the tally covers.
func (t Tally) Period() Period {
	if t.ToYear == 0 {
		return YearPeriod(t.Year)
	}
	return Period{From: t.Year, To: t.ToYear}
}

// HasPrevious reports whether the tally carries the figures of the year before.
func (t Tally) HasPrevious() bool { return t.Previous.Year != 0 }

// Roster is 优抚对象基本情况: people per category and per village.
type Roster struct {
	// Rows has one row per category of Categories, in that order (zeros included: county
	// forms list every category), then a NoCategory row when anyone has no category.
	Rows []RosterRow
	// Total counts people once each (Category ""), whatever their number of categories.
	Total RosterRow
	// MultiCategory is the number of people on the roll at the end of the period holding
	// two categories or more: why the category rows may add up to more than Total.Count
	// (「其中N人兼有两类身份」).
	MultiCategory int
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
	Removed  int // left the roll during the period (迁出, 死亡)
	Stopped  int // of Count, people whose payments are stopped (停发)
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

// EventFigures are the event figures of one cell. For 走访慰问 (rule 2) Participants are
// the visits (人次) and MoneyFen their 慰问金 + 慰问品; Military is 0.
type EventFigures struct {
	Events       int   // 场/次
	Participants int64 // as recorded on the events (走访慰问: the visits)
	Military     int64 // of them military
	MoneyFen     int64 // money spent (走访慰问: given in the visits)
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
//
// An item may be a breakdown (其中) of another item of its event (rule 9: 接收军转干部 21 名,
// 其中 男同志 18 名、女同志 3 名): ParentName and ParentUnit name that item, and lists keep it
// right after its parent. Lists are in a stable order: by event type (EventTypes order),
// then the order the items were first entered — never by code point.
type ItemTotal struct {
	Name     string
	Unit     string
	Quantity int64
	Events   int // events that recorded it

	ParentName, ParentUnit string // the item this one breaks down ("" for none)
}

// IsBreakdown reports whether the item is a breakdown of another.
func (it ItemTotal) IsBreakdown() bool { return it.ParentName != "" || it.ParentUnit != "" }

// EventRow is one event type's events (Type "" in EventTally.Total: all events).
type EventRow struct {
	Type     string
	Quarters [4]EventFigures
	Year     EventFigures
	Items    []ItemTotal // in ItemTotal's order
}

// EventTally is 双拥活动 by type.
type EventTally struct {
	// Rows has a row for each type with events (or, for 走访慰问, visits) during the
	// period, in EventTypes order. The 走访慰问 row's participants and money are its
	// visits' (rule 2): the visits table's 人次 and 合计.
	Rows []EventRow
	// Total is every row, 走访慰问 included (「合计（含走访慰问）」).
	Total EventRow
	// Activities is every row but 走访慰问 (「双拥活动合计（不含走访慰问）」): the scope of the
	// headline's 双拥活动场次, 参加人数 and 活动经费.
	Activities EventRow
	// Items sums every item over all events, in ItemTotal's order.
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

// Support is per-unit support in one direction (rule 6). Only military-side units (驻地部队,
// 武警, 消防救援, 人武部, 民兵组织) are ever listed: a school, village or office is never
// "supported" or "supporting".
//
// 拥军 (SupportTo): per military unit, the events of direction to_military it takes part in,
// whatever its role, except 走访慰问 events — those take help to families, reported once as
// 慰问金/慰问品 in the visits, not as support to the unit that co-hosted them.
//
// 拥政爱民 (SupportFrom): per military unit, the events of direction to_local it hosts or
// co-hosts (主办, 协办) — the units that helped the locality.
//
// An event counts once under each unit it names (with all its participants, its 活动经费
// and items), so the rows may add up to more than Total, which counts each event that
// names at least one counted unit once, and its money once. Trashed units count nowhere.
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
// the given direction and type (see Support).
func CountsForSupport(direction, eventType, role, kind string) bool {
	if SideOf(kind) != SideMilitary || kind == "" {
		return false
	}
	switch direction {
	case DirToMilitary:
		return eventType != EventVisit
	case DirToLocal:
		return role == "host" || role == "cohost"
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
	Stopped    int // of them 停发
	New        int
	Removed    int
	Rounds     int // 走访慰问 events dated in the period (走访慰问次数, rule 3)
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

// OnRollAtEnd reports whether p is on the roll at the end of year (rule 5: 停发 is on it).
func OnRollAtEnd(p *Person, year int) bool {
	end := yearEnd(year)
	if p.DeletedAt != "" || (p.RegisteredOn != "" && p.RegisteredOn > end) {
		return false
	}
	return p.Status == StatusActive || p.Status == StatusStopped || p.Status == "" ||
		(p.StatusChangedOn != "" && p.StatusChangedOn > end)
}

// StoppedAtEnd reports whether p is on the roll at the end of year with payments stopped.
func StoppedAtEnd(p *Person, year int) bool {
	return OnRollAtEnd(p, year) && p.Status == StatusStopped && (p.StatusChangedOn == "" || p.StatusChangedOn <= yearEnd(year))
}

// leaves reports whether a status takes a person off the roll (迁出, 死亡, or a status this
// program does not know).
func leaves(status string) bool {
	return status != StatusActive && status != StatusStopped && status != ""
}

// NewInYear reports whether p was registered during year.
func NewInYear(p *Person, year int) bool {
	return p.DeletedAt == "" && inYear(p.RegisteredOn, year)
}

// RemovedInYear reports whether p left the roll during year.
func RemovedInYear(p *Person, year int) bool {
	return p.DeletedAt == "" && leaves(p.Status) && inYear(p.StatusChangedOn, year)
}

func yearEnd(year int) string   { return pad4(year) + "-12-31" }
func yearStart(year int) string { return pad4(year) + "-01-01" }

func inYear(iso string, year int) bool {
	return iso != "" && iso >= yearStart(year) && iso <= yearEnd(year)
}
