using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.International.Recommendations;

/// <summary>
/// The recommendations register. Every role that does case work (and administrators) reads it;
/// coordinators, lawyers and administrators add and edit recommendations and record assessments;
/// linking a case needs the case's Edit permission.
/// </summary>
[Authorize(Policy = Policies.InternationalReaders)]
[Route("recommendations")]
public sealed class RecommendationsController(IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] RecommendationQuery query, [FromServices] ListRecommendationsHandler handler, CancellationToken cancellationToken)
    {
        // Every filter binds as text and is checked by the handler.
        ModelState.Clear();
        return View(await handler.HandleAsync(query, User, ModelState, cancellationToken));
    }

    [HttpGet("new")]
    [Authorize(Policy = Policies.RecommendationEditors)]
    public IActionResult New() => View("Form", new RecommendationInput());

    [HttpPost("new")]
    [Authorize(Policy = Policies.RecommendationEditors)]
    public async Task<IActionResult> New(RecommendationInput input, [FromServices] SaveRecommendationHandler handler, CancellationToken cancellationToken)
    {
        ModelState.Remove(nameof(input.Version));
        var (outcome, id) = await handler.CreateAsync(input, Viewer.From(User), ModelState, cancellationToken);
        if (outcome != RecommendationSaveOutcome.Saved)
        {
            return View("Form", input);
        }

        TempData["Success"] = "The recommendation was added.";
        return Redirect($"/recommendations/{id}");
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, [FromQuery] string? casesAfter, [FromServices] ViewRecommendationHandler handler, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        return await handler.HandleAsync(id, casesAfter, User, cancellationToken) is { } page ? View(page) : NotFound();
    }

    [HttpGet("{id:int}/edit")]
    [Authorize(Policy = Policies.RecommendationEditors)]
    public async Task<IActionResult> Edit(int id, [FromServices] SaveRecommendationHandler handler, CancellationToken cancellationToken) =>
        await handler.LoadAsync(id, cancellationToken) is { } input ? View("Form", input) : NotFound();

    [HttpPost("{id:int}/edit")]
    [Authorize(Policy = Policies.RecommendationEditors)]
    public async Task<IActionResult> Edit(int id, RecommendationInput input, [FromServices] SaveRecommendationHandler handler, CancellationToken cancellationToken)
    {
        if (ModelState.TryGetValue(nameof(input.Version), out var version) && version.Errors.Count > 0)
        {
            ModelState.Remove(nameof(input.Version));
            input.Version = 0;
        }

        switch (await handler.UpdateAsync(id, input, Viewer.From(User), ModelState, cancellationToken))
        {
            case RecommendationSaveOutcome.NotFound:
                return NotFound();
            case RecommendationSaveOutcome.Invalid:
            case RecommendationSaveOutcome.Conflict:
                input.Id = id;
                return View("Form", input);
            case RecommendationSaveOutcome.Unchanged:
                TempData["Success"] = "Nothing was changed.";
                return Redirect($"/recommendations/{id}");
            default:
                TempData["Success"] = "The recommendation was saved.";
                return Redirect($"/recommendations/{id}");
        }
    }

    [HttpPost("{id:int}/assessments")]
    [Authorize(Policy = Policies.RecommendationEditors)]
    public async Task<IActionResult> Assess(int id, [Bind(Prefix = "Assess")] AssessInput input, [FromServices] AssessRecommendationHandler handler,
        [FromServices] ViewRecommendationHandler view, CancellationToken cancellationToken)
    {
        var outcome = await handler.HandleAsync(id, input, Viewer.From(User), ModelState, cancellationToken);
        switch (outcome)
        {
            case RecommendationSaveOutcome.NotFound:
                return NotFound();
            case RecommendationSaveOutcome.Saved:
                TempData["Success"] = "The assessment was recorded.";
                return Redirect($"/recommendations/{id}#assessments");
            default:
                return await ShowAgainAsync(id, view, page => page.Assess = input, cancellationToken);
        }
    }

    [HttpPost("{id:int}/cases")]
    public async Task<IActionResult> LinkCase(int id, [Bind(Prefix = "Link")] LinkCaseInput input, [FromServices] LinkCasesHandler handler,
        [FromServices] ViewRecommendationHandler view, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            switch (await handler.LinkByReferenceAsync(id, input.CaseReference!, input.Note, User, cancellationToken))
            {
                case LinkOutcome.RecommendationNotFound:
                    return NotFound();
                case LinkOutcome.Linked:
                    TempData["Success"] = "The case was linked to the recommendation.";
                    return Redirect($"/recommendations/{id}#cases");
                case LinkOutcome.AlreadyLinked:
                    ModelState.AddModelError("Link.CaseReference", l["This case is already linked to the recommendation."]);
                    break;
                default:
                    ModelState.AddModelError("Link.CaseReference", l["No case you can work on has this reference number."]);
                    break;
            }
        }

        return await ShowAgainAsync(id, view, page => page.Link = input, cancellationToken);
    }

    [HttpPost("{id:int}/cases/{caseId:guid}/unlink")]
    public async Task<IActionResult> UnlinkCase(int id, Guid caseId, [FromServices] LinkCasesHandler handler, CancellationToken cancellationToken)
    {
        switch (await handler.UnlinkAsync(caseId, id, User, cancellationToken))
        {
            case LinkOutcome.Unlinked:
                TempData["Success"] = "The case was unlinked from the recommendation.";
                return Redirect($"/recommendations/{id}#cases");
            case LinkOutcome.NotLinked:
                TempData["Success"] = "Nothing was changed.";
                return Redirect($"/recommendations/{id}#cases");
            case LinkOutcome.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    private async Task<IActionResult> ShowAgainAsync(int id, ViewRecommendationHandler view, Action<RecommendationPage> keep, CancellationToken cancellationToken)
    {
        var page = await view.HandleAsync(id, null, User, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        keep(page);
        return View(nameof(Show), page);
    }
}
