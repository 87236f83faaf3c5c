package i18n

// Messages of the roster import (军属, Ctrl+O): choosing the file and the sheet, mapping
// columns, the dry-run report, the import.
const (
	ImpKey          Key = "imp.key"
	ImpFileTitle    Key = "imp.file.title"
	ImpFileLabel    Key = "imp.file.label"
	ImpFileHint     Key = "imp.file.hint"
	ImpFileNone     Key = "imp.file.none"
	ImpFolder       Key = "imp.folder"
	ImpOpening      Key = "imp.opening"
	ImpSheetTitle   Key = "imp.sheet.title"
	ImpMapTitle     Key = "imp.map.title"
	ImpMapSkip      Key = "imp.map.skip"
	ImpExample      Key = "imp.example"
	ImpMapRemember  Key = "imp.map.remembered"
	ImpMapNoName    Key = "imp.map.no_name"
	ImpChecking     Key = "imp.checking"
	ImpImporting    Key = "imp.importing"
	ImpProgress     Key = "imp.progress"
	ImpCancelHint   Key = "imp.cancel_hint"
	ImpCancelled    Key = "imp.cancelled"
	ImpReportTitle  Key = "imp.report.title"
	ImpShowAll      Key = "imp.show.all"
	ImpShowReject   Key = "imp.show.reject"
	ImpShowSkip     Key = "imp.show.skip"
	ImpShowUpdate   Key = "imp.show.update"
	ImpShowIgnore   Key = "imp.show.ignore"
	ImpNoLines      Key = "imp.no_lines"
	ImpOptTitle     Key = "imp.opt.title"
	ImpOptDup       Key = "imp.opt.dup"
	ImpOptDupSkip   Key = "imp.opt.dup.skip"
	ImpOptDupFill   Key = "imp.opt.dup.fill"
	ImpOptDupOver   Key = "imp.opt.dup.over"
	ImpOptStrict    Key = "imp.opt.strict"
	ImpOptStrictNo  Key = "imp.opt.strict.no"
	ImpOptStrictYes Key = "imp.opt.strict.yes"
	ImpOptVillages  Key = "imp.opt.villages"
	ImpConfirmTitle Key = "imp.confirm.title"
	ImpConfirmBody  Key = "imp.confirm.body"
	ImpConfirmYes   Key = "imp.confirm.yes"
	ImpDone         Key = "imp.done"
	ImpNothing      Key = "imp.nothing"
	KeyImpOpen      Key = "key.imp.open"
	KeyImpUp        Key = "key.imp.up"
	KeyImpComplete  Key = "key.imp.complete"
	KeyImpShow      Key = "key.imp.show"
	KeyImpOptions   Key = "key.imp.options"
	KeyImpImport    Key = "key.imp.import"
	KeyImpNext      Key = "key.imp.next"
)

func init() {
	add(ImpKey, "导入 Excel 花名册", "import a roster")
	add(ImpFileTitle, "导入花名册：选择文件（.xlsx 或 .csv）", "Import a roster: choose the file (.xlsx or .csv)")
	add(ImpFileLabel, "文件", "File")
	add(ImpFileHint, "输入路径；Tab 补全，上下键选择，Enter 打开", "type a path; Tab completes, arrows choose, Enter opens")
	add(ImpFileNone, "这个文件夹里没有 .xlsx 或 .csv 文件", "No .xlsx or .csv file in this folder")
	add(ImpFolder, "[文件夹]", "[folder]")
	add(ImpOpening, "正在读取 %s ...", "Reading %s ...")
	add(ImpSheetTitle, "这个工作簿有 %d 个工作表，选择要导入的一个", "The workbook has %d sheets: choose the one to import")
	add(ImpMapTitle, "核对每一列对应的内容（表头在第 %d 行）：左右键更改，Ctrl+S 检查", "Check what each column holds (headings on row %d): left/right changes, Ctrl+S checks")
	add(ImpMapSkip, "（不导入）", "(not imported)")
	add(ImpExample, "例：%s", "e.g. %s")
	add(ImpMapRemember, "已按上次同样表头的文件对应", "matched as last time for the same headings")
	add(ImpMapNoName, "请把一列对应为「姓名」", "Map one column to the name")
	add(ImpChecking, "正在逐行检查（不写入）", "Checking every row (nothing is written)")
	add(ImpImporting, "正在导入", "Importing")
	add(ImpProgress, "%s：已处理 %d 行", "%s: %d rows")
	add(ImpCancelHint, "Esc 取消", "Esc cancels")
	add(ImpCancelled, "已取消，没有写入任何内容", "Cancelled: nothing was written")
	add(ImpReportTitle, "检查结果", "Report")
	add(ImpShowAll, "全部说明", "all notes")
	add(ImpShowReject, "未通过", "rejected")
	add(ImpShowSkip, "跳过", "skipped")
	add(ImpShowUpdate, "更新", "updated")
	add(ImpShowIgnore, "非人员行", "not people")
	add(ImpNoLines, "没有需要说明的行。", "No row needs a note.")
	add(ImpOptTitle, "导入方式", "How to import")
	add(ImpOptDup, "已在台账中的人", "People already in the ledger")
	add(ImpOptDupSkip, "跳过，保持台账原样", "skip, keep the ledger as it is")
	add(ImpOptDupFill, "只补上台账里空着的项", "fill only the empty fields")
	add(ImpOptDupOver, "用表格内容覆盖", "overwrite with the file")
	add(ImpOptStrict, "有未通过的行时", "When rows are rejected")
	add(ImpOptStrictNo, "导入其余的行，未通过的另存一个文件", "import the rest; save the rejected rows to a file")
	add(ImpOptStrictYes, "全部不导入", "import nothing")
	add(ImpOptVillages, "新的村（社区）", "New villages")
	add(ImpConfirmTitle, "导入", "Import")
	add(ImpConfirmBody, "新增 %d 人，更新 %d 人，跳过 %d 人，未通过 %d 行。\n全部在一次保存中完成，按 Ctrl+Z 可以整批撤销。导入吗？", "Add %d, update %d, skip %d, %d rejected.\nAll in one save; Ctrl+Z takes it back whole. Import?")
	add(ImpConfirmYes, "导入", "Import")
	add(ImpDone, "已导入 %s：新增 %d 人，更新 %d 人", "Imported %s: %d added, %d updated")
	add(ImpNothing, "没有可以导入的行", "No row can be imported")
	add(KeyImpOpen, "打开", "open")
	add(KeyImpUp, "上一级文件夹", "parent folder")
	add(KeyImpComplete, "补全", "complete")
	add(KeyImpShow, "按原因查看", "by reason")
	add(KeyImpOptions, "导入方式", "options")
	add(KeyImpImport, "导入", "import")
	add(KeyImpNext, "继续", "continue")
}
