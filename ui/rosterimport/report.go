package rosterimport

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/store/importer"
	"shuangyong/ui/components"
	"shuangyong/ui/i18n"
	"shuangyong/ui/keys"
	"shuangyong/ui/styles"
	"shuangyong/ui/tab"
	"shuangyong/ui/textwidth"
)

// The report's views of its lines, cycled with F3: every line with something to say,
// then one action at a time.
var shows = []importer.Action{"", importer.ActionReject, importer.ActionSkip, importer.ActionUpdate, importer.ActionIgnore}

// reportScreen runs a pass over the file (the dry run, then the import) with a progress
// line and Esc to cancel, and shows its report: the counts, then the rows that have
// something to say, scrollable, filtered by reason.
type reportScreen struct {
	h       Host
	src     *importer.Source
	mapping importer.Mapping
	opt     importer.Options

	rep     *importer.Report
	running bool
	writing bool // the pass running is the import
	rows    atomic.Int64
	cancel  context.CancelFunc
	seq     uint64

	show   int
	scroll int
	keys   reportKeys
}

type reportKeys struct {
	Show, Options, Import, Scroll, Back key.Binding
}

// tickMsg redraws the progress while a pass runs.
type tickMsg struct {
	to tab.ID
	r  *reportScreen
}

func (m tickMsg) Target() tab.ID { return m.to }

func openReport(h Host, src *importer.Source, mapping importer.Mapping) tea.Cmd {
	r := &reportScreen{h: h, src: src, mapping: mapping, opt: importer.Options{Duplicates: importer.DupSkip}, keys: reportKeys{
		Show:    key.NewBinding(key.WithKeys("f3"), key.WithHelp("F3", h.t(i18n.KeyImpShow))),
		Options: key.NewBinding(key.WithKeys("f4"), key.WithHelp("F4", h.t(i18n.KeyImpOptions))),
		Import:  key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("Ctrl+S", h.t(i18n.KeyImpImport))),
		Scroll:  key.NewBinding(key.WithKeys("up", "down", "pgup", "pgdown"), key.WithHelp(h.t(i18n.LabelUpDown), h.t(i18n.KeyScroll))),
		Back:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("Esc", h.t(i18n.KeyBack))),
	}}
	h.Stack.Push(r)
	return r.run(false)
}

// run starts a pass: the dry run, or (write) the import. The report arrives when it ends.
func (r *reportScreen) run(write bool) tea.Cmd {
	ctx, cancel := context.WithCancel(r.h.Env.Ctx)
	r.cancel, r.running, r.writing = cancel, true, write
	r.rows.Store(0)
	r.seq++
	seq := r.seq
	st, src, m, opt := r.h.Env.Store, r.src, r.mapping, r.opt
	progress := func(p importer.Progress) { r.rows.Store(int64(p.Rows)) }
	pass := r.h.Run(func() func() tea.Cmd {
		var rep *importer.Report
		var err error
		if write {
			rep, err = importer.Import(ctx, st, src, m, opt, progress)
		} else {
			rep, err = importer.DryRun(ctx, st, src, m, opt, progress)
		}
		return func() tea.Cmd { return r.done(seq, write, rep, err) }
	})
	return tea.Batch(pass, r.tick())
}

// Run is tab.Run for the host tab.
func (h Host) Run(work func() func() tea.Cmd) tea.Cmd { return tab.Run(h.Tab, work) }

func (r *reportScreen) tick() tea.Cmd {
	to := r.h.Tab
	return tea.Tick(100*time.Millisecond, func(time.Time) tea.Msg { return tickMsg{to: to, r: r} })
}

func (r *reportScreen) done(seq uint64, write bool, rep *importer.Report, err error) tea.Cmd {
	if seq != r.seq {
		return nil
	}
	r.running = false
	r.cancel()
	if err != nil {
		if errors.Is(err, context.Canceled) && r.h.Env.Ctx.Err() == nil {
			return tab.Status(r.h.t(i18n.ImpCancelled), false)
		}
		if rep != nil {
			r.rep, r.scroll = rep, 0
		}
		if e, ok := importer.AsError(err); ok {
			return tab.StatusError(e.Message(r.h.Env.Lang))
		}
		return tab.StatusError(tab.ErrText(r.h.Env, err))
	}
	r.rep, r.scroll = rep, 0
	if write && rep.Imported {
		var cmds []tea.Cmd
		cmds = append(cmds, tab.Status(r.h.t(i18n.ImpDone, textwidth.Clean(r.src.Path), rep.Added, rep.Updated), true),
			tab.Changed(r.h.Tab, tab.KindPerson))
		if r.h.Done != nil {
			cmds = append(cmds, r.h.Done())
		}
		return tea.Batch(cmds...)
	}
	return nil
}

func (r *reportScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tickMsg:
		if msg.r == r && r.running {
			return r.tick()
		}
	case tea.KeyMsg:
		return r.key(msg)
	}
	return nil
}

