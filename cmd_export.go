// The export command: the tally as a workbook, CSV or the summary text.

package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"shuangyong/store"
	"shuangyong/store/sheet"
	"shuangyong/ui/i18n"
)

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
	if opt.Path == "-" { // text and CSV to standard output, for a script or a pipe
		if opt.Format == sheet.FormatXLSX {
			return c.fail(c.t(i18n.CLIStdoutNotXLSX))
		}
		opt.Out = c.stdout
	}
	s, err := c.open(store.Options{})
	if err != nil {
		return c.failErr(err)
	}
	defer s.Close()
	if err := sheet.Export(c.ctx, s, opt); err != nil {
		return c.failErr(err)
	}
	if opt.Path == "-" {
		return 0
	}
	abs, _ := filepath.Abs(opt.Path)
	fmt.Fprintln(c.stdout, c.t(i18n.CLIExportDone, opt.Year, abs))
	return 0
}
