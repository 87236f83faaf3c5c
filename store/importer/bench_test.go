package importer

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"shuangyong/model"
	"shuangyong/store"
)

// The 100 000-row roster of SPEC.md §7 (import: dry run and import each ≤ 15 s), made
// once per benchmark run with excelize's streaming writer: a title row, a header, and
// people spread over 40 villages, two to a household.
var (
	benchMu      sync.Mutex
	benchRosters = map[int]string{}
)

const benchRows = 100_000

func roster100k(b *testing.B) string { return rosterOf(b, benchRows) }

// rosterOf is the benchmark's roster cut to its first n rows.
func rosterOf(b *testing.B, n int) string {
	benchMu.Lock()
	defer benchMu.Unlock()
	if path := benchRosters[n]; path != "" {
		return path
	}
	dir, err := os.MkdirTemp("", "import-bench")
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(dir, "全县花名册.xlsx")
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	sw.SetRow("A1", []any{"某县优抚对象花名册"})
	sw.SetRow("A2", []any{"序号", "村（社区）", "姓名", "性别", "出生日期", "公民身份号码", "联系电话", "优抚类别", "伤残等级", "户号", "家庭住址", "备注"})
	surnames := []rune("张王李赵刘陈杨黄周吴徐孙胡朱高林何郭马罗")
	given := []rune("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华")
	cats := []string{"参战", "烈属", "伤残军人", "农村老兵", "现役军属", "两参人员", "在乡复员军人", "退役士兵"}
	for i := 0; i < n; i++ {
		y, m, d := 1930+i%60, 1+i%12, 1+i%28
		birth := fmt.Sprintf("%04d%02d%02d", y, m, d)
		seq := (i / 7) % 1000
		sex := "女"
		if seq%2 == 1 {
			sex = "男"
		}
		name := string(surnames[i%len(surnames)]) + string(given[(i/20)%len(given)]) + string(given[(i/500)%len(given)])
		cat := cats[i%len(cats)]
		grade := ""
		if cat == "伤残军人" {
			grade = "六级"
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+3)
		if err := sw.SetRow(cell, []any{i + 1, fmt.Sprintf("第%d村", (i/2)%40+1), name, sex,
			fmt.Sprintf("%04d-%02d-%02d", y, m, d), benchID(i, birth, seq),
			fmt.Sprintf("13%09d", i), cat, grade, i / 2, fmt.Sprintf("%d组%d号", i%9+1, i/2), ""}); err != nil {
			b.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		b.Fatal(err)
	}
	f.Close()
	benchRosters[n] = path
	return path
}

// peakHeap samples the heap while fn runs.
func peakHeap(fn func(progress func(Progress))) uint64 {
	var peak uint64
	var ms runtime.MemStats
	sample := func(Progress) {
		runtime.ReadMemStats(&ms)
		peak = max(peak, ms.HeapInuse)
	}
	fn(func(p Progress) {
		if p.Rows%8192 < 1024 { // every eighth report is enough
			sample(p)
		}
	})
	return peak
}

func benchStore(b *testing.B) *store.Store {
	st, err := store.Open(context.Background(), filepath.Join(b.TempDir(), "台账.db"), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return st
}

func BenchmarkDryRun100k(b *testing.B) {
	path := roster100k(b)
	st := benchStore(b)
	defer st.Close()
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		src, err := Open(ctx, st, path, "")
		if err != nil {
			b.Fatal(err)
		}
		var rep *Report
		start, cpu := time.Now(), cpuSeconds()
		peak := peakHeap(func(progress func(Progress)) {
			rep, err = DryRun(ctx, st, src, src.Mapping, Options{}, progress)
		})
		b.ReportMetric(time.Since(start).Seconds(), "wall-s") // ns/op adds Open
		b.ReportMetric(cpuSeconds()-cpu, "cpu-s")
		if err != nil || rep.Added != benchRows {
			b.Fatalf("dry run: %v, %d to add, %d rejected %v", err, rep.Added, rep.Rejected, rep.Problems()[:min(3, len(rep.Problems()))])
		}
		b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	}
}

func BenchmarkImport100k(b *testing.B) {
	path := roster100k(b)
	ctx := context.Background()
	b.ResetTimer() // not the roster's making
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st := benchStore(b)
		b.StartTimer()
		src, err := Open(ctx, st, path, "")
		if err != nil {
			b.Fatal(err)
		}
		var rep *Report
		start, cpu := time.Now(), cpuSeconds()
		peak := peakHeap(func(progress func(Progress)) {
			rep, err = Import(ctx, st, src, src.Mapping, Options{}, progress)
		})
		b.ReportMetric(time.Since(start).Seconds(), "wall-s") // ns/op adds Open
		b.ReportMetric(cpuSeconds()-cpu, "cpu-s")
		if err != nil || rep.Added != benchRows || rep.Households != benchRows/2 {
			b.Fatalf("import: %v, added %d, households %d", err, rep.Added, rep.Households)
		}
		b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
		b.StopTimer()
		start, cpu = time.Now(), cpuSeconds()
		if _, err := st.Undo(ctx); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(time.Since(start).Seconds(), "undo-s")
		b.ReportMetric(cpuSeconds()-cpu, "undo-cpu-s")
		st.Close()
		b.StartTimer()
	}
}

