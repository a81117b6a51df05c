-- Issue 4: starter deadline rules (domain.md) and non-working days for Russia, Kazakhstan and
-- Kyrgyzstan in 2026 and 2027. Everything here is an EXAMPLE marked needs_verification: the
-- organisation's lawyers confirm each rule and each year's days on the admin pages.
--
-- Enum values as stored (see Domain/Deadlines/DeadlineEnums.cs, Domain/Proceedings/ProceedingEnums.cs):
--   trigger:         0 DecisionReceived, 1 DecisionInFinalForm, 2 PersonLearnedOfDecision, 3 HearingSet,
--                    4 DomesticRemediesExhausted, 5 FinalDomesticDecision
--   proceeding_type: 0 Civil, 1 AdministrativeCase, 2 AdministrativeOffence
--   instance:        0 FirstInstance, 1 Appeal
--   unit:            0 CalendarDays, 1 WorkingDays, 2 Months, 3 Years
--   kind (calendar): 0 Holiday (a non-working day), 1 WorkingDay (a Saturday or Sunday that is worked)

-- ---- Deadline rules (ids kept stable; new rules continue from 1001) --------------------------------

INSERT INTO deadline_rules (id, name, forum, procedure, trigger, proceeding_type, instance, period, unit, legal_basis, notes, needs_verification, is_active) VALUES
(1, 'Appeal against a decision in an administrative-offence case (including administrative expulsion)', 'RU',
    'Complaint against a decision in a case of an administrative offence', 0, 2, 0, 10, 0,
    'Code of Administrative Offences of the Russian Federation, art. 30.3(1); periods: art. 4.8',
    'Ten days from the day the copy of the decision was handed over or received. Verify: article 4.8 on counting periods was amended in 2023 (Federal Law No. 122-FZ); check whether this period is counted in calendar days (as here) or without non-working days, and change the unit if so.',
    TRUE, TRUE),
(2, 'Civil appeal', 'RU',
    'Appeal against a first-instance decision in a civil case', 1, 0, 0, 1, 2,
    'Code of Civil Procedure of the Russian Federation, art. 321(2); periods: arts. 107–108',
    'One month from the day the decision was made in its final (reasoned) form.',
    TRUE, TRUE),
(3, 'Appeal in an administrative-procedure case', 'RU',
    'Appeal against a first-instance decision under the Code of Administrative Procedure', 1, 1, 0, 1, 2,
    'Code of Administrative Procedure of the Russian Federation, art. 298(1); periods: arts. 92–93',
    'One month from the decision in its final form. Verify: some categories of administrative cases have shorter appeal periods in their own chapters of the Code; add separate rules for the ones you handle.',
    TRUE, TRUE),
(4, 'Challenge to a decision of a state body (e.g. an entry ban)', 'RU',
    'Administrative claim against a decision, action or inaction of a state body or official', 2, NULL, NULL, 3, 2,
    'Code of Administrative Procedure of the Russian Federation, art. 219(1)',
    'Three months from the day the person learned that their rights were violated. Verify: shorter periods apply to some decisions under the same article and under special laws; a period missed for a good reason can be restored by the court.',
    TRUE, TRUE),
(5, 'Cassation in a civil case', 'RU',
    'Cassation complaint against first-instance and appeal rulings in a civil case', 1, 0, 1, 3, 2,
    'Code of Civil Procedure of the Russian Federation, art. 376.1(1)',
    'Verify: the Code counts three months from the day the rulings under appeal entered into force, and an appeal ruling enters into force on the day it is given, which can be earlier than its final form. If so, move the computed date with that reason.',
    TRUE, TRUE),
(6, 'Cassation in an administrative-procedure case', 'RU',
    'Cassation complaint against first-instance and appeal rulings under the Code of Administrative Procedure', 1, 1, 1, 6, 2,
    'Code of Administrative Procedure of the Russian Federation, art. 318(2)',
    'Verify: the Code counts six months from the day the rulings under appeal entered into force, which for an appeal ruling is the day it is given and can be earlier than its final form. If so, move the computed date with that reason.',
    TRUE, TRUE),
