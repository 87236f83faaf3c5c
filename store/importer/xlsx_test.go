package importer

import (
	"archive/zip"
	"bufio"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// handWorkbook writes a minimal workbook by hand, with what other programs write and
// excelize does not: a namespace prefix on every element, inline strings, entities,
// _x000D_ escapes, phonetic runs, cells without references, formulas with cached values.
func handWorkbook(t *testing.T, path string) string {
	t.Helper()
	fh, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(fh)
	put := func(name, body string) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	put("[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`)
	put("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?>
<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<x:sheets><x:sheet name="名册" sheetId="1" r:id="rId1"/><x:sheet name="说明" sheetId="2" r:id="rId2"/></x:sheets></x:workbook>`)
	put("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>`)
	put("xl/sharedStrings.xml", `<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">
<si><t>姓名</t></si>
<si><r><t>身份证</t></r><r><rPr><b/></rPr><t>号码</t></r><rPh sb="0" eb="1"><t>ミ</t></rPh></si>
<si><t xml:space="preserve">张 &amp; 三</t></si>
<si><t>李家村_x000D_二组</t></si>
</sst>`)
	put("xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:dimension ref="A1:AB5"/><x:sheetData>
<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>地址</x:t></x:is></x:c><x:c r="D1" t="str"><x:v>出生日期</x:v></x:c></x:row>
<x:row r="3"><x:c t="s"><x:v>2</x:v></x:c><x:c><x:v>1.10105194912310E+17</x:v></x:c><x:c t="s"><x:v>3</x:v></x:c><x:c r="D3"><x:f>DATE(1950,1,1)</x:f><x:v>18264</x:v></x:c></x:row>
<x:row r="4" spans="1:4"/>
<x:row><x:c r="AB5" t="inlineStr"><x:is><x:r><x:t>a&lt;b&#x4E00;</x:t></x:r></x:is></x:c></x:row>
</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="C3:C4"/></x:mergeCells></x:worksheet>`)
	put("xl/worksheets/sheet2.xml", `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>`)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	fh.Close()
	return path
}

func TestWorkbookScanner(t *testing.T) {
	path := handWorkbook(t, filepath.Join(t.TempDir(), "手写.xlsx"))
	wb, err := openWorkbook(path)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.close()
	if len(wb.sheets) != 2 || wb.sheets[0].name != "名册" || wb.sheets[1].path != "/xl/worksheets/sheet2.xml" {
		t.Fatalf("sheets %+v", wb.sheets)
	}
	rows, err := wb.rows("名册")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for {
		n, cells, err := rows.next()
		if err != nil {
			break
		}
		got = append(got, strings.Join(append([]string{string(rune('0' + n))}, cells...), "|"))
	}
	rows.close()
	if rows.lastRow != 5 {
		t.Errorf("the sheet's stated last row %d, want 5", rows.lastRow)
	}
	want := []string{
		"1|姓名|身份证号码|地址|出生日期",
		"3|张 & 三|1.10105194912310E+17|李家村\r二组|18264",
		"4",
		"5|" + strings.Repeat("|", 27) + "a<b一",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%q\nwant\n%q", got, want)
	}
	ms, err := wb.merges("名册")
	if err != nil || len(ms) != 1 || ms[0] != (mergeRange{r1: 3, r2: 4, c1: 2, c2: 2}) {
		t.Errorf("merges %+v %v", ms, err)
	}
	// Through the whole import: the damaged ID is flagged, the rest read.
	st, _ := openStore(t)
	src := mustOpen(t, st, path, "")
	rep, err := DryRun(context.Background(), st, src, src.Mapping, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if l := lineOf(t, rep, 3); l.Action != ActionReject || l.Name != "张 & 三" {
		t.Errorf("row 3: %+v", l)
	}
	if src2, err := Open(context.Background(), st, path, "说明"); err == nil || src2 != nil && src2.Sheet != "说明" {
		t.Errorf("the second sheet: %v", err)
	}
}

func FuzzSheetScanner(f *testing.F) {
	for _, s := range []string{
		`<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>`,
		`<x:row><x:c t="inlineStr"><x:is><x:t>&#x4E00;&amp;</x:t></x:is></x:c></x:row>`,
		`<row r="99999999999"><c r="ZZZZZZ1"><v>1</v></c>`,
		`<row><c t="s"><v>7</v></c></row><mergeCell ref="A1:B"/>`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, xml string) {
		s := &sheetRows{rc: nopCloser{}, r: bufioReader(xml), sst: []string{"a"}}
		for i := 0; i < 10000; i++ {
			if _, _, err := s.next(); err != nil {
				break
			}
		}
		attr([]byte(xml), "r")
		unescapeXML([]byte(xml))
		unescapeX(xml)
		cellRef(xml)
	})
}

type nopCloser struct{}

func (nopCloser) Close() error             { return nil }
func (nopCloser) Read([]byte) (int, error) { return 0, io.EOF }

func bufioReader(s string) *bufio.Reader { return bufio.NewReaderSize(strings.NewReader(s), 16) }
