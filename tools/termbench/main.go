// Command termbench drives the real program in a terminal (tmux) and records how long
// what a user does takes to show on screen: opening a file (the first open and later
// ones), a typed character to the narrowed list (while the search index is built, once it
// is in, and while a workbook is being written), and switching the year in 统计. It is run
// by hand, not in CI (issue 10; figures in docs/PERFORMANCE.md):
//
//	go build -o /tmp/sy . && go run ./tools/termbench --bin /tmp/sy --db /work/demo/county.db
//
// The file given is copied into a temporary folder first and never opened itself: the
// program writes to the file it opens. The expected totals of each typed prefix are
// worked out with the store on another copy, so the harness must be built from the same
// tree as the program. Timings include tmux: a capture takes a few milliseconds, and that
// is the resolution.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"shuangyong/store"
)

var (
	bin     = flag.String("bin", "", "the program, built from this tree")
	dbPath  = flag.String("db", "", "a ledger to copy (never written)")
	opens   = flag.Int("opens", 10, "opens to time")
	rounds  = flag.Int("rounds", 3, "rounds of the typing scenarios")
	queries = flag.String("queries", "烈属,zs,王建,5678,张,lsh,三属,农村老兵", "texts to type, comma-separated")
	timeout = flag.Duration("timeout", 30*time.Second, "longest wait for one screen")
	read    = flag.Duration("read", time.Second, "in 统计, how long each year stays on screen before the next switch (the year before is computed ahead meanwhile)")
	only    = flag.String("only", "open,building,typing,stats,export", "scenarios to run, comma-separated")
)

func run(scenario string) bool { return strings.Contains(","+*only+",", ","+scenario+",") }

const session = "termbench"

// tmux runs tmux on a server of its own, so that other sessions (and whoever kills the
// default server) do not interfere.
func tmux(args ...string) *exec.Cmd {
	return exec.Command("tmux", append([]string{"-L", "termbench-" + strconv.Itoa(os.Getpid())}, args...)...)
}

