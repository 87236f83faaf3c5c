// Package textwidth is the one place that measures, cleans, truncates and pads text for
// the screen. Every data cell and message goes through it, so that what we count and what
// lipgloss and the Bubble Tea renderer count are the same number (DESIGN.md §4).
//
// Widths are measured with charmbracelet/x/ansi, the function lipgloss.Width and the
// renderer use: East Asian ambiguous characters count one cell unless RUNEWIDTH_EASTASIAN
// says otherwise, and then both count two. Configure sets go-runewidth (used inside
// bubbles) to the same rule.
package textwidth

import (
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"

	"shuangyong/model"
)

// Ellipsis marks truncated text. It is ASCII: "…" is ambiguous and counts two cells on
// Chinese Windows consoles.
const Ellipsis = "..."

// Configure makes go-runewidth count ambiguous characters as one cell, as lipgloss does,
// unless RUNEWIDTH_EASTASIAN is set, in which case both libraries follow it. Run calls it
// before anything is drawn.
func Configure() {
	ea := false
	if v, err := strconv.ParseBool(os.Getenv("RUNEWIDTH_EASTASIAN")); err == nil {
		ea = v
	}
	runewidth.DefaultCondition.EastAsianWidth = ea
	runewidth.EastAsianWidth = ea
}

// Width is the number of terminal cells s takes, escape sequences ignored: the same
// number lipgloss.Width gives for a single line.
func Width(s string) int {
	// Fast path: printable ASCII is one cell a byte.
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return ansi.StringWidth(s)
		}
	}
	return len(s)
}

// displayMap replaces characters whose width differs between consoles (East Asian
// ambiguous) by unambiguous look-alikes, for display only: stored text keeps them.
var displayMap = strings.NewReplacer(
	"·", "・", // name dot U+00B7 -> katakana middle dot (wide everywhere)
	"•", "・",
	"‧", "・",
	"—", "-", "–", "-", "―", "-",
	"“", "\"", "”", "\"",
	"‘", "'", "’", "'",
	"…", "...",
	"×", "x",
	"─", "-", "│", "|",
)

// needsMap reports whether s holds a character displayMap replaces (the common case of
// plain Chinese text allocates nothing).
func needsMap(s string) bool {
	for _, r := range s {
		switch r {
		case '·', '•', '‧', '—', '–', '―', '“', '”', '‘', '’', '…', '×', '─', '│':
			return true
		}
	}
	return false
}

// Clean makes text from the database, a file or an error safe and stable to draw: control
// characters, escape sequences' ESC, bidi and zero-width characters are removed
// (model.Sanitize), line breaks become spaces, and ambiguous-width punctuation is mapped
// to unambiguous look-alikes.
func Clean(s string) string {
	s = model.Sanitize(s)
	if needsMap(s) {
		s = displayMap.Replace(s)
	}
	return s
}

// Truncate shortens s to at most w cells, ending with "..." when something was cut.
// A wide character that would straddle the limit is left out.
func Truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if Width(s) <= w {
		return s
	}
	if w <= len(Ellipsis) {
		return ansi.Truncate(s, w, "")
	}
	return ansi.Truncate(s, w, Ellipsis)
}

// TruncateLeft keeps the end of s within w cells, starting with "..." when something was
// cut (for file paths, whose end matters most). s must be clean (no escapes).
func TruncateLeft(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if Width(s) <= w {
		return s
	}
	room := w - len(Ellipsis)
	prefix := Ellipsis
	if room < 0 {
		room, prefix = w, ""
	}
	// Split into grapheme clusters, then keep clusters from the end while they fit.
	var clusters []string
	var widths []int
	for g := s; len(g) > 0; {
		c, cw := ansi.FirstGraphemeCluster(g, ansi.GraphemeWidth)
		if c == "" {
			break
		}
		clusters, widths = append(clusters, c), append(widths, cw)
		g = g[len(c):]
	}
	used, i := 0, len(clusters)
	for i > 0 && used+widths[i-1] <= room {
		i--
		used += widths[i]
	}
	return prefix + strings.Join(clusters[i:], "")
}

