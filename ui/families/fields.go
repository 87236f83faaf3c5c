package families

import (
	"strconv"
	"strings"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/ui/components"
	"shuangyong/ui/i18n"
)

// personRow is a person as the tab shows them: the record with its village's name (the
// list's rows as the store reads them; the detail fills in the name it read).
type personRow = store.PersonRow

// section is the heading of the person's detail a field is shown under.
type section int

const (
	notInDetail   section = iota // the detail's title shows it, or only the form or the list has it
	secBasic                     // 基本信息
	secCategories                // 人员类别
	secService                   // 军人信息
	secCare                      // 优待与生活
	secRecord                    // when the record was entered and last changed, at the bottom
)

// personField is one field of the person's table: the shared definition (label, form
// field, list column, detail text) and where the 军属 tab places it.
type personField struct {
	components.FieldDef[personRow]
	section section
	col     int // the list column it fills (colVillage…), when Column is set
	// shown leaves the field out of the detail while it returns false (nil: always shown).
	shown func(r *personRow) bool
}

// personFields is the person's field table, in the form's order. The form, the detail and
// the list columns all read it.
type personFields []personField

// personView is what the table's texts depend on besides the record.
type personView struct {
	reveal bool   // the detail shows the ID and phone numbers in full (F7)
	unit   string // the name of the registered unit of service
}

// defs are the shared definitions, for the form.
func (fs personFields) defs() components.Fields[personRow] {
	out := make(components.Fields[personRow], len(fs))
	for i := range fs {
		out[i] = fs[i].FieldDef
	}
	return out
}

// columns are the definitions of the list's columns, in column order.
func (fs personFields) columns() components.Fields[personRow] {
	out := make(components.Fields[personRow], colVisit+1)
	for i := range fs {
		if fs[i].Column != nil {
			out[fs[i].col] = fs[i].FieldDef
		}
	}
	return out
}

// detail lists the label and text of the section's fields shown for r: short ones in the
// table's order (laid out in a grid), long ones after them, save a long one that opens the
// section (人员类别).
func (fs personFields) detail(sec section, r *personRow) []components.KV {
	var shown components.Fields[personRow]
	for i := range fs {
		if fs[i].section == sec && (fs[i].shown == nil || fs[i].shown(r)) {
			shown = append(shown, fs[i].FieldDef)
		}
	}
	var head, grid, tail []components.KV
	for _, kv := range shown.Detail(r) {
		switch {
		case !kv.Long:
			grid = append(grid, kv)
		case len(grid) == 0:
			head = append(head, kv)
		default:
			tail = append(tail, kv)
		}
	}
	return append(append(head, grid...), tail...)
}

