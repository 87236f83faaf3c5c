package i18n

// Messages of the 单位 (units) tab: the list, the detail with its pairings and events,
// the unit and pairing forms, the filter panel.
const (
	UnitColName     Key = "units.col.name"
	UnitColSide     Key = "units.col.side"
	UnitColPartners Key = "units.col.partners"
	UnitColEvents   Key = "units.col.events"

	UnitName        Key = "units.field.name"
	UnitKind        Key = "units.field.kind"
	UnitSide        Key = "units.field.side"
	UnitDesignation Key = "units.field.designation"
	UnitAddress     Key = "units.field.address"
	UnitContact     Key = "units.field.contact"
	UnitPhone       Key = "units.field.phone"
	UnitNote        Key = "units.field.note"

	UnitsSearchHint  Key = "units.search_hint"
	UnitsCount       Key = "units.count"
	UnitsLoading     Key = "units.loading"
	UnitsEmpty       Key = "units.empty"
	UnitsEmpty2      Key = "units.empty2"
	UnitsNoMatch     Key = "units.no_match"
	UnitsNoSelection Key = "units.no_selection"
	UnitsFilters     Key = "units.filters"

	UnitsFormNew   Key = "units.form.new"
	UnitsFormEdit  Key = "units.form.edit"
	UnitsAdded     Key = "units.added"
	UnitsSaved     Key = "units.saved"
	UnitsGone      Key = "units.gone"
	UnitsTrashT    Key = "units.trash.title"
	UnitsTrashBody Key = "units.trash.body"
	UnitsTrashYes  Key = "units.trash.yes"
	UnitsTrashed   Key = "units.trashed"

	UnitsDetBasic     Key = "units.det.basic"
	UnitsDetPairings  Key = "units.det.pairings"
	UnitsDetNoPairing Key = "units.det.no_pairing"
	UnitsDetEvents    Key = "units.det.events"
	UnitsDetNoEvents  Key = "units.det.no_events"
	UnitsDetSince     Key = "units.det.since"

	UnitsPairTitle     Key = "units.pair.title"
	UnitsPairPartner   Key = "units.pair.partner"
	UnitsPairSince     Key = "units.pair.since"
	UnitsPairNote      Key = "units.pair.note"
	UnitsPairNone      Key = "units.pair.none"
	UnitsPairAdded     Key = "units.pair.added"
	UnitsPairEndT      Key = "units.pair.end_title"
	UnitsPairEndBody   Key = "units.pair.end_body"
	UnitsPairEndYes    Key = "units.pair.end_yes"
	UnitsPairEnded     Key = "units.pair.ended"
	UnitsPairNoPartner Key = "units.pair.no_partner"
	UnitsPairsScreen   Key = "units.pair.screen"
	UnitsPairsEmpty    Key = "units.pair.empty"

	UnitsFilterKind Key = "units.filter.kind"
	UnitsFilterSide Key = "units.filter.side"

	KeyPairings    Key = "key.pairings"
	KeyEndPairing  Key = "key.end_pairing"
	KeyAddPairing  Key = "key.add_pairing"
	KeyOpenEvent   Key = "key.open_event"
	ColEventDate   Key = "units.col.event_date"
	ColEventType   Key = "units.col.event_type"
	ColEventTitle  Key = "units.col.event_title"
	ColEventRole   Key = "units.col.event_role"
	ColPartnerName Key = "units.col.partner_name"
	ColPartnerKind Key = "units.col.partner_kind"
	ColSince       Key = "units.col.since"
)

