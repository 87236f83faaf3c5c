package tally

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"

	"shuangyong/model"
	"shuangyong/store"
)

// The records behind the duty tables' figures (duties.go), in SQL: the 重点对象 and whether
// they were contacted, the eligible households by the state of their 光荣牌, the recipients
// and whether they were confirmed — the people to call, the households without a plaque
// and the recipients not confirmed among them.

// dutyContext is what the duty figures depend on besides the period: the 重点对象 rule as it
// stands and today (the period 「本期」 counts: model.DutySpan of the settings' rule).
type dutyContext struct {
	settings model.DutySettings
	asOf     string
	reps     string // a plaque figure's households, by the members they are listed under (JSON)
}

// plaqueReps lists the households a plaque figure counts, by the members they are listed
// under, worked out as the tally works them out (plaqueStates) on one snapshot: the same
// rules in SQL (store.PlaqueHouseholdsSQL, which the tests hold the tally to) take
// seconds over a county's registers.
func plaqueReps(ctx context.Context, s *store.Store, p model.Period, m model.Measure) (string, error) {
	want := map[model.Measure]func(st uint8) bool{
		model.MEligible: func(uint8) bool { return true },
		model.MHung:     func(st uint8) bool { return st == plHung },
		model.MReplace:  func(st uint8) bool { return st == plReplace },
		model.MRetired:  func(st uint8) bool { return st == plRetired },
		model.MPending:  func(st uint8) bool { return st != plHung && st != plReplace && st != plRetired },
	}[m]
	if want == nil {
		return "", fmt.Errorf("%w: %s/%s", ErrUnknownFigure, model.SecPlaques, m)
	}
	reps := []int64{}
	err := s.ReadTx(ctx, func(tx *sql.Tx) error {
		c := newComputer(ctx, tx, p, s.Today())
		if err := c.sizes(); err != nil {
			return err
		}
		if err := c.roster(); err != nil {
			return err
		}
		if err := c.readHouseholds(); err != nil {
			return err
		}
		lines, err := readPlaqueLines(ctx, tx, p)
		if err != nil {
			return err
		}
		rep, state, err := c.plaqueStates(lines)
		if err != nil {
			return err
		}
		for i, r := range rep {
			if r != 0 && want(state[i]) {
				reps = append(reps, r)
			}
		}
		return nil
	})
	b, _ := json.Marshal(reps)
	return string(b), err
}

func isDutySection(s model.Section) bool {
	return s == model.SecContacts || s == model.SecPlaques || s == model.SecConfirmations
}

// planDuty turns a duty figure into its query.
func planDuty(period model.Period, fig Figure, duty dutyContext) (query, error) {
	bad := fmt.Errorf("%w: %s/%s", ErrUnknownFigure, fig.Section, fig.Measure)
	onRoll := "p.deleted_at = '' AND " + rollSQL + " & " + strconv.Itoa(flagOnRoll) + " <> 0"
	people := func(cond string, args ...any) query {
		return query{kind: KindPeople, ids: "SELECT p.id FROM people p WHERE " + onRoll + " AND " + cond,
			order: peopleOrder, args: append(append(rollArgs(period), sql.Named("dy", period.DutyYear())), args...)}
	}
	// Live visits of the duty year, with extra conditions.
	visited := func(extra string) string {
		return "p.id IN (SELECT v.person_id FROM visits v WHERE v.year = @dy AND v.deleted_at = ''" + extra + ")"
	}
	switch fig.Section {
	case model.SecContacts:
		key := store.KeySQL(duty.settings) + " AND " + catCond("p.categories", fig.Category)
		// The current period as the tally counts it (duties.go, finishDuties): the same
		// function of the same settings and day, so the list is the figure's people.
		span := model.DutySpan(period, duty.asOf, duty.settings.Key.ContactMonths)
		inSpan := visited(" AND substr(v.date, 6, 2) BETWEEN @sm1 AND @sm2")
		months := []any{sql.Named("sm1", fmt.Sprintf("%02d", span.From)), sql.Named("sm2", fmt.Sprintf("%02d", span.To))}
		switch fig.Measure {
		case model.MKey:
			return people(key), nil
		case model.MContactedPeriod:
			return people(key+" AND "+inSpan, months...), nil
		case model.MNotContacted:
			return people(key+" AND NOT "+inSpan, months...), nil
		case model.MContactedYear:
			return people(key + " AND " + visited("")), nil
		case model.MVisitedHome:
			return people(key + " AND " + visited(" AND v.mode = 'home'")), nil
		}
	case model.SecPlaques:
		households := "SELECT value FROM json_each(@reps)"
		return query{kind: KindPeople, ids: "SELECT p.id FROM people p WHERE p.id IN (" + households + ")", order: peopleOrder,
			args: []any{sql.Named("reps", duty.reps)}, households: "SELECT count(*) FROM (" + households + ")"}, nil
	case model.SecConfirmations:
		recv := "p.subsidy_status = '" + model.SubsidyReceiving + "'"
		confirmed := "p.id IN (SELECT c.person_id FROM confirmations c WHERE c.year = @dy AND c.deleted_at = '')"
		switch fig.Measure {
		case model.MToConfirm:
			return people(recv), nil
		case model.MConfirmed:
			return people(recv + " AND " + confirmed), nil
		case model.MUnconfirmed:
			return people(recv + " AND NOT " + confirmed), nil
		}
	}
	return query{}, bad
}
