// Package stats is the 统计 tab: the tally of SPEC.md §5 for the year in view, or for the
// five years up to it (Ctrl+R: 「近五年来」) — the headline figures against last year's, a
// coverage gauge, a month chart and the tables — with a cursor over every figure: Enter
// lists the records behind it, Esc comes back, F6 writes the workbook (or a CSV, or the
// summary's figures as text).
//
// The tally is computed by store/tally in a tea.Cmd, and laid out there too (the document
// of a county's tally takes tens of milliseconds to lay out, and at the browsing pace of
// the collector several times that: done in Update it held the whole program, keys
// included, which is where a year switch measured 0.5–1.0 s went). Once the user is in
// the tab, the year before the one in view is computed ahead (prefetch). The result comes back tagged
// with the request's sequence number and a newer request cancels the older one; until
// the period in view has its own document the header says 计算中 and the body shows no
// figures, so a period is never shown over another period's figures. View only draws the
// document.
package stats

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/store/tally"
	"shuangyong/ui/components"
	"shuangyong/ui/i18n"
	"shuangyong/ui/keys"
	"shuangyong/ui/memlimit"
	"shuangyong/ui/styles"
	"shuangyong/ui/tab"
	"shuangyong/ui/textwidth"
)

// MinYear is the earliest year the tab shows (the latest is the current year: a later one
// has nothing to count yet).
const MinYear = 1950

// RangeYears is the length of the range mode: 「近五年来」.
const RangeYears = 5

// YearSettle is how long the year must stay put before the status line is told.
const YearSettle = 40 * time.Millisecond

// headerLines are the lines above the tally's body: title and year, the selected figure,
// a rule.
const headerLines = 3

// Model is the tab.
type Model struct {
	env tab.Env
	k   bindings

	width, height int
	settings      model.Settings

	year    int // the (last) year in view
	span    int // 1, or RangeYears in range mode
	seq     uint64
	tallies map[model.Period]computed // computed since the records last changed
	recent  []model.Period            // periods with a document, the last shown last

	yearGen    int          // the newest change of year (see setYear)
	computeSeq uint64       // the newest tally request
	computing  model.Period // the period being computed (zero: none)
	stale      model.Period // a period shown from before the records changed (zero: none)
	cancel     context.CancelFunc
	err        string // why the period in view could not be tallied
	// ahead is the year before the one in view, computed in the background once the user
	// has moved through the years (see prefetch); zero when none is under way.
	ahead ahead
	// browsing: the user has come to the tab or changed the period in view since the
	// records last changed — the year before is then computed ahead (prefetch).
	browsing bool

	doc   *doc
	cur   int // the selected figure
	top   int // the first body line shown
	wantX int // the column Up/Down aim for

	// stack holds the tab's screens: the tally, a figure's records, the export (and the
	// yes/no dialog over them).
	stack   *components.Stack
	exp     *exportState
	docsDir string
}

// ahead is a tally computed before it is asked for.
type ahead struct {
	seq    uint64
	period model.Period
	cancel context.CancelFunc
}

// PrefetchPause is how long a year the user moved to stays on screen before the year
// before it is computed in the background: a burst of key presses computes nothing ahead.
var PrefetchPause = 150 * time.Millisecond

// computed is a tally and the document laid out from it (at the width of the request;
// nil when the tab had no size yet).
type computed struct {
	t   model.Tally
	doc *doc
}

// New makes the tab showing the current year.
func New(env tab.Env) *Model {
	m := &Model{env: env, k: newBindings(env.Lang), year: env.Now().Year(), span: 1, tallies: map[model.Period]computed{}}
	m.stack = components.NewStack(&tallyScreen{m}, keys.NewDialog(env.Lang), i18n.T(env.Lang, i18n.GroupDialog))
	return m
}

// period is the period in view: the year, or the RangeYears up to it.
func (m *Model) period() model.Period {
	return model.Period{From: m.year - max(m.span, 1) + 1, To: m.year}
}

// periodLabel names a period in titles: 「2025年度」, 「2021年至2025年」.
func (m *Model) periodLabel(p model.Period) string {
	if p.Single() {
		return m.t(i18n.StPeriodYear, p.From)
	}
	return m.t(i18n.StPeriodRange, p.From, p.To)
}

