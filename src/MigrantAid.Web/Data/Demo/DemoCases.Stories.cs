using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;

namespace MigrantAid.Web.Data.Demo;

/// <summary>
/// The demo stories. People, employers, schools and hospitals are invented; cities are real.
/// St Petersburg cases go to lawyer@ and caseworker@, Almaty cases to lawyer2@; the coordinator
/// accepts intakes and works the Moscow and Bishkek cases.
/// </summary>
public sealed partial class DemoCases
{
    /// <summary>Office, the exact name of the story's first client (its idempotency key), and the writer.</summary>
    private IEnumerable<(string Office, string FirstClient, Func<Task> Write)> Stories() =>
    [
        (SpbOffice, "Шарипов Далер", UnpaidWagesOnBuildingSiteAsync),
        (SpbOffice, "Юлдашева Малика", ChildHeldForDeportationAsync),
        (MoscowOffice, "Гасанов Руслан", StatelessManAsync),
        (SpbOffice, "Каримова Зарина", SchoolRefusesChildAsync),
        (AlmatyOffice, "Абдыкадырова Айпери", DomesticWorkerPassportKeptAsync),
        (SpbOffice, "Турсунов Акмал", PassportExpiringSoonAsync),
        (SpbOffice, "Мирзоев Фирдавс", StayNearTheLimitAsync),
        (MoscowOffice, "Холматов Жасур", OverstayAndExpulsionAsync),
        (MoscowOffice, "Эргашев Улугбек", LabourTraffickingAsync),
        (AlmatyOffice, "Жумабаева Гулзат", SexualTraffickingAsync),
        (SpbOffice, "Сафаров Исмоил", HateViolenceConsentWithdrawnAsync),
        (MoscowOffice, "Бобоева Гулшан", RomaRefusedAtClinicAsync),
        (SpbOffice, "Исмоилова Нилуфар", MaternityCareAsync),
        (BishkekOffice, "Токтогулов Эрлан", InjuredReturneeAsync),
        (BishkekOffice, "Бекмуратов Азамат", RecruitmentFeeAsync),
        (SpbOffice, "Усмонов Шохрух", CourierUnionAsync),
        (AlmatyOffice, "Давлатова Зебо", ChildLabourAtMarketAsync),
        (AlmatyOffice, "Исаков Бахтиёр", CitizenshipInDoubtAsync),
        (MoscowOffice, "Норматов Алишер", DetentionReopenedAsync),
        (SpbOffice, "Рашидов Бехруз", EntryBanAsync),
        (AlmatyOffice, "Хамроев Шухрат", AlmatyWagesAsync),
        (BishkekOffice, "Nurmatova Dilnoza", ClinicWithoutRegistrationAsync),
        (MoscowOffice, "Шодиев Умед", DetainedAwaitingDecisionAsync),
        (AlmatyOffice, "Рахмонова Шахло", ChildLeftBehindAsync),
        (BishkekOffice, "Абдыраимов Нурбек", ReturneeWageClaimAsync),
        (SpbOffice, "Ковальчук Андрей", OutsideMandateAsync),
        (SpbOffice, "Olimov Sardor", DraftInterviewAsync),
    ];

