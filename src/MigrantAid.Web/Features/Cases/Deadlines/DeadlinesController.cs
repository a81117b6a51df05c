using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Cases.Deadlines;

/// <summary>
/// Deadlines and tasks on a case: add them, record a trigger event, move a date with a reason, mark
/// done, dismiss. Whoever sees the case may do this (like notes); anyone else gets 404 on every route.
/// </summary>
[Authorize]
[Route("cases/{caseId:guid}/deadlines")]
public sealed class DeadlinesController : Controller
{
    [HttpGet("new")]
    public async Task<IActionResult> New(Guid caseId, Viewer viewer, [FromServices] AddDeadlineHandler handler, CancellationToken ct) =>
        await handler.NewManualAsync(caseId, viewer, ct) is { } input ? View(input) : NotFound();

    [HttpPost("new")]
    public Task<IActionResult> New(Guid caseId, ManualDeadlineInput input, Viewer viewer, [FromServices] AddDeadlineHandler handler, CancellationToken ct) =>
        this.SubmitAsync(input, errors => handler.AddManualAsync(caseId, input, viewer, errors, ct), Url.CasePage(caseId, "deadlines"), "The deadline was added.");

    [HttpGet("task")]
    public async Task<IActionResult> AddTask(Guid caseId, Viewer viewer, [FromServices] AddDeadlineHandler handler, CancellationToken ct) =>
        await handler.NewTaskAsync(caseId, viewer, ct) is { } input ? View(input) : NotFound();

    [HttpPost("task")]
    public Task<IActionResult> AddTask(Guid caseId, TaskInput input, Viewer viewer, [FromServices] AddDeadlineHandler handler, CancellationToken ct) =>
        this.SubmitAsync(input, errors => handler.AddTaskAsync(caseId, input, viewer, errors, ct), Url.CasePage(caseId, "deadlines"), "The task was added.");

    [HttpGet("event")]
    public async Task<IActionResult> Event(Guid caseId, Viewer viewer, [FromServices] RecordEventHandler handler, CancellationToken ct) =>
        await handler.NewAsync(caseId, viewer, ct) is { } input ? View(input) : NotFound();

    [HttpPost("event")]
    public async Task<IActionResult> Event(Guid caseId, RecordEventInput input, Viewer viewer, [FromServices] RecordEventHandler handler, CancellationToken ct)
    {
        var errors = this.FormErrors();
        var outcome = await handler.HandleAsync(caseId, input, viewer, errors, ct);
        return this.FormResult(outcome, errors, input, Url.Action(nameof(EventDeadlines), new { caseId, eventId = outcome.Id })!, "The event was recorded and its deadlines computed.");
    }

    [HttpGet("events/{eventId:guid}")]
    public async Task<IActionResult> EventDeadlines(Guid caseId, Guid eventId, Viewer viewer, [FromServices] RecordEventHandler handler, CancellationToken ct) =>
        await handler.ShowAsync(caseId, eventId, viewer, ct) is { } model ? View(model) : NotFound();

    [HttpGet("{deadlineId:guid}/move")]
    public async Task<IActionResult> Move(Guid caseId, Guid deadlineId, Viewer viewer, [FromServices] ChangeDeadlineHandler handler, CancellationToken ct) =>
        await handler.LoadAsync<MoveDeadlineInput>(caseId, deadlineId, viewer, ct) is { } input ? View(input) : NotFound();

    [HttpPost("{deadlineId:guid}/move")]
    public Task<IActionResult> Move(Guid caseId, Guid deadlineId, MoveDeadlineInput input, Viewer viewer, [FromServices] ChangeDeadlineHandler handler, CancellationToken ct) =>
        this.SubmitAsync(input, errors => handler.MoveAsync(caseId, deadlineId, input, viewer, errors, ct), Url.CasePage(caseId, "deadlines"), "The date was moved.");

    [HttpGet("{deadlineId:guid}/done")]
    public async Task<IActionResult> MarkDone(Guid caseId, Guid deadlineId, Viewer viewer, [FromServices] ChangeDeadlineHandler handler, CancellationToken ct) =>
        await handler.LoadAsync<DoneDeadlineInput>(caseId, deadlineId, viewer, ct) is { } input ? View(input) : NotFound();

    [HttpPost("{deadlineId:guid}/done")]
    public Task<IActionResult> MarkDone(Guid caseId, Guid deadlineId, DoneDeadlineInput input, Viewer viewer, [FromServices] ChangeDeadlineHandler handler, CancellationToken ct) =>
        this.SubmitAsync(input, errors => handler.DoneAsync(caseId, deadlineId, input, viewer, errors, ct), Url.CasePage(caseId, "deadlines"), "The deadline is marked done.");

    [HttpGet("{deadlineId:guid}/dismiss")]
    public async Task<IActionResult> Dismiss(Guid caseId, Guid deadlineId, Viewer viewer, [FromServices] ChangeDeadlineHandler handler, CancellationToken ct) =>
        await handler.LoadAsync<DismissDeadlineInput>(caseId, deadlineId, viewer, ct) is { } input ? View(input) : NotFound();

    [HttpPost("{deadlineId:guid}/dismiss")]
    public Task<IActionResult> Dismiss(Guid caseId, Guid deadlineId, DismissDeadlineInput input, Viewer viewer, [FromServices] ChangeDeadlineHandler handler, CancellationToken ct) =>
        this.SubmitAsync(input, errors => handler.DismissAsync(caseId, deadlineId, input, viewer, errors, ct), Url.CasePage(caseId, "deadlines"), "The deadline was dismissed.");
}
