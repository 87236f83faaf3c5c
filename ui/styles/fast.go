package styles

import (
	"strings"
	"sync"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Fast applies a style by concatenation: the style's escape sequences are worked out once
// per colour profile, then each text is put between them. lipgloss's Render does the same
// work again for every call (a few microseconds); the 统计 document styles thousands of
// cells per layout, a third of the layout's time at county scale. Texts holding a line
// break or a tab go through Render, which handles them.
type Fast struct {
	style lipgloss.Style

	mu        sync.Mutex
	profile   termenv.Profile
	known     bool
	pre, post string
}

// NewFast wraps st.
func NewFast(st lipgloss.Style) *Fast { return &Fast{style: st} }

// Render is st.Render(s).
func (f *Fast) Render(s string) string {
	if strings.ContainsAny(s, "\n\r\t") {
		return f.style.Render(s)
	}
	pre, post := f.parts()
	return pre + s + post
}

// parts are the escape sequences before and after a text, for the profile now in force.
func (f *Fast) parts() (pre, post string) {
	profile := lipgloss.ColorProfile()
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.known || f.profile != profile {
		const probe = "x"
		out := f.style.Render(probe)
		i := strings.Index(out, probe)
		f.pre, f.post = out[:i], out[i+len(probe):]
		f.profile, f.known = profile, true
	}
	return f.pre, f.post
}
