using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Infrastructure;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Desk;

/// <summary>The lawyer's desk ("My deadlines"), the calendar, and the user's calendar feed address.</summary>
[Authorize(Policy = Policies.CaseStaff)]
public sealed class DeskController(IStringLocalizer<SharedResource> l) : Controller
{
    [ReusePlans]
    [HttpGet("/desk")]
    public async Task<IActionResult> Index([FromQuery] DeskQuery query, [FromServices] ViewDeskHandler handler, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var model = await handler.HandleAsync(query, Viewer.From(User), cancellationToken);
        AddProblems(model.Filter.Problems);
        return View(model);
    }

    /// <summary>The calendar; <paramref name="month"/> and <paramref name="year"/> come from its month picker.</summary>
    [ReusePlans]
    [HttpGet("/calendar")]
    public async Task<IActionResult> Calendar([FromQuery] DeskQuery query, [FromQuery] string? month, [FromQuery] string? year,
        [FromServices] ViewCalendarHandler handler, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var picker = CalendarMonthPicker.Read(month, year);
        picker.ApplyTo(query);
        var model = await handler.HandleAsync(query, Viewer.From(User), cancellationToken);
        AddProblems(model.Filter.Problems);
        if (picker.IsInvalid)
        {
            ModelState.AddModelError("year", l["Choose a month and enter a year from {0} to {1}.", CalendarMonthPicker.MinYear, CalendarMonthPicker.MaxYear]);
        }

        return View(model);
    }

    [HttpGet("/calendar/feed")]
    public async Task<IActionResult> Feed([FromServices] ManageCalendarFeedHandler handler, CancellationToken cancellationToken) =>
        View(new CalendarFeedModel(await handler.ActiveSinceAsync(User.Id(), cancellationToken), null, null));

    /// <summary>Makes a new address (replacing the live one) and shows it once, in this response only.</summary>
    [HttpPost("/calendar/feed")]
    public async Task<IActionResult> CreateFeed([FromServices] ManageCalendarFeedHandler handler, CancellationToken cancellationToken)
    {
        var token = await handler.CreateAsync(User.Id(), cancellationToken);
        var feed = new { file = token + ".ics" };
        var address = Url.Action(nameof(FeedDocument), null, feed, Request.Scheme)!;
        var webcal = "webcal://" + Request.Host + Url.Action(nameof(FeedDocument), feed);
        return View("Feed", new CalendarFeedModel(await handler.ActiveSinceAsync(User.Id(), cancellationToken), address, webcal));
    }

    [HttpPost("/calendar/feed/revoke")]
    public async Task<IActionResult> RevokeFeed([FromServices] ManageCalendarFeedHandler handler, CancellationToken cancellationToken)
    {
        TempData["Success"] = await handler.RevokeAsync(User.Id(), cancellationToken)
            ? "The calendar address was revoked. Calendars subscribed to it no longer receive dates."
            : "You have no calendar address to revoke.";
        return RedirectToAction(nameof(Feed));
    }

    /// <summary>
    /// The feed itself, for calendar programs, which cannot sign in: the secret address is the
    /// credential. The only anonymous route of the desk; an unknown or revoked address answers 404.
    /// </summary>
    [AllowAnonymous]
    [ReusePlans]
    [HttpGet("/calendar/feed/{file}")]
    [Throttled(ThrottledDoor.CalendarFeed)]
    public async Task<IActionResult> FeedDocument(string file, [FromServices] ReadCalendarFeedHandler handler, CancellationToken cancellationToken)
    {
        // One segment "<token>.ics"; anything else (no token, another name) is simply not found.
        var token = file.EndsWith(".ics", StringComparison.Ordinal) ? file[..^4] : null;
        var document = await handler.HandleAsync(token, $"{Request.Scheme}://{Request.Host}{Request.PathBase}", cancellationToken);
        if (document is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return Content(document, "text/calendar; charset=utf-8");
    }

    private void AddProblems(IReadOnlyList<DeskProblem> problems)
    {
        foreach (var problem in problems)
        {
            var (field, message) = problem switch
            {
                DeskProblem.UnknownLawyer => ("lawyer", l["Choose a lawyer from the list."]),
                DeskProblem.UnknownOffice => ("office", l["Choose an office from the list."]),
                DeskProblem.BadDate => ("date", l["The date in the link is not valid, so today is shown."]),
                _ => ("", l["The page link is not valid, so the first page is shown."]),
            };
            ModelState.AddModelError(field, message);
        }
    }
}
