package importer

import (
	"context"
	"errors"
	"io"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"shuangyong/model"
	"shuangyong/store"
)

// DupMode says what to do with a row whose person is already in the ledger.
type DupMode string

const (
	DupSkip      DupMode = "skip"      // leave the ledger's record as it is (the default)
	DupFill      DupMode = "fill"      // fill in the record's empty fields from the row
	DupOverwrite DupMode = "overwrite" // replace the record's fields with the row's non-empty cells
)

// Options are the user's choices for one import.
type Options struct {
	Duplicates DupMode
	// Strict refuses the whole import when any row is rejected.
	Strict bool
	// RefuseNewVillages rejects rows naming a village the ledger's list does not have
	// (the user declined adding them); by default they are added to the list.
	RefuseNewVillages bool
	// VillageAs reads a village name of the file as an existing one (李家村委会 → 李家村).
	VillageAs map[string]string
	// RejectedFile is where rejected rows go: "" beside the source as
	// 原文件名-未导入.xlsx, "-" nowhere.
	RejectedFile string
}

// Phases of Progress.
const (
	PhaseCheck = "check" // reading and checking every row
	PhaseWrite = "write" // writing the accepted rows
)

// Progress is reported every few hundred rows.
type Progress struct {
	Phase string
	Rows  int // rows read so far in this phase
	Total int // rows in the sheet when known (the write phase), else 0
}

// DryRun checks every row of src read with mapping m as Import would, and reports what
// would happen to each. Nothing is written.
func DryRun(ctx context.Context, st *store.Store, src *Source, m Mapping, opt Options, progress func(Progress)) (*Report, error) {
	rep, n, err := check(ctx, st, src, m, opt, progress)
	if err == nil {
		src.rows = n // the import's progress can show a total
	}
	return rep, err
}

func check(ctx context.Context, st *store.Store, src *Source, m Mapping, opt Options, progress func(Progress)) (*Report, int, error) {
	if err := validOptions(src, m, &opt); err != nil {
		return nil, 0, err
	}
	led := &dbLedger{ctx: ctx, st: st}
	p := newPass(ctx, st, src, m, opt, led, st.Now(), progress)
	p.rep.DryRun = true
	total, err := p.run(nil)
	return p.rep, total, err
}

// Import writes every accepted row of src (read with mapping m) in one transaction
// recorded as the change "导入：FILE", which undo takes back whole, and writes the
// rejected rows beside the source. Rows are decided exactly as DryRun decides them. With
// Strict, the rows are checked first and any rejected row stops the import before
// anything is written. The mapping is remembered for the next file with the same
// headings. On any error, or when ctx is cancelled, nothing is written; the report is
// returned when the rows were read (for CodeBlocked and CodeNothing).
func Import(ctx context.Context, st *store.Store, src *Source, m Mapping, opt Options, progress func(Progress)) (*Report, error) {
	if err := validOptions(src, m, &opt); err != nil {
		return nil, err
	}
	total := src.rows // known from a dry run of the same source
	if opt.Strict {
		rep, n, err := check(ctx, st, src, m, opt, progress)
		if err != nil {
			return rep, err
		}
		rep.DryRun = false
		if rep.Rejected > 0 {
			rep.Blocked = true
			return rep, fileErr(CodeBlocked, src.Path, nil, strconv.Itoa(rep.Rejected))
		}
		if rep.Added+rep.Updated == 0 {
			return rep, fileErr(CodeNothing, src.Path, nil)
		}
		total = n
	}
	rejectedPath := opt.RejectedFile
	if rejectedPath == "" {
		rejectedPath = RejectedPath(src.Path)
	}
	var final *Report
	var rw *rejectedWriter
	defer func() {
		if rw != nil {
			rw.abort()
		}
	}()
	err := st.Import(ctx, summaryOf(src), func(t *store.ImportTx) error {
		p := newPass(ctx, st, src, m, opt, &txLedger{t: t}, st.Now(), progress)
		p.total, p.tx = total, t
		if rejectedPath != "-" {
			p.rejectedPath = rejectedPath
		}
		_, err := p.run(t)
		rw, final = p.rejected, p.rep
		if err != nil {
			return err
		}
		if final.Added+final.Updated == 0 {
			return errNothing // roll back: not even the change's marker stays
		}
		if err := t.SaveMapping(src.key, encodeMapping(m)); err != nil {
			return err
		}
		if rw != nil {
			// Written before the commit: a failure here leaves the ledger untouched.
			return rw.finish()
		}
		return nil
	})
	if errors.Is(err, errNothing) {
		return final, fileErr(CodeNothing, src.Path, nil)
	}
	if err != nil {
		return nil, err
	}
	if rw != nil {
		if err := rw.commit(); err != nil {
			// The people are in; only the file of rejected rows is missing. Say so
			// rather than pretend the import failed.
			return final, fileErr(CodeRejectedFile, rw.path, err)
		}
		final.RejectedFile = rw.path
	}
	final.Imported = true
	return final, nil
}

