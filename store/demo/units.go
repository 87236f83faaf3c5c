package demo

import (
	"strings"

	"shuangyong/model"
)

type village struct {
	id        int64
	name      string
	community bool    // 社区 (streets and buildings) rather than 村 (groups and houses)
	weight    float64 // share of the roster living there
	cadres    []string
}

type unit struct {
	id           int64
	name, kind   string
	designation  string
	address      string
	contactName  string
	contactPhone string
	note         string
	village      int // index of the village it sits in, -1 for township-wide bodies
}

// townshipUnits are the bodies of one township, every kind of model.UnitKinds present.
var townshipUnits = []struct{ name, kind, designation, note string }{
	{"驻地某部一营", model.UnitStationed, "某部一营", "营区位于镇东，与镇政府军民共建"},
	{"驻地某部二营", model.UnitStationed, "某部二营", ""},
	{"驻地某部通信连", model.UnitStationed, "某部通信连", ""},
	{"武警青山中队", model.UnitArmedPolice, "武警某中队", "担负县境内执勤任务"},
	{"青山消防救援站", model.UnitFireRescue, "", "11月9日消防日开放营区"},
	{"青山县人民武装部", model.UnitPAFD, "", ""},
	{"青山镇人民武装部", model.UnitPAFD, "", "征兵工作站设于此"},
	{"青山镇基干民兵连", model.UnitMilitia, "", ""},
	{"青山镇民兵应急排", model.UnitMilitia, "", "汛期抢险骨干力量"},
	{"青山镇人民政府", model.UnitGovernment, "", ""},
	{"青山镇退役军人服务站", model.UnitGovernment, "", "走访慰问台账由服务站维护"},
	{"青山镇双拥工作领导小组办公室", model.UnitGovernment, "", ""},
	{"青山镇妇女联合会", model.UnitWomens, "", ""},
	{"李家村村民委员会", model.UnitVillage, "", ""},
	{"青山社区居民委员会", model.UnitVillage, "", ""},
	{"王庄村村民委员会", model.UnitVillage, "", ""},
	{"青山镇中心小学", model.UnitSchool, "", "国防教育特色学校"},
	{"青山镇初级中学", model.UnitSchool, "", ""},
	{"青山镇卫生院", model.UnitHospital, "", "为优抚对象开设优先窗口"},
	{"青山农村商业银行", model.UnitEnterprise, "", ""},
	{"青山建材有限公司", model.UnitEnterprise, "", "吸纳退役军人就业"},
	{"绿源农业专业合作社", model.UnitEnterprise, "", ""},
	{"青山镇老年人协会", model.UnitSocialOrg, "", ""},
	{"青山镇志愿者协会", model.UnitSocialOrg, "", ""},
	{"青山县融媒体中心青山记者站", model.UnitOther, "", ""},
}

// extraUnitKinds rotate through the bodies of the villages beyond a township's first 15,
// so a county-sized file has a proportionate number of units of the common kinds.
var extraUnitKinds = []struct{ suffix, kind string }{
	{"小学", model.UnitSchool}, {"农业专业合作社", model.UnitEnterprise}, {"民兵排", model.UnitMilitia},
	{"卫生室", model.UnitHospital}, {"志愿服务队", model.UnitSocialOrg}, {"驻地分队", model.UnitStationed},
}

var streets = []string{"人民路", "建设路", "解放街", "新华街", "青山大道", "文化路", "和平路", "胜利街"}

func villageStem(name string) string {
	for _, suf := range []string{"社区", "村"} {
		if s, ok := strings.CutSuffix(name, suf); ok && s != "" {
			return s
		}
	}
	return name
}

// makeVillages chooses the villages and how the roster spreads over them.
func (g *gen) makeVillages(n int) {
	names := villageNames(g.r, n)
	g.villages = make([]village, n)
	for i, name := range names {
		w := 0.6 + g.r.Float64()
		switch i {
		case 0:
			w = 1.4 // 李家村: big enough to hold the README's examples
		case 1:
			w = 1.6 // the township seat
		}
		g.villages[i] = village{id: int64(i + 1), name: name, community: strings.HasSuffix(name, "社区"), weight: w}
	}
	g.villageCum = make([]float64, n)
	sum := 0.0
	for i, v := range g.villages {
		sum += v.weight
		g.villageCum[i] = sum
	}
}

