package uitest

import (
	"sort"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/ui/tab"
)

// TabSettler returns a function that runs a command and whatever follows from it,
// delivering the tab's own messages to t as the program would (benchmarks).
func TabSettler(tb testing.TB, t tab.Tab) func(tea.Cmd) {
	return func(cmd tea.Cmd) {
		Settle(tb, cmd, func(msg tea.Msg) tea.Cmd {
			if _, ok := msg.(tab.Msg); ok {
				return t.Update(msg)
			}
			return nil
		})
	}
}

// Ms is a duration in milliseconds, for benchmark metrics.
func Ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// ReportLatencies sorts lat and reports its median and 95th percentile in milliseconds.
func ReportLatencies(b *testing.B, lat []time.Duration) {
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(Ms(lat[len(lat)/2]), "ms-median")
	b.ReportMetric(Ms(lat[min(len(lat)-1, len(lat)*95/100)]), "ms-p95")
}
