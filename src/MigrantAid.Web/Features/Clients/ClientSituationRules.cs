using Microsoft.Extensions.Localization;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Features.Shared.Forms;

namespace MigrantAid.Web.Features.Clients;

/// <summary>
/// The checks of a separated child's details (issue 12 point 6), each reported at its field: the date is
/// not in the future nor before birth, the person was a child on it when the birth says so, and details
/// without the "separated child" flag are refused rather than dropped in silence.
/// </summary>
public static class ClientSituationRules
{
    public static void Validate(ClientFields fields, FormErrors errors, DateOnly today, IStringLocalizer l)
    {
        var separated = fields.Vulnerabilities.Contains(Vulnerability.SeparatedChild);
        if (!separated)
        {
            if (fields.SeparatedOn is not null)
            {
                errors.Add(nameof(fields.SeparatedOn), l["Tick \"Separated child\" to record the separation, or clear this field."]);
            }

            if (!string.IsNullOrWhiteSpace(fields.SeparatedFrom))
            {
                errors.Add(nameof(fields.SeparatedFrom), l["Tick \"Separated child\" to record the separation, or clear this field."]);
            }

            return;
        }

        if (fields.SeparatedOn is not { } date || errors.Has(nameof(fields.SeparatedOn)))
        {
            return;
        }

        var born = fields.BirthDate ?? (fields.BirthYear is { } year && year >= ClientIdentityFields.EarliestBirthYear ? new DateOnly(year, 1, 1) : null);
        if (date > today)
        {
            errors.Add(nameof(fields.SeparatedOn), l["The date of separation cannot be in the future."]);
        }
        else if (born is { } birth && date < birth)
        {
            errors.Add(nameof(fields.SeparatedOn), l["The date of separation cannot be before the date of birth."]);
        }
        else if (Client.WasChildOn(fields.BirthDate, fields.BirthDate is null ? fields.BirthYear : null, date) == false)
        {
            errors.Add(nameof(fields.SeparatedOn), l["The client was 18 or older on this date: a separated child is separated before turning 18."]);
        }
    }
}
