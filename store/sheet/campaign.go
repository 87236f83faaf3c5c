package sheet

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"shuangyong/model"
	"shuangyong/store"
)

// The 发放清单 of a festival campaign (SPEC W2): the list of the money and goods handed out,
// one row per person visited, with a blank column for their signature, sent to the county
// with the signatures. Village subtotals and a grand total; A4 portrait with the header
// rows repeated on every page; ID numbers masked (first 6 + last 4) and written as text.

// campaignColumns are the list's columns and their widths (characters).
var campaignColumns = []struct {
	title string
	width float64
}{
	{"序号", 6}, {"村（社区）", 12}, {"姓名", 10}, {"身份证号", 21}, {"优抚类别", 16},
	{"慰问金（元）", 12}, {"慰问品", 18}, {"签领人签字", 16},
}

// CampaignTitle is the list's title: 「青山镇2026年春节走访慰问发放清单」.
func CampaignTitle(township, campaign string) string {
	return township + strings.TrimSpace(campaign) + campaignTitleSuffix
}

// ExportCampaign writes the 发放清单 of campaign eventID to path (.xlsx), through a
// temporary file renamed when complete; the file is readable by its owner only (names
// and signatures). Only the people ticked off are listed, in roster order.
func ExportCampaign(ctx context.Context, s *store.Store, eventID int64, path string) error {
	c, err := s.Campaign(ctx, eventID)
	if err != nil {
		return err
	}
	st, err := s.Settings(ctx)
	if err != nil {
		return err
	}
	var rows []store.RosterRow
	for off := 0; ; off += 1000 {
		page, err := s.RosterPage(ctx, eventID, store.RosterQuery{State: store.RosterVisited, Offset: off, Limit: 1000})
		if err != nil {
			return err
		}
		rows = append(rows, page.Rows...)
		if len(page.Rows) < 1000 {
			break
		}
	}
	township := st.TitleTownship()
	return writeAtomically(path, true, func(w io.Writer) error {
		return writeCampaign(w, c, rows, township, st.Office, s.Today(), s.ScratchDir())
	})
}

