package store_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/store/demo/demofile"
)

// openCopy opens a private copy of a demo file (the benchmarks write to it).
func openCopy(b *testing.B, people, events int) *store.Store {
	b.Helper()
	src, err := os.Open(demofile.Path(b, people, events))
	if err != nil {
		b.Fatal(err)
	}
	defer src.Close()
	path := filepath.Join(b.TempDir(), "copy.db")
	dst, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		b.Fatal(err)
	}
	dst.Close()
	s, err := store.Open(context.Background(), path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkCampaignRoster builds a campaign whose roster is the 退役士兵, 残疾军人 and 三属 on
// the roll of the 100 000-person demo file (~21 000 people): one transaction.
func BenchmarkCampaignRoster(b *testing.B) {
	s := openCopy(b, 100_000, 200_000)
	ctx := context.Background()
	f := store.RosterFilter{Categories: []string{model.CatVeteran, model.CatDisabledSoldier, model.CatMartyrFamily,
		model.CatDutyDeathFamily, model.CatIllDeathFamily}}
	n, err := s.RosterCount(ctx, f)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("%d people on the roster", n)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ev := model.Event{Date: "2026-01-20", Title: "2026年春节走访慰问", StandardMoneyFen: 50000}
		if _, err := s.CreateCampaign(ctx, &ev, &f); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCampaignTick ticks people off a ~21 000-person roster one by one, each followed
// by the read of the roster's first screen of people still to visit and the counts (what
// the roster screen redraws).
func BenchmarkCampaignTick(b *testing.B) {
	s := openCopy(b, 100_000, 200_000)
	ctx := context.Background()
	f := store.RosterFilter{Categories: []string{model.CatVeteran, model.CatDisabledSoldier, model.CatMartyrFamily,
		model.CatDutyDeathFamily, model.CatIllDeathFamily}}
	ev := model.Event{Date: "2026-01-20", Title: "2026年春节走访慰问", StandardMoneyFen: 50000}
	if _, err := s.CreateCampaign(ctx, &ev, &f); err != nil {
		b.Fatal(err)
	}
	var lat []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		page, err := s.RosterPage(ctx, ev.ID, store.RosterQuery{State: store.RosterToVisit, Limit: 40})
		if err != nil || len(page.Rows) == 0 {
			b.Fatal(err)
		}
		t0 := time.Now()
		if _, err := s.Tick(ctx, ev.ID, page.Rows[0].PersonID, "2026-01-25"); err != nil {
			b.Fatal(err)
		}
		if _, err := s.RosterPage(ctx, ev.ID, store.RosterQuery{State: store.RosterToVisit, Limit: 40}); err != nil {
			b.Fatal(err)
		}
		if _, err := s.Campaign(ctx, ev.ID); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t0))
	}
	b.StopTimer()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "ms-median")
	b.ReportMetric(float64(lat[min(len(lat)-1, len(lat)*95/100)].Microseconds())/1000, "ms-p95")
}
