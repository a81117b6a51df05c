-- 0006: an office code starts the office's case references, so no two offices share one.
-- Offices without a code (empty) are exempt until an administrator gives them one.

CREATE UNIQUE INDEX ix_offices_code ON offices (code) WHERE code <> '';
