package store

import (
	"context"
	"strings"
	"testing"

	"shuangyong/model"
)

// The work list holds open needs and follow-ups not met by a later visit, oldest first;
// resolving a need takes it off, and so does a later visit for a follow-up.
func TestFollowUps(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a := mustPerson(t, s, model.Person{Name: "张三"})
	b := mustPerson(t, s, model.Person{Name: "李四"})
	gone := mustPerson(t, s, model.Person{Name: "王五", Status: model.StatusMovedOut, StatusChangedOn: "2026-06-01"})
	record := func(p model.Person, date, need, follow string) model.Visit {
		ev := model.Event{}
		v := model.Visit{PersonID: p.ID, Date: date, Need: need, FollowUpOn: follow}
		if err := s.RecordVisit(ctx, &ev, &v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	needA := record(a, "2026-03-01", "屋顶漏雨", "")
	record(b, "2026-02-01", "", "2026-12-01")
	record(gone, "2026-01-01", "想办优待证", "")
	rows, total, err := s.FollowUps(ctx, "2026-11-29", 0, 10)
	if err != nil || total != 2 || rows[0].PersonName != "张三" || !rows[0].Overdue || rows[1].PersonName != "李四" || rows[1].Overdue {
		t.Fatalf("follow-ups %d %+v %v", total, rows, err)
	}
	// A window past the end still says how many there are.
	if rows, total, err := s.FollowUps(ctx, "2026-11-29", 5, 10); err != nil || total != 2 || len(rows) != 0 {
		t.Errorf("past the end: %d %d %v", total, len(rows), err)
	}
	// Each half of the list comes from its own partial index, not a read of every visit.
	plan, err := s.db.QueryContext(ctx, "EXPLAIN QUERY PLAN "+openWork)
	if err != nil {
		t.Fatal(err)
	}
	var steps []string
	for plan.Next() {
		var id, parent, unused int
		var detail string
		plan.Scan(&id, &parent, &unused, &detail)
		steps = append(steps, detail)
	}
	plan.Close()
	if got := strings.Join(steps, "; "); !strings.Contains(got, "visits_open_needs") || !strings.Contains(got, "visits_follow_up") {
		t.Errorf("the work list's plan: %s", got)
	}
	// A follow-up visit to 张三 leaves the need open but no longer late.
	record(a, "2026-11-25", "", "")
	if rows, _, _ = s.FollowUps(ctx, "2026-11-29", 0, 10); rows[0].PersonName != "张三" || rows[0].Overdue || rows[0].FollowedOn != "2026-11-25" {
		t.Errorf("after the follow-up visit: %+v", rows[0])
	}
	if err := s.ResolveNeed(ctx, needA.ID, "2026-11-29", "已联系村里修缮"); err != nil {
		t.Fatal(err)
	}
	record(b, "2026-11-20", "", "") // the follow-up was made
	if _, total, _ = s.FollowUps(ctx, "2026-11-29", 0, 10); total != 0 {
		t.Errorf("after resolving and the follow-up visit: %d left", total)
	}
	v, _ := s.Visit(ctx, needA.ID)
	if v.ResolvedOn != "2026-11-29" || v.Resolution != "已联系村里修缮" {
		t.Errorf("resolved %+v", v)
	}
}
