package sheet

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"
)

// The layout of every sheet: a title area, the header row (frozen, repeated on every
// printed page), the rows, the totals, notes and the 制表人/审核人 footer.
const (
	rowTitle  = 1 // 「<填报单位><year>年度双拥工作统计表」
	rowSub    = 2 // the table's name
	rowInfo   = 3 // 填报单位 … 填报日期 …
	rowMark   = 4 // 内部资料 注意保密 / 公示版
	rowHeader = 5
	rowFirst  = 6
)

// textWidth is the width of s in a spreadsheet column: East Asian wide and full-width
// characters count 2, others 1.
func textWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

// styles are the workbook's cell styles.
type styles struct {
	title, sub, infoL, infoR, markInt, markPub, header, note, footer int
	text, long, integer, money, code, ratio, date                    int
	tText, tInt, tMoney, tRatio                                      int
	change, tChange                                                  int // a signed change, one decimal (rule 10)
}

func newStyles(f *excelize.File) (styles, error) {
	var s styles
	var err error
	border := []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1}}
	font := func(size float64, bold bool, color string) *excelize.Font {
		return &excelize.Font{Family: "宋体", Size: size, Bold: bold, Color: color}
	}
	moneyFmt, ratioFmt, dateFmt, changeFmt := "#,##0.00", "0.0%", "yyyy-mm-dd", "+0.0%;-0.0%;0.0%"
	mk := func(dst *int, st *excelize.Style) {
		if err == nil {
			*dst, err = f.NewStyle(st)
		}
	}
	center := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	mk(&s.title, &excelize.Style{Font: font(16, true, ""), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	mk(&s.sub, &excelize.Style{Font: font(12, true, ""), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	mk(&s.infoL, &excelize.Style{Font: font(11, false, ""), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}})
	mk(&s.infoR, &excelize.Style{Font: font(11, false, ""), Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}})
	mk(&s.markInt, &excelize.Style{Font: font(12, true, "C00000"), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	mk(&s.markPub, &excelize.Style{Font: font(10, false, "595959"), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	mk(&s.header, &excelize.Style{Font: font(11, true, ""), Border: border, Alignment: center,
		Fill: excelize.Fill{Type: "pattern", Color: []string{"D9E1F2"}, Pattern: 1}})
	mk(&s.note, &excelize.Style{Font: font(10, false, "404040"), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top", WrapText: true}})
	mk(&s.footer, &excelize.Style{Font: font(11, false, ""), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}})
	cell := func(dst *int, bold bool, numFmt int, custom *string, align string, wrap bool) {
		mk(dst, &excelize.Style{Font: font(11, bold, ""), Border: border, NumFmt: numFmt, CustomNumFmt: custom,
			Alignment: &excelize.Alignment{Horizontal: align, Vertical: "center", WrapText: wrap}})
	}
	cell(&s.text, false, 0, nil, "left", false)
	cell(&s.long, false, 0, nil, "left", true)
	cell(&s.integer, false, 1, nil, "right", false)
	cell(&s.money, false, 0, &moneyFmt, "right", false)
	cell(&s.code, false, 49, nil, "left", false) // "@": text, so Excel never turns digits into a number
	cell(&s.ratio, false, 0, &ratioFmt, "right", false)
	cell(&s.date, false, 0, &dateFmt, "center", false)
	cell(&s.tText, true, 0, nil, "center", false)
	cell(&s.tInt, true, 1, nil, "right", false)
	cell(&s.tMoney, true, 0, &moneyFmt, "right", false)
	cell(&s.tRatio, true, 0, &ratioFmt, "right", false)
	cell(&s.change, false, 0, &changeFmt, "right", false)
	cell(&s.tChange, true, 0, &changeFmt, "right", false)
	return s, err
}

// columnStyle is the style of a column's data cells.
func (s styles) column(k kind) int {
	switch k {
	case kLong:
		return s.long
	case kInt:
		return s.integer
	case kMoney:
		return s.money
	case kCode:
		return s.code
	case kRatio:
		return s.ratio
	case kDate:
		return s.date
	}
	return s.text
}

// cell turns a table value into what the stream writer takes, styled by its type (for
// tally tables, whose columns mix counts and amounts).
func (s styles) cell(v any, total bool) excelize.Cell {
	pick := func(plain, bold int) int {
		if total {
			return bold
		}
		return plain
	}
	switch v := v.(type) {
	case money:
		return excelize.Cell{StyleID: pick(s.money, s.tMoney), Value: float64(v) / 100}
	case int, int64:
		return excelize.Cell{StyleID: pick(s.integer, s.tInt), Value: v}
	case code:
		return excelize.Cell{StyleID: s.code, Value: string(v)}
	case ratio:
		if v.den == 0 {
			return excelize.Cell{StyleID: pick(s.ratio, s.tRatio), Value: labelNoBase}
		}
		return excelize.Cell{StyleID: pick(s.ratio, s.tRatio), Value: float64(v.num) / float64(v.den)}
	case pct:
		if !v.ok {
			return excelize.Cell{StyleID: pick(s.change, s.tChange), Value: labelNoBase}
		}
		return excelize.Cell{StyleID: pick(s.change, s.tChange), Value: float64(v.permille) / 1000}
	case string:
		return excelize.Cell{StyleID: pick(s.text, s.tText), Value: v}
	}
	return excelize.Cell{StyleID: pick(s.text, s.tText), Value: fmt.Sprint(v)}
}

// display is how a value reads, for fitting column widths.
func display(v any) string {
	switch v := v.(type) {
	case money:
		return formatMoney(int64(v))
	case int:
		return strconv.Itoa(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case code:
		return string(v)
	case ratio, pct:
		return "100.0%"
	case date:
		return string(v)
	case string:
		return v
	}
	return fmt.Sprint(v)
}

func formatMoney(fen int64) string {
	s := strconv.FormatInt(fen/100, 10)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 && r != '-' && s[i-1] != '-' {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	c := fen % 100
	if c < 0 {
		c = -c
	}
	return b.String() + "." + fmt.Sprintf("%02d", c)
}

// xlsxBook writes the workbook.
type xlsxBook struct {
	f        *excelize.File
	st       styles
	title    string // 「<填报单位><year>年度双拥工作统计表」
	office   string
	date     string // 填报日期, 2026年11月29日
	operator string
	public   bool
	sheets   int
}

// scratch is where the library may spill rows it cannot hold in memory ("" = the system's
// temp folder): see store.ScratchDir.
func newBook(title, office, date, operator string, public bool, scratch string) (*xlsxBook, error) {
	f := excelize.NewFile(excelize.Options{TmpDir: scratch})
	st, err := newStyles(f)
	if err != nil {
		f.Close()
		return nil, err
	}
	b := &xlsxBook{f: f, st: st, title: title, office: office, date: date, operator: operator, public: public}
	_ = f.SetDocProps(&excelize.DocProperties{Title: title, Creator: operator, Language: "zh-CN"})
	return b, nil
}

// fitWidths fits column widths to a table's header and cells (wide characters count 2).
func fitWidths(cols []column, rows [][]any) []float64 {
	w := make([]float64, len(cols))
	for i, c := range cols {
		// Headers wrap: they need not be wider than about 8 Chinese characters.
		w[i] = float64(min(textWidth(c.head), 16))
	}
	for _, r := range rows {
		for i, v := range r {
			if i < len(w) {
				w[i] = math.Max(w[i], float64(textWidth(display(v))))
			}
		}
	}
	for i, c := range cols {
		limit := 60.0
		if c.kind == kLong {
			limit = 40
		}
		w[i] = math.Min(math.Max(w[i]+2, 6), limit)
	}
	return w
}

// begin adds a sheet with its widths, frozen header, print setup and title area, and
// returns its stream writer; the data rows start at rowFirst.
func (b *xlsxBook) begin(name, subtitle string, cols []column, widths []float64) (*excelize.StreamWriter, error) {
	f := b.f
	if b.sheets == 0 {
		if err := f.SetSheetName(f.GetSheetName(0), name); err != nil {
			return nil, err
		}
	} else if _, err := f.NewSheet(name); err != nil {
		return nil, err
	}
	b.sheets++
	// The title must fit over the columns: its font is 16 points against 11.
	need := float64(textWidth(b.title))*16/11 + 4
	var sum float64
	for _, w := range widths {
		sum += w
	}
	if sum < need {
		widths[0] += need - sum
	}
	fit := true
	if err := f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	// From the last column to the first: the stream writer puts each new <col> before
	// the ones it has, and Excel wants them in ascending order.
	for i := len(widths) - 1; i >= 0; i-- {
		if err := sw.SetColWidth(i+1, i+1, widths[i]); err != nil {
			return nil, err
		}
	}
	first := "A" + strconv.Itoa(rowFirst)
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: rowHeader, TopLeftCell: first, ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: first, ActiveCell: first, Pane: "bottomLeft"}}}); err != nil {
		return nil, err
	}
	// A4 landscape, all columns on one page wide, as many pages tall as it takes.
	size, orient, fitW, fitH := 9, "landscape", 1, 0
	if err := f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &fitW, FitToHeight: &fitH}); err != nil {
		return nil, err
	}
	lr, tb, hf, centre := 0.4, 0.6, 0.3, true
	if err := f.SetPageMargins(name, &excelize.PageLayoutMarginsOptions{Left: &lr, Right: &lr, Top: &tb, Bottom: &tb,
		Header: &hf, Footer: &hf, Horizontally: &centre}); err != nil {
		return nil, err
	}
	hfo := &excelize.HeaderFooterOptions{OddFooter: pageFooter}
	if !b.public {
		hfo.OddHeader = pageHeaderInt
	}
	if err := f.SetHeaderFooter(name, hfo); err != nil {
		return nil, err
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: name,
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", name, rowHeader, rowHeader)}); err != nil {
		return nil, err
	}

	last := len(cols)
	merge := func(row, from, to int) error {
		if to <= from {
			return nil
		}
		a, _ := excelize.CoordinatesToCellName(from, row)
		z, _ := excelize.CoordinatesToCellName(to, row)
		return sw.MergeCell(a, z)
	}
	st := b.st
	if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: st.title, Value: b.title}}, excelize.RowOpts{Height: 30}); err != nil {
		return nil, err
	}
	if err := sw.SetRow("A2", []any{excelize.Cell{StyleID: st.sub, Value: subtitle}}, excelize.RowOpts{Height: 22}); err != nil {
		return nil, err
	}
	half := (last + 1) / 2
	info := make([]any, last)
	info[0] = excelize.Cell{StyleID: st.infoL, Value: labelOffice + b.office}
	if half < last {
		info[half] = excelize.Cell{StyleID: st.infoR, Value: labelDate + b.date}
	} else {
		info[0] = excelize.Cell{StyleID: st.infoL, Value: labelOffice + b.office + "    " + labelDate + b.date}
	}
	if err := sw.SetRow("A3", info, excelize.RowOpts{Height: 20}); err != nil {
		return nil, err
	}
	mark := excelize.Cell{StyleID: st.markInt, Value: markInternal}
	if b.public {
		mark = excelize.Cell{StyleID: st.markPub, Value: markPublic}
	}
	if err := sw.SetRow("A4", []any{mark}, excelize.RowOpts{Height: 20}); err != nil {
		return nil, err
	}
	head := make([]any, last)
	lines := 1
	for i, c := range cols {
		head[i] = excelize.Cell{StyleID: st.header, Value: c.head}
		lines = max(lines, int(math.Ceil(float64(textWidth(c.head))/math.Max(widths[i]-1, 1))))
	}
	if err := sw.SetRow("A"+strconv.Itoa(rowHeader), head, excelize.RowOpts{Height: float64(min(lines, 4))*15 + 6}); err != nil {
		return nil, err
	}
	for _, m := range [][3]int{{rowTitle, 1, last}, {rowSub, 1, last}, {rowMark, 1, last}} {
		if err := merge(m[0], m[1], m[2]); err != nil {
			return nil, err
		}
	}
	if half < last {
		if err := merge(rowInfo, 1, half); err != nil {
			return nil, err
		}
		if err := merge(rowInfo, half+1, last); err != nil {
			return nil, err
		}
	}
	return sw, nil
}

