-- 0005: the recurring duties (issue 13): 常态化联系, 光荣牌 and 年度确认.
--
-- 重点对象 are chosen by a rule kept in the settings (key "duties"); key_mark lets a cadre
-- overrule it for one person: '' = by the rule, 'yes' = always, 'no' = never.
ALTER TABLE people ADD COLUMN key_mark TEXT NOT NULL DEFAULT '';

-- Derived, kept by the store like last_visit_on: the newest live visit of mode 入户. A
-- contact is any live visit (last_visit_on), a home visit only 入户: with both on the row
-- the due list reads people alone.
ALTER TABLE people ADD COLUMN last_home_on TEXT NOT NULL DEFAULT '';

-- The tally counts the period's home visits per person from this index alone (and a bulk
-- load's refresh of last_home_on reads it).
CREATE INDEX visits_home ON visits(year, person_id, date) WHERE deleted_at = '' AND mode = 'home';

UPDATE people SET last_home_on = h.d FROM
	(SELECT person_id, max(date) AS d FROM visits WHERE mode = 'home' AND deleted_at = '' GROUP BY person_id) h
	WHERE h.person_id = people.id;

-- The duty lists read the roll from this index alone: the fields the 重点对象 rule tests,
-- the two dates, and the household and 光荣牌 flag for the plaques.
CREATE INDEX people_duties ON people(status, subsidy_status, key_mark, disability_grade, lives_alone, assistance,
	registered_on, status_changed_on, categories, last_visit_on, last_home_on, household_id, honour_plaque) WHERE deleted_at = '';

-- 光荣牌: the register of a household's plaque, one row per thing that happened to it
-- (hung or replaced, found to need replacing, not to be replaced any more). The newest
-- live row by date (then id) is the plaque's state; a household with none has no plaque
-- (待悬挂) unless a member's honour_plaque flag (the roster's 光荣牌 column) says one
-- hangs. A log rather than one row per household so that taking back a tick (the
-- campaign's visit trashed, or undone) brings back the state before it.
--
-- household_key is the household as the tally counts 户: households.id, or the negated
-- person id for someone not grouped with anyone — so a plaque recorded for someone alone
-- follows them into a household they join later. person_id is who it was recorded at.
-- visit_id is the visit that hung it (a 光荣牌悬挂 campaign's tick): the row goes to the
-- trash with that visit.
CREATE TABLE plaques (
	id            INTEGER PRIMARY KEY,
	household_key INTEGER NOT NULL,
	person_id     INTEGER NOT NULL REFERENCES people(id),
	state         TEXT NOT NULL,
	date          TEXT NOT NULL,
	note          TEXT NOT NULL DEFAULT '',
	visit_id      INTEGER REFERENCES visits(id),
	created_at    TEXT NOT NULL,
	updated_at    TEXT NOT NULL,
	deleted_at    TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX plaques_household ON plaques(household_key, date, id, state) WHERE deleted_at = '';
CREATE INDEX plaques_person ON plaques(person_id);
CREATE INDEX plaques_visit ON plaques(visit_id) WHERE visit_id IS NOT NULL;

-- 年度确认 (条例 第八条): a periodic-subsidy recipient confirmed for the year of date, how
-- (home, video, other) and by whom; visit_id when a visit confirmed it (it goes to the
-- trash with that visit).
CREATE TABLE confirmations (
	id           INTEGER PRIMARY KEY,
	person_id    INTEGER NOT NULL REFERENCES people(id),
	date         TEXT NOT NULL,
	year         INTEGER GENERATED ALWAYS AS (CAST(substr(date, 1, 4) AS INTEGER)) VIRTUAL,
	method       TEXT NOT NULL DEFAULT 'home',
	confirmed_by TEXT NOT NULL DEFAULT '',
	visit_id     INTEGER REFERENCES visits(id),
	note         TEXT NOT NULL DEFAULT '',
	created_at   TEXT NOT NULL,
	updated_at   TEXT NOT NULL,
	deleted_at   TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX confirmations_year ON confirmations(year, person_id) WHERE deleted_at = '';
CREATE INDEX confirmations_person ON confirmations(person_id, date);
CREATE INDEX confirmations_visit ON confirmations(visit_id) WHERE visit_id IS NOT NULL;

-- A campaign's kind: '' a festival round (SPEC W2), 'plaque' a 光荣牌悬挂 round (its ticks
-- also record the household's plaque), 'confirm' a 年度确认 round (its ticks also confirm
-- the person for the year).
ALTER TABLE campaigns ADD COLUMN kind TEXT NOT NULL DEFAULT '';
