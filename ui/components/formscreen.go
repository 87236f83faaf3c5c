package components

import (
	"errors"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/ui/i18n"
	"shuangyong/ui/keys"
	"shuangyong/ui/tab"
)

// FormScreen is a form on a tab's stack: Enter moves on, Ctrl+S checks every field and
// then saves, Esc asks before throwing edits away. What saving means is the owner's
// (Save); the owner calls Saved or Failed with the store's answer.
type FormScreen struct {
	Form  *Form
	Env   tab.Env
	Stack *Stack
	// Validate checks the record the form makes (model validation) and returns its
	// problems; nil means none. It runs before Save.
	Validate func(f *Form) []model.Problem
	// Save starts the save (a tea.Cmd calling the store).
	Save func(f *Form) tea.Cmd
	// Closed runs after the form was left without saving (Esc).
	Closed func() tea.Cmd

	keys   keys.Form
	saving bool
}

// NewFormScreen makes a form screen on stack.
func NewFormScreen(env tab.Env, stack *Stack, f *Form) *FormScreen {
	return &FormScreen{Form: f, Env: env, Stack: stack, keys: keys.NewForm(env.Lang)}
}

func (s *FormScreen) t(k i18n.Key, args ...any) string { return i18n.T(s.Env.Lang, k, args...) }

// Update handles keys (results of the save are the owner's).
func (s *FormScreen) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyMsg)
	if !ok || s.saving {
		return nil
	}
	switch s.Form.Update(k) {
	case ActionCancel:
		if !s.Form.Dirty() {
			return s.close()
		}
		s.Stack.Ask(NewDialog(s.t(i18n.DiscardTitle), s.t(i18n.DiscardBody), s.t(i18n.DiscardYes), s.t(i18n.DiscardNo), false),
			func(yes bool) tea.Cmd {
				if !yes {
					return nil
				}
				return s.close()
			})
	case ActionSave:
		return s.trySave()
	}
	return nil
}

func (s *FormScreen) close() tea.Cmd {
	s.Stack.PopTo(s)
	s.Stack.Pop()
	if s.Closed != nil {
		return s.Closed()
	}
	return nil
}

func (s *FormScreen) trySave() tea.Cmd {
	f := s.Form
	f.ClearErrors()
	f.CheckAll()
	var ps []model.Problem
	if s.Validate != nil {
		ps = s.Validate(f)
	}
	if f.ErrorCount() > 0 || len(ps) > 0 {
		return s.problems(ps)
	}
	s.saving = true
	return s.Save(f)
}

// problems shows each problem at its field and says how many there are.
func (s *FormScreen) problems(ps []model.Problem) tea.Cmd {
	var stray []string
	for _, p := range ps {
		switch {
		case s.Form.Field(p.Field) == nil:
			stray = append(stray, s.t(i18n.FormOtherProblem, model.FieldLabel(p.Field, s.Env.Lang), p.Message(s.Env.Lang)))
		case s.Form.Error(p.Field) == "":
			s.Form.SetError(p.Field, p.Message(s.Env.Lang))
		}
	}
	s.Form.FocusFirstError()
	if len(stray) > 0 {
		return tab.StatusError(strings.Join(stray, "; "))
	}
	return tab.StatusError(s.t(i18n.FormHasErrors, max(s.Form.ErrorCount(), 1)))
}

// Failed takes a refused save: validation problems go to their fields, anything else to
// the status line; the form stays open with what was typed.
func (s *FormScreen) Failed(err error) tea.Cmd {
	s.saving = false
	var ve *store.ValidationError
	if errors.As(err, &ve) {
		return s.problems(ve.Problems.Errors)
	}
	return tab.StatusError(tab.ErrText(s.Env, err))
}

// Saved marks the form clean after a save; the owner then pops or replaces it.
func (s *FormScreen) Saved() {
	s.saving = false
	s.Form.MarkClean()
}

func (s *FormScreen) View(w, h int) string {
	s.Form.SetSize(w, h)
	return s.Form.View()
}

// SaveAs names what Ctrl+S does when it is not saving (a form that checks, or goes on).
func (s *FormScreen) SaveAs(desc string) { s.keys.Save.SetHelp("Ctrl+S", desc) }

func (s *FormScreen) ShortHelp() []key.Binding { return s.keys.Short() }
func (s *FormScreen) Help() []keys.Group {
	return []keys.Group{{Title: s.t(i18n.GroupForm), Bindings: keys.Dedupe(s.keys.Full())}}
}
func (s *FormScreen) Modal() bool  { return true }
func (s *FormScreen) Dirty() bool  { return s.Form.Dirty() }
func (s *FormScreen) Typing() bool { return s.Form.Typing() }

// Resume lets the form be edited again after a save was held back (a question asked
// before it, such as possible duplicates).
func (s *FormScreen) Resume() { s.saving = false }

// SaveNow saves without checking again (the user answered the question that held it).
func (s *FormScreen) SaveNow() tea.Cmd {
	s.saving = true
	return s.Save(s.Form)
}
