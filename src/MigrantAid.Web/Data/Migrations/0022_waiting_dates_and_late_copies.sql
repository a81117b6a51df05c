-- Issue 12, point 1: an event that has a rule but not yet its trigger date says so, and a copy received too late
-- offers the application to restore the missed period.
--
-- 1. The desk lists "dates to enter": court decisions without the date of their final form or of the copy's receipt
--    that a rule waits for. They are computed from data, not stored: this partial index holds only decisions with a
--    date missing (few: most are recorded whole), in the order the desk lists them.
CREATE INDEX ix_court_decisions_waiting_decided_on_id ON court_decisions (decided_on, id)
    WHERE final_form_on IS NULL OR received_on IS NULL;

-- 2. Starter rules for the application to restore a missed appeal period, started by the event
--    "copy received too late" (trigger 9, TriggerEvent.CopyReceivedTooLate): the copy arrived with fewer than
--    5 working days of a period counted from the final form left, or after it ended (Domain/Deadlines/DecisionClocks.cs).
--    proceeding_type: 0 Civil, 1 AdministrativeCase; instance 0 FirstInstance; unit 2 Months.
--    Examples like those of 0008, to be confirmed by the organisation's lawyers (ids 101-102 stay stable).
INSERT INTO deadline_rules (id, name, name_ru, forum, procedure, trigger, proceeding_type, instance, period, unit,
    legal_basis, legal_basis_ru, notes, needs_verification, is_active) VALUES
(101, 'Application to restore the missed appeal period (civil case)',
    'Заявление о восстановлении пропущенного срока апелляционного обжалования (гражданское дело)', 'RU',
    'Appeal with an application to restore the missed period, after a late copy of a first-instance civil decision',
    9, 0, 0, 1, 2,
    'Code of Civil Procedure of the Russian Federation, art. 112; Supreme Court Plenum Resolution No. 16 of 22 June 2021, para. 20',
    'ГПК РФ, ст. 112; п. 20 постановления Пленума Верховного Суда РФ от 22.06.2021 № 16',
    'Counted from the day the copy was received. The Code sets no time for the application itself: the court asks whether it was filed without delay once the reason (the late copy) ceased. One month from receipt, the length of the appeal period, is a cautious starting value: file the appeal together with the application. Verify.',
    TRUE, TRUE),
(102, 'Application to restore the missed appeal period (administrative-procedure case)',
    'Заявление о восстановлении пропущенного срока апелляционного обжалования (административное дело)', 'RU',
    'Appeal with an application to restore the missed period, after a late copy of a first-instance decision under the Code of Administrative Procedure',
    9, 1, 0, 1, 2,
    'Code of Administrative Procedure of the Russian Federation, art. 95',
    'КАС РФ, ст. 95',
    'Counted from the day the copy was received. The Code sets no time for the application itself: the court asks whether it was filed without delay once the reason (the late copy) ceased. One month from receipt, the length of the appeal period, is a cautious starting value: file the appeal together with the application. Verify.',
    TRUE, TRUE);
