// The demo command: fill an empty ledger with realistic data.

package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"shuangyong/store"
	"shuangyong/store/demo"
	"shuangyong/ui/i18n"
)

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
	// A refused demo (bad options, a full disk, Ctrl+C) leaves no new file behind.
	path, _ := filepath.Abs(c.db)
	_, statErr := os.Stat(path)
	isNew := errors.Is(statErr, os.ErrNotExist)
	s, err := c.open(store.Options{CacheKiB: 256 * 1024})
	if err != nil {
		return c.failErr(err)
	}
	ok := false
	defer func() {
		s.Close()
		if isNew && !ok {
			for _, ext := range []string{"", "-wal", "-journal"} {
				os.Remove(path + ext)
			}
		}
	}()
	last := -1
	// The progress line rewrites itself with \r on a terminal; in a log or a pipe it
	// would be one long line of carriage returns, so there it is left out.
	tty := isTerminal(c.stderr)
	opt.Progress = func(done, total int) {
		if !tty || total <= 0 {
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
	ok = true
	fmt.Fprintln(c.stdout, c.t(i18n.CLIDemoDone, st.Villages, st.Units, st.People, st.Households, st.Events, st.Visits,
		st.Elapsed.Seconds(), s.Path()))
	return 0
}
