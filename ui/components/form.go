package components

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/ui/i18n"
	"shuangyong/ui/styles"
	"shuangyong/ui/textwidth"
)

// Kind is the kind of a form field.
type Kind int

const (
	KindText    Kind = iota // free text, dates, money, numbers (Check says which)
	KindPick                // one of Options
	KindMulti               // several of Options
	KindFixed               // shown, not editable
	KindHeading             // a section title over the fields that follow
)

// Option is one choice of a pick-list: the stored value and its label.
type Option struct {
	Value string
	Label string
}

// MoneyCheck is the Check of an amount field in 元, for lang's messages: it reads what
// model.ParseMoney reads and writes it back plainly ("1,200" → "1200", "0.5万" → "5000").
func MoneyCheck(lang model.Lang) func(string) (string, string) {
	return func(s string) (string, string) {
		fen, err := model.ParseMoney(s)
		if err != nil {
			return s, model.AsProblem(err, "").Message(lang)
		}
		if strings.TrimSpace(s) == "" {
			return "", ""
		}
		return model.FormatYuan(fen), ""
	}
}

// Field is one line of a form.
type Field struct {
	Key         string
	Label       string
	Kind        Kind
	Options     []Option
	Placeholder string // shown dimmed in an empty text field (e.g. 2026-11-29)
	// Check validates and normalises a text field's value when focus leaves it (and before
	// saving): it returns the normalised text and a message, "" when the value is fine.
	Check func(string) (string, string)
	// Visible hides the field when it returns false (fields that apply to some categories).
	Visible func(f *Form) bool
	// NoneLabel is what a multi-pick shows with nothing chosen, where that means "all"
	// (村（社区） 全部) rather than （未选）.
	NoneLabel string
	Max       int // length limit of a text field, in runes

	input Input
	pick  int
	multi []bool
	mcur  int
	find  string
	err   string
	note  string
}

// Action is what a key asks of the form's owner.
type Action int

const (
	ActionNone   Action = iota
	ActionSave          // Ctrl+S
	ActionCancel        // Esc
)

// Form is a list of fields edited one at a time. Enter, Tab and Down go to the next field
// (a pasted line break never saves), Shift+Tab and Up to the previous; Ctrl+S asks to
// save and Esc to cancel, both decided by the owner. Each text field is checked as focus
// leaves it, with the message shown under it.
type Form struct {
	Title  string
	Fields []*Field
	// OnLeave runs after a field lost focus (and was checked): cross-field effects such as
	// filling the birth date from the ID number, or notes about what is still missing.
	OnLeave func(f *Form, key string)
	// OnChange runs after a key changed a field's value (live hints; checks wait for
	// OnLeave so that nobody is scolded mid-word).
	OnChange func(f *Form, key string)
	// Foot is a line kept on the form's last row whatever is scrolled: what the fields
	// add up to (a campaign's roster count), which must stay in sight while they change.
	Foot string

	lang          model.Lang
	focus         int
	top           int
	width, height int
	dirty         bool
}

// NewForm makes a form; focus starts on the first visible field.
func NewForm(lang model.Lang, title string, fields []*Field) *Form {
	f := &Form{Title: title, Fields: fields, lang: lang}
	for _, fl := range fields {
		if fl.Kind == KindMulti {
			fl.multi = make([]bool, len(fl.Options))
		}
		fl.input.Max = fl.Max
	}
	f.focus = f.nextVisible(-1, 1)
	return f
}

// SetSize sets the form's size in cells.
func (f *Form) SetSize(w, h int) { f.width, f.height = w, h }

// Field returns the field with key, or nil.
func (f *Form) Field(key string) *Field {
	for _, fl := range f.Fields {
		if fl.Key == key {
			return fl
		}
	}
	return nil
}

// Value is a field's value: the text, the picked option's value, or the ticked values
// joined with commas.
func (f *Form) Value(key string) string {
	fl := f.Field(key)
	if fl == nil {
		return ""
	}
	switch fl.Kind {
	case KindPick:
		if fl.pick >= 0 && fl.pick < len(fl.Options) {
			return fl.Options[fl.pick].Value
		}
		return ""
	case KindMulti:
		return strings.Join(f.Values(key), ",")
	}
	return fl.input.Value()
}

