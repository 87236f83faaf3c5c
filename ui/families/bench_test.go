package families

import (
	"context"
	"fmt"
	"sort"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/store/demo/demofile"
	"shuangyong/ui/internal/uitest"
	"shuangyong/ui/tab"
)

// BenchmarkFilterKeystroke measures one more keystroke in the 军属 list at county scale
// (100 000 people): the key reaches the tab, which searches at once (no pause: one query
// in flight, the newest text next), the page comes back and the window is rendered at
// 120x40. It reports the median and 95th percentile.
func BenchmarkFilterKeystroke(b *testing.B) {
	m, settle := benchTab(b)

	// Each step types one more character after a prefix already on screen.
	steps := []struct{ before, key string }{
		{"张", "三"}, {"z", "s"}, {"zh", "a"}, {"王", "建"}, {"李家", "村"}, {"138", "0"},
		{"4305", "2"}, {"烈", "士"}, {"chen", "g"}, {"l", "j"}, {"退役", "士"}, {"", "刘"},
	}
	var lat []time.Duration
	perStep := make([][]time.Duration, len(steps))
	var storeTime time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		st := steps[i%len(steps)]
		b.StopTimer()
		m.list.search.Input.SetValue(st.before)
		settle(m.list.query())
		m.View()
		b.StartTimer()

		t0 := time.Now()
		search := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(st.key)}) // the search starts
		t1 := time.Now()
		msg := search() // the store: SearchPeople, off the event loop in the program
		t2 := time.Now()
		settle(m.Update(msg))
		view := m.View()
		d := time.Since(t0)
		lat = append(lat, d)
		perStep[i%len(steps)] = append(perStep[i%len(steps)], d)
		storeTime += t2.Sub(t1)

		if len(view) == 0 || !m.list.wl.Current() {
			b.Fatal("no rendered window")
		}
	}
	b.StopTimer()
	uitest.ReportLatencies(b, lat)
	b.ReportMetric(uitest.Ms(lat[len(lat)-1]), "ms-max")
	var sum time.Duration
	for _, d := range lat {
		sum += d
	}
	b.ReportMetric(uitest.Ms(storeTime/time.Duration(len(lat))), "ms-store-mean")
	b.ReportMetric(uitest.Ms((sum-storeTime)/time.Duration(len(lat))), "ms-ui-mean")
	var report string
	for i, st := range steps {
		ds := perStep[i]
		if len(ds) == 0 {
			continue
		}
		sort.Slice(ds, func(a, c int) bool { return ds[a] < ds[c] })
		report += fmt.Sprintf(" %s+%s %.1f/%.1f;", st.before, st.key, uitest.Ms(ds[len(ds)/2]), uitest.Ms(ds[len(ds)-1]))
	}
	b.Logf("per keystroke, median/max ms:%s", report)
}

// BenchmarkScrollPage measures PgDn through the 100 000-person list: the key, the fetch of
// the next window when the visible rows leave the fetched one, and the render.
func BenchmarkScrollPage(b *testing.B) {
	m, settle := benchTab(b)
	var lat []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		settle(m.Update(tea.KeyMsg{Type: tea.KeyPgDown}))
		m.View()
		lat = append(lat, time.Since(t0))
		if m.list.table.Cursor() >= m.list.table.Total()-1 {
			m.list.table.SetCursor(0)
			settle(m.list.wl.FetchIfMissing())
		}
	}
	b.StopTimer()
	uitest.ReportLatencies(b, lat)
}

// benchTab opens the county-sized demo file (its search index built) and a 军属 tab on it
// in the content area of a 120x40 window, settled; settle runs a command and whatever
// follows from it, delivering the tab's messages as the program would.
func benchTab(b *testing.B) (*Model, func(tea.Cmd)) {
	ctx := context.Background()
	s, err := store.Open(ctx, demofile.Path(b, 100_000, 20_000), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	if err := s.WarmSearch(ctx); err != nil {
		b.Fatal(err)
	}
	m := New(tab.Env{Ctx: ctx, Store: s, Lang: model.Zh, Now: func() time.Time { return demofile.Today }})
	vs, _ := s.Villages(ctx)
	m.Update(tab.SettingsMsg{Villages: vs})
	m.SetSize(120, 36)
	settle := uitest.TabSettler(b, m)
	settle(m.Init())
	return m, settle
}
