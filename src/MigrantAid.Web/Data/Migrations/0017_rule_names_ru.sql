-- Deadline rules get a Russian name (issue 4; every screen in both languages), and a deadline keeps the
-- Russian title of the rule that computed it, so Russian pages, notifications and digests show it.
-- The shipped rules (0008, 0012) get their Russian names where an administrator has not renamed them.

ALTER TABLE deadline_rules ADD COLUMN name_ru character varying(300);
ALTER TABLE case_deadlines ADD COLUMN title_ru character varying(300);

UPDATE deadline_rules r SET name_ru = v.ru
FROM (VALUES
(1, 'Appeal against a decision in an administrative-offence case (including administrative expulsion)', 'Жалоба на постановление по делу об административном правонарушении (в том числе об административном выдворении)'),
(2, 'Civil appeal', 'Апелляционная жалоба по гражданскому делу'),
(3, 'Appeal in an administrative-procedure case', 'Апелляционная жалоба по административному делу'),
(4, 'Challenge to a decision of a state body (e.g. an entry ban)', 'Оспаривание решения государственного органа (например, о неразрешении въезда)'),
(5, 'Cassation in a civil case', 'Кассационная жалоба по гражданскому делу'),
(6, 'Cassation in an administrative-procedure case', 'Кассационная жалоба по административному делу'),
(7, 'Individual communication to the Committee on the Rights of the Child', 'Индивидуальное сообщение в Комитет по правам ребёнка'),
(8, 'Individual communication to the Committee on the Elimination of Racial Discrimination', 'Индивидуальное сообщение в Комитет по ликвидации расовой дискриминации'),
(9, 'Individual communication to the Human Rights Committee', 'Индивидуальное сообщение в Комитет по правам человека'),
(10, 'Application to the European Court of Human Rights', 'Жалоба в Европейский суд по правам человека'),
(11, 'Comments on the State''s observations (Committee on the Rights of the Child)', 'Комментарии на замечания государства (Комитет по правам ребёнка)'),
(12, 'Comments on the State''s observations (Human Rights Committee)', 'Комментарии на замечания государства (Комитет по правам человека)'),
(13, 'Comments on the State''s observations (Committee on the Elimination of Racial Discrimination)', 'Комментарии на замечания государства (Комитет по ликвидации расовой дискриминации)'),
(14, 'Comments on the State''s observations (Committee against Torture)', 'Комментарии на замечания государства (Комитет против пыток)'),
(15, 'Comments on the State''s observations (Committee on the Elimination of Discrimination against Women)', 'Комментарии на замечания государства (Комитет по ликвидации дискриминации в отношении женщин)'),
(16, 'Comments on the State''s observations (Committee on Economic, Social and Cultural Rights)', 'Комментарии на замечания государства (Комитет по экономическим, социальным и культурным правам)')
) AS v(id, en, ru)
WHERE r.id = v.id AND r.name = v.en;

UPDATE case_deadlines d SET title_ru = r.name_ru
FROM deadline_rules r
WHERE d.rule_id = r.id AND d.kind = 0 AND d.title = r.name AND r.name_ru IS NOT NULL;
