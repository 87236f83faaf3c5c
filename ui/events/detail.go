package events

import (
	"context"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/ui/components"
	"shuangyong/ui/i18n"
	"shuangyong/ui/keys"
	"shuangyong/ui/styles"
	"shuangyong/ui/tab"
	"shuangyong/ui/textwidth"
	"shuangyong/ui/visitedit"
)

// detailScreen shows one event in full: its fields, its units with their roles, its
// counted items, and — as a windowed list, however many there are — the people it reached,
// each visit with its money, goods, need, resolution and follow-up. The event's details
// scroll above the visits (Ctrl+Up/Down); the arrows and PgUp/PgDn move in the visits. An
// event without visits scrolls its details with those keys too.
type detailScreen struct {
	t    *Tab
	id   int64
	from tab.ID

	seq     uint64
	loaded  bool
	failed  string
	row     store.EventRow
	figs    visitFigures
	trashed map[int64]bool // units in the trash
	visits  *components.WindowList
	body    *components.ScrollBody // the details: fields, units, items
}

type visitFigures struct {
	n            int
	money, goods int64
	openNeeds    int
}

type detailMsg struct {
	sc      *detailScreen
	seq     uint64
	ev      model.Event
	trashed map[int64]bool
	figs    visitFigures
	fig     store.EventFigures
	err     error
}

func (detailMsg) Target() tab.ID { return tab.Events }

// hidden cells of a visit row: the person's id, for Ctrl+O.
const visitCellPerson = 0

func newDetail(t *Tab, id int64, from tab.ID) *detailScreen {
	d := &detailScreen{t: t, id: id, from: from, body: components.NewScrollBody(t.env.Lang)}
	// Without visits nothing else moves: the arrows scroll the details as well as
	// Ctrl+Up/Down, and PgUp/PgDn, Home/End are the body's (NewScrollKeys).
	ev, k := t.kEv, t.kDet
	d.body.Keys.LineUp = either(k.Up, ev.InfoUp)
	d.body.Keys.LineDown = either(k.Down, ev.InfoDown)
	return d
}

// either is one binding for the keys of a and b, with a's help.
func either(a, b key.Binding) key.Binding {
	return key.NewBinding(key.WithKeys(append(a.Keys(), b.Keys()...)...), key.WithHelp(a.Help().Key, a.Help().Desc))
}

// scrollOnlyByLines leaves the details Ctrl+Up/Down alone: the arrows, PgUp/PgDn and
// Home/End move in the visits below them.
func (d *detailScreen) scrollOnlyByLines() {
	ev := d.t.kEv
	label := i18n.T(d.t.env.Lang, i18n.EvKeyInfoLabel)
	d.body.Keys = components.ScrollKeys{LineUp: ev.InfoUp, LineDown: ev.InfoDown, UpHint: label, DownHint: label}
}

// load reads the event and its visits' figures; the visits' window follows.
func (d *detailScreen) load() tea.Cmd {
	d.seq++
	seq, id, s, ctx := d.seq, d.id, d.t.env.Store, d.t.env.Ctx
	return func() tea.Msg {
		msg := detailMsg{sc: d, seq: seq}
		msg.ev, msg.err = s.Event(ctx, id)
		if msg.err == nil && msg.ev.DeletedAt != "" {
			msg.err = &store.Error{Kind: store.ErrNotFound}
		}
		if msg.err != nil {
			return msg
		}
		if msg.trashed, msg.err = s.TrashedUnitsOf(ctx, id); msg.err != nil {
			return msg
		}
		f := &msg.figs
		f.n, f.money, f.goods, f.openNeeds, msg.err = s.EventVisitFigures(ctx, id)
		msg.fig = store.EventFigures{Participants: msg.ev.Participants, Military: msg.ev.MilitaryParticipants, MoneyFen: msg.ev.MoneyFen}
		if msg.ev.Type == model.EventVisit {
			msg.fig = store.EventFigures{Participants: int64(f.n), MoneyFen: f.money + f.goods}
		}
		return msg
	}
}

