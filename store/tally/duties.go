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
// households of the people pass, the period's visit keys (the contacts by month) — and
// add:
//
//   - two bits a person in the people pass (dutySQL; people_roll holds the columns since
//     migration 0009): on periodic payments, the 光荣牌 flag;
//   - 重点对象 (keyPeople): under the default rule the recipients, with the few marked by
//     hand read by seeks of people_duties; any other rule is store.KeySQL over everyone;
//   - the home visits from the visits' keys (visitKeySQL's home bit, migration 0006), or
//     where the schema lacks visits_tally from visits_home (readHome);
//   - beside the visits on the second transaction (readDutyRecords): the duty year's
//     confirmations (confirmations_year), and the plaque registers' lines as at the
//     period's end (plaques_household).
//
// Each read is one row of group_concat strings from a covering index. What they cost is
// in docs/PERFORMANCE.md ("The duty tables").

// Duty bits of a person (computer.duty).
const (
	dutyKey       = 1 // 重点对象 under the settings
	dutyReceiving = 2 // 享受中 periodic payments: to confirm every year
	dutyFlag      = 4 // the roster's 光荣牌 flag (people.honour_plaque)
	dutyBits      = 8 // duty bits < dutyBits
)

// dutySQL computes the duty bits of the people row p that the people pass reads (the
// fewer operations the better: this runs for every person).
const dutySQL = `(2 * (p.subsidy_status = '` + model.SubsidyReceiving + `') + 4 * (p.honour_plaque <> 0))`

// Plaque states as read (plaqueStateSQL); 0 is no line. A state this program does not
// know is read as 待悬挂, as the drill-down lists it.
const (
	plHung = iota + 1
	plPending
	plReplace
	plRetired
)

const plaqueStateSQL = `CASE state WHEN '` + model.PlaqueHung + `' THEN 1 WHEN '` + model.PlaqueReplace + `' THEN 3
	WHEN '` + model.PlaqueRetired + `' THEN 4 ELSE 2 END`

// defaultKeyRule reports whether the settings' 重点对象 rule is the default one: the
// recipients (unless marked by hand).
func defaultKeyRule(d model.DutySettings) bool {
	return d.KeySubsidy && len(d.KeyCategories) == 0 && d.KeyMaxGrade == 0 && !d.KeyLivesAlone && len(d.KeyAssistance) == 0
}

// statusesSQL names every status and subsidy status, so that a query of people_duties
// seeks its third column (key_mark) instead of reading all the people. A code this
// program does not know (a newer program's) is left out, as the roll leaves out a status
// it does not know (model.OnRollAtEnd).
func statusesSQL() string {
	list := func(col string, e model.Enum) string {
		out := col + " IN (''"
		for _, o := range e {
			out += ", '" + o.Code + "'"
		}
		return out + ")"
	}
	return list("p.status", model.PersonStatuses) + " AND " + list("p.subsidy_status", model.SubsidyStatuses)
}

