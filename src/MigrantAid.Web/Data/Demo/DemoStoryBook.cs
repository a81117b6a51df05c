using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;

namespace MigrantAid.Web.Data.Demo;

/// <summary>
/// What the demo stories are written with: the demo offices and accounts, days counted back from today, and the steps
/// of a story (a person, an intake interview, the case opened from it, each later step saved in order). Everything goes
/// through the domain methods so the invariants hold.
/// </summary>
internal abstract class DemoStoryBook(AppDbContext db, DemoDirectory directory)
{
    protected const string SpbOffice = DemoCases.SpbOffice;
    protected const string MoscowOffice = DemoCases.MoscowOffice;
    protected const string AlmatyOffice = DemoCases.AlmatyOffice;
    protected const string BishkekOffice = DemoCases.BishkekOffice;

    private const string ConsentScope = "Processing of personal data for legal aid; contact through the channels marked safe.";

    protected Guid Coordinator => directory.Users["coordinator@demo.local"];

    protected Guid Lawyer => directory.Users["lawyer@demo.local"];

    protected Guid Lawyer2 => directory.Users["lawyer2@demo.local"];

    protected Guid Caseworker => directory.Users["caseworker@demo.local"];

    protected DateOnly Today => directory.Today;

    protected DateTimeOffset DaysAgo(double days) => directory.Now.AddDays(-days);

    protected DateOnly Day(int offsetFromToday) => directory.Today.AddDays(offsetFromToday);

    protected static string Format(DateOnly date) => date.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A client registered <paramref name="daysAgo"/> days ago, with consent given unless told otherwise.</summary>
    protected Client Person(
        string office, string name, string? patronymic, Sex sex, string? citizenship, DateOnly? birthDate, int? birthYear,
        string? languages, string? country, string? city, Vulnerability vulnerabilities, double daysAgo,
        Guid? registeredBy = null, bool consent = true)
    {
        var by = registeredBy ?? Caseworker;
        var at = DaysAgo(daysAgo);
        var client = new Client(directory.Offices[office].Id, name, patronymic, by, at)
        {
            Sex = sex,
            Citizenship = citizenship,
            Languages = languages,
            CurrentCountry = country,
            CurrentCity = city,
            Vulnerabilities = vulnerabilities,
        };
        client.SetBirth(birthDate, birthYear);
        if (consent)
        {
            client.RecordConsent(ConsentStatus.Given, DateOnly.FromDateTime(at.UtcDateTime), ConsentScope, by, at);
        }

        db.Clients.Add(client);
        return client;
    }

    protected static DateOnly Born(int year, int month, int day) => new(year, month, day);

    /// <summary>A year of birth <paramref name="years"/> years before today (for children whose age must stay right).</summary>
    protected DateOnly BornYearsAgo(int years, int dayOfYearOffset = 40) => directory.Today.AddYears(-years).AddDays(-dayOfYearOffset);

    protected void Family(Client a, Client b, FamilyRelation bIsToA)
    {
        db.FamilyLinks.Add(new FamilyLink(a.Id, b.Id, bIsToA));
        db.FamilyLinks.Add(new FamilyLink(b.Id, a.Id, bIsToA.Inverse()));
    }

    /// <summary>An intake interview of <paramref name="client"/>, submitted an hour after it started.</summary>
    protected Intake Interview(
        string office, Client client, double daysAgo, string[] categoryCodes, string country, string city,
        int? incidentFromDaysAgo, int? incidentToDaysAgo, string account, string? wishes,
        bool detention = false, bool expulsion = false, bool separatedChild = false, Guid? by = null, bool submit = true, bool noDocuments = false)
    {
        var intake = new Intake(directory.Offices[office].Id, by ?? Caseworker, DaysAgo(daysAgo))
        {
            ClientId = client.Id,
            CategoryIds = categoryCodes.Where(directory.Categories.ContainsKey).Select(c => directory.Categories[c]).ToList(),
            IncidentCountry = country,
            IncidentCity = city,
            IncidentFrom = incidentFromDaysAgo is { } from ? Day(-from) : null,
            IncidentTo = incidentToDaysAgo is { } to ? Day(-to) : null,
            Account = account,
            ClientWishes = wishes,
            InDetention = detention,
            ImminentExpulsion = expulsion,
            SeparatedChild = separatedChild,
            NoDocuments = noDocuments,
            Step = IntakeStep.Triage,
        };
        if (submit)
        {
            intake.Submit(DaysAgo(daysAgo - 1.0 / 24));
        }

        db.Intakes.Add(intake);
        return intake;
    }

    /// <summary>The intake accepted by the coordinator and opened as a case of its office, with its categories.</summary>
    protected async Task<Case> OpenCaseAsync(Intake intake, string office, string title, double daysAgo)
    {
        var at = DaysAgo(daysAgo);
        intake.Accept(Coordinator, at);
        var openedOn = DateOnly.FromDateTime(at.UtcDateTime);
        var number = await CaseNumbers.NextAsync(db, directory.Offices[office].Id, openedOn.Year);
        var @case = new Case(directory.Offices[office].Id, directory.Offices[office].CasePrefix, openedOn.Year, number, intake, title, Coordinator, openedOn, at);
        db.Cases.Add(@case);
        foreach (var category in intake.CategoryIds)
        {
            db.CaseCategories.Add(new CaseCategory { CaseId = @case.Id, CategoryId = category });
        }

        // Saved now so the timeline's identity numbers follow the order of events.
        await db.SaveChangesAsync();
        return @case;
    }

    /// <summary>Runs one step of a case's life and saves it, keeping the timeline in order.</summary>
    protected async Task Then(Action step)
    {
        step();
        await db.SaveChangesAsync();
    }
}
