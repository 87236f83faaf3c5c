-- 0004: festival campaigns (SPEC W2). A campaign is a 走访慰问 event (its standard amount and
-- goods in events.standard_*) with a roster of the people it means to reach. Ticking a
-- person off records their visit in the event; the roster row stays, so the people still
-- to visit are the roster's people without a live visit in the event. Both tables have an
-- id so the change history and undo handle their rows like any other.
CREATE TABLE campaigns (
	id         INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE, -- the event's id
	created_at TEXT NOT NULL
) STRICT;

-- sort_key is the person's place in roster order (village, then name in pinyin order) when
-- they were added, so a page of the roster is read in order from the index and stops at
-- its last row instead of sorting 20 000 people for every tick.
CREATE TABLE campaign_roster (
	id        INTEGER PRIMARY KEY,
	event_id  INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
	person_id INTEGER NOT NULL REFERENCES people(id),
	sort_key  TEXT NOT NULL DEFAULT '',
	added_at  TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX campaign_roster_member ON campaign_roster(event_id, person_id);
CREATE INDEX campaign_roster_order ON campaign_roster(event_id, sort_key, person_id);
CREATE INDEX campaign_roster_person ON campaign_roster(person_id);
