package tally

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"shuangyong/model"
	"shuangyong/store"
)

// AllVillages in Figure.VillageID selects the total row of the village × category table
// (VillageID 0 is the row of people with no village).
const AllVillages int64 = -1

// AllButVisits in Figure.Type selects the events table's total without 走访慰问
// (model.EventTally.Activities: 「双拥活动合计（不含走访慰问）」); Type "" is the total with it.
const AllButVisits = "-visit"

// Figure identifies one figure of a tally: a table (Section), the keys of its row and
// column, and what it counts (Measure). The zero value of a key means "all" (the total row
// or the whole year), except VillageID (see AllVillages).
//
//	SecRoster     Category, Measure MOnRoll | MNew | MRemoved
//	SecVillages   VillageID, Category ("" = the row's total), Measure MOnRoll
//	SecVisits     Category, Quarter, Measure MVisits | MPeople | MHouseholds | MMoney | MGoods | MTotal
//	SecCoverage   Category, Measure MOnRoll | MCovered | MNotVisited
//	SecEvents     Type, Quarter, Measure MEvents | MParticipants | MMilitary | MMoney
//	SecItems      Type, ItemName, ItemUnit, Measure MQuantity
//	SecSupportTo, SecSupportFrom   UnitID (0 = the total row), Measure MEvents | MParticipants | MMilitary | MMoney
//	SecMonths     Month, Measure MActivities | MVisits
//	SecHeadline   Measure (any of model.HeadlineMeasures)
//	SecContacts   Category, Measure MKey | MContactedPeriod | MNotContacted | MContactedYear | MVisitedHome
//	SecPlaques    Measure MEligible | MHung | MPending | MReplace | MRetired (the households, each
//	              listed under its eligible member with the lowest id)
//	SecConfirmations  Measure MToConfirm | MConfirmed | MUnconfirmed
type Figure struct {
	Section   model.Section
	Measure   model.Measure
	Category  string // a model.Categories code or model.NoCategory; "" = all
	Type      string // an event type; "" = all
	VillageID int64
	UnitID    int64
	Quarter   int // 1–4; 0 = the whole year
	Month     int // 1–12
	ItemName  string
	ItemUnit  string
}

// Value returns the figure's value in t (amounts in 分); ok is false when t has no such
// figure (an unknown row or a measure the section does not hold).
func (f Figure) Value(t model.Tally) (v int64, ok bool) {
	switch f.Section {
	case model.SecRoster:
		r, ok := t.RosterRowOf(f.Category)
		if !ok {
			return 0, false
		}
		switch f.Measure {
		case model.MOnRoll:
			return int64(r.Count), true
		case model.MNew:
			return int64(r.New), true
		case model.MRemoved:
			return int64(r.Removed), true
		}
	case model.SecVillages:
		row := t.Roster.VillageTotal
		if f.VillageID != AllVillages {
			found := false
			for _, r := range t.Roster.Villages {
				if r.VillageID == f.VillageID {
					row, found = r, true
					break
				}
			}
			if !found {
				return 0, false
			}
		}
		if f.Category == "" {
			return int64(row.Total), f.Measure == model.MOnRoll
		}
		for i, c := range t.Roster.Columns {
			if c == f.Category {
				return int64(row.ByCategory[i]), f.Measure == model.MOnRoll
			}
		}
	case model.SecVisits:
		r, ok := t.VisitRowOf(f.Category)
		if !ok {
			return 0, false
		}
		fig := r.Year
		if f.Quarter >= 1 && f.Quarter <= 4 {
			fig = r.Quarters[f.Quarter-1]
		}
		return fig.Get(f.Measure)
	case model.SecCoverage:
		r, ok := t.VisitRowOf(f.Category)
		if !ok {
			return 0, false
		}
		switch f.Measure {
		case model.MOnRoll:
			return int64(r.OnRoll), true
		case model.MCovered:
			return int64(r.Covered), true
		case model.MNotVisited:
			return int64(r.OnRoll - r.Covered), true
		}
	case model.SecEvents:
		r := t.Events.Total
		if f.Type == AllButVisits {
			r = t.Events.Activities
		} else if f.Type != "" {
			var ok bool
			if r, ok = t.Events.Row(f.Type); !ok {
				return 0, false
			}
		}
		fig := r.Year
		if f.Quarter >= 1 && f.Quarter <= 4 {
			fig = r.Quarters[f.Quarter-1]
		}
		return fig.Get(f.Measure)
	case model.SecItems:
		items := t.Events.Items
		if f.Type != "" {
			r, ok := t.Events.Row(f.Type)
			if !ok {
				return 0, false
			}
			items = r.Items
		}
		for _, it := range items {
			if it.Name == f.ItemName && it.Unit == f.ItemUnit {
				return it.Quantity, f.Measure == model.MQuantity
			}
		}
	case model.SecSupportTo, model.SecSupportFrom:
		s := t.SupportTo
		if f.Section == model.SecSupportFrom {
			s = t.SupportFrom
		}
		r := s.Total
		if f.UnitID != 0 {
			var ok bool
			if r, ok = s.Unit(f.UnitID); !ok {
				return 0, false
			}
		}
		return r.Get(f.Measure)
	case model.SecMonths:
		if f.Month < 1 || f.Month > 12 {
			return 0, false
		}
		switch f.Measure {
		case model.MActivities:
			return int64(t.Months[f.Month-1].Activities), true
		case model.MVisits:
			return int64(t.Months[f.Month-1].Visits), true
		}
	case model.SecHeadline:
		return t.Headline.Get(f.Measure)
	case model.SecContacts:
		r, ok := t.Contacts.Row(f.Category)
		if !ok {
			return 0, false
		}
		return r.Get(f.Measure)
	case model.SecPlaques:
		return t.Plaques.Get(f.Measure)
	case model.SecConfirmations:
		return t.Confirmations.Get(f.Measure)
	}
	return 0, false
}

