package importer

import (
	"strings"
	"time"

	"shuangyong/model"
)

// extra holds what a row says beyond the person's own fields.
type extra struct {
	village string
	hhNo    string
	head    string
	headRel string
}

// enumFields are the person fields read through an enumeration's labels and aliases.
var enumFields = map[Field]model.Enum{
	"HukouType":        model.HukouTypes,
	"DisabilityNature": model.DisabilityNatures,
	"MartyrRelation":   model.MartyrRelations,
	"Relation":         model.Relations,
	"Rank":             model.Ranks,
	"ServiceStatus":    model.ServiceStatuses,
	"SubsidyStatus":    model.SubsidyStatuses,
	"SelfCare":         model.SelfCareLevels,
	"Assistance":       model.Assistances,
	"Status":           model.PersonStatuses,
}

// textFields are free text, cleaned and checked by model.ValidatePerson.
var textFields = map[Field]func(p *model.Person) *string{
	"Name":             func(p *model.Person) *string { return &p.Name },
	"Ethnicity":        func(p *model.Person) *string { return &p.Ethnicity },
	"IDNumber":         func(p *model.Person) *string { return &p.IDNumber },
	"ContactNote":      func(p *model.Person) *string { return &p.ContactNote },
	"Address":          func(p *model.Person) *string { return &p.Address },
	"CategoryOther":    func(p *model.Person) *string { return &p.CategoryOther },
	"DisabilityCertNo": func(p *model.Person) *string { return &p.DisabilityCertNo },
	"MartyrName":       func(p *model.Person) *string { return &p.MartyrName },
	"ServicemanName":   func(p *model.Person) *string { return &p.ServicemanName },
	"ServiceUnit":      func(p *model.Person) *string { return &p.ServiceUnit },
	"PairingCadre":     func(p *model.Person) *string { return &p.PairingCadre },
	"Health":           func(p *model.Person) *string { return &p.Health },
	"Conditions":       func(p *model.Person) *string { return &p.Conditions },
	"Note":             func(p *model.Person) *string { return &p.Note },
}

// dateFields are dates; true where a year and month are enough.
var dateFields = map[Field]bool{"BirthDate": false, "EnlistedOn": true, "DischargedOn": true, "RegisteredOn": false}

func dateField(p *model.Person, f Field) *string {
	switch f {
	case "BirthDate":
		return &p.BirthDate
	case "EnlistedOn":
		return &p.EnlistedOn
	case "DischargedOn":
		return &p.DischargedOn
	case "RegisteredOn":
		return &p.RegisteredOn
	}
	return nil
}

func enumField(p *model.Person, f Field) *string {
	switch f {
	case "HukouType":
		return &p.HukouType
	case "DisabilityNature":
		return &p.DisabilityNature
	case "MartyrRelation":
		return &p.MartyrRelation
	case "Relation":
		return &p.Relation
	case "Rank":
		return &p.Rank
	case "ServiceStatus":
		return &p.ServiceStatus
	case "SubsidyStatus":
		return &p.SubsidyStatus
	case "SelfCare":
		return &p.SelfCare
	case "Assistance":
		return &p.Assistance
	case "Status":
		return &p.Status
	}
	return nil
}

func boolField(p *model.Person, f Field) *bool {
	switch f {
	case "LivesAlone":
		return &p.LivesAlone
	case "HonourPlaque":
		return &p.HonourPlaque
	case "PreferentialCard":
		return &p.PreferentialCard
	}
	return nil
}

// yesNoEnums read 是/否 in a column asking "是否享受…".
var yesNoEnums = map[Field][2]string{
	"SubsidyStatus": {"receiving", "none"},
	"Assistance":    {"", "none"},
}

// converted is one row read into a person.
type converted struct {
	p        model.Person
	x        extra
	problems []model.Problem
	cleaned  int  // cells that lost control or bidi characters
	empty    bool // no mapped cell has anything
	// birthMonth is a birth date given as a year and month only ("1950-03").
	birthMonth string
	notes      []model.Problem // what the import did that the user should know
}

