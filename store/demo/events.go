package demo

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"shuangyong/model"
)

type event struct {
	id                     int64
	day, end               int // end 0: one day
	typ, occasion, title   string
	place, organiser, lead string
	direction              string
	participants, military int64
	money                  int64
	source                 string
	stdMoney, stdGoodsFen  int64
	stdGoods               string
	note                   string
	created, updated       string
	units                  []eventUnit
	items                  []item
	seq                    int // order of generation, to break ties between events of a day
}

type eventUnit struct {
	unit int64
	role string
}

type item struct {
	name, unit string
	qty        int64
}

type visit struct {
	id                    int64 // set when written
	ev                    *event
	p                     *person
	day                   int
	mode, visitors        string
	money, goodsFen       int64
	goods                 string
	condition, need, reso string
	resolved, followUp    int
	signed                bool
	note                  string
}

// campaign is a festival round (春节, 八一) that visits most of the roster with a standard
// amount, as in workflow W2.
type campaign struct {
	year, start, end, effEnd int // effEnd: the last day visited so far (Today for a round under way)
	occasion                 string
	eligible                 []*person
	planned                  int
}

// plan splits the budget (Options.Events = events + visits) between the festival
// campaigns, routine contacts (one event and one visit each) and other events.
type plan struct {
	other     int
	routine   int
	campaigns []*campaign
	keyCalls  map[[2]int]*keyQuarter // 常态化联系 of the 重点对象 by year and quarter (contacts.go)
}

func (g *gen) makePlan() plan {
	var pl plan
	budget := g.opt.Events
	if budget <= 0 {
		return pl
	}
	// Other events: what a township really holds — a few dozen a year, more with a bigger
	// roster (about 70 a year for 3 000 people) — and never more than 15% of the budget.
	years := g.todayYear - g.startYear + 1
	pl.other = min(int(math.Round(0.15*float64(budget))), years*(40+len(g.people)/100))
	for y := g.startYear; y <= g.todayYear; y++ {
		sf := springFestivalDay(y)
		for _, c := range []*campaign{
			{year: y, start: sf - 21, end: sf - 1, occasion: "spring_festival"},
			{year: y, start: dayOf(y, 7, 20), end: dayOf(y, 8, 6), occasion: "army_day"},
		} {
			if c.start > g.today {
				continue
			}
			c.effEnd = min(c.end, g.today)
			pl.campaigns = append(pl.campaigns, c)
		}
	}
	// A tiny budget keeps the newest campaigns it can afford (an event and a visit each).
	for len(pl.campaigns) > 0 && 2*len(pl.campaigns) > budget-pl.other {
		pl.campaigns = pl.campaigns[1:]
	}
	avail := budget - pl.other - len(pl.campaigns)
	total := 0
	for _, c := range pl.campaigns {
		for _, p := range g.people {
			if p.reg <= c.start && p.leave(g) > c.effEnd {
				c.eligible = append(c.eligible, p)
			}
		}
		done := float64(c.effEnd-c.start+1) / float64(c.end-c.start+1)
		coverage := 0.6 + 0.3*g.r.Float64()
		c.planned = int(math.Round(coverage * done * float64(len(c.eligible))))
		total += c.planned
	}
	// The calls to the 重点对象 (contacts.go) come first, then the campaigns; routine
	// contacts keep at least a small share so every kind of visit appears.
	var calls int
	// (A tiny budget keeps a visit for each campaign it could afford.)
	pl.keyCalls, calls = g.planKeyCalls(pl.campaigns, min(avail-len(pl.campaigns), int(keyShare*float64(budget-pl.other))))
	avail -= calls
	room := avail - int(math.Round(0.06*float64(budget-pl.other)))
	if total > room && total > 0 {
		scale := float64(max(room, 0)) / float64(total)
		total = 0
		for _, c := range pl.campaigns {
			c.planned = int(float64(c.planned) * scale)
			if c.planned == 0 && len(c.eligible) > 0 && room > 0 {
				c.planned = 1
			}
			total += c.planned
		}
	}
	left := avail - total
	pl.routine = left / 2
	pl.other += left % 2
	return pl
}