var errNothing = errors.New("nothing to import")

// summaryOf is the history's name of the change.
func summaryOf(src *Source) string {
	s := "导入：" + filepath.Base(src.Path)
	if src.Sheet != "" && len(src.Sheets) > 1 {
		s += "（" + src.Sheet + "）"
	}
	return s
}

// RejectedPath is where an import of path writes its rejected rows: beside it, as
// 原文件名-未导入.xlsx.
func RejectedPath(path string) string {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	return filepath.Join(filepath.Dir(path), base+"-未导入.xlsx")
}

func validOptions(src *Source, m Mapping, opt *Options) error {
	switch opt.Duplicates {
	case "":
		opt.Duplicates = DupSkip
	case DupSkip, DupFill, DupOverwrite:
	default:
		return fileErr(CodeMapping, src.Path, nil, "重复人员的处理方式只能是 skip、fill 或 overwrite", "duplicates must be skip, fill or overwrite")
	}
	if !m.has("Name") {
		return fileErr(CodeNoName, src.Path, nil, strconv.Itoa(src.HeaderRow), headersOf(src))
	}
	seen := map[Field]bool{}
	known := map[Field]bool{}
	for _, f := range Fields() {
		known[f] = true
	}
	for _, f := range m {
		if f == "" {
			continue
		}
		if !known[f] {
			return fileErr(CodeMapping, src.Path, nil, "没有名为 "+string(f)+" 的字段", "no field called "+string(f))
		}
		if seen[f] && f != "Phones" && f != "Address" && f != "Note" {
			return fileErr(CodeMapping, src.Path, nil, "「"+f.Label(model.Zh)+"」对应了两列", f.Label(model.En)+" is given two columns")
		}
		seen[f] = true
	}
	return nil
}

func headersOf(src *Source) string {
	var h []string
	for _, c := range src.Columns {
		if c.Header != "" {
			h = append(h, c.Header)
		}
	}
	return strings.Join(h, " | ")
}

// ledger is what a pass reads of the ledger: outside any transaction for a dry run,
// inside the import's for the real thing (the store has one connection).
type ledger interface {
	eachPerson(fn func(store.PersonKey) error) error
	villages() ([]model.Village, error)
	person(id int64) (model.Person, error)
}

type dbLedger struct {
	ctx context.Context
	st  *store.Store
}

func (l *dbLedger) eachPerson(fn func(store.PersonKey) error) error {
	return l.st.EachPersonKey(l.ctx, fn)
}
func (l *dbLedger) villages() ([]model.Village, error)    { return l.st.Villages(l.ctx) }
func (l *dbLedger) person(id int64) (model.Person, error) { return l.st.Person(l.ctx, id) }

type txLedger struct{ t *store.ImportTx }

func (l *txLedger) eachPerson(fn func(store.PersonKey) error) error { return l.t.EachPerson(fn) }
func (l *txLedger) villages() ([]model.Village, error)              { return l.t.Villages() }
func (l *txLedger) person(id int64) (model.Person, error)           { return l.t.Person(id) }

