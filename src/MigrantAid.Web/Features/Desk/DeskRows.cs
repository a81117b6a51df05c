using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.Proceedings;
using MigrantAid.Web.Features.Cases;

namespace MigrantAid.Web.Features.Desk;

/// <summary>A deadline as the desk and the calendar show it. <see cref="ClientName"/> is null when the viewer may not see that client (consent withdrawn).</summary>
public sealed record DeskDeadline(
    int Span, Guid Id, DateOnly DueOn, string Title, DeadlineKind Kind, DeadlineStatus Status,
    Guid CaseId, string Reference, string? ClientName, string? LeadLawyer, string? Assignee);

/// <summary>A hearing as the desk and the calendar show it: its start in the case office's time zone.</summary>
public sealed record DeskHearing(
    int Span, Guid Id, DateTimeOffset StartsAt, DateTime LocalStart, DateOnly LocalDate, string Zone, bool IsHeld,
    Guid CaseId, string Reference, string Court, string? Place, string? ClientName, string? LeadLawyer);

/// <summary>A range of days, numbered so its rows can be told apart after one query reads several ranges.</summary>
public sealed record DaySpan(int Key, DateOnly From, DateOnly To);

/// <summary>Rows of a spans table sent as arrays (<c>unnest</c>): each row drives one LATERAL, index-bounded read.</summary>
public sealed class DaySpanRow
{
    public int Key { get; set; }

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }
}

public sealed class InstantSpanRow
{
    public int Key { get; set; }

    public string Zone { get; set; } = "";

    public DateTimeOffset Lo { get; set; }

    public DateTimeOffset Hi { get; set; }
}

/// <summary>
/// Reads deadlines and hearings for several ranges of days in one statement: each range is a row of a
/// small table (<c>unnest</c> of arrays), joined LATERAL to an ordered, limited read of its dates, so
/// every range costs one index walk that stops after its limit, however many dates the scope holds.
/// Hearings are instants placed on their case office's local dates: a range is read once per office
/// time zone, from the instant its first day starts there to the instant its last day ends.
/// </summary>
public static class DeskRows
{
    /// <param name="deadlines">Deadlines in scope, already narrowed (status, keyset position).</param>
    /// <param name="limit">Rows per span, at most.</param>
    public static async Task<List<DeskDeadline>> DeadlinesAsync(
        AppDbContext db, IQueryable<CaseDeadline> deadlines, IReadOnlyList<DaySpan> spans, int limit, Guid viewerId, bool coordinator,
        CancellationToken cancellationToken)
    {
        if (spans.Count == 0)
        {
            return [];
        }

        var keys = spans.Select(s => s.Key).ToArray();
        var froms = spans.Select(s => s.From).ToArray();
        var tos = spans.Select(s => s.To).ToArray();
        var table = db.Database.SqlQuery<DaySpanRow>($"SELECT * FROM unnest({keys}, {froms}, {tos}) AS s(\"Key\", \"From\", \"To\")");
        var me = viewerId;
        var rows = await (
                from s in table
                from d in deadlines.Where(d => d.DueOn >= s.From && d.DueOn <= s.To).OrderBy(d => d.DueOn).ThenBy(d => d.Id).Take(limit)
                join c in db.Cases on d.CaseId equals c.Id
                join cl in db.Clients on c.PrincipalClientId equals cl.Id
                select new
                {
                    s.Key,
                    d.Id,
                    d.DueOn,
                    d.Title,
                    d.Kind,
                    d.Status,
                    d.CaseId,
                    c.Reference,
                    Client = cl.FullName,
                    Withdrawn = cl.ConsentStatus == ConsentStatus.Withdrawn,
                    Assigned = c.CaseworkerId == me || c.LeadLawyerId == me || db.CaseLawyers.Any(l => l.CaseId == c.Id && l.UserId == me),
                    Lead = db.Users.Where(u => u.Id == c.LeadLawyerId).Select(u => u.FullName).FirstOrDefault(),
                    Assignee = db.Users.Where(u => u.Id == d.AssigneeId).Select(u => u.FullName).FirstOrDefault(),
                })
            .ToListAsync(cancellationToken);

        return rows
            .Select(r => new DeskDeadline(r.Key, r.Id, r.DueOn, r.Title, r.Kind, r.Status, r.CaseId, r.Reference,
                !r.Withdrawn || coordinator || r.Assigned ? r.Client : null, r.Lead, r.Assignee))
            .OrderBy(r => r.Span).ThenBy(r => r.DueOn).ThenBy(r => r.Id)
            .ToList();
    }

