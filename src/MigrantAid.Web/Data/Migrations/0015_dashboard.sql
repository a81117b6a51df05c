-- Issue 5: the coordinator dashboard's pre-aggregates, kept correct by triggers.
-- Every table holds counts by a small key; the dashboard sums a few hundred rows instead of
-- grouping 1,000,000 cases. dashboard_rebuild() recomputes them all from the base tables (the
-- backfill below, and the last step of `generate`, which loads with the triggers switched off
-- through the session setting migrantaid.dashboard = 'off').
-- Conventions: "open" = status <> 2 (Closed); no lead lawyer = the all-zero uuid; no citizenship = ''.
-- Weeks start on Monday; an intake's week and dates are its office's local dates.

CREATE TABLE dashboard_open_cases (
    office_id uuid NOT NULL,
    status integer NOT NULL,
    lead_lawyer_id uuid NOT NULL,
    is_urgent boolean NOT NULL,
    cases integer NOT NULL,
    CONSTRAINT pk_dashboard_open_cases PRIMARY KEY (office_id, status, lead_lawyer_id, is_urgent)
);

CREATE TABLE dashboard_open_categories (
    office_id uuid NOT NULL,
    category_id integer NOT NULL,
    cases integer NOT NULL,
    CONSTRAINT pk_dashboard_open_categories PRIMARY KEY (office_id, category_id)
);

CREATE TABLE dashboard_open_citizenships (
    office_id uuid NOT NULL,
    citizenship character varying(2) NOT NULL,
    cases integer NOT NULL,
    CONSTRAINT pk_dashboard_open_citizenships PRIMARY KEY (office_id, citizenship)
);

CREATE TABLE dashboard_open_deadlines (
    office_id uuid NOT NULL,
    lead_lawyer_id uuid NOT NULL,
    due_on date NOT NULL,
    deadlines integer NOT NULL,
    CONSTRAINT pk_dashboard_open_deadlines PRIMARY KEY (office_id, lead_lawyer_id, due_on)
);

CREATE TABLE dashboard_weeks (
    office_id uuid NOT NULL,
    week_start date NOT NULL,
    intakes integer NOT NULL,
    closed integer NOT NULL,
    CONSTRAINT pk_dashboard_weeks PRIMARY KEY (office_id, week_start)
);

CREATE TABLE dashboard_durations (
    office_id uuid NOT NULL,
    kind integer NOT NULL,
    on_date date NOT NULL,
    days integer NOT NULL,
    cases integer NOT NULL,
    CONSTRAINT pk_dashboard_durations PRIMARY KEY (office_id, kind, on_date, days)
);

CREATE TABLE dashboard_first_assignments (
    case_id uuid NOT NULL,
    office_id uuid NOT NULL,
    assigned_on date NOT NULL,
    days integer NOT NULL,
    CONSTRAINT pk_dashboard_first_assignments PRIMARY KEY (case_id)
);

-- Migration documents (with an expiry date) of the clients on open cases, per office: open_cases is how
-- many open cases of that office the client is on (any role); the dashboard counts distinct clients.
CREATE TABLE dashboard_open_client_documents (
    office_id uuid NOT NULL,
    document_id uuid NOT NULL,
    client_id uuid NOT NULL,
    expires_on date NOT NULL,
    open_cases integer NOT NULL,
    CONSTRAINT pk_dashboard_open_client_documents PRIMARY KEY (office_id, document_id)
);

CREATE INDEX ix_dashboard_client_documents_expires_on ON dashboard_open_client_documents (expires_on, office_id, client_id);

CREATE INDEX ix_dashboard_open_deadlines_due_on ON dashboard_open_deadlines (due_on);

CREATE INDEX ix_dashboard_durations_kind_on_date ON dashboard_durations (kind, on_date);

CREATE INDEX ix_dashboard_first_assignments_assigned_on_case_id ON dashboard_first_assignments (assigned_on, case_id);

