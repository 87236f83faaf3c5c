package memlimit

import (
	"math"
	"runtime/debug"
	"testing"
	"time"
)

func current() int64 { return debug.SetMemoryLimit(-1) } // a negative value only reads it

// atOnce makes the limit come back as soon as the last job ends, for the tests of which
// job restores what.
func atOnce(t *testing.T) {
	old := Settle
	Settle = 0
	t.Cleanup(func() { Settle = old })
}

func TestLiftAndRestore(t *testing.T) {
	atOnce(t)
	t.Setenv("GOMEMLIMIT", "")
	defer debug.SetMemoryLimit(current())
	Set()
	if got := current(); got != Browsing {
		t.Fatalf("after Set the limit is %d, want %d", got, Browsing)
	}
	tallyDone := Lift()
	exportDone := Lift() // an export started while the tally runs
	if got := current(); got != math.MaxInt64 {
		t.Fatalf("lifted limit %d", got)
	}
	tallyDone()
	tallyDone() // a second call changes nothing
	if got := current(); got != math.MaxInt64 {
		t.Fatalf("the limit came back (%d) while the export still runs", got)
	}
	exportDone()
	if got := current(); got != Browsing {
		t.Fatalf("after the last job the limit is %d, want %d", got, Browsing)
	}
}

func TestUserLimitKept(t *testing.T) {
	atOnce(t)
	t.Setenv("GOMEMLIMIT", "1GiB")
	before := current()
	mu.Lock()
	set = false
	mu.Unlock()
	Set()
	Lift()()
	if got := current(); got != before {
		t.Fatalf("GOMEMLIMIT set by the user: the limit went from %d to %d", before, got)
	}
}

func gcPercent() int { p := debug.SetGCPercent(100); debug.SetGCPercent(p); return p }

// The tally's paced lift lets the heap grow further while it runs, and only while: an
// index build lifting beside it keeps the limit lifted but not the pace.
func TestLiftPaced(t *testing.T) {
	atOnce(t)
	t.Setenv("GOMEMLIMIT", "")
	defer debug.SetMemoryLimit(current())
	Set()
	before := gcPercent()
	build := Lift()
	if gcPercent() != before {
		t.Fatal("a plain lift changed the collector's pace")
	}
	tally := LiftPaced()
	if got := gcPercent(); got != heavyGCPercent || current() != math.MaxInt64 {
		t.Fatalf("during the tally: GOGC %d, limit %d", got, current())
	}
	tally()
	tally()
	if got := gcPercent(); got != before || current() != math.MaxInt64 {
		t.Fatalf("after the tally, the build still running: GOGC %d (want %d), limit %d", got, before, current())
	}
	build()
	if current() != Browsing {
		t.Fatalf("after both the limit is %d", current())
	}
}

// The limit and the pace come back Settle after the last job, not while its result is
// being drawn; a job starting within Settle keeps them lifted until it ends.
func TestRestoreSettles(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	old := Settle
	Settle = 50 * time.Millisecond
	defer func() { Settle = old }()
	defer debug.SetMemoryLimit(current())
	Set()
	before := gcPercent()
	LiftPaced()()
	if current() != math.MaxInt64 || gcPercent() != heavyGCPercent {
		t.Fatalf("right after the tally: limit %d, GOGC %d; want both still lifted", current(), gcPercent())
	}
	next := LiftPaced() // the next year asked for at once
	time.Sleep(3 * Settle)
	if current() != math.MaxInt64 || gcPercent() != heavyGCPercent {
		t.Fatalf("a job running: limit %d, GOGC %d", current(), gcPercent())
	}
	next()
	waitUntil(t, func() bool { return current() == Browsing && gcPercent() == before })
}

func waitUntil(t *testing.T, ok func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); !ok(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("not restored: limit %d, GOGC %d", current(), gcPercent())
		}
	}
}
