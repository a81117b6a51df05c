using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Infrastructure;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Intake;

public sealed record IntakeRow(
    Guid Id, string? ClientName, IntakeStatus Status, IntakeStep Step, bool IsUrgent, DateTimeOffset? ResponseDueAt,
    DateTimeOffset UpdatedAt, string OfficeName, string TimeZoneId)
{
    public OfficeTime Time => OfficeTime.For(TimeZoneId);
}

public sealed class IntakeListModel
{
    public bool HasOffice { get; init; }

    public bool ShowsQueue { get; init; }

    public DateTimeOffset Now { get; init; }

    public IReadOnlyList<IntakeRow> Drafts { get; init; } = [];

    public IReadOnlyList<IntakeRow> Queue { get; init; } = [];

    public string? QueueAfter { get; init; }

    public string? QueueNextAfter { get; init; }

    public IReadOnlyList<IntakeRow> Rejected { get; init; } = [];

    /// <summary>The filter the dashboard's links set; when active, only <see cref="Filtered"/> is shown.</summary>
    public IntakeFilter? Filter { get; init; }

    public IReadOnlyList<IntakeRow> Filtered { get; init; } = [];

    public string? FilteredNextAfter { get; init; }

    /// <summary>The "Previous page" position of the queue or of the filtered list (its first row's key); null on a first page.</summary>
    public string? PreviousBefore { get; init; }

    /// <summary>The total of the queue, or of the filtered list when a filter is active.</summary>
    public Shared.ListTotal? Total { get; init; }
}

/// <summary>
/// The intake desk: the user's drafts (to resume), and for coordinators and caseworkers the intakes
/// waiting for a decision in the office(s) they see: urgent first, then by response target, paged by
/// keyset on (urgency, target, id).
/// </summary>
public sealed class ListIntakesHandler(AppDbContext db, TimeProvider clock, Shared.ListTotalHandler totals)
{
    public const int PageSize = 50;
    public const int DraftsShown = 50;
    public const int RejectedShown = 20;

    public async Task<IntakeListModel> HandleAsync(Viewer viewer, string? after, CancellationToken cancellationToken = default) =>
        await HandleAsync(viewer, after, null, cancellationToken);

    public Task<IntakeListModel> HandleAsync(Viewer viewer, string? after, IntakeFilter? filter, CancellationToken cancellationToken = default) =>
        HandleAsync(viewer, after, null, filter, cancellationToken);

    /// <param name="before">The previous page's position (the first row of the page after it): read backwards, then turned round.</param>
    public async Task<IntakeListModel> HandleAsync(Viewer viewer, string? after, string? before, IntakeFilter? filter, CancellationToken cancellationToken = default)
    {
        var me = viewer.UserId;
        if (filter is not null && (viewer.IsCoordinator || (viewer.IsCaseworker && viewer.OfficeId is not null)))
        {
            return await FilteredAsync(viewer, filter, after, before, cancellationToken);
        }

        var drafts = await Rows(db.Intakes.Where(i => i.CreatedBy == me && i.Status == IntakeStatus.Draft).OrderByDescending(i => i.UpdatedAt), DraftsShown, cancellationToken);

        var showsQueue = viewer.IsCoordinator || (viewer.IsCaseworker && viewer.OfficeId is not null);
        var queue = new List<IntakeRow>();
        var rejected = new List<IntakeRow>();
        string? next = null;
        string? previous = null;
        Shared.ListTotal? total = null;
        if (showsQueue)
        {
            var waiting = Decidable(IntakeStatus.Submitted, viewer);
            total = await totals.CountAsync(waiting, "intake", cancellationToken);
            var (page, more, backwards) = await QueuePageAsync(waiting, ParseKey(after), after is null ? ParseKey(before) : null, cancellationToken);
            queue = page;
            next = queue.Count > 0 && (more || backwards) ? QueueKey(queue[^1]) : null;
            previous = queue.Count > 0 && (backwards ? more : ParseKey(after) is not null) ? QueueKey(queue[0]) : null;

            rejected = await Rows(Decidable(IntakeStatus.Rejected, viewer).OrderByDescending(i => i.DecidedAt), RejectedShown, cancellationToken);
        }

        return new IntakeListModel
        {
            HasOffice = viewer.OfficeId is not null,
            ShowsQueue = showsQueue,
            Now = clock.GetUtcNow(),
            Drafts = drafts,
            Queue = queue,
            QueueAfter = after,
            QueueNextAfter = next,
            Rejected = rejected,
            PreviousBefore = previous,
            Total = total,
        };
    }

