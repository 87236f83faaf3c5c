package store

import (
	"context"
	"database/sql"
	"sort"
	"strings"
	"sync"
	"unicode"

	"shuangyong/model"
)

// The people search index: one compact entry per live person, kept in roster order
// (village, then name in pinyin order), loaded once and refreshed after each save. A query
// walks the entries (about 100 000 at county scale) testing plain strings, which gives the
// total count and the window in one pass and in order, without sorting; the window's rows
// are then read from the file by id. A LIKE scan with a count over the table, or an FTS
// index with a sort of its matches, costs several times more (DESIGN.md §5).
type personEntry struct {
	id          int64
	villageSort int64
	villageID   int64
	pySort      string
	hay         string // name, village, category labels, serviceman, unit, cadre, martyr, address
	pinyin      string // "\x00zs\x00zhangsan\x00…": every key prefixed, so "\x00"+q is a prefix match
	digits      string // ID number and phones, digits (and X) only, separated by spaces
	cats        uint32 // bit i = model.Categories[i]
	cadre       string
	status      string
	lastVisit   string
	openNeeds   bool
	incomplete  bool
}

type peopleIndex struct {
	mu      sync.RWMutex
	loaded  bool
	entries []*personEntry
}

func newPeopleIndex() *peopleIndex { return &peopleIndex{} }

func (ix *peopleIndex) isLoaded() bool {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.loaded
}

func (ix *peopleIndex) invalidate() {
	ix.mu.Lock()
	ix.loaded, ix.entries = false, nil
	ix.mu.Unlock()
}

func entryLess(a, b *personEntry) bool {
	if a.villageSort != b.villageSort {
		return a.villageSort < b.villageSort
	}
	if a.villageID != b.villageID {
		return a.villageID < b.villageID
	}
	if a.pySort != b.pySort {
		return a.pySort < b.pySort
	}
	return a.id < b.id
}

// apply replaces the entries of the touched people by their fresh entries (absent from
// fresh: trashed or gone).
func (ix *peopleIndex) apply(touched map[int64]bool, fresh []*personEntry) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if !ix.loaded {
		return
	}
	kept := ix.entries[:0]
	for _, e := range ix.entries {
		if !touched[e.id] {
			kept = append(kept, e)
		}
	}
	ix.entries = kept
	for _, e := range fresh {
		i := sort.Search(len(ix.entries), func(i int) bool { return entryLess(e, ix.entries[i]) })
		ix.entries = append(ix.entries, nil)
		copy(ix.entries[i+1:], ix.entries[i:])
		ix.entries[i] = e
	}
}

const entrySelect = `SELECT p.id, p.name, coalesce(p.village_id, 0), coalesce(v.name, ''), coalesce(v.sort, 1 << 40),
	p.py_sort, p.py_initials, p.py_full, p.py_alt, p.categories, p.category_other, p.serviceman_name,
	coalesce(u.name, '') || ' ' || coalesce(u.designation, '') || ' ' || p.service_unit, p.id_number, p.phones,
	p.pairing_cadre, p.status, p.last_visit_on, p.martyr_name, p.martyr_relation, p.address,
	p.disability_nature, p.disability_grade, p.relation, p.rank,
	EXISTS (SELECT 1 FROM visits n WHERE n.person_id = p.id AND n.need <> '' AND n.resolved_on = '' AND n.deleted_at = '')
	FROM people p LEFT JOIN villages v ON v.id = p.village_id LEFT JOIN units u ON u.id = p.service_unit_id
	WHERE p.deleted_at = ''`

func scanEntry(rows *sql.Rows) (*personEntry, error) {
	var e personEntry
	var p model.Person
	var village, pyI, pyF, pyA, cats, unit, idno, phones string
	err := rows.Scan(&e.id, &p.Name, &e.villageID, &village, &e.villageSort, &e.pySort, &pyI, &pyF, &pyA, &cats,
		&p.CategoryOther, &p.ServicemanName, &unit, &idno, &phones, &e.cadre, &e.status, &e.lastVisit,
		&p.MartyrName, &p.MartyrRelation, &p.Address, &p.DisabilityNature, &p.DisabilityGrade, &p.Relation, &p.Rank,
		&e.openNeeds)
	if err != nil {
		return nil, err
	}
	p.Categories = splitNonEmpty(cats, ",")
	var hay strings.Builder
	for _, s := range []string{p.Name, village, p.ServicemanName, unit, e.cadre, p.MartyrName, p.Address, p.CategoryOther} {
		if s != "" {
			hay.WriteString(strings.ToLower(s))
			hay.WriteByte('\x00')
		}
	}
	for _, c := range p.Categories {
		if i := model.Categories.Index(c); i >= 0 {
			e.cats |= 1 << uint(i)
			hay.WriteString(model.Categories[i].Zh)
			hay.WriteByte('\x00')
		}
	}
	e.hay = hay.String()
	var py strings.Builder
	for _, k := range append([]string{pyI, pyF}, strings.Fields(pyA)...) {
		py.WriteByte('\x00')
		py.WriteString(k)
	}
	e.pinyin = py.String()
	e.digits = idno + " " + phoneDigits(phones)
	e.incomplete = len(model.NeedsCompletion(&p)) > 0
	return &e, nil
}

