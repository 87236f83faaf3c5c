package memlimit

import (
	"runtime/debug"
	"testing"
	"time"
)

func gcPercent() int { p := debug.SetGCPercent(100); debug.SetGCPercent(p); return p }

// browse applies the browsing pace as the program does at start, with no GOGC or
// GOMEMLIMIT of the user's, and puts the test binary's pace back afterwards.
func browse(t *testing.T, settle time.Duration) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	before := gcPercent()
	old := Settle
	Settle = settle
	t.Cleanup(func() {
		Settle = old
		mu.Lock()
		set = false
		mu.Unlock()
		debug.SetGCPercent(before)
	})
	Set()
	if got := gcPercent(); got != BrowsingGCPercent {
		t.Fatalf("after Set GOGC is %d, want %d", got, BrowsingGCPercent)
	}
}

// Overlapping jobs: the pace comes back when the last one ends, not before.
func TestLiftAndRestore(t *testing.T) {
	browse(t, 0)
	tallyDone := Lift()
	exportDone := Lift() // an export started while the tally runs
	if got := gcPercent(); got != liftedGCPercent {
		t.Fatalf("lifted: GOGC %d", got)
	}
	tallyDone()
	tallyDone() // a second call changes nothing
	if got := gcPercent(); got != liftedGCPercent {
		t.Fatalf("the browsing pace came back (GOGC %d) while the export still runs", got)
	}
	exportDone()
	if got := gcPercent(); got != BrowsingGCPercent {
		t.Fatalf("after the last job GOGC is %d, want %d", got, BrowsingGCPercent)
	}
}

// A GOGC or GOMEMLIMIT of the user's is left alone, by Set and by the lifts.
func TestUserSettingKept(t *testing.T) {
	for _, env := range []string{"GOGC", "GOMEMLIMIT"} {
		t.Run(env, func(t *testing.T) {
			t.Setenv("GOGC", "")
			t.Setenv("GOMEMLIMIT", "")
			t.Setenv(env, map[string]string{"GOGC": "150", "GOMEMLIMIT": "1GiB"}[env])
			before := gcPercent()
			mu.Lock()
			set = false
			mu.Unlock()
			Set()
			LiftPaced()()
			if got := gcPercent(); got != before {
				t.Fatalf("%s set by the user: GOGC went from %d to %d", env, before, got)
			}
		})
	}
}

// The tally's paced lift lets the heap grow further while it runs, and only while: an
// index build lifting beside it keeps its own pace.
func TestLiftPaced(t *testing.T) {
	browse(t, 0)
	build := Lift()
	if gcPercent() != liftedGCPercent {
		t.Fatal("a plain lift: wrong pace")
	}
	tally := LiftPaced()
	if got := gcPercent(); got != heavyGCPercent {
		t.Fatalf("during the tally: GOGC %d", got)
	}
	tally()
	tally()
	if got := gcPercent(); got != liftedGCPercent {
		t.Fatalf("after the tally, the build still running: GOGC %d (want %d)", got, liftedGCPercent)
	}
	build()
	if got := gcPercent(); got != BrowsingGCPercent {
		t.Fatalf("after both GOGC is %d", got)
	}
}

// The browsing pace comes back Settle after the last job, not while its result is being
// drawn; a job starting within Settle keeps the heap lifted until it ends.
func TestRestoreSettles(t *testing.T) {
	browse(t, 50*time.Millisecond)
	LiftPaced()()
	if got := gcPercent(); got != heavyGCPercent {
		t.Fatalf("right after the tally: GOGC %d; want it still lifted", got)
	}
	next := LiftPaced() // the next year asked for at once
	time.Sleep(3 * Settle)
	if got := gcPercent(); got != heavyGCPercent {
		t.Fatalf("a job running: GOGC %d", got)
	}
	next()
	for deadline := time.Now().Add(5 * time.Second); gcPercent() != BrowsingGCPercent; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("not restored: GOGC %d", gcPercent())
		}
	}
}
