package model

import (
	"strconv"
	"strings"
)

// The figures paragraph of the 年度工作总结, drafted from a tally for the cadre to paste and
// edit. It follows the register of real summaries ("今年以来，共开展走访慰问…次，慰问优抚对象…户、
// …人次，发放慰问金…元；组织文艺联欢…场、召开座谈会…场……"): figures written with Arabic
// numerals and their counting units, sums from 1 万元 up in 万元, items with their own units
// (鞋垫276双), and nothing said about what did not happen — a zero figure is left out with
// its clause. Every figure is one the tables show under the same definition (DOMAIN.md §4,
// rule 1); category parts that exceed the total say why (rule 4); breakdowns keep their
// 其中 (rule 9); percent changes have one decimal (rule 10); a range of years opens with
// 「2019年至2023年，」.

// eventPhrase says how a summary reports events of a type: verb + noun before the number,
// the counting unit after it (组织文艺联欢 36 场).
type eventPhrase struct{ zh, unit, en string }

var eventPhrases = map[string]eventPhrase{
	EventTroopVisit:    {"慰问驻地部队", "次", "visits to troops"},
	EventForum:         {"召开座谈会", "场", "forums"},
	EventGala:          {"组织文艺联欢", "场", "galas"},
	EventCommendation:  {"开展评选表彰", "次", "commendations"},
	EventPublicity:     {"开展宣传教育和国防教育活动", "场", "publicity and defence-education events"},
	EventTraining:      {"举办培训", "期", "training courses"},
	EventEmployment:    {"举办就业对接活动", "场", "job fairs"},
	EventClinic:        {"开展义诊和健康讲座", "场", "free clinics and health talks"},
	EventMatchmaking:   {"举办联谊交友活动", "场", "matchmaking events"},
	EventPairingHelp:   {"开展结对帮扶", "次", "paired-assistance activities"},
	EventPracticalHelp: {"为部队办实事", "件", "practical services for the military"},
	EventHonour:        {"送喜报和挂光荣牌", "次", "honour deliveries"}, // no 、 inside: the list is joined with it
	EventResettlement:  {"开展军转安置工作", "次", "resettlement activities"},
	EventArmyForLocal:  {"开展拥政爱民活动", "次", "army-for-locality activities"},
	EventOther:         {"开展其他双拥活动", "场", "other activities"},
}

func phraseOf(eventType string) eventPhrase {
	if p, ok := eventPhrases[eventType]; ok {
		return p
	}
	label := EventTypes.Label(eventType, Zh)
	return eventPhrase{"开展" + label + "活动", "次", EventTypes.Label(eventType, En) + " events"}
}

// SummaryDraft writes the figures paragraph of the yearly summary for t in lang.
func SummaryDraft(t Tally, lang Lang) string {
	if lang == En {
		return summaryEn(t)
	}
	return summaryZh(t)
}

// current reports whether the tally is of the year it was computed in ("今年以来").
func (t Tally) current() bool {
	return t.Period().Single() && (len(t.AsOf) < 4 || t.AsOf[:4] == pad4(t.Year))
}

// FormatChange writes a change in tenths of a percent with its sign and one decimal, as
// rule 10 asks: 90 → "+9.0%", −3 → "−0.3%", 0 → "0.0%".
func FormatChange(p int) string {
	sign := "+"
	switch {
	case p < 0:
		sign, p = "−", -p
	case p == 0:
		sign = ""
	}
	return sign + strconv.Itoa(p/10) + "." + strconv.Itoa(p%10) + "%"
}

// formatTenths writes a non-negative number of tenths of a percent with one decimal:
// 42 → "4.2%", 90 → "9.0%".
func formatTenths(p int) string { return strconv.Itoa(p/10) + "." + strconv.Itoa(p%10) + "%" }

// friendship is how the paragraph reports galas and matchmaking together when both took
// place: 篇2's 「文艺联欢、军民共建等各类联谊活动36场」.
var friendship = []string{EventGala, EventMatchmaking}

// friendshipWords name them in the breakdown, in the same order.
var friendshipWords = []string{"文艺联欢", "联谊交友"}

