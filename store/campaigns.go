package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"shuangyong/model"
)

// Entities of campaigns in the change history.
const (
	EntCampaign = "campaigns"
	EntRoster   = "campaign_roster"
)

// ActRemove marks a person taken off a campaign's roster (undo puts them back).
const ActRemove = "remove"

// Campaign kinds (campaigns.kind, migration 0005). A tick in a 光荣牌悬挂 round also records
// the household's plaque as hung on the tick's date; one in a 年度确认 round also confirms
// the person for the year (入户). Both lines are made by the tick's visit: untick (the visit
// trashed) or undo takes them back with it.
const (
	CampaignFestival = ""        // a 走访慰问 round (春节, 八一…)
	CampaignPlaque   = "plaque"  // 光荣牌悬挂: an event of type 送喜报/挂光荣牌, no money
	CampaignConfirm  = "confirm" // 年度确认: a 走访慰问 round
)

// Duties a roster filter can choose people by (RosterFilter.Duty).
const (
	DutyNone        = ""
	DutyPlaque      = "plaque"  // one member of each eligible household without a plaque (待悬挂) or with an old one (待更换)
	DutyUnconfirmed = "confirm" // periodic-subsidy recipients not confirmed for RosterFilter.Year
)

// RosterFilter chooses the people a campaign's roster is filled with, as the 军属 filters
// do: any of Categories, any of VillageIDs, a pairing cadre, not visited on or after a date,
// with open needs. Only people on the roll (在册, 停发) are chosen.
type RosterFilter struct {
	Categories      []string
	VillageIDs      []int64
	Cadre           string
	NotVisitedSince string // ISO date: last visit before it (or never)
	HasOpenNeeds    bool
	Duty            string // DutyNone, DutyPlaque, DutyUnconfirmed
	Year            int    // of DutyUnconfirmed; 0 = this year
}

// where is the filter as SQL over people p; today is the store's ISO date.
func (f RosterFilter) where(today string) (string, []any) {
	conds := []string{"p.deleted_at = ''", "p.status IN ('" + model.StatusActive + "', '" + model.StatusStopped + "')"}
	var args []any
	if len(f.Categories) > 0 {
		var or []string
		for _, c := range f.Categories {
			or = append(or, "(',' || p.categories || ',') LIKE ?")
			args = append(args, "%,"+c+",%")
		}
		conds = append(conds, "("+strings.Join(or, " OR ")+")")
	}
	if len(f.VillageIDs) > 0 {
		conds = append(conds, "p.village_id IN ("+placeholders(len(f.VillageIDs))+")")
		for _, v := range f.VillageIDs {
			args = append(args, v)
		}
	}
	if f.Cadre != "" {
		conds = append(conds, "p.pairing_cadre = ?")
		args = append(args, f.Cadre)
	}
	if f.NotVisitedSince != "" {
		conds = append(conds, "p.last_visit_on < ?")
		args = append(args, f.NotVisitedSince)
	}
	if f.HasOpenNeeds {
		conds = append(conds, "EXISTS (SELECT 1 FROM visits v WHERE v.person_id = p.id AND v.need <> '' AND v.resolved_on = '' AND v.deleted_at = '')")
	}
	switch f.Duty {
	case DutyPlaque:
		// The households' query names its date @asof; written as a literal (our own ISO
		// date) so that it mixes with the positional arguments.
		q := strings.ReplaceAll(PlaqueHouseholdsSQL(onRollNow), "@asof", "'"+today+"'")
		conds = append(conds, "p.id IN (SELECT rep FROM ("+q+") WHERE state IN ('"+model.PlaquePending+"', '"+model.PlaqueReplace+"'))")
	case DutyUnconfirmed:
		year := f.Year
		if year == 0 {
			year = yearOf(today)
		}
		conds = append(conds, "p.subsidy_status = '"+model.SubsidyReceiving+"'",
			"NOT EXISTS (SELECT 1 FROM confirmations c WHERE c.person_id = p.id AND c.deleted_at = '' AND c.year = ?)")
		args = append(args, year)
	}
	return strings.Join(conds, " AND "), args
}

// RosterCount says how many people a filter chooses (shown before a roster is built).
func (s *Store) RosterCount(ctx context.Context, f RosterFilter) (int, error) {
	where, args := f.where(s.Today())
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM people p WHERE "+where, args...).Scan(&n)
	return n, s.classify(err)
}

