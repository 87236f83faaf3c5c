// Package demo fills an empty ledger with realistic, reproducible demonstration data: a
// township's villages, units and 共建 pairings, a roster of 军属 and 优抚对象 in the mix of a
// real township roll-up, and years of events and visits ending today. It is what cadres
// see on the first run and what the benchmarks of SPEC.md §7 are measured on
// (`shuangyong demo --people 100000 --events 1000000`).
//
// The data is generated in Go and written with batched INSERTs in one bulk-load
// transaction; the same Options (seed, sizes, Today) give byte-identical rows.
package demo

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"shuangyong/model"
	"shuangyong/store"
)

// Defaults for the command line (`shuangyong demo` without --people, --events, --seed).
const (
	DefaultPeople = 3000
	DefaultEvents = 20000
	DefaultSeed   = 1
	// DataVersion changes whenever the generator makes different data from the same
	// options, so that cached demo files (store/demo/demofile) are made afresh.
	DataVersion = 6
)

// Limits beyond which a request is a slip (an extra zero) rather than a wish.
const (
	MaxPeople = 1_000_000
	MaxEvents = 20_000_000
)

// Options say how much to generate.
type Options struct {
	// People on the roster; at least 1 (DefaultPeople on the command line).
	People int
	// Events is the number of rows of events and visits together (SPEC.md §7 counts
	// "1 000 000 events/visits"); the result is within a few percent of it. 0 makes a
	// roster without any events.
	Events int
	// Seed selects the data; the same seed, sizes and Today give the same rows.
	Seed int64
	// Today is the last day of the data (callers pass time.Now(), tests a fixed date);
	// its calendar date in its own location is used. Zero means time.Now().
	Today time.Time
	// Progress, when set, is called now and then with the rows written so far and the
	// rows expected (people plus events plus visits).
	Progress func(done, total int)
}

// Stats counts what Generate wrote.
type Stats struct {
	Villages, Units, Pairings, People, Households, Events, Visits int
	Plaques, Confirmations                                        int // lines of the 光荣牌 register, 年度确认
	Elapsed                                                       time.Duration
}

// ErrNotEmpty is returned (wrapped, with what the file holds) when the ledger already
// has records: demo data is for a new file and must never mix with real records.
var ErrNotEmpty = errors.New("台账中已有数据，演示数据只能写入新的空文件（请用 --db 指定一个新文件）")

// ErrOptions is wrapped by the errors about Options (too few people, a negative count, a
// clock far off), so the command line can tell them from failures of the file.
var ErrOptions = errors.New("演示数据参数不对")

// gen is the state of one generation.
type gen struct {
	ctx   context.Context
	opt   Options
	r     *rand.Rand
	cal   *calendar
	years int

	today                           int // day number
	todaySec                        int // seconds into Today, for created_at stamps
	todayYear, todayMonth, todayDay int
	startYear, start                int

	villages                                []village
	villageCum                              []float64
	units                                   []unit
	unitIDs                                 map[string]int64
	unitContact                             map[string]string
	unitsByKind                             map[string][]int
	servingUnits, militaryUnits, localUnits []int
	pairings                                []pairing
	people                                  []*person
	households                              []household
	quota, made                             [nGroups]int // people per roster group: planned, generated so far

	idSeen, phoneSeen                        map[string]bool
	surnameTotal, minorityTotal, sourceTotal int

	cumAll          []int
	elderly, junsao []*person
	nextEvent       int64
	nextVisit       int64

	dr               *rand.Rand // the duties' own random source (duties.go)
	nextConfirmation int64
	lastAmounts      map[string]int64
	stats            Stats
	done, total      int
}

// Years returns how many calendar years of events a budget spreads over: enough that
// the festival campaigns reach most of the roster each year (about 1.6 visits per person
// per year take 85% of the budget), at least 1 and at most 6, the last one being the
// current, partial year. In January and February, when the current year has hardly
// begun, Generate reaches back one calendar year more.
func Years(people, events int) int {
	if people < 1 {
		return 1
	}
	y := int(math.Round(0.85 * float64(events) / (float64(people) * 1.6)))
	return max(1, min(6, y))
}

// Generate fills the empty ledger s with demonstration data in one bulk load: villages,
// units and pairings, the roster with households, events with their units and items,
// visits, and the settings (office, operator, default amounts). It refuses a ledger that
// already holds records (ErrNotEmpty).
func Generate(ctx context.Context, s *store.Store, opt Options) (Stats, error) {
	began := time.Now()
	switch {
	case opt.People < 1:
		return Stats{}, fmt.Errorf("%w：人数至少为 1（--people %d）", ErrOptions, opt.People)
	case opt.People > MaxPeople:
		return Stats{}, fmt.Errorf("%w：人数最多为 %d（--people %d）", ErrOptions, MaxPeople, opt.People)
	case opt.Events < 0:
		return Stats{}, fmt.Errorf("%w：活动和走访记录数不能为负数（--events %d）", ErrOptions, opt.Events)
	case opt.Events > MaxEvents:
		return Stats{}, fmt.Errorf("%w：活动和走访记录数最多为 %d（--events %d）", ErrOptions, MaxEvents, opt.Events)
	}
	if opt.Today.IsZero() {
		opt.Today = time.Now()
	}
	if y := opt.Today.Year(); y < 2015 || y > 2099 {
		// The roster's dates (the 2011 rural-veteran subsidy, the 2018 veteran census)
		// assume a present-day end; a clock this far off is a mistake.
		return Stats{}, fmt.Errorf("%w：截止日期 %s 不合理（应在 2015–2099 年之间），请检查电脑日期", ErrOptions, opt.Today.Format("2006-01-02"))
	}
	g := newGen(ctx, opt)
	summary := fmt.Sprintf("演示数据 %d 人、%d 条活动和走访记录（种子 %d）", opt.People, opt.Events, opt.Seed)
	err := s.BulkLoad(ctx, summary, func(tx *sql.Tx) error {
		if err := checkEmpty(ctx, tx); err != nil {
			return err
		}
		return g.run(tx)
	})
	if err != nil {
		return Stats{}, err
	}
	g.stats.Elapsed = time.Since(began)
	return g.stats, nil
}

