package campaign

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/ui/components"
	"shuangyong/ui/i18n"
	"shuangyong/ui/tab"
)

// creator is the campaign form: the event's own fields, the standard amount and goods,
// and the 军属 filters that build the roster, with the number of people they choose kept
// up to date as the filters change.
type creator struct {
	*components.FormScreen
	h      Host
	kind   string // store.CampaignFestival, CampaignPlaque, CampaignConfirm
	fs     *components.FormScreen
	zeroOK bool // asked once about a standard amount of 0
	// existing is the 走访慰问 event being made a campaign (OpenMake); nil for a new one.
	existing *model.Event
	// autoTitle: the title follows the occasion and the year until the user types one
	// (or the event being made a campaign has one).
	autoTitle bool
	seq       uint64 // the newest count asked for
	counted   string // the filters of the newest count
}

// Update hands keys to the form and, when they changed the filters, counts again (a
// count is a query of a few milliseconds; the newest answer wins).
func (c *creator) Update(msg tea.Msg) tea.Cmd {
	cmd := c.FormScreen.Update(msg)
	if sig := fmt.Sprint(c.filter(c.fs.Form)); sig != c.counted {
		c.counted = sig
		return tea.Batch(cmd, c.recount())
	}
	return cmd
}

// OpenCreate puts the campaign form on the host's stack. villages are the settings'
// villages; office is the 填报单位 (the organiser).
func OpenCreate(h Host, villages []model.Village, office string) tea.Cmd {
	return OpenCreateKind(h, store.CampaignFestival, villages, office)
}

// OpenMake puts the campaign form on the stack for a 走访慰问 event that exists but has no
// roster yet (typed with F2, perhaps with its standard already): the form starts from the
// event's fields, and saving makes it a campaign with a roster of the people the filters
// choose and those it already reached.
func OpenMake(h Host, ev model.Event, villages []model.Village, office string) tea.Cmd {
	cmd := OpenCreateKind(h, store.CampaignFestival, villages, office)
	c := h.Stack.Top().(*creator)
	c.existing, c.autoTitle = &ev, false
	f := c.fs.Form
	f.Title = h.t(i18n.CaFormMakeTitle, ev.Title)
	if ev.Occasion == "" { // typed without one: kept so, not made 春节 by the pick's default
		occ := f.Field("Occasion")
		occ.Options = append([]components.Option{{Value: "", Label: h.t(i18n.FormNoneChosen)}}, occ.Options...)
	}
	f.SetValue("Occasion", ev.Occasion)
	f.SetValue("Title", ev.Title)
	f.SetValue("Date", ev.Date)
	f.SetValue("EndDate", ev.EndDate)
	if ev.StandardMoneyFen != 0 {
		f.SetValue("StandardMoneyFen", model.FormatMoney(ev.StandardMoneyFen))
	}
	f.SetValue("StandardGoods", ev.StandardGoods)
	if ev.StandardGoodsFen != 0 {
		f.SetValue("StandardGoodsFen", model.FormatMoney(ev.StandardGoodsFen))
	}
	f.MarkClean()
	return cmd
}