// yearDays returns how many days of year y lie in the data.
func (g *gen) yearDays(y int) int {
	return min(g.today, dayOf(y, 12, 31)) - dayOf(y, 1, 1) + 1
}

// liveCount counts the people on the roll on day z.
func (g *gen) liveCount(z int) int {
	n := 0
	for _, p := range g.people {
		if p.liveOn(g, z) {
			n++
		}
	}
	return n
}

// makeEvents generates and writes the events and visits, one year at a time (so that a
// county-sized file never holds more than a year of visits in memory), each year's rows in
// date order as a ledger filled over the year would have them.
func (g *gen) makeEvents(pl plan, w *writers) error {
	years := g.todayYear - g.startYear + 1
	dayW := make([]float64, years)
	liveW := make([]float64, years)
	for i := range years {
		y := g.startYear + i
		dayW[i] = float64(g.yearDays(y))
		mid := dayOf(y, 1, 1) + g.yearDays(y)/2
		liveW[i] = dayW[i] * float64(max(1, g.liveCount(mid)))
	}
	routineByYear := apportion(pl.routine, liveW)

	// Other events: every type at least once when the budget allows, the rest by weight;
	// each type's events spread over the years by their days.
	tw := make([]float64, len(typeWeights))
	for i, t := range typeWeights {
		tw[i] = t.w
	}
	perType := make([]int, len(typeWeights))
	if pl.other >= len(typeWeights) {
		for i := range perType {
			perType[i] = 1
		}
		for i, n := range apportion(pl.other-len(typeWeights), tw) {
			perType[i] += n
		}
	} else {
		perType = apportion(pl.other, tw)
	}
	otherByYear := make([][]int, years) // [year][type]
	for i := range otherByYear {
		otherByYear[i] = make([]int, len(typeWeights))
	}
	for t, n := range perType {
		for i, k := range apportion(n, dayW) {
			otherByYear[i][t] = k
		}
	}

	g.buildSamplers()
	for i := range years {
		y := g.startYear + i
		var evs []*event
		var vs []*visit
		for _, c := range pl.campaigns {
			if c.year == y {
				ev, cvs := g.campaignEvent(c)
				evs = append(evs, ev)
				vs = append(vs, cvs...)
			}
		}
		for t, n := range otherByYear[i] {
			for range n {
				evs = append(evs, g.otherEvent(typeWeights[t].typ, y))
			}
		}
		// The calls to the 重点对象 where the rounds did not reach them; the rows planned
		// for calls that were not needed go to other contacts (two rows each).
		kevs, kvs, unused := g.keyCalls(y, vs, pl.keyCalls)
		evs, vs = append(evs, kevs...), append(vs, kvs...)
		for range routineByYear[i] + max(unused, 0)/2 {
			ev, v := g.routineVisit(y)
			if ev != nil {
				evs = append(evs, ev)
				vs = append(vs, v)
			}
		}
		for k, ev := range evs {
			ev.seq = k
		}
		slices.SortFunc(evs, func(a, b *event) int {
			return cmp.Or(cmp.Compare(a.day, b.day), cmp.Compare(a.seq, b.seq))
		})
		for _, ev := range evs {
			g.nextEvent++
			ev.id = g.nextEvent
		}
		slices.SortFunc(vs, func(a, b *visit) int {
			return cmp.Or(cmp.Compare(a.day, b.day), cmp.Compare(a.ev.id, b.ev.id), cmp.Compare(a.p.id, b.p.id))
		})
		if err := w.writeEvents(g, evs); err != nil {
			return err
		}
		if err := w.writeVisits(g, vs); err != nil {
			return err
		}
		if err := w.writeConfirmations(g, y, vs); err != nil {
			return err
		}
		if err := g.ctx.Err(); err != nil {
			return err
		}
	}
	return nil
}

// standard amounts of the festival rounds, rising a little each year as budgets do.
func campaignStandard(occasion string, y int) (money int64, goods string, goodsFen int64) {
	step := int64(max(0, min(8, y-2019)))
	if occasion == "spring_festival" {
		return 30000 + 2000*step, "米一袋、油一桶", 10000
	}
	return 20000 + 2000*step, "牛奶一箱、水果一箱", 8000
}

