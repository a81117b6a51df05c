-- The dashboard's medians read a histogram of days per (kind, date) over the period: at 1,000,000 cases a
-- year of every office is about 200,000 rows. A covering index lets PostgreSQL read them from the index
-- alone (35 ms instead of 186 ms, measured on the 1,000,000-case data set).
DROP INDEX ix_dashboard_durations_kind_on_date;
CREATE INDEX ix_dashboard_durations_kind_on_date ON dashboard_durations (kind, on_date) INCLUDE (days, cases);
