package tally

import (
	"database/sql"
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
// stands and today (the quarter 「本季度」 counts: model.DutyQuarter).
type dutyContext struct {
	settings model.DutySettings
	asOf     string
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
	// Live visits of the duty year (of a quarter's months when m1, m2 are given).
	visited := func(extra string) string {
		return "p.id IN (SELECT v.person_id FROM visits v WHERE v.year = @dy AND v.deleted_at = ''" + extra + ")"
	}
	switch fig.Section {
	case model.SecContacts:
		key := store.KeySQL(duty.settings) + " AND " + catCond("p.categories", fig.Category)
		q := model.DutyQuarter(period, duty.asOf)
		inQuarter := visited(" AND substr(v.date, 6, 2) BETWEEN @qm1 AND @qm2")
		months := []any{sql.Named("qm1", fmt.Sprintf("%02d", q*3-2)), sql.Named("qm2", fmt.Sprintf("%02d", q*3))}
		switch fig.Measure {
		case model.MKey:
			return people(key), nil
		case model.MContactedQuarter:
			return people(key+" AND "+inQuarter, months...), nil
		case model.MNotContacted:
			return people(key+" AND NOT "+inQuarter, months...), nil
		case model.MContactedYear:
			return people(key + " AND " + visited("")), nil
		case model.MVisitedHome:
			return people(key + " AND " + visited(" AND v.mode = 'home'")), nil
		}
	case model.SecPlaques:
		state := map[model.Measure]string{
			model.MEligible: "1",
			model.MHung:     "state = '" + model.PlaqueHung + "'",
			model.MReplace:  "state = '" + model.PlaqueReplace + "'",
			model.MRetired:  "state = '" + model.PlaqueRetired + "'",
			// A state this program does not know counts as none, as the tally counts it.
			model.MPending: "state NOT IN ('" + model.PlaqueHung + "', '" + model.PlaqueReplace + "', '" + model.PlaqueRetired + "')",
		}[fig.Measure]
		if state == "" {
			return query{}, bad
		}
		households := "SELECT rep FROM (" + store.PlaqueHouseholdsSQL(onRoll) + ") WHERE " + state
		out := query{kind: KindPeople, ids: "SELECT p.id FROM people p WHERE p.id IN (" + households + ")", order: peopleOrder,
			args: append(rollArgs(period), sql.Named("asof", period.End()))}
		out.households = "SELECT count(*) FROM (" + households + ")"
		return out, nil
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
