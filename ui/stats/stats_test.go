package stats

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"
	"github.com/xuri/excelize/v2"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/store/demo"
	"shuangyong/store/tally"
	"shuangyong/ui/internal/uitest"
	"shuangyong/ui/tab"
	"shuangyong/ui/textwidth"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	textwidth.Configure()
	code := m.Run()
	if demoDir != "" {
		os.RemoveAll(demoDir)
	}
	os.Exit(code)
}

// The demo ledger is generated once per test binary and copied for each test (a test may
// write to its copy).
var (
	demoOnce sync.Once
	demoDir  string
	demoFile string
	demoErr  error
)

// demoStore opens a copy of a small demo ledger (300 people, about 3000 events and
// visits, data up to the tests' fixed today) with the tests' clock.
func demoStore(t testing.TB) *store.Store {
	t.Helper()
	demoOnce.Do(func() {
		dir, err := os.MkdirTemp("", "sy-stats-demo")
		if err != nil {
			demoErr = err
			return
		}
		demoDir, demoFile = dir, filepath.Join(dir, "demo.db")
		s, err := store.Open(context.Background(), demoFile, store.Options{Operator: "测试员"})
		if err != nil {
			demoErr = err
			return
		}
		s.Now = uitest.Clock
		_, demoErr = demo.Generate(context.Background(), s, demo.Options{People: 300, Events: 3000, Seed: 7, Today: uitest.Now})
		if err := s.Close(); demoErr == nil {
			demoErr = err
		}
	})
	if demoErr != nil {
		t.Fatal(demoErr)
	}
	data, err := os.ReadFile(demoFile)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "台账.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(context.Background(), path, store.Options{Operator: "测试员"})
	if err != nil {
		t.Fatal(err)
	}
	s.Now = uitest.Clock
	t.Cleanup(func() { s.Close() })
	return s
}

// driver runs the tab alone, synchronously: every command runs and its messages are fed
// back, as the root would; status and year messages are kept for the test.
type driver struct {
	t      testing.TB
	m      *Model
	w, h   int
	status []tab.StatusMsg
	years  []int
}

func newDriver(t testing.TB, s *store.Store, lang model.Lang, w, h int) *driver {
	t.Helper()
	d := &driver{t: t, m: New(uitest.Env(s, lang)), w: w, h: h}
	d.m.SetSize(w, h)
	d.run(d.m.Init())
	st, err := s.Settings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	d.send(tab.SettingsMsg{Settings: st})
	d.m.docsDir = "/home/cadre/Documents" // the same in every environment
	return d
}

func (d *driver) send(msg tea.Msg) {
	d.t.Helper()
	d.run(d.m.Update(msg))
}

func (d *driver) run(cmd tea.Cmd) {
	d.t.Helper()
	uitest.Settle(d.t, cmd, func(msg tea.Msg) tea.Cmd {
		switch msg := msg.(type) {
		case tab.StatusMsg:
			d.status = append(d.status, msg)
			return nil
		case tab.YearMsg:
			d.years = append(d.years, msg.Year)
			return nil
		}
		return d.m.Update(msg)
	})
}

func (d *driver) key(k tea.KeyType) { d.t.Helper(); d.send(tea.KeyMsg{Type: k}) }

func (d *driver) text(s string) {
	d.t.Helper()
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)})
}

// view draws the tab and checks its size and cleanliness.
func (d *driver) view() string {
	d.t.Helper()
	return uitest.CheckView(d.t, d.m.View(), d.w, d.h)
}

func (d *driver) lastStatus() tab.StatusMsg {
	if len(d.status) == 0 {
		return tab.StatusMsg{}
	}
	return d.status[len(d.status)-1]
}

// selectFig puts the cursor on figure f.
func (d *driver) selectFig(f tally.Figure) {
	d.t.Helper()
	i := d.m.doc.find(f)
	if i < 0 {
		d.t.Fatalf("figure %+v is not on screen", f)
	}
	d.m.cur = i
	d.m.ensureVisible()
}

