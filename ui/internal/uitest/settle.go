package uitest

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// Settle runs cmd and every command that follows from it, as the Bubble Tea loop would
// but synchronously: batches are expanded, and each other message is handed to deliver,
// which returns the next command (the model's Update, or nil for a message the test only
// records). It fails the test if the commands do not settle.
func Settle(t testing.TB, cmd tea.Cmd, deliver func(tea.Msg) tea.Cmd) {
	t.Helper()
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 2000 {
			t.Fatal("commands did not settle")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		default:
			queue = append(queue, deliver(msg))
		}
	}
}