// Kind says which records a drill-down lists.
type Kind string

const (
	KindPeople Kind = "people"
	KindVisits Kind = "visits"
	KindEvents Kind = "events"
)

// RecordPage is one window of the records behind a figure (the function Records takes the
// name Records; Go allows only one).
type RecordPage struct {
	Kind   Kind
	Total  int // all the records behind the figure
	Offset int
	// Households is, for a 户 figure, the number of distinct households the listed people
	// were visited as (equal to the figure); 0 otherwise.
	Households int
	People     []store.PersonRow // KindPeople, in roster order (village, then pinyin)
	Visits     []store.VisitRow  // KindVisits, by date
	Events     []store.EventRow  // KindEvents, by date
}

// ErrUnknownFigure is returned by Records for a figure no table has.
var ErrUnknownFigure = errors.New("tally: unknown figure")

// Records lists the records a figure of the period's tally counts, offset and limit selecting
// the window (limit ≤ 0 means 50): the people for roster, coverage and 人/户 figures, the
// visits for 人次 and amount figures of the visits table, the events for the rest.
//
// Records reads outside any transaction (the store's reads of whole records use its one
// connection), so the total and the window come from separate statements; the 统计 tab
// shows them right after Compute, and a save in between is the user's own.
func Records(ctx context.Context, s *store.Store, period model.Period, fig Figure, offset, limit int) (RecordPage, error) {
	return RecordsAsOf(ctx, s, period, fig, s.Today(), offset, limit)
}

// RecordsAsOf is Records for the tally computed on asOf (model.Tally.AsOf): the duty
// tables stand on a day (the contact rule's current period), and the list under a figure
// must be counted on the figure's day, not on the day it is opened.
func RecordsAsOf(ctx context.Context, s *store.Store, period model.Period, fig Figure, asOf string, offset, limit int) (RecordPage, error) {
	if limit <= 0 {
		limit = 50
	}
	if offset < 0 {
		offset = 0
	}
	var duty dutyContext
	if isDutySection(fig.Section) {
		settings, err := s.DutySettings(ctx)
		if err != nil {
			return RecordPage{}, err
		}
		duty = dutyContext{settings: settings, asOf: asOf}
		if fig.Section == model.SecPlaques {
			if duty.reps, err = plaqueReps(ctx, s, period, fig.Measure); err != nil {
				return RecordPage{}, err
			}
		}
	}
	q, err := plan(period, fig, duty)
	if err != nil {
		return RecordPage{}, err
	}
	out := RecordPage{Kind: q.kind, Offset: offset}
	db := s.DB()
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM ("+q.ids+")", q.args...).Scan(&out.Total); err != nil {
		return out, err
	}
	if q.households != "" {
		if err := db.QueryRowContext(ctx, q.households, q.args...).Scan(&out.Households); err != nil {
			return out, err
		}
	}
	ids, err := store.QueryIDs(ctx, db, q.ids+" "+q.order+" LIMIT @limit OFFSET @offset",
		append(q.args, sql.Named("limit", limit), sql.Named("offset", offset))...)
	if err != nil {
		return out, err
	}
	switch q.kind {
	case KindPeople:
		out.People, err = peopleRows(ctx, s, ids, period.End())
	case KindVisits:
		out.Visits, err = visitRows(ctx, s, ids)
	case KindEvents:
		out.Events, err = eventRows(ctx, s, ids)
	}
	return out, err
}

