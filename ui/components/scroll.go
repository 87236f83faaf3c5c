package components

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/ui/i18n"
	"shuangyong/ui/styles"
	"shuangyong/ui/textwidth"
)

// ScrollBody is the scrolling text of a detail screen — a record's fields and sections —
// when it is taller than the rows it gets. It shows a window of its lines; when lines are
// hidden above or below, the first or the last row says how many and which key shows
// them (「...下面还有 6 行（PgDn 查看）」), so that nothing is ever cut off without a hint.
//
// Use:
//
//	body := components.NewScrollBody(lang)   // in the screen's constructor
//	body.SetLines(lines)                      // on load, or on every draw: the position is kept
//	if body.Update(keyMsg) { return nil }     // among the screen's keys: true when it scrolled
//	view := body.View(w, h)                   // exactly w x h, hint rows included
//
// The keys (NewScrollKeys) are those the detail screens leave free: Ctrl+↑/↓ (and
// Shift+↑/↓) a line, PgUp/PgDn (and Space) a page, Home/End the top and the bottom. A
// screen whose arrows are free (nothing else on it moves) can bind them instead:
// body.Keys.LineUp = keys.Detail.Up. A binding left zero or disabled does nothing.
// Bindings lists them for the screen's help.
type ScrollBody struct {
	Keys  ScrollKeys
	lang  model.Lang
	lines []string
	top   int // the first line shown
	rows  int // the rows of the last View: pages and the last position follow from it
}

// ScrollKeys are the keys of a ScrollBody. UpHint and DownHint name the keys in the hint
// rows ("PgUp", "PgDn").
type ScrollKeys struct {
	LineUp, LineDown, PageUp, PageDown, Home, End key.Binding
	UpHint, DownHint                              string
}

// NewScrollKeys are the scroll keys of a detail screen whose arrows move in a list below
// its body (the unit's events, the event's visits).
func NewScrollKeys(lang model.Lang) ScrollKeys {
	lines, scroll := i18n.T(lang, i18n.ScrollLinesLabel), i18n.T(lang, i18n.KeyScroll)
	return ScrollKeys{
		LineUp:   key.NewBinding(key.WithKeys("ctrl+up", "shift+up"), key.WithHelp(lines, scroll)),
		LineDown: key.NewBinding(key.WithKeys("ctrl+down", "shift+down"), key.WithHelp(lines, scroll)),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("PgUp/PgDn", i18n.T(lang, i18n.KeyPage))),
		PageDown: key.NewBinding(key.WithKeys("pgdown", " "), key.WithHelp("PgUp/PgDn", i18n.T(lang, i18n.KeyPage))),
		Home:     key.NewBinding(key.WithKeys("home", "ctrl+home"), key.WithHelp("Home/End", i18n.T(lang, i18n.KeyHomeEnd))),
		End:      key.NewBinding(key.WithKeys("end", "ctrl+end"), key.WithHelp("Home/End", i18n.T(lang, i18n.KeyHomeEnd))),
		UpHint:   "PgUp",
		DownHint: "PgDn",
	}
}

// NewScrollBody makes an empty body with the keys of NewScrollKeys.
func NewScrollBody(lang model.Lang) *ScrollBody {
	return &ScrollBody{Keys: NewScrollKeys(lang), lang: lang}
}

// SetLines replaces the text. The position is kept (a reload does not jump back to the
// top) and brought within the new text when it is drawn.
func (s *ScrollBody) SetLines(lines []string) { s.lines = lines }

// Len is the number of lines; Top the first one shown.
func (s *ScrollBody) Len() int { return len(s.lines) }
func (s *ScrollBody) Top() int { return s.top }

// Update scrolls with a key and reports whether the key was one of the body's.
func (s *ScrollBody) Update(msg tea.KeyMsg) bool {
	k := s.Keys
	page := max(s.rows-2, 1) // the lines between the two hint rows
	switch {
	case key.Matches(msg, k.LineUp):
		s.top--
	case key.Matches(msg, k.LineDown):
		s.top++
	case key.Matches(msg, k.PageUp):
		s.top -= page
	case key.Matches(msg, k.PageDown):
		s.top += page
	case key.Matches(msg, k.Home):
		s.top = 0
	case key.Matches(msg, k.End):
		s.top = s.lastTop()
	default:
		return false
	}
	s.top = min(max(s.top, 0), s.lastTop())
	return true
}

// lastTop is the first line shown when the last line is: below it, the hint row above
// and the rest. Before the first View the rows are unknown and it is the last line.
func (s *ScrollBody) lastTop() int {
	n, h := len(s.lines), s.rows
	switch {
	case n <= h:
		return 0
	case h < 3: // no room for hint rows
		return n - max(h, 1)
	}
	return n - (h - 1)
}

// View draws the window in exactly w x h: the lines from Top, with a hint row first when
// lines are hidden above and last when lines are hidden below. Below 3 rows there is no
// room for hints and the lines are shown alone.
func (s *ScrollBody) View(w, h int) string {
	s.rows = h
	s.top = min(max(s.top, 0), s.lastTop())
	n := len(s.lines)
	if n <= h || h < 3 {
		return textwidth.Block(s.lines[s.top:min(s.top+max(h, 0), n)], w, h)
	}
	out := make([]string, 0, h)
	room := h
	if s.top > 0 {
		out = append(out, styles.Dim.Render(textwidth.Fit(i18n.T(s.lang, i18n.ScrollMoreAbove, s.top, s.Keys.UpHint), w)))
		room--
	}
	end := min(s.top+room, n)
	if end < n {
		end-- // the last row says what is below
	}
	out = append(out, s.lines[s.top:end]...)
	if end < n {
		out = append(out, styles.Dim.Render(textwidth.Fit(i18n.T(s.lang, i18n.ScrollMoreBelow, n-end, s.Keys.DownHint), w)))
	}
	return textwidth.Block(out, w, h)
}

// Bindings are the body's keys for a help screen, one line a pair; those left zero or
// disabled are not listed.
func (s *ScrollBody) Bindings() []key.Binding {
	var out []key.Binding
	for _, b := range []key.Binding{s.Keys.LineUp, s.Keys.PageUp, s.Keys.Home} {
		if b.Enabled() {
			out = append(out, b)
		}
	}
	return out
}
