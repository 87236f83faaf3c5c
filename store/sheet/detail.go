package sheet

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"shuangyong/model"
	"shuangyong/store/tally"
)

// detail is a table of records streamed from the file: the year's visits, events, and the
// people on the roll not visited. Its rows are never all in memory.
type detail struct {
	key, sheet, title string
	cols              []column
	// rows is the number of rows to come (for progress), as the tally counted them.
	rows func(t model.Tally) int
	// each calls emit with every row, then returns the total row (nil for none).
	each func(ctx context.Context, tx *sql.Tx, emit func(row []any) error) ([]any, error)
}

// lookups are the names the detail rows show instead of ids.
type lookups struct {
	villages   map[int64]string
	categories categoryLabels
}

func loadLookups(ctx context.Context, tx *sql.Tx) (lookups, error) {
	l := lookups{villages: map[int64]string{}, categories: categoryLabels{}}
	// Live villages only: a person of a trashed one is shown with none (rule 7: nothing is
	// labelled from the trash), as the tally counts them.
	rows, err := tx.QueryContext(ctx, "SELECT id, name FROM villages WHERE deleted_at = ''")
	if err != nil {
		return l, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return l, err
		}
		l.villages[id] = name
	}
	return l, rows.Err()
}

// own returns the lookups with a cache of category labels of their own (the villages are
// only read, and shared).
func (l lookups) own() lookups {
	l.categories = categoryLabels{}
	return l
}

func (l lookups) village(id sql.NullInt64) string {
	if !id.Valid {
		return ""
	}
	return l.villages[id.Int64]
}

// privacy applies the 公示版 masks (DOMAIN.md §5).
type privacy struct{ public bool }

func (p privacy) id(s string) code {
	if p.public && s != "" {
		return code(model.MaskID(s))
	}
	return code(s)
}

// phones writes the stored phones (separated by spaces) separated by "，", masked in public.
func (p privacy) phones(s string) code {
	if !strings.Contains(s, " ") { // one number, the common case: no allocation
		if p.public && s != "" {
			return code(model.MaskPhone(s))
		}
		return code(s)
	}
	nums := strings.Fields(s)
	if p.public {
		for i, n := range nums {
			nums[i] = model.MaskPhone(n)
		}
	}
	return code(model.JoinPhones(nums))
}

// address keeps only the village in public.
func (p privacy) address(addr, village string) string {
	if p.public {
		return village
	}
	return addr
}

// categoryLabels turns stored category codes into their labels joined by "、",
// remembering each distinct text (a ledger has a few dozen).
type categoryLabels map[string]string

func (m categoryLabels) text(cats string) string {
	if s, ok := m[cats]; ok {
		return s
	}
	var s string
	if cats != "" {
		parts := strings.Split(cats, ",")
		for i, c := range parts {
			parts[i] = model.Categories.Label(c, model.Zh)
		}
		s = strings.Join(parts, "、")
	}
	m[strings.Clone(cats)] = s
	return s
}

func sexText(s string) string { return model.Sexes.Label(s, model.Zh) }

func yesNo(b bool) string {
	if b {
		return labelYes
	}
	return labelNo
}

// sep separates the fields of a row that SQL joins into one text.
const sep = "\x1f"

// joined reads rows whose fields SQL joins into one text (one column of a row costs the
// pure-Go driver about as much as the joining, so a row of twenty fields comes in several
// times cheaper). fields are SQL expressions that are never NULL, the first the row's id.
// A row whose text does not split into as many fields (a field holding char(31), which
// the program's cleaning removes from everything typed or imported) is read again by its
// id with one column per field.
type joined struct {
	fields []string
	from   string // FROM … WHERE …, with the arguments of the query
	idExpr string // the first field's expression, for reading one row again
	buf    []string
}

func (j *joined) query(order string) string {
	return "SELECT " + strings.Join(j.fields, " || char(31) || ") + " " + j.from + " " + order
}

