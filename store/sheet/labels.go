package sheet

import "shuangyong/model"

// The words of the exported files. They are Chinese report text for the county (sheet
// names, titles, column headers, fixed phrases), not the program's interface, whose words
// live in ui/i18n (which store/ must not import). Labels of enumerations (categories, event
// types, unit kinds, measures) come from model.

const (
	// titleFormat is the title row of every sheet: the township (乡镇（街道）名称, else the
	// 填报单位) + the period: 「青山镇2026年度双拥工作统计表」, 「青山镇2019年至2023年双拥工作统计表」.
	titleFormat      = "%s%d年度双拥工作统计表"
	titleRangeFormat = "%s%d年至%d年双拥工作统计表"

	labelOffice   = "填报单位："
	labelDate     = "填报日期："
	labelMaker    = "制表人："
	labelChecker  = "审核人："
	labelBlank    = "＿＿＿＿＿＿"
	markInternal  = "内部资料 注意保密"
	markPublic    = "公示版：身份证号、联系电话已隐去部分数字，住址只写到村（社区），不含伤残、健康和走访所见所诉"
	pageFooter    = "&C第 &P 页，共 &N 页"
	pageHeaderInt = "&R内部资料 注意保密"

	labelTotal = "合计"

	// The 发放清单 of a festival campaign (campaign.go).
	campaignSheet       = "发放清单"
	campaignTitleSuffix = "发放清单"
	labelVisitTime      = "走访时间："
	labelUntil          = "至"
	labelSubtotal       = "小计"
	labelPeopleCount    = "%d 人"
	labelHandler        = "经办人："
	// The 双拥活动 table's two totals (rule 1: where two scopes exist, the label says which).
	labelTotalWithVisits = "合计（含走访慰问）"
	labelActivitiesTotal = "双拥活动合计（不含走访慰问）"
	labelYear            = "全年"
	labelNoVillage       = "（未填村）"
	labelYes             = "是"
	labelNo              = "否"
	labelNoBase          = "—"
	labelAllTypes        = "全部类型"
)

// Sheet names (at most 31 characters, none of : \ / ? * [ ]) and table titles. The key
// selects a table for CSV (Options.Table).
var tableNames = []struct{ key, sheet, title string }{
	{"headline", "汇总", "主要指标及与上年比较"},
	{"roster", "优抚对象", "优抚对象基本情况（按类别）"},
	{"villages", "分村统计", "优抚对象分村（社区）统计"},
	{"visits", "走访慰问", "走访慰问情况（按类别、季度）"},
	{"coverage", "走访覆盖", "在册优抚对象走访覆盖情况"},
	{"events", "双拥活动", "双拥活动情况（按类型、季度）"},
	{"items", "活动物品", "活动物品及成果统计"},
	{"support_to", "拥军情况", "拥军优属：各单位情况"},
	{"support_from", "拥政爱民", "拥政爱民：各单位情况"},
	{"months", "月度统计", "各月双拥活动及走访慰问情况"},
	{"contacts", "常态化联系", "重点优抚对象常态化联系情况"},
	{"plaques", "光荣牌", "光荣牌悬挂情况"},
	{"confirmations", "年度确认", "定期抚恤补助对象年度确认情况"},
	{"visit_detail", "走访明细", "走访慰问明细"},
	{"event_detail", "活动明细", "双拥活动明细"},
	{"not_visited", "未走访人员", "本年度未走访的在册优抚对象"},
}

// Column headers. Units are in the headers (「慰问金（元）」), never in the cells.
const (
	hSeq          = "序号"
	hCategory     = "优抚类别"
	hMeasure      = "指标"
	hUnit         = "计量单位"
	hThisYear     = "本年"
	hLastYear     = "上年"
	hDelta        = "增减"
	hDeltaPct     = "增减幅度"
	hStart        = "上年末人数（人）"
	hNew          = "本年新增（人）"
	hRemoved      = "本年减少（人）"
	hCount        = "年末在册（人）"
	hStopped      = "其中停发（人）"
	hVillage      = "村（社区）"
	hVillageTotal = "合计（人）"
	hPeriod       = "时段"
	hVisits       = "走访慰问（人次）"
	hPeople       = "人数（人）"
	hHouseholds   = "户数（户）"
	hMoney        = "慰问金（元）"
	hGoods        = "慰问品折价（元）"
	hVisitTotal   = "合计（元）"
	hOnRoll       = "在册人数（人）"
	hCovered      = "已走访（人）"
	hNotVisited   = "未走访（人）"
	hCoverage     = "覆盖率"
	hType         = "活动类型"
	hEvents       = "活动（场次）"
	hParticipants = "参加人数（人次）"
	hMilitary     = "其中部队官兵（人次）"
	hEventMoney   = "金额（元）"
	hItem         = "物品/成果"
	hItemUnit     = "计量单位"
	hQuantity     = "数量"
	hItemEvents   = "涉及活动（场次）"
	hUnitName     = "单位名称"
	hUnitKind     = "单位类别"
	hItems        = "物品/成果"
	hMonth        = "月份"
	hActivities   = "双拥活动（场次）"

	hDate        = "日期"
	hEndDate     = "结束日期"
	hName        = "姓名"
	hSex         = "性别"
	hIDNumber    = "公民身份号码"
	hPhone       = "联系电话"
	hAddress     = "住址"
	hEventTitle  = "所属活动"
	hMode        = "走访方式"
	hVisitors    = "走访人"
	hGoodsName   = "慰问品"
	hCondition   = "走访情况"
	hNeed        = "困难诉求"
	hResolution  = "解决情况"
	hSigned      = "已签领"
	hNote        = "备注"
	hOccasion    = "时机"
	hTitle       = "活动名称"
	hPlace       = "地点"
	hOrganiser   = "组织单位"
	hLead        = "带队领导"
	hDirection   = "方向"
	hMoneySource = "资金来源"
	hUnits       = "参与单位"
	hReached     = "走访人数（人）"
	hDisNature   = "伤残性质"
	hDisGrade    = "伤残等级"
	hHealth      = "健康状况"
	hCadre       = "结对帮扶责任人"
	hLastVisit   = "最近走访日期"

	// The duty tables (duties.go).
	hKey         = "重点对象（人）"
	hContactRate = "完成率"
	hItemRow     = "项目"
	hEligible    = "应悬挂（户）"
	hHung        = "已悬挂（户）"
	hPending     = "待悬挂（户）"
	hReplace     = "待更换（户）"
	hRetired     = "不再更换（户）"
	hHungRate    = "悬挂率"
	hYearOf      = "确认年度"
	hToConfirm   = "应确认（人）"
	hConfirmed   = "已确认（人）"
	hUnconfirmed = "未确认（人）"
	hConfirmRate = "完成率"
)