func (r *reportScreen) key(msg tea.KeyMsg) tea.Cmd {
	if r.running {
		if msg.String() == "esc" {
			r.cancel() // the pass stops and writes nothing
		}
		return nil
	}
	k := r.keys
	switch {
	case key.Matches(msg, k.Back):
		r.h.Stack.PopTo(r)
		r.h.Stack.Pop()
		if r.rep != nil && r.rep.Imported {
			// Done: leave the import's screens for the list.
			for r.h.Stack.Depth() > 1 {
				r.h.Stack.Pop()
			}
		}
	case key.Matches(msg, k.Show):
		r.show, r.scroll = (r.show+1)%len(shows), 0
	case msg.String() == "up":
		r.scroll--
	case msg.String() == "down":
		r.scroll++
	case msg.String() == "pgup":
		r.scroll -= 10
	case msg.String() == "pgdown":
		r.scroll += 10
	case key.Matches(msg, k.Options):
		if r.rep != nil && !r.rep.Imported {
			return r.openOptions()
		}
	case key.Matches(msg, k.Import):
		if r.rep == nil || r.rep.Imported {
			return nil
		}
		if r.rep.Added+r.rep.Updated == 0 {
			return tab.StatusError(r.h.t(i18n.ImpNothing))
		}
		rep := r.rep
		r.h.Stack.Ask(components.NewDialog(r.h.t(i18n.ImpConfirmTitle),
			r.h.t(i18n.ImpConfirmBody, rep.Added, rep.Updated, rep.Skipped, rep.Rejected), r.h.t(i18n.ImpConfirmYes), r.h.t(i18n.DialogNo), true),
			func(yes bool) tea.Cmd {
				if !yes {
					return nil
				}
				return r.run(true)
			})
	}
	return nil
}

// openOptions asks what to do with people already in the ledger, with rejected rows and
// with new villages, then checks again.
func (r *reportScreen) openOptions() tea.Cmd {
	h := r.h
	f := components.NewForm(h.Env.Lang, h.t(i18n.ImpOptTitle), []*components.Field{
		{Key: "dup", Label: h.t(i18n.ImpOptDup), Kind: components.KindPick, Options: []components.Option{
			{Value: string(importer.DupSkip), Label: h.t(i18n.ImpOptDupSkip)},
			{Value: string(importer.DupFill), Label: h.t(i18n.ImpOptDupFill)},
			{Value: string(importer.DupOverwrite), Label: h.t(i18n.ImpOptDupOver)}}},
		{Key: "strict", Label: h.t(i18n.ImpOptStrict), Kind: components.KindPick, Options: []components.Option{
			{Value: "", Label: h.t(i18n.ImpOptStrictNo)}, {Value: "1", Label: h.t(i18n.ImpOptStrictYes)}}},
	})
	f.SetValue("dup", string(r.opt.Duplicates))
	if r.opt.Strict {
		f.SetValue("strict", "1")
	}
	fs := components.NewFormScreen(h.Env, h.Stack, f)
	fs.Save = func(f *components.Form) tea.Cmd {
		fs.Saved()
		h.Stack.PopTo(fs)
		h.Stack.Pop()
		r.opt.Duplicates = importer.DupMode(f.Value("dup"))
		r.opt.Strict = f.Value("strict") == "1"
		return r.run(false)
	}
	h.Stack.Push(fs)
	return nil
}

// lines are the report's lines in view.
func (r *reportScreen) lines(w int) []string {
	lang := r.h.Env.Lang
	var out []string
	for _, s := range r.rep.Summary(lang) {
		for _, line := range textwidth.Wrap(s, w-2) {
			out = append(out, " "+line)
		}
	}
	var views []string
	for i, a := range shows {
		label := map[importer.Action]i18n.Key{"": i18n.ImpShowAll, importer.ActionReject: i18n.ImpShowReject,
			importer.ActionSkip: i18n.ImpShowSkip, importer.ActionUpdate: i18n.ImpShowUpdate, importer.ActionIgnore: i18n.ImpShowIgnore}[a]
		if i == r.show {
			views = append(views, "["+r.h.t(label)+"]")
		} else {
			views = append(views, " "+r.h.t(label)+" ")
		}
	}
	out = append(out, "", styles.Accent.Render(textwidth.Fit(" "+strings.Join(views, ""), w)))
	n := 0
	for _, l := range r.rep.Problems() {
		if shows[r.show] != "" && l.Action != shows[r.show] {
			continue
		}
		n++
		for i, line := range textwidth.Wrap(model.Sanitize(l.Text(lang, r.rep.Columns)), w-4) {
			indent := "  "
			if i > 0 {
				indent = "    " // a reason running on
			}
			out = append(out, indent+line)
		}
	}
	if n == 0 {
		out = append(out, styles.Dim.Render(textwidth.Fit("  "+r.h.t(i18n.ImpNoLines), w)))
	}
	return out
}

func (r *reportScreen) View(w, h int) string {
	head := styles.Bold.Render(textwidth.Fit(" "+r.h.t(i18n.ImpReportTitle)+"  "+textwidth.Clean(r.src.Path), w))
	if r.running {
		phase := r.h.t(i18n.ImpChecking)
		if r.writing {
			phase = r.h.t(i18n.ImpImporting)
		}
		body := []string{head, "", " " + r.h.t(i18n.ImpProgress, phase, r.rows.Load()), "", styles.Dim.Render(" " + r.h.t(i18n.ImpCancelHint))}
		return textwidth.Block(body, w, h)
	}
	if r.rep == nil {
		return textwidth.Block([]string{head}, w, h)
	}
	body := r.lines(w)
	room := h - 1
	r.scroll = min(max(r.scroll, 0), max(len(body)-room, 0))
	return textwidth.Block(append([]string{head}, body[r.scroll:min(r.scroll+room, len(body))]...), w, h)
}

func (r *reportScreen) ShortHelp() []key.Binding {
	k := r.keys
	if r.rep != nil && r.rep.Imported {
		return []key.Binding{k.Back, k.Show, k.Scroll}
	}
	return []key.Binding{k.Import, k.Options, k.Show, k.Scroll, k.Back}
}

func (r *reportScreen) Help() []keys.Group {
	return []keys.Group{{Title: r.h.t(i18n.ImpKey), Bindings: r.ShortHelp()}}
}

// Modal: the report keeps Esc (cancel, back) and Ctrl+S.
func (r *reportScreen) Modal() bool  { return true }
func (r *reportScreen) Dirty() bool  { return r.running && r.writing }
func (r *reportScreen) Typing() bool { return false }
