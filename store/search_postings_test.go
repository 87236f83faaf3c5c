package store

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"
)

// TestPostings: a list and the set it becomes list the same slots, in order, and keep
// taking new ones.
func TestPostings(t *testing.T) {
	const slots = 1000
	var common, rare postings
	var wantCommon, wantRare []int32
	for sl := int32(0); sl < slots; sl++ {
		if sl%3 == 0 {
			common.add(sl)
			common.add(sl) // a slot twice (two digit groups alike) is listed once
			wantCommon = append(wantCommon, sl)
		}
		if sl%100 == 7 {
			rare.add(sl)
			wantRare = append(wantRare, sl)
		}
	}
	var arena []byte
	common.pack(slots, &arena)
	rare.pack(slots, &arena)
	if common.set == nil || rare.set != nil {
		t.Fatalf("after packing: common is a set %v, rare a set %v", common.set != nil, rare.set != nil)
	}
	common.add(1001) // a person added after the build, beyond the set's first size
	common.add(1001)
	rare.add(1001)
	wantCommon, wantRare = append(wantCommon, 1001), append(wantRare, 1001)
	for name, c := range map[string]struct {
		p    *postings
		want []int32
	}{"common": {&common, wantCommon}, "rare": {&rare, wantRare}} {
		var got []int32
		c.p.each(func(sl int32) { got = append(got, sl) })
		if !slices.Equal(got, c.want) || c.p.len() != len(c.want) {
			t.Errorf("%s: len %d, slots %v, want %v", name, c.p.len(), got, c.want)
		}
	}
	// Far-apart slots: differences of one, two, three and four bytes.
	var sparse postings
	wantSparse := []int32{0, 5, 300, 70000, 2000000, 2000001}
	for _, sl := range wantSparse {
		sparse.add(sl)
	}
	var got []int32
	sparse.each(func(sl int32) { got = append(got, sl) })
	if !slices.Equal(got, wantSparse) || sparse.len() != len(wantSparse) || len(sparse.deltas) != 1+1+2+3+3+1 {
		t.Errorf("sparse: %v in %d bytes", got, len(sparse.deltas))
	}
	var none *postings
	if none.len() != 0 {
		t.Error("a character never seen has slots")
	}
	none.each(func(int32) { t.Error("a character never seen lists a slot") })
}

// TestEntryCompact: an entry stays 64 bytes (one per person: 100 000 at county scale), its
// dates compare as numbers, and an overlong text is cut at a character, not mid-way.
func TestEntryCompact(t *testing.T) {
	if n := unsafe.Sizeof(personEntry{}); n != 64 {
		t.Errorf("personEntry is %d bytes", n)
	}
	for in, want := range map[string]int32{"2026-01-05": 20260105, "": 0, "2026-1-5": 0, "2026-01-0x": 0, "2026-01-05T08:00": 20260105} {
		if got := dateNum(in); got != want {
			t.Errorf("dateNum(%q) = %d, want %d", in, got, want)
		}
	}
	var e personEntry
	long := strings.Repeat("村", maxMatchText/3+10) // 3 bytes a character
	newEntryText(&e, long, " cun", "123", "cun")
	if !utf8.ValidString(e.hay()) || len(e.hay())+len(e.pinyin())+len(e.digits()) > maxMatchText ||
		e.pinyin() != " cun" || e.digits() != "123" || e.pySort() != "cun" {
		t.Errorf("cut entry: hay %d bytes (valid %v), pinyin %q, digits %q, sort %q",
			len(e.hay()), utf8.ValidString(e.hay()), e.pinyin(), e.digits(), e.pySort())
	}
}
