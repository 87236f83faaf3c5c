package model

import "strconv"

import "strings"

// The figures paragraph of the 年度工作总结, drafted from a tally for the cadre to paste and
// edit. It follows the register of real summaries ("今年以来，共开展走访慰问…次，慰问优抚对象…户、
// …人次，发放慰问金…元；组织文艺联欢…场、召开座谈会…场……"): figures written with Arabic
// numerals and their counting units, sums from 1 万元 up in 万元, items with their own units
// (鞋垫276双), and nothing said about what did not happen — a zero figure is left out with
// its clause.

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
	EventHonour:        {"送喜报、挂光荣牌", "次", "honour deliveries"},
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
	return len(t.AsOf) < 4 || t.AsOf[:4] == pad4(t.Year)
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
	if h.Visits > 0 {
		c := Change{Now: int64(h.Visits), Before: int64(t.Previous.Visits)}
		if p, ok := c.Permille(); ok && p != 0 {
			word := "同比增长"
			if p < 0 {
				word, p = "同比下降", -p
			}
			visit = append(visit, "走访人次"+word+FormatPermille(p))
		}
	}

	// Activities by type (走访慰问 is the sentence above).
	var acts []string
	for _, r := range t.Events.Rows {
		if r.Type == EventVisit || r.Year.Events == 0 {
			continue
		}
		p := phraseOf(r.Type)
		acts = append(acts, p.zh+strconv.Itoa(r.Year.Events)+p.unit)
	}
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
	if items := itemList(t.Events.Items); items != "" {
		act = append(act, "累计"+items)
	}

	// Per-unit support.
	var sup []string
	if n := len(t.SupportTo.Rows); n > 0 && t.SupportTo.Total.Events > 0 {
		s := "与驻地部队、共建单位等" + strconv.Itoa(n) + "个单位开展拥军活动" + strconv.Itoa(t.SupportTo.Total.Events) + "次"
		if t.SupportTo.Total.MoneyFen > 0 {
			s += "，投入资金" + FormatWan(t.SupportTo.Total.MoneyFen)
		}
		sup = append(sup, s)
	}
	if n := len(t.SupportFrom.Rows); n > 0 && t.SupportFrom.Total.Events > 0 {
		s := "驻地部队等" + strconv.Itoa(n) + "个单位参与拥政爱民活动" + strconv.Itoa(t.SupportFrom.Total.Events) + "次"
		if t.SupportFrom.Total.Military > 0 {
			s += "，出动官兵" + strconv.FormatInt(t.SupportFrom.Total.Military, 10) + "人次"
		}
		sup = append(sup, s)
	}

	lead := "今年以来"
	if !t.current() {
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

	// The roll.
	if h.OnRoll > 0 {
		when := "截至" + strconv.Itoa(t.Year) + "年底"
		if t.current() {
			when = "截至目前"
		}
		s := when + "，现有各类优抚对象共计" + strconv.Itoa(h.OnRoll) + "人"
		var cats []string
		for _, r := range t.Roster.Rows {
			if r.Count > 0 {
				cats = append(cats, CategoryLabel(r.Category, Zh)+strconv.Itoa(r.Count)+"人")
			}
		}
		if len(cats) > 0 {
			s += "，其中" + strings.Join(cats, "、")
		}
		var moved []string
		if h.New > 0 {
			moved = append(moved, "新增"+strconv.Itoa(h.New)+"人")
		}
		if h.Removed > 0 {
			moved = append(moved, "减少"+strconv.Itoa(h.Removed)+"人")
		}
		if len(moved) > 0 {
			s += "；全年" + strings.Join(moved, "、")
		}
		sentences = append(sentences, s+"。")
	}
	if len(sentences) == 0 {
		if t.current() {
			return "今年以来暂无走访慰问和双拥活动记录。"
		}
		return strconv.Itoa(t.Year) + "年无走访慰问和双拥活动记录。"
	}
	return strings.Join(sentences, "")
}

// itemList writes items as reports do: 鞋垫276双、标语100幅.
func itemList(items []ItemTotal) string {
	var out []string
	for _, it := range items {
		if it.Quantity > 0 {
			out = append(out, it.Name+strconv.FormatInt(it.Quantity, 10)+it.Unit)
		}
	}
	return strings.Join(out, "、")
}

func summaryEn(t Tally) string {
	h := t.Headline
	var parts []string
	when := "So far in " + strconv.Itoa(t.Year)
	if !t.current() {
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
			items = append(items, strconv.FormatInt(it.Quantity, 10)+" "+it.Unit+" "+it.Name)
		}
	}
	if len(items) > 0 {
		parts = append(parts, "items: "+strings.Join(items, ", "))
	}
	if n := len(t.SupportTo.Rows); n > 0 && t.SupportTo.Total.Events > 0 {
		parts = append(parts, strconv.Itoa(t.SupportTo.Total.Events)+" events supported "+strconv.Itoa(n)+" military and partner units")
	}
	if n := len(t.SupportFrom.Rows); n > 0 && t.SupportFrom.Total.Events > 0 {
		parts = append(parts, strconv.Itoa(n)+" units helped the locality in "+strconv.Itoa(t.SupportFrom.Total.Events)+" events")
	}
	var out string
	if len(parts) > 0 {
		out = when + ", " + strings.Join(parts, "; ") + "."
	}
	if h.OnRoll > 0 {
		if out != "" {
			out += " "
		}
		out += strconv.Itoa(h.OnRoll) + " people are on the roll"
		var moved []string
		if h.New > 0 {
			moved = append(moved, strconv.Itoa(h.New)+" new")
		}
		if h.Removed > 0 {
			moved = append(moved, strconv.Itoa(h.Removed)+" removed")
		}
		if len(moved) > 0 {
			out += " (" + strings.Join(moved, ", ") + " during the year)"
		}
		out += "."
	}
	if out == "" {
		return "Nothing was recorded for " + strconv.Itoa(t.Year) + "."
	}
	return out
}

// enMoney writes an amount in yuan for English prose: 15000 yuan, 1.2 million yuan.
func enMoney(fen int64) string {
	return FormatYuan(fen) + " yuan"
}
