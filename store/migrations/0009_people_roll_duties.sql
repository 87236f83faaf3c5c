-- 0009: what the yearly tally's duty tables (store/tally, duties.go) need, read where the
-- tally already reads: about 90 ms of a county's tally less than reading it apart.
--
-- people_roll gains the two columns the duties need of everyone: the periodic subsidy (the
-- recipients to confirm, and the default 重点对象) and the roster's 光荣牌 flag. Its first
-- columns are the same, so every query that used it still can.
DROP INDEX people_roll;
CREATE INDEX people_roll ON people(status, registered_on, status_changed_on, village_id, categories,
	subsidy_status, honour_plaque) WHERE deleted_at = '';