// CreateCampaign adds a 走访慰问 event as a campaign and fills its roster with the people
// f chooses (nil: an empty roster, filled later), in one transaction. ev.ID is set; the
// number of people put on the roster is returned.
func (s *Store) CreateCampaign(ctx context.Context, ev *model.Event, f *RosterFilter) (int, error) {
	return s.CreateCampaignOf(ctx, CampaignFestival, ev, f)
}

// CreateCampaignOf is CreateCampaign for a campaign of a kind: a 光荣牌悬挂 round
// (CampaignPlaque) is an event of type 送喜报/挂光荣牌 with no money (its standard amount is
// cleared; goods may stay), a 年度确认 round (CampaignConfirm) a 走访慰问 event. A filter
// with Duty DutyPlaque or DutyUnconfirmed fills the roster with the households (one member
// each) or the recipients still to do.
func (s *Store) CreateCampaignOf(ctx context.Context, kind string, ev *model.Event, f *RosterFilter) (int, error) {
	switch kind {
	case CampaignFestival, CampaignConfirm:
		ev.Type = model.EventVisit
	case CampaignPlaque:
		ev.Type = model.EventHonour
		ev.StandardMoneyFen = 0
	default:
		return 0, fmt.Errorf("unknown campaign kind %q", kind)
	}
	if err := s.prepareEvent(ev); err != nil {
		return 0, err
	}
	var added int
	err := s.write(ctx, func(w *writer) error {
		if err := w.insertEvent(ev); err != nil {
			return err
		}
		if err := w.insertCampaign(ev, kind); err != nil {
			return err
		}
		if f == nil {
			return nil
		}
		// The roster's rows need no history of their own here: undoing the campaign
		// removes its row in campaigns, and the roster goes with it (ON DELETE CASCADE).
		where, args := f.where(s.Today())
		var err error
		added, err = w.insertRoster(ev.ID, "SELECT p.id FROM people p WHERE "+where, args...)
		return err
	})
	return added, err
}

// MakeCampaign turns a 走访慰问 event that is not yet a campaign into a festival campaign
// (F5 on an event first typed with F2): its fields as ev has them now (the standard amount
// and goods), its roster filled with the people f chooses and with everyone it has already
// reached, so its visits show as ticked — in one transaction. It returns the number of
// people on the roster.
func (s *Store) MakeCampaign(ctx context.Context, ev *model.Event, f *RosterFilter) (int, error) {
	if ev.Type != model.EventVisit {
		return 0, invalid(model.Problems{Errors: []model.Problem{{Field: "Type", Code: "campaign",
			Zh: "只有走访慰问活动可以按名单逐人登记", En: "Only a 走访慰问 event can have a roster"}}})
	}
	if err := s.prepareEvent(ev); err != nil {
		return 0, err
	}
	var added int
	err := s.write(ctx, func(w *writer) error {
		var is int
		if err := w.tx.QueryRowContext(ctx, "SELECT count(*) FROM campaigns WHERE id = ?", ev.ID).Scan(&is); err != nil {
			return err
		}
		if is > 0 {
			return invalid(model.Problems{Errors: []model.Problem{{Field: "Type", Code: "campaign",
				Zh: "这次活动已经有走访名单了", En: "This event already has a roster"}}})
		}
		if err := w.updateEvent(ev); err != nil { // as F4 saves it: visits move with its date
			return err
		}
		// Its visits become the campaign's ticks, which keep to its days.
		var outside int
		var first string
		if err := w.tx.QueryRowContext(ctx, `SELECT count(*), coalesce(min(date), '') FROM visits WHERE event_id = ? AND deleted_at = ''
			AND (date < ? OR (? <> '' AND date > ?))`, ev.ID, ev.Date, ev.EndDate, ev.EndDate).Scan(&outside, &first); err != nil {
			return err
		}
		if outside > 0 {
			p, _ := OutsideCampaign(*ev, first)
			p.Zh = fmt.Sprintf("已登记的走访中有 %d 条不在这次活动的时间内（如 %s），请先核对日期", outside, first)
			p.En = fmt.Sprintf("%d of its visits are outside the campaign's period (e.g. %s)", outside, first)
			return invalid(model.Problems{Errors: []model.Problem{p}})
		}
		if err := w.insertCampaign(ev, CampaignFestival); err != nil {
			return err
		}
		reached := "SELECT v.person_id FROM visits v WHERE v.event_id = ? AND v.deleted_at = ''"
		var err error
		if added, err = w.insertRoster(ev.ID, reached, ev.ID); err != nil {
			return err
		}
		if f == nil {
			return nil
		}
		where, args := f.where(s.Today())
		n, err := w.insertRoster(ev.ID, "SELECT p.id FROM people p WHERE "+where, args...)
		added += n
		return err
	})
	return added, err
}

