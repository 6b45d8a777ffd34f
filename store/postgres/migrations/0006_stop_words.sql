-- Stop words are indexed and searched: a query of "the" or "to be or not
-- to be" finds the articles printing it, as in SQLite, instead of nothing
-- (the built-in stemming dictionaries drop their language's stop words).
-- Each sayso_<name> configuration stems with a snowball dictionary of its
-- own, made without a stop-word list.
DO $$
DECLARE c record;
BEGIN
    FOR c IN SELECT cfgname FROM pg_ts_config WHERE cfgnamespace = 'pg_catalog'::regnamespace AND cfgname <> 'simple' LOOP
        EXECUTE format('CREATE TEXT SEARCH DICTIONARY sayso_%s_stem (TEMPLATE = snowball, Language = %I)', c.cfgname, c.cfgname);
        EXECUTE format('ALTER TEXT SEARCH CONFIGURATION sayso_%s ALTER MAPPING REPLACE %I WITH sayso_%s_stem',
            c.cfgname, c.cfgname || '_stem', c.cfgname);
    END LOOP;
END $$;

-- Articles indexed before lack their stop words until "sayso reindex"
-- indexes their text again.
INSERT INTO trace_state (key, value)
    SELECT 'text_stale', 'stored before stop words were indexed' WHERE EXISTS (SELECT 1 FROM articles);