func (m *Model) t(k i18n.Key, args ...any) string { return i18n.T(m.env.Lang, k, args...) }

func (m *Model) next() uint64 {
	m.seq++
	return m.seq
}

// Year is the year in view.
func (m *Model) Year() int { return m.year }

// Init computes the current year's tally and finds the export folder.
func (m *Model) Init() tea.Cmd {
	s := m.env.Store
	return tea.Batch(m.compute(StartDelay), func() tea.Msg {
		dir := components.ExportDir(s.Path())
		store.RemoveStaleExportTemps(dir) // a killed export's half-written copy of the roster
		return dirMsg{dir: dir}
	})
}

func (m *Model) Title() string { return m.t(i18n.TabStats) }

func (m *Model) SetSize(w, h int) {
	if w == m.width && h == m.height {
		return
	}
	m.width, m.height = w, h
	m.stack.SetSize(w, h)
	m.relayout()
	if r := m.records(); r != nil {
		r.setSize(m)
	}
	if m.exp != nil {
		m.exp.form.SetSize(w, h)
	}
}

// Modal: the export form has the keyboard (Tab moves between its fields).
func (m *Model) Modal() bool              { return m.stack.Modal() }
func (m *Model) Dirty() bool              { return false }
func (m *Model) Typing() bool             { return m.stack.Typing() }
func (m *Model) ShortHelp() []key.Binding { return m.stack.ShortHelp() }
func (m *Model) Help() []keys.Group       { return m.stack.Help() }

// records is the figure's records on the stack, if they are open.
func (m *Model) records() *records {
	for i := m.stack.Depth() - 1; i >= 0; i-- {
		if r, ok := m.stack.At(i).(*records); ok {
			return r
		}
	}
	return nil
}

// errText explains an error in one line, without reading the disk (tab.ErrText).
func (m *Model) errText(err error) string { return tab.ErrText(m.env, err) }

// Waiting before a tally that nobody asked for yet (at start, after a change), on a
// county-sized ledger only: a tally of 100 000 people takes both cores for a few hundred
// milliseconds, which the first screen and the next search keystroke must not wait for.
// After the delay it also waits for the search index to be in (at most IndexWait): beside
// the index build, it made the searches answered from the file meanwhile twice as slow
// (typing during the build 370 ms median, 772 ms p95; 313 and 463 without the tally). A
// township's ledger is tallied in milliseconds, at once.
var (
	StartDelay  = 400 * time.Millisecond
	ChangeDelay = time.Second
	IndexWait   = 5 * time.Second
)

// BigLedger is the number of people from which unasked tallies wait (see StartDelay).
const BigLedger = 20000

// compute asks for the tally of the period in view, cancelling the request before it;
// delay is how long to wait first on a big ledger (a newer request cancels the wait). The
// document is laid out in the same command, off the program's loop, with the heap lifted
// (ui/memlimit; see the package comment).
func (m *Model) compute(delay time.Duration) tea.Cmd {
	m.dropAhead()
	return m.request(m.period(), nil, delay)
}

// layOut lays out a period's tally again (its document was dropped, or has another
// width) in a command, as a new tally is: on the program's loop, under the browsing heap
// limit, it took several times as long and held the keys.
func (m *Model) layOut(p model.Period, t model.Tally) tea.Cmd {
	return m.request(p, &t, 0)
}

// request asks for the tally of p (or only its layout, when known is the tally), in place
// of any request before it.
func (m *Model) request(p model.Period, known *model.Tally, delay time.Duration) tea.Cmd {
	if m.cancel != nil {
		m.cancel()
	}
	ctx, cancel := context.WithCancel(m.env.Ctx)
	m.cancel = cancel
	seq := m.next()
	m.computeSeq, m.computing = seq, p
	return m.tallyCmd(ctx, cancel, seq, p, known, delay)
}

