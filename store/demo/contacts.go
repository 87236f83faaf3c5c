package demo

import (
	"math"
	"slices"

	"shuangyong/model"
)

// 常态化联系 of the 重点对象 (DOMAIN.md §3: contacted at least once a quarter), as a township
// that keeps to the county's rule records it, so that the tally's 完成率 looks like a real
// one rather than what random contacts give (about 7% of them in the current quarter):
//
//   - the festival rounds (春节 in the first quarter, 八一 in the third) reach most of the
//     重点对象 first (campaignEvent), as rounds do;
//   - every quarter the round did not cover, each village's cadres call (sometimes visit)
//     its 重点对象 not yet contacted, until 85–95% of those on the roll at the quarter's end
//     were — in the current quarter a share as far into the quarter as Today is, the calls
//     spread over the days passed. A village's calls of a quarter are one 走访慰问 event of
//     occasion 常态化 (「2026年第二季度常态化联系（李家村）」), as a round ticked off a roster
//     is: one row of the budget a call, not two.
//
// The 重点对象 are those of the default rule (model.DefaultDutySettings): the recipients of
// periodic payments as the record stands; the demo marks nobody by hand.
//
// No budget holds all of it: at 1.7–2 rows a person a year (the command's defaults and the
// county-sized benchmark file), a contact in every quarter for the half of the roll that
// is 重点 takes more than the whole budget. The calls take at most keyShare of it, in the
// order the tally shows periods — the quarters of the current year (its current one is the
// 统计 tab's first sight), then the fourth quarter of each earlier year (what a past year's
// tally counts), newest first, then the other quarters, newest first; the quarters beyond
// it keep what the rounds and the other contacts give.

// keyShare is the most of the budget (less the other events) the calls may take; the
// festival rounds shrink to make room (makePlan).
const keyShare = 0.35

// Shares of a quarter's 重点对象 contacted: a past quarter's between keyLo and keyHi
// (drawn per quarter), the current quarter's that times the share of it passed.
const (
	keyLo = 0.85
	keyHi = 0.95
)

// key reports whether p is 重点对象 under the default rule: on periodic payments (享受中) as
// the record stands (a 停发 person's subsidy status is no longer 享受中).
func (p *person) key() bool { return p.subsidyStatus == model.SubsidyReceiving }

// keyQuarter is a quarter of the data and the calls planned in it.
type keyQuarter struct {
	year, q     int
	first, last int // its first day, and its last day in the data (Today for the current one)
	end         int // its last day
	calls       int // calls planned (visits; the village events come on top)
	rows        int // rows planned: calls and an event per village
}

// quarterDays returns the first and the last day of quarter q of year y.
func quarterDays(y, q int) (first, last int) {
	first = dayOf(y, 3*q-2, 1)
	if q == 4 {
		return first, dayOf(y, 12, 31)
	}
	return first, dayOf(y, 3*q+1, 1) - 1
}

// planKeyCalls plans the calls of each quarter within rows (at most), in the order of the
// package comment, and returns them by year and quarter with the rows they take. A quarter
// of a festival round plans a small top-up (the round reaches the 重点对象 first).
func (g *gen) planKeyCalls(campaigns []*campaign, rows int) (map[[2]int]*keyQuarter, int) {
	plan := map[[2]int]*keyQuarter{}
	var keys []*person
	villages := make([]bool, len(g.villages))
	nVillages := 0
	for _, p := range g.people {
		if p.key() {
			keys = append(keys, p)
			if !villages[p.village] {
				villages[p.village] = true
				nVillages++
			}
		}
	}
	if len(keys) == 0 || rows <= 0 {
		return plan, 0
	}
	var current, fourth, rest []*keyQuarter
	for y := g.todayYear; y >= g.startYear; y-- {
		for q := 4; q >= 1; q-- {
			first, end := quarterDays(y, q)
			if first > g.today {
				continue
			}
			kq := &keyQuarter{year: y, q: q, first: max(first, g.start), last: min(end, g.today), end: end}
			live := 0
			for _, p := range keys {
				if p.liveOn(g, kq.last) {
					live++
				}
			}
			share := (keyLo + keyHi) / 2 * float64(kq.last-first+1) / float64(end-first+1)
			for _, c := range campaigns {
				if mid := (c.start + c.effEnd) / 2; mid >= first && mid <= end {
					share = 0.05 // the round's 重点对象 it missed
				}
			}
			kq.calls = int(math.Round(share * float64(live)))
			kq.rows = kq.calls + min(kq.calls, nVillages)
			switch {
			case y == g.todayYear:
				current = append(current, kq)
			case q == 4:
				fourth = append(fourth, kq)
			default:
				rest = append(rest, kq)
			}
		}
	}
	used := 0
	for _, kq := range slices.Concat(current, fourth, rest) {
		if used+kq.rows > rows {
			// What is left: calls with an event per village at most.
			left := rows - used
			kq.calls = max(0, min(kq.calls, left-min(left/2, nVillages)))
			kq.rows = kq.calls + min(kq.calls, nVillages)
		}
		if kq.calls == 0 {
			continue
		}
		plan[[2]int{kq.year, kq.q}] = kq
		used += kq.rows
	}
	return plan, used
}