// checkEmpty refuses a ledger with records in any table the demo writes.
func checkEmpty(ctx context.Context, tx *sql.Tx) error {
	for _, t := range []struct{ table, what string }{
		{"people", "人员"}, {"events", "活动"}, {"visits", "走访记录"}, {"units", "单位"},
		{"villages", "村（社区）"}, {"households", "户"},
	} {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM "+t.table).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("%w：已有 %d 条%s记录", ErrNotEmpty, n, t.what)
		}
	}
	return nil
}

func newGen(ctx context.Context, opt Options) *gen {
	y, m, d := opt.Today.Date()
	g := &gen{ctx: ctx, opt: opt,
		r:         rand.New(rand.NewPCG(uint64(opt.Seed), 0x5348554e47594f4e)), // "SHUNGYON"
		todayYear: y, todayMonth: int(m), todayDay: d,
		todaySec: opt.Today.Hour()*3600 + opt.Today.Minute()*60 + opt.Today.Second(),
		unitIDs:  map[string]int64{}, unitContact: map[string]string{}, unitsByKind: map[string][]int{},
		idSeen: map[string]bool{}, phoneSeen: map[string]bool{}, lastAmounts: map[string]int64{},
	}
	g.today = dayOf(y, int(m), d)
	g.years = Years(opt.People, opt.Events)
	g.startYear = y - g.years + 1
	if g.today < dayOf(y, 3, 1) {
		// In January and February the current year has hardly begun (its 春节 round may
		// not have started): the data reaches back one more year so it holds a whole one.
		g.startYear--
	}
	g.start = dayOf(g.startYear, 1, 1)
	g.cal = newCalendar(dayOf(1900, 1, 1), g.today+800)
	g.surnameTotal = totalWeight(surnames)
	g.minorityTotal = totalWeight(minorityEthnicities)
	g.sourceTotal = totalWeight(moneySources)
	return g
}

// villageCount is about one village per 250 people, a township's 15 at least (fewer for
// a handful of people) and at most 400.
func villageCount(people int) int {
	if people < 60 {
		return max(3, people/4)
	}
	return max(15, min(400, int(math.Round(float64(people)/250))))
}

func (g *gen) run(tx *sql.Tx) error {
	g.makeVillages(villageCount(g.opt.People))
	g.makeCadres()
	g.makeUnits()
	for _, u := range g.units {
		g.unitIDs[u.name] = u.id
		g.unitContact[u.name] = u.contactName
	}
	g.makePairings()
	g.makePeople()
	plaques := g.makePlaques()
	pl := g.makePlan()
	g.total = len(g.people) + g.opt.Events

	w := newWriters(g, tx)
	defer w.close()
	if err := w.static(g); err != nil {
		return err
	}
	if err := w.writePlaques(g, plaques); err != nil {
		return err
	}
	if err := g.makeEvents(pl, w); err != nil {
		return err
	}
	if err := g.writeSettings(tx); err != nil {
		return err
	}
	if g.opt.Progress != nil {
		g.opt.Progress(g.done, g.total)
	}
	return store.RefreshDerived(g.ctx, tx)
}

// progress counts written rows of people, events and visits and reports now and then.
func (g *gen) progress(n int) {
	before := g.done / 20000
	g.done += n
	if g.opt.Progress != nil && g.done/20000 != before {
		g.opt.Progress(g.done, g.total)
	}
}

// defaultAmounts are the usual 慰问金 per category (分), offered by W1 until a visit of
// the category has been recorded.
var defaultAmounts = map[string]int64{
	model.CatDisabledSoldier: 80000, model.CatDisabledMilitia: 50000, model.CatMartyrFamily: 100000,
	model.CatDutyDeathFamily: 100000, model.CatIllDeathFamily: 80000, model.CatDemobilized: 80000,
	model.CatSickReturned: 50000, model.CatWarVeteran: 50000, model.CatTestVeteran: 50000,
	model.CatRuralVeteran60: 30000, model.CatMartyrElderChild: 50000, model.CatRedArmy: 200000,
	model.CatServingFamily: 30000, model.CatVeteran: 20000, model.CatTransferredOfficer: 20000, model.CatOther: 20000,
}

// writeSettings stores the office, the operator, the default amounts and the amounts
// last given (a derived setting the store keeps per category), and marks the first-run
// questions answered, since the demo has answered them.
func (g *gen) writeSettings(tx *sql.Tx) error {
	amounts, err := json.Marshal(defaultAmounts) // map keys are sorted: stable text
	if err != nil {
		return err
	}
	last, err := json.Marshal(g.lastAmounts)
	if err != nil {
		return err
	}
	for _, kv := range [][2]string{
		{"office", officeName}, {"operator", operatorName}, {"default_amounts", string(amounts)},
		{"last_amounts", string(last)}, {"setup_done", "1"},
	} {
		if _, err := tx.ExecContext(g.ctx, `INSERT INTO settings(key, value) VALUES(?, ?)
			ON CONFLICT(key) DO UPDATE SET value = excluded.value`, kv[0], kv[1]); err != nil {
			return err
		}
	}
	return nil
}