// OpenCreateKind is OpenCreate for a campaign of a kind: a festival round, a 光荣牌悬挂
// round (households without a plaque or with an old one, no money) or a 年度确认 round
// (periodic-subsidy recipients not yet confirmed this year). The last two choose their
// roster by the duty and a village only.
func OpenCreateKind(h Host, kind string, villages []model.Village, office string) tea.Cmd {
	lang := h.Env.Lang
	now := h.Env.Now()
	t := func(k i18n.Key) string { return h.t(k) }
	date := func(key string, required bool) func(string) (string, string) {
		return func(s string) (string, string) {
			if strings.TrimSpace(s) == "" && !required {
				return "", ""
			}
			v, err := model.ParseDateField(key, s, now, false)
			if err != nil {
				return s, model.AsProblem(err, key).Message(lang)
			}
			return v, ""
		}
	}
	var vopts []components.Option
	for _, v := range villages {
		vopts = append(vopts, components.Option{Value: strconv.FormatInt(v.ID, 10), Label: v.Name})
	}
	yesNo := []components.Option{{Value: "", Label: t(i18n.FormNo)}, {Value: "1", Label: t(i18n.FormYes)}}
	notVisited := []components.Option{{Value: "", Label: t(i18n.FilterAny)}, {Value: notVisitedYear, Label: t(i18n.CaFormNotVisitedYear)},
		{Value: notVisitedSince, Label: t(i18n.CaFormNotVisitedSince)}}
	money := components.MoneyCheck(lang)
	occasion := &components.Field{Key: "Occasion", Label: model.FieldLabel("Occasion", lang), Kind: components.KindPick, Options: components.EnumOptions(model.Occasions, lang, "")}
	title := &components.Field{Key: "Title", Label: model.FieldLabel("Title", lang), Max: model.MaxLineText}
	dates := []*components.Field{
		{Key: "Date", Label: model.FieldLabel("Date", lang), Max: 12, Placeholder: now.Format("2006-01-02"), Check: date("Date", true)},
		{Key: "EndDate", Label: model.FieldLabel("EndDate", lang), Max: 12, Check: date("EndDate", false)},
	}
	roster := &components.Field{Key: "roster", Label: t(i18n.CaFormRoster), Kind: components.KindHeading}
	village := &components.Field{Key: "village", Label: t(i18n.CaFormVillages), Kind: components.KindMulti, Options: vopts,
		NoneLabel: t(i18n.FilterAll)}
	var f *components.Form
	switch kind {
	case store.CampaignPlaque:
		f = components.NewForm(lang, t(i18n.CaFormPlaque), append(append([]*components.Field{occasion, title}, dates...),
			&components.Field{Key: "StandardGoods", Label: t(i18n.CaFormStdGoods), Max: model.MaxLineText},
			roster, village))
		// Plaques go up before 八一 or before 春节 (DOMAIN.md §3).
		occ := "army_day"
		if now.Month() >= time.September || now.Month() <= time.February {
			occ = "spring_festival"
		}
		f.SetValue("Occasion", occ)
	case store.CampaignConfirm:
		f = components.NewForm(lang, t(i18n.CaFormConfirm), append(append([]*components.Field{title}, dates...),
			roster, village))
	default:
		f = components.NewForm(lang, t(i18n.CaFormTitle), append(append([]*components.Field{occasion, title}, dates...),
			&components.Field{Key: "StandardMoneyFen", Label: t(i18n.CaFormStdMoney), Max: 20, Check: money, Placeholder: t(i18n.CaFormPerPerson)},
			&components.Field{Key: "StandardGoods", Label: t(i18n.CaFormStdGoods), Max: model.MaxLineText, Placeholder: t(i18n.CaFormGoodsHint)},
			&components.Field{Key: "StandardGoodsFen", Label: t(i18n.CaFormStdValue), Max: 20, Check: money, Placeholder: t(i18n.CaFormPerPerson)},
			roster,
			&components.Field{Key: "cats", Label: t(i18n.CaFormCats), Kind: components.KindMulti, Options: components.EnumOptions(model.Categories, lang, ""),
				NoneLabel: t(i18n.FilterAll)},
			village,
			&components.Field{Key: "cadre", Label: t(i18n.CaFormCadre), Max: model.MaxUnitName},
			&components.Field{Key: "notVisited", Label: t(i18n.CaFormNotVisited), Kind: components.KindPick, Options: notVisited},
			&components.Field{Key: "since", Label: t(i18n.CaFormSince), Max: 12, Placeholder: t(i18n.CaFormSinceHint), Check: date("since", true),
				Visible: func(f *components.Form) bool { return f.Value("notVisited") == notVisitedSince }},
			&components.Field{Key: "needs", Label: t(i18n.CaFormNeeds), Kind: components.KindPick, Options: yesNo}))
		f.SetValue("Occasion", "spring_festival")
	}
	f.SetValue("Date", now.Format("2006-01-02"))
	f.Foot = t(i18n.CaFormCounting)
	c := &creator{h: h, kind: kind}
	c.fs = components.NewFormScreen(h.Env, h.Stack, f)
	c.FormScreen = c.fs
	// The title follows the occasion and the year until the user types one of their own.
	c.autoTitle = true
	f.OnChange = func(f *components.Form, key string) {
		switch key {
		case "Title":
			c.autoTitle = f.Value("Title") == ""
		case "Occasion", "Date":
			if c.autoTitle {
				f.SetValue("Title", c.defaultTitle(f))
			}
		}
	}
	f.SetValue("Title", c.defaultTitle(f))
	f.MarkClean()
	c.fs.Validate = func(f *components.Form) []model.Problem {
		ev := c.event(f, office)
		return model.ValidateEvent(&ev, now).Errors
	}
	c.fs.Save = func(f *components.Form) tea.Cmd { return c.save(f, office) }
	h.Stack.Push(c)
	c.counted = fmt.Sprint(c.filter(f))
	return c.recount()
}

