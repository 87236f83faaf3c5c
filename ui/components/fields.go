package components

import (
	"strings"

	"shuangyong/model"
	"shuangyong/ui/styles"
	"shuangyong/ui/textwidth"
)

// FieldDef is one field of a record kind, written once and read by the kind's list
// columns, its detail and its form (and by anything else that lists the record's
// fields), instead of a switch on field names in each of them. Key is the model's field
// name, so a validation problem (model.Problem.Field) lands under the form field it is
// about.
type FieldDef[T any] struct {
	Key         string
	Label       string
	Kind        Kind // KindText, KindPick, KindMulti or KindFixed
	Options     []Option
	Max         int
	Placeholder string
	Check       func(string) (string, string)
	// Get is the form's value (codes for picks, joined by commas for multi-picks).
	Get func(r *T) string
	// Show is the detail's and the list's text; nil shows Get, or the picked option's label.
	Show func(r *T) string
	// Cell is the list's text where it differs from the detail's (a masked number).
	Cell func(r *T) string
	// Set writes the form's value back; nil leaves the field out of the form.
	Set func(r *T, v string)
	// Long values take the detail's full width, wrapped.
	Long bool
	// Column places the field in the list; nil keeps it out.
	Column *Column
	// Hidden leaves the field out of the detail (e.g. shown in its own section).
	Hidden bool
	// Visible hides the field in the form while it returns false (fields that apply to
	// some categories only); a hidden field is not applied back: the record keeps its value.
	Visible func(f *Form) bool
}

// Fields is a record kind's field table, in display order.
type Fields[T any] []FieldDef[T]

// text is what the detail and the list show for a field.
func (d *FieldDef[T]) text(r *T) string {
	if d.Show != nil {
		return d.Show(r)
	}
	v := d.Get(r)
	switch d.Kind {
	case KindPick:
		for _, o := range d.Options {
			if o.Value == v {
				return o.Label
			}
		}
	case KindMulti:
		var labels []string
		for _, code := range strings.Split(v, ",") {
			for _, o := range d.Options {
				if o.Value == code && code != "" {
					labels = append(labels, o.Label)
				}
			}
		}
		return strings.Join(labels, "、")
	}
	return v
}

// Form makes a form for r: one field per definition that has a Set.
func (fs Fields[T]) Form(lang model.Lang, title string, r *T) *Form {
	var fields []*Field
	for i := range fs {
		d := &fs[i]
		if d.Set == nil {
			continue
		}
		fields = append(fields, &Field{Key: d.Key, Label: d.Label, Kind: d.Kind, Options: d.Options,
			Max: d.Max, Placeholder: d.Placeholder, Check: d.Check, Visible: d.Visible})
	}
	f := NewForm(lang, title, fields)
	for i := range fs {
		if fs[i].Set != nil {
			f.SetValue(fs[i].Key, fs[i].Get(r))
		}
	}
	return f
}

// Apply writes the form's values into r (a field the form hides keeps r's value).
func (fs Fields[T]) Apply(f *Form, r *T) {
	for i := range fs {
		d := &fs[i]
		if d.Set == nil || d.Visible != nil && !d.Visible(f) {
			continue
		}
		d.Set(r, f.Value(d.Key))
	}
}

// Value is the form value of r's field key ("" for a key the table does not have).
func (fs Fields[T]) Value(key string, r *T) string {
	for i := range fs {
		if fs[i].Key == key {
			return fs[i].Get(r)
		}
	}
	return ""
}

// ShowProblems puts each validation problem under its field and returns the messages of
// problems no field of the form shows (to go in the status line).
func ShowProblems(f *Form, ps []model.Problem, lang model.Lang) []string {
	var rest []string
	for _, p := range ps {
		if f.Field(p.Field) != nil {
			f.SetError(p.Field, p.Message(lang))
		} else {
			rest = append(rest, p.Message(lang))
		}
	}
	return rest
}

// Detail lists the label and text of every field shown in a detail.
func (fs Fields[T]) Detail(r *T) []KV {
	var out []KV
	for i := range fs {
		if !fs[i].Hidden {
			out = append(out, KV{Label: fs[i].Label, Value: fs[i].text(r), Long: fs[i].Long})
		}
	}
	return out
}

// Columns are the list columns of the fields placed in the list.
func (fs Fields[T]) Columns() []Column {
	var out []Column
	for i := range fs {
		if c := fs[i].Column; c != nil {
			col := *c
			if col.Title == "" {
				col.Title = fs[i].Label
			}
			out = append(out, col)
		}
	}
	return out
}

// Cells are r's cells for those columns, cleaned for display. A list builds them for
// every row of every page: one slice, sized at once, and the texts.
func (fs Fields[T]) Cells(r *T) []string {
	out := make([]string, 0, len(fs))
	for i := range fs {
		switch {
		case fs[i].Column == nil:
		case fs[i].Cell != nil:
			out = append(out, textwidth.Clean(fs[i].Cell(r)))
		default:
			out = append(out, textwidth.Clean(fs[i].text(r)))
		}
	}
	return out
}

// EnumOptions turns an enumeration into pick-list options in lang, with a blank first
// choice when blank is not "" (its label, e.g. 「（未填）」).
func EnumOptions(e model.Enum, lang model.Lang, blank string) []Option {
	var out []Option
	if blank != "" {
		out = append(out, Option{Value: "", Label: blank})
	}
	for _, o := range e {
		out = append(out, Option{Value: o.Code, Label: o.Label(lang)})
	}
	return out
}

// KV is one label and value of a detail.
type KV struct {
	Label, Value string
	Long         bool // wraps over the full width
}

// KVLines lays out label/value pairs: short ones in a grid (two columns when the window
// is wide), long ones over the full width, wrapped.
func KVLines(items []KV, w int) []string {
	const lw = 14
	cols := 1
	if w >= 100 {
		cols = 2
	}
	colW := (w - 2) / cols
	var out []string
	var row []string
	flush := func() {
		if len(row) > 0 {
			out = append(out, "  "+strings.Join(row, ""))
			row = nil
		}
	}
	for _, it := range items {
		label := textwidth.Fit(textwidth.Clean(it.Label), lw)
		val := textwidth.Clean(it.Value)
		if it.Long {
			flush()
			vw := max(w-lw-4, 10)
			wrapped := textwidth.Wrap(val, vw)
			if len(wrapped) == 0 {
				wrapped = []string{""}
			}
			for i, l := range wrapped {
				if i == 0 {
					out = append(out, "  "+styles.Dim.Render(label)+" "+l)
				} else {
					out = append(out, "  "+strings.Repeat(" ", lw+1)+l)
				}
			}
			continue
		}
		cell := styles.Dim.Render(label) + " " + textwidth.Fit(val, max(colW-lw-2, 4)) + " "
		row = append(row, cell)
		if len(row) == cols {
			flush()
		}
	}
	flush()
	return out
}

// Section is a detail's section title: a blank line, then the title in the accent colour.
func Section(title string, w int) []string {
	return []string{"", styles.Accent.Render(textwidth.Fit(textwidth.Clean(title), w))}
}
