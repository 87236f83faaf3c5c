package families

import (
	"shuangyong/ui/components"
	"shuangyong/ui/visitedit"
)

// Test helpers naming the screen on top of the tab's stack.

type mode int

const (
	modeList mode = iota
	modeDetail
	modePersonForm
	modeVisitForm
	modeFilter
	modeOther
)

// mode is the kind of the screen on top.
func (m *Model) mode() mode {
	switch m.stack.Top().(type) {
	case *listScreen:
		return modeList
	case *detailScreen:
		return modeDetail
	case *personForm:
		return modePersonForm
	case *visitForm:
		return modeVisitForm
	case *filterPanel:
		return modeFilter
	}
	return modeOther
}

func (m *Model) pform() *personForm {
	f, _ := m.stack.Top().(*personForm)
	return f
}

func (m *Model) vform() *visitForm {
	f, _ := m.stack.Top().(*visitForm)
	return f
}

func (m *Model) panel() *filterPanel {
	p, _ := m.stack.Top().(*filterPanel)
	return p
}

// visitEditorForm is the form of the visit editor on top.
func (hs *harness) visitEditorForm() *components.Form {
	sc, ok := hs.m.stack.Top().(*visitedit.Screen)
	if !ok {
		hs.t.Fatalf("top is %T, not the visit editor", hs.m.stack.Top())
	}
	return sc.Form()
}
