package store

import (
	"context"
	"testing"

	"shuangyong/model"
)

// SavePerson joins a household in the same transaction as the person's own fields, making
// the household for the two of them when the other person has none, and one undo takes
// the whole save back.
func TestSavePersonJoinsHousehold(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	head := model.Person{Name: "王大山", Sex: "M"}
	if err := s.CreatePerson(ctx, &head); err != nil {
		t.Fatal(err)
	}
	wife := model.Person{Name: "李秀英", Sex: "F"}
	if err := s.SavePerson(ctx, &wife, head.ID); err != nil {
		t.Fatal(err)
	}
	members, err := s.HouseholdMembers(ctx, wife.ID)
	if err != nil || len(members) != 2 {
		t.Fatalf("members %+v %v", members, err)
	}
	head, _ = s.Person(ctx, head.ID)
	if head.HouseholdID == 0 || head.HouseholdID != wife.HouseholdID {
		t.Fatalf("households %d %d", head.HouseholdID, wife.HouseholdID)
	}
	// Ctrl+Z names the save of 李秀英, not the household made for 王大山.
	if next, ok, err := s.NextUndo(ctx); err != nil || !ok || next.Entity != EntPerson || next.Action != ActInsert || next.Summary != "李秀英" {
		t.Errorf("undo would say %+v %v", next, err)
	}
	if _, err := s.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if p, err := s.Person(ctx, wife.ID); err == nil && p.DeletedAt == "" {
		t.Error("undo left the new person")
	}
	head, _ = s.Person(ctx, head.ID)
	if head.HouseholdID != 0 {
		t.Error("undo left the household on the other person")
	}
	// Leaving: a save with HouseholdID 0.
	son := model.Person{Name: "王小山", Sex: "M"}
	if err := s.SavePerson(ctx, &son, head.ID); err != nil {
		t.Fatal(err)
	}
	son.HouseholdID = 0
	if err := s.SavePerson(ctx, &son, 0); err != nil {
		t.Fatal(err)
	}
	if members, _ := s.HouseholdMembers(ctx, son.ID); len(members) != 1 {
		t.Errorf("after leaving: %d members", len(members))
	}
	if err := s.SavePerson(ctx, &son, son.ID); KindOf(err) != ErrInvalid {
		t.Errorf("joining oneself: %v", err)
	}
}

// A second record with the same name and birth date is a possible duplicate even
// without an ID number and in another village.
func TestDuplicatesByNameAndBirthDate(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	first := model.Person{Name: "张三", BirthDate: "1950-03-01"}
	if err := s.CreatePerson(ctx, &first); err != nil {
		t.Fatal(err)
	}
	vs := []model.Village{{Name: "李家村"}}
	if err := s.SaveVillages(ctx, vs); err != nil {
		t.Fatal(err)
	}
	all, _ := s.Villages(ctx)
	second := model.Person{Name: "张三", BirthDate: "1950-03-01", VillageID: all[0].ID}
	dups, err := s.Duplicates(ctx, second)
	if err != nil || len(dups) != 1 || dups[0].ID != first.ID {
		t.Fatalf("dups %+v %v", dups, err)
	}
	other := model.Person{Name: "张三", BirthDate: "1951-03-01", VillageID: all[0].ID}
	if dups, _ := s.Duplicates(ctx, other); len(dups) != 0 {
		t.Errorf("a namesake born on another day in another village is no duplicate: %+v", dups)
	}
}
