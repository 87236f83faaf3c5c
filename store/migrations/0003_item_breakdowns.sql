-- Breakdowns (其中) of an event's items (DOMAIN.md §4, counting rule 9): 「接收军转干部21名，
-- 其中男同志18名、女同志3名」 is three items, the last two breakdowns of the first. parent is
-- the place (pos) + 1 of the item this one breaks down within the same event; 0 = none. A
-- place rather than an id because an event's items are written afresh on every save. NULL
-- is allowed and read as 0: undoing a change saved before this column existed puts its items
-- back from a history snapshot that has no parent.
ALTER TABLE event_items ADD COLUMN parent INTEGER DEFAULT 0 CHECK (parent IS NULL OR parent >= 0);
