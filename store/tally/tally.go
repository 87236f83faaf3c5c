// Package tally computes the tally of a year or a range of years (SPEC.md §5) from the
// ledger file, and lists the records behind any of its figures (drill-down). The counting
// rules are DOMAIN.md §4's; model/tally.go says what each figure means.
//
// Compute reads everything in one read transaction, so the tables agree with each other.
// What the figures mean is documented on the types in model/tally.go.
//
// How it is fast enough (≤ 300 ms for a year of a county's 1 000 000 events and visits):
//
//   - The year's visits and events are read from covering indexes alone (the tests check
//     the bytecode: no table reads, no sorting): events_year, and visits_tally, which
//     holds each visit packed into one integer (visits.go), or visits_year where the
//     schema does not have it yet.
//   - The visits (the period's and the year before's) are read on a second transaction of
//     the same snapshot of the file, on another core, while the first reads the people
//     and the events (run); they are counted once both are in.
//   - Exact distinct counts (人 and 户 per category and quarter) are made in Go with dense
//     per-person and per-household bit masks, because SQL gives them only with one sorted
//     temp B-tree per count.
//   - A visit is counted with its person as the person is now (rule 4): the people pass
//     keeps each live person's categories (as a bucket mask) and household in slices by
//     person id, so the visits pass reads only person, month and amounts — and skips the
//     visits of people in the trash (rule 7), who have no entry.
//   - Getting rows into Go is what costs: the pure-Go driver spends about 0.3 µs per column
//     of every row (each value is fetched under SQLite's mutex). So the big scans (people
//     and the year's visits) hand their rows over as a few group_concat strings of packed
//     integers instead — one row, parsed in Go at a few nanoseconds a value — which is
//     several times cheaper than row by row.
//   - Events are summed in SQL by type and date (the index's order, no sorting), except
//     走访慰问 events, whose figures are their visits': those are only counted, a quarter
//     at a time as one range of the index. Items
//     and units are joined to the year's events in SQL and come back packed the same way;
//     they are summed in Go, where an event's items go to every unit it counts for.
//
// The packing needs ids below 2^21 (two million people or households). A ledger beyond
// that is tallied row by row (the same sums, slower); tests run both paths and compare.
package tally

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"shuangyong/model"
	"shuangyong/store"
)

// nBuckets is the number of category buckets: every category of model.Categories, then
// model.NoCategory.
var nBuckets = len(model.Categories) + 1

// noBucket is the bucket of model.NoCategory.
var noBucket = len(model.Categories)

func bucketCode(b int) string {
	if b == noBucket {
		return model.NoCategory
	}
	return model.Categories[b].Code
}

// catCache turns the comma-separated category codes stored on people and visits into a
// bit mask of buckets, remembering each distinct text (a ledger has a few dozen).
type catCache map[string]uint32

func (c catCache) mask(s string) uint32 {
	if m, ok := c[s]; ok {
		return m
	}
	var m uint32
	for _, code := range strings.Split(s, ",") {
		if i := model.Categories.Index(code); i >= 0 {
			m |= 1 << uint(i)
		}
	}
	// Unknown codes (written by a newer program) are not counted as categories; a
	// record with no known category is counted under NoCategory.
	if m == 0 {
		m = 1 << uint(noBucket)
	}
	c[strings.Clone(s)] = m
	return m
}

// marks keeps a few bytes of bit flags per key (person id or household key): a dense slice
// over the expected key range, a map for keys outside it.
type marks struct {
	lo, hi int64
	stride int
	dense  []uint8
	sparse map[int64][]uint8
}

func newMarks(lo, hi int64, stride int) *marks {
	if hi < lo {
		hi = lo
	}
	return &marks{lo: lo, hi: hi, stride: stride, dense: make([]uint8, int(hi-lo+1)*stride), sparse: map[int64][]uint8{}}
}

func (m *marks) row(key int64) []uint8 {
	if key >= m.lo && key <= m.hi {
		i := int(key-m.lo) * m.stride
		return m.dense[i : i+m.stride : i+m.stride]
	}
	r := m.sparse[key]
	if r == nil {
		r = make([]uint8, m.stride)
		m.sparse[key] = r
	}
	return r
}

// get is row without creating an entry (nil when the key was never marked).
func (m *marks) get(key int64) []uint8 {
	if key >= m.lo && key <= m.hi {
		i := int(key-m.lo) * m.stride
		return m.dense[i : i+m.stride : i+m.stride]
	}
	return m.sparse[key]
}

