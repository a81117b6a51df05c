using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
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
        if (await handler.HandleAsync(input, ModelState, ct) is null)
        {
            return View(input);
        }

        TempData["Success"] = "The rule was added.";
        return Redirect("/deadline-rules");
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, [FromServices] EditDeadlineRuleHandler handler, CancellationToken ct) =>
        await handler.LoadAsync(id, ct) is { } input ? View(input) : NotFound();

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, EditRuleInput input, [FromServices] EditDeadlineRuleHandler handler, CancellationToken ct)
    {
        switch (await handler.SaveAsync(id, input, ModelState, ct))
        {
            case RuleSaveOutcome.NotFound:
                return NotFound();
            case RuleSaveOutcome.Invalid:
            case RuleSaveOutcome.Conflict:
                return View(input);
            case RuleSaveOutcome.Unchanged:
                TempData["Success"] = "Nothing was changed.";
                return Redirect("/deadline-rules");
            default:
                TempData["Success"] = "The rule was saved. Deadlines already on cases keep their dates.";
                return Redirect("/deadline-rules");
        }
    }

    [HttpPost("{id:int}/deactivate")]
    public async Task<IActionResult> Deactivate(int id, [FromServices] EditDeadlineRuleHandler handler, CancellationToken ct)
    {
        var outcome = await handler.SetActiveAsync(id, false, ct);
        if (outcome == RuleSaveOutcome.Saved)
        {
            TempData["Success"] = "The rule is retired: events no longer produce its deadline.";
        }

        return After(outcome);
    }

    [HttpPost("{id:int}/activate")]
    public async Task<IActionResult> Activate(int id, [FromServices] EditDeadlineRuleHandler handler, CancellationToken ct)
    {
        var outcome = await handler.SetActiveAsync(id, true, ct);
        if (outcome == RuleSaveOutcome.Saved)
        {
            TempData["Success"] = "The rule is active again.";
        }

        return After(outcome);
    }

    [HttpPost("{id:int}/confirm")]
    public async Task<IActionResult> Confirm(int id, [FromServices] EditDeadlineRuleHandler handler, CancellationToken ct)
    {
        var outcome = await handler.ConfirmAsync(id, ct);
        if (outcome == RuleSaveOutcome.Saved)
        {
            TempData["Success"] = "The rule is confirmed for your jurisdiction.";
        }

        return After(outcome);
    }

    private IActionResult After(RuleSaveOutcome outcome)
    {
        switch (outcome)
        {
            case RuleSaveOutcome.NotFound:
                return NotFound();
            case RuleSaveOutcome.Unchanged:
                TempData["Success"] = "Nothing was changed.";
                break;
            case RuleSaveOutcome.Conflict:
                TempData["Success"] = "Someone else changed the rule at the same time: nothing was changed. Try again.";
                break;
        }

        return Redirect("/deadline-rules");
    }
}