// Values lists the ticked values of a multi-pick field, in option order.
func (f *Form) Values(key string) []string {
	fl := f.Field(key)
	if fl == nil || fl.Kind != KindMulti {
		return nil
	}
	var out []string
	for i, on := range fl.multi {
		if on {
			out = append(out, fl.Options[i].Value)
		}
	}
	return out
}

// SetValue sets a text field's text or selects a pick field's option by value. It does
// not make the form dirty (it is how a form is filled before editing).
func (f *Form) SetValue(key, v string) {
	fl := f.Field(key)
	if fl == nil {
		return
	}
	switch fl.Kind {
	case KindPick:
		for i, o := range fl.Options {
			if o.Value == v {
				fl.pick = i
				return
			}
		}
	case KindMulti:
		f.SetValues(key, strings.Split(v, ","))
	default:
		fl.input.SetValue(v)
	}
}

// SetValues ticks exactly the given values of a multi-pick field.
func (f *Form) SetValues(key string, vs []string) {
	fl := f.Field(key)
	if fl == nil || fl.Kind != KindMulti {
		return
	}
	for i, o := range fl.Options {
		fl.multi[i] = false
		for _, v := range vs {
			if v == o.Value {
				fl.multi[i] = true
			}
		}
	}
}

// SetError puts a message under a field ("" clears it). A field whose typed or pasted
// text was cut at its length limit keeps saying so.
func (f *Form) SetError(key, msg string) {
	if fl := f.Field(key); fl != nil {
		fl.err = msg
		if fl.Kind == KindText && fl.input.Tried > 0 {
			fl.err = strings.TrimPrefix(msg+"；"+f.cutMessage(fl), "；")
		}
	}
}

// cutMessage says that a field's text was cut: how long it was, how much was kept.
func (f *Form) cutMessage(fl *Field) string {
	return i18n.T(f.lang, i18n.FormCut, fl.input.Tried, fl.Max)
}

// Error is the message under a field.
func (f *Form) Error(key string) string {
	if fl := f.Field(key); fl != nil {
		return fl.err
	}
	return ""
}

// SetNote puts a hint under a field (待补充…), shown when there is no error.
func (f *Form) SetNote(key, msg string) {
	if fl := f.Field(key); fl != nil {
		fl.note = msg
	}
}

// ClearNotes removes every hint.
func (f *Form) ClearNotes() {
	for _, fl := range f.Fields {
		fl.note = ""
	}
}

// ClearErrors removes every message.
func (f *Form) ClearErrors() {
	for _, fl := range f.Fields {
		fl.err = ""
	}
}

// ErrorCount counts fields with a message (visible ones).
func (f *Form) ErrorCount() int {
	n := 0
	for _, fl := range f.Fields {
		if fl.err != "" && f.visible(fl) {
			n++
		}
	}
	return n
}

// Focused is the key of the focused field.
func (f *Form) Focused() string {
	if f.focus >= 0 && f.focus < len(f.Fields) {
		return f.Fields[f.focus].Key
	}
	return ""
}

// Focus moves the focus to a field (without checking the one left).
func (f *Form) Focus(key string) {
	for i, fl := range f.Fields {
		if fl.Key == key && f.visible(fl) && fl.Kind != KindFixed && fl.Kind != KindHeading {
			f.focus = i
			return
		}
	}
}

// FocusFirstError moves the focus to the first field with a message; it reports whether
// there was one.
func (f *Form) FocusFirstError() bool {
	for i, fl := range f.Fields {
		if fl.err != "" && f.visible(fl) {
			f.focus = i
			return true
		}
	}
	return false
}

// Dirty reports edits since the form was filled or last saved.
func (f *Form) Dirty() bool { return f.dirty }

// MarkClean forgets the edits (after a save).
func (f *Form) MarkClean() { f.dirty = false }

// Typing reports whether the focused field takes free text.
func (f *Form) Typing() bool {
	if f.focus < 0 || f.focus >= len(f.Fields) {
		return false
	}
	return f.Fields[f.focus].Kind == KindText
}

func (f *Form) visible(fl *Field) bool { return fl.Visible == nil || fl.Visible(f) }

