using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.International.Recommendations;

/// <summary>
/// The recommendations register. Every role that does case work (and administrators) reads it;
/// coordinators, lawyers and administrators add and edit recommendations and record assessments;
/// linking a case needs the case's Edit permission.
/// </summary>
[Authorize(Policy = Policies.InternationalReaders)]
[Route("recommendations")]
public sealed class RecommendationsController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] RecommendationQuery query, Viewer viewer, [FromServices] ListRecommendationsHandler handler, CancellationToken cancellationToken)
    {
        // Every filter binds as text and is checked by the handler.
        ModelState.Clear();
        var errors = new FormErrors();
        var model = await handler.HandleAsync(query, viewer, errors, cancellationToken);
        FormResults.CopyTo(ModelState, FormOutcome.Invalid, errors);
        return View(model);
    }

    [HttpGet("new")]
    [Authorize(Policy = Policies.RecommendationEditors)]
    public IActionResult New() => View("Form", new RecommendationInput());

    [HttpPost("new")]
    [Authorize(Policy = Policies.RecommendationEditors)]
    public async Task<IActionResult> New(RecommendationInput input, Viewer viewer, [FromServices] SaveRecommendationHandler handler, CancellationToken cancellationToken)
    {
        ModelState.Remove(nameof(input.Version));
        var errors = this.FormErrors();
        var outcome = await handler.CreateAsync(input, viewer, errors, cancellationToken);
        return this.FormResult(outcome, errors, input, ShowUrl(outcome.Data as int? ?? 0), "The recommendation was added.", "Form");
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, [FromQuery] string? casesAfter, Viewer viewer, [FromServices] ViewRecommendationHandler handler, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        return await handler.HandleAsync(id, casesAfter, viewer, cancellationToken) is { } page ? View(page) : NotFound();
    }

    [HttpGet("{id:int}/edit")]
    [Authorize(Policy = Policies.RecommendationEditors)]
    public async Task<IActionResult> Edit(int id, [FromServices] SaveRecommendationHandler handler, CancellationToken cancellationToken) =>
        await handler.LoadAsync(id, cancellationToken) is { } input ? View("Form", input) : NotFound();

    [HttpPost("{id:int}/edit")]
    [Authorize(Policy = Policies.RecommendationEditors)]
    public async Task<IActionResult> Edit(int id, RecommendationInput input, Viewer viewer, [FromServices] SaveRecommendationHandler handler, CancellationToken cancellationToken)
    {
        if (ModelState.TryGetValue(nameof(input.Version), out var version) && version.Errors.Count > 0)
        {
            // The hidden field is not something the user typed: treat a damaged one as out of date.
            ModelState.Remove(nameof(input.Version));
            input.Version = 0;
        }

        var errors = this.FormErrors();
        var outcome = await handler.UpdateAsync(id, input, viewer, errors, cancellationToken);
        input.Id = id;
        return this.FormResult(outcome, errors, input, ShowUrl(id), "The recommendation was saved.", "Form");
    }

    [HttpPost("{id:int}/assessments")]
    [Authorize(Policy = Policies.RecommendationEditors)]
    public async Task<IActionResult> Assess(int id, [Bind(Prefix = "Assess")] AssessInput input, Viewer viewer, [FromServices] AssessRecommendationHandler handler,
        [FromServices] ViewRecommendationHandler view, CancellationToken cancellationToken)
    {
        var errors = this.FormErrors();
        var outcome = await handler.HandleAsync(id, input, viewer, errors, cancellationToken);
        return await this.FormResultAsync(outcome, errors, () => ShowAgainAsync(id, viewer, view, page => page.Assess = input, cancellationToken),
            ShowUrl(id, "assessments"), "The assessment was recorded.");
    }

    [HttpPost("{id:int}/cases")]
    public async Task<IActionResult> LinkCase(int id, [Bind(Prefix = "Link")] LinkCaseInput input, Viewer viewer, [FromServices] LinkCasesHandler handler,
        [FromServices] ViewRecommendationHandler view, CancellationToken cancellationToken)
    {
        var errors = this.FormErrors();
        var outcome = await handler.LinkByReferenceAsync(id, input, viewer, errors, cancellationToken);
        return await this.FormResultAsync(outcome, errors, () => ShowAgainAsync(id, viewer, view, page => page.Link = input, cancellationToken),
            ShowUrl(id, "cases"), "The case was linked to the recommendation.");
    }

    [HttpPost("{id:int}/cases/{caseId:guid}/unlink")]
    public async Task<IActionResult> UnlinkCase(int id, Guid caseId, Viewer viewer, [FromServices] LinkCasesHandler handler, CancellationToken cancellationToken)
    {
        var outcome = await handler.UnlinkAsync(caseId, id, viewer, cancellationToken);

        // A button, not a form: the outcome is never Invalid, so the model is never shown.
        return this.FormResult(outcome, new FormErrors(), id, ShowUrl(id, "cases"), "The case was unlinked from the recommendation.");
    }

    private string ShowUrl(int id, string? fragment = null) => Url.Action(nameof(Show), null, new { id }, null, null, fragment)!;

    private async Task<IActionResult> ShowAgainAsync(int id, Viewer viewer, ViewRecommendationHandler view, Action<RecommendationPage> keep, CancellationToken cancellationToken)
    {
        var page = await view.HandleAsync(id, null, viewer, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        keep(page);
        return View(nameof(Show), page);
    }
}
