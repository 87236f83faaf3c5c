// The backup and restore commands.

package main

import (
	"fmt"
	"path/filepath"

	"shuangyong/store"
	"shuangyong/ui/i18n"
)

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
		return c.failErr(err)
	}
	if kept == "" {
		fmt.Fprintln(c.stdout, c.t(i18n.CLIRestoreDoneNew, pos[0]))
		return 0
	}
	fmt.Fprintln(c.stdout, c.t(i18n.CLIRestoreDone, pos[0], kept))
	return 0
}
