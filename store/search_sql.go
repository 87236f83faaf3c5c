package store

import (
	"context"
	"strconv"
	"strings"

	"shuangyong/model"
)

// searchSQL answers a people query from the file while the search index is being built
// (about a second after opening at county scale), so that typing never waits for the
// build. It finds and ranks the same people as the index (search_rank.go), with the
// match worked out per field in SQL: every row of people is tested (tens to a few hundred
// milliseconds at 100 000 people), and the matches' ids come back in rank order for the
// window to be cut in Go.
func (s *Store) searchSQL(ctx context.Context, q PeopleQuery) (PeoplePage, error) {
	s.people.searching.Add(1) // the index build steps aside meanwhile
	defer s.people.searching.Add(-1)
	page := PeoplePage{Offset: q.Offset}
	var args []any
	arg := func(v any) string { // numbered: a word's placeholder is used in several tests
		args = append(args, v)
		return "?" + strconv.Itoa(len(args))
	}
	text := compileText(q.Text)
	var cols, where []string
	var filters []string
	filters = append(filters, "p.deleted_at = ''")
	for i := range text.words {
		expr, filter := wordSQL(&text.words[i], arg)
		cols = append(cols, "("+expr+") AS t"+strconv.Itoa(i))
		where = append(where, "t"+strconv.Itoa(i)+" IS NOT NULL")
		if filter != "" {
			filters = append(filters, "("+filter+")")
		}
	}
	if len(q.Categories) > 0 {
		var any []string
		for _, c := range q.Categories {
			any = append(any, "(',' || p.categories || ',') LIKE "+arg("%,"+c+",%"))
		}
		filters = append(filters, "("+strings.Join(any, " OR ")+")")
	}
	if q.VillageID != 0 {
		filters = append(filters, "p.village_id = "+arg(q.VillageID))
	}
	if q.Cadre != "" {
		filters = append(filters, "p.pairing_cadre = "+arg(q.Cadre))
	}
	if q.Status != "" {
		filters = append(filters, "p.status = "+arg(q.Status))
	} else if q.OnRoll {
		// Nearly everyone is on the roll: through people_roll SQLite would look up almost
		// every row a second time. The unary + keeps the index out (county file, 王 with
		// the 走访 filter: 514 → 210 ms); one status (above) is narrow and keeps it.
		filters = append(filters, "+p.status IN ("+arg(model.StatusActive)+", "+arg(model.StatusStopped)+")")
	}
	if q.NotVisitedSince != "" {
		filters = append(filters, "p.last_visit_on < "+arg(q.NotVisitedSince))
	}
	if q.HasOpenNeeds {
		filters = append(filters, `EXISTS (SELECT 1 FROM visits n WHERE n.person_id = p.id AND n.need <> ''
			AND n.resolved_on = '' AND n.deleted_at = '')`)
	}
	// A person's code: tier*100 + field (matchCodes). Their best word decides, unless one
	// word matches only weakly: then the weak one does (as rank does).
	code := "0"
	switch len(text.words) {
	case 0:
	case 1:
		code = "t0"
	default:
		var ts []string
		for i := range text.words {
			ts = append(ts, "t"+strconv.Itoa(i))
		}
		l := strings.Join(ts, ", ")
		code = "CASE WHEN max(" + l + ") >= " + strconv.Itoa(int(tierWeak)*100) + " THEN max(" + l + ") ELSE min(" + l + ") END"
	}
	inner := "SELECT p.id AS id, p.village_id AS vid, p.py_sort AS ps"
	for _, c := range cols {
		inner += ", " + c
	}
	inner += " FROM people p WHERE " + strings.Join(filters, " AND ")
	// Roster order (entryLess): villages by their sort, people without one last.
	query := "SELECT id, " + code + " AS code FROM (" + inner + ")"
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += " ORDER BY code / 100, vid IS NULL, (SELECT sort FROM villages WHERE id = vid), vid, ps, id"
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return page, s.classify(err)
	}
	type hit struct {
		id   int64
		code int
	}
	var hits []hit
	strong := 0
	for rows.Next() {
		var h hit
		if err := rows.Scan(&h.id, &h.code); err != nil {
			rows.Close()
			return page, err
		}
		if h.code/100 < int(tierWeak) {
			strong++
		}
		hits = append(hits, h)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return page, s.classify(err)
	}
	if strong > 0 {
		hits = hits[:strong] // weak matches only when nothing better matches
	} else if len(hits) > 0 && len(text.words) > 0 {
		page.WeakOnly = true
	}
	page.Total = len(hits)
	page.Offset = min(page.Offset, page.Total)
	end := min(page.Offset+q.Limit, page.Total)
	ids := make([]int64, 0, end-page.Offset)
	fields := make([]MatchField, 0, end-page.Offset)
	for _, h := range hits[page.Offset:end] {
		ids = append(ids, h.id)
		f := MatchNone
		if len(text.words) > 0 {
			f = matchCodes[h.code%100]
		}
		fields = append(fields, f)
	}
	page.Rows, err = s.peopleRows(ctx, ids, fields)
	return page, err
}