// tallyCmd computes and lays out the tally of p under request seq — or only lays it out,
// when known is the tally.
func (m *Model) tallyCmd(ctx context.Context, cancel context.CancelFunc, seq uint64, p model.Period, known *model.Tally, delay time.Duration) tea.Cmd {
	s, width := m.env.Store, m.width
	lay := m.layoutFunc()
	return func() tea.Msg {
		defer cancel()
		if delay > 0 && bigLedger(ctx, s) {
			select {
			case <-time.After(delay):
			case <-ctx.Done():
				return tallyMsg{seq: seq, period: p, err: ctx.Err()}
			}
			for deadline := time.Now().Add(IndexWait); !s.SearchIndexed() && time.Now().Before(deadline); {
				select {
				case <-time.After(50 * time.Millisecond):
				case <-ctx.Done():
					return tallyMsg{seq: seq, period: p, err: ctx.Err()}
				}
			}
		}
		release := memlimit.LiftPaced()
		defer handBack(s, release)
		t := known
		if t == nil {
			fresh, err := tally.ComputePeriod(ctx, s, p)
			if err != nil {
				return tallyMsg{seq: seq, period: p, err: err}
			}
			t = &fresh
		}
		var d *doc
		if width > 0 {
			d = lay(*t, width)
		}
		return tallyMsg{seq: seq, period: p, tally: *t, doc: d}
	}
}

// handBack returns the memory a tally or an export used once its message is on its way
// (the page cache it filled, and the heap: memlimit.Settle), not before: the message —
// the tables on screen, the export's 已导出 — must not wait for that.
func handBack(s *store.Store, release func()) {
	go func() {
		s.ShrinkCache(context.Background())
		release()
	}()
}

// layoutFunc returns the layout as a function of the tally and the width alone, to run in
// a command: it reads only the language, which never changes.
func (m *Model) layoutFunc() func(model.Tally, int) *doc {
	lm := &Model{env: m.env, k: m.k}
	return lm.layout
}

// bigLedger reports whether the ledger holds county-sized numbers of people.
func bigLedger(ctx context.Context, s *store.Store) bool {
	n, err := s.PeopleUpperBound(ctx)
	return err == nil && n >= BigLedger
}

// prefetch computes the year before the one in view in the background, once the user is
// in the tab (came to it, or moved to this year) and the year has stayed on screen for
// PrefetchPause (gen is the change of year that asked): at county scale a tally takes a
// few hundred milliseconds, and the year before is where a user browsing the years goes
// next — it then shows at once. The tally computed at start is not followed by one: the
// user is likely typing in another tab then.
func (m *Model) prefetch(gen int) tea.Cmd {
	p := model.YearPeriod(m.year - 1)
	_, done := m.tallies[p]
	if gen != m.yearGen || m.span != 1 || p.From < MinYear || done || m.ahead.seq != 0 ||
		m.computing != (model.Period{}) || m.stale != (model.Period{}) {
		return nil
	}
	ctx, cancel := context.WithCancel(m.env.Ctx)
	seq := m.next()
	m.ahead = ahead{seq: seq, period: p, cancel: cancel}
	return m.tallyCmd(ctx, cancel, seq, p, nil, 0)
}

// aheadLater asks for the year before to be computed ahead once the year in view has
// stayed PrefetchPause (prefetch).
func (m *Model) aheadLater() tea.Cmd {
	gen := m.yearGen
	return tea.Tick(PrefetchPause, func(time.Time) tea.Msg { return prefetchMsg{gen: gen} })
}

// dropAhead cancels the tally computed ahead, if any: its answer is then ignored.
func (m *Model) dropAhead() {
	if m.ahead.cancel != nil {
		m.ahead.cancel()
	}
	m.ahead = ahead{}
}

// adoptAhead makes the tally computed ahead the request for the period in view, when it
// is that period's: the user pressed for the year it is computing.
func (m *Model) adoptAhead(p model.Period) bool {
	if m.ahead.seq == 0 || m.ahead.period != p {
		return false
	}
	if m.cancel != nil {
		m.cancel()
	}
	m.cancel, m.computeSeq, m.computing = m.ahead.cancel, m.ahead.seq, p
	m.ahead = ahead{}
	return true
}

