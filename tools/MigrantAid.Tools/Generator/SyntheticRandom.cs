namespace MigrantAid.Tools.Generator;

/// <summary>Draws from a seeded random source (so that a seed always gives the same data), and the time arithmetic of the rows.</summary>
internal static class SyntheticRandom
{
    /// <summary>A random (version 4) UUID drawn from the seeded source, so ids repeat with the seed.</summary>
    public static Guid NewId(this Random rng)
    {
        Span<byte> bytes = stackalloc byte[16];
        rng.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary>An index drawn with the relative <paramref name="weights"/>.</summary>
    public static int PickWeighted(this Random rng, double[] weights)
    {
        var roll = rng.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    /// <summary>A group of names, as often as the offices meet its people.</summary>
    public static SyntheticNames.Group PickGroup(this Random rng)
    {
        var roll = rng.Next(1000);
        foreach (var (group, weight) in SyntheticNames.Groups)
        {
            if (roll < weight)
            {
                return group;
            }

            roll -= weight;
        }

        return SyntheticNames.Uzbek;
    }

    public static DateTimeOffset At(DateOnly day, int minuteOfDay) => new(day.ToDateTime(TimeOnly.MinValue).AddMinutes(minuteOfDay), TimeSpan.Zero);

    public static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    public static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
