package store

import (
	"context"
	"strings"
	"testing"

	"shuangyong/model"
)

// Breakdown items (其中, migration 0003) are saved, read back, validated and undone with their
// event; an undo of a change saved before the column existed (a snapshot without "parent")
// puts the items back as top-level ones.
func TestItemBreakdowns(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	e := model.Event{Date: "2023-06-01", Type: model.EventResettlement, Items: []model.Item{
		{Name: "接收军转干部", Quantity: 21, Unit: "名"}, {Name: "男同志", Quantity: 18, Unit: "名", Parent: 1},
		{Name: "女同志", Quantity: 3, Unit: "名", Parent: 1}}}
	if err := s.CreateEvent(ctx, &e); err != nil {
		t.Fatal(err)
	}
	got, err := s.Event(ctx, e.ID)
	if err != nil || len(got.Items) != 3 || got.Items[0].Parent != 0 || got.Items[1].Parent != 1 || got.Items[2].Parent != 1 {
		t.Fatalf("read back %+v %v", got.Items, err)
	}
	got.Items[2].Parent = 0
	if err := s.UpdateEvent(ctx, &got); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if back, _ := s.Event(ctx, e.ID); back.Items[2].Parent != 1 {
		t.Errorf("undo lost the breakdown: %+v", back.Items)
	}
	for _, bad := range []int{3, 4, -1} {
		e2 := model.Event{Date: "2023-06-01", Type: model.EventResettlement, Items: []model.Item{
			{Name: "甲", Quantity: 1}, {Name: "乙", Quantity: 1}, {Name: "丙", Quantity: 1, Parent: bad}}}
		if err := s.CreateEvent(ctx, &e2); KindOf(err) != ErrInvalid {
			t.Errorf("parent %d: %v", bad, err)
		}
	}
	// A history snapshot from before migration 0003 has no parent: undo still works.
	got.Items[0].Quantity = 22
	if err := s.UpdateEvent(ctx, &got); err != nil {
		t.Fatal(err)
	}
	// (The snapshot holds the items as JSON text within the JSON.)
	if _, err := s.DB().Exec(`UPDATE history SET before = replace(replace(before, ',\"parent\":0', ''), ',\"parent\":1', '')
		WHERE entity = 'events' AND before <> ''`); err != nil {
		t.Fatal(err)
	}
	var js string
	if err := s.DB().QueryRow("SELECT before FROM history WHERE entity = 'events' ORDER BY id DESC LIMIT 1").Scan(&js); err != nil || strings.Contains(js, "parent") {
		t.Fatalf("the old snapshot still has parents: %s %v", js, err)
	}
	if _, err := s.Undo(ctx); err != nil {
		t.Fatalf("undo of an old snapshot: %v", err)
	}
	if back, _ := s.Event(ctx, e.ID); back.Items[0].Quantity != 21 || back.Items[1].Parent != 0 {
		t.Errorf("after the old snapshot's undo: %+v", back.Items)
	}
}