    private async Task UnpaidWagesOnBuildingSiteAsync()
    {
        var daler = Person(SpbOffice, "Шарипов Далер", "Рустамович", Sex.Male, "TJ", Born(1990, 3, 14), null, "tg, ru", "RU", "St Petersburg", Vulnerability.None, 58);
        daler.AddAlias("SHARIPOV DALER", "passport");
        daler.AddAlias("Sharipov Dalerjon", "work patent");
        daler.AddContact(ContactChannel.Phone, "+7 900 555-14-20", true, "Best after 19:00.");
        daler.AddContact(ContactChannel.Telegram, "+7 900 555-14-20", true, null);
        daler.AddDocument(MigrationDocumentType.Passport, "400118273", "TJ", Born(2019, 5, 10), Born(2029, 5, 9));
        daler.AddDocument(MigrationDocumentType.WorkPatent, "78 2301184467", "RU", Day(-375), Day(-10));
        var bakhrom = Person(SpbOffice, "Назаров Бахром", "Шералиевич", Sex.Male, "TJ", null, 1986, "tg, ru", "RU", "St Petersburg", Vulnerability.None, 58);
        bakhrom.AddAlias("Nazarov Bakhrom", "passport");

        var intake = Interview(SpbOffice, daler, 58, ["labour.unpaid-wages", "labour.unsafe-work", "documents.work-patent"], "RU", "Murino", 150, 60,
            "Работал бетонщиком на строительстве жилого комплекса в Мурино с весны. Бригадир обещал 3 500 рублей за смену, за последние три месяца не заплатил ничего. " +
            "Когда попросил расчёт, сказали прийти позже, а потом перестали пускать на объект. Страховочные пояса не выдавали, в бытовке нет отопления. " +
            "Патент за это время просрочил: платить за него было нечем.",
            "Получить долг по зарплате и продлить патент, чтобы не остаться без документов.");
        intake.AddRespondent("ООО «Невский Монолит»", RespondentType.Employer, Sector.Construction);
        intake.AddRespondent("ООО «ТрудРесурс Север»", RespondentType.RecruitmentAgency, null);

        var @case = await OpenCaseAsync(intake, SpbOffice, "Невыплата зарплаты на стройке в Мурино", 56);
        await Then(() => @case.Assign(Caseworker, Lawyer, [], Coordinator, DaysAgo(55.9)));
        await Then(() => @case.AddClient(bakhrom.Id, CaseClientRole.CoComplainant, Caseworker, DaysAgo(55)));
        await Then(() => @case.AddNote(NoteKind.Interview, "Повторная встреча с обоими заявителями: собрали табели, фотографии пропусков на объект и переписку с бригадиром в мессенджере.", Caseworker, DaysAgo(54)));
        await Then(() => @case.AddNote(NoteKind.Call, "Позвонил в отдел кадров подрядчика: трудовые отношения отрицают, предлагают «решить вопрос без юристов».", Lawyer, DaysAgo(41)));
        await Then(() => @case.AddNote(NoteKind.Other, "Направлены претензия работодателю и жалоба в Государственную инспекцию труда.", Lawyer, DaysAgo(30)));
        await Then(() => @case.AddNote(NoteKind.Court, "Подан иск о взыскании заработной платы в районный суд; предварительное заседание через три недели.", Lawyer, DaysAgo(6)));
        await Then(() => @case.AddNote(NoteKind.Visit, "Помогли собрать документы на новый патент; клиент знает, что за просрочку грозит штраф.", Caseworker, DaysAgo(2)));
    }

    private async Task ChildHeldForDeportationAsync()
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

    private async Task StatelessManAsync()
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

    private async Task SchoolRefusesChildAsync()
    {
        var zarina = Person(SpbOffice, "Каримова Зарина", "Алишеровна", Sex.Female, "TJ", Born(1989, 4, 27), null, "tg, ru", "RU", "St Petersburg", Vulnerability.None, 125);
        zarina.AddContact(ContactChannel.WhatsApp, "+7 900 555-90-33", true, null);
        zarina.AddDocument(MigrationDocumentType.MigrationRegistration, null, "RU", Day(-130), Day(-40));
        var madina = Person(SpbOffice, "Каримова Мадина", null, Sex.Female, "TJ", BornYearsAgo(7, 100), null, "tg, ru", "RU", "St Petersburg", Vulnerability.Child, 125);
        Family(zarina, madina, FamilyRelation.Child);

        var intake = Interview(SpbOffice, zarina, 125, ["children.school-access", "documents.registration"], "RU", "St Petersburg", 135, 125,
            "Школа отказалась принять дочь в первый класс: требуют регистрацию по месту пребывания не меньше чем на год. У семьи регистрация на три месяца. " +
            "Письменного отказа не дали, сказали приходить на следующий год.",
            "Чтобы дочь пошла в школу вместе с ровесниками.");
        intake.AddRespondent("Школа «Ладога»", RespondentType.School, null);

        var @case = await OpenCaseAsync(intake, SpbOffice, "Отказ в зачислении в первый класс", 122);
        await Then(() => @case.Assign(Caseworker, Lawyer, [], Coordinator, DaysAgo(121)));
        await Then(() => @case.AddClient(madina.Id, CaseClientRole.FamilyMember, Caseworker, DaysAgo(121)));
        await Then(() => @case.AddNote(NoteKind.Call, "Направлен письменный запрос директору школы об основаниях отказа.", Lawyer, DaysAgo(110)));
        await Then(() => @case.AddNote(NoteKind.Other, "Жалобы поданы в районный отдел образования и в прокуратуру района.", Lawyer, DaysAgo(95)));
        await Then(() => @case.Close(CaseOutcome.ResolvedInFavour, Day(-70), "Девочка зачислена в первый класс после проверки прокуратуры.", Lawyer, DaysAgo(70)));
    }

