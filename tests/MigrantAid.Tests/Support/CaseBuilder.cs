using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;

namespace MigrantAid.Tests.Support;

public sealed record TestOffice(Guid Id, string Code);

public sealed record BuiltCase(Guid Id, string Reference, Guid ClientId, string ClientName, Guid IntakeId);

/// <summary>
/// Builds cases straight in the database the way the intake flow leaves them: a client, an intake
/// with its categories and respondents, submitted and accepted, a numbered case, its categories and
/// its assignment. Defaults give a plain open case; the With… methods change one thing each.
/// </summary>
public sealed class CaseBuilder(PortalFactory portal, TestOffice office)
{
    private static readonly Guid System = Guid.NewGuid();

    private string _clientName = "Client " + Guid.NewGuid().ToString("N")[..8];
    private string? _citizenship = "UZ";
    private bool _consentWithdrawn;
    private bool _consentRefused;
    private string? _respondent;
    private string[] _categories = ["labour.unpaid-wages"];
    private string _title = "Unpaid wages";
    private string? _account;
    private bool _urgent;
    private bool _confidential;
    private Guid? _caseworker;
    private Guid? _lead;
    private Guid[] _further = [];
    private DateOnly _openedOn = new(2026, 3, 2);
    private CaseOutcome? _closedWith;

    public static async Task<TestOffice> NewOfficeAsync(PortalFactory portal)
    {
        // References are unique across offices: each test office gets its own random code.
        var code = new string(Enumerable.Range(0, 5).Select(_ => (char)('A' + Random.Shared.Next(26))).ToArray());
        return await portal.WithDbAsync(async db =>
        {
            var office = new Office("Office " + code + " " + Guid.NewGuid().ToString("N")[..6], "Saint Petersburg", "RU", "Europe/Moscow", DateTimeOffset.UtcNow);
            office.SetCode(code, DateTimeOffset.UtcNow);
            db.Offices.Add(office);
            await db.SaveChangesAsync();
            return new TestOffice(office.Id, code);
        });
    }

    /// <summary>Puts a user in an office (sign in afterwards: the office is a claim of the cookie).</summary>
    public static Task PlaceInOfficeAsync(PortalFactory portal, Guid userId, Guid officeId) =>
        portal.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == userId);
            user.OfficeId = officeId;
            return await db.SaveChangesAsync();
        });

    /// <summary>What an action left in TempData (the cookie the response set), read with the portal's own provider.</summary>
    public static IDictionary<string, object> TempDataOf(PortalFactory portal, HttpResponseMessage response)
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = portal.Services };
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
        context.Request.Headers.Cookie = string.Join("; ", cookies.Select(c => c.Split(';')[0]));
        return portal.Services.GetRequiredService<ITempDataProvider>().LoadTempData(context);
    }

    public CaseBuilder WithClient(string name, string? citizenship = "UZ")
    {
        _clientName = name;
        _citizenship = citizenship;
        return this;
    }

    public CaseBuilder WithConsentWithdrawn()
    {
        _consentWithdrawn = true;
        return this;
    }

    public CaseBuilder WithConsentRefused()
    {
        _consentRefused = true;
        return this;
    }

    public CaseBuilder WithRespondent(string name)
    {
        _respondent = name;
        return this;
    }

    public CaseBuilder WithCategories(params string[] codes)
    {
        _categories = codes;
        return this;
    }

    public CaseBuilder WithTitle(string title)
    {
        _title = title;
        return this;
    }

    /// <summary>The narrative of the intake, in the client's words.</summary>
    public CaseBuilder WithAccount(string account)
    {
        _account = account;
        return this;
    }

    public CaseBuilder Urgent()
    {
        _urgent = true;
        return this;
    }

    public CaseBuilder Confidential()
    {
        _confidential = true;
        return this;
    }

    public CaseBuilder AssignedTo(Guid? caseworker = null, Guid? lead = null, params Guid[] further)
    {
        _caseworker = caseworker;
        _lead = lead;
        _further = further;
        return this;
    }

    public CaseBuilder OpenedOn(DateOnly date)
    {
        _openedOn = date;
        return this;
    }

    public CaseBuilder Closed(CaseOutcome outcome = CaseOutcome.ResolvedInFavour)
    {
        _closedWith = outcome;
        return this;
    }

    public async Task<BuiltCase> BuildAsync() => (await BuildManyAsync(1))[0];

    /// <summary>Several cases with these settings (each with its own client), saved together.</summary>
    public async Task<IReadOnlyList<BuiltCase>> BuildManyAsync(int count, Func<int, DateOnly>? openedOn = null)
    {
        return await portal.WithDbAsync(async db =>
        {
            var built = new List<BuiltCase>();
            var categoryIds = await db.ComplaintCategories.Where(c => _categories.Contains(c.Code)).Select(c => c.Id).ToListAsync();
            var now = portal.Clock.GetUtcNow();
            for (var i = 0; i < count; i++)
            {
                var name = count == 1 ? _clientName : _clientName + " " + i;
                var opened = openedOn?.Invoke(i) ?? _openedOn;
                var client = new Client(office.Id, name, null, System, now) { Citizenship = _citizenship };
                if (_consentRefused)
                {
                    client.RecordConsent(ConsentStatus.Refused, opened, null, System, now);
                }

                if (_consentWithdrawn)
                {
                    client.RecordConsent(ConsentStatus.Withdrawn, opened, null, System, now);
                }

                db.Clients.Add(client);
                var intake = new Intake(office.Id, System, now)
                {
                    ClientId = client.Id,
                    CategoryIds = [.. categoryIds],
                    InDetention = _urgent,
                    Account = _account,
                };
                if (_respondent is not null)
                {
                    intake.AddRespondent(_respondent, RespondentType.Employer, Sector.Construction);
                }

                intake.Submit(now);
                intake.Accept(System, now);
                db.Intakes.Add(intake);

                var number = await CaseNumbers.NextAsync(db, office.Id, opened.Year);
                var @case = new Case(office.Id, office.Code, opened.Year, number, intake, _title, System, opened, now);
                if (_confidential)
                {
                    @case.Update(_title, @case.Priority, confidential: true, System, now);
                }

                if (_caseworker is not null || _lead is not null || _further.Length > 0)
                {
                    @case.Assign(_caseworker, _lead, _further, System, now);
                }

                if (_closedWith is { } outcome)
                {
                    @case.Close(outcome, opened.AddDays(10), null, System, now);
                }

                db.Cases.Add(@case);
                db.CaseCategories.AddRange(categoryIds.Select(id => new CaseCategory { CaseId = @case.Id, CategoryId = id }));
                built.Add(new BuiltCase(@case.Id, @case.Reference, client.Id, name, intake.Id));
            }

            await db.SaveChangesAsync();
            return built;
        });
    }
}