-- The drill-down lists: decisions and submissions by date, intakes by submission instant per office,
-- cases by closing date.
CREATE INDEX ix_court_decisions_decided_on ON court_decisions (decided_on);

CREATE INDEX ix_international_submissions_final_decision_on ON international_submissions (final_decision_on);

CREATE INDEX ix_intakes_office_id_submitted_at ON intakes (office_id, submitted_at);

-- (office_id, submitted_at) serves the foreign key as well.
DROP INDEX ix_intakes_office_id;

CREATE INDEX ix_cases_closed_on_id ON cases (closed_on, id);

-- Helpers ------------------------------------------------------------------------------------------

CREATE FUNCTION dashboard_off() RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT coalesce(current_setting('migrantaid.dashboard', true), '') = 'off' $$;

CREATE FUNCTION dashboard_week(d date) RETURNS date LANGUAGE sql IMMUTABLE AS
$$ SELECT d - (extract(isodow FROM d)::int - 1) $$;

-- The local date of an instant in an office's zone (offices hold IANA zone names, which PostgreSQL knows).
CREATE FUNCTION dashboard_local_date(at timestamptz, zone text) RETURNS date LANGUAGE sql STABLE AS
$$ SELECT (at AT TIME ZONE zone)::date $$;

-- The intake date of a case: its intake's submission, as a date of the case's office (the opening date if none).
CREATE FUNCTION dashboard_intake_date(p_intake uuid, p_office uuid, p_opened date) RETURNS date LANGUAGE sql STABLE AS
$$
    SELECT coalesce(
        (SELECT dashboard_local_date(i.submitted_at, o.time_zone_id)
         FROM intakes i JOIN offices o ON o.id = p_office
         WHERE i.id = p_intake AND i.submitted_at IS NOT NULL),
        p_opened)
$$;

-- A case's whole contribution, added (sign 1) or taken away (sign -1).
CREATE FUNCTION dashboard_case_apply(r cases, sign integer) RETURNS void LANGUAGE plpgsql AS
$$
DECLARE
    v_lead uuid := coalesce(r.lead_lawyer_id, '00000000-0000-0000-0000-000000000000');
BEGIN
    IF r.status <> 2 THEN
        INSERT INTO dashboard_open_cases AS t VALUES (r.office_id, r.status, v_lead, r.is_urgent, sign)
        ON CONFLICT (office_id, status, lead_lawyer_id, is_urgent) DO UPDATE SET cases = t.cases + sign;

        INSERT INTO dashboard_open_citizenships AS t
        VALUES (r.office_id, coalesce((SELECT c.citizenship FROM clients c WHERE c.id = r.principal_client_id), ''), sign)
        ON CONFLICT (office_id, citizenship) DO UPDATE SET cases = t.cases + sign;

        INSERT INTO dashboard_open_categories AS t
        SELECT r.office_id, cc.category_id, sign FROM case_categories cc WHERE cc.case_id = r.id
        ON CONFLICT (office_id, category_id) DO UPDATE SET cases = t.cases + sign;

        INSERT INTO dashboard_open_deadlines AS t
        SELECT r.office_id, v_lead, d.due_on, sign * count(*)::int
        FROM case_deadlines d WHERE d.case_id = r.id AND d.status = 0 GROUP BY d.due_on
        ON CONFLICT (office_id, lead_lawyer_id, due_on) DO UPDATE SET deadlines = t.deadlines + excluded.deadlines;

        INSERT INTO dashboard_open_client_documents AS t
        SELECT r.office_id, d.id, d.client_id, d.expires_on, sign
        FROM case_clients cc JOIN migration_documents d ON d.client_id = cc.client_id
        WHERE cc.case_id = r.id AND d.expires_on IS NOT NULL
        ON CONFLICT (office_id, document_id) DO UPDATE SET open_cases = t.open_cases + sign;
    ELSIF r.closed_on IS NOT NULL THEN
        INSERT INTO dashboard_weeks AS t VALUES (r.office_id, dashboard_week(r.closed_on), 0, sign)
        ON CONFLICT (office_id, week_start) DO UPDATE SET closed = t.closed + sign;

        INSERT INTO dashboard_durations AS t
        VALUES (r.office_id, 1, r.closed_on, r.closed_on - dashboard_intake_date(r.intake_id, r.office_id, r.opened_on), sign)
        ON CONFLICT (office_id, kind, on_date, days) DO UPDATE SET cases = t.cases + sign;
    END IF;
