package i18n

// Messages of the recurring duties (issue 13) in the 军属 work list (F6): 常态化联系 due,
// 光荣牌 missing, 年度确认 outstanding; their settings in F9 and fields in the forms.
const (
	WkSections   Key = "wk.sections"
	WkNeeds      Key = "wk.needs"
	WkDue        Key = "wk.due"
	WkPlaques    Key = "wk.plaques"
	WkConfirms   Key = "wk.confirms"
	WkNextKey    Key = "wk.next_key"
	WkNextHelp   Key = "wk.next_help"
	WkSearchHint Key = "wk.search_hint"
	WkCount      Key = "wk.count"
	WkCountHH    Key = "wk.count_households"
	WkNoMatch    Key = "wk.no_match"

	DueColLate            Key = "due.col.late"
	DueColWhat            Key = "due.col.what"
	DueColWho             Key = "due.col.who"
	DueOther              Key = "due.other"
	DueColContact         Key = "due.col.contact"
	DueColMode            Key = "due.col.mode"
	DueColHome            Key = "due.col.home"
	DueContact            Key = "due.contact"
	DueVisit              Key = "due.visit"
	DueOver               Key = "due.over"
	DueLeft               Key = "due.left"
	DueNever              Key = "due.never"
	DueEmpty              Key = "due.empty"
	DueNoRule             Key = "due.no_rule"
	DueKeyPhone           Key = "due.key.phone"
	DueKeyVisit           Key = "due.key.visit"
	DueContacted          Key = "due.contacted"
	DueKeyTag             Key = "due.key_tag"
	DueRuleSummary        Key = "due.rule_summary"
	DueRuleKeyOnly        Key = "due.rule_key_only"
	PlqColMembers         Key = "plq.col.members"
	PlqColState           Key = "plq.col.state"
	PlqColDate            Key = "plq.col.date"
	PlqEmpty              Key = "plq.empty"
	PlqKeyRound           Key = "plq.key.round"
	PlqKeyRecord          Key = "plq.key.record"
	PlqFormTitle          Key = "plq.form.title"
	PlqSaved              Key = "plq.saved"
	CnfKeyRecord          Key = "cnf.key.record"
	CnfFormTitle          Key = "cnf.form.title"
	CnfSaved              Key = "cnf.saved"
	CnfColState           Key = "cnf.col.state"
	CnfNotYet             Key = "cnf.not_yet"
	CnfEmpty              Key = "cnf.empty"
	CnfKeyRound           Key = "cnf.key.round"
	CnfKeyVisit           Key = "cnf.key.visit"
	CnfDone               Key = "cnf.done"
	CaFormPlaque          Key = "ca.form.plaque"
	CaFormConfirm         Key = "ca.form.confirm"
	CaTitlePlaque         Key = "ca.title.plaque"
	CaTitleConfirm        Key = "ca.title.confirm"
	CaFormCountHH         Key = "ca.form.count_households"
	CaFormCountCnf        Key = "ca.form.count_confirm"
	CaConfirmBodyHH       Key = "ca.confirm.body_households"
	CaCreatedHH           Key = "ca.created_households"
	CaConfirmTitlePlaque  Key = "ca.confirm.title_plaque"
	CaConfirmTitleConfirm Key = "ca.confirm.title_confirm"
	CaTickedPlaque        Key = "ca.ticked.plaque"
	CaTickedConfirm       Key = "ca.ticked.confirm"
	CaPlaqueRound         Key = "ca.plaque_round"
	CaConfirmRound        Key = "ca.confirm_round"
	CaCountsPlain         Key = "ca.counts_plain"

	SettingsDuties         Key = "settings.duties"
	SettingsDutiesHint     Key = "settings.duties_hint"
	SettingsDutiesRule     Key = "settings.duties_rule"
	SettingsDutiesRuleHint Key = "settings.duties_rule_hint"
	SettingsKeyCats        Key = "settings.key_cats"
	SettingsKeyGrade       Key = "settings.key_grade"
	SettingsKeyGradeNone   Key = "settings.key_grade_none"
	SettingsKeyGradeUpTo   Key = "settings.key_grade_up_to"
	SettingsKeyAlone       Key = "settings.key_alone"
	SettingsKeyAssist      Key = "settings.key_assist"
	SettingsKeySubsidy     Key = "settings.key_subsidy"
	SettingsKeyContact     Key = "settings.key_contact"
	SettingsKeyHome        Key = "settings.key_home"
	SettingsOtherContact   Key = "settings.other_contact"
	SettingsOtherHome      Key = "settings.other_home"
	SettingsEveryMonths    Key = "settings.every_months"
	SettingsNoRule         Key = "settings.no_rule"
	SettingsQuarterly      Key = "settings.quarterly"
	SettingsYearly         Key = "settings.yearly"

	LabelKeyMark       Key = "label.key_mark"
	LabelPlaqueState   Key = "label.plaque_state"
	LabelConfirmMethod Key = "label.confirm_method"
	LabelConfirmedBy   Key = "label.confirmed_by"

	StSecContacts       Key = "st.sec.contacts"
	StSecPlaques        Key = "st.sec.plaques"
	StSecConfirmations  Key = "st.sec.confirmations"
	StColContactedIn    Key = "st.col.contacted_in"
	StColNotContactedIn Key = "st.col.not_contacted_in"
	StColDone           Key = "st.col.done"
	VfConfirm           Key = "vf.confirm"
	VfConfirmHint       Key = "vf.confirm_hint"
)