func TestTallyOnScreen(t *testing.T) {
	d := newDriver(t, demoStore(t), model.Zh, 120, 36)
	v := d.view()
	for _, want := range []string{"2026年度双拥工作统计", "截至 2026-11-20", "主要指标（与上年比较）", "走访慰问人次", "2025年"} {
		if !strings.Contains(v, want) {
			t.Errorf("screen lacks %q:\n%s", want, v)
		}
	}
	tl := d.m.tallies[model.YearPeriod(2026)].t
	if tl.Headline.Visits == 0 || tl.Headline.OnRoll == 0 {
		t.Fatalf("empty tally: %+v", tl.Headline)
	}
	// Every section is in the document, every figure of the headline is selectable.
	var all []string
	for i := range d.m.doc.lines {
		all = append(all, uitest.Plain(d.m.doc.line(i, -1)))
	}
	text := strings.Join(all, "\n")
	for _, want := range []string{"走访覆盖率", "各月双拥活动与走访慰问", "优抚对象基本情况", "优抚对象分村（社区）统计",
		"走访慰问情况（按类别、季度）", "第四季度", "双拥活动情况（按类型、季度）", "拥军优属：各单位情况", "拥政爱民：各单位情况",
		"年度总结数字段落", "今年以来"} {
		if !strings.Contains(text, want) {
			t.Errorf("document lacks %q", want)
		}
	}
	for _, ms := range model.HeadlineMeasures {
		if d.m.doc.find(tally.Figure{Section: model.SecHeadline, Measure: ms}) < 0 {
			t.Errorf("headline %s not selectable", ms)
		}
	}
	// Every figure cell shows the tally's own value.
	for _, c := range d.m.doc.figs {
		v, ok := c.fig.Value(tl)
		if !ok {
			t.Errorf("figure %+v has no value", c.fig)
			continue
		}
		if !strings.HasPrefix(c.value, num(c.fig.Measure, v)+" ") {
			t.Errorf("figure %+v shows %q, tally says %d", c.fig, c.value, v)
		}
	}
	// The coverage gauge.
	if !strings.Contains(text, "] "+model.FormatPermille(tl.Visits.Coverage.Permille())) {
		t.Errorf("no coverage gauge")
	}
}

func TestYearKeys(t *testing.T) {
	d := newDriver(t, demoStore(t), model.Zh, 100, 30)
	for _, step := range []struct {
		key  tea.KeyMsg
		want int
	}{
		{tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("-")}, 2025},
		{tea.KeyMsg{Type: tea.KeyCtrlLeft}, 2024},
		{tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("＋")}, 2025},
		{tea.KeyMsg{Type: tea.KeyCtrlRight}, 2026},
		{tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("+")}, 2026}, // the current year at most: nothing to count later
		{tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("－")}, 2025},
		{tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("+")}, 2026},
	} {
		d.send(step.key)
		if d.m.year != step.want {
			t.Fatalf("%s: year %d, want %d", step.key, d.m.year, step.want)
		}
		if d.years[len(d.years)-1] != step.want {
			t.Errorf("%s: status line told %d, want %d", step.key, d.years[len(d.years)-1], step.want)
		}
		v := d.view()
		if !strings.Contains(v, uitest.Sprint(step.want, "年度双拥工作统计")) {
			t.Errorf("title does not show %d:\n%s", step.want, v)
		}
	}
	// Changing the year keeps the selected figure: the headline's 人次 stays selected.
	d.selectFig(tally.Figure{Section: model.SecHeadline, Measure: model.MVisits})
	d.text("-")
	c := d.m.doc.figs[d.m.cur]
	if c.fig != (tally.Figure{Section: model.SecHeadline, Measure: model.MVisits}) {
		t.Errorf("selection after the year changed: %+v", c.fig)
	}
	if c.value != itoa(int64(d.m.tallies[model.YearPeriod(2025)].t.Headline.Visits))+" 人次" {
		t.Errorf("selected value %q is not 2025's", c.value)
	}
	// A letter typed with the IME off is not a command here.
	d.text("q")
	if d.m.year != 2025 || d.m.screenOf() != scrTally {
		t.Errorf("a letter did something")
	}
}

// A tally that a newer request overtook is dropped; a cached year shows at once.
func TestStaleTallyDropped(t *testing.T) {
	d := newDriver(t, demoStore(t), model.Zh, 100, 30)
	oldSeq := d.m.computeSeq
	d.text("-") // 2025, computed
	fake := model.Tally{Year: 2025}
	fake.Headline.Visits = 987654
	d.send(tallyMsg{seq: oldSeq, period: model.YearPeriod(2025), tally: fake})
	if d.m.tallies[model.YearPeriod(2025)].t.Headline.Visits == 987654 || strings.Contains(d.view(), "987654") {
		t.Fatal("a stale tally was shown")
	}
	// Two requests in flight: only the newer answer counts.
	first := d.m.compute(0)
	second := d.m.compute(0)
	m2 := second()
	m1 := first() // cancelled: answers with an error or a result, both stale
	d.send(m2)
	d.send(m1)
	if len(d.status) > 0 && d.lastStatus().Error {
		t.Errorf("a cancelled request reported %q", d.lastStatus().Text)
	}
	if d.m.computing != (model.Period{}) || d.m.shown() == nil {
		t.Errorf("the newer tally is not shown")
	}
	// Back to 2026: cached, no computing state.
	d.text("+")
	if d.m.shown() == nil || d.m.computing != (model.Period{}) {
		t.Errorf("a computed year is not shown at once")
	}
	// Records changed elsewhere: the cache is dropped and the year recomputed.
	d.send(tab.ChangedMsg{From: tab.Families})
	if len(d.m.tallies) != 1 || d.m.shown() == nil || d.m.stale != (model.Period{}) {
		t.Errorf("after a change: %d tallies cached, stale %v", len(d.m.tallies), d.m.stale)
	}
	// A year kept on screen from before a change is computed again when shown again.
	d.m.tallies[model.YearPeriod(2025)] = computed{t: fake}
	d.m.stale = model.YearPeriod(2025)
	cmd := d.m.setYear(2025)
	if d.m.computing != model.YearPeriod(2025) {
		t.Errorf("a stale year was not recomputed")
	}
	d.run(cmd)
	if d.m.tallies[model.YearPeriod(2025)].t.Headline.Visits == 987654 || d.m.stale != (model.Period{}) {
		t.Errorf("the stale tally stayed")
	}
}