// each calls fn for every row with any flag set.
func (m *marks) each(fn func(row []uint8)) {
	for i := 0; i < len(m.dense); i += m.stride {
		row := m.dense[i : i+m.stride]
		for _, b := range row {
			if b != 0 {
				fn(row)
				break
			}
		}
	}
	for _, row := range m.sparse {
		fn(row)
	}
}

// Roll flags of a person, per period (the period in the low bits, the period before
// shifted by prevShift; flagStopped only for the period). See model.OnRollAtEnd,
// NewInYear, RemovedInYear, StoppedAtEnd.
const (
	flagOnRoll  = 1
	flagNew     = 2
	flagRemoved = 4
	prevShift   = 3
	flagStopped = 64
	flagBits    = 128 // flags < flagBits
)

// rollSQL computes the roll flags of the people row p in SQL, for the period ending @end
// (starting @start) and the period before (ending @pend, starting @pstart): rollArgs gives
// the four. It must say what model.OnRollAtEnd, NewInYear and RemovedInYear say;
// TestRollSQL holds them together over every kind of date. People on the roll (status
// active) take a short cut by when they were registered — before the year before (or
// never said: 9 = on the roll in both years), during it (25: on the roll in both, new in
// the year before), during the year (3: on the roll, new), after it (0) — which saves
// evaluating the whole formula for nearly everybody; the rest take rollFormula.
const rollSQL = `(CASE WHEN p.status = 'active' THEN (CASE WHEN p.registered_on < @pstart THEN 9
	WHEN p.registered_on <= @pend THEN 25
	WHEN p.registered_on >= @start AND p.registered_on <= @end THEN 3
	WHEN p.registered_on > @end THEN 0
	ELSE ` + rollFormula + ` END) ELSE ` + rollFormula + ` END)`

// rollFormula is the roll flags of any people row p, flag by flag. 停发 (stopped) is on the
// roll (rule 5) and flagged.
const rollFormula = `(((p.registered_on <= @end OR p.registered_on = '') AND (p.status IN ('active', 'stopped', '') OR p.status_changed_on > @end))
	+ 2 * (p.registered_on BETWEEN @start AND @end)
	+ 4 * (p.status NOT IN ('active', 'stopped', '') AND p.status_changed_on BETWEEN @start AND @end)
	+ 8 * ((p.registered_on <= @pend OR p.registered_on = '') AND (p.status IN ('active', 'stopped', '') OR p.status_changed_on > @pend))
	+ 16 * (p.registered_on BETWEEN @pstart AND @pend)
	+ 32 * (p.status NOT IN ('active', 'stopped', '') AND p.status_changed_on BETWEEN @pstart AND @pend)
	+ 64 * (p.status = 'stopped' AND (p.status_changed_on <= @end OR p.status_changed_on = '') AND (p.registered_on <= @end OR p.registered_on = '')))`

func rollArgs(p model.Period) []any {
	b := p.Before()
	return []any{sql.Named("end", p.End()), sql.Named("start", p.Start()), sql.Named("pend", b.End()), sql.Named("pstart", b.Start())}
}

func yearBounds(year int) (start, end string) {
	return fmt.Sprintf("%04d-01-01", year), fmt.Sprintf("%04d-12-31", year)
}

// Compute computes the tally of year (with the year before's headline figures) in one read
// transaction.
func Compute(ctx context.Context, s *store.Store, year int) (model.Tally, error) {
	return ComputePeriod(ctx, s, model.YearPeriod(year))
}

// ComputePeriod computes the tally of a year or a range of years in one read transaction
// (a range has no comparison with the period before: model.Tally.Previous). On a snapshot
// of the file the visits are read beside the rest, on a second transaction of the same
// snapshot (see run).
func ComputePeriod(ctx context.Context, s *store.Store, p model.Period) (model.Tally, error) {
	var t model.Tally
	err := s.ReadTxBeside(ctx, func(tx *sql.Tx, beside func(context.Context, func(*sql.Tx) error) error) error {
		c := newComputer(ctx, tx, p, s.Today())
		// Only a snapshot has a second connection reading the same file; a store on its
		// own connection (the rollback journal, a file opened read-only) reads in turn —
		// a second transaction there would wait for the first one for ever.
		if !sequential && beside != nil {
			c.side = func(fn func(tx *sql.Tx) error) (bool, error) { return true, beside(ctx, fn) }
		}
		if err := c.run(); err != nil {
			return err
		}
		t = *c.t
		return nil
	})
	if err != nil {
		return model.Tally{}, err
	}
	return t, nil
}

