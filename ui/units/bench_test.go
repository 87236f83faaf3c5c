package units

import (
	"context"
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

// BenchmarkUnitsKeystroke measures one more character typed in the 单位 list of the
// county-sized demo file (100 000 people, 1 000 000 events and visits; ~800 units): the
// key, the search (units and their events this year) and the rendered window at 120x40.
func BenchmarkUnitsKeystroke(b *testing.B) {
	ctx := context.Background()
	s, err := store.Open(ctx, demofile.Path(b, 100_000, 1_000_000), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	m := New(tab.Env{Ctx: ctx, Store: s, Lang: model.Zh, Now: func() time.Time { return demofile.Today }})
	m.SetSize(120, 36)
	settle := func(cmd tea.Cmd) {
		uitest.Settle(b, cmd, func(msg tea.Msg) tea.Cmd {
			if _, ok := msg.(tab.Msg); ok {
				return m.Update(msg)
			}
			return nil
		})
	}
	settle(m.Init())
	steps := []struct{ before, key string }{{"驻地", "某"}, {"武", "警"}, {"z", "d"}, {"青山", "镇"}, {"", "消"}, {"x", "f"}}
	var lat []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		st := steps[i%len(steps)]
		b.StopTimer()
		m.list.search.Input.SetValue(st.before)
		settle(m.list.query())
		m.View()
		b.StartTimer()
		t0 := time.Now()
		settle(m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(st.key)}))
		if len(m.View()) == 0 || !m.list.wl.Current() {
			b.Fatal("no rendered window")
		}
		lat = append(lat, time.Since(t0))
	}
	b.StopTimer()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "ms-median")
	b.ReportMetric(float64(lat[min(len(lat)-1, len(lat)*95/100)].Microseconds())/1000, "ms-p95")
}
