package app

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/ui/internal/uitest"
)

// Issue 13 in the real program, on a Monday morning (the tests' today, 2026-11-20): F9
// makes 烈属 and 一至四级残疾军人 the 重点对象; the work list (F6, F3) shows who is due for
// a call this quarter; three calls take one key each and those people leave the list; the
// missing 光荣牌 of one village are hung through a plaque round; five recipients are
// confirmed for the year, one through a visit and four through a confirmation round.
func TestFlowDuties(t *testing.T) {
	s := uitest.Open(t)
	ctx := context.Background()
	st := model.Settings{Office: "青山镇人民政府", Operator: "王芳", DefaultAmountFen: map[string]int64{
		model.CatMartyrFamily: 100000, model.CatIllDeathFamily: 80000, model.CatDisabledSoldier: 80000}}
	if err := s.SaveSettings(ctx, st); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveVillages(ctx, []model.Village{{Name: "李家村"}, {Name: "王庄村"}}); err != nil {
		t.Fatal(err)
	}
	vs, _ := s.Villages(ctx)
	li, wang := vs[0].ID, vs[1].ID
	add := func(name string, village int64, cat string, grade int, subsidy bool) int64 {
		p := model.Person{Name: name, VillageID: village, Categories: []string{cat}, DisabilityGrade: grade,
			RegisteredOn: "2020-01-01"}
		if grade > 0 {
			p.DisabilityNature = "war"
		}
		if subsidy {
			p.SubsidyStatus = model.SubsidyReceiving
		}
		if err := s.CreatePerson(ctx, &p); err != nil {
			t.Fatal(err)
		}
		// Visited at home in the third quarter: this year's visit is done, this quarter's
		// contact is not.
		ev, v := model.Event{Occasion: "army_day"}, model.Visit{PersonID: p.ID, Date: "2026-08-01", Mode: "home"}
		if err := s.RecordVisit(ctx, &ev, &v); err != nil {
			t.Fatal(err)
		}
		return p.ID
	}
	for i, n := range []string{"王德明", "李秀英", "张建国", "刘桂兰", "陈志强", "杨春花"} {
		add(n, li, model.CatMartyrFamily, 0, i < 3)
	}
	add("赵永福", li, model.CatIllDeathFamily, 0, true)
	add("孙玉珍", li, model.CatIllDeathFamily, 0, true)
	add("周国庆", wang, model.CatDisabledSoldier, 2, false)
	add("吴海军", wang, model.CatDisabledSoldier, 3, false)
	add("郑小兵", wang, model.CatDisabledSoldier, 6, false) // not heavy enough to be 重点

	tm, sp := start(t, s, 120, 40)
	waitFor(t, sp, "共 11 人")
	commands := 0
	send := func(msg tea.KeyMsg) { tm.Send(msg); commands++ }
	// press sends a key that changes the line under the cursor, and waits until it has:
	// the screen is drawn on the renderer's clock, so a key sent at once after another
	// would be judged by the frame before it.
	press := func(k tea.KeyMsg) {
		t.Helper()
		before := focused(sp.screen())
		tm.Send(k)
		for j := 0; j < 200 && focused(sp.screen()) == before; j++ {
			time.Sleep(10 * time.Millisecond)
		}
	}
	// focus moves through a form with Tab until the field named label is under the cursor.
	focus := func(label string) {
		t.Helper()
		for i := 0; i < 80; i++ {
			if strings.HasPrefix(focused(sp.screen()), "> "+label) {
				return
			}
			press(keyOf(tea.KeyTab))
		}
		t.Fatalf("no field %s:\n%s", label, sp.screen())
	}

	// F9: the 重点对象 are 烈属 and 一至四级残疾军人, not (as by default) every recipient.
	send(keyOf(tea.KeyF9))
	waitFor(t, sp, "第 1/")
	focus("定期抚恤补助")
	press(keyOf(tea.KeyLeft)) // 是 → 否
	focus("人员类别")
	tm.Send(runes("烈士遗属"))
	press(tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}})
	waitFor(t, sp, "[x]烈士遗属")
	focus("残疾等级")
	for i := 0; i < 4; i++ {
		press(keyOf(tea.KeyRight))
	}
	waitFor(t, sp, "一级至四级")
	send(keyOf(tea.KeyCtrlS))
	waitFor(t, sp, "已保存")
	if d, _ := s.DutySettings(ctx); d.KeySubsidy || d.KeyMaxGrade != 4 || strings.Join(d.KeyCategories, ",") != model.CatMartyrFamily {
		t.Fatalf("the settings saved: %+v", d)
	}

	// Who is due: 6 烈属 and the two heavily disabled, for this quarter's contact.
	send(keyOf(tea.KeyF6))
	waitFor(t, sp, "▸诉求回访")
	send(keyOf(tea.KeyF3))
	waitFor(t, sp, "▸常态化联系", "8 人")
	setup := commands
	// Three calls in a row, the keys pressed as fast as they come: each waits for the
	// list after the one before, so each is a different person.
	for i := 0; i < 3; i++ {
		send(keyOf(tea.KeyF4))
	}
	waitFor(t, sp, "已记录电话联系", "5 人")
	if per := float64(commands-setup) / 3; per > 2 {
		t.Errorf("%.1f command keys a call", per)
	}
	if page, _ := s.DueList(ctx, store.DueQuery{}); page.Total != 5 {
		t.Errorf("%d still due after three calls", page.Total)
	}

	// 光荣牌: the 8 households of 李家村 get theirs in one plaque round.
	send(keyOf(tea.KeyF3))
	waitFor(t, sp, "▸光荣牌", "11 户")
	send(keyOf(tea.KeyF2))
	waitFor(t, sp, "新建光荣牌悬挂")
	focus("村（社区）")
	tm.Send(runes("李家")) // to 李家村 among the villages, and Space chooses it
	tm.Send(runes(" "))
	waitFor(t, sp, "还没有光荣牌或需要更换的户：8 户")
	send(keyOf(tea.KeyCtrlS))
	waitFor(t, sp, "名单共 8 户")
	send(keyOf(tea.KeyEnter))
	waitFor(t, sp, "名单 8 | 已登记 0 | 未登记 8")
	for i := 7; i >= 0; i-- {
		send(keyOf(tea.KeyF5))
		waitFor(t, sp, "未登记 "+strconv.Itoa(i)+" ")
	}
	send(keyOf(tea.KeyEsc))
	waitFor(t, sp, "▸光荣牌", "3 户")
	// One of 王庄村's was hung last week without a round: F4 records it by hand.
	send(keyOf(tea.KeyF4))
	waitFor(t, sp, "登记光荣牌：", "已悬挂")
	send(keyOf(tea.KeyCtrlS))
	waitFor(t, sp, "▸光荣牌", "2 户", "已登记：")
	if page, _ := s.PlaqueList(ctx, store.PlaqueQuery{Limit: 50}); page.Total != 2 {
		t.Errorf("%d households without a plaque, want 2 of 王庄村's 3", page.Total)
	} else {
		for _, r := range page.Rows {
			if r.VillageID == li {
				t.Errorf("%s of 李家村 still without a plaque", r.Name)
			}
		}
	}

	// 年度确认: five recipients; the first confirmed by a visit, the other four by a round.
	send(keyOf(tea.KeyF3))
	waitFor(t, sp, "▸年度确认", "5 人")
	send(keyOf(tea.KeyF5))
	waitFor(t, sp, "登记走访：", "同时年度确认")
	send(keyOf(tea.KeyCtrlS))
	waitFor(t, sp, "▸年度确认", "4 人")
	send(keyOf(tea.KeyF2))
	waitFor(t, sp, "新建年度确认", "今年还没有确认的定期抚恤补助对象：4 人")
	send(keyOf(tea.KeyCtrlS))
	waitFor(t, sp, "名单共 4 人")
	send(keyOf(tea.KeyEnter))
	waitFor(t, sp, "名单 4 | 已登记 0 | 未登记 4")
	for i := 0; i < 4; i++ {
		send(keyOf(tea.KeyF5))
	}
	waitFor(t, sp, "未登记 0 ")
	send(keyOf(tea.KeyEsc))
	waitFor(t, sp, "▸年度确认", "0 人", "今年都已确认")

	quit(t, tm, sp)
	page, err := s.ConfirmationList(ctx, store.ConfirmQuery{State: store.ConfirmDone})
	if err != nil || page.Total != 5 {
		t.Fatalf("%d confirmed (%v)", page.Total, err)
	}
	byVisit := 0
	for _, r := range page.Rows {
		if r.Confirmation.VisitID != 0 && r.Confirmation.Method == model.ConfirmHome {
			byVisit++
		}
	}
	if byVisit != 5 {
		t.Errorf("%d of 5 confirmations made by a visit at home", byVisit)
	}
}

// focused is the form line under the cursor ("> label  value"), "" when there is none.
func focused(screen string) string {
	for _, l := range strings.Split(screen, "\n") {
		if l = strings.TrimSpace(l); strings.HasPrefix(l, "> ") {
			return l
		}
	}
	return ""
}