func main() {
	flag.Parse()
	if *bin == "" || *dbPath == "" {
		flag.Usage()
		os.Exit(2)
	}
	dir, err := os.MkdirTemp("", "termbench-")
	check(err)
	defer os.RemoveAll(dir)
	db := filepath.Join(dir, "ledger.db")
	check(copyFile(*dbPath, db))
	words := strings.Split(*queries, ",")
	want := expected(dir, words)

	fmt.Printf("termbench %s, %s, load average %s\n", time.Now().Format(time.RFC3339), *dbPath, loadavg())

	// Opening: the copy is fresh (as the demo left it); every run closes it as a user does.
	var first, later []time.Duration
	for i := 0; i < *opens && run("open"); i++ {
		d := open(db)
		if i == 0 {
			first = append(first, d)
		} else {
			later = append(later, d)
		}
		quit()
	}
	report("open → first rows, first open", first)
	report("open → first rows, later opens", later)

	// Typing at once after the first rows: the index is being built, SQL answers.
	var building, built, exporting []time.Duration
	for r := 0; r < *rounds && run("building"); r++ {
		open(db)
		for _, w := range words[:min(2, len(words))] {
			building = append(building, typeText(w, want)...)
			clear()
		}
		quit()
	}
	report("typed character → rows, index being built", building)

	// Typing once the index is in.
	if !run("typing") && !run("stats") && !run("export") {
		return
	}
	open(db)
	time.Sleep(4 * time.Second)
	for r := 0; r < *rounds && run("typing"); r++ {
		for _, w := range words {
			built = append(built, typeText(w, want)...)
			clear()
		}
	}
	report("typed character → rows", built)
	if run("typing") {
		fmt.Printf("%-45s %d MB\n", "resident memory after the typing", rssMB())
	}

	// 统计: switching the year, then typing while the workbook is written.
	var years, exports []time.Duration
	send("M-4")
	waitFor(func(s []string) bool { return len(s) > 1 && strings.Contains(s[1], "截至") })
	// Each switch goes to a year not shown yet (a year seen before comes from the tab's
	// memory in a few milliseconds): one year back each time, after --read on the year
	// shown (the tab computes the year before ahead while a year is read; a short --read
	// times a switch that finds it under way or not started).
	for r := 0; r < *rounds*2 && run("stats"); r++ {
		time.Sleep(*read)
		year := shownYear() - 1
		title := strconv.Itoa(year) + "年度双拥工作统计"
		start := time.Now()
		send("-")
		waitFor(func(s []string) bool {
			return len(s) > 1 && strings.Contains(s[1], title) && !strings.Contains(s[1], "计算中") &&
				(strings.Contains(s[1], "全年") || strings.Contains(s[1], "截至"))
		})
		years = append(years, time.Since(start))
	}
	report("统计: year switch → tables", years)
	if run("stats") {
		time.Sleep(time.Second) // the memory is handed back after the last tally
		fmt.Printf("%-45s %d MB\n", "resident memory after the year switches", rssMB())
	}
	// The export is of the current year, the fullest (the switches above went back).
	if run("export") {
		send("M-4")
		for y := shownYear(); y > 0 && y < time.Now().Year(); y = shownYear() {
			title := strconv.Itoa(y+1) + "年度双拥工作统计"
			send("+")
			waitFor(func(s []string) bool {
				return len(s) > 1 && strings.Contains(s[1], title) && !strings.Contains(s[1], "计算中")
			})
		}
	}
	for r := 0; r < *rounds && run("export"); r++ {
		send("M-4")
		waitFor(func(s []string) bool { return len(s) > 1 && strings.Contains(s[1], "年度双拥工作统计") })
		send("F6")
		waitFor(func(s []string) bool { return len(s) > 1 && strings.Contains(s[1], "导出") })
		start := time.Now()
		send("F6")
		// Under way once its progress shows: the status line still says 已导出 from the
		// round before, and a 替换 question (the file is there) must not take the keys.
		waitFor(func(s []string) bool { return strings.Contains(strings.Join(s, "\n"), "正在导出") })
		time.Sleep(300 * time.Millisecond)
		send("M-2")
		time.Sleep(300 * time.Millisecond)
		if s := capture(); len(s) > 0 && strings.Contains(s[0], "[2 军属]") {
			w := words[r%len(words)]
			exporting = append(exporting, typeText(w, want)...)
			clear()
			send("M-4")
		} else if r == 0 {
			fmt.Println("the export's progress dialog keeps the other tabs out: no typing during it")
		}
		long := *timeout
		*timeout = 10 * time.Minute // an export under load takes its time
		var written string
		waitFor(func(s []string) bool {
			for _, line := range s {
				if _, path, ok := strings.Cut(line, "已导出："); ok {
					written = strings.TrimSpace(path)
					return true
				}
			}
			return false
		})
		*timeout = long
		exports = append(exports, time.Since(start))
		os.Remove(written) // the next round writes a new file rather than asking to replace it
	}
	quit()
	report("typed character → rows, during an export", exporting)
	report("export from 统计 (with the typing)", exports)
}

// open starts the program on db and returns the time to its first rows.
func open(db string) time.Duration {
	_ = tmux("kill-session", "-t", session).Run()
	start := time.Now()
	check(tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40",
		*bin+" --db "+shellQuote(db)+"; echo TERMBENCH-EXITED; sleep 600").Run())
	waitFor(func(s []string) bool {
		return len(s) > 3 && strings.Contains(s[1], "共 ") && strings.HasPrefix(s[3], ">")
	})
	return time.Since(start)
}

// quit presses F10 and waits for the program to end.
func quit() {
	send("F10")
	waitFor(func(s []string) bool { return strings.Contains(strings.Join(s, "\n"), "TERMBENCH-EXITED") })
	_ = tmux("kill-session", "-t", session).Run()
}

// typeText types w one character at a time, each when the previous one's rows are on
// screen, and returns the time from each key to its rows.
func typeText(w string, want map[string]int) []time.Duration {
	var out []time.Duration
	prefix := ""
	for _, r := range w {
		prefix += string(r)
		n, ok := want[prefix]
		if !ok {
			panic("no expected total for " + prefix)
		}
		start := time.Now()
		check(tmux("send-keys", "-t", session, "-l", string(r)).Run())
		waitFor(func(s []string) bool {
			return len(s) > 1 && strings.Contains(s[1], "查找: "+prefix+" ") && strings.Contains(s[1], "共 "+strconv.Itoa(n)+" 人")
		})
		out = append(out, time.Since(start))
	}
	return out
}

