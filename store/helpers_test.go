package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"shuangyong/model"
)

// testNow is the fixed "today" of store tests.
var testNow = time.Date(2026, 11, 29, 10, 0, 0, 0, time.Local)

func openTest(t testing.TB) *Store {
	t.Helper()
	return openAt(t, filepath.Join(t.TempDir(), "台账 test.db"))
}

func openAt(t testing.TB, path string) *Store {
	t.Helper()
	s, err := Open(context.Background(), path, Options{Operator: "测试员"})
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	s.Now = func() time.Time { return testNow }
	t.Cleanup(func() { s.Close() })
	return s
}

func mustVillages(t testing.TB, s *Store, names ...string) map[string]int64 {
	t.Helper()
	var vs []model.Village
	for _, n := range names {
		vs = append(vs, model.Village{Name: n})
	}
	if err := s.SaveVillages(context.Background(), vs); err != nil {
		t.Fatal(err)
	}
	got, err := s.Villages(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for _, v := range got {
		ids[v.Name] = v.ID
	}
	return ids
}

func mustPerson(t testing.TB, s *Store, p model.Person) model.Person {
	t.Helper()
	if err := s.CreatePerson(context.Background(), &p); err != nil {
		t.Fatalf("create %s: %v", p.Name, err)
	}
	return p
}

// idFor makes a valid 18-digit ID number for a birth date and sequence.
func idFor(birth string, seq int) string {
	first := "320102" + birth + string(rune('0'+seq/100%10)) + string(rune('0'+seq/10%10)) + string(rune('0'+seq%10))
	return first + string(model.IDCheckDigit(first))
}