// campaignEvent makes a festival round and its visits: the people reached are drawn with
// the 重点优抚对象 first (most of them for certain, then weighted sampling without
// replacement), on days through the round.
func (g *gen) campaignEvent(c *campaign) (*event, []*visit) {
	std, goods, goodsFen := campaignStandard(c.occasion, c.year)
	ev := &event{day: c.start, end: c.end, typ: model.EventVisit, occasion: c.occasion, direction: model.DirToMilitary,
		place: "各村（社区）", lead: leaders[0], source: "财政拨款", stdMoney: std, stdGoods: goods, stdGoodsFen: goodsFen}
	if c.occasion == "spring_festival" {
		ev.title = pad(c.year, 4) + "年春节走访慰问"
	} else {
		ev.title = pad(c.year, 4) + "年“八一”走访慰问"
	}
	ev.organiser = g.unitName(model.UnitGovernment, 2, "青山镇双拥工作领导小组办公室")
	ev.units = g.eventUnits(ev.organiser, []unitRole{{model.UnitPAFD, "cohost", 100}, {model.UnitGovernment, "cohost", 100}})
	if c.effEnd == c.end {
		ev.note = "发放清单已报县退役军人事务局"
	} else {
		ev.note = "走访进行中"
	}
	ev.created = g.stamp(c.start - 3)

	// Efraimidis–Spirakis: the planned number with the largest u^(1/w).
	type keyed struct {
		k float64
		p *person
	}
	// The round reaches most of the 重点对象 first (a share drawn for the round): their
	// weight makes their keys nearly 0, above everyone else's (contacts.go).
	reach := keyLo + (keyHi-keyLo)*g.r.Float64()
	ks := make([]keyed, len(c.eligible))
	for i, p := range c.eligible {
		w := float64(p.priority)
		if p.key() && g.r.Float64() < reach {
			w *= 1e9
		}
		ks[i] = keyed{math.Log(g.r.Float64()+1e-300) / w, p}
	}
	slices.SortFunc(ks, func(a, b keyed) int {
		return cmp.Or(cmp.Compare(b.k, a.k), cmp.Compare(a.p.id, b.p.id))
	})
	n := min(c.planned, len(ks))
	vs := make([]*visit, 0, n)
	for _, k := range ks[:n] {
		p := k.p
		v := &visit{ev: ev, p: p, day: between(g.r, c.start, c.effEnd), money: std, goods: goods, goodsFen: goodsFen}
		v.mode = "home"
		if g.r.IntN(5) == 0 {
			v.mode = "gathering"
		}
		switch {
		case p.priority >= 4 && (p.disGrade >= 1 && p.disGrade <= 4 || isSurvivor(p)):
			v.money = 2 * std // 一至四级 disabled and 三属 receive the higher standard
		case p.priority < 4:
			v.money = std / 2 // families of serving members and veterans: half, with the goods
		}
		v.visitors = g.visitors(p)
		if g.r.IntN(10) < 6 {
			v.condition = pick(g.r, visitConditions)
		}
		g.maybeNeed(v, 5)
		v.signed = g.r.IntN(100) < 97
		if v.signed && p.age(g) >= 80 && g.r.IntN(4) == 0 {
			v.note = "家属代签"
		}
		vs = append(vs, v)
	}
	// No participants or money on the campaign itself: a user ticks people off and the
	// tally takes a 走访慰问 event's figures from its visits (DOMAIN.md §4, rule 2); totals
	// typed here would hide a tally that read them.
	ev.updated = g.stamp(c.effEnd + 1) // the tick-off of the last visit touched the round
	return ev, vs
}

func isSurvivor(p *person) bool {
	for _, c := range p.cats {
		if model.IsSurvivor(c) {
			return true
		}
	}
	return false
}

// maybeNeed gives a visit a need (困难诉求) with the given chance in percent; most are
// resolved within weeks, the newest are still open and carry a follow-up date.
func (g *gen) maybeNeed(v *visit, percent int) {
	if g.r.IntN(100) >= percent {
		return
	}
	n := pick(g.r, needs)
	v.need = n.need
	done := v.day + 3 + g.r.IntN(58)
	if done <= g.today && g.r.IntN(100) < 90 {
		v.reso, v.resolved = n.resolution, done
		return
	}
	v.followUp = v.day + 30 + g.r.IntN(31)
}

