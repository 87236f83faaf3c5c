package app

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/ui/internal/uitest"
)

// lineWith is the line of the screen that holds s, or "".
func lineWith(screen, s string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}

// In the real program, at 80x24 and 120x40: an event typed in 活动 through the F2 form with
// two units in two roles and three items, one a breakdown (其中) of another, is saved in
// one piece; its detail shows each unit with its role and the breakdown under its parent,
// and the store holds the same.
func TestFlowAddEventWithUnitsAndItems(t *testing.T) {
	for _, size := range []struct{ w, h int }{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprint(size.w, "x", size.h), func(t *testing.T) {
			s := uitest.Seeded(t)
			ctx := context.Background()
			for _, u := range []model.Unit{
				{Name: "青山镇妇联", Kind: model.UnitWomens},
				{Name: "驻地某部一营", Kind: model.UnitStationed},
			} {
				if err := s.CreateUnit(ctx, &u); err != nil {
					t.Fatal(err)
				}
			}
			tm, sp := start(t, s, size.w, size.h)
			waitFor(t, sp, "共 6 人")
			tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("3"), Alt: true})
			waitFor(t, sp, "[3 活动]", "走访慰问 张三")

			next := func() { tm.Send(keyOf(tea.KeyEnter)) }
			field := func(text string) { tm.Send(runes(text)); next() }
			tm.Send(keyOf(tea.KeyF2))
			waitFor(t, sp, "登记活动", "活动日期")
			next()      // the date: today
			field("联欢") // the type, found by typing
			next()      // occasion
			next()      // end date
			field("迎国庆军民联欢会")
			field("镇文化站")
			next() // organiser: the office from the settings
			next() // lead
			next() // direction
			field("300")
			field("120")
			field("15000")
			next()      // source of the money
			field("妇联") // unit 1, chosen when left: 青山镇妇联
			next()      // its role: 主办, the first row's default
			field("一营") // unit 2: 驻地某部一营
			field("慰问") // its role, found by typing: 慰问对象
			waitFor(t, sp, "青山镇妇联", "驻地某部一营", "慰问对象")
			next() // unit 3, left empty
			field("慰问物资")
			field("300")
			field("件")
			field("棉被")
			field("120")
			field("床")
			tm.Send(keyOf(tea.KeyRight)) // 其中: a breakdown of item 1
			waitFor(t, sp, "是第 1 项的其中")
			next()
			field("宣传资料")
			field("500")
			field("份")
			tm.Send(keyOf(tea.KeyCtrlS))
			scr := waitFor(t, sp, "已登记活动：迎国庆军民联欢会", "活动：迎国庆军民联欢会", "参与单位（2）")

			// The units with their roles; at 80x24 the items are further down.
			if l := lineWith(scr, "青山镇妇联"); !strings.Contains(l, "主办") {
				t.Errorf("青山镇妇联 is not shown as 主办: %q\n%s", l, scr)
			}
			if l := lineWith(scr, "驻地某部一营"); !strings.Contains(l, "慰问对象") {
				t.Errorf("驻地某部一营 is not shown as 慰问对象: %q\n%s", l, scr)
			}
			for i := 0; i < 10 && !strings.Contains(scr, "宣传资料 500 份"); i++ {
				tm.Send(keyOf(tea.KeyCtrlDown))
				waitChanged(t, sp, scr)
				scr = sp.screen()
			}
			scr = waitFor(t, sp, "物品/数量（3 项）", "慰问物资 300 件", "其中 棉被 120 床", "宣传资料 500 份")
			lines := strings.Split(scr, "\n")
			for i, l := range lines {
				if strings.Contains(l, "慰问物资 300 件") {
					if i+2 >= len(lines) || !strings.Contains(lines[i+1], "    其中 棉被 120 床") || !strings.Contains(lines[i+2], "宣传资料 500 份") {
						t.Errorf("the breakdown is not under its parent:\n%s", scr)
					}
				}
			}

			page, err := s.ListEvents(ctx, store.EventQuery{Year: 2026, Text: "迎国庆军民联欢会"})
			if err != nil || page.Total != 1 {
				t.Fatalf("not stored: %+v %v", page, err)
			}
			ev, err := s.Event(ctx, page.Rows[0].ID)
			if err != nil {
				t.Fatal(err)
			}
			if ev.Type != model.EventGala || ev.Place != "镇文化站" || ev.Participants != 300 || ev.MilitaryParticipants != 120 || ev.MoneyFen != 1500000 {
				t.Errorf("stored event %+v", ev)
			}
			roles := map[string]string{}
			for _, u := range ev.Units {
				roles[u.Name] = u.Role
			}
			if len(ev.Units) != 2 || roles["青山镇妇联"] != "host" || roles["驻地某部一营"] != "recipient" {
				t.Errorf("stored units %+v", ev.Units)
			}
			want := []model.Item{{Name: "慰问物资", Quantity: 300, Unit: "件"}, {Name: "棉被", Quantity: 120, Unit: "床", Parent: 1},
				{Name: "宣传资料", Quantity: 500, Unit: "份"}}
			if fmt.Sprint(ev.Items) != fmt.Sprint(want) {
				t.Errorf("stored items %+v, want %+v", ev.Items, want)
			}

			quit(t, tm, sp)
		})
	}
}

// In the real program, at 80x24 and 120x40, the keys that trash a visit are on the help
// line: Delete on a visit's row of an event's detail (which asks about that visit), F8 in
// the visit editor.
func TestFlowTrashVisitKeysShown(t *testing.T) {
	for _, size := range []struct{ w, h int }{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprint(size.w, "x", size.h), func(t *testing.T) {
			s := uitest.Seeded(t)
			tm, sp := start(t, s, size.w, size.h)
			waitFor(t, sp, "共 6 人")
			tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("3"), Alt: true})
			waitFor(t, sp, "[3 活动]", "走访慰问 张三")
			tm.Send(keyOf(tea.KeyEnter))
			waitFor(t, sp, "活动：走访慰问 张三", "Delete 走访记录移到回收站")
			tm.Send(keyOf(tea.KeyDelete))
			waitFor(t, sp, "把 张三 2026-01-28 的走访记录移到回收站？", "唯一的走访记录")
			tm.Send(keyOf(tea.KeyEsc))
			waitFor(t, sp, "Delete 走访记录移到回收站")
			tm.Send(keyOf(tea.KeyEnter))
			waitFor(t, sp, "走访记录：张三", "F8 移到回收站")
			tm.Send(keyOf(tea.KeyF8))
			waitFor(t, sp, "把 张三 2026-01-28 的走访记录移到回收站？")
			tm.Send(keyOf(tea.KeyEsc))
			tm.Send(keyOf(tea.KeyEsc))
			tm.Send(keyOf(tea.KeyEsc))
			quit(t, tm, sp)
		})
	}
}
