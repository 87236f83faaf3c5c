// Package sheet writes the yearly tally to files: the workbook (.xlsx) the county asks
// for, a CSV of one of its tables, and the figures paragraph of the 年度工作总结 as text.
//
// A file is written under a temporary name in the target folder and renamed over the target
// only when it is complete, so a failed or cancelled export never leaves half a file and
// never destroys the file that was there.
package sheet

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/store/tally"
)

// Formats.
const (
	FormatXLSX = "xlsx"
	FormatCSV  = "csv"
	FormatText = "text"
)

// DefaultTable is the table a CSV holds when Options.Table is empty: visits by category.
const DefaultTable = "visits"

// Options say what to export.
type Options struct {
	Year int
	// ToYear is the last year of a range (「近五年来」: Year 2019, ToYear 2023); 0 for one year.
	ToYear int
	// Format is FormatXLSX, FormatCSV or FormatText; "" chooses by Path's extension
	// (.csv, .txt; anything else is a workbook).
	Format string
	// Public writes the 公示版: ID numbers (first 6 + last 4) and phones (first 3 + last 4)
	// masked, addresses cut to the village, disability, health and what visits saw and
	// heard left out. Otherwise the 内部版: complete, marked 内部资料 注意保密.
	Public bool
	// Table is the table a CSV holds (a key of Tables()); "" = DefaultTable.
	Table string
	// Path is the file to write; "-" writes a text or CSV export to Out instead.
	Path string
	// Out receives the export when Path is "-" (the command line's standard output).
	Out io.Writer
	// Progress, when set, is called with the work done so far and the whole (tables plus
	// detail rows), one call at a time (the detail sheets may be filled on two goroutines).
	Progress func(done, total int)
}

// TableInfo names a table that can be exported as CSV.
type TableInfo struct {
	Key   string // for Options.Table and --table
	Sheet string // the sheet's name in the workbook
	Title string
}

// Tables lists the tables of the workbook in order; each can be written as a CSV.
func Tables() []TableInfo {
	out := make([]TableInfo, len(tableNames))
	for i, n := range tableNames {
		out[i] = TableInfo{Key: n.key, Sheet: n.sheet, Title: n.title}
	}
	return out
}

// ErrOptions is wrapped by the errors about unusable Options.
var ErrOptions = errors.New("export options")

// ErrPublicNotVisited is the error of asking for the list of people not visited in the
// 公示版, which leaves it out (a work list, not something to post: SPEC §5). It wraps
// ErrOptions.
var ErrPublicNotVisited = fmt.Errorf("%w: the public version has no list of people not visited", ErrOptions)

// FormatOf returns the format Options.Format "" means for a path.
func FormatOf(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		return FormatCSV
	case ".txt", ".text":
		return FormatText
	}
	return FormatXLSX
}

// Period is the period the options export.
func (o Options) Period() model.Period {
	if o.ToYear == 0 {
		return model.YearPeriod(o.Year)
	}
	return model.Period{From: o.Year, To: o.ToYear}
}

// Export writes the tally of opt.Period() to opt.Path.
func Export(ctx context.Context, s *store.Store, opt Options) error {
	if opt.Format == "" {
		opt.Format = FormatOf(opt.Path)
		if opt.Path == "-" {
			opt.Format = FormatText
		}
	}
	if opt.Table == "" {
		opt.Table = DefaultTable
	}
	switch {
	case opt.Path == "":
		return fmt.Errorf("%w: no file given", ErrOptions)
	case !opt.Period().Valid():
		return fmt.Errorf("%w: year %s", ErrOptions, opt.Period().En())
	case opt.Format != FormatXLSX && opt.Format != FormatCSV && opt.Format != FormatText:
		return fmt.Errorf("%w: format %q (xlsx, csv or text)", ErrOptions, opt.Format)
	case opt.Path == "-" && (opt.Out == nil || opt.Format == FormatXLSX):
		return fmt.Errorf("%w: only text and CSV go to standard output", ErrOptions)
	}
	if opt.Format == FormatCSV && opt.Public && opt.Table == "not_visited" {
		return ErrPublicNotVisited
	}
	if opt.Format == FormatCSV {
		known := false
		for _, n := range tableNames {
			known = known || n.key == opt.Table
		}
		if !known {
			return fmt.Errorf("%w: table %q", ErrOptions, opt.Table)
		}
	}
	// Settings are read before the transaction: the store has one connection.
	st, err := s.Settings(ctx)
	if err != nil {
		return err
	}
	today := s.Today()
	return writeTo(opt, func(w io.Writer) error {
		return s.ReadTxBeside(ctx, func(tx *sql.Tx, beside func(context.Context, func(*sql.Tx) error) error) error {
			t, err := tally.ComputeIn(ctx, tx, opt.Period(), today)
			if err != nil {
				return err
			}
			township := st.TitleTownship()
			e := &exporter{ctx: ctx, tx: tx, opt: opt, t: t, office: st.Office, township: township, operator: st.Operator, today: today, scratch: s.ScratchDir()}
			if !sequentialFill {
				e.beside = beside
			}
			switch opt.Format {
			case FormatText:
				return writeText(w, t)
			case FormatCSV:
				return e.csv(w)
			}
			return e.xlsx(w)
		})
	})
}

