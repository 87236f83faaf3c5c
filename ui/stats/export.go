package stats

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/store/sheet"
	"shuangyong/ui/components"
	"shuangyong/ui/i18n"
	"shuangyong/ui/memlimit"
	"shuangyong/ui/styles"
	"shuangyong/ui/tab"
	"shuangyong/ui/textwidth"
)

// exportState is F6: a form choosing the edition, the format (and a CSV's table) and the
// file, then the export running in a tea.Cmd with its progress read from counters the
// exporter sets (a tick redraws the bar; no reference to the tea.Program is needed).
type exportState struct {
	form   *components.Form
	period model.Period
	auto   string // the file name last filled in automatically

	running bool
	seq     uint64
	path    string
	opt     sheet.Options
	done    atomic.Int64
	total   atomic.Int64
	cancel  context.CancelFunc
}

const (
	edInternal = "internal"
	edPublic   = "public"
)

// ProgressEvery is how often the progress bar is redrawn during an export.
const ProgressEvery = 100 * time.Millisecond

// fileName is the default file name of an export: 「<乡镇><year>年度双拥工作统计表.xlsx」.
func (m *Model) fileName(period model.Period, format, table string, public bool) string {
	office := components.FileSafe(m.township()) // as the title: 乡镇（街道）名称, else the 填报单位
	var base, ext string
	switch format {
	case sheet.FormatCSV:
		name := table
		for _, ti := range sheet.Tables() {
			if ti.Key == table && m.env.Lang != model.En {
				name = ti.Sheet
			}
		}
		base, ext = m.t(i18n.StFileCSV, office, m.periodLabel(period), components.FileSafe(name)), ".csv"
	case sheet.FormatText:
		base, ext = m.t(i18n.StFileText, office, m.periodLabel(period)), ".txt"
	default:
		base, ext = m.t(i18n.StFileXLSX, office, m.periodLabel(period)), ".xlsx"
	}
	if public {
		base += m.t(i18n.StFilePublic)
	}
	return strings.TrimSpace(base) + ext
}

func (m *Model) openExport() tea.Cmd {
	if m.exp != nil {
		return nil // one export at a time: its screen is on top
	}
	period := m.period()
	if r, ok := m.stack.Top().(*records); ok {
		period = r.period
	}
	var tables []components.Option
	for _, ti := range sheet.Tables() {
		label := ti.Title
		if m.env.Lang == model.En {
			label = ti.Key
		}
		tables = append(tables, components.Option{Value: ti.Key, Label: label})
	}
	fields := []*components.Field{
		{Key: "edition", Label: m.t(i18n.StExpEdition), Kind: components.KindPick, Options: []components.Option{
			{Value: edInternal, Label: m.t(i18n.StExpInternal)}, {Value: edPublic, Label: m.t(i18n.StExpPublic)}}},
		{Key: "format", Label: m.t(i18n.StExpFormat), Kind: components.KindPick, Options: []components.Option{
			{Value: sheet.FormatXLSX, Label: m.t(i18n.StExpXLSX)}, {Value: sheet.FormatCSV, Label: m.t(i18n.StExpCSV)},
			{Value: sheet.FormatText, Label: m.t(i18n.StExpText)}}},
		{Key: "table", Label: m.t(i18n.StExpTable), Kind: components.KindPick, Options: tables,
			Visible: func(f *components.Form) bool { return f.Value("format") == sheet.FormatCSV }},
		{Key: "year", Label: m.t(i18n.StExpYear), Kind: components.KindFixed},
		{Key: "path", Label: m.t(i18n.StExpPath), Kind: components.KindText, Max: 400},
		{Key: "note", Label: m.t(i18n.StExpNote), Kind: components.KindHeading, Placeholder: m.t(i18n.StExpNoteBody)},
	}
	f := components.NewForm(m.env.Lang, m.t(i18n.StExpTitle, m.periodLabel(period)), fields)
	f.SetSize(m.width, m.height)
	f.SetValue("table", sheet.DefaultTable)
	f.SetValue("year", period.Label(m.env.Lang))
	e := &exportState{form: f, period: period}
	dir := m.docsDir
	if dir == "" {
		dir = filepath.Dir(m.env.Store.Path())
	}
	e.auto = filepath.Join(dir, m.fileName(period, sheet.FormatXLSX, sheet.DefaultTable, false))
	f.SetValue("path", e.auto)
	f.OnChange = func(f *components.Form, key string) {
		if key == "path" {
			return
		}
		auto := filepath.Join(filepath.Dir(e.auto), m.fileName(period, f.Value("format"), f.Value("table"), f.Value("edition") == edPublic))
		cur := strings.TrimSpace(f.Value("path"))
		switch {
		case cur == e.auto || cur == "":
			f.SetValue("path", auto)
		case key == "format":
			// The user's own name keeps its folder and stem; only the extension follows.
			ext := strings.ToLower(filepath.Ext(cur))
			if ext == ".xlsx" || ext == ".csv" || ext == ".txt" {
				f.SetValue("path", strings.TrimSuffix(cur, filepath.Ext(cur))+filepath.Ext(auto))
			}
		}
		e.auto = auto
	}
	m.exp = e
	m.stack.Push(&exportScreen{m})
	return nil
}

