-- Issue 12, point 3: the UN treaty bodies' follow-up, as deadlines and tasks from rules an administrator edits.
--
-- A submission records when interim measures were requested, whether the committee granted them, when the
-- committee asked for our comments on the state's follow-up reply, and when the follow-up was closed (its
-- result is the existing follow_up column). It names the clients it is for (among its case's clients), and
-- the committee's follow-up assessments are recorded round by round with their A–E grade.
--
-- New trigger events (Domain/Deadlines/DeadlineEnums.cs), numbered apart from the others:
--   20 InterimMeasuresRequested, 21 InterimMeasuresGranted, 22 ViolationFound, 23 FollowUpCommentsRequested
-- unit: 0 CalendarDays, 1 WorkingDays, 2 Months, 3 Years

ALTER TABLE international_submissions ADD COLUMN interim_measures_requested_on date;
ALTER TABLE international_submissions ADD COLUMN interim_measures_granted boolean;
ALTER TABLE international_submissions ADD COLUMN follow_up_comments_requested_on date;
ALTER TABLE international_submissions ADD COLUMN follow_up_closed_on date;

-- A submission granted or refused interim measures before this column existed says so in its result.
UPDATE international_submissions SET interim_measures_granted = (result = 2) WHERE result IN (2, 3);

CREATE TABLE submission_clients (
    submission_id uuid NOT NULL,
    client_id uuid NOT NULL,
    CONSTRAINT pk_submission_clients PRIMARY KEY (submission_id, client_id),
    CONSTRAINT fk_submission_clients_international_submissions_submission_id FOREIGN KEY (submission_id) REFERENCES international_submissions (id) ON DELETE CASCADE,
    CONSTRAINT fk_submission_clients_clients_client_id FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE RESTRICT
);

CREATE INDEX ix_submission_clients_client_id ON submission_clients (client_id);

CREATE TABLE follow_up_rounds (
    id uuid NOT NULL,
    submission_id uuid NOT NULL,
    round integer NOT NULL,
    assessed_on date NOT NULL,
    grade integer NOT NULL,
    note character varying(2000),
    recorded_by uuid NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_follow_up_rounds PRIMARY KEY (id),
    CONSTRAINT fk_follow_up_rounds_international_submissions_submission_id FOREIGN KEY (submission_id) REFERENCES international_submissions (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX ix_follow_up_rounds_submission_id_round ON follow_up_rounds (submission_id, round);

-- Starter rules for six committees (the Committee on Migrant Workers' individual procedure is not in force).
-- EXAMPLES to confirm, like every shipped rule: the committee's own letter or views set the actual time limit,
-- which wins. The legal basis cites the committees' rules of procedure generally, on purpose.
INSERT INTO deadline_rules (name, name_ru, forum, procedure, trigger, proceeding_type, instance, period, unit, legal_basis, legal_basis_ru, notes, needs_verification, is_active)
SELECT s.name || ' (' || b.name || ')', s.name_ru || ' (' || b.name_ru || ')', b.code, s.procedure, s.trigger, NULL, NULL, s.period, s.unit,
       b.rules || ': ' || s.basis, b.rules_ru || ': ' || s.basis_ru, s.notes, TRUE, TRUE
FROM (VALUES
    ('CRC', 'Committee on the Rights of the Child', 'Комитет по правам ребёнка',
        'Rules of procedure under the Optional Protocol on a communications procedure', 'Правила процедуры согласно Факультативному протоколу, касающемуся процедуры сообщений'),
    ('CESCR', 'Committee on Economic, Social and Cultural Rights', 'Комитет по экономическим, социальным и культурным правам',
        'Rules of procedure under the Optional Protocol to the Covenant', 'Правила процедуры согласно Факультативному протоколу к Пакту'),
    ('CEDAW', 'Committee on the Elimination of Discrimination against Women', 'Комитет по ликвидации дискриминации в отношении женщин',
        'Rules of procedure under the Optional Protocol to the Convention', 'Правила процедуры согласно Факультативному протоколу к Конвенции'),
    ('CERD', 'Committee on the Elimination of Racial Discrimination', 'Комитет по ликвидации расовой дискриминации',
        'Rules of procedure of the Committee on the Elimination of Racial Discrimination', 'Правила процедуры Комитета по ликвидации расовой дискриминации'),
    ('CCPR', 'Human Rights Committee', 'Комитет по правам человека',
        'Rules of procedure of the Human Rights Committee', 'Правила процедуры Комитета по правам человека'),
    ('CAT', 'Committee against Torture', 'Комитет против пыток',
        'Rules of procedure of the Committee against Torture', 'Правила процедуры Комитета против пыток')
) AS b(code, name, name_ru, rules, rules_ru)
CROSS JOIN (VALUES
    (1, 20, 'Check the committee''s answer to the interim-measures request', 'Проверить ответ комитета на просьбу о временных мерах',
        'Interim measures', 2, 1, 'interim measures', 'временные меры',
        'Committees usually answer an urgent request within days: check the secretariat''s letters and e-mail, and call if nothing came. Enter the decision''s date and the answer on the submission.'),
    (2, 21, 'Check and report the State''s compliance with the interim measures', 'Проверить соблюдение государством временных мер и сообщить комитету',
        'Interim measures', 7, 0, 'interim measures', 'временные меры',
        'Tell the committee AT ONCE of any breach (a removal carried out or imminent): do not wait for this date. By this date, check with the client and the authorities whether the State complies, and report it in writing.'),
    (3, 22, 'The State''s reply on the measures taken to give effect to the views (180 days)', 'Ответ государства о мерах по выполнению соображений (180 дней)',
        'Follow-up to views', 180, 0, 'follow-up to views', 'последующие меры в связи с соображениями',
        'The views invite the State party to inform the committee within 180 days of the measures taken; the time limit written in the views wins. Counted here from the date of the views; the committee counts from their transmission to the State. If no reply comes, tell the committee.'),
    (4, 23, 'Our comments on the State''s follow-up reply', 'Наши комментарии к ответу государства о последующих мерах',
        'Follow-up to views', 2, 2, 'follow-up to views', 'последующие меры в связи с соображениями',
        'Counted from the date of the committee''s request for comments; the time limit in its letter wins. Ask for an extension in writing before it ends if needed.')
) AS s(ord, trigger, name, name_ru, procedure, period, unit, basis, basis_ru, notes)
ORDER BY s.ord, b.code;
