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
	"path/filepath"
	"strings"
	"time"

	"github.com/mattn/go-runewidth"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/store/demo"
	"shuangyong/store/sheet"
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

func (c *cli) demo(args []string) int {
	fs := c.flags("demo")
	opt := demo.Options{Today: time.Now()}
	fs.IntVar(&opt.People, "people", demo.DefaultPeople, "people")
	fs.IntVar(&opt.Events, "events", demo.DefaultEvents, "events and visits")
	fs.Int64Var(&opt.Seed, "seed", demo.DefaultSeed, "seed")
	pos, err := parse(fs, args)
	if err != nil {
		return c.usageError(err)
	}
	if len(pos) > 0 {
		return c.fail(c.t(i18n.CLIBadFlag, strings.Join(pos, " ")))
	}
	s, err := c.open(store.Options{CacheKiB: 256 * 1024})
	if err != nil {
		return c.failErr(err)
	}
	defer s.Close()
	last := -1
	opt.Progress = func(done, total int) {
		if total <= 0 {
			return
		}
		if pct := done * 100 / total; pct/10 != last/10 {
			last = pct
			fmt.Fprintf(c.stderr, "\r%s", c.t(i18n.CLIDemoProgress, pct))
		}
	}
	st, err := demo.Generate(c.ctx, s, opt)
	if last >= 0 {
		fmt.Fprintln(c.stderr)
	}
	if errors.Is(err, demo.ErrNotEmpty) {
		return c.fail(c.t(i18n.CLIDemoNotEmpty, s.Path()))
	}
	if errors.Is(err, demo.ErrOptions) {
		return c.fail(c.t(i18n.CLIDemoBadOptions, demo.MaxPeople, demo.MaxEvents, opt.People, opt.Events))
	}
	if err != nil {
		return c.failErr(err)
	}
	fmt.Fprintln(c.stdout, c.t(i18n.CLIDemoDone, st.Villages, st.Units, st.People, st.Households, st.Events, st.Visits,
		st.Elapsed.Seconds(), s.Path()))
	return 0
}

func (c *cli) check(args []string) int {
	fs := c.flags("check")
	if _, err := parse(fs, args); err != nil {
		return c.usageError(err)
	}
	s, err := c.open(store.Options{ReadOnly: true})
	if err != nil {
		return c.failErr(err)
	}
	defer s.Close()
	r, err := s.Check(c.ctx)
	if err != nil {
		return c.failErr(err)
	}
	fmt.Fprintln(c.stdout, c.t(i18n.CLICheckHeader, s.Path(), r.SchemaVersion, r.JournalMode))
	names := map[string]i18n.Key{store.EntPerson: i18n.EntPeople, store.EntUnit: i18n.EntUnits,
		store.EntPairing: i18n.EntPairings, store.EntEvent: i18n.EntEvents, store.EntVisit: i18n.EntVisits,
		store.EntVillage: i18n.EntVillages, store.EntHousehold: i18n.EntHouseholds, "history": i18n.EntHistory}
	for _, n := range r.Counts {
		// Pad the label by display width: Chinese characters take two columns.
		label := c.t(names[n.Entity])
		label += strings.Repeat(" ", max(0, 12-runewidth.StringWidth(label)))
		if n.Entity == "history" {
			fmt.Fprintln(c.stdout, c.t(i18n.CLICheckHistory, label, n.Live))
			continue
		}
		fmt.Fprintln(c.stdout, c.t(i18n.CLICheckCounts, label, n.Live, n.Trashed))
	}
	if !r.OK {
		detail := strings.Join(r.Problems[:min(3, len(r.Problems))], "; ")
		backup := store.NewestGoodBackup(c.ctx, s.Path())
		hint := c.t(i18n.ErrDamagedNoBackup, s.Path())
		if backup != "" {
			hint = c.t(i18n.ErrDamaged, s.Path(), backup)
		}
		return c.fail(c.t(i18n.CLICheckFailed, s.Path(), detail, hint))
	}
	fmt.Fprintln(c.stdout, c.t(i18n.CLICheckOK))
	return 0
}

func (c *cli) backup(args []string) int {
	fs := c.flags("backup")
	pos, err := parse(fs, args)
	if err != nil {
		return c.usageError(err)
	}
	dir := ""
	if len(pos) > 0 {
		dir = pos[0]
	}
	s, err := c.open(store.Options{})
	if err != nil {
		return c.failErr(err)
	}
	defer s.Close()
	path, err := s.Backup(c.ctx, dir)
	if err != nil {
		return c.failErr(err)
	}
	fmt.Fprintln(c.stdout, c.t(i18n.CLIBackupDone, path))
	return 0
}

func (c *cli) restore(args []string) int {
	fs := c.flags("restore")
	pos, err := parse(fs, args)
	if err != nil {
		return c.usageError(err)
	}
	if len(pos) != 1 {
		example := filepath.Join(store.BackupDir(c.db), "shuangyong-20260101-090000.db")
		return c.fail(c.t(i18n.CLIRestoreArg, example))
	}
	kept, err := store.Restore(c.ctx, c.db, pos[0])
	if err != nil {
		if store.KindOf(err) == store.ErrDamaged || store.KindOf(err) == store.ErrNotDatabase {
			return c.fail(c.t(i18n.CLIRestoreBad, pos[0], err))
		}
		return c.failErr(err)
	}
	fmt.Fprintln(c.stdout, c.t(i18n.CLIRestoreDone, pos[0], kept))
	return 0
}

func (c *cli) export(args []string) int {
	fs := c.flags("export")
	opt := sheet.Options{}
	fs.IntVar(&opt.Year, "year", 0, "year")
	fs.StringVar(&opt.Format, "format", "", "xlsx|csv|text")
	fs.BoolVar(&opt.Public, "public", false, "公示版")
	fs.StringVar(&opt.Table, "table", "", "table for csv")
	fs.StringVar(&opt.Path, "o", "", "output file")
	pos, err := parse(fs, args)
	if err != nil {
		return c.usageError(err)
	}
	switch {
	case len(pos) > 0:
		return c.fail(c.t(i18n.CLIBadFlag, strings.Join(pos, " ")))
	case opt.Year == 0:
		return c.fail(c.t(i18n.CLIYearRequired))
	case opt.Year < 1900 || opt.Year > 9999:
		return c.fail(c.t(i18n.CLIBadYear, opt.Year))
	case opt.Path == "":
		return c.fail(c.t(i18n.CLIOutRequired))
	case opt.Format != "" && opt.Format != sheet.FormatXLSX && opt.Format != sheet.FormatCSV && opt.Format != sheet.FormatText:
		return c.fail(c.t(i18n.CLIBadFormat, opt.Format))
	}
	if opt.Table != "" {
		known := false
		var keys []string
		for _, t := range sheet.Tables() {
			known = known || t.Key == opt.Table
			keys = append(keys, t.Key)
		}
		if !known {
			return c.fail(c.t(i18n.CLIBadTable, opt.Table, strings.Join(keys, ", ")))
		}
	}
	s, err := c.open(store.Options{})
	if err != nil {
		return c.failErr(err)
	}
	defer s.Close()
	if err := sheet.Export(c.ctx, s, opt); err != nil {
		return c.failErr(err)
	}
	abs, _ := filepath.Abs(opt.Path)
	fmt.Fprintln(c.stdout, c.t(i18n.CLIExportDone, opt.Year, abs))
	return 0
}
