using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.Proceedings;
using MigrantAid.Web.Features.CaseList;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Desk;

/// <summary>
/// The deadlines and hearings a desk, a calendar or a feed shows. Only cases the viewer may see
/// (<see cref="CaseAccess.VisibleCases"/>) ever contribute. A person's dates are those of the cases
/// they are assigned to (caseworker, lead or further lawyer) and the tasks assigned to them; a
/// coordinator without a lawyer filter sees every case's dates, perhaps of one office.
/// </summary>
public sealed class DeskScope
{
    private DeskScope(Viewer viewer, Guid? personId, Guid? officeId, IReadOnlyList<Guid> personCases)
    {
        Viewer = viewer;
        PersonId = personId;
        OfficeId = officeId;
        PersonCases = personCases;
    }

    public Viewer Viewer { get; }

    /// <summary>Whose dates: the viewer's own, or the lawyer a coordinator chose; null for everyone's.</summary>
    public Guid? PersonId { get; }

    public Guid? OfficeId { get; }

    /// <summary>The visible cases the person is assigned to (read once, then sent as an array: each is probed by index).</summary>
    public IReadOnlyList<Guid> PersonCases { get; }

    public bool IsPersonal => PersonId is not null;

    public static async Task<DeskScope> ResolveAsync(AppDbContext db, Viewer viewer, Guid? personId, Guid? officeId, CancellationToken cancellationToken)
    {
        if (!viewer.IsCoordinator && personId != viewer.UserId)
        {
            throw new InvalidOperationException("Only coordinators see other people's dates.");
        }

        if (personId is not { } person)
        {
            return new DeskScope(viewer, null, officeId, []);
        }

        var assigned = CaseListSearch.AssignedTo(db, person);
        var cases = db.Cases.AsNoTracking().Where(CaseAccess.VisibleCases(viewer, db)).Where(c => assigned.Contains(c.Id));
        if (officeId is { } office)
        {
            cases = cases.Where(c => c.OfficeId == office);
        }

        return new DeskScope(viewer, person, officeId, await cases.Select(c => c.Id).ToListAsync(cancellationToken));
    }

    /// <summary>Deadlines in scope (every status: callers narrow it).</summary>
    public IQueryable<CaseDeadline> Deadlines(AppDbContext db)
    {
        var deadlines = db.CaseDeadlines.AsNoTracking();
        var office = OfficeId;
        if (PersonId is { } person)
        {
            // Tasks assigned to the person on a case they are not assigned to count when they may see that case.
            var ids = PersonCases;
            var visible = db.Cases.Where(CaseAccess.VisibleCases(Viewer, db)).Where(c => office == null || c.OfficeId == office).Select(c => c.Id);
            return deadlines.Where(d => ids.Contains(d.CaseId) || (d.AssigneeId == person && visible.Contains(d.CaseId)));
        }

        if (!Viewer.IsCoordinator)
        {
            return deadlines.Where(d => false);
        }

        return office is null ? deadlines : deadlines.Where(d => db.Cases.Any(c => c.Id == d.CaseId && c.OfficeId == office));
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
        return office is null ? hearings : hearings.Where(h => db.Cases.Any(c => c.Id == h.CaseId && c.OfficeId == office));
    }

    /// <summary>The time zones of the offices whose hearings can be in scope (hearings are placed on their office's local dates).</summary>
    public async Task<IReadOnlyList<string>> ZonesAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var offices = db.Offices.AsNoTracking();
        if (OfficeId is { } office)
        {
            offices = offices.Where(o => o.Id == office);
        }
        else if (IsPersonal)
        {
            var ids = PersonCases;
            var officeIds = db.Cases.Where(c => ids.Contains(c.Id)).Select(c => c.OfficeId);
            offices = offices.Where(o => officeIds.Contains(o.Id));
        }

        return await offices.Select(o => o.TimeZoneId).Distinct().OrderBy(z => z).ToListAsync(cancellationToken);
    }
}
