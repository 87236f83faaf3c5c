package tally

import (
	"context"
	"database/sql"
	"encoding/json"
	"math/bits"

	"shuangyong/model"
	"shuangyong/store"
)

// The recurring duties (model/tally_duties.go): 常态化联系, 光荣牌 and 年度确认, as at the end of
// the period. They reuse what the other passes read — the roll flags, categories and
// households of the people pass, the visits of the period — and add:
//
//   - three bits a person in the people pass (dutySQL): 重点对象 (store.KeySQL of the
//     settings), on periodic payments, the 光荣牌 flag;
//   - the home visits of the duty year (visits_home) and its confirmations
//     (confirmations_year), on the second transaction beside the visits when there is one
//     (readDutyRecords);
//   - the newest plaque line of each register as at the period's end (plaques_household),
//     and the 光荣牌 flag of the eligible people of households without one (plaques).

// Duty bits of a person (computer.duty).
const (
	dutyKey       = 1 // 重点对象 under the settings
	dutyReceiving = 2 // 享受中 periodic payments: to confirm every year
	dutyFlag      = 4 // the roster's 光荣牌 flag (people.honour_plaque)
)

// Plaque states as read (plaqueStateSQL); 0 is no line.
const (
	plHung = iota + 1
	plPending
	plReplace
	plRetired
)

const plaqueStateSQL = `CASE state WHEN '` + model.PlaqueHung + `' THEN 1 WHEN '` + model.PlaqueReplace + `' THEN 3
	WHEN '` + model.PlaqueRetired + `' THEN 4 ELSE 2 END`

// seekStatuses lets a query of people_duties seek its second column (subsidy_status): the
// index leads with status, so the query names every status (PersonStatuses and "") and
// SQLite seeks each instead of reading all the people. A status this program does not know
// (a newer program's) is left out, as the roll leaves it out (model.OnRollAtEnd).
func seekStatuses() string {
	out := "p.status IN (''"
	for _, o := range model.PersonStatuses {
		out += ", '" + o.Code + "'"
	}
	return out + ")"
}

// dutyPeople marks who is on periodic payments (to confirm) and who is 重点对象 under the
// settings as they stand (rule 4). The recipients come from seeks of people_duties. Under
// the default rule (重点对象 = the recipients) only the people marked by hand are read
// besides; any other rule is store.KeySQL over everyone. The 光荣牌 flag is read later, and
// only where a household has no register line (plaqueFlags).
func (c *computer) dutyPeople(settings model.DutySettings) error {
	c.duty = make([]uint8, c.maxPerson+1)
	mark := func(q string, fn func(v int64)) error {
		var s sql.NullString
		if err := c.tx.QueryRowContext(c.ctx, q).Scan(&s); err != nil {
			return err
		}
		return packedInts(s.String, fn)
	}
	set := func(id int64, bits uint8) {
		if id >= 0 && id <= c.maxPerson {
			c.duty[id] |= bits
		}
	}
	subsidyOnly := settings.KeySubsidy && len(settings.KeyCategories) == 0 && settings.KeyMaxGrade == 0 &&
		!settings.KeyLivesAlone && len(settings.KeyAssistance) == 0
	recv := uint8(dutyReceiving)
	if subsidyOnly {
		recv |= dutyKey
	}
	if err := mark(`SELECT group_concat(p.id) FROM people p INDEXED BY people_duties WHERE p.deleted_at = '' AND `+seekStatuses()+
		` AND p.subsidy_status = '`+model.SubsidyReceiving+`'`, func(id int64) { set(id, recv) }); err != nil {
		return err
	}
	if !subsidyOnly {
		return mark(`SELECT group_concat(p.id) FROM people p INDEXED BY people_duties WHERE p.deleted_at = '' AND `+store.KeySQL(settings),
			func(id int64) { set(id, dutyKey) })
	}
	// Marked by hand: key_mark is the index's third column.
	subsidies := "p.subsidy_status IN (''"
	for _, o := range model.SubsidyStatuses {
		subsidies += ", '" + o.Code + "'"
	}
	return mark(`SELECT group_concat(p.id * 2 + (p.key_mark = '`+model.KeyYes+`')) FROM people p INDEXED BY people_duties
		WHERE p.deleted_at = '' AND `+seekStatuses()+` AND `+subsidies+`) AND p.key_mark IN ('`+model.KeyYes+`', '`+model.KeyNo+`')`,
		func(v int64) {
			if id := v / 2; id >= 0 && id <= c.maxPerson {
				if v%2 == 1 {
					c.duty[id] |= dutyKey
				} else {
					c.duty[id] &^= dutyKey
				}
			}
		})
}

