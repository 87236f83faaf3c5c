package units

import (
	"strings"

	"shuangyong/model"
	"shuangyong/ui/components"
	"shuangyong/ui/i18n"
)

// unitFields is the unit's field table: the list's columns, the detail and the form all
// read it. Side is not typed: it follows from the kind.
func unitFields(lang model.Lang) components.Fields[model.Unit] {
	t := func(k i18n.Key) string { return i18n.T(lang, k) }
	kinds := components.EnumOptions(model.UnitKinds, lang, "")
	return components.Fields[model.Unit]{
		{Key: "Name", Label: t(i18n.UnitName), Max: model.MaxUnitName, Hidden: true, // the detail's title
			Get: func(u *model.Unit) string { return u.Name }, Set: func(u *model.Unit, v string) { u.Name = v },
			Column: &components.Column{Min: 12, Max: 28, Grow: 3, Keep: 100}},
		{Key: "Kind", Label: t(i18n.UnitKind), Kind: components.KindPick, Options: kinds,
			Get: func(u *model.Unit) string { return u.Kind }, Set: func(u *model.Unit, v string) { u.Kind = v },
			Column: &components.Column{Min: 8, Max: 10, Keep: 90}},
		{Key: "Side", Label: t(i18n.UnitSide),
			Get:    func(u *model.Unit) string { return model.Sides.Label(u.Side(), lang) },
			Column: &components.Column{Min: 5, Max: 5, Keep: 80}},
		{Key: "Designation", Label: t(i18n.UnitDesignation), Max: model.MaxUnitName,
			Get: func(u *model.Unit) string { return u.Designation }, Set: func(u *model.Unit, v string) { u.Designation = v },
			Column: &components.Column{Min: 8, Max: 16, Grow: 1, Keep: 30}},
		{Key: "ContactName", Label: t(i18n.UnitContact), Max: model.MaxShortText,
			Get: func(u *model.Unit) string { return u.ContactName }, Set: func(u *model.Unit, v string) { u.ContactName = v },
			Column: &components.Column{Min: 6, Max: 10, Keep: 60}},
		{Key: "ContactPhone", Label: t(i18n.UnitPhone), Max: 60, Placeholder: "13800000000",
			Get: func(u *model.Unit) string { return u.ContactPhone }, Set: func(u *model.Unit, v string) { u.ContactPhone = v },
			// The list shows the number masked, like every phone in a list; the detail in full
			// (a unit's office number, not a family's).
			Cell:   func(u *model.Unit) string { return maskPhones(u.ContactPhone) },
			Column: &components.Column{Min: 12, Max: 14, Keep: 50}},
		{Key: "Address", Label: t(i18n.UnitAddress), Max: model.MaxLineText, Long: true,
			Get: func(u *model.Unit) string { return u.Address }, Set: func(u *model.Unit, v string) { u.Address = v }},
		{Key: "Note", Label: t(i18n.UnitNote), Max: model.MaxLongText, Long: true,
			Get: func(u *model.Unit) string { return u.Note }, Set: func(u *model.Unit, v string) { u.Note = v }},
	}
}

// maskPhones masks the first of a unit's phone numbers (the list has room for one).
func maskPhones(phones string) string {
	first, _, _ := strings.Cut(phones, "，")
	return model.MaskPhone(first)
}