// rangeWords are the headers and labels of a tally over a range of years, where "year"
// words would be wrong (rule 10: every table works for a range).
var rangeWords = map[string]string{
	hThisYear: "本期", hStart: "期初在册（人）", hNew: "期内新增（人）", hRemoved: "期内减少（人）", hCount: "期末在册（人）",
	labelYear: "全期",
	// A quarter of a range adds up that quarter of each of its years.
	"第一季度": "各年第一季度", "第二季度": "各年第二季度", "第三季度": "各年第三季度", "第四季度": "各年第四季度",
	"1月": "各年1月", "2月": "各年2月", "3月": "各年3月", "4月": "各年4月", "5月": "各年5月", "6月": "各年6月",
	"7月": "各年7月", "8月": "各年8月", "9月": "各年9月", "10月": "各年10月", "11月": "各年11月", "12月": "各年12月",
	"本年度未走访的在册优抚对象": "期内未走访的在册优抚对象",
}

// Units of the headline figures.
var headlineUnits = map[string]string{
	"on_roll": "人", "new": "人", "removed": "人", "rounds": "次", "visits": "人次", "people": "人",
	"households": "户", "money": "元", "goods": "元", "covered": "人", "not_visited": "人",
	"activities": "场次", "participants": "人次", "military": "人次",
}

// labelCoverage names the coverage row of the headline table.
const labelCoverage = "走访覆盖率"

// Notes under tables: what the figures mean, in a line each.
var (
	noteCategories = "说明：一人具有多个优抚类别的，在各类别中分别统计；合计栏每人只计一次。"
	noteRoll       = "说明：年末在册指年底状态为在册或停发的人员（停发只停待遇，仍在册、仍走访）；本年减少指本年内迁出、死亡的人员。类别、户按人员现在的记录统计。"
	noteVisits     = "说明：人次按走访记录计；人数、户数按不同的人、户计，同一人多次走访只计一人；全年人数不是各季度之和。类别、户按人员现在的记录统计；已删除人员的走访不计。"
	noteCoverage   = "说明：覆盖率＝本年已走访的年末在册人数÷年末在册人数。"
	noteEvents     = "说明：活动按活动日期计。走访慰问的参加人数为走访人次、金额为慰问金与慰问品折价之和，与走访慰问表一致；“双拥活动合计（不含走访慰问）”即汇总表的双拥活动。"
	noteSupport    = "说明：只列部队方单位（驻地部队、武警、消防救援、人武部、民兵组织）。拥军情况不含走访慰问活动（慰问金、慰问品见走访慰问表），金额为活动经费；拥政爱民只计部队单位主办或协办的活动。同一活动涉及多个单位的，在各单位中分别统计；合计栏每场活动及其金额只计一次。"
)

// The duty tables' notes: what each figure means.
var noteConfirmations = "说明：应确认人数为期末在册（在册或停发）、正在享受定期抚恤补助的人员；已确认只计本确认年度的确认记录，往年的确认不计；完成率＝已确认÷应确认。跨年度统计时按最后一年计。"

func noteContacts(current string) string {
	return "说明：重点对象按现行设置的规则认定（可逐人标记），为期末在册（在册或停发）人员；电话、微信、入户、集中慰问、座谈均计为联系，入户走访只计入户；完成率＝" +
		current + "已联系÷重点对象。跨年度统计时按最后一年计。"
}

func notePlaques(end string) string {
	return "说明：应悬挂户为有期末在册的烈士遗属、因公牺牲和病故军人遗属、现役军人家属或退役军人的家庭（户按现在的分户，单独一人即一户）；状态为截至" +
		model.FormatDateZh(end) + "的最新登记，此后的登记不计；没有登记的户按花名册中的“光荣牌”一栏计为已悬挂或待悬挂。军人去世、家中再无在册对象的，不再计入。"
}
