package importer

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A workbook is read here rather than with excelize's row iterator: that one decodes
// every cell through encoding/xml (6 of the 9 seconds of a 100 000-row dry run, measured),
// while a roster needs only each cell's position, type and value. The worksheet is
// streamed from the zip, never held whole; only the shared strings are kept in memory.

// workbook is an opened .xlsx: its sheets and shared strings.
type workbook struct {
	zr     *zip.ReadCloser
	sheets []wbSheet
	sst    []string
	sstErr error
	sstOK  bool
	sstAt  string
}

type wbSheet struct {
	name string
	path string // inside the zip
}

var errNotWorkbook = errors.New("not a workbook")

func openWorkbook(p string) (*workbook, error) {
	zr, err := zip.OpenReader(p)
	if err != nil {
		return nil, err
	}
	wb := &workbook{zr: zr}
	if err := wb.readSheets(); err != nil {
		zr.Close()
		return nil, err
	}
	return wb, nil
}

func (wb *workbook) close() error { return wb.zr.Close() }

func (wb *workbook) file(name string) *zip.File {
	name = strings.TrimPrefix(name, "/")
	for _, f := range wb.zr.File {
		if f.Name == name || strings.EqualFold(f.Name, name) {
			return f
		}
	}
	return nil
}

func (wb *workbook) readAll(name string, limit int64) ([]byte, error) {
	f := wb.file(name)
	if f == nil {
		return nil, errNotWorkbook
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(io.LimitReader(rc, limit))
}

// readSheets lists the sheets in workbook order with the paths their relationships give.
func (wb *workbook) readSheets() error {
	rels := map[string]string{}
	relsXML, err := wb.readAll("xl/_rels/workbook.xml.rels", 4<<20)
	if err != nil {
		return err
	}
	var rs struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
			Type   string `xml:"Type,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(relsXML, &rs); err != nil {
		return err
	}
	for _, r := range rs.Rel {
		target := r.Target
		if !strings.HasPrefix(target, "/") {
			target = path.Join("xl", target)
		}
		rels[r.ID] = target
		if strings.HasSuffix(r.Type, "/sharedStrings") {
			wb.sstAt = target
		}
	}
	book, err := wb.readAll("xl/workbook.xml", 16<<20)
	if err != nil {
		return err
	}
	var w struct {
		Sheets []struct {
			Name  string     `xml:"name,attr"`
			Attrs []xml.Attr `xml:",any,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(book, &w); err != nil {
		return err
	}
	for _, s := range w.Sheets {
		for _, a := range s.Attrs {
			if a.Name.Local == "id" && rels[a.Value] != "" {
				wb.sheets = append(wb.sheets, wbSheet{name: s.Name, path: rels[a.Value]})
			}
		}
	}
	if len(wb.sheets) == 0 {
		return errNotWorkbook
	}
	return nil
}

// sharedStrings reads the shared string table once. Phonetic runs (rPh) are not text.
func (wb *workbook) sharedStrings() ([]string, error) {
	if wb.sstOK {
		return wb.sst, wb.sstErr
	}
	wb.sstOK = true
	if wb.sstAt == "" {
		return nil, nil
	}
	f := wb.file(wb.sstAt)
	if f == nil {
		return nil, nil
	}
	rc, err := f.Open()
	if err != nil {
		wb.sstErr = err
		return nil, err
	}
	defer rc.Close()
	d := xml.NewDecoder(bufio.NewReaderSize(rc, 64<<10))
	var b strings.Builder
	inSI, inT, phonetic := false, false, 0
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			wb.sstErr = err
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				inSI = true
				b.Reset()
			case "t":
				inT = true
			case "rPh":
				phonetic++
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				inSI = false
				wb.sst = append(wb.sst, unescapeX(b.String()))
			case "t":
				inT = false
			case "rPh":
				phonetic--
			}
		case xml.CharData:
			if inSI && inT && phonetic == 0 {
				b.Write(t)
			}
		}
	}
	return wb.sst, nil
}

