package model

import (
	"slices"
	"testing"
)

func TestCategoriesOfWord(t *testing.T) {
	for _, c := range []struct {
		word string
		want []string
	}{
		{"烈士遗属", []string{CatMartyrFamily}},
		{"烈属", []string{CatMartyrFamily}},
		{"农村老兵", []string{CatRuralVeteran60}},
		{"现役军属", []string{CatServingFamily}},
		{"伤残军人", []string{CatDisabledSoldier}},
		{"三属", []string{CatMartyrFamily, CatDutyDeathFamily, CatIllDeathFamily}},
		{"两参人员", []string{CatWarVeteran, CatTestVeteran}},
		{"张三", nil},
		{"", nil},
	} {
		if got := CategoriesOfWord(c.word); !slices.Equal(got, c.want) {
			t.Errorf("CategoriesOfWord(%q) = %v, want %v", c.word, got, c.want)
		}
	}
}

// Every category has a short label in both languages, and no short label names two.
func TestCategoryShortLabels(t *testing.T) {
	seen := map[string]string{}
	for _, c := range Categories {
		zh, en := CategoryShort(c.Code, Zh), CategoryShort(c.Code, En)
		if zh == c.Code || en == c.Code {
			t.Errorf("no short label for %s", c.Code)
		}
		if other, dup := seen[zh]; dup {
			t.Errorf("short label %s names %s and %s", zh, other, c.Code)
		}
		seen[zh] = c.Code
	}
}
