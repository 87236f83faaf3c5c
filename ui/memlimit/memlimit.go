// Package memlimit keeps the full-screen program's Go heap small while the user browses,
// and out of the way while it does heavy work.
//
// SPEC.md §7 asks for ≤ 100 MB resident while browsing. At county scale the search index
// is most of the live heap (~36 MB), so the program sets a soft limit a little above it
// (Browsing): without one the heap grows to twice the live data between collections.
// Near a soft limit the collector runs after every few megabytes allocated, each time
// marking the whole index: the yearly tally took 460 ms instead of 250 under it, and an
// export 9 s instead of 3.5. So heavy work (building the index, the tally, an export)
// lifts the limit for its duration (Lift; the tally also lets the heap grow further before
// a collection: LiftPaced), and the memory it used is handed back to the system when the
// last of it ends.
package memlimit

import (
	"math"
	"os"
	"runtime/debug"
	"sync"
)

// heavyGCPercent is GOGC while paced work runs (LiftPaced): the heap may grow to four
// times the live data before a collection, for the few hundred milliseconds it lasts.
const heavyGCPercent = 400

// Browsing is the Go heap's soft limit while browsing. On top of it come SQLite's page
// cache (store.DefaultCacheKiB), the runtime's own memory and the program's code.
const Browsing = 56 << 20

var (
	mu      sync.Mutex
	set     bool  // Set applied the limit (not overridden by GOMEMLIMIT)
	lifted  int   // heavy jobs running
	browsed int64 // the limit to restore
	paced   int   // LiftPaced jobs running
	percent int   // GOGC to restore
)

// Set applies the browsing limit, unless the user set GOMEMLIMIT.
func Set() {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	mu.Lock()
	defer mu.Unlock()
	set, browsed = true, Browsing
	if lifted == 0 {
		debug.SetMemoryLimit(Browsing)
	}
}

// Lift removes the limit until the returned function is called (once). Calls may overlap:
// the limit comes back when the last one ends, and the heap the work left behind is
// collected and returned to the system then (a full collection: call it off the UI's
// goroutine, as the work itself is).
func Lift() (done func()) {
	mu.Lock()
	defer mu.Unlock()
	if !set {
		return func() {}
	}
	if lifted++; lifted == 1 {
		debug.SetMemoryLimit(math.MaxInt64)
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			mu.Lock()
			lifted--
			last := lifted == 0
			if last {
				debug.SetMemoryLimit(browsed)
			}
			mu.Unlock()
			if last {
				debug.FreeOSMemory()
			}
		})
	}
}

// LiftPaced is Lift for work that allocates much and keeps little (the tally): the heap
// may also grow to four times the live data before a collection while it runs, as each
// collection marks the whole search index (~36 MB) again — a year switch 383–547 →
// 358–400 ms at county scale. Not for the index build: what it keeps would be spread over
// the larger heap and stay resident (97 → 104 MB after it).
func LiftPaced() (done func()) {
	lift := Lift()
	mu.Lock()
	if set {
		if paced++; paced == 1 {
			percent = debug.SetGCPercent(heavyGCPercent)
		}
	}
	mu.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			mu.Lock()
			if set {
				if paced--; paced == 0 {
					debug.SetGCPercent(percent)
				}
			}
			mu.Unlock()
			lift()
		})
	}
}