// Pad fills s with spaces on the right up to w cells. It does not cut.
func Pad(s string, w int) string {
	n := Width(s)
	if n >= w {
		return s
	}
	return s + strings.Repeat(" ", w-n)
}

// PadLeft fills s with spaces on the left up to w cells (right-aligned numbers).
func PadLeft(s string, w int) string {
	n := Width(s)
	if n >= w {
		return s
	}
	return strings.Repeat(" ", w-n) + s
}

// Fit makes s exactly w cells: truncated with "..." when longer, padded when shorter.
func Fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	return Pad(Truncate(s, w), w)
}

// FitRight is Fit with the text right-aligned.
func FitRight(s string, w int) string {
	if w <= 0 {
		return ""
	}
	return PadLeft(Truncate(s, w), w)
}

// Cell cleans data and fits it to exactly w cells: the one call for a table cell.
func Cell(s string, w int) string { return Fit(Clean(s), w) }

// Center places s in the middle of w cells (cut when longer).
func Center(s string, w int) string {
	s = Truncate(s, w)
	n := Width(s)
	left := (w - n) / 2
	return Pad(strings.Repeat(" ", left)+s, w)
}

// Wrap breaks s into lines of at most w cells, preferring to break after a space or
// between Chinese characters, and never putting a closing mark (，。、）…) first on a
// line: the character before it goes down with it, as Chinese typesetting does.
// s must be clean (one line, no escapes).
func Wrap(s string, w int) []string {
	if w <= 0 {
		return nil
	}
	if Width(s) <= w {
		return []string{s}
	}
	var lines []string
	var cur strings.Builder
	curW := 0
	lastSpace := -1 // byte index in cur after the last space
	lastSpaceW := 0
	g := s
	for len(g) > 0 {
		cluster, cw := ansi.FirstGraphemeCluster(g, ansi.GraphemeWidth)
		if cluster == "" {
			break
		}
		g = g[len(cluster):]
		if curW+cw > w {
			line := cur.String()
			rest := ""
			if lastSpace > 0 && cluster != " " && lastSpaceW > w/2 {
				rest = line[lastSpace:]
				line = line[:lastSpace]
			} else if strings.ContainsAny(cluster, noLineStart) {
				if r, size := utf8.DecodeLastRuneInString(line); size < len(line) && r != ' ' && !strings.ContainsRune(noLineStart, r) {
					rest, line = line[len(line)-size:], line[:len(line)-size]
				}
			}
			lines = append(lines, strings.TrimRight(line, " "))
			cur.Reset()
			cur.WriteString(rest)
			curW = Width(rest)
			lastSpace, lastSpaceW = -1, 0
			if cluster == " " && curW == 0 {
				continue
			}
		}
		cur.WriteString(cluster)
		curW += cw
		if cluster == " " {
			lastSpace, lastSpaceW = cur.Len(), curW
		}
	}
	if cur.Len() > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

// noLineStart are the marks that may not begin a line (行首禁则).
const noLineStart = "，。、；：？！）」』》〉】,.;:?!)"

// Block makes text exactly w cells wide and h lines tall: every line fitted, missing lines
// filled with spaces, extra lines dropped. Lines may carry styling; they are measured
// without it.
func Block(lines []string, w, h int) string {
	if h <= 0 {
		return ""
	}
	var b strings.Builder
	blank := strings.Repeat(" ", max(w, 0))
	for i := 0; i < h; i++ {
		if i > 0 {
			b.WriteByte('\n')
		}
		if i < len(lines) {
			b.WriteString(FitStyled(lines[i], w))
		} else {
			b.WriteString(blank)
		}
	}
	return b.String()
}

// FitStyled is Fit for a line that may already carry styling escape sequences.
func FitStyled(s string, w int) string {
	if w <= 0 {
		return ""
	}
	n := Width(s)
	switch {
	case n == w:
		return s
	case n < w:
		return s + strings.Repeat(" ", w-n)
	}
	s = ansi.Truncate(s, w, "")
	return Pad(s, w)
}
