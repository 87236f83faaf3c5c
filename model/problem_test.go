package model

import (
	"errors"
	"fmt"
	"testing"
)

func TestProblem(t *testing.T) {
	p := Problem{Field: "Name", Code: CodeRequired, Zh: "请填写姓名", En: "Please enter the name"}
	if p.Error() != "请填写姓名" || p.Message(Zh) != p.Zh || p.Message(En) != p.En {
		t.Fatalf("messages: %q %q %q", p.Error(), p.Message(Zh), p.Message(En))
	}
	var err error = p
	wrapped := fmt.Errorf("saving: %w", err)
	var got Problem
	if !errors.As(wrapped, &got) || got != p {
		t.Fatalf("errors.As: %+v", got)
	}
	if q := AsProblem(wrapped, "MartyrName"); q.Field != "MartyrName" || q.Zh != p.Zh {
		t.Fatalf("AsProblem: %+v", q)
	}
	if q := AsProblem(fmt.Errorf("x: %w", &p), ""); q != p {
		t.Fatalf("AsProblem of a *Problem: %+v", q)
	}
	if q := AsProblem(errors.New("boom"), "Note"); q.Field != "Note" || q.Code != CodeFormat || q.Zh == "" {
		t.Fatalf("AsProblem of a plain error: %+v", q)
	}
	if q := p.WithField("X"); q.Field != "X" || p.Field != "Name" {
		t.Fatalf("WithField: %+v %+v", q, p)
	}
}

func TestProblems(t *testing.T) {
	var ps Problems
	if !ps.OK() {
		t.Fatal("empty Problems not OK")
	}
	ps.addGap(problem("Categories", "", "还没有选择人员类别", "No category"))
	if !ps.OK() {
		t.Fatal("a gap must not block saving")
	}
	if ps.Gaps[0].Code != CodeMissing {
		t.Fatalf("gap code %q", ps.Gaps[0].Code)
	}
	ps.addError(problem("Name", CodeRequired, "请填写姓名", "Please enter the name"))
	ps.addError(problem("Phones", CodeLength, "x", "x"))
	ps.addGap(problem("Name", "", "gap", "gap"))
	if ps.OK() {
		t.Fatal("errors must block saving")
	}
	got := ps.For("Name")
	if len(got) != 2 || got[0].Code != CodeRequired || got[1].Code != CodeMissing {
		t.Fatalf("For(Name) = %+v", got)
	}
	if len(ps.For("Nothing")) != 0 {
		t.Fatal("For of an unknown field")
	}
}

func TestFieldLabel(t *testing.T) {
	if FieldLabel("IDNumber", Zh) != "身份证号" || FieldLabel("IDNumber", En) != "ID number" {
		t.Fatal("IDNumber label")
	}
	if FieldLabel("Whatever", Zh) != "Whatever" {
		t.Fatal("unknown field label")
	}
}
