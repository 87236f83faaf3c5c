package importer

import (
	"strconv"
	"strings"

	"shuangyong/model"
)

// Action is what an import does (or the dry run would do) with one row.
type Action string

const (
	ActionAdd    Action = "add"    // a new person
	ActionUpdate Action = "update" // fills in or overwrites a person already in the ledger
	ActionSkip   Action = "skip"   // already in the ledger, left as it is
	ActionReject Action = "reject" // a problem: not imported, written to the rejected-rows file
	ActionIgnore Action = "ignore" // not a person: a 合计 row, a repeated header, a footer
)

// Line is one row of the sheet in the report.
type Line struct {
	Row      int    // the row number in the sheet (CSV: the line)
	Name     string // the name as read
	Action   Action
	Problems []model.Problem // why it was rejected; for skip/update/ignore, the reason
	SameAs   int             // a duplicate of this earlier row of the file
	Match    int64           // the ledger person it matched (skip, update)
	Village  string          // the village as read
}

// NewVillage is a village name the ledger's list does not have yet.
type NewVillage struct {
	Name    string
	Rows    int    // how many rows name it
	Similar string // an existing village it may be meant as (李家村委会 ~ 李家村), or ""
}

// Report is the outcome of a dry run or an import, row by row.
type Report struct {
	Path      string
	Sheet     string
	Encoding  string
	HeaderRow int
	Columns   []Column // every column with a heading or data, and its field
	Unmapped  []Column // the columns left out

	Rows     int // data rows below the header (blank rows not counted)
	Blank    int // blank rows skipped
	Added    int
	Updated  int
	Skipped  int
	Rejected int
	Ignored  int

	Households  int // households formed (2 or more people)
	NewVillages []NewVillage
	Cleaned     int // cells that had control or bidi characters removed
	Incomplete  int // people imported with details still to fill in (待补充)

	Lines []Line // one per data row, in sheet order

	DryRun       bool
	Imported     bool   // the import was committed
	Blocked      bool   // strict, and some rows were rejected: nothing imported
	RejectedFile string // where the rejected rows were written ("" when none)
}

// Problems lists the lines that have something to say (every line but a plain add).
func (r *Report) Problems() []Line {
	var out []Line
	for _, l := range r.Lines {
		if l.Action != ActionAdd || len(l.Problems) > 0 {
			out = append(out, l)
		}
	}
	return out
}

// Summary writes the report's counts, one sentence a line.
func (r *Report) Summary(lang model.Lang) []string {
	n := strconv.Itoa
	var out []string
	en := lang == model.En
	head := "检查结果（未写入）"
	if en {
		head = "Dry run (nothing written)"
	}
	switch {
	case r.Imported && en:
		head = "Imported"
	case r.Imported:
		head = "已导入"
	case r.Blocked && en:
		head = "Not imported (strict: rows were rejected)"
	case r.Blocked:
		head = "未导入（有未通过检查的行，按设置全部不导入）"
	case !r.DryRun && en:
		head = "Not imported"
	case !r.DryRun:
		head = "未导入"
	}
	sheet := ""
	if r.Sheet != "" {
		sheet = "「" + r.Sheet + "」"
		if en {
			sheet = " sheet “" + r.Sheet + "”"
		}
	}
	if en {
		out = append(out, head+": "+r.Path+sheet+", header on row "+n(r.HeaderRow)+", "+n(r.Rows)+" rows.")
		out = append(out, "To add "+n(r.Added)+", to update "+n(r.Updated)+", to skip "+n(r.Skipped)+", rejected "+n(r.Rejected)+", not people "+n(r.Ignored)+".")
		if r.Imported {
			out[1] = "Added " + n(r.Added) + ", updated " + n(r.Updated) + ", skipped " + n(r.Skipped) + ", rejected " + n(r.Rejected) + ", not people " + n(r.Ignored) + "."
		}
	} else {
		out = append(out, head+"："+r.Path+sheet+"，表头在第 "+n(r.HeaderRow)+" 行，共 "+n(r.Rows)+" 行数据。")
		out = append(out, "新增 "+n(r.Added)+" 人，更新 "+n(r.Updated)+" 人，跳过 "+n(r.Skipped)+" 人，未通过 "+n(r.Rejected)+" 行，非人员行 "+n(r.Ignored)+" 行。")
	}
	if r.Households > 0 {
		if en {
			out = append(out, n(r.Households)+" households formed.")
		} else {
			out = append(out, "组成 "+n(r.Households)+" 户。")
		}
	}
	if r.Incomplete > 0 {
		if en {
			out = append(out, n(r.Incomplete)+" people have details still to fill in (待补充).")
		} else {
			out = append(out, n(r.Incomplete)+" 人信息待补充（不影响导入）。")
		}
	}
	if len(r.NewVillages) > 0 {
		var names []string
		for _, v := range r.NewVillages {
			s := v.Name
			if v.Similar != "" {
				if en {
					s += " (like existing " + v.Similar + "?)"
				} else {
					s += "（与已有的「" + v.Similar + "」相近，是否同一个？）"
				}
			}
			names = append(names, s)
		}
		if en {
			out = append(out, "New villages to add to the list: "+strings.Join(names, ", "))
		} else {
			out = append(out, "将新增村（社区）："+strings.Join(names, "、"))
		}
	}
	if len(r.Unmapped) > 0 {
		var names []string
		for _, c := range r.Unmapped {
			h := c.Header
			if h == "" {
				h = "?"
			}
			names = append(names, c.Letter+" "+h)
		}
		if en {
			out = append(out, "Columns not imported: "+strings.Join(names, ", "))
		} else {
			out = append(out, "未导入的列："+strings.Join(names, "、"))
		}
	}
	if r.Cleaned > 0 {
		if en {
			out = append(out, n(r.Cleaned)+" cells had invisible control characters removed.")
		} else {
			out = append(out, n(r.Cleaned)+" 个单元格中的不可见控制字符已去除。")
		}
	}
	if r.Blank > 0 {
		if en {
			out = append(out, n(r.Blank)+" blank rows skipped.")
		} else {
			out = append(out, "跳过空行 "+n(r.Blank)+" 行。")
		}
	}
	if r.RejectedFile != "" {
		if en {
			out = append(out, "Rejected rows written to "+r.RejectedFile+" (with a 原因 column), ready to fix and import again.")
		} else {
			out = append(out, "未导入的行已写入 "+r.RejectedFile+"（含“原因”列），改正后可再次导入。")
		}
	}
	return out
}