END
$$;

-- Triggers -----------------------------------------------------------------------------------------

CREATE FUNCTION dashboard_cases_changed() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    IF dashboard_off() THEN
        RETURN coalesce(NEW, OLD);
    END IF;

    IF TG_OP = 'INSERT' THEN
        PERFORM dashboard_case_apply(NEW, 1);
    ELSIF TG_OP = 'UPDATE' THEN
        IF (OLD.status, OLD.office_id, OLD.lead_lawyer_id, OLD.is_urgent, OLD.principal_client_id, OLD.closed_on, OLD.intake_id)
           IS DISTINCT FROM (NEW.status, NEW.office_id, NEW.lead_lawyer_id, NEW.is_urgent, NEW.principal_client_id, NEW.closed_on, NEW.intake_id) THEN
            PERFORM dashboard_case_apply(OLD, -1);
            PERFORM dashboard_case_apply(NEW, 1);
        END IF;
    ELSE
        -- BEFORE DELETE: the case's categories and deadlines are still there to be taken away.
        PERFORM dashboard_case_apply(OLD, -1);
        UPDATE dashboard_durations t SET cases = t.cases - 1
        FROM dashboard_first_assignments f
        WHERE f.case_id = OLD.id AND t.office_id = f.office_id AND t.kind = 0 AND t.on_date = f.assigned_on AND t.days = f.days;
        DELETE FROM dashboard_first_assignments WHERE case_id = OLD.id;
        RETURN OLD;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER dashboard_cases_insert_update AFTER INSERT OR UPDATE ON cases
    FOR EACH ROW EXECUTE FUNCTION dashboard_cases_changed();

CREATE TRIGGER dashboard_cases_delete BEFORE DELETE ON cases
    FOR EACH ROW EXECUTE FUNCTION dashboard_cases_changed();

CREATE FUNCTION dashboard_case_categories_changed() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    IF dashboard_off() THEN
        RETURN NULL;
    END IF;

    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        INSERT INTO dashboard_open_categories AS t
        SELECT k.office_id, OLD.category_id, -1 FROM cases k WHERE k.id = OLD.case_id AND k.status <> 2
        ON CONFLICT (office_id, category_id) DO UPDATE SET cases = t.cases - 1;
    END IF;

    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO dashboard_open_categories AS t
        SELECT k.office_id, NEW.category_id, 1 FROM cases k WHERE k.id = NEW.case_id AND k.status <> 2
        ON CONFLICT (office_id, category_id) DO UPDATE SET cases = t.cases + 1;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER dashboard_case_categories_changed AFTER INSERT OR UPDATE OR DELETE ON case_categories
    FOR EACH ROW EXECUTE FUNCTION dashboard_case_categories_changed();

CREATE FUNCTION dashboard_case_deadlines_changed() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    IF dashboard_off() THEN
        RETURN NULL;
    END IF;

    IF TG_OP = 'UPDATE' AND (OLD.status, OLD.due_on, OLD.case_id) IS NOT DISTINCT FROM (NEW.status, NEW.due_on, NEW.case_id) THEN
        RETURN NULL;
    END IF;

    IF TG_OP IN ('DELETE', 'UPDATE') AND OLD.status = 0 THEN
        INSERT INTO dashboard_open_deadlines AS t
        SELECT k.office_id, coalesce(k.lead_lawyer_id, '00000000-0000-0000-0000-000000000000'), OLD.due_on, -1
        FROM cases k WHERE k.id = OLD.case_id AND k.status <> 2
        ON CONFLICT (office_id, lead_lawyer_id, due_on) DO UPDATE SET deadlines = t.deadlines - 1;
    END IF;

    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 0 THEN
        INSERT INTO dashboard_open_deadlines AS t
        SELECT k.office_id, coalesce(k.lead_lawyer_id, '00000000-0000-0000-0000-000000000000'), NEW.due_on, 1
        FROM cases k WHERE k.id = NEW.case_id AND k.status <> 2
        ON CONFLICT (office_id, lead_lawyer_id, due_on) DO UPDATE SET deadlines = t.deadlines + 1;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER dashboard_case_deadlines_changed AFTER INSERT OR UPDATE OR DELETE ON case_deadlines
    FOR EACH ROW EXECUTE FUNCTION dashboard_case_deadlines_changed();

