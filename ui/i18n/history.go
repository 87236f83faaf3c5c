package i18n

// Messages of the F8 screen: a record's change history and the tab's trash.
const (
	HistTitle        Key = "hist.title"
	HistTitleNone    Key = "hist.title_none"
	HistChanges      Key = "hist.changes"
	HistNoChanges    Key = "hist.no_changes"
	HistNoRecord     Key = "hist.no_record"
	HistTrash        Key = "hist.trash"
	HistTrashEmpty   Key = "hist.trash_empty"
	HistLoading      Key = "hist.loading"
	HistArrow        Key = "hist.arrow"
	HistEmptyValue   Key = "hist.empty_value"
	HistRestored     Key = "hist.restored"
	HistPurgeTitle   Key = "hist.purge_title"
	HistPurgeBody    Key = "hist.purge_body"
	HistPurgeYes     Key = "hist.purge_yes"
	HistPurged       Key = "hist.purged"
	HistUndone       Key = "hist.undone"
	HistColWhen      Key = "hist.col.when"
	HistColKind      Key = "hist.col.kind"
	HistColWhat      Key = "hist.col.what"
	KeyHistory       Key = "key.history"
	KeyRestore       Key = "key.restore"
	KeyPurge         Key = "key.purge"
	HistOperatorNone Key = "hist.operator_none"
	HistRecent       Key = "hist.recent"
	HistRows         Key = "hist.rows"
)

// HistAction is the key of a history action's label (insert, update, trash, restore,
// undo, purge, bulk).
func HistAction(action string) Key { return Key("hist.action." + action) }

// HistEntity is the key of a kind of record's name (people, units, events, visits…): the
// names the check command counts them under.
func HistEntity(entity string) Key { return Key("ent." + entity) }

func init() {
	add(HistTitle, "修改记录与回收站：%s", "History and trash: %s")
	add(HistTitleNone, "回收站", "Trash")
	add(HistChanges, "修改记录（共 %d 条，最近的在前）", "Changes (%d, newest first)")
	add(HistNoChanges, "没有修改记录。", "No changes recorded.")
	add(HistNoRecord, "选中一条记录再按 F8，可以看到它自己的修改记录。", "Select a record and press F8 to see its own changes.")
	add(HistTrash, "回收站（%d 项）：Enter 恢复，Delete 彻底删除", "Trash (%d): Enter restores, Delete deletes for good")
	add(HistTrashEmpty, "回收站是空的。", "The trash is empty.")
	add(HistLoading, "正在读取...", "Loading...")
	add(HistArrow, "%s：%s -> %s", "%s: %s -> %s")
	add(HistEmptyValue, "（空）", "(empty)")
	add(HistRestored, "已恢复：%s", "Restored: %s")
	add(HistPurgeTitle, "彻底删除", "Delete for good")
	add(HistPurgeBody, "彻底删除「%s」吗？\n连同只属于它的记录（如此人的走访记录）一起删除，修改记录中的资料也一并清除。\n这一步不能撤销。", "Delete %q for good?\nRecords that belong to it alone (such as a person's visits) go too, and so do the copies in the history.\nThis cannot be undone.")
	add(HistPurgeYes, "彻底删除", "Delete for good")
	add(HistPurged, "已彻底删除：%s", "Deleted for good: %s")
	add(HistUndone, "（已撤销）", " (undone)")
	add(HistColWhen, "移入时间", "Trashed")
	add(HistColKind, "类别", "Kind")
	add(HistColWhat, "记录", "Record")
	add(KeyHistory, "修改记录/回收站", "history/trash")
	add(KeyRestore, "恢复", "restore")
	add(KeyPurge, "彻底删除", "delete for good")
	add(HistOperatorNone, "（未填操作员）", "(no operator)")
	add(HistRecent, "最近的修改（%d 次保存，最近的在前）", "Recent changes (%d saves, newest first)")
	add(HistRows, "（共 %d 条记录）", " (%d records)")
	for _, a := range [][3]string{
		{"insert", "新增", "added"}, {"update", "修改", "changed"}, {"trash", "移到回收站", "trashed"},
		{"restore", "恢复", "restored"}, {"undo", "撤销", "undone"}, {"purge", "彻底删除", "deleted for good"},
		{"bulk", "批量导入", "bulk load"}, {"import", "导入", "import"}, {"remove", "移出名单", "removed from the roster"},
	} {
		add(HistAction(a[0]), a[1], a[2])
	}
	// The kinds the check command does not count (its names are in cli.go).
	add(HistEntity("settings"), "设置", "settings")
	add(HistEntity("campaigns"), "节日集中走访", "campaign")
	add(HistEntity("campaign_roster"), "走访名单", "roster")
	add(HistEntity("import"), "导入", "import")
}
