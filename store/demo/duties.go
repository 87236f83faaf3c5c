package demo

import (
	"math/rand/v2"

	"shuangyong/model"
)

// The recurring duties' records (issue 13), in a township's usual state of work:
//
//   - 光荣牌: of the households eligible today (a member on the roll with a category of
//     model.PlaqueCategory), about 87% have a plaque hung — recorded in the three weeks
//     before 八一 or 春节 of one of the last years, some of them replaced since —, 1–2% are
//     known hung only from the roster's 光荣牌 column, about 7% have none (待悬挂) and 4% are
//     to be replaced (待更换). Households whose veteran died have their plaque marked 不再更换
//     when one hung. The roster's 光荣牌 column says what hangs.
//   - 年度确认: about 95% of the periodic-subsidy recipients in past years and 90% in the
//     current one, mostly at a home visit of theirs that year (the confirmation carries the
//     visit, as a 年度确认 round's tick does), else on a day of the year at home, by video or
//     otherwise.
//   - 常态化联系: the 重点对象 contacted in 85–95% of the quarters the budget can hold, by the
//     festival rounds and by their village's calls (contacts.go).
//
// They draw from a random source of their own (seeded like the rest), so the other rows
// are those the same options gave before.

const (
	plaqueCols       = "id, household_key, person_id, state, date, note, visit_id, created_at, updated_at"
	confirmationCols = "id, person_id, date, method, confirmed_by, visit_id, note, created_at, updated_at"
)

// plaqueLine is one line of a household's register.
type plaqueLine struct {
	hk     int64
	person int64
	state  string
	day    int
}

// dutyRand is the duties' random source.
func (g *gen) dutyRand() *rand.Rand {
	if g.dr == nil {
		g.dr = rand.New(rand.NewPCG(uint64(g.opt.Seed), 0x4455544945530001)) // "DUTIES"
	}
	return g.dr
}

// dutyStamp is stamp on the duties' random source.
func (g *gen) dutyStamp(z int) string {
	z = min(z, g.today)
	sec := 8*3600 + 30*60 + g.dutyRand().IntN(9*3600)
	if z == g.today && sec > g.todaySec {
		sec = g.todaySec
	}
	return g.cal.ISO(z) + " " + pad(sec/3600, 2) + ":" + pad(sec/60%60, 2) + ":" + pad(sec%60, 2)
}

func plaqueEligible(p *person) bool {
	for _, c := range p.cats {
		if model.PlaqueCategory(c) {
			return true
		}
	}
	return false
}

