package app

import (
	"strconv"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"shuangyong/model"
	"shuangyong/ui/internal/uitest"
)

// screens visits every screen of the program and hands each view to check. The data
// holds ·, —, “”, 𠮷 and an escape payload.
func screens(t *testing.T, lang model.Lang, w, h int, check func(name, view string)) {
	s := uitest.Seeded(t)
	d := newDirect(t, s, lang, w, h)
	shot := func(name string) { check(name, d.view()) }

	shot("list")
	d.text("zs")
	shot("list_zs")
	d.key(tea.KeyEsc)
	d.text("阿卜杜")
	shot("list_dot")
	d.key(tea.KeyEnter)
	shot("detail_dot")
	d.key(tea.KeyEsc)
	d.key(tea.KeyEsc)
	d.text("张三")
	d.key(tea.KeyEnter)
	shot("detail")
	d.key(tea.KeyF7)
	shot("detail_revealed")
	d.key(tea.KeyPgDown)
	shot("detail_scrolled")
	d.key(tea.KeyF5)
	shot("visit_form")
	d.key(tea.KeyEsc)
	d.key(tea.KeyF4)
	shot("person_form")
	d.key(tea.KeyEsc)
	d.key(tea.KeyEsc)
	d.key(tea.KeyEsc)
	d.text("赵")
	shot("list_payload")
	d.key(tea.KeyEnter)
	shot("detail_payload")
	d.key(tea.KeyEsc)
	d.key(tea.KeyEsc)
	d.key(tea.KeyF2)
	d.text("王")
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'𠮷'}})
	d.key(tea.KeyEnter)
	d.text("123")
	d.key(tea.KeyEnter)
	for i := 0; i < 8; i++ {
		d.key(tea.KeyDown)
	}
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("残")})
	d.key(tea.KeySpace)
	shot("person_form_errors")
	d.key(tea.KeyEsc)
	d.key(tea.KeyLeft)
	d.key(tea.KeyEnter)
	d.key(tea.KeyF3)
	shot("filter_panel")
	d.key(tea.KeyEsc)
	d.text("李四")
	d.key(tea.KeyDelete)
	shot("trash_dialog")
	d.key(tea.KeyEsc)
	d.key(tea.KeyEsc)
	d.key(tea.KeyF1)
	shot("help")
	d.key(tea.KeyEsc)
	d.key(tea.KeyF9)
	shot("settings")
	d.key(tea.KeyEsc)
	for _, name := range []string{"events", "stats", "units"} {
		d.key(tea.KeyTab)
		shot(name)
	}
	d.key(tea.KeyTab)
	d.key(tea.KeyF2)
	d.text("孙八")
	d.key(tea.KeyF10)
	shot("quit_dialog")
}

// Golden screens under the ASCII colour profile (refresh with go test -update). The same files hold under both East Asian width
// settings — the screens keep ambiguous-width characters out, so a frame that differs is a
// bug. The width libraries read RUNEWIDTH_EASTASIAN when the program starts, so the other
// setting is checked in a child process of this test binary.
func TestGolden(t *testing.T) {
	child := uitest.WidthChild(t)
	for _, size := range []struct{ w, h int }{{120, 40}, {80, 24}} {
		t.Run(strconv.Itoa(size.w)+"x"+strconv.Itoa(size.h), func(t *testing.T) {
			screens(t, model.Zh, size.w, size.h, func(name, view string) {
				t.Run(name, func(t *testing.T) { golden.RequireEqual(t, []byte(view)) })
			})
		})
	}
	t.Run("first_run", func(t *testing.T) {
		d := newDirect(t, uitest.Open(t), model.Zh, 80, 24)
		golden.RequireEqual(t, []byte(d.view()))
	})
	t.Run("too_small", func(t *testing.T) {
		d := newDirect(t, uitest.Seeded(t), model.Zh, 60, 20)
		golden.RequireEqual(t, []byte(d.view()))
	})
	t.Run("english", func(t *testing.T) {
		screens(t, model.En, 100, 30, func(name, view string) {
			if name == "list" || name == "detail" || name == "visit_form" {
				t.Run(name, func(t *testing.T) { golden.RequireEqual(t, []byte(view)) })
			}
		})
	})
	if !child {
		uitest.RunWidthChild(t, "TestGolden", uitest.OtherWidth())
	}
}

// Every line of every screen is exactly the window's width, with Chinese data holding
// ambiguous-width characters, under RUNEWIDTH_EASTASIAN=0 and =1. The width libraries
// read the variable when the program starts, so each setting runs in a child process of
// this test binary.
func TestWidthInvariant(t *testing.T) {
	if uitest.WidthChild(t) {
		widthChild(t)
		return
	}
	for _, ea := range []string{"0", "1"} {
		uitest.RunWidthChild(t, "TestWidthInvariant", ea)
	}
}

func widthChild(t *testing.T) {
	for _, size := range []struct{ w, h int }{{80, 24}, {97, 31}, {120, 40}, {180, 50}} {
		for _, lang := range []model.Lang{model.Zh, model.En} {
			n := 0
			screens(t, lang, size.w, size.h, func(name, view string) {
				n++
				uitest.CheckWidth(t, view, size.w, size.h)
			})
			if n < 20 {
				t.Fatalf("only %d screens checked", n)
			}
		}
	}
}
