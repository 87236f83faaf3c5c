// Package uitest builds the fixtures the ui tests share: a real ledger file in a temp
// directory with a fixed clock and a small roster whose names exercise the width rules
// (·, —, “”, 𠮷) and an escape-sequence payload, and checks of rendered screens.
package uitest

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/ui/tab"
)

// Now is the fixed clock of the tests.
var Now = time.Date(2026, 11, 20, 10, 30, 0, 0, time.Local)

// Clock returns Now.
func Clock() time.Time { return Now }

// ID makes a valid 18-character ID number from a 6-digit area, a birth date (YYYYMMDD)
// and a 3-digit sequence (odd: male, even: female).
func ID(area, birth, seq string) string {
	first := area + birth + seq
	return first + string(model.IDCheckDigit(first))
}

// Payload is a name as an old file or an import might hold it: it clears the screen and
// writes the clipboard (OSC 52) if drawn raw.
const Payload = "\x1b[2J赵\x1b]52;c;aGFja2Vk\x07六"

// Open opens a new ledger in t.TempDir() with the fixed clock.
func Open(t testing.TB) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "test.db"), store.Options{Operator: "测试员"})
	if err != nil {
		t.Fatal(err)
	}
	s.Now = Clock
	t.Cleanup(func() { s.Close() })
	return s
}

// Env is a tab environment over s.
func Env(s *store.Store, lang model.Lang) tab.Env {
	return tab.Env{Ctx: context.Background(), Store: s, Lang: lang, Now: Clock}
}

// Seeded opens a ledger with settings done, three villages and a small roster:
//
//	张三 (李家村, 残疾军人, one visit), 李四, 阿卜杜·热合曼 (a name with the dot),
//	王𠮷 (a character outside the BMP), 张山 (also zs), 陈“红”—英 in notes,
//	and 赵六 whose stored name carries an escape payload (written behind the store's
//	back, as an old file could hold it).
func Seeded(t testing.TB) *store.Store {
	t.Helper()
	s := Open(t)
	ctx := context.Background()
	if err := s.SaveSettings(ctx, model.Settings{Office: "青山镇退役军人服务站", Operator: "王芳",
		DefaultAmountFen: map[string]int64{model.CatMartyrFamily: 100000}}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveVillages(ctx, []model.Village{{Name: "李家村"}, {Name: "青山社区"}, {Name: "王庄村"}}); err != nil {
		t.Fatal(err)
	}
	vs, err := s.Villages(ctx)
	if err != nil {
		t.Fatal(err)
	}
	v := func(name string) int64 {
		for _, x := range vs {
			if x.Name == name {
				return x.ID
			}
		}
		t.Fatalf("no village %s", name)
		return 0
	}
	people := []model.Person{
		{Name: "张三", IDNumber: ID("430524", "19580728", "299"), Phones: []string{"13607391176"}, VillageID: v("李家村"),
			Categories: []string{model.CatDisabledSoldier}, DisabilityNature: model.NatureWar, DisabilityGrade: 6,
			Relation: "self", PairingCadre: "陈明轩", Address: "李家村2组69号", Conditions: "独自居住，“身体”尚可—需常联系"},
		{Name: "李四", IDNumber: ID("430524", "19620301", "122"), VillageID: v("李家村"), Categories: []string{model.CatMartyrFamily},
			MartyrRelation: "child", MartyrName: "李大山"},
		{Name: "阿卜杜·热合曼", IDNumber: ID("650102", "19700105", "213"), VillageID: v("青山社区"), Categories: []string{model.CatVeteran}},
		{Name: "王𠮷", VillageID: v("王庄村"), Categories: []string{model.CatServingFamily}, ServicemanName: "王强", Sex: "F"},
		{Name: "张山", VillageID: v("王庄村"), Categories: []string{model.CatVeteran}, Phones: []string{"0739-5234965"}},
		{Name: "赵六", VillageID: v("青山社区"), Categories: []string{model.CatOther}, CategoryOther: "“特殊”—困难"},
	}
	for i := range people {
		if err := s.CreatePerson(ctx, &people[i]); err != nil {
			t.Fatalf("%s: %v", people[i].Name, err)
		}
	}
	ev := model.Event{Occasion: "spring_festival"}
	visit := model.Visit{PersonID: people[0].ID, Date: "2026-01-28", Mode: "home", MoneyFen: 80000, Goods: "米一袋、油一桶",
		GoodsValueFen: 15000, Signed: true, Need: "屋顶漏雨，需要修缮"}
	if err := s.RecordVisit(ctx, &ev, &visit); err != nil {
		t.Fatal(err)
	}
	// The payload goes in behind the store's back (CleanName would refuse it).
	if _, err := s.DB().ExecContext(ctx, "UPDATE people SET name = ? WHERE id = ?", Payload, people[5].ID); err != nil {
		t.Fatal(err)
	}
	return s
}

// FrameProblem says what is wrong with the shape of view as a w x h frame — a line not
// exactly w cells (lipgloss's measure), or not h lines — or "" when nothing is. The spies
// of the teatest flows record it from the program's goroutine, where a test cannot fail.
func FrameProblem(view string, w, h int) string {
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		return fmt.Sprintf("view has %d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if got := lipgloss.Width(l); got != w {
			return fmt.Sprintf("line %d is %d cells wide, want %d: %q", i, got, w, l)
		}
	}
	return ""
}

// CheckWidth fails when view is not a w x h frame (FrameProblem).
func CheckWidth(t testing.TB, view string, w, h int) {
	t.Helper()
	if p := FrameProblem(view, w, h); p != "" {
		t.Error(p)
	}
}

// CheckView checks a drawn view's shape and cleanliness (CheckWidth, CheckClean) and
// returns it.
func CheckView(t testing.TB, view string, w, h int) string {
	t.Helper()
	CheckWidth(t, view, w, h)
	CheckClean(t, view)
	return view
}

// CheckClean fails when a view holds a control character other than the SGR styling
// sequences lipgloss writes: a screen clear, an OSC (clipboard, title) or a stray byte.
func CheckClean(t testing.TB, view string) {
	t.Helper()
	for i := 0; i < len(view); i++ {
		c := view[i]
		if c == '\n' {
			continue
		}
		if c == 0x1b {
			// Only CSI … m (colours) is allowed.
			j := i + 1
			if j < len(view) && view[j] == '[' {
				j++
				for j < len(view) && (view[j] >= '0' && view[j] <= '9' || view[j] == ';') {
					j++
				}
				if j < len(view) && view[j] == 'm' {
					i = j
					continue
				}
			}
			t.Errorf("escape sequence in view at %d: %q", i, view[i:min(i+12, len(view))])
			return
		}
		if c < 0x20 || c == 0x7f {
			t.Errorf("control byte %#x in view at %d", c, i)
			return
		}
	}
	if strings.Contains(view, "\u009b") {
		t.Errorf("C1 CSI in view")
	}
}

// Plain strips SGR sequences, for assertions on text.
func Plain(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '[' {
			j := i + 2
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';') {
				j++
			}
			if j < len(s) && s[j] == 'm' {
				i = j
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// Sprint formats like fmt.Sprint (kept here so tests need one import).
func Sprint(a ...any) string { return fmt.Sprint(a...) }