// activityClauses writes the events of each type other than 走访慰问, galas and
// matchmaking as one 各类联谊活动 figure with its breakdown when both happened.
func activityClauses(t Tally) []string {
	var acts []string
	n := map[string]int{}
	for _, r := range t.Events.Rows {
		n[r.Type] = r.Year.Events
	}
	grouped := n[EventGala] > 0 && n[EventMatchmaking] > 0
	for _, r := range t.Events.Rows {
		if r.Type == EventVisit || r.Year.Events == 0 {
			continue
		}
		if grouped && (r.Type == EventGala || r.Type == EventMatchmaking) {
			if r.Type != EventGala {
				continue
			}
			total := 0
			var parts []string
			for i, typ := range friendship {
				total += n[typ]
				parts = append(parts, friendshipWords[i]+strconv.Itoa(n[typ])+"场")
			}
			acts = append(acts, "开展文艺联欢和联谊交友等各类联谊活动"+strconv.Itoa(total)+"场（其中"+strings.Join(parts, "、")+"）")
			continue
		}
		p := phraseOf(r.Type)
		acts = append(acts, p.zh+strconv.Itoa(r.Year.Events)+p.unit)
	}
	return acts
}

func summaryZh(t Tally) string {
	h := t.Headline
	var sentences []string

	// Visits.
	var visit []string
	if h.Rounds > 0 {
		visit = append(visit, "共开展走访慰问"+strconv.Itoa(h.Rounds)+"次")
	}
	if h.Visits > 0 {
		who := "慰问优抚对象"
		if h.Households > 0 {
			who += strconv.Itoa(h.Households) + "户"
		}
		who += strconv.Itoa(h.People) + "人、" + strconv.Itoa(h.Visits) + "人次"
		visit = append(visit, who)
	}
	var gave []string
	if h.MoneyFen > 0 {
		gave = append(gave, "发放慰问金"+FormatWan(h.MoneyFen))
	}
	if h.GoodsFen > 0 {
		gave = append(gave, "送去慰问品折合"+FormatWan(h.GoodsFen))
	}
	if len(gave) > 0 {
		visit = append(visit, strings.Join(gave, "、"))
	}
	if h.Covered > 0 && h.OnRoll > 0 {
		visit = append(visit, "在册优抚对象走访覆盖率"+FormatPermille(h.Permille()))
	}
	if h.Visits > 0 && t.HasPrevious() {
		c := Change{Now: int64(h.Visits), Before: int64(t.Previous.Visits)}
		if p, ok := c.Permille(); ok && p != 0 {
			word := "同比增长"
			if p < 0 {
				word, p = "同比下降", -p
			}
			visit = append(visit, "走访人次"+word+formatTenths(p))
		}
	}

	// Activities by type (走访慰问 is the sentence above).
	acts := activityClauses(t)
	var act []string
	if len(acts) > 0 {
		act = append(act, strings.Join(acts, "、"))
	}
	if h.Participants > 0 {
		s := "参加活动" + strconv.FormatInt(h.Participants, 10) + "人次"
		if h.Military > 0 {
			s += "，其中部队官兵" + strconv.FormatInt(h.Military, 10) + "人次"
		}
		act = append(act, s)
	}
	if h.ActivityFen > 0 {
		act = append(act, "投入活动经费"+FormatWan(h.ActivityFen))
	}
	for i, items := range itemClauses(t.Events.Items) {
		if i == 0 {
			items = "累计" + items
		}
		act = append(act, items)
	}

	// Per-unit support (rule 6: military units only; 拥军 money is the events' 活动经费, part
	// of the 活动经费 above, never the families' 慰问金).
	var sup []string
	if n := len(t.SupportTo.Rows); n > 0 && t.SupportTo.Total.Events > 0 {
		s := "与驻地部队等" + strconv.Itoa(n) + "个部队单位开展拥军活动" + strconv.Itoa(t.SupportTo.Total.Events) + "次"
		if t.SupportTo.Total.MoneyFen > 0 {
			s += "，使用经费" + FormatWan(t.SupportTo.Total.MoneyFen)
			if h.ActivityFen > 0 {
				// Part of the 活动经费 already stated: said so, or a reader adds them up.
				s += "（已含在上述活动经费中）"
			}
		}
		sup = append(sup, s)
	}
	if n := len(t.SupportFrom.Rows); n > 0 && t.SupportFrom.Total.Events > 0 {
		s := "驻地部队等" + strconv.Itoa(n) + "个部队单位主办或协办拥政爱民活动" + strconv.Itoa(t.SupportFrom.Total.Events) + "次"
		if t.SupportFrom.Total.Military > 0 {
			// Not 「出动官兵」: that is an item a user may record, with its own figure.
			s += "，部队官兵参与" + strconv.FormatInt(t.SupportFrom.Total.Military, 10) + "人次"
		}
		sup = append(sup, s)
	}

	lead := "今年以来"
	switch p := t.Period(); {
	case !p.Single():
		lead = p.Zh()
	case !t.current():
		lead = strconv.Itoa(t.Year) + "年"
	}
	var body []string
	if len(visit) > 0 {
		body = append(body, strings.Join(visit, "，"))
	}
	if len(act) > 0 {
		body = append(body, strings.Join(act, "，"))
	}
	if len(sup) > 0 {
		body = append(body, strings.Join(sup, "；"))
	}
	if len(body) > 0 {
		sentences = append(sentences, lead+"，"+strings.Join(body, "；")+"。")
	}
	if s := dutiesZh(t); s != "" {
		sentences = append(sentences, s)
	}

	// The roll.
	if h.OnRoll > 0 {
		when := "截至" + strconv.Itoa(t.Period().To) + "年底"
		if t.current() {
			when = "截至目前"
		}
		s := when + "，现有各类优抚对象共计" + strconv.Itoa(h.OnRoll) + "人"
		if h.Stopped > 0 {
			s += "（其中停发" + strconv.Itoa(h.Stopped) + "人）"
		}
		var cats []string
		for _, r := range t.Roster.Rows {
			if r.Count > 0 {
				cats = append(cats, CategoryLabel(r.Category, Zh)+strconv.Itoa(r.Count)+"人")
			}
		}
		if len(cats) > 0 {
			s += "，其中" + strings.Join(cats, "、")
			if n := t.Roster.MultiCategory; n > 0 && len(cats) > 1 {
				// Rule 4: the parts add up to more than the whole; say why.
				s += "（" + strconv.Itoa(n) + "人兼有两类及以上身份，分别计入各类）"
			}
		}
		var moved []string
		if h.New > 0 {
			moved = append(moved, "新增"+strconv.Itoa(h.New)+"人")
		}
		if h.Removed > 0 {
			moved = append(moved, "减少"+strconv.Itoa(h.Removed)+"人")
		}
		if len(moved) > 0 {
			if t.Period().Single() {
				s += "；全年" + strings.Join(moved, "、")
			} else {
				s += "；" + t.Period().Zh() + "共" + strings.Join(moved, "、")
			}
		}
		sentences = append(sentences, s+"。")
	}
	if len(sentences) == 0 {
		if t.current() {
			return "今年以来暂无走访慰问和双拥活动记录。"
		}
		return t.Period().Zh() + "无走访慰问和双拥活动记录。"
	}
	return strings.Join(sentences, "")
}

