-- 0005: indexes for the case list's filters and sorts (issue 3, lists and search) that 0004 lacks.
-- Sorting by priority walks (priority, opened_on, id); "urgent only" walks a partial index of the
-- urgent cases in list order; a reference prefix ("SPB-2026-00") is a LIKE 'prefix%' that the
-- unique index on reference serves only under the C collation, so a pattern-ops index serves it
-- under any database collation; the citizenship filter finds the principal clients of a country
-- through clients (citizenship, id), then their cases through ix_cases_principal_client_id.

CREATE INDEX ix_cases_priority_opened_on_id ON cases (priority, opened_on, id);

CREATE INDEX ix_cases_urgent_opened_on_id ON cases (opened_on, id) WHERE is_urgent;

CREATE INDEX ix_cases_reference_pattern ON cases (reference varchar_pattern_ops);

CREATE INDEX ix_clients_citizenship_id ON clients (citizenship, id);
