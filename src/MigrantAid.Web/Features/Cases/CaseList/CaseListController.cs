using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Features.Shared.Exports;
using MigrantAid.Web.Infrastructure;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Cases.CaseList;

/// <summary>The case list with its filters and search, and its CSV export for coordinators.</summary>
[Authorize(Policy = Policies.CaseStaff)]
[Route("cases")]
public sealed class CaseListController(IStringLocalizer<SharedResource> l, TimeProvider clock) : Controller
{
    [ReusePlans]
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
                CaseListProblem.SearchTooLong => ("q", l["The search text is longer than {0} characters: shorten it.", CaseListQuery.MaxSearchLength]),
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

    /// <summary>
    /// Reassigns the ticked cases (coordinators). The form posts to this address with the list's own query
    /// string, so a refused form shows the same page again, with the messages at their fields and what was
    /// typed and ticked kept; a done one goes back to that page with what was changed and what was refused.
    /// </summary>
    [HttpPost("reassign")]
    [Authorize(Policy = Policies.Coordinator)]
    public async Task<IActionResult> Reassign(
        [FromQuery] CaseListQuery query, [FromForm] ReassignCasesInput input, [FromServices] ReassignCasesHandler handler,
        [FromServices] ListCasesHandler list, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = await handler.HandleAsync(input, Viewer.From(User), cancellationToken);
        if (result.Problems.Count > 0)
        {
            foreach (var problem in result.Problems)
            {
                var (field, message) = problem switch
                {
                    ReassignProblem.NoCases => ("Ids", l["Tick the cases to reassign."]),
                    ReassignProblem.TooManyCases => ("Ids", l["Reassign at most {0} cases at once.", ReassignCasesInput.MaxCases]),
                    ReassignProblem.NoPerson => ("To", l["Choose a lawyer or a caseworker from the list."]),
                    ReassignProblem.ReasonRequired => ("Reason", l["Give the reason for the reassignment."]),
                    ReassignProblem.ReasonTooLong => ("Reason", l["The reason can be at most {0} characters long.", ReassignCasesInput.MaxReasonLength]),
                    _ => ("Ids", l["Someone else changed one of these cases meanwhile, so nothing was changed. Try again."]),
                };
                ModelState.AddModelError(field, message);
            }

            ViewData["ReassignInput"] = input;
            query.Reassign = true;
            return View("Index", await list.HandleAsync(query, Viewer.From(User), cancellationToken));
        }

        TempData["Reassigned"] = result.Reassigned;
        TempData["ReassignUnchanged"] = result.Unchanged;
        TempData["ReassignRefused"] = result.Refused
            .Select(r => r.Why == ReassignRefusal.OtherOffice
                ? l["{0}: the person chosen works in another office.", r.Case].Value
                : l["{0}: not found, or not yours to change.", r.Case].Value)
            .ToArray();
        var filter = CaseListFilter.Parse(query, Viewer.From(User));
        return Redirect(query.ToUrl(Url.Action(nameof(Index))!, after: query.After, scope: filter.Scope, before: query.Before));
    }

    /// <summary>The list as CSV; beyond Exports:ApprovalAboveRows cases, the page that asks for another person's approval instead.</summary>
    [HttpGet("export.csv")]
    [Authorize(Policy = Policies.Coordinator)]
    public async Task<IActionResult> Export([FromQuery] CaseListQuery query, [FromServices] CaseExportGateHandler gate, [FromServices] ExportApprovalsHandler approvals, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var viewer = Viewer.From(User);
        var check = await gate.CheckAsync(query, viewer, cancellationToken);
        if (check.NeedsApproval)
        {
            var page = new ExportRequestPage("CaseExportRequests", "Ask", l["MigrantAid case list"], check.Rows, approvals.Limit, check.FilterText(l),
                new ExportRequestInput { Filters = check.Filters });
            return View("ExportNeedsApproval", page);
        }

        return new CaseCsvResult(check, viewer, Exporter.From(User, clock.GetUtcNow()));
    }
}
