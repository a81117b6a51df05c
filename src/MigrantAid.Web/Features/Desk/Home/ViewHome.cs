using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Features.Desk.Notifications;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Desk.Home;

public sealed record HomeModel(string Name, string? Office, IReadOnlyList<string> Roles, bool IsCoordinator, PersonalDashboard? Personal,
    UrgentClock? UrgentClock = null);

/// <summary>How many of the person's cases are in a status, and how many of those are urgent.</summary>
public sealed record HomeStatusCount(CaseStatus Status, int All, int Urgent);

/// <summary>An urgent case not yet closed, as the short list shows it (no client name: the reference opens the file).</summary>
public sealed record HomeCase(Guid Id, string Reference, string Title, CaseStatus Status, DateOnly OpenedOn);

/// <summary>Open deadlines of the desk's first three groups, counted whole (the desk shows them a page at a time).</summary>
public sealed record HomeDeadlineCounts(int Overdue, int Today, int Week);

/// <summary>Intakes of the offices the viewer decides for that wait for a decision.</summary>
public sealed record HomeIntakeCounts(int Waiting, int Urgent, int UrgentPastTarget);

/// <summary>
/// A lawyer's or caseworker's own work. <see cref="Desk"/> is null when the desk cannot show the
/// person's own dates (a coordinator who is a caseworker but not a lawyer: the desk filters coordinators' dates by lawyer).
/// </summary>
public sealed record PersonalDashboard(
    IReadOnlyList<HomeStatusCount> Cases,
    IReadOnlyList<HomeCase> UrgentCases,
    HomeDeadlineCounts? Deadlines,
    DeskModel? Desk,
    DeskQuery DeskQuery,
    int UnreadNotifications,
    HomeIntakeCounts? Intakes)
{
    public const int ShortListSize = 5;

    public int TotalCases => Cases.Sum(c => c.All);

    public int TotalUrgent => Cases.Sum(c => c.Urgent);

    /// <summary>The case list of the person's own cases ("My cases"), narrowed by status and/or urgency.</summary>
    public static string CasesUrl(CaseStatus? status = null, bool urgent = false) =>
        new CaseListQuery { Status = status?.ToString(), Urgent = urgent }.ToUrl("/cases", scope: "mine");

    /// <summary>The desk's address, from its route (<see cref="DeskLinks"/>).</summary>
    public string DeskPath { get; init; } = "";

    /// <summary>The desk showing one group alone (overdue, today, week, month), every row of it across its pages.</summary>
    public string DeskUrl(DeskBucket bucket) =>
        DeskQuery.ToUrl(DeskPath, new Dictionary<string, string?> { ["bucket"] = ViewDeskHandler.BucketNames[(int)bucket] });
}

/// <summary>One of the person's cases, as far as the counts need it.</summary>
public sealed record MyCase(Guid Id, CaseStatus Status, bool IsUrgent, DateOnly OpenedOn);

/// <summary>
/// The home page. Lawyers and caseworkers get their own cases and dates: cases counted by status
/// through the assignment indexes (as "My cases" reads them), the desk's groups, their unread
/// notifications and, for caseworkers, the intakes waiting in their office. Every figure is the
/// number of rows of the list it links to. Coordinators and administrators without case work keep the plain page.
/// </summary>
public sealed class ViewHomeHandler(AppDbContext db, ViewDeskHandler desk, TimeProvider clock, LinkGenerator links)
{
    public async Task<PersonalDashboard?> PersonalAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (!viewer.IsLawyer && !viewer.IsCaseworker)
        {
            return null;
        }

        var me = viewer.UserId;

        // The person's cases, each found by its assignment's own index (caseworker, lead lawyer, further
        // lawyer: "My cases"), read once as a few small columns: a busy lawyer has thousands of cases, a
        // tiny part of all. Their counts are made here.
        // A sealed case counts only for the people named on it (issue 15).
        var sealedAgainst = CaseAccess.SealedAgainst(db, me);
        var mine = (await db.Cases.AsNoTracking().Where(c => c.CaseworkerId == me).Select(c => new { c.Id, c.Status, c.IsUrgent, c.OpenedOn })
                .Union(db.Cases.AsNoTracking().Where(c => c.LeadLawyerId == me).Select(c => new { c.Id, c.Status, c.IsUrgent, c.OpenedOn }))
                .Union(from l in db.CaseLawyers.AsNoTracking()
                       where l.UserId == me
                       join c in db.Cases.AsNoTracking() on l.CaseId equals c.Id
                       select new { c.Id, c.Status, c.IsUrgent, c.OpenedOn })
                .Where(c => !sealedAgainst.Contains(c.Id))
                .ToListAsync(cancellationToken))
            .Select(c => new MyCase(c.Id, c.Status, c.IsUrgent, c.OpenedOn))
            .ToList();
        var cases = Enum.GetValues<CaseStatus>()
            .Select(s => new HomeStatusCount(s, mine.Count(c => c.Status == s), mine.Count(c => c.Status == s && c.IsUrgent)))
            .ToList();