func phoneDigits(phones string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' || r == ' ' {
			return r
		}
		return -1
	}, phones)
}

// loadEntries reads the entries of the given live people (all of them when ids is nil).
func loadEntries(ctx context.Context, q querier, ids []int64) ([]*personEntry, error) {
	query, args := entrySelect, []any{}
	if ids != nil {
		if len(ids) == 0 {
			return nil, nil
		}
		query += " AND p.id IN (" + placeholders(len(ids)) + ")"
		for _, id := range ids {
			args = append(args, id)
		}
	}
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*personEntry
	for rows.Next() {
		e, err := scanEntry(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// ensureLoaded builds the index on first use.
func (s *Store) ensureLoaded(ctx context.Context) error {
	if s.people.isLoaded() {
		return nil
	}
	ix := s.people
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.loaded {
		return nil
	}
	entries, err := loadEntries(ctx, s.db, nil)
	if err != nil {
		return s.classify(err)
	}
	sort.Slice(entries, func(i, j int) bool { return entryLess(entries[i], entries[j]) })
	ix.entries, ix.loaded = entries, true
	return nil
}

// WarmSearch builds the search index now (the TUI calls it in the background after the
// first screen, so that the first keystroke does not wait for it).
func (s *Store) WarmSearch(ctx context.Context) error { return s.ensureLoaded(ctx) }

// PeopleQuery selects people: free text plus structured filters, and a window.
type PeopleQuery struct {
	// Text is what the user typed: words separated by spaces, all of which must match.
	// A word matches a name or other text by substring, pinyin by initials or full-pinyin
	// prefix (zs, zhangs, shanl), or digits of an ID or phone number.
	Text       string
	Categories []string // any of these categories
	VillageID  int64
	Cadre      string
	Status     string // a PersonStatuses code; "" = any
	// NotVisitedSince keeps people whose last visit is before this ISO date (or never).
	NotVisitedSince string
	HasOpenNeeds    bool
	Incomplete      bool // only records with gaps (待补充)
	Offset, Limit   int
}

// PersonRow is a person as a list shows them.
type PersonRow struct {
	model.Person
	VillageName string
	OpenNeeds   bool
	Incomplete  bool
}

// PeoplePage is one window of a people query and the total number of matches.
type PeoplePage struct {
	Total  int
	Offset int
	Rows   []PersonRow
}

type textMatcher struct {
	hay    []string // lower-case substrings of hay
	pinyin []string // "\x00" + letters
	digits []string
}

func compileText(text string) textMatcher {
	var m textMatcher
	for _, w := range strings.Fields(strings.ToLower(model.Sanitize(text))) {
		w = toHalfWidth(w)
		switch {
		case isDigitsOrX(w):
			m.digits = append(m.digits, strings.ToUpper(w))
		case isASCIILetters(w):
			m.pinyin = append(m.pinyin, "\x00"+w)
		default:
			m.hay = append(m.hay, w)
		}
	}
	return m
}

func (m textMatcher) match(e *personEntry) bool {
	for _, h := range m.hay {
		if !strings.Contains(e.hay, h) {
			return false
		}
	}
	for _, p := range m.pinyin {
		if !strings.Contains(e.pinyin, p) && !strings.Contains(e.hay, p[1:]) {
			return false
		}
	}
	for _, d := range m.digits {
		if !strings.Contains(e.digits, d) {
			return false
		}
	}
	return true
}

func toHalfWidth(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		if r >= 'ａ' && r <= 'ｚ' {
			return r - 'ａ' + 'a'
		}
		return r
	}, s)
}

func isDigitsOrX(s string) bool {
	digits := 0
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == 'x' && i == len(s)-1 && digits > 0:
		default:
			return false
		}
	}
	return digits > 0
}

