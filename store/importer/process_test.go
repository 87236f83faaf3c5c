package importer

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

	"shuangyong/store"
)

// syntheticCSV writes a roster of n valid people (UTF-8, a title row first).
func syntheticCSV(t testing.TB, path string, n int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("某镇优抚对象花名册\n序号,村（社区）,姓名,性别,身份证号码,联系电话,优抚类别,户号\n")
	surnames := []rune("张王李赵刘陈杨黄周吴")
	given := []rune("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平")
	for i := 0; i < n; i++ {
		birth := fmt.Sprintf("19%02d%02d%02d", 30+i%60, 1+i%12, 1+i%28)
		id := idFor(birth, i%1000)
		sex := "女"
		if (i%1000)%2 == 1 {
			sex = "男"
		}
		name := string(surnames[i%len(surnames)]) + string(given[(i/10)%len(given)]) + string(given[(i/200)%len(given)])
		fmt.Fprintf(&b, "%d,第%d村,%s,%s,%s,138%08d,%s,%d\n", i+1, (i/2)%20+1, name, sex, id, i, []string{"参战", "烈属", "伤残军人", "农村老兵", "现役军属"}[i%5], i/2)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// The test binary doubles as the importing process: with IMPORT_HELPER set it imports
// the roster and announces its progress, until the parent kills it.
func TestHelperProcess(t *testing.T) {
	if os.Getenv("IMPORT_HELPER") == "" {
		t.Skip("only run as a child process")
	}
	ctx := context.Background()
	st, err := store.Open(ctx, os.Getenv("IMPORT_DB"), store.Options{Operator: "child"})
	if err != nil {
		fmt.Println("open-error", err)
		os.Exit(1)
	}
	src, err := Open(ctx, st, os.Getenv("IMPORT_FILE"), "")
	if err != nil {
		fmt.Println("source-error", err)
		os.Exit(1)
	}
	_, err = Import(ctx, st, src, src.Mapping, Options{}, func(p Progress) {
		if p.Phase == PhaseWrite {
			fmt.Println("writing", p.Rows)
		}
	})
	fmt.Println("done", err)
	st.Close()
	os.Exit(0)
}

// TestKilledImportLeavesNothing kills an importing process in the middle of writing and
// checks that the ledger is sound and holds nobody from the file.
func TestKilledImportLeavesNothing(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL semantics")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "台账.db")
	st, err := store.Open(context.Background(), db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	seedLedger(t, st)
	st.Close()
	roster := syntheticCSV(t, filepath.Join(dir, "大名册.csv"), 30000)

	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), "IMPORT_HELPER=1", "IMPORT_DB="+db, "IMPORT_FILE="+roster)
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	writing := make(chan int, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if n, ok := strings.CutPrefix(sc.Text(), "writing "); ok {
				rows, _ := strconv.Atoi(n)
				select {
				case writing <- rows:
				default:
				}
			} else if strings.HasPrefix(sc.Text(), "done") {
				select {
				case writing <- -1:
				default:
				}
			}
		}
	}()
	select {
	case rows := <-writing:
		if rows < 0 {
			t.Fatal("the import finished before it could be killed")
		}
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		t.Fatal("the child never started writing")
	}
	cmd.Process.Kill()
	cmd.Wait()

	st, err = store.Open(context.Background(), db, store.Options{})
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	defer st.Close()
	var line string
	st.DB().QueryRow("PRAGMA integrity_check").Scan(&line)
	if line != "ok" {
		t.Fatalf("integrity_check: %s", line)
	}
	var people, villages, marks int
	st.DB().QueryRow("SELECT count(*) FROM people").Scan(&people)
	st.DB().QueryRow("SELECT count(*) FROM villages").Scan(&villages)
	st.DB().QueryRow("SELECT count(*) FROM history WHERE action = ?", store.ActImport).Scan(&marks)
	if people != 1 || villages != 2 || marks != 0 {
		t.Errorf("after a killed import: %d people, %d villages, %d import changes; want 1, 2, 0", people, villages, marks)
	}
	if _, err := os.Stat(RejectedPath(roster)); err == nil {
		t.Error("a killed import left a rejected-rows file")
	}
}

func TestCancelWritesNothing(t *testing.T) {
	st, _ := openStore(t)
	roster := syntheticCSV(t, filepath.Join(t.TempDir(), "名册.csv"), 5000)
	src := mustOpen(t, st, roster, "")
	ctx, cancel := context.WithCancel(context.Background())
	_, err := Import(ctx, st, src, src.Mapping, Options{}, func(p Progress) {
		if p.Phase == PhaseWrite && p.Rows >= 2048 {
			cancel()
		}
	})
	if err == nil {
		t.Fatal("a cancelled import succeeded")
	}
	if n := countPeople(t, st); n != 0 {
		t.Errorf("a cancelled import left %d people", n)
	}
	// The store is usable afterwards, and the same import then goes through whole.
	rep, err := Import(context.Background(), st, src, src.Mapping, Options{}, nil)
	if err != nil || rep.Added != 5000 || rep.Households != 2500 {
		t.Fatalf("import after cancel: %v, added %d, households %d", err, rep.Added, rep.Households)
	}
	if n := countPeople(t, st); n != 5000 {
		t.Errorf("%d people", n)
	}
	if len(rep.NewVillages) != 20 || rep.NewVillages[0].Rows != 250 {
		t.Errorf("new villages: %d, the first named by %d rows", len(rep.NewVillages), rep.NewVillages[0].Rows)
	}
}
