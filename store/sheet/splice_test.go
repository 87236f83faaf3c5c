package sheet

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"shuangyong/store/tally/tallytest"
)

// TestWorkbookParts reads every worksheet of an exported workbook as XML: well formed,
// columns in ascending order (Excel repairs a file whose <col>s are not), no stale
// <dimension> on the sheets whose rows were spliced in, every row number once and rising.
func TestWorkbookParts(t *testing.T) {
	f := tallytest.New(t)
	path := export(t, f, Options{})
	zr, err := zip.OpenReader(path)
	tallytest.Must(t, err)
	defer zr.Close()
	paths, err := sheetPaths(&zr.Reader)
	tallytest.Must(t, err)
	if len(paths) != len(wantSheets) {
		t.Fatalf("sheet parts %v", paths)
	}
	detailSheets := map[string]bool{"走访明细": true, "活动明细": true, "未走访人员": true}
	for name, part := range paths {
		rc, err := zr.Open(part)
		tallytest.Must(t, err)
		dec := xml.NewDecoder(rc)
		lastCol, lastRow, dims := 0, 0, 0
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s (%s): %v", name, part, err)
			}
			se, ok := tok.(xml.StartElement)
			if !ok {
				continue
			}
			attr := func(n string) int {
				for _, a := range se.Attr {
					if a.Name.Local == n {
						v, _ := strconv.Atoi(a.Value)
						return v
					}
				}
				return -1
			}
			switch se.Name.Local {
			case "col":
				if m := attr("min"); m <= lastCol {
					t.Errorf("%s: <col min=%d> after %d", name, m, lastCol)
				} else {
					lastCol = m
				}
			case "row":
				if r := attr("r"); r <= lastRow {
					t.Errorf("%s: row %d after %d", name, r, lastRow)
				} else {
					lastRow = r
				}
			case "dimension":
				dims++
			}
		}
		rc.Close()
		if detailSheets[name] && dims != 0 {
			t.Errorf("%s: a <dimension> the spliced rows made stale", name)
		}
	}
}

// TestCellXML: text of every kind reads back as written (XML's reserved characters, line
// ends, edge spaces), characters XML cannot hold become U+FFFD, and amounts are exact.
func TestCellXML(t *testing.T) {
	texts := map[string]string{
		"李家村3组12号":          "李家村3组12号",
		`<慰问> & "关怀"`:       `<慰问> & "关怀"`,
		"第一行\n第二行":          "第一行\n第二行",
		"回车\r\n换行":          "回车\r\n换行",
		" 前后空格 ":            " 前后空格 ",
		"铃\x07声":            "铃\uFFFD声",
		"坏\xff字节":           "坏\uFFFD字节",
		"非字符\uFFFE":         "非字符\uFFFD",
		"𠀋 (U+2000B, 两个代理)": "𠀋 (U+2000B, 两个代理)",
	}
	for in, want := range texts {
		doc := "<t>" + string(appendEscaped(nil, in)) + "</t>"
		var got string
		if err := xml.Unmarshal([]byte(doc), &got); err != nil {
			t.Errorf("%q → %s: %v", in, doc, err)
			continue
		}
		if got != want {
			t.Errorf("%q read back as %q, want %q", in, got, want)
		}
	}
	for fen, want := range map[int64]string{0: "0", 170000: "1700", 1250: "12.5", 1205: "12.05", 5: "0.05", -1250: "-12.5", -5: "-0.05"} {
		if got := string(appendYuan(nil, fen)); got != want {
			t.Errorf("appendYuan(%d) = %s, want %s", fen, got, want)
		}
	}

	// A row through sheetRows: numbers as <v>, text inline, blanks keep their style.
	var sheet bytes.Buffer
	bw := bufio.NewWriter(&sheet)
	x := newSheetRows(bw, 6, 6)
	tallytest.Must(t, x.row([]any{7, "张 三", code("013800"), money(1250), "", excelize.Cell{StyleID: 2, Value: "制表人"}}, []int{1, 1, 1, 1, 1, 0}, 0))
	tallytest.Must(t, bw.Flush())
	row := sheet.String()
	for _, want := range []string{`<c r="A6" s="1"><v>7</v></c>`, `<c r="B6" s="1" t="inlineStr"><is><t>张 三</t></is></c>`,
		`<c r="C6" s="1" t="inlineStr"><is><t>013800</t></is></c>`, `<c r="D6" s="1"><v>12.5</v></c>`, `<c r="E6" s="1"/>`,
		`<c r="F6" s="2" t="inlineStr">`} {
		if !strings.Contains(row, want) {
			t.Errorf("row %s lacks %s", row, want)
		}
	}
	if err := x.row(make([]any, 7), make([]int, 7), 0); err == nil {
		t.Error("a row wider than the sheet was written")
	}
	// A text longer than a cell holds is cut to the limit, ending in "…".
	long := strings.Repeat("长", excelize.TotalCellChars+5)
	cell := string(appendInlineString(nil, long))
	text := cell[strings.Index(cell, "<t>")+3 : strings.Index(cell, "</t>")]
	if n := utf8.RuneCountInString(text); n != excelize.TotalCellChars || !strings.HasSuffix(text, "长…") {
		t.Errorf("a long text became %d characters ending %q", n, text[len(text)-9:])
	}
	x.next = excelize.TotalRows
	tallytest.Must(t, x.row([]any{1}, []int{0}, 0)) // the last row a worksheet has
	if err := x.row([]any{2}, []int{0}, 0); !errors.Is(err, ErrTooManyRows) {
		t.Errorf("row %d: %v", x.next, err)
	}
}
