package stats

import (
	"shuangyong/model"
	"shuangyong/ui/tab"
)

// Messages of this tab. Each answers one request of the tab, carries that request's
// sequence number and is addressed to the 统计 tab, so the root delivers it whatever tab is
// showing; the tab drops the answers a newer request has overtaken.

type tallyMsg struct {
	seq    uint64
	period model.Period
	tally  model.Tally
	doc    *doc // laid out with it (nil: the tab had no size)
	err    error
}

func (tallyMsg) Target() tab.ID { return tab.Stats }

// dirMsg names the folder exports go to by default.
type dirMsg struct{ dir string }

func (dirMsg) Target() tab.ID { return tab.Stats }

// checkedMsg answers whether the export's target can be written: its folder exists, and
// whether a file is there already (to ask before replacing it).
type checkedMsg struct {
	seq    uint64
	path   string
	exists bool
	noDir  bool
}

func (checkedMsg) Target() tab.ID { return tab.Stats }

type exportedMsg struct {
	seq  uint64
	path string
	err  error
}

func (exportedMsg) Target() tab.ID { return tab.Stats }

// progressMsg redraws the progress bar while an export runs.
type progressMsg struct{ seq uint64 }

func (progressMsg) Target() tab.ID { return tab.Stats }

// prefetchMsg asks for the year before the one in view to be computed ahead, if the
// change of year gen is still the newest.
type prefetchMsg struct{ gen int }

func (prefetchMsg) Target() tab.ID { return tab.Stats }

// yearMsg tells the status line the year in view once it stopped changing.
type yearMsg struct{ gen int }

func (yearMsg) Target() tab.ID { return tab.Stats }
