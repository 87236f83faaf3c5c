package i18n

// Messages of the scrolling body of the detail screens (components.ScrollBody): the rows
// that say how much is hidden and with which key to see it, and its keys' label.
const (
	ScrollMoreAbove  Key = "scroll.more_above"
	ScrollMoreBelow  Key = "scroll.more_below"
	ScrollLinesLabel Key = "scroll.lines_label"
)

func init() {
	add(ScrollMoreAbove, "...上面还有 %d 行（%s 查看）", "... %d more lines above (%s)")
	add(ScrollMoreBelow, "...下面还有 %d 行（%s 查看）", "... %d more lines below (%s)")
	add(ScrollLinesLabel, "Ctrl+上/下", "Ctrl+Up/Down")
}
