package demo

import "shuangyong/model"

// An eventTemplate is one kind of activity a township holds: its title, the months it
// happens in, where, who organises it and with whom, how many come and what it counts.
// The figures follow the reference summaries (鞋垫 276 双, 就业岗位 1537 个, 企业 90 家,
// 牵手成功 24 对, 标语 100 幅, 资料 300 份, 出资 15000 元…) at a township's scale.
type eventTemplate struct {
	title     string // {y} is replaced by the year, {v} by a village
	months    []int  // nil: any month
	occasion  string
	place     string // {v} is replaced by a village
	organiser string // unit kind of the host
	with      []unitRole
	people    [2]int     // participants
	military  [2]float64 // share of them who are military
	yuan      [2]int     // money spent, 元
	items     []itemSpec
	days      int // extra days (end date)
}

type unitRole struct {
	kind, role string
	chance     int // percent
}

type itemSpec struct {
	name, unit string
	lo, hi     int64
	chance     int // percent
}

var templates = map[string][]eventTemplate{
	model.EventTroopVisit: {
		{title: "{y}年春节慰问驻地部队", months: []int{1, 2}, occasion: "spring_festival", place: "驻地某部营区", organiser: model.UnitGovernment,
			with: []unitRole{{model.UnitStationed, "recipient", 100}, {model.UnitPAFD, "cohost", 60}}, people: [2]int{15, 60}, military: [2]float64{0.3, 0.6},
			yuan: [2]int{10000, 60000}, items: []itemSpec{{"慰问品", "份", 50, 300, 100}, {"鞋垫", "双", 100, 300, 30}}},
		{title: "“八一”建军节慰问驻军官兵", months: []int{7, 8}, occasion: "army_day", place: "驻地某部营区", organiser: model.UnitGovernment,
			with: []unitRole{{model.UnitStationed, "recipient", 100}, {model.UnitWomens, "cohost", 50}}, people: [2]int{15, 60}, military: [2]float64{0.3, 0.6},
			yuan: [2]int{10000, 50000}, items: []itemSpec{{"慰问品", "份", 50, 300, 100}}},
		{title: "为新兵和接兵部队官兵送鞋垫", months: []int{9}, occasion: "enlistment", place: "镇人民武装部", organiser: model.UnitWomens,
			with: []unitRole{{model.UnitPAFD, "recipient", 100}}, people: [2]int{10, 40}, military: [2]float64{0.2, 0.5},
			yuan: [2]int{1000, 5000}, items: []itemSpec{{"鞋垫", "双", 60, 300, 100}}},
		{title: "慰问武警中队执勤官兵", months: []int{1, 2, 7, 8, 10}, place: "武警中队营区", organiser: model.UnitGovernment,
			with: []unitRole{{model.UnitArmedPolice, "recipient", 100}}, people: [2]int{10, 40}, military: [2]float64{0.3, 0.6},
			yuan: [2]int{5000, 20000}, items: []itemSpec{{"慰问品", "份", 30, 120, 100}}},
		{title: "慰问消防救援站指战员", months: []int{1, 11}, place: "青山消防救援站", organiser: model.UnitGovernment,
			with: []unitRole{{model.UnitFireRescue, "recipient", 100}}, people: [2]int{8, 30}, military: [2]float64{0.3, 0.6},
			yuan: [2]int{3000, 12000}, items: []itemSpec{{"慰问品", "份", 20, 60, 100}}},
	},
	model.EventForum: {
		{title: "军嫂座谈会", months: []int{3}, occasion: "womens_day", place: "镇政府会议室", organiser: model.UnitWomens,
			with: []unitRole{{model.UnitGovernment, "cohost", 50}}, people: [2]int{15, 50}, yuan: [2]int{0, 3000}},
		{title: "新兵家长座谈会", months: []int{9, 10, 3}, occasion: "enlistment", place: "镇人民武装部会议室", organiser: model.UnitPAFD,
			people: [2]int{20, 60}, military: [2]float64{0, 0.1}, yuan: [2]int{0, 2000}},
		{title: "退役军人代表座谈会", months: []int{7, 8, 12}, place: "镇退役军人服务站", organiser: model.UnitGovernment, people: [2]int{12, 40}, yuan: [2]int{0, 2000}},
		{title: "双拥工作座谈会", place: "镇政府会议室", organiser: model.UnitGovernment,
			with: []unitRole{{model.UnitStationed, "partner", 80}, {model.UnitPAFD, "cohost", 60}}, people: [2]int{12, 40}, military: [2]float64{0.2, 0.4}, yuan: [2]int{0, 2000}},
		{title: "“兵妈妈”座谈会", months: []int{3, 5}, place: "镇妇联活动室", organiser: model.UnitWomens, people: [2]int{12, 40}, yuan: [2]int{0, 2000}},
		{title: "军地共建工作座谈会", months: []int{1, 7, 8}, place: "驻地某部会议室", organiser: model.UnitGovernment,
			with: []unitRole{{model.UnitStationed, "partner", 100}}, people: [2]int{12, 30}, military: [2]float64{0.3, 0.5}, yuan: [2]int{0, 2000}},
		{title: "{v}优抚对象座谈会", place: "{v}党群服务中心", organiser: model.UnitVillage, people: [2]int{10, 30}, yuan: [2]int{0, 1000}},
	},
	model.EventGala: {
		{title: "庆八一军民联欢会", months: []int{7, 8}, occasion: "army_day", place: "镇文化广场", organiser: model.UnitGovernment,
			with: []unitRole{{model.UnitStationed, "cohost", 100}, {model.UnitWomens, "cohost", 50}}, people: [2]int{300, 1500}, military: [2]float64{0.2, 0.45},
			yuan: [2]int{8000, 40000}},
		{title: "迎新春军民联欢会", months: []int{1, 2}, occasion: "spring_festival", place: "镇综合文化站", organiser: model.UnitGovernment,
			with: []unitRole{{model.UnitStationed, "cohost", 100}}, people: [2]int{200, 1000}, military: [2]float64{0.2, 0.4}, yuan: [2]int{5000, 30000}},
		{title: "“双拥情·鱼水情”文艺汇演", months: []int{5, 6, 9, 10}, place: "镇文化广场", organiser: model.UnitGovernment,
			with: []unitRole{{model.UnitStationed, "cohost", 80}, {model.UnitSchool, "cohost", 50}}, people: [2]int{300, 1200}, military: [2]float64{0.1, 0.3}, yuan: [2]int{5000, 30000}},
		{title: "中秋军民联欢晚会", months: []int{9}, occasion: "mid_autumn", place: "驻地某部营区", organiser: model.UnitGovernment,
			with: []unitRole{{model.UnitStationed, "cohost", 100}}, people: [2]int{150, 600}, military: [2]float64{0.4, 0.6}, yuan: [2]int{3000, 15000}},
	},
	model.EventCommendation: {
		{title: "“最美兵妈妈”表彰大会", months: []int{3, 5}, place: "镇政府礼堂", organiser: model.UnitWomens,
			people: [2]int{60, 300}, yuan: [2]int{2000, 10000}, items: []itemSpec{{"荣誉证书", "份", 10, 50, 100}}},
		{title: "“好军嫂”表彰会", months: []int{3}, occasion: "womens_day", place: "镇政府礼堂", organiser: model.UnitWomens,
			people: [2]int{60, 300}, yuan: [2]int{2000, 10000}, items: []itemSpec{{"荣誉证书", "份", 10, 100, 100}}},
		{title: "“最美军人家庭”表彰", months: []int{7, 8}, occasion: "army_day", place: "镇政府礼堂", organiser: model.UnitGovernment,
			with: []unitRole{{model.UnitPAFD, "cohost", 60}}, people: [2]int{50, 200}, military: [2]float64{0, 0.1}, yuan: [2]int{3000, 15000},
			items: []itemSpec{{"荣誉证书", "份", 5, 30, 100}}},
		{title: "双拥模范个人和单位表彰大会", months: []int{1, 7, 12}, place: "镇政府礼堂", organiser: model.UnitGovernment,
			with: []unitRole{{model.UnitStationed, "partner", 60}}, people: [2]int{80, 300}, military: [2]float64{0.1, 0.3}, yuan: [2]int{5000, 20000},
			items: []itemSpec{{"荣誉证书", "份", 10, 60, 100}}},
	},
	model.EventPublicity: {
		{title: "全民国防教育日宣传活动", months: []int{9}, place: "镇文化广场", organiser: model.UnitPAFD,
			with: []unitRole{{model.UnitMilitia, "cohost", 70}, {model.UnitSchool, "cohost", 40}}, people: [2]int{100, 800}, military: [2]float64{0.05, 0.2},
			yuan: [2]int{1000, 8000}, items: []itemSpec{{"标语", "幅", 20, 120, 100}, {"宣传资料", "份", 200, 1500, 100}}},
		{title: "征兵政策宣传进校园", months: []int{4, 5, 6}, place: "青山镇初级中学", organiser: model.UnitPAFD,
			with: []unitRole{{model.UnitSchool, "cohost", 100}}, people: [2]int{80, 600}, military: [2]float64{0, 0.05},
			yuan: [2]int{500, 3000}, items: []itemSpec{{"宣传资料", "份", 200, 1000, 100}, {"标语", "幅", 10, 40, 60}}},
		{title: "双拥政策法规宣传", months: []int{1, 7, 8}, place: "镇集贸市场", organiser: model.UnitGovernment,
			people: [2]int{50, 400}, yuan: [2]int{500, 5000}, items: []itemSpec{{"宣传资料", "份", 300, 2000, 100}, {"标语", "幅", 20, 100, 80}}},
		{title: "国防教育进校园", months: []int{9, 10, 11}, place: "青山镇中心小学", organiser: model.UnitSchool,
			with: []unitRole{{model.UnitStationed, "cohost", 60}}, people: [2]int{100, 800}, military: [2]float64{0.01, 0.05},
			yuan: [2]int{500, 3000}, items: []itemSpec{{"宣传资料", "份", 100, 800, 80}}},
		{title: "《退役军人保障法》宣传", place: "{v}党群服务中心", organiser: model.UnitGovernment,
			people: [2]int{30, 200}, yuan: [2]int{200, 2000}, items: []itemSpec{{"宣传资料", "份", 100, 600, 100}, {"标语", "幅", 5, 30, 50}}},
	},
	model.EventTraining: {
		{title: "退役军人职业技能培训班", months: []int{4, 5, 6, 10, 11}, place: "镇成人文化技术学校", organiser: model.UnitGovernment,
			with: []unitRole{{model.UnitEnterprise, "cohost", 40}}, people: [2]int{20, 80}, yuan: [2]int{3000, 20000},
			items: []itemSpec{{"培训", "人次", 20, 80, 100}}, days: 4},
		{title: "双拥工作业务培训", months: []int{3, 4}, place: "镇政府会议室", organiser: model.UnitGovernment,
			people: [2]int{20, 60}, yuan: [2]int{1000, 5000}, items: []itemSpec{{"培训", "人次", 20, 60, 100}}, days: 1},
		{title: "军嫂电商技能培训", months: []int{4, 5, 9}, place: "镇电商服务中心", organiser: model.UnitWomens,
			people: [2]int{15, 60}, yuan: [2]int{2000, 10000}, items: []itemSpec{{"培训", "人次", 15, 60, 100}}, days: 2},
	},
	model.EventEmployment: {
		{title: "退役军人专场招聘会", months: []int{3, 4, 9, 10}, place: "镇文化广场", organiser: model.UnitGovernment,
			with: []unitRole{{model.UnitEnterprise, "cohost", 100}}, people: [2]int{150, 800}, yuan: [2]int{2000, 15000},
			items: []itemSpec{{"企业", "家", 15, 90, 100}, {"就业岗位", "个", 150, 1600, 100}, {"达成就业意向", "人", 10, 120, 70}}},
		{title: "军嫂就业对接会", months: []int{3, 5}, place: "镇妇联活动室", organiser: model.UnitWomens,
			with: []unitRole{{model.UnitEnterprise, "cohost", 100}}, people: [2]int{30, 150}, yuan: [2]int{1000, 5000},
			items: []itemSpec{{"企业", "家", 5, 30, 100}, {"就业岗位", "个", 30, 300, 100}}},
		{title: "“春风行动”退役军人就业对接", months: []int{2, 3}, place: "镇退役军人服务站", organiser: model.UnitGovernment,
			with: []unitRole{{model.UnitEnterprise, "cohost", 100}}, people: [2]int{80, 400}, yuan: [2]int{1000, 8000},
			items: []itemSpec{{"企业", "家", 10, 60, 100}, {"就业岗位", "个", 100, 900, 100}}},
	},
	model.EventClinic: {
		{title: "军地联合义诊进村", place: "{v}党群服务中心", organiser: model.UnitHospital,
			with: []unitRole{{model.UnitStationed, "cohost", 50}}, people: [2]int{40, 300}, military: [2]float64{0, 0.05},
			yuan: [2]int{0, 5000}, items: []itemSpec{{"义诊", "人次", 40, 300, 100}, {"宣传资料", "份", 50, 300, 40}}},
		{title: "优抚对象免费体检", months: []int{4, 5, 10}, place: "青山镇卫生院", organiser: model.UnitHospital,
			with: []unitRole{{model.UnitGovernment, "cohost", 100}}, people: [2]int{50, 300}, yuan: [2]int{5000, 30000},
			items: []itemSpec{{"体检", "人次", 50, 300, 100}}, days: 2},
		{title: "老兵健康讲座", months: []int{6, 9, 10}, place: "镇退役军人服务站", organiser: model.UnitHospital,
			people: [2]int{30, 120}, yuan: [2]int{0, 2000}},
	},
	model.EventMatchmaking: {
		{title: "军地青年联谊会", months: []int{5}, place: "镇文化广场", organiser: model.UnitWomens,
			with: []unitRole{{model.UnitStationed, "cohost", 100}}, people: [2]int{60, 400}, military: [2]float64{0.4, 0.5},
			yuan: [2]int{3000, 15000}, items: []itemSpec{{"牵手成功", "对", 2, 24, 100}}},
		{title: "“七夕”军营鹊桥会", months: []int{8}, place: "驻地某部营区", organiser: model.UnitWomens,
			with: []unitRole{{model.UnitStationed, "cohost", 100}}, people: [2]int{60, 300}, military: [2]float64{0.4, 0.5},
			yuan: [2]int{3000, 15000}, items: []itemSpec{{"牵手成功", "对", 1, 18, 100}}},
		{title: "“情系军营”单身官兵联谊交友活动", months: []int{4, 10}, place: "镇综合文化站", organiser: model.UnitWomens,
			with: []unitRole{{model.UnitArmedPolice, "cohost", 100}}, people: [2]int{40, 200}, military: [2]float64{0.4, 0.5},
			yuan: [2]int{2000, 10000}, items: []itemSpec{{"牵手成功", "对", 1, 12, 100}}},
	},
	model.EventPairingHelp: {
		{title: "结对帮扶困难军属", place: "{v}", organiser: model.UnitGovernment, people: [2]int{3, 12}, yuan: [2]int{1000, 10000},
			items: []itemSpec{{"慰问品", "份", 2, 20, 50}}},
		{title: "{v}困难退役军人帮扶", place: "{v}", organiser: model.UnitVillage, people: [2]int{3, 10}, yuan: [2]int{1000, 8000}},
		{title: "“一对一”结对帮扶回访", place: "{v}", organiser: model.UnitGovernment, people: [2]int{2, 8}, yuan: [2]int{0, 3000}},
	},
	model.EventPracticalHelp: {
		{title: "为驻军送鞋垫", months: []int{1, 9, 12}, place: "驻地某部营区", organiser: model.UnitWomens,
			with: []unitRole{{model.UnitStationed, "recipient", 100}}, people: [2]int{10, 40}, military: [2]float64{0.2, 0.5},
			yuan: [2]int{1000, 6000}, items: []itemSpec{{"鞋垫", "双", 100, 300, 100}}},
		{title: "帮助驻军解决官兵子女入学", months: []int{8, 9}, place: "青山镇中心小学", organiser: model.UnitGovernment,
			with: []unitRole{{model.UnitStationed, "recipient", 100}, {model.UnitSchool, "cohost", 100}}, people: [2]int{5, 20}, military: [2]float64{0.2, 0.4},
			yuan: [2]int{0, 2000}, items: []itemSpec{{"办实事", "件", 1, 8, 100}}},
		{title: "为驻地部队修缮营区道路", months: []int{4, 5, 10, 11}, place: "驻地某部营区", organiser: model.UnitGovernment,
			with: []unitRole{{model.UnitStationed, "recipient", 100}, {model.UnitEnterprise, "cohost", 60}}, people: [2]int{10, 40}, military: [2]float64{0.2, 0.5},
			yuan: [2]int{20000, 100000}, items: []itemSpec{{"办实事", "件", 1, 3, 100}}},
		{title: "为军属家庭免费检修电器", months: []int{3, 6, 11}, place: "{v}", organiser: model.UnitSocialOrg,
			people: [2]int{8, 30}, yuan: [2]int{0, 3000}, items: []itemSpec{{"办实事", "件", 5, 60, 100}}},
		{title: "拥军优属志愿服务", place: "{v}", organiser: model.UnitSocialOrg,
			people: [2]int{10, 40}, yuan: [2]int{0, 2000}, items: []itemSpec{{"办实事", "件", 3, 30, 100}}},
	},
	model.EventHonour: {
		{title: "新兵入伍送喜报", months: []int{3, 4, 9, 10}, occasion: "enlistment", place: "各村（社区）", organiser: model.UnitPAFD,
			with: []unitRole{{model.UnitGovernment, "cohost", 70}}, people: [2]int{8, 40}, yuan: [2]int{500, 5000},
			items: []itemSpec{{"喜报", "份", 5, 60, 100}, {"光荣牌", "块", 5, 40, 40}}},
		{title: "为军属家庭悬挂光荣牌", place: "{v}", organiser: model.UnitGovernment,
			people: [2]int{5, 20}, yuan: [2]int{300, 3000}, items: []itemSpec{{"光荣牌", "块", 5, 60, 100}}},
		{title: "立功受奖喜报送到家", months: []int{1, 6, 12}, place: "{v}", organiser: model.UnitPAFD,
			with: []unitRole{{model.UnitStationed, "partner", 50}}, people: [2]int{5, 20}, military: [2]float64{0.1, 0.3}, yuan: [2]int{300, 3000},
			items: []itemSpec{{"喜报", "份", 1, 10, 100}}},
	},
	model.EventResettlement: {
		{title: "军转干部安置见面会", months: []int{6, 7, 10}, place: "县人武部会议室", organiser: model.UnitPAFD,
			with: []unitRole{{model.UnitGovernment, "cohost", 100}}, people: [2]int{5, 30}, military: [2]float64{0.1, 0.3}, yuan: [2]int{0, 2000},
			items: []itemSpec{{"接收军转干部", "名", 1, 21, 100}}},
		{title: "退役士兵安置工作协调会", months: []int{3, 9, 11}, place: "镇退役军人服务站", organiser: model.UnitGovernment,
			people: [2]int{8, 30}, yuan: [2]int{0, 1000}, items: []itemSpec{{"安置退役士兵", "名", 1, 30, 80}}},
	},
	model.EventArmyForLocal: {
		{title: "驻军官兵参与抗洪抢险", months: []int{6, 7, 8}, place: "{v}河堤", organiser: model.UnitStationed,
			with: []unitRole{{model.UnitVillage, "recipient", 80}, {model.UnitMilitia, "cohost", 70}}, people: [2]int{50, 400}, military: [2]float64{0.7, 0.95},
			items: []itemSpec{{"车辆", "台", 2, 20, 70}}, days: 3},
		{title: "驻军支援乡村道路建设", months: []int{4, 5, 10, 11}, place: "{v}", organiser: model.UnitStationed,
			with: []unitRole{{model.UnitVillage, "recipient", 100}}, people: [2]int{30, 150}, military: [2]float64{0.8, 1},
			items: []itemSpec{{"车辆", "台", 2, 10, 60}}, days: 5},
		{title: "官兵义务植树", months: []int{3}, place: "{v}荒山", organiser: model.UnitStationed,
			with: []unitRole{{model.UnitGovernment, "cohost", 60}}, people: [2]int{50, 200}, military: [2]float64{0.7, 0.9},
			items: []itemSpec{{"植树", "棵", 500, 5000, 100}}},
		{title: "驻军协助扑救山火", months: []int{1, 2, 3, 4, 11, 12}, place: "{v}山林", organiser: model.UnitStationed,
			with: []unitRole{{model.UnitFireRescue, "cohost", 80}, {model.UnitMilitia, "cohost", 60}}, people: [2]int{40, 300}, military: [2]float64{0.8, 1},
			items: []itemSpec{{"扑灭火点", "处", 1, 5, 100}}},
		{title: "官兵助力秋收", months: []int{9, 10}, place: "{v}", organiser: model.UnitStationed,
			with: []unitRole{{model.UnitVillage, "recipient", 100}}, people: [2]int{20, 120}, military: [2]float64{0.8, 1},
			items: []itemSpec{{"帮收庄稼", "亩", 20, 300, 100}}},
		{title: "驻军义务献血", place: "青山镇卫生院", organiser: model.UnitStationed,
			with: []unitRole{{model.UnitHospital, "recipient", 100}}, people: [2]int{30, 150}, military: [2]float64{0.9, 1},
			items: []itemSpec{{"献血", "毫升", 6000, 45000, 100}}},
	},
	model.EventOther: {
		{title: "双拥工作领导小组会议", months: []int{1, 6, 12}, place: "镇政府会议室", organiser: model.UnitGovernment,
			with: []unitRole{{model.UnitPAFD, "cohost", 100}}, people: [2]int{12, 30}, military: [2]float64{0.1, 0.3}},
		{title: "“双拥月”活动启动仪式", months: []int{1, 7}, place: "镇文化广场", organiser: model.UnitGovernment,
			with: []unitRole{{model.UnitStationed, "cohost", 80}}, people: [2]int{80, 400}, military: [2]float64{0.1, 0.3}, yuan: [2]int{1000, 5000}},
		{title: "{y}年双拥工作总结会", months: []int{12}, place: "镇政府会议室", organiser: model.UnitGovernment,
			people: [2]int{20, 60}, military: [2]float64{0, 0.2}},
	},
}

// typeWeights is how often each type of event (other than visits) happens in a year of a
// township: many 座谈会 and 宣传, few 联谊 and 军转安置.
var typeWeights = []struct {
	typ string
	w   float64
}{
	{model.EventTroopVisit, 5}, {model.EventForum, 7}, {model.EventGala, 3}, {model.EventCommendation, 2},
	{model.EventPublicity, 7}, {model.EventTraining, 4}, {model.EventEmployment, 2}, {model.EventClinic, 3},
	{model.EventMatchmaking, 1.5}, {model.EventPairingHelp, 5}, {model.EventPracticalHelp, 5}, {model.EventHonour, 4},
	{model.EventResettlement, 1}, {model.EventArmyForLocal, 2.5}, {model.EventOther, 2},
}

var moneySources = []weighted{{"财政拨款", 60}, {"单位自筹", 25}, {"社会捐赠", 15}}

var eventNotes = []string{"照片和签到表已存档", "县双拥办派员参加", "镇主要领导出席", "已在镇公众号报道", "活动简报已报县双拥办"}
