// Package importer brings an existing roster (花名册) kept in Excel or WPS into the ledger
// (SPEC.md W5): .xlsx read with excelize's streaming row reader, CSV in UTF-8 (with or
// without BOM), UTF-16 or GBK/GB18030 (detected: BOM → UTF-16 → valid UTF-8 → GB18030).
//
// The flow, for the command line and the TUI alike:
//
//	src, err := importer.Open(ctx, st, path, sheet) // kind, sheets, header row, guessed mapping
//	// show src.Sheets, src.Columns (heading + guessed Field), src.Samples; let the user
//	// change src.Mapping (importer.Fields() lists the choices, Field.Label names them)
//	rep, err := importer.DryRun(ctx, st, src, mapping, opt, progress) // nothing written
//	// show rep.Summary(lang) and rep.Problems() (Line.Text); ask: duplicates skip/fill/
//	// overwrite, strict or not, add rep.NewVillages (or map them with opt.VillageAs)
//	rep, err = importer.Import(ctx, st, src, mapping, opt, progress) // all or nothing
//
// Both passes take a context (cancel stops them; an import then writes nothing) and a
// progress callback called every 1024 rows from the calling goroutine.
//
// What a row becomes is decided in one place for both passes: cells are cleaned of
// control and bidi characters (counted in the report), converted from the shapes
// spreadsheets hold (Excel serial dates, 1948.03, 1948年3月, several categories and their
// short names in one cell, grades 一级/1级/1, 是/否, several phones) and checked with
// model.ValidatePerson. ID numbers that Excel turned into numbers (1.10101E+17, or digits
// ending in 000) are flagged, never repaired. A person already in the ledger — the same
// ID number, else the same name, birth date and village — is skipped, or has its empty
// fields filled, or is overwritten, as Options.Duplicates says; the same person twice in
// the file is imported once. Rows with the same 户号, or the same 户主 and address, or
// following a 户主 row in a 与户主关系 column, form a household. Rows that are not people
// (合计, a header repeated on each printed page, the 制表人 footer) and blank rows are
// skipped and counted. Cells merged down over data rows (a village, a household's 户号)
// count for every row they cover. A 出生年月 of a year and month takes its day from the ID
// number, or is kept in the note.
//
// For the TUI, besides the three calls: Fields and Field.Label (the mapping screen's
// choices), SaveMapping (remember a confirmed mapping without importing), Report.Summary,
// Report.Problems and Line.Text (the report; Line.Problems carry codes to filter by),
// RejectedPath, AsError and Error.Message (file-level errors in the user's language).
// Options.VillageAs and RefuseNewVillages carry the answers about new village names.
//
// Import writes through store.(*Store).Import: one transaction, recorded as one change
// "导入：FILE" that Ctrl+Z takes back whole; every person goes through the store's own
// validation. Rejected rows go to 原文件名-未导入.xlsx beside the source (the original
// columns and a 原因 column), written before the commit and renamed after it. With
// Options.Strict any rejected row stops the import before anything is written. The
// mapping is remembered in the settings table under a key made from the headings, and
// offered by Open for the next file with the same headings.
//
// Errors about the file as a whole are *Error (Code, and the message in both languages).
package importer
