package importer

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"shuangyong/model"
)

// Field is what a column is imported as: the name of a model.Person field ("Name",
// "IDNumber", …) or one of the import's own fields below. "" leaves the column out (it is
// named in the report).
type Field string

// Fields an import reads besides the person's own.
const (
	FieldVillage     Field = "Village"     // the village's name, matched to the ledger's list
	FieldHouseholdNo Field = "HouseholdNo" // 户号: rows with the same number are one household
	FieldHead        Field = "Head"        // 户主 (the head of the household's name)
	FieldHeadRel     Field = "HeadRel"     // 与户主关系
	FieldHonours     Field = "Honours"     // 光荣牌/优待证 in one column
)

// importFieldLabels names the import's own fields.
var importFieldLabels = map[Field][2]string{
	FieldVillage:     {"村（社区）", "Village"},
	FieldHouseholdNo: {"户号", "Household number"},
	FieldHead:        {"户主姓名", "Head of household"},
	FieldHeadRel:     {"与户主关系", "Relation to the head"},
	FieldHonours:     {"光荣牌/优待证", "Plaque/card"},
}

// Label names a field as users know it.
func (f Field) Label(lang model.Lang) string {
	if l, ok := importFieldLabels[f]; ok {
		if lang == model.En {
			return l[1]
		}
		return l[0]
	}
	return model.FieldLabel(string(f), lang)
}

// Fields lists every field a column can be mapped to, in the order of a roster (the TUI's
// choice list).
func Fields() []Field {
	out := make([]Field, len(synonyms))
	for i, s := range synonyms {
		out[i] = s.field
	}
	return out
}

// synonyms are the column headings met in real rosters (DOMAIN.md §2), in the order of
// Fields. They are compared normalised (normHeader): no spaces, ASCII width, lower case.
var synonyms = []struct {
	field Field
	names []string
}{
	{"Name", []string{"姓名", "名字", "优抚对象姓名", "对象姓名", "人员姓名", "name", "fullname"}},
	{"Sex", []string{"性别", "sex", "gender"}},
	{"Ethnicity", []string{"民族", "ethnicity", "nationality"}},
	{"BirthDate", []string{"出生日期", "出生年月", "出生年月日", "出生时间", "生日", "birthdate", "dateofbirth", "birth", "dob"}},
	{"IDNumber", []string{"公民身份号码", "身份证号", "身份证号码", "身份证", "身份号码", "证件号码", "idnumber", "idcard", "idno", "id"}},
	{"Phones", []string{"联系电话", "电话", "手机", "手机号", "手机号码", "电话号码", "联系方式", "固定电话", "固话", "phone", "phones", "mobile", "tel", "telephone"}},
	{"ContactNote", []string{"联系人", "联系说明", "代接人", "contact", "contactnote"}},
	{FieldVillage, []string{"村（社区）", "村(社区)", "村", "社区", "所在村", "村社区", "村居", "村名", "所属村", "所在村（社区）", "所在村(社区)", "村委会", "village"}},
	{"Address", []string{"户籍地址/实际居住地址", "户籍地址", "实际居住地址", "家庭住址", "住址", "地址", "居住地址", "现住址", "家庭地址", "address"}},
	{"HukouType", []string{"户口类别", "户口性质", "户籍类别", "户口", "hukou"}},
	{"Categories", []string{"优抚类别", "类别", "人员类别", "对象类别", "优抚对象类别", "人员类型", "优抚对象类型", "category", "categories"}},
	{"CategoryOther", []string{"其他类别说明", "其他类别"}},
	{"DisabilityNature", []string{"伤残性质", "残疾性质", "致残性质"}},
	{"DisabilityGrade", []string{"伤残等级", "残疾等级", "等级"}},
	{"DisabilityCertNo", []string{"证件编号", "残疾军人证号", "残疾军人证编号", "伤残证号", "伤残证编号"}},
	{"MartyrRelation", []string{"与烈士关系", "与烈士（牺牲、病故军人）关系", "与牺牲病故军人关系"}},
	{"MartyrName", []string{"烈士姓名", "烈士（牺牲、病故军人）姓名", "牺牲军人姓名", "病故军人姓名"}},
	{"Relation", []string{"与军人关系", "与现役军人关系"}},
	{"ServicemanName", []string{"军人姓名", "现役军人姓名", "服役人员姓名"}},
	{"Rank", []string{"军人类别", "兵种类别"}},
	{"ServiceStatus", []string{"服役状态"}},
	{"ServiceUnit", []string{"部队（番号/代号）", "部队(番号/代号)", "部队", "番号", "部队番号", "服役部队", "所在部队", "原部队", "服役单位"}},
	{"EnlistedOn", []string{"入伍时间", "入伍年月", "入伍日期", "参军时间", "enlisted"}},
	{"DischargedOn", []string{"退役时间", "退伍时间", "退役年月", "退伍年月", "退役日期", "复员时间", "discharged"}},
	{"SubsidyStatus", []string{"是否享受定期抚恤补助", "定期抚恤补助", "享受定期抚恤补助", "定期抚恤补助状态"}},
	{"PairingCadre", []string{"结对帮扶责任人", "帮扶责任人", "结对干部", "帮扶人", "联系干部"}},
	{"SelfCare", []string{"生活能力", "生活自理能力", "自理能力"}},
	{"Assistance", []string{"低保/特困", "低保特困", "社会救助"}},
	{"LivesAlone", []string{"是否孤老", "孤老"}},
	{"Health", []string{"健康状况", "健康情况", "health"}},
	{"Conditions", []string{"生活状况", "家庭情况", "生活情况", "家庭状况"}},
	{"HonourPlaque", []string{"光荣牌", "是否悬挂光荣牌"}},
	{"PreferentialCard", []string{"优待证", "是否办理优待证"}},
	{FieldHonours, []string{"光荣牌/优待证", "光荣牌优待证"}},
	{"Status", []string{"状态", "人员状态", "在册状态"}},
	{"RegisteredOn", []string{"登记日期", "登记时间"}},
	{"Note", []string{"备注", "note", "notes", "remark", "remarks"}},
	{FieldHouseholdNo, []string{"户号", "户编号", "家庭编号", "户籍编号"}},
	{FieldHead, []string{"户主", "户主姓名"}},
	{FieldHeadRel, []string{"与户主关系", "与户主的关系"}},
}

