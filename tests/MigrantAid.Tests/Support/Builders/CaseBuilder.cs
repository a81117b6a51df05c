using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;

namespace MigrantAid.Tests.Support.Builders;

/// <summary>An office as the builders need it: its id and the prefix of its case references.</summary>
public sealed record TestOffice(Guid Id, string Code)
{
    public static implicit operator TestOffice(Office office) => new(office.Id, office.CasePrefix);
}

public sealed record BuiltCase(Guid Id, string Reference, Guid ClientId, string ClientName, Guid IntakeId)
{
    public void Deconstruct(out Guid id, out string reference) => (id, reference) = (Id, Reference);
}

/// <summary>
/// Builds cases straight in the database the way the intake flow leaves them: a client, an intake
/// with its categories and respondents, submitted and accepted, a numbered case, its categories and
/// its assignment. Defaults give a plain open case opened on 2 March 2026 for a new client from
/// Uzbekistan; the With… methods change one thing each.
/// </summary>
public sealed class CaseBuilder(PortalFactory portal, TestOffice office) : ISeed<IReadOnlyList<BuiltCase>>
{
    private string _clientName = "Client " + Guid.NewGuid().ToString("N")[..8];
    private string? _citizenship = "UZ";
    private Guid? _clientId;
    private ConsentStatus? _consent;
    private string? _respondent;
    private string[] _categories = ["labour.unpaid-wages"];
    private string _title = "Unpaid wages";
    private string? _account;
    private string? _incidentCountry;
    private Action<Client>? _clientDetails;
    private bool _urgent;
    private bool _confidential;
    private Guid[] _sealedFor = [];
    private Guid? _caseworker;
    private Guid? _lead;
    private Guid[] _further = [];
    private Guid _openedBy = Seeding.System;
    private DateOnly _openedOn = new(2026, 3, 2);
    private int? _number;
    private CaseOutcome? _closedWith;
    private int _count = 1;
    private Func<int, DateOnly>? _openedOnEach;

    public CaseBuilder WithClient(string name, string? citizenship = "UZ")
    {
        _clientName = name;
        _citizenship = citizenship;
        return this;
    }

    /// <summary>The case of a client already stored (no new client).</summary>
    public CaseBuilder ForClient(Guid clientId)
    {
        _clientId = clientId;
        return this;
    }

    public CaseBuilder WithConsentWithdrawn() => WithConsent(ConsentStatus.Withdrawn);

    public CaseBuilder WithConsentRefused() => WithConsent(ConsentStatus.Refused);

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

    /// <summary>Anything else about the new client (sex, birth, situation...), set before it is stored.</summary>
    public CaseBuilder WithClientDetails(Action<Client> details)
    {
        _clientDetails += details;
        return this;
    }

    /// <summary>The country where what the intake complains of happened.</summary>
    public CaseBuilder IncidentIn(string? country)
    {
        _incidentCountry = country;
        return this;
    }

    /// <summary>The building-site story of the case-file tests: its title, the client's account and the employer.</summary>
    public CaseBuilder OnBuildingSite() =>
        WithTitle("Unpaid wages on a building site").WithAccount("Worked three months without pay.").WithRespondent("Stroy-Invest LLC");

    public CaseBuilder Urgent()
    {
        _urgent = true;
        return this;
    }

    public CaseBuilder Confidential(bool confidential = true)
    {
        _confidential = confidential;
        return this;
    }

    /// <summary>Sealed (issue 15): only <paramref name="named"/> may open it; the first of them sealed it.</summary>
    public CaseBuilder Sealed(params Guid[] named)
    {
        _sealedFor = named;
        return this;
    }

    public CaseBuilder AssignedTo(Guid? caseworker = null, Guid? lead = null, params Guid[] further)
    {
        _caseworker = caseworker;
        _lead = lead;
        _further = further;
        return this;
    }

    /// <summary>Who opened the case (and accepted its intake).</summary>
    public CaseBuilder OpenedBy(Guid userId)
    {
        _openedBy = userId;
        return this;
    }

    public CaseBuilder OpenedOn(DateOnly date)
    {
        _openedOn = date;
        return this;
    }

    /// <summary>Opened today in the office's time zone (by the test clock).</summary>
    public CaseBuilder OpenedToday(string timeZone = OfficeBuilder.DefaultTimeZone) => OpenedOn(portal.Today(timeZone));

    /// <summary>The case's number in its year (the next free one by default).</summary>
    public CaseBuilder Numbered(int? number)
    {
        _number = number;
        return this;
    }

    public CaseBuilder Closed(CaseOutcome outcome = CaseOutcome.ResolvedInFavour)
    {
        _closedWith = outcome;
        return this;
    }

    public async Task<BuiltCase> SaveAsync() => (await portal.SeedAsync(this))[0];

    /// <summary>Several cases with these settings (each with its own client), saved together.</summary>
    public Task<IReadOnlyList<BuiltCase>> SaveManyAsync(int count, Func<int, DateOnly>? openedOn = null)
    {
        _count = count;
        _openedOnEach = openedOn;
        return portal.SeedAsync(this);
    }

    public async Task<IReadOnlyList<BuiltCase>> AddToAsync(AppDbContext db, DateTimeOffset now)
    {
        var built = new List<BuiltCase>();
        for (var i = 0; i < _count; i++)
        {
            var name = _count == 1 ? _clientName : _clientName + " " + i;
            var opened = _openedOnEach?.Invoke(i) ?? _openedOn;
            var intake = await IntakeFor(name, opened).AddToAsync(db, now);
            var @case = new Case(office.Id, office.Code, opened.Year, _number ?? await CaseNumbers.NextAsync(db, office.Id, opened.Year), intake, _title, _openedBy, opened, now);
            Complete(@case, opened, now);
            db.Cases.Add(@case);
            db.CaseCategories.AddRange(intake.CategoryIds.Select(id => new CaseCategory { CaseId = @case.Id, CategoryId = id }));
            built.Add(new BuiltCase(@case.Id, @case.Reference, intake.ClientId!.Value, name, intake.Id));
        }

        return built;
    }

    private CaseBuilder WithConsent(ConsentStatus status)
    {
        _consent = status;
        return this;
    }

    private IntakeBuilder IntakeFor(string clientName, DateOnly opened)
    {
        var intake = new IntakeBuilder(portal, office.Id).WithCategories(_categories).Urgent(_urgent).WithAccount(_account)
            .WithRespondent(_respondent).InCountry(_incidentCountry).CreatedBy(_openedBy).Accepted();
        return _clientId is { } id ? intake.ForClient(id) : intake.WithClient(c =>
        {
            var client = c.Named(clientName).WithCitizenship(_citizenship).With(_clientDetails ?? (_ => { }));
            return _consent is { } status ? client.WithConsent(status, opened) : client;
        });
    }

    private void Complete(Case @case, DateOnly opened, DateTimeOffset now)
    {
        if (_confidential)
        {
            @case.Update(_title, @case.Priority, confidential: true, _openedBy, now);
        }

        if (_caseworker is not null || _lead is not null || _further.Length > 0)
        {
            @case.Assign(_caseworker, _lead, _further, _openedBy, now);
        }

        if (_sealedFor.Length > 0)
        {
            @case.Seal(_sealedFor, _sealedFor[0], now);
        }

        if (_closedWith is { } outcome)
        {
            @case.Close(outcome, opened.AddDays(10), null, _openedBy, now);
        }
    }
}
