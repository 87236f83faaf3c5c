package model

import "testing"

func TestTitleTownship(t *testing.T) {
	for _, c := range []struct{ township, office, want string }{
		{"青山镇", "青山镇退役军人服务站", "青山镇"},
		{"", "青山镇人民政府", "青山镇"},
		{"", "青山乡退役军人服务站", "青山乡"},
		{"", "东城街道办事处", "东城街道"},
		{"", "青山镇退役军人服务站", "青山镇"},
		{"", "安镇街道办事处", "安镇街道"},
		{"", "新乡县退役军人事务局", "新乡县退役军人事务局"},
		{"", "东乡族自治县民政局", "东乡族自治县民政局"},
		{"", "青山镇", "青山镇"},
		{"", "镇江市某区退役军人事务局", "镇江市某区退役军人事务局"},
		{"", "某县退役军人事务局", "某县退役军人事务局"},
		{"", "", ""},
	} {
		if got := (Settings{Township: c.township, Office: c.office}).TitleTownship(); got != c.want {
			t.Errorf("%q/%q: %q, want %q", c.township, c.office, got, c.want)
		}
	}
}