// makePlaques decides each household's plaque, sets its members' 光荣牌 column to match,
// and returns the register's lines in household order. It runs before the roster is
// written.
func (g *gen) makePlaques() []plaqueLine {
	r := g.dutyRand()
	type hh struct {
		members []*person
	}
	var order []int64
	byKey := map[int64]*hh{}
	for _, p := range g.people {
		if !plaqueEligible(p) {
			continue
		}
		hk := p.household
		if hk == 0 {
			hk = -p.id
		}
		h := byKey[hk]
		if h == nil {
			h = &hh{}
			byKey[hk] = h
			order = append(order, hk)
		}
		h.members = append(h.members, p)
	}
	// hungBefore is a day in the three weeks before 八一 or 春节 of a recent year, not before
	// from (the household's first day on the roll) nor after until.
	hungBefore := func(from, until, oldest int) (int, bool) {
		var deadlines []int
		for y := g.todayYear - oldest; y <= g.todayYear; y++ {
			for _, d := range []int{springFestivalDay(y), dayOf(y, 8, 1)} {
				if d-1 >= from && d-21 <= until {
					deadlines = append(deadlines, d)
				}
			}
		}
		if len(deadlines) == 0 {
			return 0, false
		}
		d := deadlines[r.IntN(len(deadlines))]
		return min(until, max(from, between(r, d-21, d-1))), true
	}
	var lines []plaqueLine
	for _, hk := range order {
		h := byKey[hk]
		// The line is recorded at the member the lists name: the lowest id on the roll.
		rep, from, live := int64(0), g.today+1, false
		for _, p := range h.members {
			if (p.status == model.StatusActive || p.status == model.StatusStopped) && p.reg <= g.today {
				if !live || p.id < rep {
					rep = p.id
				}
				live = true
				from = min(from, p.reg)
			}
		}
		if !live {
			for _, p := range h.members {
				if rep == 0 || p.id < rep {
					rep = p.id
				}
				from = min(from, p.reg)
			}
		}
		setFlag := func(on bool) {
			for _, p := range h.members {
				p.plaque = on
			}
		}
		line := func(state string, day int) { lines = append(lines, plaqueLine{hk, rep, state, day}) }
		if !live {
			// The veteran died or the family moved away: a plaque that hung is not replaced.
			died := 0
			for _, p := range h.members {
				if p.status == model.StatusDead {
					died = max(died, p.statusDay)
				}
			}
			if died > from && r.IntN(100) < 60 {
				if day, ok := hungBefore(from, died-1, 8); ok {
					line(model.PlaqueHung, day)
					if died+30 <= g.today {
						line(model.PlaqueRetired, between(r, died+7, min(g.today, died+180)))
					}
				}
			}
			continue
		}
		n := r.IntN(1000)
		switch {
		case n < 875:
			day, ok := hungBefore(from, g.today, 5)
			if !ok {
				setFlag(false)
				continue
			}
			// An older plaque replaced since, now and then.
			if r.IntN(5) == 0 {
				if old, ok := hungBefore(from, day-200, 12); ok {
					line(model.PlaqueHung, old)
				}
			}
			line(model.PlaqueHung, day)
			setFlag(true)
		case n < 890:
			setFlag(true) // hung, known only from the roster's column
		case n < 960:
			setFlag(false) // 待悬挂
		default:
			old, ok := hungBefore(from, g.today-120, 12)
			if !ok {
				setFlag(false)
				continue
			}
			line(model.PlaqueHung, old)
			line(model.PlaqueReplace, between(r, max(old+90, g.today-400), g.today))
			setFlag(true)
		}
	}
	return lines
}

// writePlaques writes the register's lines (after the people they name).
func (w *writers) writePlaques(g *gen, lines []plaqueLine) error {
	for i, l := range lines {
		at := g.dutyStamp(l.day)
		if err := w.plaques.add(int64(i+1), l.hk, l.person, l.state, g.cal.ISO(l.day), "", nil, at, at); err != nil {
			return err
		}
	}
	g.stats.Plaques = len(lines)
	return nil
}

// writeConfirmations confirms year y's periodic-subsidy recipients, given the year's
// visits as written (with their ids), after them.
func (w *writers) writeConfirmations(g *gen, y int, vs []*visit) error {
	r := g.dutyRand()
	first, last := dayOf(y, 1, 1), min(g.today, dayOf(y, 12, 31))
	if last < first {
		return nil
	}
	share := 950
	if y == g.todayYear {
		share = 900
	}
	home := map[int64]*visit{} // the first home visit of each recipient in the year
	for _, v := range vs {
		if v.mode == "home" && v.p.subsidyStatus == model.SubsidyReceiving && home[v.p.id] == nil {
			home[v.p.id] = v
		}
	}
	for _, p := range g.people {
		if p.subsidyStatus != model.SubsidyReceiving || (p.subsidyFrom != 0 && p.subsidyFrom > y) {
			continue
		}
		lo, hi := max(first, p.reg), min(last, p.leave(g)-1)
		if hi < lo || r.IntN(1000) >= share {
			continue
		}
		by := p.cadre
		if by == "" {
			by = operatorName
		}
		var visit any
		method, day := model.ConfirmHome, between(r, lo, hi)
		if v := home[p.id]; v != nil && r.IntN(100) < 85 {
			day, visit = v.day, v.id
			if v.visitors != "" {
				by = v.visitors
			}
		} else if n := r.IntN(10); n >= 7 {
			method = model.ConfirmVideo
			if n == 9 {
				method = model.ConfirmOther
			}
		}
		g.nextConfirmation++
		at := g.dutyStamp(day)
		if err := w.confirmations.add(g.nextConfirmation, p.id, g.cal.ISO(day), method, by, visit, "", at, at); err != nil {
			return err
		}
	}
	g.stats.Confirmations = int(g.nextConfirmation)
	return nil
}
