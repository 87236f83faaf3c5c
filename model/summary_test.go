package model

import (
	"strings"
	"testing"
)

// pian2 is a tally with the figures of the second reference summary (篇2): 联谊活动36场,
// 座谈会54场, 鞋垫276双, 标语100多幅; plus visits worth more than 1 万元.
func pian2() Tally {
	return Tally{
		Year: 2026, AsOf: "2026-11-29",
		Roster: Roster{Rows: []RosterRow{
			{Category: CatDisabledSoldier, Count: 22}, {Category: CatMartyrFamily, Count: 1},
			{Category: CatRedArmy, Count: 0}, {Category: CatRuralVeteran60, Count: 188},
		}},
		Events: EventTally{
			Rows: []EventRow{
				{Type: EventVisit, Year: EventFigures{Events: 3}},
				{Type: EventForum, Year: EventFigures{Events: 54}},
				{Type: EventGala, Year: EventFigures{Events: 36}},
				{Type: EventPublicity, Year: EventFigures{Events: 0}},
			},
			Items: []ItemTotal{{Name: "标语", Unit: "幅", Quantity: 100}, {Name: "鞋垫", Unit: "双", Quantity: 276}, {Name: "资料", Unit: "份", Quantity: 0}},
		},
		Headline: Headline{Year: 2026, OnRoll: 211, New: 3, Rounds: 3, Visits: 380, People: 300, Households: 260,
			MoneyFen: 981_650_00, Covered: 200, Activities: 90, Participants: 4000, Military: 1800, ActivityFen: 15000_00},
		Previous: Headline{Year: 2025, Visits: 304},
	}
}

func TestSummaryDraft(t *testing.T) {
	past := pian2()
	past.AsOf = "2027-01-05"
	onlyEvents := Tally{Year: 2026, AsOf: "2026-11-29",
		Events:   EventTally{Rows: []EventRow{{Type: EventMatchmaking, Year: EventFigures{Events: 16}}}, Items: []ItemTotal{{Name: "牵手成功", Unit: "对", Quantity: 24}}},
		Headline: Headline{Activities: 16, Participants: 4000, Military: 1800}}
	small := Tally{Year: 2026, AsOf: "2026-03-01",
		Headline: Headline{Rounds: 1, Visits: 2, People: 2, Households: 1, GoodsFen: 1200_50}}
	support := Tally{Year: 2026, AsOf: "2026-12-01",
		SupportTo:   Support{Rows: []UnitSupport{{Name: "某部"}, {Name: "武警中队"}}, Total: UnitSupport{Events: 5, MoneyFen: 2_0000_00}},
		SupportFrom: Support{Rows: []UnitSupport{{Name: "消防救援站"}}, Total: UnitSupport{Events: 2, Military: 30}},
		Headline:    Headline{Activities: 7}}

	for _, c := range []struct {
		name     string
		t        Tally
		lang     Lang
		want     []string
		wantNot  []string
		startsAs string
	}{
		{"篇2", pian2(), Zh,
			[]string{"共开展走访慰问3次", "慰问优抚对象260户300人、380人次", "发放慰问金98.165万元", "组织文艺联欢36场", "召开座谈会54场",
				"鞋垫276双", "标语100幅", "参加活动4000人次，其中部队官兵1800人次", "投入活动经费1.5万元", "覆盖率94.8%",
				"同比增长25.0%", "现有各类优抚对象共计211人", "残疾军人22人", "烈士遗属1人", "60周岁以上农村籍退役士兵188人", "新增3人"},
			[]string{"慰问品", "红军", "资料0", "宣传", "减少", "0场", "0次", "走访慰问3场"},
			"今年以来，"},
		{"past year", past, Zh, []string{"2026年，共开展走访慰问3次", "截至2026年底"}, []string{"今年以来", "截至目前"}, "2026年，"},
		{"only events", onlyEvents, Zh,
			[]string{"举办联谊交友活动16场", "牵手成功24对", "其中部队官兵1800人次"},
			[]string{"走访慰问", "慰问金", "覆盖率", "优抚对象共计", "经费"}, "今年以来，"},
		{"goods only, small", small, Zh,
			[]string{"慰问优抚对象1户2人、2人次", "送去慰问品折合1200.5元"},
			[]string{"慰问金", "万元", "同比", "覆盖率"}, "今年以来，共开展走访慰问1次"},
		{"support", support, Zh,
			[]string{"与驻地部队等2个部队单位开展拥军活动5次，使用经费2万元", "驻地部队等1个部队单位主办或协办拥政爱民活动2次，部队官兵参与30人次"},
			[]string{"走访", "出动官兵", "共建单位"}, "今年以来，"},
		{"empty", Tally{Year: 2026, AsOf: "2026-02-01"}, Zh, []string{"今年以来暂无走访慰问和双拥活动记录。"}, nil, ""},
		{"empty past", Tally{Year: 2024, AsOf: "2026-02-01"}, Zh, []string{"2024年无"}, nil, ""},
		{"English", pian2(), En,
			[]string{"So far in 2026", "300 people in 260 households (380 visits)", "981650 yuan", "36 galas", "54 forums",
				"276 双 鞋垫", "211 people are on the roll"},
			[]string{"今年"}, "So far in 2026, "},
		{"English empty", Tally{Year: 2026}, En, []string{"Nothing was recorded for 2026."}, nil, ""},
	} {
		got := SummaryDraft(c.t, c.lang)
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: draft lacks %q:\n%s", c.name, w, got)
			}
		}
		for _, w := range c.wantNot {
			if strings.Contains(got, w) {
				t.Errorf("%s: draft has %q:\n%s", c.name, w, got)
			}
		}
		if !strings.HasPrefix(got, c.startsAs) {
			t.Errorf("%s: draft starts %q, want %q", c.name, got, c.startsAs)
		}
		if c.lang == Zh && (!strings.HasSuffix(got, "。") || strings.Contains(got, "，，") || strings.Contains(got, "；；") ||
			strings.Contains(got, "、、") || strings.Contains(got, "；。") || strings.Contains(got, "，。")) {
			t.Errorf("%s: punctuation:\n%s", c.name, got)
		}
	}
}