// unescapeX decodes OOXML's _xHHHH_ escapes (Excel writes a carriage return in a cell as
// _x000D_); _x005F_ escapes the underscore itself.
func unescapeX(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if i+7 <= len(s) && s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' {
			if n, err := strconv.ParseUint(s[i+2:i+6], 16, 32); err == nil {
				b.WriteRune(rune(n))
				i += 7
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// sheetRows streams one worksheet's rows.
type sheetRows struct {
	wb   *workbook
	rc   io.ReadCloser
	r    *bufio.Reader
	sst  []string
	path string
	last int // the row number of the previous row
	// lastRow is the sheet's last row as its <dimension> says (0 when it does not): an
	// estimate, which an import uses to tell how many rows are still to come.
	lastRow int
	done    bool
	buf     []byte
}

func (wb *workbook) rows(name string) (*sheetRows, error) {
	var sheetPath string
	for _, s := range wb.sheets {
		if s.name == name {
			sheetPath = s.path
		}
	}
	f := wb.file(sheetPath)
	if f == nil {
		return nil, errNotWorkbook
	}
	sst, err := wb.sharedStrings()
	if err != nil {
		return nil, err
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	return &sheetRows{wb: wb, rc: rc, r: bufio.NewReaderSize(rc, 256<<10), sst: sst}, nil
}

func (s *sheetRows) close() error { return s.rc.Close() }

// tag reads the next element's tag (after '<', up to '>'), skipping text, comments and
// processing instructions. It returns the local name (prefix removed), the attributes'
// text, and whether the element closes itself.
func (s *sheetRows) tag() (name string, attrs []byte, selfClose bool, err error) {
	if _, err = s.r.ReadSlice('<'); err != nil {
		if err == bufio.ErrBufferFull {
			return s.tag() // a long run of text between tags: keep skipping
		}
		return "", nil, false, err
	}
	s.buf = s.buf[:0]
	for {
		chunk, err := s.r.ReadSlice('>')
		s.buf = append(s.buf, chunk...)
		if err == nil {
			break
		}
		if err != bufio.ErrBufferFull {
			return "", nil, false, err
		}
		if len(s.buf) > maxLine {
			return "", nil, false, errLineTooLong
		}
	}
	t := s.buf[:len(s.buf)-1]
	if len(t) > 0 && t[len(t)-1] == '/' {
		selfClose = true
		t = t[:len(t)-1]
	}
	end := 0
	for end < len(t) && t[end] != ' ' && t[end] != '\t' && t[end] != '\r' && t[end] != '\n' {
		end++
	}
	n := t[:end]
	if i := bytes.IndexByte(n, ':'); i >= 0 {
		if n[0] == '/' {
			n = append([]byte{'/'}, n[i+1:]...)
		} else {
			n = n[i+1:]
		}
	}
	return tagName(n), t[end:], selfClose, nil
}

// tagName is n as a string, without allocating one for the names of a sheet's rows and
// cells (a third of the scanner's allocations).
func tagName(n []byte) string {
	switch string(n) { // compared in place: no string is made
	case "c":
		return "c"
	case "/c":
		return "/c"
	case "v":
		return "v"
	case "/v":
		return "/v"
	case "row":
		return "row"
	case "/row":
		return "/row"
	case "t":
		return "t"
	case "/t":
		return "/t"
	case "is":
		return "is"
	case "/is":
		return "/is"
	}
	return string(n)
}

// skipPast discards the stream up to and including the first end tag named name ("sheetData"
// for </sheetData> or </x:sheetData>), looking for it with bytes.Index over the buffer
// rather than reading each tag before it. It returns io.EOF when there is none.
func (s *sheetRows) skipPast(name string) error {
	pat := []byte(name + ">")
	const back = 64 // room to look back for the tag's "</" (and a namespace prefix)
	for {
		buf, err := s.r.Peek(s.r.Size())
		from := 0
		for {
			i := bytes.Index(buf[from:], pat)
			if i < 0 {
				break
			}
			i += from
			if lt := bytes.LastIndexByte(buf[max(0, i-back):i], '<'); lt >= 0 {
				lt += max(0, i-back)
				tag := buf[lt+1 : i]
				if len(tag) > 0 && tag[0] == '/' && (len(tag) == 1 || tag[len(tag)-1] == ':') {
					_, _ = s.r.Discard(i + len(pat))
					return nil
				}
			}
			from = i + 1
		}
		if err != nil {
			return err // io.EOF: no such tag
		}
		// The tag may straddle the end of the buffer: keep its room.
		_, _ = s.r.Discard(max(1, len(buf)-len(pat)-back))
	}
}

// text reads the character data up to the next '<' (which it leaves unread).
func (s *sheetRows) text() (string, error) {
	var out []byte
	for {
		chunk, err := s.r.ReadSlice('<')
		if err == nil {
			out = append(out, chunk[:len(chunk)-1]...)
			return unescapeXML(out), s.r.UnreadByte()
		}
		out = append(out, chunk...)
		if err != bufio.ErrBufferFull {
			return "", err
		}
		if len(out) > maxLine {
			return "", errLineTooLong
		}
	}
}

// attr finds one attribute's value in a tag's attribute text.
func attr(attrs []byte, name string) string {
	for len(attrs) > 0 {
		attrs = bytes.TrimLeft(attrs, " \t\r\n")
		eq := bytes.IndexByte(attrs, '=')
		if eq < 0 || eq+1 >= len(attrs) {
			return ""
		}
		key := bytes.TrimSpace(attrs[:eq])
		q := attrs[eq+1]
		rest := attrs[eq+2:]
		end := bytes.IndexByte(rest, q)
		if end < 0 {
			return ""
		}
		if i := bytes.IndexByte(key, ':'); i >= 0 {
			key = key[i+1:]
		}
		if string(key) == name {
			return unescapeXML(rest[:end])
		}
		attrs = rest[end+1:]
	}
	return ""
}

// next returns the next row: its number and its cells by column.
func (s *sheetRows) next() (int, []string, error) {
	if s.done {
		return 0, nil, io.EOF
	}
	for {
		name, attrs, self, err := s.tag()
		if err == io.EOF {
			s.done = true
			return 0, nil, io.EOF
		}
		if err != nil {
			return 0, nil, err
		}
		switch name {
		case "/sheetData":
			s.done = true
			return 0, nil, io.EOF
		case "dimension":
			if _, to, ok := strings.Cut(attr(attrs, "ref"), ":"); ok {
				_, s.lastRow = cellRef(to)
			}
		case "row":
			n := s.last + 1
			if r := attr(attrs, "r"); r != "" {
				if v, err := strconv.Atoi(r); err == nil && v > 0 {
					n = v
				}
			}
			s.last = n
			if self {
				return n, nil, nil
			}
			cells, err := s.readRow()
			return n, cells, err
		}
	}
}

// readRow reads the cells of a row up to </row>.
func (s *sheetRows) readRow() ([]string, error) {
	var cells []string
	col := -1
	for {
		name, attrs, self, err := s.tag()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return nil, err
		}
		switch name {
		case "/row":
			return cells, nil
		case "c":
			col++
			if ref := attr(attrs, "r"); ref != "" {
				if c := colIndex(ref); c >= 0 {
					col = c
				}
			}
			if col > 16383 {
				return nil, errNotWorkbook
			}
			typ := attr(attrs, "t")
			if self {
				continue
			}
			v, err := s.readCell(typ)
			if err != nil {
				return nil, err
			}
			if v == "" {
				continue
			}
			for len(cells) <= col {
				cells = append(cells, "")
			}
			cells[col] = v
		}
	}
}

// readCell reads a cell's content up to </c>: its value <v> (a shared string's index for
// t="s"), or the text runs of an inline string.
func (s *sheetRows) readCell(typ string) (string, error) {
	var v, inline strings.Builder
	inV, inT, inF := false, false, false
	for {
		name, _, self, err := s.tag()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return "", err
		}
		switch name {
		case "/c":
			val := v.String()
			switch typ {
			case "s":
				i, err := strconv.Atoi(strings.TrimSpace(val))
				if err != nil || i < 0 || i >= len(s.sst) {
					return "", errNotWorkbook
				}
				return s.sst[i], nil
			case "inlineStr":
				return unescapeX(inline.String()), nil
			}
			return val, nil
		case "v":
			inV = !self
		case "/v":
			inV = false
		case "t":
			inT = !self
		case "/t":
			inT = false
		case "f":
			inF = !self
		case "/f":
			inF = false
		}
		if inV || inT || inF {
			txt, err := s.text()
			if err != nil {
				return "", err
			}
			switch {
			case inV:
				v.WriteString(txt)
			case inT:
				inline.WriteString(txt)
			}
		}
	}
}

// colIndex reads the column of a cell reference ("AB12" → 27), -1 if there is none.
func colIndex(ref string) int {
	n := 0
	i := 0
	for ; i < len(ref); i++ {
		c := ref[i]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		if c < 'A' || c > 'Z' {
			break
		}
		n = n*26 + int(c-'A'+1)
	}
	if i == 0 {
		return -1
	}
	return n - 1
}

// unescapeXML decodes the five entities and character references.
func unescapeXML(b []byte) string {
	if bytes.IndexByte(b, '&') < 0 {
		return string(b)
	}
	var out strings.Builder
	for i := 0; i < len(b); {
		if b[i] != '&' {
			out.WriteByte(b[i])
			i++
			continue
		}
		end := bytes.IndexByte(b[i:], ';')
		if end < 0 {
			out.Write(b[i:])
			break
		}
		ent := string(b[i+1 : i+end])
		i += end + 1
		switch ent {
		case "amp":
			out.WriteByte('&')
		case "lt":
			out.WriteByte('<')
		case "gt":
			out.WriteByte('>')
		case "quot":
			out.WriteByte('"')
		case "apos":
			out.WriteByte('\'')
		default:
			var n uint64
			var err error
			if strings.HasPrefix(ent, "#x") || strings.HasPrefix(ent, "#X") {
				n, err = strconv.ParseUint(ent[2:], 16, 32)
			} else if strings.HasPrefix(ent, "#") {
				n, err = strconv.ParseUint(ent[1:], 10, 32)
			} else {
				err = errNotWorkbook
			}
			if err != nil || !utf8.ValidRune(rune(n)) {
				out.WriteString("&" + ent + ";")
			} else {
				out.WriteRune(rune(n))
			}
		}
	}
	return out.String()
}

// mergeRange is a merged area of cells, rows and columns 1-based and 0-based as the rows
// reader numbers them.
type mergeRange struct {
	r1, r2 int // sheet rows
	c1, c2 int // 0-based columns
}

// merges lists a sheet's merged areas. They are written after the cells, so the sheet is
// read to its end (about a second at 100 000 rows) — once, when the file is opened.
func (wb *workbook) merges(name string) ([]mergeRange, error) {
	s, err := wb.rows(name)
	if err != nil {
		return nil, err
	}
	defer s.close()
	var out []mergeRange
	// The merged cells follow the rows (CT_Worksheet's sequence): skipping the rows
	// unread is most of a sheet's reading saved.
	if err := s.skipPast("sheetData"); err != nil {
		if err == io.EOF {
			return nil, nil
		}
		return nil, err
	}
	for {
		tag, attrs, _, err := s.tag()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		if tag != "mergeCell" {
			continue
		}
		from, to, ok := strings.Cut(attr(attrs, "ref"), ":")
		if !ok {
			continue
		}
		c1, r1 := cellRef(from)
		c2, r2 := cellRef(to)
		if c1 >= 0 && c2 >= c1 && r1 > 0 && r2 >= r1 {
			out = append(out, mergeRange{r1: r1, r2: r2, c1: c1, c2: c2})
		}
	}
}

// cellRef reads "B12" as column 1, row 12 (-1, 0 when it is not a reference).
func cellRef(ref string) (col, row int) {
	col = colIndex(ref)
	i := strings.IndexFunc(ref, func(r rune) bool { return r >= '0' && r <= '9' })
	if col < 0 || i < 0 {
		return -1, 0
	}
	n, err := strconv.Atoi(ref[i:])
	if err != nil {
		return -1, 0
	}
	return col, n
}
