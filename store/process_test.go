package store

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"shuangyong/model"
)

// The test binary doubles as the "other process": with STORE_HELPER set, TestHelperProcess
// opens the file and does what the variable says instead of testing.
func TestHelperProcess(t *testing.T) {
	mode := os.Getenv("STORE_HELPER")
	if mode == "" {
		t.Skip("only run as a child process")
	}
	ctx := context.Background()
	path := os.Getenv("STORE_PATH")
	s, err := Open(ctx, path, Options{Operator: "child"})
	if err != nil {
		fmt.Printf("open-error %d %v\n", KindOf(err), err)
		os.Exit(0)
	}
	switch mode {
	case "hold":
		fmt.Println("opened")
		bufio.NewReader(os.Stdin).ReadString('\n') // hold the file until the parent says
	case "write":
		// Save people one transaction at a time, announcing each after its commit.
		for i := 0; ; i++ {
			p := model.Person{Name: "王" + string(rune(0x4e00+i%500)), Address: strings.Repeat("某村某组", 20),
				Categories: []string{model.CatVeteran}}
			if err := s.CreatePerson(ctx, &p); err != nil {
				fmt.Printf("write-error %v\n", err)
				os.Exit(1)
			}
			fmt.Printf("committed %d\n", p.ID)
		}
	}
	s.Close()
	os.Exit(0)
}

func helperCmd(t *testing.T, mode, path string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), "STORE_HELPER="+mode, "STORE_PATH="+path)
	return cmd
}

func TestSecondProcessIsTurnedAway(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shared.db")
	s := openAt(t, path)
	mustPerson(t, s, model.Person{Name: "张三"})

	out, err := helperCmd(t, "hold", path).Output()
	if err != nil {
		t.Fatalf("child: %v %s", err, out)
	}
	want := fmt.Sprintf("open-error %d", ErrInUse)
	if !strings.HasPrefix(string(out), want) {
		t.Fatalf("second process got %q, want %q…", out, want)
	}
	// The first process carries on unharmed.
	mustPerson(t, s, model.Person{Name: "李四"})
	if page, _ := s.SearchPeople(context.Background(), PeopleQuery{}); page.Total != 2 {
		t.Errorf("first process sees %d people", page.Total)
	}
}

func TestFirstProcessHoldingTheFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "held.db")
	cmd := helperCmd(t, "hold", path)
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(stdout).ReadString('\n')
	if strings.TrimSpace(line) != "opened" {
		t.Fatalf("child: %q", line)
	}
	_, err := Open(context.Background(), path, Options{})
	if KindOf(err) != ErrInUse {
		t.Errorf("opening a file another process holds: %v, want ErrInUse", err)
	}
	stdin.Close()
	cmd.Wait()
	// Once the other process has gone, the file opens.
	openAt(t, path)
}

// TestCrashLosesNothingCommitted kills a writing process at random moments and checks
// that the file is sound and holds every save the child reported as committed.
func TestCrashLosesNothingCommitted(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL semantics; Windows kills with TerminateProcess, not tested here")
	}
	rounds := 6
	if testing.Short() {
		rounds = 2
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	for round := 0; round < rounds; round++ {
		cmd := helperCmd(t, "write", path)
		stdout, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		var committed []int64
		done := make(chan struct{})
		writing := make(chan struct{})
		go func() {
			sc := bufio.NewScanner(stdout)
			for sc.Scan() {
				if id, ok := strings.CutPrefix(sc.Text(), "committed "); ok {
					n, _ := strconv.ParseInt(id, 10, 64)
					committed = append(committed, n)
					if len(committed) == 3 {
						close(writing)
					}
				}
			}
			close(done)
		}()
		select { // kill mid-stream: once the child is writing, after a varying delay
		case <-writing:
		case <-time.After(20 * time.Second):
			t.Fatal("the child never started writing")
		}
		time.Sleep(time.Duration(10+round*37) * time.Millisecond)
		cmd.Process.Kill() // SIGKILL on Unix: no chance to clean up
		cmd.Wait()
		<-done
		s, err := Open(context.Background(), path, Options{})
		if err != nil {
			t.Fatalf("round %d: reopen after kill: %v", round, err)
		}
		var line string
		s.DB().QueryRow("PRAGMA integrity_check").Scan(&line)
		if line != "ok" {
			t.Fatalf("round %d: integrity_check: %s", round, line)
		}
		for _, id := range committed {
			var n int
			s.DB().QueryRow("SELECT count(*) FROM people WHERE id = ?", id).Scan(&n)
			var h int
			s.DB().QueryRow("SELECT count(*) FROM history WHERE entity = 'people' AND row_id = ?", id).Scan(&h)
			if n != 1 || h != 1 {
				t.Fatalf("round %d: committed person %d lost (row %d, history %d)", round, id, n, h)
			}
		}
		s.Close()
	}
}
