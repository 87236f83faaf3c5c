-- The export lists a year's visits by date: this index gives them in that order, so they
-- are written as they are read instead of being held in memory and sorted (180 000 rows
-- of a county's year, ~50 MB). Building it on an existing county file takes a second or two.
CREATE INDEX visits_date ON visits(date) WHERE deleted_at = '';
