package store_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"testing"
	"time"

	"shuangyong/store"
	"shuangyong/store/demo/demofile"
	"shuangyong/store/sheet"
)

// County scale (SPEC.md §7): 100 000 people. The searches only need people, so the file
// has a modest number of events; the tally benchmarks use the full 1 000 000.
const benchPeople, benchEvents = 100000, 200000

// searchQueries are what a cadre types: a surname, a full name, initials, full pinyin, the
// last digits of a phone or ID, a village, a category, and text with a filter.
var searchQueries = []store.PeopleQuery{
	{Text: "张"},
	{Text: "王秀"},
	{Text: "zs"},
	{Text: "zhangj"},
	{Text: "l"},
	{Text: "5678"},
	{Text: "19650"},
	{Text: "残疾军人"},
	{Text: "村"},
	{Text: "囧"}, // no match: the whole index is walked
	{Text: "wang", NotVisitedSince: "2026-01-01"},
	{HasOpenNeeds: true},
}

// openBench opens a copy of the demo file: the store holds a file exclusively, and other
// benchmarks (other packages, other runs) may have the cached one open.
func openBench(b *testing.B) *store.Store {
	s, err := store.Open(context.Background(), copyDemo(b), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkSearchPeople measures one query as the 军属 list makes it on a keystroke: the
// match over the whole roster, the total count and the first window of 40 rows read from
// the file. Reported: median and p95 over the query mix, per query.
func BenchmarkSearchPeople(b *testing.B) {
	benchSearches(b, func(i int) store.PeopleQuery { return searchQueries[i%len(searchQueries)] })
}

// BenchmarkSearchShortDigits measures the queries of one and two digits, which no group
// of three digits serves (the start of an ID or phone number being typed).
func BenchmarkSearchShortDigits(b *testing.B) {
	benchSearches(b, func(i int) store.PeopleQuery {
		return store.PeopleQuery{Text: []string{"5", "56", "0", "19"}[i%4]}
	})
}

// benchSearches times query(i) with the index in, a window of 40 rows each, and reports
// the median and p95.
func benchSearches(b *testing.B, query func(i int) store.PeopleQuery) {
	s := openBench(b)
	ctx := context.Background()
	if err := s.WarmSearch(ctx); err != nil {
		b.Fatal(err)
	}
	var times []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := query(i)
		q.Limit = 40
		start := time.Now()
		if _, err := s.SearchPeople(ctx, q); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
	}
	b.StopTimer()
	reportPercentiles(b, times)
}

// BenchmarkCollectWithIndex measures a garbage collection with the search index in: at
// the TUI's browsing pace (GOGC 25) one runs every few dozen keystrokes, and what it marks
// is mostly the index. Reported: the time of a collection (ns/op) and the index's heap.
func BenchmarkCollectWithIndex(b *testing.B) {
	ctx := context.Background()
	s, err := store.Open(ctx, copyDemo(b), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close() // now: the benchmark runs again, and another index would be marked too
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	if err := s.WarmSearch(ctx); err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		runtime.GC()
	}
	b.StopTimer()
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/1e6, "heap-MB")
}

func reportPercentiles(b *testing.B, times []time.Duration) {
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(times[len(times)/2]), "median-ms")
	b.ReportMetric(ms(times[len(times)*95/100]), "p95-ms")
}