    /// <summary>
    /// The dashboard's drill-downs: intakes submitted between two dates (each intake's date in its own
    /// office's zone, as the dashboard counts them), or urgent ones waiting past their response target;
    /// oldest submission first, keyset on (submitted_at, id).
    /// </summary>
    private async Task<IntakeListModel> FilteredAsync(Viewer viewer, IntakeFilter filter, string? after, string? before, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var officeId = viewer.IsCoordinator ? filter.OfficeId : viewer.OfficeId;
        var offices = await db.Offices.AsNoTracking()
            .Where(o => officeId == null || o.Id == officeId)
            .Select(o => new { o.Id, o.TimeZoneId })
            .ToListAsync(cancellationToken);

        IQueryable<Domain.Cases.Intake>? query = null;
        foreach (var office in offices)
        {
            var id = office.Id;
            var part = db.Intakes.Where(i => i.OfficeId == id && i.SubmittedAt != null);
            var time = OfficeTime.For(office.TimeZoneId);
            if (filter.SubmittedFrom is { } from)
            {
                var start = StartOfDay(time, from);
                part = part.Where(i => i.SubmittedAt >= start);
            }

            if (filter.SubmittedTo is { } to)
            {
                var end = StartOfDay(time, to.AddDays(1));
                part = part.Where(i => i.SubmittedAt < end);
            }

            query = query is null ? part : query.Concat(part);
        }

        var rows = new List<IntakeRow>();
        string? next = null;
        string? previous = null;
        Shared.ListTotal? total = null;
        if (query is not null)
        {
            if (filter.OverdueUrgent || filter.UrgentWaiting)
            {
                query = query.Where(Domain.Cases.Intake.UrgentAndWaiting);
                query = filter.OverdueUrgent ? query.Where(i => i.ResponseDueAt < now) : query;
            }

            total = await totals.CountAsync(query, "intake", cancellationToken);
            var backwards = false;
            if (ParseFilteredKey(after) is { } key)
            {
                query = query.Where(i => EF.Functions.GreaterThan(ValueTuple.Create(i.SubmittedAt, i.Id), ValueTuple.Create((DateTimeOffset?)key.At, key.Id)));
            }
            else if (ParseFilteredKey(before) is { } back)
            {
                backwards = true;
                query = query.Where(i => EF.Functions.LessThan(ValueTuple.Create(i.SubmittedAt, i.Id), ValueTuple.Create((DateTimeOffset?)back.At, back.Id)));
            }

            var ordered = backwards ? query.OrderByDescending(i => i.SubmittedAt).ThenByDescending(i => i.Id) : query.OrderBy(i => i.SubmittedAt).ThenBy(i => i.Id);
            var page = await ordered.Select(i => new { i.Id, i.SubmittedAt }).Take(PageSize + 1).ToListAsync(cancellationToken);
            var more = page.Count > PageSize;
            if (more)
            {
                page.RemoveAt(PageSize);
            }

            if (backwards)
            {
                page.Reverse();
            }

            string Key(int index) => page[index].SubmittedAt!.Value.UtcTicks.ToString(CultureInfo.InvariantCulture) + "_" + page[index].Id.ToString("N");
            next = page.Count > 0 && (more || backwards) ? Key(page.Count - 1) : null;
            previous = page.Count > 0 && (backwards ? more : ParseFilteredKey(after) is not null) ? Key(0) : null;

            var ids = page.Select(p => p.Id).ToList();
            var loaded = await Rows(db.Intakes.Where(i => ids.Contains(i.Id)), PageSize, cancellationToken);
            rows = [.. loaded.OrderBy(r => ids.IndexOf(r.Id))];
        }

        return new IntakeListModel
        {
            HasOffice = viewer.OfficeId is not null,
            ShowsQueue = false,
            Now = now,
            Filter = filter,
            Filtered = rows,
            FilteredNextAfter = next,
            PreviousBefore = previous,
            Total = total,
        };
    }

