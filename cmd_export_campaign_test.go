package main

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"shuangyong/model"
	"shuangyong/store"
)

// export --campaign writes a campaign's 发放清单, named by its number or its title.
func TestExportCampaignCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	s, err := store.Open(context.Background(), db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	p := model.Person{Name: "张三", Categories: []string{model.CatMartyrFamily}}
	if err := s.CreatePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	ev := model.Event{Date: "2026-01-20", Title: "2026年春节走访慰问", StandardMoneyFen: 50000}
	if _, err := s.CreateCampaign(ctx, &ev, &store.RosterFilter{}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Tick(ctx, ev.ID, p.ID, "2026-01-20"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	out := filepath.Join(dir, "清单.xlsx")
	code, stdout, stderr := cmd(t, "export", "--db", db, "--campaign", "春节", "-o", out)
	if code != 0 || !strings.Contains(stdout, "发放清单") {
		t.Fatalf("by title: %d %q %q", code, stdout, stderr)
	}
	if fi, err := os.Stat(out); err != nil || fi.Size() == 0 {
		t.Fatalf("no file: %v", err)
	}
	code, _, stderr = cmd(t, "export", "--db", db, "--campaign", strconv.FormatInt(ev.ID, 10), "-o", filepath.Join(dir, "x.csv"))
	if code == 0 || !strings.Contains(stderr, ".xlsx") {
		t.Errorf("a CSV sign-off sheet: %d %q", code, stderr)
	}
	code, _, stderr = cmd(t, "export", "--db", db, "--campaign", "中秋", "-o", filepath.Join(dir, "y.xlsx"))
	if code == 0 || !strings.Contains(stderr, "没有找到") {
		t.Errorf("an unknown campaign: %d %q", code, stderr)
	}
}