    private async Task DomesticWorkerPassportKeptAsync()
    {
        var aiperi = Person(AlmatyOffice, "Абдыкадырова Айпери", "Маратовна", Sex.Female, "KG", Born(1995, 7, 21), null, "ky, ru", "KZ", "Almaty", Vulnerability.None, 19, Lawyer2);
        aiperi.AddAlias("ABDYKADYROVA AIPERI", "passport");
        aiperi.AddAlias("Абдыкадыр кызы Айпери", "as she introduces herself");
        aiperi.AddContact(ContactChannel.Phone, "+7 700 555-20-41", false, "The employer checks her phone: do not call or text.");
        aiperi.AddContact(ContactChannel.WhatsApp, "+996 555 000 172", true, "Her cousin in Bishkek passes messages on.");
        aiperi.AddDocument(MigrationDocumentType.Passport, "AN4471025", "KG", Born(2019, 8, 1), Born(2029, 7, 31));

        var intake = Interview(AlmatyOffice, aiperi, 19, ["labour.domestic-worker-abuse", "labour.documents-confiscated", "labour.unpaid-wages"], "KZ", "Almaty", 300, 21,
            "Worked as a live-in housekeeper and nanny for a family in a private house above the city. On arrival the employer took her passport \"for registration\" " +
            "and never returned it. She worked from six in the morning until late at night with one day off a month and was paid only for the first two months. " +
            "She left after the employer's wife hit her.",
            "Get her passport back and the wages she is owed, and go home safely.", by: Lawyer2);
        intake.AddRespondent("Сейтжанов Ерлан (private household)", RespondentType.Employer, Sector.DomesticWork);

        var @case = await OpenCaseAsync(intake, AlmatyOffice, "Domestic worker: passport kept by the employer", 18);
        await Then(() => @case.Assign(null, Lawyer2, [], Coordinator, DaysAgo(17.9)));
        await Then(() => @case.Update(@case.Title, CasePriority.High, confidential: true, Coordinator, DaysAgo(17.8)));
        await Then(() => @case.AddNote(NoteKind.Interview, "Met her at the partner NGO's shelter. She kept a notebook of the days she worked; photographed every page.", Lawyer2, DaysAgo(17)));
        await Then(() => @case.AddNote(NoteKind.Call, "Wrote to the employer asking him to hand the passport to the local police station. No reply.", Lawyer2, DaysAgo(10)));
        await Then(() => @case.AddNote(NoteKind.Other, "Statement about the withheld passport filed with the police; accepted after we insisted on a registration number.", Lawyer2, DaysAgo(3)));
    }

    private async Task PassportExpiringSoonAsync()
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

    private Task StayNearTheLimitAsync()
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

    private async Task OverstayAndExpulsionAsync()
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

    private async Task LabourTraffickingAsync()
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

    private async Task SexualTraffickingAsync()
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

    private async Task HateViolenceConsentWithdrawnAsync()
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

    private async Task RomaRefusedAtClinicAsync()
    {
        var gulshan = Person(MoscowOffice, "Бобоева Гулшан", null, Sex.Female, "TJ", null, 1975, "tg, ru", "RU", "Moscow", Vulnerability.Roma, 160, Coordinator);
        gulshan.AddAlias("Boboeva Gulshan", null);
        gulshan.AddContact(ContactChannel.ThroughRelative, "Сын Фарид, +7 900 555-59-48", true, null);

        var intake = Interview(MoscowOffice, gulshan, 160, ["violence.discrimination", "health.health-care"], "RU", "Moscow", 165, 162,
            "В поликлинике отказались осмотреть её внука с высокой температурой: медсестра сказала, что «таких» без полиса не принимают. " +
            "На рынке, где она торгует, полиция проверяет документы только у её семьи и соседей-люли.",
            "Чтобы внука лечили и семью перестали выделять при проверках.", by: Coordinator);
        intake.AddRespondent("Городская поликлиника «Восток»", RespondentType.Hospital, null);
        intake.AddRespondent("Отдел полиции по району рынка", RespondentType.Police, null);

        var @case = await OpenCaseAsync(intake, MoscowOffice, "Отказ в медпомощи ребёнку из семьи рома", 158);
        await Then(() => @case.ChangeStatus(CaseStatus.InProgress, Coordinator, DaysAgo(157)));
        await Then(() => @case.AddNote(NoteKind.Other, "Письмо главному врачу: экстренная помощь детям оказывается без полиса.", Coordinator, DaysAgo(155)));
        await Then(() => @case.Close(CaseOutcome.PartlyResolved, Day(-120), "Ребёнка осмотрели и лечили. На жалобу о проверках полиция не ответила.", Coordinator, DaysAgo(120)));
    }

