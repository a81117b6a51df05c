-- A person's desk and calendar (issue 4, point 8): deadlines and hearings carry their case's lead
-- lawyer and caseworker, so "My deadlines" of a lawyer with thousands of cases reads a few hundred
-- index entries instead of probing every one of their cases. Cases where the person is a further
-- lawyer (case_lawyers, a few per person) are still probed by case. Like the office (0013), the
-- columns are copied by the database, never written by the application: on insert from the case,
-- and again for every row of a case whose office, lead lawyer or caseworker changes.

-- The backfill changes no status or date: the dashboard's counters need not look at it.
SET LOCAL migrantaid.dashboard = 'off';

ALTER TABLE case_deadlines ADD COLUMN case_lead_lawyer_id uuid, ADD COLUMN case_caseworker_id uuid;
ALTER TABLE hearings ADD COLUMN case_lead_lawyer_id uuid, ADD COLUMN case_caseworker_id uuid;

UPDATE case_deadlines d SET case_lead_lawyer_id = c.lead_lawyer_id, case_caseworker_id = c.caseworker_id
FROM cases c WHERE c.id = d.case_id AND (c.lead_lawyer_id IS NOT NULL OR c.caseworker_id IS NOT NULL);
UPDATE hearings h SET case_lead_lawyer_id = c.lead_lawyer_id, case_caseworker_id = c.caseworker_id
FROM cases c WHERE c.id = h.case_id AND (c.lead_lawyer_id IS NOT NULL OR c.caseworker_id IS NOT NULL);

-- A row written with its case's fields already (the generator's COPY, which always writes the office)
-- is kept as written.
CREATE FUNCTION copy_case_fields() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.office_id IS NULL OR TG_OP = 'UPDATE' THEN
        SELECT c.office_id, c.lead_lawyer_id, c.caseworker_id
        INTO NEW.office_id, NEW.case_lead_lawyer_id, NEW.case_caseworker_id
        FROM cases c WHERE c.id = NEW.case_id;
    END IF;
    RETURN NEW;
END;
$$;

DROP TRIGGER case_deadlines_office ON case_deadlines;
DROP TRIGGER hearings_office ON hearings;
DROP FUNCTION copy_case_office();
CREATE TRIGGER case_deadlines_case_fields BEFORE INSERT OR UPDATE OF case_id ON case_deadlines
    FOR EACH ROW EXECUTE FUNCTION copy_case_fields();
CREATE TRIGGER hearings_case_fields BEFORE INSERT OR UPDATE OF case_id ON hearings
    FOR EACH ROW EXECUTE FUNCTION copy_case_fields();

CREATE FUNCTION move_case_dates() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE case_deadlines
    SET office_id = NEW.office_id, case_lead_lawyer_id = NEW.lead_lawyer_id, case_caseworker_id = NEW.caseworker_id
    WHERE case_id = NEW.id;
    UPDATE hearings
    SET office_id = NEW.office_id, case_lead_lawyer_id = NEW.lead_lawyer_id, case_caseworker_id = NEW.caseworker_id
    WHERE case_id = NEW.id;
    RETURN NULL;
END;
$$;

DROP TRIGGER cases_dates_office ON cases;
DROP FUNCTION move_case_dates_office();
CREATE TRIGGER cases_dates_case_fields AFTER UPDATE OF office_id, lead_lawyer_id, caseworker_id ON cases
    FOR EACH ROW WHEN ((OLD.office_id, OLD.lead_lawyer_id, OLD.caseworker_id) IS DISTINCT FROM (NEW.office_id, NEW.lead_lawyer_id, NEW.caseworker_id))
    EXECUTE FUNCTION move_case_dates();

-- The desk reads open deadlines, the calendar those not dismissed, each by person and date.
CREATE INDEX ix_case_deadlines_open_case_lead_lawyer_id_due_on_id ON case_deadlines (case_lead_lawyer_id, due_on, id) WHERE status = 0;
CREATE INDEX ix_case_deadlines_open_case_caseworker_id_due_on_id ON case_deadlines (case_caseworker_id, due_on, id) WHERE status = 0;
CREATE INDEX ix_case_deadlines_case_lead_lawyer_id_due_on_id_not_dismissed ON case_deadlines (case_lead_lawyer_id, due_on, id) WHERE status <> 2;
CREATE INDEX ix_case_deadlines_case_caseworker_id_due_on_id_not_dismissed ON case_deadlines (case_caseworker_id, due_on, id) WHERE status <> 2;
CREATE INDEX ix_hearings_case_lead_lawyer_id_starts_at_id ON hearings (case_lead_lawyer_id, starts_at, id);
CREATE INDEX ix_hearings_case_caseworker_id_starts_at_id ON hearings (case_caseworker_id, starts_at, id);