// query is the SQL behind a figure: ids selects the record ids (one column "id"), order
// sorts them for the window.
type query struct {
	kind       Kind
	ids        string
	order      string
	args       []any
	households string // KindPeople of a 户 figure: counts the distinct households
}

// catCond is an SQL condition: the comma-separated codes in col put the record in bucket
// code (catCache.mask in SQL).
func catCond(col, code string) string {
	has := func(c string) string {
		return "(',' || " + col + " || ',') LIKE '%," + c + ",%'"
	}
	if code == "" {
		return "1"
	}
	if code != model.NoCategory {
		if !model.Categories.Valid(code) {
			return "0"
		}
		return has(code)
	}
	var known []string
	for _, o := range model.Categories {
		known = append(known, has(o.Code))
	}
	return "NOT (" + strings.Join(known, " OR ") + ")"
}

// supportCond is an SQL condition on an event e: it names a live unit (unit ?, or any when
// unitID is 0) that counts for the direction (model.CountsForSupport, rule 6).
func supportCond(dir string, unitID int64) string {
	var military []string
	for _, o := range model.UnitKinds {
		if model.SideOf(o.Code) == model.SideMilitary {
			military = append(military, "'"+o.Code+"'")
		}
	}
	cond := "e.type <> '" + model.EventVisit + "'"
	if dir == model.DirToLocal {
		cond = "eu.role IN ('host', 'cohost')"
	}
	unit := ""
	if unitID != 0 {
		unit = " AND eu.unit_id = @unit"
	}
	return `EXISTS (SELECT 1 FROM event_units eu JOIN units u ON u.id = eu.unit_id WHERE eu.event_id = e.id` + unit +
		` AND u.deleted_at = '' AND u.kind IN (` + strings.Join(military, ", ") + `) AND ` + cond + `)`
}

const (
	peopleOrder = "ORDER BY (SELECT coalesce(vl.sort, 1 << 40) FROM villages vl WHERE vl.id = p.village_id), p.village_id, p.py_sort, p.id"
	visitOrder  = "ORDER BY v.date, v.id"
	eventOrder  = "ORDER BY e.date, e.id"
)

// periodArgs names the period's years (@y1, @y2) and the months of a quarter or a month
// in each of them (@m1, @m2, two digits; every month when both are 0): a quarter of a
// range is that quarter of each of its years, as the tables add them up.
func periodArgs(p model.Period, quarter, month int) []any {
	m1, m2 := 1, 12
	switch {
	case month >= 1 && month <= 12:
		m1, m2 = month, month
	case quarter >= 1 && quarter <= 4:
		m1, m2 = quarter*3-2, quarter*3
	}
	return append(yearsArgs(p), sql.Named("m1", fmt.Sprintf("%02d", m1)), sql.Named("m2", fmt.Sprintf("%02d", m2)))
}

// householdOf is the household a person p counts in (rule 4: as grouped now; alone when
// in no household or a trashed one), the same as the tally's readHouseholds.
const householdOf = "coalesce((SELECT h.id FROM households h WHERE h.id = p.household_id AND h.deleted_at = ''), -p.id)"

