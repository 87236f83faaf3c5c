package demo

import (
	"strings"

	"shuangyong/model"
)

// person is one roster row while it is being made, with what the event generator needs
// to know about it (when it may be visited, how much it is a priority).
type person struct {
	id               int64
	surname, given   string
	name             string
	sex, ethnicity   string
	birth            int
	idNumber         string
	phones           string
	contactNote      string
	village          int
	household        int64
	address, hukou   string
	cats             []string
	catStr           string
	categoryOther    string
	disNature        string
	disGrade         int
	disCert          string
	martyrRelation   string
	martyrName       string
	relation         string
	servicemanName   string
	rank             string
	serviceStatus    string
	serviceUnitID    int64
	serviceUnit      string
	enlisted         string
	discharged       string
	subsidyStatus    string
	subsidyFrom      int
	subsidyTo        int
	cadre            string
	selfCare         string
	assistance       string
	livesAlone       bool
	health           string
	conditions       string
	plaque, card     bool
	status           string
	statusDay        int
	reg              int
	note             string
	updated          int // day of the last change to the record
	priority         int // weight in campaigns and routine contacts
	keepComplete     bool
	noRename         bool // surname tied to others' names (family, martyr): keep it
}

// leave is the first day the person may no longer be visited (death, moving out), or a
// day after every date of the data.
func (p *person) leave(g *gen) int {
	if p.status == model.StatusDead || p.status == model.StatusMovedOut {
		return p.statusDay
	}
	return g.today + 1
}

// liveOn reports whether the person is on the roll on day z and may be visited.
func (p *person) liveOn(g *gen, z int) bool { return p.reg <= z && z < p.leave(g) }

func (p *person) age(g *gen) int {
	y, m, d := civil(p.birth)
	a := g.todayYear - y
	if g.todayMonth < m || (g.todayMonth == m && g.todayDay < d) {
		a--
	}
	return a
}

func (p *person) has(cat string) bool {
	for _, c := range p.cats {
		if c == cat {
			return true
		}
	}
	return false
}

// Roster groups: each person is generated as one of these, most with one category.
const (
	grpMartyr = iota
	grpDutyDeath
	grpIllDeath
	grpDemobilized
	grpSick
	grpRural60
	grpWar
	grpTest
	grpDisabled
	grpServing
	grpVeteran
	grpTransferred
	grpMilitia
	grpElderChild
	grpOther
	grpRedArmy
	nGroups
)

// groupShare is each group's share of the roster, per 100 000. The first nine follow the
// township roll-up quoted in DOMAIN.md §1 (烈士遗属1 因公2 病故2 在乡复员14 带病回乡6 农村籍
// 退役老兵188 参战14 参试13 伤残军人22, of 262) scaled to 57% of the roster; the rest are
// the families of serving members (25%), veterans (15%) and a few rarer categories.
var groupShare = [nGroups]float64{
	grpMartyr: 218, grpDutyDeath: 435, grpIllDeath: 435, grpDemobilized: 3046, grpSick: 1305,
	grpRural60: 40901, grpWar: 3046, grpTest: 2828, grpDisabled: 4786,
	grpServing: 25000, grpVeteran: 15000, grpTransferred: 800, grpMilitia: 400, grpElderChild: 600,
	grpOther: 600, grpRedArmy: 2,
}

var regFloor = dayOf(2004, 1, 1) // the oldest roster entries were typed in from the 2004 paper roll

func (g *gen) surname() string { return pickWeighted(g.r, surnames, g.surnameTotal) }

// chineseName makes a name of the given surname for someone born in year.
func (g *gen) chineseName(surname, sex string, year int) string {
	return surname + g.givenName(sex, year)
}

func (g *gen) givenName(sex string, year int) string {
	var pool []string
	switch {
	case year < 1960:
		pool = givenOldM
		if sex == "F" {
			pool = givenOldF
		}
	case year < 1986:
		pool = givenMidM
		if sex == "F" {
			pool = givenMidF
		}
	case year < 2010:
		pool = givenYoungM
		if sex == "F" {
			pool = givenYoungF
		}
	default:
		pool = givenChildM
		if sex == "F" {
			pool = givenChildF
		}
	}
	given := pick(g.r, pool)
	// One-character names are common; sometimes a generation character makes a second.
	if len([]rune(given)) == 1 && year < 2010 && g.r.IntN(3) == 0 {
		given = pick(g.r, []string{"国", "建", "文", "志", "德", "永", "小", "春", "海", "立"}) + given
	}
	return given
}

// birthAged returns a birth day for someone aged lo..hi (inclusive) at Today.
func (g *gen) birthAged(lo, hi int) int {
	first := dayOf(g.todayYear-hi-1, g.todayMonth, g.todayDay) + 1
	last := dayOf(g.todayYear-lo, g.todayMonth, g.todayDay)
	return between(g.r, first, last)
}

