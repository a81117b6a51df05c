using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.Proceedings;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Desk;

/// <summary>The desk's groups, by due date against the user's today.</summary>
public enum DeskBucket
{
    Overdue,
    Today,
    Week,
    Month,
}

public sealed record DeskGroup(
    DeskBucket Bucket, DateOnly From, DateOnly To,
    IReadOnlyList<DeskDeadline> Deadlines, string? MoreDeadlines,
    IReadOnlyList<DeskHearing> Hearings, string? MoreHearings)
{
    /// <summary>"Previous deadlines in this group": null on the group's first page.</summary>
    public string? PreviousDeadlines { get; init; }

    /// <summary>"Previous hearings in this group": null on the group's first page.</summary>
    public string? PreviousHearings { get; init; }
}

public sealed record DeskModel(
    DeskQuery Query, DeskFilter Filter, DateOnly Today, string ZoneId, DeskBucket? Only, IReadOnlyList<DeskGroup> Groups, string? PersonName)
{
    /// <summary>Whose dates the desk shows, for the parts computed from the cases' records (dates to enter).</summary>
    public DeskScope? Scope { get; init; }

    /// <summary>Open deadlines of the desk's scope due up to the end of the 30-day window, overdue ones included.</summary>
    public Shared.ListTotal? Total { get; init; }
}

/// <summary>
/// "My deadlines": open deadlines overdue, due today, in the next 7 and the next 30 days, and the
/// hearings not yet held of today and those windows. Each group is one index-bounded read of at most
/// a page; a group is paged on its own (keyset on date and id) from its "more" and "previous" links,
/// a previous page walking the same index in reverse.
/// </summary>
public sealed class ViewDeskHandler(AppDbContext db, ILookupNormalizer normalizer, TimeProvider clock, Shared.ListTotalHandler totals, LinkGenerator links)
{
    public const int PageSize = 25;

    /// <summary>At most this many of a person's open deadlines are read at once (a safety bound: a lawyer has a few hundred).</summary>
    public const int PersonalLimit = 5000;

    public static readonly IReadOnlyList<string> BucketNames = ["overdue", "today", "week", "month"];

    public async Task<DeskModel> HandleAsync(DeskQuery query, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var offices = await DeskOffices.LoadAsync(db, cancellationToken);
        var filter = await DeskFilter.ResolveAsync(db, normalizer, offices, viewer, query, cancellationToken);
        var problems = filter.Problems.ToList();
        var time = offices.TimeOf(viewer.OfficeId);
        var today = time.Today(clock.GetUtcNow());
        var scope = await DeskScope.ResolveAsync(db, offices, viewer, filter.PersonId(viewer), filter.OfficeId, cancellationToken);

        var only = Bucket(query.Bucket, problems);
        var after = only is not null ? DeadlinePosition(query.After, problems) : null;
        var hearingsAfter = only is not null ? HearingPosition(query.HearingsAfter, problems) : null;
        var before = only is not null && after is null ? DeadlinePosition(query.Before, problems) : null;
        var hearingsBefore = only is not null && hearingsAfter is null ? HearingPosition(query.HearingsBefore, problems) : null;
        var walk = DeskPages.Walk(after is not null, before is not null);
        var hearingsWalk = DeskPages.Walk(hearingsAfter is not null, hearingsBefore is not null);
        var buckets = only is { } single ? [single] : Enum.GetValues<DeskBucket>();
        var spans = buckets.Select(b => Span(b, today)).ToList();

        var deadlines = scope.Deadlines(db).Where(d => d.Status == DeadlineStatus.Open);
        var lastDay = today.AddDays(30);
        var total = await totals.CountAsync(deadlines.Where(d => d.DueOn <= lastDay), "deadline", cancellationToken);

        // A person's dates are bounded by their cases: all their open deadlines up to the month's end are
        // read at once (each case probed by index) and grouped here. Everyone's, or an office's, are read
        // a page per group, each group walking the dates in order (LATERAL over the groups).
        var read = scope.IsPersonal ? DeskRead.All(PersonalLimit) : DeskRead.Page(PageSize + 1);
        var deadlineRows = await DeskRows.DeadlinesAsync(db, FromDeadline(deadlines, after, before), spans, read with { Backward = walk == DeskWalk.Backward },
            viewer.UserId, viewer.IsCoordinator, cancellationToken);
        var hearingSpans = spans.Where(s => s.Key != (int)DeskBucket.Overdue).ToList();
        var hearingRead = await DeskRows.HearingsAsync(db, FromHearing(scope.Hearings(db).Where(h => !h.IsHeld), hearingsAfter, hearingsBefore), hearingSpans,
            scope.Zones, read with { Backward = hearingsWalk == DeskWalk.Backward }, viewer.UserId, viewer.IsCoordinator, cancellationToken);

        var path = links.DeskPath();
        var groups = spans.Select(span => Group(query, path, span, deadlineRows, walk, hearingRead, hearingsWalk)).ToList();
        var personName = filter.LawyerId is { } lawyer ? filter.Lawyers.FirstOrDefault(l => l.Value == lawyer.ToString())?.Text : null;
        return new DeskModel(query, filter with { Problems = problems }, today, time.ZoneId, only, groups, personName) { Scope = scope, Total = total };
    }

