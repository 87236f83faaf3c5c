package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/binary"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"shuangyong/model"
)

// peopleIndex answers people queries from memory: one entry per live person, their roster
// order (village, then name in pinyin order), and inverted lists that take a query
// straight to the few entries that can match:
//
//   - runes: each character of an entry's text → the entries containing it, so a Chinese
//     word starts from the rarest of its characters;
//   - digit groups: each run of three digits of an ID or phone number → the entries
//     containing it, so "5678" starts from the entries with "567" or "678"; and each
//     digit and pair of digits, so that "5" and "56" are lists too, not a walk over every
//     entry (50–67 ms at county scale);
//   - pinyin: every initials/full/alternate key, sorted, so "zs" is a range;
//   - cats: each category → its people, for words that name categories (三属, 军嫂).
//
// Candidates are then checked exactly (substring, prefix, filters), ranked (the tiers of
// search_rank.go) and marked in one bitmap by roster rank per tier, which yields the total
// and the window in order without sorting.
//
// Entries live in slots. A save does not move anything: the person's old slot is marked
// dead (lists still mention it and skip it) and the fresh entry takes a new slot at the end;
// when dead slots pile up the lists are rebuilt from the live entries. None of it holds
// pointers (search_postings.go says why).
//
// The index is built without holding its lock (from a snapshot of the file when there is
// one: snapshot.go), so searches and saves never wait for a build: until it is in, the
// store answers from SQL (searchSQL). People saved meanwhile are listed in pending and
// their entries read again once the index is in.
type peopleIndex struct {
	mu sync.RWMutex
	indexData
	codes *codebook // of the entries' cadres and statuses; outlives rebuilds

	// searching counts the searches answered from the file (searchSQL) under way: the
	// build steps aside for them (stepAside), so that what is typed while the index is
	// built gets the cores instead of sharing them with it (582 → … ms a keystroke).
	searching atomic.Int32

	building bool           // a build is under way (guarded by mu)
	stale    bool           // invalidated during the build: its result is out of date
	pending  map[int64]bool // people whose entries are to be read again
	buildMu  sync.Mutex     // one build at a time
}

// indexData is everything the lock guards, apart so that it can be reset in one go.
type indexData struct {
	loaded bool

	slots  []indexEntry    // by slot; not live once dead
	text   textArena       // the entries' text
	slotOf map[int64]int32 // person id → live slot
	order  []int32         // live slots in roster order
	rank   []int32         // slot → position in order
	pinyin []pinyinKey     // sorted by key
	dead   int

	// lists are every list of slots: the digit groups' (groupList), the categories'
	// (catList: for words that name categories, 三属, 军嫂), then five for each character
	// (runes: the first of them).
	lists  []postings
	runes  map[rune]int32
	packed []byte      // the lists' slot differences
	sets   []uint64    // the common lists' bit sets
	extra  []extraSlot // slots listed since the build
	grow   [][]byte    // while building: each list's slot differences
}

// pinyinKey is an initials, full pinyin or other reading key of an entry: a part of its
// text, not a string of its own (several hundred thousand at county scale).
type pinyinKey struct {
	slotKind uint32 // slot<<2 | kind: 0 the initials, 1 the full pinyin, 2 another reading (ranked lower)
	off, n   uint16 // the key is the slot's text[off:off+n]
}

func (k pinyinKey) slot() int32 { return int32(k.slotKind >> 2) }
func (k pinyinKey) kind() uint8 { return uint8(k.slotKind & 3) }

// tier is the tier of a word of n bytes that k starts with: another reading is right, but
// not what was meant (单 dan for shan).
func (k pinyinKey) tier(n int) tier {
	switch {
	case k.kind() >= 2:
		return tierName
	case int(k.n) == n:
		return tierExact
	default:
		return tierPrefix
	}
}

// key returns the text of k.
func (ix *indexData) key(k pinyinKey) string {
	e := &ix.slots[k.slot()]
	return ix.text.get(e.text+uint32(k.off), uint32(k.n))
}

// The lists of digit groups: of three digits (0–999), of two, and single digits.
var groupBase = [4]int32{0, 1100, 1000, 0}

