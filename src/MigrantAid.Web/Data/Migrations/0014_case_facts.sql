-- Issue 5 (statistics): case_facts, one narrow row per case with every statistics dimension as a
-- small code, so that a statistics table is one scan of this table (no joins). Multi-valued
-- dimensions are arrays: category_ids (the case's categories, {0} if none) and forums
-- ('c:<jurisdiction>' per national court country, 'b:<body number>' per international body, {none}
-- if neither). age_group: 0 unknown, 1 child (under 18 at the intake date), 2 adult.
--
-- Kept correct by statement-level triggers with transition tables on every table a fact comes
-- from, so every code path (the app, the demo seeder, COPY in `generate`) updates the facts in the
-- same transaction; a COPY batch refreshes its cases in one set-based statement.

CREATE TABLE case_facts (
    case_id uuid NOT NULL,
    office_id uuid NOT NULL,
    opened_year smallint NOT NULL,
    citizenship character(2),
    incident_country character(2),
    age_group smallint NOT NULL,
    sex smallint NOT NULL,
    outcome smallint,
    category_ids integer[] NOT NULL,
    forums text[] NOT NULL,
    CONSTRAINT pk_case_facts PRIMARY KEY (case_id),
    CONSTRAINT fk_case_facts_cases_case_id FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE CASCADE
);

CREATE INDEX ix_case_facts_opened_year ON case_facts (opened_year);
CREATE INDEX ix_case_facts_category_ids ON case_facts USING gin (category_ids);

-- Recomputes the facts of the given cases from their sources (insert or update; a case that no
-- longer exists is left to the cascade of its delete).
CREATE FUNCTION case_facts_refresh(ids uuid[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO case_facts (case_id, office_id, opened_year, citizenship, incident_country, age_group, sex, outcome, category_ids, forums)
    SELECT c.id,
           c.office_id,
           extract(year FROM c.opened_on)::smallint,
           cl.citizenship,
           i.incident_country,
           (CASE
                WHEN cl.birth_date IS NOT NULL THEN
                    CASE WHEN (cl.birth_date + interval '18 years')::date > (i.created_at AT TIME ZONE 'UTC')::date THEN 1 ELSE 2 END
                WHEN cl.birth_year IS NOT NULL THEN
                    CASE WHEN extract(year FROM (i.created_at AT TIME ZONE 'UTC'))::int - cl.birth_year <= 17 THEN 1
                         WHEN extract(year FROM (i.created_at AT TIME ZONE 'UTC'))::int - cl.birth_year >= 19 THEN 2
                         ELSE 0 END
                ELSE 0
            END)::smallint,
           cl.sex::smallint,
           (CASE WHEN c.status = 2 THEN c.outcome END)::smallint,
           coalesce((SELECT array_agg(cc.category_id ORDER BY cc.category_id) FROM case_categories cc WHERE cc.case_id = c.id), '{0}'),
           coalesce((SELECT array_agg(f ORDER BY f) FROM (
                        SELECT 'c:' || p.jurisdiction FROM court_proceedings p WHERE p.case_id = c.id
                        UNION
                        SELECT 'b:' || s.body FROM international_submissions s WHERE s.case_id = c.id) x(f)), '{none}')
    FROM unnest(ids) AS t(id)
    JOIN cases c ON c.id = t.id
    JOIN clients cl ON cl.id = c.principal_client_id
    JOIN intakes i ON i.id = c.intake_id
    ON CONFLICT (case_id) DO UPDATE SET
        office_id = EXCLUDED.office_id,
        opened_year = EXCLUDED.opened_year,
        citizenship = EXCLUDED.citizenship,
        incident_country = EXCLUDED.incident_country,
        age_group = EXCLUDED.age_group,
        sex = EXCLUDED.sex,
        outcome = EXCLUDED.outcome,
        category_ids = EXCLUDED.category_ids,
        forums = EXCLUDED.forums;
$$;

-- Rebuilds every fact (after a bulk load with the triggers off, or to repair).
CREATE FUNCTION case_facts_rebuild() RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM case_facts;
    PERFORM case_facts_refresh(ARRAY(SELECT id FROM cases));
    RETURN (SELECT count(*) FROM case_facts);
END;
$$;

-- Set migrantaid.case_facts = 'off' in a session to skip the triggers (a bulk load that rebuilds at the end).
CREATE FUNCTION case_facts_enabled() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT coalesce(current_setting('migrantaid.case_facts', true), '') <> 'off';
$$;

CREATE FUNCTION case_facts_on_cases() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT case_facts_enabled() THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        PERFORM case_facts_refresh(ARRAY(SELECT id FROM new_rows));
    ELSE
        PERFORM case_facts_refresh(ARRAY(
            SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (n.office_id, n.opened_on, n.status, n.outcome, n.principal_client_id, n.intake_id)
                  IS DISTINCT FROM (o.office_id, o.opened_on, o.status, o.outcome, o.principal_client_id, o.intake_id)));
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER case_facts_cases_insert AFTER INSERT ON cases
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_facts_on_cases();
CREATE TRIGGER case_facts_cases_update AFTER UPDATE ON cases
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_facts_on_cases();

-- Child rows of a case (categories, court proceedings, international submissions): refresh the
-- cases named by the old and the new rows.
CREATE FUNCTION case_facts_on_case_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT case_facts_enabled() THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        PERFORM case_facts_refresh(ARRAY(SELECT DISTINCT case_id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM case_facts_refresh(ARRAY(SELECT DISTINCT case_id FROM old_rows));
    ELSE
        PERFORM case_facts_refresh(ARRAY(SELECT case_id FROM new_rows UNION SELECT case_id FROM old_rows));
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER case_facts_case_categories_insert AFTER INSERT ON case_categories
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_facts_on_case_rows();
CREATE TRIGGER case_facts_case_categories_update AFTER UPDATE ON case_categories
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_facts_on_case_rows();
CREATE TRIGGER case_facts_case_categories_delete AFTER DELETE ON case_categories
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION case_facts_on_case_rows();

CREATE TRIGGER case_facts_court_proceedings_insert AFTER INSERT ON court_proceedings
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_facts_on_case_rows();
CREATE TRIGGER case_facts_court_proceedings_update AFTER UPDATE ON court_proceedings
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_facts_on_case_rows();
CREATE TRIGGER case_facts_court_proceedings_delete AFTER DELETE ON court_proceedings
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION case_facts_on_case_rows();

CREATE TRIGGER case_facts_international_submissions_insert AFTER INSERT ON international_submissions
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_facts_on_case_rows();
CREATE TRIGGER case_facts_international_submissions_update AFTER UPDATE ON international_submissions
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_facts_on_case_rows();
CREATE TRIGGER case_facts_international_submissions_delete AFTER DELETE ON international_submissions
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION case_facts_on_case_rows();

-- The principal client's sex, birth and citizenship; the intake's country and date.
CREATE FUNCTION case_facts_on_clients() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT case_facts_enabled() THEN
        RETURN NULL;
    END IF;
    PERFORM case_facts_refresh(ARRAY(
        SELECT c.id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN cases c ON c.principal_client_id = n.id
        WHERE (n.sex, n.birth_date, n.birth_year, n.citizenship) IS DISTINCT FROM (o.sex, o.birth_date, o.birth_year, o.citizenship)));
    RETURN NULL;
END;
$$;

CREATE TRIGGER case_facts_clients_update AFTER UPDATE ON clients
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_facts_on_clients();

CREATE FUNCTION case_facts_on_intakes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT case_facts_enabled() THEN
        RETURN NULL;
    END IF;
    PERFORM case_facts_refresh(ARRAY(
        SELECT c.id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN cases c ON c.intake_id = n.id
        WHERE (n.incident_country, n.created_at) IS DISTINCT FROM (o.incident_country, o.created_at)));
    RETURN NULL;
END;
$$;

CREATE TRIGGER case_facts_intakes_update AFTER UPDATE ON intakes
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_facts_on_intakes();

-- Backfill the cases already there.
SELECT case_facts_rebuild();