func (f *Form) nextVisible(from, dir int) int {
	for i := from + dir; i >= 0 && i < len(f.Fields); i += dir {
		if fl := f.Fields[i]; f.visible(fl) && fl.Kind != KindFixed && fl.Kind != KindHeading {
			return i
		}
	}
	if from >= 0 && from < len(f.Fields) {
		return from
	}
	return 0
}

// check runs a text field's Check, storing the normalised value and the message.
func (f *Form) check(fl *Field) {
	if fl.Kind != KindText || fl.Check == nil {
		return
	}
	v := fl.input.Value()
	norm, msg := fl.Check(v)
	f.SetError(fl.Key, msg)
	if msg == "" && norm != v {
		fl.input.SetValue(norm)
	}
}

// leave checks the focused field and runs OnLeave.
func (f *Form) leave() {
	if f.focus < 0 || f.focus >= len(f.Fields) {
		return
	}
	fl := f.Fields[f.focus]
	f.check(fl)
	fl.find = ""
	if f.OnLeave != nil {
		f.OnLeave(f, fl.Key)
	}
}

// CheckAll checks every visible text field (before a save) and returns how many have a
// message.
func (f *Form) CheckAll() int {
	f.leave()
	for _, fl := range f.Fields {
		if f.visible(fl) {
			f.check(fl)
		}
	}
	return f.ErrorCount()
}

// Update handles a key and says what the owner should do.
func (f *Form) Update(msg tea.KeyMsg) Action {
	switch msg.String() {
	case "ctrl+s":
		f.leave()
		return ActionSave
	case "esc":
		return ActionCancel
	case "enter", "tab", "down", "ctrl+n":
		f.leave()
		f.focus = f.nextVisible(f.focus, 1)
		return ActionNone
	case "shift+tab", "up", "ctrl+p":
		f.leave()
		f.focus = f.nextVisible(f.focus, -1)
		return ActionNone
	case "pgdown", "pgup":
		f.leave()
		dir := 1
		if msg.String() == "pgup" {
			dir = -1
		}
		for i := 0; i < 8; i++ {
			f.focus = f.nextVisible(f.focus, dir)
		}
		return ActionNone
	}
	if f.focus < 0 || f.focus >= len(f.Fields) {
		return ActionNone
	}
	fl := f.Fields[f.focus]
	before := f.Value(fl.Key)
	switch fl.Kind {
	case KindText:
		if changed, _ := fl.input.Update(msg); changed {
			f.dirty = true
			fl.err = ""
			if fl.input.Tried > 0 && fl.input.Len() < fl.Max {
				fl.input.Tried = 0 // shortened by hand since: nothing is cut any more
			}
		}
		if fl.input.Tried > 0 {
			fl.err = f.cutMessage(fl)
		}
	case KindPick:
		f.updatePick(fl, msg)
	case KindMulti:
		f.updateMulti(fl, msg)
	}
	if f.OnChange != nil && f.Value(fl.Key) != before {
		f.OnChange(f, fl.Key)
	}
	return ActionNone
}

func isSpaceKey(msg tea.KeyMsg) bool {
	if msg.Type == tea.KeySpace {
		return true
	}
	return msg.Type == tea.KeyRunes && len(msg.Runes) == 1 && (msg.Runes[0] == ' ' || msg.Runes[0] == '\u3000')
}

func findOption(opts []Option, find string, from int) int {
	find = strings.ToLower(find)
	n := len(opts)
	for k := 0; k < n; k++ {
		i := (from + k) % n
		if find != "" && strings.Contains(strings.ToLower(opts[i].Label), find) {
			return i
		}
	}
	return -1
}

func (f *Form) updatePick(fl *Field, msg tea.KeyMsg) {
	n := len(fl.Options)
	if n == 0 {
		return
	}
	switch {
	case msg.Type == tea.KeyRight:
		fl.pick = (fl.pick + 1) % n
		fl.find = ""
	case msg.Type == tea.KeyLeft:
		fl.pick = (fl.pick - 1 + n) % n
		fl.find = ""
	case msg.Type == tea.KeyHome:
		fl.pick = 0
	case msg.Type == tea.KeyEnd:
		fl.pick = n - 1
	case msg.Type == tea.KeyBackspace:
		if fl.find != "" {
			r := []rune(fl.find)
			fl.find = string(r[:len(r)-1])
		}
		return
	case msg.Type == tea.KeyRunes && !isSpaceKey(msg):
		fl.find += string(msg.Runes)
		if i := findOption(fl.Options, fl.find, 0); i >= 0 {
			fl.pick = i
		} else {
			fl.find = string(msg.Runes) // start again with what was just typed
			if i := findOption(fl.Options, fl.find, 0); i >= 0 {
				fl.pick = i
			}
		}
	default:
		return
	}
	f.dirty = true
	fl.err = ""
}