(7, 'Individual communication to the Committee on the Rights of the Child', 'CRC',
    'Communication under the Optional Protocol on a communications procedure', 4, NULL, NULL, 1, 3,
    'Optional Protocol to the Convention on the Rights of the Child on a communications procedure, art. 7(h)',
    'Inadmissible if not submitted within one year after domestic remedies were exhausted, unless the author shows it was not possible to submit within that time. The State must be a party to the Protocol.',
    TRUE, TRUE),
(8, 'Individual communication to the Committee on the Elimination of Racial Discrimination', 'CERD',
    'Communication under article 14 of the Convention', 4, NULL, NULL, 6, 2,
    'International Convention on the Elimination of All Forms of Racial Discrimination, art. 14(5); rules of procedure, rule 91(f)',
    'Six months after domestic remedies were exhausted, save in exceptional circumstances. The State must have made the declaration under article 14.',
    TRUE, TRUE),
(9, 'Individual communication to the Human Rights Committee', 'CCPR',
    'Communication under the First Optional Protocol to the Covenant on Civil and Political Rights', 4, NULL, NULL, 5, 3,
    'Rules of procedure of the Human Rights Committee, rule 99(c)',
    'Verify the rule''s current number. A communication submitted more than five years after domestic remedies were exhausted (or three years after another international procedure ended) may be an abuse of the right of submission unless the delay is justified.',
    TRUE, TRUE),
(10, 'Application to the European Court of Human Rights', 'ECtHR',
    'Individual application under article 34 of the Convention', 5, NULL, NULL, 4, 2,
    'European Convention on Human Rights, art. 35(1), as amended by Protocol No. 15',
    'Four months from the final domestic decision taken on or after 1 February 2022 (six months before). The Court does not extend a time limit that ends on a weekend or holiday. Russia ceased to be a party on 16 September 2022: only facts before that date can be brought.',
    TRUE, TRUE);

SELECT setval(pg_get_serial_sequence('deadline_rules', 'id'), 1000);

-- ---- Russia -------------------------------------------------------------------------------------
-- Holidays: Labour Code art. 112. A holiday on a Saturday or Sunday gives the next working day off,
-- except 1–8 January, whose weekend days the government moves by decree.
-- 2026: Government decree of 24 September 2025 No. 1466 (3 January -> 9 January, 4 January -> 31 December; no worked Saturdays).
-- 2027: the statutory holidays and their statutory moves only; the government's decree moving the
--       weekend days 2 and 3 January 2027 (and any worked Saturday) must be added when confirmed.

INSERT INTO country_calendar_days (country, date, kind, name, needs_verification) VALUES
('RU', '2026-01-01', 0, 'New Year holidays · Новогодние каникулы', TRUE),
('RU', '2026-01-02', 0, 'New Year holidays · Новогодние каникулы', TRUE),
('RU', '2026-01-03', 0, 'New Year holidays · Новогодние каникулы', TRUE),
('RU', '2026-01-04', 0, 'New Year holidays · Новогодние каникулы', TRUE),
('RU', '2026-01-05', 0, 'New Year holidays · Новогодние каникулы', TRUE),
('RU', '2026-01-06', 0, 'New Year holidays · Новогодние каникулы', TRUE),
('RU', '2026-01-07', 0, 'Christmas · Рождество Христово', TRUE),
('RU', '2026-01-08', 0, 'New Year holidays · Новогодние каникулы', TRUE),
('RU', '2026-01-09', 0, 'Day off moved from Saturday 3 January · Перенесённый выходной', TRUE),
('RU', '2026-02-23', 0, 'Defender of the Fatherland Day · День защитника Отечества', TRUE),
('RU', '2026-03-08', 0, 'International Women''s Day · Международный женский день', TRUE),
('RU', '2026-03-09', 0, 'Day off for 8 March (a Sunday) · Перенесённый выходной', TRUE),
('RU', '2026-05-01', 0, 'Spring and Labour Day · Праздник Весны и Труда', TRUE),
('RU', '2026-05-09', 0, 'Victory Day · День Победы', TRUE),
('RU', '2026-05-11', 0, 'Day off for 9 May (a Saturday) · Перенесённый выходной', TRUE),
('RU', '2026-06-12', 0, 'Russia Day · День России', TRUE),
('RU', '2026-11-04', 0, 'Unity Day · День народного единства', TRUE),
('RU', '2026-12-31', 0, 'Day off moved from Sunday 4 January · Перенесённый выходной', TRUE),

