package i18n

import "shuangyong/model"

// Messages of the 军属 (families) tab: the list, the detail, the person and visit forms,
// the filter panel.
const (
	ColVillage    Key = "fam.col.village"
	ColName       Key = "fam.col.name"
	ColSex        Key = "fam.col.sex"
	ColAge        Key = "fam.col.age"
	ColCategories Key = "fam.col.categories"
	ColID         Key = "fam.col.id"
	ColPhone      Key = "fam.col.phone"
	ColCadre      Key = "fam.col.cadre"
	ColLastVisit  Key = "fam.col.last_visit"

	FamCount          Key = "fam.count"
	FamCountOf        Key = "fam.count_of"
	FamFilters        Key = "fam.filters"
	FamNeverVisited   Key = "fam.never_visited"
	FamEmptyRoster    Key = "fam.empty_roster"
	FamEmptyRoster2   Key = "fam.empty_roster2"
	FamNoMatch        Key = "fam.no_match"
	FamNoMatch2       Key = "fam.no_match2"
	FamNoMatchFilter  Key = "fam.no_match_filter"
	FamLoading        Key = "fam.loading"
	FamNoSelection    Key = "fam.no_selection"
	FamFiltersCleared Key = "fam.filters_cleared"

	FamAdded       Key = "fam.added"
	FamSaved       Key = "fam.saved"
	FamTrashed     Key = "fam.trashed"
	FamVisitSaved  Key = "fam.visit_saved"
	FamTrashTitle  Key = "fam.trash_title"
	FamTrashBody   Key = "fam.trash_body"
	FamTrashYes    Key = "fam.trash_yes"
	FamDupTitle    Key = "fam.dup_title"
	FamDupBody     Key = "fam.dup_body"
	FamDupBorn     Key = "fam.dup_born"
	FamDupID       Key = "fam.dup_id"
	FamNameVillage Key = "fam.name_village"

	FormHousehold          Key = "form.household"
	FormHouseholdKeep      Key = "form.household.keep"
	FormHouseholdKeepWith  Key = "form.household.keep_with"
	FormHouseholdAlone     Key = "form.household.alone"
	FormHouseholdJoin      Key = "form.household.join"
	FormHouseholdWith      Key = "form.household.with"
	FormHouseholdWithHint  Key = "form.household.with_hint"
	FormHouseholdWithEmpty Key = "form.household.with_empty"
	FormHouseholdNone      Key = "form.household.none"
	FormHouseholdMany      Key = "form.household.many"
	FormNoVillages         Key = "form.no_villages"
	FamNoMoneyTitle        Key = "fam.no_money.title"
	KeyVisits              Key = "key.visits"
	SearchOrderLabel       Key = "fam.search_order_label"
	FamWeakOnly            Key = "fam.weak_only"
	SearchOrder            Key = "fam.search_order"
	KeyFollowUps           Key = "key.follow_ups"
	KeyFollowVisit         Key = "key.follow_visit"
	KeyResolve             Key = "key.resolve"
	FuTitle                Key = "fu.title"
	FuEmpty                Key = "fu.empty"
	FuColDue               Key = "fu.col.due"
	FuColWhat              Key = "fu.col.what"
	FuColFrom              Key = "fu.col.from"
	FuColLate              Key = "fu.col.late"
	FuFollowUp             Key = "fu.follow_up"
	FuOverdue              Key = "fu.overdue"
	FuFollowedOn           Key = "fu.followed_on"
	FuResolvedHow          Key = "fu.resolved_how"
	FuResolved             Key = "fu.resolved"
	KeyEditVisit           Key = "key.edit_visit"
	VisTitle               Key = "vis.title"
	VisNeedOpen            Key = "vis.need_open"
	VisNeedResolved        Key = "vis.need_resolved"
	FamNoMoneyBody         Key = "fam.no_money.body"
	FamNoMoneyYes          Key = "fam.no_money.yes"
	FamNoMoneyNo           Key = "fam.no_money.no"
	FamDupYes              Key = "fam.dup_yes"
	FamDupNo               Key = "fam.dup_no"
	FamGone                Key = "fam.gone"

	DetBasic         Key = "det.basic"
	DetCategories    Key = "det.categories"
	DetService       Key = "det.service"
	DetCare          Key = "det.care"
	DetNeeds         Key = "det.needs"
	DetNeedsNone     Key = "det.needs_none"
	DetVisits        Key = "det.visits"
	DetVisitsNone    Key = "det.visits_none"
	DetVisitsMore    Key = "det.visits_more"
	DetHousehold     Key = "det.household"
	DetHouseholdNone Key = "det.household_none"
	DetGaps          Key = "det.gaps"
	DetOther         Key = "det.other"
	DetRevealed      Key = "det.revealed"
	DetHidden        Key = "det.hidden"
	DetLoading       Key = "det.loading"
	DetNoPension     Key = "det.no_pension"
	DetAgeYears      Key = "det.age_years"
	DetMoney         Key = "det.money"
	DetGoods         Key = "det.goods"
	DetNeedLabel     Key = "det.need"
	DetCondLabel     Key = "det.condition"
	DetFollowUp      Key = "det.follow_up"
	DetSigned        Key = "det.signed"
	DetNotSigned     Key = "det.not_signed"
	DetSelf          Key = "det.self"
	DetMaskedNote    Key = "det.masked_note"

	LabelVillage      Key = "label.village"
	LabelAge          Key = "label.age"
	LabelLivesAlone   Key = "label.lives_alone"
	LabelHonourPlaque Key = "label.honour_plaque"
	LabelPrefCard     Key = "label.pref_card"
	LabelLastVisit    Key = "label.last_visit"
	LabelMartyrRel    Key = "label.martyr_relation"
	LabelMartyrName   Key = "label.martyr_name"
	LabelSubsidyYears Key = "label.subsidy_years"
	LabelVisitDate    Key = "label.visit_date"
	LabelMoneyYuan    Key = "label.money_yuan"
	LabelGoodsValue   Key = "label.goods_value"
	LabelSigned       Key = "label.signed"
	LabelHousehold    Key = "label.household"
	LabelCreated      Key = "label.created"
	LabelUpdated      Key = "label.updated"

	FormAddPerson    Key = "form.add_person"
	FormEditPerson   Key = "form.edit_person"
	FormVisit        Key = "form.visit"
	FormDateHint     Key = "form.date_hint"
	FormMonthHint    Key = "form.month_hint"
	FormMoneyHint    Key = "form.money_hint"
	FormPhoneHint    Key = "form.phone_hint"
	FormIDHint       Key = "form.id_hint"
	FormNameHint     Key = "form.name_hint"
	FormLoading      Key = "form.loading"
	FormSaving       Key = "form.saving"
	FormOtherProblem Key = "form.other_problem"

	FilterTitle      Key = "filter.title"
	FilterCategory   Key = "filter.category"
	FilterVillage    Key = "filter.village"
	FilterCadre      Key = "filter.cadre"
	FilterStatus     Key = "filter.status"
	FilterVisit      Key = "filter.visit"
	FilterDays       Key = "filter.days"
	FilterNeeds      Key = "filter.needs"
	FilterIncomplete Key = "filter.incomplete"
	FilterAll        Key = "filter.all"
	FilterAny        Key = "filter.any"
	FilterNotYear    Key = "filter.not_year"
	FilterNotDays    Key = "filter.not_days"
	FilterOnly       Key = "filter.only"
	SumNotYear       Key = "filter.sum_not_year"
	SumNotDays       Key = "filter.sum_not_days"
	SumNeeds         Key = "filter.sum_needs"
	SumIncomplete    Key = "filter.sum_incomplete"
	FilterDaysBad    Key = "filter.days_bad"
)

