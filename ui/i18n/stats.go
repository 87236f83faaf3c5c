package i18n

// Messages of the 统计 (statistics) tab: the yearly tally on screen, the records behind a
// figure, and the F6 export.
const (
	StTitle Key = "st.title"

	// The F9 settings field the tally's titles use (乡镇（街道）名称).
	SettingsTownship     Key = "settings.township"
	SettingsTownshipHint Key = "settings.township_hint"

	// Periods: a year or a range of years (「近五年来」), in titles, the navigator, keys.
	StPeriodYear       Key = "st.period.year"
	StPeriodRange      Key = "st.period.range"
	StRangeNav         Key = "st.range_nav"
	StLabelRange       Key = "st.label.range"
	StKeyRange         Key = "st.key.range"
	StColThisPeriod    Key = "st.col.this_period"
	StTotalActivities  Key = "st.total.activities"
	StTotalWithVisits  Key = "st.total.with_visits"
	StSecHeadlineRange Key = "st.sec.headline_range"
	StGroupPeriod      Key = "st.group.period"
	StItemOf           Key = "st.item_of"
	StQuarterEachYear  Key = "st.quarter_each_year"
	// The export form refuses the 公示版's list of people not visited.
	StExpPublicNotVisited Key = "st.exp.public_not_visited"
	StYearNav             Key = "st.year_nav"
	StAsOf                Key = "st.as_of"
	StWholeYear           Key = "st.whole_year"
	StComputing           Key = "st.computing"
	StComputingTitle      Key = "st.computing_title"
	StComputingBody       Key = "st.computing_body"
	StFailed              Key = "st.failed"
	StFailedTitle         Key = "st.failed_title"
	StEmpty               Key = "st.empty"
	StEmptyHint           Key = "st.empty_hint"
	StOpenHint            Key = "st.open_hint"
	StColon               Key = "st.colon"

	StSecHeadline    Key = "st.sec.headline"
	StSecCoverage    Key = "st.sec.coverage"
	StSecMonths      Key = "st.sec.months"
	StSecRoster      Key = "st.sec.roster"
	StSecVillages    Key = "st.sec.villages"
	StSecVisits      Key = "st.sec.visits"
	StSecEvents      Key = "st.sec.events"
	StSecItems       Key = "st.sec.items"
	StSecSupportTo   Key = "st.sec.support_to"
	StSecSupportFrom Key = "st.sec.support_from"
	StSecSummary     Key = "st.sec.summary"
	StNoSupport      Key = "st.no_support"

	StGroupYear     Key = "st.group.year"
	StGroupCoverage Key = "st.group.coverage"
	StQ1            Key = "st.q1"
	StQ2            Key = "st.q2"
	StQ3            Key = "st.q3"
	StQ4            Key = "st.q4"
	StMonth         Key = "st.month"
	StTotalRow      Key = "st.total_row"
	StAllTypes      Key = "st.all_types"
	StNoVillage     Key = "st.no_village"
	StCovered       Key = "st.covered"
	StOnRoll        Key = "st.on_roll"
	StNotVisited    Key = "st.not_visited"

	StChartActivities Key = "st.chart.activities"
	StChartVisits     Key = "st.chart.visits"

	StColMeasure      Key = "st.col.measure"
	StColThisYear     Key = "st.col.this_year"
	StColUnit         Key = "st.col.unit"
	StColLastYear     Key = "st.col.last_year"
	StColChange       Key = "st.col.change"
	StColPct          Key = "st.col.pct"
	StColCategory     Key = "st.col.category"
	StColCount        Key = "st.col.count"
	StColNew          Key = "st.col.new"
	StColRemoved      Key = "st.col.removed"
	StColVillage      Key = "st.col.village"
	StColTotal        Key = "st.col.total"
	StColVisits       Key = "st.col.visits"
	StColPeople       Key = "st.col.people"
	StColHouseholds   Key = "st.col.households"
	StColMoney        Key = "st.col.money"
	StColGoods        Key = "st.col.goods"
	StColSum          Key = "st.col.sum"
	StColRate         Key = "st.col.rate"
	StColType         Key = "st.col.type"
	StColEvents       Key = "st.col.events"
	StColParticipants Key = "st.col.participants"
	StColMilitary     Key = "st.col.military"
	StColSpent        Key = "st.col.spent"
	StColItem         Key = "st.col.item"
	StColQty          Key = "st.col.qty"
	StColItemUnit     Key = "st.col.item_unit"
	StColItemEvents   Key = "st.col.item_events"
	StColUnitName     Key = "st.col.unit_name"
	StColKind         Key = "st.col.kind"
	StColItems        Key = "st.col.items"
	StColStatus       Key = "st.col.status"
	StColDate         Key = "st.col.date"
	StColMode         Key = "st.col.mode"
	StColGoodsName    Key = "st.col.goods_name"
	StColEvent        Key = "st.col.event"
	StColEventTitle   Key = "st.col.event_title"
	StColReached      Key = "st.col.reached"

	StUnitPeople     Key = "st.unit.people"
	StUnitVisits     Key = "st.unit.visits"
	StUnitHouseholds Key = "st.unit.households"
	StUnitYuan       Key = "st.unit.yuan"
	StUnitTimes      Key = "st.unit.times"
	StUnitEvents     Key = "st.unit.events"

	StRecTitle      Key = "st.rec.title"
	StRecBack       Key = "st.rec.back"
	StRecPeople     Key = "st.rec.people"
	StRecHouseholds Key = "st.rec.households"
	StRecVisits     Key = "st.rec.visits"
	StRecEvents     Key = "st.rec.events"
	StRecNone       Key = "st.rec.none"

	StExpTitle         Key = "st.exp.title"
	StExpEdition       Key = "st.exp.edition"
	StExpInternal      Key = "st.exp.internal"
	StExpPublic        Key = "st.exp.public"
	StExpInternalShort Key = "st.exp.internal_short"
	StExpPublicShort   Key = "st.exp.public_short"
	StExpFormat        Key = "st.exp.format"
	StExpXLSX          Key = "st.exp.xlsx"
	StExpCSV           Key = "st.exp.csv"
	StExpText          Key = "st.exp.text"
	StExpTable         Key = "st.exp.table"
	StExpYear          Key = "st.exp.year"
	StExpPath          Key = "st.exp.path"
	StExpNote          Key = "st.exp.note"
	StExpNoteBody      Key = "st.exp.note_body"
	StExpPathEmpty     Key = "st.exp.path_empty"
	StExpNoDir         Key = "st.exp.no_dir"
	StExpExistsTitle   Key = "st.exp.exists_title"
	StExpExistsBody    Key = "st.exp.exists_body"
	StExpExistsYes     Key = "st.exp.exists_yes"
	StExpExistsNo      Key = "st.exp.exists_no"
	StExpRunning       Key = "st.exp.running"
	StExpStopHint      Key = "st.exp.stop_hint"
	StExpPhaseTally    Key = "st.exp.phase_tally"
	StExpPhaseRows     Key = "st.exp.phase_rows"
	StExpPhaseFinish   Key = "st.exp.phase_finish"
	StExpDone          Key = "st.exp.done"
	StExpCancelled     Key = "st.exp.cancelled"
	StExpFailed        Key = "st.exp.failed"
	StFileXLSX         Key = "st.file.xlsx"
	StFileCSV          Key = "st.file.csv"
	StFileText         Key = "st.file.text"
	StFilePublic       Key = "st.file.public"

	StLabelArrows  Key = "st.label.arrows"
	StLabelYear    Key = "st.label.year"
	StKeyMove      Key = "st.key.move"
	StKeyYear      Key = "st.key.year"
	StKeyOpen      Key = "st.key.open"
	StKeyExport    Key = "st.key.export"
	StKeyBack      Key = "st.key.back"
	StKeyStart     Key = "st.key.start"
	StKeyStop      Key = "st.key.stop"
	StGroupTally   Key = "st.group.tally"
	StGroupRecords Key = "st.group.records"
	StGroupExport  Key = "st.group.export"
)