// plan turns a figure into its query.
func plan(period model.Period, fig Figure, duty dutyContext) (query, error) {
	bad := fmt.Errorf("%w: %s/%s", ErrUnknownFigure, fig.Section, fig.Measure)
	roll := func(flag int, extra string, args ...any) query {
		return query{kind: KindPeople,
			ids:   "SELECT p.id FROM people p WHERE p.deleted_at = '' AND " + rollSQL + " & " + fmt.Sprint(flag) + " <> 0 AND " + extra,
			order: peopleOrder, args: append(rollArgs(period), args...)}
	}
	// Visits of the period under their person as the person is now (rule 4); none of a
	// trashed person (rule 7).
	visits := `FROM visits v JOIN people p ON p.id = v.person_id AND p.deleted_at = ''
		WHERE v.year BETWEEN @y1 AND @y2 AND v.deleted_at = '' AND substr(v.date, 6, 2) BETWEEN @m1 AND @m2`
	visitsIn := func(category string, quarter, month int) query {
		return query{kind: KindVisits, ids: "SELECT v.id " + visits + " AND " + catCond("p.categories", category),
			order: visitOrder, args: periodArgs(period, quarter, month)}
	}
	visitedPeople := func(category string, quarter int, households bool) query {
		cond := visits + " AND " + catCond("p.categories", category)
		q := query{kind: KindPeople, ids: "SELECT p.id FROM people p WHERE p.id IN (SELECT v.person_id " + cond + ")",
			order: peopleOrder, args: periodArgs(period, quarter, 0)}
		if households {
			q.households = "SELECT count(DISTINCT " + householdOf + ") " + cond
			q.order = "ORDER BY " + householdOf + ", " + strings.TrimPrefix(peopleOrder, "ORDER BY ")
		}
		return q
	}
	visitedNow := "p.id IN (SELECT v.person_id FROM visits v WHERE v.year BETWEEN @y1 AND @y2 AND v.deleted_at = '')"
	coverage := func(category string, m model.Measure) (query, error) {
		cond := catCond("p.categories", category)
		switch m {
		case model.MOnRoll:
			return roll(flagOnRoll, cond), nil
		case model.MCovered:
			return roll(flagOnRoll, cond+" AND "+visitedNow, yearsArgs(period)...), nil
		case model.MNotVisited:
			return roll(flagOnRoll, cond+" AND NOT "+visitedNow, yearsArgs(period)...), nil
		}
		return query{}, bad
	}
	events := func(where string, quarter, month int, args ...any) query {
		return query{kind: KindEvents,
			ids: "SELECT e.id FROM events e WHERE e.year BETWEEN @y1 AND @y2 AND e.deleted_at = '' AND substr(e.date, 6, 2) BETWEEN @m1 AND @m2 AND " +
				where,
			order: eventOrder, args: append(periodArgs(period, quarter, month), args...)}
	}

	switch fig.Section {
	case model.SecRoster:
		flag := map[model.Measure]int{model.MOnRoll: flagOnRoll, model.MNew: flagNew, model.MRemoved: flagRemoved}[fig.Measure]
		if flag == 0 {
			return query{}, bad
		}
		return roll(flag, catCond("p.categories", fig.Category)), nil
	case model.SecVillages:
		if fig.Measure != model.MOnRoll {
			return query{}, bad
		}
		cond := catCond("p.categories", fig.Category)
		if fig.VillageID == 0 {
			// No village, or a trashed one (rule 7: counted with none).
			cond += " AND NOT EXISTS (SELECT 1 FROM villages vl WHERE vl.id = p.village_id AND vl.deleted_at = '')"
			return roll(flagOnRoll, cond), nil
		}
		if fig.VillageID != AllVillages {
			cond += " AND p.village_id = @village"
			return roll(flagOnRoll, cond, sql.Named("village", fig.VillageID)), nil
		}
		return roll(flagOnRoll, cond), nil
	case model.SecVisits:
		switch fig.Measure {
		case model.MVisits, model.MMoney, model.MGoods, model.MTotal:
			return visitsIn(fig.Category, fig.Quarter, 0), nil
		case model.MPeople:
			return visitedPeople(fig.Category, fig.Quarter, false), nil
		case model.MHouseholds:
			return visitedPeople(fig.Category, fig.Quarter, true), nil
		}
	case model.SecCoverage:
		return coverage(fig.Category, fig.Measure)
	case model.SecEvents:
		switch fig.Measure {
		case model.MEvents, model.MParticipants, model.MMilitary, model.MMoney:
			if fig.Type == model.EventVisit && (fig.Measure == model.MParticipants || fig.Measure == model.MMoney) {
				return visitsIn("", fig.Quarter, 0), nil // rule 2: these are the visits' figures
			}
			if fig.Type == "" {
				return events("1", fig.Quarter, 0), nil
			}
			if fig.Type == AllButVisits {
				return events("e.type <> @visit", fig.Quarter, 0, sql.Named("visit", model.EventVisit)), nil
			}
			return events("e.type = @type", fig.Quarter, 0, sql.Named("type", fig.Type)), nil
		}
	case model.SecItems:
		if fig.Measure != model.MQuantity {
			return query{}, bad
		}
		where := "EXISTS (SELECT 1 FROM event_items i WHERE i.event_id = e.id AND i.name = @name AND i.unit = @iunit)"
		args := []any{sql.Named("name", fig.ItemName), sql.Named("iunit", fig.ItemUnit)}
		if fig.Type != "" {
			where += " AND e.type = @type"
			args = append(args, sql.Named("type", fig.Type))
		}
		return events(where, 0, 0, args...), nil
	case model.SecSupportTo, model.SecSupportFrom:
		switch fig.Measure {
		case model.MEvents, model.MParticipants, model.MMilitary, model.MMoney:
		default:
			return query{}, bad
		}
		dir := model.DirToMilitary
		if fig.Section == model.SecSupportFrom {
			dir = model.DirToLocal
		}
		return events("e.direction = @dir AND "+supportCond(dir, fig.UnitID), 0, 0,
			sql.Named("dir", dir), sql.Named("unit", fig.UnitID)), nil
	case model.SecMonths:
		if fig.Month < 1 || fig.Month > 12 {
			return query{}, bad
		}
		switch fig.Measure {
		case model.MActivities:
			return events("e.type <> @visit", 0, fig.Month, sql.Named("visit", model.EventVisit)), nil
		case model.MVisits:
			return visitsIn("", 0, fig.Month), nil
		}
	case model.SecContacts, model.SecPlaques, model.SecConfirmations:
		return planDuty(period, fig, duty)
	case model.SecHeadline:
		switch fig.Measure {
		case model.MOnRoll, model.MNew, model.MRemoved:
			return plan(period, Figure{Section: model.SecRoster, Measure: fig.Measure}, duty)
		case model.MVisits, model.MPeople, model.MHouseholds, model.MMoney, model.MGoods, model.MTotal:
			return plan(period, Figure{Section: model.SecVisits, Measure: fig.Measure}, duty)
		case model.MCovered, model.MNotVisited:
			return coverage("", fig.Measure)
		case model.MRounds:
			return events("e.type = @visit", 0, 0, sql.Named("visit", model.EventVisit)), nil
		case model.MActivities, model.MParticipants, model.MMilitary:
			return events("e.type <> @visit", 0, 0, sql.Named("visit", model.EventVisit)), nil
		}
	}
	return query{}, bad
}