('RU', '2027-01-01', 0, 'New Year holidays · Новогодние каникулы', TRUE),
('RU', '2027-01-02', 0, 'New Year holidays · Новогодние каникулы', TRUE),
('RU', '2027-01-03', 0, 'New Year holidays · Новогодние каникулы', TRUE),
('RU', '2027-01-04', 0, 'New Year holidays · Новогодние каникулы', TRUE),
('RU', '2027-01-05', 0, 'New Year holidays · Новогодние каникулы', TRUE),
('RU', '2027-01-06', 0, 'New Year holidays · Новогодние каникулы', TRUE),
('RU', '2027-01-07', 0, 'Christmas · Рождество Христово', TRUE),
('RU', '2027-01-08', 0, 'New Year holidays · Новогодние каникулы', TRUE),
('RU', '2027-02-23', 0, 'Defender of the Fatherland Day · День защитника Отечества', TRUE),
('RU', '2027-03-08', 0, 'International Women''s Day · Международный женский день', TRUE),
('RU', '2027-05-01', 0, 'Spring and Labour Day · Праздник Весны и Труда', TRUE),
('RU', '2027-05-03', 0, 'Day off for 1 May (a Saturday) · Перенесённый выходной', TRUE),
('RU', '2027-05-09', 0, 'Victory Day · День Победы', TRUE),
('RU', '2027-05-10', 0, 'Day off for 9 May (a Sunday) · Перенесённый выходной', TRUE),
('RU', '2027-06-12', 0, 'Russia Day · День России', TRUE),
('RU', '2027-06-14', 0, 'Day off for 12 June (a Saturday) · Перенесённый выходной', TRUE),
('RU', '2027-11-04', 0, 'Unity Day · День народного единства', TRUE);

-- ---- Kazakhstan ---------------------------------------------------------------------------------
-- Law on holidays and Labour Code: a state or national holiday on a weekend gives the next working
-- day off; the religious holidays (7 January, Kurban Ait) are not moved. Kurban Ait's date is set
-- each year: the dates below are the expected ones.

INSERT INTO country_calendar_days (country, date, kind, name, needs_verification) VALUES
('KZ', '2026-01-01', 0, 'New Year · Новый год', TRUE),
('KZ', '2026-01-02', 0, 'New Year · Новый год', TRUE),
('KZ', '2026-01-07', 0, 'Orthodox Christmas · Православное Рождество', TRUE),
('KZ', '2026-03-08', 0, 'International Women''s Day · Международный женский день', TRUE),
('KZ', '2026-03-09', 0, 'Day off for 8 March (a Sunday) · Перенесённый выходной', TRUE),
('KZ', '2026-03-21', 0, 'Nauryz · Наурыз мейрамы', TRUE),
('KZ', '2026-03-22', 0, 'Nauryz · Наурыз мейрамы', TRUE),
('KZ', '2026-03-23', 0, 'Nauryz · Наурыз мейрамы', TRUE),
('KZ', '2026-03-24', 0, 'Day off for Nauryz on Saturday 21 March · Перенесённый выходной', TRUE),
('KZ', '2026-03-25', 0, 'Day off for Nauryz on Sunday 22 March · Перенесённый выходной', TRUE),
('KZ', '2026-05-01', 0, 'Unity Day · Праздник единства народа Казахстана', TRUE),
('KZ', '2026-05-07', 0, 'Defender of the Fatherland Day · День защитника Отечества', TRUE),
('KZ', '2026-05-09', 0, 'Victory Day · День Победы', TRUE),
('KZ', '2026-05-11', 0, 'Day off for 9 May (a Saturday) · Перенесённый выходной', TRUE),
('KZ', '2026-05-27', 0, 'Kurban Ait (expected date) · Курбан айт', TRUE),
('KZ', '2026-07-06', 0, 'Capital Day · День столицы', TRUE),
('KZ', '2026-08-30', 0, 'Constitution Day · День Конституции', TRUE),
('KZ', '2026-08-31', 0, 'Day off for 30 August (a Sunday) · Перенесённый выходной', TRUE),
('KZ', '2026-10-25', 0, 'Republic Day · День Республики', TRUE),
('KZ', '2026-10-26', 0, 'Day off for 25 October (a Sunday) · Перенесённый выходной', TRUE),
('KZ', '2026-12-16', 0, 'Independence Day · День Независимости', TRUE),