// birthBetween returns a birth day in the years lo..hi.
func (g *gen) birthBetween(lo, hi int) int {
	return between(g.r, dayOf(lo, 1, 1), min(dayOf(hi, 12, 31), g.today-1))
}

// idNumber makes a valid, unique 18-digit number for the birth day and sex: the county's
// address code (sometimes a neighbouring one), the birth date, a sequence whose last
// digit is odd for men and even for women, and the GB 11643 check digit.
func (g *gen) idNumber(birth int, sex string) string {
	y, m, d := civil(birth)
	date := pad(y, 4) + pad(m, 2) + pad(d, 2)
	for {
		area := homeCounty
		if g.r.IntN(100) < 7 {
			area = pick(g.r, otherCounties)
		}
		seq := g.r.IntN(100)*10 + 2*g.r.IntN(5)
		if sex == "M" {
			seq++
		}
		first17 := area + date + pad(seq, 3)
		id := first17 + string(model.IDCheckDigit(first17))
		if !g.idSeen[id] {
			g.idSeen[id] = true
			return id
		}
	}
}

func (g *gen) mobile() string {
	for {
		n := pick(g.r, mobilePrefixes) + pad(g.r.IntN(100000000), 8)
		if !g.phoneSeen[n] {
			g.phoneSeen[n] = true
			return n
		}
	}
}

func (g *gen) landline() string {
	for {
		n := areaCode + "-" + pad(2+g.r.IntN(7), 1) + pad(g.r.IntN(1000000), 6)
		if !g.phoneSeen[n] {
			g.phoneSeen[n] = true
			return n
		}
	}
}

// newPerson starts a person of the given sex and birth day in a village, with the
// fields every record has.
func (g *gen) newPerson(surname, sex string, birth, vi int) *person {
	y, _, _ := civil(birth)
	p := &person{surname: surname, sex: sex, birth: birth, village: vi, ethnicity: "汉族", hukou: "rural", status: model.StatusActive}
	p.given = g.givenName(sex, y)
	p.name = p.surname + p.given
	if g.r.IntN(100) < 4 {
		p.ethnicity = pickWeighted(g.r, minorityEthnicities, g.minorityTotal)
	}
	p.idNumber = g.idNumber(birth, sex)
	p.address = g.address(vi)
	if c := g.villages[vi].cadres; len(c) > 0 && g.r.IntN(100) < 95 {
		p.cadre = pick(g.r, c)
	}
	return p
}

