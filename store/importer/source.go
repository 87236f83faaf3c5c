package importer

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Kinds of source file.
const (
	KindXLSX = "xlsx"
	KindCSV  = "csv"
)

// Encodings a CSV file is read in (Source.Encoding).
const (
	EncUTF8    = "UTF-8"
	EncUTF8BOM = "UTF-8 BOM"
	EncUTF16LE = "UTF-16LE"
	EncUTF16BE = "UTF-16BE"
	EncGB18030 = "GB18030"
)

// maxLine bounds one line of a CSV file. A roster row of 40 columns of 100 characters is
// 12 KB; a file whose "line" runs to megabytes is not a roster (or is damaged), and
// encoding/csv would hold all of it in memory.
const maxLine = 256 << 10

// sniffSize is how much of a CSV file decides its encoding.
const sniffSize = 1 << 20

// rowReader yields the rows of a sheet in order, numbered from 1 as the spreadsheet
// numbers them.
type rowReader interface {
	next() (row int, cells []string, err error) // io.EOF at the end
	close() error
}

// openRows opens path for reading the rows of sheet (xlsx; "" = the first) from the start.
func openRows(_ context.Context, path, kind, sheet, enc string) (rowReader, error) {
	if kind == KindCSV {
		return openCSV(path, enc)
	}
	wb, err := openWorkbook(path)
	if err != nil {
		return nil, fileErr(CodeCorrupt, path, err)
	}
	rows, err := wb.rows(sheet)
	if err != nil {
		wb.close()
		return nil, fileErr(CodeCorrupt, path, err)
	}
	return &xlsxRows{wb: wb, rows: rows, path: path}, nil
}

// kindOf decides how to read a file from its first bytes, not its name: a roster saved
// as .csv may be a workbook, and a .xlsx may be an old .xls renamed.
func kindOf(path string) (string, error) {
	fh, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return "", fileErr(CodeNoFile, path, err)
		}
		return "", fileErr(CodeUnreadable, path, err)
	}
	defer fh.Close()
	if fi, err := fh.Stat(); err == nil && fi.IsDir() {
		return "", fileErr(CodeNotSheet, path, errors.New("a folder"))
	}
	head := make([]byte, 8)
	n, _ := io.ReadFull(fh, head)
	head = head[:n]
	switch {
	case n == 0:
		return "", fileErr(CodeEmpty, path, nil)
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return KindXLSX, nil
	case bytes.Equal(head, oleMagic):
		if isEncrypted(fh) {
			return "", fileErr(CodePassword, path, nil)
		}
		return "", fileErr(CodeOldXLS, path, nil)
	}
	ext := strings.ToLower(filepath.Ext(path))
	if ext == ".xlsx" || ext == ".xlsm" || ext == ".xls" || ext == ".et" {
		return "", fileErr(CodeCorrupt, path, errors.New("not a zip"))
	}
	if looksBinary(path) {
		return "", fileErr(CodeNotSheet, path, nil)
	}
	return KindCSV, nil
}

// oleMagic starts a Compound File: an old .xls, or an .xlsx with a password (Office
// encrypts the workbook into such a container).
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// isEncrypted looks for the EncryptionInfo stream's name (UTF-16) in a Compound File.
func isEncrypted(fh *os.File) bool {
	if _, err := fh.Seek(0, io.SeekStart); err != nil {
		return false
	}
	name := utf16le("EncryptionInfo")
	buf := make([]byte, 64<<10)
	var carry []byte
	for {
		n, err := fh.Read(buf)
		chunk := append(carry, buf[:n]...)
		if bytes.Contains(chunk, name) {
			return true
		}
		if len(chunk) > len(name) {
			carry = append([]byte(nil), chunk[len(chunk)-len(name):]...)
		}
		if err != nil {
			return false
		}
	}
}

func utf16le(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), 0)
	}
	return b
}

// looksBinary reports a file that is no text in any encoding we read: NUL bytes that are
// not the zeros of UTF-16, or control bytes text never has.
func looksBinary(path string) bool {
	fh, err := os.Open(path)
	if err != nil {
		return false
	}
	defer fh.Close()
	buf := make([]byte, 4096)
	n, _ := io.ReadFull(fh, buf)
	buf = buf[:n]
	if bytes.HasPrefix(buf, []byte{0xFF, 0xFE}) || bytes.HasPrefix(buf, []byte{0xFE, 0xFF}) || utf16Guess(buf) != "" {
		return false
	}
	bad := 0
	for _, c := range buf {
		if c == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != 0x1A && c != 0x0C) {
			bad++
		}
	}
	return bad > 0 && bad*100 > n // more than 1% control bytes
}

// xlsxRows reads a worksheet's cells as stored (raw): a date is its serial number, not
// text formatted by a pattern with two-digit years.
type xlsxRows struct {
	wb   *workbook
	rows *sheetRows
	path string
}

func (x *xlsxRows) next() (int, []string, error) {
	n, cells, err := x.rows.next()
	switch {
	case err == io.EOF:
		return 0, nil, io.EOF
	case errors.Is(err, errLineTooLong):
		return 0, nil, fileErr(CodeLineTooLong, x.path, err)
	case err != nil:
		return 0, nil, fileErr(CodeCorrupt, x.path, err)
	}
	return n, cells, nil
}

// lastRow is the sheet's last row number as the workbook states it, 0 when unknown.
func (x *xlsxRows) lastRow() int { return x.rows.lastRow }

func (x *xlsxRows) close() error {
	x.rows.close()
	return x.wb.close()
}

