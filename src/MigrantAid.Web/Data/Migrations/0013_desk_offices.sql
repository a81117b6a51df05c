-- One office's desk and calendar (issue 4, point 8): deadlines and hearings carry their case's office,
-- so a coordinator's view of an office reads one index range instead of walking every office's dates
-- and probing each row's case. The office is copied by the database (the application never writes
-- it): on insert from the case, and again for every row of a case whose office changes.

ALTER TABLE case_deadlines ADD COLUMN office_id uuid;
ALTER TABLE hearings ADD COLUMN office_id uuid;

UPDATE case_deadlines d SET office_id = c.office_id FROM cases c WHERE c.id = d.case_id;
UPDATE hearings h SET office_id = c.office_id FROM cases c WHERE c.id = h.case_id;

ALTER TABLE case_deadlines ALTER COLUMN office_id SET NOT NULL;
ALTER TABLE hearings ALTER COLUMN office_id SET NOT NULL;

-- A row written with its office already (the generator's COPY) is kept as written.
CREATE FUNCTION copy_case_office() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.office_id IS NULL OR TG_OP = 'UPDATE' THEN
        SELECT c.office_id INTO NEW.office_id FROM cases c WHERE c.id = NEW.case_id;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER case_deadlines_office BEFORE INSERT OR UPDATE OF case_id ON case_deadlines
    FOR EACH ROW EXECUTE FUNCTION copy_case_office();
CREATE TRIGGER hearings_office BEFORE INSERT OR UPDATE OF case_id ON hearings
    FOR EACH ROW EXECUTE FUNCTION copy_case_office();

CREATE FUNCTION move_case_dates_office() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE case_deadlines SET office_id = NEW.office_id WHERE case_id = NEW.id;
    UPDATE hearings SET office_id = NEW.office_id WHERE case_id = NEW.id;
    RETURN NULL;
END;
$$;

CREATE TRIGGER cases_dates_office AFTER UPDATE OF office_id ON cases
    FOR EACH ROW WHEN (OLD.office_id IS DISTINCT FROM NEW.office_id) EXECUTE FUNCTION move_case_dates_office();

CREATE INDEX ix_case_deadlines_open_office_id_due_on_id ON case_deadlines (office_id, due_on, id) WHERE status = 0;
CREATE INDEX ix_case_deadlines_office_id_due_on_id_not_dismissed ON case_deadlines (office_id, due_on, id) WHERE status <> 2;
CREATE INDEX ix_hearings_office_id_starts_at_id ON hearings (office_id, starts_at, id);