    private async Task MaternityCareAsync()
    {
        var nilufar = Person(SpbOffice, "Исмоилова Нилуфар", "Эркиновна", Sex.Female, "UZ", Born(1997, 4, 18), null, "uz, ru", "RU", "St Petersburg", Vulnerability.Pregnancy, 90);
        nilufar.AddAlias("ISMOILOVA NILUFAR", "passport");
        nilufar.AddContact(ContactChannel.Phone, "+7 900 555-31-52", true, null);

        var intake = Interview(SpbOffice, nilufar, 90, ["health.maternity-care", "health.health-care"], "RU", "St Petersburg", 92, 90,
            "На 34-й неделе беременности роддом потребовал заранее оплатить роды, иначе не примут. Полиса ОМС нет, муж работает по патенту.",
            "Родить в больнице без долгов.");
        intake.AddRespondent("Родильный дом «Северное сияние»", RespondentType.Hospital, null);

        var @case = await OpenCaseAsync(intake, SpbOffice, "Роддом требует оплату вперёд", 89);
        await Then(() => @case.Assign(Caseworker, Lawyer, [], Coordinator, DaysAgo(88.9)));
        await Then(() => @case.AddNote(NoteKind.Call, "Позвонил заместителю главного врача: экстренная и неотложная помощь при родах оказывается бесплатно.", Lawyer, DaysAgo(88)));
        await Then(() => @case.Close(CaseOutcome.ResolvedInFavour, Day(-60), "Клиентка родила в этом роддоме, помощь оказана бесплатно.", Lawyer, DaysAgo(60)));
    }

    private async Task InjuredReturneeAsync()
    {
        var erlan = Person(BishkekOffice, "Токтогулов Эрлан", "Асанович", Sex.Male, "KG", Born(1980, 1, 9), null, "ky, ru", "KG", "Bishkek", Vulnerability.Disability, 300, Coordinator);
        erlan.AddAlias("TOKTOGULOV ERLAN", "passport");
        erlan.AddContact(ContactChannel.Phone, "+996 555 000 318", true, null);

        var intake = Interview(BishkekOffice, erlan, 300, ["labour.unsafe-work", "health.social-benefits"], "RU", "Yekaterinburg", 800, 800,
            "Two years ago he fell from scaffolding on a building site in Yekaterinburg. The employer had not registered him and paid nothing towards treatment. " +
            "Back in Bishkek he cannot work, and a disability benefit was refused because the injury happened abroad.",
            "Compensation from the employer and a disability benefit at home.", by: Coordinator);
        intake.AddRespondent("ООО «УралСтройГрупп»", RespondentType.Employer, Sector.Construction);

        var @case = await OpenCaseAsync(intake, BishkekOffice, "Injury on a Russian building site, benefit refused", 298);
        await Then(() => @case.ChangeStatus(CaseStatus.InProgress, Coordinator, DaysAgo(297)));
        await Then(() => @case.AddNote(NoteKind.Interview, "Collected the hospital discharge papers from Yekaterinburg; no employment contract exists.", Coordinator, DaysAgo(290)));
        await Then(() => @case.Close(CaseOutcome.Referred, Day(-250), "Referred to the partner NGO's social-rights lawyer in Bishkek for the benefit claim.", Coordinator, DaysAgo(250)));
    }