func (m *Model) closeExport() {
	if m.exp == nil {
		return
	}
	if top, ok := m.stack.Top().(*exportScreen); ok {
		m.stack.PopTo(top)
		m.stack.Pop()
	}
	m.exp = nil
}

func (m *Model) exportKey(msg tea.KeyMsg) tea.Cmd {
	e := m.exp
	if e.running {
		if matches(msg, m.k.StopExport) && e.cancel != nil {
			e.cancel()
		}
		return nil
	}
	start := matches(msg, m.k.Start) || (msg.String() == "enter" && e.form.Focused() == "path")
	if start {
		return m.checkExport()
	}
	if e.form.Update(msg) == components.ActionCancel {
		m.closeExport()
	}
	return nil
}

// checkExport validates the form and looks at the target (off the event loop).
func (m *Model) checkExport() tea.Cmd {
	e := m.exp
	e.form.CheckAll()
	path := strings.TrimSpace(e.form.Value("path"))
	if path == "" {
		e.form.Focus("path")
		e.form.SetError("path", m.t(i18n.StExpPathEmpty))
		return nil
	}
	if filepath.Ext(path) == "" {
		ext := map[string]string{sheet.FormatXLSX: ".xlsx", sheet.FormatCSV: ".csv", sheet.FormatText: ".txt"}[e.form.Value("format")]
		path += ext
		e.form.SetValue("path", path)
	}
	e.form.SetError("path", "")
	f := e.form
	if f.Value("edition") == edPublic && f.Value("format") == sheet.FormatCSV && f.Value("table") == "not_visited" {
		// The 公示版 leaves the list of people not visited out: a work list, not for posting.
		f.Focus("table")
		f.SetError("table", m.t(i18n.StExpPublicNotVisited))
		return nil
	}
	seq := m.next()
	e.seq = seq
	return func() tea.Msg {
		out := checkedMsg{seq: seq, path: path}
		if fi, err := os.Stat(filepath.Dir(path)); err != nil || !fi.IsDir() {
			out.noDir = true
		}
		if _, err := os.Stat(path); err == nil {
			out.exists = true
		}
		return out
	}
}

func (m *Model) onChecked(msg checkedMsg) tea.Cmd {
	e := m.exp
	if e == nil || e.running || msg.seq != e.seq {
		return nil
	}
	switch {
	case msg.noDir:
		e.form.Focus("path")
		e.form.SetError("path", m.t(i18n.StExpNoDir, filepath.Dir(msg.path)))
		return nil
	case msg.exists:
		m.stack.Ask(components.NewDialog(m.t(i18n.StExpExistsTitle), m.t(i18n.StExpExistsBody, textwidth.Clean(msg.path)),
			m.t(i18n.StExpExistsYes), m.t(i18n.StExpExistsNo), false), func(yes bool) tea.Cmd {
			if !yes || m.exp != e {
				return nil
			}
			return m.runExport(msg.path)
		})
		return nil
	}
	return m.runExport(msg.path)
}

