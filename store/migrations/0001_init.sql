-- 0001: the ledger's records. Every later change to the schema is a new numbered file;
-- this one never changes once released.
--
-- Conventions: STRICT tables; money in integer 分 (*_fen); dates as ISO text ('' = not
-- recorded); deleted_at '' = live, otherwise the time the row went to the trash; codes of
-- enumerations as text (model/ holds their labels).

CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) STRICT;

CREATE TABLE villages (
	id         INTEGER PRIMARY KEY,
	name       TEXT NOT NULL,
	sort       INTEGER NOT NULL DEFAULT 0,
	deleted_at TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE UNIQUE INDEX villages_name ON villages(name) WHERE deleted_at = '';
CREATE INDEX villages_order ON villages(sort, id);

CREATE TABLE units (
	id            INTEGER PRIMARY KEY,
	name          TEXT NOT NULL,
	kind          TEXT NOT NULL,
	designation   TEXT NOT NULL DEFAULT '',
	address       TEXT NOT NULL DEFAULT '',
	contact_name  TEXT NOT NULL DEFAULT '',
	contact_phone TEXT NOT NULL DEFAULT '',
	note          TEXT NOT NULL DEFAULT '',
	py_initials   TEXT NOT NULL DEFAULT '',
	py_full       TEXT NOT NULL DEFAULT '',
	created_at    TEXT NOT NULL,
	updated_at    TEXT NOT NULL,
	deleted_at    TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX units_kind ON units(kind, py_full) WHERE deleted_at = '';

-- 共建 pairings between two units.
CREATE TABLE pairings (
	id         INTEGER PRIMARY KEY,
	unit_a     INTEGER NOT NULL REFERENCES units(id),
	unit_b     INTEGER NOT NULL REFERENCES units(id),
	since      TEXT NOT NULL DEFAULT '',
	note       TEXT NOT NULL DEFAULT '',
	deleted_at TEXT NOT NULL DEFAULT '',
	CHECK (unit_a <> unit_b)
) STRICT;
CREATE INDEX pairings_a ON pairings(unit_a);
CREATE INDEX pairings_b ON pairings(unit_b);

CREATE TABLE households (
	id         INTEGER PRIMARY KEY,
	village_id INTEGER REFERENCES villages(id),
	address    TEXT NOT NULL DEFAULT '',
	note       TEXT NOT NULL DEFAULT '',
	deleted_at TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE people (
	id                INTEGER PRIMARY KEY,
	name              TEXT NOT NULL,
	sex               TEXT NOT NULL DEFAULT '',
	ethnicity         TEXT NOT NULL DEFAULT '',
	birth_date        TEXT NOT NULL DEFAULT '',
	id_number         TEXT NOT NULL DEFAULT '',
	phones            TEXT NOT NULL DEFAULT '',  -- numbers separated by one space
	contact_note      TEXT NOT NULL DEFAULT '',
	village_id        INTEGER REFERENCES villages(id),
	household_id      INTEGER REFERENCES households(id),
	address           TEXT NOT NULL DEFAULT '',
	hukou_type        TEXT NOT NULL DEFAULT '',
	categories        TEXT NOT NULL DEFAULT '',  -- category codes separated by ','
	category_other    TEXT NOT NULL DEFAULT '',
	disability_nature TEXT NOT NULL DEFAULT '',
	disability_grade  INTEGER NOT NULL DEFAULT 0 CHECK (disability_grade BETWEEN 0 AND 10),
	disability_cert_no TEXT NOT NULL DEFAULT '',
	martyr_relation   TEXT NOT NULL DEFAULT '',
	martyr_name       TEXT NOT NULL DEFAULT '',
	relation          TEXT NOT NULL DEFAULT '',
	serviceman_name   TEXT NOT NULL DEFAULT '',
	rank              TEXT NOT NULL DEFAULT '',
	service_status    TEXT NOT NULL DEFAULT '',
	service_unit_id   INTEGER REFERENCES units(id),
	service_unit      TEXT NOT NULL DEFAULT '',
	enlisted_on       TEXT NOT NULL DEFAULT '',
	discharged_on     TEXT NOT NULL DEFAULT '',
	subsidy_status    TEXT NOT NULL DEFAULT '',
	subsidy_from      INTEGER NOT NULL DEFAULT 0,
	subsidy_to        INTEGER NOT NULL DEFAULT 0,
	pairing_cadre     TEXT NOT NULL DEFAULT '',
	self_care         TEXT NOT NULL DEFAULT '',
	assistance        TEXT NOT NULL DEFAULT '',
	lives_alone       INTEGER NOT NULL DEFAULT 0,
	health            TEXT NOT NULL DEFAULT '',
	conditions        TEXT NOT NULL DEFAULT '',
	honour_plaque     INTEGER NOT NULL DEFAULT 0,
	preferential_card INTEGER NOT NULL DEFAULT 0,
	status            TEXT NOT NULL DEFAULT 'active',
	status_changed_on TEXT NOT NULL DEFAULT '',
	registered_on     TEXT NOT NULL DEFAULT '',
	note              TEXT NOT NULL DEFAULT '',
	last_visit_on     TEXT NOT NULL DEFAULT '',  -- derived: newest live visit's date
	py_initials       TEXT NOT NULL DEFAULT '',
	py_full           TEXT NOT NULL DEFAULT '',
	py_alt            TEXT NOT NULL DEFAULT '',  -- other readings, separated by ' '
	py_sort           TEXT NOT NULL DEFAULT '',
	created_at        TEXT NOT NULL,
	updated_at        TEXT NOT NULL,
	deleted_at        TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX people_order ON people(village_id, py_sort) WHERE deleted_at = '';
CREATE INDEX people_id_number ON people(id_number) WHERE id_number <> '';
CREATE INDEX people_name ON people(name, village_id);
CREATE INDEX people_household ON people(household_id) WHERE household_id IS NOT NULL;
CREATE INDEX people_unit ON people(service_unit_id) WHERE service_unit_id IS NOT NULL;
-- The yearly roster table reads who was on the roll from this index alone.
CREATE INDEX people_roll ON people(status, registered_on, status_changed_on, village_id, categories) WHERE deleted_at = '';

CREATE TABLE events (
	id                    INTEGER PRIMARY KEY,
	date                  TEXT NOT NULL,
	end_date              TEXT NOT NULL DEFAULT '',
	year                  INTEGER GENERATED ALWAYS AS (CAST(substr(date, 1, 4) AS INTEGER)) VIRTUAL,
	type                  TEXT NOT NULL,
	occasion              TEXT NOT NULL DEFAULT '',
	title                 TEXT NOT NULL DEFAULT '',
	place                 TEXT NOT NULL DEFAULT '',
	organiser             TEXT NOT NULL DEFAULT '',
	lead                  TEXT NOT NULL DEFAULT '',
	direction             TEXT NOT NULL DEFAULT 'to_military',
	participants          INTEGER NOT NULL DEFAULT 0 CHECK (participants >= 0),
	military_participants INTEGER NOT NULL DEFAULT 0 CHECK (military_participants >= 0),
	money_fen             INTEGER NOT NULL DEFAULT 0 CHECK (money_fen >= 0),
	money_source          TEXT NOT NULL DEFAULT '',
	standard_money_fen    INTEGER NOT NULL DEFAULT 0,
	standard_goods        TEXT NOT NULL DEFAULT '',
	standard_goods_fen    INTEGER NOT NULL DEFAULT 0,
	note                  TEXT NOT NULL DEFAULT '',
	created_at            TEXT NOT NULL,
	updated_at            TEXT NOT NULL,
	deleted_at            TEXT NOT NULL DEFAULT ''
) STRICT;
-- The tally reads a year's events from this index alone.
CREATE INDEX events_year ON events(year, type, date, direction, participants, military_participants, money_fen) WHERE deleted_at = '';
CREATE INDEX events_date ON events(date) WHERE deleted_at = '';

CREATE TABLE event_units (
	event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
	unit_id  INTEGER NOT NULL REFERENCES units(id),
	role     TEXT NOT NULL DEFAULT 'host',
	PRIMARY KEY (event_id, unit_id, role)
) STRICT, WITHOUT ROWID;
CREATE INDEX event_units_unit ON event_units(unit_id, event_id);

CREATE TABLE event_items (
	id       INTEGER PRIMARY KEY,
	event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
	pos      INTEGER NOT NULL DEFAULT 0,
	name     TEXT NOT NULL,
	quantity INTEGER NOT NULL DEFAULT 0 CHECK (quantity >= 0),
	unit     TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX event_items_event ON event_items(event_id, pos);

-- A visit is one person reached by an event. Categories, village and household are
-- copied from the person when the visit is saved, so the tally counts people as they were.
CREATE TABLE visits (
	id              INTEGER PRIMARY KEY,
	event_id        INTEGER NOT NULL REFERENCES events(id),
	person_id       INTEGER NOT NULL REFERENCES people(id),
	date            TEXT NOT NULL,
	year            INTEGER GENERATED ALWAYS AS (CAST(substr(date, 1, 4) AS INTEGER)) VIRTUAL,
	mode            TEXT NOT NULL DEFAULT '',
	visitors        TEXT NOT NULL DEFAULT '',
	money_fen       INTEGER NOT NULL DEFAULT 0 CHECK (money_fen >= 0),
	goods           TEXT NOT NULL DEFAULT '',
	goods_value_fen INTEGER NOT NULL DEFAULT 0 CHECK (goods_value_fen >= 0),
	condition       TEXT NOT NULL DEFAULT '',
	need            TEXT NOT NULL DEFAULT '',
	resolution      TEXT NOT NULL DEFAULT '',
	resolved_on     TEXT NOT NULL DEFAULT '',
	follow_up_on    TEXT NOT NULL DEFAULT '',
	signed          INTEGER NOT NULL DEFAULT 0,
	note            TEXT NOT NULL DEFAULT '',
	categories      TEXT NOT NULL DEFAULT '',
	village_id      INTEGER,
	household_key   INTEGER NOT NULL DEFAULT 0,
	created_at      TEXT NOT NULL,
	updated_at      TEXT NOT NULL,
	deleted_at      TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX visits_person ON visits(person_id, date) WHERE deleted_at = '';
CREATE INDEX visits_event ON visits(event_id, person_id) WHERE deleted_at = '';
-- The tally reads a year's visits from this index alone.
CREATE INDEX visits_year ON visits(year, event_id, person_id, household_key, date, categories, money_fen, goods_value_fen) WHERE deleted_at = '';
CREATE INDEX visits_open_needs ON visits(person_id) WHERE need <> '' AND resolved_on = '' AND deleted_at = '';

-- Change history: every insert, update, trash, restore and undo, with the row before and
-- after as JSON. Rows written by one save share a change_id; Ctrl+Z undoes a change_id.
CREATE TABLE history (
	id        INTEGER PRIMARY KEY,
	change_id INTEGER NOT NULL,
	at        TEXT NOT NULL,
	operator  TEXT NOT NULL DEFAULT '',
	entity    TEXT NOT NULL,
	row_id    INTEGER NOT NULL,
	action    TEXT NOT NULL,
	summary   TEXT NOT NULL DEFAULT '',
	before    TEXT NOT NULL DEFAULT '',
	after     TEXT NOT NULL DEFAULT '',
	undone    INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX history_change ON history(change_id);
CREATE INDEX history_row ON history(entity, row_id);
