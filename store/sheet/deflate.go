package sheet

import (
	"bytes"
	"compress/flate"
	"io"
	"runtime"
	"sync"
)

// parallelDeflate compresses a zip entry on every core: the input is cut into chunks, each
// chunk deflated on its own (at BestSpeed), and the results written in order. A chunk
// other than the last ends with a flush (an empty stored block, byte-aligned, not final),
// so the chunks joined are one valid deflate stream — the way pigz works. The price is a
// little ratio (no match reaches back across a chunk boundary). A county's workbook holds
// a few hundred megabytes of sheet XML, and compressing it was the largest single cost of
// the export.
type parallelDeflate struct {
	out     io.Writer
	buf     []byte
	pending []chan []byte // compressed chunks, in order
	err     error
	sem     chan struct{}
}

const deflateChunk = 1 << 20

func newParallelDeflate(out io.Writer) (io.WriteCloser, error) {
	return &parallelDeflate{out: out, sem: make(chan struct{}, runtime.GOMAXPROCS(0))}, nil
}

var chunkPool = sync.Pool{New: func() any { return make([]byte, 0, deflateChunk) }}

func (p *parallelDeflate) Write(b []byte) (int, error) {
	n := len(b)
	for len(b) > 0 {
		if p.buf == nil {
			p.buf = chunkPool.Get().([]byte)[:0]
		}
		k := min(len(b), deflateChunk-len(p.buf))
		p.buf = append(p.buf, b[:k]...)
		b = b[k:]
		if len(p.buf) == deflateChunk {
			p.start(p.buf, false)
			p.buf = nil
			if err := p.drain(false); err != nil {
				return 0, err
			}
		}
	}
	return n, p.err
}

// start compresses a chunk in the background.
func (p *parallelDeflate) start(chunk []byte, last bool) {
	done := make(chan []byte, 1)
	p.pending = append(p.pending, done)
	p.sem <- struct{}{}
	go func() {
		defer func() { <-p.sem }()
		var out bytes.Buffer
		out.Grow(len(chunk)/4 + 64)
		w, _ := flate.NewWriter(&out, flate.BestSpeed) // BestSpeed is a valid level
		w.Write(chunk)                                 // writes to a bytes.Buffer cannot fail
		if last {
			w.Close()
		} else {
			w.Flush()
		}
		chunkPool.Put(chunk[:0])
		done <- out.Bytes()
	}()
}

// drain writes the compressed chunks that are ready, in order; with all, it waits for
// every one.
func (p *parallelDeflate) drain(all bool) error {
	for len(p.pending) > 0 {
		var b []byte
		if all || len(p.pending) >= cap(p.sem) {
			b = <-p.pending[0]
		} else {
			select {
			case b = <-p.pending[0]:
			default:
				return p.err
			}
		}
		p.pending = p.pending[1:]
		if p.err == nil {
			_, p.err = p.out.Write(b)
		}
	}
	return p.err
}

func (p *parallelDeflate) Close() error {
	chunk := p.buf
	if chunk == nil {
		chunk = chunkPool.Get().([]byte)[:0]
	}
	p.buf = nil
	p.start(chunk, true)
	return p.drain(true)
}
