-- Issue 14 point 2: the statistics read a pre-aggregate of case_facts instead of case_facts itself.
-- statistics_cube counts cases by every statistics dimension, with the two multi-valued ones (a case's
-- categories and forums) unnested: a case adds one to the row of each (category, forum) pair it has,
-- and category_first / forum_first say whether that value is the case's first (lowest) one. A table
-- then reads the rows of its dimensions and filters, keeping only the first value of a multi-valued
-- dimension it neither counts by nor filters on, and every total keeps only the first value of the
-- dimension it sums over: each case is counted once per value it has in a cell, and once in every
-- total, exactly as the query over case_facts (StatisticsCounts) did.
-- Kept by statement-level triggers on case_facts in the same transaction (+1 per case for its new
-- rows, -1 for its old ones; a row that falls to zero is deleted, so the table never holds a zero).
-- statistics_cube_rebuild() recomputes it (the backfill below, and `generate`, which loads with
-- SET migrantaid.statistics_cube = 'off').

CREATE TABLE statistics_cube (
    office_id uuid NOT NULL,
    opened_year smallint NOT NULL,
    citizenship character(2),
    incident_country character(2),
    age_group smallint NOT NULL,
    sex smallint NOT NULL,
    outcome smallint,
    situation smallint NOT NULL,
    category_id integer NOT NULL,
    category_first boolean NOT NULL,
    forum text NOT NULL,
    forum_first boolean NOT NULL,
    cases integer NOT NULL
);

-- The key. An unknown citizenship or country and an open case's outcome are NULL, as in case_facts:
-- NULLS NOT DISTINCT makes each of them one key value, for ON CONFLICT. Its first columns serve the
-- office and year filters.
CREATE UNIQUE INDEX ix_statistics_cube_key ON statistics_cube
    (office_id, opened_year, citizenship, incident_country, age_group, sex, outcome, situation, category_id, category_first, forum, forum_first)
    NULLS NOT DISTINCT;

-- Set migrantaid.statistics_cube = 'off' in a session to skip the triggers (a bulk load that rebuilds at the end).
CREATE FUNCTION statistics_cube_enabled() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT coalesce(current_setting('migrantaid.statistics_cube', true), '') <> 'off';
$$;

-- A case's rows of the cube, each counted `sign` times (+1 as the case now is, -1 as it was).
CREATE FUNCTION statistics_cube_rows(f case_facts, sign integer) RETURNS SETOF statistics_cube LANGUAGE sql IMMUTABLE AS $$
    SELECT f.office_id, f.opened_year, f.citizenship, f.incident_country, f.age_group, f.sex, f.outcome, f.situation,
           c.id, c.n = 1, fo.forum, fo.n = 1, sign
    FROM unnest(f.category_ids) WITH ORDINALITY AS c(id, n), unnest(f.forums) WITH ORDINALITY AS fo(forum, n);
$$;

-- Adds a delta (rows of the cube's shape, cases = +1 or -1 per case) to the cube: summed per combination
-- (an update that leaves a case's combination as it was adds nothing), written in key order so that two
-- transactions touching the same combinations lock them in the same order; a combination that falls to
-- zero is deleted (by the row version the upsert returned, which this transaction holds locked).
CREATE FUNCTION statistics_cube_apply(delta statistics_cube[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    emptied tid[];
BEGIN
    WITH up AS (
        INSERT INTO statistics_cube AS t
        SELECT office_id, opened_year, citizenship, incident_country, age_group, sex, outcome, situation, category_id, category_first, forum, forum_first, sum(cases)::integer
        FROM unnest(delta)
        GROUP BY office_id, opened_year, citizenship, incident_country, age_group, sex, outcome, situation, category_id, category_first, forum, forum_first
        HAVING sum(cases) <> 0
        ORDER BY office_id, opened_year, citizenship, incident_country, age_group, sex, outcome, situation, category_id, category_first, forum, forum_first
        ON CONFLICT (office_id, opened_year, citizenship, incident_country, age_group, sex, outcome, situation, category_id, category_first, forum, forum_first)
        DO UPDATE SET cases = t.cases + EXCLUDED.cases
        RETURNING t.ctid, t.cases)
    SELECT array_agg(ctid) INTO emptied FROM up WHERE cases = 0;

    IF emptied IS NOT NULL THEN
        DELETE FROM statistics_cube WHERE ctid = ANY (emptied);
    END IF;
END;
$$;

CREATE FUNCTION statistics_cube_on_case_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT statistics_cube_enabled() THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        PERFORM statistics_cube_apply(ARRAY(SELECT r FROM new_rows n, statistics_cube_rows(n, 1) r));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM statistics_cube_apply(ARRAY(SELECT r FROM old_rows o, statistics_cube_rows(o, -1) r));
    ELSE
        PERFORM statistics_cube_apply(ARRAY(
            SELECT r FROM new_rows n, statistics_cube_rows(n, 1) r
            UNION ALL
            SELECT r FROM old_rows o, statistics_cube_rows(o, -1) r));
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER statistics_cube_case_facts_insert AFTER INSERT ON case_facts
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_cube_on_case_facts();
CREATE TRIGGER statistics_cube_case_facts_update AFTER UPDATE ON case_facts
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_cube_on_case_facts();
CREATE TRIGGER statistics_cube_case_facts_delete AFTER DELETE ON case_facts
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_cube_on_case_facts();

-- Recomputes the cube from case_facts (after a bulk load with its triggers off, or to repair).
CREATE FUNCTION statistics_cube_rebuild() RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM statistics_cube;
    INSERT INTO statistics_cube
    SELECT office_id, opened_year, citizenship, incident_country, age_group, sex, outcome, situation, category_id, category_first, forum, forum_first, count(*)::integer
    FROM (SELECT r.* FROM case_facts f, statistics_cube_rows(f, 1) r) x
    GROUP BY office_id, opened_year, citizenship, incident_country, age_group, sex, outcome, situation, category_id, category_first, forum, forum_first;
    RETURN (SELECT count(*) FROM statistics_cube);
END;
$$;

-- Backfill the cases already there.
SELECT statistics_cube_rebuild();
