package i18n

// Messages of the command line and of opening the file.
const (
	CLIUsage          Key = "cli.usage"
	CLIUnknownCommand Key = "cli.unknown_command"
	CLIBadLang        Key = "cli.bad_lang"
	CLIBadFlag        Key = "cli.bad_flag"
	CLIVersion        Key = "cli.version"
	CLIDemoNotEmpty   Key = "cli.demo_not_empty"
	CLIDemoBadOptions Key = "cli.demo_bad_options"
	CLIDemoDone       Key = "cli.demo_done"
	CLIDemoProgress   Key = "cli.demo_progress"
	CLICheckOK        Key = "cli.check_ok"
	CLICheckFailed    Key = "cli.check_failed"
	CLICheckCounts    Key = "cli.check_counts"
	CLICheckHeader    Key = "cli.check_header"
	CLICheckHistory   Key = "cli.check_history"
	CLIBackupDone     Key = "cli.backup_done"
	CLIRestoreDone    Key = "cli.restore_done"
	CLIRestoreDoneNew Key = "cli.restore_done_new"
	CLIRestoreArg     Key = "cli.restore_arg"
	CLINotYet         Key = "cli.not_yet"
	CLIYearRequired   Key = "cli.year_required"
	CLIOutRequired    Key = "cli.out_required"
	CLIBadFormat      Key = "cli.bad_format"
	CLIBadYear        Key = "cli.bad_year"
	CLIBadTable       Key = "cli.bad_table"
	CLIExportDone     Key = "cli.export_done"
	// The export's years, formats and tables.
	CLIBadPeriod        Key = "cli.bad_period"
	CLIFormatMismatch   Key = "cli.format_mismatch"
	CLIFormatUnknown    Key = "cli.format_unknown"
	CLIExportTables     Key = "cli.export_tables"
	CLIPublicNotVisited Key = "cli.public_not_visited"

	CLICampaignXLSX        Key = "cli.campaign_xlsx"
	CLICampaignNone        Key = "cli.campaign_none"
	CLICampaignMany        Key = "cli.campaign_many"
	CLICampaignDone        Key = "cli.campaign_done"
	CLIImportArg           Key = "cli.import_arg"
	CLIImportBadDuplicates Key = "cli.import_bad_duplicates"
	CLIImportProgress      Key = "cli.import_progress"
	CLIImportRows          Key = "cli.import_rows"

	// Flags, interruptions and a busy file.
	CLIFlagNeedsValue Key = "cli.flag_needs_value"
	CLIFlagBadValue   Key = "cli.flag_bad_value"
	CLIFlagUnknown    Key = "cli.flag_unknown"
	CLIInterrupted    Key = "cli.interrupted"
	CLINoTerminal     Key = "cli.no_terminal"
	CLIUpgrading      Key = "cli.upgrading"
	CLIBusyBackup     Key = "cli.busy_backup"
	CLIBusyExport     Key = "cli.busy_export"
	CLIBusyCheck      Key = "cli.busy_check"
	CLIBusyRestore    Key = "cli.busy_restore"
	CLIBusyDemo       Key = "cli.busy_demo"
	CLIStdoutNotXLSX  Key = "cli.stdout_not_xlsx"

	ErrInUse           Key = "err.in_use"
	ErrNotDatabase     Key = "err.not_database"
	ErrDamaged         Key = "err.damaged"
	ErrDamagedNoBackup Key = "err.damaged_no_backup"
	ErrTooNew          Key = "err.too_new"
	ErrBadPath         Key = "err.bad_path"
	ErrNotFound        Key = "err.not_found"
	ErrInvalid         Key = "err.invalid"
	ErrNothingToUndo   Key = "err.nothing_to_undo"
	ErrConflict        Key = "err.conflict"
	ErrOther           Key = "err.other"
	ErrSheetTooLong    Key = "err.sheet_too_long"

	EntPeople     Key = "ent.people"
	EntUnits      Key = "ent.units"
	EntPairings   Key = "ent.pairings"
	EntEvents     Key = "ent.events"
	EntVisits     Key = "ent.visits"
	EntVillages   Key = "ent.villages"
	EntHouseholds Key = "ent.households"
	EntHistory    Key = "ent.history"
)