// pass reads the sheet once, deciding each row; with tx set it also writes.
type pass struct {
	ctx      context.Context
	st       *store.Store
	src      *Source
	m        Mapping
	opt      Options
	led      ledger
	today    time.Time
	progress func(Progress)
	total    int

	tx           *store.ImportTx
	rows         *store.ImportRows // used by the goroutine that prepares the rows
	rejected     *rejectedWriter
	rejectedPath string // where rejected rows go ("" = nowhere)
	rep          *Report

	byID      map[string]int64 // ledger: ID number → person
	byKey     map[string]int64 // ledger: name|birth|village → person
	byKeyNoID map[string]int64 // the same, of people without an ID number
	hhOf      map[int64]int64  // ledger person → household
	villageID map[string]int64 // ledger village names (and those this import added)
	newVill   map[string]*NewVillage
	// newVillageID holds the ids of the villages this import added.
	newVillageID map[string]int64
	seen         map[string]int // this file: person key → first row
	groups       map[string]*group
	chain        string // the household a 与户主关系 chain is building (rows after a 户主)
	fakeHH       int64
	dataSeen     []bool
}

// group is a household forming from the rows of the file.
type group struct {
	hh      int64   // the household, once there is one
	pending *member // the first member, waiting for a second
	village int64
	address string
}

type member struct {
	personID int64
}

func newPass(ctx context.Context, st *store.Store, src *Source, m Mapping, opt Options, led ledger, now time.Time, progress func(Progress)) *pass {
	rep := &Report{Path: src.Path, Sheet: src.Sheet, Encoding: src.Encoding, HeaderRow: src.HeaderRow}
	return &pass{ctx: ctx, st: st, src: src, m: m, opt: opt, led: led, today: now, progress: progress, rep: rep,
		byID: map[string]int64{}, byKey: map[string]int64{}, byKeyNoID: map[string]int64{}, hhOf: map[int64]int64{},
		villageID: map[string]int64{}, newVill: map[string]*NewVillage{}, newVillageID: map[string]int64{}, seen: map[string]int{}, groups: map[string]*group{}}
}

func personKey(name, birth string, village int64) string {
	return name + "|" + birth + "|" + strconv.FormatInt(village, 10)
}

func (p *pass) loadLedger() error {
	vs, err := p.led.villages()
	if err != nil {
		return err
	}
	for _, v := range vs {
		p.villageID[v.Name] = v.ID
	}
	return p.led.eachPerson(func(k store.PersonKey) error {
		key := personKey(k.Name, k.BirthDate, k.VillageID)
		if k.IDNumber != "" {
			p.byID[k.IDNumber] = k.ID
		} else {
			p.byKeyNoID[key] = k.ID
		}
		p.byKey[key] = k.ID
		if k.HouseholdID != 0 {
			p.hhOf[k.ID] = k.HouseholdID
		}
		return nil
	})
}

