package keys

import (
	"github.com/charmbracelet/bubbles/key"

	"shuangyong/model"
	"shuangyong/ui/i18n"
)

// Events holds the keys the 活动 tab adds to the list and detail sets: the year in view,
// and in an event's detail its visits (open one, show its person in 军属, trash it) and
// the scrolling of the event's details above them. - and + change the year only while the
// search box is empty (the tab checks): typed into it they are text.
type Events struct {
	PrevYear   key.Binding
	NextYear   key.Binding
	OpenVisit  key.Binding
	OpenPerson key.Binding
	TrashVisit key.Binding
	InfoUp     key.Binding
	InfoDown   key.Binding
	OpenUnit   key.Binding
}

// NewEvents returns the 活动 tab's own bindings.
func NewEvents(lang model.Lang) Events {
	return Events{
		PrevYear:   b(lang, i18n.T(lang, i18n.EvKeyYearLabel), i18n.EvKeyYear, "ctrl+left", "ctrl+pgup", "-", "－"),
		NextYear:   b(lang, i18n.T(lang, i18n.EvKeyYearLabel), i18n.EvKeyYear, "ctrl+right", "ctrl+pgdown", "+", "＋", "=", "＝"),
		OpenVisit:  b(lang, "Enter", i18n.EvKeyOpenVisit, "enter"),
		OpenPerson: b(lang, "Ctrl+O", i18n.EvKeyOpenPerson, "ctrl+o"),
		TrashVisit: b(lang, "Delete", i18n.EvKeyTrashVisit, "delete"),
		InfoUp:     b(lang, i18n.T(lang, i18n.EvKeyInfoLabel), i18n.EvKeyScrollInfo, "ctrl+up", "shift+up"),
		InfoDown:   b(lang, i18n.T(lang, i18n.EvKeyInfoLabel), i18n.EvKeyScrollInfo, "ctrl+down", "shift+down"),
		OpenUnit:   b(lang, "Ctrl+U", i18n.EvKeyOpenUnit, "ctrl+u"),
	}
}

// YearTyped reports whether a key bound to the year is one that is text in a search box
// (- + = and their full-width forms).
func YearTyped(k string) bool {
	switch k {
	case "-", "－", "+", "＋", "=", "＝":
		return true
	}
	return false
}
