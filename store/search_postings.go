package store

import (
	"encoding/binary"
	"math/bits"
	"unsafe"
)

// Nothing the index keeps holds a pointer, bar a few dozen slice headers: the collector
// marks what has pointers, and at county scale the index is most of the heap. With 100 000
// entries, their texts and their keys each allocated apart, every collection walked
// hundreds of thousands of objects (22–52 ms a cycle), and under the heap limit the TUI
// then had one ran after nearly every keystroke. Entries are values in one slice, their text is in
// textArena, pinyin keys and postings are offsets into those.

// postings are the slots listing one character or digit group. Slots are listed in
// ascending order (a slot is never listed before a smaller one), so a list is kept as the
// differences between consecutive slots, one to three bytes each (uvarint) instead of four,
// all lists in one array (indexData.packed). What an eighth of the roster or more has (村,
// 组, the category names, the county's ID prefix, single digits) is a bit set by slot
// instead, smaller still (in indexData.sets). At county scale the 5 million listings took
// 20 MB as plain int32 lists; as sets and differences, about 4 MB.
//
// That is how a build leaves them. Slots listed later (people saved since: their slots
// are new, above every slot packed) go to a chain in indexData.extra, until the next build.
type postings struct {
	at, size   uint32 // the packed part: bytes at packed[at:] or, for a set, words at sets[at:]
	set        bool
	n          int32 // slots listed
	last       int32 // the last slot listed, when n > 0
	head, tail int32 // the slots listed since the build: a chain in extra (index+1; 0 for none)
}

// extraSlot is a link of a list's chain of slots listed since the build.
type extraSlot struct{ slot, next int32 }

// setShare: a list becomes a set (at packing) when it holds 1/setShare of the slots or more.
const setShare = 8

func (p *postings) len() int {
	if p == nil {
		return 0
	}
	return int(p.n)
}

// list lists slot in the list at i, which must not be below any slot listed there (slots
// only grow); listing the last slot again changes nothing. While the index is being built
// the differences are appended to the list's own buffer (grow), packed at the end.
func (ix *indexData) list(i int32, slot int32) {
	p := &ix.lists[i]
	if p.n > 0 && slot <= p.last {
		return
	}
	if ix.grow != nil {
		prev := int32(-1)
		if p.n > 0 {
			prev = p.last
		}
		ix.grow[i] = binary.AppendUvarint(ix.grow[i], uint64(slot-prev))
	} else {
		ix.extra = append(ix.extra, extraSlot{slot: slot})
		k := int32(len(ix.extra))
		if p.tail != 0 {
			ix.extra[p.tail-1].next = k
		} else {
			p.head = k
		}
		p.tail = k
	}
	p.last = slot
	p.n++
}

// newList adds an empty list and returns its index.
func (ix *indexData) newList() int32 {
	ix.lists = append(ix.lists, postings{})
	if ix.grow != nil {
		ix.grow = append(ix.grow, nil)
	}
	return int32(len(ix.lists) - 1)
}

// each calls fn with every slot p lists, in ascending order.
func (ix *indexData) each(p *postings, fn func(slot int32)) {
	if p == nil {
		return
	}
	if p.set {
		for wi, w := range ix.sets[p.at : p.at+p.size] {
			for w != 0 {
				b := bits.TrailingZeros64(w)
				w &^= 1 << b
				fn(int32(wi<<6 | b))
			}
		}
	} else {
		slot := int32(-1)
		for b := ix.packed[p.at : p.at+p.size]; len(b) > 0; {
			d, k := binary.Uvarint(b)
			b = b[k:]
			slot += int32(d)
			fn(slot)
		}
	}
	for k := p.head; k != 0; k = ix.extra[k-1].next {
		fn(ix.extra[k-1].slot)
	}
}

// common reports whether a list of n slots is to be a set among slots slots.
func common(n int32, slots int) bool { return int(n) >= slots/setShare && n > 64 }

// packLists moves every list built into one exactly sized array, or into a set when it is
// common. Lists grown by appends keep up to half their capacity unused, a third of the
// index at county scale.
func (ix *indexData) packLists() {
	slots := len(ix.slots)
	words := (slots + 63) / 64
	var nbytes, nsets int
	for i := range ix.lists {
		if common(ix.lists[i].n, slots) {
			nsets++
		} else {
			nbytes += len(ix.grow[i])
		}
	}
	ix.packed, ix.sets = make([]byte, 0, nbytes), make([]uint64, nsets*words)
	grow := ix.grow
	ix.grow = nil
	nsets = 0
	for i := range ix.lists {
		p := &ix.lists[i]
		if !common(p.n, slots) {
			p.at, p.size = uint32(len(ix.packed)), uint32(len(grow[i]))
			ix.packed = append(ix.packed, grow[i]...)
			continue
		}
		set := ix.sets[nsets*words : (nsets+1)*words]
		slot := int32(-1)
		for b := grow[i]; len(b) > 0; {
			d, k := binary.Uvarint(b)
			b = b[k:]
			slot += int32(d)
			set[slot>>6] |= 1 << (slot & 63)
		}
		p.at, p.size, p.set = uint32(nsets*words), uint32(words), true
		nsets++
		grow[i] = nil
	}
}

// textArena holds the entries' text in chunks of up to 1 MiB, addressed by offsets
// (chunk<<chunkBits | position): a few dozen allocations for what were 100 000. Text is
// only ever appended; a dead entry's text stays until the next build (see apply), so that
// strings made over it (view) never change under a search.
type textArena struct{ chunks [][]byte }

const chunkBits = 20

// put appends s and returns its offset.
func (a *textArena) put(s string) uint32 {
	last := len(a.chunks) - 1
	if last < 0 || len(a.chunks[last])+len(s) > 1<<chunkBits {
		a.chunks = append(a.chunks, make([]byte, 0, max(len(s), 1<<chunkBits)))
		last++
	}
	at := uint32(last<<chunkBits | len(a.chunks[last]))
	a.chunks[last] = append(a.chunks[last], s...)
	return at
}

// get returns the n bytes at offset at, as a string over the arena (no copy).
func (a *textArena) get(at, n uint32) string {
	if n == 0 {
		return ""
	}
	c := a.chunks[at>>chunkBits]
	return unsafe.String(&c[at&(1<<chunkBits-1)], n)
}

// clip gives back the unused end of the last chunk (after a build: at most 1 MiB);
// a later put appends to a copy.
func (a *textArena) clip() {
	if last := len(a.chunks) - 1; last >= 0 {
		a.chunks[last] = append([]byte(nil), a.chunks[last]...)
	}
}
