using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;

namespace MigrantAid.Web.Data.Demo;

/// <summary>Stories of detention, expulsion and documents: a child held for deportation, statelessness, stays and entry bans.</summary>
internal sealed class DetentionStories(AppDbContext db, DemoDirectory directory) : DemoStoryBook(db, directory)
{
    public async Task ChildHeldForDeportationAsync()
    {
        var malika = Person(SpbOffice, "Юлдашева Малика", "Рустамовна", Sex.Female, "UZ", Born(1986, 9, 2), null, "uz, ru", "RU", "St Petersburg", Vulnerability.None, 7);
        malika.AddAlias("YULDASHEVA MALIKA", "passport");
        malika.AddContact(ContactChannel.Phone, "+7 900 555-61-09", true, null);
        malika.AddDocument(MigrationDocumentType.Passport, "FA2290417", "UZ", Born(2021, 2, 3), Born(2031, 2, 2));
        var sherzod = Person(SpbOffice, "Юлдашев Шерзод", "Абдуллаевич", Sex.Male, "UZ", Born(1983, 12, 20), null, "uz, ru", "RU", "St Petersburg", Vulnerability.None, 7);
        sherzod.AddAlias("Yuldashev Sherzod", "passport");
        sherzod.AddDocument(MigrationDocumentType.WorkPatent, "78 2405519023", "RU", Day(-200), Day(160));
        var temur = Person(SpbOffice, "Юлдашев Темур", "Шерзодович", Sex.Male, "UZ", BornYearsAgo(14), null, "uz, ru", "RU", "St Petersburg", Vulnerability.Child | Vulnerability.Detained | Vulnerability.SeparatedChild, 7);
        temur.SetSeparation(Day(-9), "Родители (мать Малика, отец Шерзод)");
        temur.AddAlias("Yuldashev Temur", "birth certificate");
        temur.AddStay("RU", Day(-131), null);
        Family(malika, temur, FamilyRelation.Child);
        Family(sherzod, temur, FamilyRelation.Child);
        Family(malika, sherzod, FamilyRelation.Spouse);

        var intake = Interview(SpbOffice, malika, 7, ["detention.child-separated", "detention.centre", "detention.expulsion", "children.family-separation", "children.stay-limits"], "RU", "St Petersburg", 9, null,
            "Сына, 14 лет, задержали на улице при проверке документов, когда он возвращался из магазина. Суд назначил ему выдворение за превышение срока пребывания " +
            "и поместил в центр временного содержания иностранных граждан. Родителей к нему не пускают, о дате вывоза не сообщают. В Узбекистане у мальчика никого нет.",
            "Вернуть сына в семью и не допустить, чтобы его вывезли одного.",
            detention: true, expulsion: true, separatedChild: true);
        intake.AddRespondent("Центр временного содержания иностранных граждан", RespondentType.MigrationAuthority, null);

        var @case = await OpenCaseAsync(intake, SpbOffice, "Выдворение ребёнка отдельно от родителей", 6.8);
        await Then(() => @case.Assign(Caseworker, Lawyer, [], Coordinator, DaysAgo(6.7)));
        await Then(() => @case.AddClient(temur.Id, CaseClientRole.FamilyMember, Caseworker, DaysAgo(6.6)));
        await Then(() => @case.AddClient(sherzod.Id, CaseClientRole.FamilyMember, Caseworker, DaysAgo(6.6)));
        await Then(() => @case.AddNote(NoteKind.Interview, "Мать принесла свидетельство о рождении сына и справку из школы; у отца действующий патент.", Caseworker, DaysAgo(6.5)));
        await Then(() => @case.AddNote(NoteKind.Court, "Подана жалоба на постановление о выдворении с ходатайством о приостановлении исполнения.", Lawyer, DaysAgo(5)));
        await Then(() => @case.AddNote(NoteKind.Other, "Подготовлен запрос о временных мерах в Комитет ООН по правам человека: не разлучать ребёнка с родителями до рассмотрения жалобы.", Lawyer, DaysAgo(4)));
        await Then(() => @case.AddNote(NoteKind.Visit, "Навестил мальчика в центре: здоров, просит передать родителям, что у него всё в порядке. Переводчика при составлении протокола не было.", Lawyer, DaysAgo(2)));
        await Then(() => @case.AddNote(NoteKind.Call, "Мать сообщила, что из центра спрашивали про билет на самолёт. Юрист предупреждён.", Caseworker, DaysAgo(0.5)));
    }