func (d *detailScreen) onLoaded(msg detailMsg) tea.Cmd {
	if msg.seq != d.seq {
		return nil
	}
	if msg.err != nil {
		d.loaded = false
		if store.KindOf(msg.err) == store.ErrNotFound {
			d.failed = d.t.t(i18n.EvGone)
		} else {
			d.failed = d.t.errText(msg.err)
		}
		return nil
	}
	d.failed = ""
	d.row = store.EventRow{Event: msg.ev, Visits: msg.figs.n, Fig: msg.fig}
	d.figs, d.trashed = msg.figs, msg.trashed
	first := !d.loaded
	d.loaded = true
	if d.visits == nil && (msg.ev.Type == model.EventVisit || msg.figs.n > 0) {
		d.scrollOnlyByLines()
		d.visits = components.NewWindowList(d.t.env.Ctx, tab.Events, d.visitColumns())
		d.visits.SetSize(d.layout())
		return d.visits.SetQuery(d.fetchVisits())
	}
	if d.visits != nil && !first {
		return d.visits.Refresh()
	}
	return nil
}

func (d *detailScreen) visitColumns() []components.Column {
	t := d.t
	return []components.Column{
		{Title: t.t(i18n.EvVisColName), Min: 6, Max: 10, Grow: 1, Keep: 10},
		{Title: t.t(i18n.EvVisColDate), Min: 10, Keep: 6},
		{Title: t.t(i18n.EvVisColMode), Min: 8, Keep: 1},
		{Title: t.t(i18n.EvVisColMoney), Min: 10, Right: true, Keep: 9}, // 123,456.00 whole at 80 columns
		{Title: t.t(i18n.EvVisColGoods), Min: 6, Max: 16, Grow: 1, Keep: 3},
		{Title: t.t(i18n.EvVisColNeed), Min: 12, Grow: 2, Keep: 8},
		{Title: t.t(i18n.EvVisColResolved), Min: 10, Grow: 2, Keep: 7},
		{Title: t.t(i18n.EvVisColFollowUp), Min: 10, Keep: 2},
		{Title: t.t(i18n.EvVisColSigned), Min: 4, Keep: 5},
	}
}

func (d *detailScreen) fetchVisits() components.Fetch {
	s, id, lang := d.t.env.Store, d.id, d.t.env.Lang
	open, signed := d.t.t(i18n.EvVisOpen), d.t.t(i18n.EvVisSignedYes)
	return func(ctx context.Context, off, limit int) (components.Page, error) {
		rows, total, err := s.VisitsOfEvent(ctx, id, off, limit)
		if err != nil {
			return components.Page{}, err
		}
		p := components.Page{Offset: off, Total: total, IDs: make([]int64, len(rows)), Rows: make([][]string, len(rows))}
		for i, r := range rows {
			p.IDs[i] = r.ID
			goods := r.Goods
			if r.GoodsValueFen > 0 {
				goods = strings.TrimSpace(goods + " " + model.FormatYuan(r.GoodsValueFen))
			}
			resolved := r.Resolution
			if r.NeedOpen() {
				resolved = open
			} else if r.ResolvedOn != "" {
				resolved = strings.TrimSpace(r.Resolution + " " + r.ResolvedOn)
			}
			sg := ""
			if r.Signed {
				sg = signed
			}
			cells := []string{r.PersonName, r.Date, model.VisitModes.Label(r.Mode, lang), model.FormatMoney(r.MoneyFen), goods,
				r.Need, resolved, r.FollowUpOn, sg}
			for j := range cells {
				cells[j] = textwidth.Clean(cells[j])
			}
			p.Rows[i] = append(cells, strconv.FormatInt(r.PersonID, 10))
		}
		return p, nil
	}
}

// layout is the visits' table size (width, and height with its header).
func (d *detailScreen) layout() (int, int) {
	w, h := d.t.stack.Size()
	return w, d.visitsHeight(h)
}

// visitsHeight is the visits' table height (with its header): what the visits need, up to
// half the screen.
func (d *detailScreen) visitsHeight(h int) int {
	if d.visits == nil {
		return 0
	}
	body := h - 2
	want := max(d.figs.n+1, 3)
	return min(want, max(body/2, 6), max(body-4, 2))
}

