package model

import (
	"errors"
	"testing"
	"time"
)

// today is the fixed "now" of every test.
var today = time.Date(2026, 6, 15, 10, 0, 0, 0, time.Local)

// problemOf asserts that err is a Problem and returns it.
func problemOf(t *testing.T, err error) Problem {
	t.Helper()
	var p Problem
	if !errors.As(err, &p) {
		t.Fatalf("error %v (%T) is not a Problem", err, err)
	}
	if p.Zh == "" || p.En == "" || p.Code == "" || p.Field == "" {
		t.Fatalf("incomplete Problem %+v", p)
	}
	return p
}