// split splits a joined row into j.buf (reused), or reads it again by id.
func (j *joined) split(ctx context.Context, tx *sql.Tx, row string, args []any) ([]string, error) {
	j.buf = j.buf[:0]
	for {
		i := strings.Index(row, sep)
		if i < 0 {
			j.buf = append(j.buf, row)
			break
		}
		j.buf = append(j.buf, row[:i])
		row = row[i+len(sep):]
	}
	if len(j.buf) == len(j.fields) {
		return j.buf, nil
	}
	id := j.buf[0]
	vals := make([]sql.NullString, len(j.fields))
	ptrs := make([]any, len(vals))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	if err := tx.QueryRowContext(ctx, "SELECT "+strings.Join(j.fields, ", ")+" "+j.from+" AND "+j.idExpr+" = @rowid",
		append(args, sql.Named("rowid", id))...).Scan(ptrs...); err != nil {
		return nil, err
	}
	j.buf = j.buf[:0]
	for _, v := range vals {
		j.buf = append(j.buf, v.String)
	}
	return j.buf, nil
}

// yearRange is the arguments @from and @to of a condition "date >= @from AND date < @to"
// that holds for the ISO dates of the period: the dates whose text starts with one of its
// years, as the generated column year = CAST(substr(date, 1, 4) AS INTEGER) says.
func yearRange(p model.Period) []any {
	return []any{sql.Named("from", fmt.Sprintf("%04d", p.From)), sql.Named("to", fmt.Sprintf("%04d", p.To+1))}
}

func atoi(s string) int64 {
	n, _ := strconv.ParseInt(s, 10, 64)
	return n
}

// visitsDetail lists the period's visits by date, each with its person as the person is now
// (village and categories, rule 4); visits of a trashed person are left out (rule 7), as
// the tally leaves them out. 公示版 leaves out what was seen and asked at the visit (often
// about health) and the notes.
func visitsDetail(period model.Period, p privacy, l lookups) *detail {
	sheet, title := names("visit_detail")
	cols := []column{{hSeq, kInt, 7}, {hDate, kDate, 12}, {hVillage, kText, 12}, {hName, kText, 10}, {hSex, kText, 6},
		{hIDNumber, kCode, 21}, {hPhone, kCode, 15}, {hAddress, kLong, 24}, {hCategory, kLong, 18}, {hEventTitle, kLong, 24},
		{hMode, kText, 10}, {hVisitors, kText, 12}, {hMoney, kMoney, 13}, {hGoodsName, kLong, 16}, {hGoods, kMoney, 16},
		{hVisitTotal, kMoney, 13}}
	if !p.public {
		cols = append(cols, column{hCondition, kLong, 24}, column{hNeed, kLong, 24}, column{hResolution, kLong, 20})
	}
	cols = append(cols, column{hSigned, kText, 8})
	if !p.public {
		cols = append(cols, column{hNote, kLong, 20})
	}
	return &detail{key: "visit_detail", sheet: sheet, title: title, cols: cols,
		rows: func(t model.Tally) int { return t.Visits.Total.Year.Visits },
		each: func(ctx context.Context, tx *sql.Tx, emit func([]any) error) ([]any, error) {
			// In date order from the index visits_date (a date's rows in id order): each row
			// is written as it is read.
			j := &joined{idExpr: "v.id", fields: []string{"v.id", "v.date", "coalesce(p.village_id, 0)", "p.name", "p.sex",
				"p.id_number", "p.phones", "p.address", "p.categories", "e.title", "v.mode", "v.visitors", "v.money_fen",
				"v.goods", "v.goods_value_fen", "v.condition", "v.need", "v.resolution", "v.signed", "v.note"},
				from: `FROM visits v JOIN people p ON p.id = v.person_id AND p.deleted_at = '' JOIN events e ON e.id = v.event_id
				WHERE v.date >= @from AND v.date < @to AND v.deleted_at = ''`}
			args := yearRange(period)
			rows, err := tx.QueryContext(ctx, j.query("ORDER BY v.date, v.id"), args...)
			if err != nil {
				return nil, err
			}
			defer rows.Close()
			var sumMoney, sumGoods int64
			row := make([]any, 0, len(cols))
			var text string
			for n := 0; rows.Next(); n++ {
				if err := rows.Scan(&text); err != nil {
					return nil, err
				}
				f, err := j.split(ctx, tx, text, args)
				if err != nil {
					return nil, err
				}
				mon, goodsFen := atoi(f[12]), atoi(f[14])
				sumMoney += mon
				sumGoods += goodsFen
				vname := l.villages[atoi(f[2])]
				row = append(row[:0], n+1, date(f[1]), vname, f[3], sexText(f[4]), p.id(f[5]), p.phones(f[6]), p.address(f[7], vname),
					l.categories.text(f[8]), f[9], model.VisitModes.Label(f[10], model.Zh), f[11], money(mon), f[13],
					money(goodsFen), money(mon+goodsFen))
				if !p.public {
					row = append(row, f[15], f[16], f[17])
				}
				row = append(row, yesNo(f[18] == "1"))
				if !p.public {
					row = append(row, f[19])
				}
				if err := emit(row); err != nil {
					return nil, err
				}
			}
			if err := rows.Err(); err != nil {
				return nil, err
			}
			total := make([]any, len(cols))
			total[0] = labelTotal
			total[12], total[14], total[15] = money(sumMoney), money(sumGoods), money(sumMoney+sumGoods)
			return total, nil
		}}
}

