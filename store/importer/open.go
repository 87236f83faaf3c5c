package importer

import (
	"context"
	"io"
	"sort"
	"strconv"
	"strings"

	"shuangyong/model"
	"shuangyong/store"
)

// Source is a roster file opened for import: its kind, its sheets, the header found and
// the columns with the fields guessed (or remembered) for them.
type Source struct {
	Path     string
	Kind     string   // KindXLSX or KindCSV
	Sheets   []string // the workbook's sheets (xlsx)
	Sheet    string   // the sheet read
	Encoding string   // the CSV's encoding as detected
	// HeaderRow is the sheet row of the (last) header row; data starts below it.
	HeaderRow int
	// Columns are the headings, left to right, with the field guessed for each.
	Columns []Column
	// Mapping is the guess (or the mapping remembered for these headings).
	Mapping Mapping
	// Remembered says Mapping was the one saved with the last import of a file with the
	// same headings.
	Remembered bool
	// Samples are the first data rows, for the mapping screen.
	Samples [][]string

	key    string       // identifies the headings for remembering the mapping
	rows   int          // rows in the sheet, once a dry run has read them
	merges []mergeRange // cells merged down over data rows, by first row
}

// Open reads a roster's header: the kind of file (by its content, not its name), the
// sheet (xlsx: sheet, or the first when ""), the encoding (CSV), the header row below
// any title rows, and a mapping of its columns. The mapping remembered for the same
// headings in st (may be nil) is preferred to the guess.
//
// Errors are *Error with a message in both languages. With CodeNoName the Source is
// returned as well, so that a screen can let the user choose the name column.
func Open(ctx context.Context, st *store.Store, path, sheet string) (*Source, error) {
	kind, err := kindOf(path)
	if err != nil {
		return nil, err
	}
	src := &Source{Path: path, Kind: kind}
	if kind == KindXLSX {
		if src.Sheets, err = sheetNames(path); err != nil {
			return nil, err
		}
		switch {
		case sheet == "" && len(src.Sheets) > 0:
			src.Sheet = src.Sheets[0]
		case sheet != "":
			for _, s := range src.Sheets {
				if s == sheet || strings.EqualFold(strings.TrimSpace(s), strings.TrimSpace(sheet)) {
					src.Sheet = s
				}
			}
			if src.Sheet == "" {
				return nil, fileErr(CodeNoSheet, path, nil, sheet, strings.Join(src.Sheets, "、"))
			}
		}
	} else if src.Encoding, err = detectEncoding(path); err != nil {
		return nil, err
	}

	rr, err := openRows(ctx, path, kind, src.Sheet, src.Encoding)
	if err != nil {
		return nil, err
	}
	defer rr.close()
	var top [][]string
	var nums []int
	for len(top) < headerScan+6 {
		n, cells, err := rr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		top = append(top, cells)
		nums = append(nums, n)
	}
	if allBlank(top) {
		name := src.Sheet
		if name == "" {
			name = src.Path
		}
		return nil, fileErr(CodeEmptySheet, path, nil, name)
	}
	scan := top
	if len(scan) > headerScan {
		scan = scan[:headerScan]
	}
	last, headers, ok := findHeader(scan)
	if !ok {
		return nil, fileErr(CodeNoHeader, path, nil, strconv.Itoa(headerScan))
	}
	src.HeaderRow = nums[last]
	if kind == KindXLSX {
		// Cells merged down over several data rows (a village, a 户号 over a household)
		// hold their value in the first row only; the rows below read it from there.
		wb, err := openWorkbook(path)
		if err != nil {
			return nil, fileErr(CodeCorrupt, path, err)
		}
		ms, err := wb.merges(src.Sheet)
		wb.close()
		if err != nil {
			return nil, fileErr(CodeCorrupt, path, err)
		}
		for _, m := range ms {
			if m.r1 > src.HeaderRow && m.r2 > m.r1 {
				src.merges = append(src.merges, m)
			}
		}
		sort.Slice(src.merges, func(i, j int) bool { return src.merges[i].r1 < src.merges[j].r1 })
	}
	for _, r := range top[last+1:] {
		if !isBlank(r) && len(src.Samples) < 5 {
			src.Samples = append(src.Samples, r)
		}
	}
	// Columns without a heading but with data are kept, so the report can name them.
	width := len(headers)
	for _, r := range src.Samples {
		width = max(width, len(r))
	}
	for len(headers) < width {
		headers = append(headers, "")
	}
	src.key = headerKey(headers)
	src.Mapping = guessMapping(headers)
	if st != nil {
		if v, err := st.ImportMapping(ctx, src.key); err == nil {
			if m, ok := decodeMapping(v, len(headers)); ok {
				src.Mapping, src.Remembered = m, true
			}
		}
	}
	for i, h := range headers {
		src.Columns = append(src.Columns, Column{Index: i, Letter: colLetter(i), Header: h, Field: src.Mapping[i]})
	}
	if !src.Mapping.has("Name") {
		return src, fileErr(CodeNoName, path, nil, strconv.Itoa(src.HeaderRow), strings.Join(trimHeaders(headers), " | "))
	}
	return src, nil
}

// Key identifies the source's headings; SaveMapping remembers a mapping under it.
func (src *Source) Key() string { return src.key }

// SaveMapping remembers m for files with the same headings as src (the TUI calls it when
// the user confirms the mapping screen; an import remembers its mapping itself).
func SaveMapping(ctx context.Context, st *store.Store, src *Source, m Mapping) error {
	return st.SaveImportMapping(ctx, src.key, encodeMapping(m))
}

func (m Mapping) has(f Field) bool {
	for _, x := range m {
		if x == f {
			return true
		}
	}
	return false
}

func isBlank(cells []string) bool {
	for _, c := range cells {
		if v, _ := model.CleanCell(c); v != "" {
			return false
		}
	}
	return true
}

func allBlank(rows [][]string) bool {
	for _, r := range rows {
		if !isBlank(r) {
			return false
		}
	}
	return true
}
