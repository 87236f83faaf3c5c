package components

import (
	"strings"

	"shuangyong/ui/styles"
	"shuangyong/ui/textwidth"
)

// Column describes one table column. Widths are in cells.
type Column struct {
	Title string
	Min   int // below this the column is hidden rather than squeezed
	Max   int // 0: no limit
	// Grow shares the width left over after every shown column has its Min.
	Grow int
	// Keep orders which columns stay when the window is narrow: higher stays longer.
	Keep  int
	Right bool // right-aligned (numbers)
	// Hidden keeps the column out of the layout whatever the width: a list whose record
	// kind has no use for it (a 光荣牌 round has no money) keeps its column indexes.
	Hidden bool
}

// Table is a window onto a long list that lives in the database: it holds only the rows
// fetched around the visible part (the window), knows the total, and renders only the
// visible rows, caching each rendered line until the rows or the layout change.
type Table struct {
	cols   []Column
	widths []int // per column; 0 = hidden

	width, height int // height counts the header line

	total     int
	winOffset int        // absolute index of rows[0]
	rows      [][]string // cells, already cleaned
	ids       []int64
	cache     []string // rendered line per window row ("" = not yet)

	cursor int // absolute
	top    int // absolute index of the first visible row
	// Empty is shown in the body when total is 0.
	Empty []string
}

// NewTable makes a table with the given columns.
func NewTable(cols []Column) *Table {
	return &Table{cols: cols}
}

// SetSize sets the table's size in cells; height includes the header line.
func (t *Table) SetSize(w, h int) {
	if w == t.width && h == t.height {
		return
	}
	t.width, t.height = w, h
	t.layout()
	t.invalidate()
	t.clampTop()
}

// SetColumns replaces the columns (e.g. after a language change) and lays out again.
func (t *Table) SetColumns(cols []Column) {
	t.cols = cols
	t.layout()
	t.invalidate()
}

// Columns returns a copy of the columns, to change and give back to SetColumns.
func (t *Table) Columns() []Column { return append([]Column(nil), t.cols...) }

// Rows is the number of visible data rows.
func (t *Table) Rows() int { return max(t.height-1, 0) }

