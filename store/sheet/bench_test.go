package sheet

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"shuangyong/store/tally/tallytest"
)

// BenchmarkExportXLSX writes the workbook (内部版) of a full year of the county-sized demo
// file (100 000 people, 1 000 000 events and visits): ten tally sheets and the detail
// sheets of the year's visits, events and people not visited. Target: ≤ 5 s (SPEC.md §7).
func BenchmarkExportXLSX(b *testing.B) {
	s := tallytest.OpenDemo(b)
	path := filepath.Join(b.TempDir(), "统计.xlsx")
	ctx := context.Background()
	for b.Loop() {
		if err := Export(ctx, s, Options{Year: tallytest.BenchYear, Path: path}); err != nil {
			b.Fatal(err)
		}
	}
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(fi.Size())/(1<<20), "MiB")
}

// BenchmarkExportCSV writes the largest CSV: the year's visits, one row each.
func BenchmarkExportCSV(b *testing.B) {
	s := tallytest.OpenDemo(b)
	path := filepath.Join(b.TempDir(), "走访明细.csv")
	ctx := context.Background()
	for b.Loop() {
		if err := Export(ctx, s, Options{Year: tallytest.BenchYear, Path: path, Table: "visit_detail", Public: true}); err != nil {
			b.Fatal(err)
		}
	}
}
