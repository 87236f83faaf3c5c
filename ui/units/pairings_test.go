package units

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/ui/internal/uitest"
	"shuangyong/ui/tab"
)

// runStoreLast runs cmd as uitest.Harness.Run does, but holds the store's answers
// (tab.DoneMsg) until nothing else is pending: the order of a busy disk, where the pages
// of the lists and the change notice all come before the answer to a reload.
func runStoreLast(t *testing.T, hs *uitest.Harness, cmd tea.Cmd) {
	t.Helper()
	queue := []tea.Cmd{cmd}
	var held []tab.DoneMsg
	for steps := 0; len(queue) > 0 || len(held) > 0; steps++ {
		if steps > 2000 {
			t.Fatal("commands did not settle")
		}
		if len(queue) == 0 {
			queue = append(queue, hs.Tab.Update(held[0]))
			held = held[1:]
			continue
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case tab.DoneMsg:
			held = append(held, msg)
		case tab.StatusMsg:
			hs.Status = append(hs.Status, msg)
		case tab.ChangedMsg:
			hs.Change = append(hs.Change, msg)
			queue = append(queue, hs.Tab.Update(msg))
		default:
			queue = append(queue, hs.Tab.Update(msg))
		}
	}
}

// openPairings opens the 共建 list of the unit found by text.
func openPairings(t *testing.T, hs *uitest.Harness, text string) {
	t.Helper()
	hs.Type(text)
	hs.KeyType(tea.KeyEnter)
	hs.KeyType(tea.KeyF5)
	if !hs.Contains("共建单位：") {
		t.Fatalf("the 共建 list is not shown:\n%s", hs.ViewPlain())
	}
}

// The 共建 list shows a pairing as soon as it is saved, however late the detail's reload
// arrives: the list is refreshed by the reload itself, not by whatever message happens to
// come after it. The start date offered is today's and is saved as it stands.
func TestPairingsListShowsTheNewPairing(t *testing.T) {
	s, ids := seed(t)
	hs := newTab(t, s, 120, 36)
	openPairings(t, hs, "一营")
	if v := hs.ViewPlain(); !strings.Contains(v, "还没有共建单位。按 F2 添加。") {
		t.Fatalf("the empty list does not say F2 adds:\n%s", v)
	}
	hs.KeyType(tea.KeyF2)
	hs.KeyType(tea.KeyRight) // 青山镇中心小学, the other side's unit, first
	today := uitest.Now.Format("2006-01-02")
	if v := hs.ViewPlain(); !strings.Contains(v, "开始日期 "+today) {
		t.Fatalf("the start date is not today's:\n%s", v)
	}
	runStoreLast(t, hs, hs.Tab.Update(tea.KeyMsg{Type: tea.KeyCtrlS}))
	v := hs.ViewPlain()
	if !strings.Contains(v, "青山镇中心小学") || !strings.Contains(v, today) || strings.Contains(v, "还没有共建单位") {
		t.Fatalf("the 共建 list does not show the new pairing:\n%s", v)
	}
	pairs, err := s.Pairings(context.Background(), ids["驻地某部一营"])
	if err != nil || len(pairs) != 1 || pairs[0].Since != today || pairs[0].PartnerID != ids["青山镇中心小学"] {
		t.Fatalf("stored %+v %v", pairs, err)
	}
	hs.KeyType(tea.KeyEsc)
	if v = hs.ViewPlain(); !strings.Contains(v, "共建单位（1）") || !strings.Contains(v, "青山镇中心小学  学校  "+today+" 起") {
		t.Errorf("the detail does not show the pairing:\n%s", v)
	}
}

// A start date that is not one is refused at its field in the words of the screen
// (开始日期, not the program's name for the field); emptied, no date is recorded.
func TestPairingStartDate(t *testing.T) {
	s, ids := seed(t)
	hs := newTab(t, s, 120, 36)
	openPairings(t, hs, "一营")
	hs.KeyType(tea.KeyF2)
	hs.KeyType(tea.KeyRight)
	hs.KeyType(tea.KeyEnter)
	hs.KeyType(tea.KeyCtrlU)
	hs.Type("abc")
	hs.KeyType(tea.KeyCtrlS)
	v := hs.ViewPlain()
	if !strings.Contains(v, "开始日期格式不对") || strings.Contains(v, "Since") {
		t.Fatalf("the bad date is not explained at its field:\n%s", v)
	}
	hs.KeyType(tea.KeyCtrlU)
	hs.KeyType(tea.KeyCtrlS)
	pairs, err := s.Pairings(context.Background(), ids["驻地某部一营"])
	if err != nil || len(pairs) != 1 || pairs[0].Since != "" {
		t.Fatalf("stored %+v %v", pairs, err)
	}
}

// A unit with many partners at the smallest screen (80x24: the tab has 20 lines) says
// that its body goes on below, and PgDn shows the last partner; the arrows stay with the
// events.
func TestDetailBodySaysWhatIsBelow(t *testing.T) {
	s, ids := seed(t)
	ctx := context.Background()
	var last string
	for i, name := range []string{"青山镇人民政府", "青山镇卫生院", "青山镇初级中学", "青山建材有限公司", "青山镇老年人协会", "青山镇志愿者协会"} {
		u := model.Unit{Name: name, Kind: model.UnitGovernment}
		if err := s.CreateUnit(ctx, &u); err != nil {
			t.Fatal(err)
		}
		since := "201" + string(rune('0'+i)) + "-05"
		if err := s.AddPairing(ctx, &model.Pairing{UnitA: ids["驻地某部一营"], UnitB: u.ID, Since: since}); err != nil {
			t.Fatal(err)
		}
		last = name
	}
	hs := newTab(t, s, 80, 20)
	hs.Type("一营")
	hs.KeyType(tea.KeyEnter)
	v := hs.ViewPlain()
	if strings.Contains(v, last) || !strings.Contains(v, "行（PgDn 查看）") {
		t.Fatalf("the last partner is hidden without a hint:\n%s", v)
	}
	for i := 0; i < 5 && !strings.Contains(hs.ViewPlain(), last); i++ {
		hs.KeyType(tea.KeyPgDown)
	}
	v = hs.ViewPlain()
	if !strings.Contains(v, last) || strings.Contains(v, "下面还有") || !strings.Contains(v, "上面还有") {
		t.Fatalf("PgDn did not reach the last partner:\n%s", v)
	}
	hs.KeyType(tea.KeyHome)
	if v = hs.ViewPlain(); !strings.Contains(v, "基本情况") {
		t.Errorf("Home did not go back to the top:\n%s", v)
	}
	if !strings.Contains(v, ">"+uitest.Now.Format("2006-01-02")) {
		t.Errorf("the event under the cursor moved:\n%s", v)
	}
}
