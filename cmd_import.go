// The import command: bring a roster kept in Excel, WPS or a CSV file into the ledger.

package main

import (
	"fmt"
	"strings"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/store/importer"
	"shuangyong/ui/i18n"
)

func (c *cli) importRoster(args []string) int {
	fs := c.flags("import")
	dry := fs.Bool("dry-run", false, "check only")
	strict := fs.Bool("strict", false, "any rejected row blocks the import")
	sheet := fs.String("sheet", "", "sheet name")
	dups := fs.String("duplicates", string(importer.DupSkip), "skip|fill|overwrite")
	pos, err := parse(fs, args)
	if err != nil {
		return c.usageError(err)
	}
	switch {
	case len(pos) == 0:
		return c.fail(c.t(i18n.CLIImportArg))
	case len(pos) > 1:
		return c.fail(c.t(i18n.CLIBadFlag, strings.Join(pos[1:], " ")))
	}
	opt := importer.Options{Duplicates: importer.DupMode(*dups), Strict: *strict}
	switch opt.Duplicates {
	case importer.DupSkip, importer.DupFill, importer.DupOverwrite:
	default:
		return c.fail(c.t(i18n.CLIImportBadDuplicates, *dups))
	}
	s, err := c.open(store.Options{})
	if err != nil {
		return c.failErr(err)
	}
	defer s.Close()
	src, err := importer.Open(c.ctx, s, pos[0], *sheet)
	if err != nil {
		return c.importFailed(err)
	}
	last := -1
	// As demo's: the line rewrites itself with \r on a terminal, and is left out of a log
	// or a pipe, where it would be one long line of carriage returns.
	tty := isTerminal(c.stderr)
	progress := func(p importer.Progress) {
		switch {
		case !tty || p.Phase != importer.PhaseWrite:
		case p.Total > 0:
			if pct := p.Rows * 100 / p.Total; pct/10 != last/10 {
				last = pct
				fmt.Fprintf(c.stderr, "\r%s", c.t(i18n.CLIImportProgress, pct))
			}
		case p.Rows/10000 != last:
			// Without a dry run first the number of rows is not known: count them.
			last = p.Rows / 10000
			fmt.Fprintf(c.stderr, "\r%s", c.t(i18n.CLIImportRows, p.Rows))
		}
	}
	var rep *importer.Report
	if *dry {
		rep, err = importer.DryRun(c.ctx, s, src, src.Mapping, opt, nil)
	} else {
		rep, err = importer.Import(c.ctx, s, src, src.Mapping, opt, progress)
	}
	if last >= 0 {
		fmt.Fprintln(c.stderr)
	}
	if rep != nil {
		c.printReport(rep)
	}
	if err != nil {
		return c.importFailed(err)
	}
	if rep.Added+rep.Updated == 0 {
		return 1 // a dry run with nothing to import: said in the report
	}
	return 0
}

// printReport prints the counts, then one line per row with something to say.
func (c *cli) printReport(rep *importer.Report) {
	for _, l := range rep.Summary(c.lang) {
		fmt.Fprintln(c.stdout, l)
	}
	for _, l := range rep.Problems() {
		fmt.Fprintln(c.stdout, "  "+l.Text(c.lang, rep.Columns))
	}
}

func (c *cli) importFailed(err error) int {
	if e, ok := importer.AsError(err); ok {
		return c.fail(model.Sanitize(e.Message(c.lang)))
	}
	return c.failErr(err)
}
