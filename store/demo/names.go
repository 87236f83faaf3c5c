package demo

import (
	"math/rand/v2"
	"strings"
)

// The word lists below are what cadres will read on the first run, so they follow real
// rosters: surnames by frequency (with the polyphonic surnames the search must get right),
// given names by generation, village and unit names of a township in central China.

type weighted struct {
	s string
	w int
}

// surnames with weights roughly proportional to their frequency in China (per 10 000).
// The rare polyphonic surnames (单 shan, 曾 zeng, 解 xie, 仇 qiu, 区 ou, 朴 piao, 查 zha,
// 覃 qin, 翟 zhai, 盖 ge, 缪 miao, 乐 yue) and compound surnames are here so that pinyin
// search can be demonstrated on them; ensureSurnames makes sure each appears.
var surnames = []weighted{
	{"王", 710}, {"李", 700}, {"张", 660}, {"刘", 540}, {"陈", 460}, {"杨", 310}, {"黄", 230},
	{"赵", 210}, {"吴", 200}, {"周", 190}, {"徐", 130}, {"孙", 130}, {"马", 120}, {"朱", 120},
	{"胡", 110}, {"郭", 110}, {"何", 100}, {"林", 100}, {"高", 100}, {"罗", 90}, {"郑", 90},
	{"梁", 80}, {"谢", 70}, {"宋", 60}, {"唐", 60}, {"许", 60}, {"韩", 60}, {"冯", 50},
	{"邓", 50}, {"曹", 50}, {"彭", 50}, {"曾", 50}, {"肖", 50}, {"田", 40}, {"董", 40},
	{"袁", 40}, {"潘", 40}, {"于", 40}, {"蒋", 40}, {"蔡", 40}, {"余", 40}, {"杜", 40},
	{"叶", 40}, {"程", 30}, {"苏", 30}, {"魏", 30}, {"吕", 30}, {"丁", 30}, {"任", 30},
	{"沈", 30}, {"姚", 30}, {"卢", 30}, {"姜", 30}, {"崔", 30}, {"钟", 30}, {"谭", 30},
	{"陆", 30}, {"汪", 20}, {"范", 20}, {"金", 20}, {"石", 20}, {"廖", 20}, {"贾", 20},
	{"夏", 20}, {"韦", 20}, {"付", 20}, {"方", 20}, {"白", 20}, {"邹", 20}, {"孟", 20},
	{"熊", 20}, {"秦", 20}, {"邱", 20}, {"江", 20}, {"尹", 20}, {"薛", 20}, {"闫", 20},
	{"段", 20}, {"雷", 20}, {"侯", 20}, {"龙", 20}, {"史", 20}, {"陶", 10}, {"黎", 10},
	{"贺", 10}, {"顾", 10}, {"毛", 10}, {"郝", 10}, {"龚", 10}, {"邵", 10}, {"万", 10},
	{"钱", 10}, {"严", 10}, {"覃", 10}, {"武", 10}, {"戴", 10}, {"莫", 10}, {"孔", 10},
	{"向", 10}, {"汤", 10},
	{"单", 5}, {"解", 5}, {"仇", 3}, {"区", 2}, {"朴", 2}, {"查", 3}, {"翟", 5}, {"盖", 3},
	{"缪", 3}, {"乐", 3}, {"欧阳", 3}, {"司马", 1},
}

// showcaseSurnames must each appear at least once in a roster of some size: they are the
// names the README and the tests search for.
var showcaseSurnames = []string{"单", "曾", "解", "仇", "区", "朴", "查", "覃", "翟", "盖", "缪", "乐", "欧阳", "司马"}

