package i18n

// Messages of the 活动 (events) tab — the list, the F3 filters, the detail, the event
// form — and of the visit editor (ui/visitedit), which the 军属 tab shares.
const (
	EvColDate   Key = "ev.col.date"
	EvColType   Key = "ev.col.type"
	EvColTitle  Key = "ev.col.title"
	EvColPlace  Key = "ev.col.place"
	EvColPeople Key = "ev.col.people"
	EvColMoney  Key = "ev.col.money"
	EvColDir    Key = "ev.col.direction"

	EvLabelDate      Key = "ev.label.date"
	EvLabelEndDate   Key = "ev.label.end_date"
	EvLabelType      Key = "ev.label.type"
	EvLabelOccasion  Key = "ev.label.occasion"
	EvLabelTitle     Key = "ev.label.title"
	EvLabelPlace     Key = "ev.label.place"
	EvLabelOrganiser Key = "ev.label.organiser"
	EvLabelLead      Key = "ev.label.lead"
	EvLabelDirection Key = "ev.label.direction"
	EvLabelPeople    Key = "ev.label.participants"
	EvLabelMilitary  Key = "ev.label.military"
	EvLabelMoney     Key = "ev.label.money"
	EvLabelSource    Key = "ev.label.source"
	EvLabelStdMoney  Key = "ev.label.std_money"
	EvLabelStdGoods  Key = "ev.label.std_goods"
	EvLabelStdValue  Key = "ev.label.std_value"
	EvLabelNote      Key = "ev.label.note"
	EvLabelFromVisit Key = "ev.label.from_visits"
	EvLabelUnit      Key = "ev.label.unit"
	EvLabelRole      Key = "ev.label.role"
	EvLabelItem      Key = "ev.label.item"
	EvLabelQty       Key = "ev.label.qty"
	EvLabelItemUnit  Key = "ev.label.item_unit"
	EvLabelItemOf    Key = "ev.label.item_of"
	EvItemOfNone     Key = "ev.item_of_none"
	EvItemOf         Key = "ev.item_of"
	EvDetOfWhich     Key = "ev.det.of_which"
	EvLabelCreated   Key = "ev.label.created"
	EvLabelUpdated   Key = "ev.label.updated"

	EvSearchPlaceholder Key = "ev.search_placeholder"
	EvCount             Key = "ev.count"
	EvCountOf           Key = "ev.count_of"
	EvCountNone         Key = "ev.count_none"
	EvTotals            Key = "ev.totals"
	EvTotalsPending     Key = "ev.totals_pending"
	EvYear              Key = "ev.year"
	EvYearHint          Key = "ev.year_hint"
	EvYearFuture        Key = "ev.year_future"
	EvFilters           Key = "ev.filters"
	EvFiltersCleared    Key = "ev.filters_cleared"
	EvLoading           Key = "ev.loading"
	EvEmptyYear         Key = "ev.empty_year"
	EvEmptyYear2        Key = "ev.empty_year2"
	EvNoMatch           Key = "ev.no_match"
	EvNoMatch2          Key = "ev.no_match2"
	EvNoMatchFilter     Key = "ev.no_match_filter"
	EvNoSelection       Key = "ev.no_selection"
	EvGone              Key = "ev.gone"

	EvFilterTitle     Key = "ev.filter.title"
	EvFilterMonth     Key = "ev.filter.month"
	EvFilterUnit      Key = "ev.filter.unit"
	EvFilterAny       Key = "ev.filter.any"
	EvFilterMonthN    Key = "ev.filter.month_n"
	EvFilterUnitsHint Key = "ev.filter.units_hint"

	EvDetTitle       Key = "ev.det.title"
	EvDetBasic       Key = "ev.det.basic"
	EvDetUnits       Key = "ev.det.units"
	EvDetUnitsNone   Key = "ev.det.units_none"
	EvDetUnitTrashed Key = "ev.det.unit_trashed"
	EvDetItems       Key = "ev.det.items"
	EvDetItemsNone   Key = "ev.det.items_none"
	EvDetVisits      Key = "ev.det.visits"
	EvDetVisitsNone  Key = "ev.det.visits_none"
	EvDetFigures     Key = "ev.det.figures"
	EvDetFromVisits  Key = "ev.det.from_visits"
	EvDetOpenNeeds   Key = "ev.det.open_needs"
	EvDetLoading     Key = "ev.det.loading"

	EvVisColName     Key = "ev.vis.name"
	EvVisColDate     Key = "ev.vis.date"
	EvVisColMode     Key = "ev.vis.mode"
	EvVisColMoney    Key = "ev.vis.money"
	EvVisColGoods    Key = "ev.vis.goods"
	EvVisColNeed     Key = "ev.vis.need"
	EvVisColResolved Key = "ev.vis.resolved"
	EvVisColFollowUp Key = "ev.vis.follow_up"
	EvVisColSigned   Key = "ev.vis.signed"
	EvVisOpen        Key = "ev.vis.open"
	EvVisSignedYes   Key = "ev.vis.signed_yes"

	EvFormAdd        Key = "ev.form.add"
	EvFormEdit       Key = "ev.form.edit"
	EvFormFigures    Key = "ev.form.figures"
	EvFormCampaign   Key = "ev.form.campaign"
	EvFormUnits      Key = "ev.form.units"
	EvFormUnitsHint  Key = "ev.form.units_hint"
	EvFormItems      Key = "ev.form.items"
	EvFormItemsHint  Key = "ev.form.items_hint"
	EvFormOther      Key = "ev.form.other"
	EvFormVisitFig   Key = "ev.form.visit_figures"
	EvFormVisitNew   Key = "ev.form.visit_new"
	EvFormUnitMatch  Key = "ev.form.unit_match"
	EvFormUnitNone   Key = "ev.form.unit_none"
	EvFormUnitMany   Key = "ev.form.unit_many"
	EvFormUnitNoList Key = "ev.form.unit_no_list"
	EvFormUnitTwice  Key = "ev.form.unit_twice"
	EvFormItemUsed   Key = "ev.form.item_used"
	EvFormItemNoName Key = "ev.form.item_no_name"
	EvFormQtyBad     Key = "ev.form.qty_bad"
	EvFormDateHint   Key = "ev.form.date_hint"
	EvFormMoneyHint  Key = "ev.form.money_hint"
	EvFormCountHint  Key = "ev.form.count_hint"

	EvAdded      Key = "ev.added"
	EvSaved      Key = "ev.saved"
	EvTrashed    Key = "ev.trashed"
	EvTrashTitle Key = "ev.trash_title"
	EvTrashBody  Key = "ev.trash_body"
	EvTrashYes   Key = "ev.trash_yes"

	EvKeyYear       Key = "ev.key.year"
	EvKeyOpenVisit  Key = "ev.key.open_visit"
	EvKeyOpenPerson Key = "ev.key.open_person"
	EvKeyScrollInfo Key = "ev.key.scroll_info"
	EvKeyOpenUnit   Key = "ev.key.open_unit"
	EvKeyYearLabel  Key = "ev.key.year_label"
	EvKeyInfoLabel  Key = "ev.key.info_label"
	EvPickUnit      Key = "ev.pick_unit"
	EvPickUnitHint  Key = "ev.pick_unit_hint"
	EvKeyTrashVisit Key = "ev.key.trash_visit"

	VeTitle          Key = "ve.title"
	VeLoading        Key = "ve.loading"
	VePerson         Key = "ve.person"
	VeEvent          Key = "ve.event"
	VeDate           Key = "ve.date"
	VeMode           Key = "ve.mode"
	VeVisitors       Key = "ve.visitors"
	VeMoney          Key = "ve.money"
	VeGoods          Key = "ve.goods"
	VeGoodsValue     Key = "ve.goods_value"
	VeCondition      Key = "ve.condition"
	VeNeed           Key = "ve.need"
	VeResolvedOn     Key = "ve.resolved_on"
	VeResolution     Key = "ve.resolution"
	VeFollowUp       Key = "ve.follow_up"
	VeSigned         Key = "ve.signed"
	VeNote           Key = "ve.note"
	VeNeedHead       Key = "ve.need_head"
	VeNeedHint       Key = "ve.need_hint"
	VeResolvedFuture Key = "ve.resolved_future"
	VeResolvedNoNeed Key = "ve.resolved_no_need"
	VeResolvedToday  Key = "ve.resolved_today"
	VeSaved          Key = "ve.saved"
	VeResolved       Key = "ve.resolved"
	VeTrashed        Key = "ve.trashed"
	VeTrashTitle     Key = "ve.trash_title"
	VeTrashBody      Key = "ve.trash_body"
	VeTrashLast      Key = "ve.trash_last"
	VeTrashYes       Key = "ve.trash_yes"
	VeGone           Key = "ve.gone"
)