    /// <summary>One page of the queue (urgent first, then by response target): after a position, or before one (read backwards and turned round).</summary>
    private async Task<(List<IntakeRow> Rows, bool More, bool Backwards)> QueuePageAsync(
        IQueryable<Domain.Cases.Intake> waiting, (int Rank, DateTimeOffset Due, Guid Id)? after, (int Rank, DateTimeOffset Due, Guid Id)? before, CancellationToken cancellationToken)
    {
        List<IntakeRow> rows;
        if (before is { } b)
        {
            rows = await Rows(waiting
                .Where(i => EF.Functions.LessThan(
                    ValueTuple.Create(i.InDetention || i.ImminentExpulsion || i.SeparatedChild ? 0 : 1, i.ResponseDueAt, i.Id),
                    ValueTuple.Create(b.Rank, (DateTimeOffset?)b.Due, b.Id)))
                .OrderByDescending(i => i.InDetention || i.ImminentExpulsion || i.SeparatedChild ? 0 : 1)
                .ThenByDescending(i => i.ResponseDueAt)
                .ThenByDescending(i => i.Id), PageSize + 1, cancellationToken);
        }
        else
        {
            if (after is { } key)
            {
                waiting = waiting.Where(i => EF.Functions.GreaterThan(
                    ValueTuple.Create(i.InDetention || i.ImminentExpulsion || i.SeparatedChild ? 0 : 1, i.ResponseDueAt, i.Id),
                    ValueTuple.Create(key.Rank, (DateTimeOffset?)key.Due, key.Id)));
            }

            rows = await Rows(waiting
                .OrderBy(i => i.InDetention || i.ImminentExpulsion || i.SeparatedChild ? 0 : 1)
                .ThenBy(i => i.ResponseDueAt)
                .ThenBy(i => i.Id), PageSize + 1, cancellationToken);
        }

        var more = rows.Count > PageSize;
        if (more)
        {
            rows.RemoveAt(PageSize);
        }

        if (before is not null)
        {
            rows.Reverse();
        }

        return (rows, more, before is not null);
    }

    private static string QueueKey(IntakeRow row) =>
        string.Join('_', row.IsUrgent ? 0 : 1, row.ResponseDueAt!.Value.UtcTicks.ToString(CultureInfo.InvariantCulture), row.Id.ToString("N"));

    private static DateTimeOffset StartOfDay(OfficeTime time, DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, time.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static (DateTimeOffset At, Guid Id)? ParseFilteredKey(string? after)
    {
        var parts = after?.Split('_');
        if (parts is not { Length: 2 }
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks
            || !Guid.TryParseExact(parts[1], "N", out var id))
        {
            return null;
        }

        return (new DateTimeOffset(ticks, TimeSpan.Zero), id);
    }

    /// <summary>Intakes in a status of the offices the viewer decides for: all for coordinators, their own office for caseworkers.</summary>
    private IQueryable<Domain.Cases.Intake> Decidable(IntakeStatus status, Viewer viewer)
    {
        var query = db.Intakes.Where(i => i.Status == status);
        if (!viewer.IsCoordinator)
        {
            var office = viewer.OfficeId;
            query = query.Where(i => i.OfficeId == office);
        }

        return query;
    }

    private Task<List<IntakeRow>> Rows(IQueryable<Domain.Cases.Intake> query, int take, CancellationToken cancellationToken) =>
        query.AsNoTracking().Take(take).Select(Row(db)).ToListAsync(cancellationToken);

    private static Expression<Func<Domain.Cases.Intake, IntakeRow>> Row(AppDbContext db) => i => new IntakeRow(
        i.Id,
        db.Clients.Where(c => c.Id == i.ClientId).Select(c => c.Patronymic == null ? c.FullName : c.FullName + " " + c.Patronymic).FirstOrDefault(),
        i.Status,
        i.Step,
        i.InDetention || i.ImminentExpulsion || i.SeparatedChild,
        i.ResponseDueAt,
        i.UpdatedAt,
        db.Offices.Where(o => o.Id == i.OfficeId).Select(o => o.Name).First(),
        db.Offices.Where(o => o.Id == i.OfficeId).Select(o => o.TimeZoneId).First());

    private static (int Rank, DateTimeOffset Due, Guid Id)? ParseKey(string? after)
    {
        var parts = after?.Split('_');
        if (parts is not { Length: 3 }
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var rank)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks
            || !Guid.TryParseExact(parts[2], "N", out var id))
        {
            return null;
        }

        return (rank, new DateTimeOffset(ticks, TimeSpan.Zero), id);
    }
}
