namespace MigrantAid.Web.Domain;

/// <summary>IANA time zones offered for offices: those of the region first.</summary>
public static class TimeZones
{
    public static readonly IReadOnlyList<string> Offered =
    [
        "Europe/Kaliningrad", "Europe/Moscow", "Europe/Samara", "Asia/Yekaterinburg", "Asia/Omsk",
        "Asia/Novosibirsk", "Asia/Krasnoyarsk", "Asia/Irkutsk", "Asia/Yakutsk", "Asia/Vladivostok",
        "Asia/Almaty", "Asia/Aqtobe", "Asia/Bishkek", "Asia/Dushanbe", "Asia/Tashkent", "Asia/Ashgabat",
        "Asia/Baku", "Asia/Yerevan", "Asia/Tbilisi", "Europe/Minsk", "Europe/Kyiv", "Europe/Chisinau",
        "Europe/Istanbul", "Europe/Berlin", "UTC",
    ];

    public static bool IsKnown(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || !Offered.Contains(id))
        {
            return false;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
    }
}