func groupList(n, v int) int32 { return groupBase[n] + int32(v) }

const (
	catList    = 1000 + 100 + 10 // the first category's list, after the digit groups'
	fixedLists = catList + 32    // lists before the characters'
	runeLists  = 5               // lists of a character, by where it occurs (inWhole…)
)

// A character's five lists hold the slots listing it by the best place it occurs in: the
// whole name, the name's start, elsewhere in the name, another field, or only the address
// or the pairing cadre. A one-character search (张, 村) then has its ranking
// (search_rank.go's tiers) from the lists alone, without reading tens of thousands of
// entries. Each slot is listed once per character, as with one list. The category labels
// are left out: words found in them are looked up by category (catsContaining), which the
// label's common characters (军, 属, 残疾) would otherwise drown.
const (
	inWhole = iota
	inNameStart
	inName
	inOther
	inWeak
)

// runeTiers are the tiers of a one-character word in each of runeLists.
var runeTiers = [5]tier{tierExact, tierPrefix, tierName, tierOther, tierWeak}

// runeLen is the number of slots listing the character whose lists start at base.
func (ix *indexData) runeLen(base int32) int {
	n := 0
	for _, p := range ix.lists[base : base+runeLists] {
		n += int(p.n)
	}
	return n
}

// catsField is the index in hayFields of the category labels.
const catsField = 7

func newPeopleIndex() *peopleIndex { return &peopleIndex{codes: newCodebook()} }

func (ix *peopleIndex) isLoaded() bool {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.loaded
}

func (ix *peopleIndex) isBuilding() bool {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.building
}

func (ix *peopleIndex) invalidate() {
	ix.mu.Lock()
	ix.indexData = indexData{}
	ix.stale = ix.building
	ix.mu.Unlock()
}

// stepAside waits while a search is answered from the file (a few hundred milliseconds at
// most): the build calls it between rows.
func (ix *peopleIndex) stepAside() {
	for ix.searching.Load() > 0 {
		time.Sleep(2 * time.Millisecond)
	}
}

// build replaces the index by one over entries (in any order). Callers hold the lock, or
// own ix alone.
func (ix *indexData) build(entries []*personEntry) {
	ix.start(len(entries))
	for _, e := range entries {
		ix.add(e)
	}
	ix.sortPart()
	ix.finish()
}

// start empties ix for a build of about n entries. A part of a build (buildParts) has no
// slotOf: the merge makes it.
func (ix *indexData) start(n int) {
	*ix = indexData{loaded: true, runes: map[rune]int32{}, slots: make([]indexEntry, 0, n),
		lists: make([]postings, fixedLists), grow: make([][]byte, fixedLists)}
}

// sortPart puts the slots of a build in roster order and sorts its pinyin keys: on each
// part's own goroutine when a build is read in parts.
func (ix *indexData) sortPart() {
	ix.order = make([]int32, len(ix.slots))
	for i := range ix.order {
		ix.order[i] = int32(i)
	}
	slices.SortFunc(ix.order, ix.compareSlots)
	ix.sortPinyin()
}

// compareSlots orders slots as entryLess orders their entries.
func (ix *indexData) compareSlots(a, b int32) int {
	x, y := &ix.slots[a], &ix.slots[b]
	if x.villageSort != y.villageSort {
		return cmp.Compare(x.villageSort, y.villageSort)
	}
	if x.villageID != y.villageID {
		return cmp.Compare(x.villageID, y.villageID)
	}
	if c := strings.Compare(ix.pySort(x), ix.pySort(y)); c != 0 {
		return c
	}
	return cmp.Compare(x.id, y.id)
}

func (ix *indexData) pySort(e *indexEntry) string {
	return ix.text.get(e.text+uint32(e.ends[2]), e.textLen-uint32(e.ends[2]))
}

