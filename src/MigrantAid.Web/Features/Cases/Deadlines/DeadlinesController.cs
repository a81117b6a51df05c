using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

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
    public async Task<IActionResult> New(Guid caseId, [FromServices] AddDeadlineHandler handler, CancellationToken ct) =>
        await handler.NewManualAsync(caseId, User, ct) is { } input ? View(input) : NotFound();

    [HttpPost("new")]
    public async Task<IActionResult> New(Guid caseId, ManualDeadlineInput input, [FromServices] AddDeadlineHandler handler, CancellationToken ct) =>
        Done(caseId, await handler.AddManualAsync(caseId, input, User, ModelState, ct), input, "The deadline was added.");

    [HttpGet("task")]
    public async Task<IActionResult> AddTask(Guid caseId, [FromServices] AddDeadlineHandler handler, CancellationToken ct) =>
        await handler.NewTaskAsync(caseId, User, ct) is { } input ? View(input) : NotFound();

    [HttpPost("task")]
    public async Task<IActionResult> AddTask(Guid caseId, TaskInput input, [FromServices] AddDeadlineHandler handler, CancellationToken ct) =>
        Done(caseId, await handler.AddTaskAsync(caseId, input, User, ModelState, ct), input, "The task was added.");

    [HttpGet("event")]
    public async Task<IActionResult> Event(Guid caseId, [FromServices] RecordEventHandler handler, CancellationToken ct) =>
        await handler.NewAsync(caseId, User, ct) is { } input ? View(input) : NotFound();

    [HttpPost("event")]
    public async Task<IActionResult> Event(Guid caseId, RecordEventInput input, [FromServices] RecordEventHandler handler, CancellationToken ct)
    {
        var (outcome, eventId) = await handler.HandleAsync(caseId, input, User, ModelState, ct);
        switch (outcome)
        {
            case DeadlineChangeOutcome.NotFound:
                return NotFound();
            case DeadlineChangeOutcome.Saved:
                TempData["Success"] = "The event was recorded and its deadlines computed.";
                return Redirect($"/cases/{caseId}/deadlines/events/{eventId}");
            default:
                return View(input);
        }
    }

    [HttpGet("events/{eventId:guid}")]
    public async Task<IActionResult> EventDeadlines(Guid caseId, Guid eventId, [FromServices] RecordEventHandler handler, CancellationToken ct) =>
        await handler.ShowAsync(caseId, eventId, User, ct) is { } model ? View(model) : NotFound();

    [HttpGet("{deadlineId:guid}/move")]
    public async Task<IActionResult> Move(Guid caseId, Guid deadlineId, [FromServices] ChangeDeadlineHandler handler, CancellationToken ct) =>
        await handler.LoadAsync<MoveDeadlineInput>(caseId, deadlineId, User, ct) is { } input ? View(input) : NotFound();

    [HttpPost("{deadlineId:guid}/move")]
    public async Task<IActionResult> Move(Guid caseId, Guid deadlineId, MoveDeadlineInput input, [FromServices] ChangeDeadlineHandler handler, CancellationToken ct) =>
        Done(caseId, await handler.MoveAsync(caseId, deadlineId, input, User, ModelState, ct), input, "The date was moved.");

    [HttpGet("{deadlineId:guid}/done")]
    public async Task<IActionResult> MarkDone(Guid caseId, Guid deadlineId, [FromServices] ChangeDeadlineHandler handler, CancellationToken ct) =>
        await handler.LoadAsync<DoneDeadlineInput>(caseId, deadlineId, User, ct) is { } input ? View(input) : NotFound();

    [HttpPost("{deadlineId:guid}/done")]
    public async Task<IActionResult> MarkDone(Guid caseId, Guid deadlineId, DoneDeadlineInput input, [FromServices] ChangeDeadlineHandler handler, CancellationToken ct) =>
        Done(caseId, await handler.DoneAsync(caseId, deadlineId, input, User, ModelState, ct), input, "The deadline is marked done.");

    [HttpGet("{deadlineId:guid}/dismiss")]
    public async Task<IActionResult> Dismiss(Guid caseId, Guid deadlineId, [FromServices] ChangeDeadlineHandler handler, CancellationToken ct) =>
        await handler.LoadAsync<DismissDeadlineInput>(caseId, deadlineId, User, ct) is { } input ? View(input) : NotFound();

    [HttpPost("{deadlineId:guid}/dismiss")]
    public async Task<IActionResult> Dismiss(Guid caseId, Guid deadlineId, DismissDeadlineInput input, [FromServices] ChangeDeadlineHandler handler, CancellationToken ct) =>
        Done(caseId, await handler.DismissAsync(caseId, deadlineId, input, User, ModelState, ct), input, "The deadline was dismissed.");

    /// <summary>Back to the case's deadlines with <paramref name="success"/> when saved; the form again, with every typed value, when refused.</summary>
    private IActionResult Done(Guid caseId, DeadlineChangeOutcome outcome, DeadlineFormInput input, string success)
    {
        switch (outcome)
        {
            case DeadlineChangeOutcome.NotFound:
                return NotFound();
            case DeadlineChangeOutcome.Invalid:
            case DeadlineChangeOutcome.Conflict:
                return View(input);
            default:
                TempData["Success"] = success;
                return Redirect($"/cases/{caseId}#deadlines");
        }
    }
}
