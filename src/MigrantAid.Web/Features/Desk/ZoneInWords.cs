using System.Globalization;
using Microsoft.Extensions.Localization;

namespace MigrantAid.Web.Features.Desk;

/// <summary>
/// An office's time zone as people say it: "Moscow time, UTC+3" / "московское время, UTC+3". The words
/// come from the resources ("Zone." + the IANA id) for the zones the portal offers; any other zone is
/// shown by its id and offset ("America/Bogota, UTC−5"). The offset is the one in force at the given instant.
/// </summary>
public static class ZoneInWords
{
    public static string Describe(IStringLocalizer l, string zoneId, DateTimeOffset at)
    {
        var offset = TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone) ? zone.GetUtcOffset(at) : TimeSpan.Zero;
        var name = l["Zone." + zoneId];
        return l["{0}, {1}", name.ResourceNotFound ? zoneId : name.Value, Offset(offset)];
    }

    /// <summary>"UTC+3", "UTC+5:30", "UTC−5", "UTC+0".</summary>
    public static string Offset(TimeSpan offset)
    {
        var sign = offset < TimeSpan.Zero ? "−" : "+";
        var abs = offset.Duration();
        var minutes = abs.Minutes == 0 ? "" : ":" + abs.Minutes.ToString("00", CultureInfo.InvariantCulture);
        return "UTC" + sign + ((int)abs.TotalHours).ToString(CultureInfo.InvariantCulture) + minutes;
    }
}
