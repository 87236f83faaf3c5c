package demo

import (
	"strings"

	"shuangyong/model"
)

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

// makePeople generates the roster: 张三 first, then the groups in shuffled order, the
// families of serving members spread among them, then the showcase names and the gaps.
func (g *gen) makePeople() {
	ws := make([]float64, nGroups)
	for i := range ws {
		ws[i] = groupShare[i]
	}
	for i, n := range apportion(g.opt.People, ws) {
		g.quota[i] = n
	}

	// 张三 of 李家村 comes first: the README and the tests look him up by "zs".
	zs := g.newPerson("张", "M", g.birthAged(66, 72), 0)
	zs.given, zs.name = "三", "张三"
	zs.cats = []string{model.CatRuralVeteran60}
	zs.rank = model.RankConscript
	g.soldierService(zs, 19, 3, 4, 0)
	by, bm, bd := civil(zs.birth)
	zs.reg = dayOf(by+60, bm, bd) + 3 + g.r.IntN(60) // came onto the roll when he turned 60
	zs.keepComplete, zs.noRename = true, true
	g.add(zs)
	first := grpRural60
	for g.quota[first] == 0 {
		first = (first + 1) % nGroups
	}
	g.made[first]++

	// Groups are interleaved rather than generated one after the other, so that ids (the
	// order of entry) do not sort the roster by category. A group whose quota is already
	// made (a martyr's two parents, a veteran son living with his father) skips its turn.
	order := make([]int, 0, g.opt.People)
	for grp, n := range g.quota {
		if grp == grpServing {
			continue
		}
		for range n {
			order = append(order, grp)
		}
	}
	g.r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	for _, grp := range order {
		if g.made[grp] < g.quota[grp] {
			g.makeGroup(grp)
		}
		// Families of serving members are spread among the rest.
		for g.made[grpServing] < g.quota[grpServing] && g.r.IntN(100) < 40 {
			g.made[grpServing] += g.servingFamily(g.quota[grpServing] - g.made[grpServing])
		}
	}
	for g.made[grpServing] < g.quota[grpServing] {
		g.made[grpServing] += g.servingFamily(g.quota[grpServing] - g.made[grpServing])
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
		m.cadre = members[0].cadre // one cadre is paired with the whole household
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
func (g *gen) makeGroup(grp int) {
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
		g.survivors(cat, vi, grp)
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
		if g.made[grpVeteran] < g.quota[grpVeteran] && g.r.IntN(100) < 12 {
			age := p.age(g)
			sonAge := age - 22 - g.r.IntN(10)
			if sonAge >= 23 && sonAge <= 55 {
				son := g.newPerson(p.surname, "M", g.birthAged(sonAge, sonAge), vi)
				son.noRename, p.noRename = true, true
				g.veteran(son)
				g.household(vi, p.address, p, son)
				g.add(p, son)
				g.made[grp]++
				g.made[grpVeteran]++
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
		if len(g.villages) > 1 && g.r.IntN(3) > 0 {
			g.moveTo(p, 1) // resettled in the township seat rather than a village
		}
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
	g.made[grp]++
}

// moveTo puts a person (not yet in a household) in another village.
func (g *gen) moveTo(p *person, vi int) {
	p.village = vi
	p.address = g.address(vi)
	p.cadre = ""
	if c := g.villages[vi].cadres; len(c) > 0 {
		p.cadre = pick(g.r, c)
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
	census := dayOf(2018, 7, 1)
	switch {
	case dis >= census:
		p.reg = min(g.today, dis+10+g.r.IntN(50))
	case g.r.IntN(100) < 8:
		p.reg = between(g.r, max(census, g.start), g.today) // found later
	default:
		// Veterans discharged earlier came onto the roll with the 2018–2019 information
		// collection (退役军人信息采集).
		p.reg = between(g.r, census, min(g.today, dayOf(2019, 12, 31)))
	}
}

// survivors makes the family of a martyr or a member who died on duty or of illness:
// both parents together as a household when the quota allows, else one survivor.
func (g *gen) survivors(cat string, vi, grp int) {
	// Young soldiers leave parents; older members a widow and children.
	rel := pick(g.r, []string{"parents", "parents", "spouse", "spouse", "child", "child", "sibling"})
	var my, deathAge int // the deceased's year of birth and age at death
	switch rel {
	case "parents":
		my, deathAge = g.todayYear-20-g.r.IntN(40), 19+g.r.IntN(6)
	case "sibling":
		my, deathAge = g.todayYear-20-g.r.IntN(50), 19+g.r.IntN(10)
	default:
		my, deathAge = g.todayYear-30-g.r.IntN(45), 26+g.r.IntN(20)
	}
	death := min(my+deathAge, g.todayYear-1)
	msurname := g.surname()
	martyr := g.chineseName(msurname, "M", my)
	mk := func(rel, surname, sex string, birth int) *person {
		p := g.newPerson(surname, sex, birth, vi)
		p.cats = []string{cat}
		p.martyrRelation, p.martyrName = rel, martyr
		p.noRename = true
		p.reg = g.registered(max(dayOf(death, 6, 1), p.birth+30), 3)
		return p
	}
	switch rel {
	case "parents":
		father := mk("father", msurname, "M", g.birthBetween(my-32, my-24))
		if g.quota[grp]-g.made[grp] >= 2 && g.r.IntN(2) == 0 {
			mother := mk("mother", g.surname(), "F", g.birthBetween(my-30, my-22))
			mother.reg = father.reg
			g.household(vi, father.address, father, mother)
			g.add(father, mother)
			g.made[grp] += 2
			return
		}
		if g.r.IntN(2) == 0 {
			g.add(father)
		} else {
			g.add(mk("mother", g.surname(), "F", g.birthBetween(my-30, my-22)))
		}
	case "spouse":
		g.add(mk("spouse", g.surname(), "F", g.birthBetween(my-3, my+3)))
	case "child":
		g.add(mk("child", msurname, pick(g.r, []string{"M", "F"}), g.birthBetween(my+22, death)))
	default:
		g.add(mk("sibling", msurname, pick(g.r, []string{"M", "F"}), g.birthBetween(my-6, my+6)))
	}
	g.made[grp]++
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
	for _, p := range young {
		if p.relation == "child" {
			// The form's 入伍时间 is checked against the record's own birth date: a child
			// born after the parent enlisted would fail it, so it stays on the parents' rows.
			p.enlisted = ""
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
	dotted := false
	for _, p := range g.people {
		have[p.surname] = true
		dotted = dotted || strings.ContainsRune(p.name, '·')
	}
	if !dotted {
		// A transliterated minority name with the name dot, for the search and the width
		// of the lists to be seen on.
		for i := len(g.people) - 1; i > 0; i-- {
			p := g.people[i]
			if !p.noRename && p.sex == "M" && p.household == 0 {
				mn := minorityNames[0]
				p.surname, p.given, p.name, p.ethnicity, p.noRename = "", mn.name, mn.name, mn.ethnicity, true
				if p.contactNote != "" {
					p.contactNote = "儿子代接"
				}
				break
			}
		}
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
				p.contactNote = strings.Replace(p.contactNote, " "+p.surname, " "+s, 1) // the child who answers
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
