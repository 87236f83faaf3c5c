package stats

import (
	"strings"

	"shuangyong/model"
	"shuangyong/store/tally"
	"shuangyong/ui/styles"
	"shuangyong/ui/textwidth"
)

// The tally screen is a document laid out once per tally, width and language: lines of
// segments already fitted to their cells, some of them figures the cursor can select.
// View only picks the visible lines and draws the selected figure reversed.

type styleKind uint8

const (
	stPlain styleKind = iota
	stTitle           // a section's heading
	stHead            // column headers
	stDim             // notes, rules
	stTotal           // a total row
	stBar             // chart bars
	stOK              // the covered part of the gauge
)

// kindStyles are the styles of the kinds (stPlain and stBar are drawn as they are), by
// concatenation: a county's document styles tens of thousands of cells.
var kindStyles = [...]*styles.Fast{
	stTitle: styles.NewFast(styles.Accent),
	stHead:  styles.NewFast(styles.Header),
	stDim:   styles.NewFast(styles.Dim),
	stTotal: styles.NewFast(styles.Bold),
	stOK:    styles.NewFast(styles.OK),
}

func (k styleKind) render(s string) string {
	if int(k) < len(kindStyles) && kindStyles[k] != nil {
		return kindStyles[k].Render(s)
	}
	return s
}

var selectedStyle = styles.NewFast(styles.Selected)

// seg is a run of text in one style; fig is the index of the figure it shows, or -1.
type seg struct {
	text string
	st   styleKind
	fig  int
}

type docLine struct {
	segs []seg
	figs []int  // the figures on the line, left to right
	out  string // rendered, nothing selected
}

// figCell is one selectable figure: which figure of the tally it is, where it is drawn,
// and how to name it (path: the table, row and column it sits in; value with its unit).
type figCell struct {
	fig   tally.Figure
	line  int
	x, w  int
	path  string
	value string
}

type doc struct {
	period model.Period
	width  int
	lines  []docLine
	figs   []figCell
}

// lineBuilder assembles one line of exactly the document's width.
type lineBuilder struct {
	d    *doc
	segs []seg
	figs []int
	used int
}

func (d *doc) newLine() *lineBuilder { return &lineBuilder{d: d} }

// add appends text (already clean) in style st, cut to the room left on the line.
func (lb *lineBuilder) add(text string, st styleKind) *lineBuilder {
	room := lb.d.width - lb.used
	if room <= 0 || text == "" {
		return lb
	}
	if textwidth.Width(text) > room {
		text = textwidth.Truncate(text, room)
	}
	lb.segs = append(lb.segs, seg{text: text, st: st, fig: -1})
	lb.used += textwidth.Width(text)
	return lb
}

// fig appends a figure's cell: text fitted to w cells (right-aligned when right).
func (lb *lineBuilder) fig(text string, w int, right bool, st styleKind, f tally.Figure, path, value string) *lineBuilder {
	room := lb.d.width - lb.used
	if room <= 0 {
		return lb
	}
	w = min(w, room)
	if right {
		text = textwidth.FitRight(text, w)
	} else {
		text = textwidth.Fit(text, w)
	}
	idx := len(lb.d.figs)
	lb.d.figs = append(lb.d.figs, figCell{fig: f, line: len(lb.d.lines), x: lb.used, w: w, path: path, value: value})
	lb.segs = append(lb.segs, seg{text: text, st: st, fig: idx})
	lb.figs = append(lb.figs, idx)
	lb.used += w
	return lb
}

// cell appends plain text fitted to w cells.
func (lb *lineBuilder) cell(text string, w int, right bool, st styleKind) *lineBuilder {
	if right {
		return lb.add(textwidth.FitRight(text, w), st)
	}
	return lb.add(textwidth.Fit(text, w), st)
}

// done pads the line to the width and adds it to the document.
func (lb *lineBuilder) done() {
	if lb.used < lb.d.width {
		lb.segs = append(lb.segs, seg{text: strings.Repeat(" ", lb.d.width-lb.used), fig: -1})
	}
	l := docLine{segs: lb.segs, figs: lb.figs}
	l.out = l.render(-1)
	lb.d.lines = append(lb.d.lines, l)
}

// text adds a whole line of text in one style (cut to the width).
func (d *doc) text(s string, st styleKind) {
	d.newLine().add(s, st).done()
}

// para adds a paragraph wrapped to the width, indented by one cell.
func (d *doc) para(s string, st styleKind) {
	for _, l := range textwidth.Wrap(textwidth.Clean(s), max(d.width-2, 1)) {
		d.text(" "+l, st)
	}
}

func (d *doc) blank() { d.text("", stPlain) }

// render draws the line with figure sel (or none, -1) selected.
func (l *docLine) render(sel int) string {
	var b strings.Builder
	// Neighbouring segments of one style are styled as one run: fewer escape sequences to
	// build here and for the terminal to parse.
	for i := 0; i < len(l.segs); {
		s := l.segs[i]
		if s.fig >= 0 && s.fig == sel {
			b.WriteString(selectedStyle.Render(s.text))
			i++
			continue
		}
		j := i + 1
		for j < len(l.segs) && l.segs[j].st == s.st && !(l.segs[j].fig >= 0 && l.segs[j].fig == sel) {
			j++
		}
		run := s.text
		if j > i+1 {
			var r strings.Builder
			for _, t := range l.segs[i:j] {
				r.WriteString(t.text)
			}
			run = r.String()
		}
		b.WriteString(s.st.render(run))
		i = j
	}
	return b.String()
}

// line returns the rendered line i with figure sel selected.
func (d *doc) line(i, sel int) string {
	l := &d.lines[i]
	if sel >= 0 && sel < len(d.figs) && d.figs[sel].line == i {
		return l.render(sel)
	}
	return l.out
}

// find returns the index of a figure equal to f, or -1.
func (d *doc) find(f tally.Figure) int {
	for i := range d.figs {
		if d.figs[i].fig == f {
			return i
		}
	}
	return -1
}

// findLike returns the first figure of the same table, column and period as f (another
// row), or -1.
func (d *doc) findLike(f tally.Figure) int {
	for i := range d.figs {
		g := d.figs[i].fig
		if g.Section == f.Section && g.Measure == f.Measure && g.Quarter == f.Quarter && g.Month == f.Month {
			return i
		}
	}
	return -1
}

// figLines lists the lines holding figures, in order.
func (d *doc) figLines() []int {
	var out []int
	for i := range d.lines {
		if len(d.lines[i].figs) > 0 {
			out = append(out, i)
		}
	}
	return out
}

// nearest returns the figure on line i whose middle is closest to x.
func (d *doc) nearest(i, x int) int {
	best, bestD := -1, 1<<30
	for _, f := range d.lines[i].figs {
		c := d.figs[f].x + d.figs[f].w/2
		dist := c - x
		if dist < 0 {
			dist = -dist
		}
		if dist < bestD {
			best, bestD = f, dist
		}
	}
	return best
}
