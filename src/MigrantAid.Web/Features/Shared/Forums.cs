using Microsoft.Extensions.Localization;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.International;

namespace MigrantAid.Web.Features.Shared;

/// <summary>
/// Where a deadline rule applies: a country's courts and authorities (a code of <see cref="Countries.Codes"/>,
/// with that country's calendar of non-working days) or an international body (<see cref="InternationalBody"/>,
/// no calendar: its time limits are not moved for weekends or holidays).
/// </summary>
public static class Forums
{
    public static readonly IReadOnlyList<string> Bodies = Enum.GetNames<InternationalBody>();

    public static bool IsKnown(string? forum) => forum is not null && (Countries.IsKnown(forum) || Bodies.Contains(forum));

    public static bool IsCountry(string? forum) => Countries.IsKnown(forum);

    /// <summary>The forum as the user reads it: "Country.RU" or "InternationalBody.CRC"; an unknown code as stored.</summary>
    public static string Name(IStringLocalizer l, string? forum)
    {
        if (forum is null)
        {
            return "—";
        }

        if (Countries.IsKnown(forum))
        {
            return l[Countries.ResourceKey(forum)].Value;
        }

        return Bodies.Contains(forum) ? CaseText.Enum(l, Enum.Parse<InternationalBody>(forum)) : forum;
    }
}