// Rule 10: percent changes always carry one decimal and their sign.
func TestFormatChange(t *testing.T) {
	for p, want := range map[int]string{90: "+9.0%", 42: "+4.2%", -3: "−0.3%", 0: "0.0%", 1000: "+100.0%", -1250: "−125.0%"} {
		if got := FormatChange(p); got != want {
			t.Errorf("FormatChange(%d) = %q, want %q", p, got, want)
		}
	}
	tl := pian2()
	for _, c := range []struct {
		now, before int
		want        string
	}{{380, 349, "同比增长8.9%"}, {400, 363, "同比增长10.2%"}, {400, 40, "同比增长900.0%"}, {300, 304, "同比下降1.3%"}} {
		tl.Headline.Visits, tl.Previous.Visits = c.now, c.before
		if d := SummaryDraft(tl, Zh); !strings.Contains(d, c.want) {
			t.Errorf("%d against %d: draft lacks %q: %s", c.now, c.before, c.want, d)
		}
	}
}

// Rules 4, 5, 9, 10 in the paragraph: parts exceeding the whole say why, 停发 people are
// said, breakdowns keep their 其中, galas and matchmaking together are 篇2's 各类联谊活动, and
// a range opens with its years and is not compared.
func TestSummaryRules(t *testing.T) {
	tl := Tally{Year: 2019, ToYear: 2023, AsOf: "2026-11-29",
		Roster: Roster{Rows: []RosterRow{{Category: CatDisabledSoldier, Count: 141}, {Category: CatWarVeteran, Count: 30}},
			Total: RosterRow{Count: 151}, MultiCategory: 20},
		Events: EventTally{
			Rows: []EventRow{{Type: EventForum, Year: EventFigures{Events: 54}}, {Type: EventGala, Year: EventFigures{Events: 24}},
				{Type: EventMatchmaking, Year: EventFigures{Events: 12}}, {Type: EventResettlement, Year: EventFigures{Events: 1}}},
			Items: []ItemTotal{{Name: "鞋垫", Unit: "双", Quantity: 276}, {Name: "接收军转干部", Unit: "名", Quantity: 21},
				{Name: "男同志", Unit: "名", Quantity: 18, ParentName: "接收军转干部", ParentUnit: "名"},
				{Name: "女同志", Unit: "名", Quantity: 3, ParentName: "接收军转干部", ParentUnit: "名"}, {Name: "标语", Unit: "幅", Quantity: 100}},
		},
		Headline: Headline{OnRoll: 151, Stopped: 4, Visits: 500, People: 100, Rounds: 10, Activities: 91},
		Previous: Headline{Visits: 100},
	}
	d := SummaryDraft(tl, Zh)
	for _, want := range []string{"2019年至2023年，", "截至2023年底", "共计151人（其中停发4人）", "（20人兼有两类及以上身份，分别计入各类）",
		"开展文艺联欢和联谊交友等各类联谊活动36场（其中文艺联欢24场、联谊交友12场）", "召开座谈会54场",
		"累计鞋垫276双、标语100幅", "接收军转干部21名，其中，男同志18名，女同志3名"} {
		if !strings.Contains(d, want) {
			t.Errorf("draft lacks %q:\n%s", want, d)
		}
	}
	for _, not := range []string{"同比", "今年以来", "全年"} {
		if strings.Contains(d, not) {
			t.Errorf("draft says %q:\n%s", not, d)
		}
	}
	if e := SummaryDraft(tl, En); !strings.HasPrefix(e, "From 2019 to 2023, ") || !strings.Contains(e, "20 of them hold two categories") {
		t.Errorf("English: %s", e)
	}
}
