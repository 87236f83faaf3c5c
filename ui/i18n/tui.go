package i18n

// Messages of the full-screen program's shell: tabs, status line, help, settings, first
// run, quitting and the background checks.
const (
	AppTitle              Key = "tui.app_title"
	TabUnits              Key = "tui.tab.units"
	TabFamilies           Key = "tui.tab.families"
	TabEvents             Key = "tui.tab.events"
	TabStats              Key = "tui.tab.stats"
	StatusFile            Key = "tui.status.file"
	StatusOperator        Key = "tui.status.operator"
	StatusNoOperator      Key = "tui.status.no_operator"
	StatusYear            Key = "tui.status.year"
	StatusReadOnly        Key = "tui.status.read_only"
	StatusUndone          Key = "tui.status.undone"
	StatusUndoHint        Key = "tui.status.undo_hint"
	StatusLoading         Key = "tui.status.loading"
	StatusWelcome         Key = "tui.status.welcome"
	StatusEastAsian       Key = "tui.status.east_asian"
	StatusBackupMade      Key = "tui.status.backup_made"
	StatusDamaged         Key = "tui.status.damaged"
	StatusUndoWhat        Key = "tui.status.undo_what"
	StatusNoBackup        Key = "tui.status.no_backup"
	StatusBackupToday     Key = "tui.status.backup_today"
	StatusBackupOn        Key = "tui.status.backup_on"
	StatusBackingUp       Key = "tui.status.backing_up"
	StatusBackupDone      Key = "tui.status.backup_done"
	StatusReadOnlyBanner  Key = "tui.status.read_only_banner"
	DamagedTitle          Key = "tui.damaged.title"
	DamagedOK             Key = "tui.damaged.ok"
	DamagedClose          Key = "tui.damaged.close"
	KeyBackupNow          Key = "key.backup_now"
	StatusReadOnlyRefused Key = "tui.status.read_only_refused"
	TooSmall              Key = "tui.too_small"
	TooSmallSize          Key = "tui.too_small_size"

	ActUndo Key = "tui.action.undo"

	HelpTitle  Key = "tui.help.title"
	HelpGlobal Key = "tui.help.global"
	HelpIME    Key = "tui.help.ime"
	HelpClose  Key = "tui.help.close"
	HelpMore   Key = "tui.help.more"

	LabelUpDown    Key = "key.label.up_down"
	LabelLeftRight Key = "key.label.left_right"
	LabelNextField Key = "key.label.next_field"
	LabelPrevField Key = "key.label.prev_field"
	LabelSpace     Key = "key.label.space"

	KeyHelp      Key = "key.help"
	KeyQuit      Key = "key.quit"
	KeySettings  Key = "key.settings"
	KeyUndo      Key = "key.undo"
	KeyNextTab   Key = "key.next_tab"
	KeyPrevTab   Key = "key.prev_tab"
	KeyJumpTab   Key = "key.jump_tab"
	KeyMove      Key = "key.move"
	KeyPage      Key = "key.page"
	KeyHomeEnd   Key = "key.home_end"
	KeyOpen      Key = "key.open"
	KeyClear     Key = "key.clear"
	KeyBack      Key = "key.back"
	KeyAdd       Key = "key.add"
	KeyFilters   Key = "key.filters"
	KeyEdit      Key = "key.edit"
	KeyVisit     Key = "key.visit"
	KeyTrash     Key = "key.trash"
	KeyReveal    Key = "key.reveal"
	KeyType      Key = "key.type"
	KeyNextField Key = "key.next_field"
	KeyPrevField Key = "key.prev_field"
	KeySave      Key = "key.save"
	KeyCancel    Key = "key.cancel"
	KeyChoose    Key = "key.choose"
	KeyToggle    Key = "key.toggle"
	KeyConfirm   Key = "key.confirm"
	KeyApply     Key = "key.apply"
	KeyReset     Key = "key.reset"
	KeyScroll    Key = "key.scroll"

	GroupGlobal Key = "help.group.global"
	GroupList   Key = "help.group.list"
	GroupDetail Key = "help.group.detail"
	GroupForm   Key = "help.group.form"
	GroupDialog Key = "help.group.dialog"
	GroupPanel  Key = "help.group.panel"
	GroupMove   Key = "help.group.move"

	DialogYes    Key = "dialog.yes"
	DialogNo     Key = "dialog.no"
	QuitTitle    Key = "quit.title"
	QuitBody     Key = "quit.body"
	QuitYes      Key = "quit.yes"
	QuitNo       Key = "quit.no"
	DiscardTitle Key = "discard.title"
	DiscardBody  Key = "discard.body"
	DiscardYes   Key = "discard.yes"
	DiscardNo    Key = "discard.no"

	SettingsTitle            Key = "settings.title"
	SettingsOffice           Key = "settings.office"
	SettingsOperator         Key = "settings.operator"
	SettingsVillage          Key = "settings.village"
	SettingsVillageNew       Key = "settings.village_new"
	SettingsVillagesHint     Key = "settings.villages_hint"
	SettingsVillages         Key = "settings.villages"
	SettingsAmounts          Key = "settings.amounts"
	SettingsAmountsHint      Key = "settings.amounts_hint"
	SettingsSaved            Key = "settings.saved"
	SettingsLoading          Key = "settings.loading"
	SettingsOfficeRequired   Key = "settings.office_required"
	SettingsOperatorRequired Key = "settings.operator_required"
	SettingsVillageDup       Key = "settings.village_dup"

	SetupTitle       Key = "setup.title"
	SetupIntro       Key = "setup.intro"
	SetupDemoTitle   Key = "setup.demo_title"
	SetupDemoBody    Key = "setup.demo_body"
	SetupDemoYes     Key = "setup.demo_yes"
	SetupDemoNo      Key = "setup.demo_no"
	SetupDemoWorking Key = "setup.demo_working"
	SetupDemoDone    Key = "setup.demo_done"
	SetupEmptyStart  Key = "setup.empty_start"

	FormFieldOf    Key = "form.field_of"
	FormUnset      Key = "form.unset"
	FormNoneChosen Key = "form.none_chosen"
	FormPickHint   Key = "form.pick_hint"
	FormMultiHint  Key = "form.multi_hint"
	FormFixed      Key = "form.fixed"
	FormHasErrors  Key = "form.has_errors"
	FormCut        Key = "form.cut"
	FormYes        Key = "form.yes"
	FormNo         Key = "form.no"
	FormYearBad    Key = "form.year_bad"
	FormNumberBad  Key = "form.number_bad"

	SearchLabel Key = "search.label"
	SearchHint  Key = "search.hint"
)

