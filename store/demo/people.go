package demo

import (
	"strings"

	"shuangyong/model"
)

// person is one roster row while it is being made, with what the event generator needs
// to know about it (when it may be visited, how much it is a priority).
type person struct {
	id             int64
	surname, given string
	name           string
	sex, ethnicity string
	birth          int
	idNumber       string
	phones         string
	contactNote    string
	village        int
	household      int64
	address, hukou string
	cats           []string
	catStr         string
	categoryOther  string
	disNature      string
	disGrade       int
	disCert        string
	martyrRelation string
	martyrName     string
	relation       string
	servicemanName string
	rank           string
	serviceStatus  string
	serviceUnitID  int64
	serviceUnit    string
	enlisted       string
	discharged     string
	subsidyStatus  string
	subsidyFrom    int
	subsidyTo      int
	cadre          string
	selfCare       string
	assistance     string
	livesAlone     bool
	health         string
	conditions     string
	plaque, card   bool
	status         string
	statusDay      int
	reg            int
	note           string
	updated        int // day of the last change to the record
	priority       int // weight in campaigns and routine contacts
	keepComplete   bool
	noRename       bool // surname tied to others' names (family, martyr): keep it
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
			if p.surname != "" {
				p.contactNote = rel + " " + g.chineseName(p.surname, sex, g.todayYear-age+25) + "代接"
			} else {
				p.contactNote = rel + "代接"
			}
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
	switch {
	case p.livesAlone:
		p.conditions = "独居，子女在外务工"
	case age >= 65 && g.r.IntN(3) > 0:
		p.conditions = pick(g.r, conditionsOld)
	case age >= 18 && g.r.IntN(3) > 0:
		p.conditions = pick(g.r, conditionsYoung)
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

	p.reg = max(min(p.reg, g.today), p.birth)

	// Status: deaths among the very old, some moving away, a few payments suspended.
	p.updated = p.reg
	if p.reg < g.today-60 && !p.keepComplete {
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
	if g.r.IntN(2) == 0 {
		p.serviceUnit = pick(g.r, servicesFree)
	}
}

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