// sortPinyin sorts the keys by their first eight bytes, held beside them as a number,
// and only compares texts where those are alike: looking each key's text up in its
// entry, for every comparison, was most of a build's sorting (~0.15 s at county scale).
func (ix *indexData) sortPinyin() {
	type keyed struct {
		pre uint64 // the first eight bytes, big-endian, zeros past the end
		k   pinyinKey
	}
	ks := make([]keyed, len(ix.pinyin))
	for i, k := range ix.pinyin {
		var b [8]byte
		copy(b[:], ix.key(k))
		ks[i] = keyed{binary.BigEndian.Uint64(b[:]), k}
	}
	slices.SortFunc(ks, func(a, b keyed) int {
		switch {
		case a.pre != b.pre:
			return cmp.Compare(a.pre, b.pre)
		case a.k.n <= 8 && b.k.n <= 8: // one is the other and zeros: the shorter first
			return cmp.Compare(a.k.n, b.k.n)
		}
		return strings.Compare(ix.key(a.k), ix.key(b.k))
	})
	for i := range ks {
		ix.pinyin[i] = ks[i].k
	}
}

// finish makes a build's index searchable: the slots' map and ranks, the lists packed,
// spare capacity given back.
func (ix *indexData) finish() {
	ix.slotOf = make(map[int64]int32, len(ix.slots))
	for i := range ix.slots {
		ix.slotOf[ix.slots[i].id] = int32(i)
	}
	ix.pinyin = slices.Clip(ix.pinyin)
	ix.text.clip()
	ix.packLists()
	ix.reRank()
}

// merge appends the part b of a build to ix, another part (both sorted by sortPart): b's
// slots come after ix's, its text chunks after ix's, its listings after ix's in each list,
// and the sorted order and keys of both are merged.
func (ix *indexData) merge(b *indexData) {
	shift := int32(len(ix.slots))
	ix.text.clip() // ix's last chunk is full from here on
	chunks := uint32(len(ix.text.chunks)) << chunkBits
	ix.text.chunks = append(ix.text.chunks, b.text.chunks...)
	ix.slots = append(make([]indexEntry, 0, len(ix.slots)+len(b.slots)), ix.slots...) // exactly: 56 bytes a person
	for _, e := range b.slots {
		e.text += chunks
		ix.slots = append(ix.slots, e)
	}

	ix.order = mergeSorted(ix.order, b.order,
		func(sl int32) int32 { return sl + shift },
		func(x, y int32) bool { return ix.compareSlots(x, y) < 0 })
	ix.pinyin = mergeSorted(ix.pinyin, b.pinyin,
		func(k pinyinKey) pinyinKey { k.slotKind += uint32(shift) << 2; return k },
		func(x, y pinyinKey) bool { return ix.key(x) < ix.key(y) })

	for l := int32(0); l < fixedLists; l++ {
		ix.appendList(l, b, l, shift)
	}
	// b's characters in the order b met them, so that a build's lists do not depend on
	// the map's order.
	byBase := make([]rune, len(b.lists))
	for r, base := range b.runes {
		byBase[base] = r
	}
	for base := int32(fixedLists); base < int32(len(b.lists)); base += runeLists {
		at := ix.runeBase(byBase[base])
		for k := range int32(runeLists) {
			ix.appendList(at+k, b, base+k, shift)
		}
	}
}

// appendList appends to ix's list i the slots of b's list j, shifted by shift (above
// every slot of ix): only the first difference changes.
func (ix *indexData) appendList(i int32, b *indexData, j int32, shift int32) {
	q := &b.lists[j]
	if q.n == 0 {
		return
	}
	p := &ix.lists[i]
	g := b.grow[j]
	d, k := binary.Uvarint(g)
	first := int32(d) - 1 + shift
	prev := int32(-1)
	if p.n > 0 {
		prev = p.last
	}
	ix.grow[i] = append(binary.AppendUvarint(ix.grow[i], uint64(first-prev)), g[k:]...)
	p.n += q.n
	p.last = q.last + shift
}

