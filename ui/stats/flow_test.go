package stats_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/xuri/excelize/v2"

	"shuangyong/model"
	"shuangyong/store/demo"
	"shuangyong/store/tally"
	"shuangyong/ui/app"
	"shuangyong/ui/internal/uitest"
)

// spy wraps the root for teatest: it keeps the newest frame (the renderer's output holds
// only the lines that changed) and checks every frame's size.
type spy struct {
	*app.Model
	w, h int
	mu   sync.Mutex
	last string
	bad  string
}

func (s *spy) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if ws, ok := msg.(tea.WindowSizeMsg); ok {
		s.mu.Lock()
		s.w, s.h = ws.Width, ws.Height
		s.mu.Unlock()
	}
	_, cmd := s.Model.Update(msg)
	return s, cmd
}

func (s *spy) View() string {
	v := s.Model.View()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.last = v
	if s.w > 0 && s.bad == "" {
		s.bad = uitest.FrameProblem(v, s.w, s.h)
	}
	return v
}

func (s *spy) screen() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return uitest.Plain(s.last)
}

func waitFor(t *testing.T, sp *spy, want ...string) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		scr := sp.screen()
		ok := true
		for _, w := range want {
			ok = ok && strings.Contains(scr, w)
		}
		if ok {
			return scr
		}
		if time.Now().After(deadline) {
			t.Fatalf("screen never showed %q; last screen:\n%s", want, scr)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func key(k tea.KeyType) tea.KeyMsg { return tea.KeyMsg{Type: k} }

func runes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

// selected reads the selected figure's value from the tally's second line
// (" > 主要指标 / 走访慰问人次 / 本年：4597 人次  Enter ...").
var selected = regexp.MustCompile(`> ([^\n：]+)：(\d+) (\S+)`)

// The flow in the real program on a temp ledger, at both sizes: open 统计, change
// the year, open a figure's records (as many as the figure says), come back, export the
// workbook and read it back.
func TestFlow(t *testing.T) {
	for _, size := range []struct{ w, h int }{{120, 40}, {80, 24}} {
		t.Run(uitest.Sprint(size.w, "x", size.h), func(t *testing.T) {
			s := uitest.Open(t)
			if _, err := demo.Generate(context.Background(), s, demo.Options{People: 300, Events: 3000, Seed: 3, Today: uitest.Now}); err != nil {
				t.Fatal(err)
			}
			sp := &spy{Model: app.New(uitest.Env(s, model.Zh), app.Config{PathLabel: "/home/cadre/shuangyong.db", NoBackground: true})}
			tm := teatest.NewTestModel(t, sp, teatest.WithInitialTermSize(size.w, size.h))
			t.Cleanup(func() { tm.Quit() })
			waitFor(t, sp, "共 300 人")

			// Families -> Events -> Statistics.
			tm.Send(key(tea.KeyTab))
			tm.Send(key(tea.KeyTab))
			waitFor(t, sp, "[4 统计]", "2026年度双拥工作统计", "主要指标", "截至 2026-11-20")

			// The year before: Ctrl+Left; the status line follows.
			tm.Send(key(tea.KeyCtrlLeft))
			scr := waitFor(t, sp, "2025年度双拥工作统计", "全年", "| 2025年")
			if strings.Contains(scr, "| 2026年") {
				t.Errorf("status line still shows 2026:\n%s", scr)
			}

			// Down to 走访慰问人次 and open it.
			for i := 0; i < 4; i++ {
				tm.Send(key(tea.KeyDown))
			}
			scr = waitFor(t, sp, "主要指标 / 走访慰问人次 / 本年：")
			m := selected.FindStringSubmatch(scr)
			if m == nil {
				t.Fatalf("no selected figure:\n%s", scr)
			}
			n := m[2]
			tm.Send(key(tea.KeyEnter))
			scr = waitFor(t, sp, "2025年度明细：主要指标 / 走访慰问人次", "共 "+n+" 条走访记录", "2025-")
			if strings.Contains(scr, "2026-0") {
				t.Errorf("records of the wrong year:\n%s", scr)
			}
			tm.Send(key(tea.KeyPgDown))
			tm.Send(key(tea.KeyEnd))
			waitFor(t, sp, "2025-12")
			tm.Send(key(tea.KeyEsc))
			waitFor(t, sp, "主要指标 / 走访慰问人次 / 本年："+n+" 人次")

			// The people visited (distinct): as many as the figure.
			tm.Send(key(tea.KeyDown))
			scr = waitFor(t, sp, "主要指标 / 走访慰问人数 / 本年：")
			n = selected.FindStringSubmatch(scr)[2]
			tm.Send(key(tea.KeyEnter))
			waitFor(t, sp, "共 "+n+" 人")
			tm.Send(key(tea.KeyEsc))
			waitFor(t, sp, "Enter 查看这些记录")

			// F6: the workbook into a temp folder.
			dir := t.TempDir()
			path := filepath.Join(dir, "统计表.xlsx")
			tm.Send(key(tea.KeyF6))
			waitFor(t, sp, "导出2025年度统计", "保存到")
			tm.Send(key(tea.KeyDown)) // format
			tm.Send(key(tea.KeyDown)) // file
			tm.Send(key(tea.KeyCtrlU))
			tm.Send(runes(path))
			tm.Send(key(tea.KeyEnter))
			waitFor(t, sp, "已导出：/")
			if _, err := os.Stat(path); err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenFile(path)
			if err != nil {
				t.Fatal(err)
			}
			sheets := f.GetSheetList()
			title, _ := f.GetCellValue("汇总", "A1")
			f.Close()
			if len(sheets) < 10 || !strings.Contains(title, "2025年度双拥工作统计表") {
				t.Errorf("workbook: sheets %v, title %q", sheets, title)
			}

			tm.Send(key(tea.KeyF10))
			tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
			if sp.bad != "" {
				t.Errorf("a frame broke the width rule: %s", sp.bad)
			}
		})
	}
}

// F9 changes the rule of contact while 统计 shows a year: the tally is counted again under
// the new rule (the tab keeps no tally of the old settings), and the 常态化联系 columns and
// the paragraph name the new period — November under a monthly rule, not the quarter.
func TestFlowContactRule(t *testing.T) {
	s := uitest.Open(t)
	ctx := context.Background()
	if _, err := demo.Generate(ctx, s, demo.Options{People: 300, Events: 3000, Seed: 3, Today: uitest.Now}); err != nil {
		t.Fatal(err)
	}
	sp := &spy{Model: app.New(uitest.Env(s, model.Zh), app.Config{PathLabel: "/home/cadre/shuangyong.db", NoBackground: true})}
	tm := teatest.NewTestModel(t, sp, teatest.WithInitialTermSize(120, 40))
	t.Cleanup(func() { tm.Quit() })
	waitFor(t, sp, "共 300 人")
	tm.Send(key(tea.KeyTab))
	tm.Send(key(tea.KeyTab))
	waitFor(t, sp, "[4 统计]", "2026年度双拥工作统计", "截至 2026-11-20")
	tm.Send(key(tea.KeyEnd))
	waitJoined(t, sp, "第四季度常态化联系完成率")
	tm.Send(key(tea.KeyPgUp)) // the table's header
	waitFor(t, sp, "第四季度已联系", "第四季度未联系")

	// F9: 重点对象联系 from 每季度 to 每 1 个月 (two steps left: 每 2 个月, 每 1 个月).
	tm.Send(key(tea.KeyF9))
	waitFor(t, sp, "第 1/")
	for i := 0; i < 80 && !strings.Contains(focusedLine(sp.screen()), "重点对象联系"); i++ {
		before := focusedLine(sp.screen())
		tm.Send(key(tea.KeyTab))
		for j := 0; j < 200 && focusedLine(sp.screen()) == before; j++ {
			time.Sleep(10 * time.Millisecond)
		}
	}
	waitFor(t, sp, "> 重点对象联系")
	tm.Send(key(tea.KeyLeft))
	waitFor(t, sp, "每 2 个月")
	tm.Send(key(tea.KeyLeft))
	waitFor(t, sp, "每 1 个月")
	tm.Send(key(tea.KeyCtrlS))
	waitFor(t, sp, "已保存")
	if d, _ := s.DutySettings(ctx); d.Key.ContactMonths != 1 {
		t.Fatalf("the settings saved: %+v", d)
	}
	tl, err := tally.Compute(ctx, s, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if tl.Contacts.Span != (model.MonthSpan{From: 11, To: 11}) {
		t.Fatalf("the tally's period %v", tl.Contacts.Span)
	}
	tm.Send(key(tea.KeyEnd))
	scr := waitJoined(t, sp, "11月常态化联系完成率"+model.FormatPermille(tl.Contacts.Total.Permille()))
	tm.Send(key(tea.KeyPgUp))
	scr += waitFor(t, sp, "11月已联系", "11月未联系")
	if strings.Contains(scr, "季度已联系") || strings.Contains(scr, "季度常态化联系") {
		t.Errorf("the quarter is still named:\n%s", scr)
	}
	tm.Send(key(tea.KeyF10))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	if sp.bad != "" {
		t.Errorf("a frame broke the width rule: %s", sp.bad)
	}
}

// waitJoined is waitFor for text that may wrap (the paragraph): the screen's lines are
// read on, trimmed, as one; it returns them so.
func waitJoined(t *testing.T, sp *spy, want string) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		lines := strings.Split(sp.screen(), "\n")
		for i := range lines {
			lines[i] = strings.TrimSpace(lines[i])
		}
		if joined := strings.Join(lines, ""); strings.Contains(joined, want) {
			return joined
		} else if time.Now().After(deadline) {
			t.Fatalf("screen never showed %q; last screen:\n%s", want, sp.screen())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// focusedLine is the form line under the cursor ("> label  value"), "" when there is none.
func focusedLine(screen string) string {
	for _, l := range strings.Split(screen, "\n") {
		if l = strings.TrimSpace(l); strings.HasPrefix(l, "> ") {
			return l
		}
	}
	return ""
}