// Text writes one line of the report: row, name, what happens, and each reason with the
// column it is about.
func (l Line) Text(lang model.Lang, cols []Column) string {
	en := lang == model.En
	var b strings.Builder
	b.WriteString(rowLabel(l.Row, lang))
	if l.Name != "" {
		b.WriteString(" " + model.Sanitize(l.Name))
	}
	act := map[Action][2]string{
		ActionAdd: {"新增", "add"}, ActionUpdate: {"更新", "update"}, ActionSkip: {"跳过", "skip"},
		ActionReject: {"未通过", "rejected"}, ActionIgnore: {"不是人员，跳过", "not a person, skipped"},
	}[l.Action]
	if en {
		b.WriteString(" — " + act[1])
	} else {
		b.WriteString("：" + act[0])
	}
	for i, p := range l.Problems {
		sep := "；"
		if i == 0 {
			sep = "，"
		}
		if en {
			sep = "; "
		}
		b.WriteString(sep)
		if col := columnOf(cols, Field(p.Field)); col != "" {
			if en {
				b.WriteString("[" + col + "] ")
			} else {
				b.WriteString("【" + col + "】")
			}
		}
		b.WriteString(model.Sanitize(p.Message(lang)))
	}
	return b.String()
}

// Reason joins the problems of a line for the rejected-rows file's 原因 column.
func (l Line) Reason(lang model.Lang, cols []Column) string {
	var parts []string
	for _, p := range l.Problems {
		s := p.Message(lang)
		if col := columnOf(cols, Field(p.Field)); col != "" {
			s = col + "：" + s
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "；")
}

// columnOf names the column a field was read from ("D 身份证号码").
func columnOf(cols []Column, f Field) string {
	if f == "" {
		return ""
	}
	for _, c := range cols {
		if c.Field == f {
			if c.Header != "" {
				return c.Letter + " " + c.Header
			}
			return c.Letter
		}
	}
	return ""
}

// Row-level reasons, in both languages.
func reason(field, code, zh, en string) model.Problem {
	return model.Problem{Field: field, Code: code, Zh: zh, En: en}
}

func reasonDuplicateInFile(first int) model.Problem {
	return reason("", model.CodeDuplicate, "与第 "+strconv.Itoa(first)+" 行是同一人（身份证号或姓名、出生日期、村相同），只导入第一次出现的",
		"the same person as row "+strconv.Itoa(first)+" (same ID number, or name, birth date and village): only the first is imported")
}

func reasonInLedger(id int64, mode DupMode) model.Problem {
	s := strconv.FormatInt(id, 10)
	switch mode {
	case DupFill:
		return reason("", CodeInLedger, "台账中已有此人（编号 "+s+"），补充其空白项", "already in the ledger (no. "+s+"): its empty fields are filled in")
	case DupOverwrite:
		return reason("", CodeInLedger, "台账中已有此人（编号 "+s+"），用表格中的内容覆盖", "already in the ledger (no. "+s+"): overwritten with the file's values")
	}
	return reason("", CodeInLedger, "台账中已有此人（编号 "+s+"），跳过", "already in the ledger (no. "+s+"): skipped")
}

func reasonNothingNew(id int64) model.Problem {
	s := strconv.FormatInt(id, 10)
	return reason("", CodeInLedger, "台账中已有此人（编号 "+s+"），没有需要补充或更改的内容", "already in the ledger (no. "+s+") with nothing to add or change")
}

// CodeInLedger marks the reason of a row matched to a person already in the ledger.
const CodeInLedger = "in_ledger"

// CodeBirthMonth notes a birth date of a year and month only, kept in the note.
const CodeBirthMonth = "birth_month"

// Codes of rows that are not people.
const (
	CodeTotalRow  = "total_row"
	CodeHeaderRow = "header_row"
	CodeFooterRow = "footer_row"
)
