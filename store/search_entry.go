package store

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"shuangyong/model"
)

// personEntry is what the search index knows of one live person: the text a query is
// matched against and the fields the structured filters test. It is 64 bytes, and there
// is one per person: every field counts at county scale.
type personEntry struct {
	// text holds four strings in one allocation: the lower-case text to match (hay: the
	// fields of hayFields, in that order, each followed by 0x1f), the pinyin keys (each
	// preceded by a space: initials, full pinyin, other readings), the digits of the ID
	// and phone numbers, and the pinyin sort key. ends marks where the first three stop.
	text        string
	id          int64
	villageID   int64
	villageSort int32  // the village's sort (clamped), noVillageSort without one
	cats        uint32 // bit i = model.Categories[i]
	cadre       uint32 // codes in the index's codebook
	status      uint32
	lastVisit   int32 // yyyymmdd, 0 for never (see dateNum)
	ends        [3]uint16
	nameEnd     uint16 // hay[:nameEnd] is the name
	weakStart   uint16 // hay[weakStart:] is the address and the pairing cadre (tierWeak)
	// flags: the relation (index in model.Relations plus one, 0 for none) and sex, for
	// kin words (军嫂); open needs; a record with gaps (待补充).
	flags uint8
}

// indexEntry is a personEntry as the index keeps it, in a slice of values: its text is
// in the index's arena (textArena), so that it holds no pointer and a collection has
// nothing in it to mark. 56 bytes.
type indexEntry struct {
	id          int64
	villageID   int64
	villageSort int32
	cats        uint32
	cadre       uint32
	status      uint32
	lastVisit   int32
	text        uint32 // the text's offset in the arena
	textLen     uint32
	ends        [3]uint16
	nameEnd     uint16
	weakStart   uint16
	flags       uint8
	live        bool // false once the person's slot is dead (saved again, or trashed)
}

func (e *indexEntry) openNeeds() bool  { return e.flags&flagOpenNeeds != 0 }
func (e *indexEntry) incomplete() bool { return e.flags&flagIncomplete != 0 }

// stored returns e as the index keeps it, its text put in a.
func (e *personEntry) stored(a *textArena) indexEntry {
	return indexEntry{id: e.id, villageID: e.villageID, villageSort: e.villageSort, cats: e.cats, cadre: e.cadre,
		status: e.status, lastVisit: e.lastVisit, text: a.put(e.text), textLen: uint32(len(e.text)), ends: e.ends,
		nameEnd: e.nameEnd, weakStart: e.weakStart, flags: e.flags, live: true}
}

// view returns the entry e is, its text a string over a (no copy): what matching and
// ranking read.
func (e *indexEntry) view(a *textArena) personEntry {
	return personEntry{text: a.get(e.text, e.textLen), id: e.id, villageID: e.villageID, villageSort: e.villageSort,
		cats: e.cats, cadre: e.cadre, status: e.status, lastVisit: e.lastVisit, ends: e.ends, nameEnd: e.nameEnd,
		weakStart: e.weakStart, flags: e.flags}
}

// hayFields are the fields of an entry's hay, in order: a match's field is the number of
// separators before it. The order is the ranking's (tiers in search_rank.go): the name,
// then what identifies someone nearly as well, then the address and the pairing cadre,
// which match too much (1单元, every person a cadre pairs) to count unless nothing else
// does. strings.Index then finds a word in its best field first.
var hayFields = [...]MatchField{
	MatchName, MatchServiceman, MatchMartyr, MatchUnit, MatchCategory, MatchUnit, MatchVillage, MatchCategory,
	MatchAddress, MatchCadre,
}

// weakFields is the number of fields at the end of hayFields that rank tierWeak.
const weakFields = 2

const (
	kinRelation    = 0x0f // the index in model.Relations, plus one; 0 for none
	kinFemale      = 0x10
	kinMale        = 0x20
	flagOpenNeeds  = 0x40
	flagIncomplete = 0x80
)

