using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.Proceedings;
using MigrantAid.Web.Infrastructure;
using MigrantAid.Web.Security;

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

/// <summary>
/// How the rows of several spans are read. <see cref="Whole"/>: every row of every span in one plain
/// query (a person's dates: their cases bound them, and PostgreSQL probes each case by index), placed
/// in their spans here. <see cref="Page"/>: at most <c>Limit</c> rows per span, each span one LATERAL
/// walk of the date index that stops at its limit (everyone's dates, or an office's). <see cref="Backward"/>:
/// the index is walked in reverse (the rows before a position, for a previous page); rows come back in date order.
/// </summary>
public sealed record DeskRead(bool Whole, int Limit)
{
    public bool Backward { get; init; }

    public static DeskRead All(int cap) => new(true, cap);

    public static DeskRead Page(int limit) => new(false, limit);
}

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

    public DateTimeOffset Lo { get; set; }

    public DateTimeOffset Hi { get; set; }
}

/// <summary>Hearings read for spans; <see cref="Capped"/>: spans whose read stopped at its limit, with the last row read in the read's direction (the keyset position to go on from).</summary>
public sealed record DeskHearings(List<DeskHearing> Rows, IReadOnlyDictionary<int, (DateTimeOffset At, Guid Id)> Capped);

/// <summary>
/// Reads deadlines and hearings of ranges of days, with what the pages show of their cases.
/// Hearings are instants placed on their case office's local dates. A range of days is read as the
/// instants from the start of its first day in the easternmost office zone to the end of its last
/// day in the westernmost, in time order; each row is then placed on its own office's date here and
/// rows of a neighbouring day are dropped. Courts sit in office hours, so such rows are few: a page
/// reads twice its size when there are several zones, and a span whose read was cut says so.
/// </summary>
public static class DeskRows
{
    /// <param name="deadlines">Deadlines in scope, already narrowed (status, keyset position).</param>
    public static async Task<List<DeskDeadline>> DeadlinesAsync(
        AppDbContext db, IQueryable<CaseDeadline> deadlines, IReadOnlyList<DaySpan> spans, DeskRead read, Guid viewerId, bool coordinator,
        CancellationToken cancellationToken)
    {
        if (spans.Count == 0)
        {
            return [];
        }

        var rows = await (
                from x in SelectDeadlines(db, deadlines, spans, read)
                join c in db.Cases on x.Item.CaseId equals c.Id
                join cl in ClientAccess.PrincipalClients(db, viewerId, coordinator) on c.Id equals cl.CaseId
                select new
                {
                    x.Key,
                    x.Item.Id,
                    x.Item.DueOn,
                    x.Item.Title,
                    x.Item.TitleRu,
                    x.Item.Kind,
                    x.Item.Status,
                    x.Item.CaseId,
                    c.Reference,
                    Client = cl.Name,
                    Lead = db.Users.Where(u => u.Id == c.LeadLawyerId).Select(u => u.FullName).FirstOrDefault(),
                    Assignee = db.Users.Where(u => u.Id == x.Item.AssigneeId).Select(u => u.FullName).FirstOrDefault(),
                })
            .ToListAsync(cancellationToken);

        var russian = SupportedLanguages.CurrentIsRussian;
        return rows
            .Select(r => new DeskDeadline(
                read.Whole ? spans.FirstOrDefault(s => r.DueOn >= s.From && r.DueOn <= s.To)?.Key ?? spans[0].Key : r.Key,
                r.Id, r.DueOn, CaseDeadline.TitleIn(r.Title, r.TitleRu, russian), r.Kind, r.Status, r.CaseId, r.Reference,
                r.Client, r.Lead, r.Assignee))
            .OrderBy(r => r.Span).ThenBy(r => r.DueOn).ThenBy(r => r.Id)
            .ToList();
    }

