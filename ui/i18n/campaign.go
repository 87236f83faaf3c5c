package i18n

// Messages of festival campaigns: the roster screen (tick-off), the campaign form.
const (
	CaTitle         Key = "ca.title"
	CaPeriod        Key = "ca.period"
	CaStandard      Key = "ca.standard"
	CaCounts        Key = "ca.counts"
	CaDate          Key = "ca.date"
	CaSearchHint    Key = "ca.search_hint"
	CaStateTodo     Key = "ca.state.todo"
	CaStateDone     Key = "ca.state.done"
	CaStateUnsigned Key = "ca.state.unsigned"
	CaStateAll      Key = "ca.state.all"
	CaEmptyTodo     Key = "ca.empty.todo"
	CaEmpty         Key = "ca.empty"
	CaNoMatch       Key = "ca.no_match"
	CaTicked        Key = "ca.ticked"
	CaUntickTitle   Key = "ca.untick.title"
	CaUntickBody    Key = "ca.untick.body"
	CaUntickYes     Key = "ca.untick.yes"
	CaUnticked      Key = "ca.unticked"
	CaSigned        Key = "ca.signed"
	CaUnsignedMsg   Key = "ca.unsigned_msg"
	CaNotTicked     Key = "ca.not_ticked"
	CaRemoveTitle   Key = "ca.remove.title"
	CaRemoveBody    Key = "ca.remove.body"
	CaRemoveBodyV   Key = "ca.remove.body_visited"
	CaRemoveYes     Key = "ca.remove.yes"
	CaRemoved       Key = "ca.removed"
	CaDateTitle     Key = "ca.date.title"
	CaDateLabel     Key = "ca.date.label"
	CaDateSet       Key = "ca.date.set"
	CaAddTitle      Key = "ca.add.title"
	CaAddLabel      Key = "ca.add.label"
	CaAddHint       Key = "ca.add.hint"
	CaAdded         Key = "ca.added"
	CaAddedNone     Key = "ca.added_none"
	CaColVisit      Key = "ca.col.visit"
	CaColMoney      Key = "ca.col.money"
	CaColSigned     Key = "ca.col.signed"
	CaNotVisited    Key = "ca.not_visited"

	CaFormTitle           Key = "ca.form.title"
	CaFormMakeTitle       Key = "ca.form.make_title"
	CaDateOutside         Key = "ca.date_outside"
	CaFormStdMoney        Key = "ca.form.std_money"
	CaFormStdGoods        Key = "ca.form.std_goods"
	CaFormStdValue        Key = "ca.form.std_value"
	CaFormPerPerson       Key = "ca.form.per_person"
	CaFormGoodsHint       Key = "ca.form.goods_hint"
	CaFormRoster          Key = "ca.form.roster"
	CaFormCats            Key = "ca.form.cats"
	CaFormVillages        Key = "ca.form.villages"
	CaFormCadre           Key = "ca.form.cadre"
	CaFormNotVisited      Key = "ca.form.not_visited"
	CaFormNotVisitedYear  Key = "ca.form.not_visited_year"
	CaFormNotVisitedSince Key = "ca.form.not_visited_since"
	CaFormSince           Key = "ca.form.since"
	CaFormSinceHint       Key = "ca.form.since_hint"
	CaFormNeeds           Key = "ca.form.needs"
	CaFormCount           Key = "ca.form.count"
	CaFormCounting        Key = "ca.form.counting"
	CaCreated             Key = "ca.created"
	CaZeroTitle           Key = "ca.zero.title"
	CaZeroBody            Key = "ca.zero.body"
	CaZeroYes             Key = "ca.zero.yes"
	CaZeroNo              Key = "ca.zero.no"
	CaConfirmTitle        Key = "ca.confirm.title"
	CaConfirmBody         Key = "ca.confirm.body"
	CaConfirmYes          Key = "ca.confirm.yes"

	KeyTick             Key = "key.tick"
	KeySign             Key = "key.sign"
	KeyState            Key = "key.state"
	KeyStateNoSign      Key = "key.state_no_sign"
	KeySitDate          Key = "key.sit_date"
	KeyAddPerson        Key = "key.add_person"
	KeyRemove           Key = "key.remove"
	KeyExportList       Key = "key.export_list"
	KeyCampaign         Key = "key.campaign"
	EvCampaignTitle     Key = "ev.campaign.title"
	EvMakeCampaignTitle Key = "ev.make_campaign.title"
	EvMakeCampaignBody  Key = "ev.make_campaign.body"
	EvMakeCampaignYes   Key = "ev.make_campaign.yes"
	EvCampaignBody      Key = "ev.campaign.body"
	EvCampaignYes       Key = "ev.campaign.yes"
	CaExportTitle       Key = "ca.export.title"
	CaExportPath        Key = "ca.export.path"
	CaExported          Key = "ca.exported"
	CaFileSheet         Key = "ca.file.sheet"
	CaDefaultTitle      Key = "ca.default_title"
)

