package store

import (
	"context"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// peopleIndex answers people queries from memory: one entry per live person, kept in
// roster order (village, then name in pinyin order), with inverted lists that take a query
// straight to the few entries that can match:
//
//   - runes: each character of an entry's text → the entries containing it, so a Chinese
//     word starts from the rarest of its characters;
//   - grams: each run of three digits of an ID or phone number → the entries containing
//     it, so "5678" starts from the entries with "567" or "678";
//   - pinyin: every initials/full/alternate key, sorted, so "zs" is a range.
//
// Candidates are then checked exactly (substring, prefix, filters) and marked in a bitmap
// by roster rank, which yields the total and the window in order without sorting.
//
// Entries live in slots. A save does not move anything: the person's old slot is marked
// dead (lists still mention it and skip it) and the fresh entry takes a new slot at the end;
// when dead slots pile up the lists are rebuilt from the live entries.
type peopleIndex struct {
	mu sync.RWMutex
	indexData
	codes *codebook // of the entries' cadres and statuses; outlives rebuilds
}

// indexData is everything the lock guards, apart so that it can be reset in one go.
type indexData struct {
	loaded bool

	slots  []*personEntry  // by slot; nil once dead
	slotOf map[int64]int32 // person id → live slot
	order  []int32         // live slots in roster order
	rank   []int32         // slot → position in order
	runes  map[rune]*postings
	grams  [1000]postings
	pinyin []pinyinKey // sorted by key
	dead   int
}

type pinyinKey struct {
	key  string
	slot int32
}

func newPeopleIndex() *peopleIndex { return &peopleIndex{codes: newCodebook()} }

func (ix *peopleIndex) isLoaded() bool {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.loaded
}

func (ix *peopleIndex) invalidate() {
	ix.mu.Lock()
	ix.indexData = indexData{}
	ix.mu.Unlock()
}

// build replaces the index by one over entries (in any order). Callers hold the lock.
func (ix *peopleIndex) build(entries []*personEntry) {
	sort.Slice(entries, func(i, j int) bool { return entryLess(entries[i], entries[j]) })
	ix.indexData = indexData{loaded: true, slotOf: make(map[int64]int32, len(entries)), runes: map[rune]*postings{},
		slots: make([]*personEntry, 0, len(entries)), order: make([]int32, 0, len(entries))}
	for _, e := range entries {
		ix.order = append(ix.order, ix.add(e))
	}
	sort.Slice(ix.pinyin, func(i, j int) bool { return ix.pinyin[i].key < ix.pinyin[j].key })
	ix.pinyin = slices.Clip(ix.pinyin)
	ix.packLists()
	ix.reRank()
}

// packLists moves every list into one exactly sized array. Lists grown by appends keep
// up to half their capacity unused, a third of the index at county scale; packed lists
// are capped, so a later append copies just that list out.
func (ix *peopleIndex) packLists() {
	total := 0
	for _, p := range ix.runes {
		if !p.common(len(ix.slots)) {
			total += len(p.deltas)
		}
	}
	for g := range ix.grams {
		if !ix.grams[g].common(len(ix.slots)) {
			total += len(ix.grams[g].deltas)
		}
	}
	arena := make([]byte, 0, total)
	for _, p := range ix.runes {
		p.pack(len(ix.slots), &arena)
	}
	for g := range ix.grams {
		ix.grams[g].pack(len(ix.slots), &arena)
	}
}

// add gives e a new slot and lists it; the caller places it in order and sorts pinyin.
func (ix *peopleIndex) add(e *personEntry) int32 {
	slot := int32(len(ix.slots))
	ix.slots = append(ix.slots, e)
	ix.slotOf[e.id] = slot
	hay := e.hay()
	for i, r := range hay {
		if r == 0x1f || strings.ContainsRune(hay[:i], r) {
			continue // one listing per distinct character
		}
		p := ix.runes[r]
		if p == nil {
			p = &postings{}
			ix.runes[r] = p
		}
		p.add(slot)
	}
	for _, g := range digitGrams(e.digits()) {
		ix.grams[g].add(slot)
	}
	// Keys are substrings of the entry's text: no copies.
	for rest := e.pinyin(); rest != ""; {
		rest = rest[1:] // the space before each key
		end := strings.IndexByte(rest, ' ')
		if end < 0 {
			end = len(rest)
		}
		if end > 0 {
			ix.pinyin = append(ix.pinyin, pinyinKey{rest[:end], slot})
		}
		rest = rest[end:]
	}
	return slot
}

// digitGrams lists the three-digit groups of s as numbers 0–999 (with repeats).
func digitGrams(s string) []int {
	var out []int
	run, v := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			run, v = 0, 0
			continue
		}
		v = (v*10 + int(c-'0')) % 1000
		if run++; run >= 3 {
			out = append(out, v)
		}
	}
	return out
}