// matchCodes numbers the fields in searchSQL's codes.
var matchCodes = []MatchField{MatchName, MatchPinyin, MatchIDNumber, MatchPhone, MatchVillage, MatchCategory,
	MatchServiceman, MatchMartyr, MatchUnit, MatchAddress, MatchCadre}

func matchCode(t tier, f MatchField) string {
	for i, m := range matchCodes {
		if m == f {
			return strconv.Itoa(int(t)*100 + i)
		}
	}
	panic("unknown match field " + f)
}

// wordSQL is an expression giving the code (tier*100 + field) of w's best match in a row
// of people p, NULL when it does not match: the SQL twin of word.rank. filter, when not
// empty, is a cheaper condition that every row matching w meets: most rows match
// nothing, and each of those tested the dozen conditions of the expression one by one
// (the text columns are tested at once, joined).
func wordSQL(w *word, arg func(any) string) (expr, filter string) {
	var b strings.Builder
	var also []string // the conditions on other than the text columns
	when := func(cond string, t tier, f MatchField) {
		b.WriteString(" WHEN " + cond + " THEN " + matchCode(t, f))
	}
	b.WriteString("CASE")
	if w.kind == wordDigits {
		// Phones are compared as appendPhoneDigits keeps them: digits, with the numbers apart.
		phones := "replace(replace(replace(replace(p.phones, '-', ''), '(', ''), ')', ''), '+', '')"
		x := arg(w.text)
		if len(w.text) >= minNumberEnd {
			when("substr(p.id_number, -"+strconv.Itoa(len(w.text))+") = "+x, tierNumberEnd, MatchIDNumber)
			when("instr("+phones+" || ' ', "+x+" || ' ') > 0", tierNumberEnd, MatchPhone)
		}
		when("instr(p.id_number, "+x+") > 0", tierOther, MatchIDNumber)
		when("instr("+phones+", "+x+") > 0", tierOther, MatchPhone)
		b.WriteString(" END")
		return b.String(), ""
	}
	// Plain instr for words without ASCII letters (Chinese has no case); LIKE, which
	// ignores ASCII case, for the others. lower() on every column of every row would cost
	// twice the scan.
	x := arg(w.text)
	eq := func(col string) string { return col + " = " + x }
	prefix := func(col string) string { return "instr(" + col + ", " + x + ") = 1" }
	contains := func(col string) string { return "instr(" + col + ", " + x + ") > 0" }
	if hasASCIILetter(w.text) {
		esc := likeEscape(w.text)
		px, pp, pc := arg(esc), arg(esc+"%"), arg("%"+esc+"%")
		eq = func(col string) string { return col + " LIKE " + px + " ESCAPE '\\'" }
		prefix = func(col string) string { return col + " LIKE " + pp + " ESCAPE '\\'" }
		contains = func(col string) string { return col + " LIKE " + pc + " ESCAPE '\\'" }
	}
	when(eq("p.name"), tierExact, MatchName)
	if w.kind == wordPinyin {
		when("p.py_initials = "+x+" OR p.py_full = "+x, tierExact, MatchPinyin)
	}
	when(prefix("p.name"), tierPrefix, MatchName)
	if w.kind == wordPinyin {
		when("instr(p.py_initials, "+x+") = 1 OR instr(p.py_full, "+x+") = 1", tierPrefix, MatchPinyin)
	}
	when(contains("p.name"), tierName, MatchName)
	if w.kind == wordPinyin {
		when("instr(' ' || p.py_alt, ' ' || "+x+") > 0", tierName, MatchPinyin)
	}
	when(contains("p.serviceman_name"), tierOther, MatchServiceman)
	when(contains("p.martyr_name"), tierOther, MatchMartyr)
	// The villages and units that match are found once (SQLite keeps the IN list), not
	// joined to every row.
	units := "p.service_unit_id IN (SELECT id FROM units WHERE " + contains("name") + " OR " + contains("designation") + ")"
	when(contains("p.service_unit")+" OR "+units, tierOther, MatchUnit)
	when(contains("p.category_other"), tierOther, MatchCategory)
	villages := "p.village_id IN (SELECT id FROM villages WHERE " + contains("name") + ")"
	when(villages, tierOther, MatchVillage)
	also = append(also, units, villages)
	// Categories whose label or short label holds the word, and those the word stands for.
	// In the filter a category is looked for as a part of the column: no string made.
	var cats, has []string
	for i, c := range model.Categories {
		if strings.Contains(categoryTexts[i], w.text) || w.cats&(1<<uint(i)) != 0 && w.kinRel == 0 && w.kinSex == 0 {
			cats = append(cats, "(',' || p.categories || ',') LIKE "+arg("%,"+c.Code+",%"))
			has = append(has, "instr(p.categories, "+arg(c.Code)+") > 0")
		}
	}
	if len(cats) > 0 {
		when(strings.Join(cats, " OR "), tierOther, MatchCategory)
	}
	if w.kinRel != 0 || w.kinSex != 0 {
		var kin []string
		for i, c := range model.Categories {
			if w.cats&(1<<uint(i)) != 0 {
				kin = append(kin, "(',' || p.categories || ',') LIKE "+arg("%,"+c.Code+",%"))
				has = append(has, "instr(p.categories, "+arg(c.Code)+") > 0")
			}
		}
		cond := "(" + strings.Join(kin, " OR ") + ")"
		if w.kinRel != 0 {
			cond += " AND p.relation = " + arg(model.Relations[w.kinRel-1].Code)
		}
		switch w.kinSex {
		case kinFemale:
			cond += " AND p.sex = 'F'"
		case kinMale:
			cond += " AND p.sex = 'M'"
		}
		when(cond, tierOther, MatchCategory)
	}
	when(contains("p.address"), tierWeak, MatchAddress)
	when(contains("p.pairing_cadre"), tierWeak, MatchCadre)
	b.WriteString(" END")
	// Every text condition above finds w in one of these (the pinyin keys in one of theirs).
	cols := "p.name, p.serviceman_name, p.martyr_name, p.service_unit, p.category_other, p.address, p.pairing_cadre"
	if w.kind == wordPinyin {
		cols += ", p.py_initials, p.py_full, p.py_alt"
	}
	also = append(also, has...)
	return b.String(), strings.Join(append([]string{contains("concat_ws(char(31), " + cols + ")")}, also...), " OR ")
}

func hasASCIILetter(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c >= 'a' && c <= 'z' {
			return true
		}
	}
	return false
}

// likeEscape escapes LIKE's wildcards (and the escape character) in s.
func likeEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`)
	return r.Replace(s)
}