func init() {
	add(ColVillage, "村/社区", "Village")
	add(ColName, "姓名", "Name")
	add(ColSex, "性别", "Sex")
	add(ColAge, "年龄", "Age")
	add(ColCategories, "类别", "Categories")
	add(ColID, "身份证号", "ID number")
	add(ColPhone, "电话", "Phone")
	add(ColCadre, "结对干部", "Cadre")
	add(ColLastVisit, "最近走访", "Last visit")

	add(FamCount, "共 %d 人", "%d people")
	add(FamCountOf, "第 %d / %d 人", "%d of %d")
	add(FamFilters, "筛选：%s", "filters: %s")
	add(FamNeverVisited, "未走访", "never")
	add(FamEmptyRoster, "花名册还是空的。", "The roster is empty.")
	add(FamEmptyRoster2, "按 F2 新增人员，或按 Ctrl+O 导入现有的 Excel 花名册（.xlsx 或 .csv）。", "Press F2 to add a person, or Ctrl+O to import an existing Excel roster (.xlsx or .csv).")
	add(FamNoMatch, "没有找到与「%s」匹配的人。", "Nobody matches %q.")
	add(FamNoMatch2, "可以输入姓名的一部分、拼音首字母（如 zs）、身份证或电话后几位。按 Esc 清除查找，F2 新增。", "Try part of the name, pinyin initials (zs), or the last digits of an ID or phone. Esc clears the search, F2 adds a person.")
	add(FamNoMatchFilter, "当前筛选条件下没有人。按 F3 修改筛选条件，按 Esc 清除。", "Nobody matches the filters. F3 changes them; Esc clears them.")
	add(FamLoading, "正在查找...", "searching...")
	add(FamNoSelection, "请先用上下键选中一个人。", "Select a person first (Up/Down).")
	add(FamFiltersCleared, "已清除全部筛选条件", "All filters cleared")

	add(FamAdded, "已新增：%s", "Added: %s")
	add(FamSaved, "已保存：%s", "Saved: %s")
	add(FamTrashed, "%s 已移到回收站，Ctrl+Z 撤销", "%s moved to the trash; Ctrl+Z undoes")
	add(FamVisitSaved, "已登记走访：%s，%s，慰问金 %s 元", "Visit recorded: %s, %s, %s yuan")
	add(FamTrashTitle, "移到回收站", "Move to trash")
	add(FamTrashBody, "把 %s移到回收站？\n此人的走访记录会保留；移走后可以按 Ctrl+Z 撤销。", "Move %s to the trash?\nTheir visits are kept; Ctrl+Z undoes it.")
	add(FamTrashYes, "移到回收站", "Move to trash")
	add(FamDupTitle, "可能重复", "Possible duplicate")
	add(FamDupBody, "花名册里已有相似的记录：\n%s\n仍要保存吗？", "The roster already has similar records:\n%s\nSave anyway?")
	add(FamDupBorn, "，%s 出生", ", born %s")
	add(FamDupID, "，身份证 %s", ", ID %s")
	add(FamNameVillage, "%s（%s）", "%s (%s)")
	add(FormHousehold, "户", "Household")
	add(FormHouseholdKeep, "保持不变", "Unchanged")
	add(FormHouseholdKeepWith, "保持不变（与%s同户）", "Unchanged (with %s)")
	add(FormHouseholdAlone, "单独一户", "Lives alone")
	add(FormHouseholdJoin, "与他人同户", "Joins someone's household")
	add(FormHouseholdWith, "同户人", "Lives with")
	add(FormHouseholdWithHint, "输入同户人的姓名、拼音首字母或证件号后几位", "name, initials or last digits of their ID")
	add(FormHouseholdWithEmpty, "请输入同户人的姓名或证件号后几位", "Type the name or last ID digits of the person they live with")
	add(FormHouseholdNone, "没有找到「%s」，请换个写法（姓名、拼音首字母、证件或电话后几位）", "Nobody matches %q; try the name, initials or last digits of an ID or phone")
	add(FormHouseholdMany, "找到 %d 人：%s。请多输入几位证件号或电话以区分", "%d people match: %s. Type more digits of the ID or phone to tell them apart")
	add(KeyVisits, "走访记录", "visits")
	add(SearchOrderLabel, "查找顺序", "Search order")
	add(FamWeakOnly, "只有地址或结对干部相符：", "only addresses or cadres match:")
	add(SearchOrder, "姓名相同、姓名开头、姓名中或拼音，再是电话或证件号末几位（4 位以上），再是村、类别、证件和电话中间的数字、军人姓名、部队；地址和结对干部只在前面都没有时列出，并标出 [地址] [干部]", "exact name, name start, name or pinyin, then a phone or ID ending with the digits (4 or more), then village, category, digits inside an ID or phone, servicemember, unit; address and pairing cadre only when nothing else matches, tagged [address] [cadre]")
	add(KeyFollowUps, "待办：困难诉求与回访", "to do: needs and follow-ups")
	add(KeyFollowVisit, "登记回访", "record the follow-up")
	add(KeyResolve, "诉求已解决", "need resolved")
	add(FuTitle, "待办（%d 项，最早的在前）：未解决的困难诉求和到期的回访", "To do (%d, oldest first): open needs and follow-ups due")
	add(FuEmpty, "没有待办：所有困难诉求都已解决，回访都已完成。", "Nothing to do: every need is resolved and every follow-up made.")
	add(FuColDue, "到期", "Due")
	add(FuColWhat, "诉求 / 回访", "Need / follow-up")
	add(FuColFrom, "提出日期", "Raised")
	add(FuColLate, "状态", "State")
	add(FuFollowUp, "（回访）", "(follow-up)")
	add(FuOverdue, "逾期", "late")
	add(FuFollowedOn, "已回访", "seen")
	add(FuResolvedHow, "已解决", "Resolved")
	add(FuResolved, "已标记解决：%s「%s」", "Marked resolved: %s, %q")
	add(KeyEditVisit, "修改这次走访", "edit the visit")
	add(VisTitle, "%s 的走访记录（共 %d 次）：Enter 修改、解决诉求，Delete 移到回收站", "Visits of %s (%d): Enter edits or resolves a need, Delete trashes")
	add(VisNeedOpen, "%s（未解决）", "%s (open)")
	add(VisNeedResolved, "%s（%s 已解决）", "%s (resolved %s)")
	add(FamNoMoneyTitle, "没有填写慰问金", "No money recorded")
	add(FamNoMoneyBody, "这次走访没有填写慰问金和慰问品，将按 0 元记录。\n电话、微信联系或座谈可以这样记；是入户慰问的话请补上金额。", "This visit records no money and no goods: it will count as 0.\nFine for a phone call, WeChat or a forum; for a home visit with gifts, add the amount.")
	add(FamNoMoneyYes, "按 0 元保存", "Save as 0")
	add(FamNoMoneyNo, "填写金额", "Add the amount")
	add(FormNoVillages, "还没有村（社区）列表：按 F9 在设置里添加", "No villages yet: add them in the settings (F9)")
	add(FamDupYes, "仍然保存", "Save anyway")
	add(FamDupNo, "返回修改", "Back to the form")
	add(FamGone, "这个人已不在花名册上（可能已被删除或撤销）。", "This person is no longer on the roster (deleted or undone).")

	add(DetBasic, "基本信息", "Basic details")
	add(DetCategories, "人员类别", "Categories")
	add(DetService, "军人信息", "Service")
	add(DetCare, "优待与生活", "Care and living")
	add(DetNeeds, "未解决的困难诉求（%d）", "Open needs (%d)")
	add(DetNeedsNone, "没有未解决的困难诉求", "No open needs")
	add(DetVisits, "走访记录（共 %d 次，最近的在前）", "Visits (%d, newest first)")
	add(DetVisitsNone, "还没有走访记录。按 F5 登记一次走访。", "No visits yet. F5 records one.")
	add(DetVisitsMore, "...还有 %d 次更早的走访未列出", "... %d earlier visits not listed")
	add(DetHousehold, "同户成员（%d 人）", "Household (%d people)")
	add(DetHouseholdNone, "未与其他人编为一户", "Not grouped with anyone")
	add(DetGaps, "待补充（%d 项）", "To complete (%d)")
	add(DetOther, "其他", "Other")
	add(DetRevealed, "已显示完整身份证号和电话，按 F7 再隐藏", "Full ID and phone shown; F7 hides them")
	add(DetHidden, "身份证号和电话已隐藏", "ID and phone hidden")
	add(DetLoading, "正在读取...", "loading...")
	add(DetNoPension, "因病致残七至十级，按规定不享受定期抚恤，不是漏发。", "Disabled by illness, grade 7-10: no periodic pension by rule; not an omission.")
	add(DetAgeYears, "%d岁", "%d y")
	add(DetMoney, "慰问金 %s 元", "%s yuan")
	add(DetGoods, "慰问品 %s", "goods %s")
	add(DetNeedLabel, "诉求：%s", "need: %s")
	add(DetCondLabel, "情况：%s", "seen: %s")
	add(DetFollowUp, "回访 %s", "follow up %s")
	add(DetSigned, "已签领", "signed")
	add(DetNotSigned, "未签领", "not signed")
	add(DetSelf, "（本人）", "(this person)")
	add(DetMaskedNote, "按 F7 显示完整号码", "F7 shows the full numbers")

	add(LabelVillage, "村（社区）", "Village")
	add(LabelAge, "年龄", "Age")
	add(LabelLivesAlone, "独居", "Lives alone")
	add(LabelHonourPlaque, "光荣牌", "Honour plaque")
	add(LabelPrefCard, "优待证", "Preferential card")
	add(LabelLastVisit, "最近走访", "Last visit")
	add(LabelMartyrRel, "与烈士关系", "Relation to the fallen")
	add(LabelMartyrName, "烈士姓名", "Name of the fallen")
	add(LabelSubsidyYears, "补助年份", "Subsidy years")
	add(LabelVisitDate, "走访日期", "Date")
	add(LabelMoneyYuan, "慰问金（元）", "Money (yuan)")
	add(LabelGoodsValue, "慰问品价值（元）", "Goods value (yuan)")
	add(LabelSigned, "已签领", "Signed")
	add(LabelHousehold, "户", "Household")
	add(LabelCreated, "登记入库", "Entered")
	add(LabelUpdated, "最后修改", "Last changed")

	add(FormAddPerson, "新增人员", "Add a person")
	add(FormEditPerson, "修改：%s", "Edit: %s")
	add(FormVisit, "登记走访：%s", "Record a visit: %s")
	add(FormDateHint, "如 2026-11-29", "e.g. 2026-11-29")
	add(FormMonthHint, "如 2003-12 或 2003-12-01", "e.g. 2003-12 or 2003-12-01")
	add(FormMoneyHint, "元，如 500 或 500.50", "yuan, e.g. 500 or 500.50")
	add(FormPhoneHint, "手机或座机，多个用逗号分开", "mobile or landline; separate several with commas")
	add(FormIDHint, "18 位，出生日期和性别会自动填好", "18 characters; fills in birth date and sex")
	add(FormNameHint, "必填", "required")
	add(FormLoading, "正在打开...", "opening...")
	add(FormSaving, "正在保存...", "saving...")
	add(FormOtherProblem, "%s：%s", "%s: %s")

	add(FilterTitle, "更多筛选", "More filters")
	add(FilterCategory, "人员类别", "Category")
	add(FilterVillage, "村（社区）", "Village")
	add(FilterCadre, "结对帮扶责任人", "Pairing cadre")
	add(FilterStatus, "状态", "Status")
	add(FilterVisit, "走访情况", "Visits")
	add(FilterDays, "天数", "Days")
	add(FilterNeeds, "有未解决诉求", "Has open needs")
	add(FilterIncomplete, "只看待补充", "Incomplete only")
	add(FilterAll, "全部", "All")
	add(FilterAny, "不限", "Any")
	add(FilterNotYear, "今年还没走访", "Not visited this year")
	add(FilterNotDays, "最近 N 天没走访", "Not visited in N days")
	add(FilterOnly, "只看这些", "Only these")
	add(SumNotYear, "今年未走访", "not visited this year")
	add(SumNotDays, "%d 天内未走访", "not visited in %d days")
	add(SumNeeds, "有诉求", "open needs")
	add(SumIncomplete, "待补充", "incomplete")
	add(FilterDaysBad, "请写 1 到 3650 之间的天数", "Write a number of days from 1 to 3650")
}

// CatShortList names categories by their short labels, joined as the language joins a
// list ("烈属、现役军属"; "Martyr family, Serving family"); an unknown code stands as it is.
func CatShortList(lang model.Lang, codes []string) string {
	names := make([]string, len(codes))
	for i, c := range codes {
		names[i] = model.CategoryShort(c, lang)
	}
	return JoinList(lang, names)
}

// MatchTag is the key of the short name of a field a search matched (store.MatchField).
func MatchTag(field string) Key { return Key("fam.match." + field) }

func init() {
	for _, f := range [][3]string{
		{"serviceman", "军人", "member"}, {"martyr", "烈士", "martyr"}, {"unit", "部队", "unit"},
		{"address", "地址", "address"}, {"cadre", "干部", "cadre"},
	} {
		add(MatchTag(f[0]), f[1], f[2])
	}
}
