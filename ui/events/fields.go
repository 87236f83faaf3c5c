package events

import (
	"strconv"
	"strings"
	"time"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/ui/components"
	"shuangyong/ui/i18n"
)

// Fields is the event's field table, read by the list's columns, the detail and the form
// (SPEC.md §4). The form keeps its units and items in rows of its own (form.go); the
// detail lists them in sections. Participants and money are the event's counted figures
// (DOMAIN.md §4 rule 2): for 走访慰问 they come from its visits and are shown, not typed.
func Fields(lang model.Lang, now func() time.Time) components.Fields[store.EventRow] {
	t := func(k i18n.Key) string { return i18n.T(lang, k) }
	date := func(field string, required bool) func(string) (string, string) {
		return func(s string) (string, string) {
			if strings.TrimSpace(s) == "" && !required {
				return "", ""
			}
			iso, err := model.ParseDateField(field, s, now(), false)
			if err != nil {
				return s, model.AsProblem(err, field).Message(lang)
			}
			return iso, ""
		}
	}
	count := func(s string) (string, string) {
		s = strings.TrimSpace(s)
		if s == "" {
			return "", ""
		}
		n, err := strconv.ParseInt(foldDigits(s), 10, 64)
		if err != nil || n < 0 || n > model.MaxCount {
			return s, t(i18n.EvFormQtyBad)
		}
		return strconv.FormatInt(n, 10), ""
	}
	yuan := func(fen int64) string {
		if fen == 0 {
			return ""
		}
		return model.FormatYuan(fen)
	}
	num := func(n int64) string {
		if n == 0 {
			return ""
		}
		return strconv.FormatInt(n, 10)
	}
	fen := func(s string) int64 { f, _ := model.ParseMoney(s); return f }
	atoi := func(s string) int64 { n, _ := strconv.ParseInt(strings.TrimSpace(s), 10, 64); return n }
	visit := func(r *store.EventRow) bool { return r.Type == model.EventVisit }
	unset := t(i18n.FormUnset)
	money := components.MoneyCheck(lang)
	return components.Fields[store.EventRow]{
		{Key: "Date", Label: t(i18n.EvLabelDate), Max: 12, Placeholder: t(i18n.EvFormDateHint), Check: date("Date", true),
			Get:    func(r *store.EventRow) string { return r.Date },
			Set:    func(r *store.EventRow, v string) { r.Date = v },
			Column: &components.Column{Title: t(i18n.EvColDate), Min: 10, Keep: 10}},
		{Key: "Type", Label: t(i18n.EvLabelType), Kind: components.KindPick, Options: components.EnumOptions(model.EventTypes, lang, ""),
			Get:    func(r *store.EventRow) string { return r.Type },
			Set:    func(r *store.EventRow, v string) { r.Type = v },
			Column: &components.Column{Title: t(i18n.EvColType), Min: 8, Max: 16, Grow: 1, Keep: 8}},
		{Key: "Occasion", Label: t(i18n.EvLabelOccasion), Kind: components.KindPick, Options: components.EnumOptions(model.Occasions, lang, unset),
			Get: func(r *store.EventRow) string { return r.Occasion },
			Set: func(r *store.EventRow, v string) { r.Occasion = v }},
		{Key: "EndDate", Label: t(i18n.EvLabelEndDate), Max: 12, Placeholder: t(i18n.EvFormDateHint), Check: date("EndDate", false),
			Get: func(r *store.EventRow) string { return r.EndDate },
			Set: func(r *store.EventRow, v string) { r.EndDate = v }},
		{Key: "Title", Label: t(i18n.EvLabelTitle), Max: model.MaxLineText, Long: true,
			Get:    func(r *store.EventRow) string { return r.Title },
			Set:    func(r *store.EventRow, v string) { r.Title = v },
			Column: &components.Column{Title: t(i18n.EvColTitle), Min: 12, Grow: 3, Keep: 9}},
		{Key: "Place", Label: t(i18n.EvLabelPlace), Max: model.MaxLineText,
			Get:    func(r *store.EventRow) string { return r.Place },
			Set:    func(r *store.EventRow, v string) { r.Place = v },
			Show:   func(r *store.EventRow) string { return r.Place },
			Column: &components.Column{Title: t(i18n.EvColPlace), Min: 8, Grow: 2, Keep: 3}},
		{Key: "Organiser", Label: t(i18n.EvLabelOrganiser), Max: model.MaxUnitName,
			Get: func(r *store.EventRow) string { return r.Organiser },
			Set: func(r *store.EventRow, v string) { r.Organiser = v }},
		{Key: "Lead", Label: t(i18n.EvLabelLead), Max: model.MaxUnitName,
			Get: func(r *store.EventRow) string { return r.Lead },
			Set: func(r *store.EventRow, v string) { r.Lead = v }},
		{Key: "Direction", Label: t(i18n.EvLabelDirection), Kind: components.KindPick, Options: components.EnumOptions(model.Directions, lang, ""),
			Get:    func(r *store.EventRow) string { return r.Direction },
			Set:    func(r *store.EventRow, v string) { r.Direction = v },
			Column: &components.Column{Title: t(i18n.EvColDir), Min: 8, Keep: 1}},
		{Key: "Participants", Label: t(i18n.EvLabelPeople), Max: 10, Placeholder: t(i18n.EvFormCountHint), Check: count,
			Get:    func(r *store.EventRow) string { return num(r.Participants) },
			Show:   func(r *store.EventRow) string { return strconv.FormatInt(r.Fig.Participants, 10) },
			Set:    func(r *store.EventRow, v string) { r.Participants = atoi(v) },
			Column: &components.Column{Title: t(i18n.EvColPeople), Min: 6, Right: true, Keep: 7}},
		{Key: "MilitaryParticipants", Label: t(i18n.EvLabelMilitary), Max: 10, Placeholder: t(i18n.EvFormCountHint), Check: count,
			Get: func(r *store.EventRow) string { return num(r.MilitaryParticipants) },
			Show: func(r *store.EventRow) string {
				if visit(r) {
					return "-"
				}
				return strconv.FormatInt(r.Fig.Military, 10)
			},
			Set: func(r *store.EventRow, v string) { r.MilitaryParticipants = atoi(v) }},
		{Key: "MoneyFen", Label: t(i18n.EvLabelMoney), Max: 20, Placeholder: t(i18n.EvFormMoneyHint), Check: money,
			Get:  func(r *store.EventRow) string { return yuan(r.MoneyFen) },
			Show: func(r *store.EventRow) string { return model.FormatMoney(r.Fig.MoneyFen) },
			Set:  func(r *store.EventRow, v string) { r.MoneyFen = fen(v) },
			// 13 cells: a festival round's 1,035,120.00 (up to 99,999,999.99) whole at 80 columns.
			Column: &components.Column{Title: t(i18n.EvColMoney), Min: 13, Right: true, Keep: 6}},
		{Key: "MoneySource", Label: t(i18n.EvLabelSource), Max: model.MaxUnitName,
			Get: func(r *store.EventRow) string { return r.MoneySource },
			Set: func(r *store.EventRow, v string) { r.MoneySource = v }},
		{Key: "StandardMoneyFen", Label: t(i18n.EvLabelStdMoney), Max: 20, Placeholder: t(i18n.EvFormMoneyHint), Check: money,
			Get:  func(r *store.EventRow) string { return yuan(r.StandardMoneyFen) },
			Set:  func(r *store.EventRow, v string) { r.StandardMoneyFen = fen(v) },
			Show: func(r *store.EventRow) string { return model.FormatMoney(r.StandardMoneyFen) }},
		{Key: "StandardGoods", Label: t(i18n.EvLabelStdGoods), Max: model.MaxLineText,
			Get: func(r *store.EventRow) string { return r.StandardGoods },
			Set: func(r *store.EventRow, v string) { r.StandardGoods = v }},
		{Key: "StandardGoodsFen", Label: t(i18n.EvLabelStdValue), Max: 20, Placeholder: t(i18n.EvFormMoneyHint), Check: money,
			Get:  func(r *store.EventRow) string { return yuan(r.StandardGoodsFen) },
			Set:  func(r *store.EventRow, v string) { r.StandardGoodsFen = fen(v) },
			Show: func(r *store.EventRow) string { return model.FormatMoney(r.StandardGoodsFen) }},
		{Key: "Note", Label: t(i18n.EvLabelNote), Max: model.MaxLongText, Long: true,
			Get: func(r *store.EventRow) string { return r.Note },
			Set: func(r *store.EventRow, v string) { r.Note = v }},
		{Key: "CreatedAt", Label: t(i18n.EvLabelCreated),
			Get: func(r *store.EventRow) string { return shortTime(r.CreatedAt) }},
		{Key: "UpdatedAt", Label: t(i18n.EvLabelUpdated),
			Get: func(r *store.EventRow) string { return shortTime(r.UpdatedAt) }},
	}
}

// campaignOnly are the fields of a 走访慰问 event only (its standard per person); typed
// figures are the other types' only (a visit round's are its visits').
var (
	campaignOnly = map[string]bool{"StandardMoneyFen": true, "StandardGoods": true, "StandardGoodsFen": true}
	typedFigures = map[string]bool{"Participants": true, "MilitaryParticipants": true, "MoneyFen": true}
)

// shortTime shows a stored timestamp to the minute.
func shortTime(s string) string {
	s = strings.Replace(s, "T", " ", 1)
	if len(s) > 16 {
		s = s[:16]
	}
	return s
}

// foldDigits turns full-width digits (an IME's) into ASCII ones.
func foldDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return '0' + (r - '０')
		}
		return r
	}, s)
}
