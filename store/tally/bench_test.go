package tally

import (
	"context"
	"testing"

	"shuangyong/model"
	"shuangyong/store/tally/tallytest"
)

// BenchmarkTally computes the whole tally of a full year of the county-sized demo file
// (100 000 people, 1 000 000 events and visits). Target: ≤ 300 ms (SPEC.md §7).
func BenchmarkTally(b *testing.B) {
	s := tallytest.OpenDemo(b)
	ctx := context.Background()
	var t model.Tally
	var err error
	for b.Loop() {
		if t, err = Compute(ctx, s, tallytest.BenchYear); err != nil {
			b.Fatal(err)
		}
	}
	if t.Headline.Visits == 0 || t.Headline.OnRoll == 0 {
		b.Fatalf("empty tally of the demo file: %+v", t.Headline)
	}
	b.ReportMetric(float64(t.Headline.Visits), "visits")
	b.ReportMetric(float64(t.Events.Total.Year.Events), "events")
}

// BenchmarkRecords opens the largest drill-down of the year: all its visits, first window.
func BenchmarkRecords(b *testing.B) {
	s := tallytest.OpenDemo(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := Records(ctx, s, model.YearPeriod(tallytest.BenchYear), Figure{Section: model.SecVisits, Measure: model.MVisits}, 0, 50); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTallyRange computes the tally of five years of the demo file (「近五年来」).
// Target: ≤ 1 s (SPEC.md §7).
func BenchmarkTallyRange(b *testing.B) {
	s := tallytest.OpenDemo(b)
	ctx := context.Background()
	p := model.Period{From: tallytest.BenchYear - 4, To: tallytest.BenchYear}
	var t model.Tally
	var err error
	for b.Loop() {
		if t, err = ComputePeriod(ctx, s, p); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(t.Headline.Visits), "visits")
}

// BenchmarkDutyRecords opens the duty tables' lists to work through — the 重点对象 not
// contacted in the quarter, the households without a plaque, the recipients not
// confirmed — first window each.
func BenchmarkDutyRecords(b *testing.B) {
	s := tallytest.OpenDemo(b)
	ctx := context.Background()
	for _, fig := range []Figure{
		{Section: model.SecContacts, Measure: model.MNotContacted},
		{Section: model.SecPlaques, Measure: model.MPending},
		{Section: model.SecConfirmations, Measure: model.MUnconfirmed},
	} {
		b.Run(string(fig.Section), func(b *testing.B) {
			var total int
			for b.Loop() {
				r, err := Records(ctx, s, model.YearPeriod(tallytest.BenchYear), fig, 0, 50)
				if err != nil {
					b.Fatal(err)
				}
				total = r.Total
			}
			b.ReportMetric(float64(total), "records")
		})
	}
}
