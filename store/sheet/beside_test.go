package sheet

import (
	"archive/zip"
	"bytes"
	"hash/crc32"
	"io"
	"path/filepath"
	"slices"
	"testing"

	"shuangyong/store/tally/tallytest"
)

// The detail sheets filled on two transactions at once make the very workbook filled on
// one, sheet after sheet.
func TestExportBesideMatchesSequential(t *testing.T) {
	f := tallytest.New(t)
	dir := t.TempDir()
	var ran int
	onBeside = func() { ran++ }
	t.Cleanup(func() { onBeside, sequentialFill = nil, false })
	for _, public := range []bool{false, true} {
		ran = 0
		sequentialFill = false
		both := export(t, f, Options{Path: filepath.Join(dir, "both.xlsx"), Public: public})
		if ran != 1 {
			t.Fatalf("public %v: filled on a second transaction %d times", public, ran)
		}
		sequentialFill = true
		one := export(t, f, Options{Path: filepath.Join(dir, "one.xlsx"), Public: public})
		a, b := unzipParts(t, both), unzipParts(t, one)
		// The order of the parts is the template's, which excelize does not keep from one
		// workbook to the next.
		slices.Sort(a.names)
		slices.Sort(b.names)
		if !slices.Equal(a.names, b.names) {
			t.Fatalf("public %v: parts %v and %v", public, a.names, b.names)
		}
		for _, name := range b.names {
			if !bytes.Equal(a.data[name], b.data[name]) {
				t.Errorf("public %v: %s differs", public, name)
			}
		}
	}
}

type parts struct {
	names []string
	data  map[string][]byte
}

// unzipParts reads every part of a workbook, checking each one's CRC-32 and size (a zip
// reader skips a CRC-32 of 0).
func unzipParts(t *testing.T, path string) parts {
	t.Helper()
	zr, err := zip.OpenReader(path)
	tallytest.Must(t, err)
	defer zr.Close()
	p := parts{data: map[string][]byte{}}
	for _, f := range zr.File {
		rc, err := f.Open()
		tallytest.Must(t, err)
		b, err := io.ReadAll(rc)
		rc.Close()
		tallytest.Must(t, err)
		if crc32.ChecksumIEEE(b) != f.CRC32 || uint64(len(b)) != f.UncompressedSize64 {
			t.Errorf("%s: CRC-32 %08x and size %d in the header, %08x and %d read", f.Name, f.CRC32, f.UncompressedSize64,
				crc32.ChecksumIEEE(b), len(b))
		}
		p.names = append(p.names, f.Name)
		p.data[f.Name] = b
	}
	return p
}
