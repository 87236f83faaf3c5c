package importer

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"shuangyong/model"
)

// rejectedWriter writes the rejected rows to a workbook beside the source: the original
// headings and cells, and a 原因 column, so the file can be corrected and imported again.
// Rows stream through excelize's writer (there may be many); the workbook goes to a
// temporary name and is renamed only once the import has committed.
type rejectedWriter struct {
	path  string
	tmp   string
	f     *excelize.File
	sw    *excelize.StreamWriter
	row   int
	width int
	done  bool
}

const rejectedSheet = "未导入"

// scratch is where the spreadsheet library may spill rows (store.ScratchDir: private, and
// emptied at the next open should this run be killed).
func newRejectedWriter(path string, src *Source, scratch string) (*rejectedWriter, error) {
	// A run killed between writing the workbook and renaming it left its temporary file:
	// the next import of the same file removes it.
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	if old, err := filepath.Glob(filepath.Join(dir, "."+globEscape(base)+".*.tmp")); err == nil {
		for _, o := range old {
			os.Remove(o)
		}
	}
	f := excelize.NewFile(excelize.Options{TmpDir: scratch})
	if err := f.SetSheetName("Sheet1", rejectedSheet); err != nil {
		f.Close()
		return nil, err
	}
	sw, err := f.NewStreamWriter(rejectedSheet)
	if err != nil {
		f.Close()
		return nil, err
	}
	w := &rejectedWriter{path: path, f: f, sw: sw, width: len(src.Columns)}
	head := make([]any, 0, w.width+1)
	for _, c := range src.Columns {
		head = append(head, safeCell(c.Header))
	}
	head = append(head, "原因")
	// Every column as text, so that ID numbers are not turned back into numbers when the
	// cadre types into the file.
	if err := sw.SetColWidth(1, w.width+1, 14); err != nil {
		f.Close()
		return nil, err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		f.Close()
		return nil, err
	}
	w.row = 1
	if err := sw.SetRow("A1", head); err != nil {
		f.Close()
		return nil, err
	}
	return w, nil
}

// safeCell keeps a cell's text as text: control characters out (they are not allowed in
// the file format, and are what the report counted), everything else as the user wrote it.
func safeCell(s string) string { return model.Sanitize(s) }

func (w *rejectedWriter) add(cells []string, why string) error {
	w.row++
	vals := make([]any, w.width+1)
	for i := 0; i < w.width; i++ {
		v := ""
		if i < len(cells) {
			v = safeCell(cells[i])
		}
		vals[i] = excelize.Cell{Value: v}
	}
	vals[w.width] = why
	cell, _ := excelize.CoordinatesToCellName(1, w.row)
	return w.sw.SetRow(cell, vals)
}

// finish writes the workbook to a temporary file beside its final name.
func (w *rejectedWriter) finish() error {
	if err := w.sw.Flush(); err != nil {
		return err
	}
	dir, base := filepath.Split(w.path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return err
	}
	w.tmp = tmp.Name()
	if _, err := w.f.WriteTo(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Chmod(w.tmp, 0o600) // names and ID numbers: for the owner only
}

// commit gives the workbook its name.
func (w *rejectedWriter) commit() error {
	if err := os.Rename(w.tmp, w.path); err != nil {
		return err
	}
	w.done = true
	return nil
}

// abort removes what was written unless committed.
func (w *rejectedWriter) abort() {
	w.f.Close()
	if !w.done && w.tmp != "" {
		os.Remove(w.tmp)
	}
}

// globEscape quotes the characters filepath.Match treats specially.
func globEscape(s string) string {
	r := strings.NewReplacer("*", "[*]", "?", "[?]", "[", "[[]")
	return r.Replace(s)
}
