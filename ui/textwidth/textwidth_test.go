package textwidth

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/lipgloss"
)

var samples = []string{
	"", "abc", "张三", "阿卜杜·热合曼", "王𠮷", "“红”—英", "a…b", "①②", "×°", "混合 mixed 文本", "👍 ok",
	"李家村2组69号", "430524********2995", "\x1b[2J赵\x1b]52;c;aGk=\x07六",
}

// Width is lipgloss's measure, so our padding and lipgloss's agree.
func TestWidthAgreesWithLipgloss(t *testing.T) {
	for _, s := range samples {
		if Width(s) != lipgloss.Width(s) {
			t.Errorf("%q: Width %d, lipgloss %d", s, Width(s), lipgloss.Width(s))
		}
	}
}

func TestFitExact(t *testing.T) {
	for _, s := range samples {
		c := Clean(s)
		for w := 0; w <= 20; w++ {
			got := Fit(c, w)
			if lipgloss.Width(got) != w {
				t.Errorf("Fit(%q, %d) = %q is %d cells", c, w, got, lipgloss.Width(got))
			}
			if r := FitRight(c, w); lipgloss.Width(r) != w {
				t.Errorf("FitRight(%q, %d) = %q", c, w, r)
			}
			if Width(c) > w && w > 3 && !strings.Contains(got, Ellipsis) {
				t.Errorf("Fit(%q, %d) = %q: cut without ...", c, w, got)
			}
			if l := TruncateLeft(c, w); lipgloss.Width(l) > w {
				t.Errorf("TruncateLeft(%q, %d) = %q", c, w, l)
			}
		}
	}
}

func TestCleanRemovesControls(t *testing.T) {
	got := Clean("\x1b[2J赵\x1b]52;c;aGk=\x07六\r\n\u202e反\u200b")
	for _, bad := range []string{"\x1b", "\x07", "\r", "\n", "\u202e", "\u200b"} {
		if strings.Contains(got, bad) {
			t.Errorf("Clean kept %q: %q", bad, got)
		}
	}
	if !strings.Contains(got, "赵") || !strings.Contains(got, "六") {
		t.Errorf("Clean lost the text: %q", got)
	}
}

// Ambiguous punctuation is shown as unambiguous look-alikes (one width on every console);
// names keep 𠮷.
func TestCleanMapsAmbiguous(t *testing.T) {
	got := Clean("阿卜杜·热合曼 “红”—英…×")
	if got != "阿卜杜・热合曼 \"红\"-英...x" {
		t.Errorf("Clean = %q", got)
	}
	if Clean("王𠮷") != "王𠮷" {
		t.Error("𠮷 changed")
	}
}

func TestWrap(t *testing.T) {
	s := "在列表里直接打字（汉字、拼音首字母、数字）就会筛选，不需要先按任何键 and some English words here"
	for w := 4; w < 40; w++ {
		lines := Wrap(s, w)
		joined := strings.ReplaceAll(strings.Join(lines, ""), " ", "")
		if joined != strings.ReplaceAll(s, " ", "") {
			t.Fatalf("Wrap(%d) lost text: %q", w, lines)
		}
		for i, l := range lines {
			if Width(l) > w {
				t.Errorf("Wrap(%d): %q is %d wide", w, l, Width(l))
			}
			if r, _ := utf8.DecodeRuneInString(l); i > 0 && strings.ContainsRune(noLineStart, r) {
				t.Errorf("Wrap(%d): line %q begins with a closing mark", w, l)
			}
		}
	}
	// The campaign dialog's text, where a line began with "，" at 60 cells.
	dialog := Wrap("按类别、村（社区）等条件建立走访名单，走访后逐人按一个键登记，并可导出发放清单。", 60)
	if len(dialog) != 2 || !strings.HasSuffix(dialog[0], "登") || !strings.HasPrefix(dialog[1], "记，") {
		t.Errorf("the mark was not kept with the character before it: %q", dialog)
	}
}

func TestBlock(t *testing.T) {
	b := Block([]string{"张三", strings.Repeat("长", 50)}, 10, 3)
	lines := strings.Split(b, "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines", len(lines))
	}
	for _, l := range lines {
		if lipgloss.Width(l) != 10 {
			t.Errorf("%q is %d wide", l, lipgloss.Width(l))
		}
	}
}
