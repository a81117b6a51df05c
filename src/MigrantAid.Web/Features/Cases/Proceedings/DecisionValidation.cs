using Microsoft.Extensions.Localization;
using MigrantAid.Web.Domain.Proceedings;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Features.Shared.Forms;

namespace MigrantAid.Web.Features.Cases.Proceedings;

/// <summary>
/// The checks of a decision's form beyond its attributes: choices from the lists, and dates in their order (the decision
/// after the proceeding opened, the final form and the copy after the decision, none in the future).
/// </summary>
internal static class DecisionValidation
{
    public static void Validate(DecisionInput input, CourtProceeding proceeding, DateOnly today, FormErrors errors, IStringLocalizer l)
    {
        if (input.Outcome is { } outcome && !Enum.IsDefined(outcome))
        {
            errors.Add(nameof(input.Outcome), l["Choose an outcome from the list."]);
        }

        if (input.DocumentId is { } document && input.Documents.All(d => d.Id != document))
        {
            errors.Add(nameof(input.DocumentId), l["Choose a document of this case."]);
        }

        if (input.DecidedOn is { } decided)
        {
            if (decided > today)
            {
                errors.Add(nameof(input.DecidedOn), l["The decision date cannot be in the future."]);
            }
            else if (decided < proceeding.OpenedOn)
            {
                errors.Add(nameof(input.DecidedOn), l["The decision cannot be dated before the proceeding opened ({0}).", CaseText.Date(proceeding.OpenedOn)]);
            }
        }

        if (input.FinalFormOn is { } finalForm)
        {
            if (input.DecidedOn is { } d && finalForm < d)
            {
                errors.Add(nameof(input.FinalFormOn), l["The final form cannot be dated before the decision."]);
            }
            else if (finalForm > today)
            {
                errors.Add(nameof(input.FinalFormOn), l["The date of the final form cannot be in the future."]);
            }
        }

        if (input.ReceivedOn is { } received)
        {
            if (input.DecidedOn is { } d && received < d)
            {
                errors.Add(nameof(input.ReceivedOn), l["The copy cannot have been received before the decision date."]);
            }
            else if (received > today)
            {
                errors.Add(nameof(input.ReceivedOn), l["The date the copy was received cannot be in the future."]);
            }
        }
    }
}