// defaultTitle is 「2026年春节走访慰问」 for the chosen occasion and date.
func (c *creator) defaultTitle(f *components.Form) string {
	year := c.h.Env.Now().Year()
	if d := f.Value("Date"); len(d) >= 4 {
		if y, err := strconv.Atoi(d[:4]); err == nil {
			year = y
		}
	}
	switch c.kind {
	case store.CampaignPlaque:
		return c.h.t(i18n.CaTitlePlaque, year)
	case store.CampaignConfirm:
		return c.h.t(i18n.CaTitleConfirm, year)
	}
	occ := model.Occasions.Label(f.Value("Occasion"), c.h.Env.Lang)
	if f.Value("Occasion") == "" || f.Value("Occasion") == "other" || f.Value("Occasion") == "routine" {
		occ = ""
	}
	return strings.Join(strings.Fields(c.h.t(i18n.CaDefaultTitle, year, occ)), " ") // no double space when there is no occasion
}

// The choices of 未走访 in the roster's filters.
const (
	notVisitedYear  = "year"  // not visited since 1 January
	notVisitedSince = "since" // not visited since the date in the field below
)

// filter is the roster filter the form describes.
func (c *creator) filter(f *components.Form) store.RosterFilter {
	var rf store.RosterFilter
	rf.Categories = f.Values("cats")
	for _, v := range f.Values("village") {
		if id, err := strconv.ParseInt(v, 10, 64); err == nil && id != 0 {
			rf.VillageIDs = append(rf.VillageIDs, id)
		}
	}
	rf.Cadre = strings.TrimSpace(f.Value("cadre"))
	switch f.Value("notVisited") {
	case notVisitedYear:
		rf.NotVisitedSince = strconv.Itoa(c.h.Env.Now().Year()) + "-01-01"
	case notVisitedSince:
		if d, err := model.ParseDateField("since", f.Value("since"), c.h.Env.Now(), false); err == nil {
			rf.NotVisitedSince = d // until it reads as a date the count is of everyone
		}
	}
	rf.HasOpenNeeds = f.Value("needs") == "1"
	switch c.kind {
	case store.CampaignPlaque:
		rf.Duty = store.DutyPlaque
	case store.CampaignConfirm:
		rf.Duty = store.DutyUnconfirmed
	}
	return rf
}

// event is the campaign's event as the form describes it.
func (c *creator) event(f *components.Form, office string) model.Event {
	money, _ := model.ParseMoney(f.Value("StandardMoneyFen"))
	goods, _ := model.ParseMoney(f.Value("StandardGoodsFen"))
	if c.existing != nil { // the event as it is, with what the form shows
		ev := *c.existing
		ev.Occasion, ev.Title, ev.Date, ev.EndDate = f.Value("Occasion"), f.Value("Title"), f.Value("Date"), f.Value("EndDate")
		ev.StandardMoneyFen, ev.StandardGoods, ev.StandardGoodsFen = money, f.Value("StandardGoods"), goods
		return ev
	}
	typ, occasion := model.EventVisit, f.Value("Occasion")
	switch c.kind {
	case store.CampaignPlaque:
		typ = model.EventHonour
	case store.CampaignConfirm:
		occasion = "routine"
	}
	return model.Event{Type: typ, Occasion: occasion, Title: f.Value("Title"),
		Date: f.Value("Date"), EndDate: f.Value("EndDate"), Organiser: office,
		StandardMoneyFen: money, StandardGoods: f.Value("StandardGoods"), StandardGoodsFen: goods}
}

