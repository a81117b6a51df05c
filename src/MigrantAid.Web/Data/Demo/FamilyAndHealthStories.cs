using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;

namespace MigrantAid.Web.Data.Demo;

/// <summary>Stories of children, families and health care: school, maternity, clinics, child labour, a child left behind.</summary>
internal sealed class FamilyAndHealthStories(AppDbContext db, DemoDirectory directory) : DemoStoryBook(db, directory)
{
    public async Task SchoolRefusesChildAsync()
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

    public async Task RomaRefusedAtClinicAsync()
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

    public async Task MaternityCareAsync()
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

    public async Task ChildLabourAtMarketAsync()
    {
        var zebo = Person(AlmatyOffice, "Давлатова Зебо", null, Sex.Female, "TJ", null, 1985, "tg, ru", "KZ", "Almaty", Vulnerability.None, 33, Lawyer2);
        zebo.AddContact(ContactChannel.Address, "Rented room near the wholesale market; ask for Zebo at stall 14", true, null);
        var rustam = Person(AlmatyOffice, "Давлатов Рустам", null, Sex.Male, "TJ", BornYearsAgo(13), null, "tg, ru", "KZ", "Almaty", Vulnerability.Child, 33, Lawyer2);
        var sabina = Person(AlmatyOffice, "Давлатова Сабина", null, Sex.Female, null, Today.AddDays(-125), null, null, "KZ", "Almaty", Vulnerability.Child | Vulnerability.Undocumented, 33, Lawyer2);
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

    public async Task ClinicWithoutRegistrationAsync()
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

    public Task ChildLeftBehindAsync()
    {
        var shakhlo = Person(AlmatyOffice, "Рахмонова Шахло", null, Sex.Female, "TJ", BornYearsAgo(16), null, "tg, ru", "KZ", "Almaty", Vulnerability.Child, 0.5, Lawyer2);
        shakhlo.AddContact(ContactChannel.ThroughRelative, "Neighbour Gulnara, +7 700 555-73-30", true, null);

        Interview(AlmatyOffice, shakhlo, 0.5, ["children.family-separation", "children.stay-limits"], "KZ", "Almaty", 7, null,
            "Her parents were expelled from Kazakhstan last week after a document check. She was at school and stayed behind with a neighbour. She has no papers of her own.",
            "To be with her parents, or be allowed to finish the school year.", separatedChild: true, by: Lawyer2);
        return Task.CompletedTask;
    }
}