func isASCIILetters(s string) bool {
	for _, r := range s {
		if r > unicode.MaxASCII || !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}

// SearchPeople returns one window of the people matching q, in roster order, with the
// total number of matches.
func (s *Store) SearchPeople(ctx context.Context, q PeopleQuery) (PeoplePage, error) {
	if !s.people.isLoaded() && q.unfiltered() {
		return s.firstPage(ctx, q)
	}
	if err := s.ensureLoaded(ctx); err != nil {
		return PeoplePage{}, err
	}
	if q.Limit <= 0 {
		q.Limit = 50
	}
	if q.Offset < 0 {
		q.Offset = 0
	}
	text := compileText(q.Text)
	var catMask uint32
	for _, c := range q.Categories {
		if i := model.Categories.Index(c); i >= 0 {
			catMask |= 1 << uint(i)
		}
	}
	page := PeoplePage{Offset: q.Offset}
	var window []int64
	ix := s.people
	ix.mu.RLock()
	for _, e := range ix.entries {
		if catMask != 0 && e.cats&catMask == 0 ||
			q.VillageID != 0 && e.villageID != q.VillageID ||
			q.Cadre != "" && e.cadre != q.Cadre ||
			q.Status != "" && e.status != q.Status ||
			q.NotVisitedSince != "" && e.lastVisit >= q.NotVisitedSince ||
			q.HasOpenNeeds && !e.openNeeds ||
			q.Incomplete && !e.incomplete ||
			!text.match(e) {
			continue
		}
		if page.Total >= q.Offset && len(window) < q.Limit {
			window = append(window, e.id)
		}
		page.Total++
	}
	ix.mu.RUnlock()
	if page.Offset > page.Total {
		page.Offset = page.Total
	}
	rows, err := s.peopleRows(ctx, window)
	if err != nil {
		return page, err
	}
	page.Rows = rows
	return page, nil
}

// peopleRows reads the list rows of the given people, in the order given.
func (s *Store) peopleRows(ctx context.Context, ids []int64) ([]PersonRow, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.db.QueryContext(ctx, "SELECT "+prefixed("p.", personReadCols)+`, coalesce(v.name, ''),
		EXISTS (SELECT 1 FROM visits n WHERE n.person_id = p.id AND n.need <> '' AND n.resolved_on = '' AND n.deleted_at = '')
		FROM people p LEFT JOIN villages v ON v.id = p.village_id WHERE p.id IN (`+placeholders(len(ids))+")", args...)
	if err != nil {
		return nil, s.classify(err)
	}
	defer rows.Close()
	byID := make(map[int64]PersonRow, len(ids))
	for rows.Next() {
		var r PersonRow
		if err := scanPersonRow(rows, &r); err != nil {
			return nil, err
		}
		r.Incomplete = len(model.NeedsCompletion(&r.Person)) > 0
		byID[r.ID] = r
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]PersonRow, 0, len(ids))
	for _, id := range ids {
		if r, ok := byID[id]; ok {
			out = append(out, r)
		}
	}
	return out, nil
}

type extraScanner struct {
	r     scanner
	extra []any
}

func (x extraScanner) Scan(dest ...any) error { return x.r.Scan(append(dest, x.extra...)...) }

func scanPersonRow(r scanner, row *PersonRow) error {
	return scanPerson(extraScanner{r, []any{&row.VillageName, &row.OpenNeeds}}, &row.Person)
}

// prefixed qualifies each column of a comma-separated list with a table alias.
func prefixed(alias, cols string) string {
	parts := strings.Split(cols, ",")
	for i, c := range parts {
		parts[i] = alias + strings.TrimSpace(c)
	}
	return strings.Join(parts, ", ")
}

func (q PeopleQuery) unfiltered() bool {
	return strings.TrimSpace(q.Text) == "" && len(q.Categories) == 0 && q.VillageID == 0 && q.Cadre == "" &&
		q.Status == "" && q.NotVisitedSince == "" && !q.HasOpenNeeds && !q.Incomplete
}

// firstPage serves the unfiltered roster straight from the file's indexes, so the first
// screen does not wait for the search index to be built: villages in their order, people
// in pinyin order within each (people_order), those without a village last.
func (s *Store) firstPage(ctx context.Context, q PeopleQuery) (PeoplePage, error) {
	if q.Limit <= 0 {
		q.Limit = 50
	}
	page := PeoplePage{Offset: max(q.Offset, 0)}
	var inVillages int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FILTER (WHERE village_id IS NOT NULL), count(*)
		FROM people WHERE deleted_at = ''`).Scan(&inVillages, &page.Total)
	if err != nil {
		return page, s.classify(err)
	}
	page.Offset = min(page.Offset, page.Total)
	var ids []int64
	collect := func(query string, args ...any) error {
		rows, err := s.db.QueryContext(ctx, query, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return err
			}
			ids = append(ids, id)
		}
		return rows.Err()
	}
	if page.Offset < inVillages {
		if err := collect(`SELECT p.id FROM villages v CROSS JOIN people p ON p.village_id = v.id
			WHERE p.deleted_at = '' ORDER BY v.sort, v.id, p.py_sort, p.id LIMIT ? OFFSET ?`, q.Limit, page.Offset); err != nil {
			return page, s.classify(err)
		}
	}
	if rest := q.Limit - len(ids); rest > 0 && page.Offset+len(ids) < page.Total {
		if err := collect(`SELECT id FROM people WHERE village_id IS NULL AND deleted_at = ''
			ORDER BY py_sort, id LIMIT ? OFFSET ?`, rest, max(page.Offset-inVillages, 0)); err != nil {
			return page, s.classify(err)
		}
	}
	page.Rows, err = s.peopleRows(ctx, ids)
	return page, err
}
