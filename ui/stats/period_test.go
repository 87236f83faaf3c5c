package stats

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/store/tally"
	"shuangyong/ui/internal/uitest"
	"shuangyong/ui/tab"
)

// Ctrl+R shows the five years up to the year in view (「近五年来」): every table and the
// paragraph of the range, no comparison; Ctrl+R again, the year.
func TestRangeMode(t *testing.T) {
	d := newDriver(t, demoStore(t), model.Zh, 120, 36)
	d.send(tea.KeyMsg{Type: tea.KeyCtrlR})
	want := model.Period{From: 2022, To: 2026}
	if d.m.period() != want || d.m.shown() == nil || d.m.shown().period != want {
		t.Fatalf("range mode: period %+v", d.m.period())
	}
	v := d.view()
	for _, s := range []string{"2022年至2026年双拥工作统计", "本期"} {
		if !strings.Contains(v, s) {
			t.Errorf("screen lacks %q:\n%s", s, v)
		}
	}
	var all []string
	for i := range d.m.doc.lines {
		all = append(all, uitest.Plain(d.m.doc.line(i, -1)))
	}
	text := strings.Join(all, "\n")
	for _, s := range []string{"2022年至2026年，", "合计（不含走访慰问）", "合计（含走访慰问）", "全期"} {
		if !strings.Contains(text, s) {
			t.Errorf("document lacks %q", s)
		}
	}
	if strings.Contains(text, "同比") || strings.Contains(text, "与上年比较") {
		t.Errorf("a range is compared with a year before:\n%s", text)
	}
	// The range's figures are the sum of its years' where they add up.
	tl := d.m.tallies[want].t
	sum := 0
	for y := 2022; y <= 2026; y++ {
		one, err := tally.Compute(d.m.env.Ctx, d.m.env.Store, y)
		if err != nil {
			t.Fatal(err)
		}
		sum += one.Headline.Visits
	}
	if sum != tl.Headline.Visits {
		t.Errorf("years add up to %d visits, the range says %d", sum, tl.Headline.Visits)
	}
	// Drill-down over the range.
	d.selectFig(tally.Figure{Section: model.SecHeadline, Measure: model.MVisits})
	d.key(tea.KeyEnter)
	if d.m.records() == nil || d.m.records().period != want || d.m.records().table == nil || d.m.records().table.Total() != tl.Headline.Visits {
		t.Errorf("records of the range")
	}
	d.key(tea.KeyEsc)
	// The year keys move the range; never past the current year.
	d.text("-")
	if d.m.period() != (model.Period{From: 2021, To: 2025}) {
		t.Errorf("- in range mode: %+v", d.m.period())
	}
	d.text("+")
	d.text("+")
	if d.m.period() != want {
		t.Errorf("+ past the current year: %+v", d.m.period())
	}
	d.send(tea.KeyMsg{Type: tea.KeyCtrlR})
	if d.m.period() != model.YearPeriod(2026) || d.m.shown() == nil {
		t.Errorf("back to one year: %+v", d.m.period())
	}
}

// Every change of period shows 计算中 under the new period's title, and none of the figures
// of the period before, until the new tally arrives (finding D6 of the TUI review); the
// document comes laid out with the tally, so the program's loop never lays it out.
func TestComputingEveryTime(t *testing.T) {
	d := newDriver(t, demoStore(t), model.Zh, 120, 36)
	before := d.view()
	cmd := d.m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("-")})
	v := d.view()
	if !strings.Contains(v, "2025年度双拥工作统计") || !strings.Contains(v, "计算中") {
		t.Errorf("after - the header is not 2025 computing:\n%s", v)
	}
	if strings.Contains(v, "主要指标") || strings.Contains(v, "在册人数") {
		t.Errorf("2026's figures shown under 2025:\n%s", v)
	}
	// The answer carries its document.
	var got tallyMsg
	uitestRun(cmd, func(msg tea.Msg) {
		if m, ok := msg.(tallyMsg); ok {
			got = m
		}
	})
	if got.doc == nil || got.doc.period != model.YearPeriod(2025) || got.doc.width != 120 {
		t.Fatalf("the tally came without its document: %+v", got.doc)
	}
	d.send(got)
	if v := d.view(); strings.Contains(v, "计算中") || !strings.Contains(v, "全年") || v == before {
		t.Errorf("2025 not shown:\n%s", v)
	}
	// The title never offers a year after the current one.
	d.text("+")
	if v := d.view(); strings.Contains(v, "2027") {
		t.Errorf("a later year is offered:\n%s", v)
	}
}

// uitestRun runs a command and the batch it may be, handing each message to fn (no Update).
func uitestRun(cmd tea.Cmd, fn func(tea.Msg)) {
	if cmd == nil {
		return
	}
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		for _, c := range b {
			uitestRun(c, fn)
		}
		return
	}
	fn(msg)
}

