package units

import (
	"context"
	"fmt"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"shuangyong/model"
	"shuangyong/ui/internal/uitest"
)

// chromeLines are the lines the program keeps above and below a tab (tab bar, key hint,
// status line): an 80x24 terminal gives the tab 80x20.
const chromeLines = 4

// Golden frames of the tab — the list, a unit's detail with its partners and events
// (and scrolled with PgDn), its 共建 list and the unit form — at the program's two
// reference sizes (refresh with go test -update). The same files hold under both East
// Asian width settings (DESIGN.md §4), the other one checked in a child process
// (uitest.RunWidthChild).
func TestGolden(t *testing.T) {
	child := uitest.WidthChild(t)
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			for _, f := range goldenFrames(t, size[0], size[1]-chromeLines) {
				t.Run(f.name, func(t *testing.T) { golden.RequireEqual(t, []byte(f.view)) })
			}
		})
	}
	if !child {
		uitest.RunWidthChild(t, "TestGolden", uitest.OtherWidth())
	}
}

type frame struct{ name, view string }

// goldenFrames walks the tab's screens in a w x h tab.
func goldenFrames(t *testing.T, w, h int) []frame {
	s, ids := seed(t)
	ctx := context.Background()
	for i, u := range []model.Unit{
		{Name: "青山镇人民政府", Kind: model.UnitGovernment},
		{Name: "青山镇“双拥”志愿服务队", Kind: model.UnitSocialOrg, Note: "队长·阿卜杜—常驻"},
		{Name: "青山镇卫生院", Kind: model.UnitHospital},
		{Name: "青山建材有限公司", Kind: model.UnitEnterprise},
		{Name: "青山镇老年人协会", Kind: model.UnitSocialOrg},
	} {
		if err := s.CreateUnit(ctx, &u); err != nil {
			t.Fatal(err)
		}
		p := model.Pairing{UnitA: ids["驻地某部一营"], UnitB: u.ID, Since: fmt.Sprintf("201%d-0%d", i, i+3), Note: "结对“助学”"}
		if err := s.AddPairing(ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	ev := model.Event{Date: "2026-08-01", Type: model.EventForum, Title: "“八一”军地座谈会",
		Units: []model.EventUnit{{UnitID: ids["驻地某部一营"], Role: "recipient"}}}
	if err := s.CreateEvent(ctx, &ev); err != nil {
		t.Fatal(err)
	}
	hs := newTab(t, s, w, h)
	var out []frame
	shot := func(name string) { out = append(out, frame{name, hs.View()}) }
	shot("list")
	hs.Type("一营")
	hs.KeyType(tea.KeyEnter)
	shot("detail")
	hs.KeyType(tea.KeyPgDown)
	shot("detail_scrolled")
	hs.KeyType(tea.KeyF5)
	shot("pairings")
	hs.KeyType(tea.KeyEsc)
	hs.KeyType(tea.KeyF4)
	shot("form")
	hs.KeyType(tea.KeyEsc)
	hs.KeyType(tea.KeyEsc)
	hs.KeyType(tea.KeyEsc)
	hs.KeyType(tea.KeyF2)
	shot("form_new")
	return out
}