// recount asks how many people the filters choose and shows it under the form.
func (c *creator) recount() tea.Cmd {
	c.seq++
	seq := c.seq
	rf := c.filter(c.fs.Form)
	s, ctx := c.h.Env.Store, c.h.Env.Ctx
	return c.h.run(func() func() tea.Cmd {
		n, err := s.RosterCount(ctx, rf)
		return func() tea.Cmd {
			if seq != c.seq {
				return nil
			}
			if err != nil {
				return tab.StatusError(tab.ErrText(c.h.Env, err))
			}
			c.fs.Form.Foot = c.h.t(c.countKey(), n)
			return nil
		}
	})
}

// countKey says what the roster's count counts.
func (c *creator) countKey() i18n.Key {
	switch c.kind {
	case store.CampaignPlaque:
		return i18n.CaFormCountHH
	case store.CampaignConfirm:
		return i18n.CaFormCountCnf
	}
	return i18n.CaFormCount
}

func (c *creator) save(f *components.Form, office string) tea.Cmd {
	ev := c.event(f, office)
	if c.kind == store.CampaignFestival && ev.StandardMoneyFen == 0 && !c.zeroOK {
		c.fs.Resume()
		c.h.Stack.Ask(components.NewDialog(c.h.t(i18n.CaZeroTitle), c.h.t(i18n.CaZeroBody), c.h.t(i18n.CaZeroYes), c.h.t(i18n.CaZeroNo), false),
			func(yes bool) tea.Cmd {
				if !yes {
					f.Focus("StandardMoneyFen")
					return nil
				}
				c.zeroOK = true
				return c.fs.SaveNow()
			})
		return nil
	}
	rf := c.filter(f)
	s, ctx := c.h.Env.Store, c.h.Env.Ctx
	// Count again (the filters may have changed since) and confirm with the number.
	return c.h.run(func() func() tea.Cmd {
		n, err := s.RosterCount(ctx, rf)
		return func() tea.Cmd {
			if err != nil {
				return c.fs.Failed(err)
			}
			c.fs.Resume()
			title, body := c.h.t(i18n.CaConfirmTitle), c.h.t(i18n.CaConfirmBody, n)
			switch c.kind {
			case store.CampaignPlaque:
				title, body = c.h.t(i18n.CaConfirmTitlePlaque), c.h.t(i18n.CaConfirmBodyHH, n)
			case store.CampaignConfirm:
				title = c.h.t(i18n.CaConfirmTitleConfirm)
			}
			c.h.Stack.Ask(components.NewDialog(title, body, c.h.t(i18n.CaConfirmYes), c.h.t(i18n.DialogNo), true),
				func(yes bool) tea.Cmd {
					if !yes {
						return nil
					}
					return c.create(ev, rf)
				})
			return nil
		}
	})
}

func (c *creator) create(ev model.Event, rf store.RosterFilter) tea.Cmd {
	s, ctx := c.h.Env.Store, c.h.Env.Ctx
	c.fs.Resume()
	return c.h.run(func() func() tea.Cmd {
		var n int
		var err error
		if c.existing != nil {
			n, err = s.MakeCampaign(ctx, &ev, &rf)
		} else {
			n, err = s.CreateCampaignOf(ctx, c.kind, &ev, &rf)
		}
		return func() tea.Cmd {
			if err != nil {
				return c.fs.Failed(err)
			}
			c.fs.Saved()
			forgetSitting(c.h, ev.ID)
			c.h.Stack.PopTo(c)
			c.h.Stack.Pop()
			created := i18n.CaCreated
			if c.kind == store.CampaignPlaque {
				created = i18n.CaCreatedHH
			}
			return tea.Batch(tab.Status(c.h.t(created, ev.Title, n), true), c.h.changed(), OpenRoster(c.h, ev.ID))
		}
	})
}
