using MigrantAid.Web.Domain.Cases;

namespace MigrantAid.Tools.Generator;

/// <summary>
/// What one generation shares: the seeded random source (one thread draws from it, in one order, so a seed always
/// gives the same data), the clock's now, the offices and categories with their weights, and the case numbers.
/// </summary>
internal sealed class SyntheticWorld(int seed, DateTimeOffset now)
{
    public Random Rng { get; } = new(seed);

    public DateTimeOffset Now { get; } = now;

    public DateOnly Today { get; } = DateOnly.FromDateTime(now.UtcDateTime);

    /// <summary>Sorted by name, so that the same seed gives the same spread whatever order the database returns.</summary>
    public List<SyntheticOffice> Offices { get; } = [];

    public double[] OfficeWeights { get; set; } = [];

    public List<ComplaintCategory> Categories { get; set; } = [];

    public double[] CategoryWeights { get; set; } = [];

    public SyntheticCaseNumbers Numbers { get; } = new();

    public Guid NewId() => Rng.NewId();

    public SyntheticNames.Group PickGroup() => Rng.PickGroup();
}
