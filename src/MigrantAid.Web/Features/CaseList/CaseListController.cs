using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.CaseList;

/// <summary>The case list with its filters and search, and its CSV export for coordinators.</summary>
[Authorize(Policy = Policies.CaseStaff)]
[Route("cases")]
public sealed class CaseListController(IStringLocalizer<SharedResource> l, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] CaseListQuery query, [FromServices] ListCasesHandler handler, CancellationToken cancellationToken)
    {
        // Every filter binds as text and is checked by the handler; nothing here can fail to bind.
        ModelState.Clear();
        var model = await handler.HandleAsync(query, Viewer.From(User), cancellationToken);
        foreach (var problem in model.Filter.Problems)
        {
            var (field, message) = problem switch
            {
                CaseListProblem.UnknownStatus => ("status", l["Choose a status from the list."]),
                CaseListProblem.UnknownCategory => ("category", l["Choose a category from the list."]),
                CaseListProblem.UnknownOffice => ("office", l["Choose an office from the list."]),
                CaseListProblem.UnknownLawyer => ("lawyer", l["Choose a lawyer from the list."]),
                CaseListProblem.UnknownCaseworker => ("caseworker", l["Choose a caseworker from the list."]),
                CaseListProblem.UnknownCitizenship => ("citizenship", l["Choose a citizenship from the list."]),
                CaseListProblem.UnknownSituation => ("situation", l["Choose a situation from the list."]),
                CaseListProblem.BadFrom => ("from", l["Enter a valid date, for example {0}.", "2025-01-31"]),
                CaseListProblem.BadTo => ("to", l["Enter a valid date, for example {0}.", "2025-01-31"]),
                CaseListProblem.FromAfterTo => ("to", l["The end of the period must not be before its start."]),
                CaseListProblem.UnknownLead => ("", l["Choose a lawyer from the list."]),
                CaseListProblem.BadClosedFrom => ("", l["Enter a valid date, for example {0}.", "2025-01-31"]),
                CaseListProblem.BadClosedTo => ("", l["Enter a valid date, for example {0}.", "2025-01-31"]),
                CaseListProblem.ClosedFromAfterTo => ("", l["The end of the period must not be before its start."]),
                _ => ("", l["The page link is not valid, so the first page is shown."]),
            };
            ModelState.AddModelError(field, message);
        }

        return View(model);
    }

    [HttpGet("export.csv")]
    [Authorize(Policy = Policies.Coordinator)]
    public IActionResult Export([FromQuery] CaseListQuery query) =>
        new CaseCsvResult(query, Viewer.From(User), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
}