// visitors names who went: the person's pairing cadre, with a township leader or
// another village cadre.
func (g *gen) visitors(p *person) string {
	var names []string
	if p.cadre != "" {
		names = append(names, p.cadre)
	}
	if c := g.villages[p.village].cadres; len(c) > 0 && g.r.IntN(2) == 0 {
		if x := pick(g.r, c); x != p.cadre {
			names = append(names, x)
		}
	}
	if len(names) == 0 || g.r.IntN(4) == 0 {
		names = append(names, pick(g.r, leaders))
	}
	return strings.Join(names, "、")
}

// unitName returns the name of the i-th unit of a kind, or fallback.
func (g *gen) unitName(kind string, i int, fallback string) string {
	us := g.unitsByKind[kind]
	if i < len(us) {
		return g.units[us[i]].name
	}
	if len(us) > 0 {
		return g.units[us[0]].name
	}
	return fallback
}

// eventUnits lists the host (the organiser, when it is a registered unit) and the units
// taking part, each unit and role once.
func (g *gen) eventUnits(organiser string, with []unitRole) []eventUnit {
	var out []eventUnit
	seen := map[int64]bool{}
	if id, ok := g.unitIDs[organiser]; ok {
		out = append(out, eventUnit{id, "host"})
		seen[id] = true
	}
	for _, w := range with {
		us := g.unitsByKind[w.kind]
		if len(us) == 0 || g.r.IntN(100) >= w.chance {
			continue
		}
		id := g.units[pick(g.r, us)].id
		if seen[id] {
			continue
		}
		seen[id] = true
		out = append(out, eventUnit{id, w.role})
	}
	return out
}

// otherEvent makes one event of a type other than visits in year y, on a day of one of
// its months that lies in the data.
func (g *gen) otherEvent(typ string, y int) *event {
	ts := templates[typ]
	lastMonth := 12
	if y == g.todayYear {
		lastMonth = g.todayMonth
	}
	fits := func(t eventTemplate) []int {
		if t.months == nil {
			ms := make([]int, lastMonth)
			for i := range ms {
				ms[i] = i + 1
			}
			return ms
		}
		var ms []int
		for _, m := range t.months {
			if m <= lastMonth {
				ms = append(ms, m)
			}
		}
		return ms
	}
	t := pick(g.r, ts)
	months := fits(t)
	for tries := 0; len(months) == 0 && tries < 20; tries++ {
		t = pick(g.r, ts)
		months = fits(t)
	}
	if len(months) == 0 {
		months = []int{1 + g.r.IntN(lastMonth)}
	}
	m := pick(g.r, months)
	first := dayOf(y, m, 1)
	last := min(dayOf(y, m+1, 1)-1, g.today)
	day := between(g.r, first, last)

	vi := g.pickVillage()
	fill := func(s string) string {
		s = strings.ReplaceAll(s, "{y}", pad(y, 4))
		return strings.ReplaceAll(s, "{v}", g.villages[vi].name)
	}
	ev := &event{day: day, typ: typ, occasion: t.occasion, title: fill(t.title), place: fill(t.place),
		direction: model.DefaultDirection(typ)}
	if t.days > 0 {
		ev.end = min(day+1+g.r.IntN(t.days), g.today)
		if ev.end == day {
			ev.end = 0
		}
	}
	// The organiser: a registered unit of the template's kind (the village's own committee
	// when there is one).
	org := ""
	if t.organiser == model.UnitVillage {
		for _, ui := range g.unitsByKind[model.UnitVillage] {
			if g.units[ui].village == vi {
				org = g.units[ui].name
				break
			}
		}
		if org == "" {
			org = g.villages[vi].name + "村民委员会" // not registered as a unit: text only
			if g.villages[vi].community {
				org = g.villages[vi].name + "居民委员会"
			}
		}
	} else if us := g.unitsByKind[t.organiser]; len(us) > 0 {
		org = g.units[pick(g.r, us)].name
	}
	ev.organiser = org
	ev.units = g.eventUnits(org, t.with)
	if model.SideOf(t.organiser) == model.SideMilitary && t.organiser != model.UnitPAFD {
		if c := g.unitContact[org]; c != "" {
			ev.lead = c
		}
	} else {
		ev.lead = pick(g.r, leaders)
	}
	lo, hi := t.people[0], t.people[1]
	ev.participants = int64(between(g.r, lo, hi))
	if t.military[1] > 0 {
		share := t.military[0] + (t.military[1]-t.military[0])*g.r.Float64()
		ev.military = min(ev.participants, int64(math.Round(share*float64(ev.participants))))
	}
	if t.yuan[1] > 0 {
		yuan := between(g.r, t.yuan[0]/100, t.yuan[1]/100) * 100
		ev.money = int64(yuan) * 100
		if ev.money > 0 {
			ev.source = pickWeighted(g.r, moneySources, g.sourceTotal)
		}
	}
	for _, is := range t.items {
		if g.r.IntN(100) >= is.chance {
			continue
		}
		q := is.lo + g.r.Int64N(is.hi-is.lo+1)
		ev.items = append(ev.items, item{name: is.name, unit: is.unit, qty: q})
	}
	if g.r.IntN(4) == 0 {
		ev.note = pick(g.r, eventNotes)
	}
	ev.created = g.stamp(max(day, ev.end) + g.r.IntN(4))
	return ev
}

