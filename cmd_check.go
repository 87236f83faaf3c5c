// The check command: integrity check and counts.

package main

import (
	"fmt"
	"strings"

	"shuangyong/store"
	"shuangyong/ui/i18n"
	"shuangyong/ui/textwidth"
)

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
	for _, n := range r.Counts {
		// Pad the label by display width (Chinese characters take two columns), through
		// the one width module.
		label := textwidth.Fit(c.t(i18n.HistEntity(n.Entity)), 12)
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