// Test switches: rowByRow forces the row-by-row path, noIDRange the per-event seeks of
// items and units, sequential one transaction, noKeyIndex the visits' keys computed
// without visits_tally (tests compare them with the default paths).
var rowByRow, noIDRange, sequential, noKeyIndex = false, false, false, false

// onSide, when set (by tests), is told whether the visits were read on a second
// transaction.
var onSide func(ran bool)

// ComputeIn is ComputePeriod inside a transaction the caller holds (an export reads the
// tally and the detail sheets from one snapshot). asOf is today's ISO date.
func ComputeIn(ctx context.Context, tx *sql.Tx, p model.Period, asOf string) (model.Tally, error) {
	c := newComputer(ctx, tx, p, asOf)
	if err := c.run(); err != nil {
		return model.Tally{}, err
	}
	return *c.t, nil
}

func newComputer(ctx context.Context, tx *sql.Tx, p model.Period, asOf string) *computer {
	t := &model.Tally{Year: p.From, ToYear: p.To, AsOf: asOf}
	t.Headline.Year = p.From
	if p.Single() {
		t.Previous.Year = p.From - 1
	}
	return &computer{ctx: ctx, tx: tx, period: p, cats: catCache{}, t: t}
}

// OnRollSQL returns an SQL condition on a people row aliased p, and its arguments, that
// selects the people on the roll at the end of the period (model.OnRollAtEnd), for queries
// of other packages (the export's list of people not visited).
func OnRollSQL(p model.Period) (string, []any) {
	return "p.deleted_at = '' AND " + rollSQL + " & " + strconv.Itoa(flagOnRoll) + " <> 0", rollArgs(p)
}

// yearsArgs names the period's first and last year (@y1, @y2) for queries of the year
// columns.
func yearsArgs(p model.Period) []any {
	return []any{sql.Named("y1", p.From), sql.Named("y2", p.To)}
}

// packLimit bounds the ids the packed path can carry.
const packLimit = 1 << 21

// sums are the additive visit figures of one cell.
type sums struct {
	visits       int
	money, goods int64
}

// computer holds the state of one Compute.
type computer struct {
	ctx    context.Context
	tx     *sql.Tx
	period model.Period
	cats   catCache
	t      *model.Tally

	maxPerson, maxHousehold, maxVillage int64
	minEvent, maxEvent                  int64 // ids of the year's events (-1: none)
	packed                              bool  // ids fit the packed path
	keyIndex                            bool  // the schema has visits_tally (visits.go)

	// The people pass.
	roll                  []uint8  // roll flags by person id
	personCt              []uint32 // category buckets by person id, every live person (0: none or trashed)
	household             []int64  // household key by person id (model: the household, or −id alone)
	villages              map[int64][]int
	villageT              map[int64]int
	count, added, removed []int // by bucket
	stopped               []int // by bucket

	// side runs fn on a second transaction of the same snapshot as tx, and says whether
	// it could (nil: there is none).
	side func(fn func(tx *sql.Tx) error) (bool, error)
	read *visitsRead // the visits, read by readVisits (packed path)

	// The events pass.
	evByType    map[string]*model.EventRow
	nEvents     int // events of the period with a readable date
	itemsByType map[string]*itemSums

	// The visits pass.
	people, households *marks
	cells              [][4]sums // by slot (0 = all, 1+b = bucket b) and quarter

	// The duties (duties.go).
	duty      []uint8         // duty bits by person id
	contact   []uint16        // by person id: bit m−1 contacted in month m of the duty year, contactHome
	keyMonths int             // the 重点对象's rule of contact, in months (DutySettings.Key.ContactMonths)
	trashedHH map[int64]int64 // person id → their trashed household (the plaques still keep it)
	dutyRead  *dutyRecords
}

// sizes reads the largest ids (the dense slices' sizes) and what the schema offers.
func (c *computer) sizes() error {
	if !c.period.Valid() {
		return fmt.Errorf("tally: bad period %d–%d", c.period.From, c.period.To)
	}
	for _, q := range []struct {
		sql string
		dst *int64
	}{
		{"SELECT coalesce(max(id), 0) FROM people", &c.maxPerson},
		{"SELECT coalesce(max(id), 0) FROM households", &c.maxHousehold},
		{"SELECT coalesce(max(id), 0) FROM villages", &c.maxVillage},
	} {
		if err := c.tx.QueryRowContext(c.ctx, q.sql).Scan(q.dst); err != nil {
			return err
		}
	}
	c.packed = !rowByRow && c.maxPerson < packLimit && c.maxHousehold < packLimit && c.maxVillage < packLimit
	var n int
	if err := c.tx.QueryRowContext(c.ctx, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = ?", tallyIndex).Scan(&n); err != nil {
		return err
	}
	c.keyIndex = n > 0 && !noKeyIndex
	return nil
}