// run reads every row. It returns the number of rows read.
func (p *pass) run(tx *store.ImportTx) (int, error) {
	if err := p.loadLedger(); err != nil {
		return 0, err
	}
	rr, err := openRows(p.ctx, p.src.Path, p.src.Kind, p.src.Sheet, p.src.Encoding)
	if err != nil {
		return 0, err
	}
	defer rr.close()
	phase := PhaseCheck
	if tx != nil {
		phase = PhaseWrite
	}
	p.dataSeen = make([]bool, len(p.m))
	header := make([]string, len(p.src.Columns))
	for i, c := range p.src.Columns {
		header[i] = normHeader(c.Header)
	}
	// Reading, converting and checking a row needs nothing from the rows before it, so
	// it runs ahead in its own goroutine while this one matches and writes (on two cores
	// a third less time for a 100 000-row import, measured).
	p.rows = p.st.ImportRows(tx != nil)
	batches := make(chan []prepared, 4)
	stop := make(chan struct{})
	go p.prepare(rr, header, batches, stop)
	defer func() {
		// Stop the reader and wait for it before the file is closed.
		close(stop)
		for range batches {
		}
	}()
	read, prev := 0, 0
	for batch := range batches {
		for i := range batch {
			pr := &batch[i]
			if pr.err != nil {
				return read, pr.err
			}
			read++
			if read%256 == 0 {
				if err := p.ctx.Err(); err != nil {
					return read, err
				}
				if tx != nil {
					// How much of the file is left: rows read of those a dry run counted,
					// else of the rows the workbook says it has.
					if p.total > 0 {
						tx.Read(read, p.total)
					} else {
						tx.Read(pr.n, pr.last)
					}
				}
				if p.progress != nil && read%1024 == 0 {
					p.progress(Progress{Phase: phase, Rows: read, Total: p.total})
				}
			}
			n := pr.n
			if n <= p.src.HeaderRow {
				prev = n
				continue
			}
			if n > prev+1 {
				p.rep.Blank += n - prev - 1 // rows a workbook does not store are blank
			}
			prev = n
			if pr.blank {
				p.rep.Blank++
				continue
			}
			if err := p.row(pr); err != nil {
				return read, err
			}
		}
	}
	if p.progress != nil {
		p.progress(Progress{Phase: phase, Rows: read, Total: read})
	}
	p.finishReport()
	return read, nil
}

// notPerson recognises rows that are part of the sheet's layout: totals, a header
// repeated on every printed page, the 制表人/审核人 footer.
func notPerson(cells []string, header []string, name string) (string, model.Problem, bool) {
	same := 0
	for i, c := range cells {
		if i < len(header) && header[i] != "" && mayBeHeading(c, header[i]) && normHeader(c) == header[i] {
			same++
		}
	}
	if same >= 2 {
		return CodeHeaderRow, reason("", CodeHeaderRow, "重复的表头行", "a repeated header row"), true
	}
	// 合计 stands in the first cells of the row (序号, or the name column).
	firstCells := 0
	for _, c := range cells {
		v := normHeader(c)
		if v == "" {
			continue
		}
		if firstCells++; firstCells > 3 {
			break
		}
		for _, w := range []string{"合计", "总计", "小计", "共计"} {
			if strings.HasPrefix(v, w) {
				return CodeTotalRow, reason("", CodeTotalRow, "合计行", "a totals row"), true
			}
		}
	}
	if name == "" || strings.ContainsAny(name, ":：") {
		for _, c := range cells {
			v := normHeader(c)
			for _, w := range []string{"制表", "填表", "审核", "负责人", "填报", "注:", "说明:", "备注:"} {
				if strings.HasPrefix(v, w) {
					return CodeFooterRow, reason("", CodeFooterRow, "表尾（制表人、审核人等）", "a footer (制表人, 审核人…)"), true
				}
			}
		}
	}
	return "", model.Problem{}, false
}

// mayBeHeading is false when normHeader(c) cannot be the heading h: a heading that starts
// with a Chinese character, as nearly all do, is only made from a cell holding that
// character (normHeader changes no Chinese character). It spares normHeader for most
// cells of most rows (half a second in 100 000 rows).
func mayBeHeading(c, h string) bool {
	r, _ := utf8.DecodeRuneInString(h)
	return !unicode.Is(unicode.Han, r) || strings.ContainsRune(c, r)
}

func (p *pass) nameCell(cells []string) string {
	for i, f := range p.m {
		if f == "Name" && i < len(cells) {
			v, _ := model.CleanCell(cells[i])
			return v
		}
	}
	return ""
}

// prepared is a row read, converted and checked, ready to be decided.
type prepared struct {
	n      int
	cells  []string
	blank  bool
	name   string
	ignore *model.Problem // not a person (合计, a repeated header, a footer)
	c      converted
	person model.Person // c.p validated
	ps     model.Problems
	row    *store.ImportRow // ready to insert (imports only)
	last   int              // the sheet's last row number as the file states it (0 unknown)
	err    error            // the file could not be read further
}

