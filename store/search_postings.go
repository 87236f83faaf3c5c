package store

import "math/bits"

// postings are the slots listing one character or three-digit group: a sorted list, or —
// for what an eighth of the roster or more has (村, 组, the category names, the county's
// ID prefix) — a bit set by slot, which is then several times smaller (at county scale
// these few dozen lists held 2.2 million of the 5 million listings: 9 MB as lists,
// 0.4 MB as sets).
type postings struct {
	list []int32
	set  []uint64
	n    int // slots in set
}

// setShare: a list becomes a set (at packing) when it holds 1/setShare of the slots or more.
const setShare = 8

func (p *postings) len() int {
	if p == nil {
		return 0
	}
	if p.set != nil {
		return p.n
	}
	return len(p.list)
}

// add lists slot, which is not below any slot listed (slots only grow).
func (p *postings) add(slot int32) {
	if p.set != nil {
		w := int(slot >> 6)
		for w >= len(p.set) {
			p.set = append(p.set, 0)
		}
		if bit := uint64(1) << (slot & 63); p.set[w]&bit == 0 {
			p.set[w] |= bit
			p.n++
		}
		return
	}
	if l := len(p.list); l == 0 || p.list[l-1] != slot {
		p.list = append(p.list, slot)
	}
}

// each calls fn with every slot listed, in ascending order.
func (p *postings) each(fn func(slot int32)) {
	if p == nil {
		return
	}
	if p.set == nil {
		for _, sl := range p.list {
			fn(sl)
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
	return p.set == nil && len(p.list) >= slots/setShare && len(p.list) > 64
}

// pack turns p into a set when it is common among slots slots, or else copies its list
// into arena (one allocation for all lists, none of them with spare capacity).
func (p *postings) pack(slots int, arena *[]int32) {
	if p.set != nil {
		return
	}
	if p.common(slots) {
		set := make([]uint64, (slots+63)/64)
		for _, sl := range p.list {
			set[sl>>6] |= 1 << (sl & 63)
		}
		p.set, p.n, p.list = set, len(p.list), nil
		return
	}
	start := len(*arena)
	*arena = append(*arena, p.list...)
	p.list = (*arena)[start:len(*arena):len(*arena)]
}