// insertCampaign makes event ev a campaign of a kind, in the history for undo.
func (w *writer) insertCampaign(ev *model.Event, kind string) error {
	if _, err := w.exec("INSERT INTO campaigns(id, created_at, kind) VALUES(?, ?, ?)", ev.ID, w.at, kind); err != nil {
		return err
	}
	after, err := w.snapshot(EntCampaign, ev.ID)
	if err != nil {
		return err
	}
	return w.record(EntCampaign, ev.ID, ActInsert, eventSummary(ev), "", after)
}

// insertRoster puts the people a query selects on a campaign's roster (those already on
// it are skipped), each with their place in roster order, and returns how many it added.
func (w *writer) insertRoster(eventID int64, selectIDs string, args ...any) (int, error) {
	res, err := w.exec(`INSERT OR IGNORE INTO campaign_roster(event_id, person_id, sort_key, added_at)
		SELECT ?, p.id, printf('%06d%012d', coalesce(vl.sort, 0), coalesce(p.village_id, 0)) || p.py_sort, ?
		FROM people p LEFT JOIN villages vl ON vl.id = p.village_id WHERE p.id IN (`+selectIDs+`)`,
		append([]any{eventID, w.at}, args...)...)
	if err != nil {
		return 0, err
	}
	n, err := res.RowsAffected()
	return int(n), err
}

// addRoster adds to an existing campaign's roster and records each added row in the
// history (for undo) — in two statements whatever their number.
func (w *writer) addRoster(eventID int64, selectIDs string, args ...any) (int, error) {
	var before int64
	if err := w.tx.QueryRowContext(w.ctx, "SELECT coalesce(max(id), 0) FROM campaign_roster").Scan(&before); err != nil {
		return 0, err
	}
	n, err := w.insertRoster(eventID, selectIDs, args...)
	if err != nil || n == 0 {
		return n, err
	}
	cols := w.s.tables[EntRoster]
	var obj []string
	for _, c := range cols {
		obj = append(obj, fmt.Sprintf("'%s', r.%s", c, c))
	}
	_, err = w.exec(`INSERT INTO history(change_id, at, operator, entity, row_id, action, summary, before, after)
		SELECT ?, ?, ?, ?, r.id, ?, e.title || ' ' || p.name, '', json_object(`+strings.Join(obj, ", ")+`)
		FROM campaign_roster r JOIN events e ON e.id = r.event_id JOIN people p ON p.id = r.person_id
		WHERE r.id > ? AND r.event_id = ?`, w.changeID, w.at, w.operator, EntRoster, ActInsert, before, eventID)
	return n, err
}

// AddToRoster puts people on a campaign's roster one by one (or a few); those already on
// it are skipped. It returns how many were added.
func (s *Store) AddToRoster(ctx context.Context, eventID int64, personIDs ...int64) (int, error) {
	if len(personIDs) == 0 {
		return 0, nil
	}
	var added int
	err := s.write(ctx, func(w *writer) error {
		if err := w.expectCampaign(eventID); err != nil {
			return err
		}
		args := make([]any, len(personIDs))
		for i, id := range personIDs {
			args[i] = id
		}
		var err error
		added, err = w.addRoster(eventID, "SELECT id FROM people WHERE deleted_at = '' AND id IN ("+placeholders(len(args))+")", args...)
		return err
	})
	return added, err
}

// AddFilterToRoster adds the people a filter chooses to an existing campaign's roster.
func (s *Store) AddFilterToRoster(ctx context.Context, eventID int64, f RosterFilter) (int, error) {
	var added int
	err := s.write(ctx, func(w *writer) error {
		if err := w.expectCampaign(eventID); err != nil {
			return err
		}
		where, args := f.where(s.Today())
		var err error
		added, err = w.addRoster(eventID, "SELECT p.id FROM people p WHERE "+where, args...)
		return err
	})
	return added, err
}

