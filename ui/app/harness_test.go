package app

import (
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/ui/internal/uitest"
	"shuangyong/ui/textwidth"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	textwidth.Configure()
	os.Exit(m.Run())
}

const testPath = "/home/cadre/shuangyong/shuangyong.db"

func newRoot(s *store.Store, lang model.Lang) *Model {
	return New(uitest.Env(s, lang), Config{PathLabel: testPath, NoBackground: true, DemoPeople: 200, DemoEvents: 500, HoldLimit: time.Millisecond})
}

// direct drives the root model synchronously: every command runs and its messages are
// fed back until nothing is left, as the Bubble Tea loop would do.
type direct struct {
	t    *testing.T
	m    *Model
	w, h int
	quit bool
}

func newDirect(t *testing.T, s *store.Store, lang model.Lang, w, h int) *direct {
	t.Helper()
	d := &direct{t: t, m: newRoot(s, lang), w: w, h: h}
	d.run(d.m.Init())
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	return d
}

func (d *direct) send(msg tea.Msg) {
	d.t.Helper()
	_, cmd := d.m.Update(msg)
	d.run(cmd)
}

func (d *direct) run(cmd tea.Cmd) {
	d.t.Helper()
	uitest.Settle(d.t, cmd, func(msg tea.Msg) tea.Cmd {
		if _, ok := msg.(tea.QuitMsg); ok {
			d.quit = true
			return nil
		}
		_, next := d.m.Update(msg)
		return next
	})
}

func (d *direct) key(k tea.KeyType) { d.t.Helper(); d.send(tea.KeyMsg{Type: k}) }

func (d *direct) text(s string) {
	d.t.Helper()
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)})
}

func (d *direct) view() string {
	d.t.Helper()
	return uitest.CheckView(d.t, d.m.View(), d.w, d.h)
}

func (d *direct) resize(w, h int) {
	d.t.Helper()
	d.w, d.h = w, h
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
}

// spy wraps the root for teatest: it keeps the newest frame, so a test can wait for what
// is on screen (the renderer's output stream only holds the lines that changed), and
// checks every frame's width.
type spy struct {
	*Model
	t    testing.TB
	mu   sync.Mutex
	last string
	bad  string
}

func (s *spy) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	_, cmd := s.Model.Update(msg)
	return s, cmd
}

func (s *spy) View() string {
	v := s.Model.View()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.last = v
	if s.Model.width > 0 && s.bad == "" {
		s.bad = uitest.FrameProblem(v, s.Model.width, s.Model.height)
	}
	return v
}

func (s *spy) screen() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.last
}

// start runs the real program (its event loop, timers and commands) on a test terminal.
func start(t *testing.T, s *store.Store, w, h int) (*teatest.TestModel, *spy) {
	t.Helper()
	sp := &spy{Model: newRoot(s, model.Zh), t: t}
	tm := teatest.NewTestModel(t, sp, teatest.WithInitialTermSize(w, h))
	t.Cleanup(func() { tm.Quit() })
	return tm, sp
}

// quit ends the program with F10, as a user would, and fails the test if any frame it
// drew broke the width rule.
func quit(t *testing.T, tm *teatest.TestModel, sp *spy) {
	t.Helper()
	tm.Send(keyOf(tea.KeyF10))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	if sp.bad != "" {
		t.Errorf("a frame broke the width rule: %s", sp.bad)
	}
}

// waitFor waits until the screen holds all of want.
func waitFor(t *testing.T, sp *spy, want ...string) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		scr := sp.screen()
		ok := true
		for _, w := range want {
			if !strings.Contains(scr, w) {
				ok = false
				break
			}
		}
		if ok {
			return scr
		}
		if time.Now().After(deadline) {
			t.Fatalf("screen never showed %q; last screen:\n%s", want, scr)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func runes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

func keyOf(k tea.KeyType) tea.KeyMsg { return tea.KeyMsg{Type: k} }

// waitChanged waits until the screen differs from before (or ten seconds pass: a page
// that cannot scroll further stays the same, which is not an error here).
func waitChanged(t *testing.T, sp *spy, before string) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if sp.screen() != before {
			return
		}
	}
}