// eventsDetail lists the period's events by date, with their units and items. A 走访慰问
// event's participants and money are its visits' (rule 2: 人次, 慰问金 + 慰问品), whatever
// was typed on it.
func eventsDetail(period model.Period) *detail {
	sheet, title := names("event_detail")
	cols := []column{{hSeq, kInt, 7}, {hDate, kDate, 12}, {hEndDate, kDate, 12}, {hType, kText, 16}, {hOccasion, kText, 8},
		{hTitle, kLong, 28}, {hPlace, kLong, 16}, {hOrganiser, kLong, 16}, {hLead, kText, 10}, {hDirection, kText, 10},
		{hParticipants, kInt, 12}, {hMilitary, kInt, 14}, {hEventMoney, kMoney, 13}, {hMoneySource, kText, 12},
		{hUnits, kLong, 28}, {hItems, kLong, 24}, {hReached, kInt, 10}, {hNote, kLong, 20}}
	return &detail{key: "event_detail", sheet: sheet, title: title, cols: cols,
		rows: func(t model.Tally) int { return t.Events.Total.Year.Events },
		each: func(ctx context.Context, tx *sql.Tx, emit func([]any) error) ([]any, error) {
			// Units and items of the year's events, read once each (a subquery per event
			// costs more than reading them all).
			extra := func(q string) (map[int64][]string, error) {
				m := map[int64][]string{}
				rows, err := tx.QueryContext(ctx, q, period.From, period.To)
				if err != nil {
					return nil, err
				}
				defer rows.Close()
				for rows.Next() {
					var id int64
					var a, b, c string
					if err := rows.Scan(&id, &a, &b, &c); err != nil {
						return nil, err
					}
					m[id] = append(m[id], a+b+c)
				}
				return m, rows.Err()
			}
			units, err := extra(`SELECT eu.event_id, u.name, '（', eu.role FROM events e JOIN event_units eu ON eu.event_id = e.id
				JOIN units u ON u.id = eu.unit_id AND u.deleted_at = '' WHERE e.year BETWEEN ? AND ? AND e.deleted_at = ''
				ORDER BY eu.event_id, eu.role, u.name`)
			if err != nil {
				return nil, err
			}
			for id, us := range units {
				for i, u := range us {
					name, role, _ := strings.Cut(u, "（")
					us[i] = name + "（" + model.UnitRoles.Label(role, model.Zh) + "）"
				}
				units[id] = us
			}
			// A breakdown is written 「其中」 after its parent: 接收军转干部21名（其中男同志18名）.
			items, err := extra(`SELECT i.event_id, CASE WHEN coalesce(i.parent, 0) > 0 THEN '其中' ELSE '' END || i.name,
				CAST(i.quantity AS TEXT), i.unit FROM events e
				JOIN event_items i ON i.event_id = e.id WHERE e.year BETWEEN ? AND ? AND e.deleted_at = '' ORDER BY i.event_id, i.pos`)
			if err != nil {
				return nil, err
			}
			reached, err := visitsByEvent(ctx, tx, period)
			if err != nil {
				return nil, err
			}

			// In date order from the index events_date, whose rows come in date and id order.
			start, end := period.Start(), period.End()
			j := &joined{idExpr: "e.id", fields: []string{"e.id", "e.date", "e.end_date", "e.type", "e.occasion", "e.title", "e.place",
				"e.organiser", "e.lead", "e.direction", "e.participants", "e.military_participants", "e.money_fen", "e.money_source", "e.note"},
				from: `FROM events e WHERE e.date BETWEEN @start AND @end AND e.deleted_at = ''`}
			args := []any{sql.Named("start", start), sql.Named("end", end)}
			rows, err := tx.QueryContext(ctx, j.query("ORDER BY e.date, e.id"), args...)
			if err != nil {
				return nil, err
			}
			defer rows.Close()
			var n int
			var sumP, sumM, sumMoney int64
			row := make([]any, 0, len(cols))
			var text string
			for rows.Next() {
				if err := rows.Scan(&text); err != nil {
					return nil, err
				}
				f, err := j.split(ctx, tx, text, args)
				if err != nil {
					return nil, err
				}
				n++
				id, part, mil, mon := atoi(f[0]), atoi(f[10]), atoi(f[11]), atoi(f[12])
				if f[3] == model.EventVisit {
					part, mil, mon = int64(reached[id].visits), 0, reached[id].fen
				}
				sumP += part
				sumM += mil
				sumMoney += mon
				row = append(row[:0], n, date(f[1]), date(f[2]), model.EventTypes.Label(f[3], model.Zh), model.Occasions.Label(f[4], model.Zh), f[5],
					f[6], f[7], f[8], model.Directions.Label(f[9], model.Zh), part, mil, money(mon), f[13],
					strings.Join(units[id], "、"), strings.Join(items[id], "、"), reached[id].visits, f[14])
				if err := emit(row); err != nil {
					return nil, err
				}
			}
			if err := rows.Err(); err != nil {
				return nil, err
			}
			total := make([]any, len(cols))
			total[0] = labelTotal
			total[10], total[11], total[12] = sumP, sumM, money(sumMoney)
			return total, nil
		}}
}