// itemClauses writes items as reports do, in the tally's order (rule 9): items with no
// breakdown in one clause (鞋垫276双、标语100幅), each item with breakdowns in a clause of its
// own that keeps them (接收军转干部21名，其中，男同志18名，女同志3名 — 篇7's wording).
func itemClauses(items []ItemTotal) []string {
	var plain []string
	var broken []string
	word := func(it ItemTotal) string { return it.Name + strconv.FormatInt(it.Quantity, 10) + it.Unit }
	for i := 0; i < len(items); i++ {
		it := items[i]
		var parts []string
		for i+1 < len(items) && items[i+1].IsBreakdown() && items[i+1].ParentName == it.Name && items[i+1].ParentUnit == it.Unit {
			i++
			if items[i].Quantity > 0 {
				parts = append(parts, word(items[i]))
			}
		}
		switch {
		case it.Quantity <= 0:
		case len(parts) > 0:
			broken = append(broken, word(it)+"，其中，"+strings.Join(parts, "，"))
		case it.IsBreakdown():
			// A breakdown whose parent is not in this list (a nested one): said as itself.
			plain = append(plain, word(it))
		default:
			plain = append(plain, word(it))
		}
	}
	var out []string
	if len(plain) > 0 {
		out = append(out, strings.Join(plain, "、"))
	}
	return append(out, broken...)
}