CREATE FUNCTION dashboard_clients_changed() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    IF dashboard_off() OR OLD.citizenship IS NOT DISTINCT FROM NEW.citizenship THEN
        RETURN NULL;
    END IF;

    INSERT INTO dashboard_open_citizenships AS t
    SELECT k.office_id, coalesce(OLD.citizenship, ''), -count(*)::int
    FROM cases k WHERE k.principal_client_id = NEW.id AND k.status <> 2 GROUP BY k.office_id
    ON CONFLICT (office_id, citizenship) DO UPDATE SET cases = t.cases + excluded.cases;

    INSERT INTO dashboard_open_citizenships AS t
    SELECT k.office_id, coalesce(NEW.citizenship, ''), count(*)::int
    FROM cases k WHERE k.principal_client_id = NEW.id AND k.status <> 2 GROUP BY k.office_id
    ON CONFLICT (office_id, citizenship) DO UPDATE SET cases = t.cases + excluded.cases;
    RETURN NULL;
END
$$;

CREATE TRIGGER dashboard_clients_changed AFTER UPDATE OF citizenship ON clients
    FOR EACH ROW EXECUTE FUNCTION dashboard_clients_changed();

CREATE FUNCTION dashboard_intakes_changed() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    IF dashboard_off() THEN
        RETURN NULL;
    END IF;

    IF TG_OP = 'UPDATE' AND (OLD.submitted_at, OLD.office_id) IS NOT DISTINCT FROM (NEW.submitted_at, NEW.office_id) THEN
        RETURN NULL;
    END IF;

    IF TG_OP IN ('DELETE', 'UPDATE') AND OLD.submitted_at IS NOT NULL THEN
        INSERT INTO dashboard_weeks AS t
        SELECT o.id, dashboard_week(dashboard_local_date(OLD.submitted_at, o.time_zone_id)), -1, 0 FROM offices o WHERE o.id = OLD.office_id
        ON CONFLICT (office_id, week_start) DO UPDATE SET intakes = t.intakes - 1;
    END IF;

    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.submitted_at IS NOT NULL THEN
        INSERT INTO dashboard_weeks AS t
        SELECT o.id, dashboard_week(dashboard_local_date(NEW.submitted_at, o.time_zone_id)), 1, 0 FROM offices o WHERE o.id = NEW.office_id
        ON CONFLICT (office_id, week_start) DO UPDATE SET intakes = t.intakes + 1;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER dashboard_intakes_changed AFTER INSERT OR UPDATE OR DELETE ON intakes
    FOR EACH ROW EXECUTE FUNCTION dashboard_intakes_changed();

