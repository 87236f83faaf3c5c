package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"

	"shuangyong/model"
)

// Duties a due row can be limited to.
const (
	DueAny     = ""
	DueContact = "contact" // 联系 due
	DueVisit   = "visit"   // 入户走访 due
)

// DueQuery selects a window of the 常态化联系 due list: typed text (as the 军属 list reads
// it: a name, pinyin initials, digits of an ID or phone number, a village, a category…),
// the duty, and the date it is computed for ("" today).
type DueQuery struct {
	Text          string
	Only          string // DueAny, DueContact, DueVisit
	AsOf          string
	Offset, Limit int
}

// DueRow is a person whose contact or home visit is due or overdue.
type DueRow struct {
	PersonRow
	Key bool // 重点对象 (by the rule or marked); otherwise due under the rule for everyone else

	DueContact  bool
	ContactDays int // DueContact: days past the deadline; ≤ 0 not yet overdue (minus the days left)
	DueVisit    bool
	VisitDays   int // the same for the home visit
	// DaysOver is the larger of the due duties' days: the list's order, most overdue first.
	DaysOver int

	LastContactMode string // model.VisitModes code of the newest visit ("" never contacted)
	// Person.LastVisitOn is the last contact's date, Person.LastHomeOn the last home visit's.
}

// DuePage is a window of the due list with the number of rows the query selects.
type DuePage struct {
	Total    int
	Offset   int
	Rows     []DueRow
	WeakOnly bool // as PeoplePage.WeakOnly
	AsOf     string
	Settings model.DutySettings
}

// dueItem is a due person as the cached list keeps them.
type dueItem struct {
	id                    int64
	key                   bool
	contact, visit        bool
	contactDays, visitDay int
	days                  int
}

// DueList returns a window of the people on the roll whose contact or home visit is due
// as of q.AsOf under the rule of the settings (model.DueOf: a contact = any live visit, a
// home visit = a live visit of mode 入户, in calendar periods of the rule's months), most
// overdue first (then by id). The list is worked out from the people_duties index alone
// and kept until the ledger changes, so typing in it only filters the kept rows by text
// with the 军属 list's matcher.
//
// q.AsOf is meant to be today (or a day near it): the last contact and home visit are the
// newest ones recorded, whatever their date.
func (s *Store) DueList(ctx context.Context, q DueQuery) (DuePage, error) {
	if q.AsOf == "" {
		q.AsOf = s.Today()
	}
	st, err := s.DutySettings(ctx)
	if err != nil {
		return DuePage{}, err
	}
	items, err := s.dueItems(ctx, st, q.AsOf)
	if err != nil {
		return DuePage{}, s.classify(err)
	}
	if q.Only != DueAny {
		kept := make([]dueItem, 0, len(items))
		for _, it := range items {
			if q.Only == DueContact && it.contact || q.Only == DueVisit && it.visit {
				kept = append(kept, it)
			}
		}
		items = kept
	}
	ids := make([]int64, len(items))
	for i, it := range items {
		ids[i] = it.id
	}
	keep, fields, weak, err := s.matchEntries(ctx, ids, q.Text)
	if err != nil {
		return DuePage{}, s.classify(err)
	}
	page := DuePage{Total: len(keep), WeakOnly: weak, AsOf: q.AsOf, Settings: st}
	lo, hi := window(len(keep), q.Offset, q.Limit)
	page.Offset = lo
	win := make([]int64, 0, hi-lo)
	for _, k := range keep[lo:hi] {
		win = append(win, ids[k])
	}
	rows, err := s.peopleRows(ctx, win, fields[lo:hi])
	if err != nil {
		return DuePage{}, err
	}
	byID := make(map[int64]PersonRow, len(rows))
	for _, r := range rows {
		byID[r.ID] = r
	}
	for _, k := range keep[lo:hi] {
		it := items[k]
		r, ok := byID[it.id]
		if !ok {
			continue
		}
		d := DueRow{PersonRow: r, Key: it.key, DueContact: it.contact, ContactDays: it.contactDays,
			DueVisit: it.visit, VisitDays: it.visitDay, DaysOver: it.days}
		if r.LastVisitOn != "" {
			err := s.db.QueryRowContext(ctx, `SELECT mode FROM visits WHERE person_id = ? AND deleted_at = ''
				ORDER BY date DESC, id DESC LIMIT 1`, it.id).Scan(&d.LastContactMode)
			if err != nil && err != sql.ErrNoRows {
				return DuePage{}, s.classify(err)
			}
		}
		page.Rows = append(page.Rows, d)
	}
	return page, nil
}

// dueItems is the whole due list as of asOf, worked out in Go from the kept roster
// (due_roster.go) and kept itself until the roster changes.
func (s *Store) dueItems(ctx context.Context, st model.DutySettings, asOf string) ([]dueItem, error) {
	var items []dueItem
	err := s.duties.roster.use(ctx, s.db, func(rows []dutyPerson, version int64) error {
		cacheKey := fmt.Sprint("due ", asOf, st)
		if v, ok := s.dutyCache().get(cacheKey, version); ok {
			items = v.([]dueItem)
			return nil
		}
		kt := newKeyTest(st)
		day := model.DateNum(asOf)
		for i := range rows {
			d := &rows[i]
			if d.reg > day || d.flags&dpGone != 0 {
				continue // not on the roll yet that day, or not any more
			}
			it := dueItem{id: d.id, key: kt.key(d)}
			rule := st.RuleFor(it.key)
			it.contact, it.contactDays = model.DueOfNum(d.lastC, d.reg, rule.ContactMonths, day)
			it.visit, it.visitDay = model.DueOfNum(d.lastH, d.reg, rule.VisitMonths, day)
			if !it.contact && !it.visit {
				continue
			}
			it.days = -1 << 31
			if it.contact {
				it.days = it.contactDays
			}
			if it.visit && it.visitDay > it.days {
				it.days = it.visitDay
			}
			items = append(items, it)
		}
		slices.SortFunc(items, func(a, b dueItem) int {
			if a.days != b.days {
				return cmp.Compare(b.days, a.days)
			}
			return cmp.Compare(a.id, b.id)
		})
		s.dutyCache().put(cacheKey, version, items)
		return nil
	})
	return items, err
}

func atoi64(s string) int64 {
	var n int64
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int64(c-'0')
	}
	return n
}