// layout chooses which columns show and how wide: columns are added by Keep until the
// next one's Min no longer fits, then the spare width is shared by Grow up to Max.
func (t *Table) layout() {
	n := len(t.cols)
	t.widths = make([]int, n)
	if n == 0 || t.width <= 0 {
		return
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	// stable sort by Keep, descending
	for i := 1; i < n; i++ {
		for j := i; j > 0 && t.cols[order[j]].Keep > t.cols[order[j-1]].Keep; j-- {
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
	avail := t.width - 1 // a leading space
	shown := make([]bool, n)
	used := 0
	for _, i := range order {
		if t.cols[i].Hidden {
			continue
		}
		need := t.cols[i].Min
		if used > 0 {
			need++ // separator
		}
		if used+need > avail {
			continue
		}
		shown[i] = true
		used += need
		t.widths[i] = t.cols[i].Min
	}
	spare := avail - used
	for spare > 0 {
		grow := 0
		for i := range t.cols {
			if shown[i] && t.cols[i].Grow > 0 && (t.cols[i].Max == 0 || t.widths[i] < t.cols[i].Max) {
				grow += t.cols[i].Grow
			}
		}
		if grow == 0 {
			break
		}
		given := 0
		for i := range t.cols {
			c := t.cols[i]
			if !shown[i] || c.Grow == 0 || (c.Max != 0 && t.widths[i] >= c.Max) {
				continue
			}
			add := max(spare*c.Grow/grow, 1)
			if c.Max != 0 {
				add = min(add, c.Max-t.widths[i])
			}
			add = min(add, spare-given)
			t.widths[i] += add
			given += add
			if given >= spare {
				break
			}
		}
		if given == 0 {
			break
		}
		spare -= given
	}
}

// Widths returns the width of each column (0 when hidden), for tests.
func (t *Table) Widths() []int { return append([]int(nil), t.widths...) }

func (t *Table) invalidate() {
	t.cache = make([]string, len(t.rows))
}

// SetWindow replaces the fetched rows: offset is the absolute index of the first, total
// the number of matches.
func (t *Table) SetWindow(offset, total int, ids []int64, rows [][]string) {
	t.winOffset, t.total, t.ids, t.rows = offset, total, ids, rows
	t.invalidate()
	if t.cursor >= total {
		t.cursor = max(total-1, 0)
	}
	t.clampTop()
}

// Reset puts the cursor back on the first row (a new search).
func (t *Table) Reset() {
	t.cursor, t.top = 0, 0
}

// Total is the number of rows in the whole list.
func (t *Table) Total() int { return t.total }

// Cursor is the absolute index of the selected row.
func (t *Table) Cursor() int { return t.cursor }

// Top is the absolute index of the first visible row.
func (t *Table) Top() int { return t.top }

// SelectedID is the id of the selected row, if it is in the fetched window.
func (t *Table) SelectedID() (int64, bool) {
	i := t.cursor - t.winOffset
	if t.total == 0 || i < 0 || i >= len(t.ids) {
		return 0, false
	}
	return t.ids[i], true
}

// Selected returns the cells of the selected row.
func (t *Table) Selected() ([]string, bool) {
	i := t.cursor - t.winOffset
	if t.total == 0 || i < 0 || i >= len(t.rows) {
		return nil, false
	}
	return t.rows[i], true
}

// Move moves the cursor by n rows (negative: up), clamped.
func (t *Table) Move(n int) {
	t.SetCursor(t.cursor + n)
}

// SetCursor puts the cursor on absolute row i, clamped, scrolling to keep it in view.
func (t *Table) SetCursor(i int) {
	if t.total == 0 {
		t.cursor, t.top = 0, 0
		return
	}
	t.cursor = min(max(i, 0), t.total-1)
	t.clampTop()
}

func (t *Table) clampTop() {
	h := t.Rows()
	if h <= 0 {
		t.top = t.cursor
		return
	}
	if t.cursor < t.top {
		t.top = t.cursor
	}
	if t.cursor >= t.top+h {
		t.top = t.cursor - h + 1
	}
	if t.top > t.total-h {
		t.top = max(t.total-h, 0)
	}
	if t.top < 0 {
		t.top = 0
	}
}

// Missing reports whether visible rows (with margin rows on either side, within the list)
// are outside the fetched window, i.e. whether a fetch is due.
func (t *Table) Missing(margin int) bool {
	if t.total == 0 {
		return false
	}
	from := max(t.top-margin, 0)
	to := min(t.top+t.Rows()+margin, t.total)
	// Only what is visible must be present; the margin just triggers early.
	visFrom, visTo := t.top, min(t.top+t.Rows(), t.total)
	have := func(a, b int) bool { return a >= t.winOffset && b <= t.winOffset+len(t.rows) }
	if !have(visFrom, visTo) {
		return true
	}
	return !have(from, to)
}

// WindowFor is the offset and limit to fetch so that the visible rows sit in the middle
// of a window with margin rows on either side.
func (t *Table) WindowFor(margin int) (offset, limit int) {
	offset = max(t.top-margin, 0)
	return offset, t.Rows() + 2*margin
}

func (t *Table) renderRow(i int) string {
	if t.cache[i] != "" {
		return t.cache[i]
	}
	cells := t.rows[i]
	line := t.line(func(c int) string {
		if c < len(cells) {
			return cells[c]
		}
		return ""
	})
	t.cache[i] = line
	return line
}

// Header renders the column titles.
func (t *Table) Header() string {
	return styles.Header.Render(t.line(func(c int) string { return t.cols[c].Title }))
}

// line lays out one line of the table: each visible column's text fitted to its width
// (right-aligned where the column says), a space between and before them.
func (t *Table) line(text func(col int) string) string {
	var b strings.Builder
	b.WriteByte(' ')
	first := true
	for c, w := range t.widths {
		if w == 0 {
			continue
		}
		if !first {
			b.WriteByte(' ')
		}
		first = false
		if t.cols[c].Right {
			b.WriteString(textwidth.FitRight(text(c), w))
		} else {
			b.WriteString(textwidth.Fit(text(c), w))
		}
	}
	return textwidth.Fit(b.String(), t.width)
}

// View draws the header and the visible rows: exactly width x height.
func (t *Table) View() string {
	lines := make([]string, 0, t.height)
	lines = append(lines, t.Header())
	h := t.Rows()
	if t.total == 0 {
		for _, l := range t.Empty {
			lines = append(lines, " "+l)
		}
		return textwidth.Block(lines, t.width, t.height)
	}
	for r := t.top; r < t.top+h && r < t.total; r++ {
		i := r - t.winOffset
		var line string
		if i >= 0 && i < len(t.rows) {
			line = t.renderRow(i)
		} else {
			line = textwidth.Fit(" ...", t.width)
		}
		if r == t.cursor {
			// A marker as well as the colours: visible on monochrome consoles too.
			line = styles.Selected.Render(">" + line[1:])
		}
		lines = append(lines, line)
	}
	return textwidth.Block(lines, t.width, t.height)
}

// WindowRows returns the fetched rows' cells (for tests).
func (t *Table) WindowRows() [][]string { return t.rows }

// SelectedIDOrZero is SelectedID without the flag.
func (t *Table) SelectedIDOrZero() int64 {
	id, _ := t.SelectedID()
	return id
}