// title is the title row of every sheet.
func title(township string, p model.Period) string {
	if p.Single() {
		return fmt.Sprintf(titleFormat, township, p.From)
	}
	return fmt.Sprintf(titleRangeFormat, township, p.From, p.To)
}

// writeTo writes the export to opt.Out for "-", else to the file.
func writeTo(opt Options, fill func(io.Writer) error) error {
	if opt.Path != "-" {
		return writeAtomically(opt.Path, !opt.Public, fill)
	}
	w := bufio.NewWriter(opt.Out)
	if err := fill(w); err != nil {
		return err
	}
	return w.Flush()
}

// writeAtomically writes the file through fill under a temporary name in the target's
// folder, then renames it over the target. On any error the temporary file is removed and
// the target left as it was. A new file is readable by its owner only when private.
func writeAtomically(path string, private bool, fill func(io.Writer) error) (err error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	dir, base := filepath.Split(abs)
	mode := os.FileMode(0o644)
	if private {
		mode = 0o600
	}
	if fi, err := os.Stat(abs); err == nil {
		if fi.IsDir() {
			return &store.Error{Kind: store.ErrIsFolder, Path: abs, Err: ErrOptions}
		}
		if !private {
			mode = fi.Mode().Perm() // an internal export never inherits a public file's mode
		}
	}
	// A killed export of this file left its half-written temporary file (personal data)
	// here: remove it before writing anew.
	store.RemoveStaleTemps(dir, base)
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = fill(tmp); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Chmod(tmp.Name(), mode); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), abs); err != nil {
		return err
	}
	return store.SyncDir(dir) // so that 「导出完成」 survives a power cut
}

// writeText writes the summary draft: UTF-8 with a byte-order mark (so that old Notepad
// reads it as UTF-8) and a CRLF line end.
func writeText(w io.Writer, t model.Tally) error {
	var b bytes.Buffer
	b.Write(bom)
	b.WriteString(model.SummaryDraft(t, model.Zh))
	b.WriteString("\r\n")
	_, err := w.Write(b.Bytes())
	return err
}

// exporter holds one export.
type exporter struct {
	ctx              context.Context
	tx               *sql.Tx
	opt              Options
	t                model.Tally
	office, operator string
	township         string // for the title: 乡镇（街道）名称, else the 填报单位
	today            string
	scratch          string // where the spreadsheet library may spill (store.ScratchDir)
	// beside runs fn in a second transaction reading what tx reads (store.ReadTxBeside);
	// nil to read everything on tx.
	beside      func(ctx context.Context, fn func(*sql.Tx) error) error
	mu          sync.Mutex // the sheets may be filled on two goroutines
	done, total int
}

// sequentialFill, set by tests, fills every detail sheet on the export's transaction, one
// after another (tests compare the workbook with the one filled on two).
var sequentialFill = false

// onBeside, when set (by tests), is called when the smaller sheets are filled on a second
// transaction.
var onBeside func()

func (e *exporter) progress(n int) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.done += n
	if e.opt.Progress != nil {
		e.opt.Progress(min(e.done, e.total), e.total)
	}
}

func (e *exporter) details() ([]*detail, error) {
	l, err := loadLookups(e.ctx, e.tx)
	if err != nil {
		return nil, err
	}
	p := privacy{public: e.opt.Public}
	// Each sheet has its own cache of category labels: the sheets may be filled at once.
	out := []*detail{visitsDetail(e.opt.Period(), p, l.own()), eventsDetail(e.opt.Period())}
	if !e.opt.Public {
		// The list of people not visited is a work list, not something to post (SPEC §5).
		out = append(out, notVisitedDetail(e.opt.Period(), p, l.own()))
	}
	return out, nil
}

// emitter wraps a row writer with progress and cancellation, every 1000 rows.
func (e *exporter) emitter(write func([]any) error) func([]any) error {
	n := 0
	return func(r []any) error {
		if err := write(r); err != nil {
			return err
		}
		if n++; n%1000 == 0 {
			if err := e.ctx.Err(); err != nil {
				return err
			}
			e.progress(1000)
		}
		return nil
	}
}