// Given names by the era of birth and by sex: 建国 and 秀英 for the old, 伟 and 丽 for the
// middle-aged, 浩然 and 欣怡 for the young.
var (
	givenOldM   = strings.Fields("建国 建军 国强 国庆 志强 德明 福生 长发 海生 金山 保国 卫东 永福 树林 春生 忠 明 华 勇 德 福 祥 贵 有才 正清 光明 青山 水生 德胜 满仓 根生 富贵")
	givenOldF   = strings.Fields("秀英 桂英 秀兰 玉兰 桂兰 凤英 淑珍 翠花 金凤 秀珍 玉梅 兰英 素珍 桂芳 美英 芳 英 兰 梅 珍 菊花 冬梅 春花 玉珍 淑芬 桂香")
	givenMidM   = strings.Fields("伟 勇 军 磊 涛 斌 杰 超 明 刚 平 辉 鹏 华 飞 鑫 波 宁 建华 志刚 海涛 晓东 建平 文斌 小兵 红军 卫国 立新 振华 俊 峰 林 强 亮 云 洪 文 志勇")
	givenMidF   = strings.Fields("丽 芳 娟 敏 静 燕 艳 红 霞 玲 晓燕 丽娟 海燕 春梅 红梅 慧 琳 丽华 秀梅 小红 建英 丽萍 雪梅 美玲 晓丽 凤 萍 莉")
	givenYoungM = strings.Fields("浩 宇 轩 俊杰 子豪 浩然 宇航 博文 天宇 一鸣 泽宇 家豪 明轩 梓豪 皓 晨 睿 鹏飞 志远 文博 思远 嘉伟 俊熙 逸飞 子健 凯 旭 航")
	givenYoungF = strings.Fields("欣怡 梓涵 诗涵 雨欣 佳怡 思琪 婷 雪 倩 丹 萌 悦 梦瑶 雨桐 可欣 晓雯 静怡 佳慧 紫薇 雅琪 晨曦 心怡 月 颖 璐 洁")
	givenChildM = strings.Fields("子墨 沐阳 宇轩 浩宇 皓轩 一诺 奕辰 梓睿 锦程 俊宇 铭泽 安然")
	givenChildF = strings.Fields("梓萱 若汐 依依 欣妍 一诺 语桐 可馨 诗琪 芷若 雨萱 安琪 子淇")
)

// minorityNames are transliterated names with the name dot (·), with their ethnicity and sex.
var minorityNames = []struct{ name, ethnicity, sex string }{
	{"买买提·吐尔逊", "维吾尔族", "M"}, {"阿依古丽·艾买提", "维吾尔族", "F"}, {"艾力·阿不都拉", "维吾尔族", "M"},
	{"古丽娜尔·买买提", "维吾尔族", "F"}, {"热合曼·吐尔地", "维吾尔族", "M"}, {"努尔兰·哈斯木", "哈萨克族", "M"},
	{"阿依努尔·加帕尔", "哈萨克族", "F"}, {"吐尔洪·艾则孜", "维吾尔族", "M"}, {"帕提古丽·依明", "维吾尔族", "F"},
	{"阿不都热合曼·肉孜", "维吾尔族", "M"},
}

// ethnicities other than 汉族 with Chinese names, local to the hills of central China.
var minorityEthnicities = []weighted{{"土家族", 30}, {"苗族", 25}, {"回族", 15}, {"侗族", 10}, {"瑶族", 10}, {"满族", 5}, {"壮族", 5}}

// Village names. The first is 李家村 (the SPEC's example), the second the township seat.
// Larger rosters draw more from stems; beyond them numbered villages keep names unique.
var villageFixed = []string{
	"李家村", "青山社区", "王庄村", "河东村", "张湾村", "石桥村", "柳树村", "新华村", "红旗村", "东升村",
	"光明村", "桃园村", "马家村", "陈家湾村", "刘庄村", "周家村", "黄土坡村", "高桥村", "白沙村", "镇南社区",
	"大坪村", "小河村", "长岭村", "松林村", "双河村", "三合村", "五里村", "龙泉村", "凤凰村", "金山村",
	"银杏村", "兴隆村", "太平村", "和平村", "团结村", "胜利村", "幸福村", "河西村", "镇北社区", "梅花村",
}