    /// <param name="hearings">Hearings in scope, already narrowed (held or not, keyset position).</param>
    /// <param name="zones">Time zones of the offices that can be in scope.</param>
    /// <param name="limit">Rows per span and time zone, at most (merge and cut per span afterwards).</param>
    public static async Task<List<DeskHearing>> HearingsAsync(
        AppDbContext db, IQueryable<Hearing> hearings, IReadOnlyList<DaySpan> spans, IReadOnlyList<string> zones, int limit, Guid viewerId, bool coordinator,
        CancellationToken cancellationToken)
    {
        var rowsOfSpans = (from span in spans
                           from zone in zones
                           let time = OfficeTime.For(zone)
                           select (span.Key, Zone: zone, Lo: StartOf(span.From, time.Zone), Hi: StartOf(span.To.AddDays(1), time.Zone)))
            .ToList();
        if (rowsOfSpans.Count == 0)
        {
            return [];
        }

        var keys = rowsOfSpans.Select(s => s.Key).ToArray();
        var zoneIds = rowsOfSpans.Select(s => s.Zone).ToArray();
        var los = rowsOfSpans.Select(s => s.Lo).ToArray();
        var his = rowsOfSpans.Select(s => s.Hi).ToArray();
        var table = db.Database.SqlQuery<InstantSpanRow>($"SELECT * FROM unnest({keys}, {zoneIds}, {los}, {his}) AS s(\"Key\", \"Zone\", \"Lo\", \"Hi\")");
        var me = viewerId;
        var rows = await (
                from s in table
                from h in hearings
                    .Where(h => h.StartsAt >= s.Lo && h.StartsAt < s.Hi
                        && db.Cases.Any(c => c.Id == h.CaseId && db.Offices.Any(o => o.Id == c.OfficeId && o.TimeZoneId == s.Zone)))
                    .OrderBy(h => h.StartsAt).ThenBy(h => h.Id).Take(limit)
                join c in db.Cases on h.CaseId equals c.Id
                join cl in db.Clients on c.PrincipalClientId equals cl.Id
                join p in db.CourtProceedings on h.ProceedingId equals p.Id
                select new
                {
                    s.Key,
                    s.Zone,
                    h.Id,
                    h.StartsAt,
                    h.IsHeld,
                    h.Place,
                    h.CaseId,
                    c.Reference,
                    p.Court,
                    Client = cl.FullName,
                    Withdrawn = cl.ConsentStatus == ConsentStatus.Withdrawn,
                    Assigned = c.CaseworkerId == me || c.LeadLawyerId == me || db.CaseLawyers.Any(l => l.CaseId == c.Id && l.UserId == me),
                    Lead = db.Users.Where(u => u.Id == c.LeadLawyerId).Select(u => u.FullName).FirstOrDefault(),
                })
            .ToListAsync(cancellationToken);

        return rows
            .Select(r =>
            {
                var local = OfficeTime.For(r.Zone).Local(r.StartsAt);
                return new DeskHearing(r.Key, r.Id, r.StartsAt, local, DateOnly.FromDateTime(local), r.Zone, r.IsHeld, r.CaseId, r.Reference, r.Court, r.Place,
                    !r.Withdrawn || coordinator || r.Assigned ? r.Client : null, r.Lead);
            })
            .OrderBy(r => r.Span).ThenBy(r => r.StartsAt).ThenBy(r => r.Id)
            .ToList();
    }

    /// <summary>The instant a local day starts in a zone (a day that starts in a DST gap starts when the gap ends).</summary>
    public static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }
}
