namespace MigrantAid.Web.Domain;

/// <summary>Wall-clock times of an office's zone and the instants they stand for.</summary>
public static class LocalTimes
{
    /// <summary>Dates outside this range are typing mistakes (and would overflow the conversion).</summary>
    public const int FirstYear = 1990;

    public const int LastYear = 2200;

    /// <summary>The zone of an IANA id, or UTC when the id is missing or unknown on this machine.</summary>
    public static TimeZoneInfo ZoneOrUtc(string? timeZoneId) =>
        timeZoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The wall-clock time of an instant in the zone.</summary>
    public static DateTime Local(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone).DateTime;

    /// <summary>The date it is in the zone at that instant: "today" for the people there.</summary>
    public static DateOnly Today(DateTimeOffset now, TimeZoneInfo zone) => DateOnly.FromDateTime(Local(now, zone));

    /// <summary>Turns a wall-clock time typed in an office's zone into an instant.</summary>
    /// <returns>Null when the time does not exist in the zone (the hour skipped when clocks move forward).</returns>
    public static DateTimeOffset? ToInstant(DateTime local, TimeZoneInfo zone)
    {
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(wall))
        {
            return null;
        }

        // An hour that happens twice (clocks move back): take the first, so nobody arrives an hour late.
        var offset = zone.IsAmbiguousTime(wall) ? zone.GetAmbiguousTimeOffsets(wall).Max() : zone.GetUtcOffset(wall);
        return new DateTimeOffset(wall, offset).ToUniversalTime();
    }

    public static bool InRange(DateTime local) => local.Year is >= FirstYear and <= LastYear;
}
