using MigrantAid.Web.Infrastructure;

namespace MigrantAid.Tools.Generator;

/// <summary>An office of the generated data: its staff, and the clients who may come back with a new case.</summary>
internal sealed class SyntheticOffice(Guid id, string prefix, string city, string country, string timeZone)
{
    private readonly Guid[] _recentClients = new Guid[4096];
    private int _recentCount;

    public Guid Id { get; } = id;

    public string Prefix { get; } = prefix;

    public string City { get; } = city;

    public string Country { get; } = country;

    /// <summary>Hearings are set in office hours of this zone.</summary>
    public TimeZoneInfo Zone { get; } = OfficeTime.For(timeZone).Zone;

    public bool Russian { get; } = SyntheticText.Russian(country);

    public Guid Coordinator { get; set; }

    public Guid[] Lawyers { get; set; } = [];

    public Guid[] Caseworkers { get; set; } = [];

    public int RecentClients => Math.Min(_recentCount, _recentClients.Length);

    /// <summary>Remembers a client who may come back with a new case.</summary>
    public void Remember(Guid client) => _recentClients[_recentCount++ % _recentClients.Length] = client;

    public Guid RecentClient(Random rng) => _recentClients[rng.Next(RecentClients)];
}
