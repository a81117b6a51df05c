using System.Globalization;

namespace MigrantAid.Web.Features.Shared;

public sealed class ListClientsQuery
{
    public const int MaxSearchLength = 200;

    /// <summary>A name in any script or spelling.</summary>
    public string? Q { get; set; }

    /// <summary>Keyset position: the creation instant (UTC ticks) and id of the last row of the previous page.</summary>
    public string? After { get; set; }

    /// <summary>Keyset position of the first row of the next page, from the "Previous page" link.</summary>
    public string? Before { get; set; }

    /// <summary>
    /// Days (1–365): only clients on a case that is not closed with a migration document expiring
    /// from today (the viewer's office date) to today + days. The dashboard links with 30.
    /// </summary>
    public string? Expiring { get; set; }

    /// <summary>With <see cref="Expiring"/>: only cases of this office.</summary>
    public string? Office { get; set; }

    /// <summary>"undocumented" or "separated" (see <see cref="ClientSituation"/>).</summary>
    public string? Situation { get; set; }

    public int? ExpiringDays =>
        int.TryParse(Expiring, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= 365 ? days : null;

    public Guid? OfficeId => Guid.TryParse(Office, out var id) ? id : null;

    /// <summary>A link to this list with the same filter, at another page position.</summary>
    public string ToUrl(string? after, string? before = null)
    {
        var values = new List<string>();
        if (ExpiringDays is { } days)
        {
            values.Add("expiring=" + days.ToString(CultureInfo.InvariantCulture));
            if (OfficeId is { } office)
            {
                values.Add("office=" + office);
            }
        }

        if (ClientSituation.Value(ClientSituation.Parse(Situation, out _)) is { } situation)
        {
            values.Add("situation=" + situation);
        }

        if (after is not null)
        {
            values.Add("after=" + Uri.EscapeDataString(after));
        }

        if (before is not null)
        {
            values.Add("before=" + Uri.EscapeDataString(before));
        }

        return "/clients" + (values.Count == 0 ? "" : "?" + string.Join("&", values));
    }
}
