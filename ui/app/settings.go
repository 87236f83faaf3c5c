package app

import (
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/store/demo"
	"shuangyong/ui/components"
	"shuangyong/ui/i18n"
	"shuangyong/ui/tab"
)

type settingsMsg struct {
	settings  model.Settings
	duties    model.DutySettings
	villages  []model.Village
	setupDone bool
	err       error
}

type settingsSavedMsg struct {
	err error
}

type setupSavedMsg struct{ err error }

type emptyMsg struct {
	empty bool
	err   error
}

type demoMsg struct {
	stats demo.Stats
	err   error
}

// settingsForm is F9 (or the first-run questions when setup is true).
type settingsForm struct {
	form     *components.Form
	setup    bool
	villages []model.Village // the village behind each village field, in order (ID 0: new)
}

// loadSettings reads the settings, the villages and whether the first run is done, and
// makes the store write the operator's name into the history.
func (m *Model) loadSettings() tea.Cmd {
	s, ctx := m.env.Store, m.env.Ctx
	return func() tea.Msg {
		var out settingsMsg
		if out.settings, out.err = s.Settings(ctx); out.err != nil {
			return out
		}
		if out.villages, out.err = s.Villages(ctx); out.err != nil {
			return out
		}
		if out.duties, out.err = s.DutySettings(ctx); out.err != nil {
			return out
		}
		out.setupDone, out.err = s.SetupDone(ctx)
		if out.settings.Operator != "" {
			s.SetOperator(out.settings.Operator)
		}
		return out
	}
}

func (m *Model) onSettings(msg settingsMsg) tea.Cmd {
	if msg.err != nil {
		m.status = statusLine{text: m.errText(msg.err), err: true}
		return m.releaseKeys()
	}
	m.settings, m.villages, m.duties = msg.settings, msg.villages, msg.duties
	first := !m.settingsLoaded
	m.settingsLoaded = true
	cmds := []tea.Cmd{m.broadcast(tab.SettingsMsg{Settings: msg.settings, Villages: msg.villages})}
	if first && !msg.setupDone && m.readOnly == "" {
		cmds = append(cmds, m.openSettings(true))
		m.firstRun = true // the background work waits for the answers and the demo offer
		return tea.Batch(append(cmds, m.releaseKeys())...)
	}
	cmds = append(cmds, m.startBackground(), m.releaseKeys())
	return tea.Batch(cmds...)
}

// releaseKeys hands the keys typed before the settings were read to where they go now.
func (m *Model) releaseKeys() tea.Cmd {
	m.keysReleased = true
	var cmds []tea.Cmd
	for _, k := range m.earlyKeys {
		cmds = append(cmds, m.key(k))
	}
	m.earlyKeys = nil
	return tea.Sequence(cmds...)
}

// openSettings opens F9, or the first-run questions.
func (m *Model) openSettings(setup bool) tea.Cmd {
	if m.readOnly != "" {
		m.status = statusLine{text: m.t(i18n.StatusReadOnlyRefused), err: true}
		return nil
	}
	sf := &settingsForm{setup: setup}
	office := &components.Field{Key: "Office", Label: m.t(i18n.SettingsOffice), Kind: components.KindText, Max: 60}
	operator := &components.Field{Key: "Operator", Label: m.t(i18n.SettingsOperator), Kind: components.KindText, Max: 30}
	fields := []*components.Field{office, operator}
	if !setup {
		// The township's name titles the tally; it may differ from the 填报单位.
		fields = append(fields, &components.Field{Key: "Township", Label: m.t(i18n.SettingsTownship), Kind: components.KindText,
			Max: 60, Placeholder: m.t(i18n.SettingsTownshipHint)})
	}
	title := m.t(i18n.SettingsTitle)
	if setup {
		title = m.t(i18n.SetupTitle)
		fields = append([]*components.Field{{Key: "intro", Label: m.t(i18n.SetupIntro), Kind: components.KindHeading}}, fields...)
	} else {
		fields = append(fields, &components.Field{Key: "villages", Label: m.t(i18n.SettingsVillages),
			Kind: components.KindHeading, Placeholder: m.t(i18n.SettingsVillagesHint)})
		for i, v := range m.villages {
			fields = append(fields, &components.Field{Key: "village" + strconv.Itoa(i), Label: m.t(i18n.SettingsVillage, i+1),
				Kind: components.KindText, Max: 30})
			sf.villages = append(sf.villages, v)
		}
		for j := 0; j < 3; j++ {
			i := len(sf.villages)
			fields = append(fields, &components.Field{Key: "village" + strconv.Itoa(i), Label: m.t(i18n.SettingsVillageNew),
				Kind: components.KindText, Max: 30})
			sf.villages = append(sf.villages, model.Village{})
		}
		fields = append(fields, &components.Field{Key: "amounts", Label: m.t(i18n.SettingsAmounts),
			Kind: components.KindHeading, Placeholder: m.t(i18n.SettingsAmountsHint)})
		for _, c := range model.Categories {
			fields = append(fields, &components.Field{Key: "amount." + c.Code, Label: c.Label(m.env.Lang),
				Kind: components.KindText, Max: 20, Placeholder: m.t(i18n.FormMoneyHint),
				Check: components.MoneyCheck(m.env.Lang)})
		}
		fields = append(fields, m.dutyFields()...)
	}
	f := components.NewForm(m.env.Lang, title, fields)
	f.SetValue("Office", m.settings.Office)
	f.SetValue("Operator", m.settings.Operator)
	if !setup {
		f.SetValue("Township", m.settings.Township)
	}
	for i, v := range sf.villages {
		f.SetValue("village"+strconv.Itoa(i), v.Name)
	}
	for code, fen := range m.settings.DefaultAmountFen {
		f.SetValue("amount."+code, model.FormatYuan(fen))
	}
	if !setup {
		setDutyValues(f, m.duties)
		f.MarkClean()
	}
	w, h := m.contentSize()
	f.SetSize(w, h)
	sf.form = f
	m.settingsF = sf
	m.overlay = ovSettings
	if setup {
		m.overlay = ovSetup
	}
	return nil
}

