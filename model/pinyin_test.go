package model

import (
	"slices"
	"sort"
	"strings"
	"testing"
)

func TestNameSearchKeys(t *testing.T) {
	tests := []struct {
		name, initials, full string
		alternates           []string // must be among the alternates
	}{
		{"张三", "zs", "zhangsan", nil},
		{"单雄信", "sxx", "shanxiongxin", []string{"dxx", "danxiongxin"}},
		{"曾国藩", "zgf", "zengguofan", []string{"cgf", "cengguofan"}},
		{"解缙", "xj", "xiejin", []string{"jj"}},
		{"仇英", "qy", "qiuying", []string{"cy"}},
		{"区志强", "ozq", "ouzhiqiang", []string{"qzq"}},
		{"朴槿惠", "pjh", "piaojinhui", []string{"pujinhui"}},
		{"查良镛", "zly", "zhaliangyong", []string{"chaliangyong"}},
		{"覃玉兰", "qyl", "qinyulan", []string{"tyl"}},
		{"翟志刚", "zzg", "zhaizhigang", []string{"dzg"}},
		{"盖聂", "gn", "genie", []string{"gainie"}},
		{"缪建华", "mjh", "miaojianhua", []string{"moujianhua"}},
		{"乐毅", "yy", "yueyi", []string{"ly", "leyi"}},
		{"尉迟恭", "ycg", "yuchigong", []string{"wcg", "weichigong"}},
		{"万俟卨", "mqx", "moqixie", []string{"wqx"}},
		{"单于飞", "cyf", "chanyufei", nil},
		{"长孙无忌", "zswj", "zhangsunwuji", nil},
		{"长江", "cj", "changjiang", []string{"zj"}},
		{"澹台灭明", "ttmm", "tantaimieming", nil},
		{"吕布", "lb", "lvbu", []string{"lubu"}},
		{"买买提·吐尔逊", "mmttex", "maimaitituerxun", nil},
		{"王ABC", "wabc", "wangabc", nil},
		{"王ａ1", "wa1", "wanga1", nil},
		{"樸正", "pz", "piaozheng", nil},
		{"單雄信", "sxx", "shanxiongxin", nil},
		{"尉迟", "wc", "weichi", nil}, // two characters: surname 尉 and a given name
	}
	for _, tt := range tests {
		k := NameSearchKeys(tt.name)
		if k.Initials != tt.initials || k.Full != tt.full {
			t.Errorf("NameSearchKeys(%q) = %q/%q, want %q/%q", tt.name, k.Initials, k.Full, tt.initials, tt.full)
		}
		for _, a := range tt.alternates {
			if !slices.Contains(k.Alternates, a) {
				t.Errorf("NameSearchKeys(%q).Alternates = %q, missing %q", tt.name, k.Alternates, a)
			}
		}
		checkKeys(t, tt.name, k)
	}
}

// checkKeys asserts the invariants of search keys.
func checkKeys(t *testing.T, name string, k SearchKeys) {
	t.Helper()
	if len(k.Alternates) > MaxAlternates {
		t.Errorf("%q: %d alternates", name, len(k.Alternates))
	}
	seen := map[string]bool{k.Initials: true, k.Full: true}
	for _, a := range k.Alternates {
		if seen[a] {
			t.Errorf("%q: alternate %q repeated or equal to a main key", name, a)
		}
		seen[a] = true
	}
	for _, s := range append([]string{k.Initials, k.Full}, k.Alternates...) {
		for _, r := range s {
			if !(r >= 'a' && r <= 'z') && !(r >= '0' && r <= '9') {
				t.Errorf("%q: key %q has %q", name, s, r)
			}
		}
	}
}

func TestNameSearchKeysCap(t *testing.T) {
	k := NameSearchKeys("乐长行重单种")
	if len(k.Alternates) != MaxAlternates {
		t.Errorf("alternates %d, want the cap %d: %q", len(k.Alternates), MaxAlternates, k.Alternates)
	}
	checkKeys(t, "乐长行重单种", k)
	long := NameSearchKeys(strings.Repeat("乐长行重", 7))
	checkKeys(t, "long", long)
	if k := NameSearchKeys(""); k.Initials != "" || k.Full != "" || k.Alternates != nil {
		t.Errorf("empty name: %+v", k)
	}
	if k := NameSearchKeys("·"); k.Full != "" {
		t.Errorf("dot only: %+v", k)
	}
}

func TestPinyinSortKey(t *testing.T) {
	names := []string{"张三", "李安", "连", "李", "单雄信", "曾国藩", "阿凡", "吕布", "卢布", "张三丰", "章三", "丁一"}
	sort.Slice(names, func(i, j int) bool { return PinyinSortKey(names[i]) < PinyinSortKey(names[j]) })
	want := []string{"阿凡", "丁一", "李", "李安", "连", "卢布", "吕布", "单雄信", "曾国藩", "张三", "章三", "张三丰"}
	if !slices.Equal(names, want) {
		t.Errorf("sorted %q\nwant   %q", names, want)
	}
	if k := PinyinSortKey("单雄信"); k != "shan-xiong-xin 单雄信" {
		t.Errorf("PinyinSortKey(单雄信) = %q", k)
	}
}

// Rare readings of given-name characters must not make false matches: 俊 is jun, never
// shun or dun, so "zs" does not find 周俊; real variants (乐 yue) are still found.
func TestRareReadingsLeftOut(t *testing.T) {
	for _, name := range []string{"周俊", "郑俊熙", "曾俊杰"} {
		k := NameSearchKeys(name)
		for _, key := range append([]string{k.Initials, k.Full}, k.Alternates...) {
			if strings.HasPrefix(key, "zs") {
				t.Errorf("%s has the key %q", name, key)
			}
		}
	}
	k := NameSearchKeys("王乐")
	if !slices.Contains(k.Alternates, "wangyue") {
		t.Errorf("王乐 alternates %v lack wangyue", k.Alternates)
	}
}