func init() {
	add(EvColDate, "日期", "Date")
	add(EvColType, "类型", "Type")
	add(EvColTitle, "活动名称", "Title")
	add(EvColPlace, "地点/单位", "Place / units")
	add(EvColPeople, "人次", "People")
	add(EvColMoney, "金额(元)", "Yuan")
	add(EvColDir, "方向", "Direction")

	add(EvLabelDate, "活动日期", "Date")
	add(EvLabelEndDate, "结束日期", "End date")
	add(EvLabelType, "活动类型", "Type")
	add(EvLabelOccasion, "时机", "Occasion")
	add(EvLabelTitle, "活动名称", "Title")
	add(EvLabelPlace, "地点", "Place")
	add(EvLabelOrganiser, "组织单位", "Organiser")
	add(EvLabelLead, "带队领导", "Lead")
	add(EvLabelDirection, "方向", "Direction")
	add(EvLabelPeople, "参加人数", "Participants")
	add(EvLabelMilitary, "其中部队官兵", "Of them military")
	add(EvLabelMoney, "金额（元）", "Money (yuan)")
	add(EvLabelSource, "资金来源", "Source of funds")
	add(EvLabelStdMoney, "每人慰问金", "Amount per person")
	add(EvLabelStdGoods, "每人慰问品", "Goods per person")
	add(EvLabelStdValue, "每人慰问品价值", "Goods value per person")
	add(EvLabelNote, "备注", "Notes")
	add(EvLabelFromVisit, "人次与金额", "People, money")
	add(EvLabelUnit, "单位 %d", "Unit %d")
	add(EvLabelRole, "  角色", "  Role")
	add(EvLabelItem, "物品 %d", "Item %d")
	add(EvLabelQty, "  数量", "  Quantity")
	add(EvLabelItemUnit, "  计量单位", "  Counted in")
	add(EvLabelItemOf, "  其中", "  Part of")
	add(EvItemOfNone, "不是其中的分项", "not a breakdown")
	add(EvItemOf, "是第 %d 项的其中", "a breakdown of item %d")
	add(EvDetOfWhich, "其中", "of which")
	add(EvLabelCreated, "登记时间", "Entered")
	add(EvLabelUpdated, "最后修改", "Last changed")

	add(EvSearchPlaceholder, "活动名称、地点、单位", "title, place, unit")
	add(EvCount, "%d 年 共 %d 项活动", "%d: %d events")
	add(EvCountNone, "共 0 项", "none")
	add(EvCountOf, "第 %d / %d 项", "%d of %d")
	add(EvTotals, "合计：%d 项活动，%d 人次，%s 元", "Totals: %d events, %d people, %s yuan")
	add(EvTotalsPending, "合计：正在统计...", "Totals: counting...")
	add(EvYear, "%d 年", "%d")
	add(EvYearHint, "Ctrl+左/右 换年份", "Ctrl+Left/Right: year")
	add(EvYearFuture, "%d 年还没有到，不能往后翻了", "%d has not come yet")
	add(EvFilters, "筛选：%s", "filters: %s")
	add(EvFiltersCleared, "已清除全部筛选条件", "All filters cleared")
	add(EvLoading, "正在查找...", "searching...")
	add(EvEmptyYear, "%d 年还没有登记活动。", "No events recorded for %d.")
	add(EvEmptyYear2, "按 F2 登记一项活动（联欢会、座谈会、表彰、宣传、集中走访慰问等）；Ctrl+左右 换年份。", "F2 records an event (gala, forum, commendation, publicity, a visit campaign); Ctrl+Left/Right changes the year.")
	add(EvNoMatch, "没有找到与「%s」匹配的活动。", "No event matches %q.")
	add(EvNoMatch2, "可以输入活动名称、地点、组织单位或参与单位名称的一部分。按 Esc 清除查找，F2 新增。", "Try part of the title, place, organiser or a unit's name. Esc clears the search, F2 adds an event.")
	add(EvNoMatchFilter, "当前筛选条件下没有活动。按 F3 修改筛选条件，按 Esc 清除。", "No event matches the filters. F3 changes them; Esc clears them.")
	add(EvNoSelection, "请先用上下键选中一项活动。", "Select an event first (Up/Down).")
	add(EvGone, "这项活动已不在台账上（可能已移到回收站或被撤销）。", "This event is no longer in the ledger (trashed or undone).")

	add(EvFilterTitle, "筛选活动", "Filter events")
	add(EvFilterMonth, "月份", "Month")
	add(EvFilterUnit, "参与单位", "Unit")
	add(EvFilterAny, "不限", "Any")
	add(EvFilterMonthN, "%d 月", "Month %d")
	add(EvFilterUnitsHint, "单位列表还在读取，或还没有登记单位（在「单位」页登记）", "Units are loading, or none is registered yet (Units tab)")

	add(EvDetTitle, "活动：%s", "Event: %s")
	add(EvDetBasic, "基本情况", "Details")
	add(EvDetUnits, "参与单位（%d）", "Units (%d)")
	add(EvDetUnitsNone, "没有登记参与单位", "No units recorded")
	add(EvDetUnitTrashed, "（已在回收站）", " (in the trash)")
	add(EvDetItems, "物品/数量（%d 项）", "Items (%d)")
	add(EvDetItemsNone, "没有登记物品或数量", "No items recorded")
	add(EvDetVisits, "走访对象（共 %d 人次，慰问金 %s 元，慰问品 %s 元，未解决诉求 %d 条）", "People visited (%d; money %s, goods %s yuan; %d open needs)")
	add(EvDetVisitsNone, "还没有走访记录。", "No visits yet.")
	add(EvDetFigures, "人数与经费", "People and money")
	add(EvDetFromVisits, "%d 人次，%s 元（由走访记录汇总）", "%d people, %s yuan (from the visits)")
	add(EvDetOpenNeeds, "未解决诉求", "Open needs")
	add(EvDetLoading, "正在读取...", "loading...")

	add(EvVisColName, "姓名", "Name")
	add(EvVisColDate, "日期", "Date")
	add(EvVisColMode, "方式", "Mode")
	add(EvVisColMoney, "慰问金", "Money")
	add(EvVisColGoods, "慰问品", "Goods")
	add(EvVisColNeed, "困难诉求", "Need")
	add(EvVisColResolved, "解决情况", "Resolution")
	add(EvVisColFollowUp, "回访", "Follow-up")
	add(EvVisColSigned, "签领", "Signed")
	add(EvVisOpen, "未解决", "open")
	add(EvVisSignedYes, "已签", "yes")

	add(EvFormAdd, "登记活动", "Record an event")
	add(EvFormEdit, "修改活动：%s", "Edit event: %s")
	add(EvFormFigures, "人数与经费", "People and money")
	add(EvFormCampaign, "集中走访的标准（可不填）", "Campaign standard (optional)")
	add(EvFormUnits, "参与单位", "Units taking part")
	add(EvFormUnitsHint, "输入单位名称的一部分，离开这一栏时选定；清空名称即删去这一行。", "Type part of a unit's name; it is chosen when you leave the field. Clear the name to remove the row.")
	add(EvFormItems, "物品/数量", "Items counted")
	add(EvFormItemsHint, "如 鞋垫 276 双、就业岗位 1537 个；会提示以前用过的名称。", "e.g. insoles 276 pairs; names used before are suggested.")
	add(EvFormOther, "其他", "Other")
	add(EvFormVisitFig, "%d 人次，慰问金和慰问品 %s 元（由走访记录汇总，不在这里填）", "%d people, %s yuan (from the visits, not typed here)")
	add(EvFormVisitNew, "走访慰问活动的人次和金额由走访记录汇总，不在这里填", "A visit round's people and money come from its visits, not typed here")
	add(EvFormUnitMatch, "可选：%s", "Matches: %s")
	add(EvFormUnitNone, "没有名称含「%s」的单位；请先在「单位」页按 F2 登记", "No unit's name contains %q; register it first on the Units tab (F2)")
	add(EvFormUnitMany, "有 %d 个单位名称含「%s」，请写得更完整：%s", "%d units match %q; be more specific: %s")
	add(EvFormUnitNoList, "单位列表还在读取，请稍候再离开这一栏", "The unit list is still loading; leave the field again in a moment")
	add(EvFormUnitTwice, "这个单位已在上面以同一角色列出", "This unit is already listed above with the same role")
	add(EvFormItemUsed, "以前用过：%s", "Used before: %s")
	add(EvFormItemNoName, "请先填写物品名称", "Write the item's name first")
	add(EvFormQtyBad, "请写 0 到 100000000 之间的整数", "Write a whole number from 0 to 100000000")
	add(EvFormDateHint, "如 2026-11-29", "e.g. 2026-11-29")
	add(EvFormMoneyHint, "元，如 15000", "yuan, e.g. 15000")
	add(EvFormCountHint, "如 300", "e.g. 300")

	add(EvAdded, "已登记活动：%s", "Event recorded: %s")
	add(EvSaved, "已保存活动：%s", "Event saved: %s")
	add(EvTrashed, "活动「%s」已移到回收站", "Event %q moved to the trash")
	add(EvTrashTitle, "移到回收站", "Move to trash")
	add(EvTrashBody, "把活动「%s」（%s）移到回收站？\n它的 %d 条走访记录也一起移走；可以按 Ctrl+Z 撤销。", "Move the event %q (%s) to the trash?\nIts %d visits go with it; Ctrl+Z undoes it.")
	add(EvTrashYes, "移到回收站", "Move to trash")

	add(EvKeyYear, "换年份", "year")
	add(EvKeyOpenVisit, "打开走访记录", "open visit")
	add(EvKeyOpenPerson, "到军属页看此人", "show person")
	add(EvKeyScrollInfo, "上下翻看活动信息", "scroll details")
	add(EvKeyYearLabel, "Ctrl+左/右", "Ctrl+Left/Right")
	add(EvKeyInfoLabel, "Ctrl+上/下", "Ctrl+Up/Down")
	add(EvKeyOpenUnit, "到单位页看参与单位", "show a unit")
	add(EvPickUnit, "打开哪个参与单位？", "Open which unit?")
	add(EvPickUnitHint, "左右键选择，Enter 到「单位」页打开，Esc 返回", "Left/Right to choose, Enter opens it on the Units tab, Esc goes back")
	add(EvKeyTrashVisit, "走访记录移到回收站", "trash visit")

	add(VeTitle, "走访记录：%s，%s", "Visit: %s, %s")
	add(VeLoading, "正在读取走访记录...", "loading the visit...")
	add(VePerson, "走访对象", "Person")
	add(VeEvent, "所属活动", "Event")
	add(VeDate, "走访日期", "Date")
	add(VeMode, "走访方式", "Mode")
	add(VeVisitors, "走访人", "Visitors")
	add(VeMoney, "慰问金（元）", "Money (yuan)")
	add(VeGoods, "慰问品", "Goods")
	add(VeGoodsValue, "慰问品价值（元）", "Goods value (yuan)")
	add(VeCondition, "看到的情况", "Condition seen")
	add(VeNeed, "困难诉求", "Need raised")
	add(VeResolvedOn, "解决日期", "Resolved on")
	add(VeResolution, "怎样解决的", "How it was resolved")
	add(VeFollowUp, "回访日期", "Follow-up date")
	add(VeSigned, "已签领", "Signed")
	add(VeNote, "备注", "Notes")
	add(VeNeedHead, "困难诉求与解决", "Need and resolution")
	add(VeNeedHint, "填上解决日期，这条诉求就算已解决。", "A need counts as resolved once it has a date of resolution.")
	add(VeResolvedFuture, "解决日期不能晚于今天", "The date of resolution cannot be after today")
	add(VeResolvedNoNeed, "没有困难诉求，不用填解决日期", "There is no need to resolve")
	add(VeResolvedToday, "已按今天填上解决日期，可以修改", "Resolved today, filled in; change it if need be")
	add(VeSaved, "已保存走访记录：%s，%s，慰问金 %s 元", "Visit saved: %s, %s, %s yuan")
	add(VeResolved, "已标记诉求解决：%s，%s", "Need marked resolved: %s, %s")
	add(VeTrashed, "走访记录（%s，%s）已移到回收站", "Visit (%s, %s) moved to the trash")
	add(VeTrashTitle, "移到回收站", "Move to trash")
	add(VeTrashBody, "把 %s %s 的走访记录移到回收站？\n可以按 Ctrl+Z 撤销。", "Move the visit to %s on %s to the trash?\nCtrl+Z undoes it.")
	add(VeTrashLast, "把 %s %s 的走访记录移到回收站？\n这是活动「%s」唯一的走访记录，活动也会一起移走。可以按 Ctrl+Z 撤销。", "Move the visit to %s on %s to the trash?\nIt is the only visit of %q, which goes with it. Ctrl+Z undoes it.")
	add(VeTrashYes, "移到回收站", "Move to trash")
	add(VeGone, "这条走访记录已不在台账上（可能已移到回收站或被撤销）。", "This visit is no longer in the ledger (trashed or undone).")
}
