package sheet

import (
	"archive/zip"
	"bytes"
	"io"
	"math/rand/v2"
	"testing"
)

func TestParallelDeflate(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	xml := bytes.Repeat([]byte(`<row r="1"><c r="A1" s="3" t="inlineStr"><is><t>李家村</t></is></c></row>`), 60000)
	noise := make([]byte, 3*deflateChunk+17)
	for i := range noise {
		noise[i] = byte(r.Uint32())
	}
	for _, data := range [][]byte{nil, []byte("x"), xml[:deflateChunk], xml[:deflateChunk+1], xml, noise} {
		var zbuf bytes.Buffer
		zw := zip.NewWriter(&zbuf)
		zw.RegisterCompressor(zip.Deflate, newParallelDeflate)
		w, err := zw.Create("sheet.xml")
		if err != nil {
			t.Fatal(err)
		}
		// Uneven writes, as io.Copy from a file gives.
		for rest := data; len(rest) > 0; {
			n := min(len(rest), 1+r.IntN(100000))
			if _, err := w.Write(rest[:n]); err != nil {
				t.Fatal(err)
			}
			rest = rest[n:]
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(zbuf.Bytes()), int64(zbuf.Len()))
		if err != nil {
			t.Fatal(err)
		}
		rc, err := zr.File[0].Open()
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(rc) // also checks the CRC
		if err != nil {
			t.Fatalf("%d bytes: %v", len(data), err)
		}
		if !bytes.Equal(got, data) {
			t.Fatalf("%d bytes came back as %d different ones", len(data), len(got))
		}
		if len(data) == len(xml) && zbuf.Len() > len(xml)/10 {
			t.Errorf("XML compressed to %d of %d bytes", zbuf.Len(), len(xml))
		}
	}
}