// reach is what an event's visits came to.
type reach struct {
	visits int
	fen    int64 // 慰问金 + 慰问品
}

// visitsByEvent sums the live visits of live people by event, for the events of the period
// (their visits may fall in the year after: a campaign of late December). The rows come
// as three group_concat strings (one row out of the driver instead of 300 000: see
// store/tally's package comment).
func visitsByEvent(ctx context.Context, tx *sql.Tx, period model.Period) (map[int64]reach, error) {
	out := map[int64]reach{}
	var evs, people, fens sql.NullString
	if err := tx.QueryRowContext(ctx, `SELECT group_concat(event_id), group_concat(person_id), group_concat(money_fen + goods_value_fen)
		FROM visits WHERE year BETWEEN ? AND ? AND deleted_at = ''`, period.From, period.To+1).Scan(&evs, &people, &fens); err != nil {
		return nil, err
	}
	trashed, err := trashedPeople(ctx, tx)
	if err != nil {
		return nil, err
	}
	split := func(s string) []int64 {
		var v []int64
		for _, f := range strings.Split(s, ",") {
			if f != "" {
				v = append(v, atoi(f))
			}
		}
		return v
	}
	e, p, f := split(evs.String), split(people.String), split(fens.String)
	if len(e) != len(p) || len(e) != len(f) {
		return nil, fmt.Errorf("sheet: visits by event: packed columns of different lengths")
	}
	for i, ev := range e {
		if trashed[p[i]] {
			continue
		}
		r := out[ev]
		r.visits++
		r.fen += f[i]
		out[ev] = r
	}
	return out, nil
}

