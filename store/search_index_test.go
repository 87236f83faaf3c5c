package store

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"testing"
)

// TestIndexAgainstBruteForce replays many random saves on the index (through the dead-slot
// path and the compaction it triggers) and compares every query with a plain scan over the
// same entries.
func TestIndexAgainstBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	surnames := []string{"张", "王", "李", "单", "曾"}
	villages := []string{"李家村", "王庄村", "青山社区"}
	ix := newPeopleIndex()
	mk := func(id int64) *personEntry {
		v := rng.IntN(len(villages))
		name := surnames[rng.IntN(len(surnames))] + string(rune('一'+rng.IntN(30)))
		e := &personEntry{id: id, villageID: int64(v + 1), villageSort: int32(v), cats: 1 << uint(rng.IntN(4)),
			status: ix.codes.code([]string{"active", "dead"}[rng.IntN(2)])}
		// The fields of hayFields: name, serviceman, martyr, service unit, category_other,
		// unit, village, categories | address, cadre.
		strong := name + "\x1f" + []string{"", "王强"}[rng.IntN(2)] + "\x1f\x1f\x1f\x1f\x1f" + villages[v] + "\x1f\x1f"
		weak := []string{"", "1单元", "张家湾"}[rng.IntN(3)] + "\x1f" + []string{"", "张梦瑶", "李红"}[rng.IntN(3)] + "\x1f"
		newEntryText(e, strong+weak, fmt.Sprintf(" z%c zhang%c", 'a'+rng.IntN(5), 'a'+rng.IntN(5)),
			fmt.Sprintf("%018d %011d", rng.Int64N(1e17), rng.Int64N(1e10)), fmt.Sprintf("%03d", rng.IntN(200)))
		e.nameEnd, e.weakStart = uint16(len(name)), uint16(len(strong))
		return e
	}
	live := map[int64]*personEntry{}
	var entries []*personEntry
	for id := int64(1); id <= 300; id++ {
		e := mk(id)
		live[id] = e
		entries = append(entries, e)
	}
	ix.build(entries)
	queries := []PeopleQuery{{}, {Text: "张"}, {Text: "李家"}, {Text: "za"}, {Text: "zhangb"}, {Text: "123"}, {Text: "45"},
		{Text: "王 青山"}, {Status: "dead"}, {Text: "单", Categories: []string{"martyr_family"}}, {Text: "囧"},
		{Text: "单元"}, {Text: "张梦"}, {Text: "王"}, {Text: "李"}, {Text: "张 李红"}, {Text: "5"}, {Text: "07"},
		{Text: "3 张"}}
	check := func(round int) {
		var all []*personEntry
		for _, e := range live {
			all = append(all, e)
		}
		sort.Slice(all, func(i, j int) bool { return entryLess(all[i], all[j]) })
		for _, q := range queries {
			for _, win := range [][2]int{{0, 10}, {7, 5}, {0, 1000}} {
				q.Offset, q.Limit = win[0], win[1]
				text := compileText(q.Text)
				var mask uint32
				if len(q.Categories) > 0 {
					mask = 1 << 2 // martyr_family is the third category
				}
				// Brute force: every entry matched and ranked, in tier then roster order,
				// the weak ones only when there is nothing else.
				var byTier [tiers][]*personEntry
				for _, e := range all {
					if (mask == 0 || e.cats&mask != 0) && (q.Status == "" || ix.codes.value(e.status) == q.Status) {
						if tr, _, ok := text.rank(e); ok {
							byTier[tr] = append(byTier[tr], e)
						}
					}
				}
				var matched []*personEntry
				for tr := tierExact; tr < tierWeak; tr++ {
					matched = append(matched, byTier[tr]...)
				}
				if len(matched) == 0 {
					matched = byTier[tierWeak]
				}
				var want []int64
				for i := q.Offset; i < len(matched) && len(want) < q.Limit; i++ {
					want = append(want, matched[i].id)
				}
				f := ix.search(q, text, mask)
				if f.total != len(matched) || fmt.Sprint(f.ids) != fmt.Sprint(want) {
					t.Fatalf("round %d, query %+v: got %d %v, want %d %v", round, q, f.total, f.ids, len(matched), want)
				}
			}
		}
	}
	check(0)
	for round := 1; round <= 3000; round++ {
		id := int64(rng.IntN(400) + 1) // some ids are new, some are updates
		touched := map[int64]bool{id: true}
		var fresh []*personEntry
		if rng.IntN(5) == 0 {
			delete(live, id) // trashed
		} else {
			e := mk(id)
			live[id] = e
			fresh = append(fresh, e)
		}
		ix.apply(touched, fresh, true)
		if round%250 == 0 {
			check(round)
		}
	}
}