func (m *Model) onTally(msg tallyMsg) tea.Cmd {
	if msg.seq == m.ahead.seq && msg.seq != 0 {
		m.ahead = ahead{}
		if msg.err == nil {
			m.keepAhead(msg.period, computed{t: msg.tally, doc: msg.doc})
		}
		return nil
	}
	if msg.seq != m.computeSeq {
		return nil // a newer request overtook it
	}
	m.computing = model.Period{}
	if msg.err != nil {
		if errors.Is(msg.err, context.Canceled) {
			return nil
		}
		m.err = m.errText(msg.err)
		return tab.StatusError(m.err)
	}
	m.err = ""
	m.keep(msg.period, computed{t: msg.tally, doc: msg.doc})
	var relist tea.Cmd
	if r := m.records(); r != nil && r.period == msg.period {
		relist = r.refigure(msg.tally, msg.doc) // the figure over the list, counted again with it (a visit made from it)
	}
	if msg.period == m.stale {
		m.stale = model.Period{}
	}
	if msg.period == m.period() {
		m.relayout()
		if m.browsing {
			return tea.Batch(relist, m.aheadLater())
		}
	}
	return relist
}

// setYear shows another year (or the range ending with it): at once when it was computed
// since the last change, else after computing it. Years after the current one have nothing
// to count and are not offered.
func (m *Model) setYear(y int) tea.Cmd {
	y = min(max(y, MinYear+max(m.span, 1)-1), m.env.Now().Year())
	if y == m.year {
		return nil
	}
	m.year = y
	return m.periodChanged()
}

// toggleRange switches between the year in view and the RangeYears up to it.
func (m *Model) toggleRange() tea.Cmd {
	if m.span > 1 {
		m.span = 1
	} else {
		m.span = RangeYears
	}
	return m.periodChanged()
}

func (m *Model) periodChanged() tea.Cmd {
	m.err = ""
	m.browsing = true
	m.yearGen++
	gen := m.yearGen
	// The status line learns the year after a short pause: commands finish in any order,
	// so a burst of key presses must not end with an older year's message.
	year := tea.Tick(YearSettle, func(time.Time) tea.Msg { return yearMsg{gen: gen} })
	p := m.period()
	if c, ok := m.tallies[p]; ok && p != m.stale {
		if m.width > 0 && (c.doc == nil || c.doc.width != m.width) {
			return tea.Batch(year, m.layOut(p, c.t))
		}
		if m.cancel != nil {
			m.cancel()
		}
		m.computing = model.Period{}
		m.computeSeq = m.next()
		m.relayout()
		return tea.Batch(year, m.aheadLater())
	}
	if m.adoptAhead(p) {
		return year
	}
	return tea.Batch(year, m.compute(0))
}

// relayout shows the tally of the period in view (new tally, width or period), keeping
// the selected figure, and where it sits on the screen, when it still exists. The
// document laid out with the tally is used when it has the width; else (a resize) it is
// laid out again here.
func (m *Model) relayout() {
	c, ok := m.tallies[m.period()]
	if !ok || m.width <= 0 {
		return // the old document stays for its selection; shown() does not draw it
	}
	var prev *figCell
	row := 0
	if m.doc != nil && m.cur < len(m.doc.figs) {
		c := m.doc.figs[m.cur]
		prev, row = &c, c.line-m.top
	}
	old := m.cur
	d := c.doc
	if d == nil || d.width != m.width {
		d = m.layout(c.t, m.width)
		c.doc = d
	}
	m.keep(m.period(), c) // the period in view is the last seen
	m.doc = d
	m.cur = 0
	if prev != nil && len(d.figs) > 0 {
		// The same figure; else the same column of the same table (a row that the
		// other year does not have); else the same place.
		m.cur = d.find(prev.fig)
		if m.cur < 0 {
			m.cur = d.findLike(prev.fig)
		}
		if m.cur < 0 {
			m.cur = min(old, len(d.figs)-1)
		}
		m.top = d.figs[m.cur].line - row
	}
	if len(d.figs) > 0 {
		m.wantX = d.figs[m.cur].x + d.figs[m.cur].w/2
	}
	m.clampTop()
	m.ensureVisible()
}

