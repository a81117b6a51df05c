using Microsoft.Extensions.Localization;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.International;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Features.Shared.Forms;

namespace MigrantAid.Web.Features.International;

/// <summary>
/// The choices the international forms and filters offer (the state concerned, the body), and the one check of a
/// posted state, shared by the recommendation, treaty-acceptance and submission forms.
/// </summary>
public static class InternationalChoices
{
    /// <summary>The states, by their localized name in the user's culture.</summary>
    public static IReadOnlyList<(string Code, string Name)> States(IStringLocalizer l) => ClientText.CountryChoices(l);

    /// <summary>The bodies, in the order of the enumeration.</summary>
    public static IReadOnlyList<(InternationalBody Value, string Name)> Bodies(IStringLocalizer l) =>
        Enum.GetValues<InternationalBody>().Select(b => (b, CaseText.Enum(l, b))).ToList();

    /// <summary>
    /// The posted state as stored (trimmed, upper case; null when blank: Required speaks then). An unknown code is
    /// refused at <paramref name="field"/> with "Choose a state from the list.".
    /// </summary>
    public static string? CheckState(string? state, string field, FormErrors errors, IStringLocalizer l)
    {
        var code = string.IsNullOrWhiteSpace(state) ? null : state.Trim().ToUpperInvariant();
        if (code is not null && !Countries.IsKnown(code))
        {
            errors.Add(field, l["Choose a state from the list."]);
        }

        return code;
    }
}
