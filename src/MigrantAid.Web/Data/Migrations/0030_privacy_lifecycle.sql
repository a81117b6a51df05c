-- Issue 15, points 2-4: retention schedules, anonymisation that keeps the statistics, erasure on request
-- (docs/adr/0022-anonymisation-in-the-database.md).

ALTER TABLE clients
    ADD COLUMN anonymised_at timestamp with time zone,
    ADD COLUMN erasure_requested_on date,
    ADD COLUMN erasure_recorded_by uuid,
    ADD COLUMN erasure_recorded_at timestamp with time zone;

-- kept_age_group: the statistics' age group (case_facts.age_group) frozen when the client's birth date is
-- anonymised, so that the facts, rebuilt or refreshed, stay what they were.
ALTER TABLE cases
    ADD COLUMN anonymised_at timestamp with time zone,
    ADD COLUMN kept_age_group smallint;

ALTER TABLE intakes ADD COLUMN anonymised_at timestamp with time zone;

-- What falls due, each by its own partial index.
CREATE INDEX ix_cases_closed_on_due ON cases (closed_on) WHERE status = 2 AND anonymised_at IS NULL;
CREATE INDEX ix_intakes_decided_at_due ON intakes (decided_at) WHERE status = 3 AND anonymised_at IS NULL;
CREATE INDEX ix_intakes_updated_at_due ON intakes (updated_at) WHERE status = 0 AND anonymised_at IS NULL;
CREATE INDEX ix_clients_erasure_requested_on ON clients (erasure_requested_on) WHERE erasure_requested_on IS NOT NULL AND anonymised_at IS NULL;

-- The organisation's schedule: one row; a null period means "keep".
CREATE TABLE retention_policies (
    id integer NOT NULL,
    closed_case_years integer,
    rejected_intake_months integer,
    draft_intake_days integer,
    audit_years integer,
    updated_by uuid,
    updated_at timestamp with time zone,
    CONSTRAINT pk_retention_policies PRIMARY KEY (id)
);

INSERT INTO retention_policies (id) VALUES (1);

-- Every run of the schedule and every anonymisation by hand, with what it changed.
CREATE TABLE anonymisation_runs (
    id uuid NOT NULL,
    kind smallint NOT NULL,
    actor_id uuid,
    started_at timestamp with time zone NOT NULL,
    finished_at timestamp with time zone,
    cases integer NOT NULL,
    intakes integer NOT NULL,
    clients integer NOT NULL,
    audit_events bigint NOT NULL,
    error character varying(2000),
    CONSTRAINT pk_anonymisation_runs PRIMARY KEY (id)
);

CREATE INDEX ix_anonymisation_runs_started_at ON anonymisation_runs (started_at);