func kinOf(relation, sex string) uint8 {
	var k uint8
	if i := model.Relations.Index(relation); i >= 0 && i < kinRelation {
		k = uint8(i + 1)
	}
	switch sex {
	case "F":
		k |= kinFemale
	case "M":
		k |= kinMale
	}
	return k
}

// maxMatchText bounds the matched parts of an entry's text (ends are 16-bit). Nobody's
// name, address and the rest come near it; a longer text is cut, and only its tail is
// not found.
const maxMatchText = 1<<16 - 1

func newEntryText(e *personEntry, hay, pinyin, digits, pySort string) {
	if over := len(hay) + len(pinyin) + len(digits) - maxMatchText; over > 0 {
		cut := max(len(hay)-over, 0)
		for cut > 0 && !utf8.RuneStart(hay[cut]) {
			cut--
		}
		hay = hay[:cut]
		if len(pinyin)+len(digits) > maxMatchText {
			pinyin, digits = "", ""
		}
	}
	e.text = hay + pinyin + digits + pySort
	e.ends = [3]uint16{uint16(len(hay)), uint16(len(hay) + len(pinyin)), uint16(len(hay) + len(pinyin) + len(digits))}
}

// dateNum turns an ISO date into yyyymmdd (0 for anything else, "" included), so that
// entries compare dates as numbers.
func dateNum(iso string) int32 {
	if len(iso) < 10 || iso[4] != '-' || iso[7] != '-' {
		return 0
	}
	var n int32
	for i, c := range []byte(iso[:10]) {
		if i == 4 || i == 7 {
			continue
		}
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int32(c-'0')
	}
	return n
}

// codebook numbers the short values entries repeat (pairing cadres, statuses: a few
// hundred distinct values): an entry keeps a 4-byte code, not a 16-byte string header.
type codebook struct {
	mu   sync.Mutex
	ids  map[string]uint32
	vals []string
}

func newCodebook() *codebook { return &codebook{ids: map[string]uint32{"": 0}, vals: []string{""}} }

// code returns the code of s, numbering it when new.
func (c *codebook) code(s string) uint32 {
	c.mu.Lock()
	defer c.mu.Unlock()
	if id, ok := c.ids[s]; ok {
		return id
	}
	id := uint32(len(c.vals))
	c.vals = append(c.vals, strings.Clone(s))
	c.ids[c.vals[id]] = id
	return id
}

// lookup returns the code of s, or one no entry has when s was never numbered.
func (c *codebook) lookup(s string) uint32 {
	c.mu.Lock()
	defer c.mu.Unlock()
	if id, ok := c.ids[s]; ok {
		return id
	}
	return math.MaxUint32
}

// value returns the text of a code.
func (c *codebook) value(id uint32) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if int(id) < len(c.vals) {
		return c.vals[id]
	}
	return ""
}

func (e *personEntry) hay() string    { return e.text[:e.ends[0]] }
func (e *personEntry) pinyin() string { return e.text[e.ends[0]:e.ends[1]] }
func (e *personEntry) digits() string { return e.text[e.ends[1]:e.ends[2]] }
func (e *personEntry) pySort() string { return e.text[e.ends[2]:] }

func entryLess(a, b *personEntry) bool {
	if a.villageSort != b.villageSort {
		return a.villageSort < b.villageSort
	}
	if a.villageID != b.villageID {
		return a.villageID < b.villageID
	}
	if as, bs := a.pySort(), b.pySort(); as != bs {
		return as < bs
	}
	return a.id < b.id
}

// entrySelect reads people alone (one table scan); villages, units and open needs are
// small lookups joined in Go. Text the index only searches is concatenated by SQLite:
// every column handed to Go costs an allocation, and at 100 000 people that is most of
// the time it takes to build the index. char(31) separates the parts; the text column
// holds the first five of hayFields and the last two (scan puts the rest between).
const entrySelect = `SELECT id, coalesce(village_id, 0), coalesce(service_unit_id, 0), py_sort,
	py_initials || ' ' || py_full || ' ' || py_alt, categories,
	lower(name || char(31) || serviceman_name || char(31) || martyr_name || char(31) || service_unit || char(31) ||
		category_other || char(31) || address || char(31) || pairing_cadre),
	id_number || ' ' || phones, pairing_cadre, status, last_visit_on, disability_grade,
	disability_nature || char(31) || martyr_relation || char(31) || martyr_name || char(31) || serviceman_name ||
		char(31) || category_other || char(31) || relation || char(31) || sex
	FROM people WHERE deleted_at = ''`