// BenchmarkOpenFirstPage measures opening the file and reading the first screen of the
// roster (what the program shows first), on a copy so each round opens cold-ish.
func BenchmarkOpenFirstPage(b *testing.B) {
	dst := copyDemo(b)
	ctx := context.Background()
	var times []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		s, err := store.Open(ctx, dst, store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.SearchPeople(ctx, store.PeopleQuery{Limit: 40}); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	b.StopTimer()
	reportPercentiles(b, times)
}

// BenchmarkOpenWhileWarming is opening as the TUI does it: the search index is built in
// the background (WarmSearch) as soon as the file is open, and the first screen must not
// wait for it; a search typed at once is answered meanwhile (from SQL). Reported: the
// first screen, the first search (zs) and the index's readiness, each from the open.
func BenchmarkOpenWhileWarming(b *testing.B) {
	dst := copyDemo(b)
	ctx := context.Background()
	var firsts, searches, readies []time.Duration
	for i := 0; i < b.N; i++ {
		start := time.Now()
		s, err := store.Open(ctx, dst, store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		warmed := make(chan struct{})
		go func() {
			if err := s.WarmSearch(ctx); err != nil {
				b.Error(err)
			}
			readies = append(readies, time.Since(start))
			close(warmed)
		}()
		if _, err := s.SearchPeople(ctx, store.PeopleQuery{Limit: 108}); err != nil {
			b.Fatal(err)
		}
		firsts = append(firsts, time.Since(start))
		if _, err := s.SearchPeople(ctx, store.PeopleQuery{Text: "zs", Limit: 108}); err != nil {
			b.Fatal(err)
		}
		searches = append(searches, time.Since(start))
		<-warmed
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	b.StopTimer()
	reportPercentiles(b, firsts)
	med := func(ds []time.Duration) float64 {
		sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
		return float64(ds[len(ds)/2].Microseconds()) / 1000
	}
	b.ReportMetric(med(searches), "search-ms")
	b.ReportMetric(med(readies), "ready-ms")
}

func copyDemo(b *testing.B) string {
	src := demofile.Path(b, benchPeople, benchEvents)
	dst := filepath.Join(b.TempDir(), "copy.db")
	raw, err := os.ReadFile(src)
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(dst, raw, 0o644); err != nil {
		b.Fatal(err)
	}
	return dst
}

// BenchmarkWarmSearch measures building the search index (done in the background after
// the first screen).
func BenchmarkWarmSearch(b *testing.B) {
	path := copyDemo(b)
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, err := store.Open(ctx, path, store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := s.WarmSearch(ctx); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

// BenchmarkSearchDuringHeavyWork measures searches typed while long reads run on the
// county file (100 000 people, 1 000 000 events and visits): the year's workbook, a
// backup and the quick check, one after the other, as the TUI may run them. Each op is
// one round of the three; the searches (the query mix, one every 20 ms) are timed while
// they run. Reported: the searches' median, p95 and max, and the heavy work's time.
func BenchmarkSearchDuringHeavyWork(b *testing.B) {
	src := demofile.Path(b, benchPeople, 1000000)
	dir := b.TempDir()
	path := filepath.Join(dir, "copy.db")
	if err := copyFile(src, path); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	s, err := store.Open(ctx, path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if err := s.WarmSearch(ctx); err != nil {
		b.Fatal(err)
	}
	var times []time.Duration
	var heavy time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		done := make(chan error, 1)
		start := time.Now()
		go func() {
			err := sheet.Export(ctx, s, sheet.Options{Year: 2026, Path: filepath.Join(dir, "year.xlsx")})
			if err == nil {
				_, err = s.Backup(ctx, filepath.Join(dir, "backups"))
			}
			if err == nil {
				err = s.QuickCheck(ctx)
			}
			done <- err
		}()
		for q := 0; ; q++ {
			select {
			case err := <-done:
				if err != nil {
					b.Fatal(err)
				}
				heavy += time.Since(start)
				goto next
			case <-time.After(20 * time.Millisecond):
			}
			sq := searchQueries[q%len(searchQueries)]
			sq.Limit = 108
			t := time.Now()
			if _, err := s.SearchPeople(ctx, sq); err != nil {
				b.Fatal(err)
			}
			times = append(times, time.Since(t))
		}
	next:
	}
	b.StopTimer()
	reportPercentiles(b, times)
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	b.ReportMetric(float64(times[len(times)-1].Microseconds())/1000, "max-ms")
	b.ReportMetric(heavy.Seconds()/float64(b.N), "heavy-s")
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