func (c *computer) run() error {
	if err := c.sizes(); err != nil {
		return err
	}

	// Reading the visits (the period's and the year before's: half the tally's time) needs
	// nothing from the other steps, and counting them needs the people pass: so with a
	// second transaction of the same snapshot the visits are read on it, on another core,
	// while this one reads the people and the events, and they are counted afterwards.
	settings, err := store.DutySettingsIn(c.ctx, c.tx)
	if err != nil {
		return err
	}
	c.keyMonths = settings.Key.ContactMonths
	type sideResult struct {
		read *visitsRead
		duty *dutyRecords
		ran  bool
		err  error
	}
	var side chan sideResult
	if c.packed && c.side != nil {
		side = make(chan sideResult, 1)
		go func() {
			var r sideResult
			r.ran, r.err = c.side(func(tx *sql.Tx) error {
				var err error
				if r.read, err = c.readVisits(tx); err != nil {
					return err
				}
				r.duty, err = readDutyRecords(c.ctx, tx, c.period, !c.keyIndex)
				return err
			})
			side <- r
		}()
	}
	keyPeople := func() error { return c.keyPeople(settings) }
	for _, step := range []func() error{c.roster, keyPeople, c.readHouseholds, c.villageRows, c.events, c.itemsAndSupport} {
		if err = step(); err != nil {
			break
		}
	}
	if side != nil {
		r := <-side // also on error: the second transaction ends before this one
		if onSide != nil {
			onSide(r.ran)
		}
		if err == nil && r.err != nil {
			err = r.err
		}
		c.read, c.dutyRead = r.read, r.duty
	}
	if err != nil {
		return err
	}
	if c.packed && c.read == nil {
		if c.read, err = c.readVisits(c.tx); err != nil {
			return err
		}
	}
	if c.dutyRead == nil {
		if c.dutyRead, err = readDutyRecords(c.ctx, c.tx, c.period, c.packed && !c.keyIndex); err != nil {
			return err
		}
	}
	for _, step := range []func() error{c.visits, c.previousVisits} {
		if err := step(); err != nil {
			return err
		}
	}
	if err := c.finishDuties(); err != nil {
		return err
	}
	c.eventRows()
	if !c.period.Single() {
		c.t.Previous = model.Headline{} // the roster pass counted the period before; a range is not compared
	}
	return nil
}

// packedInts calls fn with each integer of a comma-separated group_concat result. It is
// strconv.ParseInt without its generality: the values are plain decimal integers that SQL
// computed (a leading '-' at most), and there are hundreds of thousands of them.
func packedInts(s string, fn func(v int64)) error {
	for i := 0; i < len(s); {
		neg := s[i] == '-'
		if neg {
			i++
		}
		start := i
		var v int64
		for i < len(s) && s[i] != ',' {
			d := s[i] - '0'
			if d > 9 || i-start >= 18 {
				return fmt.Errorf("tally: bad packed value near %q", s[start:min(len(s), start+24)])
			}
			v = v*10 + int64(d)
			i++
		}
		if i == start {
			return fmt.Errorf("tally: empty packed value at %d", start)
		}
		if neg {
			v = -v
		}
		fn(v)
		i++ // the comma
	}
	return nil
}

// errMisaligned reports group_concat strings of one scan that disagree in length: a bug,
// never data.
var errMisaligned = fmt.Errorf("tally: packed columns of different lengths")

// bitset is a set of non-negative ids.
type bitset []uint64

func (b bitset) has(id int64) bool {
	w := int(id >> 6)
	return id >= 0 && w < len(b) && b[w]&(uint64(1)<<uint(id&63)) != 0
}

func (b *bitset) add(id int64) bool {
	if id < 0 {
		return false
	}
	w := int(id >> 6)
	if w >= len(*b) {
		n := make(bitset, w+1+w/4)
		copy(n, *b)
		*b = n
	}
	bit := uint64(1) << uint(id&63)
	if (*b)[w]&bit != 0 {
		return false
	}
	(*b)[w] |= bit
	return true
}
