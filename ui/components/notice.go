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
	return Middle(lines, inner, w, h)
}