('KZ', '2027-01-01', 0, 'New Year · Новый год', TRUE),
('KZ', '2027-01-02', 0, 'New Year · Новый год', TRUE),
('KZ', '2027-01-04', 0, 'Day off for 2 January (a Saturday) · Перенесённый выходной', TRUE),
('KZ', '2027-01-07', 0, 'Orthodox Christmas · Православное Рождество', TRUE),
('KZ', '2027-03-08', 0, 'International Women''s Day · Международный женский день', TRUE),
('KZ', '2027-03-21', 0, 'Nauryz · Наурыз мейрамы', TRUE),
('KZ', '2027-03-22', 0, 'Nauryz · Наурыз мейрамы', TRUE),
('KZ', '2027-03-23', 0, 'Nauryz · Наурыз мейрамы', TRUE),
('KZ', '2027-03-24', 0, 'Day off for Nauryz on Sunday 21 March · Перенесённый выходной', TRUE),
('KZ', '2027-05-01', 0, 'Unity Day · Праздник единства народа Казахстана', TRUE),
('KZ', '2027-05-03', 0, 'Day off for 1 May (a Saturday) · Перенесённый выходной', TRUE),
('KZ', '2027-05-07', 0, 'Defender of the Fatherland Day · День защитника Отечества', TRUE),
('KZ', '2027-05-09', 0, 'Victory Day · День Победы', TRUE),
('KZ', '2027-05-10', 0, 'Day off for 9 May (a Sunday) · Перенесённый выходной', TRUE),
('KZ', '2027-05-16', 0, 'Kurban Ait (expected date) · Курбан айт', TRUE),
('KZ', '2027-07-06', 0, 'Capital Day · День столицы', TRUE),
('KZ', '2027-08-30', 0, 'Constitution Day · День Конституции', TRUE),
('KZ', '2027-10-25', 0, 'Republic Day · День Республики', TRUE),
('KZ', '2027-12-16', 0, 'Independence Day · День Независимости', TRUE);

-- ---- Kyrgyzstan ---------------------------------------------------------------------------------
-- Labour Code of 2025: New Year holidays 1–6 January, Christmas 7 January, 8 March, Nooruz 21 March,
-- May holidays 1–9 May, Independence Day 31 August, Orozo Ait and Kurman Ait. 23 February, 7 April
-- and 7–8 November stay working days, and a holiday on a weekend is not moved to a weekday.
-- Orozo Ait and Kurman Ait are set each year by the lunar calendar: the dates below are the expected ones.
-- 2026: the Cabinet added 8 and 9 January as days off for state-funded organisations (verify for courts).

