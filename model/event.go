package model

// Event types (活动类型), DOMAIN.md §4. A visit round is an event of type 走访慰问; the
// people it reached are its visits.
const (
	EventVisit         = "visit"
	EventTroopVisit    = "troop_visit"
	EventForum         = "forum"
	EventGala          = "gala"
	EventCommendation  = "commendation"
	EventPublicity     = "publicity"
	EventTraining      = "training"
	EventEmployment    = "employment"
	EventClinic        = "clinic"
	EventMatchmaking   = "matchmaking"
	EventPairingHelp   = "pairing_help"
	EventPracticalHelp = "practical_help"
	EventHonour        = "honour"
	EventResettlement  = "resettlement"
	EventArmyForLocal  = "army_for_local"
	EventOther         = "other"
)

var EventTypes = Enum{
	{Code: EventVisit, Zh: "走访慰问", En: "Home visit", Aliases: []string{"走访", "慰问"}},
	{Code: EventTroopVisit, Zh: "慰问驻军", En: "Visit to troops", Aliases: []string{"慰问部队"}},
	{Code: EventForum, Zh: "座谈会", En: "Forum", Aliases: []string{"座谈"}},
	{Code: EventGala, Zh: "联欢会/文艺汇演", En: "Gala", Aliases: []string{"联欢会", "文艺汇演", "文艺联欢"}},
	{Code: EventCommendation, Zh: "表彰", En: "Commendation", Aliases: []string{"表彰会"}},
	{Code: EventPublicity, Zh: "宣传教育/国防教育", En: "Publicity and defence education", Aliases: []string{"宣传教育", "国防教育", "宣传"}},
	{Code: EventTraining, Zh: "培训", En: "Training"},
	{Code: EventEmployment, Zh: "就业对接/招聘会", En: "Job fair", Aliases: []string{"就业对接", "招聘会"}},
	{Code: EventClinic, Zh: "义诊/健康讲座", En: "Free clinic", Aliases: []string{"义诊", "健康讲座"}},
	{Code: EventMatchmaking, Zh: "联谊交友/鹊桥会", En: "Matchmaking", Aliases: []string{"联谊交友", "鹊桥会", "联谊"}},
	{Code: EventPairingHelp, Zh: "结对帮扶", En: "Paired assistance"},
	{Code: EventPracticalHelp, Zh: "拥军办实事", En: "Practical help for the military", Aliases: []string{"办实事"}},
	{Code: EventHonour, Zh: "送喜报/挂光荣牌", En: "Honours delivered", Aliases: []string{"送喜报", "挂光荣牌"}},
	{Code: EventResettlement, Zh: "军转安置", En: "Resettlement"},
	{Code: EventArmyForLocal, Zh: "拥政爱民", En: "Army support for the locality", Aliases: []string{"抢险救灾", "支援建设"}},
	{Code: EventOther, Zh: "其他", En: "Other"},
}

// Directions of an event: 拥军优属 (locality → military) or 拥政爱民 (military → locality).
const (
	DirToMilitary = "to_military"
	DirToLocal    = "to_local"
)

var Directions = Enum{
	{Code: DirToMilitary, Zh: "拥军优属", En: "Support for the military"},
	{Code: DirToLocal, Zh: "拥政爱民", En: "Support from the military"},
}

// DefaultDirection is the direction an event of a type usually has.
func DefaultDirection(eventType string) string {
	if eventType == EventArmyForLocal {
		return DirToLocal
	}
	return DirToMilitary
}

var Occasions = Enum{
	{Code: "spring_festival", Zh: "春节", En: "Spring Festival"},
	{Code: "army_day", Zh: "八一", En: "Army Day", Aliases: []string{"八一建军节", "建军节"}},
	{Code: "mid_autumn", Zh: "中秋", En: "Mid-Autumn", Aliases: []string{"中秋节"}},
	{Code: "double_ninth", Zh: "重阳", En: "Double Ninth", Aliases: []string{"重阳节"}},
	{Code: "womens_day", Zh: "三八", En: "Women's Day", Aliases: []string{"三八妇女节", "妇女节"}},
	{Code: "routine", Zh: "常态化", En: "Routine", Aliases: []string{"常态化联系", "日常"}},
	{Code: "hospital", Zh: "生病住院", En: "Illness"},
	{Code: "crisis", Zh: "重大变故", En: "Hardship"},
	{Code: "enlistment", Zh: "新兵入伍", En: "Enlistment", Aliases: []string{"入伍", "送喜报"}},
	{Code: "other", Zh: "其他", En: "Other"},
}

// Unit roles in an event.
var UnitRoles = Enum{
	{Code: "host", Zh: "主办", En: "Host"},
	{Code: "cohost", Zh: "协办", En: "Co-host"},
	{Code: "recipient", Zh: "慰问对象", En: "Recipient"},
	{Code: "partner", Zh: "共建", En: "Partner"},
}

// Visit modes.
var VisitModes = Enum{
	{Code: "home", Zh: "入户", En: "Home visit", Aliases: []string{"入户走访"}},
	{Code: "phone", Zh: "电话", En: "Phone", Aliases: []string{"电话联系"}},
	{Code: "wechat", Zh: "微信", En: "WeChat"},
	{Code: "gathering", Zh: "集中慰问", En: "Gathering"},
	{Code: "forum", Zh: "座谈", En: "Forum"},
}

// EventUnit is a unit taking part in an event, with its role.
type EventUnit struct {
	UnitID int64
	Role   string
	Name   string // filled on read, for display
}

// Item is a counted thing an event produced or gave, with its own counting unit:
// 鞋垫 276 双, 就业岗位 1537 个, 牵手成功 24 对.
type Item struct {
	Name     string
	Quantity int64
	Unit     string
	// Parent is the place + 1, among the event's Items, of the item this one is a
	// breakdown of (其中: 接收军转干部 21 名 → 男同志 18 名, 女同志 3 名); 0 for none. The tally
	// keeps a breakdown with its parent (DOMAIN.md §4, rule 9).
	Parent int
}

// Event is one activity.
type Event struct {
	ID                   int64
	Date                 string // ISO
	EndDate              string // ISO, optional
	Type                 string
	Occasion             string
	Title                string
	Place                string
	Organiser            string
	Lead                 string
	Direction            string
	Participants         int64
	MilitaryParticipants int64
	MoneyFen             int64
	MoneySource          string
	StandardMoneyFen     int64  // a campaign's standard 慰问金 per person
	StandardGoods        string // a campaign's standard goods
	StandardGoodsFen     int64  // and their value per person
	Units                []EventUnit
	Items                []Item
	Note                 string
	CreatedAt            string
	UpdatedAt            string
	DeletedAt            string
}

// Visit is one person reached by an event: who, how, what was given, what was seen and asked.
type Visit struct {
	ID            int64
	EventID       int64
	PersonID      int64
	Date          string // ISO; defaults to the event's date
	Mode          string
	Visitors      string
	MoneyFen      int64
	Goods         string
	GoodsValueFen int64
	Condition     string
	Need          string // 困难诉求 raised at this visit; open until ResolvedOn is set
	Resolution    string
	ResolvedOn    string
	FollowUpOn    string
	Signed        bool
	Note          string
	// Snapshots taken when the visit is saved, so a tally counts the person as they were.
	Categories   []string
	VillageID    int64
	HouseholdKey int64 // household id, or -person id for a person living alone
	CreatedAt    string
	UpdatedAt    string
	DeletedAt    string
}

// NeedOpen reports whether the visit raised a need that is still waiting for a resolution.
func (v Visit) NeedOpen() bool { return v.Need != "" && v.ResolvedOn == "" }