// pickVillage returns a village index with probability proportional to its weight.
func (g *gen) pickVillage() int {
	x := g.r.Float64() * g.villageCum[len(g.villageCum)-1]
	lo, hi := 0, len(g.villageCum)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if g.villageCum[mid] > x {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// address writes a street address in the village: 3组12号 in a 村, a street and number
// (and flat) in a 社区.
func (g *gen) address(vi int) string {
	v := &g.villages[vi]
	if v.community {
		s := v.name + pick(g.r, streets) + pad(1+g.r.IntN(180), 1) + "号"
		if g.r.IntN(2) == 0 {
			s += pad(1+g.r.IntN(12), 1) + "栋" + pad(1+g.r.IntN(4), 1) + "单元" + pad(100*(1+g.r.IntN(7))+1+g.r.IntN(4), 1) + "室"
		}
		return s
	}
	return v.name + pad(1+g.r.IntN(12), 1) + "组" + pad(1+g.r.IntN(80), 1) + "号"
}

// makeCadres names the pairing cadres (结对帮扶责任人): about one per 40 people, each
// village at least one, in proportion to the village's share of the roster.
func (g *gen) makeCadres() {
	total := max(len(g.villages), (g.opt.People+39)/40)
	ws := make([]float64, len(g.villages))
	for i, v := range g.villages {
		ws[i] = v.weight
	}
	counts := apportion(total-len(g.villages), ws)
	seen := map[string]bool{}
	for i := range g.villages {
		for k := 0; k < counts[i]+1; k++ {
			for {
				sex := "M"
				if g.r.IntN(3) == 0 {
					sex = "F"
				}
				name := g.chineseName(g.surname(), sex, g.todayYear-30-g.r.IntN(25))
				if !seen[name] {
					seen[name] = true
					g.villages[i].cadres = append(g.villages[i].cadres, name)
					break
				}
			}
		}
	}
}

// makeUnits registers the township's units, more for a larger roster.
func (g *gen) makeUnits() {
	add := func(name, kind, designation, note string, vi int) {
		u := unit{id: int64(len(g.units) + 1), name: name, kind: kind, designation: designation, note: note, village: vi}
		u.contactName = g.chineseName(g.surname(), pick(g.r, []string{"M", "M", "F"}), g.todayYear-28-g.r.IntN(25))
		if model.SideOf(kind) == model.SideMilitary || g.r.IntN(2) == 0 {
			u.contactPhone = g.landline()
		} else {
			u.contactPhone = g.mobile()
		}
		switch {
		case vi >= 0:
			u.address = g.address(vi)
		case kind == model.UnitPAFD && strings.HasPrefix(name, countyName):
			u.address = countyName + "城关镇" + pick(g.r, streets) + pad(1+g.r.IntN(99), 1) + "号"
		default:
			u.address = townName + pick(g.r, streets) + pad(1+g.r.IntN(99), 1) + "号"
		}
		g.units = append(g.units, u)
	}
	for _, t := range townshipUnits {
		vi := -1
		switch t.name {
		case "李家村村民委员会":
			vi = 0
		case "青山社区居民委员会":
			vi = 1
		case "王庄村村民委员会":
			vi = 2
		}
		if vi >= len(g.villages) {
			vi = -1
		}
		add(t.name, t.kind, t.designation, t.note, vi)
	}
	// A village committee for the other villages up to the township's 15, and two bodies
	// for each village beyond.
	for vi := 3; vi < len(g.villages); vi++ {
		v := g.villages[vi]
		committee := v.name + "村民委员会"
		if v.community {
			committee = v.name + "居民委员会"
		}
		if vi < 15 {
			if vi%4 == 0 {
				add(committee, model.UnitVillage, "", "", vi)
			}
			continue
		}
		add(committee, model.UnitVillage, "", "", vi)
		k := extraUnitKinds[vi%len(extraUnitKinds)]
		designation := ""
		if k.kind == model.UnitStationed {
			designation = "某部" + chineseNumber(vi) + "分队"
		}
		add(villageStem(v.name)+k.suffix, k.kind, designation, "", vi)
	}
	for i := range g.units {
		switch g.units[i].kind {
		case model.UnitStationed, model.UnitArmedPolice:
			g.servingUnits = append(g.servingUnits, i)
		}
		if model.SideOf(g.units[i].kind) == model.SideMilitary {
			g.militaryUnits = append(g.militaryUnits, i)
		} else {
			g.localUnits = append(g.localUnits, i)
		}
		g.unitsByKind[g.units[i].kind] = append(g.unitsByKind[g.units[i].kind], i)
	}
}

type pairing struct {
	a, b  int64
	since string
	note  string
}

// makePairings links each military unit with one to three local bodies (军民共建), the
// township government always among the partners of the stationed forces.
func (g *gen) makePairings() {
	gov := g.unitsByKind[model.UnitGovernment]
	seen := map[[2]int]bool{}
	for _, mi := range g.militaryUnits {
		n := 1 + g.r.IntN(3)
		for k := 0; k < n; k++ {
			li := pick(g.r, g.localUnits)
			if k == 0 && len(gov) > 0 && g.units[mi].kind == model.UnitStationed {
				li = gov[0]
			}
			if seen[[2]int{mi, li}] {
				continue
			}
			seen[[2]int{mi, li}] = true
			since := between(g.r, dayOf(2008, 1, 1), g.today-365)
			note := ""
			if g.r.IntN(3) == 0 {
				note = pick(g.r, []string{"签订军民共建协议", "共建国防教育基地", "共建双拥示范点", "结对共建"})
			}
			g.pairings = append(g.pairings, pairing{a: g.units[mi].id, b: g.units[li].id, since: g.cal.ISO(since), note: note})
		}
	}
}

// apportion splits total into parts proportional to weights, exactly (largest remainder).
func apportion(total int, weights []float64) []int {
	out := make([]int, len(weights))
	if total <= 0 || len(weights) == 0 {
		return out
	}
	sum := 0.0
	for _, w := range weights {
		sum += w
	}
	if sum <= 0 {
		out[0] = total
		return out
	}
	type rem struct {
		i int
		f float64
	}
	rems := make([]rem, len(weights))
	given := 0
	for i, w := range weights {
		q := float64(total) * w / sum
		out[i] = int(q)
		given += out[i]
		rems[i] = rem{i, q - float64(out[i])}
	}
	// Largest remainders first; ties go to the earlier part, so the result is stable.
	for given < total {
		best := -1
		for j := range rems {
			if best < 0 || rems[j].f > rems[best].f {
				best = j
			}
		}
		out[rems[best].i]++
		rems[best].f = -1
		given++
	}
	return out
}