// keptDocs is how many periods keep their laid-out document: the one in view and the
// next likely one (computed ahead, or the one seen before). A county's is a few MB, and
// resident memory is tight (SPEC.md §7: ≤ 100 MB; 108 MB after six year switches with
// four kept, 91–95 with two). Tallies themselves are small and all kept; a period whose document was
// dropped is laid out again when shown, in a command (30–70 ms at county scale).
const keptDocs = 2

// keep stores a period's tally and document, dropping the documents of the periods seen
// longest ago beyond keptDocs.
func (m *Model) keep(p model.Period, c computed) {
	m.tallies[p] = c
	for i, q := range m.recent {
		if q == p {
			m.recent = append(m.recent[:i], m.recent[i+1:]...)
			break
		}
	}
	m.recent = append(m.recent, p)
	for len(m.recent) > keptDocs {
		m.dropDoc(m.recent[0])
		m.recent = m.recent[1:]
	}
}

// dropDoc forgets a period's document (its tally stays).
func (m *Model) dropDoc(p model.Period) {
	if c, ok := m.tallies[p]; ok {
		c.doc = nil
		m.tallies[p] = c
	}
}

// keepAhead stores a tally computed ahead. Its document counts as seen just before the
// period in view: the next to be shown, it stays, and the one seen longest ago goes.
func (m *Model) keepAhead(p model.Period, c computed) {
	if _, ok := m.tallies[p]; ok {
		return
	}
	m.tallies[p] = c
	if c.doc == nil {
		return
	}
	at := max(len(m.recent)-1, 0)
	m.recent = append(m.recent[:at], append([]model.Period{p}, m.recent[at:]...)...)
	for len(m.recent) > keptDocs {
		m.dropDoc(m.recent[0])
		m.recent = m.recent[1:]
	}
}

// shown is the document of the period in view, or nil while it is computed.
func (m *Model) shown() *doc {
	if m.doc == nil || m.doc.period != m.period() {
		return nil
	}
	if _, ok := m.tallies[m.period()]; !ok {
		return nil
	}
	return m.doc
}

func (m *Model) bodyH() int { return max(m.height-headerLines, 1) }

func (m *Model) clampTop() {
	if m.doc == nil {
		m.top = 0
		return
	}
	m.top = min(m.top, len(m.doc.lines)-m.bodyH())
	m.top = max(m.top, 0)
}

// ensureVisible scrolls so that the selected figure is on screen with a line or two
// around it.
func (m *Model) ensureVisible() {
	d := m.doc
	if d == nil || len(d.figs) == 0 {
		return
	}
	l := d.figs[m.cur].line
	h := m.bodyH()
	margin := min(2, h/4)
	if l < m.top+margin {
		m.top = l - margin
	}
	if l > m.top+h-1-margin {
		m.top = l - h + 1 + margin
	}
	m.clampTop()
}

// Update handles a message.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tab.SettingsMsg:
		m.settings = msg.Settings
		return nil
	case tab.ChangedMsg:
		// The period in view stays on screen (marked as computing) until the new tally
		// replaces it; other periods are computed again when shown.
		p := m.period()
		keep, ok := m.tallies[p]
		m.dropAhead()      // it counts the records as they were
		m.browsing = false // the recount is not the user's browsing: nothing is computed ahead
		m.tallies, m.recent = map[model.Period]computed{}, nil
		if ok {
			m.keep(p, keep)
			m.stale = p
		}
		cmds := []tea.Cmd{m.compute(ChangeDelay)}
		if r := m.records(); r != nil {
			cmds = append(cmds, r.wl.Refresh())
		}
		return tea.Batch(cmds...)
	case tab.ShownMsg:
		m.browsing = true
		if m.computing != (model.Period{}) {
			return nil // its answer asks for the year before
		}
		return m.aheadLater()
	case tallyMsg:
		return m.onTally(msg)
	case prefetchMsg:
		return m.prefetch(msg.gen)
	case yearMsg:
		if msg.gen != m.yearGen {
			return nil
		}
		y := m.year
		return func() tea.Msg { return tab.YearMsg{Year: y} }
	case components.PageMsg:
		return m.stack.Update(msg)
	case dirMsg:
		m.docsDir = msg.dir
		return nil
	case checkedMsg:
		return m.onChecked(msg)
	case exportedMsg:
		return m.onExported(msg)
	case progressMsg:
		if m.exp != nil && m.exp.running && msg.seq == m.exp.seq {
			return progressTick(msg.seq)
		}
		return nil
	case tea.KeyMsg:
		return m.key(msg)
	}
	return nil
}

