using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.DeadlineRules;

/// <summary>The deadline rules: administrators add and edit them, retire and restore them, and confirm the shipped examples.</summary>
[Authorize(Policy = Policies.Admin)]
[Route("deadline-rules")]
public sealed class DeadlineRulesController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] string? forum, [FromQuery] int? after, [FromServices] ListDeadlineRulesHandler handler, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            // Only the page key can fail to bind: show the first page.
            after = null;
        }

        return View(await handler.HandleAsync(forum, after, ct));
    }

    [HttpGet("create")]
    public IActionResult Create() => View(new RuleInput());

    [HttpPost("create")]
    public async Task<IActionResult> Create(RuleInput input, [FromServices] CreateDeadlineRuleHandler handler, CancellationToken ct)
    {
        var errors = this.FormErrors();
        return this.FormResult(await handler.HandleAsync(input, errors, ct), errors, input, List(), "The rule was added.");
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, [FromServices] EditDeadlineRuleHandler handler, CancellationToken ct) =>
        await handler.LoadAsync(id, ct) is { } input ? View(input) : NotFound();

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, EditRuleInput input, [FromServices] EditDeadlineRuleHandler handler, CancellationToken ct)
    {
        var errors = this.FormErrors();
        return this.FormResult(await handler.SaveAsync(id, input, errors, ct), errors, input, List(),
            "The rule was saved. Deadlines already on cases keep their dates.");
    }

    [HttpPost("{id:int}/deactivate")]
    public async Task<IActionResult> Deactivate(int id, [FromServices] EditDeadlineRuleHandler handler, CancellationToken ct) =>
        After(await handler.SetActiveAsync(id, false, ct), "The rule is retired: events no longer produce its deadline.");

    [HttpPost("{id:int}/activate")]
    public async Task<IActionResult> Activate(int id, [FromServices] EditDeadlineRuleHandler handler, CancellationToken ct) =>
        After(await handler.SetActiveAsync(id, true, ct), "The rule is active again.");

    [HttpPost("{id:int}/confirm")]
    public async Task<IActionResult> Confirm(int id, [FromServices] EditDeadlineRuleHandler handler, CancellationToken ct) =>
        After(await handler.ConfirmAsync(id, ct), "The rule is confirmed for your jurisdiction.");

    /// <summary>A button on the list or the edit page: back to the list with what happened (the flash messages are resource keys).</summary>
    private IActionResult After(FormOutcome outcome, string saved)
    {
        if (outcome.Kind == FormOutcomeKind.NotFound)
        {
            return NotFound();
        }

        TempData[FormResults.FlashKey] = outcome.Kind switch
        {
            FormOutcomeKind.Saved => saved,
            FormOutcomeKind.Unchanged => FormResults.NothingChanged,
            _ => "Someone else changed the rule at the same time: nothing was changed. Try again.",
        };
        return RedirectToAction(nameof(Index));
    }

    private string List() => Url.Action(nameof(Index))!;
}
