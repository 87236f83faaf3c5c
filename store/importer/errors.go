package importer

import (
	"errors"
	"path/filepath"
	"strconv"

	"shuangyong/model"
)

// Codes of the errors that stop an import before any row is read.
const (
	CodeNoFile      = "no_file"       // the path names nothing
	CodeUnreadable  = "unreadable"    // the file cannot be read (permissions, a disk error)
	CodeEmpty       = "empty_file"    // zero bytes
	CodeNotSheet    = "not_sheet"     // neither a workbook nor text
	CodeOldXLS      = "old_xls"       // an Excel 97–2003 .xls
	CodePassword    = "password"      // a workbook with a password
	CodeCorrupt     = "corrupt"       // a damaged workbook or CSV
	CodeNoSheet     = "no_sheet"      // --sheet names no sheet of the workbook
	CodeEmptySheet  = "empty_sheet"   // the sheet has no rows
	CodeNoHeader    = "no_header"     // no row looks like column headings
	CodeNoName      = "no_name"       // no column can be the name
	CodeLineTooLong = "line_too_long" // a CSV line of megabytes
	CodeMapping     = "mapping"       // the mapping given does not fit the file
	CodeBlocked     = "blocked"       // --strict and some rows rejected: nothing imported
	CodeNothing     = "nothing"       // every row rejected or skipped: nothing to import
	// CodeRejectedFile: the people were imported but the rejected rows' file could not be
	// given its name (the report still lists them).
	CodeRejectedFile = "rejected_file"
)

// Error is a problem with the file as a whole, explained in both languages. Nothing was
// written when an import returns one.
type Error struct {
	Code string
	Path string
	Zh   string
	En   string
	Err  error // the cause, for logs; never shown
}

func (e *Error) Error() string { return e.Zh }

// Unwrap gives the cause.
func (e *Error) Unwrap() error { return e.Err }

// Message returns the explanation in lang.
func (e *Error) Message(lang model.Lang) string {
	if lang == model.En {
		return e.En
	}
	return e.Zh
}

// AsError finds an *Error in err's chain.
func AsError(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

// fileErr builds the Error of code about path.
func fileErr(code, path string, cause error, args ...string) *Error {
	name := filepath.Base(path)
	arg := func(i int) string {
		if i < len(args) {
			return args[i]
		}
		return ""
	}
	e := &Error{Code: code, Path: path, Err: cause}
	switch code {
	case CodeNoFile:
		e.Zh, e.En = "找不到文件 "+path+"，请检查路径。", "no file at "+path+"; check the path."
	case CodeUnreadable:
		e.Zh, e.En = "无法读取文件 "+path+"（可能没有权限，或文件正被其他程序占用）。", "cannot read "+path+" (no permission, or another program holds it)."
	case CodeEmpty:
		e.Zh, e.En = "文件 "+name+" 是空的，没有可导入的内容。", name+" is empty: nothing to import."
	case CodeNotSheet:
		e.Zh, e.En = name+" 不是表格文件。请选择 Excel/WPS 保存的 .xlsx 文件，或 .csv 文件。", name+" is not a spreadsheet. Choose an .xlsx file saved by Excel or WPS, or a .csv file."
	case CodeOldXLS:
		e.Zh, e.En = name+" 是旧版 Excel 97-2003 格式（.xls）。请在 Excel 或 WPS 中打开，另存为 .xlsx 后再导入。", name+" is an old Excel 97-2003 workbook (.xls). Open it in Excel or WPS, save it as .xlsx and import that."
	case CodePassword:
		e.Zh, e.En = name+" 设置了打开密码（或已加密），无法读取。请在 Excel 或 WPS 中取消密码后另存，再导入。", name+" is protected by a password (encrypted) and cannot be read. Remove the password in Excel or WPS, save it, then import."
	case CodeCorrupt:
		e.Zh, e.En = name+" 已损坏或不是有效的 .xlsx/.csv 文件，无法读取。请在 Excel 或 WPS 中打开并另存后再试。", name+" is damaged or not a valid .xlsx/.csv file. Open it in Excel or WPS, save it again and retry."
	case CodeNoSheet:
		e.Zh, e.En = name+" 中没有名为「"+arg(0)+"」的工作表。可选："+arg(1), name+" has no sheet named “"+arg(0)+"”. Sheets: "+arg(1)
	case CodeEmptySheet:
		e.Zh, e.En = "工作表「"+arg(0)+"」是空的，没有可导入的行。", "the sheet “"+arg(0)+"” is empty: no rows to import."
	case CodeNoHeader:
		e.Zh, e.En = "在 "+name+" 的前 "+arg(0)+" 行中找不到表头（如 姓名、身份证号、联系电话 等列名）。请确认选对了工作表。", "no header row (column names such as 姓名, 身份证号, 联系电话) in the first "+arg(0)+" rows of "+name+". Check that this is the right sheet."
	case CodeNoName:
		e.Zh, e.En = "表头中没有可以识别为「姓名」的列（第 "+arg(0)+" 行：“"+arg(1)+"”）。请把姓名所在列的列名改为“姓名”，或在导入时指定该列。", "no column of the header (row "+arg(0)+": “"+arg(1)+"”) can be read as the name. Call the name column “姓名”, or choose it when importing."
	case CodeLineTooLong:
		e.Zh, e.En = name+" 中有一行超过 "+strconv.Itoa(maxLine>>10)+" KB，不像花名册（可能文件已损坏，或不是逐行的表格）。未导入任何内容。", name+" has a line longer than "+strconv.Itoa(maxLine>>10)+" KB: not a roster (the file may be damaged, or not one row per line). Nothing was imported."
	case CodeMapping:
		e.Zh, e.En = "列的对应关系与文件不符："+arg(0), "the column mapping does not fit the file: "+arg(1)
	case CodeBlocked:
		e.Zh, e.En = "有 "+arg(0)+" 行未通过检查，按“有错误则全部不导入”的设置，未导入任何内容。", arg(0)+" rows failed the checks; as asked (strict), nothing was imported."
	case CodeRejectedFile:
		e.Zh, e.En = "人员已导入，但未导入的行无法写入 "+path+"（可能没有写权限）。这些行已在上面列出。", "the people were imported, but the rejected rows could not be written to "+path+" (no permission?). They are listed above."
	case CodeNothing:
		e.Zh, e.En = "没有可以导入的行，未做任何改动。", "no row can be imported; nothing was changed."
	}
	return e
}