func init() {
	add(CaTitle, "%s（走访名单）", "%s (roster)")
	add(CaPeriod, "%s 至 %s", "%s to %s")
	add(CaStandard, "标准：慰问金 %s 元%s", "Standard: %s yuan%s")
	add(CaCounts, "名单 %d 人 | 已走访 %d | 未走访 %d | 已签领 %d | 已发 %s 元", "Roster %d | visited %d | to visit %d | signed %d | given %s yuan")
	add(CaDate, "走访日期 %s", "Visit date %s")
	add(CaSearchHint, "输入姓名、拼音首字母、村名或证件后几位", "name, initials, village or last ID digits")
	add(CaStateTodo, "未走访", "To visit")
	add(CaStateDone, "已走访", "Visited")
	add(CaStateUnsigned, "未签领", "Not signed")
	add(CaStateAll, "全部", "All")
	add(CaEmptyTodo, "名单上的人都已走访。按 F3 查看已走访的人。", "Everyone on the roster has been visited. F3 shows them.")
	add(CaEmpty, "这里没有人。按 F2 把人加入名单，或按 F3 换一种查看方式。", "Nobody here. F2 adds people to the roster; F3 changes the view.")
	add(CaNoMatch, "名单中没有与「%s」相符的人。按 Esc 清除。", "Nobody on the roster matches %q. Esc clears.")
	add(CaTicked, "已登记：%s，%s，%s 元（还有 %d 人未走访）", "Ticked: %s, %s, %s yuan (%d still to visit)")
	add(CaUntickTitle, "撤销这次登记", "Undo this tick")
	add(CaUntickBody, "%s 已在 %s 登记走访。要撤销这次登记吗？\n走访记录会移到回收站。", "%s was ticked on %s. Undo the tick?\nThe visit moves to the trash.")
	add(CaUntickYes, "撤销登记", "Undo the tick")
	add(CaUnticked, "已撤销 %s 的登记", "Tick of %s undone")
	add(CaSigned, "%s：已签领", "%s: signed")
	add(CaUnsignedMsg, "%s：改为未签领", "%s: not signed")
	add(CaNotTicked, "%s 还没有登记走访：先按 F5 登记", "%s is not ticked yet: F5 ticks")
	add(CaRemoveTitle, "移出名单", "Remove from the roster")
	add(CaRemoveBody, "把 %s 移出这次活动的名单吗？", "Remove %s from this campaign's roster?")
	add(CaRemoveBodyV, "%s 已登记走访。移出名单时，这次走访记录也会移到回收站。\n要移出吗？", "%s is ticked. Removing them moves that visit to the trash too.\nRemove?")
	add(CaRemoveYes, "移出名单", "Remove")
	add(CaRemoved, "已把 %s 移出名单", "Removed %s from the roster")
	add(CaDateTitle, "这次录入的走访日期", "Visit date for this sitting")
	add(CaDateLabel, "走访日期", "Visit date")
	add(CaDateSet, "之后登记的走访日期：%s", "Visits ticked from now on: %s")
	add(CaAddTitle, "加入名单", "Add to the roster")
	add(CaAddLabel, "查找人员", "Find")
	add(CaAddHint, "姓名、拼音首字母或证件后几位", "name, initials or last ID digits")
	add(CaAdded, "已加入名单：%s", "Added to the roster: %s")
	add(CaAddedNone, "%s 已在名单上", "%s is on the roster already")
	add(CaColVisit, "走访日期", "Visited")
	add(CaColMoney, "慰问金（元）", "Money (yuan)")
	add(CaColSigned, "签领", "Signed")
	add(CaNotVisited, "未走访", "to visit")

	add(CaFormTitle, "新建节日集中走访（按名单逐人登记）", "New festival campaign (a roster ticked off person by person)")
	add(CaFormMakeTitle, "为「%s」建立走访名单", "A roster for %q")
	add(CaDateOutside, "（不在活动时间内，按 F7 改）", " (outside the campaign: F7 to change)")
	add(CaFormStdMoney, "标准慰问金", "Standard money")
	add(CaFormStdGoods, "标准慰问品", "Standard goods")
	add(CaFormStdValue, "慰问品价值", "Goods value")
	add(CaFormPerPerson, "每人多少元，如 500", "yuan per person, e.g. 500")
	add(CaFormGoodsHint, "如 米一袋、油一桶", "e.g. a bag of rice, a can of oil")
	add(CaFormRoster, "名单", "Roster")
	add(CaFormCats, "人员类别", "Categories")
	add(CaFormVillages, "村（社区）", "Village")
	add(CaFormCadre, "结对干部", "Pairing cadre")
	add(CaFormNotVisited, "没走访过的", "Not visited")
	add(CaFormNotVisitedYear, "今年还没走访过", "not this year")
	add(CaFormNotVisitedSince, "自某日起没走访过", "not since a date")
	add(CaFormSince, "自哪天起", "Since")
	add(CaFormSinceHint, "如 2026-07-01", "e.g. 2026-07-01")
	add(CaFormNeeds, "有未解决诉求的", "With open needs")
	add(CaFormCount, "符合条件的在册人员：%d 人", "On the roll and chosen: %d people")
	add(CaFormCounting, "正在统计人数...", "Counting...")
	add(CaCreated, "已建立「%s」，名单 %d 人", "Created %q with %d people on the roster")
	add(CaZeroTitle, "没有标准慰问金", "No standard amount")
	add(CaZeroBody, "标准慰问金是 0 元，逐人登记时将不记金额。\n只送慰问品或挂光荣牌可以这样；要发慰问金请先填写。", "The standard amount is 0: ticks record no money.\nFine for goods only or plaques; otherwise fill it in first.")
	add(CaZeroYes, "按 0 元建立", "Create with 0")
	add(CaZeroNo, "填写金额", "Fill in the amount")
	add(CaConfirmTitle, "建立走访名单", "Create the roster")
	add(CaConfirmBody, "按所选条件，名单共 %d 人。建立吗？\n以后还可以逐个加入或移出。", "The roster will hold %d people. Create it?\nPeople can be added or removed later.")
	add(CaConfirmYes, "建立", "Create")

	add(KeyTick, "登记已走访", "tick")
	add(KeySign, "已签领", "signed")
	add(KeyState, "未走访/已走访/未签领/全部", "to visit/visited/unsigned/all")
	add(KeyStateNoSign, "未走访/已走访/全部", "to visit/visited/all")
	add(KeySitDate, "走访日期", "visit date")
	add(KeyAddPerson, "加入名单", "add to roster")
	add(KeyRemove, "移出名单", "remove")
	add(KeyExportList, "发放清单", "sign-off sheet")
	add(KeyCampaign, "集中走访名单", "campaign roster")
	add(EvCampaignTitle, "节日集中走访", "Festival campaign")
	add(EvMakeCampaignTitle, "建立走访名单", "Give it a roster")
	add(EvMakeCampaignBody, "「%s」填了集中走访的标准。现在为它建立走访名单，按名单逐人登记吗？\n已经登记的走访会算作已走访。", "%q has a standard amount or goods. Give it a roster now, to tick people off one by one?\nIts visits so far count as ticked.")
	add(EvMakeCampaignYes, "建立名单", "Build the roster")
	add(EvCampaignBody, "新建一次节日集中走访吗？\n按类别、村（社区）等条件建立走访名单，走访后逐人按一个键登记，并可导出发放清单。", "Start a new festival campaign?\nBuild its roster by category, village and more, tick each person off with one key, and print the sign-off sheet.")
	add(EvCampaignYes, "新建", "Start")
	add(CaExportTitle, "导出发放清单（Excel，身份证号只显示前 6 位和后 4 位，留签字栏）", "Export the sign-off sheet (Excel; IDs masked; a signature column)")
	add(CaExportPath, "保存到", "Save to")
	add(CaExported, "发放清单已导出：%s", "Sign-off sheet written: %s")
	add(CaFileSheet, "%s发放清单", "%s sign-off sheet")
	add(CaDefaultTitle, "%d年%s走访慰问", "%d %s visits")
}
