using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Features.Shared.Forms;
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
    private const string DraftSaved = "The draft intake was saved. You can resume it from your drafts.";

    [HttpGet("")]
    public async Task<IActionResult> Index(
        [FromQuery] string? after, [FromQuery] string? before, [FromQuery] IntakeFilterQuery filter, Viewer viewer, [FromServices] ListIntakesHandler handler,
        CancellationToken cancellationToken)
    {
        ModelState.Clear();
        ViewData["IntakeFilter"] = filter;
        return View(await handler.HandleAsync(viewer, after, before, filter.Parse(), cancellationToken));
    }

    [HttpPost("new")]
    public async Task<IActionResult> Start(Viewer viewer, [FromServices] StartIntakeHandler handler, [FromServices] ListIntakesHandler list, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(viewer, cancellationToken) is { } id)
        {
            return RedirectToAction(nameof(Client), new { id });
        }

        ModelState.AddModelError("", l["You have no office, so you cannot take intakes. Ask an administrator to set your office."]);
        return View(nameof(Index), await list.HandleAsync(viewer, null, cancellationToken));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, Viewer viewer, [FromServices] ViewIntakeHandler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(id, viewer, cancellationToken) is { } model ? View(model) : NotFound();

    [HttpGet("{id:guid}/client")]
    public async Task<IActionResult> Client(Guid id, [FromQuery] string? name, Viewer viewer, [FromServices] IntakeClientStepHandler handler, CancellationToken cancellationToken)
    {
        var (model, outcome) = await handler.LoadAsync(id, name, viewer, cancellationToken);
        return Step(id, outcome, model, nameof(Client));
    }

    [HttpPost("{id:guid}/client/choose")]
    public async Task<IActionResult> ChooseClient(Guid id, [FromForm] Guid? clientId, [FromForm] uint version, [FromForm] string? next, Viewer viewer,
        [FromServices] IntakeClientStepHandler handler, CancellationToken cancellationToken)
    {
        // The choice is a button, not typed input: a missing or foreign id is answered by the handler.
        ModelState.Clear();
        var errors = this.FormErrors();
        var (model, outcome) = await handler.ChooseAsync(id, clientId, version, next, viewer, errors, cancellationToken);
        return Saved(id, outcome, errors, model, nameof(Client), next, nameof(Complaint));
    }

    [HttpPost("{id:guid}/client/new")]
    public async Task<IActionResult> NewClient(Guid id, IntakeClientModel input, Viewer viewer, [FromServices] IntakeClientStepHandler handler, CancellationToken cancellationToken)
    {
        if (input.Next == IntakeNext.Close && string.IsNullOrWhiteSpace(input.NewClient.FullName))
        {
            // Nothing typed: the draft is already saved, so closing just leaves it.
            TempData[FormResults.FlashKey] = DraftSaved;
            return RedirectToAction(nameof(Index));
        }

        var errors = this.FormErrors();
        var outcome = await handler.CreateAsync(id, input, viewer, errors, cancellationToken);
        return Saved(id, outcome, errors, input, nameof(Client), input.Next, nameof(Complaint), "The client was registered and chosen for this intake.");
    }

    [HttpGet("{id:guid}/complaint")]
    public async Task<IActionResult> Complaint(Guid id, Viewer viewer, [FromServices] IntakeComplaintStepHandler handler, CancellationToken cancellationToken)
    {
        var (model, outcome) = await handler.LoadAsync(id, viewer, cancellationToken);
        return Step(id, outcome, model, nameof(Complaint));
    }

    [HttpPost("{id:guid}/complaint")]
    public async Task<IActionResult> Complaint(Guid id, IntakeComplaintInput input, Viewer viewer, [FromServices] IntakeComplaintStepHandler handler,
        CancellationToken cancellationToken)
    {
        var errors = this.FormErrors();
        var outcome = await handler.HandleAsync(id, input, viewer, errors, cancellationToken);
        if (outcome.IsSaved && input.Conflicts.Count > 0 && input.Next != IntakeNext.Close)
        {
            // A possible conflict of interest must be seen: the step shows it instead of moving on.
            return this.FormResult(outcome, errors, input, Url.Action(nameof(Complaint), new { id })!,
                "The complaint was saved. Check the respondents flagged below before you continue.");
        }

        return Saved(id, outcome, errors, input, nameof(Complaint), input.Next, nameof(Consent));
    }

    [HttpGet("{id:guid}/consent")]
    public async Task<IActionResult> Consent(Guid id, Viewer viewer, [FromServices] IntakeConsentStepHandler handler, CancellationToken cancellationToken)
    {
        var (model, outcome) = await handler.LoadAsync(id, viewer, cancellationToken);
        return Step(id, outcome, model, nameof(Consent));
    }

    [HttpPost("{id:guid}/consent")]
    public async Task<IActionResult> Consent(Guid id, IntakeConsentInput input, Viewer viewer, [FromServices] IntakeConsentStepHandler handler, CancellationToken cancellationToken)
    {
        var errors = this.FormErrors();
        return Saved(id, await handler.HandleAsync(id, input, viewer, errors, cancellationToken), errors, input, nameof(Consent), input.Next, nameof(Triage));
    }

    [HttpGet("{id:guid}/triage")]
    public async Task<IActionResult> Triage(Guid id, Viewer viewer, [FromServices] IntakeTriageStepHandler handler, CancellationToken cancellationToken)
    {
        var (model, outcome) = await handler.LoadAsync(id, viewer, cancellationToken);
        return Step(id, outcome, model, nameof(Triage));
    }

    [HttpPost("{id:guid}/triage")]
    public async Task<IActionResult> Triage(Guid id, IntakeTriageInput input, Viewer viewer, [FromServices] IntakeTriageStepHandler handler, CancellationToken cancellationToken)
    {
        var errors = this.FormErrors();
        var outcome = await handler.HandleAsync(id, input, viewer, errors, cancellationToken);
        if (outcome.IsSaved && input.Next != IntakeNext.Close)
        {
            return this.FormResult(outcome, errors, input, Url.Action(nameof(Show), new { id })!,
                input.Next == IntakeNext.Submit ? "The intake was submitted for a decision." : "The intake was saved.");
        }

        return Saved(id, outcome, errors, input, nameof(Triage), input.Next, null);
    }

    [HttpPost("{id:guid}/accept")]
    public async Task<IActionResult> Accept(Guid id, [Bind(Prefix = AcceptIntakeInput.Prefix)] AcceptIntakeInput input, Viewer viewer,
        [FromServices] DecideIntakeHandler handler, [FromServices] ViewIntakeHandler view, CancellationToken cancellationToken)
    {
        var errors = this.FormErrors();
        var outcome = await handler.AcceptAsync(id, input, viewer, errors, cancellationToken);
        return await this.FormResultAsync(outcome, errors, () => DecideAgainAsync(id, outcome, viewer, view, m => m.Accept = input, cancellationToken),
            Url.Action("Show", "Cases", new { id = outcome.Id }) ?? "", "The intake was accepted and the case opened.");
    }

    [HttpPost("{id:guid}/reject")]
    public async Task<IActionResult> Reject(Guid id, [Bind(Prefix = RejectIntakeInput.Prefix)] RejectIntakeInput input, Viewer viewer,
        [FromServices] DecideIntakeHandler handler, [FromServices] ViewIntakeHandler view, CancellationToken cancellationToken)
    {
        var errors = this.FormErrors();
        var outcome = await handler.RejectAsync(id, input, viewer, errors, cancellationToken);
        return await this.FormResultAsync(outcome, errors, () => DecideAgainAsync(id, outcome, viewer, view, m => m.Reject = input, cancellationToken),
            Url.Action(nameof(Show), new { id })!, "The intake was rejected.");
    }

    [HttpPost("{id:guid}/reopen")]
    public async Task<IActionResult> Reopen(Guid id, [FromForm] uint version, Viewer viewer, [FromServices] DecideIntakeHandler handler, [FromServices] ViewIntakeHandler view,
        CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var errors = this.FormErrors();
        var outcome = await handler.ReopenAsync(id, version, viewer, errors, cancellationToken);
        return await this.FormResultAsync(outcome, errors, () => DecideAgainAsync(id, outcome, viewer, view, _ => { }, cancellationToken),
            Url.Action(nameof(Show), new { id })!, "The intake was reopened and waits for a decision again.");
    }

    /// <summary>A step's page: the form, 404, or the intake's page once it is decided (closed).</summary>
    private IActionResult Step(Guid id, FormOutcome outcome, object? model, string view) => outcome.Kind switch
    {
        FormOutcomeKind.NotFound => NotFound(),
        FormOutcomeKind.Unchanged => RedirectToAction(nameof(Show), new { id }),
        _ => View(view, model),
    };

    /// <summary>After a step's POST: saved → the next step (or the list, for "save and close"); refused → the step again, values kept.</summary>
    private IActionResult Saved(Guid id, FormOutcome outcome, FormErrors errors, object? model, string view, string? next, string? nextStep, string? saved = null)
    {
        if (outcome.Kind == FormOutcomeKind.Unchanged)
        {
            return Step(id, outcome, model, view);
        }

        var (redirect, message) = next == IntakeNext.Close ? (Url.Action(nameof(Index))!, DraftSaved)
            : next == IntakeNext.Stay || nextStep is null ? (Url.Action(view, new { id })!, saved)
            : (Url.Action(nextStep, new { id })!, saved);
        return outcome.IsSaved && message is null ? Redirect(redirect) : this.FormResult(outcome, errors, model!, redirect, message ?? "", view);
    }

    /// <summary>The intake's page again after a refused decision: with the typed values when the input was refused, as stored after a conflict.</summary>
    private async Task<IActionResult> DecideAgainAsync(Guid id, FormOutcome outcome, Viewer viewer, ViewIntakeHandler view, Action<IntakeViewModel> keep,
        CancellationToken cancellationToken)
    {
        var model = await view.HandleAsync(id, viewer, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        if (outcome.Kind == FormOutcomeKind.Invalid)
        {
            keep(model);
        }

        return View(nameof(Show), model);
    }
}