// plaqueFlags sets the 光荣牌 flag (dutyFlag) of the people given: by id when they are few,
// else from one pass over people_duties.
func (c *computer) plaqueFlags(ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	q := `SELECT group_concat(p.id) FROM people p INDEXED BY people_duties WHERE p.deleted_at = '' AND p.honour_plaque <> 0`
	var args []any
	if len(ids) < 5000 {
		b, _ := json.Marshal(ids)
		q = `SELECT group_concat(p.id) FROM people p WHERE p.id IN (SELECT value FROM json_each(?)) AND p.honour_plaque <> 0`
		args = append(args, string(b))
	}
	var s sql.NullString
	if err := c.tx.QueryRowContext(c.ctx, q, args...).Scan(&s); err != nil {
		return err
	}
	return packedInts(s.String, func(id int64) {
		if id >= 0 && id <= c.maxPerson {
			c.duty[id] |= dutyFlag
		}
	})
}

// dutyRecords are what readDutyRecords reads.
type dutyRecords struct {
	home      []int64 // people visited at home (入户) in the duty year
	confirmed []int64 // people with a live confirmation for the duty year
}

// plaqueLine is the newest live line dated on or before the period's end of one register
// (household_key as recorded).
type plaqueLine struct {
	key   int64 // plaques.household_key
	state uint8 // plHung…
	order int64 // date as yyyymmdd · 2³² + id: the newer line is the larger
}

// readDutyRecords reads the duty year's home visits and confirmations. Trashed rows are
// left out here, trashed people when counting (their roll flags are zero).
func readDutyRecords(ctx context.Context, tx *sql.Tx, p model.Period) (*dutyRecords, error) {
	var r dutyRecords
	year := sql.Named("year", p.DutyYear())
	var home, conf sql.NullString
	// DISTINCT in a subquery walks visits_home in person order: no temporary B-tree.
	if err := tx.QueryRowContext(ctx, `SELECT group_concat(person_id) FROM (SELECT DISTINCT person_id FROM visits
		WHERE year = @year AND deleted_at = '' AND mode = 'home')`, year).Scan(&home); err != nil {
		return nil, err
	}
	if err := tx.QueryRowContext(ctx, `SELECT group_concat(person_id) FROM confirmations
		WHERE year = @year AND deleted_at = ''`, year).Scan(&conf); err != nil {
		return nil, err
	}
	for _, l := range []struct {
		s   string
		dst *[]int64
	}{{home.String, &r.home}, {conf.String, &r.confirmed}} {
		if err := packedInts(l.s, func(v int64) { *l.dst = append(*l.dst, v) }); err != nil {
			return nil, err
		}
	}
	return &r, nil
}

// readPlaqueLines reads the newest live line dated on or before the period's end (rule 8)
// of each register, from plaques_household.
func readPlaqueLines(ctx context.Context, tx *sql.Tx, p model.Period) ([]plaqueLine, error) {
	var lines []plaqueLine
	var keys, states, orders sql.NullString
	if err := tx.QueryRowContext(ctx, `SELECT group_concat(household_key), group_concat(st), group_concat(m) FROM
		(SELECT household_key, `+plaqueStateSQL+` AS st, max(CAST(replace(date, '-', '') AS INTEGER) * 4294967296 + id) AS m
		FROM plaques WHERE deleted_at = '' AND date <= @end GROUP BY household_key)`, sql.Named("end", p.End())).Scan(&keys, &states, &orders); err != nil {
		return nil, err
	}
	if err := packedInts(keys.String, func(v int64) { lines = append(lines, plaqueLine{key: v}) }); err != nil {
		return nil, err
	}
	i := 0
	if err := packedInts(states.String, func(v int64) {
		if i < len(lines) {
			lines[i].state = uint8(v)
		}
		i++
	}); err != nil {
		return nil, err
	}
	j := 0
	if err := packedInts(orders.String, func(v int64) {
		if j < len(lines) {
			lines[j].order = v
		}
		j++
	}); err != nil {
		return nil, err
	}
	if i != len(lines) || j != len(lines) {
		return nil, errMisaligned
	}
	return lines, nil
}

// contactVisit marks a visit of the duty year as a contact of its person in its quarter.
func (c *computer) contactVisit(personID int64, month int) {
	if month >= 1 && month <= 12 && personID >= 0 && personID <= c.maxPerson {
		c.contact[personID] |= 1 << uint((month-1)/3)
	}
}

// contactHome is the contact bit of a home visit in the duty year.
const contactHome = 16

// plaqueHousehold is the household a person's plaque is kept under (store.PlaqueHouseholdsSQL:
// the household as grouped now, a trashed one included, else the person alone).
func (c *computer) plaqueHousehold(id int64) int64 {
	if hk, ok := c.trashedHH[id]; ok {
		return hk
	}
	return c.household[id]
}