func (w *writer) expectCampaign(eventID int64) error {
	var n int
	if err := w.tx.QueryRowContext(w.ctx, `SELECT count(*) FROM campaigns c JOIN events e ON e.id = c.id
		WHERE c.id = ? AND e.deleted_at = ''`, eventID).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return &Error{Kind: ErrNotFound}
	}
	return nil
}

// RemoveFromRoster takes a person off a campaign's roster. A visit they were ticked off
// with goes to the trash with them (the UI asks first); undo puts both back.
func (s *Store) RemoveFromRoster(ctx context.Context, eventID, personID int64) error {
	return s.write(ctx, func(w *writer) error {
		var id int64
		err := w.tx.QueryRowContext(w.ctx, "SELECT id FROM campaign_roster WHERE event_id = ? AND person_id = ?", eventID, personID).Scan(&id)
		if err == sql.ErrNoRows {
			return &Error{Kind: ErrNotFound, Err: err}
		}
		if err != nil {
			return err
		}
		visits, err := QueryIDs(w.ctx, w.tx, "SELECT id FROM visits WHERE event_id = ? AND person_id = ? AND deleted_at = ''", eventID, personID)
		if err != nil {
			return err
		}
		for _, v := range visits {
			if err := w.trashVisit(v); err != nil {
				return err
			}
		}
		summary, err := w.summaryOf(EntRoster, id)
		if err != nil {
			return err
		}
		return w.change(EntRoster, id, ActRemove, summary, func() error {
			_, err := w.exec("DELETE FROM campaign_roster WHERE id = ?", id)
			return err
		})
	})
}

// CampaignInfo is a campaign's event and where it stands.
type CampaignInfo struct {
	model.Event
	Kind     string // CampaignFestival, CampaignPlaque, CampaignConfirm
	Roster   int    // people on the roster
	Visited  int    // of them with a live visit in the campaign
	Signed   int    // of those, signed for
	MoneyFen int64  // 慰问金 given so far
	GoodsFen int64  // 慰问品 value given so far
}

// ToVisit is the number still to visit.
func (c CampaignInfo) ToVisit() int { return c.Roster - c.Visited }

// Campaign reads a campaign and its counts. A 走访慰问 event that is not a campaign is
// ErrNotFound.
func (s *Store) Campaign(ctx context.Context, eventID int64) (CampaignInfo, error) {
	var c CampaignInfo
	err := s.ReadTx(ctx, func(tx *sql.Tx) error {
		if err := scanEvent(extraScanner{tx.QueryRowContext(ctx, "SELECT "+prefixed("e.", eventReadCols)+
			", c.kind FROM events e JOIN campaigns c ON c.id = e.id WHERE e.id = ?", eventID), []any{&c.Kind}}, &c.Event); err != nil {
			if err == sql.ErrNoRows {
				return &Error{Kind: ErrNotFound, Err: err}
			}
			return err
		}
		return tx.QueryRowContext(ctx, `SELECT
			(SELECT count(*) FROM campaign_roster WHERE event_id = ?1),
			count(DISTINCT v.person_id), count(DISTINCT CASE WHEN v.signed = 1 THEN v.person_id END),
			coalesce(sum(v.money_fen), 0), coalesce(sum(v.goods_value_fen), 0)
			FROM visits v JOIN campaign_roster r ON r.event_id = v.event_id AND r.person_id = v.person_id
			WHERE v.event_id = ?1 AND v.deleted_at = ''`, eventID).Scan(&c.Roster, &c.Visited, &c.Signed, &c.MoneyFen, &c.GoodsFen)
	})
	return c, s.classify(err)
}

// IsCampaign reports whether an event is a campaign (has a roster).
func (s *Store) IsCampaign(ctx context.Context, eventID int64) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM campaigns WHERE id = ?", eventID).Scan(&n)
	return n > 0, s.classify(err)
}

// Roster states a roster page can be limited to.
const (
	RosterAll      = ""
	RosterToVisit  = "todo" // 未走访
	RosterVisited  = "done" // 已走访
	RosterSigned   = "signed"
	RosterUnsigned = "unsigned" // visited, not yet signed for
)

