package components

import (
	"strings"

	"shuangyong/ui/styles"
	"shuangyong/ui/textwidth"
)

// Notice draws a title and a paragraph in the middle of a w x h area: the empty state of
// a screen, saying what it will hold and what to do.
func Notice(w, h int, title, body string) string {
	inner := min(w-4, 72)
	var lines []string
	lines = append(lines, styles.Accent.Render(textwidth.Center(textwidth.Clean(title), inner)))
	lines = append(lines, "")
	for _, para := range strings.Split(body, "\n") {
		for _, l := range textwidth.Wrap(textwidth.Clean(para), inner) {
			lines = append(lines, l)
		}
	}
	top := max((h-len(lines))/2, 0)
	left := strings.Repeat(" ", max((w-inner)/2, 0))
	out := make([]string, 0, h)
	for i := 0; i < top; i++ {
		out = append(out, "")
	}
	for _, l := range lines {
		out = append(out, left+l)
	}
	return textwidth.Block(out, w, h)
}