-- An assignment event names somebody (the generator's and every Assign() since); the first one of a
-- case sets its intake -> assignment days.
CREATE FUNCTION dashboard_is_assignment(details jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS
$$
    SELECT details IS NULL OR details -> 'after' IS NULL
        OR jsonb_typeof(details -> 'after' -> 'caseworker') = 'string'
        OR jsonb_typeof(details -> 'after' -> 'lead') = 'string'
        OR coalesce(jsonb_array_length(CASE WHEN jsonb_typeof(details -> 'after' -> 'lawyers') = 'array' THEN details -> 'after' -> 'lawyers' END), 0) > 0
$$;

CREATE FUNCTION dashboard_case_events_inserted() RETURNS trigger LANGUAGE plpgsql AS
$$
DECLARE
    k cases%ROWTYPE;
    v_zone text;
    v_assigned date;
    v_days integer;
BEGIN
    IF dashboard_off() OR NEW.kind <> 2 OR NOT dashboard_is_assignment(NEW.details)
       OR EXISTS (SELECT 1 FROM dashboard_first_assignments f WHERE f.case_id = NEW.case_id) THEN
        RETURN NULL;
    END IF;

    SELECT * INTO k FROM cases WHERE id = NEW.case_id;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;

    SELECT time_zone_id INTO v_zone FROM offices WHERE id = k.office_id;
    v_assigned := dashboard_local_date(NEW.occurred_at, v_zone);
    v_days := v_assigned - dashboard_intake_date(k.intake_id, k.office_id, k.opened_on);
    INSERT INTO dashboard_first_assignments VALUES (k.id, k.office_id, v_assigned, v_days);
    INSERT INTO dashboard_durations AS t VALUES (k.office_id, 0, v_assigned, v_days, 1)
    ON CONFLICT (office_id, kind, on_date, days) DO UPDATE SET cases = t.cases + 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER dashboard_case_events_inserted AFTER INSERT ON case_events
    FOR EACH ROW EXECUTE FUNCTION dashboard_case_events_inserted();

CREATE FUNCTION dashboard_case_clients_changed() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    IF dashboard_off() THEN
        RETURN NULL;
    END IF;

    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        INSERT INTO dashboard_open_client_documents AS t
        SELECT k.office_id, d.id, d.client_id, d.expires_on, -1
        FROM cases k JOIN migration_documents d ON d.client_id = OLD.client_id
        WHERE k.id = OLD.case_id AND k.status <> 2 AND d.expires_on IS NOT NULL
        ON CONFLICT (office_id, document_id) DO UPDATE SET open_cases = t.open_cases - 1;
    END IF;

    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO dashboard_open_client_documents AS t
        SELECT k.office_id, d.id, d.client_id, d.expires_on, 1
        FROM cases k JOIN migration_documents d ON d.client_id = NEW.client_id
        WHERE k.id = NEW.case_id AND k.status <> 2 AND d.expires_on IS NOT NULL
        ON CONFLICT (office_id, document_id) DO UPDATE SET open_cases = t.open_cases + 1;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER dashboard_case_clients_changed AFTER INSERT OR UPDATE OR DELETE ON case_clients
    FOR EACH ROW EXECUTE FUNCTION dashboard_case_clients_changed();

CREATE FUNCTION dashboard_migration_documents_changed() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    IF dashboard_off() THEN
        RETURN NULL;
    END IF;

    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        DELETE FROM dashboard_open_client_documents WHERE document_id = OLD.id;
    END IF;

    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.expires_on IS NOT NULL THEN
        INSERT INTO dashboard_open_client_documents
        SELECT k.office_id, NEW.id, NEW.client_id, NEW.expires_on, count(*)::int
        FROM case_clients cc JOIN cases k ON k.id = cc.case_id
        WHERE cc.client_id = NEW.client_id AND k.status <> 2
        GROUP BY k.office_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER dashboard_migration_documents_changed AFTER INSERT OR UPDATE OR DELETE ON migration_documents
    FOR EACH ROW EXECUTE FUNCTION dashboard_migration_documents_changed();

-- Recomputes everything from the base tables (the backfill; the end of `generate`; an office's new zone).
CREATE FUNCTION dashboard_rebuild() RETURNS void LANGUAGE plpgsql AS
$$
BEGIN
    DELETE FROM dashboard_open_cases;
    DELETE FROM dashboard_open_categories;
    DELETE FROM dashboard_open_citizenships;
    DELETE FROM dashboard_open_deadlines;
    DELETE FROM dashboard_weeks;
    DELETE FROM dashboard_durations;
    DELETE FROM dashboard_first_assignments;
    DELETE FROM dashboard_open_client_documents;

    INSERT INTO dashboard_open_cases
    SELECT office_id, status, coalesce(lead_lawyer_id, '00000000-0000-0000-0000-000000000000'), is_urgent, count(*)
    FROM cases WHERE status <> 2 GROUP BY 1, 2, 3, 4;

    INSERT INTO dashboard_open_categories
    SELECT k.office_id, cc.category_id, count(*)
    FROM cases k JOIN case_categories cc ON cc.case_id = k.id WHERE k.status <> 2 GROUP BY 1, 2;

    INSERT INTO dashboard_open_citizenships
    SELECT k.office_id, coalesce(c.citizenship, ''), count(*)
    FROM cases k JOIN clients c ON c.id = k.principal_client_id WHERE k.status <> 2 GROUP BY 1, 2;

    INSERT INTO dashboard_open_deadlines
    SELECT k.office_id, coalesce(k.lead_lawyer_id, '00000000-0000-0000-0000-000000000000'), d.due_on, count(*)
    FROM case_deadlines d JOIN cases k ON k.id = d.case_id
    WHERE d.status = 0 AND k.status <> 2 GROUP BY 1, 2, 3;

    INSERT INTO dashboard_open_client_documents
    SELECT k.office_id, d.id, d.client_id, d.expires_on, count(*)
    FROM cases k JOIN case_clients cc ON cc.case_id = k.id JOIN migration_documents d ON d.client_id = cc.client_id
    WHERE k.status <> 2 AND d.expires_on IS NOT NULL GROUP BY 1, 2, 3, 4;

    INSERT INTO dashboard_weeks (office_id, week_start, intakes, closed)
    SELECT office_id, week_start, sum(intakes), sum(closed) FROM (
        SELECT i.office_id, dashboard_week(dashboard_local_date(i.submitted_at, o.time_zone_id)) AS week_start, 1 AS intakes, 0 AS closed
        FROM intakes i JOIN offices o ON o.id = i.office_id WHERE i.submitted_at IS NOT NULL
        UNION ALL
        SELECT office_id, dashboard_week(closed_on), 0, 1 FROM cases WHERE status = 2 AND closed_on IS NOT NULL
    ) w GROUP BY 1, 2;

    INSERT INTO dashboard_first_assignments
    SELECT k.id, k.office_id, a.assigned_on,
           a.assigned_on - coalesce(dashboard_local_date(i.submitted_at, o.time_zone_id), k.opened_on)
    FROM (
        SELECT DISTINCT ON (e.case_id) e.case_id, e.occurred_at
        FROM case_events e WHERE e.kind = 2 AND dashboard_is_assignment(e.details)
        ORDER BY e.case_id, e.id
    ) f
    JOIN cases k ON k.id = f.case_id
    JOIN offices o ON o.id = k.office_id
    JOIN intakes i ON i.id = k.intake_id
    CROSS JOIN LATERAL (SELECT dashboard_local_date(f.occurred_at, o.time_zone_id) AS assigned_on) a;

    INSERT INTO dashboard_durations
    SELECT office_id, 0, assigned_on, days, count(*) FROM dashboard_first_assignments GROUP BY 1, 2, 3, 4;

    INSERT INTO dashboard_durations
    SELECT k.office_id, 1, k.closed_on,
           k.closed_on - coalesce(dashboard_local_date(i.submitted_at, o.time_zone_id), k.opened_on), count(*)
    FROM cases k JOIN offices o ON o.id = k.office_id JOIN intakes i ON i.id = k.intake_id
    WHERE k.status = 2 AND k.closed_on IS NOT NULL GROUP BY 1, 2, 3, 4;
END
$$;

CREATE FUNCTION dashboard_offices_changed() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    IF NOT dashboard_off() AND OLD.time_zone_id IS DISTINCT FROM NEW.time_zone_id THEN
        PERFORM dashboard_rebuild();
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER dashboard_offices_changed AFTER UPDATE OF time_zone_id ON offices
    FOR EACH ROW EXECUTE FUNCTION dashboard_offices_changed();

SELECT dashboard_rebuild();