// prepare reads the rows and does the work on each that depends on nothing else, in
// batches, until the end of the sheet, an error, or stop.
func (p *pass) prepare(rr rowReader, header []string, out chan<- []prepared, stop <-chan struct{}) {
	defer close(out)
	const size = 128
	batch := make([]prepared, 0, size)
	send := func() bool {
		select {
		case out <- batch:
			batch = make([]prepared, 0, size)
			return true
		case <-stop:
			return false
		}
	}
	var fill fillDown
	for {
		n, cells, err := rr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			batch = append(batch, prepared{err: err})
			break
		}
		cells = fill.apply(p.src.merges, n, cells)
		pr := prepared{n: n, cells: cells}
		if s, ok := rr.(interface{ lastRow() int }); ok {
			pr.last = s.lastRow()
		}
		if n > p.src.HeaderRow {
			p.prepareRow(&pr, header)
		}
		if batch = append(batch, pr); len(batch) == size && !send() {
			return
		}
	}
	if len(batch) > 0 {
		send()
	}
}

func (p *pass) prepareRow(pr *prepared, header []string) {
	if isBlank(pr.cells) {
		pr.blank = true
		return
	}
	pr.name = p.nameCell(pr.cells)
	if _, why, ok := notPerson(pr.cells, header, pr.name); ok {
		pr.ignore = &why
		return
	}
	pr.c = convert(pr.cells, p.m, p.today)
	if pr.c.empty || pr.name == "" {
		return
	}
	pr.person = pr.c.p
	month := pr.c.birthMonth
	if month != "" && pr.person.IDNumber == "" {
		// No day to be had: the month is kept in the note rather than lost.
		note := "出生年月：" + model.FormatDateZh(month)
		if pr.person.Note != "" {
			note = pr.person.Note + "；" + note
		}
		pr.person.Note = note
		pr.c.notes = append(pr.c.notes, reason("BirthDate", CodeBirthMonth,
			"出生年月只有年和月（"+model.FormatDateZh(month)+"），已记入备注，出生日期待补充",
			"the date of birth has only a year and month ("+month+"): kept in the note; the date is to be filled in"))
	}
	// The store's own check, and for an import the row to insert with its search keys,
	// computed here rather than while the transaction waits.
	row, ps := p.rows.Check(&pr.person, p.today)
	pr.ps = ps
	if month != "" && pr.person.IDNumber != "" && pr.person.BirthDate != "" && !strings.HasPrefix(pr.person.BirthDate, month) {
		pr.c.problems = append(pr.c.problems, reason("BirthDate", model.CodeMismatch,
			"出生年月 "+model.FormatDateZh(month)+" 与身份证号不一致（身份证号中为 "+model.FormatDateZh(pr.person.BirthDate)+"），请核对",
			"the month of birth "+month+" disagrees with the ID number (which says "+pr.person.BirthDate+"); please check"))
	}
	if len(pr.c.problems) == 0 {
		pr.row = row
	}
}

