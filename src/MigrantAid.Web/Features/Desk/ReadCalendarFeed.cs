using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Infrastructure;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Desk;

/// <summary>
/// The iCalendar document behind a feed address: every open deadline (all-day events on their date;
/// overdue ones however old, their title marked) and the hearings (instants in UTC) from
/// <see cref="PastDays"/> back that concern the feed's owner, from the cases the owner may see
/// now (their roles and office as stored, not as when the address was made). An event carries the
/// case reference and the deadline's title or the court, never a client's name: a calendar on a phone
/// or in someone's mail account is outside the portal.
/// </summary>
public sealed class ReadCalendarFeedHandler(AppDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock)
{
    public const int PastDays = 90;
    public const int FutureDays = 366;
    public const int Limit = 2000;

    /// <returns>The document, or null when the token is unknown, revoked, or its owner is disabled.</returns>
    public async Task<string?> HandleAsync(string? token, string baseUrl, CancellationToken cancellationToken = default)
    {
        var hash = CalendarFeed.HashOf(token);
        if (hash is null)
        {
            return null;
        }

        var owner = await (
                from f in db.CalendarFeeds.AsNoTracking()
                join u in db.Users on f.UserId equals u.Id
                where f.TokenHash == hash && f.RevokedAt == null && u.IsActive
                select new { u.Id, u.OfficeId, u.PreferredLanguage, Zone = db.Offices.Where(o => o.Id == u.OfficeId).Select(o => o.TimeZoneId).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        if (owner is null)
        {
            return null;
        }

        var roles = await db.UserRoles.Where(ur => ur.UserId == owner.Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!)
            .ToListAsync(cancellationToken);
        var viewer = new Viewer(owner.Id, owner.OfficeId, roles.Contains(Roles.Coordinator), roles.Contains(Roles.Lawyer), roles.Contains(Roles.Caseworker));

        // The owner's language, whoever's calendar program asks.
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture =
                CultureInfo.GetCultureInfo(SupportedLanguages.IsSupported(owner.PreferredLanguage) ? owner.PreferredLanguage : SupportedLanguages.English);
            return await WriteAsync(viewer, OfficeTime.For(owner.Zone), baseUrl, cancellationToken);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }

    private async Task<string> WriteAsync(Viewer viewer, OfficeTime time, string baseUrl, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = time.Today(now);
        var scope = await DeskScope.ResolveAsync(db, await DeskOffices.LoadAsync(db, cancellationToken), viewer, viewer.UserId, null, cancellationToken);
        // Open deadlines have no lower bound: an overdue one stays in front of the lawyer until it is done or
        // dismissed. Still a range of the partial (person, due_on) indexes on open deadlines (migration 0019).
        DaySpan[] deadlineWindow = [new DaySpan(0, DateOnly.MinValue, today.AddDays(FutureDays))];
        var deadlines = await DeskRows.DeadlinesAsync(db, scope.Deadlines(db).Where(d => d.Status == DeadlineStatus.Open), deadlineWindow, DeskRead.All(Limit),
            viewer.UserId, viewer.IsCoordinator, cancellationToken);
        DaySpan[] hearingWindow = [new DaySpan(0, today.AddDays(-PastDays), today.AddDays(FutureDays))];
        var hearings = await DeskRows.HearingsAsync(db, scope.Hearings(db), hearingWindow, scope.Zones, DeskRead.All(Limit),
            viewer.UserId, viewer.IsCoordinator, cancellationToken);

        var stamp = now;
        var calendar = new ICalendarWriter()
            .Raw("BEGIN", "VCALENDAR")
            .Raw("VERSION", "2.0")
            .Raw("PRODID", "-//MigrantAid//Lawyer's desk//EN")
            .Raw("CALSCALE", "GREGORIAN")
            .Raw("METHOD", "PUBLISH")
            .Text("X-WR-CALNAME", "MigrantAid: " + l["My deadlines"].Value)
            .Raw("REFRESH-INTERVAL;VALUE=DURATION", "PT1H")
            .Raw("X-PUBLISHED-TTL", "PT1H");

        foreach (var d in deadlines)
        {
            calendar
                .Raw("BEGIN", "VEVENT")
                .Raw("UID", "deadline-" + d.Id.ToString("D") + "@migrantaid")
                .Instant("DTSTAMP", stamp)
                .Date("DTSTART", d.DueOn)
                .Date("DTEND", d.DueOn.AddDays(1))
                .Text("SUMMARY", Summary(d, today))
                .Text("DESCRIPTION", CaseText.Enum(l, d.Kind))
                .Raw("URL", baseUrl + "/cases/" + d.CaseId.ToString("D"))
                .Raw("TRANSP", "TRANSPARENT")
                .Raw("END", "VEVENT");
        }

        foreach (var h in hearings.Rows.OrderBy(h => h.StartsAt))
        {
            calendar
                .Raw("BEGIN", "VEVENT")
                .Raw("UID", "hearing-" + h.Id.ToString("D") + "@migrantaid")
                .Instant("DTSTAMP", stamp)
                .Instant("DTSTART", h.StartsAt)
                .Instant("DTEND", h.StartsAt.AddHours(1))
                .Text("SUMMARY", h.Reference + ": " + l["Hearing"].Value + ", " + h.Court)
                .Raw("URL", baseUrl + "/cases/" + h.CaseId.ToString("D"))
                .Raw("END", "VEVENT");
        }

        return calendar.Raw("END", "VCALENDAR").ToString();
    }

    /// <summary>The case reference and the title; an overdue deadline says so first, in the owner's language.</summary>
    private string Summary(DeskDeadline d, DateOnly today)
    {
        var summary = d.Reference + ": " + d.Title;
        return d.DueOn < today ? l["OVERDUE: {0}", summary].Value : summary;
    }
}
