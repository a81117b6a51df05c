using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;

namespace MigrantAid.Web.Data.Demo;

/// <summary>
/// Demo clients, intakes and cases for the demo offices and accounts of <see cref="DemoSeeder"/>
/// (invented people, employers and stories; real cities). Everything goes through the domain
/// methods so the invariants hold. Idempotent: a story is keyed by its office and the name of its
/// first client and is written in one transaction, so a second run adds nothing. Dates are
/// relative to the clock, so "expires within 30 days" and "near the 90-day limit" stay true.
/// </summary>
public sealed partial class DemoCases(AppDbContext db, TimeProvider clock)
{
    public const string SpbOffice = "St Petersburg";
    public const string MoscowOffice = "Moscow";
    public const string AlmatyOffice = "Almaty";
    public const string BishkekOffice = "Bishkek";

    private const string ConsentScope = "Processing of personal data for legal aid; contact through the channels marked safe.";

    private readonly Dictionary<string, Office> _offices = [];
    private readonly Dictionary<string, Guid> _users = [];
    private readonly Dictionary<string, int> _categories = [];
    private DateTimeOffset _now;
    private DateOnly _today;

    private Guid Coordinator => _users["coordinator@demo.local"];

    private Guid Lawyer => _users["lawyer@demo.local"];

    private Guid Lawyer2 => _users["lawyer2@demo.local"];

    private Guid Caseworker => _users["caseworker@demo.local"];

    /// <summary>Writes the stories not yet in the database; returns how many were added.</summary>
    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        _now = clock.GetUtcNow();
        _today = DateOnly.FromDateTime(_now.UtcDateTime);
        foreach (var office in await db.Offices.AsNoTracking().ToListAsync(cancellationToken))
        {
            _offices[office.Name] = office;
        }

        foreach (var user in await db.Users.AsNoTracking().Where(u => u.Email!.EndsWith("@demo.local")).Select(u => new { u.Email, u.Id }).ToListAsync(cancellationToken))
        {
            _users[user.Email!] = user.Id;
        }

        foreach (var category in await db.ComplaintCategories.AsNoTracking().Select(c => new { c.Code, c.Id }).ToListAsync(cancellationToken))
        {
            _categories[category.Code] = category.Id;
        }

        var added = 0;
        foreach (var (officeName, firstClient, write) in Stories())
        {
            // An office renamed since the demo was first seeded is left alone.
            if (!_offices.TryGetValue(officeName, out var office)
                || await db.Clients.AnyAsync(c => c.OfficeId == office.Id && c.FullName == firstClient, cancellationToken))
            {
                continue;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await write();
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            added++;
        }

        return added;
    }

    private DateTimeOffset DaysAgo(double days) => _now.AddDays(-days);

    private DateOnly Day(int offsetFromToday) => _today.AddDays(offsetFromToday);

    private static string Format(DateOnly date) => date.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A client registered <paramref name="daysAgo"/> days ago, with consent given unless told otherwise.</summary>
    private Client Person(
        string office, string name, string? patronymic, Sex sex, string? citizenship, DateOnly? birthDate, int? birthYear,
        string? languages, string? country, string? city, Vulnerability vulnerabilities, double daysAgo,
        Guid? registeredBy = null, bool consent = true)
    {
        var by = registeredBy ?? Caseworker;
        var at = DaysAgo(daysAgo);
        var client = new Client(_offices[office].Id, name, patronymic, by, at)
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

    private static DateOnly Born(int year, int month, int day) => new(year, month, day);

    /// <summary>A year of birth <paramref name="years"/> years before today (for children whose age must stay right).</summary>
    private DateOnly BornYearsAgo(int years, int dayOfYearOffset = 40) => _today.AddYears(-years).AddDays(-dayOfYearOffset);

    private void Family(Client a, Client b, FamilyRelation bIsToA)
    {
        db.FamilyLinks.Add(new FamilyLink(a.Id, b.Id, bIsToA));
        db.FamilyLinks.Add(new FamilyLink(b.Id, a.Id, bIsToA.Inverse()));
    }

    /// <summary>An intake interview of <paramref name="client"/>, submitted an hour after it started.</summary>
    private Intake Interview(
        string office, Client client, double daysAgo, string[] categoryCodes, string country, string city,
        int? incidentFromDaysAgo, int? incidentToDaysAgo, string account, string? wishes,
        bool detention = false, bool expulsion = false, bool separatedChild = false, Guid? by = null, bool submit = true, bool noDocuments = false)
    {
        var intake = new Intake(_offices[office].Id, by ?? Caseworker, DaysAgo(daysAgo))
        {
            ClientId = client.Id,
            CategoryIds = categoryCodes.Where(_categories.ContainsKey).Select(c => _categories[c]).ToList(),
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
    private async Task<Case> OpenCaseAsync(Intake intake, string office, string title, double daysAgo)
    {
        var at = DaysAgo(daysAgo);
        intake.Accept(Coordinator, at);
        var openedOn = DateOnly.FromDateTime(at.UtcDateTime);
        var number = await CaseNumbers.NextAsync(db, _offices[office].Id, openedOn.Year);
        var @case = new Case(_offices[office].Id, _offices[office].CasePrefix, openedOn.Year, number, intake, title, Coordinator, openedOn, at);
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
    private async Task Then(Action step)
    {
        step();
        await db.SaveChangesAsync();
    }
}