func init() {
	add(WkSections, "待办：", "To do:")
	add(WkNeeds, "诉求回访", "Needs")
	add(WkDue, "常态化联系", "Routine contact")
	add(WkPlaques, "光荣牌", "Honour plaques")
	add(WkConfirms, "年度确认", "Yearly confirmation")
	add(WkNextKey, "F3 换一项", "F3 next list")
	add(WkNextHelp, "换一项待办", "next list")
	add(WkSearchHint, "输入姓名、拼音首字母、村名或类别", "name, initials, village or category")
	add(WkCount, "%d 人", "%d people")
	add(WkCountHH, "%d 户", "%d households")
	add(WkNoMatch, "这里没有与「%s」相符的人。按 Esc 清除。", "Nobody here matches %q. Esc clears.")

	add(DueColLate, "逾期", "Late")
	add(DueColWhat, "应办", "Due")
	add(DueColWho, "对象", "Who")
	add(DueOther, "一般", "other")
	add(DueColContact, "上次联系", "Last contact")
	add(DueColMode, "方式", "How")
	add(DueColHome, "上次入户", "Last home visit")
	add(DueContact, "联系", "contact")
	add(DueVisit, "入户", "home visit")
	add(DueOver, "%d 天", "%d days")
	add(DueLeft, "还剩 %d 天", "%d days left")
	add(DueNever, "从未", "never")
	add(DueEmpty, "没有到期的联系和走访：按规则，每个人都已按时联系、走访。", "Nobody is due: everyone has been contacted and visited as the rule asks.")
	add(DueNoRule, "还没有设置常态化联系的规则：按 F9，在「常态化联系」里选定重点对象和多久联系一次。", "No routine-contact rule yet: press F9 and choose the key people and how often to contact them.")
	add(DueKeyPhone, "电话联系", "Phone contact")
	add(DueKeyVisit, "入户走访", "Home visit")
	add(DueContacted, "已记录电话联系：%s（%s）", "Phone contact recorded: %s (%s)")
	add(DueKeyTag, "重点", "key")
	add(DueRuleSummary, "重点对象每 %d 个月联系、每 %d 个月入户", "key people: contact every %d months, visit every %d")
	add(DueRuleKeyOnly, "按 F9 的常态化联系规则", "by the routine-contact rule in F9")

	add(PlqColMembers, "户内", "Members")
	add(PlqColState, "光荣牌", "Plaque")
	add(PlqColDate, "日期", "Date")
	add(PlqEmpty, "每一户都挂好了光荣牌。", "Every eligible household has its plaque.")
	add(PlqKeyRound, "建立悬挂名单", "Plaque round")
	add(PlqKeyRecord, "登记光荣牌", "Record the plaque")
	add(PlqFormTitle, "登记光荣牌：%s 一户", "Honour plaque: %s's household")
	add(PlqSaved, "已登记：%s 一户的光荣牌%s（%s）", "Recorded: %s's household, plaque %s (%s)")
	add(CnfKeyRecord, "登记确认", "Record a confirmation")
	add(CnfFormTitle, "年度确认：%s", "Yearly confirmation: %s")
	add(CnfSaved, "已年度确认：%s（%s）", "Confirmed for the year: %s (%s)")

	add(CnfColState, "年度确认", "Confirmed")
	add(CnfNotYet, "未确认", "not yet")
	add(CnfEmpty, "享受定期抚恤补助的人今年都已确认。", "Every periodic-subsidy recipient is confirmed this year.")
	add(CnfKeyRound, "建立确认名单", "Confirmation round")
	add(CnfKeyVisit, "走访并确认", "Visit and confirm")
	add(CnfDone, "%s %s确认", "%s, by %s")

	add(CaFormPlaque, "新建光荣牌悬挂（按户逐一登记，不发慰问金）", "New plaque round (household by household, no money)")
	add(CaFormConfirm, "新建年度确认（按名单逐人登记确认）", "New yearly confirmation (a roster ticked off person by person)")
	add(CaTitlePlaque, "%d年光荣牌悬挂", "%d honour plaques")
	add(CaTitleConfirm, "%d年优抚对象年度确认", "%d yearly confirmation")
	add(CaFormCountHH, "还没有光荣牌或需要更换的户：%d 户", "Households without a plaque or with an old one: %d")
	add(CaFormCountCnf, "今年还没有确认的定期抚恤补助对象：%d 人", "Periodic-subsidy recipients not yet confirmed this year: %d")
	add(CaConfirmBodyHH, "按所选条件，名单共 %d 户（每户列一人）。建立吗？\n以后还可以逐个加入或移出。", "The roster will hold %d households (one member each). Create it?\nPeople can be added or removed later.")
	add(CaTickedPlaque, "已登记光荣牌悬挂：%s，%s（还有 %d 户）", "Plaque hung: %s, %s (%d households left)")
	add(CaTickedConfirm, "已年度确认：%s，%s（还有 %d 人）", "Confirmed: %s, %s (%d left)")
	add(CaPlaqueRound, "每登记一户，即记为这天已悬挂光荣牌", "each tick records the household's plaque as hung that day")
	add(CaConfirmRound, "每登记一人，即记为今年已入户确认", "each tick confirms the person for the year (at home)")
	add(CaCountsPlain, "名单 %d | 已登记 %d | 未登记 %d", "Roster %d | done %d | to do %d")
	add(CaConfirmTitlePlaque, "建立光荣牌悬挂名单", "Create the plaque round's roster")
	add(CaConfirmTitleConfirm, "建立年度确认名单", "Create the confirmation round's roster")
	add(CaCreatedHH, "已建立「%s」，名单 %d 户", "Created %q with %d households on the roster")

	add(SettingsDuties, "常态化联系：谁是重点对象", "Routine contact: who the key people are")
	add(SettingsDutiesHint, "符合下面任何一项的人是重点对象；也可以在人员信息里逐人指定", "anyone meeting one of these is a key person; a person's record can also say so")
	add(SettingsDutiesRule, "常态化联系：多久一次", "Routine contact: how often")
	add(SettingsDutiesRuleHint, "县里通知：重点对象每季度联系1次、每年入户走访1次；电话、微信算联系，入户才算走访", "county notice: key people contacted every quarter and visited at home every year; a call counts as contact, only a home visit as a visit")
	add(SettingsKeyCats, "人员类别", "Categories")
	add(SettingsKeyGrade, "残疾等级", "Disability grade")
	add(SettingsKeyGradeNone, "不按等级", "not by grade")
	add(SettingsKeyGradeUpTo, "一级至%s", "grade 1 to %s")
	add(SettingsKeyAlone, "孤老", "Living alone")
	add(SettingsKeyAssist, "低保、特困", "Assistance")
	add(SettingsKeySubsidy, "定期抚恤补助", "Periodic subsidy")
	add(SettingsKeyContact, "重点对象联系", "Key: contact")
	add(SettingsKeyHome, "重点对象入户", "Key: home visit")
	add(SettingsOtherContact, "其他人员联系", "Others: contact")
	add(SettingsOtherHome, "其他人员入户", "Others: home visit")
	add(SettingsEveryMonths, "每 %d 个月", "every %d months")
	add(SettingsNoRule, "不要求", "no rule")
	add(SettingsQuarterly, "每季度", "every quarter")
	add(SettingsYearly, "每年", "every year")

	add(StSecContacts, "重点优抚对象常态化联系（%d年）", "Routine contact of key people (%d)")
	add(StSecPlaques, "光荣牌悬挂（%d年）", "Honour plaques (%d)")
	add(StSecConfirmations, "享受定期抚恤补助对象年度确认（%s年）", "Yearly confirmation of periodic-subsidy recipients (%s)")
	// %s is the current period of the contact rule (model.MonthSpan.Label): 第四季度, 11月,
	// 下半年, 全年 — Q4, Nov, H2, the year.
	add(StColContactedIn, "%s已联系", "Contacted in %s")
	add(StColNotContactedIn, "%s未联系", "Not contacted in %s")
	add(StColDone, "完成率", "Done")
	add(LabelPlaqueState, "光荣牌", "Plaque")
	add(LabelConfirmMethod, "确认方式", "Confirmed by way of")
	add(LabelConfirmedBy, "确认人", "Confirmed by")
	add(HistEntity("plaques"), "光荣牌", "plaque")
	add(HistEntity("confirmations"), "年度确认", "confirmation")
	add(LabelKeyMark, "重点对象", "Key person")
	add(VfConfirm, "同时年度确认", "Also the yearly confirmation")
	add(VfConfirmHint, "享受定期抚恤补助，今年还没确认", "on a periodic subsidy, not yet confirmed this year")
}