func (e *exporter) xlsx(w io.Writer) error {
	tables := tallyTables(e.t)
	details, err := e.details()
	if err != nil {
		return err
	}
	counts := make([]int, len(details))
	e.total = len(tables)
	for i, d := range details {
		counts[i] = d.rows(e.t)
		e.total += counts[i]
	}
	e.progress(0)
	b, err := newBook(title(e.township, e.opt.Period()), e.office, model.FormatDateZh(e.today), e.operator, e.opt.Public, e.scratch)
	if err != nil {
		return err
	}
	defer b.f.Close()
	for _, t := range tables {
		if err := b.writeTable(t); err != nil {
			return err
		}
		e.progress(1)
	}
	// The detail sheets' rows are written into the finished workbook (spliceBook): the
	// template excelize writes holds every sheet's layout and title area.
	fills := map[string]rowFill{}
	for i, d := range details {
		if err := b.beginDetail(d); err != nil {
			return err
		}
		fills[d.sheet] = e.fill(b, e.tx, d, counts[i])
	}
	b.f.SetActiveSheet(0)
	var template bytes.Buffer
	if err := b.f.Write(&template); err != nil {
		return err
	}
	if e.beside == nil || len(details) < 2 {
		return spliceBook(w, template.Bytes(), fills, nil)
	}
	return e.spliceBeside(w, b, template.Bytes(), details, counts, fills)
}

// fill is the writer of a detail sheet's rows read on tx, with progress and cancellation.
func (e *exporter) fill(b *xlsxBook, tx *sql.Tx, d *detail, count int) rowFill {
	fill := b.fillDetail(e.ctx, tx, d, e.emitter)
	return func(w *bufio.Writer) error {
		if err := fill(w); err != nil {
			return err
		}
		e.progress(count % 1000)
		return e.ctx.Err()
	}
}

// spliceBeside writes the workbook with the biggest detail sheet (the year's visits)
// streamed on the export's transaction as spliceBook reaches it, while the other detail
// sheets are filled meanwhile on a second transaction of the same snapshot, each into
// memory, deflated: reading the rows is most of an export's time, and a transaction reads
// on one core. An error on either side stops the other.
func (e *exporter) spliceBeside(w io.Writer, b *xlsxBook, template []byte, details []*detail, counts []int, fills map[string]rowFill) error {
	if onBeside != nil {
		onBeside()
	}
	big := 0
	for i := range details {
		if counts[i] > counts[big] {
			big = i
		}
	}
	parent := e.ctx
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	e.ctx = ctx // the streamed sheet stops when the other side fails
	defer func() { e.ctx = parent }()
	fills[details[big].sheet] = e.fill(b, e.tx, details[big], counts[big])
	var (
		once  sync.Once
		first error
	)
	fail := func(err error) {
		once.Do(func() { first = err; cancel() })
	}

	type result struct {
		part *deflatedPart
		err  error
	}
	results := map[string]chan result{}
	ahead := map[string]func() (*deflatedPart, error){}
	for i, d := range details {
		if i == big {
			continue
		}
		ch := make(chan result, 1)
		results[d.sheet] = ch
		delete(fills, d.sheet)
		ahead[d.sheet] = func() (*deflatedPart, error) {
			r := <-ch
			return r.part, r.err
		}
	}
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		err := e.beside(ctx, func(tx *sql.Tx) error {
			for i, d := range details {
				if i == big {
					continue
				}
				part, err := prefillSheet(template, d.sheet, e.fill(b, tx, d, counts[i]))
				results[d.sheet] <- result{part, err}
				if err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			fail(err)
			for _, ch := range results {
				select {
				case ch <- result{err: err}: // a sheet not reached
				default:
				}
			}
		}
	}()
	if err := spliceBook(w, template, fills, ahead); err != nil {
		fail(err)
	}
	cancel()
	<-finished
	return first
}

func (e *exporter) csv(w io.Writer) error {
	c, err := newCSV(w)
	if err != nil {
		return err
	}
	for _, t := range tallyTables(e.t) {
		if t.key != e.opt.Table {
			continue
		}
		e.total = len(t.rows)
		if err := c.header(t.cols); err != nil {
			return err
		}
		for _, r := range t.rows {
			if err := c.row(r); err != nil {
				return err
			}
		}
		e.progress(len(t.rows))
		return c.flush()
	}
	details, err := e.details()
	if err != nil {
		return err
	}
	for _, d := range details {
		if d.key != e.opt.Table {
			continue
		}
		e.total = d.rows(e.t)
		e.progress(0)
		if err := c.header(d.cols); err != nil {
			return err
		}
		total, err := d.each(e.ctx, e.tx, e.emitter(c.row))
		if err != nil {
			return err
		}
		if total != nil {
			if err := c.row(total); err != nil {
				return err
			}
		}
		e.progress(e.total % 1000)
		return c.flush()
	}
	return fmt.Errorf("%w: table %q", ErrOptions, e.opt.Table)
}
