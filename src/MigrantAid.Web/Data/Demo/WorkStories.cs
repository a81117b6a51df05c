using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;

namespace MigrantAid.Web.Data.Demo;

/// <summary>Stories of work: wages unpaid or kept, recruitment fees, injuries, unions, a domestic worker's passport.</summary>
internal sealed class WorkStories(AppDbContext db, DemoDirectory directory) : DemoStoryBook(db, directory)
{
    public async Task UnpaidWagesOnBuildingSiteAsync()
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

    public async Task DomesticWorkerPassportKeptAsync()
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

    public async Task InjuredReturneeAsync()
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

    public async Task RecruitmentFeeAsync()
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

    public async Task CourierUnionAsync()
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

    public async Task AlmatyWagesAsync()
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

    public Task ReturneeWageClaimAsync()
    {
        var nurbek = Person(BishkekOffice, "Абдыраимов Нурбек", null, Sex.Male, "KG", Born(1984, 4, 4), null, "ky, ru", "KG", "Bishkek", Vulnerability.None, 3, Coordinator);
        nurbek.AddAlias("ABDYRAIMOV NURBEK", "passport");

        var intake = Interview(BishkekOffice, nurbek, 3, ["labour.unpaid-wages"], "RU", "Moscow", 120, 40,
            "Drove a forklift at a warehouse near Moscow for four months; the last two months were never paid. He is now back in Bishkek.",
            "The wages, without having to travel back to Moscow.", by: Coordinator);
        intake.AddRespondent("ООО «СкладСервис-М»", RespondentType.Employer, Sector.Services);
        return Task.CompletedTask;
    }
}
