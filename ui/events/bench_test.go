package events

import (
	"context"
	"database/sql"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/store/demo/demofile"
	"shuangyong/ui/internal/uitest"
	"shuangyong/ui/tab"
)

// benchTitle names the event the benchmarks add to the county file: 1 000 visits.
const benchTitle = "基准测试：1000人次集中走访"

// benchFile is a copy of the county-scale demo file of store/demo/demofile (100 000 people,
// 1 000 000 events and visits: SPEC.md §7's size, made once per machine as the store's
// benchmarks make it) with one more event of 1 000 visits, kept beside it under the
// system's temporary folder. The demo file is never written to.
func benchFile(b *testing.B) string {
	src := demofile.Path(b, 100_000, 1_000_000)
	// The demo file's name says its sizes, schema and data version: a new one gets a new copy.
	dst := filepath.Join(filepath.Dir(src), "events-"+filepath.Base(src))
	if _, err := os.Stat(dst); err == nil {
		return dst
	}
	tmp := dst + ".making"
	if err := copyFile(src, tmp); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	s, err := store.Open(ctx, tmp, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	ev := model.Event{Date: "2026-10-20", Type: model.EventVisit, Occasion: "double_ninth", Title: benchTitle}
	if err := s.CreateEvent(ctx, &ev); err != nil {
		b.Fatal(err)
	}
	err = s.BulkLoad(ctx, "benchmark", func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO visits(event_id, person_id, date, mode, money_fen, goods, goods_value_fen, need,
			categories, village_id, household_key, created_at, updated_at)
			SELECT ?, id, ?, 'home', 50000, '重阳糕', 3000, CASE WHEN id % 10 = 0 THEN '需要轮椅' ELSE '' END,
			categories, village_id, coalesce(household_id, -id), ?, ? FROM people WHERE deleted_at = '' ORDER BY id LIMIT 1000`,
			ev.ID, ev.Date, "2026-10-20T10:00:00", "2026-10-20T10:00:00")
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(tmp, dst); err != nil {
		b.Fatal(err)
	}
	return dst
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// benchTab opens the county file and a 活动 tab on it in a 120x40 window's content area,
// settled with the year's index built; settle runs a command and whatever follows from it.
func benchTab(b *testing.B) (*Tab, func(tea.Cmd)) {
	ctx := context.Background()
	s, err := store.Open(ctx, benchFile(b), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	t := newTab(tab.Env{Ctx: ctx, Store: s, Lang: model.Zh, Now: func() time.Time { return demofile.Today }})
	t.SetSize(120, 36)
	settle := uitest.TabSettler(b, t)
	settle(t.Update(tab.SizeMsg{Width: 120, Height: 36}))
	start := time.Now()
	settle(t.Init())
	if t.index.Load() == nil {
		b.Fatal("no index")
	}
	b.Logf("first page and the %d-event index in %.0f ms", t.index.Load().Len(), uitest.Ms(time.Since(start)))
	return t, settle
}

// BenchmarkEventsKeystroke measures one more keystroke in the 活动 list at county scale
// (about 40 000 events in 2026): the key reaches the tab, the year's index matches the
// text and sums the totals, the window's rows are read, the page comes back and the list
// is drawn at 120x40. It reports the median and the 95th percentile.
func BenchmarkEventsKeystroke(b *testing.B) {
	t, settle := benchTab(b)
	steps := []struct{ before, key string }{
		{"", "联"}, {"联", "欢"}, {"走", "访"}, {"", "武"}, {"武", "警"}, {"座谈", "会"},
		{"", "镇"}, {"春节", "走"}, {"八", "一"}, {"", "z"}, {"双拥", "月"}, {"青山", "镇"},
	}
	var lat []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		st := steps[i%len(steps)]
		b.StopTimer()
		t.list.search.Input.SetValue(st.before)
		settle(t.list.query())
		t.View()
		b.StartTimer()

		t0 := time.Now()
		settle(t.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(st.key)}))
		view := t.View()
		lat = append(lat, time.Since(t0))
		if len(view) == 0 || !t.list.wl.Current() || !t.list.totalsKnown {
			b.Fatal("no current window with its totals")
		}
	}
	b.StopTimer()
	uitest.ReportLatencies(b, lat)
}

// BenchmarkOpenEvent1000Visits measures Enter on an event with 1 000 visits: the event,
// its visits' figures, the first window of its visits, and the detail drawn at 120x40.
func BenchmarkOpenEvent1000Visits(b *testing.B) {
	benchOpen(b, benchTitle)
}

// BenchmarkOpenCampaign70000 is the same for the county file's biggest campaign.
func BenchmarkOpenCampaign70000(b *testing.B) {
	benchOpen(b, "2026年春节走访慰问")
}

func benchOpen(b *testing.B, title string) {
	t, settle := benchTab(b)
	page, err := t.env.Store.ListEvents(context.Background(), store.EventQuery{Year: 2026, Text: title, Limit: 1})
	if err != nil || page.Total == 0 {
		b.Fatalf("no event %q: %v", title, err)
	}
	id := page.Rows[0].ID
	var lat []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		settle(t.openDetail(id, tab.Events))
		view := t.View()
		lat = append(lat, time.Since(t0))
		d, ok := t.stack.Top().(*detailScreen)
		if !ok || !d.loaded || d.visits == nil || !d.visits.Loaded() || len(view) == 0 {
			b.Fatal("the detail is not shown with its visits")
		}
		b.StopTimer()
		t.stack.PopTo(t.list)
		b.StartTimer()
	}
	b.StopTimer()
	uitest.ReportLatencies(b, lat)
}
