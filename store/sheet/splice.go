package sheet

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"encoding/xml"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"path"
	"regexp"
	"strings"
)

// A rowFill writes the rows of one sheet (see sheetRows) after the rows the template holds.
type rowFill func(w *bufio.Writer) error

// spliceBook writes the workbook: every part of template (a workbook excelize wrote) as it
// is, except the sheets named in fills, whose XML is the template's up to the end of its
// rows (the title area and header excelize wrote), then the rows fill writes, then the
// rest of the template's (merged cells, page setup, header and footer). Copied parts keep
// their compression; filled sheets are deflated on every core as they are written.
//
// The sheets named in ahead are filled meanwhile, on other goroutines (see prefillSheet):
// their parts are written last, already deflated, so that the sheets streamed never wait
// for them. (The order of the parts means nothing to a reader, and excelize's own order
// changes from one workbook to the next.)
func spliceBook(w io.Writer, template []byte, fills map[string]rowFill, ahead map[string]func() (*deflatedPart, error)) error {
	zr, err := zip.NewReader(bytes.NewReader(template), int64(len(template)))
	if err != nil {
		return err
	}
	paths, err := sheetPaths(zr)
	if err != nil {
		return err
	}
	byPath := map[string]rowFill{}
	for name, fill := range fills {
		p, ok := paths[name]
		if !ok {
			return fmt.Errorf("sheet: the template has no sheet %q", name)
		}
		byPath[p] = fill
	}
	aheadByPath := map[string]func() (*deflatedPart, error){}
	for name, part := range ahead {
		p, ok := paths[name]
		if !ok {
			return fmt.Errorf("sheet: the template has no sheet %q", name)
		}
		aheadByPath[p] = part
	}
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, newParallelDeflate)
	var later []string // the sheets filled ahead, not to be waited for before the others
	for _, f := range zr.File {
		if _, ok := aheadByPath[f.Name]; ok {
			later = append(later, f.Name)
			continue
		}
		fill, ok := byPath[f.Name]
		if !ok {
			if err := zw.Copy(f); err != nil {
				return err
			}
			continue
		}
		if err := spliceSheet(zw, f, fill); err != nil {
			return err
		}
	}
	for _, name := range later {
		part, err := aheadByPath[name]()
		if err != nil {
			return err
		}
		if err := part.writeTo(zw, name); err != nil {
			return err
		}
	}
	return zw.Close()
}

// dimension is the template's <dimension> element: it gives the used range, which filling
// changes; the element is optional and readers find the range themselves without it.
var dimension = regexp.MustCompile(`<dimension\b[^>]*?(?:/>|>\s*</dimension>)`)

func spliceSheet(zw *zip.Writer, f *zip.File, fill rowFill) error {
	out, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate})
	if err != nil {
		return err
	}
	return writeSpliced(out, f, fill)
}

// writeSpliced writes the template's sheet f with fill's rows spliced in (see spliceBook).
func writeSpliced(out io.Writer, f *zip.File, fill rowFill) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	src, err := io.ReadAll(rc)
	rc.Close()
	if err != nil {
		return err
	}
	cut := bytes.LastIndex(src, []byte("</sheetData>"))
	if cut < 0 {
		return fmt.Errorf("sheet: %s has no </sheetData>", f.Name)
	}
	head, tail := dimension.ReplaceAll(src[:cut], nil), src[cut:]
	bw := bufio.NewWriterSize(out, 256<<10)
	bw.Write(head) // errors come back from Flush
	if err := fill(bw); err != nil {
		return err
	}
	bw.Write(tail)
	return bw.Flush()
}

// deflatedPart is a sheet's part filled ahead into memory, deflated: a few megabytes for
// the smaller detail sheets (the biggest is never held so, but streamed).
type deflatedPart struct {
	data []byte
	crc  uint32
	size uint64 // uncompressed
}

// prefillSheet writes the template's sheet name with fill's rows spliced in, as spliceSheet
// would, into a deflatedPart. It only reads template, so several may run at once.
func prefillSheet(template []byte, name string, fill rowFill) (*deflatedPart, error) {
	zr, err := zip.NewReader(bytes.NewReader(template), int64(len(template)))
	if err != nil {
		return nil, err
	}
	paths, err := sheetPaths(zr)
	if err != nil {
		return nil, err
	}
	p, ok := paths[name]
	if !ok {
		return nil, fmt.Errorf("sheet: the template has no sheet %q", name)
	}
	var f *zip.File
	for _, zf := range zr.File {
		if zf.Name == p {
			f = zf
		}
	}
	if f == nil {
		return nil, fmt.Errorf("sheet: the template has no part %s", p)
	}
	var buf bytes.Buffer
	fw, _ := flate.NewWriter(&buf, flate.BestSpeed) // BestSpeed is a valid level
	cw := &checksummed{w: fw, crc: crc32.NewIEEE()}
	if err := writeSpliced(cw, f, fill); err != nil {
		return nil, err
	}
	if err := fw.Close(); err != nil {
		return nil, err
	}
	return &deflatedPart{data: buf.Bytes(), crc: cw.crc.Sum32(), size: cw.n}, nil
}

func (d *deflatedPart) writeTo(zw *zip.Writer, name string) error {
	out, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CRC32: d.crc,
		CompressedSize64: uint64(len(d.data)), UncompressedSize64: d.size})
	if err != nil {
		return err
	}
	_, err = out.Write(d.data)
	return err
}

// checksummed passes writes on, keeping the CRC-32 and length of what went through (a zip
// entry written raw carries both in its header).
type checksummed struct {
	w   io.Writer
	crc hash.Hash32
	n   uint64
}

func (c *checksummed) Write(b []byte) (int, error) {
	c.crc.Write(b)
	c.n += uint64(len(b))
	return c.w.Write(b)
}

// sheetPaths maps the sheets' names to their parts, as the workbook and its relationships
// say.
func sheetPaths(zr *zip.Reader) (map[string]string, error) {
	var book struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := readXMLPart(zr, "xl/workbook.xml", &book); err != nil {
		return nil, err
	}
	if err := readXMLPart(zr, "xl/_rels/workbook.xml.rels", &rels); err != nil {
		return nil, err
	}
	target := map[string]string{}
	for _, r := range rels.Rels {
		if strings.HasPrefix(r.Target, "/") {
			target[r.ID] = strings.TrimPrefix(r.Target, "/")
		} else {
			target[r.ID] = path.Join("xl", r.Target)
		}
	}
	out := map[string]string{}
	for _, s := range book.Sheets {
		if t, ok := target[s.ID]; ok {
			out[s.Name] = t
		}
	}
	return out, nil
}

func readXMLPart(zr *zip.Reader, name string, v any) error {
	rc, err := zr.Open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(rc).Decode(v)
}