// RosterQuery selects a window of a campaign's roster: a state and typed text (a name, its
// pinyin initials or full pinyin, a village, the last digits of an ID number).
type RosterQuery struct {
	State         string
	Text          string
	Offset, Limit int
}

// RosterRow is one person on a roster, with their visit in the campaign if ticked.
type RosterRow struct {
	PersonID      int64
	Name          string
	VillageName   string
	Categories    []string
	IDNumber      string
	Status        string
	VisitID       int64 // 0: not visited yet
	VisitDate     string
	MoneyFen      int64
	Goods         string
	GoodsValueFen int64
	Signed        bool
	Need          string
}

// RosterPage is a window of a roster and the number of rows the query selects.
type RosterPage struct {
	Total  int
	Offset int
	Rows   []RosterRow
}

// RosterPage returns a window of a campaign's roster in roster order (village, then
// name in pinyin order, as when each was added). The rows are read in order from the
// roster's index and the reading stops at the window's last row; without typed text the
// total comes from the counts, so a tick and the redraw that follows stay quick on a
// roster of 20 000.
func (s *Store) RosterPage(ctx context.Context, eventID int64, q RosterQuery) (RosterPage, error) {
	if q.Limit <= 0 {
		q.Limit = 50
	}
	const visit = "(SELECT max(x.id) FROM visits x WHERE x.event_id = r.event_id AND x.person_id = r.person_id AND x.deleted_at = '')"
	conds := []string{"r.event_id = ?"}
	args := []any{eventID}
	switch q.State {
	case RosterToVisit:
		conds = append(conds, visit+" IS NULL")
	case RosterVisited:
		conds = append(conds, visit+" IS NOT NULL")
	case RosterSigned:
		conds = append(conds, "EXISTS (SELECT 1 FROM visits x WHERE x.event_id = r.event_id AND x.person_id = r.person_id AND x.deleted_at = '' AND x.signed = 1)")
	case RosterUnsigned:
		conds = append(conds, "EXISTS (SELECT 1 FROM visits x WHERE x.event_id = r.event_id AND x.person_id = r.person_id AND x.deleted_at = '' AND x.signed = 0)")
	}
	for _, word := range strings.Fields(strings.ToLower(q.Text)) {
		switch {
		case isDigitsOrX(word):
			conds = append(conds, "(p.id_number LIKE ? OR p.phones LIKE ?)")
			args = append(args, "%"+strings.ToUpper(word)+"%", "%"+word+"%")
		case isASCIILetters(word):
			conds = append(conds, "(p.py_initials GLOB ? OR p.py_full GLOB ? OR (' ' || p.py_alt) GLOB ?)")
			args = append(args, word+"*", word+"*", "* "+word+"*")
		default:
			conds = append(conds, "(p.name LIKE ? OR coalesce((SELECT name FROM villages WHERE id = p.village_id), '') LIKE ?)")
			args = append(args, "%"+word+"%", "%"+word+"%")
		}
	}
	from := "FROM campaign_roster r JOIN people p ON p.id = r.person_id WHERE " + strings.Join(conds, " AND ")
	page := RosterPage{Offset: q.Offset}
	err := s.ReadTx(ctx, func(tx *sql.Tx) error {
		if strings.TrimSpace(q.Text) == "" && (q.State == RosterAll || q.State == RosterToVisit || q.State == RosterVisited) {
			roster, visited, err := rosterCounts(ctx, tx, eventID)
			if err != nil {
				return err
			}
			page.Total = map[string]int{RosterAll: roster, RosterToVisit: roster - visited, RosterVisited: visited}[q.State]
		} else if err := tx.QueryRowContext(ctx, "SELECT count(*) "+from, args...).Scan(&page.Total); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT p.id, p.name, coalesce((SELECT name FROM villages WHERE id = p.village_id), ''),
			p.categories, p.id_number, p.status, coalesce(v.id, 0), coalesce(v.date, ''), coalesce(v.money_fen, 0),
			coalesce(v.goods, ''), coalesce(v.goods_value_fen, 0), coalesce(v.signed, 0), coalesce(v.need, '')
			FROM (SELECT r.person_id AS pid, `+visit+` AS vid, r.sort_key AS k `+from+`
				ORDER BY r.sort_key, r.person_id LIMIT ? OFFSET ?) w
			JOIN people p ON p.id = w.pid LEFT JOIN visits v ON v.id = w.vid ORDER BY w.k, w.pid`, append(args, q.Limit, q.Offset)...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var r RosterRow
			var cats string
			if err := rows.Scan(&r.PersonID, &r.Name, &r.VillageName, &cats, &r.IDNumber, &r.Status, &r.VisitID, &r.VisitDate,
				&r.MoneyFen, &r.Goods, &r.GoodsValueFen, &r.Signed, &r.Need); err != nil {
				return err
			}
			r.Categories = splitNonEmpty(cats, ",")
			page.Rows = append(page.Rows, r)
		}
		return rows.Err()
	})
	return page, s.classify(err)
}

// rosterCounts counts a campaign's roster and the people on it with a live visit in it.
func rosterCounts(ctx context.Context, q querier, eventID int64) (roster, visited int, err error) {
	err = q.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM campaign_roster WHERE event_id = ?1),
		(SELECT count(DISTINCT v.person_id) FROM visits v WHERE v.event_id = ?1 AND v.deleted_at = ''
			AND EXISTS (SELECT 1 FROM campaign_roster r WHERE r.event_id = ?1 AND r.person_id = v.person_id))`, eventID).
		Scan(&roster, &visited)
	return roster, visited, err
}

// Tick records that a person on a campaign's roster was visited on date, with the
// campaign's standard amount and goods: one key per person in the roster screen. It is
// refused (ErrInvalid, with the reason at "PersonID" or "Date") for someone not on the
// roster or not on the roll, someone already ticked in this campaign, or a date outside
// the campaign's period.
func (s *Store) Tick(ctx context.Context, eventID, personID int64, date string) (model.Visit, error) {
	v := model.Visit{EventID: eventID, PersonID: personID, Date: date, Mode: "home", Visitors: s.Operator()}
	refuse := func(field, zh, en string) error {
		return invalid(model.Problems{Errors: []model.Problem{{Field: field, Code: "campaign", Zh: zh, En: en}}})
	}
	err := s.write(ctx, func(w *writer) error {
		c, err := s.campaignTx(ctx, w.tx, eventID)
		if err != nil {
			return err
		}
		v.MoneyFen, v.Goods, v.GoodsValueFen = c.StandardMoneyFen, c.StandardGoods, c.StandardGoodsFen
		if ps := model.ValidateVisit(&v, s.Now()); !ps.OK() {
			return invalid(ps)
		}
		if err := outsideCampaign(c, v.Date); err != nil {
			return err
		}
		var name, status, deleted string
		var onRoster, ticked int
		err = w.tx.QueryRowContext(ctx, `SELECT p.name, p.status, p.deleted_at,
			(SELECT count(*) FROM campaign_roster WHERE event_id = ?1 AND person_id = p.id),
			(SELECT count(*) FROM visits WHERE event_id = ?1 AND person_id = p.id AND deleted_at = '')
			FROM people p WHERE p.id = ?2`, eventID, personID).Scan(&name, &status, &deleted, &onRoster, &ticked)
		switch {
		case err == sql.ErrNoRows || deleted != "":
			return &Error{Kind: ErrNotFound, Err: err}
		case err != nil:
			return err
		case onRoster == 0:
			return refuse("PersonID", name+" 不在这次活动的名单上", name+" is not on this campaign's roster")
		case ticked > 0:
			return refuse("PersonID", name+" 已经登记过走访，不再重复登记", name+" is already ticked off in this campaign")
		case status != model.StatusActive && status != model.StatusStopped:
			return refuse("PersonID", name+" 已"+model.PersonStatuses.Label(status, model.Zh)+"，不在册，不能登记",
				name+" is not on the roll ("+model.PersonStatuses.Label(status, model.En)+")")
		}
		if err := w.insertVisit(&v); err != nil {
			return err
		}
		return w.tickDuty(eventID, &v)
	})
	return v, err
}

// outsideCampaign refuses a visit date outside campaign c's period, at the date field: a
// tick on the wrong day, or a ticked visit's date changed in the visit editor.
func outsideCampaign(c model.Event, date string) error {
	if p, outside := OutsideCampaign(c, date); outside {
		return invalid(model.Problems{Errors: []model.Problem{p}})
	}
	return nil
}

// OutsideCampaign is the problem of a visit date outside campaign c's period (at "Date"),
// for the roster's F7 to say before any tick is refused for it.
func OutsideCampaign(c model.Event, date string) (model.Problem, bool) {
	if date >= c.Date && (c.EndDate == "" || date <= c.EndDate) {
		return model.Problem{}, false
	}
	period := c.Date
	if c.EndDate != "" {
		period += " 至 " + c.EndDate
	}
	return model.Problem{Field: "Date", Code: "campaign",
		Zh: "走访日期 " + date + " 不在这次活动的时间内（" + period + "），请核对",
		En: "The date " + date + " is outside the campaign's period (" + c.Date + " - " + c.EndDate + ")"}, true
}

// tickDuty records what a tick means beyond its visit in a campaign of a duty's kind: the
// household's plaque hung, or the person confirmed for the year (skipped when already
// confirmed: the visit still counts). Both carry the visit's id, so trashing the visit
// (untick) trashes them too.
func (w *writer) tickDuty(eventID int64, v *model.Visit) error {
	var kind string
	if err := w.tx.QueryRowContext(w.ctx, "SELECT kind FROM campaigns WHERE id = ?", eventID).Scan(&kind); err != nil {
		return err
	}
	switch kind {
	case CampaignPlaque:
		return w.insertPlaque(&model.PlaqueRecord{PersonID: v.PersonID, State: model.PlaqueHung, Date: v.Date, VisitID: v.ID})
	case CampaignConfirm:
		return w.insertConfirmation(&model.Confirmation{PersonID: v.PersonID, Date: v.Date, Method: model.ConfirmHome,
			ConfirmedBy: v.Visitors, VisitID: v.ID}, true)
	}
	return nil
}

// campaignTx reads a live campaign's event inside a transaction.
func (s *Store) campaignTx(ctx context.Context, q querier, eventID int64) (model.Event, error) {
	var e model.Event
	err := scanEvent(q.QueryRowContext(ctx, "SELECT "+prefixed("e.", eventReadCols)+
		" FROM events e JOIN campaigns c ON c.id = e.id WHERE e.id = ? AND e.deleted_at = ''", eventID), &e)
	if err == sql.ErrNoRows {
		return e, &Error{Kind: ErrNotFound, Err: err}
	}
	return e, err
}

// SetSigned records that a visit's money and goods were signed for (已签领), or not.
func (s *Store) SetSigned(ctx context.Context, visitID int64, signed bool) error {
	return s.write(ctx, func(w *writer) error {
		summary, err := w.summaryOf(EntVisit, visitID)
		if err != nil {
			return err
		}
		return w.change(EntVisit, visitID, ActUpdate, summary, func() error {
			return w.expectOne(w.exec("UPDATE visits SET signed = ?, updated_at = ? WHERE id = ? AND deleted_at = ''", signed, w.at, visitID))
		})
	})
}

// CampaignRef is a campaign as the command line names it.
type CampaignRef struct {
	ID    int64
	Date  string
	Title string
}

// FindCampaigns finds the live campaigns a name means: its id, or its title (exactly,
// else as a part of it). Several found is for the caller to say.
func (s *Store) FindCampaigns(ctx context.Context, name string) ([]CampaignRef, error) {
	name = strings.TrimSpace(name)
	q := `SELECT e.id, e.date, e.title FROM events e JOIN campaigns c ON c.id = e.id WHERE e.deleted_at = '' AND `
	var out []CampaignRef
	for _, cond := range []string{"CAST(e.id AS TEXT) = ?1", "e.title = ?1", "instr(e.title, ?1) > 0"} {
		rows, err := s.db.QueryContext(ctx, q+cond+" ORDER BY e.date DESC, e.id DESC LIMIT 20", name)
		if err != nil {
			return nil, s.classify(err)
		}
		for rows.Next() {
			var r CampaignRef
			if err := rows.Scan(&r.ID, &r.Date, &r.Title); err != nil {
				rows.Close()
				return nil, err
			}
			out = append(out, r)
		}
		rows.Close()
		if len(out) > 0 {
			return out, nil
		}
	}
	return nil, nil
}