// convert reads the mapped cells of a row. Values are cleaned of control characters
// first; what model.ValidatePerson checks (names, ID numbers, phones, text lengths) is
// left to it, and only the spreadsheet's own shapes are handled here.
func convert(cells []string, m Mapping, today time.Time) converted {
	var c converted
	c.empty = true
	p := &c.p
	for i, f := range m {
		if f == "" || i >= len(cells) {
			continue
		}
		v, removed := model.CleanCell(cells[i])
		if removed {
			c.cleaned++
		}
		if v == "" {
			continue
		}
		c.empty = false
		bad := func(code, zh, en string) {
			c.problems = append(c.problems, model.Problem{Field: string(f), Code: code, Zh: zh, En: en})
		}
		switch {
		case textFields[f] != nil:
			dst := textFields[f](p)
			if *dst != "" {
				*dst += " " + v // two columns for one field (户籍地址, 实际居住地址)
			} else {
				*dst = v
			}
		case f == "Sex":
			if code, ok := model.ParseSex(v); ok {
				p.Sex = code
			} else {
				bad(model.CodeUnknown, "性别「"+v+"」不认识，请填 男 或 女", "Sex “"+v+"” is not understood; write 男 or 女 (M/F)")
			}
		case f == "Phones":
			p.Phones = append(p.Phones, v)
		case f == "Categories":
			codes, unknown := model.ParseImportCategories(v)
			for _, code := range codes {
				if !p.HasCategory(code) {
					p.Categories = append(p.Categories, code)
				}
			}
			for _, w := range unknown {
				bad(model.CodeUnknown, "人员类别「"+w+"」不认识（可用的类别见 F1 帮助，如 烈属、伤残军人、两参人员）",
					"Category “"+w+"” is not known (see F1 help for the categories, e.g. 烈属, 伤残军人, 两参人员)")
			}
		case f == "DisabilityGrade":
			if g, ok := model.ParseImportGrade(v); ok {
				p.DisabilityGrade = g
			} else {
				bad(model.CodeRange, "伤残等级「"+v+"」不对，应为 一级 到 十级（或 1–10）", "Disability grade “"+v+"” should be 一级 to 十级 (1–10)")
			}
		case dateFields[f] || dateField(p, f) != nil:
			iso, err := model.ParseImportDate(string(f), v, today, dateFields[f])
			if err != nil && f == "BirthDate" {
				// 出生年月 is often just that: a year and month. Kept aside: the ID
				// number gives the day, or the month goes into the note.
				if month, err2 := model.ParseImportDate(string(f), v, today, true); err2 == nil && len(month) == 7 {
					c.birthMonth, err = month, nil
					continue
				}
			}
			if err != nil {
				c.problems = append(c.problems, model.AsProblem(err, string(f)))
			} else {
				*dateField(p, f) = iso
			}
		case enumField(p, f) != nil:
			dst := enumField(p, f)
			if o, ok := enumFields[f].Lookup(v); ok {
				*dst = o.Code
			} else if yn, ok := yesNoEnums[f]; ok && isYesNo(v) {
				if yes, _ := model.ParseYesNo(v); yes {
					*dst = yn[0]
				} else {
					*dst = yn[1]
				}
			} else {
				labels := make([]string, len(enumFields[f]))
				for j, o := range enumFields[f] {
					labels[j] = o.Zh
				}
				bad(model.CodeUnknown, f.Label(model.Zh)+"「"+v+"」不认识，可填："+strings.Join(labels, "、"),
					f.Label(model.En)+" “"+v+"” is not understood; choose one of: "+strings.Join(labels, ", "))
			}
		case boolField(p, f) != nil:
			if yes, ok := model.ParseYesNo(v); ok {
				*boolField(p, f) = yes
			} else {
				bad(model.CodeFormat, f.Label(model.Zh)+"「"+v+"」请填 是 或 否", f.Label(model.En)+" “"+v+"”: write 是 or 否 (yes/no)")
			}
		case f == FieldHonours:
			p.HonourPlaque = p.HonourPlaque || strings.Contains(v, "光荣牌")
			p.PreferentialCard = p.PreferentialCard || strings.Contains(v, "优待证")
			if yes, ok := model.ParseYesNo(v); ok {
				p.HonourPlaque, p.PreferentialCard = yes, yes
			}
		case f == FieldVillage:
			c.x.village = v
		case f == FieldHouseholdNo:
			c.x.hhNo = v
		case f == FieldHead:
			c.x.head = v
		case f == FieldHeadRel:
			c.x.headRel = v
		}
	}
	// A number Excel stored as a float is flagged as such, whatever ParseIDNumber would
	// make of its digits (it is never "repaired").
	if p.IDNumber != "" {
		if _, err := model.ParseIDNumber(p.IDNumber, today); err != nil && model.ExcelDamagedID(p.IDNumber) {
			c.problems = append(c.problems, model.ExcelDamagedIDProblem(p.IDNumber))
			p.IDNumber = ""
		}
	}
	return c
}

func isYesNo(s string) bool {
	_, ok := model.ParseYesNo(s)
	return ok
}
