package families

import (
	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/ui/tab"
)

// Messages of this tab. Each carries the sequence number of the request it answers and
// is addressed to the families tab, so the root delivers it here whatever tab is showing.

type debounceMsg struct{ tag int }

func (debounceMsg) Target() tab.ID { return tab.Families }

type pageMsg struct {
	seq   uint64
	reset bool
	page  store.PeoplePage
	err   error
}

func (pageMsg) Target() tab.ID { return tab.Families }

type detailMsg struct {
	seq        uint64
	id         int64
	person     model.Person
	village    string
	unit       string
	household  []model.Person
	visits     []store.VisitRow
	visitTotal int
	needs      []store.VisitRow
	err        error
}

func (detailMsg) Target() tab.ID { return tab.Families }

// purpose says what a loaded person is for.
type purpose int

const (
	forEdit purpose = iota
	forVisit
)

type openMsg struct {
	seq     uint64
	purpose purpose
	from    mode
	person  model.Person
	amount  int64
	err     error
}

func (openMsg) Target() tab.ID { return tab.Families }

type dupMsg struct {
	seq  uint64
	dups []model.Person
	err  error
}

func (dupMsg) Target() tab.ID { return tab.Families }

type savedPersonMsg struct {
	seq     uint64
	person  model.Person
	created bool
	err     error
}

func (savedPersonMsg) Target() tab.ID { return tab.Families }

type savedVisitMsg struct {
	seq    uint64
	visit  model.Visit
	person model.Person
	err    error
}

func (savedVisitMsg) Target() tab.ID { return tab.Families }

type trashedMsg struct {
	id   int64
	name string
	err  error
}

func (trashedMsg) Target() tab.ID { return tab.Families }

type cadresMsg struct {
	cadres []string
	err    error
}

func (cadresMsg) Target() tab.ID { return tab.Families }
