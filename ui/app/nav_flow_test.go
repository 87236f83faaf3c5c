package app

import (
	"fmt"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/ui/internal/uitest"
)

// Across the tabs in the real program, at 80x24 and 120x40: a figure of 统计 opens its
// people, Enter opens one in 军属 and Esc comes back to the figure; a visit's amount is
// corrected from the person's detail and 统计 shows the new money; its need is resolved
// from the F6 work list.
func TestFlowAcrossTabs(t *testing.T) {
	for _, size := range []struct{ w, h int }{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprint(size.w, "x", size.h), func(t *testing.T) {
			s := uitest.Seeded(t)
			tm, sp := start(t, s, size.w, size.h)
			waitFor(t, sp, "共 6 人")

			tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("4"), Alt: true})
			waitFor(t, sp, "[4 统计]", "800.00")
			tm.Send(keyOf(tea.KeyEnter)) // the figure under the cursor: 在册人数
			waitFor(t, sp, "共 6 人", "Esc 返回统计")
			tm.Send(keyOf(tea.KeyEnter)) // its first person, in 军属
			waitFor(t, sp, "[2 军属]", "基本信息")
			tm.Send(keyOf(tea.KeyEsc))
			waitFor(t, sp, "[4 统计]", "Esc 返回统计")
			tm.Send(keyOf(tea.KeyEsc))

			// 张三's visit: 800 → 1200 from his detail.
			tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("2"), Alt: true})
			waitFor(t, sp, "[2 军属]")
			tm.Send(runes("张三"))
			waitFor(t, sp, "共 1 人")
			tm.Send(keyOf(tea.KeyEnter))
			waitFor(t, sp, "基本信息")
			tm.Send(keyOf(tea.KeyEnter))
			waitFor(t, sp, "张三 的走访记录")
			tm.Send(keyOf(tea.KeyEnter))
			waitFor(t, sp, "走访记录：张三", "所属活动")
			tm.Send(tea.KeyMsg{Type: tea.KeyCtrlU})
			tm.Send(runes("1200"))
			tm.Send(keyOf(tea.KeyCtrlS))
			waitFor(t, sp, "已保存走访记录", "1,200.00")
			tm.Send(keyOf(tea.KeyEsc))
			tm.Send(keyOf(tea.KeyEsc))
			tm.Send(keyOf(tea.KeyEsc))
			tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("4"), Alt: true})
			waitFor(t, sp, "[4 统计]", "1,200.00")

			// The need raised on that visit, resolved from the work list.
			tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("2"), Alt: true})
			waitFor(t, sp, "[2 军属]")
			tm.Send(keyOf(tea.KeyF6))
			waitFor(t, sp, "待办（1 项", "屋顶漏雨")
			tm.Send(keyOf(tea.KeyF4))
			waitFor(t, sp, "已标记解决", "没有待办")

			quit(t, tm, sp)
		})
	}
}
