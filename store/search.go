package store

import (
	"context"
	"slices"
	"strings"
	"unicode"

	"shuangyong/model"
)

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
	// OnRoll keeps the people on the roll (在册 or 停发, DOMAIN.md §4 rule 5) when no Status
	// is chosen: who "not visited" is about.
	OnRoll bool
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
	// Match is the field that put the row in a search's results (MatchNone without text):
	// what a list names or highlights.
	Match MatchField
}

// PeoplePage is one window of a people query and the total number of matches.
type PeoplePage struct {
	Total  int
	Offset int
	Rows   []PersonRow
	// WeakOnly: nothing matched the text but addresses and pairing cadres, which are then
	// what the rows were found by (a list may say so).
	WeakOnly bool
}

// A query word is matched one of three ways, by what it is made of.
type wordKind int

const (
	wordText   wordKind = iota // Chinese or mixed: a substring of the entry's text
	wordPinyin                 // ASCII letters: a prefix of a pinyin key, or a substring of the text
	wordDigits                 // digits (and a final X): a substring of an ID or phone number
)

type word struct {
	kind wordKind
	text string
	// A word that names categories (烈属, 三属, 军嫂) also matches the people in them,
	// and a kin word (军嫂) only those of its relation and sex.
	cats   uint32
	kinRel uint8
	kinSex uint8
}

type textMatcher struct{ words []word }

func compileText(text string) textMatcher {
	var m textMatcher
	for _, w := range strings.Fields(strings.ToLower(model.Sanitize(text))) {
		w = toHalfWidth(w)
		switch {
		case isDigitsOrX(w):
			m.words = append(m.words, word{kind: wordDigits, text: strings.ToUpper(w)})
		case isASCIILetters(w):
			m.words = append(m.words, word{kind: wordPinyin, text: w})
		default:
			wd := word{kind: wordText, text: w}
			wd.categoryWord()
			m.words = append(m.words, wd)
		}
	}
	return m
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

// SearchPeople returns one window of the people matching q, best matches first (exact
// name, name prefix, name substring and pinyin, other fields; within each, roster order:
// search_rank.go), with the total number of matches and, for each row, the field that
// matched. Addresses and pairing cadres count only when nothing else matches (WeakOnly).
//
// Until the search index is in (WarmSearch builds it in the background), the unfiltered
// roster comes from the file's indexes and other queries are answered from SQL — slower
// (tens to hundreds of milliseconds at county scale), the same people and order — instead
// of waiting for the build.
func (s *Store) SearchPeople(ctx context.Context, q PeopleQuery) (PeoplePage, error) {
	if q.Limit <= 0 {
		q.Limit = 50
	}
	if q.Offset < 0 {
		q.Offset = 0
	}
	if !s.people.isLoaded() {
		if q.unfiltered() {
			return s.firstPage(ctx, q)
		}
		if !q.Incomplete { // 待补充 is worked out in Go: that one waits for the index
			s.startBuild()
			return s.searchSQL(ctx, q)
		}
	}
	err := s.ensureLoaded(ctx)
	if err != nil {
		return PeoplePage{}, err
	}
	text := compileText(q.Text)
	page := PeoplePage{Offset: q.Offset}
	s.people.mu.RLock()
	f := s.people.search(q, text, categoryMask(q.Categories))
	s.people.mu.RUnlock()
	page.Total, page.WeakOnly = f.total, f.weakOnly
	if page.Offset > page.Total {
		page.Offset = page.Total
	}
	page.Rows, err = s.peopleRows(ctx, f.ids, f.fields)
	return page, err
}

func categoryMask(codes []string) uint32 {
	var mask uint32
	for _, c := range codes {
		if i := model.Categories.Index(c); i >= 0 {
			mask |= 1 << uint(i)
		}
	}
	return mask
}

// peopleRows reads the list rows of the given people, in the order given, with what
// matched each (fields, parallel to ids; nil for none).
func (s *Store) peopleRows(ctx context.Context, ids []int64, fields []MatchField) ([]PersonRow, error) {
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
	// Each row goes straight to its place: one array of rows (a row is large), not a map
	// of them and a copy.
	out := make([]PersonRow, len(ids))
	found := make([]bool, len(ids))
	var r PersonRow // scanned into (one allocation for all rows: Scan's arguments escape)
	for rows.Next() {
		r = PersonRow{}
		if err := scanPersonRow(rows, &r); err != nil {
			return nil, err
		}
		i := slices.Index(ids, r.ID)
		if i < 0 || found[i] {
			continue
		}
		r.Incomplete = len(model.NeedsCompletion(&r.Person)) > 0
		if i < len(fields) {
			r.Match = fields[i]
		}
		out[i], found[i] = r, true
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	kept := out[:0]
	for i := range out {
		if found[i] { // one trashed since the match is left out
			kept = append(kept, out[i])
		}
	}
	return kept, nil
}

type extraScanner struct {
	r     scanner
	extra []any
}

func (x extraScanner) Scan(dest ...any) error { return x.r.Scan(append(dest, x.extra...)...) }

func scanPersonRow(r scanner, row *PersonRow) error {
	return scanPerson(r, &row.Person, &row.VillageName, &row.OpenNeeds)
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
		q.Status == "" && !q.OnRoll && q.NotVisitedSince == "" && !q.HasOpenNeeds && !q.Incomplete
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
		more, err := QueryIDs(ctx, s.db, query, args...)
		ids = append(ids, more...)
		return err
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
	page.Rows, err = s.peopleRows(ctx, ids, nil)
	return page, err
}