// finish fills what depends on age and category once the person is complete: phones,
// living conditions, subsidy, status, priority.
func (g *gen) finish(p *person) {
	age := p.age(g)
	switch {
	case age < 16:
		// Children have no phone of their own: the family's number is on the parent's record.
	case age >= 75:
		switch n := g.r.IntN(100); {
		case n < 30:
			p.phones = g.landline()
		case n < 80:
			rel := pick(g.r, contactRelations)
			sex := "M"
			if rel == "女儿" || rel == "儿媳" {
				sex = "F"
			}
			p.phones = g.mobile()
			p.contactNote = rel + " " + g.chineseName(p.surname, sex, g.todayYear-age+25) + "代接"
		default:
			p.phones = g.mobile()
		}
		if g.r.IntN(10) == 0 {
			p.phones += " " + g.mobile()
		}
	default:
		p.phones = g.mobile()
		switch n := g.r.IntN(100); {
		case n < 5:
			p.phones += " " + g.mobile()
		case n < 9:
			p.phones += " " + g.landline()
		case n < 12 && age > 55:
			p.phones = g.landline()
		}
	}

	switch {
	case age >= 85:
		p.selfCare = pick(g.r, []string{"full", "partial", "partial", "none"})
	case age >= 70:
		p.selfCare = pick(g.r, []string{"full", "full", "full", "full", "partial"})
	case age >= 16:
		p.selfCare = "full"
	}
	if age >= 16 {
		p.assistance = "none"
		switch n := g.r.IntN(100); {
		case n < 7:
			p.assistance = "dibao"
		case n < 9 && age >= 60:
			p.assistance = "tekun"
		}
	}
	if age >= 60 {
		p.health = pick(g.r, healthOld)
		p.livesAlone = p.household == 0 && g.r.IntN(5) == 0
	} else if age >= 16 {
		p.health = pick(g.r, healthYoung)
	}
	if age >= 16 && g.r.IntN(3) > 0 {
		p.conditions = pick(g.r, conditionsText)
		if p.livesAlone {
			p.conditions = "独居，子女在外务工"
		}
	}

	// Periodic payments (定期抚恤补助) for the 重点优抚对象, from the year the policy or
	// their registration began.
	policy := 0
	for _, c := range p.cats {
		switch c {
		case model.CatWarVeteran, model.CatTestVeteran:
			policy = max(policy, 2007)
		case model.CatRuralVeteran60:
			y, _, _ := civil(p.birth)
			policy = max(policy, 2011, y+60)
		case model.CatDisabledSoldier, model.CatDisabledMilitia, model.CatMartyrFamily, model.CatDutyDeathFamily,
			model.CatIllDeathFamily, model.CatDemobilized, model.CatSickReturned, model.CatMartyrElderChild, model.CatRedArmy:
			policy = max(policy, 2004)
		}
	}
	if p.disNature == model.NatureIllness && p.disGrade >= 7 && !p.has(model.CatWarVeteran) {
		policy = 0 // 因病七级–十级: a valid record with no periodic pension (条例 第二十七条)
	}
	ry, _, _ := civil(p.reg)
	switch {
	case policy > 0:
		p.subsidyStatus = "receiving"
		p.subsidyFrom = max(policy, ry)
		p.priority = 4
		if g.r.IntN(3) == 0 {
			p.note = pad(g.todayYear-1, 4) + "年度确认已完成"
		}
	case p.has(model.CatServingFamily):
		p.subsidyStatus = "none"
		p.priority = 2
	default:
		p.subsidyStatus = "none"
		p.priority = 1
	}

	// Status: deaths among the very old, some moving away, a few payments suspended.
	p.updated = p.reg
	if p.reg < g.today-60 && p.keepComplete == false {
		n := g.r.IntN(1000)
		years := g.years
		dead := 3 * years
		switch {
		case age >= 90:
			dead = 60 * years
		case age >= 80:
			dead = 25 * years
		case age >= 70:
			dead = 10 * years
		}
		from := max(p.reg+30, g.start)
		switch {
		case n < dead && age >= 50:
			p.status = model.StatusDead
		case n >= 990 && age < 70:
			p.status = model.StatusMovedOut
		case n >= 985 && n < 990 && p.subsidyStatus == "receiving":
			p.status = model.StatusStopped
		}
		if p.status != model.StatusActive {
			if from >= g.today {
				p.status = model.StatusActive
			} else {
				p.statusDay = between(g.r, from, g.today-1)
				p.updated = p.statusDay
				sy, _, _ := civil(p.statusDay)
				switch p.status {
				case model.StatusDead:
					p.note = "于" + model.FormatDateZh(g.cal.ISO(p.statusDay)) + "去世"
				case model.StatusMovedOut:
					p.note = "随子女迁往外地"
				case model.StatusStopped:
					p.note = "待年度确认，暂停发放"
				}
				if p.subsidyStatus == "receiving" {
					p.subsidyStatus = "stopped"
					p.subsidyTo = max(sy, p.subsidyFrom)
				}
			}
		}
	}

	switch {
	case p.has(model.CatServingFamily):
		p.plaque = g.r.IntN(100) < 85
	case p.relation == "self" || p.has(model.CatMartyrFamily) || p.has(model.CatDutyDeathFamily) || p.has(model.CatIllDeathFamily):
		p.plaque = g.r.IntN(100) < 75
		p.card = g.r.IntN(100) < 70
	}
	if p.relation == "self" && p.enlisted == "" && p.has(model.CatRuralVeteran60) {
		p.enlisted = g.cal.month(p.birth + 365*19)
	}
	p.catStr = strings.Join(p.cats, ",")
}

// registered returns a registration day: from the eligible day on, at the earliest when
// the paper roll was typed in, never after Today. share is the chance that the person came
// onto the roll within the years of the data (so each year's tally has new people).
func (g *gen) registered(eligible int, share int) int {
	lo := max(eligible, regFloor)
	if lo > g.today {
		return g.today
	}
	if g.r.IntN(100) < share && lo < g.today {
		return between(g.r, max(lo, g.start), g.today)
	}
	if lo >= g.start {
		return between(g.r, lo, g.today)
	}
	return between(g.r, lo, g.start-1)
}

// soldierService fills a retired servicemember's own record: rank, dates, former unit.
func (g *gen) soldierService(p *person, enlistAge, minYears, maxYears int, latest int) {
	p.relation = "self"
	p.serviceStatus = "retired"
	y, m, d := civil(p.birth)
	enl := dayOf(y+enlistAge, 9+g.r.IntN(4), 1+g.r.IntN(28))
	if enl < dayOf(y, m, d)+365*16 {
		enl = dayOf(y+16, m, d) + 30
	}
	dis := enl + 365*(minYears+g.r.IntN(maxYears-minYears+1)) + g.r.IntN(90)
	if latest > 0 && dis > latest {
		dis = latest
	}
	if dis >= g.today {
		dis = g.today - 1 - g.r.IntN(60)
	}
	if enl >= dis {
		enl = dis - 365*2
	}
	if g.r.IntN(10) < 6 {
		p.enlisted, p.discharged = g.cal.month(enl), g.cal.month(dis)
	} else {
		p.enlisted, p.discharged = g.cal.ISO(enl), g.cal.ISO(dis)
	}
	p.dischargedDay(dis)
	if g.r.IntN(2) == 0 {
		p.serviceUnit = pick(g.r, servicesFree)
	}
}