// sheetNames lists a workbook's sheets.
func sheetNames(path string) ([]string, error) {
	wb, err := openWorkbook(path)
	if err != nil {
		return nil, fileErr(CodeCorrupt, path, err)
	}
	defer wb.close()
	var out []string
	for _, s := range wb.sheets {
		out = append(out, s.name)
	}
	return out, nil
}

// detectEncoding reads the start of a CSV file: a BOM decides; else zeros at every other
// byte mean UTF-16; else valid UTF-8 is UTF-8 and anything else GB18030 (which reads GBK
// and GB2312 too).
func detectEncoding(path string) (string, error) {
	fh, err := os.Open(path)
	if err != nil {
		return "", fileErr(CodeUnreadable, path, err)
	}
	defer fh.Close()
	buf := make([]byte, sniffSize)
	n, err := io.ReadFull(fh, buf)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return "", fileErr(CodeUnreadable, path, err)
	}
	buf = buf[:n]
	switch {
	case bytes.HasPrefix(buf, []byte{0xEF, 0xBB, 0xBF}):
		return EncUTF8BOM, nil
	case bytes.HasPrefix(buf, []byte{0xFF, 0xFE}):
		return EncUTF16LE, nil
	case bytes.HasPrefix(buf, []byte{0xFE, 0xFF}):
		return EncUTF16BE, nil
	}
	if e := utf16Guess(buf); e != "" {
		return e, nil
	}
	if n == sniffSize {
		// The sample may end inside a character: trim back to a character boundary.
		for i := 0; i < 3 && len(buf) > 0 && !utf8.Valid(buf); i++ {
			buf = buf[:len(buf)-1]
		}
	}
	if utf8.Valid(buf) {
		return EncUTF8, nil
	}
	return EncGB18030, nil
}

// utf16Guess recognises UTF-16 without a BOM by its zero bytes: ASCII text (digits,
// commas, line ends) has a zero in every other byte.
func utf16Guess(b []byte) string {
	if len(b) < 8 {
		return ""
	}
	if len(b) > 4096 {
		b = b[:4096]
	}
	var even, odd int
	for i, c := range b {
		if c == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	half := len(b) / 2
	switch {
	case odd*4 > half && even*20 < half:
		return EncUTF16LE
	case even*4 > half && odd*20 < half:
		return EncUTF16BE
	}
	return ""
}

func decoderFor(enc string) encoding.Encoding {
	switch enc {
	case EncUTF16LE:
		return unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	case EncUTF16BE:
		return unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	case EncGB18030:
		return simplifiedchinese.GB18030
	}
	return nil
}

// csvRows reads a CSV file as UTF-8 through the decoder of its encoding.
type csvRows struct {
	fh   *os.File
	r    *csv.Reader
	lim  *lineLimit
	path string
	n    int
}

func openCSV(path, enc string) (rowReader, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, fileErr(CodeUnreadable, path, err)
	}
	var in io.Reader = bufio.NewReaderSize(fh, 64<<10)
	if d := decoderFor(enc); d != nil {
		in = transform.NewReader(in, d.NewDecoder())
	}
	lim := &lineLimit{r: in}
	br := bufio.NewReaderSize(lim, 64<<10)
	if enc == EncUTF8BOM {
		if b, _ := br.Peek(3); bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
			br.Discard(3)
		}
	}
	r := csv.NewReader(br)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	r.ReuseRecord = true
	r.Comma = sniffComma(path, enc)
	return &csvRows{fh: fh, r: r, lim: lim, path: path}, nil
}

// sniffComma picks the separator of the first line: a comma, else a tab or a semicolon
// when the line has more of those (CSV saved by some programs, or text copied from Excel).
func sniffComma(path, enc string) rune {
	fh, err := os.Open(path)
	if err != nil {
		return ','
	}
	defer fh.Close()
	var in io.Reader = io.LimitReader(fh, 64<<10)
	if d := decoderFor(enc); d != nil {
		in = transform.NewReader(in, d.NewDecoder())
	}
	line, _ := bufio.NewReader(in).ReadString('\n')
	best, n := ',', strings.Count(line, ",")
	for _, c := range []rune{'\t', ';'} {
		if k := strings.Count(line, string(c)); k > n {
			best, n = c, k
		}
	}
	return best
}

func (c *csvRows) next() (int, []string, error) {
	rec, err := c.r.Read()
	if err == io.EOF {
		return 0, nil, io.EOF
	}
	if err != nil {
		if errors.Is(err, errLineTooLong) {
			return 0, nil, fileErr(CodeLineTooLong, c.path, err)
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return 0, nil, fileErr(CodeCorrupt, c.path, err)
		}
		return 0, nil, fileErr(CodeUnreadable, c.path, err)
	}
	// Rows are numbered by the line they start on, as a text editor shows them (a quoted
	// cell with line breaks spans several lines; blank lines are skipped by the reader).
	c.n, _ = c.r.FieldPos(0)
	out := make([]string, len(rec))
	copy(out, rec)
	return c.n, out, nil
}

func (c *csvRows) close() error { return c.fh.Close() }

var errLineTooLong = errors.New("line too long")

// lineLimit passes text through and fails once a line runs past maxLine bytes.
type lineLimit struct {
	r   io.Reader
	run int
}

func (l *lineLimit) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for i := 0; i < n; i++ {
		if p[i] == '\n' {
			l.run = 0
			continue
		}
		l.run++
		if l.run > maxLine {
			return i, errLineTooLong
		}
	}
	return n, err
}
