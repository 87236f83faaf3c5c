package components

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/ui/internal/uitest"
)

func bodyLines(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("第%d行", i+1)
	}
	return out
}

var hintCount = regexp.MustCompile(`(上面|下面)还有 (\d+) 行（(PgUp|PgDn) 查看）`)

// window reads a drawn body: the numbers of the lines shown, and the counts of the hint
// rows above and below (0 when there is none).
func window(t *testing.T, view string, w, h int) (shown []int, above, below int) {
	t.Helper()
	for _, row := range strings.Split(uitest.CheckView(t, view, w, h), "\n") {
		if m := hintCount.FindStringSubmatch(row); m != nil {
			n, _ := strconv.Atoi(m[2])
			if m[1] == "上面" {
				above = n
			} else {
				below = n
			}
			continue
		}
		var i int
		if _, err := fmt.Sscanf(strings.TrimSpace(row), "第%d行", &i); err == nil {
			shown = append(shown, i)
		}
	}
	return shown, above, below
}

// A body that fits is shown whole, without hints, and does not move.
func TestScrollBodyThatFits(t *testing.T) {
	b := NewScrollBody(model.Zh)
	b.SetLines(bodyLines(5))
	b.Update(keyT(tea.KeyPgDown))
	shown, above, below := window(t, b.View(30, 8), 30, 8)
	if len(shown) != 5 || shown[0] != 1 || above != 0 || below != 0 {
		t.Errorf("shown %v, hints %d/%d", shown, above, below)
	}
}

// At every position of a body taller than its rows, the hints count exactly the lines
// not shown, so nothing is hidden without one; PgDn walks down to the last line without
// skipping any, Home and End go to the ends, Ctrl+↓ moves one line.
func TestScrollBodyHidesNothingWithoutAHint(t *testing.T) {
	const n, w, h = 23, 40, 7
	b := NewScrollBody(model.Zh)
	b.SetLines(bodyLines(n))
	seen := map[int]bool{}
	check := func(when string) (first, last int) {
		t.Helper()
		shown, above, below := window(t, b.View(w, h), w, h)
		if len(shown) == 0 {
			t.Fatalf("%s: no lines shown", when)
		}
		first, last = shown[0], shown[len(shown)-1]
		if above != first-1 || below != n-last || last-first+1 != len(shown) {
			t.Fatalf("%s: lines %d..%d with %d above and %d below, of %d", when, first, last, above, below, n)
		}
		for _, i := range shown {
			seen[i] = true
		}
		return first, last
	}
	if first, _ := check("at the top"); first != 1 {
		t.Fatalf("starts at line %d", first)
	}
	prevLast := 0
	for step := 0; ; step++ {
		first, last := check(fmt.Sprint("page ", step))
		if prevLast != 0 && first > prevLast+1 {
			t.Fatalf("PgDn skipped lines %d..%d", prevLast+1, first-1)
		}
		if last == n {
			break
		}
		if step > n {
			t.Fatal("PgDn never reached the end")
		}
		prevLast = last
		if !b.Update(keyT(tea.KeyPgDown)) {
			t.Fatal("PgDn is not a scroll key")
		}
	}
	if len(seen) != n {
		t.Errorf("lines never shown: %d of %d seen", len(seen), n)
	}
	b.Update(keyT(tea.KeyPgDown)) // past the end: stays
	if _, last := check("past the end"); last != n {
		t.Errorf("past the end shows up to %d", last)
	}
	b.Update(keyT(tea.KeyHome))
	if first, _ := check("Home"); first != 1 {
		t.Errorf("Home shows from %d", first)
	}
	b.Update(keyT(tea.KeyCtrlDown))
	if first, _ := check("Ctrl+Down"); first != 2 {
		t.Errorf("Ctrl+Down shows from %d", first)
	}
	b.Update(keyT(tea.KeyEnd))
	endFirst, last := check("End")
	if last != n {
		t.Errorf("End shows up to %d", last)
	}
	b.Update(keyT(tea.KeyCtrlUp))
	if first, _ := check("Ctrl+Up"); first != endFirst-1 {
		t.Errorf("Ctrl+Up from the end shows from %d, not %d", first, endFirst-1)
	}
	if b.Update(keyT(tea.KeyUp)) || b.Update(keyT(tea.KeyEnter)) {
		t.Error("the arrows and Enter are the screen's, not the body's")
	}
	want := "...下面还有 2 行（PgDn 查看）"
	if v := b.View(w, h); !strings.Contains(v, want) {
		t.Errorf("the hint does not read %q:\n%s", want, v)
	}
}

// New lines keep the position, brought within them when they are fewer; a body too low
// for hints shows lines alone.
func TestScrollBodyNewLinesAndTinyRooms(t *testing.T) {
	b := NewScrollBody(model.Zh)
	b.SetLines(bodyLines(30))
	b.View(20, 6)
	b.Update(keyT(tea.KeyPgDown))
	top := b.Top()
	b.SetLines(bodyLines(31))
	if b.View(20, 6); b.Top() != top {
		t.Errorf("a reload moved the body from %d to %d", top, b.Top())
	}
	b.SetLines(bodyLines(4))
	if shown, _, _ := window(t, b.View(20, 6), 20, 6); len(shown) != 4 || b.Top() != 0 {
		t.Errorf("after shrinking: %v from %d", shown, b.Top())
	}
	b.SetLines(bodyLines(9))
	for _, h := range []int{1, 2} {
		b.View(20, h)
		b.Update(keyT(tea.KeyEnd))
		shown, above, below := window(t, b.View(20, h), 20, h)
		if len(shown) != h || shown[h-1] != 9 || above+below != 0 {
			t.Errorf("%d rows at the end: %v, hints %d/%d", h, shown, above, below)
		}
	}
}
