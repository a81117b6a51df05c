-- Issue 12 point 6: a person's situation is on the person. "No identity documents" (Undocumented = 64)
-- and "separated child" (SeparatedChild = 128) are two more bits of clients.vulnerabilities (the
-- Vulnerability flags), so every place that shows or edits vulnerabilities carries them; the separated
-- child's date and whom or where from are two columns beside them.
ALTER TABLE clients ADD COLUMN separated_on date, ADD COLUMN separated_from character varying(200);

-- The triage's answer "the client has no identity documents", set on the client when the case opens.
ALTER TABLE intakes ADD COLUMN no_documents boolean NOT NULL DEFAULT FALSE;
ALTER TABLE intakes ALTER COLUMN no_documents DROP DEFAULT;

-- The client list's filters walk these (newest first, keyset on (created_at, id)); the case list's
-- filters read the ids of the flagged principal clients from them, then the cases through
-- ix_cases_principal_client_id. Partial: only the flagged clients are in them.
CREATE INDEX ix_clients_undocumented_created_at_id ON clients (created_at, id) WHERE ((vulnerabilities & 64) <> 0);
CREATE INDEX ix_clients_separated_child_created_at_id ON clients (created_at, id) WHERE ((vulnerabilities & 128) <> 0);

-- Statistics: the principal client's situation, 0 neither, 1 undocumented, 2 separated child, 3 both.
ALTER TABLE case_facts ADD COLUMN situation smallint NOT NULL DEFAULT 0;
ALTER TABLE case_facts ALTER COLUMN situation DROP DEFAULT; -- no client carries the two new bits yet: 0 is every case's value

CREATE OR REPLACE FUNCTION case_facts_refresh(ids uuid[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO case_facts (case_id, office_id, opened_year, citizenship, incident_country, age_group, sex, outcome, category_ids, forums, situation)
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

-- The principal client's sex, birth, citizenship and now situation.
CREATE OR REPLACE FUNCTION case_facts_on_clients() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT case_facts_enabled() THEN
        RETURN NULL;
    END IF;
    PERFORM case_facts_refresh(ARRAY(
        SELECT c.id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN cases c ON c.principal_client_id = n.id
        WHERE (n.sex, n.birth_date, n.birth_year, n.citizenship, n.vulnerabilities & 192)
              IS DISTINCT FROM (o.sex, o.birth_date, o.birth_year, o.citizenship, o.vulnerabilities & 192)));
    RETURN NULL;
END;
$$;