    public async Task StatelessManAsync()
    {
        var ruslan = Person(MoscowOffice, "Гасанов Руслан", "Ильясович", Sex.Male, Citizenships.Stateless, null, 1978, "ru, az", "RU", "Moscow", Vulnerability.Undocumented, 13, Coordinator);
        ruslan.AddAlias("Gasanov Ruslan", null);
        ruslan.AddAlias("Hasanov Ruslan", "old Soviet documents");
        ruslan.AddContact(ContactChannel.ThroughRelative, "Двоюродный брат Эльдар, +7 900 555-38-11", true, "Своего телефона нет.");

        var intake = Interview(MoscowOffice, ruslan, 13, ["documents.statelessness", "documents.passport", "detention.arbitrary"], "RU", "Moscow", 365, 20,
            "Родился в Баку, с детства живёт в России. Советский паспорт потерял много лет назад, новый так и не получил: ни одна страна не признаёт его своим гражданином. " +
            "За последний год его трижды задерживали из-за отсутствия документов и штрафовали. Боится, что следующий раз закончится спецприёмником.",
            "Получить документ, удостоверяющий личность, и перестать бояться проверок.", by: Coordinator, noDocuments: true);

        var @case = await OpenCaseAsync(intake, MoscowOffice, "Безгражданство: нет никаких документов", 12);
        await Then(() => @case.AddNote(NoteKind.Other, "Запрошены архивные справки о регистрации по месту жительства в 1990-х годах.", Coordinator, DaysAgo(9)));
    }

    public async Task PassportExpiringSoonAsync()
    {
        var akmal = Person(SpbOffice, "Турсунов Акмал", "Хамидович", Sex.Male, "UZ", Born(1992, 11, 30), null, "uz, ru", "RU", "St Petersburg", Vulnerability.None, 9);
        akmal.AddAlias("TURSUNOV AKMAL", "passport");
        akmal.AddContact(ContactChannel.Phone, "+7 900 555-47-85", true, null);
        akmal.AddDocument(MigrationDocumentType.Passport, "FA0712286", "UZ", Day(21).AddYears(-10), Day(21));
        akmal.AddDocument(MigrationDocumentType.MigrationRegistration, null, "RU", Day(-75), Day(15));

        var intake = Interview(SpbOffice, akmal, 9, ["documents.registration", "documents.passport"], "RU", "St Petersburg", 12, null,
            "Хозяин квартиры отказывается продлевать миграционный учёт и требует доплату. Паспорт скоро истекает, а без учёта боится идти в консульство.",
            "Продлить учёт и успеть заменить паспорт.");
        intake.AddRespondent("Мельников Олег (landlord)", RespondentType.Other, null);

        var @case = await OpenCaseAsync(intake, SpbOffice, "Миграционный учёт и истекающий паспорт", 8);
        await Then(() => @case.Assign(Caseworker, null, [], Coordinator, DaysAgo(7.9)));
        await Then(() => @case.AddNote(NoteKind.Call, $"Объяснили, как встать на учёт через работодателя. Паспорт истекает {Format(Day(21))}: записали на приём в консульство Узбекистана.", Caseworker, DaysAgo(7)));
    }

