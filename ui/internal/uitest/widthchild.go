package uitest

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"

	"shuangyong/ui/textwidth"
)

// Screens must be exact frames under both East Asian width settings. The width libraries
// (go-runewidth, through lipgloss and the renderer) read RUNEWIDTH_EASTASIAN once when the
// program starts, so flipping it inside a test would check half the stack: a test that
// must hold under both runs again in a child process of its own test binary.

const widthChildEnv = "SY_WIDTH_CHILD"

// WidthChild reports whether this process is such a child, after proving that the
// setting it was started with took (the name dot · is one cell, or two under East Asian
// widths).
func WidthChild(t testing.TB) bool {
	t.Helper()
	if os.Getenv(widthChildEnv) == "" {
		return false
	}
	textwidth.Configure()
	want := 1
	if os.Getenv("RUNEWIDTH_EASTASIAN") == "1" {
		want = 2
	}
	if got := lipgloss.Width("·"); got != want || textwidth.Width("·") != want {
		t.Fatalf("RUNEWIDTH_EASTASIAN=%s did not take: · is %d cells (lipgloss), %d (textwidth)",
			os.Getenv("RUNEWIDTH_EASTASIAN"), got, textwidth.Width("·"))
	}
	return true
}

// OtherWidth is the RUNEWIDTH_EASTASIAN value this process does not run under.
func OtherWidth() string {
	if textwidth.Width("·") == 2 {
		return "0"
	}
	return "1"
}

// RunWidthChild runs the top-level test named test again, in a child of this test binary
// with RUNEWIDTH_EASTASIAN=ea, as a subtest named after the setting; the child's output is
// shown when it fails.
func RunWidthChild(t *testing.T, test, ea string) {
	t.Run("RUNEWIDTH_EASTASIAN="+ea, func(t *testing.T) {
		cmd := exec.Command(os.Args[0], "-test.run=^"+test+"$", "-test.count=1", "-test.v")
		cmd.Env = append(os.Environ(), widthChildEnv+"=1", "RUNEWIDTH_EASTASIAN="+ea)
		out, err := cmd.CombinedOutput()
		// The test itself must have passed: a -test.run that matches nothing passes too.
		if err != nil || !strings.Contains(string(out), "--- PASS: "+test+" ") {
			t.Fatalf("%s under RUNEWIDTH_EASTASIAN=%s: %v\n%s", test, ea, err, out)
		}
	})
}
