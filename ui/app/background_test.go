package app

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/ui/components"
	"shuangyong/ui/internal/uitest"
	"shuangyong/ui/memlimit"
	"shuangyong/ui/tab"
)

// After the first screen: the search index is built, the file checked and the day's
// backup made; the status line says so.
func TestBackgroundWork(t *testing.T) {
	s := uitest.Seeded(t)
	d := &direct{t: t, m: New(uitest.Env(s, model.Zh), Config{PathLabel: testPath, BackgroundIdle: 10 * time.Millisecond, HoldLimit: time.Millisecond}), w: 100, h: 30}
	d.run(d.m.Init())
	d.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	if v := d.view(); !strings.Contains(v, "已自动备份") {
		t.Errorf("no backup reported:\n%s", v)
	}
	list, _ := os.ReadDir(filepath.Join(filepath.Dir(s.Path()), "backups"))
	if len(list) != 1 {
		t.Errorf("backups: %d", len(list))
	}
}

// A file that fails its check is never written again: every write key is refused and the
// status line says why, with the newest good backup.
func TestDamagedFileStopsWrites(t *testing.T) {
	s := uitest.Seeded(t)
	d := newDirect(t, s, model.Zh, 100, 30)
	damaged := &store.Error{Kind: store.ErrDamaged, Path: s.Path(), Err: errors.New("page 7 corrupt")}
	d.send(bgMsg{step: bgCheck, err: damaged, text: "数据文件已损坏，最新的完好备份：/backups/x.db"})
	v := d.view()
	if !strings.Contains(v, "数据文件已损坏") || !strings.Contains(v, "/backups/x.db") || d.m.dialog == nil {
		t.Fatalf("damage not shown in a dialog:\n%s", v)
	}
	d.key(tea.KeyEnter) // 知道了
	if v = d.view(); !strings.Contains(v, "已停止写入") || !strings.Contains(v, "只读") {
		t.Fatalf("damage not in the status line:\n%s", v)
	}
	for _, k := range []tea.KeyType{tea.KeyF2, tea.KeyF9, tea.KeyCtrlZ, tea.KeyDelete, tea.KeyF5} {
		d.key(k)
		if d.m.overlay != ovNone || d.m.dialog != nil || d.m.Families().Modal() {
			t.Fatalf("key %v opened a writer on a damaged file", k)
		}
	}
	if v := d.view(); !strings.Contains(v, "损坏") {
		t.Errorf("refusal not explained:\n%s", v)
	}
}

// A key interrupts a running check: it reports nothing (not "damaged") and runs again at
// the next pause.
func TestKeyInterruptsCheck(t *testing.T) {
	s := uitest.Seeded(t)
	d := newDirect(t, s, model.Zh, 100, 30)
	check := d.m.bg(bgCheck)
	d.m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("张")}) // cancels it
	msg, ok := check().(bgMsg)
	if !ok || !msg.interrupted || msg.err != nil {
		t.Fatalf("interrupted check reported %+v", msg)
	}
	gen := d.m.bgGen
	_, next := d.m.Update(msg)
	if next == nil || d.m.bgGen != gen+1 || d.m.readOnly != "" {
		t.Fatalf("not rescheduled (gen %d -> %d), read-only %q", gen, d.m.bgGen, d.m.readOnly)
	}
}

// The check waits while heavy work runs (an export, a tally), even with the keyboard idle:
// beside an export it took a quarter of the two cores. It runs at the next pause after.
func TestCheckWaitsForHeavyWork(t *testing.T) {
	s := uitest.Seeded(t)
	d := newDirect(t, s, model.Zh, 100, 30)
	d.m.lastKey = time.Time{}
	// A tally of an earlier test hands its memory back on a goroutine of its own (the
	// lift ends there): wait for that, this test counts on no heavy work but its own.
	for deadline := time.Now().Add(5 * time.Second); memlimit.Heavy(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("heavy work left running by another test")
		}
	}
	export := memlimit.Lift()
	gen := d.m.bgGen
	_, cmd := d.m.Update(bgIdleMsg{step: bgCheck, gen: gen})
	if d.m.bgCancel != nil || d.m.bgGen != gen+1 || cmd == nil {
		t.Fatalf("the check started beside an export (running %v, gen %d -> %d)", d.m.bgCancel != nil, gen, d.m.bgGen)
	}
	export()
	_, cmd = d.m.Update(bgIdleMsg{step: bgCheck, gen: d.m.bgGen})
	if d.m.bgCancel == nil || cmd == nil {
		t.Fatal("the check did not start once the export ended")
	}
	d.m.bgCancel()
}

