package store

import (
	"encoding/binary"
	"math/bits"
)

// postings are the slots listing one character or three-digit group. Slots are listed in
// ascending order (a slot is never listed before a smaller one), so a list is kept as the
// differences between consecutive slots, one to three bytes each (uvarint) instead of four.
// What an eighth of the roster or more has (村, 组, the category names, the county's ID
// prefix) is a bit set by slot instead, smaller still. At county scale the 5 million
// listings took 20 MB as plain int32 lists; as sets and differences, about 4 MB.
type postings struct {
	deltas []byte   // uvarint slot differences (the first is slot+1)
	set    []uint64 // instead of deltas, for common characters
	n      int      // slots listed
	last   int32    // the last slot listed, when n > 0
}

// setShare: a list becomes a set (at packing) when it holds 1/setShare of the slots or more.
const setShare = 8

func (p *postings) len() int {
	if p == nil {
		return 0
	}
	return p.n
}

// add lists slot, which must not be below any slot listed (slots only grow); listing the
// last slot again changes nothing.
func (p *postings) add(slot int32) {
	if p.n > 0 && slot <= p.last {
		return
	}
	if p.set != nil {
		w := int(slot >> 6)
		for w >= len(p.set) {
			p.set = append(p.set, 0)
		}
		p.set[w] |= 1 << (slot & 63)
	} else {
		prev := int32(-1)
		if p.n > 0 {
			prev = p.last
		}
		p.deltas = binary.AppendUvarint(p.deltas, uint64(slot-prev))
	}
	p.last = slot
	p.n++
}

// each calls fn with every slot listed, in ascending order.
func (p *postings) each(fn func(slot int32)) {
	if p == nil {
		return
	}
	if p.set == nil {
		slot := int32(-1)
		for b := p.deltas; len(b) > 0; {
			d, k := binary.Uvarint(b)
			b = b[k:]
			slot += int32(d)
			fn(slot)
		}
		return
	}
	for wi, w := range p.set {
		for w != 0 {
			b := bits.TrailingZeros64(w)
			w &^= 1 << b
			fn(int32(wi<<6 | b))
		}
	}
}

// common reports whether p is to be a set among slots slots.
func (p *postings) common(slots int) bool {
	return p.set == nil && p.n >= slots/setShare && p.n > 64
}

// pack turns p into a set when it is common among slots slots, or else moves its list
// into arena (one allocation for all lists, none of them with spare capacity).
func (p *postings) pack(slots int, arena *[]byte) {
	if p.set != nil {
		return
	}
	if p.common(slots) {
		set := make([]uint64, (slots+63)/64)
		p.each(func(sl int32) { set[sl>>6] |= 1 << (sl & 63) })
		p.set, p.deltas = set, nil
		return
	}
	start := len(*arena)
	*arena = append(*arena, p.deltas...)
	p.deltas = (*arena)[start:len(*arena):len(*arena)]
}
