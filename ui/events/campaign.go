package events

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/ui/campaign"
	"shuangyong/ui/components"
	"shuangyong/ui/history"
	"shuangyong/ui/i18n"
	"shuangyong/ui/tab"
)

// campaignKey is F5 in the list or an event's detail: a campaign's roster opens for ticking
// off; on any other event (or none) the user is asked whether to start a new campaign.
func (t *Tab) campaignKey() key.Binding {
	return key.NewBinding(key.WithKeys("f5"), key.WithHelp("F5", t.t(i18n.KeyCampaign)))
}

func (t *Tab) host() campaign.Host {
	return campaign.Host{Env: t.env, Tab: tab.Events, Stack: t.stack, ReadOnly: t.readOnly}
}

// onCampaignKey opens event id's roster when it is a campaign (id 0: none selected), and
// otherwise offers to create one.
func (t *Tab) onCampaignKey(id int64) tea.Cmd {
	s, ctx := t.env.Store, t.env.Ctx
	return tab.Run(tab.Events, func() func() tea.Cmd {
		is := false
		var ev model.Event
		var err error
		if id != 0 {
			if is, err = s.IsCampaign(ctx, id); err == nil && !is {
				ev, err = s.Event(ctx, id)
			}
		}
		return func() tea.Cmd {
			if err != nil {
				return tab.StatusError(t.errText(err))
			}
			if is {
				return campaign.OpenRoster(t.host(), id)
			}
			if cmd := t.refuseWrite(); cmd != nil {
				return cmd
			}
			// A 走访慰问 event typed with F2 with a standard amount or goods is a round
			// waiting for its roster; any other event (one person's visit, a 座谈会) is
			// not, and F5 offers a new campaign.
			if ev.Type == model.EventVisit && (ev.StandardMoneyFen != 0 || ev.StandardGoods != "") {
				t.stack.Ask(components.NewDialog(t.t(i18n.EvMakeCampaignTitle), t.t(i18n.EvMakeCampaignBody, ev.Title),
					t.t(i18n.EvMakeCampaignYes), t.t(i18n.DialogNo), true),
					func(yes bool) tea.Cmd {
						if !yes {
							return nil
						}
						return campaign.OpenMake(t.host(), ev, t.villages, t.settings.Office)
					})
				return nil
			}
			t.stack.Ask(components.NewDialog(t.t(i18n.EvCampaignTitle), t.t(i18n.EvCampaignBody), t.t(i18n.EvCampaignYes), t.t(i18n.DialogNo), true),
				func(yes bool) tea.Cmd {
					if !yes {
						return nil
					}
					return campaign.OpenCreate(t.host(), t.villages, t.settings.Office)
				})
			return nil
		}
	})
}

// openHistory shows F8: the event's changes (id 0: none selected) and the tab's trash
// (events, and visits trashed on their own).
func (t *Tab) openHistory(id int64, title string) tea.Cmd {
	opt := history.Options{Title: title, Kinds: []string{store.EntEvent, store.EntVisit},
		Labels:  history.Labeler{Lang: t.env.Lang},
		Changed: func() tea.Cmd { return tab.Changed(tab.Events, tab.KindEvent, tab.KindVisit) }}
	if id != 0 {
		opt.Entity, opt.ID = store.EntEvent, id
	}
	return history.Open(t.env, t.stack, tab.Events, opt)
}
