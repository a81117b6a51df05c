using Microsoft.Extensions.Localization;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Proceedings;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Infrastructure;

namespace MigrantAid.Web.Features.Cases.Proceedings;

/// <summary>The instants a hearing's form was read as: null where nothing (or nothing valid) was typed.</summary>
internal readonly record struct HearingTimes(DateTimeOffset? StartsAt, DateTimeOffset? NextStartsAt);

/// <summary>
/// The checks of a hearing's form beyond its attributes. Times are typed on the wall clock of the case office: each
/// must be within the years the portal accepts, exist in the office's zone and not be before the proceeding opened;
/// a hearing still to come is not held, and the next hearing comes after this one.
/// </summary>
internal static class HearingValidation
{
    public static HearingTimes Validate(HearingInput input, OfficeTime time, CourtProceeding proceeding, DateTimeOffset now, FormErrors errors, IStringLocalizer l)
    {
        var startsAt = Instant(nameof(input.StartsAt), input.StartsAt, time, proceeding, errors, l);
        var nextAt = Instant(nameof(input.NextStartsAt), input.NextStartsAt, time, proceeding, errors, l);
        if (startsAt is { } at && input.IsHeld && at > now)
        {
            errors.Add(nameof(input.IsHeld), l["A hearing that is still to come cannot be marked as held."]);
        }

        if (startsAt is { } from && nextAt is { } next && next <= from)
        {
            errors.Add(nameof(input.NextStartsAt), l["The next hearing must be after this one."]);
        }

        return new(startsAt, nextAt);
    }

    /// <summary>The typed wall-clock time as an instant, or null with the reason at the field.</summary>
    private static DateTimeOffset? Instant(string field, DateTime? local, OfficeTime time, CourtProceeding proceeding, FormErrors errors, IStringLocalizer l)
    {
        if (local is not { } wall)
        {
            return null;
        }

        if (!LocalTimes.InRange(wall))
        {
            errors.Add(field, l["Enter a date between {0} and {1}.", LocalTimes.FirstYear, LocalTimes.LastYear]);
            return null;
        }

        if (LocalTimes.ToInstant(wall, time.Zone) is not { } instant)
        {
            errors.Add(field, l["This time does not exist in the time zone {0} (the clocks move forward then). Enter another time.", time.ZoneId]);
            return null;
        }

        if (DateOnly.FromDateTime(wall) < proceeding.OpenedOn)
        {
            errors.Add(field, l["A hearing cannot be before the proceeding opened ({0}).", CaseText.Date(proceeding.OpenedOn)]);
            return null;
        }

        return instant;
    }
}
