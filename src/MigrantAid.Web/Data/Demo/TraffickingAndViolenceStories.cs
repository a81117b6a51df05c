using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;

namespace MigrantAid.Web.Data.Demo;

/// <summary>Stories of trafficking and violence (confidential cases, a consent withdrawn), and intakes that did not become cases.</summary>
internal sealed class TraffickingAndViolenceStories(AppDbContext db, DemoDirectory directory) : DemoStoryBook(db, directory)
{
    public async Task LabourTraffickingAsync()
    {
        var ulugbek = Person(MoscowOffice, "Эргашев Улугбек", "Тулкинович", Sex.Male, "UZ", null, 1994, "uz", "RU", "Moscow", Vulnerability.TraffickingVictim, 40, Coordinator);
        ulugbek.AddAlias("ERGASHEV ULUGBEK", "passport copy");
        ulugbek.AddContact(ContactChannel.Phone, "+7 900 555-77-02", false, "The recruiter knows this number.");
        ulugbek.AddContact(ContactChannel.Telegram, "Brother Otabek, +998 90 555 41 17", true, "Only through the brother.");
        var jamshid = Person(MoscowOffice, "Qodirov Jamshid", null, Sex.Male, "UZ", null, 1997, "uz", "RU", "Moscow", Vulnerability.TraffickingVictim, 40, Coordinator);
        jamshid.AddAlias("Кодиров Жамшид", "Cyrillic spelling");

        var intake = Interview(MoscowOffice, ulugbek, 40, ["trafficking.labour", "trafficking.slavery", "labour.forced-labour", "labour.documents-confiscated"], "RU", "Moscow Oblast", 200, 45,
            "Вербовщик в Самарканде обещал работу на складе под Москвой. По приезде их отвезли на овощную базу, паспорта забрали «на хранение». " +
            "Жили в вагончике под охраной, работали по четырнадцать часов за еду и сигареты. Через пять месяцев ушли ночью вдвоём.",
            "Вернуть паспорта, получить деньги за работу и безопасно вернуться домой.", by: Coordinator);
        intake.AddRespondent("ООО «Агро-Логистик Плюс»", RespondentType.Employer, Sector.Agriculture);
        intake.AddRespondent("Вербовщик «Бобур» (name unknown)", RespondentType.RecruitmentAgency, null);

        var @case = await OpenCaseAsync(intake, MoscowOffice, "Принудительный труд на овощной базе", 38);
        await Then(() => @case.Update(@case.Title, CasePriority.High, confidential: true, Coordinator, DaysAgo(38)));
        await Then(() => @case.Assign(null, Lawyer, [], Coordinator, DaysAgo(37.9)));
        await Then(() => @case.AddClient(jamshid.Id, CaseClientRole.CoComplainant, Coordinator, DaysAgo(37.8)));
        await Then(() => @case.AddNote(NoteKind.Interview, "Подробные показания обоих записаны. Связь только через брата Улугбека.", Lawyer, DaysAgo(36)));
        await Then(() => @case.AddNote(NoteKind.Other, "Заявление в полицию о торговле людьми; запрос в посольство Узбекистана о свидетельствах на возвращение.", Lawyer, DaysAgo(30)));
    }

    public async Task SexualTraffickingAsync()
    {
        var gulzat = Person(AlmatyOffice, "Жумабаева Гулзат", null, Sex.Female, "KG", null, 2002, "ky, ru", "KZ", "Almaty", Vulnerability.TraffickingVictim, 25, Lawyer2);
        gulzat.AddContact(ContactChannel.Other, "Through the shelter's social worker", true, "No phone of her own.");

        var intake = Interview(AlmatyOffice, gulzat, 25, ["trafficking.sexual", "labour.documents-confiscated"], "KZ", "Almaty", 120, 28,
            "She was promised a job as a waitress in a café. In Almaty she was kept in a rented flat with other women; her phone and passport were taken " +
            "and she was forced into sex work to pay off a \"debt\" for the journey. She got out during a police check and is now in a shelter.",
            "Be safe, get her passport back and go home to Osh.", by: Lawyer2);

        var @case = await OpenCaseAsync(intake, AlmatyOffice, "Trafficking: held in a flat in Almaty", 24);
        await Then(() => @case.Update(@case.Title, CasePriority.High, confidential: true, Coordinator, DaysAgo(24)));
        await Then(() => @case.Assign(null, Lawyer2, [], Coordinator, DaysAgo(23.9)));
        await Then(() => @case.AddNote(NoteKind.Interview, "Interview at the shelter with a psychologist present. She will give evidence if her name stays out of the press.", Lawyer2, DaysAgo(22)));
        await Then(() => @case.AddNote(NoteKind.Call, "Agreed with the shelter where we can meet her safely next time.", Lawyer2, DaysAgo(8)));
    }

