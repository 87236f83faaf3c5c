package i18n

import (
	"context"
	"errors"

	"shuangyong/model"
	"shuangyong/store"
	"shuangyong/store/sheet"
)

// Error explains an error to the user in one line: store errors by their kind (with the
// newest good backup when the file is damaged), validation problems by their message.
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
	if !errors.As(err, &se) {
		return T(lang, ErrOther, err.Error())
	}
	switch se.Kind {
	case store.ErrInUse:
		return T(lang, ErrInUse, se.Path)
	case store.ErrNotDatabase:
		return T(lang, ErrNotDatabase, se.Path)
	case store.ErrDamaged:
		if b := store.NewestGoodBackup(ctx, se.Path); b != "" {
			return T(lang, ErrDamaged, se.Path, b)
		}
		return T(lang, ErrDamagedNoBackup, se.Path)
	case store.ErrTooNew:
		return T(lang, ErrTooNew, se.Path)
	case store.ErrBadPath:
		return T(lang, ErrBadPath, se.Path)
	case store.ErrNotFound:
		return T(lang, ErrNotFound)
	case store.ErrInvalid:
		if se.Err != nil {
			return Error(ctx, lang, se.Err)
		}
		return T(lang, ErrInvalid, "")
	case store.ErrNothingToUndo:
		return T(lang, ErrNothingToUndo)
	case store.ErrConflict:
		return T(lang, ErrConflict)
	}
	return T(lang, ErrOther, err.Error())
}