// row decides a prepared row: rejected, a duplicate, already in the ledger, or new; and
// with a transaction writes it.
func (p *pass) row(pr *prepared) error {
	n, cells, name, c := pr.n, pr.cells, pr.name, pr.c
	for i := range cells {
		if i < len(p.dataSeen) && !p.dataSeen[i] && strings.TrimSpace(cells[i]) != "" {
			p.dataSeen[i] = true
		}
	}
	if pr.ignore != nil {
		p.rep.Ignored++
		p.rep.Lines = append(p.rep.Lines, Line{Row: n, Name: name, Action: ActionIgnore, Problems: []model.Problem{*pr.ignore}})
		return nil
	}
	p.rep.Rows++
	p.rep.Cleaned += c.cleaned
	line := Line{Row: n, Name: name, Village: c.x.village}
	reject := func(probs ...model.Problem) error {
		line.Action = ActionReject
		line.Problems = append(line.Problems, probs...)
		p.rep.Rejected++
		p.rep.Lines = append(p.rep.Lines, line)
		if p.rejected == nil && p.rejectedPath != "" {
			rw, err := newRejectedWriter(p.rejectedPath, p.src, p.st.ScratchDir())
			if err != nil {
				return err
			}
			p.rejected = rw
		}
		if p.rejected != nil {
			return p.rejected.add(cells, line.Reason(model.Zh, p.src.Columns))
		}
		return nil
	}
	if c.empty || name == "" {
		return reject(reason("Name", model.CodeRequired, "没有姓名", "no name"))
	}
	person, ps := pr.person, pr.ps
	probs := append(c.problems, ps.Errors...)

	// The village.
	village := c.x.village
	if as, ok := p.opt.VillageAs[village]; ok {
		village = as
	}
	if village != "" {
		if v, err := model.CleanText("Village", village, 30); err != nil {
			probs = append(probs, model.AsProblem(err, string(FieldVillage)))
			village = ""
		} else {
			village = v
		}
	}
	vid := int64(0)
	if village != "" {
		if nv := p.newVill[village]; nv != nil {
			vid = -1 // new to the ledger: resolved (and counted) below
		} else if id, ok := p.villageID[village]; ok {
			vid = id
		} else if p.opt.RefuseNewVillages {
			probs = append(probs, reason(string(FieldVillage), model.CodeUnknown,
				"村（社区）「"+village+"」不在村（社区）列表中", "the village “"+village+"” is not on the village list"))
		} else {
			vid = -1 // new: matches nobody in the ledger
		}
	}
	if len(probs) > 0 {
		return reject(probs...)
	}

	// The same person twice in the file.
	key := "id:" + person.IDNumber
	if person.IDNumber == "" {
		key = "nk:" + person.Name + "|" + person.BirthDate + "|" + village
	}
	if first, ok := p.seen[key]; ok {
		line.SameAs = first
		return reject(reasonDuplicateInFile(first))
	}

	// The same person in the ledger: by ID number, else by name, birth date and village.
	var match int64
	nk := personKey(person.Name, person.BirthDate, vid)
	if person.IDNumber != "" {
		if match = p.byID[person.IDNumber]; match == 0 {
			match = p.byKeyNoID[nk]
		}
	} else {
		match = p.byKey[nk]
	}
	line.Match = match
	if match != 0 && p.opt.Duplicates == DupSkip {
		p.seen[key] = n
		line.Action = ActionSkip
		line.Problems = []model.Problem{reasonInLedger(match, DupSkip)}
		p.rep.Skipped++
		p.rep.Lines = append(p.rep.Lines, line)
		_, err := p.household(c.x, village, vid, &person, match, false)
		return err
	}
	if match != 0 {
		existing, err := p.led.person(match)
		if err != nil {
			return err
		}
		merged := mergePerson(existing, c.p, p.m, p.opt.Duplicates)
		if vid > 0 && (merged.VillageID == 0 || p.opt.Duplicates == DupOverwrite) {
			merged.VillageID = vid // the village is named, not a field of the person
		}
		mps := model.ValidatePerson(&merged, p.today)
		if !mps.OK() {
			return reject(mps.Errors...)
		}
		p.seen[key] = n
		if samePerson(existing, merged) {
			line.Action = ActionSkip
			line.Problems = []model.Problem{reasonNothingNew(match)}
			p.rep.Skipped++
			p.rep.Lines = append(p.rep.Lines, line)
			_, err := p.household(c.x, village, vid, &merged, match, false)
			return err
		}
		line.Action = ActionUpdate
		line.Problems = []model.Problem{reasonInLedger(match, p.opt.Duplicates)}
		p.rep.Updated++
		p.rep.Lines = append(p.rep.Lines, line)
		if _, err := p.household(c.x, village, vid, &merged, match, true); err != nil {
			return err
		}
		if p.tx != nil {
			return p.tx.Update(&merged)
		}
		return nil
	}

	p.seen[key] = n
	line.Action = ActionAdd
	line.Problems = c.notes
	p.rep.Added++
	if len(ps.Gaps) > 0 {
		p.rep.Incomplete++
	}
	p.rep.Lines = append(p.rep.Lines, line)
	if vid == -1 {
		nv := p.newVill[village]
		if nv == nil {
			nv = &NewVillage{Name: village, Similar: p.similarVillage(village)}
			p.newVill[village] = nv
		}
		nv.Rows++
		if p.tx != nil {
			id, ok := p.newVillageID[village]
			if !ok {
				var err error
				if id, err = p.tx.VillageID(village); err != nil {
					return err
				}
				p.newVillageID[village] = id
			}
			vid = id
		}
	}
	if vid > 0 {
		person.VillageID = vid
	}
	waiting, err := p.household(c.x, village, vid, &person, 0, true)
	if err != nil {
		return err
	}
	if p.tx != nil {
		if pr.row != nil {
			if _, err := p.tx.InsertRow(pr.row, person.VillageID, person.HouseholdID); err != nil {
				return err
			}
			person.ID = pr.row.Person.ID
		} else if err := p.tx.Insert(&person); err != nil {
			return err
		}
		if waiting != nil {
			waiting.personID = person.ID
		}
	}
	return nil
}

