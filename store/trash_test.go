package store

import (
	"context"
	"strings"
	"testing"

	"shuangyong/model"
)

// A trashed person can be restored, or deleted for good with their visits; the history
// keeps no copy of their data and undo does not bring them back.
func TestTrashRestoreAndPurge(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	p := model.Person{Name: "赵六", IDNumber: "11010519491231002X"}
	if err := s.CreatePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	ev := model.Event{Type: model.EventVisit}
	v := model.Visit{PersonID: p.ID, Date: "2026-01-20", MoneyFen: 50000}
	if err := s.RecordVisit(ctx, &ev, &v); err != nil {
		t.Fatal(err)
	}
	u := model.Unit{Name: "驻地某部", Kind: model.UnitStationed}
	if err := s.CreateUnit(ctx, &u); err != nil {
		t.Fatal(err)
	}
	if err := s.TrashPerson(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.TrashUnit(ctx, u.ID); err != nil {
		t.Fatal(err)
	}
	rows, total, err := s.TrashOf(ctx, []string{EntPerson}, 0, 10)
	if err != nil || total != 1 || rows[0].Summary != "赵六" {
		t.Fatalf("people's trash %+v %d %v", rows, total, err)
	}
	if _, total, _ := s.TrashOf(ctx, []string{EntPerson, EntUnit, EntEvent, EntVisit, EntPairing}, 0, 10); total != 2 {
		t.Errorf("whole trash: %d", total)
	}
	if err := s.Restore(ctx, EntUnit, u.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Unit(ctx, u.ID); got.DeletedAt != "" {
		t.Error("unit not restored")
	}
	if err := s.Purge(ctx, EntUnit, u.ID); KindOf(err) != ErrNotFound {
		t.Errorf("a live record was purged: %v", err)
	}
	if err := s.Purge(ctx, EntPerson, p.ID); err != nil {
		t.Fatal(err)
	}
	var n int
	s.DB().QueryRow("SELECT count(*) FROM people WHERE id = ?", p.ID).Scan(&n)
	if n != 0 {
		t.Error("person still in the file")
	}
	s.DB().QueryRow("SELECT count(*) FROM visits WHERE person_id = ?", p.ID).Scan(&n)
	if n != 0 {
		t.Error("their visits still in the file")
	}
	var copies int
	s.DB().QueryRow("SELECT count(*) FROM history WHERE before LIKE '%11010519491231002X%' OR after LIKE '%11010519491231002X%'").Scan(&copies)
	if copies != 0 {
		t.Errorf("%d history rows still hold the ID number", copies)
	}
	// Undo goes back past the purge to the unit's restore, never to the purged person.
	res, err := s.Undo(ctx)
	if err != nil || res.Entity != EntUnit {
		t.Fatalf("undo after purge: %+v %v", res, err)
	}
	for {
		res, err := s.Undo(ctx)
		if err != nil {
			break
		}
		if res.Entity == EntPerson || res.Entity == EntVisit {
			t.Fatalf("undo touched purged data: %+v", res)
		}
	}
	s.DB().QueryRow("SELECT count(*) FROM people").Scan(&n)
	if n != 0 {
		t.Error("undo brought the person back")
	}
	hist, _, _ := s.History(ctx, EntPerson, p.ID, 0, 10)
	if len(hist) == 0 || hist[0].Action != ActPurge || !strings.Contains(hist[0].Summary, "赵六") {
		t.Errorf("history of the purge: %+v", hist)
	}
}

// A unit deleted for good leaves the events that named it and its partners intact.
func TestPurgeUnit(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a := model.Unit{Name: "甲部队", Kind: model.UnitStationed}
	b := model.Unit{Name: "乙学校", Kind: model.UnitSchool}
	for _, u := range []*model.Unit{&a, &b} {
		if err := s.CreateUnit(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.AddPairing(ctx, &model.Pairing{UnitA: a.ID, UnitB: b.ID}); err != nil {
		t.Fatal(err)
	}
	ev := model.Event{Date: "2026-08-01", Type: model.EventGala, Units: []model.EventUnit{{UnitID: a.ID, Role: "host"}, {UnitID: b.ID, Role: "cohost"}}}
	if err := s.CreateEvent(ctx, &ev); err != nil {
		t.Fatal(err)
	}
	if err := s.TrashUnit(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.Purge(ctx, EntUnit, a.ID); err != nil {
		t.Fatal(err)
	}
	got, err := s.Event(ctx, ev.ID)
	if err != nil || len(got.Units) != 1 || got.Units[0].UnitID != b.ID {
		t.Fatalf("event after purge: %+v %v", got.Units, err)
	}
	if ps, _ := s.Pairings(ctx, b.ID); len(ps) != 0 {
		t.Errorf("pairing with the purged unit: %+v", ps)
	}
}

// An id freed by undoing an insert is given to the next record saved: the history of the
// new record is its own, not the undone one's.
func TestHistoryOfAReusedID(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	first := mustPerson(t, s, model.Person{Name: "张三"})
	first.Note = "改过一次"
	if err := s.UpdatePerson(ctx, &first); err != nil {
		t.Fatal(err)
	}
	for range 2 { // the edit, then the insert
		if _, err := s.Undo(ctx); err != nil {
			t.Fatal(err)
		}
	}
	second := mustPerson(t, s, model.Person{Name: "李四"})
	if second.ID != first.ID {
		t.Skipf("the id was not reused (%d, then %d): nothing to test", first.ID, second.ID)
	}
	rows, total, err := s.History(ctx, EntPerson, second.ID, 0, 50)
	if err != nil {
		t.Fatal(err)
	}
	if total != 1 || len(rows) != 1 || rows[0].Action != ActInsert || !strings.Contains(rows[0].Summary, "李四") {
		t.Errorf("李四's history holds %d changes: %+v", total, rows)
	}
	if all, _, _ := s.History(ctx, "", 0, 0, 50); len(all) < 5 {
		t.Errorf("the ledger's history lost changes: %d", len(all))
	}
}