// keyPeople sets the 重点对象 bit as the settings stand (rule 4). Under the default rule
// (model.DefaultDutySettings) it is the recipients' bit, overruled for the people marked
// by hand; any other rule is store.KeySQL in a pass over people_duties, which holds every
// column it tests.
func (c *computer) keyPeople(settings model.DutySettings) error {
	read := func(q string, fn func(v int64)) error {
		var s sql.NullString
		if err := c.tx.QueryRowContext(c.ctx, q).Scan(&s); err != nil {
			return err
		}
		return packedInts(s.String, fn)
	}
	if !defaultKeyRule(settings) {
		return read(`SELECT group_concat(p.id) FROM people p INDEXED BY people_duties WHERE p.deleted_at = '' AND `+store.KeySQL(settings),
			func(id int64) {
				if id >= 0 && id <= c.maxPerson {
					c.duty[id] |= dutyKey
				}
			})
	}
	for id, d := range c.duty {
		if d&dutyReceiving != 0 {
			c.duty[id] |= dutyKey
		}
	}
	return read(`SELECT group_concat(p.id * 2 + (p.key_mark = '`+model.KeyYes+`')) FROM people p INDEXED BY people_duties
		WHERE p.deleted_at = '' AND `+statusesSQL()+` AND p.key_mark IN ('`+model.KeyYes+`', '`+model.KeyNo+`')`,
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

// dutyRecords are what readDutyRecords reads.
type dutyRecords struct {
	home      []int64 // people visited at home (入户) in the duty year, when read apart
	confirmed []int64 // people with a live confirmation for the duty year
	plaques   []plaqueLine
}

// plaqueLine is the newest live line dated on or before the period's end of one register
// (household_key as recorded).
type plaqueLine struct {
	key   int64 // plaques.household_key
	state uint8 // plHung…
	order int64 // newestOf: the newer line is the larger
}

// readDutyRecords reads the duty year's confirmations, and its home visits when the
// visits' keys do not say them (home: a schema without visits_tally). Trashed rows are
// left out here, trashed people when counting (their roll flags are zero).
func readDutyRecords(ctx context.Context, tx *sql.Tx, p model.Period, home bool) (*dutyRecords, error) {
	var r dutyRecords
	var err error
	if home {
		if r.home, err = readHome(ctx, tx, p); err != nil {
			return nil, err
		}
	}
	var conf sql.NullString
	if err := tx.QueryRowContext(ctx, `SELECT group_concat(person_id) FROM confirmations
		WHERE year = ? AND deleted_at = ''`, p.DutyYear()).Scan(&conf); err != nil {
		return nil, err
	}
	if err := packedInts(conf.String, func(v int64) { r.confirmed = append(r.confirmed, v) }); err != nil {
		return nil, err
	}
	r.plaques, err = readPlaqueLines(ctx, tx, p)
	return &r, err
}

// readHome reads the people visited at home (入户) in the duty year, from visits_home.
func readHome(ctx context.Context, tx *sql.Tx, p model.Period) ([]int64, error) {
	var s sql.NullString
	// DISTINCT in a subquery walks visits_home in person order: no temporary B-tree.
	if err := tx.QueryRowContext(ctx, `SELECT group_concat(person_id) FROM (SELECT DISTINCT person_id FROM visits
		WHERE year = ? AND deleted_at = '' AND mode = 'home')`, p.DutyYear()).Scan(&s); err != nil {
		return nil, err
	}
	var ids []int64
	err := packedInts(s.String, func(v int64) { ids = append(ids, v) })
	return ids, err
}

// readPlaqueLines reads the live lines dated on or before the period's end (rule 8), each
// as household_key·8 + state, in the order of plaques_household (household_key, date,
// id): the last line of a register is its newest. (An aggregate of the newest line per
// register, or group_concat's ORDER BY, costs two to three times as much.)
func readPlaqueLines(ctx context.Context, tx *sql.Tx, p model.Period) ([]plaqueLine, error) {
	var s sql.NullString
	if err := tx.QueryRowContext(ctx, `SELECT group_concat(household_key * 8 + `+plaqueStateSQL+`) FROM plaques INDEXED BY plaques_household
		WHERE deleted_at = '' AND date <= @end`, sql.Named("end", p.End())).Scan(&s); err != nil {
		return nil, err
	}
	var lines []plaqueLine
	err := packedInts(s.String, func(v int64) {
		st := (v%8 + 8) % 8
		key := (v - st) / 8
		if n := len(lines); n > 0 && lines[n-1].key == key {
			lines[n-1].state = uint8(st) // a newer line of the same register
			return
		}
		lines = append(lines, plaqueLine{key: key, state: uint8(st)})
	})
	return lines, err
}

// newestOf reads, for registers that now share a household (a line kept for someone
// alone who joined one), which register's newest line is the newest: by date, then id.
func newestOf(ctx context.Context, tx *sql.Tx, p model.Period, keys []int64) (map[int64]plaqueLine, error) {
	b, _ := json.Marshal(keys)
	rows, err := tx.QueryContext(ctx, `SELECT household_key, `+plaqueStateSQL+`, date, id FROM plaques
		WHERE deleted_at = '' AND date <= ? AND household_key IN (SELECT value FROM json_each(?)) ORDER BY date, id`, p.End(), string(b))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]plaqueLine{} // register → its newest line; order counts up in date, id
	var n int64
	for rows.Next() {
		var l plaqueLine
		var date string
		var id int64
		if err := rows.Scan(&l.key, &l.state, &date, &id); err != nil {
			return nil, err
		}
		n++
		l.order = n
		out[l.key] = l
	}
	return out, rows.Err()
}

// contactVisit marks a visit of the duty year as a contact of its person in its month,
// and a home visit as one. Months, not quarters: the current period is the settings' rule's
// (model.DutySpan), any number of months.
func (c *computer) contactVisit(personID int64, month int, home bool) {
	if month >= 1 && month <= 12 && personID >= 0 && personID <= c.maxPerson {
		c.contact[personID] |= 1 << uint(month-1)
		if home {
			c.contact[personID] |= contactHome
		}
	}
}

// Contact bits of a person in the duty year (computer.contact, 2 bytes a person): bit m−1
// for a contact in month m, contactHome for a home visit.
const (
	contactMonths = 1<<12 - 1
	contactHome   = 1 << 12
)

// spanBits are the contact bits of the months of s.
func spanBits(s model.MonthSpan) uint16 {
	var b uint16
	for m := s.From; s.Has(m); m++ {
		b |= 1 << uint(m-1)
	}
	return b
}

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
func (c *computer) finishDuties() error {
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
	span := model.DutySpan(c.period, t.AsOf, c.keyMonths)
	current := spanBits(span)
	rows := make([]model.ContactRow, nBuckets)
	var total model.ContactRow
	count := func(r *model.ContactRow, contact uint16) {
		r.Key++
		if contact&current != 0 {
			r.Current++
		}
		if contact&contactMonths != 0 {
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
	t.Contacts = model.ContactTally{Year: c.period.DutyYear(), Span: span, Total: total}
	for b := 0; b < nBuckets; b++ {
		if rows[b].Key > 0 {
			rows[b].Category = bucketCode(b)
			t.Contacts.Rows = append(t.Contacts.Rows, rows[b])
		}
	}
	t.Confirmations = conf
	return c.plaques(d.plaques)
}

// plaques makes the 光荣牌 table: the eligible households (a member on the roll holding a
// category of model.PlaqueCategory) and each one's newest register line, over the
// registers now under it (a line kept for someone alone follows them into a household
// they joined); a household without a line is 已悬挂 when an eligible member's 光荣牌 flag
// says so, else 待悬挂 — as store.PlaqueHouseholdsSQL says.
func (c *computer) plaques(lines []plaqueLine) error {
	rep, state, err := c.plaqueStates(lines)
	if err != nil {
		return err
	}
	var p model.PlaqueTally
	for i, r := range rep {
		if r == 0 {
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

// plaqueStates works out each eligible household's plaque: by slot (household key +
// maxPerson), the eligible member it is listed under (the lowest id; 0: not eligible)
// and its state (plHung…, 0: none).
func (c *computer) plaqueStates(lines []plaqueLine) (rep []int64, state []uint8, err error) {
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
	rep = make([]int64, c.maxPerson+c.maxHousehold+1)
	for id := int64(1); id <= c.maxPerson; id++ {
		if eligibleMember(id) {
			if i := slot(c.plaqueHousehold(id)); i >= 0 && rep[i] == 0 {
				rep[i] = id
			}
		}
	}
	state = make([]uint8, len(rep))
	var merged []int64 // registers under a household that is not their own key
	for _, l := range lines {
		hk := l.key
		if hk < 0 && -hk <= c.maxPerson {
			hk = c.plaqueHousehold(-hk)
		}
		i := slot(hk)
		if i < 0 || rep[i] == 0 {
			continue
		}
		if hk != l.key {
			merged = append(merged, l.key, hk)
		}
		state[i] = l.state
	}
	if len(merged) > 0 {
		newest, err := newestOf(c.ctx, c.tx, c.period, merged)
		if err != nil {
			return nil, nil, err
		}
		best := map[int64]plaqueLine{}
		for _, l := range newest {
			hk := l.key
			if hk < 0 && -hk <= c.maxPerson {
				hk = c.plaqueHousehold(-hk)
			}
			if b, ok := best[hk]; !ok || l.order > b.order {
				best[hk] = l
			}
		}
		for hk, l := range best {
			if i := slot(hk); i >= 0 {
				state[i] = l.state
			}
		}
	}
	// No line: the 光荣牌 flag of an eligible member says whether one hangs.
	for id := int64(1); id <= c.maxPerson; id++ {
		if c.duty[id]&dutyFlag != 0 && eligibleMember(id) {
			if i := slot(c.plaqueHousehold(id)); i >= 0 && state[i] == 0 {
				state[i] = plHung
			}
		}
	}
	return rep, state, nil
}
