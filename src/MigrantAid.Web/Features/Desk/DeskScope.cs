using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.Proceedings;
using MigrantAid.Web.Features.Cases;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Desk;

/// <summary>The offices (a small table), read once per request: names for the filter, time zones for dates.</summary>
public sealed record DeskOffices(IReadOnlyList<(Guid Id, string Name, string Zone)> All)
{
    public static async Task<DeskOffices> LoadAsync(AppDbContext db, CancellationToken cancellationToken) =>
        new((await db.Offices.AsNoTracking().OrderBy(o => o.Name).ThenBy(o => o.Id).Select(o => new { o.Id, o.Name, o.TimeZoneId }).ToListAsync(cancellationToken))
            .Select(o => (o.Id, o.Name, o.TimeZoneId)).ToList());

    public string Zone(Guid office) => All.FirstOrDefault(o => o.Id == office).Zone ?? "UTC";

    /// <summary>The clock of a user's office; UTC for a user without one.</summary>
    public OfficeTime TimeOf(Guid? office) => office is { } id && All.Any(o => o.Id == id) ? OfficeTime.For(Zone(id)) : OfficeTime.Utc;
}

/// <summary>
/// The deadlines and hearings a desk, a calendar or a feed shows. Only cases the viewer may see
/// (<see cref="CaseAccess.VisibleCases"/>) ever contribute. A person's dates are those of the cases
/// they are assigned to (caseworker, lead or further lawyer) and the tasks assigned to them; a
/// coordinator without a lawyer filter sees every case's dates, perhaps of one office.
/// </summary>
public sealed class DeskScope
{
    private DeskScope(Viewer viewer, Guid? personId, Guid? officeId, Guid[] personCases, IReadOnlyList<string> zones)
    {
        Viewer = viewer;
        PersonId = personId;
        OfficeId = officeId;
        PersonCases = personCases;
        Zones = zones;
    }

    public Viewer Viewer { get; }

    /// <summary>Whose dates: the viewer's own, or the lawyer a coordinator chose; null for everyone's.</summary>
    public Guid? PersonId { get; }

    public Guid? OfficeId { get; }

    /// <summary>
    /// The visible cases the person is assigned to, read once and then sent as an array: PostgreSQL
    /// probes each case's open deadlines by index (a busy lawyer has a few thousand cases, a tiny part of all).
    /// </summary>
    public Guid[] PersonCases { get; }

    /// <summary>The time zones of the offices whose hearings can be in scope (hearings are placed on their office's local dates).</summary>
    public IReadOnlyList<string> Zones { get; }

    public bool IsPersonal => PersonId is not null;

    public static async Task<DeskScope> ResolveAsync(AppDbContext db, DeskOffices offices, Viewer viewer, Guid? personId, Guid? officeId, CancellationToken cancellationToken)
    {
        if (!viewer.IsCoordinator && personId != viewer.UserId)
        {
            throw new InvalidOperationException("Only coordinators see other people's dates.");
        }

        if (personId is not { } person)
        {
            var inScope = offices.All.Where(o => officeId is null || o.Id == officeId).Select(o => o.Zone);
            return new DeskScope(viewer, null, officeId, [], inScope.Distinct().Order(StringComparer.Ordinal).ToList());
        }

        // The person's cases by each assignment's own index (as "My cases" reads them), each row checked
        // against what the viewer may see.
        var visible = db.Cases.AsNoTracking().Where(CaseAccess.VisibleCases(viewer, db));
        if (officeId is { } office)
        {
            visible = visible.Where(c => c.OfficeId == office);
        }

        var cases = visible.Where(c => c.CaseworkerId == person).Select(c => c.Id)
            .Union(visible.Where(c => c.LeadLawyerId == person).Select(c => c.Id))
            .Union(from l in db.CaseLawyers where l.UserId == person join c in visible on l.CaseId equals c.Id select c.Id);

        // A person's hearings are read whole and placed by their own office's zone, so every zone is in scope.
        var found = await cases.ToArrayAsync(cancellationToken);
        return new DeskScope(viewer, person, officeId, found, offices.All.Select(o => o.Zone).Distinct().Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>Deadlines in scope (every status: callers narrow it).</summary>
    public IQueryable<CaseDeadline> Deadlines(AppDbContext db)
    {
        var deadlines = db.CaseDeadlines.AsNoTracking();
        var office = OfficeId;
        if (PersonId is { } person)
        {
            // A task assigned to the person on a case they are not assigned to counts when they may see that case;
            // the check runs only for the person's tasks (a correlated test, not a scan of every visible case).
            var ids = PersonCases;
            var visible = db.Cases.Where(CaseAccess.VisibleCases(Viewer, db)).Where(c => office == null || c.OfficeId == office);
            // (IS NOT NULL first: "NULL AND x" still evaluates x, "false AND x" does not.)
            return deadlines.Where(d => ids.Contains(d.CaseId) || (d.AssigneeId != null && d.AssigneeId == person && visible.Any(c => c.Id == d.CaseId)));
        }

        if (!Viewer.IsCoordinator)
        {
            return deadlines.Where(d => false);
        }

        // An office's dates are one range of the (office, date) indexes: each row carries its case's office.
        return office is null ? deadlines : deadlines.Where(d => d.OfficeId == office);
    }

    /// <summary>Hearings in scope (held or not: callers narrow it).</summary>
    public IQueryable<Hearing> Hearings(AppDbContext db)
    {
        var hearings = db.Hearings.AsNoTracking();
        if (IsPersonal)
        {
            var ids = PersonCases;
            return hearings.Where(h => ids.Contains(h.CaseId));
        }

        if (!Viewer.IsCoordinator)
        {
            return hearings.Where(h => false);
        }

        var office = OfficeId;
        return office is null ? hearings : hearings.Where(h => h.OfficeId == office);
    }
}