// finish writes the notes and the 制表人/审核人 footer after the last row and closes the
// sheet.
func (b *xlsxBook) finish(sw *excelize.StreamWriter, next int, cols []column, widths []float64, notes []string) error {
	last := len(cols)
	var total float64
	for _, w := range widths {
		total += w
	}
	next++ // a blank row
	for _, n := range notes {
		a := "A" + strconv.Itoa(next)
		z, _ := excelize.CoordinatesToCellName(last, next)
		lines := math.Ceil(float64(textWidth(n)) / math.Max(total-2, 1))
		if err := sw.SetRow(a, []any{excelize.Cell{StyleID: b.st.note, Value: n}}, excelize.RowOpts{Height: lines*14 + 4}); err != nil {
			return err
		}
		if last > 1 {
			if err := sw.MergeCell(a, z); err != nil {
				return err
			}
		}
		next++
	}
	if err := sw.SetRow("A"+strconv.Itoa(next+1), b.footer(last), excelize.RowOpts{Height: footerHeight}); err != nil {
		return err
	}
	return sw.Flush()
}

const footerHeight = 22

// footer is the 制表人/审核人 row of a sheet of last columns.
func (b *xlsxBook) footer(last int) []any {
	foot := make([]any, last)
	foot[0] = excelize.Cell{StyleID: b.st.footer, Value: labelMaker + b.operator}
	half := (last + 1) / 2
	checker := excelize.Cell{StyleID: b.st.footer, Value: labelChecker + labelBlank}
	if half < last {
		foot[half] = checker
	} else {
		foot[0] = excelize.Cell{StyleID: b.st.footer, Value: labelMaker + b.operator + "    " + labelChecker + labelBlank}
	}
	return foot
}

