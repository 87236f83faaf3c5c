-- 0007: every visit by person, trashed ones too. Deleting a person (undoing their
-- insert, an import's undo, deleting for good from the trash) makes SQLite's foreign-key
-- check look for visits that still name them, and the other indexes on visits.person_id
-- are partial (live visits only), which that check cannot use: without this index each
-- deleted person scanned every visit (undoing a 1 000-person import on a county file took
-- 184 s). Undo builds a temporary index like it where none serves (store/bulk.go); with
-- this one it finds it and builds nothing.
CREATE INDEX visits_person_all ON visits(person_id);
