package app

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/store"
	"shuangyong/ui/internal/uitest"
)

// In the real program on a new ledger, at 80x24 and 120x40: two units are added with the
// form, and from the first one's detail a 共建 pairing with the other; the 共建 list, the
// detail and the list all show it as soon as it is saved, and the file holds it.
func TestFlowUnitsAndPairing(t *testing.T) {
	for _, size := range []struct{ w, h int }{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprint(size.w, "x", size.h), func(t *testing.T) {
			s := uitest.Seeded(t)
			ctx := context.Background()
			tm, sp := start(t, s, size.w, size.h)
			waitFor(t, sp, "共 6 人")
			tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("1"), Alt: true})
			waitFor(t, sp, "[1 单位]", "还没有登记单位")

			// The school, its kind found by typing in the pick.
			tm.Send(keyOf(tea.KeyF2))
			waitFor(t, sp, "登记单位", "单位类别")
			tm.Send(runes("青山镇中心小学"))
			tm.Send(keyOf(tea.KeyEnter))
			tm.Send(runes("学校"))
			waitFor(t, sp, "< 学校 >")
			tm.Send(keyOf(tea.KeyCtrlS))
			waitFor(t, sp, "已登记单位：青山镇中心小学", "青山镇中心小学  学校 (地)")
			tm.Send(keyOf(tea.KeyEsc))
			waitFor(t, sp, "共 1 个单位")

			// The stationed force: the form's first kind.
			tm.Send(keyOf(tea.KeyF2))
			waitFor(t, sp, "登记单位", "单位类别")
			tm.Send(runes("驻地某部一营"))
			tm.Send(keyOf(tea.KeyCtrlS))
			waitFor(t, sp, "已登记单位：驻地某部一营", "驻地某部一营  驻地部队 (军)")

			// Its pairing with the school, from the detail: F5 the 共建 list, F2 the form.
			tm.Send(keyOf(tea.KeyF5))
			waitFor(t, sp, "共建单位：驻地某部一营", "还没有共建单位。按 F2 添加。")
			tm.Send(keyOf(tea.KeyF2))
			waitFor(t, sp, "添加共建单位：驻地某部一营", "开始日期 2026-11-20")
			tm.Send(keyOf(tea.KeyRight)) // the other side's unit, offered first
			waitFor(t, sp, "< 青山镇中心小学 (学校) >")
			tm.Send(keyOf(tea.KeyCtrlS))
			scr := waitFor(t, sp, "已添加共建：青山镇中心小学", "共建单位：驻地某部一营", "2026-11-20")
			if strings.Contains(scr, "还没有共建单位") {
				t.Fatalf("the 共建 list is stale after the save:\n%s", scr)
			}
			tm.Send(keyOf(tea.KeyEsc))
			tm.Send(keyOf(tea.KeyPgDown)) // at 80x24 the partners are below the fields
			waitFor(t, sp, "共建单位（1）", "青山镇中心小学  学校  2026-11-20 起")
			tm.Send(keyOf(tea.KeyEsc))
			waitFor(t, sp, "共 2 个单位")

			page, err := s.ListUnits(ctx, store.UnitQuery{}, 2026)
			if err != nil || page.Total != 2 {
				t.Fatalf("stored units %+v %v", page, err)
			}
			var force, school int64
			for _, r := range page.Rows {
				switch r.Name {
				case "驻地某部一营":
					force = r.ID
				case "青山镇中心小学":
					school = r.ID
				}
			}
			pairs, err := s.Pairings(ctx, force)
			if err != nil || len(pairs) != 1 || pairs[0].PartnerID != school || pairs[0].Since != "2026-11-20" {
				t.Fatalf("stored pairings of %d: %+v %v", force, pairs, err)
			}

			quit(t, tm, sp)
		})
	}
}