    /// <summary>The deadlines read: the whole range in one walk, or a LATERAL walk of at most a page per span.</summary>
    private static IQueryable<SpanItem<CaseDeadline>> SelectDeadlines(AppDbContext db, IQueryable<CaseDeadline> deadlines, IReadOnlyList<DaySpan> spans, DeskRead read)
    {
        var limit = read.Limit;
        if (read.Whole)
        {
            var from = spans.Min(s => s.From);
            var to = spans.Max(s => s.To);
            var inRange = deadlines.Where(d => d.DueOn >= from && d.DueOn <= to);
            return (read.Backward ? inRange.OrderByDescending(d => d.DueOn).ThenByDescending(d => d.Id) : inRange.OrderBy(d => d.DueOn).ThenBy(d => d.Id))
                .TakeFixed(limit)
                .Select(d => new SpanItem<CaseDeadline> { Key = 0, Item = d });
        }

        var keys = spans.Select(s => s.Key).ToArray();
        var froms = spans.Select(s => s.From).ToArray();
        var tos = spans.Select(s => s.To).ToArray();
        var table = db.Database.SqlQuery<DaySpanRow>($"SELECT * FROM unnest({keys}, {froms}, {tos}) AS s(\"Key\", \"From\", \"To\")");
        return read.Backward
            ? from s in table
              from d in deadlines.Where(d => d.DueOn >= s.From && d.DueOn <= s.To).OrderByDescending(d => d.DueOn).ThenByDescending(d => d.Id).Take(limit)
              select new SpanItem<CaseDeadline> { Key = s.Key, Item = d }
            : from s in table
              from d in deadlines.Where(d => d.DueOn >= s.From && d.DueOn <= s.To).OrderBy(d => d.DueOn).ThenBy(d => d.Id).Take(limit)
              select new SpanItem<CaseDeadline> { Key = s.Key, Item = d };
    }

    /// <param name="hearings">Hearings in scope, already narrowed (held or not, keyset position).</param>
    /// <param name="zones">Time zones of the offices that can be in scope.</param>
    /// <param name="read">For a page: rows per span wanted (one more than shown, to know there are more).</param>
    public static async Task<DeskHearings> HearingsAsync(
        AppDbContext db, IQueryable<Hearing> hearings, IReadOnlyList<DaySpan> spans, IReadOnlyList<string> zones, DeskRead read, Guid viewerId, bool coordinator,
        CancellationToken cancellationToken)
    {
        var times = zones.Select(OfficeTime.For).ToList();
        if (spans.Count == 0 || times.Count == 0)
        {
            return new DeskHearings([], new Dictionary<int, (DateTimeOffset, Guid)>());
        }

        var windows = spans
            .Select(span => new InstantSpanRow { Key = span.Key, Lo = times.Min(t => StartOf(span.From, t.Zone)), Hi = times.Max(t => StartOf(span.To.AddDays(1), t.Zone)) })
            .ToList();
        var limit = read.Whole ? read.Limit : times.Count == 1 ? read.Limit : 2 * read.Limit;
        var rows = await (
                from x in SelectHearings(db, hearings, windows, read, limit)
                join c in db.Cases on x.Item.CaseId equals c.Id
                join o in db.Offices on c.OfficeId equals o.Id
                join cl in ClientAccess.PrincipalClients(db, viewerId, coordinator) on c.Id equals cl.CaseId
                join p in db.CourtProceedings on x.Item.ProceedingId equals p.Id
                select new HearingRow(x.Key, o.TimeZoneId, x.Item.Id, x.Item.StartsAt, x.Item.IsHeld, x.Item.Place, x.Item.CaseId, c.Reference, p.Court, cl.Name,
                    db.Users.Where(u => u.Id == c.LeadLawyerId).Select(u => u.FullName).FirstOrDefault()))
            .ToListAsync(cancellationToken);

        return new DeskHearings(Place(rows, spans, read), Capped(rows, spans, read, limit));
    }