// Kinds of routine contact (常态化联系 and visits for a reason), with their weights.
const (
	rkPhone = iota
	rkWechat
	rkHome
	rkHospital
	rkCrisis
	rkMidAutumn
	rkDoubleNinth
	rkWomensDay
	nRoutineKinds
)

var routineWeights = [nRoutineKinds]int{38, 14, 20, 9, 2, 7, 7, 3}

var phoneConditions = []string{"电话联系，身体状况良好", "电话了解近况，无特殊困难", "电话回访，生活稳定", "电话联系，告知优待政策"}
var wechatConditions = []string{"微信视频联系，了解军人在部队情况", "微信联系，家中一切正常", "微信了解近况，转发优待政策", "微信联系，对工作表示满意"}

// buildSamplers prepares the weighted draw of people for routine contacts: everyone by
// priority, the elderly (重阳), and the mothers and wives of serving members (三八).
func (g *gen) buildSamplers() {
	g.cumAll = make([]int, len(g.people))
	sum := 0
	for i, p := range g.people {
		sum += p.priority
		g.cumAll[i] = sum
		if p.age(g) >= 60 {
			g.elderly = append(g.elderly, p)
		}
		if p.has(model.CatServingFamily) && p.sex == "F" && (p.relation == "spouse" || p.relation == "mother") {
			g.junsao = append(g.junsao, p)
		}
	}
}

// drawPerson picks someone on the roll on day z: from list when given, else by priority.
func (g *gen) drawPerson(z int, list []*person) *person {
	for tries := 0; tries < 60; tries++ {
		var p *person
		if list != nil {
			if len(list) == 0 {
				return nil
			}
			p = pick(g.r, list)
		} else {
			x := g.r.IntN(g.cumAll[len(g.cumAll)-1])
			i, _ := slices.BinarySearch(g.cumAll, x+1)
			p = g.people[i]
		}
		if p.liveOn(g, z) {
			return p
		}
	}
	return nil
}

