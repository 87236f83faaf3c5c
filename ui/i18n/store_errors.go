package i18n

import (
	"context"
	"errors"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/store/sheet"
)

// Messages for what can go wrong with files: every kind of store.Error has a sentence,
// so that no SQLite or Go text (「attempt to write a readonly database」, 「no space left
// on device」) reaches a user.
const (
	ErrReadOnly       Key = "err.read_only"
	ErrReadOnlyOld    Key = "err.read_only_old"
	ErrDiskFull       Key = "err.disk_full"
	ErrIO             Key = "err.io"
	ErrMissing        Key = "err.missing"
	ErrEmpty          Key = "err.empty"
	ErrIsFolder       Key = "err.is_folder"
	ErrNoFolder       Key = "err.no_folder"
	ErrFileBusy       Key = "err.file_busy"
	ErrPermission     Key = "err.permission"
	ErrBadBackup      Key = "err.bad_backup"
	ErrCancelled      Key = "err.cancelled"
	ErrUndoEarlierRun Key = "err.undo_earlier_run"

	// Why a backup cannot be restored (the second %s of ErrBadBackup).
	BackupWhyDamaged   Key = "backup_why.damaged"
	BackupWhyNotLedger Key = "backup_why.not_ledger"
	BackupWhyTooNew    Key = "backup_why.too_new"
	BackupWhyEmpty     Key = "backup_why.empty"
	BackupWhyMissing   Key = "backup_why.missing"
	BackupWhyFolder    Key = "backup_why.folder"
	BackupWhyOther     Key = "backup_why.other"
)

func init() {
	add(ErrReadOnlyOld, "数据文件 %s 是旧版本的，需要升级才能打开，但它是只读的（或它的文件夹不能写入）。请把它复制到可以写入的文件夹（例如「文档」）再打开，原文件不会改动。",
		"%s was written by an older version and must be upgraded to be opened, but it is read-only (or its folder cannot be written). Copy it to a folder you can write to (such as Documents) and open the copy; the original is not changed.")
	add(ErrReadOnly, "数据文件 %s 是只读的（在只读的文件夹、光盘上，或没有写入权限），只能查看，不能修改。",
		"%s is read-only (a read-only folder or disc, or no permission to write): it can be viewed, not changed.")
	add(ErrDiskFull, "磁盘空间不足（%s 所在的磁盘），这次操作没有完成；原有的数据没有改动。请清理磁盘后再试。",
		"the disk is full (the one holding %s): nothing was done, and the existing data is unchanged. Free some space and try again.")
	add(ErrIO, "读写 %s 时磁盘出错（U 盘被拔出、网络断开或磁盘损坏）；原有的数据没有改动。请检查后再试。",
		"the disk failed reading or writing %s (a removed drive, a lost network, a failing disk); the existing data is unchanged. Check it and try again.")
	add(ErrMissing, "找不到文件 %s。请检查路径是否写对。", "there is no file %s: check the path.")
	add(ErrEmpty, "文件 %s 是空的（0 字节），里面没有任何记录。", "%s is empty (0 bytes): it holds no records.")
	add(ErrIsFolder, "%s 是一个文件夹，不是文件。请写出文件夹里的文件名。", "%s is a folder, not a file: name a file in it.")
	add(ErrNoFolder, "文件夹 %s 不存在。请先建立它，或换一个位置。", "the folder %s does not exist: create it or choose another place.")
	add(ErrFileBusy, "文件 %s 正被其他程序（如 Excel、WPS）打开。请先在那里关闭它再试，或换一个文件名。",
		"%s is open in another program (Excel, WPS): close it there and try again, or choose another name.")
	add(ErrPermission, "没有权限使用 %s。请换一个位置，或请管理员开放权限。",
		"no permission to use %s: choose another place, or ask the administrator for access.")
	add(ErrBadBackup, "备份文件 %s 无法使用：%s。数据文件没有任何改动。", "the backup %s cannot be used: %s. The data file was not changed.")
	add(ErrCancelled, "已中断，没有做任何改动。", "interrupted; nothing was changed.")
	add(ErrUndoEarlierRun, "只能撤销这次打开程序以后的修改；更早的修改请在修改记录（F8）中查看。",
		"only changes made since the program was opened can be undone; see earlier ones in the history (F8).")

	add(BackupWhyDamaged, "它已损坏", "it is damaged")
	add(BackupWhyNotLedger, "它不是双拥台账的数据文件", "it is not a ledger data file")
	add(BackupWhyTooNew, "它由更新版本的双拥台账写入，请先升级本程序", "it was written by a newer version of the program; upgrade first")
	add(BackupWhyEmpty, "它是空文件（0 字节）", "it is empty (0 bytes)")
	add(BackupWhyMissing, "找不到这个文件", "there is no such file")
	add(BackupWhyFolder, "它是一个文件夹", "it is a folder")
	add(BackupWhyOther, "它就是数据文件本身，或无法读取", "it is the data file itself, or cannot be read")
}