func (m *Model) key(msg tea.KeyMsg) tea.Cmd { return m.stack.Update(msg) }

func (m *Model) tallyKey(msg tea.KeyMsg) tea.Cmd {
	k := m.k
	switch {
	case matches(msg, k.PrevYear):
		return m.setYear(m.year - 1)
	case matches(msg, k.NextYear):
		return m.setYear(m.year + 1)
	case matches(msg, k.Range):
		return m.toggleRange()
	case matches(msg, k.Export):
		return m.openExport()
	}
	d := m.shown()
	if d == nil {
		return nil
	}
	switch {
	case matches(msg, k.Up):
		m.moveLine(-1)
	case matches(msg, k.Down):
		m.moveLine(1)
	case matches(msg, k.Left):
		m.moveInLine(-1)
	case matches(msg, k.Right):
		m.moveInLine(1)
	case matches(msg, k.PageUp):
		m.page(-1)
	case matches(msg, k.PageDown):
		m.page(1)
	case matches(msg, k.Home):
		if len(d.figs) > 0 {
			m.cur = 0
			m.wantX = d.figs[0].x
		}
		m.top = 0
	case matches(msg, k.End):
		if len(d.figs) > 0 {
			m.cur = len(d.figs) - 1
			m.wantX = d.figs[m.cur].x
		}
		m.top = len(d.lines)
		m.clampTop()
	case matches(msg, k.Open):
		if len(d.figs) == 0 {
			return nil
		}
		return m.openRecords(d.figs[m.cur])
	}
	return nil
}

// moveLine moves the selection to the nearest figure dir lines of figures up or down.
// Past the first or the last figure it scrolls a line (the headings above, the summary
// below).
func (m *Model) moveLine(dir int) {
	d := m.doc
	if len(d.figs) == 0 {
		m.top += dir
		m.clampTop()
		return
	}
	for l := d.figs[m.cur].line + dir; l >= 0 && l < len(d.lines); l += dir {
		if len(d.lines[l].figs) > 0 {
			m.cur = d.nearest(l, m.wantX)
			m.ensureVisible()
			return
		}
	}
	m.top += dir
	m.clampTop()
}

func (m *Model) moveInLine(dir int) {
	d := m.doc
	if len(d.figs) == 0 {
		return
	}
	figs := d.lines[d.figs[m.cur].line].figs
	for i, f := range figs {
		if f == m.cur && i+dir >= 0 && i+dir < len(figs) {
			m.cur = figs[i+dir]
			break
		}
	}
	m.wantX = d.figs[m.cur].x + d.figs[m.cur].w/2
}

// page scrolls a screen and selects the figure on screen nearest the row the selection
// was on (the selection stays when no figure is on screen, e.g. in the summary).
func (m *Model) page(dir int) {
	d := m.doc
	h := m.bodyH()
	row := 0
	if len(d.figs) > 0 {
		row = d.figs[m.cur].line - m.top
	}
	m.top += dir * max(h-1, 1)
	m.clampTop()
	target := m.top + row
	best, bestD := -1, 1<<30
	for _, l := range d.figLines() {
		if l < m.top || l >= m.top+h {
			continue
		}
		dist := l - target
		if dist < 0 {
			dist = -dist
		}
		if dist < bestD {
			best, bestD = l, dist
		}
	}
	if best >= 0 {
		m.cur = d.nearest(best, m.wantX)
	}
}

// View draws the tab: exactly width x height.
func (m *Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	return m.stack.View()
}

