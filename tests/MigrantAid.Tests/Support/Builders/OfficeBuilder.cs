using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;

namespace MigrantAid.Tests.Support.Builders;

/// <summary>An office (in a city of Russia, Moscow time) with a random code of five letters, unless told otherwise.</summary>
public sealed class OfficeBuilder(PortalFactory portal) : ISeed<Office>
{
    public const string DefaultTimeZone = "Europe/Moscow";

    private string? _code = RandomCode();
    private string? _name;
    private string _city = "Saint Petersburg";
    private string _country = "RU";
    private string _timeZone = DefaultTimeZone;

    /// <summary>Five random capital letters: references are unique across offices.</summary>
    public static string RandomCode() => new(Enumerable.Range(0, 5).Select(_ => (char)('A' + Random.Shared.Next(26))).ToArray());

    /// <summary>The office's code (case references start with it); null for an office without one.</summary>
    public OfficeBuilder WithCode(string? code)
    {
        _code = code;
        return this;
    }

    /// <summary>The exact name (default "Office CODE", or "Office" and six unique characters without a code).</summary>
    public OfficeBuilder Named(string name)
    {
        _name = name;
        return this;
    }

    public OfficeBuilder InCity(string city, string country)
    {
        _city = city;
        _country = country;
        return this;
    }

    public OfficeBuilder InTimeZone(string timeZone)
    {
        _timeZone = timeZone;
        return this;
    }

    public Task<Office> SaveAsync() => portal.SeedAsync(this);

    public Task<Office> AddToAsync(AppDbContext db, DateTimeOffset now)
    {
        var office = new Office(_name ?? "Office " + (_code ?? Seeding.Unique()), _city, _country, _timeZone, now);
        if (_code is not null)
        {
            office.SetCode(_code, now);
        }

        db.Offices.Add(office);
        return Task.FromResult(office);
    }
}
