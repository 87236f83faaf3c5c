package components

import (
	"strings"

	"shuangyong/ui/textwidth"
)

// Box frames content lines (styled text, each fitted to width-4 columns) in an ASCII
// border width columns wide: +---+ above and below, "| " and " |" on each side.
func Box(width int, content []string) []string {
	inner := width - 4
	border := "+" + strings.Repeat("-", width-2) + "+"
	out := make([]string, 0, len(content)+2)
	out = append(out, border)
	for _, s := range content {
		out = append(out, "| "+textwidth.FitStyled(s, inner)+" |")
	}
	return append(out, border)
}

// Middle places a block of lines, blockW columns wide, in the middle of a w x h area.
func Middle(lines []string, blockW, w, h int) string {
	top := max((h-len(lines))/2, 0)
	left := strings.Repeat(" ", max((w-blockW)/2, 0))
	out := make([]string, top, top+len(lines))
	for _, l := range lines {
		out = append(out, left+l)
	}
	return textwidth.Block(out, w, h)
}