// add gives e a new slot and lists it; the caller places it in order and sorts pinyin.
func (ix *indexData) add(e *personEntry) int32 {
	slot := int32(len(ix.slots))
	ix.slots = append(ix.slots, e.stored(&ix.text))
	if ix.slotOf != nil {
		ix.slotOf[e.id] = slot
	}
	hay := e.hay()
	var seen [48]rune // the characters listed so far (spilling into a slice when more)
	listed := seen[:0]
	field := 0
	for i, r := range hay {
		if r == 0x1f {
			field++
			continue
		}
		if field == catsField || slices.Contains(listed, r) {
			continue // one listing per distinct character; labels are found by category
		}
		listed = append(listed, r)
		base := ix.runeBase(r)
		// The first occurrence is in the best field: hayFields are in ranking order.
		switch {
		case i == 0 && int(e.nameEnd) == utf8.RuneLen(r):
			ix.list(base+inWhole, slot)
		case i == 0:
			ix.list(base+inNameStart, slot)
		case i < int(e.nameEnd):
			ix.list(base+inName, slot)
		case i < int(e.weakStart):
			ix.list(base+inOther, slot)
		default:
			ix.list(base+inWeak, slot)
		}
	}
	// The digit groups, each listed once (a number repeats digits: 87 groups in an ID and
	// a phone number, 60 of them distinct).
	var groups [(catList + 63) / 64]uint64 // by list, as groupList numbers them
	eachDigitGroup(e.digits(), func(n, v int) {
		if l := groupList(n, v); groups[l>>6]&(1<<(l&63)) == 0 {
			groups[l>>6] |= 1 << (l & 63)
			ix.list(l, slot)
		}
	})
	for c := e.cats; c != 0; c &= c - 1 {
		ix.list(catList+int32(bits.TrailingZeros32(c)), slot)
	}
	// Keys are parts of the entry's text: no copies.
	k := uint32(0)
	py, at := e.pinyin(), int(e.ends[0])
	for i := 0; i < len(py); {
		i++ // the space before each key
		end := strings.IndexByte(py[i:], ' ')
		if end < 0 {
			end = len(py) - i
		}
		if end > 0 {
			ix.pinyin = append(ix.pinyin, pinyinKey{uint32(slot)<<2 | min(k, 2), uint16(at + i), uint16(end)})
			k++
		}
		i += end
	}
	return slot
}

// eachDigitGroup calls fn with each group of one, two and three consecutive digits of s
// (n digits, whose value is v), repeats included.
func eachDigitGroup(s string, fn func(n, v int)) {
	run, v := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			run, v = 0, 0
			continue
		}
		v = (v*10 + int(c-'0')) % 1000
		run++
		fn(1, v%10)
		if run >= 2 {
			fn(2, v%100)
		}
		if run >= 3 {
			fn(3, v)
		}
	}
}

func (ix *indexData) reRank() {
	if cap(ix.rank) < len(ix.slots) {
		ix.rank = make([]int32, len(ix.slots), len(ix.slots)*5/4+16)
	}
	ix.rank = ix.rank[:len(ix.slots)]
	for i, sl := range ix.order {
		ix.rank[sl] = int32(i)
	}
}

