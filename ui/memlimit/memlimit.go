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
	"time"
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
	// pacedSet: GOGC is heavyGCPercent now (until the limit comes back, see Settle);
	// pendingRestore: the limit comes back Settle after the last job ended.
	pacedSet, pendingRestore bool
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

// Settle is how long after the last heavy job ends the limit comes back and the memory
// is handed back. Handing it back is a full collection of a heap that grew during the job
// (25–45 ms at county scale); done right away, it held up the very message carrying the
// job's result — the year switch's tables waited for it. Tests set it to 0 (at once).
var Settle = 200 * time.Millisecond

// Lift removes the limit until the returned function is called (once). Calls may overlap:
// the limit comes back when the last one has ended, Settle later, and the heap the work
// left behind is collected and returned to the system then, on a goroutine of its own. A
// job lifting again within Settle keeps the limit lifted.
func Lift() (done func()) {
	mu.Lock()
	defer mu.Unlock()
	if !set {
		return func() {}
	}
	if lifted++; lifted == 1 && !pendingRestore {
		debug.SetMemoryLimit(math.MaxInt64)
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			mu.Lock()
			defer mu.Unlock()
			if lifted--; lifted > 0 {
				return
			}
			if Settle <= 0 {
				restoreLocked()
				return
			}
			if !pendingRestore {
				pendingRestore = true
				time.AfterFunc(Settle, restoreIfIdle)
			}
		})
	}
}

// restoreIfIdle puts the limit back, Settle after the last job ended, unless another
// started meanwhile (it schedules its own restore when it ends).
func restoreIfIdle() {
	mu.Lock()
	defer mu.Unlock()
	pendingRestore = false
	if lifted == 0 {
		restoreLocked()
	}
}

// restoreLocked puts the browsing limit and pace back and hands the heap back to the
// system. The caller holds mu; the collection runs on a goroutine of its own.
func restoreLocked() {
	if pacedSet {
		debug.SetGCPercent(percent)
		pacedSet = false
	}
	debug.SetMemoryLimit(browsed)
	if Settle <= 0 {
		debug.FreeOSMemory()
		return
	}
	go debug.FreeOSMemory()
}

// LiftPaced is Lift for work that allocates much and keeps little (the tally): the heap
// may also grow to four times the live data before a collection while it runs, as each
// collection marks the whole search index (~36 MB) again — a year switch 383–547 →
// 358–400 ms at county scale. Not for the index build: what it keeps would be spread over
// the larger heap and stay resident (97 → 104 MB after it). The pace comes back with the
// limit (Settle after the last job), or at once when the paced jobs end before other
// lifted work does.
func LiftPaced() (done func()) {
	lift := Lift()
	mu.Lock()
	if set {
		if paced++; paced == 1 && !pacedSet {
			percent = debug.SetGCPercent(heavyGCPercent)
			pacedSet = true
		}
	}
	mu.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			mu.Lock()
			if set {
				// With other lifted work still running, the usual pace comes back now;
				// otherwise with the limit, after Settle.
				if paced--; paced == 0 && pacedSet && lifted > 1 {
					debug.SetGCPercent(percent)
					pacedSet = false
				}
			}
			mu.Unlock()
			lift()
		})
	}
}
