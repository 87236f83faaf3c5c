package app

import (
	"context"
	"fmt"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/store/tally"
	"shuangyong/ui/internal/uitest"
)

// W2 in the real program: in 活动, F5 starts a 春节 campaign for the 烈属 of 200 families,
// the roster is built in one step, and 198 are ticked off with one command key each — the
// keys are counted — leaving 2 to visit; the 统计 tally then shows exactly what was ticked.
func TestFlowCampaign200(t *testing.T) {
	s := uitest.Open(t)
	ctx := context.Background()
	if err := s.SaveSettings(ctx, model.Settings{Office: "青山镇人民政府", Operator: "王芳"}); err != nil {
		t.Fatal(err)
	}
	surnames, givens := []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"), []rune("明华建国秀兰英芳军伟")
	for i := 0; i < 200; i++ {
		p := model.Person{Name: string(surnames[i%20]) + string(givens[i/20]), Categories: []string{model.CatMartyrFamily}}
		if err := s.CreatePerson(ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	tm, sp := start(t, s, 120, 40)
	waitFor(t, sp, "共 200 人")
	commands := 0
	send := func(k tea.KeyType) {
		tm.Send(keyOf(k))
		commands++
	}
	send(tea.KeyTab) // 活动
	waitFor(t, sp, "[3 活动]")
	send(tea.KeyF5)
	waitFor(t, sp, "新建一次节日集中走访吗")
	send(tea.KeyEnter)
	waitFor(t, sp, "符合条件的在册人员：200 人")
	// The date of the visits: the campaign is typed in on 2026-11-20 (the tests' today).
	for i := 0; i < 4; i++ {
		tm.Send(keyOf(tea.KeyDown)) // to the standard amount (moving is not a command)
	}
	tm.Send(runes("500"))
	send(tea.KeyCtrlS)
	waitFor(t, sp, "名单共 200 人")
	send(tea.KeyEnter)
	waitFor(t, sp, "名单 200 人", "未走访 200")
	setup := commands
	for i := 0; i < 198; i++ {
		send(tea.KeyF5)
		waitFor(t, sp, fmt.Sprintf("未走访 %d ", 199-i))
	}
	scr := waitFor(t, sp, "已走访 198", "未走访 2 ", "已发 99,000.00 元")
	if per := float64(commands-setup) / 198; per > 2 {
		t.Errorf("%.1f command keys a person", per)
	}
	t.Logf("%d command keys to set up the campaign, %d for 198 people", setup, commands-setup)
	quit(t, tm, sp)
	tl, err := tally.Compute(ctx, s, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if got := tl.Visits.Total.Year; got.Visits != 198 || got.MoneyFen != 198*50000 {
		t.Errorf("the tally's visits %+v after 198 ticks\n%s", got, scr)
	}
	if page, _ := s.RosterPage(ctx, campaignID(t, s), store.RosterQuery{State: store.RosterToVisit}); page.Total != 2 {
		t.Errorf("%d still to visit", page.Total)
	}
}

func campaignID(t *testing.T, s *store.Store) int64 {
	var id int64
	if err := s.DB().QueryRow("SELECT id FROM campaigns").Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}
