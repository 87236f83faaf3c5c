package history

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"shuangyong/model"
	"shuangyong/ui/i18n"
	"shuangyong/ui/textwidth"
)

// skipColumns are kept by the program, not typed: a change to them says nothing a user
// would look for (search keys, stamps, the derived last visit).
var skipColumns = map[string]bool{
	"id": true, "py_initials": true, "py_full": true, "py_alt": true, "py_sort": true,
	"created_at": true, "updated_at": true, "deleted_at": true, "last_visit_on": true, "last_home_on": true,
	"household_key": true, "service_unit_id": true, "event_units": true, "event_items": true,
}

// enumColumns name the enumeration a column's codes come from.
var enumColumns = map[string]model.Enum{
	"sex": model.Sexes, "hukou_type": model.HukouTypes, "categories": model.Categories,
	"disability_nature": model.DisabilityNatures, "martyr_relation": model.MartyrRelations,
	"relation": model.Relations, "rank": model.Ranks, "service_status": model.ServiceStatuses,
	"subsidy_status": model.SubsidyStatuses, "self_care": model.SelfCareLevels, "assistance": model.Assistances,
	"status": model.PersonStatuses, "kind": model.UnitKinds, "type": model.EventTypes,
	"occasion": model.Occasions, "direction": model.Directions, "mode": model.VisitModes,
	"key_mark": model.KeyMarks, "state": model.PlaqueStates, "method": model.ConfirmMethods,
}

// columnLabels name the columns whose label is not the model's field label.
var columnLabels = map[string]i18n.Key{
	"village_id": i18n.LabelVillage, "household_id": i18n.FormHousehold, "household_key": i18n.FormHousehold,
	"lives_alone": i18n.LabelLivesAlone, "honour_plaque": i18n.LabelHonourPlaque, "preferential_card": i18n.LabelPrefCard,
	"signed": i18n.LabelSigned, "key_mark": i18n.LabelKeyMark, "state": i18n.LabelPlaqueState,
	"method": i18n.LabelConfirmMethod, "confirmed_by": i18n.LabelConfirmedBy,
}

// boolColumns are stored 0/1.
var boolColumns = map[string]bool{"lives_alone": true, "honour_plaque": true, "preferential_card": true, "signed": true}

// fieldName turns a column name into the model's field name (id_number → IDNumber), whose
// label model.FieldLabel knows.
func fieldName(col string) string {
	var b strings.Builder
	for _, part := range strings.Split(col, "_") {
		if part == "id" {
			b.WriteString("ID")
			continue
		}
		if part == "" {
			continue
		}
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String()
}

// Labeler names what a change shows: column labels and values in the user's language.
type Labeler struct {
	Lang model.Lang
	// Village names a village id (the settings' list); nil shows the id.
	Village func(id int64) string
}

func (l Labeler) label(entity, col string) string {
	switch {
	case entity == "units" && col == "name":
		return i18n.T(l.Lang, i18n.UnitName)
	case entity == "pairings" && col == "since":
		return i18n.T(l.Lang, i18n.UnitsPairSince)
	}
	if k, ok := columnLabels[col]; ok {
		return i18n.T(l.Lang, k)
	}
	return model.FieldLabel(fieldName(col), l.Lang)
}

// value shows a stored value as the screens show it: labels for codes, 元 for 分, masked
// ID and phone numbers (the history is on screen like everything else).
func (l Labeler) value(col string, v any) string {
	var s string
	switch x := v.(type) {
	case nil:
		s = ""
	case string:
		s = x
	case float64:
		s = fmt.Sprintf("%.0f", x)
	default:
		s = fmt.Sprint(x)
	}
	switch {
	case s == "":
	case col == "id_number":
		s = model.MaskID(s)
	case col == "phones" || col == "contact_phone":
		var out []string
		for _, p := range strings.Fields(strings.ReplaceAll(s, "，", " ")) {
			out = append(out, model.MaskPhone(p))
		}
		s = strings.Join(out, " ")
	case strings.HasSuffix(col, "_fen"):
		var fen int64
		fmt.Sscan(s, &fen)
		s = model.FormatYuan(fen)
	case boolColumns[col]:
		if s == "1" {
			s = i18n.T(l.Lang, i18n.FormYes)
		} else {
			s = i18n.T(l.Lang, i18n.FormNo)
		}
	case col == "village_id" && l.Village != nil:
		var id int64
		fmt.Sscan(s, &id)
		if name := l.Village(id); name != "" {
			s = name
		}
	case col == "disability_grade":
		var g int
		fmt.Sscan(s, &g)
		s = model.GradeLabel(g, l.Lang)
	case enumColumns[col] != nil:
		var labels []string
		for _, code := range strings.Split(s, ",") {
			labels = append(labels, enumColumns[col].Label(code, l.Lang))
		}
		s = i18n.JoinList(l.Lang, labels)
	}
	if s == "" {
		return i18n.T(l.Lang, i18n.HistEmptyValue)
	}
	return textwidth.Clean(s)
}

// Changes lists what a history row changed, one "label: before -> after" per field, in
// the order of the columns' labels. A row added or deleted lists nothing: its action and
// summary say it.
func (l Labeler) Changes(entity, before, after string) []string {
	if before == "" || after == "" {
		return nil
	}
	var b, a map[string]any
	if json.Unmarshal([]byte(before), &b) != nil || json.Unmarshal([]byte(after), &a) != nil {
		return nil
	}
	var cols []string
	for col := range a {
		if !skipColumns[col] && fmt.Sprint(a[col]) != fmt.Sprint(b[col]) {
			cols = append(cols, col)
		}
	}
	sort.Strings(cols)
	out := make([]string, 0, len(cols))
	for _, col := range cols {
		out = append(out, i18n.T(l.Lang, i18n.HistArrow, l.label(entity, col), l.value(col, b[col]), l.value(col, a[col])))
	}
	return out
}