// The export form refuses the 公示版's list of people not visited at the field, and a
// range's export names the range.
func TestExportPublicNotVisitedAndRange(t *testing.T) {
	d := newDriver(t, demoStore(t), model.Zh, 120, 36)
	d.key(tea.KeyF6)
	fm := d.m.exp.form
	fm.SetValue("edition", edPublic)
	fm.SetValue("format", "csv")
	fm.SetValue("table", "not_visited")
	fm.SetValue("path", t.TempDir()+"/x.csv")
	d.key(tea.KeyF6)
	if d.m.exp.running || !strings.Contains(fm.Error("table"), "公示版不含未走访人员名单") {
		t.Errorf("public not-visited list: running %v, error %q", d.m.exp.running, fm.Error("table"))
	}
	d.key(tea.KeyEsc)
	d.send(tea.KeyMsg{Type: tea.KeyCtrlR})
	d.key(tea.KeyF6)
	if v := d.view(); !strings.Contains(v, "导出2022年至2026年统计") || !strings.Contains(d.m.exp.form.Value("path"), "2022年至2026年双拥工作统计表.xlsx") {
		t.Errorf("range export form:\n%s", v)
	}
}

// Only the last few periods keep their documents (a county's is a few MB); an older one is
// laid out again when shown.
func TestKeptDocuments(t *testing.T) {
	d := newDriver(t, demoStore(t), model.Zh, 100, 30)
	for i := 0; i < keptDocs+2; i++ {
		d.text("-")
	}
	withDoc := 0
	for _, c := range d.m.tallies {
		if c.doc != nil {
			withDoc++
		}
	}
	// The years seen, and the year before the last computed ahead (its document kept:
	// it is the next to be shown).
	if _, ok := d.m.tallies[model.YearPeriod(d.m.year-1)]; len(d.m.tallies) != keptDocs+4 || withDoc != keptDocs || !ok || d.m.tallies[model.YearPeriod(d.m.year-1)].doc == nil {
		t.Errorf("%d tallies, %d with documents", len(d.m.tallies), withDoc)
	}
	for i := 0; i < keptDocs+2; i++ {
		d.text("+")
	}
	if d.m.year != 2026 || d.m.shown() == nil || d.m.computing != (model.Period{}) {
		t.Errorf("back to 2026: shown %v", d.m.shown() != nil)
	}
}

// Once the user has moved to a year, the year before it is computed in the background
// and shows at once; a key pressed while it is computed waits for that computation
// rather than starting another; a change of the records throws it away.
func TestYearBeforeComputedAhead(t *testing.T) {
	d := newDriver(t, demoStore(t), model.Zh, 100, 30)
	if len(d.m.tallies) != 1 {
		t.Fatalf("the tally at start computed %d years (none ahead before the user comes)", len(d.m.tallies))
	}
	d.send(tab.ShownMsg{}) // the user switches to the tab: 2025 computed ahead
	if _, ok := d.m.tallies[model.YearPeriod(2025)]; !ok || d.m.ahead.seq != 0 {
		t.Fatalf("2025 was not computed ahead when the user came to the tab: %v", d.m.ahead)
	}
	cmd := d.m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("-")})
	if d.m.computing != (model.Period{}) || d.m.shown() == nil || d.m.shown().period != model.YearPeriod(2025) {
		t.Fatalf("2025 is not shown at once: computing %v", d.m.computing)
	}
	d.run(cmd) // 2024 ahead
	if _, ok := d.m.tallies[model.YearPeriod(2024)]; !ok || d.m.ahead.seq != 0 {
		t.Fatalf("2024 was not computed ahead: %v", d.m.ahead)
	}
	cmd = d.m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("-")})
	if d.m.computing != (model.Period{}) || d.m.shown() == nil || d.m.shown().period != model.YearPeriod(2024) {
		t.Fatalf("2024 is not shown at once: computing %v", d.m.computing)
	}
	d.run(cmd) // 2023 ahead

	// The user presses for 2022 while it is being computed ahead: that computation is
	// the request, and its answer is shown.
	d.text("-") // 2023, from memory; 2022 ahead, done by the driver
	delete(d.m.tallies, model.YearPeriod(2022))
	ahead := d.m.prefetch(d.m.yearGen)
	if ahead == nil || d.m.ahead.period != model.YearPeriod(2022) {
		t.Fatalf("2022 not computed ahead: %v", d.m.ahead)
	}
	seq := d.m.ahead.seq
	cmd = d.m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("-")})
	if d.m.computing != model.YearPeriod(2022) || d.m.computeSeq != seq || d.m.shown() != nil {
		t.Fatalf("the key did not wait for the computation ahead: computing %v, seq %d (ahead %d)", d.m.computing, d.m.computeSeq, seq)
	}
	d.run(cmd)
	d.run(ahead)
	if d.m.computing != (model.Period{}) || d.m.shown() == nil || d.m.shown().period != model.YearPeriod(2022) {
		t.Fatalf("2022 not shown from the computation ahead")
	}

	// Records change while 2021 is computed ahead: its answer is dropped, and nothing is
	// computed ahead after the recount.
	delete(d.m.tallies, model.YearPeriod(2021))
	ahead = d.m.prefetch(d.m.yearGen)
	if ahead == nil {
		t.Fatal("2021 not computed ahead")
	}
	msg := ahead()
	d.send(tab.ChangedMsg{From: tab.Families})
	d.send(msg)
	if _, ok := d.m.tallies[model.YearPeriod(2021)]; ok || len(d.m.tallies) != 1 {
		t.Errorf("after a change: %d tallies, 2021 kept %v", len(d.m.tallies), ok)
	}
}
