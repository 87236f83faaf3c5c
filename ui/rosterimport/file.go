// Package rosterimport is the import of an Excel or WPS roster (SPEC W5) on screen, from
// the 军属 tab: choose the file (folders and .xlsx/.csv names completed), the sheet, check
// what each column holds, read the dry run's report row by row (filtered by reason),
// choose what to do with people already in the ledger and with rejected rows, and import
// — all or nothing, one change that Ctrl+Z takes back. The work is store/importer's; these
// are its screens on the host tab's stack.
package rosterimport

import (
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/ui/components"
	"shuangyong/ui/i18n"
	"shuangyong/ui/keys"
	"shuangyong/ui/styles"
	"shuangyong/ui/tab"
	"shuangyong/ui/textwidth"
)

// Host is what the screens need of the tab that holds them.
type Host struct {
	Env   tab.Env
	Tab   tab.ID
	Stack *components.Stack
	// Done runs after an import was committed (the tab reloads its list).
	Done func() tea.Cmd
}

func (h Host) t(k i18n.Key, args ...any) string { return i18n.T(h.Env.Lang, k, args...) }

// Start opens the file chooser in the Documents folder (or the data file's).
func Start(h Host) tea.Cmd {
	f := &fileScreen{h: h}
	f.input.Max = 400
	f.keys = fileKeys{
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("Enter", h.t(i18n.KeyImpOpen))),
		Complete: key.NewBinding(key.WithKeys("tab"), key.WithHelp("Tab", h.t(i18n.KeyImpComplete))),
		Up:       key.NewBinding(key.WithKeys("up", "down"), key.WithHelp(h.t(i18n.LabelUpDown), h.t(i18n.KeyMove))),
		Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("Esc", h.t(i18n.KeyCancel))),
	}
	h.Stack.Push(f)
	dataPath := h.Env.Store.Path()
	return tab.Run(h.Tab, func() func() tea.Cmd {
		dir := components.ExportDir(dataPath) + string(filepath.Separator)
		return func() tea.Cmd {
			if f.input.Value() == "" {
				f.input.SetValue(dir)
			}
			return f.list()
		}
	})
}

type fileKeys struct{ Open, Complete, Up, Back key.Binding }

// fileScreen is a path box over the entries of the folder it names that can be chosen:
// folders, .xlsx and .csv files.
type fileScreen struct {
	h       Host
	input   components.Input
	entries []string // names in the folder, folders ending in the separator
	cursor  int
	seq     uint64
	err     string
	keys    fileKeys
}

// list reads the folder the typed path is in, off the event loop.
func (f *fileScreen) list() tea.Cmd {
	f.seq++
	seq := f.seq
	dir, prefix := filepath.Split(f.input.Value())
	return tab.Run(f.h.Tab, func() func() tea.Cmd {
		names := readDir(dir, prefix)
		return func() tea.Cmd {
			if seq == f.seq {
				f.entries, f.cursor = names, 0
			}
			return nil
		}
	})
}

// readDir lists the folders and rosters in dir whose names start with prefix (case
// ignored), folders first.
func readDir(dir, prefix string) []string {
	if dir == "" {
		dir = "."
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var dirs, files []string
	lp := strings.ToLower(prefix)
	for _, e := range ents {
		name := e.Name()
		if strings.HasPrefix(name, ".") || !strings.HasPrefix(strings.ToLower(name), lp) {
			continue
		}
		if e.IsDir() {
			dirs = append(dirs, name+string(filepath.Separator))
			continue
		}
		switch strings.ToLower(filepath.Ext(name)) {
		case ".xlsx", ".csv", ".xlsm":
			files = append(files, name)
		}
	}
	sort.Strings(dirs)
	sort.Strings(files)
	return append(dirs, files...)
}

func (f *fileScreen) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	switch k.String() {
	case "esc":
		f.h.Stack.PopTo(f)
		f.h.Stack.Pop()
		return nil
	case "up":
		f.cursor = max(f.cursor-1, 0)
		return nil
	case "down":
		f.cursor = min(f.cursor+1, max(len(f.entries)-1, 0))
		return nil
	case "tab":
		if f.cursor < len(f.entries) {
			dir, _ := filepath.Split(f.input.Value())
			f.input.SetValue(dir + f.entries[f.cursor])
			return f.list()
		}
		return nil
	case "enter":
		path := f.input.Value()
		if fi, err := os.Stat(path); err == nil && fi.IsDir() || strings.HasSuffix(path, string(filepath.Separator)) {
			if f.cursor < len(f.entries) {
				dir, _ := filepath.Split(path)
				f.input.SetValue(dir + f.entries[f.cursor])
				if !strings.HasSuffix(f.entries[f.cursor], string(filepath.Separator)) {
					return openFile(f.h, f.input.Value(), "", f)
				}
				return f.list()
			}
			return nil
		}
		return openFile(f.h, path, "", f)
	}
	if changed, _ := f.input.Update(k); changed {
		f.err = ""
		return f.list()
	}
	return nil
}

func (f *fileScreen) View(w, h int) string {
	lines := []string{styles.Bold.Render(textwidth.Fit(" "+f.h.t(i18n.ImpFileTitle), w)), ""}
	label := " " + f.h.t(i18n.ImpFileLabel) + " "
	lines = append(lines, label+f.input.View(w-textwidth.Width(label)-1, true, ""))
	hint := f.err
	if hint == "" {
		hint = f.h.t(i18n.ImpFileHint)
		lines = append(lines, styles.Dim.Render(textwidth.Fit(" "+hint, w)), "")
	} else {
		lines = append(lines, styles.Error.Render(textwidth.Fit(" "+hint, w)), "")
	}
	room := h - len(lines)
	top := max(0, f.cursor-room+1)
	if len(f.entries) == 0 {
		lines = append(lines, styles.Dim.Render(textwidth.Fit("   "+f.h.t(i18n.ImpFileNone), w)))
	}
	for i := top; i < len(f.entries) && i < top+room; i++ {
		name := textwidth.Clean(f.entries[i])
		if strings.HasSuffix(name, string(filepath.Separator)) {
			name += " " + f.h.t(i18n.ImpFolder)
		}
		line := textwidth.Fit("   "+name, w)
		if i == f.cursor {
			line = styles.Selected.Render(">" + line[1:])
		}
		lines = append(lines, line)
	}
	return textwidth.Block(lines, w, h)
}

func (f *fileScreen) ShortHelp() []key.Binding {
	return []key.Binding{f.keys.Open, f.keys.Complete, f.keys.Up, f.keys.Back}
}
func (f *fileScreen) Help() []keys.Group {
	return []keys.Group{{Title: f.h.t(i18n.ImpKey), Bindings: f.ShortHelp()}}
}

// Modal: the path box keeps Tab (completion) and Esc.
func (f *fileScreen) Modal() bool  { return true }
func (f *fileScreen) Dirty() bool  { return false }
func (f *fileScreen) Typing() bool { return true }