func TestMoving(t *testing.T) {
	d := newDriver(t, demoStore(t), model.Zh, 80, 20)
	doc := d.m.doc
	if d.m.cur != 0 || d.m.top != 0 {
		t.Fatalf("start: cur %d top %d", d.m.cur, d.m.top)
	}
	d.key(tea.KeyDown)
	if got := doc.figs[d.m.cur].fig; got != (tally.Figure{Section: model.SecHeadline, Measure: model.MNew}) {
		t.Errorf("Down selected %+v", got)
	}
	// Down through the whole document: every line of figures is reached in order and the
	// selection is always on screen.
	lines := doc.figLines()
	prev := doc.figs[d.m.cur].line
	for i := 0; i < len(lines)+5; i++ {
		d.key(tea.KeyDown)
		l := doc.figs[d.m.cur].line
		if l < prev {
			t.Fatalf("Down went up: line %d after %d", l, prev)
		}
		prev = l
		if l < d.m.top || l >= d.m.top+d.m.bodyH() {
			t.Fatalf("selection on line %d is off screen (top %d)", l, d.m.top)
		}
		d.view()
	}
	if d.m.cur != len(doc.figs)-1 && doc.figs[d.m.cur].line != lines[len(lines)-1] {
		t.Errorf("Down did not reach the last line of figures")
	}
	// Past the last figure Down scrolls on to the end (the summary).
	for i := 0; i < len(doc.lines); i++ {
		d.key(tea.KeyDown)
	}
	if d.m.top != len(doc.lines)-d.m.bodyH() {
		t.Errorf("did not scroll to the end: top %d of %d lines", d.m.top, len(doc.lines))
	}
	if v := d.view(); !strings.Contains(v, "今年以来") && !strings.Contains(v, "截至目前") {
		t.Errorf("the summary is not at the end:\n%s", v)
	}
	d.key(tea.KeyHome)
	if d.m.cur != 0 || d.m.top != 0 {
		t.Errorf("Home: cur %d top %d", d.m.cur, d.m.top)
	}
	// Right moves along a line, Left back.
	d.selectFig(tally.Figure{Section: model.SecVisits, Measure: model.MVisits})
	d.key(tea.KeyRight)
	if got := doc.figs[d.m.cur].fig; got != (tally.Figure{Section: model.SecVisits, Measure: model.MPeople}) {
		t.Errorf("Right selected %+v", got)
	}
	d.key(tea.KeyLeft)
	if got := doc.figs[d.m.cur].fig; got.Measure != model.MVisits {
		t.Errorf("Left selected %+v", got)
	}
	// PgDn scrolls a screen and keeps a figure on screen selected.
	top := d.m.top
	d.key(tea.KeyPgDown)
	if d.m.top <= top {
		t.Errorf("PgDn did not scroll: %d -> %d", top, d.m.top)
	}
	if l := doc.figs[d.m.cur].line; l < d.m.top || l >= d.m.top+d.m.bodyH() {
		t.Errorf("PgDn left the selection off screen")
	}
	d.key(tea.KeyPgUp)
	if d.m.top >= top+d.m.bodyH() {
		t.Errorf("PgUp did not scroll back")
	}
}

// countMeasure reports whether a figure counts the records behind it (people, visits or
// events), so that the drill-down's total must equal it; sums (participants, money,
// quantities) list the records they add up.
func countMeasure(f tally.Figure) bool {
	switch f.Measure {
	case model.MOnRoll, model.MNew, model.MRemoved, model.MPeople, model.MHouseholds, model.MCovered,
		model.MNotVisited, model.MVisits, model.MEvents, model.MActivities, model.MRounds:
		return true
	}
	return false
}

