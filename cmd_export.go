// The export command: the tally of a year or a range of years as a workbook, CSV or the
// summary text.

package main

import (
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"strings"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/store/sheet"
	"shuangyong/ui/i18n"
)

// formatExts are the file extensions each format is written with; an -o file whose
// extension says another format is refused rather than written in a format its name
// hides (a CSV called .xlsx opens as a damaged workbook).
var formatExts = map[string][]string{
	sheet.FormatXLSX: {".xlsx"},
	sheet.FormatCSV:  {".csv"},
	sheet.FormatText: {".txt", ".text"},
}

// formatOfExt returns the format an extension names ("" for none or an unknown one).
func formatOfExt(path string) string {
	ext := strings.ToLower(filepath.Ext(path))
	for f, exts := range formatExts {
		for _, e := range exts {
			if e == ext {
				return f
			}
		}
	}
	return ""
}

func (c *cli) export(args []string) int {
	fs := c.flags("export")
	opt := sheet.Options{}
	var years string
	fs.StringVar(&years, "year", "", "YYYY or YYYY-YYYY")
	fs.StringVar(&opt.Format, "format", "", "xlsx|csv|text")
	fs.BoolVar(&opt.Public, "public", false, "公示版")
	fs.StringVar(&opt.Table, "table", "", "table for csv")
	fs.StringVar(&opt.Path, "o", "", "output file")
	var campaign string
	fs.StringVar(&campaign, "campaign", "", "a campaign's number or title: its 发放清单")
	pos, err := parse(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(c.stdout, c.t(i18n.CLIUsage, store.DefaultPath()))
		fmt.Fprintln(c.stdout, c.exportTables())
		return 0
	}
	if err != nil {
		return c.usageError(err)
	}
	if campaign != "" && len(pos) == 0 {
		return c.exportCampaign(campaign, opt)
	}
	period, periodOK := model.ParsePeriod(years)
	switch {
	case len(pos) > 0:
		return c.fail(c.t(i18n.CLIBadFlag, strings.Join(pos, " ")))
	case years == "":
		return c.fail(c.t(i18n.CLIYearRequired))
	case !periodOK:
		return c.fail(c.t(i18n.CLIBadPeriod, years))
	case opt.Path == "":
		return c.fail(c.t(i18n.CLIOutRequired))
	case opt.Format != "" && opt.Format != sheet.FormatXLSX && opt.Format != sheet.FormatCSV && opt.Format != sheet.FormatText:
		return c.fail(c.t(i18n.CLIBadFormat, opt.Format))
	}
	opt.Year, opt.ToYear = period.From, period.To
	byExt := formatOfExt(opt.Path)
	switch {
	case opt.Path == "-" && opt.Format == "" && opt.Table != "":
		opt.Format = sheet.FormatCSV // a table asked for on standard output comes as the table
	case opt.Path == "-" && opt.Format == "":
		opt.Format = sheet.FormatText // standard output: the summary text unless told otherwise
	case opt.Path == "-":
	case opt.Format == "" && byExt == "":
		return c.fail(c.t(i18n.CLIFormatUnknown, filepath.Base(opt.Path)))
	case opt.Format == "":
		opt.Format = byExt
	case byExt != "" && byExt != opt.Format, byExt == "" && filepath.Ext(opt.Path) != "":
		return c.fail(c.t(i18n.CLIFormatMismatch, opt.Format, filepath.Base(opt.Path), formatExts[opt.Format][0]))
	}
	if opt.Table != "" {
		known := false
		for _, t := range sheet.Tables() {
			known = known || t.Key == opt.Table
		}
		if !known {
			return c.fail(c.t(i18n.CLIBadTable, opt.Table, c.exportTables()))
		}
	}
	if opt.Public && opt.Table == "not_visited" {
		return c.fail(c.t(i18n.CLIPublicNotVisited))
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
	fmt.Fprintln(c.stdout, c.t(i18n.CLIExportDone, period.Label(c.lang), abs))
	return 0
}

// exportTables lists the tables --table takes, with the sheet each is.
func (c *cli) exportTables() string {
	var b strings.Builder
	b.WriteString(c.t(i18n.CLIExportTables))
	for _, t := range sheet.Tables() {
		fmt.Fprintf(&b, "\n  %-13s %s", t.Key, t.Sheet)
	}
	return b.String()
}

// exportCampaign writes a festival campaign's 发放清单 (.xlsx), the campaign named by its
// number or title.
func (c *cli) exportCampaign(name string, opt sheet.Options) int {
	switch {
	case opt.Path == "" || opt.Path == "-":
		return c.fail(c.t(i18n.CLIOutRequired))
	case opt.Format != "" && opt.Format != sheet.FormatXLSX, formatOfExt(opt.Path) != sheet.FormatXLSX:
		return c.fail(c.t(i18n.CLICampaignXLSX))
	}
	s, err := c.open(store.Options{})
	if err != nil {
		return c.failErr(err)
	}
	defer s.Close()
	found, err := s.FindCampaigns(c.ctx, name)
	if err != nil {
		return c.failErr(err)
	}
	switch {
	case len(found) == 0:
		return c.fail(c.t(i18n.CLICampaignNone, name))
	case len(found) > 1:
		var lines []string
		for _, f := range found {
			lines = append(lines, fmt.Sprintf("  %d  %s  %s", f.ID, f.Date, f.Title))
		}
		return c.fail(c.t(i18n.CLICampaignMany, name) + "\n" + strings.Join(lines, "\n"))
	}
	if err := sheet.ExportCampaign(c.ctx, s, found[0].ID, opt.Path); err != nil {
		return c.failErr(err)
	}
	abs, _ := filepath.Abs(opt.Path)
	fmt.Fprintln(c.stdout, c.t(i18n.CLICampaignDone, found[0].Title, abs))
	return 0
}