func init() {
	add(AppTitle, "双拥台账", "Shuangyong ledger")
	add(TabUnits, "单位", "Units")
	add(TabFamilies, "军属", "Families")
	add(TabEvents, "活动", "Events")
	add(TabStats, "统计", "Statistics")
	add(StatusFile, "文件 %s", "file %s")
	add(StatusOperator, "操作员 %s", "operator %s")
	add(StatusNoOperator, "操作员未设置(F9)", "no operator (F9)")
	add(StatusYear, "%d年", "year %d")
	add(StatusReadOnly, "只读", "read-only")
	add(StatusUndone, "已撤销：%s %s", "undone: %s %s")
	add(StatusUndoHint, "Ctrl+Z 撤销", "Ctrl+Z undoes")
	add(StatusLoading, "正在读取...", "loading...")
	add(StatusWelcome, "欢迎使用双拥台账。直接输入姓名、拼音首字母或证件号后几位即可查找；F1 查看全部按键。", "Welcome. Type a name, its pinyin initials or the last digits of an ID to search; F1 lists every key.")
	add(StatusEastAsian, "提示：当前控制台按双宽显示部分符号，建议使用 Windows Terminal。", "Hint: this console draws some symbols double-width; Windows Terminal is recommended.")
	add(StatusBackupMade, "已自动备份：%s", "automatic backup written: %s")
	add(StatusDamaged, "已停止写入。%s", "writing stopped. %s")
	add(StatusUndoWhat, "Ctrl+Z 撤销「%s」", "Ctrl+Z undoes: %s")
	add(StatusNoBackup, "尚未备份", "no backup yet")
	add(StatusBackupToday, "备份 今天 %s", "backup today %s")
	add(StatusBackupOn, "备份 %s", "backup %s")
	add(StatusBackingUp, "正在备份...", "backing up...")
	add(StatusBackupDone, "已备份到：%s", "backup written: %s")
	add(StatusReadOnlyBanner, "只读打开：这个文件或它所在的文件夹不能写入，可以查看和导出，不能修改。", "Opened read-only: the file or its folder cannot be written. You can look and export, not change.")
	add(DamagedTitle, "数据文件已损坏", "The data file is damaged")
	add(DamagedOK, "知道了", "OK")
	add(DamagedClose, "关闭", "Close")
	add(KeyBackupNow, "立即备份", "back up now")
	add(StatusReadOnlyRefused, "数据文件已损坏，不能再修改。请先从备份恢复。", "The data file is damaged and cannot be changed. Restore a backup first.")
	add(TooSmall, "窗口太小，请把窗口放大到至少 %dx%d。", "The window is too small; make it at least %d x %d.")
	add(TooSmallSize, "现在是 %dx%d", "now %d x %d")

	add(ActUndo, "撤销", "undo")

	add(HelpTitle, "帮助：%s", "Help: %s")
	add(HelpGlobal, "任何时候", "Anywhere")
	add(HelpIME, "在列表里直接打字（汉字、拼音首字母、数字）就会筛选，不需要先按任何键；所有命令都在 F 键、Ctrl 组合键和 Enter/Esc/Tab 上，中文输入法开着也能用。", "In a list, typing (Chinese, pinyin initials, digits) filters at once; every command is on an F-key, a Ctrl combination or Enter/Esc/Tab, so they work with a Chinese input method switched on.")
	add(HelpMore, "...下面还有，按下键或 PgDn 查看", "... more below: Down or PgDn")
	add(HelpClose, "按 Esc 或 F1 关闭帮助", "Esc or F1 closes the help")

	add(LabelUpDown, "上/下", "Up/Down")
	add(LabelLeftRight, "左/右", "Left/Right")
	add(LabelNextField, "Enter/Tab/下", "Enter/Tab/Down")
	add(LabelPrevField, "Shift+Tab/上", "Shift+Tab/Up")
	add(LabelSpace, "空格", "Space")

	add(KeyHelp, "帮助", "help")
	add(KeyQuit, "退出", "quit")
	add(KeySettings, "设置", "settings")
	add(KeyUndo, "撤销上一次修改", "undo the last change")
	add(KeyNextTab, "下一页签", "next tab")
	add(KeyPrevTab, "上一页签", "previous tab")
	add(KeyJumpTab, "切换到第 1-4 页签", "go to tab 1-4")
	add(KeyMove, "上下移动", "move up/down")
	add(KeyPage, "翻页", "page up/down")
	add(KeyHomeEnd, "到开头/结尾", "first/last")
	add(KeyOpen, "打开", "open")
	add(KeyClear, "清除查找", "clear search")
	add(KeyBack, "返回", "back")
	add(KeyAdd, "新增", "add")
	add(KeyFilters, "更多筛选", "more filters")
	add(KeyEdit, "修改", "edit")
	add(KeyVisit, "登记走访", "record a visit")
	add(KeyTrash, "移到回收站", "move to trash")
	add(KeyReveal, "显示/隐藏完整证件号和电话", "show/hide full ID and phone")
	add(KeyType, "直接输入即查找", "type to search")
	add(KeyNextField, "下一项", "next field")
	add(KeyPrevField, "上一项", "previous field")
	add(KeySave, "保存", "save")
	add(KeyCancel, "取消", "cancel")
	add(KeyChoose, "选择", "choose")
	add(KeyToggle, "勾选/取消", "tick/untick")
	add(KeyConfirm, "确定", "confirm")
	add(KeyApply, "应用筛选", "apply filters")
	add(KeyReset, "清除全部筛选", "clear all filters")
	add(KeyScroll, "滚动", "scroll")

	add(GroupGlobal, "任何时候", "Anywhere")
	add(GroupList, "列表", "List")
	add(GroupDetail, "详情", "Detail")
	add(GroupForm, "表单", "Form")
	add(GroupDialog, "确认框", "Dialog")
	add(GroupPanel, "筛选面板", "Filter panel")
	add(GroupMove, "移动", "Moving")

	add(DialogYes, "确定", "OK")
	add(DialogNo, "取消", "Cancel")
	add(QuitTitle, "退出", "Quit")
	add(QuitBody, "表单里还有没保存的修改。现在退出，这些修改会丢失。", "A form has unsaved edits. Quitting now loses them.")
	add(QuitYes, "退出，不保存", "Quit without saving")
	add(QuitNo, "返回表单", "Back to the form")
	add(DiscardTitle, "放弃修改", "Discard edits")
	add(DiscardBody, "这张表单有没保存的修改。要放弃吗？", "This form has unsaved edits. Discard them?")
	add(DiscardYes, "放弃修改", "Discard")
	add(DiscardNo, "继续填写", "Keep editing")

	add(SettingsTitle, "设置", "Settings")
	add(SettingsOffice, "填报单位", "Office")
	add(SettingsOperator, "操作员", "Operator")
	add(SettingsVillage, "村（社区）%d", "Village %d")
	add(SettingsVillageNew, "新增村（社区）", "New village")
	add(SettingsVillagesHint, "清空名称即删除该村（社区）；人员的村（社区）会保留", "Clearing a name removes the village; people keep theirs")
	add(SettingsVillages, "本乡镇的村（社区）", "Villages of the township")
	add(SettingsAmounts, "默认慰问金（元）", "Default visit money (yuan)")
	add(SettingsAmountsHint, "登记走访时，某类人员还没有发放记录就先填这个金额", "offered for a visit when a category has no amount given yet")
	add(SettingsSaved, "设置已保存", "Settings saved")
	add(SettingsLoading, "正在读取设置...", "Loading settings...")
	add(SettingsOfficeRequired, "请填写填报单位，例如「某某镇退役军人服务站」", "Please enter the office, e.g. the township's veterans service station")
	add(SettingsOperatorRequired, "请填写操作员姓名（会写入修改记录）", "Please enter the operator's name (it goes into the change history)")
	add(SettingsVillageDup, "村（社区）名称重复：%s", "Duplicate village name: %s")

	add(SetupTitle, "首次使用", "First run")
	add(SetupIntro, "请先填写填报单位和操作员姓名（以后可按 F9 修改），然后按 Ctrl+S。", "Enter the office and the operator's name (F9 changes them later), then press Ctrl+S.")
	add(SetupDemoTitle, "数据文件是空的", "The data file is empty")
	add(SetupDemoBody, "要先载入一份演示数据（约 3000 人，虚构）熟悉操作吗？演示数据只适合练习，正式使用请另建数据文件。", "Load demo data (about 3000 fictional people) to try the program? Demo data is for practice; use a new data file for real work.")
	add(SetupDemoYes, "载入演示数据", "Load demo data")
	add(SetupDemoNo, "从空白开始", "Start empty")
	add(SetupDemoWorking, "正在生成演示数据，请稍候...", "Generating demo data, please wait...")
	add(SetupDemoDone, "已载入演示数据：%d 人，%d 项活动", "Demo data loaded: %d people, %d events")
	add(SetupEmptyStart, "从空白开始：在「军属」页按 F2 新增人员", "Starting empty: press F2 on the Families tab to add people")

	add(FormFieldOf, "第 %d/%d 项", "field %d of %d")
	add(FormUnset, "（未填）", "(not set)")
	add(FormNoneChosen, "（未选）", "(none)")
	add(FormPickHint, "左右键选择，或输入文字查找", "Left/Right to choose, or type to find")
	add(FormMultiHint, "左右键移动，空格勾选，可输入文字查找", "Left/Right to move, Space to tick, type to find")
	add(FormFixed, "（固定）", "(fixed)")
	add(FormCut, "输入了 %d 个字，超过长度，只保留了前 %d 个，请核对", "%d characters were typed; only the first %d were kept: please check")
	add(FormHasErrors, "有 %d 处需要改正，已跳到第一处", "%d fields need correcting; moved to the first")
	add(FormYes, "是", "Yes")
	add(FormNo, "否", "No")
	add(FormYearBad, "请写四位年份，如 2020", "Write a four-digit year, e.g. 2020")
	add(FormNumberBad, "请只写数字", "Digits only, please")

	add(SearchLabel, "查找", "Search")
	add(SearchHint, "输入姓名、拼音首字母、证件或电话后几位、村名、类别", "type a name, pinyin initials, ID or phone digits, village, category")

}