func (ix *peopleIndex) reRank() {
	if cap(ix.rank) < len(ix.slots) {
		ix.rank = make([]int32, len(ix.slots), len(ix.slots)*5/4+16)
	}
	ix.rank = ix.rank[:len(ix.slots)]
	for i, sl := range ix.order {
		ix.rank[sl] = int32(i)
	}
}

// apply replaces the entries of the touched people by their fresh entries (absent from
// fresh: trashed or gone).
func (ix *peopleIndex) apply(touched map[int64]bool, fresh []*personEntry) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if !ix.loaded {
		return
	}
	for id := range touched {
		if sl, ok := ix.slotOf[id]; ok {
			ix.slots[sl] = nil
			delete(ix.slotOf, id)
			ix.dead++
		}
	}
	if ix.dead > len(ix.slotOf)/4+1000 {
		live := make([]*personEntry, 0, len(ix.slotOf)+len(fresh))
		for _, e := range ix.slots {
			if e != nil {
				live = append(live, e)
			}
		}
		ix.build(append(live, fresh...))
		return
	}
	kept := ix.order[:0]
	for _, sl := range ix.order {
		if ix.slots[sl] != nil {
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
			i := sort.Search(len(ix.pinyin), func(i int) bool { return ix.pinyin[i].key >= k.key })
			ix.pinyin = append(ix.pinyin, pinyinKey{})
			copy(ix.pinyin[i+1:], ix.pinyin[i:])
			ix.pinyin[i] = k
		}
		i := sort.Search(len(ix.order), func(i int) bool { return entryLess(e, ix.slots[ix.order[i]]) })
		ix.order = append(ix.order, 0)
		copy(ix.order[i+1:], ix.order[i:])
		ix.order[i] = sl
	}
	ix.reRank()
}

// ensureLoaded builds the index on first use.
func (s *Store) ensureLoaded(ctx context.Context) error {
	if s.people.isLoaded() {
		return nil
	}
	ix := s.people
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.loaded {
		return nil
	}
	entries, err := loadEntries(ctx, s.db, nil, ix.codes)
	if err != nil {
		return s.classify(err)
	}
	ix.build(entries)
	return nil
}

// WarmSearch builds the search index now (the TUI calls it in the background after the
// first screen, so that the first keystroke does not wait for it).
func (s *Store) WarmSearch(ctx context.Context) error {
	if err := s.ensureLoaded(ctx); err != nil {
		return err
	}
	s.ShrinkCache(ctx)
	return nil
}

// ShrinkCache gives back the page cache after a pass over the whole file (building the
// index, a check, a backup, an export): those pages are not what the screens read next,
// and at county scale they are a third of the program's memory (154 MB resident before,
// 99 MB after).
func (s *Store) ShrinkCache(ctx context.Context) {
	_, _ = s.db.ExecContext(ctx, "PRAGMA shrink_memory")
}

// candList is the slots that may match a word — a character's or digit group's postings,
// or the slots of a range of pinyin keys (in key order) — exact when every slot in it does
// match the word, so the word need not be checked again.
type candList struct {
	slots *postings
	list  []int32
	exact bool
}

func (c candList) len() int { return c.slots.len() + len(c.list) }

func (c candList) each(fn func(slot int32)) {
	c.slots.each(fn)
	for _, sl := range c.list {
		fn(sl)
	}
}

