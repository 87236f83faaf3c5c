package stats

import (
	"context"
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"

	"shuangyong/model"
	"shuangyong/store/tally"
	"shuangyong/store/tally/tallytest"
	"shuangyong/ui/memlimit"
	"shuangyong/ui/tab"
)

// BenchmarkYearSwitch is what the tab does when the year changes on the county-sized demo
// file: compute the tally, then lay it out (the document the screen scrolls through); the
// two are reported apart. SPEC.md §7 asks ≤ 300 ms for the whole.
//
// "browsing" lays out as the program did before the layout moved into the tally's command:
// on the program's loop, under the browsing heap limit (ui/memlimit), with a live heap the
// size of the search index (36 MB) for the collector to mark — where a year switch's
// 0.5–1.0 s went. "lifted" is the layout as it now runs, in the command under the lifted
// limit.
func BenchmarkYearSwitch(b *testing.B) {
	s := tallytest.OpenDemo(b)
	ctx := context.Background()
	m := New(tab.Env{Ctx: ctx, Store: s, Lang: model.Zh, Now: func() time.Time { return time.Date(2026, 11, 29, 12, 0, 0, 0, time.Local) }})
	m.SetSize(120, 36)
	for _, mode := range []string{"lifted", "browsing"} {
		b.Run(mode, func(b *testing.B) {
			var ballast [][]*[6]int64
			if mode == "browsing" {
				// About the search index's heap: many small objects with pointers.
				for i := 0; i < 36<<20/(48+8)/4096; i++ {
					chunk := make([]*[6]int64, 4096)
					for j := range chunk {
						chunk[j] = new([6]int64)
					}
					ballast = append(ballast, chunk)
				}
			}
			var compute, layout time.Duration
			n := 0
			for b.Loop() {
				start := time.Now()
				t, err := tally.Compute(ctx, s, tallytest.BenchYear-n%2)
				if err != nil {
					b.Fatal(err)
				}
				mid := time.Now()
				if mode == "browsing" {
					debug.SetMemoryLimit(memlimit.Browsing)
				}
				m.layout(t, 120)
				debug.SetMemoryLimit(math.MaxInt64)
				compute += mid.Sub(start)
				layout += time.Since(mid)
				n++
			}
			runtime.KeepAlive(ballast)
			b.ReportMetric(float64(compute.Milliseconds())/float64(n), "ms-tally")
			b.ReportMetric(float64(layout.Milliseconds())/float64(n), "ms-layout")
		})
	}
}