func (f *Form) updateMulti(fl *Field, msg tea.KeyMsg) {
	n := len(fl.Options)
	if n == 0 {
		return
	}
	switch {
	case isSpaceKey(msg):
		fl.multi[fl.mcur] = !fl.multi[fl.mcur]
		f.dirty = true
		fl.err = ""
	case msg.Type == tea.KeyRight:
		fl.mcur = (fl.mcur + 1) % n
		fl.find = ""
	case msg.Type == tea.KeyLeft:
		fl.mcur = (fl.mcur - 1 + n) % n
		fl.find = ""
	case msg.Type == tea.KeyBackspace:
		if fl.find != "" {
			r := []rune(fl.find)
			fl.find = string(r[:len(r)-1])
		}
	case msg.Type == tea.KeyRunes:
		fl.find += string(msg.Runes)
		if i := findOption(fl.Options, fl.find, 0); i >= 0 {
			fl.mcur = i
		} else {
			fl.find = string(msg.Runes)
			if i := findOption(fl.Options, fl.find, 0); i >= 0 {
				fl.mcur = i
			}
		}
	}
}

// labelWidth is the width of the label column.
func (f *Form) labelWidth() int {
	w := 4
	for _, fl := range f.Fields {
		w = max(w, textwidth.Width(fl.Label))
	}
	return min(w, 16, max(f.width/4, 8))
}

// fieldLines renders one field: its first line, continuation lines, then its message.
func (f *Form) fieldLines(fl *Field, focused bool) []string {
	lw := f.labelWidth()
	vw := max(f.width-lw-3, 4)
	indent := strings.Repeat(" ", lw+3)
	marker := "  "
	label := textwidth.Fit(fl.Label, lw)
	if focused {
		marker = "> "
		label = styles.Focused.Render(label)
	}
	head := marker + label + " "
	var lines []string
	switch fl.Kind {
	case KindHeading:
		out := []string{""}
		for _, l := range textwidth.Wrap(textwidth.Clean(fl.Label), f.width-2) {
			out = append(out, " "+styles.Accent.Render(textwidth.Fit(l, f.width-1)))
		}
		if fl.Placeholder != "" {
			for _, l := range textwidth.Wrap(textwidth.Clean(fl.Placeholder), f.width-2) {
				out = append(out, " "+styles.Dim.Render(textwidth.Fit(l, f.width-1)))
			}
		}
		return out
	case KindText:
		lines = append(lines, head+fl.input.View(vw, focused, fl.Placeholder))
	case KindFixed:
		v := fl.input.Value()
		if v == "" && len(fl.Options) > 0 {
			v = fl.Options[0].Label
		}
		lines = append(lines, head+styles.Dim.Render(textwidth.Fit(textwidth.Clean(v)+" "+i18n.T(f.lang, i18n.FormFixed), vw)))
	case KindPick:
		label := ""
		if fl.pick >= 0 && fl.pick < len(fl.Options) {
			label = textwidth.Clean(fl.Options[fl.pick].Label)
		}
		if focused {
			box := "< " + label + " >"
			hint := fl.find
			if hint == "" {
				hint = i18n.T(f.lang, i18n.FormPickHint)
			}
			room := vw - textwidth.Width(box) - 2
			line := styles.Cursor.Render(textwidth.Truncate(box, vw))
			if room > 4 {
				line += "  " + styles.Dim.Render(textwidth.Fit(hint, room))
			}
			lines = append(lines, head+textwidth.FitStyled(line, vw))
		} else {
			lines = append(lines, head+textwidth.Fit(label, vw))
		}
	case KindMulti:
		if !focused {
			var picked []string
			for i, on := range fl.multi {
				if on {
					picked = append(picked, fl.Options[i].Label)
				}
			}
			v := i18n.JoinList(f.lang, picked)
			if v == "" {
				none := fl.NoneLabel
				if none == "" {
					none = i18n.T(f.lang, i18n.FormNoneChosen)
				}
				v = styles.Dim.Render(textwidth.Fit(none, vw))
			} else {
				v = textwidth.Cell(v, vw)
			}
			lines = append(lines, head+v)
			break
		}
		// Chips wrapped over as many lines as needed.
		var rows []string
		var cur strings.Builder
		curW := 0
		for i, o := range fl.Options {
			box := "[ ]"
			if fl.multi[i] {
				box = "[x]"
			}
			chip := textwidth.Truncate(box+textwidth.Clean(o.Label), vw)
			cw := textwidth.Width(chip)
			if curW > 0 && curW+2+cw > vw {
				rows = append(rows, cur.String())
				cur.Reset()
				curW = 0
			}
			if curW > 0 {
				cur.WriteString("  ")
				curW += 2
			}
			if i == fl.mcur {
				cur.WriteString(styles.Cursor.Render(chip))
			} else {
				cur.WriteString(chip)
			}
			curW += cw
		}
		if cur.Len() > 0 {
			rows = append(rows, cur.String())
		}
		for i, r := range rows {
			if i == 0 {
				lines = append(lines, head+textwidth.FitStyled(r, vw))
			} else {
				lines = append(lines, indent+textwidth.FitStyled(r, vw))
			}
		}
		hint := i18n.T(f.lang, i18n.FormMultiHint)
		if fl.find != "" {
			hint = fl.find
		}
		lines = append(lines, indent+styles.Dim.Render(textwidth.Fit(hint, vw)))
	}
	switch {
	case fl.err != "":
		for _, l := range textwidth.Wrap("! "+textwidth.Clean(fl.err), vw) {
			lines = append(lines, indent+styles.Error.Render(textwidth.Fit(l, vw)))
		}
	case fl.note != "":
		for _, l := range textwidth.Wrap(textwidth.Clean(fl.note), vw) {
			lines = append(lines, indent+styles.Warn.Render(textwidth.Fit(l, vw)))
		}
	}
	return lines
}

