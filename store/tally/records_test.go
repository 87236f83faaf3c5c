package tally

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"shuangyong/model"
	"shuangyong/store/tally/tallytest"
)

func TestRecords(t *testing.T) {
	f := tallytest.New(t)
	ctx := context.Background()
	tl := compute(t, f, 2026)
	P, V, E := f.Person, f.Visit, f.Event
	ids := func(m map[string]int64, keys ...string) []int64 {
		out := []int64{}
		for _, k := range keys {
			out = append(out, m[k])
		}
		return out
	}
	for _, c := range []struct {
		name string
		fig  Figure
		kind Kind
		want []int64 // in order
	}{
		{"on the roll", Figure{Section: model.SecRoster, Measure: model.MOnRoll}, KindPeople, ids(P, "P2", "P5", "P1", "P3")},
		{"new", Figure{Section: model.SecRoster, Measure: model.MNew}, KindPeople, ids(P, "P3")},
		{"removed veterans", Figure{Section: model.SecRoster, Category: model.CatVeteran, Measure: model.MRemoved}, KindPeople, ids(P, "P4")},
		{"李家村", Figure{Section: model.SecVillages, VillageID: f.Village["李家村"], Measure: model.MOnRoll}, KindPeople, ids(P, "P2", "P5", "P1")},
		{"军属 in all villages", Figure{Section: model.SecVillages, VillageID: AllVillages, Category: model.CatServingFamily, Measure: model.MOnRoll}, KindPeople, ids(P, "P5")},
		{"all visits", Figure{Section: model.SecVisits, Measure: model.MVisits}, KindVisits, ids(V, "V1", "V2", "V3", "V4", "V7", "V5")},
		{"残疾军人 visits", Figure{Section: model.SecVisits, Category: model.CatDisabledSoldier, Measure: model.MVisits}, KindVisits, ids(V, "V1", "V4", "V5")},
		{"Q2 money", Figure{Section: model.SecVisits, Quarter: 2, Measure: model.MMoney}, KindVisits, ids(V, "V4", "V7")},
		{"Q1 people", Figure{Section: model.SecVisits, Quarter: 1, Measure: model.MPeople}, KindPeople, ids(P, "P2", "P1", "P3")},
		{"veterans visited (P6 trashed: rule 7)", Figure{Section: model.SecVisits, Category: model.CatVeteran, Measure: model.MPeople}, KindPeople, ids(P, "P3", "P4")},
		{"households", Figure{Section: model.SecVisits, Measure: model.MHouseholds}, KindPeople, nil},
		{"not visited", Figure{Section: model.SecCoverage, Measure: model.MNotVisited}, KindPeople, ids(P, "P5")},
		{"covered", Figure{Section: model.SecCoverage, Measure: model.MCovered}, KindPeople, ids(P, "P2", "P1", "P3")},
		{"galas", Figure{Section: model.SecEvents, Type: model.EventGala, Measure: model.MEvents}, KindEvents, ids(E, "E10", "E13")},
		{"visit events' participants are their visits (rule 2)", Figure{Section: model.SecEvents, Type: model.EventVisit, Measure: model.MParticipants}, KindVisits, nil},
		{"Q3 events (ev-V8 trashed with V8)", Figure{Section: model.SecEvents, Quarter: 3, Measure: model.MEvents}, KindEvents, ids(E, "E12", "ev-V5")},
		{"鞋垫", Figure{Section: model.SecItems, ItemName: "鞋垫", ItemUnit: "双", Measure: model.MQuantity}, KindEvents, ids(E, "E10", "E13")},
		{"标语 in publicity", Figure{Section: model.SecItems, Type: model.EventPublicity, ItemName: "标语", ItemUnit: "幅", Measure: model.MQuantity}, KindEvents, ids(E, "E14")},
		{"拥军 某部三连", Figure{Section: model.SecSupportTo, UnitID: f.Unit["某部三连"], Measure: model.MEvents}, KindEvents, ids(E, "E10", "E11")},
		{"拥军 total", Figure{Section: model.SecSupportTo, Measure: model.MMoney}, KindEvents, ids(E, "E10", "E11")},
		{"拥政爱民 total", Figure{Section: model.SecSupportFrom, Measure: model.MEvents}, KindEvents, ids(E, "E12")},
		{"February activities", Figure{Section: model.SecMonths, Month: 2, Measure: model.MActivities}, KindEvents, ids(E, "E10")},
		{"January visits", Figure{Section: model.SecMonths, Month: 1, Measure: model.MVisits}, KindVisits, ids(V, "V1", "V2")},
		{"rounds", Figure{Section: model.SecHeadline, Measure: model.MRounds}, KindEvents, ids(E, "E1", "ev-V4", "ev-V7", "ev-V5", "ev-V6")},
		{"activities", Figure{Section: model.SecHeadline, Measure: model.MActivities}, KindEvents, ids(E, "E10", "E11", "E12", "E13", "E14")},
	} {
		value, ok := c.fig.Value(tl)
		if !ok {
			t.Errorf("%s: no value for %+v", c.name, c.fig)
			continue
		}
		r, err := Records(ctx, f.S, model.YearPeriod(2026), c.fig, 0, 100)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if r.Kind != c.kind {
			t.Errorf("%s: kind %s, want %s", c.name, r.Kind, c.kind)
		}
		var got []int64
		var fen int64
		hh := map[int64]bool{}
		switch r.Kind {
		case KindPeople:
			for _, p := range r.People {
				got = append(got, p.ID)
				hh[p.HouseholdKey()] = true
			}
		case KindVisits:
			for _, v := range r.Visits {
				got = append(got, v.ID)
				fen += v.MoneyFen
				if v.PersonName == "" || v.EventType == "" {
					t.Errorf("%s: visit row without names %+v", c.name, v)
				}
			}
		case KindEvents:
			for _, e := range r.Events {
				got = append(got, e.ID)
			}
		}
		if len(got) != r.Total {
			t.Errorf("%s: %d rows of %d", c.name, len(got), r.Total)
		}
		// The records are exactly those counted.
		switch c.fig.Measure {
		case model.MMoney:
			if r.Kind == KindVisits && fen != value {
				t.Errorf("%s: the visits add up to %d fen, the figure is %d", c.name, fen, value)
			}
		case model.MHouseholds:
			if int64(r.Households) != value || int64(len(hh)) != value {
				t.Errorf("%s: %d households (%d among the people), the figure is %d", c.name, r.Households, len(hh), value)
			}
		case model.MQuantity:
		default:
			if int64(r.Total) != value {
				t.Errorf("%s: %d records, the figure is %d", c.name, r.Total, value)
			}
		}
		if c.want != nil && !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: records %v, want %v", c.name, got, c.want)
		}
	}

	// Rule 7: a trashed person is behind no figure; restoring them restores their visit.
	tallytest.Must(t, f.S.RestorePerson(ctx, f.Person["P6"]))
	r, err := Records(ctx, f.S, model.YearPeriod(2026), Figure{Section: model.SecVisits, Category: model.CatVeteran, Measure: model.MPeople}, 0, 10)
	tallytest.Must(t, err)
	if r.Total != 3 || r.People[0].Name != "周八" || r.People[0].VillageName != "李家村" {
		t.Errorf("veterans visited after P6 is restored: %d, first %+v", r.Total, r.People[0].Person)
	}
	if got := compute(t, f, 2026).Visits.Total.Year.Visits; got != 7 {
		t.Errorf("visits after P6 is restored = %d, want 7", got)
	}
}

