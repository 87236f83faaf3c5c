package keys

import (
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"

	"shuangyong/model"
)

// No command of a screen where text can be typed is a single printable character: an IME
// would swallow it, and typing would trigger it.
func TestNoSingleLetterCommands(t *testing.T) {
	for _, lang := range []model.Lang{model.Zh, model.En} {
		sets := map[string][]key.Binding{
			"list":   NewList(lang).Full(),
			"form":   NewForm(lang).Full(),
			"global": NewGlobal(lang).Bindings(),
			"panel":  NewPanel(lang).Short(),
		}
		for name, bs := range sets {
			for _, b := range bs {
				for _, k := range b.Keys() {
					if utf8.RuneCountInString(k) == 1 && k != " " {
						t.Errorf("%s: %q is a single-character command (%s)", name, k, b.Help().Desc)
					}
				}
			}
		}
	}
}

// Every binding shown in help has a key label and a description in both languages.
func TestHelpTexts(t *testing.T) {
	for _, lang := range []model.Lang{model.Zh, model.En} {
		all := append(append(NewList(lang).Full(), NewDetail(lang).Full()...), NewForm(lang).Full()...)
		all = append(all, NewGlobal(lang).Bindings()...)
		for _, b := range all {
			if b.Help().Key == "" || b.Help().Desc == "" {
				t.Errorf("%v: empty help", b.Keys())
			}
		}
	}
	if NewList(model.Zh).Add.Help().Desc == NewList(model.En).Add.Help().Desc {
		t.Error("help text not translated")
	}
}

func TestHelpAliasFullWidth(t *testing.T) {
	for _, s := range []string{"?", "？"} {
		if !HelpAlias(runeKey(s)) {
			t.Errorf("%s is not a help alias", s)
		}
	}
}
