package i18n

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"

	"shuangyong/model"
	"shuangyong/store/sheet"
)

// Every key has a Chinese and an English text, neither empty, and the two take the same
// format arguments.
func TestCatalogueComplete(t *testing.T) {
	keys := Keys()
	if len(keys) < 100 {
		t.Fatalf("only %d keys: the catalogue did not load", len(keys))
	}
	for _, k := range keys {
		if !HasChinese(k) || !HasEnglish(k) {
			t.Errorf("%s: missing a language", k)
			continue
		}
		zhText, enText := T(model.Zh, k), T(model.En, k)
		if strings.TrimSpace(zhText) == "" || strings.TrimSpace(enText) == "" {
			t.Errorf("%s: empty text", k)
		}
		if verbs(zhText) != verbs(enText) {
			t.Errorf("%s: format verbs differ: zh %q en %q", k, verbs(zhText), verbs(enText))
		}
	}
}

// verbs lists the format verbs of s in order (%d %s %q …, %% skipped).
func verbs(s string) string {
	var out []string
	for i := 0; i < len(s)-1; i++ {
		if s[i] != '%' {
			continue
		}
		j := i + 1
		for j < len(s) && strings.ContainsRune("+-# 0123456789.", rune(s[j])) {
			j++
		}
		if j < len(s) && s[j] != '%' {
			v := s[j]
			if v == 'q' {
				v = 's' // %q in English where Chinese quotes with 「%s」
			}
			out = append(out, string(v))
		}
		i = j
	}
	return strings.Join(out, ",")
}

// No message holds an East Asian ambiguous-width character (… — “ ” · × ①): Chinese
// Windows consoles draw them two cells wide while the layout counts one (DESIGN.md §4).
func TestNoAmbiguousWidth(t *testing.T) {
	for _, k := range Keys() {
		if strings.HasPrefix(string(k), "cli.") {
			continue // printed by the command line, not laid out on screen
		}
		for _, lang := range []model.Lang{model.Zh, model.En} {
			for _, r := range T(lang, k) {
				if runewidth.IsAmbiguousWidth(r) {
					t.Errorf("%s (%s): ambiguous-width %q in %q", k, lang, r, T(lang, k))
					break
				}
			}
		}
	}
}

// TestErrorLines: errors a user can meet read as one line in their language.
func TestErrorLines(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		err    error
		zh, en string
	}{
		{fmt.Errorf("export: %w", sheet.ErrTooManyRows), "请改为导出 CSV", "export it as CSV"},
		{errors.New("disk full"), "意外错误（可把这段技术信息告诉技术人员：disk full）。这次操作没有完成，原有的数据没有改动。",
			"unexpected error (tell technical support: disk full). Nothing was done; the existing data is unchanged."},
	}
	for _, c := range cases {
		if got := Error(ctx, model.Zh, c.err); !strings.Contains(got, c.zh) {
			t.Errorf("%v in Chinese: %q", c.err, got)
		}
		if got := Error(ctx, model.En, c.err); !strings.Contains(got, c.en) {
			t.Errorf("%v in English: %q", c.err, got)
		}
	}
}