var (
	villageSurnameStems = strings.Fields("赵 钱 孙 周 吴 郑 冯 陈 杨 朱 何 吕 施 曹 严 金 魏 陶 姜 谢 邹 喻 苏 潘 葛 范 彭 鲁 韦 马 方 俞 任 袁 柳 鲍 史 唐 费 薛 雷 贺 倪 汤 殷 罗 毕 郝 邬 安 常 乐 于 傅 皮 齐 康 伍 余 顾 孟 黄 萧 尹 姚 邵 汪 祁 毛 狄 米 贝 明 臧 戴 谈 宋 熊 纪 舒 屈 项 祝 董 梁 杜 阮 蓝 闵 季 贾 江 童 颜 郭 梅 盛 林 钟 徐 邱 骆 高 夏 蔡 田 樊 胡 凌 霍 万 柯 卢 莫 房 解 应 丁 宣 邓 洪 包 左 石 崔 龚 程 邢 裴 陆 荣 翁 荀 甄 曲 封 储 靳 焦 牧 山 谷 车 侯 全 班 仰 秋 仲 伊 宫 宁 仇 栾 甘 厉 戎 祖 武 符 刘 景 詹 龙 叶 幸 司 黎 薄 印 宿 白 蒲 邰 从 鄂 索 咸 籍 卓 蔺 屠 蒙 池 乔 阳 郁 胥 能 苍 双 闻 莘 党 翟 谭 贡 劳 姬 申 扶 堵 冉 宰 郦 雍 桑 桂 濮 牛 寿 通 边 扈 燕 冀 浦 尚 农 温 别 庄 晏 柴 瞿 阎 充 慕 连 茹 习 宦 艾 鱼 容 向 古 易 慎 戈 廖 庾 终 暨 居 衡 步 都 耿 满 弘 匡 国 文 寇 广 禄 阙 东 欧 殳 沃 利 蔚 越 夔 隆 师 巩 厍 聂 晁 勾 敖 融 冷 訾 辛 阚 那 简 饶 空 曾 沙 养 鞠 须 丰 巢 关 蒯 相 查 后 荆 红 游 竺 权 逯 盖 益 桓 公")
	villageSurnameForms = []string{"家村", "庄村", "家湾村", "家坪村", "家冲村", "家岭村", "家桥村", "家港村"}
	villageNatureHeads  = strings.Fields("东 西 南 北 上 下 大 小 新 老 前 后 中 高 长 青 白 黄 红 金")
	villageNatureTails  = strings.Fields("河 山 桥 岭 塘 坪 湾 冲 港 洲 坡 峰 林 溪 泉 田")
)

var chineseDigits = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// chineseNumber writes 1–999 in Chinese numerals (十一, 二十, 一百零五), for numbered names.
func chineseNumber(n int) string {
	if n <= 0 || n >= 1000 {
		return pad(n, 1)
	}
	var b strings.Builder
	h, t, u := n/100, n/10%10, n%10
	if h > 0 {
		b.WriteString(chineseDigits[h] + "百")
		if t == 0 && u != 0 {
			b.WriteString("零")
		}
	}
	if t > 0 {
		if !(t == 1 && h == 0) {
			b.WriteString(chineseDigits[t])
		}
		b.WriteString("十")
	}
	if u > 0 {
		b.WriteString(chineseDigits[u])
	}
	return b.String()
}

