// Package events is the 活动 tab: the year's 双拥 events and festival campaigns. Until its
// issue is done it is a placeholder showing its real empty state: what the tab will hold
// and what to do meanwhile.
package events

import (
	"shuangyong/ui/components"
	"shuangyong/ui/i18n"
	"shuangyong/ui/tab"
)

// New makes the tab.
func New(env tab.Env) tab.Tab {
	return components.NewPlaceholder(env, i18n.TabEvents, i18n.EventsEmptyTitle, i18n.EventsEmptyBody)
}
