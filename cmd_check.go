// The check command: integrity check and counts.

package main

import (
	"fmt"
	"strings"

	"github.com/mattn/go-runewidth"

	"shuangyong/store"
	"shuangyong/ui/i18n"
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