-- An event's or audit entry's details without the values a person could be recognised by: the old and new
-- values of changed fields (a case title, a court case number), a document's file name and the reason given to
-- open a sealed case (0031). Field names stay.
CREATE FUNCTION privacy_strip_details(d jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN d IS NULL OR jsonb_typeof(d) <> 'object' THEN d
        WHEN jsonb_typeof(d -> 'changes') = 'array' THEN
            (d - 'fileName' - 'viewReason') || jsonb_build_object('changes', (
                SELECT coalesce(jsonb_agg(CASE WHEN jsonb_typeof(c) = 'object' THEN c - 'old' - 'new' ELSE c END), '[]'::jsonb)
                FROM jsonb_array_elements(d -> 'changes') c))
        ELSE d - 'fileName' - 'viewReason'
    END;
$$;

-- The audit trail stays append-only (0002) except for two doors, each opened only inside the functions below,
-- which run as the owner (the application role holds neither UPDATE nor DELETE on audit_events):
-- redaction (details only, nothing else of the row) and expiry (entries older than the schedule keeps).
CREATE OR REPLACE FUNCTION audit_events_reject_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND coalesce(current_setting('migrantaid.audit_change', true), '') = 'expire' THEN
        RETURN OLD;
    END IF;
    IF TG_OP = 'UPDATE' AND coalesce(current_setting('migrantaid.audit_change', true), '') = 'redact'
       AND (to_jsonb(NEW) - 'details') = (to_jsonb(OLD) - 'details') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE FUNCTION audit_events_redact(p_type text, p_ids text[]) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    n bigint;
BEGIN
    PERFORM set_config('migrantaid.audit_change', 'redact', true);
    UPDATE audit_events SET details = privacy_strip_details(details)
    WHERE entity_type = p_type AND entity_id = ANY (p_ids)
      AND details IS NOT NULL AND details IS DISTINCT FROM privacy_strip_details(details);
    GET DIAGNOSTICS n = ROW_COUNT;
    PERFORM set_config('migrantaid.audit_change', '', true);
    RETURN n;
END;
$$;

CREATE FUNCTION audit_events_expire(p_before timestamp with time zone, p_limit integer) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    n bigint;
BEGIN
    PERFORM set_config('migrantaid.audit_change', 'expire', true);
    DELETE FROM audit_events WHERE id IN (
        SELECT e.id FROM audit_events e WHERE e.occurred_at < p_before ORDER BY e.occurred_at LIMIT p_limit);
    GET DIAGNOSTICS n = ROW_COUNT;
    PERFORM set_config('migrantaid.audit_change', '', true);
    RETURN n;
END;
$$;

-- The dashboard's copy of a document's expiry changes only with the expiry or the client (0015's trigger ran, and
-- scanned its table, on every update of a document, e.g. clearing a number).
DROP TRIGGER dashboard_migration_documents_changed ON migration_documents;
CREATE TRIGGER dashboard_migration_documents_changed AFTER INSERT OR DELETE OR UPDATE OF expires_on, client_id ON migration_documents
    FOR EACH ROW EXECUTE FUNCTION dashboard_migration_documents_changed();

-- The statistics' age group of an anonymised client's case is the one frozen in kept_age_group.
CREATE OR REPLACE FUNCTION case_facts_refresh(ids uuid[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO case_facts (case_id, office_id, opened_year, citizenship, incident_country, age_group, sex, outcome, category_ids, forums, situation)
    SELECT c.id,
           c.office_id,
           extract(year FROM c.opened_on)::smallint,
           cl.citizenship,
           i.incident_country,
           coalesce(c.kept_age_group, (CASE
                WHEN cl.birth_date IS NOT NULL THEN
                    CASE WHEN (cl.birth_date + interval '18 years')::date > (i.created_at AT TIME ZONE 'UTC')::date THEN 1 ELSE 2 END
                WHEN cl.birth_year IS NOT NULL THEN
                    CASE WHEN extract(year FROM (i.created_at AT TIME ZONE 'UTC'))::int - cl.birth_year <= 17 THEN 1
                         WHEN extract(year FROM (i.created_at AT TIME ZONE 'UTC'))::int - cl.birth_year >= 19 THEN 2
                         ELSE 0 END
                ELSE 0
            END)::smallint),
           cl.sex::smallint,
           (CASE WHEN c.status = 2 THEN c.outcome END)::smallint,
           coalesce((SELECT array_agg(cc.category_id ORDER BY cc.category_id) FROM case_categories cc WHERE cc.case_id = c.id), '{0}'),
           coalesce((SELECT array_agg(f ORDER BY f) FROM (
                        SELECT 'c:' || p.jurisdiction FROM court_proceedings p WHERE p.case_id = c.id
                        UNION
                        SELECT 'b:' || s.body FROM international_submissions s WHERE s.case_id = c.id) x(f)), '{none}'),
           ((cl.vulnerabilities >> 6) & 3)::smallint
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
        forums = EXCLUDED.forums,
        situation = EXCLUDED.situation;
$$;

-- Anonymises the given cases (with their intakes), intakes and clients in one statement's worth of work:
-- names, spellings, contacts, narratives, notes, document contents and file names, addresses, court case
-- numbers and exact births go; the facts the statistics, the dashboard and the follow-up report count stay
-- (categories, citizenship, sex, situation, outcome, forums, dates, the birth year), and so do the case's
-- reference and the timeline's events, without their text. A client of an anonymised case or intake is
-- anonymised as well once nothing of theirs remains unanonymised; the clients given are anonymised anyway
-- (erasure: the caller has checked that none of their cases is open). Returns how many of each changed.
CREATE FUNCTION privacy_anonymise(p_cases uuid[], p_intakes uuid[], p_clients uuid[], p_at timestamp with time zone)
RETURNS TABLE (case_count integer, intake_count integer, client_count integer)
LANGUAGE plpgsql SET jit = off AS $$
DECLARE
    v_cases uuid[];
    v_intakes uuid[];
    v_clients uuid[];
    v_facts text := coalesce(current_setting('migrantaid.case_facts', true), '');
    v_words text := coalesce(current_setting('migrantaid.name_words', true), '');
BEGIN
    -- Nothing a fact is made of changes (the age group is frozen first, below), so the facts' triggers are
    -- skipped for the work and the dictionary words of the cleared names are removed in one statement each.
    PERFORM set_config('migrantaid.case_facts', 'off', true);
    PERFORM set_config('migrantaid.name_words', 'off', true);

    v_cases := ARRAY(SELECT k.id FROM cases k WHERE k.id = ANY (p_cases) AND k.anonymised_at IS NULL);
    v_intakes := ARRAY(
        SELECT i.id FROM intakes i WHERE i.id = ANY (p_intakes) AND i.anonymised_at IS NULL
        UNION
        SELECT i.id FROM cases k JOIN intakes i ON i.id = k.intake_id WHERE k.id = ANY (v_cases) AND i.anonymised_at IS NULL);

    UPDATE cases k SET title = '—', outcome_note = NULL, anonymised_at = p_at,
        kept_age_group = coalesce(k.kept_age_group, (SELECT f.age_group FROM case_facts f WHERE f.case_id = k.id))
    WHERE k.id = ANY (v_cases);
    UPDATE case_events SET text = NULL, details = privacy_strip_details(details)
    WHERE case_id = ANY (v_cases) AND (text IS NOT NULL OR details IS DISTINCT FROM privacy_strip_details(details));
    DELETE FROM case_document_contents WHERE document_id IN (SELECT d.id FROM case_documents d WHERE d.case_id = ANY (v_cases));
    UPDATE case_documents SET file_name = '—', sha256 = '' WHERE case_id = ANY (v_cases);
    UPDATE case_deadlines SET closing_note = NULL, override_reason = NULL
    WHERE case_id = ANY (v_cases) AND (closing_note IS NOT NULL OR override_reason IS NOT NULL);
    UPDATE court_proceedings SET court_case_number = NULL, judge = NULL, subject = '—'
    WHERE case_id = ANY (v_cases) AND (court_case_number IS NOT NULL OR judge IS NOT NULL OR subject <> '—');
    UPDATE court_decisions SET summary = NULL WHERE case_id = ANY (v_cases) AND summary IS NOT NULL;
    UPDATE hearings SET place = NULL, result = NULL WHERE case_id = ANY (v_cases) AND (place IS NOT NULL OR result IS NOT NULL);
    UPDATE international_submissions SET body_reference = NULL, notes = NULL
    WHERE case_id = ANY (v_cases) AND (body_reference IS NOT NULL OR notes IS NOT NULL);
    UPDATE case_recommendations SET note = NULL WHERE case_id = ANY (v_cases) AND note IS NOT NULL;
    DELETE FROM notifications WHERE case_id = ANY (v_cases);

    UPDATE intakes SET account = NULL, client_wishes = NULL, incident_city = NULL, rejection_note = NULL, anonymised_at = p_at
    WHERE id = ANY (v_intakes);
    DELETE FROM respondent_name_words WHERE respondent_id IN (SELECT r.id FROM respondents r WHERE r.intake_id = ANY (v_intakes));
    UPDATE respondents SET name = '—', search_key = '' WHERE intake_id = ANY (v_intakes);

    v_clients := ARRAY(
        SELECT cl.id FROM clients cl WHERE cl.id = ANY (p_clients) AND cl.anonymised_at IS NULL
        UNION
        SELECT cl.id
        FROM (SELECT cc.client_id AS id FROM case_clients cc WHERE cc.case_id = ANY (v_cases)
              UNION
              SELECT i.client_id FROM intakes i WHERE i.id = ANY (v_intakes) AND i.client_id IS NOT NULL) touched
        JOIN clients cl ON cl.id = touched.id
        WHERE cl.anonymised_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM case_clients cc JOIN cases k ON k.id = cc.case_id
                          WHERE cc.client_id = cl.id AND k.anonymised_at IS NULL)
          AND NOT EXISTS (SELECT 1 FROM cases k WHERE k.principal_client_id = cl.id AND k.anonymised_at IS NULL)
          AND NOT EXISTS (SELECT 1 FROM intakes i WHERE i.client_id = cl.id AND i.anonymised_at IS NULL));

    -- The age group of every case these clients lead is frozen before their birth date goes.
    UPDATE cases k SET kept_age_group = f.age_group FROM case_facts f
    WHERE f.case_id = k.id AND k.principal_client_id = ANY (v_clients) AND k.kept_age_group IS NULL;

    DELETE FROM client_name_words WHERE client_id = ANY (v_clients);
    UPDATE clients SET full_name = '—', patronymic = NULL, latin_name = '', search_key = '', birth_date = NULL,
        languages = NULL, current_city = NULL, separated_on = NULL, separated_from = NULL, anonymised_at = p_at
    WHERE id = ANY (v_clients);
    DELETE FROM client_aliases WHERE client_id = ANY (v_clients);
    DELETE FROM client_contacts WHERE client_id = ANY (v_clients);
    DELETE FROM family_links WHERE client_id = ANY (v_clients) OR related_client_id = ANY (v_clients);
    UPDATE migration_documents SET number = NULL WHERE client_id = ANY (v_clients) AND number IS NOT NULL;
    UPDATE consent_records SET scope = NULL WHERE client_id = ANY (v_clients) AND scope IS NOT NULL;

    PERFORM set_config('migrantaid.case_facts', v_facts, true);
    PERFORM set_config('migrantaid.name_words', v_words, true);

    PERFORM audit_events_redact('case', ARRAY(SELECT x::text FROM unnest(v_cases) x));
    PERFORM audit_events_redact('intake', ARRAY(SELECT x::text FROM unnest(v_intakes) x));
    PERFORM audit_events_redact('client', ARRAY(SELECT x::text FROM unnest(v_clients) x));
    PERFORM audit_events_redact('proceeding', ARRAY(SELECT p.id::text FROM court_proceedings p WHERE p.case_id = ANY (v_cases)));
    PERFORM audit_events_redact('hearing', ARRAY(SELECT h.id::text FROM hearings h WHERE h.case_id = ANY (v_cases)));
    PERFORM audit_events_redact('decision', ARRAY(SELECT d.id::text FROM court_decisions d WHERE d.case_id = ANY (v_cases)));
    PERFORM audit_events_redact('submission', ARRAY(SELECT s.id::text FROM international_submissions s WHERE s.case_id = ANY (v_cases)));

    RETURN QUERY SELECT cardinality(v_cases), cardinality(v_intakes), cardinality(v_clients);
END;
$$;
