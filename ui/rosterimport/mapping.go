package rosterimport

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/store/importer"
	"shuangyong/ui/components"
	"shuangyong/ui/i18n"
	"shuangyong/ui/tab"
	"shuangyong/ui/textwidth"
)

// openFile reads the file's header (and sheets) off the event loop; a workbook with
// several sheets asks which one first (sheet "" on the first call), then the columns
// are shown for checking. A problem with the file is shown on the chooser, in Chinese.
func openFile(h Host, path, sheet string, chooser *fileScreen) tea.Cmd {
	st, ctx := h.Env.Store, h.Env.Ctx
	if chooser != nil {
		chooser.err = h.t(i18n.ImpOpening, textwidth.Clean(path))
	}
	return tab.Run(h.Tab, func() func() tea.Cmd {
		src, err := importer.Open(ctx, st, path, sheet)
		return func() tea.Cmd {
			if e, ok := importer.AsError(err); ok && (e.Code != importer.CodeNoName || src == nil) {
				if chooser != nil {
					chooser.err = e.Message(h.Env.Lang)
					return nil
				}
				return tab.StatusError(e.Message(h.Env.Lang))
			} else if err != nil && src == nil {
				if chooser != nil {
					chooser.err = tab.ErrText(h.Env, err)
				}
				return tab.StatusError(tab.ErrText(h.Env, err))
			}
			if chooser != nil {
				chooser.err = ""
			}
			if sheet == "" && len(src.Sheets) > 1 {
				return chooseSheet(h, src)
			}
			return openMapping(h, src)
		}
	})
}

// chooseSheet asks which of a workbook's sheets to import (the first is offered).
func chooseSheet(h Host, src *importer.Source) tea.Cmd {
	var opts []components.Option
	for _, s := range src.Sheets {
		opts = append(opts, components.Option{Value: s, Label: s})
	}
	f := components.NewForm(h.Env.Lang, h.t(i18n.ImpSheetTitle, len(src.Sheets)), []*components.Field{
		{Key: "sheet", Label: h.t(i18n.ImpKey), Kind: components.KindPick, Options: opts},
	})
	f.SetValue("sheet", src.Sheet)
	fs := components.NewFormScreen(h.Env, h.Stack, f)
	fs.Save = func(f *components.Form) tea.Cmd {
		fs.Saved()
		h.Stack.PopTo(fs)
		h.Stack.Pop()
		if f.Value("sheet") == src.Sheet {
			return openMapping(h, src)
		}
		return openFile(h, src.Path, f.Value("sheet"), nil)
	}
	h.Stack.Push(fs)
	return nil
}

// openMapping shows one line per column — its letter, heading and first values — with
// the field it goes to, guessed (or remembered) and changeable; Ctrl+S runs the dry run.
func openMapping(h Host, src *importer.Source) tea.Cmd {
	lang := h.Env.Lang
	opts := []components.Option{{Value: "", Label: h.t(i18n.ImpMapSkip)}}
	for _, fd := range importer.Fields() {
		opts = append(opts, components.Option{Value: string(fd), Label: fd.Label(lang)})
	}
	var fields []*components.Field
	var examples []string // the first values of each column, shown under it
	for _, c := range src.Columns {
		var samples []string
		for _, row := range src.Samples {
			if c.Index < len(row) && strings.TrimSpace(row[c.Index]) != "" && len(samples) < 2 {
				samples = append(samples, row[c.Index])
			}
		}
		fields = append(fields, &components.Field{Key: c.Letter, Label: textwidth.Truncate(textwidth.Clean(c.Letter+" "+c.Header), 24),
			Kind: components.KindPick, Options: opts})
		examples = append(examples, strings.Join(samples, "、"))
	}
	title := h.t(i18n.ImpMapTitle, src.HeaderRow)
	if src.Remembered {
		title += "（" + h.t(i18n.ImpMapRemember) + "）"
	}
	f := components.NewForm(lang, title, fields)
	for i, c := range src.Columns {
		if i < len(src.Mapping) {
			f.SetValue(c.Letter, string(src.Mapping[c.Index]))
		}
	}
	for i, c := range src.Columns {
		if examples[i] != "" {
			f.SetNote(c.Letter, h.t(i18n.ImpExample, textwidth.Clean(examples[i])))
		}
	}
	fs := components.NewFormScreen(h.Env, h.Stack, f)
	mapping := func(f *components.Form) importer.Mapping {
		m := make(importer.Mapping, len(src.Mapping))
		for _, c := range src.Columns {
			for len(m) <= c.Index {
				m = append(m, "")
			}
			m[c.Index] = importer.Field(f.Value(c.Letter))
		}
		return m
	}
	fs.Validate = func(f *components.Form) []model.Problem {
		for _, fd := range mapping(f) {
			if fd == "Name" {
				return nil
			}
		}
		first := ""
		if len(src.Columns) > 0 {
			first = src.Columns[0].Letter
		}
		return []model.Problem{{Field: first, Code: "mapping", Zh: i18n.T(model.Zh, i18n.ImpMapNoName), En: i18n.T(model.En, i18n.ImpMapNoName)}}
	}
	fs.SaveAs(h.t(i18n.KeyImpNext))
	fs.Save = func(f *components.Form) tea.Cmd {
		fs.Saved()
		return openReport(h, src, mapping(f))
	}
	h.Stack.Push(fs)
	return nil
}
