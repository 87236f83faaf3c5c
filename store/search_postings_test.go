package store

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"
)

// TestPostings: a list and the set it becomes list the same slots, in order, and keep
// taking new ones after packing.
func TestPostings(t *testing.T) {
	const slots = 1000
	ix := indexData{grow: [][]byte{}}
	common, rare, sparse := ix.newList(), ix.newList(), ix.newList()
	var wantCommon, wantRare []int32
	for sl := int32(0); sl < slots; sl++ {
		ix.slots = append(ix.slots, indexEntry{})
		if sl%3 == 0 {
			ix.list(common, sl)
			ix.list(common, sl) // a slot twice (two digit groups alike) is listed once
			wantCommon = append(wantCommon, sl)
		}
		if sl%100 == 7 {
			ix.list(rare, sl)
			wantRare = append(wantRare, sl)
		}
	}
	// Far-apart slots: differences of one, two, three and four bytes.
	wantSparse := []int32{0, 5, 300, 70000, 2000000, 2000001}
	for _, sl := range wantSparse {
		ix.list(sparse, sl)
	}
	if n := len(ix.grow[sparse]); n != 1+1+2+3+3+1 {
		t.Errorf("sparse: %v in %d bytes", wantSparse, n)
	}
	ix.packLists()
	if !ix.lists[common].set || ix.lists[rare].set {
		t.Fatalf("after packing: common is a set %v, rare a set %v", ix.lists[common].set, ix.lists[rare].set)
	}
	ix.list(common, 1001) // a person added after the build, beyond the set
	ix.list(common, 1001)
	ix.list(rare, 1001)
	ix.list(rare, 1002)
	wantCommon, wantRare = append(wantCommon, 1001), append(wantRare, 1001, 1002)
	for name, c := range map[string]struct {
		p    *postings
		want []int32
	}{"common": {&ix.lists[common], wantCommon}, "rare": {&ix.lists[rare], wantRare}, "sparse": {&ix.lists[sparse], wantSparse}} {
		var got []int32
		ix.each(c.p, func(sl int32) { got = append(got, sl) })
		if !slices.Equal(got, c.want) || c.p.len() != len(c.want) {
			t.Errorf("%s: len %d, slots %v, want %v", name, c.p.len(), got, c.want)
		}
	}
	var none *postings
	if none.len() != 0 {
		t.Error("a character never seen has slots")
	}
	ix.each(none, func(int32) { t.Error("a character never seen lists a slot") })
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

// TestIndexHoldsNoPointers: what the index keeps per person, per key and per listing holds
// no pointer, so that a collection does not mark it (a string or slice added to an entry
// would bring back a mark of 100 000 objects after nearly every keystroke).
func TestIndexHoldsNoPointers(t *testing.T) {
	var pointers func(reflect.Type) bool
	pointers = func(t reflect.Type) bool {
		switch t.Kind() {
		case reflect.Struct:
			for i := range t.NumField() {
				if pointers(t.Field(i).Type) {
					return true
				}
			}
			return false
		case reflect.Array:
			return pointers(t.Elem())
		case reflect.Map:
			return pointers(t.Key()) || pointers(t.Elem())
		case reflect.Slice, reflect.String, reflect.Pointer, reflect.Interface, reflect.Func, reflect.Chan, reflect.UnsafePointer:
			return true
		}
		return false
	}
	ix := reflect.TypeOf(indexData{})
	for _, name := range []string{"slots", "slotOf", "order", "rank", "pinyin", "lists", "runes", "packed", "sets", "extra"} {
		f, _ := ix.FieldByName(name)
		elem := f.Type
		if elem.Kind() == reflect.Slice {
			elem = elem.Elem()
		}
		if pointers(elem) {
			t.Errorf("indexData.%s holds pointers (%s)", name, f.Type)
		}
	}
	if n := unsafe.Sizeof(indexEntry{}); n > 64 {
		t.Errorf("indexEntry is %d bytes", n)
	}
}
