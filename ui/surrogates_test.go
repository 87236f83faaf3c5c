package ui

import (
	"context"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/ui/app"
	"shuangyong/ui/internal/uitest"
)

func key(rs ...rune) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: rs} }

// 𠮷 (U+20BB7) arrives from a Windows console as its two UTF-16 halves, 0xD842 0xDFB7.
func TestMergeSurrogates(t *testing.T) {
	f := MergeSurrogates()
	if got := f(nil, key(0xD842)); got != nil {
		t.Fatalf("high half passed through: %#v", got)
	}
	got, ok := f(nil, key(0xDFB7)).(tea.KeyMsg)
	if !ok || string(got.Runes) != "𠮷" {
		t.Fatalf("halves not merged: %#v", got)
	}

	// A tick between the halves does not break the pair.
	f(nil, key(0xD842))
	if msg := f(nil, tea.WindowSizeMsg{}); msg == nil {
		t.Fatal("a non-key message was dropped")
	}
	if got, _ := f(nil, key(0xDFB7)).(tea.KeyMsg); string(got.Runes) != "𠮷" {
		t.Fatalf("pair broken by a tick: %q", string(got.Runes))
	}

	// Both halves in one message (an IME commit), with text around them.
	if got, _ := f(nil, key('王', 0xD842, 0xDFB7, '家')).(tea.KeyMsg); string(got.Runes) != "王𠮷家" {
		t.Fatalf("in-message pair: %q", string(got.Runes))
	}

	// Unpaired halves are dropped, never stored as U+FFFD.
	if got := f(nil, key(0xDFB7)); got != nil {
		t.Fatalf("lone low half passed: %#v", got)
	}
	f(nil, key(0xD842))
	if got, _ := f(nil, key('a')).(tea.KeyMsg); string(got.Runes) != "a" {
		t.Fatalf("text after a lone high half: %q", string(got.Runes))
	}
	// Other keys pass untouched.
	if got, _ := f(nil, tea.KeyMsg{Type: tea.KeyEnter}).(tea.KeyMsg); got.Type != tea.KeyEnter {
		t.Fatal("Enter changed")
	}
}

// Through the program's filter into the person form and the store: the name keeps 𠮷.
func TestSurrogateNameIsStored(t *testing.T) {
	s := uitest.Seeded(t)
	root := app.New(uitest.Env(s, model.Zh), app.Config{NoBackground: true})
	filter := MergeSurrogates()
	send := func(msg tea.Msg) {
		if msg = filter(root, msg); msg == nil {
			return
		}
		_, cmd := root.Update(msg)
		runAll(t, root, cmd)
	}
	runAll(t, root, root.Init())
	send(tea.WindowSizeMsg{Width: 100, Height: 30})
	send(tea.KeyMsg{Type: tea.KeyF2})
	for _, r := range []rune{'刘', 0xD842, 0xDFB7} { // one key message per UTF-16 unit
		send(key(r))
	}
	send(tea.KeyMsg{Type: tea.KeyCtrlS})
	page, err := s.SearchPeople(context.Background(), store.PeopleQuery{Text: "刘"})
	if err != nil || page.Total != 1 || page.Rows[0].Name != "刘𠮷" {
		t.Fatalf("stored %+v %v", page.Rows, err)
	}
}

func runAll(t *testing.T, m tea.Model, cmd tea.Cmd) {
	t.Helper()
	queue := []tea.Cmd{cmd}
	for n := 0; len(queue) > 0; n++ {
		if n > 1000 {
			t.Fatal("commands did not settle")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case nil, tea.QuitMsg:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		default:
			_, next := m.Update(msg)
			queue = append(queue, next)
		}
	}
}