// candidates returns the lists whose union holds every slot matching one word, or
// all=true when the word cannot be looked up (digits shorter than three) and every entry
// must be tried.
func (ix *peopleIndex) candidates(w word) (lists []candList, all bool) {
	switch w.kind {
	case wordDigits:
		grams := digitGrams(w.text)
		if len(grams) == 0 {
			return nil, true
		}
		best := &ix.grams[grams[0]]
		for _, g := range grams[1:] {
			if ix.grams[g].len() < best.len() {
				best = &ix.grams[g]
			}
		}
		return []candList{{slots: best, exact: len(w.text) == 3}}, false
	case wordPinyin:
		lo := sort.Search(len(ix.pinyin), func(i int) bool { return ix.pinyin[i].key >= w.text })
		var fromPinyin []int32
		for i := lo; i < len(ix.pinyin) && strings.HasPrefix(ix.pinyin[i].key, w.text); i++ {
			fromPinyin = append(fromPinyin, ix.pinyin[i].slot)
		}
		// Letters may also be part of the text itself (a unit's designation, an address).
		return []candList{{list: fromPinyin, exact: true}, {slots: ix.rarest(w.text), exact: utf8.RuneCountInString(w.text) == 1}}, false
	}
	return []candList{{slots: ix.rarest(w.text), exact: utf8.RuneCountInString(w.text) == 1}}, false
}

// rarest returns the shortest list among the characters of s (nil if one never occurs).
func (ix *peopleIndex) rarest(s string) *postings {
	var best *postings
	first := true
	for _, r := range s {
		if r == utf8.RuneError {
			continue
		}
		p := ix.runes[r]
		if p.len() == 0 {
			return nil
		}
		if first || p.len() < best.len() {
			best, first = p, false
		}
	}
	return best
}

// search returns the total of matching people and the ids of the window.
func (ix *peopleIndex) search(q PeopleQuery, text textMatcher, catMask uint32) (total int, window []int64) {
	cadre, status, since := ix.codes.lookup(q.Cadre), ix.codes.lookup(q.Status), dateNum(q.NotVisitedSince)
	keep := func(e *personEntry, skipWord int) bool {
		return !(catMask != 0 && e.cats&catMask == 0 ||
			q.VillageID != 0 && e.villageID != q.VillageID ||
			q.Cadre != "" && e.cadre != cadre ||
			q.Status != "" && e.status != status ||
			q.NotVisitedSince != "" && e.lastVisit >= since ||
			q.HasOpenNeeds && !e.openNeeds ||
			q.Incomplete && !e.incomplete) && text.match(e, skipWord)
	}
	// The word with the fewest candidates drives; every candidate is then checked whole.
	var driver []candList
	driverWord, size := -1, -1
	for wi, w := range text.words {
		lists, all := ix.candidates(w)
		if all {
			continue
		}
		n := 0
		for _, l := range lists {
			n += l.len()
		}
		if size < 0 || n < size {
			driver, driverWord, size = lists, wi, n
		}
	}
	if size < 0 { // no word to look up: walk the roster in order
		for _, sl := range ix.order {
			if keep(ix.slots[sl], -1) {
				if total >= q.Offset && len(window) < q.Limit {
					window = append(window, ix.slots[sl].id)
				}
				total++
			}
		}
		return total, window
	}
	ranks := make([]uint64, (len(ix.order)+63)/64)
	for _, l := range driver {
		skip := -1
		if l.exact {
			skip = driverWord
		}
		l.each(func(sl int32) {
			e := ix.slots[sl]
			if e == nil {
				return
			}
			r := ix.rank[sl]
			if ranks[r>>6]&(1<<(r&63)) == 0 && keep(e, skip) {
				ranks[r>>6] |= 1 << (r & 63)
			}
		})
	}
	for wi, word := range ranks {
		n := bits.OnesCount64(word)
		if total+n <= q.Offset || len(window) >= q.Limit {
			total += n
			continue
		}
		for word != 0 {
			b := bits.TrailingZeros64(word)
			word &^= 1 << b
			if total >= q.Offset && len(window) < q.Limit {
				window = append(window, ix.slots[ix.order[wi*64+b]].id)
			}
			total++
		}
	}
	return total, window
}
