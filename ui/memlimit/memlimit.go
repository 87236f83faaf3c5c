// Package memlimit keeps the full-screen program's Go heap small while the user browses,
// and out of the way while it does heavy work.
//
// SPEC.md §7 asks for ≤ 100 MB resident while browsing. At county scale the search index
// is most of the live heap (~33 MB of 43–47), and by default the heap grows to twice the
// live data between collections. So while the user browses, the collector runs once the
// heap has grown by a quarter (GOGC 25, Set): ~11 MB of garbage between collections, a
// collection every ten to fifty keystrokes, each a few milliseconds since the index holds
// no pointers (store/search_index.go).
//
// It was a soft limit of 56 MiB until 2026-11-30: a limit does not grow with the live
// heap, and with the 统计 tab's documents and the 活动 tab's index in, the live heap
// reached it (gctrace: goal = live). The collector then ran after every allocation — 600
// collections in eight seconds of an idle 统计 tab, and one per keystroke: a typed
// character took 26–27 ms median, 39–47 p95, against 17–18 and 26–28 at GOGC 25.
//
// Heavy work (building the index, the tally, an export) lets the heap grow more while it
// runs (Lift: GOGC 100; LiftPaced, for the tally: 400): at 25 the collector would mark the
// whole index every few megabytes. The browsing pace comes back, and the memory the work
// used is handed back to the system, Settle after the last of it ends.
package memlimit

import (
	"os"
	"runtime/debug"
	"sync"
	"time"
)

// BrowsingGCPercent is GOGC while the user browses: a collection once the heap has grown
// by a quarter over the live data.
const BrowsingGCPercent = 25

// liftedGCPercent is GOGC while heavy work runs (Lift): the runtime's default.
const liftedGCPercent = 100

// heavyGCPercent is GOGC while paced work runs (LiftPaced): the heap may grow to five
// times the live data before a collection, for the few hundred milliseconds it lasts.
const heavyGCPercent = 400

// Settle is how long after the last heavy job ends the browsing pace comes back and the
// memory is handed back. Handing it back is a full collection of a heap that grew during
// the job (25–45 ms at county scale); done right away, it held up the very message
// carrying the job's result — the year switch's tables waited for it. Tests set it to 0
// (at once).
var Settle = 200 * time.Millisecond

var (
	mu     sync.Mutex
	set    bool // Set applied the browsing pace (the user set neither GOGC nor GOMEMLIMIT)
	lifted int  // heavy jobs running
	paced  int  // LiftPaced jobs among them
	// settling: the last job ended less than Settle ago; the pace comes back then.
	settling bool
)

// Set applies the browsing pace, unless the user set GOGC or GOMEMLIMIT.
func Set() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	mu.Lock()
	defer mu.Unlock()
	set = true
	if lifted == 0 && !settling {
		debug.SetGCPercent(BrowsingGCPercent)
	}
}

// Heavy reports whether heavy work (a Lift not yet done) is running: the background check
// and backup wait for it to end rather than share the two cores with an export.
func Heavy() bool {
	mu.Lock()
	defer mu.Unlock()
	return lifted > 0
}

// paceLocked sets GOGC for the jobs running. The caller holds mu.
func paceLocked() {
	switch {
	case paced > 0:
		debug.SetGCPercent(heavyGCPercent)
	case lifted > 0:
		debug.SetGCPercent(liftedGCPercent)
	}
}

// Lift lets the heap grow as the runtime's default until the returned function is called
// (once). Calls may overlap: the browsing pace comes back when the last one has ended,
// Settle later, and the heap the work left behind is collected and returned to the system
// then, on a goroutine of its own. A job lifting within Settle keeps it lifted.
func Lift() (done func()) {
	return lift(false)
}

// LiftPaced is Lift for work that allocates much and keeps little (the tally): the heap
// may grow to five times the live data before a collection while it runs, as each
// collection marks the whole live heap again (a year switch 383–547 → 358–400 ms at
// county scale when the index was full of pointers). Not for the index build: what it
// keeps would be spread over the larger heap and stay resident (97 → 104 MB after it).
func LiftPaced() (done func()) {
	return lift(true)
}

func lift(heavy bool) (done func()) {
	mu.Lock()
	defer mu.Unlock()
	lifted++
	if heavy {
		paced++
	}
	if set {
		paceLocked()
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			mu.Lock()
			defer mu.Unlock()
			lifted--
			if heavy {
				paced--
			}
			if !set {
				return
			}
			if lifted > 0 {
				paceLocked() // the tally ended, an index build goes on: its own pace
				return
			}
			if Settle <= 0 {
				restoreLocked()
				return
			}
			if !settling {
				settling = true
				time.AfterFunc(Settle, restoreIfIdle)
			}
		})
	}
}

// restoreIfIdle puts the browsing pace back, Settle after the last job ended, unless
// another started meanwhile (it schedules its own restore when it ends).
func restoreIfIdle() {
	mu.Lock()
	defer mu.Unlock()
	settling = false
	if lifted == 0 {
		restoreLocked()
	}
}

// restoreLocked puts the browsing pace back and hands the heap back to the system. The
// caller holds mu; the collection runs on a goroutine of its own (at once when Settle is
// 0, for tests).
func restoreLocked() {
	debug.SetGCPercent(BrowsingGCPercent)
	if Settle <= 0 {
		debug.FreeOSMemory()
		return
	}
	go debug.FreeOSMemory()
}