    public async Task HateViolenceConsentWithdrawnAsync()
    {
        var ismoil = Person(SpbOffice, "Сафаров Исмоил", "Наврузович", Sex.Male, "TJ", Born(1988, 1, 17), null, "tg, ru", "RU", "St Petersburg", Vulnerability.None, 205);
        ismoil.AddContact(ContactChannel.Phone, "+7 900 555-25-70", true, null);

        var intake = Interview(SpbOffice, ismoil, 205, ["violence.hate-violence", "violence.police-abuse"], "RU", "St Petersburg", 207, 207,
            "Вечером у выхода из метро группа молодых людей с криками про приезжих избила его; сломан нос. " +
            "В отделе полиции заявление принимать отказались и посоветовали уехать домой.",
            "Чтобы нападавших нашли и наказали.");

        var @case = await OpenCaseAsync(intake, SpbOffice, "Избиение у метро, полиция отказала в заявлении", 203);
        await Then(() => @case.Assign(Caseworker, Lawyer, [], Coordinator, DaysAgo(202)));
        await Then(() => @case.AddNote(NoteKind.Visit, "Сопровождали клиента в травмпункт за справкой о побоях.", Caseworker, DaysAgo(201)));
        await Then(() => @case.AddNote(NoteKind.Other, "Жалоба в прокуратуру на отказ принять заявление; заявление зарегистрировано.", Lawyer, DaysAgo(180)));
        await Then(() => @case.Close(CaseOutcome.NotResolved, Day(-100), "Проверка прекращена, нападавшие не установлены. Клиент решил не обжаловать.", Lawyer, DaysAgo(100)));
        await Then(() => ismoil.RecordConsent(ConsentStatus.Withdrawn, Day(-95), "Asked not to be contacted again: fears retaliation.", Caseworker, DaysAgo(95)));
    }

    public async Task OutsideMandateAsync()
    {
        var andrei = Person(SpbOffice, "Ковальчук Андрей", "Петрович", Sex.Male, "RU", Born(1979, 11, 11), null, "ru", "RU", "St Petersburg", Vulnerability.None, 20);
        var intake = Interview(SpbOffice, andrei, 20, ["health.social-benefits"], "RU", "St Petersburg", null, null,
            "Гражданин России, просит помочь вернуть деньги за некачественный ремонт квартиры и получить субсидию на оплату жилья.",
            "Вернуть деньги за ремонт.");
        await Then(() => intake.Reject(RejectionReason.OutsideMandate, "Потребительский спор гражданина России; дали контакты бесплатной юридической консультации.", Coordinator, DaysAgo(19)));
    }

    public Task DraftInterviewAsync()
    {
        var sardor = Person(SpbOffice, "Olimov Sardor", null, Sex.Male, "TJ", null, 1999, "tg, ru", "RU", "St Petersburg", Vulnerability.None, 0.1, consent: false);
        sardor.AddAlias("Олимов Сардор", "Cyrillic spelling");
        var intake = Interview(SpbOffice, sardor, 0.1, ["labour.unpaid-wages"], "RU", "St Petersburg", null, null,
            "Работает на складе, зарплату задерживают; интервью прервано, клиент торопился на смену.", null, submit: false);
        intake.Step = IntakeStep.Complaint;
        return Task.CompletedTask;
    }
}