// dischargedDay is a no-op hook kept so that registration can follow discharge.
func (p *person) dischargedDay(int) {}

func (g *gen) rank(weights [5]int) string {
	ranks := [5]string{model.RankConscript, model.RankJuniorNCO, model.RankMidNCO, model.RankSeniorNCO, model.RankOfficer}
	t := 0
	for _, w := range weights {
		t += w
	}
	n := g.r.IntN(t)
	for i, w := range weights {
		if n < w {
			return ranks[i]
		}
		n -= w
	}
	return ranks[0]
}

// disabilityGrade draws a grade 1–10, mostly 5–10 as in real rosters.
func (g *gen) disabilityGrade() int {
	w := [11]int{0, 1, 1, 2, 4, 8, 12, 18, 20, 18, 16}
	n := g.r.IntN(100)
	for gr := 1; gr <= 10; gr++ {
		if n < w[gr] {
			return gr
		}
		n -= w[gr]
	}
	return 10
}

func (g *gen) makePeople() {
	quota := [nGroups]int{}
	ws := make([]float64, nGroups)
	for i := range ws {
		ws[i] = groupShare[i]
	}
	for i, n := range apportion(g.opt.People, ws) {
		quota[i] = n
	}

	// 张三 of 李家村 comes first: the README and the tests look him up by "zs".
	zs := g.newPerson("张", "M", g.birthAged(66, 72), 0)
	zs.given, zs.name = "三", "张三"
	zs.cats = []string{model.CatRuralVeteran60}
	zs.rank = model.RankConscript
	g.soldierService(zs, 19, 3, 4, 0)
	zs.reg = max(regFloor, dayOf(2011, 8, 1)+g.r.IntN(200))
	zs.keepComplete, zs.noRename = true, true
	zs.hukou = "rural"
	g.add(zs)
	if quota[grpRural60] > 0 {
		quota[grpRural60]--
	} else {
		for i := range quota {
			if quota[i] > 0 {
				quota[i]--
				break
			}
		}
	}

	// Groups are interleaved rather than generated one after the other, so that ids (the
	// order of entry) do not sort the roster by category.
	order := make([]int, 0, g.opt.People)
	for grp, n := range quota {
		if grp == grpServing {
			continue
		}
		for k := 0; k < n; k++ {
			order = append(order, grp)
		}
	}
	g.r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	servingLeft := quota[grpServing]
	veteranLeft := 0 // veterans generated as sons living with an old soldier
	for _, grp := range order {
		if grp == grpVeteran && veteranLeft > 0 {
			veteranLeft--
			continue
		}
		g.makeGroup(grp, &veteranLeft, &quota)
		// Families of serving members are spread among the rest.
		for servingLeft > 0 && g.r.IntN(100) < 40 {
			servingLeft -= g.servingFamily(servingLeft)
		}
	}
	for servingLeft > 0 {
		servingLeft -= g.servingFamily(servingLeft)
	}
	g.ensureSurnames()
	g.makeGaps()
}

// add appends a finished person (ids are positions in the roster).
func (g *gen) add(ps ...*person) {
	for _, p := range ps {
		g.finish(p)
		p.id = int64(len(g.people) + 1)
		g.people = append(g.people, p)
	}
}

func (g *gen) household(vi int, address string, members ...*person) {
	if len(members) < 2 {
		return
	}
	g.households = append(g.households, household{id: int64(len(g.households) + 1), village: vi, address: address})
	id := int64(len(g.households))
	for _, m := range members {
		m.household = id
		m.address = address
		m.village = vi
	}
}

type household struct {
	id      int64
	village int
	address string
	note    string
}