func (m *Model) tallyView() string {
	w, h := m.width, m.height
	lines := make([]string, 0, h)
	d := m.shown()

	// Title and period.
	p := m.period()
	title := m.t(i18n.StTitle, textwidth.Clean(m.township()), m.periodLabel(p))
	state := ""
	switch {
	case m.err != "":
		state = m.t(i18n.StFailed)
	case d == nil || m.computing == p:
		state = m.t(i18n.StComputing)
	case strings.HasPrefix(m.tallies[p].t.AsOf, itoa(int64(m.year))):
		state = m.t(i18n.StAsOf, m.tallies[p].t.AsOf)
	default:
		state = m.t(i18n.StWholeYear)
	}
	lines = append(lines, m.titleLine(title, state))

	// The selected figure.
	sel := ""
	if d != nil && len(d.figs) > 0 {
		c := d.figs[m.cur]
		hint := "  " + m.t(i18n.StOpenHint)
		text := " > " + c.path + m.t(i18n.StColon) + c.value
		if textwidth.Width(text)+textwidth.Width(hint) > w {
			text = textwidth.Truncate(text, max(w-textwidth.Width(hint), 0))
		}
		sel = styles.Bold.Render(text) + styles.Dim.Render(hint)
	}
	lines = append(lines, textwidth.FitStyled(sel, w))
	// A rule, with where the screen is in the document.
	bodyH := h - len(lines) - 1
	rule := strings.Repeat("-", w)
	if d != nil && len(d.lines) > bodyH {
		pos := " " + itoa(int64(m.top+1)) + "-" + itoa(int64(min(m.top+bodyH, len(d.lines)))) + "/" + itoa(int64(len(d.lines))) + " "
		if w > len(pos)+4 {
			rule = strings.Repeat("-", w-len(pos)-2) + pos + "--"
		}
	}
	lines = append(lines, styles.Dim.Render(rule))

	switch {
	case d != nil:
		for i := m.top; i < len(d.lines) && i < m.top+bodyH; i++ {
			lines = append(lines, d.line(i, m.cur))
		}
	case m.err != "":
		lines = append(lines, strings.Split(components.Notice(w, bodyH, m.t(i18n.StFailedTitle, m.periodLabel(p)), m.err), "\n")...)
	default:
		lines = append(lines, strings.Split(components.Notice(w, bodyH, m.t(i18n.StComputingTitle, m.periodLabel(p)), m.t(i18n.StComputingBody)), "\n")...)
	}
	return textwidth.Block(lines, w, h)
}

// township is the name titles use (model.Settings.TitleTownship).
func (m *Model) township() string { return m.settings.TitleTownship() }

// titleLine is the first line: the title, the state (as of, computing) and the periods
// around the one in view (none after the current year), shortened to fit: the periods go
// first, then the state.
func (m *Model) titleLine(title, state string) string {
	w := m.width
	p := m.period()
	short := func(p model.Period) string {
		if p.Single() {
			return itoa(int64(p.From))
		}
		return itoa(int64(p.From)) + "-" + itoa(int64(p.To))
	}
	prev := model.Period{From: p.From - 1, To: p.To - 1}
	next := ""
	if p.To < m.env.Now().Year() {
		next = short(model.Period{From: p.From + 1, To: p.To + 1})
	}
	nav := m.t(i18n.StRangeNav, short(prev), short(p), next)
	if next == "" {
		nav = strings.TrimRight(strings.TrimSuffix(nav, ">"), " ")
	}
	navs := []string{nav, "< " + short(p) + " >", ""}
	for _, withState := range []bool{true, false} {
		for _, nav := range navs {
			left := " " + title
			st := ""
			if withState {
				st = "  " + state
			}
			gap := w - textwidth.Width(left) - textwidth.Width(st) - textwidth.Width(nav) - 1
			if gap < 1 {
				if nav != "" || withState {
					continue
				}
				return styles.Accent.Render(textwidth.Fit(left, w))
			}
			line := styles.Accent.Render(left) + styles.Dim.Render(st) + strings.Repeat(" ", max(gap, 0))
			if nav != "" {
				line += styles.Dim.Render(nav)
			}
			return textwidth.FitStyled(line, w)
		}
	}
	return ""
}

var _ tab.Tab = (*Model)(nil)