func (m *Model) runExport(path string) tea.Cmd {
	e := m.exp
	f := e.form
	ctx, cancel := context.WithCancel(m.env.Ctx)
	seq := m.next()
	e.seq, e.running, e.path, e.cancel = seq, true, path, cancel
	e.done.Store(0)
	e.total.Store(0)
	e.opt = sheet.Options{Year: e.period.From, ToYear: e.period.To, Format: f.Value("format"), Public: f.Value("edition") == edPublic, Path: path}
	if e.opt.Format == sheet.FormatCSV {
		e.opt.Table = f.Value("table")
	}
	opt := e.opt
	opt.Progress = func(done, total int) {
		e.done.Store(int64(done))
		e.total.Store(int64(total))
	}
	s := m.env.Store
	run := func() tea.Msg {
		defer cancel()
		release := memlimit.Lift()
		defer handBack(s, release) // the export read the year whole
		err := sheet.Export(ctx, s, opt)
		return exportedMsg{seq: seq, path: path, err: err}
	}
	// The status line says so too: it would otherwise still show the last export's path.
	return tea.Batch(run, progressTick(seq), tab.Status(m.runningText(), false))
}

// runningText names the export under way: 正在导出 2026 年度统计（内部版，xlsx）.
func (m *Model) runningText() string {
	e := m.exp
	edition := m.t(i18n.StExpInternalShort)
	if e.opt.Public {
		edition = m.t(i18n.StExpPublicShort)
	}
	return m.t(i18n.StExpRunning, m.periodLabel(e.period), edition, e.opt.Format)
}

func progressTick(seq uint64) tea.Cmd {
	return tea.Tick(ProgressEvery, func(time.Time) tea.Msg { return progressMsg{seq: seq} })
}

func (m *Model) onExported(msg exportedMsg) tea.Cmd {
	e := m.exp
	if e == nil || !e.running || msg.seq != e.seq {
		return nil
	}
	e.running = false
	switch {
	case msg.err == nil:
		m.closeExport()
		return tab.Status(m.t(i18n.StExpDone, textwidth.Clean(msg.path)), false)
	case errors.Is(msg.err, context.Canceled):
		m.closeExport()
		return tab.Status(m.t(i18n.StExpCancelled), false)
	}
	text := m.errText(msg.err)
	e.form.Focus("path")
	e.form.SetError("path", text)
	return tab.StatusError(m.t(i18n.StExpFailed, text))
}

func (m *Model) exportView() string {
	e := m.exp
	if !e.running {
		return e.form.View()
	}
	w, h := m.width, m.height
	boxW := min(max(w-8, 40), 76)
	inner := boxW - 4
	done, total := e.done.Load(), e.total.Load()
	pct := 0
	if total > 0 {
		pct = int(min(done*100/total, 100))
	}
	barW := inner - 7
	filled := barW * pct / 100
	bar := "[" + strings.Repeat("#", filled) + strings.Repeat("-", barW-filled) + "] " + textwidth.PadLeft(itoa(int64(pct))+"%", 4)
	phase := m.t(i18n.StExpPhaseTally)
	switch {
	case total > 0 && done >= total:
		phase = m.t(i18n.StExpPhaseFinish)
	case total > 0:
		phase = m.t(i18n.StExpPhaseRows, done, total)
	}
	lines := []string{
		styles.Accent.Render(textwidth.Fit(m.runningText(), inner)),
		"",
		textwidth.TruncateLeft(textwidth.Clean(e.path), inner),
		"",
		bar,
		textwidth.Fit(phase, inner),
		"",
		styles.Dim.Render(textwidth.Fit(m.t(i18n.StExpStopHint), inner)),
	}
	return components.Middle(components.Box(boxW, lines), boxW, w, h)
}