func (d *detailScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case detailMsg:
		if msg.sc == d {
			return d.onLoaded(msg)
		}
	case components.PageMsg:
		if d.visits == nil {
			return nil
		}
		cmd, took, err := d.visits.OnPage(msg)
		if !took {
			return nil
		}
		if err != nil {
			return tea.Batch(cmd, tab.StatusError(d.t.errText(err)))
		}
		return tea.Batch(cmd, d.visits.Replay(d.key, nil))
	case tab.SizeMsg:
		if d.visits != nil {
			return d.visits.SetSize(d.layout())
		}
	case tab.ChangedMsg:
		if msg.Touches(tab.KindEvent, tab.KindVisit, tab.KindUnit, tab.KindPerson) {
			return d.load()
		}
	case tea.KeyMsg:
		return d.key(msg)
	}
	return nil
}

func (d *detailScreen) back() tea.Cmd {
	d.t.stack.PopTo(d)
	d.t.stack.Pop()
	if d.from != tab.Events && d.from >= 0 && d.from < tab.Count {
		return tab.Back(d.from)
	}
	return nil
}

func (d *detailScreen) key(msg tea.KeyMsg) tea.Cmd {
	k, ev := d.t.kDet, d.t.kEv
	if key.Matches(msg, k.Back) {
		return d.back()
	}
	if !d.loaded {
		return nil
	}
	if d.body.Update(msg) {
		return nil
	}
	switch {
	case key.Matches(msg, k.History):
		return d.t.openHistory(d.id, d.row.Title)
	case key.Matches(msg, d.t.campaignKey()):
		return d.t.onCampaignKey(d.id)
	case key.Matches(msg, ev.OpenUnit):
		switch len(d.row.Units) {
		case 0:
			return nil
		case 1:
			return tab.Open(tab.Events, tab.KindUnit, d.row.Units[0].UnitID)
		}
		d.t.stack.Push(newUnitPick(d.t, d.row.Units))
		return nil
	case key.Matches(msg, k.Edit):
		if cmd := d.t.refuseWrite(); cmd != nil {
			return cmd
		}
		return d.t.editEvent(d.id)
	case key.Matches(msg, k.Trash) && !d.onVisits():
		if cmd := d.t.refuseWrite(); cmd != nil {
			return cmd
		}
		return d.t.askTrash(d.id, d.row.Title, d.row.Date, d.figs.n)
	}
	if d.visits == nil {
		return nil
	}
	kl := d.t.kList
	switch {
	case key.Matches(msg, kl.Up):
		return d.visits.Move(-1)
	case key.Matches(msg, kl.Down):
		return d.visits.Move(1)
	case key.Matches(msg, kl.PageUp):
		return d.visits.Page(-1)
	case key.Matches(msg, kl.PageDown) || msg.String() == " ":
		return d.visits.Page(1)
	case key.Matches(msg, kl.Home):
		return d.visits.Home()
	case key.Matches(msg, kl.End):
		return d.visits.End()
	case key.Matches(msg, ev.OpenVisit), key.Matches(msg, ev.OpenPerson), key.Matches(msg, ev.TrashVisit):
		if !d.visits.Current() {
			d.visits.Defer(msg) // replayed through key: Delete then finds whether there are visits
			return nil
		}
		id, cells, ok := d.visits.Selected()
		if !ok {
			return nil
		}
		o := visitedit.Options{Env: d.t.env, Host: tab.Events, Stack: d.t.stack, VisitID: id, ReadOnly: d.t.readOnly}
		switch {
		case key.Matches(msg, ev.OpenPerson):
			pid, _ := strconv.ParseInt(cells[len(cells)-1-visitCellPerson], 10, 64)
			return tab.Open(tab.Events, tab.KindPerson, pid)
		case key.Matches(msg, ev.TrashVisit):
			return visitedit.AskTrash(o)
		}
		sc, cmd := visitedit.Open(o)
		d.t.stack.Push(sc)
		return cmd
	}
	return nil
}

// onVisits reports that the cursor is on the event's visits (or may be, while they are
// read): Delete there trashes the visit under it, as Delete trashes the row under the
// cursor everywhere. Only an event with no visit to point at is trashed from its detail;
// one with visits is trashed from the list.
func (d *detailScreen) onVisits() bool {
	return d.visits != nil && !(d.visits.Loaded() && d.visits.Table.Total() == 0)
}