// contains are words that identify a heading that is none of the synonyms, tried in
// order ("联系电话（手机）", "公民身份号码（18位）", "入伍时间（年月）").
var contains = []struct {
	word  string
	field Field
}{
	{"身份证", "IDNumber"}, {"身份号码", "IDNumber"},
	{"与户主", FieldHeadRel}, {"户主", FieldHead},
	{"军人姓名", "ServicemanName"}, {"烈士", "MartyrName"},
	{"电话", "Phones"}, {"手机", "Phones"},
	{"出生", "BirthDate"}, {"入伍", "EnlistedOn"}, {"退役", "DischargedOn"}, {"退伍", "DischargedOn"},
	{"优抚类别", "Categories"}, {"人员类别", "Categories"}, {"对象类别", "Categories"},
	{"伤残等级", "DisabilityGrade"}, {"伤残性质", "DisabilityNature"},
	{"住址", "Address"}, {"地址", "Address"},
	{"姓名", "Name"},
}

var synonymIndex = func() map[string]Field {
	m := map[string]Field{}
	for _, s := range synonyms {
		for _, n := range s.names {
			m[normHeader(n)] = s.field
		}
	}
	return m
}()

// normHeader makes headings comparable: no spaces or line breaks (headings are often
// spaced out, 姓  名, or wrapped), ASCII width, lower case, no trailing colon or "*" (a
// required-column mark).
func normHeader(s string) string {
	s, _ = model.CleanCell(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || r == 0x3000:
			continue
		case r >= 0xFF01 && r <= 0xFF5E && r != '（' && r != '）':
			r -= 0xFEE0
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return strings.TrimRight(strings.TrimLeft(b.String(), "*※"), ":：*")
}

// stripBrackets removes parenthesised parts: "联系电话（手机）" → "联系电话".
func stripBrackets(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch r {
		case '(', '（', '[', '【':
			depth++
		case ')', '）', ']', '】':
			if depth > 0 {
				depth--
			}
		default:
			if depth == 0 {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// fieldOfHeader guesses the field of one heading; exact reports a synonym match (as
// opposed to a word found inside a longer heading).
func fieldOfHeader(h string) (f Field, exact bool) {
	n := normHeader(h)
	if n == "" {
		return "", false
	}
	if f, ok := synonymIndex[n]; ok {
		return f, true
	}
	if f, ok := synonymIndex[stripBrackets(n)]; ok {
		return f, true
	}
	if utf8.RuneCountInString(n) > 16 {
		return "", false // a title or a note, not a heading
	}
	for _, c := range contains {
		if strings.Contains(n, c.word) {
			return c.field, false
		}
	}
	return "", false
}

// Mapping says, for each column of the sheet (by position), the field it is imported as
// ("" = left out).
type Mapping []Field

// Column is one column of the sheet: its position (0-based), its heading as the header
// rows make it up, and the field it is mapped to.
type Column struct {
	Index  int
	Letter string // A, B, …, AA
	Header string
	Field  Field
}

// colLetter names a 0-based column as spreadsheets do.
func colLetter(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

// guessMapping maps each heading to a field. A field taken by an earlier column is not
// given twice (except phones: 手机 and 固定电话 columns both hold numbers); the later
// column is left out and named in the report.
func guessMapping(headers []string) Mapping {
	m := make(Mapping, len(headers))
	taken := map[Field]bool{}
	// Exact matches first, so that "姓名" claims the name before "军人姓名（本人）"'s
	// containing word could.
	for pass := 0; pass < 2; pass++ {
		for i, h := range headers {
			if m[i] != "" {
				continue
			}
			f, exact := fieldOfHeader(h)
			if f == "" || exact != (pass == 0) {
				continue
			}
			if taken[f] && f != "Phones" {
				continue
			}
			m[i], taken[f] = f, true
		}
	}
	return m
}

// headerKey identifies a set of headings for remembering its mapping.
func headerKey(headers []string) string {
	var b strings.Builder
	for _, h := range headers {
		b.WriteString(normHeader(h))
		b.WriteByte(0x1F)
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:8])
}

// encodeMapping and decodeMapping store a mapping in the settings table.
func encodeMapping(m Mapping) string {
	b, _ := json.Marshal(m)
	return string(b)
}

func decodeMapping(s string, n int) (Mapping, bool) {
	var m Mapping
	if s == "" || json.Unmarshal([]byte(s), &m) != nil || len(m) != n {
		return nil, false
	}
	known := map[Field]bool{}
	for _, f := range Fields() {
		known[f] = true
	}
	for _, f := range m {
		if f != "" && !known[f] {
			return nil, false
		}
	}
	return m, true
}

// headerScan is how many rows from the top are searched for the header.
const headerScan = 30

// headerScore counts the distinct fields a row's cells name exactly.
func headerScore(cells []string) (score int, hasName bool) {
	seen := map[Field]bool{}
	for _, c := range cells {
		if f, exact := fieldOfHeader(c); f != "" && exact && !seen[f] {
			seen[f] = true
			score++
		}
	}
	return score, seen["Name"]
}

// findHeader picks the header among the first rows: the row naming the most fields (a
// title row 「XX镇优抚对象花名册」 or a 填报单位 line names none), then a second header
// row under it when merged group headings (军人信息 over 军人姓名 | 入伍时间) split the
// heading in two. It returns the index in rows of the last header row and the headings.
func findHeader(rows [][]string) (last int, headers []string, ok bool) {
	best, bestScore := -1, 1
	for i, r := range rows {
		if s, hasName := headerScore(r); s > bestScore || (s == bestScore && hasName && best < 0) {
			best, bestScore = i, s
		}
	}
	if best < 0 {
		return 0, nil, false
	}
	upper := rows[best]
	if best+1 >= len(rows) {
		return best, trimHeaders(upper), true
	}
	lower := rows[best+1]
	// The row below is a second header row when it names a field in a column whose upper
	// cell is empty (the continuation of a merged group heading) or names no field (the
	// group heading itself), and has no name in the name column (it is not data).
	sub := 0
	for j, c := range lower {
		if f, exact := fieldOfHeader(c); f != "" && exact {
			uf := Field("")
			if j < len(upper) {
				uf, _ = fieldOfHeader(upper[j])
			}
			if uf == "" {
				sub++
			}
		}
	}
	if sub == 0 {
		return best, trimHeaders(upper), true
	}
	n := max(len(upper), len(lower))
	out := make([]string, n)
	group := ""
	for j := 0; j < n; j++ {
		u, l := cell(upper, j), cell(lower, j)
		if u != "" {
			group = u
		}
		switch {
		case l != "" && u == "" && group != "":
			out[j] = l // under a merged group heading: the sub-heading names the column
		case l != "":
			out[j] = l
		default:
			out[j] = u // merged down over both rows
		}
	}
	return best + 1, trimHeaders(out), true
}

func cell(r []string, j int) string {
	if j < len(r) {
		s, _ := model.CleanCell(r[j])
		return s
	}
	return ""
}

// trimHeaders cleans the headings and drops empty trailing columns.
func trimHeaders(h []string) []string {
	out := make([]string, len(h))
	for i := range h {
		out[i], _ = model.CleanCell(h[i])
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// rowLabel writes "第 N 行" / "row N".
func rowLabel(n int, lang model.Lang) string {
	if lang == model.En {
		return "row " + strconv.Itoa(n)
	}
	return "第 " + strconv.Itoa(n) + " 行"
}
