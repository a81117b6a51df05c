using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;

namespace MigrantAid.Tests.Support.Builders;

/// <summary>
/// An intake of an office for a new client (or a given one), about unpaid wages, submitted now unless told:
/// a draft, submitted at another instant, accepted, urgent (the client in detention), with a respondent or an account.
/// </summary>
public sealed class IntakeBuilder(PortalFactory portal, Guid officeId) : ISeed<Intake>
{
    private Guid? _clientId;
    private ClientBuilder _client = new(portal, officeId);
    private string[] _categories = ["labour.unpaid-wages"];
    private bool _urgent;
    private string? _account;
    private string? _respondent;
    private string? _incidentCountry;
    private Guid _createdBy = Seeding.System;
    private bool _draft;
    private DateTimeOffset? _submittedAt;
    private bool _accepted;

    public IntakeBuilder ForClient(Guid clientId)
    {
        _clientId = clientId;
        return this;
    }

    /// <summary>The new client the intake registers.</summary>
    public IntakeBuilder WithClient(Func<ClientBuilder, ClientBuilder> client)
    {
        _client = client(_client);
        return this;
    }

    public IntakeBuilder WithCategories(params string[] codes)
    {
        _categories = codes;
        return this;
    }

    public IntakeBuilder Urgent(bool urgent = true)
    {
        _urgent = urgent;
        return this;
    }

    public IntakeBuilder WithAccount(string? account)
    {
        _account = account;
        return this;
    }

    /// <summary>An employer in construction the complaint is against.</summary>
    public IntakeBuilder WithRespondent(string? name)
    {
        _respondent = name;
        return this;
    }

    public IntakeBuilder InCountry(string? country)
    {
        _incidentCountry = country;
        return this;
    }

    public IntakeBuilder CreatedBy(Guid userId)
    {
        _createdBy = userId;
        return this;
    }

    public IntakeBuilder Draft()
    {
        _draft = true;
        return this;
    }

    /// <summary>Created and submitted at <paramref name="at"/> instead of now.</summary>
    public IntakeBuilder SubmittedAt(DateTimeOffset at)
    {
        _submittedAt = at;
        return this;
    }

    public IntakeBuilder Accepted()
    {
        _accepted = true;
        return this;
    }

    public Task<Intake> SaveAsync() => portal.SeedAsync(this);

    public async Task<Intake> AddToAsync(AppDbContext db, DateTimeOffset now)
    {
        var at = _submittedAt ?? now;
        var intake = new Intake(officeId, _createdBy, at)
        {
            ClientId = _clientId ?? _client.Add(db, now).Id,
            CategoryIds = [.. await Seeding.CategoryIdsAsync(db, _categories)],
            InDetention = _urgent,
            Account = _account,
            IncidentCountry = _incidentCountry,
        };
        if (_respondent is not null)
        {
            intake.AddRespondent(_respondent, RespondentType.Employer, Sector.Construction);
        }

        if (!_draft)
        {
            intake.Submit(at);
        }

        if (_accepted)
        {
            intake.Accept(_createdBy, now);
        }

        db.Intakes.Add(intake);
        return intake;
    }
}
