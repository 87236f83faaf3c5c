-- 0008: the visits with a follow-up date still open, for the work list (F6 in 军属,
-- store/followups.go): with visits_open_needs each half of the list is read from its own
-- partial index instead of every visit of the file (11 s at county scale before).
CREATE INDEX visits_follow_up ON visits(person_id, date) WHERE follow_up_on <> '' AND resolved_on = '' AND deleted_at = '';
