package campaign

import "sync"

// The sitting's date (F7 in the roster) is the day the visits were made: campaigns are
// typed in afterwards, often over several sittings, and a cadre who leaves the roster to
// look someone up and comes back must not find it reset to today while ticking on. It is
// kept per campaign for as long as the program runs, keyed by the data file so that two
// ledgers (or two tests) never share one.
var sittings = struct {
	sync.Mutex
	dates map[sittingKey]string
}{dates: map[sittingKey]string{}}

type sittingKey struct {
	file    string
	eventID int64
}

// sittingDate is the date ticks in campaign eventID take: the one set with F7 in this run
// of the program, else today.
func sittingDate(h Host, eventID int64) string {
	sittings.Lock()
	defer sittings.Unlock()
	if d, ok := sittings.dates[sittingKey{h.Env.Store.Path(), eventID}]; ok {
		return d
	}
	return h.Env.Now().Format("2006-01-02")
}

func setSittingDate(h Host, eventID int64, date string) {
	sittings.Lock()
	defer sittings.Unlock()
	sittings.dates[sittingKey{h.Env.Store.Path(), eventID}] = date
}

// forgetSitting drops what was kept for event id: a new campaign can take the id of one
// undone (SQLite reuses the highest rowid), and must not inherit its sitting's date.
func forgetSitting(h Host, eventID int64) {
	sittings.Lock()
	defer sittings.Unlock()
	delete(sittings.dates, sittingKey{h.Env.Store.Path(), eventID})
}
