package store

import (
	"context"
	"testing"

	"shuangyong/model"
)

// NextUndo names the change Ctrl+Z would take back, and nothing from an earlier run.
func TestNextUndo(t *testing.T) {
	path := t.TempDir() + "/u.db"
	s := openAt(t, path)
	ctx := context.Background()
	if _, ok, err := s.NextUndo(ctx); ok || err != nil {
		t.Fatalf("a new file has something to undo: %v %v", ok, err)
	}
	p := mustPerson(t, s, model.Person{Name: "张三"})
	p.Name = "张叁"
	if err := s.UpdatePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	res, ok, err := s.NextUndo(ctx)
	if err != nil || !ok || res.Action != ActUpdate || res.Entity != EntPerson || res.Summary != "张叁" {
		t.Fatalf("next undo %+v %v %v", res, ok, err)
	}
	s.Close()
	s2 := openAt(t, path)
	if res, ok, _ := s2.NextUndo(ctx); ok {
		t.Errorf("a change of an earlier run offered for undo: %+v", res)
	}
}
