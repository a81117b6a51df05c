-- Deadline rules get a Russian legal basis (issue 12, point 7: Russian pages are Russian), shown on Russian pages
-- wherever the legal basis is shown; empty: the English text is shown.
-- The shipped rules (0008, 0012) get their Russian text where an administrator has not changed the English one.

ALTER TABLE deadline_rules ADD COLUMN legal_basis_ru character varying(300);

UPDATE deadline_rules r SET legal_basis_ru = v.ru
FROM (VALUES
(1, 'Code of Administrative Offences of the Russian Federation, art. 30.3(1); periods: art. 4.8', 'КоАП РФ, ч. 1 ст. 30.3; исчисление сроков: ст. 4.8'),
(2, 'Code of Civil Procedure of the Russian Federation, art. 321(2); periods: arts. 107–108', 'ГПК РФ, ч. 2 ст. 321; исчисление сроков: ст. 107–108'),
(3, 'Code of Administrative Procedure of the Russian Federation, art. 298(1); periods: arts. 92–93', 'КАС РФ, ч. 1 ст. 298; исчисление сроков: ст. 92–93'),
(4, 'Code of Administrative Procedure of the Russian Federation, art. 219(1)', 'КАС РФ, ч. 1 ст. 219'),
(5, 'Code of Civil Procedure of the Russian Federation, art. 376.1(1)', 'ГПК РФ, ч. 1 ст. 376.1'),
(6, 'Code of Administrative Procedure of the Russian Federation, art. 318(2)', 'КАС РФ, ч. 2 ст. 318'),
(7, 'Optional Protocol to the Convention on the Rights of the Child on a communications procedure, art. 7(h)', 'Факультативный протокол к Конвенции о правах ребёнка, касающийся процедуры сообщений, подп. «h» ст. 7'),
(8, 'International Convention on the Elimination of All Forms of Racial Discrimination, art. 14(5); rules of procedure, rule 91(f)', 'Международная конвенция о ликвидации всех форм расовой дискриминации, п. 5 ст. 14; правила процедуры, подп. «f» правила 91'),
(9, 'Rules of procedure of the Human Rights Committee, rule 99(c)', 'Правила процедуры Комитета по правам человека, подп. «c» правила 99'),
(10, 'European Convention on Human Rights, art. 35(1), as amended by Protocol No. 15', 'Конвенция о защите прав человека и основных свобод, п. 1 ст. 35 (в редакции Протокола № 15)'),
(11, 'Rules of procedure under the Optional Protocol on a communications procedure', 'Правила процедуры согласно Факультативному протоколу, касающемуся процедуры сообщений'),
(12, 'Rules of procedure of the Human Rights Committee', 'Правила процедуры Комитета по правам человека'),
(13, 'Rules of procedure of the Committee on the Elimination of Racial Discrimination', 'Правила процедуры Комитета по ликвидации расовой дискриминации'),
(14, 'Rules of procedure of the Committee against Torture', 'Правила процедуры Комитета против пыток'),
(15, 'Rules of procedure under the Optional Protocol to the Convention', 'Правила процедуры согласно Факультативному протоколу к Конвенции'),
(16, 'Rules of procedure under the Optional Protocol to the Covenant', 'Правила процедуры согласно Факультативному протоколу к Пакту')
) AS v(id, en, ru)
WHERE r.id = v.id AND r.legal_basis = v.en;