    private async Task RecruitmentFeeAsync()
    {
        var azamat = Person(BishkekOffice, "Бекмуратов Азамат", null, Sex.Male, "KG", Born(1999, 10, 3), null, "ky, ru", "KG", "Bishkek", Vulnerability.None, 410, Coordinator);
        azamat.AddAlias("Bekmuratov Azamat", "passport");
        azamat.AddContact(ContactChannel.WhatsApp, "+996 555 000 904", true, null);

        var intake = Interview(BishkekOffice, azamat, 410, ["labour.recruitment-agency"], "KG", "Bishkek", 440, 420,
            "Paid an agency in Bishkek 40,000 som for a \"guaranteed\" warehouse job in Moscow. There was no job on arrival and the agency's phones are switched off.",
            "Get the fee back.", by: Coordinator);
        intake.AddRespondent("Агентство «Жол Трудоустройство»", RespondentType.RecruitmentAgency, null);

        var @case = await OpenCaseAsync(intake, BishkekOffice, "Recruitment agency kept the fee, no job", 408);
        await Then(() => @case.ChangeStatus(CaseStatus.InProgress, Coordinator, DaysAgo(407)));
        await Then(() => @case.AddNote(NoteKind.Other, "Letter to the agency's registered address and to the licensing body.", Coordinator, DaysAgo(400)));
        await Then(() => @case.Close(CaseOutcome.Withdrawn, Day(-380), "The client found work in Kazakhstan and withdrew the complaint.", Coordinator, DaysAgo(380)));
    }

    private async Task CourierUnionAsync()
    {
        var shokhrukh = Person(SpbOffice, "Усмонов Шохрух", "Иброхимович", Sex.Male, "UZ", Born(1996, 5, 29), null, "uz, ru", "RU", "St Petersburg", Vulnerability.None, 260);
        shokhrukh.AddAlias("Usmonov Shohruh", "patent");
        var otabek = Person(SpbOffice, "Abdurakhmonov Otabek", null, Sex.Male, "UZ", null, 1995, "uz, ru", "RU", "St Petersburg", Vulnerability.None, 260);
        otabek.AddAlias("Абдурахмонов Отабек", "Cyrillic spelling");

        var intake = Interview(SpbOffice, shokhrukh, 260, ["labour.union-rights", "labour.unpaid-wages"], "RU", "St Petersburg", 275, 262,
            "Курьеры службы доставки собрались, чтобы вместе потребовать оплату переработок и создать профсоюзную ячейку. " +
            "На следующий день обоих отключили от приложения без расчёта.",
            "Получить расчёт и вернуться к работе.");
        intake.AddRespondent("Служба доставки «БыстроЕда»", RespondentType.Employer, Sector.Services);

        var @case = await OpenCaseAsync(intake, SpbOffice, "Курьеров отключили после попытки создать профсоюз", 258);
        await Then(() => @case.Assign(Caseworker, Lawyer, [], Coordinator, DaysAgo(257)));
        await Then(() => @case.AddClient(otabek.Id, CaseClientRole.CoComplainant, Caseworker, DaysAgo(257)));
        await Then(() => @case.AddNote(NoteKind.Call, "Два звонка клиенту без ответа; сообщение в мессенджере не прочитано.", Caseworker, DaysAgo(200)));
        await Then(() => @case.Close(CaseOutcome.LostContact, Day(-170), "Связь с обоими клиентами потеряна; по словам знакомых, уехали в Узбекистан.", Lawyer, DaysAgo(170)));
    }