// The status line says when the newest backup was made; Ctrl+B in F9 makes one now (the
// way to back up while the program holds the file), and the line follows.
func TestBackupNowAndLastBackup(t *testing.T) {
	s := uitest.Seeded(t)
	d := newDirect(t, s, model.Zh, 120, 30)
	if v := d.view(); !strings.Contains(v, "尚未备份") {
		t.Fatalf("no backup note:\n%s", v)
	}
	d.key(tea.KeyF9)
	if v := d.view(); !strings.Contains(v, "Ctrl+B 立即备份") {
		t.Fatalf("F9 does not offer a backup:\n%s", v)
	}
	d.key(tea.KeyCtrlB)
	v := d.view()
	if !strings.Contains(v, "已备份到") || !strings.Contains(v, "备份 今天") {
		t.Fatalf("backup not made or not shown:\n%s", v)
	}
}

// After a change the status line names what Ctrl+Z would take back.
func TestStatusSaysWhatUndoTakesBack(t *testing.T) {
	s := uitest.Seeded(t)
	d := newDirect(t, s, model.Zh, 120, 30)
	d.text("李四")
	d.key(tea.KeyF5)
	d.key(tea.KeyCtrlS)
	if v := d.view(); !strings.Contains(v, "Ctrl+Z 撤销「新增 活动 走访慰问 李四」") {
		t.Fatalf("status does not name the undo:\n%s", v)
	}
}

// At start only the open tab reads the file: the other tabs' first queries (their lists,
// the 统计 tally) wait for its first rows, which would otherwise take turns with them on
// the store's one connection; they run as soon as those rows are in.
func TestOtherTabsWaitForTheFirstRows(t *testing.T) {
	s := uitest.Seeded(t)
	m := New(uitest.Env(s, model.Zh), Config{PathLabel: testPath, NoBackground: true, HoldLimit: time.Millisecond})
	initCmd := m.Init()
	_, sizeCmd := m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	if len(m.held) < 3 {
		t.Fatalf("%d commands held at start; want the other tabs' (单位, 活动, 统计)", len(m.held))
	}
	// Run what was not held: the open tab's first page comes back, and releases the rest.
	var page tea.Msg
	uitest.Settle(t, tea.Batch(initCmd, sizeCmd), func(msg tea.Msg) tea.Cmd {
		if p, ok := msg.(components.PageMsg); ok && p.Target() == tab.Families && page == nil {
			page = msg
			return nil
		}
		if _, ok := msg.(releaseMsg); ok {
			return nil // the safety net, kept out of this test
		}
		_, cmd := m.Update(msg)
		return cmd
	})
	if page == nil {
		t.Fatal("the open tab's first page was not asked for")
	}
	if len(m.held) == 0 {
		t.Fatal("the other tabs ran before the first rows")
	}
	_, released := m.Update(page)
	if len(m.held) != 0 || released == nil || !m.firstRows {
		t.Fatalf("the first rows did not release the other tabs: %d held", len(m.held))
	}
}

// Should the first rows never come, the other tabs are let go after HoldLimit.
func TestHoldLimitReleasesTheOtherTabs(t *testing.T) {
	m := New(uitest.Env(uitest.Seeded(t), model.Zh), Config{PathLabel: testPath, NoBackground: true})
	m.Init()
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	if len(m.held) == 0 {
		t.Fatal("nothing held at start")
	}
	if _, cmd := m.Update(releaseMsg{}); cmd == nil || len(m.held) != 0 || !m.firstRows {
		t.Fatalf("%d commands still held", len(m.held))
	}
}