// Every counting figure on screen opens onto exactly as many records as it says.
func TestDrillDownCounts(t *testing.T) {
	d := newDriver(t, demoStore(t), model.Zh, 120, 36)
	tl := d.m.tallies[model.YearPeriod(2026)].t
	checked := map[model.Section]int{}
	for i := 0; i < len(d.m.doc.figs); i++ {
		c := d.m.doc.figs[i]
		if !countMeasure(c.fig) || (testing.Short() && i%7 != 0) {
			continue
		}
		want, _ := c.fig.Value(tl)
		d.m.cur = i
		d.key(tea.KeyEnter)
		r := d.m.records()
		if d.m.screenOf() != scrRecords || r == nil || r.table == nil {
			t.Fatalf("%+v: records not open", c.fig)
		}
		got := int64(r.table.Total())
		if c.fig.Measure == model.MHouseholds {
			got = int64(r.households)
		}
		if got != want {
			t.Errorf("%s (%+v): %d records, figure %d", c.path, c.fig, got, want)
		}
		checked[c.fig.Section]++
		d.key(tea.KeyEsc)
		if d.m.screenOf() != scrTally || d.m.cur != i {
			t.Fatalf("Esc did not come back to the figure")
		}
	}
	t.Logf("checked %v", checked)
	for _, sec := range []model.Section{model.SecHeadline, model.SecCoverage, model.SecMonths, model.SecRoster,
		model.SecVillages, model.SecVisits, model.SecEvents, model.SecSupportTo} {
		if checked[sec] == 0 {
			t.Errorf("no figure of %s checked", sec)
		}
	}
}

// Under a rule other than quarterly (F9), the 常态化联系 table counts and names that rule's
// period once the settings change reaches the tab, and each of its figures opens onto as
// many people as it says.
func TestContactsUnderAnotherRule(t *testing.T) {
	s := demoStore(t)
	ctx := context.Background()
	d := newDriver(t, s, model.Zh, 120, 36)
	before := d.m.tallies[model.YearPeriod(2026)].t.Contacts
	if before.Span != (model.MonthSpan{From: 10, To: 12}) || before.Total.Key == 0 {
		t.Fatalf("the default rule's table: %+v", before)
	}
	for _, c := range []struct {
		months int
		label  string
	}{{1, "11月"}, {6, "下半年"}, {12, "全年"}, {0, "全年"}} {
		ds := model.DefaultDutySettings()
		ds.Key.ContactMonths = c.months
		if err := s.SaveDutySettings(ctx, ds); err != nil {
			t.Fatal(err)
		}
		d.send(tab.ChangedMsg{From: -1}) // as the root broadcasts on saving F9
		tl := d.m.tallies[model.YearPeriod(2026)].t
		if tl.Contacts.Span.Label(model.Zh) != c.label {
			t.Fatalf("every %d months: the tab's tally counts %v", c.months, tl.Contacts.Span)
		}
		var all []string
		for i := range d.m.doc.lines {
			all = append(all, uitest.Plain(d.m.doc.line(i, -1)))
		}
		text := strings.Join(all, "\n")
		for _, want := range []string{c.label + "已联系", c.label + "未联系"} {
			if !strings.Contains(text, want) {
				t.Errorf("every %d months: the document lacks %q", c.months, want)
			}
		}
		// The paragraph is wrapped: its lines read on.
		for i := range all {
			all[i] = strings.TrimSpace(all[i])
		}
		if want := c.label + "常态化联系完成率" + model.FormatPermille(tl.Contacts.Total.Permille()); !strings.Contains(strings.Join(all, ""), want) {
			t.Errorf("every %d months: the paragraph lacks %q", c.months, want)
		}
		if strings.Contains(text, "季度已联系") {
			t.Errorf("every %d months: a quarter is named", c.months)
		}
		if n := strings.Count(text, "全年已联系"); n > 1 {
			t.Errorf("every %d months: 全年已联系 titles %d columns", c.months, n)
		}
		checked := 0
		for i, f := range d.m.doc.figs {
			if f.fig.Section != model.SecContacts {
				continue
			}
			want, _ := f.fig.Value(tl)
			d.m.cur = i
			d.key(tea.KeyEnter)
			r := d.m.records()
			if d.m.screenOf() != scrRecords || r == nil || r.table == nil {
				t.Fatalf("%+v: records not open", f.fig)
			}
			if got := int64(r.table.Total()); got != want {
				t.Errorf("every %d months, %s: %d people, figure %d", c.months, f.path, got, want)
			}
			checked++
			d.key(tea.KeyEsc)
		}
		if checked < 10 {
			t.Errorf("every %d months: %d figures of the table checked", c.months, checked)
		}
	}
}

