// Command shuangyong is 双拥台账: an offline ledger of the units, military families and
// 双拥 events a township works with, and the yearly tally it reports. With no command it
// opens the full-screen program; the commands below serve scripts and first runs.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/term"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/ui"
	"shuangyong/ui/i18n"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	// Ctrl+C, and Ctrl+Break or closing the console on Windows, cancel the command: an
	// export or backup removes its temporary file and says it was interrupted, the program
	// closes the file properly. A second Ctrl+C kills as usual.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop()
	}()
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// cli carries what every command shares.
type cli struct {
	ctx    context.Context
	cmd    string // the command being run; "" for the full-screen program
	db     string
	lang   model.Lang
	stdout io.Writer
	stderr io.Writer
}

// fail prints one clear line on stderr and returns the exit status.
func (c *cli) fail(msg string) int {
	fmt.Fprintln(c.stderr, msg)
	return 1
}

func (c *cli) failErr(err error) int {
	if se := (*store.Error)(nil); errors.As(err, &se) && se.Kind == store.ErrInUse {
		// The file is most often busy because the program is open on it: say how to do
		// the same from there.
		if key, ok := busyHints[c.cmd]; ok {
			return c.fail(c.t(key, se.Path))
		}
	}
	return c.fail(i18n.Error(c.ctx, c.lang, err))
}

var busyHints = map[string]i18n.Key{
	"backup": i18n.CLIBusyBackup, "export": i18n.CLIBusyExport, "check": i18n.CLIBusyCheck,
	"restore": i18n.CLIBusyRestore, "demo": i18n.CLIBusyDemo,
}

func (c *cli) t(key i18n.Key, args ...any) string { return i18n.T(c.lang, key, args...) }

// flags makes a flag set with the options every command takes.
func (c *cli) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&c.db, "db", c.db, "data file")
	fs.Func("lang", "zh|en", func(s string) error {
		l, ok := i18n.Parse(s)
		if !ok {
			return errors.New(c.t(i18n.CLIBadLang, s))
		}
		c.lang = l
		return nil
	})
	return fs
}

// parse parses flags wherever they stand among the positional arguments
// (`import FILE --dry-run` as well as `import --dry-run FILE`).
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	c := &cli{ctx: ctx, db: store.DefaultPath(), stdout: stdout, stderr: stderr}
	if l, ok := i18n.Parse(os.Getenv("SHUANGYONG_LANG")); ok {
		c.lang = l
	}
	// Options before the command apply to it too: shuangyong --db x.db check.
	global := c.flags("shuangyong")
	if err := global.Parse(args); err != nil {
		return c.usageError(err)
	}
	args = global.Args()
	if len(args) == 0 {
		return c.tui()
	}
	cmd, rest := args[0], args[1:]
	c.cmd = cmd
	switch cmd {
	case "version", "--version", "-v":
		fmt.Fprintln(c.stdout, c.t(i18n.CLIVersion, version, store.SchemaVersion()))
		return 0
	case "help", "-h", "--help":
		fmt.Fprintln(c.stdout, c.t(i18n.CLIUsage, store.DefaultPath()))
		fmt.Fprintln(c.stdout, c.exportTables()) // every --table, with its sheet
		return 0
	case "demo":
		return c.demo(rest)
	case "check":
		return c.check(rest)
	case "backup":
		return c.backup(rest)
	case "restore":
		return c.restore(rest)
	case "export":
		return c.export(rest)
	case "import":
		return c.importRoster(rest)
	}
	return c.fail(c.t(i18n.CLIUnknownCommand, cmd))
}

func (c *cli) usageError(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(c.stdout, c.t(i18n.CLIUsage, store.DefaultPath()))
		fmt.Fprintln(c.stdout, c.exportTables())
		return 0
	}
	return c.fail(c.flagMessage(err))
}

// flagMessage says in the user's language what the flag package reports in English.
// Its messages are fixed strings: "flag needs an argument: -db", "invalid value "abc"
// for flag -year: parse error", "flag provided but not defined: -x".
func (c *cli) flagMessage(err error) string {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return c.t(i18n.CLIFlagNeedsValue, name)
	}
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return c.t(i18n.CLIFlagUnknown, name)
	}
	if rest, ok := strings.CutPrefix(msg, "invalid value "); ok {
		if value, flagAndWhy, ok := strings.Cut(rest, " for flag "); ok {
			name, why, _ := strings.Cut(flagAndWhy, ": ")
			if name == "-lang" || name == "--lang" {
				return why // already in the catalogue (CLIBadLang)
			}
			return c.t(i18n.CLIFlagBadValue, name, strings.Trim(value, `"`))
		}
	}
	if strings.HasPrefix(msg, "bad flag syntax: ") {
		return c.t(i18n.CLIFlagUnknown, strings.TrimPrefix(msg, "bad flag syntax: "))
	}
	return c.t(i18n.CLIBadFlag, msg)
}

// open opens the data file as the command may (SPEC.md §8): only the program itself and
// demo make a new ledger — a mistyped --db must not create one —, and commands that
// report from the file or copy it prove the whole of it sound before anything else.
func (c *cli) open(opt store.Options) (*store.Store, error) {
	switch c.cmd {
	case "export", "backup":
		opt.MustExist = true
		if opt.Verify == store.VerifyFirstScreen {
			opt.Verify = store.VerifyFull
		}
	case "check":
		opt.MustExist = true
	}
	// An older file is checked whole and upgraded before the first screen or figure:
	// say so, or seconds of an empty window look like a hang.
	opt.Upgrading = func() { fmt.Fprintln(c.stderr, c.t(i18n.CLIUpgrading)) }
	return store.Open(c.ctx, c.db, opt)
}

func (c *cli) tui() int {
	// The screen is drawn on standard output: into a file or a pipe it would be a page of
	// escape sequences, and whoever started it there wants the commands instead. Asked
	// before the file is opened, so no ledger is made where no one can see it.
	if !isTerminal(c.stdout) {
		return c.fail(c.t(i18n.CLINoTerminal))
	}
	s, err := c.open(store.Options{})
	if err != nil {
		return c.failErr(err)
	}
	defer s.Close()
	err = ui.Run(c.ctx, s, ui.Options{Lang: c.lang, Version: version})
	if errors.Is(err, ui.ErrNoTerminal) {
		return c.fail(c.t(i18n.CLINoTerminal))
	}
	if c.ctx.Err() != nil || errors.Is(err, tea.ErrInterrupted) || errors.Is(err, tea.ErrProgramKilled) {
		// Ctrl+Break on Windows, Ctrl+C from outside: a quit, not a failure of ours. The
		// deferred Close still writes everything out.
		fmt.Fprintln(c.stderr, c.t(i18n.CLIInterrupted))
		return 130
	}
	if err != nil {
		return c.failErr(err)
	}
	return 0
}

// isTerminal reports whether w is a console rather than a file or a pipe.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}
