package sheet

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
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
func spliceBook(w io.Writer, template []byte, fills map[string]rowFill) error {
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
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, newParallelDeflate)
	for _, f := range zr.File {
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
	return zw.Close()
}

// dimension is the template's <dimension> element: it gives the used range, which filling
// changes; the element is optional and readers find the range themselves without it.
var dimension = regexp.MustCompile(`<dimension\b[^>]*?(?:/>|>\s*</dimension>)`)

func spliceSheet(zw *zip.Writer, f *zip.File, fill rowFill) error {
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
	out, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate})
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(out, 256<<10)
	bw.Write(head) // errors come back from Flush
	if err := fill(bw); err != nil {
		return err
	}
	bw.Write(tail)
	return bw.Flush()
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