// Error explains an error to the user in one line: store errors by their kind (with the
// newest good backup when the file is damaged), validation problems by their message,
// and the system's and SQLite's errors by what they mean (store.Classify).
func Error(ctx context.Context, lang model.Lang, err error) string {
	var ve *store.ValidationError
	if errors.As(err, &ve) && len(ve.Problems.Errors) > 0 {
		return T(lang, ErrInvalid, ve.Problems.Errors[0].Message(lang))
	}
	var p model.Problem
	if errors.As(err, &p) {
		return T(lang, ErrInvalid, p.Message(lang))
	}
	if errors.Is(err, sheet.ErrTooManyRows) {
		return T(lang, ErrSheetTooLong)
	}
	var se *store.Error
	if !errors.As(store.Classify(err, ""), &se) {
		return T(lang, ErrOther, err.Error())
	}
	if k, ok := namesTheFile[se.Kind]; ok {
		return T(lang, k, se.Path)
	}
	switch se.Kind {
	case store.ErrDamaged:
		if b := store.NewestGoodBackup(ctx, se.Path); b != "" {
			return T(lang, ErrDamaged, se.Path, b)
		}
		return T(lang, ErrDamagedNoBackup, se.Path)
	case store.ErrNotFound:
		return T(lang, ErrNotFound)
	case store.ErrInvalid:
		if se.Err != nil {
			return Error(ctx, lang, se.Err)
		}
		return T(lang, ErrInvalid, "")
	case store.ErrNothingToUndo:
		if errors.Is(err, store.ErrEarlierRun) {
			return T(lang, ErrUndoEarlierRun)
		}
		return T(lang, ErrNothingToUndo)
	case store.ErrConflict:
		return T(lang, ErrConflict)
	case store.ErrCancelled:
		return T(lang, ErrCancelled)
	case store.ErrBadBackup:
		return T(lang, ErrBadBackup, se.Path, T(lang, backupWhy(se.Err)))
	}
	return T(lang, ErrOther, err.Error())
}

// namesTheFile are the kinds whose message only names the file.
var namesTheFile = map[store.ErrorKind]Key{
	store.ErrInUse: ErrInUse, store.ErrNotDatabase: ErrNotDatabase, store.ErrTooNew: ErrTooNew,
	store.ErrBadPath: ErrBadPath, store.ErrReadOnly: ErrReadOnly, store.ErrReadOnlyOld: ErrReadOnlyOld,
	store.ErrDiskFull: ErrDiskFull, store.ErrIO: ErrIO, store.ErrMissing: ErrMissing, store.ErrEmpty: ErrEmpty,
	store.ErrIsFolder: ErrIsFolder, store.ErrNoFolder: ErrNoFolder, store.ErrFileBusy: ErrFileBusy,
	store.ErrPermission: ErrPermission,
}

func backupWhy(err error) Key {
	switch store.KindOf(err) {
	case store.ErrDamaged, store.ErrIO:
		return BackupWhyDamaged
	case store.ErrNotDatabase:
		return BackupWhyNotLedger
	case store.ErrTooNew:
		return BackupWhyTooNew
	case store.ErrEmpty:
		return BackupWhyEmpty
	case store.ErrMissing, store.ErrNoFolder:
		return BackupWhyMissing
	case store.ErrIsFolder:
		return BackupWhyFolder
	}
	return BackupWhyOther
}
