package stats

// Test helpers naming the screen on top of the tab's stack.

type screen int

const (
	scrTally screen = iota
	scrRecords
	scrExport
)

func (m *Model) screenOf() screen {
	switch m.stack.Top().(type) {
	case *records:
		return scrRecords
	case *exportScreen:
		return scrExport
	}
	return scrTally
}
