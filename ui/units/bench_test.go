package units

import (
	"context"
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
	settle := uitest.TabSettler(b, m)
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
	uitest.ReportLatencies(b, lat)
}