// finishDuties makes the three duty tables from the people pass, the contact marks and the
// duty records.
func (c *computer) finishDuties() {
	t := c.t
	d := c.dutyRead
	if d == nil {
		d = &dutyRecords{}
	}
	for _, id := range d.home {
		if id >= 0 && id <= c.maxPerson {
			c.contact[id] |= contactHome
		}
	}
	var confirmed bitset
	for _, id := range d.confirmed {
		confirmed.add(id)
	}
	quarter := model.DutyQuarter(c.period, t.AsOf)
	qbit := uint8(1) << uint(quarter-1)
	rows := make([]model.ContactRow, nBuckets)
	var total model.ContactRow
	count := func(r *model.ContactRow, contact uint8) {
		r.Key++
		if contact&qbit != 0 {
			r.Quarter++
		}
		if contact&15 != 0 {
			r.Year++
		}
		if contact&contactHome != 0 {
			r.Home++
		}
	}
	conf := model.ConfirmTally{Year: c.period.DutyYear()}
	for id := int64(1); id <= c.maxPerson; id++ {
		if c.roll[id]&flagOnRoll == 0 || c.personCt[id] == 0 {
			continue
		}
		duty, m := c.duty[id], c.personCt[id]
		if duty&dutyKey != 0 {
			count(&total, c.contact[id])
			for b := m; b != 0; b &= b - 1 {
				count(&rows[bits.TrailingZeros32(b)], c.contact[id])
			}
		}
		if duty&dutyReceiving != 0 {
			conf.ToConfirm++
			if confirmed.has(id) {
				conf.Confirmed++
			}
		}
	}
	t.Contacts = model.ContactTally{Year: c.period.DutyYear(), Quarter: quarter, Total: total}
	for b := 0; b < nBuckets; b++ {
		if rows[b].Key > 0 {
			rows[b].Category = bucketCode(b)
			t.Contacts.Rows = append(t.Contacts.Rows, rows[b])
		}
	}
	t.Confirmations = conf
}

// plaques makes the 光荣牌 table: the eligible households (a member on the roll holding a
// category of model.PlaqueCategory) and each one's newest register line, over the
// registers now under it (a line kept for someone alone follows them into a household
// they joined); a household without a line is 已悬挂 when an eligible member's 光荣牌 flag
// says so, else 待悬挂 — as store.PlaqueHouseholdsSQL says. It needs only the people pass
// and the households, so it runs on the first transaction while the second reads visits.
func (c *computer) plaques() error {
	lines, err := readPlaqueLines(c.ctx, c.tx, c.period)
	if err != nil {
		return err
	}
	var plaqueMask uint32
	for b, o := range model.Categories {
		if model.PlaqueCategory(o.Code) {
			plaqueMask |= 1 << uint(b)
		}
	}
	eligibleMember := func(id int64) bool {
		return c.roll[id]&flagOnRoll != 0 && c.personCt[id]&plaqueMask != 0
	}
	// By household key + maxPerson.
	slot := func(hk int64) int64 {
		if hk < -c.maxPerson || hk > c.maxHousehold {
			return -1 // a household read in the same snapshot as max(id): cannot happen
		}
		return hk + c.maxPerson
	}
	eligible := make([]bool, c.maxPerson+c.maxHousehold+1)
	for id := int64(1); id <= c.maxPerson; id++ {
		if eligibleMember(id) {
			if i := slot(c.plaqueHousehold(id)); i >= 0 {
				eligible[i] = true
			}
		}
	}
	newest := make([]int64, len(eligible))
	state := make([]uint8, len(eligible))
	for _, l := range lines {
		hk := l.key
		if hk < 0 && -hk <= c.maxPerson {
			hk = c.plaqueHousehold(-hk)
		}
		if i := slot(hk); i >= 0 && eligible[i] && l.order > newest[i] {
			newest[i], state[i] = l.order, l.state
		}
	}
	// The flags matter only where there is no line.
	var ask []int64
	for id := int64(1); id <= c.maxPerson; id++ {
		if eligibleMember(id) {
			if i := slot(c.plaqueHousehold(id)); i >= 0 && state[i] == 0 {
				ask = append(ask, id)
			}
		}
	}
	if err := c.plaqueFlags(ask); err != nil {
		return err
	}
	for _, id := range ask {
		if c.duty[id]&dutyFlag != 0 {
			state[slot(c.plaqueHousehold(id))] = plHung
		}
	}
	var p model.PlaqueTally
	for i, e := range eligible {
		if !e {
			continue
		}
		p.Households++
		switch state[i] {
		case plHung:
			p.Hung++
		case plReplace:
			p.Replace++
		case plRetired:
			p.Retired++
		default:
			p.Pending++
		}
	}
	c.t.Plaques = p
	return nil
}
