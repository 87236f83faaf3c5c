package styles

import (
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Fast must draw exactly what lipgloss draws, under every colour profile (and after the
// profile changes), or the 统计 tab would differ from every other screen.
func TestFastMatchesRender(t *testing.T) {
	defer lipgloss.SetColorProfile(lipgloss.ColorProfile())
	all := []lipgloss.Style{Plain, Bold, Dim, Accent, OK, Warn, Error, Selected, Header, Bar}
	fast := make([]*Fast, len(all))
	for i, st := range all {
		fast[i] = NewFast(st)
	}
	texts := []string{"", " ", "合计", "烈士遗属 12 人", "1 234.50", "a\tb", "第一行\n第二行", "  前后空格  "}
	for _, p := range []termenv.Profile{termenv.TrueColor, termenv.ANSI256, termenv.ANSI, termenv.Ascii, termenv.ANSI} {
		lipgloss.SetColorProfile(p)
		for i, st := range all {
			for _, s := range texts {
				if got, want := fast[i].Render(s), st.Render(s); got != want {
					t.Errorf("profile %v, style %d, %q: Fast %q, lipgloss %q", p, i, s, got, want)
				}
			}
		}
	}
}