// entryContext holds the lookups entries are joined with.
type entryContext struct {
	villageName map[int64]string // lower-cased, as the hay has them
	villageSort map[int64]int64
	unitText    map[int64]string // lower-cased
	openNeeds   map[int64]bool
	codes       *codebook
}

const noVillageSort = math.MaxInt32 // people without a village come last

func loadEntryContext(ctx context.Context, q querier, ids []int64, codes *codebook) (*entryContext, error) {
	ec := &entryContext{villageName: map[int64]string{}, villageSort: map[int64]int64{},
		unitText: map[int64]string{}, openNeeds: map[int64]bool{}, codes: codes}
	rows, err := q.QueryContext(ctx, "SELECT id, name, sort FROM villages")
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id, sort int64
		var name string
		if err := rows.Scan(&id, &name, &sort); err != nil {
			rows.Close()
			return nil, err
		}
		ec.villageName[id], ec.villageSort[id] = strings.ToLower(name), sort
	}
	rows.Close()
	rows, err = q.QueryContext(ctx, "SELECT id, name, designation FROM units")
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id int64
		var name, designation string
		if err := rows.Scan(&id, &name, &designation); err != nil {
			rows.Close()
			return nil, err
		}
		ec.unitText[id] = strings.ToLower(name + " " + designation)
	}
	rows.Close()
	needs := "SELECT DISTINCT person_id FROM visits WHERE need <> '' AND resolved_on = '' AND deleted_at = ''"
	var args []any
	if ids != nil {
		needs += " AND person_id IN (" + placeholders(len(ids)) + ")"
		for _, id := range ids {
			args = append(args, id)
		}
	}
	rows, err = q.QueryContext(ctx, needs, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ec.openNeeds[id] = true
	}
	return ec, rows.Err()
}

// entryScanner reads rows of entrySelect into one entry, over and over: at 100 000 rows
// the dozen allocations a row made (every destination handed to Scan escapes, the parts
// of the text were strings of their own) were a third of reading them.
type entryScanner struct {
	ec    *entryContext
	codes map[string]uint32 // the codes met so far: the codebook takes a lock
	e     personEntry
	p     model.Person // what model.NeedsCompletion reads

	unitID                                                                  int64
	pySort, pinyin, cats, text, digits, gapFields, cadre, status, lastVisit string
	dest                                                                    []any
	buf                                                                     []byte // e.text
}

func (ec *entryContext) scanner() *entryScanner {
	sc := &entryScanner{ec: ec, codes: map[string]uint32{}}
	sc.dest = []any{&sc.e.id, &sc.e.villageID, &sc.unitID, &sc.pySort, &sc.pinyin, &sc.cats, &sc.text, &sc.digits,
		&sc.cadre, &sc.status, &sc.lastVisit, &sc.p.DisabilityGrade, &sc.gapFields}
	return sc
}

func (sc *entryScanner) code(s string) uint32 {
	c, ok := sc.codes[s]
	if !ok {
		c = sc.ec.codes.code(s)
		sc.codes[s] = c
	}
	return c
}

