using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Desk.Notifications;

/// <summary>
/// A user's own notifications (any signed-in user; another user's notification is a 404), and, for
/// administrators, the digest e-mails that are waiting or have failed.
/// </summary>
[Authorize]
[Route("notifications")]
public sealed class NotificationsController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] long? before, [FromServices] ListNotificationsHandler handler, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            // Only the page key can fail to bind: show the newest.
            before = null;
            ModelState.Clear();
        }

        return View(await handler.HandleAsync(User.Id(), before, cancellationToken));
    }

    [HttpPost("{id:long}/read")]
    public async Task<IActionResult> MarkRead(long id, [FromForm] long? before, [FromServices] MarkNotificationsReadHandler handler, CancellationToken cancellationToken)
    {
        if (!await handler.MarkOneAsync(User.Id(), id, cancellationToken))
        {
            return NotFound();
        }

        return RedirectToAction(nameof(Index), new { before = ModelState.IsValid ? before : null });
    }

    [HttpPost("read-all")]
    public async Task<IActionResult> MarkAllRead([FromServices] MarkNotificationsReadHandler handler, CancellationToken cancellationToken)
    {
        await handler.MarkAllAsync(User.Id(), cancellationToken);
        TempData["Success"] = "All notifications are marked as read.";
        return RedirectToAction(nameof(Index));
    }

    [Authorize(Policy = Policies.Admin)]
    [HttpGet("deliveries")]
    public async Task<IActionResult> Deliveries([FromQuery] DateOnly? beforeDay, [FromQuery] Guid? beforeUser,
        [FromServices] ListDigestDeliveriesHandler handler, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            (beforeDay, beforeUser) = (null, null);
            ModelState.Clear();
        }

        return View(await handler.HandleAsync(User.Id(), beforeDay, beforeUser, cancellationToken));
    }

    [Authorize(Policy = Policies.Admin)]
    [HttpPost("deliveries/retry")]
    public async Task<IActionResult> Retry([FromForm] Guid userId, [FromForm] DateOnly day, [FromServices] RetryDigestDeliveryHandler handler, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return NotFound();
        }

        var outcome = await handler.HandleAsync(userId, day, cancellationToken);
        if (outcome == RetryOutcome.NotFound)
        {
            return NotFound();
        }

        if (outcome == RetryOutcome.Queued)
        {
            TempData["Success"] = "The digest will be sent again in the next round.";
        }

        return RedirectToAction(nameof(Deliveries));
    }
}