// docLines are the event's details: its fields, units and items.
func (d *detailScreen) docLines(w int) []string {
	t := d.t
	lang := t.env.Lang
	r := &d.row
	fs := t.fields()
	// Fields that do not apply to the type are left out; a visit round says where its
	// figures come from.
	var shown []components.KV
	for i := range fs {
		def := &fs[i]
		if def.Hidden {
			continue
		}
		if def.Get(r) == "" && !typedFigures[def.Key] {
			continue // a detail shows what is recorded
		}
		kv := components.KV{Label: def.Label, Long: def.Long}
		if def.Show != nil {
			kv.Value = def.Show(r)
		} else {
			kv.Value = def.Get(r)
			for _, o := range def.Options {
				if o.Value == kv.Value && def.Kind == components.KindPick {
					kv.Value = o.Label
				}
			}
		}
		visit := r.Type == model.EventVisit
		switch {
		case campaignOnly[def.Key] && !visit:
			continue
		case def.Key == "MilitaryParticipants" && visit:
			continue
		case def.Key == "MoneyFen" && visit:
			continue
		case def.Key == "Participants" && visit:
			kv = components.KV{Label: t.t(i18n.EvLabelFromVisit), Value: t.t(i18n.EvDetFromVisits, d.figs.n, model.FormatMoney(d.figs.money+d.figs.goods)), Long: true}
		}
		shown = append(shown, kv)
	}
	lines := components.Section(t.t(i18n.EvDetBasic), w)[1:]
	lines = append(lines, components.KVLines(shown, w)...)

	lines = append(lines, components.Section(t.t(i18n.EvDetUnits, len(r.Units)), w)...)
	if len(r.Units) == 0 {
		lines = append(lines, "  "+styles.Dim.Render(t.t(i18n.EvDetUnitsNone)))
	}
	// A long name goes on under itself rather than off the edge, taking a quantity with it.
	hang := func(lead, text string) []string {
		ls := textwidth.Wrap(text, max(w-textwidth.Width(lead), 10))
		pad := strings.Repeat(" ", textwidth.Width(lead))
		for i := range ls {
			if i == 0 {
				ls[i] = lead + ls[i]
			} else {
				ls[i] = pad + ls[i]
			}
		}
		return ls
	}
	for _, u := range r.Units {
		role := textwidth.Fit(model.UnitRoles.Label(u.Role, lang), 10)
		ls := hang("  "+role+" ", textwidth.Clean(u.Name))
		if d.trashed[u.UnitID] {
			ls[len(ls)-1] += styles.Dim.Render(t.t(i18n.EvDetUnitTrashed))
		}
		lines = append(lines, ls...)
	}
	lines = append(lines, components.Section(t.t(i18n.EvDetItems, len(r.Items)), w)...)
	if len(r.Items) == 0 {
		lines = append(lines, "  "+styles.Dim.Render(t.t(i18n.EvDetItemsNone)))
	}
	// A breakdown (其中) follows its parent, indented: 「接收军转干部 21 名 / 其中 男同志 18 名」.
	item := func(it model.Item) string {
		return textwidth.Clean(it.Name) + " " + strconv.FormatInt(it.Quantity, 10) + " " + textwidth.Clean(it.Unit)
	}
	for i, it := range r.Items {
		if it.Parent > 0 && it.Parent <= len(r.Items) && it.Parent != i+1 {
			continue // listed under its parent
		}
		lines = append(lines, hang("  ", item(it))...)
		for _, sub := range r.Items {
			if sub.Parent == i+1 {
				lines = append(lines, hang("    "+t.t(i18n.EvDetOfWhich)+" ", item(sub))...)
			}
		}
	}
	return lines
}