// apply replaces the entries of the touched people by their fresh entries (absent from
// fresh: trashed or gone). A save that could not read fresh entries (the index was not in
// when it did) passes haveFresh=false: the people are then read again later (pending).
func (ix *peopleIndex) apply(touched map[int64]bool, fresh []*personEntry, haveFresh bool) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if !ix.loaded || !haveFresh {
		if ix.loaded || ix.building {
			if ix.pending == nil {
				ix.pending = map[int64]bool{}
			}
			for id := range touched {
				ix.pending[id] = true
			}
		}
		return
	}
	for id := range touched {
		if sl, ok := ix.slotOf[id]; ok {
			ix.slots[sl].live = false
			delete(ix.slotOf, id)
			ix.dead++
		}
	}
	// A dead slot's text stays in the arena (its pinyin keys, still in the sorted list,
	// are compared by it) and its listings in the lists, until this rebuild drops them
	// all: they stay in proportion to the dead slots, at most a quarter of the live ones
	// and a thousand.
	if ix.dead > len(ix.slotOf)/4+1000 {
		live := make([]personEntry, 0, len(ix.slotOf))
		for i := range ix.slots {
			if ix.slots[i].live {
				live = append(live, ix.slots[i].view(&ix.text)) // over the old arena, which they keep
			}
		}
		entries := make([]*personEntry, len(live), len(live)+len(fresh))
		for i := range live {
			entries[i] = &live[i]
		}
		ix.build(append(entries, fresh...))
		return
	}
	kept := ix.order[:0]
	for _, sl := range ix.order {
		if ix.slots[sl].live {
			kept = append(kept, sl)
		}
	}
	ix.order = kept
	for _, e := range fresh {
		n := len(ix.pinyin)
		sl := ix.add(e)
		added := append([]pinyinKey(nil), ix.pinyin[n:]...)
		ix.pinyin = ix.pinyin[:n]
		for _, k := range added {
			key := ix.key(k)
			i := sort.Search(len(ix.pinyin), func(i int) bool { return ix.key(ix.pinyin[i]) >= key })
			ix.pinyin = append(ix.pinyin, pinyinKey{})
			copy(ix.pinyin[i+1:], ix.pinyin[i:])
			ix.pinyin[i] = k
		}
		i := sort.Search(len(ix.order), func(i int) bool {
			o := ix.slots[ix.order[i]].view(&ix.text)
			return entryLess(e, &o)
		})
		ix.order = append(ix.order, 0)
		copy(ix.order[i+1:], ix.order[i:])
		ix.order[i] = sl
	}
	ix.reRank()
}

// ensureLoaded builds the index on first use, and reads again the entries of people saved
// while it was built.
func (s *Store) ensureLoaded(ctx context.Context) error {
	ix := s.people
	if !ix.isLoaded() {
		if err := s.buildIndex(ctx); err != nil {
			return err
		}
	}
	return s.refreshPending(ctx)
}

// buildIndex reads every live person and puts the new index in. The lock is only taken
// to put it in: searches meanwhile are answered from SQL, saves list their people in
// pending.
func (s *Store) buildIndex(ctx context.Context) error {
	ix := s.people
	ix.buildMu.Lock()
	defer ix.buildMu.Unlock()
	for {
		ix.mu.Lock()
		if ix.loaded {
			ix.mu.Unlock()
			return nil
		}
		// From here on a save lists its people in pending: the build may have read them
		// before the save.
		ix.building, ix.stale, ix.pending = true, false, nil
		ix.mu.Unlock()

		var data indexData
		err := s.withSnapshot(ctx, func(db *sql.DB) error {
			parts := 1
			if db != s.db {
				parts = snapshotConns
			}
			var err error
			data, err = buildParts(ctx, db, parts, ix.codes, ix.stepAside)
			return err
		})
		if afterBuildRead != nil {
			afterBuildRead()
		}

		ix.mu.Lock()
		ix.building = false
		if err != nil {
			ix.mu.Unlock()
			return s.classify(err)
		}
		if !ix.stale {
			ix.indexData = data
			ix.mu.Unlock()
			return nil
		}
		ix.mu.Unlock() // a village or unit was renamed meanwhile: build again
	}
}

// startBuild starts building the index in the background unless a build is under way: a
// search typed before WarmSearch was called (or after a rename dropped the index) is
// answered from SQL, not made to wait for the build.
func (s *Store) startBuild() {
	ix := s.people
	ix.mu.Lock()
	if ix.loaded || ix.building {
		ix.mu.Unlock()
		return
	}
	ix.building = true // until buildIndex takes over: one build at a time
	ix.mu.Unlock()
	ctx := s.snaps.background()
	go func() {
		_ = s.ensureLoaded(ctx) // a failure is met again by the next search
	}()
}

// afterBuildRead, when set (by tests), runs between reading the file and putting the new
// index in: a save made there is one the build missed.
var afterBuildRead func()

