// Package stats is the 统计 tab: the yearly tally of SPEC.md §5 for the year in view —
// the headline figures against last year's, a coverage gauge, a month chart and the
// tables — with a cursor over every figure: Enter lists the records behind it, Esc comes
// back, F6 writes the workbook (or a CSV, or the summary's figures as text).
//
// The tally is computed by store/tally in a tea.Cmd; the result comes back tagged with
// the request's sequence number and a newer request cancels the older one, so changing
// the year quickly never shows a stale year. View only draws the document laid out when
// the tally arrived.
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

// MinYear is the earliest year the tab shows (the latest is next year).
const MinYear = 1950

// YearSettle is how long the year must stay put before the status line is told.
const YearSettle = 40 * time.Millisecond

type screen int

const (
	scrTally screen = iota
	scrRecords
	scrExport
)

// headerLines are the lines above the tally's body: title and year, the selected figure,
// a rule.
const headerLines = 3

// Model is the tab.
type Model struct {
	env tab.Env
	k   bindings

	width, height int
	settings      model.Settings

	year    int
	seq     uint64
	tallies map[int]model.Tally // computed since the records last changed, by year

	yearGen    int    // the newest change of year (see setYear)
	computeSeq uint64 // the newest tally request
	computing  int    // the year being computed (0: none)
	staleYear  int    // a year shown from before the records changed (0: none)
	cancel     context.CancelFunc
	err        string // why the year in view could not be tallied

	doc   *doc
	cur   int // the selected figure
	top   int // the first body line shown
	wantX int // the column Up/Down aim for

	screen  screen
	rec     *records
	exp     *exportState
	docsDir string

	dialog *components.Dialog
}

// New makes the tab showing the current year.
func New(env tab.Env) *Model {
	return &Model{env: env, k: newBindings(env.Lang), year: env.Now().Year(), tallies: map[int]model.Tally{}}
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
	return tea.Batch(m.compute(StartDelay), func() tea.Msg { return dirMsg{dir: defaultDir(s.Path())} })
}

func (m *Model) Title() string { return m.t(i18n.TabStats) }

func (m *Model) SetSize(w, h int) {
	if w == m.width && h == m.height {
		return
	}
	m.width, m.height = w, h
	m.relayout()
	if m.rec != nil {
		m.rec.setSize(m)
	}
	if m.exp != nil {
		m.exp.form.SetSize(w, h)
	}
}

// Modal: the export form has the keyboard (Tab moves between its fields).
func (m *Model) Modal() bool {
	return m.dialog != nil || (m.screen == scrExport && !m.exp.running)
}

func (m *Model) Dirty() bool { return false }

// Typing: only the export form's file name is typed.
func (m *Model) Typing() bool {
	return m.dialog == nil && m.screen == scrExport && !m.exp.running && m.exp.form.Typing()
}

func (m *Model) ShortHelp() []key.Binding {
	switch {
	case m.dialog != nil:
		return keys.NewDialog(m.env.Lang).Short()
	case m.screen == scrExport && m.exp.running:
		return []key.Binding{m.k.StopExport}
	case m.screen == scrExport:
		return m.k.formShort()
	case m.screen == scrRecords:
		return m.k.recordsShort()
	}
	return m.k.tallyShort()
}

func (m *Model) Help() []keys.Group {
	switch {
	case m.dialog != nil:
		return m.k.group(m.env.Lang, i18n.GroupDialog, keys.NewDialog(m.env.Lang).Short())
	case m.screen == scrExport:
		return m.k.group(m.env.Lang, i18n.StGroupExport, []key.Binding{m.k.Start, m.k.Next, m.k.Choose, m.k.Cancel, m.k.StopExport})
	case m.screen == scrRecords:
		return m.k.group(m.env.Lang, i18n.StGroupRecords, m.k.recordsShort())
	}
	return m.k.group(m.env.Lang, i18n.StGroupTally, m.k.tallyFull())
}

// errText explains an error in one line (a damaged file without looking for backups:
// the root's check reports those off the loop).
func (m *Model) errText(err error) string {
	if store.KindOf(err) == store.ErrDamaged {
		return m.t(i18n.StatusReadOnlyRefused)
	}
	return i18n.Error(m.env.Ctx, m.env.Lang, err)
}

// Waiting before a tally that nobody asked for yet (at start, after a change), on a
// county-sized ledger only: the store has one connection, and a tally of 100 000 people
// holds it for a few hundred milliseconds, which the first screen and the next search
// keystroke must not wait for. A township's ledger is tallied in milliseconds, at once.
var (
	StartDelay  = 400 * time.Millisecond
	ChangeDelay = time.Second
)

// BigLedger is the number of people from which unasked tallies wait (see StartDelay).
const BigLedger = 20000

// compute asks for the tally of the year in view, cancelling the request before it;
// delay is how long to wait first on a big ledger (a newer request cancels the wait).
func (m *Model) compute(delay time.Duration) tea.Cmd {
	if m.cancel != nil {
		m.cancel()
	}
	ctx, cancel := context.WithCancel(m.env.Ctx)
	m.cancel = cancel
	seq := m.next()
	m.computeSeq, m.computing = seq, m.year
	s, year := m.env.Store, m.year
	return func() tea.Msg {
		defer cancel()
		if delay > 0 && bigLedger(ctx, s) {
			select {
			case <-time.After(delay):
			case <-ctx.Done():
				return tallyMsg{seq: seq, year: year, err: ctx.Err()}
			}
		}
		defer memlimit.Lift()()
		defer s.ShrinkCache(context.Background()) // the tally read two years whole
		t, err := tally.Compute(ctx, s, year)
		return tallyMsg{seq: seq, year: year, tally: t, err: err}
	}
}