// makeGroup generates one person of a group (two for martyrs' parents, an old soldier
// living with his veteran son).
func (g *gen) makeGroup(grp int, veteranLeft *int, quota *[nGroups]int) {
	vi := g.pickVillage()
	male := func() string {
		if g.r.IntN(100) < 97 {
			return "M"
		}
		return "F"
	}
	var p *person
	switch grp {
	case grpMartyr, grpDutyDeath, grpIllDeath:
		cat := [...]string{grpMartyr: model.CatMartyrFamily, grpDutyDeath: model.CatDutyDeathFamily, grpIllDeath: model.CatIllDeathFamily}[grp]
		g.survivors(cat, vi, quota, grp)
		return
	case grpDemobilized:
		p = g.newPerson(g.surname(), male(), g.birthBetween(1925, 1936), vi)
		p.cats = []string{model.CatDemobilized}
		p.rank = model.RankConscript
		y, _, _ := civil(p.birth)
		enl := between(g.r, max(dayOf(1945, 1, 1), dayOf(y+16, 6, 1)), dayOf(1954, 10, 31))
		dis := between(g.r, enl+365*2, dayOf(1958, 12, 31))
		p.relation, p.serviceStatus = "self", "retired"
		p.enlisted, p.discharged = g.cal.month(enl), g.cal.month(dis)
		p.reg = g.registered(dis, 2)
	case grpSick:
		p = g.newPerson(g.surname(), male(), g.birthAged(60, 81), vi)
		p.cats = []string{model.CatSickReturned}
		p.rank = g.rank([5]int{70, 30, 0, 0, 0})
		g.soldierService(p, 18+g.r.IntN(3), 3, 6, dayOf(2010, 12, 31))
		p.reg = g.registered(p.birth+365*40, 5)
	case grpRural60:
		p = g.newPerson(g.surname(), male(), g.birthAged(60, 80), vi)
		p.cats = []string{model.CatRuralVeteran60}
		p.rank = g.rank([5]int{75, 25, 0, 0, 0})
		g.soldierService(p, 18+g.r.IntN(3), 2, 5, 0)
		y, m, d := civil(p.birth)
		sixty := max(dayOf(y+60, m, d), dayOf(2011, 8, 1))
		if sixty > g.start {
			p.reg = between(g.r, sixty, min(g.today, sixty+120)) // turned 60 within the data: new that year
		} else {
			p.reg = g.registered(sixty, 4)
		}
		p.hukou = "rural"
		// Some live with a son who is a veteran himself.
		if quota[grpVeteran] > *veteranLeft && g.r.IntN(100) < 12 {
			age := p.age(g)
			sonAge := age - 22 - g.r.IntN(10)
			if sonAge >= 23 && sonAge <= 55 {
				son := g.newPerson(p.surname, "M", g.birthAged(sonAge, sonAge), vi)
				son.noRename, p.noRename = true, true
				g.veteran(son)
				*veteranLeft++
				g.household(vi, p.address, p, son)
				g.add(p, son)
				return
			}
		}
	case grpWar:
		if g.r.IntN(100) < 15 {
			p = g.newPerson(g.surname(), male(), g.birthBetween(1928, 1933), vi)
			p.rank = model.RankConscript
			g.soldierService(p, 18, 3, 6, dayOf(1958, 12, 31))
		} else {
			p = g.newPerson(g.surname(), male(), g.birthBetween(1950, 1966), vi)
			p.rank = g.rank([5]int{60, 30, 5, 0, 5})
			g.soldierService(p, 18+g.r.IntN(3), 3, 8, dayOf(1995, 12, 31))
		}
		p.cats = []string{model.CatWarVeteran}
		p.reg = g.registered(dayOf(2007, 1, 1), 3)
	case grpTest:
		p = g.newPerson(g.surname(), male(), g.birthBetween(1940, 1975), vi)
		p.cats = []string{model.CatTestVeteran}
		p.rank = g.rank([5]int{55, 30, 8, 2, 5})
		g.soldierService(p, 18+g.r.IntN(3), 3, 10, 0)
		p.reg = g.registered(dayOf(2007, 1, 1), 3)
	case grpDisabled:
		nature := pick(g.r, []string{model.NatureWar, model.NatureDuty, model.NatureDuty, model.NatureIllness, model.NatureIllness})
		if nature == model.NatureWar {
			p = g.newPerson(g.surname(), male(), g.birthBetween(1945, 1966), vi)
		} else {
			p = g.newPerson(g.surname(), male(), g.birthAged(28, 85), vi)
		}
		p.rank = g.rank([5]int{45, 30, 10, 3, 12})
		if nature == model.NatureIllness && !model.IllnessAllowed(p.rank) {
			nature = model.NatureDuty
		}
		p.disNature, p.disGrade = nature, g.disabilityGrade()
		p.disCert = provinceShort + "军残字第" + pad(g.r.IntN(1000000), 6) + "号"
		latest := 0
		if nature == model.NatureWar {
			latest = dayOf(1992, 12, 31)
		}
		g.soldierService(p, 18+g.r.IntN(3), 2, 12, latest)
		p.cats = []string{model.CatDisabledSoldier}
		if nature == model.NatureWar && g.r.IntN(10) < 7 {
			p.cats = append(p.cats, model.CatWarVeteran) // 参战 and 残疾: the two-category case
		}
		p.reg = g.registered(p.birth+365*22, 6)
	case grpVeteran:
		p = g.newPerson(g.surname(), male(), g.birthAged(22, 59), vi)
		g.veteran(p)
	case grpTransferred:
		p = g.newPerson(g.surname(), male(), g.birthAged(36, 60), vi)
		p.cats = []string{model.CatTransferredOfficer}
		p.rank = model.RankOfficer
		g.soldierService(p, 18, 12, 24, 0)
		p.hukou = "urban"
		p.vi(g, 1)
		p.reg = g.registered(p.birth+365*32, 12)
	case grpMilitia:
		p = g.newPerson(g.surname(), male(), g.birthAged(50, 85), vi)
		p.cats = []string{model.CatDisabledMilitia}
		p.disNature = pick(g.r, []string{model.NatureWar, model.NatureDuty, model.NatureDuty})
		p.disGrade = 6 + g.r.IntN(5)
		p.reg = g.registered(p.birth+365*30, 3)
	case grpElderChild:
		p = g.newPerson(g.surname(), pick(g.r, []string{"M", "F"}), g.birthAged(60, 80), vi)
		p.cats = []string{model.CatMartyrElderChild}
		p.martyrRelation = "child"
		y, _, _ := civil(p.birth)
		p.martyrName = g.chineseName(p.surname, "M", y-25-g.r.IntN(8))
		if p.sex == "F" && g.r.IntN(2) == 0 {
			// A daughter may carry her mother's surname; the martyr is her father.
			p.martyrName = g.chineseName(g.surname(), "M", y-25-g.r.IntN(8))
		}
		p.noRename = true
		p.reg = g.registered(dayOf(2012, 1, 1), 4)
	case grpOther:
		p = g.newPerson(g.surname(), pick(g.r, []string{"M", "M", "F"}), g.birthAged(40, 85), vi)
		p.cats = []string{model.CatOther}
		p.categoryOther = pick(g.r, otherCategoryText)
		p.reg = g.registered(p.birth+365*30, 5)
	case grpRedArmy:
		p = g.newPerson(g.surname(), "M", g.birthBetween(1918, 1921), vi)
		p.cats = []string{model.CatRedArmy}
		p.relation, p.serviceStatus = "self", "retired"
		p.enlisted, p.discharged = "1934-10", "1949-10"
		p.reg = g.registered(regFloor, 0)
	}
	if g.r.IntN(1000) < 3 && p.household == 0 && !p.noRename {
		// A transliterated minority name with the name dot.
		mn := pick(g.r, minorityNames)
		if mn.sex == p.sex {
			p.surname, p.given, p.name, p.ethnicity, p.noRename = "", mn.name, mn.name, mn.ethnicity, true
		}
	}
	g.add(p)
}