// View draws the title, the details and the visits: exactly w x h.
func (d *detailScreen) View(w, h int) string {
	t := d.t
	if !d.loaded {
		text := t.t(i18n.EvDetLoading)
		if d.failed != "" {
			text = d.failed
		}
		return components.Notice(w, h, t.t(i18n.TabEvents), text)
	}
	r := &d.row
	title := r.Title
	if title == "" {
		title = model.EventTypes.Label(r.Type, t.env.Lang)
	}
	right := r.Date
	if r.EndDate != "" && r.EndDate != r.Date {
		right += " - " + r.EndDate
	}
	tw := max(w-textwidth.Width(right)-2, 1)
	lines := []string{styles.Accent.Render(textwidth.Fit(" "+t.t(i18n.EvDetTitle, textwidth.Clean(title)), tw)) + " " + right + " ",
		styles.Dim.Render(strings.Repeat("-", w))}
	visH := d.visitsHeight(h)
	room := h - 2
	var head []string
	if d.visits != nil {
		f := d.figs
		head = clauseLines(t.t(i18n.EvDetVisits, f.n, model.FormatMoney(f.money), model.FormatMoney(f.goods), f.openNeeds), w-1)
		room -= visH + len(head)
	}
	d.body.SetLines(d.docLines(w))
	if room > 0 {
		lines = append(lines, strings.Split(d.body.View(w, room), "\n")...)
	}
	if d.visits != nil {
		for _, l := range head {
			lines = append(lines, styles.Accent.Render(textwidth.Fit(" "+l, w)))
		}
		d.visits.Table.SetSize(w, visH)
		if d.visits.Table.Total() == 0 && d.visits.Loaded() {
			d.visits.Table.Empty = []string{styles.Dim.Render(t.t(i18n.EvDetVisitsNone))}
		}
		lines = append(lines, strings.Split(d.visits.Table.View(), "\n")...)
	}
	return textwidth.Block(lines, w, h)
}

func (d *detailScreen) ShortHelp() []key.Binding {
	k, ev := d.t.kDet, d.t.kEv
	var out []key.Binding
	switch {
	case !d.loaded:
		return []key.Binding{k.Back}
	case d.onVisits():
		// What goes at 80 columns is last: 到军属页看此人 and the scrolling of the details
		// (which the "下面还有" line names).
		out = []key.Binding{k.Back, ev.OpenVisit, ev.TrashVisit, k.Edit, ev.OpenPerson, ev.InfoUp}
	case d.visits != nil:
		out = []key.Binding{k.Back, k.Edit, k.Trash, ev.InfoUp}
	default:
		out = []key.Binding{k.Back, k.Up, k.Edit, k.Trash}
	}
	if len(d.row.Units) > 0 {
		out = append(out, ev.OpenUnit)
	}
	return out
}

func (d *detailScreen) Help() []keys.Group {
	b := append(d.ShortHelp(), d.body.Bindings()...)
	if d.loaded && d.row.Type == model.EventVisit { // F5: its roster, or one made for it
		b = append(b, d.t.campaignKey())
	}
	return []keys.Group{{Title: d.t.t(i18n.GroupDetail), Bindings: keys.Dedupe(b)}}
}

func (d *detailScreen) Modal() bool  { return false }
func (d *detailScreen) Dirty() bool  { return false }
func (d *detailScreen) Typing() bool { return false }

// clauseLines breaks a line of figures ("共 2154 人次，慰问金 819,720.00 元，...") into lines
// of at most w cells between its clauses, so that a narrow window shows every figure with
// its words instead of cutting the last ones off. A clause wider than w is cut.
func clauseLines(s string, w int) []string {
	if textwidth.Width(s) <= w {
		return []string{s}
	}
	var lines []string
	cur := ""
	for rest := s; rest != ""; {
		clause := rest
		if i := clauseEnd(rest); i >= 0 {
			clause, rest = rest[:i], rest[i:]
		} else {
			rest = ""
		}
		if cur != "" && textwidth.Width(strings.TrimRight(cur+clause, " ")) > w {
			lines = append(lines, textwidth.Truncate(strings.TrimRight(cur, " "), w))
			cur = strings.TrimLeft(clause, " ")
			continue
		}
		cur += clause
	}
	return append(lines, textwidth.Truncate(cur, w))
}

// clauseEnd is the byte offset just after the first clause mark of s — "，" or "；", or
// "," or ";" and a space (the comma in 819,720.00 is none) — or -1.
func clauseEnd(s string) int {
	for i, r := range s {
		switch r {
		case '，', '；':
			return i + utf8.RuneLen(r)
		case ',', ';':
			if strings.HasPrefix(s[i+1:], " ") {
				return i + 2
			}
		}
	}
	return -1
}
