using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;

namespace MigrantAid.Web.Features.Audit;

/// <summary>The audit events a filter selects, the viewer's time zone (the days of the period are theirs), and what is wrong with the filter.</summary>
public sealed record AuditSelection(IQueryable<AuditEvent> Query, TimeZoneInfo Zone, List<AuditFilterProblem> Problems);

/// <summary>Reads the audit log's filters once for the page and for its CSV (a data-protection review).</summary>
public sealed class AuditSelectionHandler(AppDbContext db, ILookupNormalizer normalizer)
{
    private const string DateFormat = "yyyy-MM-dd";

    public async Task<AuditSelection> HandleAsync(AuditLogFilter filter, Guid viewerId, CancellationToken cancellationToken = default)
    {
        var zone = await ViewerTimeZoneAsync(viewerId, cancellationToken);
        var problems = new List<AuditFilterProblem>();

        var action = Clean(filter.Action);
        if (action is not null && !AuditActions.All.Contains(action))
        {
            problems.Add(AuditFilterProblem.UnknownAction);
        }

        var actorId = await ActorIdAsync(Clean(filter.Actor), problems, cancellationToken);
        var from = ParseDate(filter.From, AuditFilterProblem.BadFrom, problems);
        var to = ParseDate(filter.To, AuditFilterProblem.BadTo, problems);
        if (from is not null && to is not null && from > to)
        {
            problems.Add(AuditFilterProblem.FromAfterTo);
        }

        return new AuditSelection(Filtered(actorId, action, from, to, zone), zone, problems);
    }

    /// <summary>The id of the user with that e-mail, through the users' e-mail index, so that the filter uses audit_events (actor_id, id).</summary>
    private async Task<Guid?> ActorIdAsync(string? actor, List<AuditFilterProblem> problems, CancellationToken cancellationToken)
    {
        if (actor is null)
        {
            return null;
        }

        var normalized = normalizer.NormalizeEmail(actor);
        var actorId = await db.Users.AsNoTracking()
            .Where(u => u.NormalizedEmail == normalized)
            .Select(u => (Guid?)u.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (actorId is null)
        {
            problems.Add(AuditFilterProblem.UnknownActor);
        }

        return actorId;
    }

    private IQueryable<AuditEvent> Filtered(Guid? actorId, string? action, DateOnly? from, DateOnly? to, TimeZoneInfo zone)
    {
        var query = db.AuditEvents.AsNoTracking();
        if (actorId is not null)
        {
            query = query.Where(a => a.ActorId == actorId);
        }

        if (action is not null)
        {
            query = query.Where(a => a.Action == action);
        }

        if (from is not null)
        {
            var start = StartOfDay(from.Value, zone);
            query = query.Where(a => a.OccurredAt >= start);
        }

        if (to is not null)
        {
            var end = StartOfDay(to.Value.AddDays(1), zone);
            query = query.Where(a => a.OccurredAt < end);
        }

        return query;
    }

    private async Task<TimeZoneInfo> ViewerTimeZoneAsync(Guid viewerId, CancellationToken cancellationToken)
    {
        var zoneId = await db.Users.AsNoTracking()
            .Where(u => u.Id == viewerId && u.Office != null)
            .Select(u => u.Office!.TimeZoneId)
            .FirstOrDefaultAsync(cancellationToken);
        return zoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateOnly? ParseDate(string? value, AuditFilterProblem problem, List<AuditFilterProblem> problems)
    {
        var text = Clean(value);
        if (text is null)
        {
            return null;
        }

        // Date inputs send ISO dates; a browser without them sends what the user typed in their culture.
        if ((DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                || DateOnly.TryParse(text, CultureInfo.CurrentCulture, DateTimeStyles.None, out date))
            && date.Year is >= 1900 and <= 9998)
        {
            return date;
        }

        problems.Add(problem);
        return null;
    }

    /// <summary>The instant a calendar day starts in the zone (a day that starts in a DST gap starts when the gap ends).</summary>
    private static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }
}