// refreshPending reads again the entries of the people saved while the index was built
// (or whose save could not read them). It reads and applies while holding the store's
// connection, so that no save commits in between: its own, newer entries are applied
// after these, never before.
func (s *Store) refreshPending(ctx context.Context) error {
	ix := s.people
	ix.mu.RLock()
	n := len(ix.pending)
	ix.mu.RUnlock()
	if n == 0 {
		return nil
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return s.classify(err)
	}
	defer conn.Close()
	ix.mu.Lock()
	touched := ix.pending
	ix.pending = nil
	ix.mu.Unlock()
	if len(touched) == 0 {
		return nil
	}
	ids := make([]int64, 0, len(touched))
	for id := range touched {
		ids = append(ids, id)
	}
	entries, err := loadEntries(ctx, conn, ids, ix.codes)
	if err != nil {
		ix.apply(touched, nil, false) // back to pending
		return s.classify(err)
	}
	ix.apply(touched, entries, true)
	return nil
}

// WarmSearch builds the search index now (the TUI calls it in the background after the
// first screen, so that the first keystroke does not wait for it). Searches made while it
// runs are answered from SQL.
func (s *Store) WarmSearch(ctx context.Context) error {
	if err := s.ensureLoaded(ctx); err != nil {
		return err
	}
	s.ShrinkCache(ctx)
	return nil
}

// SearchIndexed reports whether the search index is in (searches no longer go to SQL).
func (s *Store) SearchIndexed() bool { return s.people.isLoaded() }

// ShrinkCache gives back the page cache after a pass over the whole file (building the
// index, a check, a backup, an export): those pages are not what the screens read next,
// and at county scale they are a third of the program's memory (154 MB resident before,
// 99 MB after).
func (s *Store) ShrinkCache(ctx context.Context) {
	_, _ = s.db.ExecContext(ctx, "PRAGMA shrink_memory")
}

// candList is the slots that may match a word: a character's, digit group's or
// category's postings, or the slots of a range of pinyin keys (in key order). When the
// query is that one word and every slot listed matches it in a known tier, tier says so
// and the entries need not be read; otherwise (tierCheck) each is matched and ranked.
type candList struct {
	ix      *indexData
	slots   *postings
	keys    []pinyinKey // a range of ix.pinyin starting with a word of wordLen bytes…
	nkeys   int         // …of which these many, of tier, are listed
	wordLen int
	tier    tier
}

// tierCheck marks a candidate list whose slots must be matched and ranked one by one.
const tierCheck tier = 255

func (c candList) len() int { return c.slots.len() + c.nkeys }

func (c candList) each(fn func(slot int32)) {
	c.ix.each(c.slots, fn)
	if c.nkeys == 0 {
		return
	}
	for _, k := range c.keys {
		if k.tier(c.wordLen) == c.tier {
			fn(k.slot())
		}
	}
}

// candidates returns the lists whose union holds every slot matching one word, or
// all=true when the word cannot be looked up and every entry must be tried.
func (ix *peopleIndex) candidates(w word) (lists []candList, all bool) {
	switch w.kind {
	case wordDigits:
		// The rarest of the word's longest groups (three digits, fewer in a shorter word).
		var best [4]*postings
		eachDigitGroup(w.text, func(n, v int) {
			if p := &ix.lists[groupList(n, v)]; best[n] == nil || p.n < best[n].n {
				best[n] = p
			}
		})
		for n := 3; n >= 1; n-- {
			if best[n] != nil {
				t := tierCheck
				if len(w.text) == n { // the word is the group: every slot listed has it
					t = tierOther
				}
				return []candList{{ix: &ix.indexData, slots: best[n], tier: t}}, false
			}
		}
		return nil, true
	case wordPinyin:
		// The keys starting with the word, as one list per tier (exact, prefix, another
		// reading) over the same range: no copy of their slots.
		lo := sort.Search(len(ix.pinyin), func(i int) bool { return ix.key(ix.pinyin[i]) >= w.text })
		hi := lo
		var n [3]int
		for ; hi < len(ix.pinyin) && strings.HasPrefix(ix.key(ix.pinyin[hi]), w.text); hi++ {
			n[ix.pinyin[hi].tier(len(w.text))]++
		}
		for t := range n {
			lists = append(lists, candList{ix: &ix.indexData, keys: ix.pinyin[lo:hi], nkeys: n[t], wordLen: len(w.text), tier: tier(t)})
		}
		// Letters may also be part of the text itself (a unit's designation, an address).
		return append(lists, ix.runeCands(w.text)...), false
	}
	lists = ix.runeCands(w.text)
	for i := range model.Categories {
		if strings.Contains(categoryTexts[i], w.text) { // a label or short label holds the word
			lists = append(lists, candList{ix: &ix.indexData, slots: &ix.lists[catList+i], tier: tierOther})
		}
	}
	for c := w.cats; c != 0; c &= c - 1 { // the word stands for categories (三属, 军嫂)
		t := tierOther
		if w.kinRel != 0 || w.kinSex != 0 {
			t = tierCheck // the relation and sex are in the entry
		}
		lists = append(lists, candList{ix: &ix.indexData, slots: &ix.lists[catList+bits.TrailingZeros32(c)], tier: t})
	}
	return lists, false
}