    /// <summary>One group's page of deadlines and of hearings, with the links of its next and previous pages.</summary>
    private static DeskGroup Group(DeskQuery query, string path, DaySpan span, List<DeskDeadline> deadlineRows, DeskWalk walk, DeskHearings hearingRead, DeskWalk hearingsWalk)
    {
        var name = BucketNames[span.Key];
        string? Link(string key, string? position) =>
            position is null ? null : query.ToUrl(path, new Dictionary<string, string?> { ["bucket"] = name, [key] = position });
        var page = DeskPages.Cut(deadlineRows.Where(r => r.Span == span.Key).ToList(), PageSize, walk, DeskPositions.Deadline);

        // A hearings read that stopped at its limit goes on from the last row it read.
        var capped = hearingRead.Capped.TryGetValue(span.Key, out var last) ? DeskPositions.Hearing(last.At, last.Id) : null;
        var hearingPage = DeskPages.Cut(hearingRead.Rows.Where(r => r.Span == span.Key).ToList(), PageSize, hearingsWalk, DeskPositions.Hearing, capped);
        return new DeskGroup((DeskBucket)span.Key, span.From, span.To, page.Shown, Link("after", page.Next), hearingPage.Shown, Link("hearingsAfter", hearingPage.Next))
        {
            PreviousDeadlines = Link("before", page.Previous),
            PreviousHearings = Link("hearingsBefore", hearingPage.Previous),
        };
    }

    /// <summary>The one group asked for ("more" and "previous" links), or null for all groups; an unknown name is reported.</summary>
    private static DeskBucket? Bucket(string? text, List<DeskProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var index = BucketNames.ToList().IndexOf(text.Trim().ToLowerInvariant());
        if (index >= 0)
        {
            return (DeskBucket)index;
        }

        problems.Add(DeskProblem.BadPosition);
        return null;
    }

    private static IQueryable<CaseDeadline> FromDeadline(IQueryable<CaseDeadline> deadlines, (DateOnly Date, Guid Id)? after, (DateOnly Date, Guid Id)? before) =>
        after is { } a ? deadlines.Where(d => EF.Functions.GreaterThan(ValueTuple.Create(d.DueOn, d.Id), ValueTuple.Create(a.Date, a.Id)))
        : before is { } b ? deadlines.Where(d => EF.Functions.LessThan(ValueTuple.Create(d.DueOn, d.Id), ValueTuple.Create(b.Date, b.Id)))
        : deadlines;

    private static IQueryable<Hearing> FromHearing(IQueryable<Hearing> hearings, (DateTimeOffset At, Guid Id)? after, (DateTimeOffset At, Guid Id)? before) =>
        after is { } a ? hearings.Where(h => EF.Functions.GreaterThan(ValueTuple.Create(h.StartsAt, h.Id), ValueTuple.Create(a.At, a.Id)))
        : before is { } b ? hearings.Where(h => EF.Functions.LessThan(ValueTuple.Create(h.StartsAt, h.Id), ValueTuple.Create(b.At, b.Id)))
        : hearings;

    public static DaySpan Span(DeskBucket bucket, DateOnly today) => bucket switch
    {
        DeskBucket.Overdue => new DaySpan((int)bucket, DateOnly.MinValue, today.AddDays(-1)),
        DeskBucket.Today => new DaySpan((int)bucket, today, today),
        DeskBucket.Week => new DaySpan((int)bucket, today.AddDays(1), today.AddDays(7)),
        _ => new DaySpan((int)bucket, today.AddDays(8), today.AddDays(30)),
    };

    private static (DateOnly Date, Guid Id)? DeadlinePosition(string? text, List<DeskProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Split('_');
        if (parts.Length == 2 && DeskFilter.TryDate(parts[0], out var date) && Guid.TryParseExact(parts[1], "N", out var id))
        {
            return (date, id);
        }

        problems.Add(DeskProblem.BadPosition);
        return null;
    }

    private static (DateTimeOffset At, Guid Id)? HearingPosition(string? text, List<DeskProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Split('_');
        if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks is >= 0 and <= 3155378975999999999 && Guid.TryParseExact(parts[1], "N", out var id))
        {
            return (new DateTimeOffset(ticks, TimeSpan.Zero), id);
        }

        problems.Add(DeskProblem.BadPosition);
        return null;
    }
}

/// <summary>Keyset positions as they travel in links.</summary>
public static class DeskPositions
{
    public static string Deadline(DeskDeadline row) => DeskFilter.Iso(row.DueOn) + "_" + row.Id.ToString("N");

    public static string Hearing(DeskHearing row) => Hearing(row.StartsAt, row.Id);

    public static string Hearing(DateTimeOffset at, Guid id) => at.UtcTicks.ToString(CultureInfo.InvariantCulture) + "_" + id.ToString("N");
}