// similarVillage finds an existing village a new name may be meant as: the same name
// without its suffix (李家村委会, 李家村民委员会 and 李家村 are one place).
func (p *pass) similarVillage(name string) string {
	root := villageRoot(name)
	for v := range p.villageID {
		if villageRoot(v) == root && v != name {
			return v
		}
	}
	return ""
}

func villageRoot(s string) string {
	for _, suf := range []string{"村民委员会", "居民委员会", "社区居委会", "村委会", "居委会", "社区", "村", "居"} {
		if r, ok := strings.CutSuffix(s, suf); ok && r != "" {
			return r
		}
	}
	return s
}

// mergePerson applies a row to the ledger's record: fill sets the fields the record has
// empty, overwrite every field the row has a value for. Fields the file does not map,
// and empty cells, never change anything.
func mergePerson(existing, row model.Person, m Mapping, mode DupMode) model.Person {
	out := existing
	dst := reflect.ValueOf(&out).Elem()
	src := reflect.ValueOf(&row).Elem()
	done := map[Field]bool{}
	for _, f := range m {
		fields := []string{string(f)}
		if f == FieldHonours {
			fields = []string{"HonourPlaque", "PreferentialCard"}
		}
		for _, name := range fields {
			if f == "" || done[Field(name)] {
				continue
			}
			done[Field(name)] = true
			d, s := dst.FieldByName(name), src.FieldByName(name)
			if !d.IsValid() || !s.IsValid() || s.IsZero() {
				continue
			}
			if mode == DupOverwrite || d.IsZero() {
				d.Set(s)
			}
		}
	}
	return out
}

// samePerson compares two records as saved.
func samePerson(a, b model.Person) bool {
	return reflect.DeepEqual(a, b)
}