        var urgentIds = mine.Where(c => c.IsUrgent && c.Status != CaseStatus.Closed)
            .OrderByDescending(c => c.OpenedOn).ThenByDescending(c => c.Id)
            .Take(PersonalDashboard.ShortListSize)
            .Select(c => c.Id)
            .ToList();
        List<HomeCase> urgent = urgentIds.Count == 0 ? [] : (await db.Cases.AsNoTracking()
                .Where(c => urgentIds.Contains(c.Id))
                .Select(c => new HomeCase(c.Id, c.Reference, c.Title, c.Status, c.OpenedOn))
                .ToListAsync(cancellationToken))
            .OrderByDescending(c => c.OpenedOn).ThenByDescending(c => c.Id)
            .ToList();

        // A coordinator's desk shows everyone's dates unless a lawyer is chosen; only a lawyer can be chosen.
        var deskQuery = viewer.IsCoordinator ? new DeskQuery { Lawyer = me.ToString() } : new DeskQuery();
        DeskModel? deskModel = null;
        HomeDeadlineCounts? deadlines = null;
        if (!viewer.IsCoordinator || viewer.IsLawyer)
        {
            deskModel = await desk.HandleAsync(deskQuery, viewer, cancellationToken);
            deadlines = await DeadlineCountsAsync(viewer, deskModel.Today, cancellationToken);
        }

        var unread = await ListNotificationsHandler.UnreadCountAsync(db, me, cancellationToken);
        var intakes = viewer.IsCaseworker ? await IntakeCountsAsync(viewer, cancellationToken) : null;
        return new PersonalDashboard(cases, urgent, deadlines, deskModel, deskQuery, unread, intakes) { DeskPath = links.DeskPath() };
    }

    /// <summary>
    /// The person's open deadlines up to a week ahead, counted by the desk's own rule (<see cref="DeskScope"/>):
    /// those of the cases they are assigned to, and tasks assigned to them on cases they may see.
    /// </summary>
    private async Task<HomeDeadlineCounts> DeadlineCountsAsync(Viewer viewer, DateOnly today, CancellationToken cancellationToken)
    {
        var weekEnd = ViewDeskHandler.Span(DeskBucket.Week, today).To;
        var scope = await DeskScope.ResolveAsync(db, new DeskOffices([]), viewer, viewer.UserId, null, cancellationToken);
        var counts = await scope.Deadlines(db)
            .Where(d => d.Status == DeadlineStatus.Open && d.DueOn <= weekEnd)
            .GroupBy(d => 1)
            .Select(g => new HomeDeadlineCounts(g.Count(d => d.DueOn < today), g.Count(d => d.DueOn == today), g.Count(d => d.DueOn > today)))
            .FirstOrDefaultAsync(cancellationToken);
        return counts ?? new HomeDeadlineCounts(0, 0, 0);
    }

    /// <summary>The intake queue's rows (/intakes): submitted intakes of the caseworker's office, or of every office for a coordinator.</summary>
    private async Task<HomeIntakeCounts?> IntakeCountsAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        if (!viewer.IsCoordinator && viewer.OfficeId is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var office = viewer.OfficeId;
        var waiting = db.Intakes.AsNoTracking().Where(i => i.Status == IntakeStatus.Submitted);
        if (!viewer.IsCoordinator)
        {
            waiting = waiting.Where(i => i.OfficeId == office);
        }

        var counts = await waiting
            .GroupBy(i => 1)
            .Select(g => new HomeIntakeCounts(
                g.Count(),
                g.Count(i => i.InDetention || i.ImminentExpulsion || i.SeparatedChild),
                g.Count(i => (i.InDetention || i.ImminentExpulsion || i.SeparatedChild) && i.ResponseDueAt < now)))
            .FirstOrDefaultAsync(cancellationToken);
        return counts ?? new HomeIntakeCounts(0, 0, 0);
    }
}