// runeCands returns the lists of the rarest character of s. For one character, a slot
// listed with it matches in its list's tier; longer words are checked.
func (ix *peopleIndex) runeCands(s string) []candList {
	base := ix.rarest(s)
	if base < 0 {
		return nil
	}
	one := utf8.RuneCountInString(s) == 1
	lists := make([]candList, runeLists)
	for i := range lists {
		lists[i] = candList{ix: &ix.indexData, slots: &ix.lists[base+int32(i)], tier: tierCheck}
		if one {
			lists[i].tier = runeTiers[i]
		}
	}
	return lists
}

// rarest returns the first of the lists of the rarest character of s (-1 if one never
// occurs).
func (ix *peopleIndex) rarest(s string) int32 {
	best, size := int32(-1), 0
	for _, r := range s {
		if r == utf8.RuneError {
			continue
		}
		base, ok := ix.runes[r]
		n := 0
		if ok {
			n = ix.runeLen(base)
		}
		if n == 0 {
			return -1
		}
		if best < 0 || n < size {
			best, size = base, n
		}
	}
	return best
}

// bitmapPool holds a search's bitmaps between searches: 75 KB at county scale, which
// every keystroke allocated, and allocations are what paces the collector.
var bitmapPool sync.Pool

// found is a search's answer from the index: the total, the window's people and what
// matched each of them.
type found struct {
	total    int
	ids      []int64
	fields   []MatchField
	weakOnly bool // nothing matched but addresses and pairing cadres
}