    private async Task ChildLabourAtMarketAsync()
    {
        var zebo = Person(AlmatyOffice, "Давлатова Зебо", null, Sex.Female, "TJ", null, 1985, "tg, ru", "KZ", "Almaty", Vulnerability.None, 33, Lawyer2);
        zebo.AddContact(ContactChannel.Address, "Rented room near the wholesale market; ask for Zebo at stall 14", true, null);
        var rustam = Person(AlmatyOffice, "Давлатов Рустам", null, Sex.Male, "TJ", BornYearsAgo(13), null, "tg, ru", "KZ", "Almaty", Vulnerability.Child, 33, Lawyer2);
        var sabina = Person(AlmatyOffice, "Давлатова Сабина", null, Sex.Female, null, _today.AddDays(-125), null, null, "KZ", "Almaty", Vulnerability.Child | Vulnerability.Undocumented, 33, Lawyer2);
        Family(zebo, rustam, FamilyRelation.Child);
        Family(zebo, sabina, FamilyRelation.Child);
        Family(rustam, sabina, FamilyRelation.Sibling);

        var intake = Interview(AlmatyOffice, zebo, 33, ["labour.child-labour", "documents.birth-registration", "children.school-access"], "KZ", "Almaty", 200, null,
            "Her son, 13, carries goods for a trader at the wholesale market instead of going to school; without his pay the family cannot pay the rent. " +
            "Her baby daughter was born at home four months ago and has no birth certificate, so the clinic will not register her.",
            "School for her son and a birth certificate for the baby.", by: Lawyer2);
        intake.AddRespondent("Trader at the wholesale market (name unknown)", RespondentType.Employer, Sector.MarketsAndTrade);

        var @case = await OpenCaseAsync(intake, AlmatyOffice, "Child working at a market; baby without a birth certificate", 32);
        await Then(() => @case.Assign(null, Lawyer2, [], Coordinator, DaysAgo(31.9)));
        await Then(() => @case.AddClient(rustam.Id, CaseClientRole.FamilyMember, Lawyer2, DaysAgo(31.8)));
        await Then(() => @case.AddClient(sabina.Id, CaseClientRole.FamilyMember, Lawyer2, DaysAgo(31.8)));
        await Then(() => @case.AddNote(NoteKind.Visit, "Visited the family; a neighbour who was present at the birth will confirm it in writing.", Lawyer2, DaysAgo(25)));
        await Then(() => @case.AddNote(NoteKind.Other, "Application for late birth registration lodged with the civil registry office.", Lawyer2, DaysAgo(12)));
    }

    private async Task CitizenshipInDoubtAsync()
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

    private async Task DetentionReopenedAsync()
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

    private async Task EntryBanAsync()
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

    private async Task AlmatyWagesAsync()
    {
        var shukhrat = Person(AlmatyOffice, "Хамроев Шухрат", null, Sex.Male, "UZ", Born(1991, 12, 1), null, "uz, ru", "KZ", "Almaty", Vulnerability.None, 230, Lawyer2);
        shukhrat.AddAlias("Khamroev Shukhrat", "passport");
        shukhrat.AddAlias("Hamroev Shuhrat", "employer's list");

        var intake = Interview(AlmatyOffice, shukhrat, 230, ["labour.unpaid-wages"], "KZ", "Almaty", 320, 240,
            "He and six others plastered walls on a housing estate for three months; the subcontractor paid one month and disappeared.",
            "The wages for the last two months.", by: Lawyer2);
        intake.AddRespondent("TOO \"Alatau Finish Group\"", RespondentType.Employer, Sector.Construction);

        var @case = await OpenCaseAsync(intake, AlmatyOffice, "Unpaid plastering work on a housing estate", 228);
        await Then(() => @case.Assign(null, Lawyer2, [], Coordinator, DaysAgo(227)));
        await Then(() => @case.AddNote(NoteKind.Other, "Claim sent to the general contractor, who is jointly responsible for the site.", Lawyer2, DaysAgo(200)));
        await Then(() => @case.Close(CaseOutcome.PartlyResolved, Day(-150), "The general contractor paid one of the two months owed.", Lawyer2, DaysAgo(150)));
    }

    private async Task ClinicWithoutRegistrationAsync()
    {
        var dilnoza = Person(BishkekOffice, "Nurmatova Dilnoza", null, Sex.Female, "UZ", Born(1993, 3, 23), null, "uz, ky, ru", "KG", "Bishkek", Vulnerability.None, 11, Coordinator);
        dilnoza.AddAlias("Нурматова Дилноза", "Cyrillic spelling");
        dilnoza.AddContact(ContactChannel.Phone, "+996 555 000 611", true, null);

        var intake = Interview(BishkekOffice, dilnoza, 11, ["health.health-care", "documents.registration"], "KG", "Bishkek", 20, 14,
            "Lives in Bishkek with her husband, who works at a sewing workshop. A city clinic refused to see her because she has no local registration.",
            "Treatment, and help to register where she lives.", by: Coordinator);
        intake.AddRespondent("City family medicine centre", RespondentType.Hospital, null);

        var @case = await OpenCaseAsync(intake, BishkekOffice, "Clinic refuses a patient without registration", 10);
        await Then(() => @case.ChangeStatus(CaseStatus.InProgress, Coordinator, DaysAgo(9)));
        await Then(() => @case.AddNote(NoteKind.Call, "Called the clinic's head: she will be seen this week; registration next.", Coordinator, DaysAgo(8)));
    }