func (m *Model) settingsKey(msg tea.KeyMsg) tea.Cmd {
	sf := m.settingsF
	if msg.Type == tea.KeyCtrlB && !sf.setup {
		return m.backupNow()
	}
	switch sf.form.Update(msg) {
	case components.ActionCancel:
		if sf.setup {
			return nil // the first run needs its answers (F10 quits)
		}
		if !sf.form.Dirty() {
			m.closeSettings()
			return nil
		}
		m.ask(components.NewDialog(m.t(i18n.DiscardTitle), m.t(i18n.DiscardBody), m.t(i18n.DiscardYes), m.t(i18n.DiscardNo), false),
			func(yes bool) tea.Cmd {
				if yes {
					m.closeSettings()
				}
				return nil
			})
		return nil
	case components.ActionSave:
		return m.saveSettings()
	}
	return nil
}

func (m *Model) closeSettings() {
	m.settingsF = nil
	m.overlay = ovNone
}

// saveSettings checks the form and saves settings (and villages when they changed).
func (m *Model) saveSettings() tea.Cmd {
	sf := m.settingsF
	f := sf.form
	f.ClearErrors()
	f.CheckAll()
	st := model.Settings{
		Office:           strings.TrimSpace(f.Value("Office")),
		Operator:         strings.TrimSpace(f.Value("Operator")),
		Township:         strings.TrimSpace(f.Value("Township")),
		DefaultAmountFen: map[string]int64{},
	}
	if st.Office == "" {
		f.SetError("Office", m.t(i18n.SettingsOfficeRequired))
	}
	if st.Operator == "" {
		f.SetError("Operator", m.t(i18n.SettingsOperatorRequired))
	}
	for _, c := range model.Categories {
		if v := strings.TrimSpace(f.Value("amount." + c.Code)); v != "" && f.Error("amount."+c.Code) == "" {
			fen, _ := model.ParseMoney(v)
			st.DefaultAmountFen[c.Code] = fen
		}
	}
	if sf.setup {
		st.DefaultAmountFen = m.settings.DefaultAmountFen
		st.Township = m.settings.Township
	}
	var villages []model.Village
	changed := false
	seen := map[string]bool{}
	for i, v := range sf.villages {
		key := "village" + strconv.Itoa(i)
		name := strings.TrimSpace(f.Value(key))
		if name != v.Name {
			changed = true
		}
		if name == "" {
			continue
		}
		if seen[name] {
			f.SetError(key, m.t(i18n.SettingsVillageDup, name))
		}
		seen[name] = true
		villages = append(villages, model.Village{ID: v.ID, Name: name})
	}
	duties := dutyValues(f)
	if !sf.setup {
		for _, p := range duties.Validate().Errors {
			f.SetError(dutyField(p.Field), p.Message(m.env.Lang))
		}
	}
	if f.ErrorCount() > 0 {
		f.FocusFirstError()
		return tab.StatusError(m.t(i18n.FormHasErrors, f.ErrorCount()))
	}
	s, ctx := m.env.Store, m.env.Ctx
	if sf.setup {
		return func() tea.Msg { return setupSavedMsg{err: s.SaveSettings(ctx, st)} }
	}
	dutiesChanged := fmtDuties(duties) != fmtDuties(m.duties)
	return func() tea.Msg {
		if err := s.SaveSettings(ctx, st); err != nil {
			return settingsSavedMsg{err: err}
		}
		if dutiesChanged {
			if err := s.SaveDutySettings(ctx, duties); err != nil {
				return settingsSavedMsg{err: err}
			}
		}
		if changed {
			if err := s.SaveVillages(ctx, villages); err != nil {
				return settingsSavedMsg{err: err}
			}
		}
		return settingsSavedMsg{}
	}
}