// The drill-down is a window: scrolling fetches the next rows; Esc returns to the same
// place of the tally.
func TestRecordsWindow(t *testing.T) {
	d := newDriver(t, demoStore(t), model.Zh, 100, 24)
	d.selectFig(tally.Figure{Section: model.SecHeadline, Measure: model.MVisits})
	for i := 0; i < 3; i++ {
		d.key(tea.KeyDown)
	}
	cur, top := d.m.cur, d.m.top
	path := d.m.doc.figs[cur].path
	value := d.m.doc.figs[cur].value
	d.key(tea.KeyEnter)
	r := d.m.records()
	total := r.table.Total()
	if total < 200 {
		t.Fatalf("too few records for the test: %d", total)
	}
	v := d.view()
	if !strings.Contains(v, "2026年度明细") || !strings.Contains(uitest.Plain(v), value) {
		t.Errorf("records header:\n%s", v)
	}
	if len(r.table.WindowRows()) >= total {
		t.Errorf("the whole list was fetched (%d rows)", len(r.table.WindowRows()))
	}
	d.key(tea.KeyEnd)
	if r.table.Cursor() != total-1 {
		t.Errorf("End: cursor %d of %d", r.table.Cursor(), total)
	}
	if _, ok := r.table.SelectedID(); !ok {
		t.Errorf("the last window was not fetched")
	}
	if v := d.view(); strings.Contains(v, " ...") {
		t.Errorf("rows missing after End:\n%s", v)
	}
	d.key(tea.KeyPgUp)
	d.view()
	d.key(tea.KeyEsc)
	if d.m.screenOf() != scrTally || d.m.cur != cur || d.m.top != top || d.m.doc.figs[cur].path != path {
		t.Errorf("Esc: cur %d top %d, want %d %d", d.m.cur, d.m.top, cur, top)
	}
}

