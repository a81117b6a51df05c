-- Issue 15: what is left of a person after anonymisation (docs/adr/0024-search-words-go-with-the-people-they-name.md).
--
-- 1. privacy_anonymise (0030) also returns the match-key words of the names it cleared (clients and respondents),
--    so that the application removes, in the same transaction, the saved filters, export approvals and export
--    audit details whose typed search or reason holds one of them (the application computes match keys, ADR 0006).
-- 2. audit_events_redact_search: the third door of the append-only audit trail. It only replaces the typed search
--    ("q", and "q=" inside "filters") and the reason of export entries with a dash; the application says which
--    entries, the function decides what goes, so a caller cannot write anything into an entry.
-- 3. name_words_prune: the dictionary of match-key words (0026) kept a word after the last person holding it
--    was anonymised, so a rare surname stayed readable in a dump. The retention run and an erasure prune the
--    words no one holds any more, under an exclusive advisory lock that name_word_ids takes shared: a client
--    saved at the same moment with that word waits, and its word is added again.

DROP FUNCTION privacy_anonymise(uuid[], uuid[], uuid[], timestamp with time zone);

-- As in 0030, and returns the distinct words of the cleared names.
CREATE FUNCTION privacy_anonymise(p_cases uuid[], p_intakes uuid[], p_clients uuid[], p_at timestamp with time zone)
RETURNS TABLE (case_count integer, intake_count integer, client_count integer, words text[])
LANGUAGE plpgsql SET jit = off AS $$
DECLARE
    v_cases uuid[];
    v_intakes uuid[];
    v_clients uuid[];
    v_facts text := coalesce(current_setting('migrantaid.case_facts', true), '');
    v_words text := coalesce(current_setting('migrantaid.name_words', true), '');
    v_cleared text[];
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
    v_cleared := ARRAY(
        SELECT n.word FROM respondents r JOIN respondent_name_words rw ON rw.respondent_id = r.id JOIN name_words n ON n.id = rw.word_id
        WHERE r.intake_id = ANY (v_intakes));
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

    v_cleared := v_cleared || ARRAY(
        SELECT n.word FROM client_name_words cw JOIN name_words n ON n.id = cw.word_id WHERE cw.client_id = ANY (v_clients));
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

    RETURN QUERY SELECT cardinality(v_cases), cardinality(v_intakes), cardinality(v_clients),
        ARRAY(SELECT DISTINCT w FROM unnest(v_cleared) w ORDER BY w);
END;
$$;

CREATE FUNCTION privacy_strip_search(d jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN d IS NULL OR jsonb_typeof(d) <> 'object' THEN d
        ELSE d || jsonb_strip_nulls(jsonb_build_object(
            'q', CASE WHEN coalesce(d ->> 'q', '') NOT IN ('', '—') THEN '—' END,
            'reason', CASE WHEN coalesce(d ->> 'reason', '') NOT IN ('', '—') THEN '—' END,
            'filters', CASE WHEN jsonb_typeof(d -> 'filters') = 'string'
                            THEN regexp_replace(d ->> 'filters', '(^|[?&])q=[^&]*', '\1q=%E2%80%94', 'g') END))
    END;
$$;

CREATE FUNCTION audit_events_redact_search(p_ids bigint[]) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    n bigint;
BEGIN
    PERFORM set_config('migrantaid.audit_change', 'redact', true);
    UPDATE audit_events SET details = privacy_strip_search(details)
    WHERE id = ANY (p_ids)
      AND action IN ('case.exported', 'export.approval-requested', 'export.approved', 'export.refused', 'export.approved-downloaded')
      AND details IS DISTINCT FROM privacy_strip_search(details);
    GET DIAGNOSTICS n = ROW_COUNT;
    PERFORM set_config('migrantaid.audit_change', '', true);
    RETURN n;
END;
$$;

-- Any number works as long as nothing else uses it: the dictionary's lock, shared by writers, exclusive for a prune.
CREATE OR REPLACE FUNCTION name_word_ids(p_key text) RETURNS integer[] LANGUAGE plpgsql AS $$
DECLARE
    v_words text[] := ARRAY(SELECT DISTINCT w FROM regexp_split_to_table(p_key, ' ') w WHERE w <> '');
BEGIN
    PERFORM pg_advisory_xact_lock_shared(15026);
    INSERT INTO name_words (word) SELECT unnest(v_words) ON CONFLICT (word) DO NOTHING;
    RETURN ARRAY(SELECT n.id FROM name_words n WHERE n.word = ANY (v_words));
END;
$$;

-- Removes the dictionary words no client and no respondent holds; returns how many. Meant for its own short
-- transaction after anonymisation has committed.
CREATE FUNCTION name_words_prune() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    n bigint;
BEGIN
    PERFORM pg_advisory_xact_lock(15026);
    DELETE FROM name_words w
    WHERE NOT EXISTS (SELECT 1 FROM client_name_words cw WHERE cw.word_id = w.id)
      AND NOT EXISTS (SELECT 1 FROM respondent_name_words rw WHERE rw.word_id = w.id);
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END;
$$;