// scan reads the entry of a row. It is sc's own, text included, until the next scan.
func (sc *entryScanner) scan(rows *sql.Rows) (*personEntry, error) {
	ec, e, p := sc.ec, &sc.e, &sc.p
	*e, *p = personEntry{}, model.Person{}
	if err := rows.Scan(sc.dest...); err != nil {
		return nil, err
	}
	e.villageSort = noVillageSort
	if sort, ok := ec.villageSort[e.villageID]; ok {
		e.villageSort = int32(min(max(sort, math.MinInt32), math.MaxInt32-1))
	}
	if ec.openNeeds[e.id] {
		e.flags |= flagOpenNeeds
	}
	p.Categories = splitNonEmpty(sc.cats, ",")
	// text is name, serviceman, martyr, service unit, category_other | address, cadre:
	// the unit, the village and the category labels go at the bar.
	text, cut := sc.text, 0
	for i := 0; i < 5; i++ {
		j := strings.IndexByte(text[cut:], 0x1f)
		if j < 0 {
			return nil, fmt.Errorf("person %d: search text has too few parts", e.id)
		}
		cut += j + 1
	}
	// The text is made in buf: the hay, the keys, the digits, the pinyin sort key.
	b := append(sc.buf[:0], text[:cut]...)
	b = append(append(b, ec.unitText[sc.unitID]...), 0x1f)
	b = append(append(b, ec.villageName[e.villageID]...), 0x1f)
	for _, c := range p.Categories {
		if i := model.Categories.Index(c); i >= 0 {
			e.cats |= 1 << uint(i)
			b = append(append(b, categoryText(i)...), ' ')
		}
	}
	b = append(b, 0x1f)
	weak := len(b)
	b = append(append(b, text[cut:]...), 0x1f)
	hay := len(b)
	first := true
	b = append(b, ' ')
	for f := range strings.FieldsSeq(sc.pinyin) {
		if !first {
			b = append(b, ' ')
		}
		b, first = append(b, f...), false
	}
	keys := len(b)
	b = appendPhoneDigits(b, sc.digits)
	digits := len(b)
	b = append(b, sc.pySort...)
	sc.buf = b
	if digits > maxMatchText { // never, bar a damaged file: newEntryText cuts
		newEntryText(e, string(b[:hay]), string(b[hay:keys]), string(b[keys:digits]), sc.pySort)
	} else {
		e.text = unsafe.String(unsafe.SliceData(b), len(b))
		e.ends = [3]uint16{uint16(hay), uint16(keys), uint16(digits)}
	}
	e.cadre, e.status, e.lastVisit = sc.code(sc.cadre), sc.code(sc.status), dateNum(sc.lastVisit)
	h := e.hay()
	e.nameEnd = uint16(min(strings.IndexByte(h, 0x1f), int(e.ends[0])))
	e.weakStart = uint16(min(weak, int(e.ends[0])))
	if g := sc.gapFields; strings.Count(g, "\x1f") == 6 {
		var f [7]string
		for i := range 6 {
			f[i], g, _ = strings.Cut(g, "\x1f")
		}
		f[6] = g
		p.DisabilityNature, p.MartyrRelation, p.MartyrName, p.ServicemanName, p.CategoryOther = f[0], f[1], f[2], f[3], f[4]
		e.flags |= kinOf(f[5], f[6])
	}
	if len(model.NeedsCompletion(p)) > 0 {
		e.flags |= flagIncomplete
	}
	return e, nil
}

// appendPhoneDigits appends the digits (and an ID number's X) of numbers, separated by
// spaces.
func appendPhoneDigits(b []byte, phones string) []byte {
	for i := 0; i < len(phones); i++ {
		if c := phones[i]; c >= '0' && c <= '9' || c == ' ' || c == 'X' {
			b = append(b, c)
		}
	}
	return b
}