func TestExportWorkbook(t *testing.T) {
	d := newDriver(t, demoStore(t), model.Zh, 100, 30)
	d.text("-")
	d.key(tea.KeyF6)
	if d.m.screenOf() != scrExport || !d.m.Modal() {
		t.Fatal("F6 did not open the export form")
	}
	v := d.view()
	for _, want := range []string{"导出2025年度统计", "内部版", "Excel 工作簿", "/home/cadre/Documents/"} {
		if !strings.Contains(v, want) {
			t.Errorf("form lacks %q:\n%s", want, v)
		}
	}
	if got := d.m.exp.form.Value("path"); got != "/home/cadre/Documents/青山镇2025年度双拥工作统计表.xlsx" {
		// The demo's office is 青山镇人民政府, and no township is set: the title names the 镇.
		t.Errorf("default path %q", got)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "统计表.xlsx")
	d.m.exp.form.SetValue("path", path)
	d.key(tea.KeyF6)
	if st := d.lastStatus(); st.Error || st.Text != "已导出："+path {
		t.Fatalf("status %+v", st)
	}
	if d.m.screenOf() != scrTally || d.m.exp != nil {
		t.Errorf("the form stayed open")
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := strings.Join(f.GetSheetList(), ",")
	for _, want := range []string{"汇总", "走访慰问", "双拥活动", "走访明细"} {
		if !strings.Contains(sheets, want) {
			t.Errorf("workbook sheets %s lack %s", sheets, want)
		}
	}
	title, _ := f.GetCellValue("汇总", "A1")
	if !strings.Contains(title, "2025年度双拥工作统计表") {
		t.Errorf("title cell %q", title)
	}

	// Again to the same file: asked first; "go back" leaves it alone, "replace" writes.
	before, _ := os.Stat(path)
	d.key(tea.KeyF6)
	d.m.exp.form.SetValue("path", path)
	d.key(tea.KeyF6)
	if d.m.stack.Dialog == nil {
		t.Fatal("no question before replacing a file")
	}
	d.key(tea.KeyEnter) // the default answer: go back
	if d.m.screenOf() != scrExport || d.m.exp.running {
		t.Fatalf("not back in the form")
	}
	d.key(tea.KeyF6)
	d.key(tea.KeyLeft)
	d.key(tea.KeyEnter)
	after, _ := os.Stat(path)
	if st := d.lastStatus(); st.Error || !after.ModTime().After(before.ModTime()) && after.Size() == before.Size() {
		t.Errorf("not replaced: %+v", st)
	}
}

func TestExportCSVPublicAndText(t *testing.T) {
	d := newDriver(t, demoStore(t), model.Zh, 100, 30)
	dir := t.TempDir()
	d.key(tea.KeyF6)
	fm := d.m.exp.form
	fm.SetValue("path", filepath.Join(dir, "x.xlsx"))
	d.key(tea.KeyRight) // 公示版
	if !strings.HasSuffix(fm.Value("path"), "x.xlsx") {
		t.Errorf("the user's own name was replaced: %s", fm.Value("path"))
	}
	d.key(tea.KeyDown)
	d.key(tea.KeyRight) // csv
	if fm.Value("format") != "csv" || fm.Value("path") != filepath.Join(dir, "x.csv") {
		t.Errorf("format %s path %s", fm.Value("format"), fm.Value("path"))
	}
	d.key(tea.KeyDown) // the table (shown for csv)
	if fm.Focused() != "table" {
		t.Fatalf("focus on %s", fm.Focused())
	}
	d.key(tea.KeyDown)
	if fm.Focused() != "path" || !d.m.Typing() {
		t.Fatalf("focus on %s", fm.Focused())
	}
	d.key(tea.KeyEnter) // Enter in the path field starts
	data, err := os.ReadFile(filepath.Join(dir, "x.csv"))
	if err != nil {
		t.Fatalf("%v (status %+v)", err, d.lastStatus())
	}
	if !strings.HasPrefix(string(data), "\ufeff") || !strings.Contains(string(data), "合计") {
		t.Errorf("csv: %.200s", data)
	}

	// The summary paragraph as text; the automatic name follows the format.
	d.key(tea.KeyF6)
	fm = d.m.exp.form
	d.key(tea.KeyDown)
	d.key(tea.KeyLeft) // xlsx -> text (wraps)
	if fm.Value("format") != "text" || !strings.HasSuffix(fm.Value("path"), "2026年度双拥工作总结数字段落.txt") {
		t.Errorf("format %s path %s", fm.Value("format"), fm.Value("path"))
	}
	fm.SetValue("path", filepath.Join(dir, "总结"))
	d.key(tea.KeyCtrlS)
	data, err = os.ReadFile(filepath.Join(dir, "总结.txt"))
	if err != nil || !strings.Contains(string(data), "今年以来") {
		t.Errorf("text: %v %.100s", err, data)
	}

	// A folder that does not exist: said at the field, nothing written.
	d.key(tea.KeyF6)
	d.m.exp.form.SetValue("path", filepath.Join(dir, "没有", "x.xlsx"))
	d.key(tea.KeyF6)
	if d.m.screenOf() != scrExport || !strings.Contains(d.m.exp.form.Error("path"), "文件夹不存在") {
		t.Errorf("missing folder: %q", d.m.exp.form.Error("path"))
	}
	d.key(tea.KeyEsc)
	if d.m.screenOf() != scrTally {
		t.Errorf("Esc did not close the form")
	}
}

// The progress box shows the exporter's counters; Esc cancels the export.
func TestExportProgressAndCancel(t *testing.T) {
	d := newDriver(t, demoStore(t), model.Zh, 80, 20)
	d.key(tea.KeyF6)
	path := filepath.Join(t.TempDir(), "x.xlsx")
	d.m.exp.form.SetValue("path", path)
	e := d.m.exp
	cmd := d.m.runExport(path) // not run: the export is "in flight"
	e.done.Store(30)
	e.total.Store(120)
	v := d.view()
	if !strings.Contains(v, "25%") || !strings.Contains(v, "[#") || d.m.Modal() {
		t.Errorf("progress:\n%s", v)
	}
	d.key(tea.KeyEsc)
	d.run(cmd)
	if _, err := os.Stat(path); err == nil {
		t.Errorf("a cancelled export wrote the file")
	}
	if st := d.lastStatus(); st.Error || !strings.Contains(st.Text, "已取消") {
		t.Errorf("status %+v", st)
	}
	// While it ran, the status line named it (not the previous export's path).
	running := false
	for _, st := range d.status {
		running = running || strings.Contains(st.Text, "正在导出2026年度统计（内部版，xlsx）")
	}
	if !running {
		t.Errorf("statuses %+v", d.status)
	}
}

// Resizing keeps the selected figure and keeps it on screen.
func TestResizeKeepsSelection(t *testing.T) {
	d := newDriver(t, demoStore(t), model.Zh, 160, 40)
	f := tally.Figure{Section: model.SecVisits, Category: model.CatVeteran, Quarter: 3, Measure: model.MHouseholds}
	d.selectFig(f)
	for _, size := range [][2]int{{80, 20}, {120, 36}, {97, 27}} {
		d.w, d.h = size[0], size[1]
		d.m.SetSize(size[0], size[1])
		c := d.m.doc.figs[d.m.cur]
		if c.fig != f {
			t.Fatalf("%v: selection %+v", size, c.fig)
		}
		if c.line < d.m.top || c.line >= d.m.top+d.m.bodyH() {
			t.Errorf("%v: selection off screen", size)
		}
		if v := d.view(); !strings.Contains(v, "退役士兵 / 第三季度 / 户数") {
			t.Errorf("%v: selected figure not named:\n%s", size, v)
		}
	}
	// A unit that has no row in another year: the same column is selected instead.
	sup := d.m.tallies[model.YearPeriod(2026)].t.SupportTo
	if len(sup.Rows) == 0 {
		t.Skip("no support rows")
	}
	d.selectFig(tally.Figure{Section: model.SecSupportTo, UnitID: sup.Rows[0].UnitID, Measure: model.MMoney})
	other := d.m.tallies[model.YearPeriod(2026)].t
	other.Year = 2025
	other.SupportTo.Rows = sup.Rows[1:]
	d.m.tallies[model.YearPeriod(2025)] = computed{t: other}
	d.text("-")
	if got := d.m.doc.figs[d.m.cur].fig; got.Section != model.SecSupportTo || got.Measure != model.MMoney {
		t.Errorf("after the year changed: %+v", got)
	}
}

func TestEmptyYearAndLedger(t *testing.T) {
	d := newDriver(t, uitest.Open(t), model.Zh, 80, 20)
	v := d.view()
	if !strings.Contains(v, "2026年度没有登记任何优抚对象、走访或活动") {
		t.Errorf("empty ledger:\n%s", v)
	}
	d.key(tea.KeyEnter) // nothing to open
	if d.m.screenOf() != scrTally {
		t.Errorf("Enter opened something")
	}
}

// shots visits every screen of the tab and hands each view to check.
func shots(t *testing.T, lang model.Lang, w, h int, check func(name, view string)) {
	d := newDriver(t, demoStore(t), lang, w, h)
	shot := func(name string) { check(name, d.view()) }
	shot("tally")
	n := 0
	for d.m.top < len(d.m.doc.lines)-d.m.bodyH() {
		d.key(tea.KeyPgDown)
		shot("page" + uitest.Sprint(n))
		n++
	}
	d.key(tea.KeyHome)
	d.selectFig(tally.Figure{Section: model.SecVisits, Measure: model.MVisits})
	shot("visits")
	for _, f := range []tally.Figure{
		{Section: model.SecVisits, Measure: model.MVisits},
		{Section: model.SecHeadline, Measure: model.MHouseholds},
		{Section: model.SecEvents, Measure: model.MEvents},
	} {
		d.selectFig(f)
		d.key(tea.KeyEnter)
		shot("records_" + string(f.Section) + "_" + string(f.Measure))
		d.key(tea.KeyEsc)
	}
	d.key(tea.KeyF6)
	shot("export")
	e := d.m.exp
	e.running, e.path = true, "/home/cadre/Documents/统计表.xlsx"
	e.opt.Format = "xlsx"
	e.done.Store(1)
	e.total.Store(3)
	shot("export_progress")
	e.running = false
	d.key(tea.KeyEsc)
	d.text("-")
	d.m.computing = d.m.period() // as while the next year is computed
	shot("computing")
}

// Golden screens under the ASCII colour profile (refresh with go test -update). The same files hold under both East Asian width
// settings — the screens keep ambiguous-width characters out, so a frame that differs is a
// bug. The width libraries read RUNEWIDTH_EASTASIAN when the program starts, so the other
// setting is checked in a child process of this test binary.
func TestGolden(t *testing.T) {
	child := uitest.WidthChild(t)
	for _, size := range []struct{ w, h int }{{120, 36}, {80, 20}} {
		t.Run(uitest.Sprint(size.w, "x", size.h), func(t *testing.T) {
			shots(t, model.Zh, size.w, size.h, func(name, view string) {
				switch {
				case name == "tally", name == "visits", name == "export", name == "export_progress",
					strings.HasPrefix(name, "records_"):
					t.Run(name, func(t *testing.T) { golden.RequireEqual(t, []byte(view)) })
				}
			})
		})
	}
	if !child {
		uitest.RunWidthChild(t, "TestGolden", uitest.OtherWidth())
	}
}

// Every line of every screen is exactly the width under RUNEWIDTH_EASTASIAN=0 and =1 (the
// width libraries read it at start, so each runs in a child process).
func TestWidthInvariant(t *testing.T) {
	if uitest.WidthChild(t) {
		for _, size := range []struct{ w, h int }{{80, 20}, {97, 27}, {120, 36}, {181, 46}} {
			for _, lang := range []model.Lang{model.Zh, model.En} {
				n := 0
				shots(t, lang, size.w, size.h, func(name, view string) {
					n++
					uitest.CheckWidth(t, view, size.w, size.h)
				})
				if n < 8 {
					t.Fatalf("only %d screens", n)
				}
			}
		}
		return
	}
	for _, ea := range []string{"0", "1"} {
		uitest.RunWidthChild(t, "TestWidthInvariant", ea)
	}
}

// The grid splits tables that do not fit into blocks, and every line fits.
func TestGridBlocks(t *testing.T) {
	for _, w := range []int{80, 100, 160} {
		d := &doc{width: w}
		g := &grid{title: "T", labelTitle: "L"}
		for q := 0; q < 5; q++ {
			g.groups = append(g.groups, ggroup{title: "第一季度", cols: []gcol{{title: "人次"}, {title: "慰问金(元)"}, {title: "慰问品(元)"}}})
		}
		f := tally.Figure{Section: model.SecVisits}
		var cells [][]gcell
		for q := 0; q < 5; q++ {
			cells = append(cells, []gcell{{text: "12345", fig: &f}, {text: "1,234,567.00"}, {text: "7.00"}})
		}
		g.rows = []grow{{label: "60周岁以上农村籍退役士兵", short: "农村老兵", cells: cells}}
		g.render(d)
		for i, l := range d.lines {
			if got := lipgloss.Width(l.out); got != w {
				t.Errorf("width %d: line %d is %d wide: %q", w, i, got, l.out)
			}
		}
		if len(d.figs) != 5 {
			t.Errorf("width %d: %d figures, want 5", w, len(d.figs))
		}
		if w == 80 && len(d.lines) < 10 {
			t.Errorf("width 80: not split into blocks (%d lines)", len(d.lines))
		}
	}
}

func TestWrapText(t *testing.T) {
	s := "共开展走访慰问559次，慰问优抚对象2286户2589人、4888人次，发放慰问金152.996万元。"
	for w := 8; w < 40; w++ {
		lines := wrapText(s, w)
		if strings.Join(lines, "") != s {
			t.Fatalf("w %d: text changed: %q", w, lines)
		}
		for _, l := range lines {
			if textwidth.Width(l) > w {
				t.Errorf("w %d: line too wide: %q", w, l)
			}
			if strings.HasPrefix(l, "，") || strings.HasPrefix(l, "、") {
				t.Errorf("w %d: line starts with punctuation: %q", w, l)
			}
		}
		for i := 1; i < len(lines); i++ {
			a, b := lines[i-1], lines[i]
			if a[len(a)-1] >= '0' && a[len(a)-1] <= '9' && b[0] >= '0' && b[0] <= '9' {
				t.Errorf("w %d: number split: %q | %q", w, a, b)
			}
		}
	}
}

func TestFileNames(t *testing.T) {
	m := New(tab.Env{Lang: model.Zh, Now: uitest.Clock})
	m.settings.Office = `某县/退役军人"服务站"` // no 镇 in it: the title takes the whole name
	if got := m.fileName(model.YearPeriod(2026), "xlsx", "", false); got != "某县_退役军人_服务站_2026年度双拥工作统计表.xlsx" {
		t.Errorf("xlsx: %s", got)
	}
	if got := m.fileName(model.YearPeriod(2026), "csv", "visits", true); got != "某县_退役军人_服务站_2026年度走访慰问（公示版）.csv" {
		t.Errorf("csv: %s", got)
	}
	if got := m.fileName(model.YearPeriod(2025), "text", "", false); !strings.HasSuffix(got, "2025年度双拥工作总结数字段落.txt") {
		t.Errorf("text: %s", got)
	}
}

// A visit recorded from the 未走访 list (F5, or anywhere else) is counted again over the
// list: the figure above it and the list's count agree after the change, not only the
// count.
func TestRecordsFigureFollowsAChange(t *testing.T) {
	s := demoStore(t)
	d := newDriver(t, s, model.Zh, 120, 36)
	d.selectFig(tally.Figure{Section: model.SecHeadline, Measure: model.MNotVisited})
	before := d.m.doc.figs[d.m.cur].value
	d.key(tea.KeyEnter)
	r := d.m.records()
	id, ok := r.table.SelectedID()
	if !ok {
		t.Fatal("no one in the 未走访 list")
	}
	ev := model.Event{Date: "2026-11-20"}
	if err := s.RecordVisit(context.Background(), &ev, &model.Visit{PersonID: id, Date: "2026-11-20", Mode: "home"}); err != nil {
		t.Fatal(err)
	}
	d.send(tab.ChangedMsg{From: tab.Families})
	after := r.cell.value
	if after == before {
		t.Fatalf("the figure over the list stayed %q", before)
	}
	if n := strconv.Itoa(r.table.Total()) + " 人"; after != n {
		t.Errorf("figure %q, list %q", after, n)
	}
}