// search finds the people matching q, ranks them (tiers, search_rank.go) and returns the
// window.
func (ix *peopleIndex) search(q PeopleQuery, text textMatcher, catMask uint32) found {
	cadre, status, since := ix.codes.lookup(q.Cadre), ix.codes.lookup(q.Status), dateNum(q.NotVisitedSince)
	active, stopped := ix.codes.lookup(model.StatusActive), ix.codes.lookup(model.StatusStopped)
	offRoll := func(e *indexEntry) bool {
		return q.OnRoll && q.Status == "" && e.status != active && e.status != stopped
	}
	keep := func(e *indexEntry) bool {
		return !(catMask != 0 && e.cats&catMask == 0 ||
			q.VillageID != 0 && e.villageID != q.VillageID ||
			q.Cadre != "" && e.cadre != cadre ||
			q.Status != "" && e.status != status || offRoll(e) ||
			q.NotVisitedSince != "" && e.lastVisit >= since ||
			q.HasOpenNeeds && !e.openNeeds() ||
			q.Incomplete && !e.incomplete())
	}
	var out found
	if len(text.words) == 0 { // filters only: the roster in order
		for _, sl := range ix.order {
			if e := &ix.slots[sl]; keep(e) {
				if out.total >= q.Offset && len(out.ids) < q.Limit {
					out.ids = append(out.ids, e.id)
				}
				out.total++
			}
		}
		out.fields = make([]MatchField, len(out.ids))
		return out
	}
	// The word with the fewest candidates drives; every candidate is then ranked whole.
	var driver []candList
	size := -1
	for _, w := range text.words {
		lists, all := ix.candidates(w)
		if all {
			continue
		}
		n := 0
		for _, l := range lists {
			n += l.len()
		}
		if size < 0 || n < size {
			driver, size = lists, n
		}
	}
	// One bitmap by roster rank per tier: the window is read from them tier by tier,
	// already in roster order within each, without sorting. A slot may be marked in
	// several (listed under a key and a character): its best tier counts.
	words := (len(ix.order) + 63) / 64
	bp, _ := bitmapPool.Get().(*[]uint64)
	if bp == nil {
		bp = new([]uint64)
	}
	defer bitmapPool.Put(bp)
	if n := int(tiers+1) * words; cap(*bp) < n {
		*bp = make([]uint64, n)
	} else {
		*bp = (*bp)[:n]
		clear(*bp)
	}
	bitmaps := *bp
	seen, byTier := bitmaps[:words], bitmaps[words:]
	check := func(sl int32) {
		e := &ix.slots[sl]
		if !e.live {
			return
		}
		r := ix.rank[sl]
		if seen[r>>6]&(1<<(r&63)) != 0 {
			return
		}
		seen[r>>6] |= 1 << (r & 63)
		if !keep(e) {
			return
		}
		v := e.view(&ix.text)
		if t, _, ok := text.rank(&v); ok {
			byTier[int(t)*words+int(r>>6)] |= 1 << (r & 63)
		}
	}
	filtered := catMask != 0 || q.VillageID != 0 || q.Cadre != "" || q.Status != "" || q.OnRoll || q.NotVisitedSince != "" ||
		q.HasOpenNeeds || q.Incomplete
	if size < 0 { // no word to look up: try the whole roster
		for _, sl := range ix.order {
			check(sl)
		}
	} else {
		for _, l := range driver {
			if l.tier == tierCheck || len(text.words) > 1 {
				l.each(check)
				continue
			}
			mark := byTier[int(l.tier)*words : int(l.tier+1)*words]
			l.each(func(sl int32) {
				e := &ix.slots[sl]
				if !e.live || filtered && !keep(e) {
					return
				}
				r := ix.rank[sl]
				mark[r>>6] |= 1 << (r & 63)
			})
		}
	}
	var counts [tiers]int
	for w := 0; w < words; w++ {
		var better uint64
		for t := range int(tiers) {
			b := byTier[t*words+w] &^ better
			byTier[t*words+w] = b
			better |= b
			counts[t] += bits.OnesCount64(b)
		}
	}
	last := tierWeak
	if counts[tierWeak] > 0 {
		strong := 0
		for t := tierExact; t < tierWeak; t++ {
			strong += counts[t]
		}
		if strong > 0 {
			last = tierOther // weak matches only when nothing better matches
		} else {
			out.weakOnly = true
		}
	}
	for t := tierExact; t <= last; t++ {
		for wi, word := range byTier[int(t)*words : int(t+1)*words] {
			n := bits.OnesCount64(word)
			if out.total+n <= q.Offset || len(out.ids) >= q.Limit {
				out.total += n
				continue
			}
			for word != 0 {
				b := bits.TrailingZeros64(word)
				word &^= 1 << b
				if out.total >= q.Offset && len(out.ids) < q.Limit {
					e := ix.slots[ix.order[wi*64+b]].view(&ix.text)
					_, f, _ := text.rank(&e)
					out.ids = append(out.ids, e.id)
					out.fields = append(out.fields, f)
				}
				out.total++
			}
		}
	}
	return out
}

// mergeSorted merges two sorted runs into a new one; b's elements are moved first (their
// slots shifted past a's), and on a tie a's come first.
func mergeSorted[T any](a, b []T, move func(T) T, less func(x, y T) bool) []T {
	out := make([]T, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if y := move(b[j]); less(y, a[i]) {
			out = append(out, y)
			j++
		} else {
			out = append(out, a[i])
			i++
		}
	}
	out = append(out, a[i:]...)
	for _, y := range b[j:] {
		out = append(out, move(y))
	}
	return out
}

// runeBase returns the first of character r's runeLists lists, making them if r has none.
func (ix *indexData) runeBase(r rune) int32 {
	base, ok := ix.runes[r]
	if !ok {
		base = ix.newList()
		for range runeLists - 1 {
			ix.newList()
		}
		ix.runes[r] = base
	}
	return base
}
