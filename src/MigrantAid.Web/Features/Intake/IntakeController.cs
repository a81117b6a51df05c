using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Intake;

/// <summary>
/// The guided intake interview (client → complaint → consent → triage), the queue of intakes waiting
/// for a decision, and the decision itself. Every step's POST saves the draft before moving on.
/// </summary>
[Authorize(Policy = Policies.CaseStaff)]
[Route("intakes")]
public sealed class IntakeController(IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(
        [FromQuery] string? after, [FromQuery] string? before, [FromQuery] IntakeFilterQuery filter, [FromServices] ListIntakesHandler handler, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        ViewData["IntakeFilter"] = filter;
        return View(await handler.HandleAsync(User, after, before, filter.Parse(), cancellationToken));
    }

    [HttpPost("new")]
    public async Task<IActionResult> Start([FromServices] StartIntakeHandler handler, [FromServices] ListIntakesHandler list, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(User, cancellationToken) is { } id)
        {
            return Redirect($"/intakes/{id}/client");
        }

        ModelState.AddModelError("", l["You have no office, so you cannot take intakes. Ask an administrator to set your office."]);
        return View(nameof(Index), await list.HandleAsync(User, null, cancellationToken));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, [FromServices] ViewIntakeHandler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(id, User, cancellationToken) is { } model ? View(model) : NotFound();

    [HttpGet("{id:guid}/client")]
    public async Task<IActionResult> Client(Guid id, [FromQuery] string? name, [FromServices] IntakeClientStepHandler handler, CancellationToken cancellationToken)
    {
        var (model, outcome) = await handler.LoadAsync(id, name, User, cancellationToken);
        return Step(id, outcome, model, nameof(Client));
    }

    [HttpPost("{id:guid}/client/choose")]
    public async Task<IActionResult> ChooseClient(Guid id, [FromForm] Guid? clientId, [FromForm] uint version, [FromForm] string? next,
        [FromServices] IntakeClientStepHandler handler, CancellationToken cancellationToken)
    {
        // The choice is a button, not typed input: a missing or foreign id is answered by the handler.
        ModelState.Clear();
        var (model, outcome) = await handler.ChooseAsync(id, clientId, version, next, User, ModelState, cancellationToken);
        return Saved(id, outcome, model, nameof(Client), next, "complaint");
    }

    [HttpPost("{id:guid}/client/new")]
    public async Task<IActionResult> NewClient(Guid id, IntakeClientModel input, [FromServices] IntakeClientStepHandler handler, CancellationToken cancellationToken)
    {
        if (input.Next == IntakeNext.Close && string.IsNullOrWhiteSpace(input.NewClient.FullName))
        {
            // Nothing typed: the draft is already saved, so closing just leaves it.
            TempData["Success"] = "The draft intake was saved. You can resume it from your drafts.";
            return Redirect("/intakes");
        }

        var (model, outcome) = await handler.CreateAsync(id, input, User, ModelState, cancellationToken);
        if (outcome == IntakeOutcome.Saved)
        {
            TempData["Success"] = "The client was registered and chosen for this intake.";
        }

        return Saved(id, outcome, model, nameof(Client), input.Next, "complaint");
    }

    [HttpGet("{id:guid}/complaint")]
    public async Task<IActionResult> Complaint(Guid id, [FromServices] IntakeComplaintStepHandler handler, CancellationToken cancellationToken)
    {
        var (model, outcome) = await handler.LoadAsync(id, User, cancellationToken);
        return Step(id, outcome, model, nameof(Complaint));
    }

    [HttpPost("{id:guid}/complaint")]
    public async Task<IActionResult> Complaint(Guid id, IntakeComplaintInput input, [FromServices] IntakeComplaintStepHandler handler, CancellationToken cancellationToken)
    {
        var (model, outcome) = await handler.HandleAsync(id, input, User, ModelState, cancellationToken);
        if (outcome == IntakeOutcome.Saved && model!.Conflicts.Count > 0 && input.Next != IntakeNext.Close)
        {
            // A possible conflict of interest must be seen: the step shows it instead of moving on.
            TempData["Success"] = "The complaint was saved. Check the respondents flagged below before you continue.";
            return Redirect($"/intakes/{id}/complaint");
        }

        return Saved(id, outcome, model, nameof(Complaint), input.Next, "consent");
    }

    [HttpGet("{id:guid}/consent")]
    public async Task<IActionResult> Consent(Guid id, [FromServices] IntakeConsentStepHandler handler, CancellationToken cancellationToken)
    {
        var (model, outcome) = await handler.LoadAsync(id, User, cancellationToken);
        return Step(id, outcome, model, nameof(Consent));
    }

    [HttpPost("{id:guid}/consent")]
    public async Task<IActionResult> Consent(Guid id, IntakeConsentInput input, [FromServices] IntakeConsentStepHandler handler, CancellationToken cancellationToken)
    {
        var (model, outcome) = await handler.HandleAsync(id, input, User, ModelState, cancellationToken);
        return Saved(id, outcome, model, nameof(Consent), input.Next, "triage");
    }

    [HttpGet("{id:guid}/triage")]
    public async Task<IActionResult> Triage(Guid id, [FromServices] IntakeTriageStepHandler handler, CancellationToken cancellationToken)
    {
        var (model, outcome) = await handler.LoadAsync(id, User, cancellationToken);
        return Step(id, outcome, model, nameof(Triage));
    }

    [HttpPost("{id:guid}/triage")]
    public async Task<IActionResult> Triage(Guid id, IntakeTriageInput input, [FromServices] IntakeTriageStepHandler handler, CancellationToken cancellationToken)
    {
        var (model, outcome) = await handler.HandleAsync(id, input, User, ModelState, cancellationToken);
        if (outcome == IntakeOutcome.Saved && input.Next != IntakeNext.Close)
        {
            TempData["Success"] = input.Next == IntakeNext.Submit ? "The intake was submitted for a decision." : "The intake was saved.";
            return Redirect($"/intakes/{id}");
        }

        return Saved(id, outcome, model, nameof(Triage), input.Next, null);
    }

    [HttpPost("{id:guid}/accept")]
    public async Task<IActionResult> Accept(Guid id, [Bind(Prefix = AcceptIntakeInput.Prefix)] AcceptIntakeInput input,
        [FromServices] DecideIntakeHandler handler, [FromServices] ViewIntakeHandler view, CancellationToken cancellationToken)
    {
        var result = await handler.AcceptAsync(id, input, User, ModelState, cancellationToken);
        if (result.Outcome == IntakeOutcome.Saved)
        {
            TempData["Success"] = "The intake was accepted and the case opened.";
            return Redirect($"/cases/{result.CaseId}");
        }

        return await DecidedAgainAsync(id, result, view, m => m.Accept = input, cancellationToken);
    }

    [HttpPost("{id:guid}/reject")]
    public async Task<IActionResult> Reject(Guid id, [Bind(Prefix = RejectIntakeInput.Prefix)] RejectIntakeInput input,
        [FromServices] DecideIntakeHandler handler, [FromServices] ViewIntakeHandler view, CancellationToken cancellationToken)
    {
        var result = await handler.RejectAsync(id, input, User, ModelState, cancellationToken);
        if (result.Outcome == IntakeOutcome.Saved)
        {
            TempData["Success"] = "The intake was rejected.";
            return Redirect($"/intakes/{id}");
        }

        return await DecidedAgainAsync(id, result, view, m => m.Reject = input, cancellationToken);
    }

    [HttpPost("{id:guid}/reopen")]
    public async Task<IActionResult> Reopen(Guid id, [FromForm] uint version, [FromServices] DecideIntakeHandler handler, [FromServices] ViewIntakeHandler view,
        CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = await handler.ReopenAsync(id, version, User, ModelState, cancellationToken);
        if (result.Outcome == IntakeOutcome.Saved)
        {
            TempData["Success"] = "The intake was reopened and waits for a decision again.";
            return Redirect($"/intakes/{id}");
        }

        return await DecidedAgainAsync(id, result, view, _ => { }, cancellationToken);
    }

    private IActionResult Step(Guid id, IntakeOutcome outcome, object? model, string view) => outcome switch
    {
        IntakeOutcome.NotFound => NotFound(),
        IntakeOutcome.Closed => Redirect($"/intakes/{id}"),
        _ => View(view, model),
    };

    /// <summary>After a step's POST: saved → the next step (or the list, for "save and close"); refused → the step again, values kept.</summary>
    private IActionResult Saved(Guid id, IntakeOutcome outcome, object? model, string view, string? next, string? nextStep)
    {
        if (outcome != IntakeOutcome.Saved)
        {
            return Step(id, outcome, model, view);
        }

        if (next == IntakeNext.Close)
        {
            TempData["Success"] = "The draft intake was saved. You can resume it from your drafts.";
            return Redirect("/intakes");
        }

        if (next == IntakeNext.Stay || nextStep is null)
        {
            return Redirect($"/intakes/{id}/{view.ToLowerInvariant()}");
        }

        return Redirect($"/intakes/{id}/{nextStep}");
    }

    private async Task<IActionResult> DecidedAgainAsync(Guid id, DecisionResult result, ViewIntakeHandler view, Action<IntakeViewModel> keep, CancellationToken cancellationToken)
    {
        if (result.Forbidden)
        {
            return Forbid();
        }

        if (result.Outcome == IntakeOutcome.NotFound)
        {
            return NotFound();
        }

        var model = await view.HandleAsync(id, User, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        if (result.Outcome == IntakeOutcome.Invalid)
        {
            keep(model);
        }

        return View(nameof(Show), model);
    }
}