func init() {
	add(CLIUsage,
		`用法：
  shuangyong [--db 文件] [--lang zh|en]          打开双拥台账
  shuangyong demo [--db 文件] [--people N] [--events N] [--seed N]   生成演示数据
  shuangyong export [--db 文件] --year 年份|起始年-结束年 [--format xlsx|csv|text] [--public] [--table 表] -o 文件
  shuangyong export [--db 文件] --campaign 编号|名称 [--format xlsx] -o 文件.xlsx   节日集中走访的发放清单
  shuangyong import [--db 文件] 文件 [--dry-run] [--strict] [--sheet 工作表] [--duplicates skip|fill|overwrite]
                                                 导入花名册（.xlsx 或 .csv）
  shuangyong backup [--db 文件] [目录]           备份数据文件
  shuangyong restore [--db 文件] 备份文件        从备份恢复
  shuangyong check [--db 文件]                   检查数据文件并统计记录数
  shuangyong version                             显示版本
默认数据文件：%s（可用环境变量 SHUANGYONG_DB 指定）`,
		`Usage:
  shuangyong [--db FILE] [--lang zh|en]          open the ledger
  shuangyong demo [--db FILE] [--people N] [--events N] [--seed N]   fill a file with demo data
  shuangyong export [--db FILE] --year YYYY|YYYY-YYYY [--format xlsx|csv|text] [--public] [--table KEY] -o FILE
  shuangyong export [--db FILE] --campaign ID|TITLE [--format xlsx] -o FILE.xlsx   a campaign's sign-off sheet
  shuangyong import [--db FILE] FILE [--dry-run] [--strict] [--sheet NAME] [--duplicates skip|fill|overwrite]
                                                 import a roster (.xlsx or .csv)
  shuangyong backup [--db FILE] [DIR]            back up the data file
  shuangyong restore [--db FILE] BACKUP          restore from a backup
  shuangyong check [--db FILE]                   check the data file and count records
  shuangyong version                             print the version
Default data file: %s (SHUANGYONG_DB sets another)`)
	add(CLIUnknownCommand, "未知命令「%s」。运行 shuangyong help 查看用法。", "unknown command %q; run shuangyong help for usage")
	add(CLIBadLang, "不支持的语言「%s」，可用 zh 或 en。", "unsupported language %q: use zh or en")
	add(CLIBadFlag, "参数有误：%s", "bad arguments: %s")
	add(CLIVersion, "双拥台账 shuangyong %s（数据结构版本 %d）", "shuangyong %s (schema version %d)")
	add(CLIDemoNotEmpty, "数据文件 %s 已有记录，演示数据只能生成到空文件中。请用 --db 指定一个新文件。", "%s already holds records; demo data goes into an empty file only. Name a new file with --db.")
	add(CLIDemoBadOptions, "演示数据的人数应在 1 到 %d 之间，活动和走访记录数应在 0 到 %d 之间（现在是 --people %d --events %d）。", "demo data needs 1 to %d people and 0 to %d events and visits (got --people %d --events %d)")
	add(CLIDemoDone, "已生成演示数据：%d 个村（社区）、%d 个单位、%d 人（%d 户）、%d 项活动、%d 条走访记录，用时 %.1f 秒。文件：%s", "demo data written: %d villages, %d units, %d people (%d households), %d events, %d visits in %.1f s. File: %s")
	add(CLIDemoProgress, "正在生成演示数据…… %d%%", "generating demo data... %d%%")
	add(CLICheckHeader, "数据文件：%s\n数据结构版本：%d　日志模式：%s", "Data file: %s\nSchema version: %d  journal mode: %s")
	add(CLICheckCounts, "%s在用 %d，回收站 %d", "%slive %d, in trash %d")
	add(CLICheckHistory, "%s%d 条", "%s%d")
	add(CLICheckOK, "检查通过：数据文件完好。", "check passed: the data file is sound.")
	add(CLICheckFailed, "检查未通过：数据文件 %s 已损坏（%s）。请不要再写入它；%s", "check failed: %s is damaged (%s). Do not write to it; %s")
	add(CLIBackupDone, "已备份到 %s", "backed up to %s")
	add(CLIRestoreDone, "已从 %s 恢复。原文件另存为 %s", "restored from %s; the previous file was kept as %s")
	add(CLIRestoreDoneNew, "已从 %s 恢复。", "restored from %s.")
	add(CLIRestoreArg, "请指定要恢复的备份文件，例如：shuangyong restore %s", "name the backup to restore, e.g. shuangyong restore %s")
	add(CLINotYet, "「%s」命令尚未提供。", "the %q command is not available yet")
	add(CLIYearRequired, "请用 --year 指定统计年份，例如 --year 2026。", "give the year with --year, e.g. --year 2026")
	add(CLIOutRequired, "请用 -o 指定输出文件。", "give the output file with -o")
	add(CLIBadYear, "年份 %d 不对，请写四位数的年份，例如 --year 2026。", "year %d is not right: give four digits, e.g. --year 2026")
	add(CLIBadTable, "没有名为「%s」的表，可选：%s", "no table named %q; choose one of: %s")
	add(CLIExportDone, "已导出%s统计：%s", "exported the %s tally: %s")
	add(CLIBadPeriod, "年份「%s」不对，请写四位数的年份或年份范围，例如 --year 2026 或 --year 2019-2023。",
		"year %q is not right: give a year or a range, e.g. --year 2026 or --year 2019-2023")
	add(CLIFormatMismatch, "格式 %s 与输出文件 %s 的扩展名不一致，请把文件名改为以 %s 结尾，或去掉 --format。",
		"format %s does not match the extension of %s: end the file name with %s, or leave out --format")
	add(CLIFormatUnknown, "无法从文件名 %s 判断格式：请以 .xlsx、.csv 或 .txt 结尾，或用 --format 指定。",
		"cannot tell the format from %s: end it with .xlsx, .csv or .txt, or give --format")
	add(CLIExportTables, "--table 可选的表（CSV 每次一张；xlsx 含全部）：", "Tables for --table (a CSV holds one; the xlsx holds them all):")
	add(CLIPublicNotVisited, "公示版不含未走访人员名单（这是工作清单，不宜公示）；请去掉 --public 导出内部版。",
		"the public version has no list of people not visited (a work list, not for posting): leave out --public")
	add(CLICampaignXLSX, "发放清单是 Excel 工作簿：请用以 .xlsx 结尾的文件名。", "the sign-off sheet is a workbook: end the file name with .xlsx")
	add(CLICampaignNone, "没有找到「%s」这次节日集中走访（可以写活动编号或名称）。", "no campaign %q (give its number or title)")
	add(CLICampaignMany, "「%s」对应多次活动，请写其中一个的编号：", "%q names several campaigns; give the number of one:")
	add(CLICampaignDone, "已导出「%s」的发放清单：%s", "sign-off sheet of %q written: %s")
	add(CLIImportArg, "请指定要导入的花名册文件，例如：shuangyong import 花名册.xlsx --dry-run", "name the roster to import, e.g. shuangyong import roster.xlsx --dry-run")
	add(CLIImportBadDuplicates, "--duplicates 只能是 skip（跳过）、fill（补充空白项）或 overwrite（覆盖），现在是「%s」。", "--duplicates must be skip, fill or overwrite (got %q)")
	add(CLIImportProgress, "正在导入…… %d%%", "importing... %d%%")
	add(CLIFlagNeedsValue, "参数 %s 后面缺少内容。运行 shuangyong help 查看用法。", "%s needs a value; run shuangyong help for usage")
	add(CLIFlagBadValue, "参数 %s 的值「%s」不对。运行 shuangyong help 查看用法。", "%s cannot be %q; run shuangyong help for usage")
	add(CLIFlagUnknown, "没有参数 %s。运行 shuangyong help 查看用法。", "there is no option %s; run shuangyong help for usage")
	add(CLIUpgrading, "数据文件是旧版本的，正在检查并升级，大的文件要等几秒钟……", "the data file is from an older version: checking and upgrading it, a few seconds for a large file…")
	add(CLINoTerminal, "双拥台账的窗口要在命令行窗口里打开（Windows 的「命令提示符」、PowerShell 或 Windows 终端），它的画面不能输出到文件或管道。在脚本里请用 export、check、backup 等命令（见 shuangyong --help）。",
		"the ledger's screen needs a terminal window (Command Prompt, PowerShell or Windows Terminal); it cannot be drawn into a file or a pipe. In scripts use export, check, backup and the other commands (see shuangyong --help).")
	add(CLIInterrupted, "已退出。保存过的记录都在；正在填写、还没保存的内容没有保存。", "quit. Everything saved is kept; a form being typed was not saved.")
	add(CLIBusyBackup, "数据文件 %s 正在被打开着的双拥台账使用。请在程序里备份（按 F9 进入设置，再按 Ctrl+B 立即备份），或关闭程序后再运行 shuangyong backup。",
		"%s is in use by the open ledger program: back up from inside it (F9 for settings, then Ctrl+B), or close it and run shuangyong backup again.")
	add(CLIBusyExport, "数据文件 %s 正在被打开着的双拥台账使用。请在程序里按 F6 导出（统计页导出统计表，集中走访名单里导出发放清单），或关闭程序后再运行 shuangyong export。",
		"%s is in use by the open ledger program: export from it with F6 (the tally tab for the tally, a campaign's roster for its sign-off sheet), or close it and run shuangyong export again.")
	add(CLIBusyCheck, "数据文件 %s 正在被打开着的双拥台账使用（程序打开时会在后台自动检查文件）。请关闭程序后再运行 shuangyong check。",
		"%s is in use by the open ledger program (which checks the file in the background itself); close it and run shuangyong check again.")
	add(CLIBusyRestore, "数据文件 %s 正在被打开着的双拥台账使用。请先关闭所有双拥台账窗口，再运行 shuangyong restore；数据文件没有改动。",
		"%s is in use by the open ledger program: close every window of it, then run shuangyong restore again; the data file was not changed.")
	add(CLIBusyDemo, "数据文件 %s 正在被打开着的双拥台账使用。请关闭程序，或用 --db 指定一个新文件。",
		"%s is in use by the open ledger program: close it, or name a new file with --db.")
	add(CLIStdoutNotXLSX, "Excel 工作簿不能输出到屏幕（-o -）。请用 --format text 或 --format csv，或用 -o 指定文件。",
		"a workbook cannot go to standard output (-o -): use --format text or csv, or name a file with -o")
	add(CLIImportRows, "正在导入…… 已读 %d 行", "importing... %d rows read")
	add(CLIBadFormat, "不支持的格式「%s」，可用 xlsx、csv 或 text。", "unsupported format %q: use xlsx, csv or text")

	add(ErrInUse, "数据文件 %s 正在被另一个窗口或另一台电脑使用。请先关闭那里的双拥台账再试。", "%s is in use by another window or computer. Close the ledger there first.")
	add(ErrNotDatabase, "%s 不是双拥台账的数据文件，未做任何改动。", "%s is not a ledger data file; nothing was changed.")
	add(ErrDamaged, "数据文件 %s 已损坏，未做任何改动。最新的完好备份：%s（可用 shuangyong restore 恢复）。", "%s is damaged; nothing was changed. Newest good backup: %s (restore it with shuangyong restore).")
	add(ErrDamagedNoBackup, "数据文件 %s 已损坏，未做任何改动，且没有找到完好的备份。请联系技术人员。", "%s is damaged; nothing was changed, and no good backup was found. Ask for technical help.")
	add(ErrTooNew, "数据文件 %s 由更新版本的双拥台账写入，请升级本程序后再打开。", "%s was written by a newer version of the program; upgrade before opening it.")
	add(ErrBadPath, "无法使用数据文件路径 %s（路径中不能含有 ? 或 #）。", "cannot use the data file path %s (no ? or # in it).")
	add(ErrNotFound, "记录不存在或已被删除。", "the record does not exist or was deleted.")
	add(ErrInvalid, "填写有误：%s", "invalid input: %s")
	add(ErrNothingToUndo, "没有可以撤销的操作。", "nothing to undo.")
	add(ErrConflict, "记录已被修改，请重新打开后再改。", "the record changed meanwhile; open it again.")
	// An error no sentence was written for: say what it means for the user's data, and
	// keep the system's own words for whoever helps them.
	add(ErrOther, "意外错误（可把这段技术信息告诉技术人员：%s）。这次操作没有完成，原有的数据没有改动。",
		"unexpected error (tell technical support: %s). Nothing was done; the existing data is unchanged.")
	add(ErrSheetTooLong, "这一年的明细超过一张工作表能容纳的 1048576 行，无法写成 Excel 工作簿；请改为导出 CSV（每张表单独一个文件）。",
		"this year's detail has more rows than a worksheet holds (1 048 576): export it as CSV instead (one file per table).")

	add(EntPeople, "人员", "people")
	add(EntUnits, "单位", "units")
	add(EntPairings, "共建关系", "pairings")
	add(EntEvents, "活动", "events")
	add(EntVisits, "走访记录", "visits")
	add(EntVillages, "村（社区）", "villages")
	add(EntHouseholds, "户", "households")
	add(EntHistory, "修改记录", "changes")
}
