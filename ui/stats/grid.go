package stats

import (
	"strings"

	"shuangyong/store/tally"
	"shuangyong/ui/textwidth"
)

// grid is a table of the tally: a label column, then groups of columns (全年, 第一季度…).
// Column widths follow the figures; when the groups do not fit the width side by side,
// the table is drawn in blocks one under the other, each repeating the label column, so
// that every figure is on screen at any width from 80 columns without sideways scrolling.
type grid struct {
	title      string // the section's heading, the first part of a figure's path
	labelTitle string
	groups     []ggroup
	rows       []grow
}

type ggroup struct {
	title string // "" for a group of one column without a heading (the village crosstab)
	cols  []gcol
}

type gcol struct {
	title string
	left  bool // text columns are left-aligned; figures are right-aligned
}

// gcell is one cell: a figure (fig set, value its text with the unit) or plain text.
type gcell struct {
	text  string
	fig   *tally.Figure
	value string
}

type grow struct {
	label string // full label (also in the figure's path)
	short string // shorter label used when the full one does not fit
	cells [][]gcell
	total bool
	blank bool   // the label is not drawn (the row continues the one above)
	path  string // the row's part of a figure's path when not the label
}

const colGap = 2

// sep is the separator drawn before group g of a block (first: after the label).
func (g *grid) sep(first bool, gi int, prev int) string {
	if first || g.groups[gi].title != "" || g.groups[prev].title != "" {
		return " | "
	}
	return strings.Repeat(" ", colGap)
}

// part is a group or a slice of a group's columns too wide for one block.
type part struct {
	group    int
	from, to int // columns [from, to)
}

func (g *grid) render(d *doc) {
	w := d.width
	lwCap := min(max(w/5, 12), 28)
	labelOf := func(r *grow) string {
		if textwidth.Width(r.label) > lwCap && r.short != "" {
			return r.short
		}
		return r.label
	}
	lw := textwidth.Width(g.labelTitle)
	for i := range g.rows {
		if !g.rows[i].blank {
			lw = max(lw, textwidth.Width(labelOf(&g.rows[i])))
		}
	}
	lw = min(max(lw, 4), lwCap)

	// Column widths from headers and cells; a group at least as wide as its heading.
	cw := make([][]int, len(g.groups))
	for gi, gr := range g.groups {
		cw[gi] = make([]int, len(gr.cols))
		for ci, c := range gr.cols {
			cw[gi][ci] = max(textwidth.Width(c.title), 1)
		}
		for _, r := range g.rows {
			if gi >= len(r.cells) {
				continue
			}
			for ci := range gr.cols {
				if ci < len(r.cells[gi]) {
					cw[gi][ci] = max(cw[gi][ci], textwidth.Width(r.cells[gi][ci].text))
				}
			}
		}
		if tw := textwidth.Width(gr.title) + 4; gr.title != "" && tw > g.span(cw[gi], 0, len(gr.cols)) {
			cw[gi][0] += tw - g.span(cw[gi], 0, len(gr.cols))
		}
	}

	// Parts that fit a block on their own, then blocks of parts.
	avail := w - 1 - lw
	var parts []part
	for gi, gr := range g.groups {
		from := 0
		for from < len(gr.cols) {
			to := from + 1
			for to < len(gr.cols) && 3+g.span(cw[gi], from, to+1) <= avail {
				to++
			}
			parts = append(parts, part{gi, from, to})
			from = to
		}
	}
	var blocks [][]part
	used := 0
	for i, p := range parts {
		pw := 3 + g.span(cw[p.group], p.from, p.to)
		if len(blocks) == 0 || used+pw > avail {
			blocks = append(blocks, nil)
			used = 0
		}
		b := &blocks[len(blocks)-1]
		*b = append(*b, parts[i])
		used += pw
	}

	d.text(" "+g.title, stTitle)
	for bi, blk := range blocks {
		if bi > 0 {
			d.blank()
		}
		titled := false
		for _, p := range blk {
			titled = titled || g.groups[p.group].title != ""
		}
		if titled {
			lb := d.newLine().add(" "+strings.Repeat(" ", lw), stHead)
			for k, p := range blk {
				lb.add(g.sep(k == 0, p.group, prevGroup(blk, k)), stDim)
				pw := g.span(cw[p.group], p.from, p.to)
				t := g.groups[p.group].title
				if t == "" {
					lb.add(strings.Repeat(" ", pw), stPlain)
					continue
				}
				lb.add(dashCenter(t, pw), stHead)
			}
			lb.done()
		}
		lb := d.newLine().add(" "+textwidth.Fit(g.labelTitle, lw), stHead)
		for k, p := range blk {
			lb.add(g.sep(k == 0, p.group, prevGroup(blk, k)), stDim)
			for ci := p.from; ci < p.to; ci++ {
				if ci > p.from {
					lb.add(strings.Repeat(" ", colGap), stHead)
				}
				c := g.groups[p.group].cols[ci]
				lb.cell(c.title, cw[p.group][ci], !c.left, stHead)
			}
		}
		lb.done()
		for ri := range g.rows {
			r := &g.rows[ri]
			st := stPlain
			if r.total {
				st = stTotal
			}
			label := labelOf(r)
			if r.blank {
				label = ""
			}
			lb := d.newLine().add(" "+textwidth.Fit(textwidth.Clean(label), lw), st)
			for k, p := range blk {
				lb.add(g.sep(k == 0, p.group, prevGroup(blk, k)), stDim)
				for ci := p.from; ci < p.to; ci++ {
					if ci > p.from {
						lb.add(strings.Repeat(" ", colGap), stPlain)
					}
					c := g.groups[p.group].cols[ci]
					var cell gcell
					if p.group < len(r.cells) && ci < len(r.cells[p.group]) {
						cell = r.cells[p.group][ci]
					}
					width := cw[p.group][ci]
					if cell.fig == nil {
						lb.cell(textwidth.Clean(cell.text), width, !c.left, st)
						continue
					}
					rp := r.path
					if rp == "" {
						rp = r.label
					}
					path := []string{shortTitle(g.title), rp}
					if t := g.groups[p.group].title; t != "" {
						path = append(path, t)
					}
					path = append(path, c.title)
					lb.fig(cell.text, width, !c.left, st, *cell.fig, textwidth.Clean(strings.Join(path, " / ")), cell.value)
				}
			}
			lb.done()
		}
	}
}

func prevGroup(blk []part, k int) int {
	if k == 0 {
		return blk[0].group
	}
	return blk[k-1].group
}

// span is the width of columns [from, to) with the gaps between them.
func (g *grid) span(cw []int, from, to int) int {
	n := 0
	for i := from; i < to; i++ {
		n += cw[i]
	}
	return n + colGap*max(to-from-1, 0)
}

// dashCenter centres a heading in w cells filled with dashes: "---- 全年 ----".
func dashCenter(t string, w int) string {
	t = textwidth.Truncate(" "+t+" ", w)
	n := textwidth.Width(t)
	left := (w - n) / 2
	return strings.Repeat("-", left) + t + strings.Repeat("-", w-n-left)
}