func (m *Model) onSettingsSaved(msg settingsSavedMsg) tea.Cmd {
	if msg.err != nil {
		m.status = statusLine{text: m.errText(msg.err), err: true}
		return nil
	}
	m.closeSettings()
	m.status = statusLine{text: m.t(i18n.SettingsSaved), undo: true}
	return tea.Batch(m.loadSettings(), m.broadcast(tab.ChangedMsg{From: -1}))
}

// onSetupSaved follows the first-run answers with the demo-data offer on an empty file.
func (m *Model) onSetupSaved(msg setupSavedMsg) tea.Cmd {
	if msg.err != nil {
		m.status = statusLine{text: m.errText(msg.err), err: true}
		return nil
	}
	answers := m.settingsF
	m.closeSettings()
	m.settings.Office = strings.TrimSpace(answers.form.Value("Office"))
	m.settings.Operator = strings.TrimSpace(answers.form.Value("Operator"))
	m.status = statusLine{text: m.t(i18n.SettingsSaved)}
	s, ctx := m.env.Store, m.env.Ctx
	return tea.Batch(m.loadSettings(), func() tea.Msg {
		page, err := s.SearchPeople(ctx, store.PeopleQuery{Limit: 1})
		if err != nil {
			return emptyMsg{err: err}
		}
		units, err := s.ListUnits(ctx, store.UnitQuery{Limit: 1}, 0)
		if err != nil {
			return emptyMsg{err: err}
		}
		villages, err := s.Villages(ctx)
		return emptyMsg{empty: page.Total == 0 && units.Total == 0 && len(villages) == 0, err: err}
	})
}

func (m *Model) onEmpty(msg emptyMsg) tea.Cmd {
	if msg.err != nil || !msg.empty {
		m.firstRun = false
		return m.startBackground()
	}
	m.ask(components.NewDialog(m.t(i18n.SetupDemoTitle), m.t(i18n.SetupDemoBody), m.t(i18n.SetupDemoYes), m.t(i18n.SetupDemoNo), true),
		func(yes bool) tea.Cmd {
			if !yes {
				m.status = statusLine{text: m.t(i18n.SetupEmptyStart)}
				m.firstRun = false
				return m.startBackground()
			}
			m.overlay = ovDemoWorking
			s, ctx, now := m.env.Store, m.env.Ctx, m.env.Now()
			office, operator := m.settings.Office, m.settings.Operator
			opt := demo.Options{People: m.cfg.DemoPeople, Events: m.cfg.DemoEvents, Seed: demo.DefaultSeed, Today: now}
			return func() tea.Msg {
				st, err := demo.Generate(ctx, s, opt)
				if err != nil {
					return demoMsg{err: err}
				}
				// The demo writes its own office and operator: keep the user's answers.
				cur, err := s.Settings(ctx)
				if err == nil {
					cur.Office, cur.Operator = office, operator
					err = s.SaveSettings(ctx, cur)
				}
				return demoMsg{stats: st, err: err}
			}
		})
	return nil
}

func (m *Model) onDemo(msg demoMsg) tea.Cmd {
	m.overlay = ovNone
	m.firstRun = false
	if msg.err != nil {
		m.status = statusLine{text: m.errText(msg.err), err: true}
		return m.startBackground()
	}
	m.status = statusLine{text: m.t(i18n.SetupDemoDone, msg.stats.People, msg.stats.Events)}
	return tea.Batch(m.loadSettings(), m.broadcast(tab.ChangedMsg{From: -1}), m.startBackground())
}
