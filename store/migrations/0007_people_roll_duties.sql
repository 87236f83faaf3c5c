-- 0007: the yearly tally reads the people once, from people_roll alone: the roll and the
-- categories as before, and now the two columns its duty tables need of everyone
-- (store/tally, duties.go): the periodic subsidy (the recipients to confirm, and the
-- default 重点对象) and the roster's 光荣牌 flag. Reading them in a pass of their own cost a
-- county's tally about 45 ms more than reading them here. The first columns are
-- people_roll's, so every query that used it still can.
DROP INDEX people_roll;
CREATE INDEX people_roll ON people(status, registered_on, status_changed_on, village_id, categories,
	subsidy_status, honour_plaque) WHERE deleted_at = '';
