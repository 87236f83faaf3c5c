package sheet

import (
	"bufio"
	"errors"
	"fmt"
	"strconv"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"shuangyong/model"
)

// ErrTooManyRows: a detail sheet would pass the 1 048 576 rows a worksheet can hold (Excel,
// WPS and LibreOffice alike) — a year of over a million visits.
var ErrTooManyRows = errors.New("sheet: more rows than a worksheet holds")

// sheetRows writes rows of SpreadsheetML (<row>…</row>) for the detail sheets, straight
// into the workbook's zip entry. excelize's stream writer spends about 2 µs on a cell (a
// reference built and parsed again, a struct and an interface per value, XML escaping
// through a byte slice copy), and a county's year has four million detail cells; this
// writes the same XML — inline strings, numbers as <v>, a style on every cell — at a few
// tens of nanoseconds a cell.
type sheetRows struct {
	w       *bufio.Writer
	letters []string // column names: A, B, …
	next    int      // the row number the next row gets
	lastCol int      // the widest row written, for the sheet's dimension
	buf     []byte
}

func newSheetRows(w *bufio.Writer, first, cols int) *sheetRows {
	letters := make([]string, cols)
	for i := range letters {
		letters[i], _ = excelize.ColumnNumberToName(i + 1)
	}
	return &sheetRows{w: w, letters: letters, next: first}
}

// row writes one row: values[i] goes to column i with style styles[i]. A nil value or an
// empty string writes a blank cell that keeps its style (borders), unless the style is 0
// too. height > 0 sets the row's height in points.
func (x *sheetRows) row(values []any, styles []int, height float64) error {
	if len(values) > len(x.letters) {
		return fmt.Errorf("sheet: a row of %d cells in a sheet of %d columns", len(values), len(x.letters))
	}
	if x.next > excelize.TotalRows {
		return ErrTooManyRows
	}
	b := append(x.buf[:0], `<row r="`...)
	b = strconv.AppendInt(b, int64(x.next), 10)
	if height > 0 {
		b = append(b, `" ht="`...)
		b = strconv.AppendFloat(b, height, 'f', -1, 64)
		b = append(b, `" customHeight="1`...)
	}
	b = append(b, `">`...)
	for i, v := range values {
		if v == nil && styles[i] == 0 {
			continue
		}
		b = x.cell(b, i, styles[i], v)
	}
	b = append(b, `</row>`...)
	x.buf = b
	x.next++
	x.lastCol = max(x.lastCol, len(values))
	_, err := x.w.Write(b)
	return err
}

func (x *sheetRows) cell(b []byte, col, style int, v any) []byte {
	if c, ok := v.(excelize.Cell); ok { // a cell that carries its style (title rows, footer)
		style, v = c.StyleID, c.Value
	}
	b = append(b, `<c r="`...)
	b = append(b, x.letters[col]...)
	b = strconv.AppendInt(b, int64(x.next), 10)
	b = append(b, '"')
	if style != 0 {
		b = append(b, ` s="`...)
		b = strconv.AppendInt(b, int64(style), 10)
		b = append(b, '"')
	}
	switch v := v.(type) {
	case nil:
		return append(b, `/>`...)
	case string:
		return appendInlineString(b, v)
	case code:
		return appendInlineString(b, string(v))
	case int:
		b = append(b, `><v>`...)
		b = strconv.AppendInt(b, int64(v), 10)
	case int64:
		b = append(b, `><v>`...)
		b = strconv.AppendInt(b, v, 10)
	case money:
		b = append(b, `><v>`...)
		b = appendYuan(b, int64(v))
	case date:
		n, ok := v.serial()
		if !ok {
			return appendInlineString(b, string(v))
		}
		b = append(b, `><v>`...)
		b = strconv.AppendInt(b, n, 10)
	default:
		return appendInlineString(b, fmt.Sprint(v))
	}
	return append(b, `</v></c>`...)
}

// appendInlineString ends a cell holding text s (an empty s leaves the cell blank). A text
// longer than a cell holds (32 767 characters: Excel calls the file damaged otherwise) is
// cut, ending in "…". Control, zero-width and bidi characters are removed as on screen
// (model.Sanitize): a U+202E would show a name reversed in Excel.
func appendInlineString(b []byte, s string) []byte {
	s = model.Sanitize(s)
	if s == "" {
		return append(b, `/>`...)
	}
	if len(s) > excelize.TotalCellChars && utf8.RuneCountInString(s) > excelize.TotalCellChars {
		s = string([]rune(s)[:excelize.TotalCellChars-1]) + "…"
	}
	b = append(b, ` t="inlineStr"><is><t`...)
	if first, last := s[0], s[len(s)-1]; isXMLSpace(first) || isXMLSpace(last) {
		b = append(b, ` xml:space="preserve"`...)
	}
	b = append(b, '>')
	b = appendEscaped(b, s)
	return append(b, `</t></is></c>`...)
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// appendEscaped appends s as XML character data. Characters XML 1.0 cannot hold (control
// characters other than tab and line feed, U+FFFE, U+FFFF, bytes that are not UTF-8)
// become U+FFFD, as encoding/xml does; a carriage return is kept as a reference, which
// parsers do not fold away.
func appendEscaped(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			var esc string
			switch {
			case c == '&':
				esc = "&amp;"
			case c == '<':
				esc = "&lt;"
			case c == '>':
				esc = "&gt;"
			case c == '\r':
				esc = "&#xD;"
			case c == '\t' || c == '\n' || c >= 0x20:
				i++
				continue
			default:
				esc = "\uFFFD"
			}
			b = append(b, s[last:i]...)
			b = append(b, esc...)
			i++
			last = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || r == 0xFFFE || r == 0xFFFF {
			b = append(b, s[last:i]...)
			b = append(b, "\uFFFD"...)
			i += size
			last = i
			continue
		}
		i += size
	}
	return append(b, s[last:]...)
}

// appendYuan appends an amount in 分 as a number of 元, exactly (no float in between):
// 170000 → 1700, 1250 → 12.5, 1205 → 12.05.
func appendYuan(b []byte, fen int64) []byte {
	if fen < 0 {
		b = append(b, '-')
		fen = -fen
	}
	b = strconv.AppendInt(b, fen/100, 10)
	switch cents := fen % 100; {
	case cents == 0:
	case cents%10 == 0:
		b = append(b, '.', byte('0'+cents/10))
	default:
		b = append(b, '.', byte('0'+cents/10), byte('0'+cents%10))
	}
	return b
}
