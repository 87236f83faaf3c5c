package store_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"shuangyong/store"
)

// openDutiesBench opens a copy of the file named by SHUANGYONG_BENCH_DB (e.g. a county
// file of 100 000 people and 1 000 000 records: the due list's rule reads every person),
// else of the demo file the other benchmarks use.
func openDutiesBench(b *testing.B) *store.Store {
	src := os.Getenv("SHUANGYONG_BENCH_DB")
	if src == "" {
		return openBench(b)
	}
	dst := filepath.Join(b.TempDir(), "copy.db")
	raw, err := os.ReadFile(src)
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(dst, raw, 0o644); err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	s, err := store.Open(context.Background(), dst, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("opened (and upgraded) in %.1f s", time.Since(start).Seconds())
	b.Cleanup(func() { s.Close() })
	return s
}

// dueTexts are keystrokes typed into the due list: a surname, then more of a name, initials,
// a village, phone digits.
var dueTexts = []string{"张", "王秀", "zs", "l", "村", "5678"}

// BenchmarkDueFirstScreen measures the due list's first screen after the ledger changed
// (the list is worked out again from the people_duties index): a record saved, then the
// first 40 rows. Reported per first screen.
func BenchmarkDueFirstScreen(b *testing.B) {
	s := openDutiesBench(b)
	ctx := context.Background()
	if err := s.WarmSearch(ctx); err != nil {
		b.Fatal(err)
	}
	page, err := s.DueList(ctx, store.DueQuery{Limit: 40})
	if err != nil || len(page.Rows) == 0 {
		b.Fatalf("due list: %v, %d rows", err, len(page.Rows))
	}
	b.Logf("due: %d people", page.Total)
	someone := page.Rows[0].ID
	var times []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		// A save in between: what makes the list be worked out again.
		mark := []string{"yes", ""}[i%2]
		if err := s.SetKeyMark(ctx, someone, mark); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		if _, err := s.DueList(ctx, store.DueQuery{Limit: 40}); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
	}
	b.StopTimer()
	reportPercentiles(b, times)
}

// BenchmarkDueKeystroke measures one more keystroke in the due list: the kept list
// filtered by the text and the first window read.
func BenchmarkDueKeystroke(b *testing.B) {
	s := openDutiesBench(b)
	ctx := context.Background()
	if err := s.WarmSearch(ctx); err != nil {
		b.Fatal(err)
	}
	if _, err := s.DueList(ctx, store.DueQuery{Limit: 40}); err != nil {
		b.Fatal(err)
	}
	var times []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		if _, err := s.DueList(ctx, store.DueQuery{Text: dueTexts[i%len(dueTexts)], Limit: 40}); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
	}
	b.StopTimer()
	reportPercentiles(b, times)
}

// BenchmarkPlaqueAndConfirmLists measures the first screens of the other two duty lists
// after a change (eligible households without a plaque, recipients not confirmed).
func BenchmarkPlaqueAndConfirmLists(b *testing.B) {
	s := openDutiesBench(b)
	ctx := context.Background()
	if err := s.WarmSearch(ctx); err != nil {
		b.Fatal(err)
	}
	page, err := s.DueList(ctx, store.DueQuery{Limit: 1})
	if err != nil || len(page.Rows) == 0 {
		b.Fatal(err)
	}
	someone := page.Rows[0].ID
	var plaques, confirms []time.Duration
	for i := 0; i < b.N; i++ {
		if err := s.SetKeyMark(ctx, someone, []string{"yes", ""}[i%2]); err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		pp, err := s.PlaqueList(ctx, store.PlaqueQuery{Limit: 40})
		if err != nil {
			b.Fatal(err)
		}
		plaques = append(plaques, time.Since(start))
		start = time.Now()
		cp, err := s.ConfirmationList(ctx, store.ConfirmQuery{Limit: 40})
		if err != nil {
			b.Fatal(err)
		}
		confirms = append(confirms, time.Since(start))
		if i == 0 {
			b.Logf("plaques to do: %d households; to confirm: %d", pp.Total, cp.Total)
		}
	}
	b.StopTimer()
	reportPercentiles(b, plaques)
	slices.Sort(confirms)
	b.ReportMetric(float64(confirms[len(confirms)/2].Microseconds())/1000, "confirm-median-ms")
}
