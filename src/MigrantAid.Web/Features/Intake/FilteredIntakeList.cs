using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Infrastructure;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Intake;

/// <summary>
/// The dashboard's drill-downs of the intake desk: intakes submitted between two dates (each intake's date in its
/// own office's zone, as the dashboard counts them), or urgent ones waiting past their response target;
/// oldest submission first, keyset on (submitted_at, id).
/// </summary>
public sealed class FilteredIntakeList(AppDbContext db, ListTotalHandler totals)
{
    public async Task<IntakeListModel> ReadAsync(Viewer viewer, IntakeFilter filter, string? after, string? before, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var query = await SubmittedAsync(viewer, filter, cancellationToken);
        if (query is null)
        {
            return new IntakeListModel { HasOffice = viewer.OfficeId is not null, Now = now, Filter = filter };
        }

        if (filter.OverdueUrgent || filter.UrgentWaiting)
        {
            query = query.Where(Domain.Cases.Intake.UrgentAndWaiting);
            query = filter.OverdueUrgent ? query.Where(i => i.ResponseDueAt < now) : query;
        }

        var total = await totals.CountAsync(query, "intake", cancellationToken);
        var (ids, next, previous) = await PageAsync(query, after, before, cancellationToken);
        var loaded = await ListIntakesHandler.ReadRows(db, db.Intakes.Where(i => ids.Contains(i.Id)), ListIntakesHandler.PageSize, cancellationToken);
        return new IntakeListModel
        {
            HasOffice = viewer.OfficeId is not null,
            Now = now,
            Filter = filter,
            Filtered = [.. loaded.OrderBy(r => ids.IndexOf(r.Id))],
            FilteredNextAfter = next,
            PreviousBefore = previous,
            Total = total,
        };
    }

    /// <summary>The submitted intakes of the office(s) in the period, each office's dates in its own zone; null when no office is in view.</summary>
    private async Task<IQueryable<Domain.Cases.Intake>?> SubmittedAsync(Viewer viewer, IntakeFilter filter, CancellationToken cancellationToken)
    {
        var officeId = viewer.IsCoordinator ? filter.OfficeId : viewer.OfficeId;
        var offices = await db.Offices.AsNoTracking()
            .Where(o => officeId == null || o.Id == officeId)
            .Select(o => new { o.Id, o.TimeZoneId })
            .ToListAsync(cancellationToken);

        IQueryable<Domain.Cases.Intake>? query = null;
        var sealedAgainst = IntakeAccess.SealedAgainst(db, viewer.UserId);
        foreach (var office in offices)
        {
            var id = office.Id;
            var part = db.Intakes.Where(i => i.OfficeId == id && i.SubmittedAt != null && !sealedAgainst.Contains(i.Id));
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

        return query;
    }

    /// <summary>The ids of one page, after a position or before one (read backwards and turned round), with the next and previous positions.</summary>
    private static async Task<(List<Guid> Ids, string? Next, string? Previous)> PageAsync(
        IQueryable<Domain.Cases.Intake> query, string? after, string? before, CancellationToken cancellationToken)
    {
        var backwards = false;
        if (ParseKey(after) is { } key)
        {
            query = query.Where(i => EF.Functions.GreaterThan(ValueTuple.Create(i.SubmittedAt, i.Id), ValueTuple.Create((DateTimeOffset?)key.At, key.Id)));
        }
        else if (ParseKey(before) is { } back)
        {
            backwards = true;
            query = query.Where(i => EF.Functions.LessThan(ValueTuple.Create(i.SubmittedAt, i.Id), ValueTuple.Create((DateTimeOffset?)back.At, back.Id)));
        }

        var ordered = backwards ? query.OrderByDescending(i => i.SubmittedAt).ThenByDescending(i => i.Id) : query.OrderBy(i => i.SubmittedAt).ThenBy(i => i.Id);
        var page = await ordered.Select(i => new { i.Id, i.SubmittedAt }).TakeFixed(ListIntakesHandler.PageSize + 1).ToListAsync(cancellationToken);
        var more = page.Count > ListIntakesHandler.PageSize;
        if (more)
        {
            page.RemoveAt(ListIntakesHandler.PageSize);
        }

        if (backwards)
        {
            page.Reverse();
        }

        string Key(int index) => page[index].SubmittedAt!.Value.UtcTicks.ToString(CultureInfo.InvariantCulture) + "_" + page[index].Id.ToString("N");
        var next = page.Count > 0 && (more || backwards) ? Key(page.Count - 1) : null;
        var previous = page.Count > 0 && (backwards ? more : ParseKey(after) is not null) ? Key(0) : null;
        return (page.Select(p => p.Id).ToList(), next, previous);
    }

    private static DateTimeOffset StartOfDay(OfficeTime time, DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, time.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static (DateTimeOffset At, Guid Id)? ParseKey(string? after)
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
}
