package sheet

import (
	"bufio"
	"encoding/csv"
	"io"
	"strconv"

	"shuangyong/model"
)

// CSV files are for Chinese Excel and WPS: UTF-8 with a byte-order mark (without it they
// read the file as GBK), CRLF line ends, a header row and the rows (no title area).
//
// ID and phone numbers are protected from number conversion by a leading tab. Opening a
// CSV, Excel and LibreOffice turn an 18-digit ID into a number and keep 15 digits
// (1.10105E+17, the last three digits lost), and drop a landline's leading 0. Choices:
//
//   - a leading tab (chosen): the field is no longer a number, so it stays text with every
//     digit. Measured with LibreOffice 7.4 (headless import of our CSV, read back): a text
//     cell "\t110105194912310021". The value is still the plain number for any program
//     that trims white space (our importer does), nothing needs unwrapping, and it is not
//     a formula. Its cost: an invisible tab before the number in the cell.
//   - ="110105194912310021": a formula whose result is text. LibreOffice 7.4 evaluates it
//     (measured), but whether a CSV formula is evaluated is an import option that later
//     LibreOffice versions leave off, showing the formula text; every other reader sees
//     the wrapper; and exporting formulas is what CSV-injection checks forbid.
//   - a leading apostrophe: kept literally by LibreOffice (measured: '110105194912310021)
//     and by Excel's CSV import, so the cell shows the apostrophe.
//
// Neither Excel nor WPS was available to test; for anything with ID numbers the .xlsx,
// whose ID cells are typed text, remains the file to hand on.
//
// Free text that starts with = + - @ (or their full-width forms), after any leading
// spaces, gets the same leading tab, so that no spreadsheet takes a name or a note for a
// formula (CSV injection). Control, zero-width and bidi characters are removed first, as
// on screen (model.Sanitize): otherwise a value starting with a carriage return passes
// the check and the CSV writer then drops the CR, leaving a live "=1+1"; and ESC
// sequences would reach whoever types the file in a terminal.

var bom = []byte{0xEF, 0xBB, 0xBF}

type csvWriter struct {
	bw *bufio.Writer
	w  *csv.Writer
}

func newCSV(out io.Writer) (*csvWriter, error) {
	bw := bufio.NewWriterSize(out, 64<<10)
	if _, err := bw.Write(bom); err != nil {
		return nil, err
	}
	w := csv.NewWriter(bw)
	w.UseCRLF = true
	return &csvWriter{bw: bw, w: w}, nil
}

func (c *csvWriter) flush() error {
	c.w.Flush()
	if err := c.w.Error(); err != nil {
		return err
	}
	return c.bw.Flush()
}

// field writes a value as CSV text.
func csvField(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case money:
		return moneyPlain(int64(v))
	case int:
		return strconv.Itoa(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case code:
		if v == "" {
			return ""
		}
		return "\t" + model.Sanitize(string(v))
	case ratio:
		if v.den == 0 {
			return labelNoBase
		}
		return pctText((v.num*2000 + v.den) / (2 * v.den))
	case pct:
		if !v.ok {
			return labelNoBase
		}
		return changeText(v.permille)
	case date:
		return string(v)
	case string:
		return csvText(v)
	}
	return ""
}

func csvText(v string) string { return model.NeutraliseFormula(v) }

func pctText(permille int) string {
	s := strconv.Itoa(permille / 10)
	if r := permille % 10; r != 0 {
		if r < 0 {
			r = -r
		}
		s += "." + strconv.Itoa(r)
	}
	if permille < 0 && permille > -10 {
		s = "-" + s
	}
	return s + "%"
}

// moneyPlain writes 分 as 元 with two decimals and no separators: 1234.50.
func moneyPlain(fen int64) string {
	neg := fen < 0
	if neg {
		fen = -fen
	}
	s := strconv.FormatInt(fen/100, 10) + "." + strconv.FormatInt(fen%100/10, 10) + strconv.FormatInt(fen%10, 10)
	if neg {
		s = "-" + s
	}
	return s
}

func (c *csvWriter) header(cols []column) error {
	rec := make([]string, len(cols))
	for i, col := range cols {
		rec[i] = col.head
	}
	return c.w.Write(rec)
}

func (c *csvWriter) row(r []any) error {
	rec := make([]string, len(r))
	for i, v := range r {
		rec[i] = csvField(v)
	}
	return c.w.Write(rec)
}
