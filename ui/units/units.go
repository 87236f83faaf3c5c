// Package units is the 单位 tab: the units the township works with (驻地部队, 武警, 消防救援,
// 人武部, 共建单位…). Until its issue is done it is a placeholder showing its real empty
// state: what the tab will hold and what to do meanwhile.
package units

import (
	"shuangyong/ui/components"
	"shuangyong/ui/i18n"
	"shuangyong/ui/tab"
)

// New makes the tab.
func New(env tab.Env) tab.Tab {
	return components.NewPlaceholder(env, i18n.TabUnits, i18n.UnitsEmptyTitle, i18n.UnitsEmptyBody)
}
