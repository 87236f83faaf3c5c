// Package ui runs the full-screen program: one Bubble Tea program for the whole session,
// on the alternate screen, with surrogate halves merged before any model sees them.
package ui

import (
	"context"
	"errors"
	"io/fs"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/ui/app"
	"shuangyong/ui/memlimit"
	"shuangyong/ui/tab"
	"shuangyong/ui/textwidth"
)

// Options choose the language and name the version.
type Options struct {
	Lang    model.Lang
	Version string
}

// Run shows the program on the terminal until the user quits. Nothing is printed while it
// runs; an error is returned for the caller to print after the screen is restored.
func Run(ctx context.Context, s *store.Store, opt Options) error {
	textwidth.Configure()
	memlimit.Set()
	env := tab.Env{Ctx: ctx, Store: s, Lang: opt.Lang, Now: time.Now}
	root := app.New(env, app.Config{Version: opt.Version})
	// No WithInputTTY (Windows would lose resize events) and no mouse: the keyboard does
	// everything and the terminal keeps its own text selection.
	p := tea.NewProgram(root,
		tea.WithAltScreen(),
		tea.WithContext(ctx),
		tea.WithFilter(MergeSurrogates()),
		// A frame is drawn at most every 1/FPS s after a change: at the default 60 a typed
		// character waited up to 17 ms for its rows to be drawn; 120 is the most Bubble Tea
		// allows. Frames are only drawn when the view changed.
		tea.WithFPS(120),
	)
	_, err := p.Run()
	if err == tea.ErrProgramKilled && ctx.Err() != nil {
		return nil
	}
	if IsNoTerminal(err) {
		return ErrNoTerminal
	}
	return err
}

// ErrNoTerminal: the program was started where there is no terminal to draw on or read
// keys from (a scheduled task, a service, a pipe).
var ErrNoTerminal = errors.New("no terminal")

// IsNoTerminal recognises Bubble Tea's failure to open the terminal for keys when standard
// input is not one: it opens /dev/tty (CONIN$ on Windows) and wraps that error.
func IsNoTerminal(err error) bool {
	var pe *fs.PathError
	return errors.As(err, &pe) && (pe.Path == "/dev/tty" || pe.Path == "CONIN$")
}
