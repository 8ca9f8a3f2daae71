-- The ApiKeys entity set (issue 4): Prefix shows the key's start as people see it ('engage_' and the stored lookup
-- prefix), and Secret is a column that is always null: a new key's secret appears once, in the answer to its POST, and
-- is never stored. Hash is never published.
ALTER TABLE ApiKeys ADD COLUMN DisplayPrefix TEXT GENERATED ALWAYS AS ('engage_' || Prefix) VIRTUAL;
ALTER TABLE ApiKeys ADD COLUMN Secret TEXT GENERATED ALWAYS AS (NULL) VIRTUAL;