// personTable is the person's field table: each field's label, kind, choices and checks,
// how it is read from and written to the record, how the detail and the list show it —
// one list, in the form's order. p is the person a form edits (its village and household
// choices depend on them); v what the detail shows.
func (m *Model) personTable(p model.Person, v personView) personFields {
	type F = personField
	type D = components.FieldDef[personRow]
	lang := m.env.Lang
	col := func(at int, title i18n.Key, c components.Column) (int, *components.Column) {
		c.Title = m.t(title)
		return at, &c
	}
	str := func(get func(*personRow) *string) (func(*personRow) string, func(*personRow, string)) {
		return func(r *personRow) string { return *get(r) }, func(r *personRow, s string) { *get(r) = s }
	}
	text := func(sec section, key string, max int, hint string, get func(*personRow) *string) F {
		g, st := str(get)
		return F{FieldDef: D{Key: key, Label: m.label(key), Max: max, Placeholder: hint, Get: g, Set: st}, section: sec}
	}
	// A pick shows its choice's label in the detail ("" when none: not the form's 「（未填）」).
	pick := func(sec section, key string, e model.Enum, unset bool, get func(*personRow) *string) F {
		g, st := str(get)
		return F{FieldDef: D{Key: key, Label: m.label(key), Kind: components.KindPick, Options: m.enumOptions(e, unset),
			Get: g, Set: st, Show: func(r *personRow) string { return e.Label(*get(r), lang) }}, section: sec}
	}
	yesNo := func(sec section, key string, get func(*personRow) *bool) F {
		return F{FieldDef: D{Key: key, Label: m.label(key), Kind: components.KindPick, Options: m.yesNoOptions(),
			Get:  func(r *personRow) string { return boolValue(*get(r)) },
			Set:  func(r *personRow, s string) { *get(r) = s == "1" },
			Show: func(r *personRow) string { return yesNo(m, *get(r)) }}, section: sec}
	}
	year := func(key string, get func(*personRow) *int) F {
		return F{FieldDef: D{Key: key, Label: m.label(key), Max: 4,
			Get: func(r *personRow) string { return itoaOrEmpty(*get(r)) },
			Set: func(r *personRow, s string) { *get(r), _ = strconv.Atoi(strings.TrimSpace(s)) },
			Check: func(s string) (string, string) {
				s = strings.TrimSpace(s)
				if s == "" {
					return "", ""
				}
				if _, err := strconv.Atoi(s); err != nil || len(s) != 4 {
					return s, m.t(i18n.FormYearBad)
				}
				return s, ""
			}}}
	}
	long := func(f F) F { f.Long = true; return f }
	// applies makes fields that concern some categories only: the form shows them while
	// such a category is ticked; the detail while the person holds one, or any of them
	// has a value (a value is never kept out of sight).
	applies := func(pred func(string) bool, group ...F) []F {
		visible := func(f *components.Form) bool { return hasAny(f, pred) }
		shown := func(r *personRow) bool {
			for _, c := range r.Categories {
				if pred(c) {
					return true
				}
			}
			for i := range group {
				if group[i].Get(r) != "" {
					return true
				}
			}
			return false
		}
		for i := range group {
			group[i].Visible, group[i].shown = visible, shown
		}
		return group
	}
	masked := func(s string, mask func(string) string) string {
		if v.reveal {
			return s
		}
		return mask(s)
	}

	villages := []components.Option{{Value: "", Label: m.t(i18n.FormUnset)}}
	known := p.VillageID == 0
	for _, vl := range m.villages {
		villages = append(villages, components.Option{Value: strconv.FormatInt(vl.ID, 10), Label: vl.Name})
		known = known || vl.ID == p.VillageID
	}
	if !known { // a village no longer on the list: keep it choosable
		name := ""
		if d := m.detail(); d != nil && d.id == p.ID {
			name = d.msg.village
		}
		if name == "" {
			name = "#" + strconv.FormatInt(p.VillageID, 10)
		}
		villages = append(villages, components.Option{Value: strconv.FormatInt(p.VillageID, 10), Label: name})
	}
	grades := []components.Option{{Value: "", Label: m.t(i18n.FormUnset)}}
	for g := 1; g <= 10; g++ {
		grades = append(grades, components.Option{Value: strconv.Itoa(g), Label: model.GradeLabel(g, lang)})
	}
	other := func(c string) bool { return c == model.CatOther }

	name := text(notInDetail, "Name", model.MaxNameRunes, m.t(i18n.FormNameHint), func(r *personRow) *string { return &r.Name })
	name.col, name.Column = col(colName, i18n.ColName, components.Column{Min: 10, Max: 16, Grow: 2, Keep: 100})
	name.Cell = func(r *personRow) string {
		return r.Name + matchTag(lang, r.Match) // what put the row here, when no column shows it
	}
	id := text(secBasic, "IDNumber", 24, m.t(i18n.FormIDHint), func(r *personRow) *string { return &r.IDNumber })
	id.Show = func(r *personRow) string { return masked(r.IDNumber, model.MaskID) }
	id.Cell = func(r *personRow) string { return model.MaskID(r.IDNumber) }
	id.col, id.Column = col(colID, i18n.ColID, components.Column{Min: 18, Max: 18, Keep: 60})
	sex := pick(secBasic, "Sex", model.Sexes, true, func(r *personRow) *string { return &r.Sex })
	sex.col, sex.Column = col(colSex, i18n.ColSex, components.Column{Min: 4, Max: 4, Keep: 30})
	age := F{FieldDef: D{Key: "Age", Label: m.t(i18n.ColAge),
		Get: func(r *personRow) string {
			if a := ageOn(r.BirthDate, m.now()); a >= 0 {
				return strconv.Itoa(a)
			}
			return ""
		}}}
	age.col, age.Column = col(colAge, i18n.ColAge, components.Column{Min: 4, Max: 4, Keep: 40, Right: true})
	phones := F{FieldDef: D{Key: "Phones", Label: m.label("Phones"), Max: 80, Placeholder: m.t(i18n.FormPhoneHint),
		Get: func(r *personRow) string { return model.JoinPhones(r.Phones) },
		Set: func(r *personRow, s string) {
			r.Phones = nil
			if s := strings.TrimSpace(s); s != "" {
				r.Phones = []string{s} // split and checked by the model's validation
			}
		},
		Show: func(r *personRow) string {
			shown := make([]string, len(r.Phones))
			for i, ph := range r.Phones {
				shown[i] = masked(ph, model.MaskPhone)
			}
			return model.JoinPhones(shown)
		},
		Cell: func(r *personRow) string { // the list has room for one
			if len(r.Phones) == 0 {
				return ""
			}
			return model.MaskPhone(r.Phones[0])
		}}, section: secBasic}
	phones.col, phones.Column = col(colPhone, i18n.ColPhone, components.Column{Min: 12, Max: 15, Grow: 1, Keep: 50})
	village := F{FieldDef: D{Key: "VillageID", Label: m.label("VillageID"), Kind: components.KindPick, Options: villages,
		Get:  func(r *personRow) string { return idOrEmpty(r.VillageID) },
		Set:  func(r *personRow, s string) { r.VillageID, _ = strconv.ParseInt(s, 10, 64) },
		Show: func(r *personRow) string { return r.VillageName }}, section: secBasic}
	village.col, village.Column = col(colVillage, i18n.ColVillage, components.Column{Min: 8, Max: 12, Grow: 1, Keep: 90})
	cats := F{FieldDef: D{Key: "Categories", Label: m.label("Categories"), Kind: components.KindMulti, Long: true,
		Options: m.enumOptions(model.Categories, false),
		Get:     func(r *personRow) string { return strings.Join(r.Categories, ",") },
		Set:     func(r *personRow, s string) { r.Categories = splitComma(s) },
		Show:    func(r *personRow) string { return m.joinLabels(model.Categories, r.Categories) },
		Cell:    func(r *personRow) string { return i18n.CatShortList(lang, r.Categories) }}, section: secCategories}
	cats.col, cats.Column = col(colCats, i18n.ColCategories, components.Column{Min: 10, Max: 40, Grow: 8, Keep: 80})
	grade := F{FieldDef: D{Key: "DisabilityGrade", Label: m.label("DisabilityGrade"), Kind: components.KindPick, Options: grades,
		Get:  func(r *personRow) string { return itoaOrEmpty(r.DisabilityGrade) },
		Set:  func(r *personRow, s string) { r.DisabilityGrade, _ = strconv.Atoi(s) },
		Show: func(r *personRow) string { return model.GradeLabel(r.DisabilityGrade, lang) }}, section: secCategories}
	serviceUnit := long(text(secService, "ServiceUnit", model.MaxUnitName, "", func(r *personRow) *string { return &r.ServiceUnit }))
	serviceUnit.Show = func(r *personRow) string { // the registered unit's name, then the unit as typed
		return strings.TrimSpace(v.unit + " " + r.ServiceUnit)
	}
	subsidy := pick(secCare, "SubsidyStatus", model.SubsidyStatuses, true, func(r *personRow) *string { return &r.SubsidyStatus })
	subsidy.Show = func(r *personRow) string { // with its years: 「享受中 2019-」
		s := model.SubsidyStatuses.Label(r.SubsidyStatus, lang)
		if r.SubsidyFrom == 0 && r.SubsidyTo == 0 {
			return s
		}
		return strings.TrimSpace(s + " " + itoaOrEmpty(r.SubsidyFrom) + "-" + itoaOrEmpty(r.SubsidyTo))
	}
	cadre := text(secCare, "PairingCadre", model.MaxUnitName, "", func(r *personRow) *string { return &r.PairingCadre })
	cadre.col, cadre.Column = col(colCadre, i18n.ColCadre, components.Column{Min: 8, Max: 10, Grow: 1, Keep: 20})
	lastVisit := F{FieldDef: D{Key: "LastVisitOn", Label: m.label("LastVisitOn"),
		Get: func(r *personRow) string { return r.LastVisitOn },
		Cell: func(r *personRow) string {
			if r.LastVisitOn == "" {
				return m.t(i18n.FamNeverVisited)
			}
			return r.LastVisitOn
		}}, section: secBasic}
	lastVisit.col, lastVisit.Column = col(colVisit, i18n.ColLastVisit, components.Column{Min: 10, Max: 10, Keep: 70})
	stamp := func(key string, get func(*personRow) string) F {
		return F{FieldDef: D{Key: key, Label: m.label(key), Get: get}, section: secRecord}
	}

	fs := personFields{
		name, id, sex,
		text(secBasic, "BirthDate", 12, m.t(i18n.FormDateHint), func(r *personRow) *string { return &r.BirthDate }),
		age,
		text(secBasic, "Ethnicity", model.MaxShortText, "", func(r *personRow) *string { return &r.Ethnicity }),
		phones,
		text(secBasic, "ContactNote", model.MaxLineText, "", func(r *personRow) *string { return &r.ContactNote }),
		village,
		long(text(secBasic, "Address", model.MaxLineText, "", func(r *personRow) *string { return &r.Address })),
		{FieldDef: D{Key: "Household", Label: m.label("Household"), Kind: components.KindPick, Options: m.householdOptions(p),
			Get: func(r *personRow) string {
				if r.ID != 0 && r.HouseholdID != 0 {
					return "keep"
				}
				return "alone"
			},
			Set: func(r *personRow, s string) {
				if s != "keep" {
					r.HouseholdID = 0 // alone, or the household joined at the save
				}
			}}},
		// Not a field of the person: who to join, resolved when the form is saved.
		{FieldDef: D{Key: "HouseholdWith", Label: m.t(i18n.FormHouseholdWith), Max: 40, Placeholder: m.t(i18n.FormHouseholdWithHint),
			Visible: func(f *components.Form) bool { return f.Value("Household") == "join" },
			Get:     func(*personRow) string { return "" }, Set: func(*personRow, string) {}}},
		pick(secBasic, "HukouType", model.HukouTypes, true, func(r *personRow) *string { return &r.HukouType }),
		cats,
	}
	fs = append(fs, applies(other,
		text(secCategories, "CategoryOther", model.MaxShortText, "", func(r *personRow) *string { return &r.CategoryOther }))...)
	fs = append(fs, applies(model.NeedsDisability,
		pick(secCategories, "DisabilityNature", model.DisabilityNatures, true, func(r *personRow) *string { return &r.DisabilityNature }),
		grade,
		text(secCategories, "DisabilityCertNo", model.MaxShortText, "", func(r *personRow) *string { return &r.DisabilityCertNo }))...)
	fs = append(fs, applies(model.IsSurvivor,
		pick(secCategories, "MartyrRelation", model.MartyrRelations, true, func(r *personRow) *string { return &r.MartyrRelation }),
		text(secCategories, "MartyrName", model.MaxNameRunes, "", func(r *personRow) *string { return &r.MartyrName }))...)
	return append(fs,
		pick(secService, "Relation", model.Relations, true, func(r *personRow) *string { return &r.Relation }),
		text(secService, "ServicemanName", model.MaxNameRunes, "", func(r *personRow) *string { return &r.ServicemanName }),
		pick(secService, "Rank", model.Ranks, true, func(r *personRow) *string { return &r.Rank }),
		pick(secService, "ServiceStatus", model.ServiceStatuses, true, func(r *personRow) *string { return &r.ServiceStatus }),
		serviceUnit,
		text(secService, "EnlistedOn", 12, m.t(i18n.FormMonthHint), func(r *personRow) *string { return &r.EnlistedOn }),
		text(secService, "DischargedOn", 12, m.t(i18n.FormMonthHint), func(r *personRow) *string { return &r.DischargedOn }),
		subsidy,
		year("SubsidyFrom", func(r *personRow) *int { return &r.SubsidyFrom }), // in 定期抚恤补助's text
		year("SubsidyTo", func(r *personRow) *int { return &r.SubsidyTo }),
		cadre,
		pick(secCare, "SelfCare", model.SelfCareLevels, true, func(r *personRow) *string { return &r.SelfCare }),
		pick(secCare, "Assistance", model.Assistances, true, func(r *personRow) *string { return &r.Assistance }),
		yesNo(secCare, "LivesAlone", func(r *personRow) *bool { return &r.LivesAlone }),
		pick(secCare, "KeyMark", model.KeyMarks, false, func(r *personRow) *string { return &r.KeyMark }),
		long(text(secCare, "Health", model.MaxLongText, "", func(r *personRow) *string { return &r.Health })),
		long(text(secCare, "Conditions", model.MaxLongText, "", func(r *personRow) *string { return &r.Conditions })),
		yesNo(secCare, "HonourPlaque", func(r *personRow) *bool { return &r.HonourPlaque }),
		yesNo(secCare, "PreferentialCard", func(r *personRow) *bool { return &r.PreferentialCard }),
		pick(secBasic, "Status", model.PersonStatuses, false, func(r *personRow) *string { return &r.Status }),
		text(secBasic, "StatusChangedOn", 12, m.t(i18n.FormDateHint), func(r *personRow) *string { return &r.StatusChangedOn }),
		text(secBasic, "RegisteredOn", 12, m.t(i18n.FormDateHint), func(r *personRow) *string { return &r.RegisteredOn }),
		lastVisit,
		long(text(secCare, "Note", model.MaxLongText, "", func(r *personRow) *string { return &r.Note })),
		stamp("CreatedAt", func(r *personRow) string { return r.CreatedAt }),
		stamp("UpdatedAt", func(r *personRow) string { return r.UpdatedAt }),
	)
}