    /// <summary>The hearings read: the whole range of instants in one walk, or a LATERAL walk of at most <paramref name="limit"/> per span.</summary>
    private static IQueryable<SpanItem<Hearing>> SelectHearings(AppDbContext db, IQueryable<Hearing> hearings, List<InstantSpanRow> windows, DeskRead read, int limit)
    {
        if (read.Whole)
        {
            var lo = windows.Min(w => w.Lo);
            var hi = windows.Max(w => w.Hi);
            var inRange = hearings.Where(h => h.StartsAt >= lo && h.StartsAt < hi);
            return (read.Backward ? inRange.OrderByDescending(h => h.StartsAt).ThenByDescending(h => h.Id) : inRange.OrderBy(h => h.StartsAt).ThenBy(h => h.Id))
                .TakeFixed(limit)
                .Select(h => new SpanItem<Hearing> { Key = 0, Item = h });
        }

        var keys = windows.Select(s => s.Key).ToArray();
        var los = windows.Select(s => s.Lo).ToArray();
        var his = windows.Select(s => s.Hi).ToArray();
        var table = db.Database.SqlQuery<InstantSpanRow>($"SELECT * FROM unnest({keys}, {los}, {his}) AS s(\"Key\", \"Lo\", \"Hi\")");
        return read.Backward
            ? from s in table
              from h in hearings.Where(h => h.StartsAt >= s.Lo && h.StartsAt < s.Hi).OrderByDescending(h => h.StartsAt).ThenByDescending(h => h.Id).Take(limit)
              select new SpanItem<Hearing> { Key = s.Key, Item = h }
            : from s in table
              from h in hearings.Where(h => h.StartsAt >= s.Lo && h.StartsAt < s.Hi).OrderBy(h => h.StartsAt).ThenBy(h => h.Id).Take(limit)
              select new SpanItem<Hearing> { Key = s.Key, Item = h };
    }

    /// <summary>Spans whose read stopped at its limit, each with the last row read in the walk's direction: where the next read in that direction goes on from.</summary>
    private static Dictionary<int, (DateTimeOffset, Guid)> Capped(List<HearingRow> rows, IReadOnlyList<DaySpan> spans, DeskRead read, int limit)
    {
        var capped = new Dictionary<int, (DateTimeOffset, Guid)>();
        foreach (var span in rows.GroupBy(r => read.Whole ? -1 : r.Key).Where(g => g.Count() >= limit))
        {
            var last = read.Backward ? span.MinBy(r => (r.StartsAt, r.Id))! : span.MaxBy(r => (r.StartsAt, r.Id))!;
            foreach (var key in read.Whole ? spans.Select(s => s.Key) : [span.Key])
            {
                capped[key] = (last.StartsAt, last.Id);
            }
        }

        return capped;
    }

    /// <summary>Each hearing on its office's local date, in its span; a row of a neighbouring day (read for another zone) is dropped.</summary>
    private static List<DeskHearing> Place(List<HearingRow> rows, IReadOnlyList<DaySpan> spans, DeskRead read)
    {
        var placed = new List<DeskHearing>();
        foreach (var r in rows)
        {
            var local = OfficeTime.For(r.Zone).Local(r.StartsAt);
            var date = DateOnly.FromDateTime(local);
            var span = read.Whole ? spans.FirstOrDefault(s => date >= s.From && date <= s.To) : spans.First(s => s.Key == r.Key);
            if (span is not null && date >= span.From && date <= span.To)
            {
                placed.Add(new DeskHearing(span.Key, r.Id, r.StartsAt, local, date, r.Zone, r.IsHeld, r.CaseId, r.Reference, r.Court, r.Place,
                    r.Client, r.Lead));
            }
        }

        return placed.OrderBy(r => r.Span).ThenBy(r => r.StartsAt).ThenBy(r => r.Id).ToList();
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

    /// <summary>A hearing read, with what the pages show of its case.</summary>
    private sealed record HearingRow(
        int Key, string Zone, Guid Id, DateTimeOffset StartsAt, bool IsHeld, string? Place, Guid CaseId, string Reference, string Court, string? Client, string? Lead);

    /// <summary>A row of a span: which span, and the item.</summary>
    private sealed class SpanItem<T>
    {
        public int Key { get; init; }

        public T Item { get; init; } = default!;
    }
}
