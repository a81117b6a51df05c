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
            return await new FilteredIntakeList(db, totals).ReadAsync(viewer, filter, after, before, clock.GetUtcNow(), cancellationToken);
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
        ReadRows(db, query, take, cancellationToken);

    /// <summary>The first <paramref name="take"/> intakes of <paramref name="query"/> as rows of the desk.</summary>
    public static Task<List<IntakeRow>> ReadRows(AppDbContext db, IQueryable<Domain.Cases.Intake> query, int take, CancellationToken cancellationToken) =>
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