// clear empties the search box (Esc clears it in the list) and waits for the roster.
func clear() {
	send("Escape")
	waitFor(func(s []string) bool {
		return len(s) > 1 && strings.Contains(s[1], "输入姓名") && strings.Contains(s[1], "共 ")
	})
	time.Sleep(50 * time.Millisecond)
}

// rssMB is the program's resident memory (the child of the pane's shell).
func rssMB() int {
	out, err := tmux("list-panes", "-t", session, "-F", "#{pane_pid}").Output()
	if err != nil {
		return -1
	}
	shell := strings.TrimSpace(string(out))
	kids, err := os.ReadFile("/proc/" + shell + "/task/" + shell + "/children")
	if err != nil || len(strings.Fields(string(kids))) == 0 {
		return -1
	}
	status, err := os.ReadFile("/proc/" + strings.Fields(string(kids))[0] + "/status")
	if err != nil {
		return -1
	}
	for _, line := range strings.Split(string(status), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.Atoi(f[1])
			return kb / 1024
		}
	}
	return -1
}

// shownYear is the year of the tally on screen.
func shownYear() int {
	s := capture()
	if len(s) < 2 {
		return 0
	}
	i := strings.Index(s[1], "年度双拥工作统计")
	if i < 4 {
		return 0
	}
	y, _ := strconv.Atoi(s[1][i-4 : i])
	return y
}

func send(keys ...string) {
	check(tmux(append([]string{"send-keys", "-t", session}, keys...)...).Run())
}

func capture() []string {
	out, err := tmux("capture-pane", "-t", session, "-p").Output()
	if err != nil {
		return nil
	}
	return strings.Split(string(out), "\n")
}

func screenHas(s string) bool { return strings.Contains(strings.Join(capture(), "\n"), s) }

func waitFor(done func([]string) bool) {
	deadline := time.Now().Add(*timeout)
	for time.Now().Before(deadline) {
		if done(capture()) {
			return
		}
		time.Sleep(2 * time.Millisecond)
	}
	fmt.Fprintln(os.Stderr, "termbench: timed out; the screen:")
	fmt.Fprintln(os.Stderr, strings.Join(capture(), "\n"))
	_ = tmux("kill-session", "-t", session).Run()
	os.Exit(1)
}

// expected works out the total the list shows for every prefix of every word, on a copy.
func expected(dir string, words []string) map[string]int {
	path := filepath.Join(dir, "expected.db")
	check(copyFile(*dbPath, path))
	defer os.Remove(path)
	ctx := context.Background()
	s, err := store.Open(ctx, path, store.Options{})
	check(err)
	defer s.Close()
	check(s.WarmSearch(ctx))
	want := map[string]int{}
	for _, w := range words {
		prefix := ""
		for _, r := range w {
			prefix += string(r)
			page, err := s.SearchPeople(ctx, store.PeopleQuery{Text: prefix, Limit: 1})
			check(err)
			want[prefix] = page.Total
		}
	}
	return want
}

func report(what string, ds []time.Duration) {
	if len(ds) == 0 {
		return
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	ms := func(d time.Duration) string { return strconv.FormatFloat(float64(d.Microseconds())/1000, 'f', 0, 64) }
	var all []string
	for _, d := range ds {
		all = append(all, ms(d))
	}
	fmt.Printf("%-45s n=%-3d median %5s ms  p95 %5s ms  max %5s ms  [%s]\n", what, len(s), ms(s[len(s)/2]),
		ms(s[min(len(s)-1, len(s)*95/100)]), ms(s[len(s)-1]), strings.Join(all, " "))
}

func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.Join(strings.Fields(string(b))[:3], " ")
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	// Written out before the program opens it: its first checkpoint's fsync would
	// otherwise flush the whole fresh copy (seconds for 350 MB), which no user's file has.
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "termbench:", err)
		_ = tmux("kill-session", "-t", session).Run()
		os.Exit(1)
	}
}
