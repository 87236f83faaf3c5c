package app

import (
	"shuangyong/ui/i18n"
	"shuangyong/ui/keys"
	"shuangyong/ui/styles"
	"shuangyong/ui/textwidth"
)

// helpView is F1: the bindings of what is on screen (the active tab's current screen, or
// the form of the settings), then the global keys, generated from the bindings.
func (m *Model) helpView(w, h int) string {
	var groups []keys.Group
	switch {
	case m.settingsF != nil:
		groups = append(groups, keys.Group{Title: m.t(i18n.GroupForm), Bindings: keys.Dedupe(keys.NewForm(m.env.Lang).Full())})
	default:
		groups = append(groups, m.tabs[m.active].Help()...)
	}
	groups = append(groups, keys.Group{Title: m.t(i18n.GroupGlobal), Bindings: m.keys.Bindings()})

	name := m.tabs[m.active].Title()
	lines := []string{styles.Accent.Render(textwidth.Fit(" "+m.t(i18n.HelpTitle, name), w)), ""}
	keyW := 16
	for _, g := range groups {
		lines = append(lines, " "+styles.Bold.Render(textwidth.Clean(g.Title)))
		for _, b := range keys.Dedupe(g.Bindings) {
			hb := b.Help()
			if hb.Key == "" && hb.Desc == "" {
				continue
			}
			lines = append(lines, "   "+styles.Key.Render(textwidth.Fit(hb.Key, keyW))+" "+textwidth.Truncate(hb.Desc, w-keyW-5))
		}
		lines = append(lines, "")
	}
	for _, l := range textwidth.Wrap(m.t(i18n.HelpIME), w-2) {
		lines = append(lines, " "+styles.Dim.Render(l))
	}
	lines = append(lines, "", " "+styles.Dim.Render(m.t(i18n.HelpClose)))
	// Two columns when the list is longer than the screen and the window is wide;
	// otherwise the help scrolls (Up/Down/PgUp/PgDn).
	if len(lines) > h && w >= 100 {
		half := (len(lines) + 1) / 2
		colW := w / 2
		var out []string
		for i := 0; i < half; i++ {
			l := textwidth.FitStyled(lines[i], colW)
			if i+half < len(lines) {
				l += lines[i+half]
			}
			out = append(out, l)
		}
		lines = out
	}
	if len(lines) > h {
		m.helpScroll = min(max(m.helpScroll, 0), len(lines)-h)
		lines = lines[m.helpScroll:]
		if m.helpScroll+h < len(lines)+m.helpScroll {
			more := styles.Dim.Render(textwidth.Fit(" "+m.t(i18n.HelpMore), w))
			lines = append(lines[:h-1:h-1], more)
		}
	} else {
		m.helpScroll = 0
	}
	return textwidth.Block(lines, w, h)
}