// trashedPeople is the set of people in the trash, whose visits count nowhere (rule 7).
func trashedPeople(ctx context.Context, tx *sql.Tx) (map[int64]bool, error) {
	out := map[int64]bool{}
	rows, err := tx.QueryContext(ctx, "SELECT id FROM people WHERE deleted_at <> ''")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}

// notVisitedDetail lists the people on the roll at the end of the period who were not
// visited during it, in roster order, each with their last visit as it stood at the end of
// the period (rule 8: a 2025 list never shows a visit of 2026). 公示版 leaves out the birth
// date (it is in the ID number the mask hides), disability and health.
func notVisitedDetail(period model.Period, p privacy, l lookups) *detail {
	sheet, title := names("not_visited")
	cols := []column{{hSeq, kInt, 7}, {hVillage, kText, 12}, {hName, kText, 10}, {hSex, kText, 6}}
	if !p.public {
		cols = append(cols, column{"出生日期", kDate, 12})
	}
	cols = append(cols, column{hIDNumber, kCode, 21}, column{hPhone, kCode, 15}, column{hAddress, kLong, 24},
		column{hCategory, kLong, 18})
	if !p.public {
		cols = append(cols, column{hDisNature, kText, 10}, column{hDisGrade, kText, 10}, column{hHealth, kLong, 16})
	}
	cols = append(cols, column{hCadre, kText, 14}, column{hLastVisit, kDate, 14})
	cond, args := tally.OnRollSQL(period)
	from := ` FROM people p WHERE ` + cond + ` AND p.id NOT IN (SELECT person_id FROM visits WHERE year BETWEEN @y1 AND @y2 AND deleted_at = '')`
	args = append(args, sql.Named("y1", period.From), sql.Named("y2", period.To), sql.Named("last", period.End()))
	return &detail{key: "not_visited", sheet: sheet, title: title, cols: cols,
		rows: func(t model.Tally) int { return t.Visits.Coverage.NotVisited() },
		each: func(ctx context.Context, tx *sql.Tx, emit func([]any) error) ([]any, error) {
			rows, err := tx.QueryContext(ctx, `SELECT p.village_id, p.name, p.sex, p.birth_date, p.id_number, p.phones, p.address,
				p.categories, p.disability_nature, p.disability_grade, p.health, p.pairing_cadre,
				coalesce((SELECT max(v.date) FROM visits v WHERE v.person_id = p.id AND v.deleted_at = '' AND v.date <= @last), '')`+from+`
				ORDER BY (SELECT coalesce(vl.sort, 1 << 40) FROM villages vl WHERE vl.id = p.village_id), p.village_id, p.py_sort, p.id`, args...)
			if err != nil {
				return nil, err
			}
			defer rows.Close()
			var n int
			var village sql.NullInt64
			var name, sex, birth, idno, phones, addr, cats, nature, health, cadre, last string
			var grade int
			for rows.Next() {
				if err := rows.Scan(&village, &name, &sex, &birth, &idno, &phones, &addr, &cats, &nature, &grade, &health, &cadre, &last); err != nil {
					return nil, err
				}
				n++
				vname := l.village(village)
				row := []any{n, vname, name, sexText(sex)}
				if !p.public {
					row = append(row, date(birth))
				}
				row = append(row, p.id(idno), p.phones(phones), p.address(addr, vname), l.categories.text(cats))
				if !p.public {
					row = append(row, model.DisabilityNatures.Label(nature, model.Zh), model.GradeLabel(grade, model.Zh), health)
				}
				row = append(row, cadre, date(last))
				if err := emit(row); err != nil {
					return nil, err
				}
			}
			return nil, rows.Err()
		}}
}