// writeTable writes one tally table as a sheet.
func (b *xlsxBook) writeTable(t *table) error {
	widths := fitWidths(t.cols, t.rows)
	sw, err := b.begin(t.sheet, t.title, t.cols, widths)
	if err != nil {
		return err
	}
	row := rowFirst
	for i, r := range t.rows {
		total := i >= len(t.rows)-t.totals
		cells := make([]any, len(r))
		for j, v := range r {
			c := b.st.cell(v, total)
			if !total && j < len(t.cols) && t.cols[j].kind == kLong {
				c.StyleID = b.st.long
			}
			cells[j] = c
		}
		if err := sw.SetRow("A"+strconv.Itoa(row), cells); err != nil {
			return err
		}
		row++
	}
	return b.finish(sw, row, t.cols, widths, t.notes)
}

// beginDetail adds a detail sheet with its title area and header only: its rows are
// written into the finished workbook by fillDetail (see spliceBook).
func (b *xlsxBook) beginDetail(d *detail) error {
	widths := make([]float64, len(d.cols))
	for i, c := range d.cols {
		widths[i] = math.Max(c.width, float64(min(textWidth(c.head), 16))+2)
	}
	sw, err := b.begin(d.sheet, d.title, d.cols, widths)
	if err != nil {
		return err
	}
	return sw.Flush()
}

// fillDetail returns the writer of a detail sheet's rows: each row as each emits it, every
// cell with its column's style (a column style would format the whole column, borders
// down to the last row of the sheet), then the total row and the footer. wrap adds
// progress and cancellation to the row writer.
func (b *xlsxBook) fillDetail(ctx context.Context, tx *sql.Tx, d *detail, wrap func(func([]any) error) func([]any) error) rowFill {
	return func(w *bufio.Writer) error {
		x := newSheetRows(w, rowFirst, len(d.cols))
		styles := make([]int, len(d.cols))
		for i, c := range d.cols {
			styles[i] = b.st.column(c.kind)
		}
		total, err := d.each(ctx, tx, wrap(func(r []any) error { return x.row(r, styles, 0) }))
		if err != nil {
			return err
		}
		if total != nil {
			bold := make([]int, len(total))
			for i, v := range total {
				bold[i] = b.st.tText
				if v != nil {
					bold[i] = b.st.cell(v, true).StyleID
				}
			}
			if err := x.row(total, bold, 0); err != nil {
				return err
			}
		}
		x.next += 2 // blank rows, as finish leaves them
		return x.row(b.footer(len(d.cols)), make([]int, len(d.cols)), footerHeight)
	}
}
