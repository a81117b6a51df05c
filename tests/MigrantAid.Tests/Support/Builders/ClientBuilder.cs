using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Clients;

namespace MigrantAid.Tests.Support.Builders;

/// <summary>A client of an office, as another intake would have registered them: a unique name and nothing else unless told.</summary>
public sealed class ClientBuilder(PortalFactory portal, Guid officeId) : ISeed<Client>
{
    private string _name = "Client " + Seeding.Unique();
    private string? _patronymic;
    private int? _birthYear;
    private string? _citizenship;
    private ConsentStatus? _consent;
    private DateOnly _consentOn = new(2026, 3, 2);
    private Action<Client>? _configure;

    public ClientBuilder Named(string name, string? patronymic = null)
    {
        _name = name;
        _patronymic = patronymic;
        return this;
    }

    public ClientBuilder BornIn(int? year)
    {
        _birthYear = year;
        return this;
    }

    public ClientBuilder WithCitizenship(string? country)
    {
        _citizenship = country;
        return this;
    }

    /// <summary>A consent record (e.g. withdrawn or refused: the client's details are then masked in lists).</summary>
    public ClientBuilder WithConsent(ConsentStatus status, DateOnly on)
    {
        _consent = status;
        _consentOn = on;
        return this;
    }

    /// <summary>Anything else about the client (situation, documents...), set before it is stored.</summary>
    public ClientBuilder With(Action<Client> configure)
    {
        _configure += configure;
        return this;
    }

    public Task<Client> SaveAsync() => portal.SeedAsync(this);

    public Task<Client> AddToAsync(AppDbContext db, DateTimeOffset now) => Task.FromResult(Add(db, now));

    public Client Add(AppDbContext db, DateTimeOffset now)
    {
        var client = new Client(officeId, _name, _patronymic, Seeding.System, now) { Citizenship = _citizenship };
        client.SetBirth(null, _birthYear);
        if (_consent is { } status)
        {
            client.RecordConsent(status, _consentOn, null, Seeding.System, now);
        }

        _configure?.Invoke(client);
        db.Clients.Add(client);
        return client;
    }
}