func TestRecordsWindowAndErrors(t *testing.T) {
	f := tallytest.New(t)
	ctx := context.Background()
	all := Figure{Section: model.SecVisits, Measure: model.MVisits}
	r, err := Records(ctx, f.S, model.YearPeriod(2026), all, 2, 3)
	tallytest.Must(t, err)
	if r.Total != 6 || r.Offset != 2 || len(r.Visits) != 3 || r.Visits[0].ID != f.Visit["V3"] {
		t.Errorf("window: total %d offset %d rows %d", r.Total, r.Offset, len(r.Visits))
	}
	r, err = Records(ctx, f.S, model.YearPeriod(2026), all, 50, 10)
	tallytest.Must(t, err)
	if r.Total != 6 || len(r.Visits) != 0 {
		t.Errorf("past the end: %d rows", len(r.Visits))
	}
	for _, bad := range []Figure{
		{Section: model.SecRoster, Measure: model.MVisits},
		{Section: model.SecMonths, Month: 13, Measure: model.MVisits},
		{Section: "nonsense"},
	} {
		if _, err := Records(ctx, f.S, model.YearPeriod(2026), bad, 0, 10); !errors.Is(err, ErrUnknownFigure) {
			t.Errorf("%+v: %v", bad, err)
		}
	}
}