    public Task StayNearTheLimitAsync()
    {
        var firdavs = Person(SpbOffice, "Мирзоев Фирдавс", "Джамшедович", Sex.Male, "TJ", Born(2001, 2, 11), null, "tg, ru", "RU", "St Petersburg", Vulnerability.None, 2);
        firdavs.AddAlias("Mirzoev Firdavs", "migration card");
        firdavs.AddContact(ContactChannel.Telegram, "+7 900 555-02-68", true, null);
        firdavs.AddDocument(MigrationDocumentType.MigrationCard, "4018 2277190", "RU", Day(-80), null);
        firdavs.AddStay("RU", Day(-80), null);

        Interview(SpbOffice, firdavs, 2, ["documents.work-patent", "documents.registration"], "RU", "St Petersburg", 80, null,
            "Приехал почти три месяца назад, работу нашёл только сейчас. Патент вовремя не оформил; знакомые говорят, что уже поздно и надо выезжать.",
            "Понять, можно ли ещё оформить патент или надо уезжать, пока не кончился срок.");
        return Task.CompletedTask;
    }

    public async Task OverstayAndExpulsionAsync()
    {
        var jasur = Person(MoscowOffice, "Холматов Жасур", "Бахромович", Sex.Male, "UZ", Born(1998, 6, 5), null, "uz, ru", "RU", "Moscow", Vulnerability.None, 4.5, Coordinator);
        jasur.AddAlias("KHOLMATOV JASUR", "passport");
        jasur.AddAlias("Holmatov Jasur", null);
        jasur.AddContact(ContactChannel.Phone, "+7 900 555-83-14", true, null);
        jasur.AddDocument(MigrationDocumentType.Passport, "FA3390166", "UZ", Born(2020, 10, 1), Born(2030, 9, 30));
        jasur.AddStay("RU", Day(-240), Day(-200));
        jasur.AddStay("RU", Day(-112), null);

        var intake = Interview(MoscowOffice, jasur, 4.5, ["detention.expulsion", "detention.entry-ban"], "RU", "Moscow", 8, 7,
            "Задержан при проверке документов на оптовом рынке, где разгружает машины. В отделе составили протокол о нарушении режима пребывания; " +
            "суд назначил штраф и выдворение. Копию постановления вручили неделю назад. Если выдворят, пять лет не сможет въехать.",
            "Обжаловать выдворение и уехать самому, чтобы избежать запрета на въезд.", expulsion: true, by: Coordinator);

        var @case = await OpenCaseAsync(intake, MoscowOffice, "Обжалование выдворения за превышение срока", 4);
        await Then(() => @case.AddNote(NoteKind.Other, $"Срок подачи жалобы на постановление о выдворении — {Format(Day(3))}. Нужен юрист в Москве.", Coordinator, DaysAgo(3.9)));
    }

    public async Task CitizenshipInDoubtAsync()
    {
        var bakhtiyor = Person(AlmatyOffice, "Исаков Бахтиёр", "Алимович", Sex.Male, "UZ", Born(1972, 8, 8), null, "uz, ru, kk", "KZ", "Almaty", Vulnerability.None, 15, Lawyer2);
        bakhtiyor.AddAlias("ISAKOV BAKHTIYOR", "expired passport");
        bakhtiyor.AddContact(ContactChannel.Phone, "+7 700 555-08-66", true, null);
        bakhtiyor.AddDocument(MigrationDocumentType.Passport, "CA1180452", "UZ", Born(2005, 3, 1), Born(2015, 2, 28));

        var intake = Interview(AlmatyOffice, bakhtiyor, 15, ["documents.citizenship", "documents.passport"], "KZ", "Almaty", null, null,
            "Has lived in Kazakhstan for more than twenty years. His Uzbek passport expired in 2015, and the consulate says he must first prove that he is still a citizen.",
            "A valid passport, then a residence permit in Kazakhstan.", by: Lawyer2);

        await OpenCaseAsync(intake, AlmatyOffice, "Expired passport, citizenship in doubt", 14);
    }

