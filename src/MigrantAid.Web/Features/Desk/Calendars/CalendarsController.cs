using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Desk.Calendars;

/// <summary>Each country's non-working days, by year: administrators keep them as governments publish them.</summary>
[Authorize(Policy = Policies.Admin)]
[Route("calendars")]
public sealed class CalendarsController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] string? country, [FromQuery] int? year, [FromServices] CountryCalendarHandler handler, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            // Only the year can fail to bind: show the current one.
            year = null;
            ModelState.Clear();
        }

        return await handler.LoadAsync(country, year, ct: ct) is { } model ? View(model) : NotFound();
    }

    [HttpPost("add")]
    public async Task<IActionResult> Add([Bind(Prefix = CountryCalendarHandler.Prefix)] AddCalendarDayInput input, [FromServices] CountryCalendarHandler handler, CancellationToken ct)
    {
        var errors = this.FormErrors();
        var outcome = await handler.AddAsync(input, errors, ct);
        return await this.FormResultAsync(outcome, errors, async () => View(nameof(Index),
                await handler.LoadAsync(input.Country, input.Date?.Year, input, ct) ?? await handler.LoadAsync(null, input.Date?.Year, input, ct)),
            outcome.IsSaved ? Page(input.Country!, input.Date!.Value.Year) : "", "The day was added. Deadlines already on cases keep their dates.");
    }

    [HttpPost("{country}/{date}/remove")]
    public async Task<IActionResult> Remove(string country, string date, [FromServices] CountryCalendarHandler handler, CancellationToken ct)
    {
        if (!TryDate(date, out var day) || await handler.RemoveAsync(country, day, ct) is { Kind: FormOutcomeKind.NotFound })
        {
            return NotFound();
        }

        TempData["Success"] = "The day was removed. Deadlines already on cases keep their dates.";
        return Redirect(Page(country, day.Year));
    }

    [HttpPost("{country}/{date}/confirm")]
    public async Task<IActionResult> ConfirmDay(string country, string date, [FromServices] CountryCalendarHandler handler, CancellationToken ct)
    {
        if (!TryDate(date, out var day) || await handler.ConfirmAsync(country, day.Year, day, ct) is { Kind: FormOutcomeKind.NotFound })
        {
            return NotFound();
        }

        TempData["Success"] = "The day is confirmed.";
        return Redirect(Page(country, day.Year));
    }

    [HttpPost("{country}/year/{year:int}/confirm")]
    public async Task<IActionResult> ConfirmYear(string country, int year, [FromServices] CountryCalendarHandler handler, CancellationToken ct)
    {
        if (year is < 1990 or > 2100 || await handler.ConfirmAsync(country, year, null, ct) is { Kind: FormOutcomeKind.NotFound })
        {
            return NotFound();
        }

        TempData["Success"] = "The year's days are confirmed.";
        return Redirect(Page(country, year));
    }

    /// <summary>The calendar page of one country and year (the address the buttons return to).</summary>
    private string Page(string country, int year) => Url.Action(nameof(Index), new { country, year })!;

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