func init() {
	add(UnitColName, "单位名称", "Name")
	add(UnitColSide, "军/地", "Side")
	add(UnitColPartners, "共建", "Partners")
	add(UnitColEvents, "本年活动", "Events")

	add(UnitName, "单位名称", "Name")
	add(UnitKind, "单位类别", "Kind")
	add(UnitSide, "军/地", "Side")
	add(UnitDesignation, "番号/代号", "Designation")
	add(UnitAddress, "地址", "Address")
	add(UnitContact, "联系人", "Contact person")
	add(UnitPhone, "联系电话", "Contact phone")
	add(UnitNote, "备注", "Note")

	add(UnitsSearchHint, "输入单位名称、番号、联系人或拼音首字母", "type a name, designation, contact or pinyin initials")
	add(UnitsCount, "共 %d 个单位", "%d units")
	add(UnitsLoading, "正在读取...", "Loading...")
	add(UnitsEmpty, "还没有登记单位。", "No units registered yet.")
	add(UnitsEmpty2, "按 F2 登记驻地部队、武警中队、消防救援站、人武部或共建单位。", "Press F2 to register a stationed force, armed police squadron, fire station, armed forces department or partner unit.")
	add(UnitsNoMatch, "没有找到与「%s」相符的单位。按 Esc 清除。", "No unit matches %q. Esc clears the search.")
	add(UnitsNoSelection, "请先选中一个单位", "Select a unit first")
	add(UnitsFilters, "筛选：%s", "Filters: %s")

	add(UnitsFormNew, "登记单位", "New unit")
	add(UnitsFormEdit, "修改单位：%s", "Edit unit: %s")
	add(UnitsAdded, "已登记单位：%s", "Unit added: %s")
	add(UnitsSaved, "已保存单位：%s", "Unit saved: %s")
	add(UnitsGone, "这个单位已被移到回收站", "This unit has been moved to the trash")
	add(UnitsTrashT, "移到回收站", "Move to trash")
	add(UnitsTrashBody, "把单位「%s」移到回收站吗？\n记有它的活动仍会显示它（标明已在回收站），可以随时恢复。", "Move the unit %q to the trash?\nEvents that name it still show it (marked as in the trash); it can be restored.")
	add(UnitsTrashYes, "移到回收站", "Move to trash")
	add(UnitsTrashed, "已把单位「%s」移到回收站", "Moved the unit %q to the trash")

	add(UnitsDetBasic, "基本情况", "Details")
	add(UnitsDetPairings, "共建单位（%d）", "Partner units (%d)")
	add(UnitsDetNoPairing, "还没有共建单位。按 F5 打开共建单位，再按 F2 添加。", "No partner units yet. F5 shows them, then F2 adds one.")
	add(UnitsDetEvents, "参加的活动（%d），最近的在前", "Events (%d), newest first")
	add(UnitsDetNoEvents, "还没有记有这个单位的活动。", "No event names this unit yet.")
	add(UnitsDetSince, "%s 起", "since %s")

	add(UnitsPairTitle, "添加共建单位：%s", "Add a partner of %s")
	add(UnitsPairPartner, "共建单位", "Partner unit")
	add(UnitsPairSince, "开始日期", "Since")
	add(UnitsPairNote, "备注", "Note")
	add(UnitsPairNone, "（请选择）", "(choose)")
	add(UnitsPairAdded, "已添加共建：%s", "Pairing added: %s")
	add(UnitsPairEndT, "结束共建", "End pairing")
	add(UnitsPairEndBody, "结束与「%s」的共建吗？\n记录会移到回收站，可以恢复。", "End the pairing with %q?\nIt moves to the trash and can be restored.")
	add(UnitsPairEndYes, "结束共建", "End pairing")
	add(UnitsPairEnded, "已结束与「%s」的共建", "Ended the pairing with %q")
	add(UnitsPairNoPartner, "请选择共建单位（先在「单位」页登记它）", "Choose the partner unit (register it on the Units tab first)")
	add(UnitsPairsScreen, "共建单位：%s", "Partners of %s")
	add(UnitsPairsEmpty, "还没有共建单位。按 F2 添加。", "No partner units yet. F2 adds one.")

	add(UnitsFilterKind, "单位类别", "Kind")
	add(UnitsFilterSide, "军/地", "Side")

	add(KeyPairings, "共建单位", "partners")
	add(KeyEndPairing, "结束共建", "end pairing")
	add(KeyAddPairing, "添加共建", "add partner")
	add(KeyOpenEvent, "打开活动", "open event")
	add(ColEventDate, "日期", "Date")
	add(ColEventType, "类型", "Type")
	add(ColEventTitle, "活动名称", "Title")
	add(ColEventRole, "角色", "Role")
	add(ColPartnerName, "共建单位", "Partner")
	add(ColPartnerKind, "类别", "Kind")
	add(ColSince, "开始日期", "Since")
}