func summaryEn(t Tally) string {
	h := t.Headline
	var parts []string
	when := "So far in " + strconv.Itoa(t.Year)
	switch p := t.Period(); {
	case !p.Single():
		when = "From " + strconv.Itoa(p.From) + " to " + strconv.Itoa(p.To)
	case !t.current():
		when = "In " + strconv.Itoa(t.Year)
	}
	if h.Visits > 0 {
		s := ""
		if h.Rounds > 0 {
			s = strconv.Itoa(h.Rounds) + " visit rounds reached "
		} else {
			s = "visits reached "
		}
		s += strconv.Itoa(h.People) + " people in " + strconv.Itoa(h.Households) + " households (" + strconv.Itoa(h.Visits) + " visits)"
		if h.MoneyFen > 0 {
			s += ", with " + enMoney(h.MoneyFen) + " in cash"
		}
		if h.GoodsFen > 0 {
			s += " and goods worth " + enMoney(h.GoodsFen)
		}
		if h.Covered > 0 && h.OnRoll > 0 {
			s += "; " + FormatPermille(h.Permille()) + " of the people on the roll were visited"
		}
		parts = append(parts, s)
	}
	var acts []string
	for _, r := range t.Events.Rows {
		if r.Type == EventVisit || r.Year.Events == 0 {
			continue
		}
		acts = append(acts, strconv.Itoa(r.Year.Events)+" "+phraseOf(r.Type).en)
	}
	if h.Rounds > 0 && h.Visits == 0 {
		acts = append([]string{strconv.Itoa(h.Rounds) + " visit rounds"}, acts...)
	}
	if len(acts) > 0 {
		s := "there were " + strings.Join(acts, ", ")
		if h.Participants > 0 {
			s += ", with " + strconv.FormatInt(h.Participants, 10) + " participants"
			if h.Military > 0 {
				s += " (" + strconv.FormatInt(h.Military, 10) + " military)"
			}
		}
		if h.ActivityFen > 0 {
			s += ", spending " + enMoney(h.ActivityFen)
		}
		parts = append(parts, s)
	}
	var items []string
	for _, it := range t.Events.Items {
		if it.Quantity > 0 {
			s := strconv.FormatInt(it.Quantity, 10) + " " + it.Unit + " " + it.Name
			if it.IsBreakdown() {
				s = "of them " + s
			}
			items = append(items, s)
		}
	}
	if len(items) > 0 {
		parts = append(parts, "items: "+strings.Join(items, ", "))
	}
	if n := len(t.SupportTo.Rows); n > 0 && t.SupportTo.Total.Events > 0 {
		parts = append(parts, strconv.Itoa(t.SupportTo.Total.Events)+" events supported "+strconv.Itoa(n)+" military units")
	}
	if n := len(t.SupportFrom.Rows); n > 0 && t.SupportFrom.Total.Events > 0 {
		parts = append(parts, strconv.Itoa(n)+" military units helped the locality in "+strconv.Itoa(t.SupportFrom.Total.Events)+" events")
	}
	var out string
	if len(parts) > 0 {
		out = when + ", " + strings.Join(parts, "; ") + "."
	}
	if s := dutiesEn(t); s != "" {
		if out != "" {
			out += " "
		}
		out += s
	}
	if h.OnRoll > 0 {
		if out != "" {
			out += " "
		}
		out += strconv.Itoa(h.OnRoll) + " people are on the roll"
		if h.Stopped > 0 {
			out += " (" + strconv.Itoa(h.Stopped) + " with payments stopped)"
		}
		if n := t.Roster.MultiCategory; n > 0 {
			out += "; " + strconv.Itoa(n) + " of them hold two categories or more and count in each"
		}
		var moved []string
		if h.New > 0 {
			moved = append(moved, strconv.Itoa(h.New)+" new")
		}
		if h.Removed > 0 {
			moved = append(moved, strconv.Itoa(h.Removed)+" removed")
		}
		if len(moved) > 0 {
			out += " (" + strings.Join(moved, ", ") + " during the period)"
		}
		out += "."
	}
	if out == "" {
		return "Nothing was recorded for " + t.Period().En() + "."
	}
	return out
}

// enMoney writes an amount in yuan for English prose: 15000 yuan, 1.2 million yuan.
func enMoney(fen int64) string {
	return FormatYuan(fen) + " yuan"
}