func init() {
	add(StTitle, "%s%s双拥工作统计", "%s tally for %s")
	add(StYearNav, "< %d  [%d]  %d >", "< %d  [%d]  %d >")
	add(StAsOf, "截至 %s", "as of %s")
	add(StWholeYear, "全年", "whole year")
	add(StComputing, "计算中...", "computing...")
	add(StComputingTitle, "正在统计 %s", "Tallying %s")
	add(StComputingBody, "计算中...", "Computing...")
	add(StFailed, "统计失败", "tally failed")
	add(StFailedTitle, "%s的统计没有算出来", "The tally of %s could not be computed")
	add(StEmpty, "%s没有登记任何优抚对象、走访或活动。", "Nothing is recorded for %s: no people on the roll, no visits, no events.")
	add(StEmptyHint, "按 Ctrl+左/右（或 - 和 +）换一个年度；人员和走访在「军属」页登记。", "Ctrl+Left/Right (or - and +) changes the year; people and visits are recorded on the Families tab.")
	add(StOpenHint, "Enter 查看这些记录", "Enter lists the records")
	add(StColon, "：", ": ")

	add(StSecHeadline, "主要指标（与上年比较）", "Headline figures (against last year)")
	add(StSecCoverage, "走访覆盖率（在册优抚对象）", "Visit coverage (people on the roll)")
	add(StSecMonths, "各月双拥活动与走访慰问", "Activities and visits by month")
	add(StSecRoster, "优抚对象基本情况（按类别）", "People on the roll by category")
	add(StSecVillages, "优抚对象分村（社区）统计", "People on the roll by village")
	add(StSecVisits, "走访慰问情况（按类别、季度）", "Visits by category and quarter")
	add(StSecEvents, "双拥活动情况（按类型、季度）", "Events by type and quarter")
	add(StSecItems, "活动物品及成果", "Items and results of events")
	add(StSecSupportTo, "拥军优属：各单位情况", "Support for the military, by unit")
	add(StSecSupportFrom, "拥政爱民：各单位情况", "Support from the military, by unit")
	add(StSecSummary, "年度总结数字段落（草稿，可复制到总结中修改）", "Figures paragraph for the yearly summary (draft)")
	add(StNoSupport, "本年没有记录。", "Nothing recorded this year.")

	add(StGroupYear, "全年", "Year")
	add(StGroupCoverage, "覆盖情况", "Coverage")
	add(StQ1, "第一季度", "Q1")
	add(StQ2, "第二季度", "Q2")
	add(StQ3, "第三季度", "Q3")
	add(StQ4, "第四季度", "Q4")
	add(StMonth, "%d月", "M%d")
	add(StTotalRow, "合计", "Total")
	add(StAllTypes, "全部类型", "All types")
	add(StNoVillage, "未填村（社区）", "No village")
	add(StCovered, "已走访", "Visited")
	add(StOnRoll, "在册", "On roll")
	add(StNotVisited, "未走访", "Not visited")

	add(StChartActivities, "双拥活动（场）", "Activities")
	add(StChartVisits, "走访慰问（人次）", "Visits")

	add(StColMeasure, "指标", "Figure")
	add(StColThisYear, "本年", "This year")
	add(StColUnit, "单位", "Unit")
	add(StColLastYear, "%d年", "%d")
	add(StColChange, "增减", "Change")
	add(StColPct, "增幅", "Change %")
	add(StColCategory, "类别", "Category")
	add(StColCount, "年末在册", "On roll")
	add(StColNew, "本年新增", "New")
	add(StColRemoved, "本年减少", "Removed")
	add(StColVillage, "村（社区）", "Village")
	add(StColTotal, "合计", "Total")
	add(StColVisits, "人次", "Visits")
	add(StColPeople, "人数", "People")
	add(StColHouseholds, "户数", "Households")
	add(StColMoney, "慰问金(元)", "Cash")
	add(StColGoods, "慰问品(元)", "Goods")
	add(StColSum, "合计(元)", "Total")
	add(StColRate, "覆盖率", "Rate")
	add(StColType, "活动类型", "Type")
	add(StColEvents, "场次", "Events")
	add(StColParticipants, "参加人数", "Attended")
	add(StColMilitary, "其中官兵", "Military")
	add(StColSpent, "经费(元)", "Spent")
	add(StColItem, "物品/成果", "Item")
	add(StColQty, "数量", "Quantity")
	add(StColItemUnit, "计量单位", "Unit")
	add(StColItemEvents, "涉及活动", "Events")
	add(StColUnitName, "单位名称", "Unit")
	add(StColKind, "类型", "Kind")
	add(StColItems, "物品", "Items")
	add(StColStatus, "状态", "Status")
	add(StColDate, "日期", "Date")
	add(StColMode, "方式", "Mode")
	add(StColGoodsName, "慰问品", "Goods")
	add(StColEvent, "所属活动", "Event")
	add(StColEventTitle, "活动名称", "Title")
	add(StColReached, "走访人数", "Reached")

	add(StUnitPeople, "人", "people")
	add(StUnitVisits, "人次", "person-times")
	add(StUnitHouseholds, "户", "households")
	add(StUnitYuan, "元", "yuan")
	add(StUnitTimes, "次", "times")
	add(StUnitEvents, "场", "events")

	add(StRecTitle, "%s明细：%s", "Records of %s: %s")
	add(StRecBack, "Esc 返回统计", "Esc back to the tally")
	add(StRecPeople, "共 %d 人", "%d people")
	add(StRecHouseholds, "共 %d 户、%d 人", "%d households, %d people")
	add(StRecVisits, "共 %d 条走访记录", "%d visits")
	add(StRecEvents, "共 %d 项活动", "%d events")
	add(StRecNone, "这个数字背后没有记录。", "No records behind this figure.")

	add(StExpTitle, "导出%s统计", "Export the tally of %s")
	add(StExpEdition, "版本", "Edition")
	add(StExpInternal, "内部版（完整，标注「内部资料 注意保密」）", "Internal (complete, marked confidential)")
	add(StExpPublic, "公示版（证件号、电话、住址打码，不含残疾和健康信息）", "Public (IDs, phones and addresses masked; no disability or health data)")
	add(StExpInternalShort, "内部版", "internal")
	add(StExpPublicShort, "公示版", "public")
	add(StExpFormat, "格式", "Format")
	add(StExpXLSX, "Excel 工作簿 .xlsx（全部表格和明细）", "Excel workbook .xlsx (every table and the details)")
	add(StExpCSV, "CSV 表格 .csv（选一张表）", "CSV .csv (one table)")
	add(StExpText, "年度总结数字段落 .txt", "Summary figures paragraph .txt")
	add(StExpTable, "表格", "Table")
	add(StExpYear, "年度", "Year")
	add(StExpPath, "保存到", "Save to")
	add(StExpNote, "说明", "Note")
	add(StExpNoteBody, "按 F6 或 Ctrl+S 开始导出。文件先写成临时文件，写完才替换，导出失败不会损坏原有文件。", "F6 or Ctrl+S starts the export. The file is written under a temporary name and renamed when complete: a failed export never damages an existing file.")
	add(StExpPathEmpty, "请填写要保存的文件路径", "Please enter the file to write")
	add(StExpNoDir, "文件夹不存在：%s", "No such folder: %s")
	add(StExpExistsTitle, "文件已存在", "The file exists")
	add(StExpExistsBody, "%s 已经存在。要用这次导出的文件替换它吗？", "%s already exists. Replace it with this export?")
	add(StExpExistsYes, "替换", "Replace")
	add(StExpExistsNo, "返回修改", "Go back")
	add(StExpRunning, "正在导出%s统计（%s，%s）", "Exporting the tally of %s (%s, %s)")
	add(StExpStopHint, "Esc 取消导出（原有文件不受影响）", "Esc cancels (an existing file is left as it was)")
	add(StExpPhaseTally, "正在统计...", "tallying...")
	add(StExpPhaseRows, "已写入 %d / %d", "written %d of %d")
	add(StExpPhaseFinish, "正在压缩、保存文件...", "compressing and saving the file...")
	add(StExpDone, "已导出：%s", "Exported: %s")
	add(StExpCancelled, "已取消导出，没有写入任何文件", "Export cancelled; nothing was written")
	add(StExpFailed, "导出失败：%s", "Export failed: %s")
	add(StFileXLSX, "%s%s双拥工作统计表", "%s %s tally")
	add(StFileCSV, "%s%s%s", "%s %s %s")
	add(StFileText, "%s%s双拥工作总结数字段落", "%s %s summary figures")
	add(StFilePublic, "（公示版）", " (public)")

	add(StLabelArrows, "上/下/左/右", "Arrows")
	add(StLabelYear, "Ctrl+左/右 -/+", "Ctrl+Left/Right -/+")
	add(StKeyMove, "选择数字", "choose a figure")
	add(StKeyYear, "换年度", "change the year")
	add(StKeyOpen, "查看明细", "list the records")
	add(StKeyExport, "导出", "export")
	add(StKeyBack, "返回统计", "back to the tally")
	add(StKeyStart, "开始导出", "start the export")
	add(StKeyStop, "取消导出", "cancel the export")
	add(StGroupTally, "统计", "Tally")
	add(StGroupRecords, "明细", "Records")
	add(StGroupExport, "导出", "Export")
	add(SettingsTownship, "乡镇（街道）名称", "Township")
	add(StPeriodYear, "%d年度", "%d")
	add(StPeriodRange, "%d年至%d年", "%d-%d")
	add(StRangeNav, "< %s  [%s]  %s >", "< %s  [%s]  %s >")
	add(StLabelRange, "Ctrl+R", "Ctrl+R")
	add(StKeyRange, "单年/近五年", "one year / five years")
	add(StColThisPeriod, "本期", "This period")
	add(StTotalActivities, "合计（不含走访慰问）", "Total without home visits")
	add(StSecHeadlineRange, "主要指标", "Headline figures")
	add(StGroupPeriod, "全期", "Period")
	add(StItemOf, "其中%s", "of them %s")
	add(StQuarterEachYear, "各年%s", "%s, all years")
	add(StExpPublicNotVisited, "公示版不含未走访人员名单（工作清单，不宜公示），请选内部版或别的表",
		"the public version has no list of people not visited (a work list, not for posting): choose the internal version or another table")
	add(StTotalWithVisits, "合计（含走访慰问）", "Total (with home visits)")
	add(SettingsTownshipHint, "统计表标题用，如「青山镇」；不填则用填报单位", "for the tally's titles; empty: the office")
}