// View draws the form: a title line, a rule, and the fields scrolled so that the focused
// one is in view. Exactly width x height.
func (f *Form) View() string {
	if f.width <= 0 || f.height <= 0 {
		return ""
	}
	var body []string
	start, end := 0, 0
	visibleN, focusN := 0, 0
	for i, fl := range f.Fields {
		if !f.visible(fl) {
			continue
		}
		if fl.Kind != KindFixed && fl.Kind != KindHeading {
			visibleN++
			if i <= f.focus {
				focusN = visibleN
			}
		}
		ls := f.fieldLines(fl, i == f.focus)
		if i == f.focus {
			start, end = len(body), len(body)+len(ls)
		}
		body = append(body, ls...)
	}
	bodyH := max(f.height-2, 1)
	if f.Foot != "" {
		bodyH = max(f.height-3, 1)
	}
	if start < f.top {
		f.top = start
	}
	if end > f.top+bodyH {
		f.top = end - bodyH
	}
	if f.top > max(len(body)-bodyH, 0) {
		f.top = max(len(body)-bodyH, 0)
	}
	if f.top < 0 {
		f.top = 0
	}
	pos := i18n.T(f.lang, i18n.FormFieldOf, focusN, visibleN)
	titleW := max(f.width-textwidth.Width(pos)-2, 1)
	title := styles.Accent.Render(textwidth.Fit(" "+textwidth.Clean(f.Title), titleW)) + " " + styles.Dim.Render(pos) + " "
	lines := []string{title, styles.Dim.Render(strings.Repeat("-", f.width))}
	lines = append(lines, body[min(f.top, len(body)):min(f.top+bodyH, len(body))]...)
	if f.Foot != "" {
		for len(lines) < f.height-1 {
			lines = append(lines, "")
		}
		lines = append(lines, styles.Bold.Render(textwidth.Fit(" "+f.Foot, f.width)))
	}
	return textwidth.Block(lines, f.width, f.height)
}