// vi is a tiny helper that moves a transferred officer into the township seat most of
// the time: they are resettled in town, not in the villages.
func (p *person) vi(g *gen, seat int) {
	if seat < len(g.villages) && g.r.IntN(3) > 0 {
		p.village = seat
		p.address = g.address(seat)
		if c := g.villages[seat].cadres; len(c) > 0 {
			p.cadre = pick(g.r, c)
		}
	}
}

// veteran fills a 退役士兵's record.
func (g *gen) veteran(p *person) {
	p.cats = []string{model.CatVeteran}
	p.rank = g.rank([5]int{60, 30, 8, 2, 0})
	age := p.age(g)
	maxYears := min(12, max(2, age-20))
	g.soldierService(p, 18+g.r.IntN(3), 2, maxYears, 0)
	if g.r.IntN(100) < 30 {
		p.hukou = "urban"
	}
	dis := g.dayOfISO(p.discharged)
	p.reg = min(g.today, max(regFloor, dis+10+g.r.IntN(50)))
	if p.reg < g.start && g.r.IntN(100) < 8 {
		p.reg = between(g.r, g.start, g.today) // late entries from the 2019 veteran census
	}
}

// dayOfISO reads an ISO date or year-month written by this generator.
func (g *gen) dayOfISO(s string) int {
	y := atoi(s[:4])
	m := atoi(s[5:7])
	d := 1
	if len(s) == 10 {
		d = atoi(s[8:])
	}
	return dayOf(y, m, d)
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// survivors makes the family of a martyr or a member who died on duty or of illness:
// both parents together as a household when the quota allows, else one survivor.
func (g *gen) survivors(cat string, vi int, quota *[nGroups]int, grp int) {
	martyrBorn := g.birthBetween(1950, 2002)
	my, _, _ := civil(martyrBorn)
	msurname := g.surname()
	martyr := g.chineseName(msurname, "M", my)
	death := my + 19 + g.r.IntN(6)
	if death > g.todayYear-1 {
		death = g.todayYear - 1
	}
	mk := func(rel, surname, sex string, birth int) *person {
		p := g.newPerson(surname, sex, birth, vi)
		p.cats = []string{cat}
		p.martyrRelation, p.martyrName = rel, martyr
		p.noRename = true
		p.reg = g.registered(max(dayOf(death, 6, 1), p.birth+365*18), 3)
		return p
	}
	parentsFit := my-28 > 1925 && g.todayYear-(my-28) <= 95
	if parentsFit && quota[grp] >= 2 && g.r.IntN(2) == 0 {
		father := mk("father", msurname, "M", g.birthBetween(my-32, my-24))
		mother := mk("mother", g.surname(), "F", g.birthBetween(my-30, my-22))
		mother.reg = father.reg
		g.household(vi, father.address, father, mother)
		g.add(father, mother)
		quota[grp]-- // the second parent counts against the group too
		return
	}
	var p *person
	switch n := g.r.IntN(10); {
	case n < 4 && parentsFit:
		p = mk(pick(g.r, []string{"father", "mother"}), msurname, "M", g.birthBetween(my-32, my-24))
		if p.martyrRelation == "mother" {
			p.surname, p.sex = g.surname(), "F"
			p.idNumber = g.idNumber(p.birth, "F")
			p.given = g.givenName("F", my-27)
			p.name = p.surname + p.given
		}
	case n < 7:
		p = mk("spouse", g.surname(), "F", g.birthBetween(my-3, my+3))
	case n < 9:
		p = mk("child", msurname, pick(g.r, []string{"M", "F"}), g.birthBetween(my+22, min(my+32, death)))
	default:
		p = mk("sibling", msurname, pick(g.r, []string{"M", "F"}), g.birthBetween(my-6, my+6))
	}
	g.add(p)
}

// servingFamily makes the registered relatives of one serving member: parents (兵妈妈),
// a spouse (军嫂) and a young child, at most left people. It returns how many it made.
func (g *gen) servingFamily(left int) int {
	vi := g.pickVillage()
	surname := g.surname()
	soldierSex := "M"
	if g.r.IntN(100) < 8 {
		soldierSex = "F"
	}
	rank := g.rank([5]int{50, 25, 8, 0, 17})
	var age, enl int
	switch rank {
	case model.RankConscript:
		// Intakes in March and September, within the two years of service.
		var intakes []int
		for y := g.todayYear - 2; y <= g.todayYear; y++ {
			for _, m := range []int{3, 9} {
				z := dayOf(y, m, 5+g.r.IntN(15))
				if z <= g.today && z > g.today-730 {
					intakes = append(intakes, z)
				}
			}
		}
		enl = pick(g.r, intakes)
		age = 18 + g.r.IntN(4) + (g.today-enl)/365
	case model.RankJuniorNCO:
		k := 3 + g.r.IntN(6)
		enl = dayOf(g.todayYear-k, 9, 1+g.r.IntN(20))
		age = 18 + g.r.IntN(3) + k
	case model.RankMidNCO:
		k := 9 + g.r.IntN(5)
		enl = dayOf(g.todayYear-k, 9, 1+g.r.IntN(20))
		age = 18 + g.r.IntN(3) + k
	default:
		k := 5 + g.r.IntN(18)
		enl = dayOf(g.todayYear-k, 9, 1+g.r.IntN(10))
		age = 18 + k
	}
	if enl > g.today {
		enl = g.today - 30
	}
	soldierBirth := g.birthAged(age, age)
	sy, _, _ := civil(soldierBirth)
	soldier := surname + g.givenName(soldierSex, sy)
	unitID, unitText := int64(0), ""
	if len(g.servingUnits) > 0 && g.r.IntN(100) < 20 {
		unitID = g.units[pick(g.r, g.servingUnits)].id
	} else {
		unitText = pick(g.r, servicesFree)
	}
	enlisted := g.cal.month(enl)
	if g.r.IntN(10) < 4 {
		enlisted = g.cal.ISO(enl)
	}
	mk := func(rel, surname, sex string, birth int) *person {
		p := g.newPerson(surname, sex, birth, vi)
		p.cats = []string{model.CatServingFamily}
		p.relation, p.servicemanName, p.rank, p.serviceStatus = rel, soldier, rank, "serving"
		p.serviceUnitID, p.serviceUnit, p.enlisted = unitID, unitText, enlisted
		p.noRename = true
		p.reg = min(g.today, max(regFloor, enl+g.r.IntN(30)))
		return p
	}
	var parents, young []*person
	pattern := g.r.IntN(100)
	parentAge := func(lo, hi int) (int, bool) {
		lo, hi = max(lo, age+20, 40), min(hi, age+32, 65)
		if lo > hi {
			return 0, false
		}
		return lo + g.r.IntN(hi-lo+1), true
	}
	if pattern < 88 {
		if pattern < 68 || pattern >= 80 {
			if a, ok := parentAge(age+22, age+32); ok {
				parents = append(parents, mk("father", surname, "M", g.birthAged(a, a)))
			}
		}
		if pattern < 80 {
			if a, ok := parentAge(age+20, age+30); ok {
				parents = append(parents, mk("mother", g.surname(), "F", g.birthAged(a, a)))
			}
		}
	}
	if rank != model.RankConscript && age >= 24 && g.r.IntN(100) < 65 || len(parents) == 0 && age >= 22 {
		sa := max(20, min(40, age-4+g.r.IntN(7)))
		spouseSex := "F"
		if soldierSex == "F" {
			spouseSex = "M"
		}
		sp := mk("spouse", g.surname(), spouseSex, g.birthAged(sa, sa))
		married := max(enl, sp.birth+365*21)
		sp.reg = min(g.today, max(regFloor, married+g.r.IntN(max(1, (g.today-married)/3+1))))
		young = append(young, sp)
		if age >= 27 && g.r.IntN(2) == 0 {
			ca := 1 + g.r.IntN(min(12, age-25))
			ch := mk("child", surname, pick(g.r, []string{"M", "F"}), g.birthAged(ca, ca))
			ch.reg = min(g.today, max(sp.reg, ch.birth+30))
			young = append(young, ch)
		}
	}
	if len(parents) == 0 && len(young) == 0 {
		parents = append(parents, mk("mother", g.surname(), "F", g.birthAged(45, 55)))
	}
	all := append(parents, young...)
	if len(all) > left {
		all = all[:left]
		if len(parents) > left {
			parents = parents[:left]
		}
		young = all[len(parents):]
	}
	// Parents share a household; the young family lives with them or on its own.
	if len(young) > 0 && len(parents) > 0 && g.r.IntN(100) < 30 {
		g.household(vi, parents[0].address, all...)
	} else {
		g.household(vi, all[0].address, parents...)
		if len(young) > 0 {
			yv := vi
			if g.r.IntN(5) == 0 {
				yv = g.pickVillage()
			}
			g.household(yv, g.address(yv), young...)
			for _, p := range young {
				if p.household == 0 {
					p.village = yv
				}
			}
		}
	}
	g.add(all...)
	return len(all)
}

// ensureSurnames renames a few unrelated people so that every showcase surname (the
// polyphonic ones pinyin search must read right) appears in a roster of 200 or more.
func (g *gen) ensureSurnames() {
	if len(g.people) < 200 {
		return
	}
	have := map[string]bool{}
	for _, p := range g.people {
		have[p.surname] = true
	}
	step := len(g.people) / (len(showcaseSurnames) + 1)
	k := 0
	for _, s := range showcaseSurnames {
		if have[s] {
			continue
		}
		for k++; k*step < len(g.people); k++ {
			i := k * step
			for ; i < len(g.people) && g.people[i].noRename; i++ {
			}
			if i < len(g.people) {
				p := g.people[i]
				p.surname, p.name, p.noRename = s, s+p.given, true
				break
			}
		}
	}
}

// makeGaps leaves about 3% of the records incomplete the way real ones are: a serving
// member's name not yet known, a disability grade or a martyr's name still to be found
// in the files, an "other" category not explained. The 待补充 list shows them.
func (g *gen) makeGaps() {
	var cand []*person
	for _, p := range g.people {
		if p.keepComplete {
			continue
		}
		switch {
		case p.has(model.CatServingFamily), p.has(model.CatDisabledSoldier), p.has(model.CatDisabledMilitia),
			p.has(model.CatMartyrFamily), p.has(model.CatDutyDeathFamily), p.has(model.CatIllDeathFamily), p.has(model.CatOther):
			cand = append(cand, p)
		}
	}
	n := min(len(cand), (3*len(g.people)+50)/100)
	for i := 0; i < n; i++ {
		j := i + g.r.IntN(len(cand)-i)
		cand[i], cand[j] = cand[j], cand[i]
		p := cand[i]
		switch {
		case p.has(model.CatServingFamily):
			p.servicemanName = ""
		case p.has(model.CatDisabledSoldier), p.has(model.CatDisabledMilitia):
			if g.r.IntN(2) == 0 {
				p.disGrade = 0
			} else {
				p.disNature = ""
			}
		case p.has(model.CatOther):
			p.categoryOther = ""
		default:
			if g.r.IntN(2) == 0 {
				p.martyrName = ""
			} else {
				p.martyrRelation = ""
			}
		}
	}
}