// keyCalls makes year y's calls (after its festival rounds' visits vs, which count as
// contacts), newest quarter first, each quarter up to its share of the 重点对象 on the roll
// at its end and within the calls planned for the year. It returns the village events and
// their visits, and the rows planned but not used (for other contacts).
func (g *gen) keyCalls(y int, vs []*visit, plan map[[2]int]*keyQuarter) ([]*event, []*visit, int) {
	pool, rows := 0, 0
	for q := 1; q <= 4; q++ {
		if kq := plan[[2]int{y, q}]; kq != nil {
			pool += kq.calls
			rows += kq.rows
		}
	}
	if pool == 0 {
		return nil, nil, rows
	}
	// contacted: by person (id − 1), a bit for each quarter of y with a contact already.
	contacted := make([]uint8, len(g.people))
	for _, v := range vs {
		if _, m, _ := civil(v.day); v.p.key() {
			contacted[v.p.id-1] |= 1 << uint((m-1)/3)
		}
	}
	var evs []*event
	var out []*visit
	organiser := g.unitName(model.UnitGovernment, 1, "青山镇退役军人服务站")
	for q := 4; q >= 1 && pool > 0; q-- {
		kq := plan[[2]int{y, q}]
		if kq == nil {
			continue
		}
		var open []*person // on the roll at the quarter's end, not contacted in it
		live := 0
		for _, p := range g.people {
			if p.key() && p.liveOn(g, kq.last) {
				live++
				if contacted[p.id-1]&(1<<uint(q-1)) == 0 {
					open = append(open, p)
				}
			}
		}
		share := keyLo + (keyHi-keyLo)*g.r.Float64()
		share *= float64(kq.last-kq.first+1) / float64(kq.end-kq.first+1)
		n := min(pool, len(open), int(math.Round(share*float64(live)))-(live-len(open)))
		if n <= 0 {
			continue
		}
		pool -= n
		// n of them at random (a partial shuffle), then by village and id so that the
		// events come out in a stable order.
		for i := 0; i < n; i++ {
			j := i + g.r.IntN(len(open)-i)
			open[i], open[j] = open[j], open[i]
		}
		called := open[:n]
		slices.SortFunc(called, func(a, b *person) int {
			if a.village != b.village {
				return a.village - b.village
			}
			return int(a.id - b.id)
		})
		var ev *event
		village := -1
		for _, p := range called {
			if ev == nil || p.village != village {
				village = p.village
				name := g.villages[village].name
				ev = &event{day: kq.first, end: kq.end, typ: model.EventVisit, occasion: "routine",
					title: pad(y, 4) + "年" + model.QuarterLabel(q, model.Zh) + "常态化联系（" + name + "）",
					place: name, organiser: organiser, direction: model.DirToMilitary, note: "重点优抚对象每季度联系一次",
					created: g.stamp(kq.first), updated: g.stamp(kq.last)}
				evs = append(evs, ev)
			}
			v := &visit{ev: ev, p: p, day: between(g.r, max(kq.first, p.reg), kq.last), visitors: g.visitors(p)}
			switch n := g.r.IntN(100); {
			case n < 75:
				v.mode, v.condition = "phone", pick(g.r, phoneConditions)
				g.maybeNeed(v, 3)
			case n < 85:
				v.mode, v.condition = "wechat", pick(g.r, wechatConditions)
				g.maybeNeed(v, 3)
			default:
				v.mode, v.condition = "home", pick(g.r, visitConditions)
				g.maybeNeed(v, 8)
			}
			out = append(out, v)
		}
	}
	return evs, out, rows - len(evs) - len(out)
}