// loadEntries reads the entries of the given live people (all of them when ids is nil).
func loadEntries(ctx context.Context, q querier, ids []int64, codes *codebook) ([]*personEntry, error) {
	if ids != nil && len(ids) == 0 {
		return nil, nil
	}
	ec, err := loadEntryContext(ctx, q, ids, codes)
	if err != nil {
		return nil, err
	}
	query, args := entrySelect, []any{}
	if ids != nil {
		query += " AND id IN (" + placeholders(len(ids)) + ")"
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
	sc := ec.scanner()
	for rows.Next() {
		e, err := sc.scan(rows)
		if err != nil {
			return nil, err
		}
		c := *e
		c.text = strings.Clone(c.text)
		out = append(out, &c)
	}
	return out, rows.Err()
}

// categoryTexts are the words each category is found by in the hay: its full label and
// its short label (what the list's 类别 column shows: 烈属, 农村老兵…), lower-cased.
var categoryTexts = func() []string {
	out := make([]string, len(model.Categories))
	for i, c := range model.Categories {
		out[i] = strings.ToLower(c.Zh)
		if short := model.CategoryShort(c.Code, model.Zh); short != c.Zh && !strings.Contains(c.Zh, short) {
			out[i] += " " + strings.ToLower(short)
		}
	}
	return out
}()

func categoryText(i int) string { return categoryTexts[i] }

// loadAllEntries reads every live person's entry (readParts).
func loadAllEntries(ctx context.Context, db *sql.DB, parts int, codes *codebook, pause func()) ([]*personEntry, error) {
	var got [][]*personEntry
	err := readParts(ctx, db, parts, codes, pause, func(n int) { got = make([][]*personEntry, n) },
		func(part int, e *personEntry) {
			c := *e
			c.text = strings.Clone(c.text)
			got[part] = append(got[part], &c)
		}, nil)
	if err != nil {
		return nil, err
	}
	var out []*personEntry
	for _, g := range got {
		out = append(out, g...)
	}
	return out, nil
}

// buildParts builds the index over every live person. Each part is indexed on the
// goroutine that reads it, as its rows arrive, and sorted there once read: the work that
// followed the reading on one core (listing, sorting: ~0.6 s at county scale) is shared
// by both, and overlaps the reading. The parts are then merged in order.
func buildParts(ctx context.Context, db *sql.DB, parts int, codes *codebook, pause func()) (indexData, error) {
	var ixs []indexData
	err := readParts(ctx, db, parts, codes, pause, func(n int) {
		ixs = make([]indexData, n)
		for i := range ixs {
			ixs[i].start(0)
		}
	}, func(part int, e *personEntry) { ixs[part].add(e) }, func(part int) { ixs[part].sortPart() })
	if err != nil {
		return indexData{}, err
	}
	ix := &ixs[0]
	for i := 1; i < len(ixs); i++ {
		ix.merge(&ixs[i])
		ixs[i] = indexData{}
	}
	ix.finish()
	return *ix, nil
}

// readParts reads every live person's entry, in parts read at once on as many
// connections as db has (a snapshot has snapshotConns): reading rows through the driver
// is most of a build's time, and a second core halves it. On the store's one connection
// the parts are read one after the other. begin is told the number of parts; each is
// called with every entry on its part's goroutine, in id order within the part (e, its
// text included, is only valid until each returns); done (if not nil) when a part is
// read whole.
func readParts(ctx context.Context, db *sql.DB, parts int, codes *codebook, pause func(),
	begin func(parts int), each func(part int, e *personEntry), done func(part int)) error {
	ec, err := loadEntryContext(ctx, db, nil, codes)
	if err != nil {
		return err
	}
	var maxID int64
	if err := db.QueryRowContext(ctx, "SELECT coalesce(max(id), 0) FROM people").Scan(&maxID); err != nil {
		return err
	}
	parts = max(1, min(parts, int(maxID)))
	begin(parts)
	errs := make([]error, parts)
	var wg sync.WaitGroup
	for i := range parts {
		lo, hi := maxID*int64(i)/int64(parts), maxID*int64(i+1)/int64(parts)
		wg.Add(1)
		go func() {
			defer wg.Done()
			rows, err := db.QueryContext(ctx, entrySelect+" AND id > ? AND id <= ?", lo, hi)
			if err != nil {
				errs[i] = err
				return
			}
			defer rows.Close()
			sc := ec.scanner()
			for n := 0; rows.Next(); n++ {
				if n%256 == 0 && pause != nil {
					pause()
				}
				e, err := sc.scan(rows)
				if err != nil {
					errs[i] = err
					return
				}
				each(i, e)
			}
			if errs[i] = rows.Err(); errs[i] == nil && done != nil {
				done(i)
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