// routineVisit makes one contact of year y as the program records it (workflow W1):
// an event of type 走访慰问 with one visit.
func (g *gen) routineVisit(y int) (*event, *visit) {
	first := dayOf(y, 1, 1)
	last := min(dayOf(y, 12, 31), g.today)
	for attempt := 0; attempt < 20; attempt++ {
		kind := g.routineKind()
		lo, hi := first, last
		var list []*person
		occasion := "routine"
		switch kind {
		case rkHospital:
			occasion = "hospital"
		case rkCrisis:
			occasion = "crisis"
		case rkMidAutumn:
			ma := midAutumnDay(y)
			lo, hi, occasion = ma-7, ma, "mid_autumn"
		case rkDoubleNinth:
			dn := midAutumnDay(y) + 23
			lo, hi, occasion, list = dn-5, dn+1, "double_ninth", g.elderly
		case rkWomensDay:
			lo, hi, occasion, list = dayOf(y, 3, 1), dayOf(y, 3, 8), "womens_day", g.junsao
		}
		hi = min(hi, last)
		if lo > hi {
			continue
		}
		day := between(g.r, lo, hi)
		p := g.drawPerson(day, list)
		if p == nil {
			continue
		}
		v := &visit{p: p, day: day, visitors: g.visitors(p)}
		switch kind {
		case rkPhone:
			v.mode, v.condition = "phone", pick(g.r, phoneConditions)
			g.maybeNeed(v, 3)
		case rkWechat:
			v.mode, v.condition = "wechat", pick(g.r, wechatConditions)
			g.maybeNeed(v, 3)
		case rkHome:
			v.mode = "home"
			v.condition = pick(g.r, visitConditions)
			if g.r.IntN(10) < 3 {
				v.goods, v.goodsFen = "慰问品", int64(50+g.r.IntN(6)*10)*100
			}
			g.maybeNeed(v, 8)
		case rkHospital:
			v.mode = "home"
			v.condition = "在" + pick(g.r, hospitals) + "住院治疗，病情稳定"
			v.money = pick(g.r, []int64{50000, 80000, 100000, 100000, 200000})
			if g.r.IntN(2) == 0 {
				v.goods, v.goodsFen = "牛奶、水果", 10000
			}
			if g.r.IntN(10) < 3 {
				v.followUp = day + 14 + g.r.IntN(17)
			}
			g.maybeNeed(v, 10)
		case rkCrisis:
			v.mode = "home"
			v.condition = pick(g.r, crises)
			v.money = int64(2000+g.r.IntN(31)*100) * 100
			if g.r.IntN(100) < 40 {
				v.need = "申请临时救助"
				if done := day + 5 + g.r.IntN(20); done <= g.today {
					v.reso, v.resolved = "已发放临时救助金", done
				} else {
					v.followUp = day + 30
				}
			}
		case rkMidAutumn:
			v.mode, v.goods, v.goodsFen = "home", "月饼一盒", 8000
			if g.r.IntN(10) < 3 {
				v.money = 20000
			}
			v.condition = pick(g.r, visitConditions)
		case rkDoubleNinth:
			v.mode, v.goods, v.goodsFen = "home", "重阳糕、牛奶", 6000
			if g.r.IntN(10) < 3 {
				v.money = 20000
			}
			v.condition = pick(g.r, visitConditions)
		case rkWomensDay:
			v.mode, v.goods, v.goodsFen = "home", "鲜花、慰问品", 10000
			v.condition = "军嫂一人照顾老人孩子，较辛苦"
			if g.r.IntN(2) == 0 {
				v.condition = pick(g.r, visitConditions)
			}
		}
		v.signed = v.money > 0 && g.r.IntN(100) < 95 || v.money == 0 && v.goodsFen > 0 && g.r.IntN(2) == 0
		place := ""
		switch {
		case kind == rkHospital:
			place = strings.TrimPrefix(strings.SplitN(v.condition, "住院", 2)[0], "在")
		case v.mode == "home":
			place = g.villages[p.village].name
		}
		ev := &event{day: day, typ: model.EventVisit, occasion: occasion, title: model.EventTypes.Label(model.EventVisit, model.Zh) + " " + p.name,
			place: place, organiser: g.unitName(model.UnitGovernment, 1, "青山镇退役军人服务站"), direction: model.DirToMilitary}
		if v.money+v.goodsFen > 0 {
			ev.source = "财政拨款" // the figures are the visit's (rule 2); where the money came from is the event's
		}
		ev.created = g.stamp(day + g.r.IntN(3))
		v.ev = ev
		return ev, v
	}
	return nil, nil
}

func (g *gen) routineKind() int {
	t := 0
	for _, w := range routineWeights {
		t += w
	}
	n := g.r.IntN(t)
	for k, w := range routineWeights {
		if n < w {
			return k
		}
		n -= w
	}
	return rkPhone
}