// villageNames returns n unique village names: the fixed list, then (shuffled, so the
// township does not look alphabetical) surname and landscape stems, then numbered ones.
func villageNames(r *rand.Rand, n int) []string {
	out := make([]string, 0, n)
	seen := map[string]bool{}
	add := func(s string) {
		if len(out) < n && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, s := range villageFixed {
		add(s)
	}
	if len(out) < n {
		var more []string
		for _, s := range villageSurnameStems {
			more = append(more, s+villageSurnameForms[r.IntN(len(villageSurnameForms))])
		}
		for _, h := range villageNatureHeads {
			for _, t := range villageNatureTails {
				more = append(more, h+t+"村")
			}
		}
		r.Shuffle(len(more), func(i, j int) { more[i], more[j] = more[j], more[i] })
		for _, s := range more {
			add(s)
		}
	}
	for k := 1; len(out) < n; k++ {
		add("第" + chineseNumber(k) + "社区")
	}
	return out
}

// Township people who appear as organisers, leads and visitors.
const (
	townName     = "青山镇"
	officeName   = "青山镇人民政府"
	operatorName = "王丽娟"
	countyName   = "青山县"
)

var leaders = []string{"刘建华", "王志刚", "陈卫国", "李秀梅", "张丽", "赵红军"}

// Address codes: most people hold numbers of the home county; some moved in from
// neighbouring counties or married in from further away.
var (
	homeCounty    = "430524"
	otherCounties = []string{"430521", "430522", "430523", "430525", "430527", "430581", "431121", "430421", "360429", "420822"}
	areaCode      = "0739"
)

var mobilePrefixes = []string{"130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152",
	"153", "155", "156", "157", "158", "159", "166", "173", "176", "177", "180", "181", "182", "183", "185", "186", "187",
	"188", "189", "191", "193", "195", "198", "199"}

// Free texts of a person's record.
var (
	healthOld     = []string{"良好", "高血压", "糖尿病", "慢性支气管炎", "冠心病", "行动不便", "腰腿疼痛", "视力下降", "听力下降", "脑梗后遗症", "一般", "良好"}
	healthYoung   = []string{"良好", "良好", "良好", "健康", "一般"}
	conditionsOld = []string{
		"与子女同住，生活稳定", "老两口同住，生活基本能自理", "住房为砖混结构，状况良好", "住房较旧，需关注",
		"子女孝顺，照顾周到", "随儿子居住", "住房已改造，生活条件改善", "靠养老金和抚恤补助生活",
	}
	conditionsYoung = []string{
		"住房为砖混结构，状况良好", "家庭收入主要靠务农", "在镇上经营小店，收入稳定", "在外务工",
		"务农，家庭和睦", "在本地企业上班", "家中有老人需照顾", "住房已改造，生活条件改善",
	}
	contactRelations  = []string{"儿子", "女儿", "儿媳", "侄子", "孙子"}
	otherCategoryText = []string{"参战民兵民工", "支前民工", "军休干部家属", "退役军人困难家庭", "原8023部队退役人员"}
	servicesFree      = []string{"陆军某部", "陆军某部", "海军某部", "空军某部", "火箭军某部", "武警某部", "联勤保障部队某部", "陆军某合成旅", "武警某支队"}
	provinceShort     = "湘"
)

// Texts of visits.
var (
	visitConditions = []string{
		"身体健康，生活稳定", "患高血压，按时服药", "独居，生活基本能自理", "子女在外务工，家中只有老两口",
		"精神状态良好，对慰问表示感谢", "腿脚不便，需人照顾", "住房较旧，屋顶有渗漏", "家庭和睦，生活有保障",
		"刚出院，正在康复", "孩子在部队表现优秀，家人很自豪", "军嫂一人照顾老人孩子，较辛苦", "生活困难，收入较低",
	}
	needs = []struct{ need, resolution string }{
		{"房屋漏雨需维修", "已联系村委会组织维修"},
		{"希望帮助子女就业", "已推荐至镇内企业就业"},
		{"申请医疗救助", "已协助申请医疗救助并获批"},
		{"希望办理优待证", "已协助办理优待证"},
		{"反映抚恤金发放时间", "已向县退役军人事务局反映并答复"},
		{"孩子入学需要协调", "已协调就近入学"},
		{"需要一台轮椅", "已发放轮椅一台"},
		{"希望复评伤残等级", "已提交复评申请"},
		{"冬季取暖有困难", "已送去取暖器和棉被"},
		{"希望安装光荣牌", "已悬挂光荣牌"},
		{"申请低保", "已协助申请，经审核纳入低保"},
		{"家中农田灌溉有困难", "已协调村里解决灌溉用水"},
	}
	hospitals = []string{"县人民医院", "县中医院", "青山镇卫生院", "市中心医院"}
	crises    = []string{"家中遭遇火灾，房屋受损", "家人突发重病住院", "房屋在暴雨中受损", "家中主要劳动力受伤"}
)

// pick returns an element of a weighted list.
func pickWeighted(r *rand.Rand, ws []weighted, total int) string {
	n := r.IntN(total)
	for _, w := range ws {
		if n < w.w {
			return w.s
		}
		n -= w.w
	}
	return ws[len(ws)-1].s
}

func totalWeight(ws []weighted) int {
	t := 0
	for _, w := range ws {
		t += w.w
	}
	return t
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }
