package store

import (
	"context"

	"shuangyong/model"
)

// RecordContact records a routine contact (常态化联系) of a person on date ("" today) by
// mode ("" 电话): one visit with no money in a 走访慰问 event of its own, occasion 常态化,
// the operator as the visitor — as RecordVisit records any single visit (W1) and as the
// demo's phone and WeChat contacts are. One key in the due list.
func (s *Store) RecordContact(ctx context.Context, personID int64, date, mode string) (model.Visit, error) {
	if date == "" {
		date = s.Today()
	}
	if mode == "" {
		mode = "phone"
	}
	ev := model.Event{Occasion: "routine"}
	v := model.Visit{PersonID: personID, Date: date, Mode: mode, Visitors: s.Operator()}
	err := s.RecordVisit(ctx, &ev, &v)
	return v, err
}

// RecordVisitConfirm is RecordVisit that also records the person's 年度确认 for the visit's
// year, made by that visit (c: its method, 入户 when not said, by and note; date, person
// and visit are the visit's) — one transaction, one change to undo; trashing the visit
// withdraws the confirmation with it. c nil is RecordVisit. A person already confirmed
// for the year is refused at PersonID, nothing saved.
func (s *Store) RecordVisitConfirm(ctx context.Context, ev *model.Event, v *model.Visit, c *model.Confirmation) error {
	ev.Type = model.EventVisit
	ev.Date = v.Date
	ev.MoneyFen = v.MoneyFen + v.GoodsValueFen
	if ev.Participants == 0 {
		ev.Participants = 1
	}
	if err := s.prepareEvent(ev); err != nil {
		return err
	}
	v.EventID = -1 // validated below; set for real inside the transaction
	if err := s.prepareVisit(v); err != nil {
		return err
	}
	if c != nil {
		c.PersonID, c.Date = v.PersonID, v.Date
		if c.ConfirmedBy == "" {
			c.ConfirmedBy = v.Visitors
		}
		if err := s.prepareConfirmation(c); err != nil {
			return err
		}
	}
	return s.write(ctx, func(w *writer) error {
		if err := w.insertSingleVisit(ev, v); err != nil || c == nil {
			return err
		}
		c.VisitID = v.ID
		return w.insertConfirmation(c, false)
	})
}