// peopleRows reads people as list rows, each with their last visit as it stood at the end
// of the period (rule 8: a 2025 list never shows a visit of 2026).
func peopleRows(ctx context.Context, s *store.Store, ids []int64, end string) ([]store.PersonRow, error) {
	villages := map[int64]string{}
	rows, err := s.DB().QueryContext(ctx, "SELECT id, name FROM villages WHERE deleted_at = ''") // rule 7: no label from the trash
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			rows.Close()
			return nil, err
		}
		villages[id] = name
	}
	rows.Close()
	out := make([]store.PersonRow, 0, len(ids))
	for _, id := range ids {
		p, err := s.Person(ctx, id)
		if err != nil {
			return nil, err
		}
		r := store.PersonRow{Person: p, VillageName: villages[p.VillageID]}
		r.Incomplete = len(model.NeedsCompletion(&r.Person)) > 0
		if r.LastVisitOn > end {
			if err := s.DB().QueryRowContext(ctx, `SELECT coalesce(max(date), '') FROM visits
				WHERE person_id = ? AND deleted_at = '' AND date <= ?`, id, end).Scan(&r.LastVisitOn); err != nil {
				return nil, err
			}
		}
		if err := s.DB().QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM visits WHERE person_id = ? AND need <> ''
			AND resolved_on = '' AND deleted_at = '')`, id).Scan(&r.OpenNeeds); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

func visitRows(ctx context.Context, s *store.Store, ids []int64) ([]store.VisitRow, error) {
	out := make([]store.VisitRow, 0, len(ids))
	for _, id := range ids {
		v, err := s.Visit(ctx, id)
		if err != nil {
			return nil, err
		}
		r := store.VisitRow{Visit: v}
		if err := s.DB().QueryRowContext(ctx, `SELECT p.name, e.title, e.type, e.occasion FROM people p, events e
			WHERE p.id = ? AND e.id = ?`, v.PersonID, v.EventID).Scan(&r.PersonName, &r.EventTitle, &r.EventType, &r.Occasion); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

func eventRows(ctx context.Context, s *store.Store, ids []int64) ([]store.EventRow, error) {
	out := make([]store.EventRow, 0, len(ids))
	for _, id := range ids {
		e, err := s.Event(ctx, id)
		if err != nil {
			return nil, err
		}
		r := store.EventRow{Event: e}
		// The visits of live people (rule 7); a 走访慰问 event's figures are its visits'
		// (rule 2), whatever was typed on it.
		var fen int64
		if err := s.DB().QueryRowContext(ctx, `SELECT count(*), coalesce(sum(v.money_fen + v.goods_value_fen), 0) FROM visits v
			JOIN people p ON p.id = v.person_id AND p.deleted_at = '' WHERE v.event_id = ? AND v.deleted_at = ''`, id).Scan(&r.Visits, &fen); err != nil {
			return nil, err
		}
		if e.Type == model.EventVisit {
			r.Participants, r.MilitaryParticipants, r.MoneyFen = int64(r.Visits), 0, fen
		}
		out = append(out, r)
	}
	return out, nil
}