    public async Task DetentionReopenedAsync()
    {
        var alisher = Person(MoscowOffice, "Норматов Алишер", null, Sex.Male, "UZ", Born(1990, 2, 2), null, "uz, ru", "RU", "Moscow", Vulnerability.None, 150, Coordinator);
        alisher.AddAlias("Normatov Alisher", "passport");

        var intake = Interview(MoscowOffice, alisher, 150, ["detention.arbitrary", "violence.police-abuse"], "RU", "Moscow", 152, 151,
            "Во время рейда на стройке его продержали в отделе полиции двое суток без переводчика и без протокола, телефон отобрали. Отпустили без объяснений.",
            "Признать задержание незаконным.", by: Coordinator);
        intake.AddRespondent("Отдел полиции (рейд на стройке)", RespondentType.Police, null);

        var @case = await OpenCaseAsync(intake, MoscowOffice, "Задержание на двое суток без протокола", 148);
        await Then(() => @case.ChangeStatus(CaseStatus.InProgress, Coordinator, DaysAgo(147)));
        await Then(() => @case.Close(CaseOutcome.NotResolved, Day(-90), "Жалоба в прокуратуру оставлена без удовлетворения.", Coordinator, DaysAgo(90)));
        await Then(() => @case.ChangeStatus(CaseStatus.InProgress, Coordinator, DaysAgo(20), "Нашёлся свидетель задержания; готовим жалобу в суд."));
        await Then(() => @case.Assign(null, null, [Lawyer], Coordinator, DaysAgo(19.9)));
    }

    public async Task EntryBanAsync()
    {
        var behruz = Person(SpbOffice, "Рашидов Бехруз", "Файзуллоевич", Sex.Male, "TJ", Born(1987, 7, 7), null, "tg, ru", "TJ", "Dushanbe", Vulnerability.None, 45);
        behruz.AddAlias("RASHIDOV BEHRUZ", "passport");
        behruz.AddContact(ContactChannel.WhatsApp, "+992 90 555 1408", true, "Through his wife in St Petersburg if no answer.");

        var intake = Interview(SpbOffice, behruz, 45, ["detention.entry-ban"], "RU", "St Petersburg", 60, 60,
            "Женат на гражданке России, двое детей живут в Петербурге. Возвращаясь из отпуска, на границе узнал о запрете въезда за два административных штрафа за опоздание с учётом.",
            "Отменить запрет и вернуться к семье.");
        intake.AddRespondent("Управление по вопросам миграции", RespondentType.MigrationAuthority, null);

        var @case = await OpenCaseAsync(intake, SpbOffice, "Запрет на въезд, семья в России", 44);
        await Then(() => @case.Assign(Caseworker, Lawyer, [], Coordinator, DaysAgo(43)));
        await Then(() => @case.AddNote(NoteKind.Court, "Подано административное исковое заявление об отмене решения о неразрешении въезда; ссылаемся на право на семейную жизнь.", Lawyer, DaysAgo(30)));
        await Then(() => @case.AddNote(NoteKind.Call, "Жена клиента передала свидетельства о рождении детей и о браке.", Caseworker, DaysAgo(28)));
    }

    public Task DetainedAwaitingDecisionAsync()
    {
        var umed = Person(MoscowOffice, "Шодиев Умед", null, Sex.Male, "TJ", Born(2000, 9, 14), null, "tg, ru", "RU", "Moscow", Vulnerability.Detained, 0.3, Coordinator);
        umed.AddAlias("Shodiev Umed", "brother's spelling");
        umed.AddContact(ContactChannel.ThroughRelative, "Брат Бехзод, +7 900 555-66-21", true, null);

        Interview(MoscowOffice, umed, 0.3, ["detention.centre", "detention.expulsion"], "RU", "Moscow", 1, null,
            "Брат сообщил, что Умеда вчера задержали и держат в спецприёмнике; ему грозит выдворение, паспорт остался на съёмной квартире.",
            "Не допустить выдворения, передать паспорт.", detention: true, expulsion: true, by: Coordinator);
        return Task.CompletedTask;
    }
}
