package demo

import (
	"database/sql"

	"shuangyong/model"
)

// Columns written, in the order of the values passed to each inserter. They are the
// schema's (store/migrations/0001_init.sql), derived columns included: pinyin keys of
// people and units, the visits' snapshots of categories, village and household.
const (
	villageCols   = "id, name, sort"
	unitCols      = "id, name, kind, designation, address, contact_name, contact_phone, note, py_initials, py_full, created_at, updated_at"
	pairingCols   = "id, unit_a, unit_b, since, note"
	householdCols = "id, village_id, address, note"
	personCols    = `id, name, sex, ethnicity, birth_date, id_number, phones, contact_note, village_id,
	household_id, address, hukou_type, categories, category_other, disability_nature, disability_grade,
	disability_cert_no, martyr_relation, martyr_name, relation, serviceman_name, rank, service_status,
	service_unit_id, service_unit, enlisted_on, discharged_on, subsidy_status, subsidy_from, subsidy_to,
	pairing_cadre, self_care, assistance, lives_alone, health, conditions, honour_plaque, preferential_card,
	status, status_changed_on, registered_on, note, py_initials, py_full, py_alt, py_sort, created_at, updated_at`
	eventCols = `id, date, end_date, type, occasion, title, place, organiser, lead, direction, participants,
	military_participants, money_fen, money_source, standard_money_fen, standard_goods, standard_goods_fen, note,
	created_at, updated_at`
	eventUnitCols = "event_id, unit_id, role"
	eventItemCols = "event_id, pos, name, quantity, unit"
	visitCols     = `id, event_id, person_id, date, mode, visitors, money_fen, goods, goods_value_fen, condition, need,
	resolution, resolved_on, follow_up_on, signed, note, categories, village_id, household_key, created_at, updated_at`
)

type writers struct {
	tx                                            *sql.Tx
	villages, units, pairings, households, people *inserter
	events, eventUnits, eventItems, visits        *inserter
	plaques, confirmations                        *inserter
}

func newWriters(g *gen, tx *sql.Tx) *writers {
	mk := func(table, cols string, counted bool) *inserter {
		var after func(int)
		if counted {
			after = g.progress
		}
		return newInserter(g.ctx, tx, table, cols, after)
	}
	return &writers{tx: tx,
		villages:   mk("villages", villageCols, false),
		units:      mk("units", unitCols, false),
		pairings:   mk("pairings", pairingCols, false),
		households: mk("households", householdCols, false),
		people:     mk("people", personCols, true),
		events:     mk("events", eventCols, true),
		eventUnits: mk("event_units", eventUnitCols, false),
		eventItems: mk("event_items", eventItemCols, false),
		visits:     mk("visits", visitCols, true),

		plaques:       mk("plaques", plaqueCols, false),
		confirmations: mk("confirmations", confirmationCols, false),
	}
}

func (w *writers) all() []*inserter {
	return []*inserter{w.villages, w.units, w.pairings, w.households, w.people, w.events, w.eventUnits, w.eventItems, w.visits,
		w.plaques, w.confirmations}
}

func (w *writers) close() {
	for _, in := range w.all() {
		in.close()
	}
}