func writeCampaign(w io.Writer, c store.CampaignInfo, rows []store.RosterRow, township, office, today, scratch string) error {
	f := excelize.NewFile(excelize.Options{TmpDir: scratch})
	defer f.Close()
	const sheetName = campaignSheet
	if err := f.SetSheetName("Sheet1", sheetName); err != nil {
		return err
	}
	last := string(rune('A' + len(campaignColumns) - 1))
	styleOf := func(st *excelize.Style) int {
		id, _ := f.NewStyle(st)
		return id
	}
	border := []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1}}
	center := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	titleStyle := styleOf(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 16}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	headStyle := styleOf(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border, Alignment: center})
	textStyle := styleOf(&excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}, NumFmt: 49})
	moneyStyle := styleOf(&excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "center"}, NumFmt: 4})
	totalStyle := styleOf(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border, Alignment: &excelize.Alignment{Vertical: "center"}})
	totalMoney := styleOf(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border, NumFmt: 4})

	set := func(cell string, v any) error { return f.SetCellValue(sheetName, cell, v) }
	if err := set("A1", model.Sanitize(CampaignTitle(township, c.Title))); err != nil {
		return err
	}
	f.MergeCell(sheetName, "A1", last+"1")
	f.SetCellStyle(sheetName, "A1", last+"1", titleStyle)
	f.SetRowHeight(sheetName, 1, 30)
	period := model.FormatDateZh(c.Date)
	if c.EndDate != "" {
		period += labelUntil + model.FormatDateZh(c.EndDate)
	}
	set("A2", labelOffice+model.Sanitize(office))
	f.MergeCell(sheetName, "A2", "D2")
	set("E2", labelVisitTime+period+"    "+labelDate+model.FormatDateZh(today))
	f.MergeCell(sheetName, "E2", last+"2")
	for i, col := range campaignColumns {
		name, _ := excelize.ColumnNumberToName(i + 1)
		set(name+"3", col.title)
		f.SetColWidth(sheetName, name, name, col.width)
	}
	f.SetCellStyle(sheetName, "A3", last+"3", headStyle)
	f.SetRowHeight(sheetName, 3, 22)

	row := 4
	n := 0
	var villageMoney, totalFen int64
	village := ""
	villagePeople, people := 0, 0
	subtotal := func() {
		if villagePeople == 0 {
			return
		}
		r := fmt.Sprint(row)
		set("A"+r, "")
		set("B"+r, model.Sanitize(village)+" "+labelSubtotal)
		f.MergeCell(sheetName, "B"+r, "E"+r)
		set("F"+r, float64(villageMoney)/100)
		set("G"+r, fmt.Sprintf(labelPeopleCount, villagePeople))
		f.SetCellStyle(sheetName, "A"+r, last+r, totalStyle)
		f.SetCellStyle(sheetName, "F"+r, "F"+r, totalMoney)
		row++
	}
	cats := categoryLabels{} // the detail sheets' cache of category labels
	for _, p := range rows {
		if p.VillageName != village || n == 0 {
			if n > 0 {
				subtotal()
			}
			village, villageMoney, villagePeople = p.VillageName, 0, 0
		}
		n++
		r := fmt.Sprint(row)
		goods := p.Goods
		cells := []any{n, model.Sanitize(p.VillageName), model.Sanitize(p.Name), model.MaskID(p.IDNumber),
			model.Sanitize(cats.text(strings.Join(p.Categories, ","))), float64(p.MoneyFen) / 100, model.Sanitize(goods), ""}
		for i, v := range cells {
			name, _ := excelize.ColumnNumberToName(i + 1)
			if s, ok := v.(string); ok {
				f.SetCellStr(sheetName, name+r, s) // text, never a number or formula (ID numbers)
			} else {
				set(name+r, v)
			}
		}
		f.SetCellStyle(sheetName, "A"+r, last+r, textStyle)
		f.SetCellStyle(sheetName, "F"+r, "F"+r, moneyStyle)
		f.SetRowHeight(sheetName, row, 30) // room for a signature
		villageMoney += p.MoneyFen
		totalFen += p.MoneyFen
		villagePeople++
		people++
		row++
	}
	subtotal()
	r := fmt.Sprint(row)
	set("A"+r, labelTotal)
	f.MergeCell(sheetName, "A"+r, "E"+r)
	set("F"+r, float64(totalFen)/100)
	set("G"+r, fmt.Sprintf(labelPeopleCount, people))
	f.SetCellStyle(sheetName, "A"+r, last+r, totalStyle)
	f.SetCellStyle(sheetName, "F"+r, "F"+r, totalMoney)
	row += 2
	set(fmt.Sprint("A", row), labelHandler)
	set(fmt.Sprint("E", row), labelChecker)

	// A4 portrait, the title and header rows on every page, fitted to the page's width:
	// the columns are about 8.5 inches wide at 100 %, A4 has about 7.3 between narrow
	// margins, and without fitToPage Excel and WPS ignore fitToWidth and print the
	// 慰问品 and 签字 columns on pages of their own.
	fit := true
	if err := f.SetSheetProps(sheetName, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	orientation, size, fitW, fitH := "portrait", 9, 1, 0
	if err := f.SetPageLayout(sheetName, &excelize.PageLayoutOptions{Orientation: &orientation, Size: &size,
		FitToWidth: &fitW, FitToHeight: &fitH}); err != nil {
		return err
	}
	lr, tb, hf, centre := 0.4, 0.6, 0.3, true
	if err := f.SetPageMargins(sheetName, &excelize.PageLayoutMarginsOptions{Left: &lr, Right: &lr, Top: &tb, Bottom: &tb,
		Header: &hf, Footer: &hf, Horizontally: &centre}); err != nil {
		return err
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + sheetName + "'!$1:$3", Scope: sheetName}); err != nil {
		return err
	}
	if err := f.SetPanes(sheetName, &excelize.Panes{Freeze: true, YSplit: 3, TopLeftCell: "A4", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	_, err := f.WriteTo(w)
	return err
}