// benchID is a valid ID number unique to row i: (birth, sequence) repeat every 21 000
// rows, so the address code changes with each block.
func benchID(i int, birth string, seq int) string {
	first := fmt.Sprintf("3201%02d%s%03d", i/21000, birth, seq)
	return first + string(model.IDCheckDigit(first))
}

// BenchmarkImportIntoLedger imports the roster's first IMPORT_BENCH_ROWS rows (100 000 by
// default) into a copy of the ledger IMPORT_BENCH_LEDGER — the 100 000-person demo county
// with its 800 000 visits, say — and undoes the import: the import and the undo at the
// scale of a county's file, where every table the undo's deletions are checked against is
// big, after a dry run. Skipped without IMPORT_BENCH_LEDGER.
func BenchmarkImportIntoLedger(b *testing.B) {
	ledger := os.Getenv("IMPORT_BENCH_LEDGER")
	if ledger == "" {
		b.Skip("IMPORT_BENCH_LEDGER names no ledger to import into")
	}
	rows := benchRows
	if n, err := strconv.Atoi(os.Getenv("IMPORT_BENCH_ROWS")); err == nil && n > 0 {
		rows = n
	}
	path := rosterOf(b, rows)
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		copyPath := filepath.Join(b.TempDir(), "县台账.db")
		data, err := os.ReadFile(ledger)
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(copyPath, data, 0o600); err != nil {
			b.Fatal(err)
		}
		data = nil
		st, err := store.Open(ctx, copyPath, store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		src, err := Open(ctx, st, path, "")
		if err != nil {
			b.Fatal(err)
		}
		// The dry run first, as the TUI makes it: the import then knows how many rows
		// are coming (a workbook from Excel or WPS states it too; excelize's stream
		// writer does not).
		start, cpu := time.Now(), cpuSeconds()
		if _, err := DryRun(ctx, st, src, src.Mapping, Options{}, nil); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(time.Since(start).Seconds(), "dry-s")
		start, cpu = time.Now(), cpuSeconds()
		rep, err := Import(ctx, st, src, src.Mapping, Options{RejectedFile: "-"}, nil)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(time.Since(start).Seconds(), "import-s")
		b.ReportMetric(cpuSeconds()-cpu, "cpu-s")
		b.ReportMetric(float64(rep.Added), "added")
		b.StopTimer()
		start, cpu = time.Now(), cpuSeconds()
		if _, err := st.Undo(ctx); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(time.Since(start).Seconds(), "undo-s")
		b.ReportMetric(cpuSeconds()-cpu, "undo-cpu-s")
		st.Close()
		b.StartTimer()
	}
}
