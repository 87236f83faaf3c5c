package app

import (
	"fmt"
	"strconv"

	"shuangyong/model"
	"shuangyong/ui/components"
	"shuangyong/ui/i18n"
)

// The 常态化联系 part of F9: who the 重点对象 are and how often people are contacted and
// visited at home (model.DutySettings). The due list in 军属 (F6, F3) follows it.

// dutyFields are the section's fields.
func (m *Model) dutyFields() []*components.Field {
	lang := m.env.Lang
	yesNo := []components.Option{{Value: "", Label: m.t(i18n.FormNo)}, {Value: "1", Label: m.t(i18n.FormYes)}}
	grades := []components.Option{{Value: "0", Label: m.t(i18n.SettingsKeyGradeNone)}}
	for g := 1; g <= 10; g++ {
		grades = append(grades, components.Option{Value: strconv.Itoa(g), Label: m.t(i18n.SettingsKeyGradeUpTo, model.GradeLabel(g, lang))})
	}
	var assist []components.Option
	for _, a := range model.Assistances {
		if a.Code != "none" {
			assist = append(assist, components.Option{Value: a.Code, Label: a.Label(lang)})
		}
	}
	months := m.monthOptions()
	pick := func(key string, label i18n.Key, opts []components.Option) *components.Field {
		return &components.Field{Key: key, Label: m.t(label), Kind: components.KindPick, Options: opts}
	}
	return []*components.Field{
		{Key: "duties", Label: m.t(i18n.SettingsDuties), Kind: components.KindHeading, Placeholder: m.t(i18n.SettingsDutiesHint)},
		pick("duty.subsidy", i18n.SettingsKeySubsidy, yesNo),
		{Key: "duty.cats", Label: m.t(i18n.SettingsKeyCats), Kind: components.KindMulti, Options: components.EnumOptions(model.Categories, lang, "")},
		pick("duty.grade", i18n.SettingsKeyGrade, grades),
		pick("duty.alone", i18n.SettingsKeyAlone, yesNo),
		{Key: "duty.assist", Label: m.t(i18n.SettingsKeyAssist), Kind: components.KindMulti, Options: assist},
		{Key: "dutyRule", Label: m.t(i18n.SettingsDutiesRule), Kind: components.KindHeading, Placeholder: m.t(i18n.SettingsDutiesRuleHint)},
		pick("duty.keyContact", i18n.SettingsKeyContact, months),
		pick("duty.keyHome", i18n.SettingsKeyHome, months),
		pick("duty.otherContact", i18n.SettingsOtherContact, months),
		pick("duty.otherHome", i18n.SettingsOtherHome, months),
	}
}

// monthOptions are the rule's periods: none, or calendar periods of N months.
func (m *Model) monthOptions() []components.Option {
	var out []components.Option
	for _, n := range []int{0, 1, 2, 3, 4, 6, 12} {
		label := m.t(i18n.SettingsEveryMonths, n)
		switch n {
		case 0:
			label = m.t(i18n.SettingsNoRule)
		case 3:
			label = m.t(i18n.SettingsQuarterly)
		case 12:
			label = m.t(i18n.SettingsYearly)
		}
		out = append(out, components.Option{Value: strconv.Itoa(n), Label: label})
	}
	return out
}

func flag(b bool) string {
	if b {
		return "1"
	}
	return ""
}

// setDutyValues fills the section from the settings.
func setDutyValues(f *components.Form, d model.DutySettings) {
	f.SetValue("duty.subsidy", flag(d.KeySubsidy))
	f.SetValues("duty.cats", d.KeyCategories)
	f.SetValue("duty.grade", strconv.Itoa(d.KeyMaxGrade))
	f.SetValue("duty.alone", flag(d.KeyLivesAlone))
	f.SetValues("duty.assist", d.KeyAssistance)
	f.SetValue("duty.keyContact", strconv.Itoa(d.Key.ContactMonths))
	f.SetValue("duty.keyHome", strconv.Itoa(d.Key.VisitMonths))
	f.SetValue("duty.otherContact", strconv.Itoa(d.Others.ContactMonths))
	f.SetValue("duty.otherHome", strconv.Itoa(d.Others.VisitMonths))
}

// dutyValues reads the section; the form's fields are picks, so every value is one the
// settings accept, and Validate only guards the store's side.
func dutyValues(f *components.Form) model.DutySettings {
	n := func(key string) int { v, _ := strconv.Atoi(f.Value(key)); return v }
	return model.DutySettings{
		KeySubsidy:    f.Value("duty.subsidy") == "1",
		KeyCategories: f.Values("duty.cats"),
		KeyMaxGrade:   n("duty.grade"),
		KeyLivesAlone: f.Value("duty.alone") == "1",
		KeyAssistance: f.Values("duty.assist"),
		Key:           model.DutyRule{ContactMonths: n("duty.keyContact"), VisitMonths: n("duty.keyHome")},
		Others:        model.DutyRule{ContactMonths: n("duty.otherContact"), VisitMonths: n("duty.otherHome")},
	}
}

// dutyField is the form field of a DutySettings problem's field.
func dutyField(field string) string {
	switch field {
	case "KeyCategories":
		return "duty.cats"
	case "KeyMaxGrade":
		return "duty.grade"
	case "KeyAssistance":
		return "duty.assist"
	case "Key.ContactMonths":
		return "duty.keyContact"
	case "Key.VisitMonths":
		return "duty.keyHome"
	case "Others.ContactMonths":
		return "duty.otherContact"
	case "Others.VisitMonths":
		return "duty.otherHome"
	}
	return "duty.subsidy"
}

// fmtDuties is the settings as text, to tell whether the form changed them.
func fmtDuties(d model.DutySettings) string { return fmt.Sprintf("%+v", d) }