// bigLedger reports whether the ledger holds county-sized numbers of people (the highest
// id: one index probe).
func bigLedger(ctx context.Context, s *store.Store) bool {
	var n int64
	if err := s.DB().QueryRowContext(ctx, "SELECT coalesce(max(id), 0) FROM people").Scan(&n); err != nil {
		return false
	}
	return n >= BigLedger
}

func (m *Model) onTally(msg tallyMsg) tea.Cmd {
	if msg.seq != m.computeSeq {
		return nil // a newer request overtook it
	}
	m.computing = 0
	if msg.err != nil {
		if errors.Is(msg.err, context.Canceled) {
			return nil
		}
		m.err = m.errText(msg.err)
		return tab.StatusError(m.err)
	}
	m.err = ""
	m.tallies[msg.year] = msg.tally
	if msg.year == m.staleYear {
		m.staleYear = 0
	}
	if msg.year == m.year {
		m.relayout()
	}
	return nil
}

// setYear shows another year: at once when it was computed since the last change,
// else after computing it.
func (m *Model) setYear(y int) tea.Cmd {
	y = min(max(y, MinYear), m.env.Now().Year()+1)
	if y == m.year {
		return nil
	}
	m.year = y
	m.err = ""
	m.yearGen++
	gen := m.yearGen
	// The status line learns the year after a short pause: commands finish in any order,
	// so a burst of key presses must not end with an older year's message.
	year := tea.Tick(YearSettle, func(time.Time) tea.Msg { return yearMsg{gen: gen} })
	if _, ok := m.tallies[y]; ok && y != m.staleYear {
		if m.cancel != nil {
			m.cancel()
		}
		m.computing = 0
		m.computeSeq = m.next()
		m.relayout()
		return year
	}
	return tea.Batch(year, m.compute(0))
}

// relayout lays the tally of the year in view out again (new tally, width or year),
// keeping the selected figure, and where it sits on the screen, when it still exists.
func (m *Model) relayout() {
	t, ok := m.tallies[m.year]
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
	d := m.layout(t, m.width)
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

// shown is the document of the year in view, or nil while it is computed.
func (m *Model) shown() *doc {
	if m.doc == nil || m.doc.year != m.year {
		return nil
	}
	if _, ok := m.tallies[m.year]; !ok {
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
		// The year in view stays on screen (marked as computing) until the new tally
		// replaces it; other years are computed again when shown.
		keep, ok := m.tallies[m.year]
		m.tallies = map[int]model.Tally{}
		if ok {
			m.tallies[m.year], m.staleYear = keep, m.year
		}
		cmds := []tea.Cmd{m.compute(ChangeDelay)}
		if m.rec != nil {
			cmds = append(cmds, m.rec.refetch(m))
		}
		return tea.Batch(cmds...)
	case tallyMsg:
		return m.onTally(msg)
	case yearMsg:
		if msg.gen != m.yearGen {
			return nil
		}
		y := m.year
		return func() tea.Msg { return tab.YearMsg{Year: y} }
	case recordsMsg:
		if m.rec == nil {
			return nil
		}
		return m.rec.onPage(m, msg)
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

func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	if cmd, took := components.KeyToDialog(&m.dialog, msg); took {
		return cmd
	}
	switch m.screen {
	case scrExport:
		return m.exportKey(msg)
	case scrRecords:
		return m.recordsKey(msg)
	}
	return m.tallyKey(msg)
}

func (m *Model) tallyKey(msg tea.KeyMsg) tea.Cmd {
	k := m.k
	switch {
	case matches(msg, k.PrevYear):
		return m.setYear(m.year - 1)
	case matches(msg, k.NextYear):
		return m.setYear(m.year + 1)
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
	if m.dialog != nil {
		return m.dialog.View(m.width, m.height)
	}
	switch m.screen {
	case scrExport:
		return m.exportView()
	case scrRecords:
		return m.rec.view(m)
	}
	return m.tallyView()
}

func (m *Model) tallyView() string {
	w, h := m.width, m.height
	lines := make([]string, 0, h)
	d := m.shown()

	// Title and year.
	office := textwidth.Clean(m.settings.Office)
	title := m.t(i18n.StTitle, office, m.year)
	state := ""
	switch {
	case m.err != "":
		state = m.t(i18n.StFailed)
	case d == nil || m.computing == m.year:
		state = m.t(i18n.StComputing)
	case strings.HasPrefix(m.tallies[m.year].AsOf, itoa(int64(m.year))):
		state = m.t(i18n.StAsOf, m.tallies[m.year].AsOf)
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
		lines = append(lines, strings.Split(components.Notice(w, bodyH, m.t(i18n.StFailedTitle, m.year), m.err), "\n")...)
	default:
		lines = append(lines, strings.Split(components.Notice(w, bodyH, m.t(i18n.StComputingTitle, m.year), m.t(i18n.StComputingBody)), "\n")...)
	}
	return textwidth.Block(lines, w, h)
}

// titleLine is the first line: the title, the state (as of, computing) and the years
// around the one in view, shortened to fit: the years go first, then the state.
func (m *Model) titleLine(title, state string) string {
	w := m.width
	navs := []string{m.t(i18n.StYearNav, m.year-1, m.year, m.year+1), "< " + itoa(int64(m.year)) + " >", ""}
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
