using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Audit;

/// <summary>The filters of the audit log, as typed in the query string (dates are checked by the handler).</summary>
public sealed class AuditLogFilter
{
    /// <summary>The acting user's e-mail (exact, case-insensitive).</summary>
    public string? Actor { get; set; }

    public string? Action { get; set; }

    /// <summary>First day of the period (yyyy-MM-dd), in the viewer's time zone.</summary>
    public string? From { get; set; }

    /// <summary>Last day of the period, inclusive.</summary>
    public string? To { get; set; }

    /// <summary>Keyset: only events with a smaller id (older) are shown.</summary>
    public long? Before { get; set; }

    /// <summary>Keyset: only events with a greater id (newer) are shown, the page above (the "Newer" link).</summary>
    public long? After { get; set; }

    /// <summary>The filters (not the page position) as query values, the empty ones left out.</summary>
    public IEnumerable<KeyValuePair<string, string?>> FilterValues() =>
        new[] { ("actor", Actor), ("action", Action), ("from", From), ("to", To) }
            .Where(v => !string.IsNullOrWhiteSpace(v.Item2))
            .Select(v => new KeyValuePair<string, string?>(v.Item1, v.Item2!.Trim()));
}

public enum AuditFilterProblem
{
    UnknownActor,
    UnknownAction,
    BadFrom,
    BadTo,
    FromAfterTo,
}

public sealed record AuditRow(
    long Id,
    DateTime LocalTime,
    DateTimeOffset OccurredAt,
    string? ActorEmail,
    string Action,
    string? EntityType,
    string? EntityId,
    string? IpAddress,
    string? CorrelationId,
    string? Details)
{
    /// <summary>The reason given for viewing a sealed case (issue 15), shown apart from the rest of the details.</summary>
    public string? ViewReason
    {
        get
        {
            if (Details is null || !Details.Contains(SealedReasonFilter.Detail, StringComparison.Ordinal))
            {
                return null;
            }

            using var json = JsonDocument.Parse(Details);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty(SealedReasonFilter.Detail, out var reason) ? reason.GetString() : null;
        }
    }
}

public sealed record AuditLogPage(
    AuditLogFilter Filter,
    string TimeZoneId,
    IReadOnlyList<AuditRow> Events,
    IReadOnlyList<AuditFilterProblem> Problems,
    string? OlderLink,
    string? NewestLink)
{
    /// <summary>The page of events just newer than this one; null on the newest page.</summary>
    public string? NewerLink { get; init; }

    public Shared.ListTotal? Total { get; init; }
}

/// <summary>
/// Reads the audit trail newest first, paged by keyset on id, narrowed by actor, action and period.
/// Each filter maps onto one of the table's indexes: (actor_id, id), (action, id), (occurred_at).
/// Every page shown is itself recorded as an audit event.
/// </summary>
public sealed class ViewAuditLogHandler(AuditSelectionHandler selection, IAuditLog audit, Shared.ListTotalHandler totals)
{
    public const int PageSize = 50;

    public async Task<AuditLogPage> HandleAsync(AuditLogFilter filter, Guid viewerId, CancellationToken cancellationToken = default)
    {
        var (query, zone, problems) = await selection.HandleAsync(filter, viewerId, cancellationToken);
        var (events, older, newer, total) = problems.Count == 0
            ? await PageAsync(query, filter, zone, cancellationToken)
            : ([], null, null, null);

        await audit.RecordAsync(AuditActions.AuditViewed, details: new
        {
            actor = filter.Actor,
            action = filter.Action,
            from = filter.From,
            to = filter.To,
            before = filter.Before,
            after = filter.After,
            shown = events.Count,
        }, cancellationToken: cancellationToken);

        return new AuditLogPage(filter, zone.Id, events, problems, older, filter.Before is null && filter.After is null ? null : Link(filter, null))
        {
            NewerLink = newer,
            Total = total,
        };
    }

    /// <summary>One page, newest first, before or after a position, with the links to the older and newer pages and the total.</summary>
    private async Task<(List<AuditRow> Events, string? Older, string? Newer, Shared.ListTotal? Total)> PageAsync(
        IQueryable<AuditEvent> query, AuditLogFilter filter, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var total = await totals.CountAsync(query, "event", cancellationToken);
        var backwards = filter.Before is null && filter.After is not null;
        if (filter.Before is { } before)
        {
            query = query.Where(a => a.Id < before);
        }
        else if (filter.After is { } after)
        {
            query = query.Where(a => a.Id > after);
        }

        var rows = await (backwards ? query.OrderBy(a => a.Id) : query.OrderByDescending(a => a.Id))
            .TakeFixed(PageSize + 1)
            .Select(a => new { a.Id, a.OccurredAt, a.ActorEmail, a.Action, a.EntityType, a.EntityId, a.IpAddress, a.CorrelationId, a.Details })
            .ToListAsync(cancellationToken);

        var more = rows.Count > PageSize;
        var events = rows.Take(PageSize)
            .OrderByDescending(a => a.Id)
            .Select(a => new AuditRow(a.Id, TimeZoneInfo.ConvertTime(a.OccurredAt, zone).DateTime, a.OccurredAt, a.ActorEmail, a.Action,
                a.EntityType, a.EntityId, a.IpAddress, a.CorrelationId, a.Details))
            .ToList();
        var older = events.Count > 0 && (more || backwards) ? Link(filter, events[^1].Id) : null;
        var newer = events.Count > 0 && (backwards ? more : filter.Before is not null) ? Link(filter, null, events[0].Id) : null;
        return (events, older, newer, total);
    }

    private static string Link(AuditLogFilter filter, long? before, long? after = null)
    {
        var values = filter.FilterValues().ToList();
        if (before is not null)
        {
            values.Add(new("before", before.Value.ToString(CultureInfo.InvariantCulture)));
        }

        if (after is not null)
        {
            values.Add(new("after", after.Value.ToString(CultureInfo.InvariantCulture)));
        }

        return "/audit" + QueryString.Create(values).ToUriComponent();
    }
}