// static writes what does not depend on the events: villages, units, pairings,
// households and the roster.
func (w *writers) static(g *gen) error {
	// Parents before children: foreign keys are enforced row by row.
	for i, v := range g.villages {
		if err := w.villages.add(v.id, v.name, int64(i)); err != nil {
			return err
		}
	}
	created := g.stamp(g.start - 20)
	for _, u := range g.units {
		k := model.NameSearchKeys(u.name)
		if err := w.units.add(u.id, u.name, u.kind, u.designation, u.address, u.contactName, u.contactPhone, u.note,
			k.Initials, k.Full, created, created); err != nil {
			return err
		}
	}
	for i, p := range g.pairings {
		if err := w.pairings.add(int64(i+1), p.a, p.b, p.since, p.note); err != nil {
			return err
		}
	}
	for _, h := range g.households {
		if err := w.households.add(h.id, g.villages[h.village].id, h.address, h.note); err != nil {
			return err
		}
	}
	keys := map[string]model.SearchKeys{} // names repeat: compute each one's keys once
	sortKeys := map[string]string{}
	for _, p := range g.people {
		k, ok := keys[p.name]
		if !ok {
			k = model.NameSearchKeys(p.name)
			keys[p.name] = k
			sortKeys[p.name] = model.PinyinSortKey(p.name)
		}
		alt := ""
		for i, a := range k.Alternates {
			if i > 0 {
				alt += " "
			}
			alt += a
		}
		created := g.stamp(p.reg)
		updated := created
		if p.updated > p.reg {
			updated = g.stamp(p.updated)
		}
		if err := w.people.add(p.id, p.name, p.sex, p.ethnicity, g.cal.ISO(p.birth), p.idNumber, p.phones, p.contactNote,
			g.villages[p.village].id, nullID(p.household), p.address, p.hukou, p.catStr, p.categoryOther, p.disNature,
			int64(p.disGrade), p.disCert, p.martyrRelation, p.martyrName, p.relation, p.servicemanName, p.rank,
			p.serviceStatus, nullID(p.serviceUnitID), p.serviceUnit, p.enlisted, p.discharged, p.subsidyStatus,
			int64(p.subsidyFrom), int64(p.subsidyTo), p.cadre, p.selfCare, p.assistance, boolInt(p.livesAlone), p.health,
			p.conditions, boolInt(p.plaque), boolInt(p.card), p.status, g.cal.ISO(p.statusDay), g.cal.ISO(p.reg), p.note,
			k.Initials, k.Full, alt, sortKeys[p.name], created, updated); err != nil {
			return err
		}
	}
	g.stats.Villages, g.stats.Units, g.stats.Pairings = len(g.villages), len(g.units), len(g.pairings)
	// 户 as the tally counts them: the households, and everyone not in one is a 户 of one.
	alone := 0
	for _, p := range g.people {
		if p.household == 0 {
			alone++
		}
	}
	g.stats.Households, g.stats.People = len(g.households)+alone, len(g.people)
	return nil
}

// writeEvents writes a year's events with their units and items.
func (w *writers) writeEvents(g *gen, evs []*event) error {
	for _, ev := range evs {
		updated := ev.updated
		if updated == "" {
			updated = ev.created
		}
		if err := w.events.add(ev.id, g.cal.ISO(ev.day), g.cal.ISO(ev.end), ev.typ, ev.occasion, ev.title, ev.place,
			ev.organiser, ev.lead, ev.direction, ev.participants, ev.military, ev.money, ev.source, ev.stdMoney,
			ev.stdGoods, ev.stdGoodsFen, ev.note, ev.created, updated); err != nil {
			return err
		}
	}
	for _, ev := range evs {
		for _, u := range ev.units {
			if err := w.eventUnits.add(ev.id, u.unit, u.role); err != nil {
				return err
			}
		}
		for i, it := range ev.items {
			if err := w.eventItems.add(ev.id, int64(i), it.name, it.qty, it.unit); err != nil {
				return err
			}
		}
	}
	g.stats.Events += len(evs)
	return nil
}

// writeVisits writes a year's visits with the snapshots the tally counts by: the person's
// categories, village and household key (household id, or -person id).
func (w *writers) writeVisits(g *gen, vs []*visit) error {
	for _, v := range vs {
		g.nextVisit++
		v.id = g.nextVisit
		p := v.p
		hk := p.household
		if hk == 0 {
			hk = -p.id
		}
		created := g.stamp(v.day + g.r.IntN(4))
		updated := created
		if v.resolved > 0 {
			updated = g.stamp(v.resolved)
		}
		if err := w.visits.add(g.nextVisit, v.ev.id, p.id, g.cal.ISO(v.day), v.mode, v.visitors, v.money, v.goods,
			v.goodsFen, v.condition, v.need, v.reso, g.cal.ISO(v.resolved), g.cal.ISO(v.followUp), boolInt(v.signed),
			v.note, p.catStr, g.villages[p.village].id, hk, created, updated); err != nil {
			return err
		}
		if v.money > 0 {
			for _, c := range p.cats {
				g.lastAmounts[c] = v.money
			}
		}
	}
	g.stats.Visits += len(vs)
	return nil
}
