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
		e := &personEntry{id: id, villageID: int64(v + 1), villageSort: int64(v), cats: 1 << uint(rng.IntN(4)),
			status: ix.codes.code([]string{"active", "dead"}[rng.IntN(2)])}
		newEntryText(e, name+"\x1f"+villages[v]+"\x1f", fmt.Sprintf(" z%c zhang%c", 'a'+rng.IntN(5), 'a'+rng.IntN(5)),
			fmt.Sprintf("%018d %011d", rng.Int64N(1e17), rng.Int64N(1e10)), fmt.Sprintf("%03d", rng.IntN(200)))
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
		{Text: "王 青山"}, {Status: "dead"}, {Text: "单", Categories: []string{"martyr_family"}}, {Text: "囧"}}
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
				var want []int64
				wantTotal := 0
				for _, e := range all {
					if (mask == 0 || e.cats&mask != 0) && (q.Status == "" || ix.codes.value(e.status) == q.Status) && text.match(e, -1) {
						if wantTotal >= q.Offset && len(want) < q.Limit {
							want = append(want, e.id)
						}
						wantTotal++
					}
				}
				total, got := ix.search(q, text, mask)
				if total != wantTotal || fmt.Sprint(got) != fmt.Sprint(want) {
					t.Fatalf("round %d, query %+v: got %d %v, want %d %v", round, q, total, got, wantTotal, want)
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
		ix.apply(touched, fresh)
		if round%250 == 0 {
			check(round)
		}
	}
}