// household puts the row's person into the household its 户号, 户主 or 与户主关系 says:
// the same 户号 in a village; the same 户主 name and address; or, with only a 与户主关系
// column, the rows that follow a 户主 (本人) row. match is the ledger person the row
// matched (0 for a new one); write says the row saves the person (a skipped match is
// never changed, though the household it has is joined). It returns the member whose id
// is known only once the new person is inserted.
func (p *pass) household(x extra, village string, vid int64, person *model.Person, match int64, write bool) (*member, error) {
	rel := strings.TrimSpace(x.headRel)
	isHead := rel == "户主" || rel == "本人"
	key := ""
	switch {
	case x.hhNo != "":
		key = "no|" + village + "|" + x.hhNo
	case x.head != "":
		key = "head|" + village + "|" + x.head + "|" + person.Address
	case isHead && p.m.has(FieldHead):
		key = "head|" + village + "|" + person.Name + "|" + person.Address // the head's own row
	case isHead:
		p.chain = "chain|" + strconv.Itoa(len(p.rep.Lines)) + "|" + village
		key = p.chain
	case rel != "" && p.chain != "" && strings.HasSuffix(p.chain, "|"+village):
		key = p.chain
	}
	if key == "" {
		return nil, nil
	}
	g := p.groups[key]
	if g == nil {
		g = &group{village: vid, address: person.Address}
		p.groups[key] = g
	}
	existingHH := int64(0)
	if match != 0 {
		existingHH = p.hhOf[match]
	}
	switch {
	case existingHH != 0 && g.hh == 0:
		g.hh = existingHH
		if g.pending != nil {
			if err := p.join(g.pending, g.hh); err != nil {
				return nil, err
			}
			g.pending = nil
		}
	case existingHH != 0:
		// Already in a household: people are never moved from one to another.
	case g.hh != 0:
		if write {
			person.HouseholdID = g.hh
		}
	case !write:
		// A skipped person without a household does not start one.
	case g.pending == nil:
		g.pending = &member{personID: match}
		if match == 0 {
			return g.pending, nil
		}
	default:
		hh, err := p.newHousehold(g)
		if err != nil {
			return nil, err
		}
		g.hh = hh
		if err := p.join(g.pending, hh); err != nil {
			return nil, err
		}
		g.pending = nil
		person.HouseholdID = hh
	}
	return nil, nil
}

func (p *pass) newHousehold(g *group) (int64, error) {
	p.rep.Households++
	if p.tx == nil {
		p.fakeHH--
		return p.fakeHH, nil
	}
	v := g.village
	if v < 0 {
		v = 0
	}
	return p.tx.NewHousehold(v, g.address)
}

func (p *pass) join(m *member, hh int64) error {
	if p.tx == nil || m.personID == 0 {
		return nil
	}
	return p.tx.SetHousehold(m.personID, hh)
}

func (p *pass) finishReport() {
	for i, f := range p.m {
		if i >= len(p.src.Columns) {
			break
		}
		c := p.src.Columns[i]
		c.Field = f
		if c.Header == "" && !p.dataSeen[i] {
			continue
		}
		p.rep.Columns = append(p.rep.Columns, c)
		if f == "" {
			p.rep.Unmapped = append(p.rep.Unmapped, c)
		}
	}
	for _, c := range p.src.Columns[min(len(p.m), len(p.src.Columns)):] {
		p.rep.Unmapped = append(p.rep.Unmapped, c)
	}
	for _, r := range p.orderedNewVillages() {
		p.rep.NewVillages = append(p.rep.NewVillages, *r)
	}
}

func (p *pass) orderedNewVillages() []*NewVillage {
	var out []*NewVillage
	seen := map[string]bool{}
	for _, l := range p.rep.Lines {
		v := l.Village
		if as, ok := p.opt.VillageAs[v]; ok {
			v = as
		}
		if nv := p.newVill[v]; nv != nil && !seen[v] {
			seen[v] = true
			out = append(out, nv)
		}
	}
	return out
}

// fillDown gives the rows of a vertically merged cell the value of its first row.
type fillDown struct {
	next   int // the next merge (by first row) not yet started
	active []activeMerge
}

type activeMerge struct {
	m     mergeRange
	value string
}

func (f *fillDown) apply(merges []mergeRange, row int, cells []string) []string {
	for f.next < len(merges) && merges[f.next].r1 <= row {
		m := merges[f.next]
		f.next++
		if m.r1 == row && m.c1 < len(cells) && cells[m.c1] != "" {
			f.active = append(f.active, activeMerge{m: m, value: cells[m.c1]})
		}
	}
	live := f.active[:0]
	for _, a := range f.active {
		if a.m.r2 < row {
			continue
		}
		live = append(live, a)
		if a.m.r1 < row {
			for len(cells) <= a.m.c1 {
				cells = append(cells, "")
			}
			if cells[a.m.c1] == "" {
				cells[a.m.c1] = a.value
			}
		}
	}
	f.active = live
	return cells
}
