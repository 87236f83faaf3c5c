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

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/ui"
	"shuangyong/ui/i18n"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}

// cli carries what every command shares.
type cli struct {
	ctx    context.Context
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

func (c *cli) failErr(err error) int { return c.fail(i18n.Error(c.ctx, c.lang, err)) }

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
		return c.fail(c.t(i18n.CLINotYet, cmd))
	}
	return c.fail(c.t(i18n.CLIUnknownCommand, cmd))
}

func (c *cli) usageError(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(c.stdout, c.t(i18n.CLIUsage, store.DefaultPath()))
		fmt.Fprintln(c.stdout, c.exportTables())
		return 0
	}
	return c.fail(c.t(i18n.CLIBadFlag, err))
}

func (c *cli) open(opt store.Options) (*store.Store, error) {
	return store.Open(c.ctx, c.db, opt)
}

func (c *cli) tui() int {
	s, err := c.open(store.Options{})
	if err != nil {
		return c.failErr(err)
	}
	defer s.Close()
	if err := ui.Run(c.ctx, s, ui.Options{Lang: c.lang, Version: version}); err != nil {
		return c.failErr(err)
	}
	return 0
}
