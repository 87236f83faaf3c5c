-- 0007: what the yearly tally's duty tables (store/tally, duties.go) need, read where the
-- tally already reads: about 90 ms of a county's tally less than reading it apart.
--
-- people_roll gains the two columns the duties need of everyone: the periodic subsidy (the
-- recipients to confirm, and the default 重点对象) and the roster's 光荣牌 flag. Its first
-- columns are the same, so every query that used it still can.
DROP INDEX people_roll;
CREATE INDEX people_roll ON people(status, registered_on, status_changed_on, village_id, categories,
	subsidy_status, honour_plaque) WHERE deleted_at = '';

-- visits_tally's key (visits.go: visitKeySQL) gains a bit for a home visit (入户), the
-- amounts giving one up (whole 元 below 2^18 instead of 2^19; larger ones are read by id):
-- the home visits of the year come with the keys instead of from visits_home. The
-- expressions must be written as the tally writes them (TestMigratedTallyIndexMatches).
DROP INDEX visits_tally;
CREATE INDEX visits_tally ON visits(CAST(substr(date, 1, 4) AS INTEGER), (CASE WHEN money_fen % 100 = 0 AND goods_value_fen % 100 = 0 AND money_fen < 26214400 AND goods_value_fen < 26214400
		THEN (((person_id * 16 + CAST(substr(date, 6, 2) AS INTEGER)) * 2 + (mode = 'home')) * 262144 + money_fen / 100) * 262144 + goods_value_fen / 100
		ELSE -id END)) WHERE deleted_at = '';