    private Task DetainedAwaitingDecisionAsync()
    {
        var umed = Person(MoscowOffice, "Шодиев Умед", null, Sex.Male, "TJ", Born(2000, 9, 14), null, "tg, ru", "RU", "Moscow", Vulnerability.Detained, 0.3, Coordinator);
        umed.AddAlias("Shodiev Umed", "brother's spelling");
        umed.AddContact(ContactChannel.ThroughRelative, "Брат Бехзод, +7 900 555-66-21", true, null);

        Interview(MoscowOffice, umed, 0.3, ["detention.centre", "detention.expulsion"], "RU", "Moscow", 1, null,
            "Брат сообщил, что Умеда вчера задержали и держат в спецприёмнике; ему грозит выдворение, паспорт остался на съёмной квартире.",
            "Не допустить выдворения, передать паспорт.", detention: true, expulsion: true, by: Coordinator);
        return Task.CompletedTask;
    }

    private Task ChildLeftBehindAsync()
    {
        var shakhlo = Person(AlmatyOffice, "Рахмонова Шахло", null, Sex.Female, "TJ", BornYearsAgo(16), null, "tg, ru", "KZ", "Almaty", Vulnerability.Child, 0.5, Lawyer2);
        shakhlo.AddContact(ContactChannel.ThroughRelative, "Neighbour Gulnara, +7 700 555-73-30", true, null);

        Interview(AlmatyOffice, shakhlo, 0.5, ["children.family-separation", "children.stay-limits"], "KZ", "Almaty", 7, null,
            "Her parents were expelled from Kazakhstan last week after a document check. She was at school and stayed behind with a neighbour. She has no papers of her own.",
            "To be with her parents, or be allowed to finish the school year.", separatedChild: true, by: Lawyer2);
        return Task.CompletedTask;
    }

    private Task ReturneeWageClaimAsync()
    {
        var nurbek = Person(BishkekOffice, "Абдыраимов Нурбек", null, Sex.Male, "KG", Born(1984, 4, 4), null, "ky, ru", "KG", "Bishkek", Vulnerability.None, 3, Coordinator);
        nurbek.AddAlias("ABDYRAIMOV NURBEK", "passport");

        var intake = Interview(BishkekOffice, nurbek, 3, ["labour.unpaid-wages"], "RU", "Moscow", 120, 40,
            "Drove a forklift at a warehouse near Moscow for four months; the last two months were never paid. He is now back in Bishkek.",
            "The wages, without having to travel back to Moscow.", by: Coordinator);
        intake.AddRespondent("ООО «СкладСервис-М»", RespondentType.Employer, Sector.Services);
        return Task.CompletedTask;
    }

    private async Task OutsideMandateAsync()
    {
        var andrei = Person(SpbOffice, "Ковальчук Андрей", "Петрович", Sex.Male, "RU", Born(1979, 11, 11), null, "ru", "RU", "St Petersburg", Vulnerability.None, 20);
        var intake = Interview(SpbOffice, andrei, 20, ["health.social-benefits"], "RU", "St Petersburg", null, null,
            "Гражданин России, просит помочь вернуть деньги за некачественный ремонт квартиры и получить субсидию на оплату жилья.",
            "Вернуть деньги за ремонт.");
        await Then(() => intake.Reject(RejectionReason.OutsideMandate, "Потребительский спор гражданина России; дали контакты бесплатной юридической консультации.", Coordinator, DaysAgo(19)));
    }

    private Task DraftInterviewAsync()
    {
        var sardor = Person(SpbOffice, "Olimov Sardor", null, Sex.Male, "TJ", null, 1999, "tg, ru", "RU", "St Petersburg", Vulnerability.None, 0.1, consent: false);
        sardor.AddAlias("Олимов Сардор", "Cyrillic spelling");
        var intake = Interview(SpbOffice, sardor, 0.1, ["labour.unpaid-wages"], "RU", "St Petersburg", null, null,
            "Работает на складе, зарплату задерживают; интервью прервано, клиент торопился на смену.", null, submit: false);
        intake.Step = IntakeStep.Complaint;
        return Task.CompletedTask;
    }
}