INSERT INTO country_calendar_days (country, date, kind, name, needs_verification) VALUES
('KG', '2026-01-01', 0, 'New Year holidays · Новогодние каникулы', TRUE),
('KG', '2026-01-02', 0, 'New Year holidays · Новогодние каникулы', TRUE),
('KG', '2026-01-03', 0, 'New Year holidays · Новогодние каникулы', TRUE),
('KG', '2026-01-04', 0, 'New Year holidays · Новогодние каникулы', TRUE),
('KG', '2026-01-05', 0, 'New Year holidays · Новогодние каникулы', TRUE),
('KG', '2026-01-06', 0, 'New Year holidays · Новогодние каникулы', TRUE),
('KG', '2026-01-07', 0, 'Christmas · Рождество', TRUE),
('KG', '2026-01-08', 0, 'Day off by Cabinet decree (state-funded organisations) · Выходной по постановлению Кабмина', TRUE),
('KG', '2026-01-09', 0, 'Day off by Cabinet decree (state-funded organisations) · Выходной по постановлению Кабмина', TRUE),
('KG', '2026-03-08', 0, 'International Women''s Day · Международный женский день', TRUE),
('KG', '2026-03-20', 0, 'Orozo Ait (expected date) · Орозо айт', TRUE),
('KG', '2026-03-21', 0, 'Nooruz · Нооруз', TRUE),
('KG', '2026-05-01', 0, 'Labour Day · День труда', TRUE),
('KG', '2026-05-02', 0, 'May holidays · Майские каникулы', TRUE),
('KG', '2026-05-03', 0, 'May holidays · Майские каникулы', TRUE),
('KG', '2026-05-04', 0, 'May holidays · Майские каникулы', TRUE),
('KG', '2026-05-05', 0, 'Constitution Day · День Конституции', TRUE),
('KG', '2026-05-06', 0, 'May holidays · Майские каникулы', TRUE),
('KG', '2026-05-07', 0, 'May holidays · Майские каникулы', TRUE),
('KG', '2026-05-08', 0, 'May holidays · Майские каникулы', TRUE),
('KG', '2026-05-09', 0, 'Victory Day · День Победы', TRUE),
('KG', '2026-05-27', 0, 'Kurman Ait (expected date) · Курман айт', TRUE),
('KG', '2026-08-31', 0, 'Independence Day · День независимости', TRUE),

('KG', '2027-01-01', 0, 'New Year holidays · Новогодние каникулы', TRUE),
('KG', '2027-01-02', 0, 'New Year holidays · Новогодние каникулы', TRUE),
('KG', '2027-01-03', 0, 'New Year holidays · Новогодние каникулы', TRUE),
('KG', '2027-01-04', 0, 'New Year holidays · Новогодние каникулы', TRUE),
('KG', '2027-01-05', 0, 'New Year holidays · Новогодние каникулы', TRUE),
('KG', '2027-01-06', 0, 'New Year holidays · Новогодние каникулы', TRUE),
('KG', '2027-01-07', 0, 'Christmas · Рождество', TRUE),
('KG', '2027-03-08', 0, 'International Women''s Day · Международный женский день', TRUE),
('KG', '2027-03-10', 0, 'Orozo Ait (expected date) · Орозо айт', TRUE),
('KG', '2027-03-21', 0, 'Nooruz · Нооруз', TRUE),
('KG', '2027-05-01', 0, 'Labour Day · День труда', TRUE),
('KG', '2027-05-02', 0, 'May holidays · Майские каникулы', TRUE),
('KG', '2027-05-03', 0, 'May holidays · Майские каникулы', TRUE),
('KG', '2027-05-04', 0, 'May holidays · Майские каникулы', TRUE),
('KG', '2027-05-05', 0, 'Constitution Day · День Конституции', TRUE),
('KG', '2027-05-06', 0, 'May holidays · Майские каникулы', TRUE),
('KG', '2027-05-07', 0, 'May holidays · Майские каникулы', TRUE),
('KG', '2027-05-08', 0, 'May holidays · Майские каникулы', TRUE),
('KG', '2027-05-09', 0, 'Victory Day · День Победы', TRUE),
('KG', '2027-05-16', 0, 'Kurman Ait (expected date) · Курман айт', TRUE),
('KG', '2027-08-31', 0, 'Independence Day · День независимости', TRUE);
