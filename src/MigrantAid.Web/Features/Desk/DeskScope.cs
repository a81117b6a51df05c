using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.Proceedings;
using MigrantAid.Web.Infrastructure;
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
/// <remarks>
/// Each date carries its case's office, lead lawyer and caseworker, copied by the database (migrations
/// 0013 and 0019), so a person's or an office's dates are ranges of the (person or office, date)
/// indexes; only the few cases where the person is a further lawyer are probed one by one. The viewer
/// may see every case a person's dates come from: a coordinator sees every case, and a case worker
/// viewing their own dates sees the cases they are assigned to. A task assigned to the person on a
/// case they are not assigned to is checked against what the viewer may see.
/// </remarks>
public sealed class DeskScope
{
    private DeskScope(Viewer viewer, Guid? personId, Guid? officeId, Guid[] furtherCases, IReadOnlyList<string> zones)
    {
        Viewer = viewer;
        PersonId = personId;
        OfficeId = officeId;
        FurtherCases = furtherCases;
        Zones = zones;
    }

    public Viewer Viewer { get; }

    /// <summary>Whose dates: the viewer's own, or the lawyer a coordinator chose; null for everyone's.</summary>
    public Guid? PersonId { get; }

    public Guid? OfficeId { get; }

    /// <summary>The cases the person is a further lawyer on (read once, sent as an array: each is probed by index).</summary>
    public Guid[] FurtherCases { get; }

    /// <summary>The time zones of the offices whose hearings can be in scope (hearings are placed on their office's local dates).</summary>
    public IReadOnlyList<string> Zones { get; }

    public bool IsPersonal => PersonId is not null;

    /// <summary>Whether the viewer may see any case's dates at all (coordinators and case workers).</summary>
    private bool SeesCases => Viewer.IsCoordinator || Viewer.DoesCaseWork;

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

        // A person's hearings are read whole and placed by their own office's zone, so every zone is in scope.
        var further = await db.CaseLawyers.AsNoTracking().Where(l => l.UserId == person).Select(l => l.CaseId).ToArrayAsync(cancellationToken);
        return new DeskScope(viewer, person, officeId, further, offices.All.Select(o => o.Zone).Distinct().Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>Deadlines in scope (every status: callers narrow it).</summary>
    public IQueryable<CaseDeadline> Deadlines(AppDbContext db)
    {
        var deadlines = Scoped(db, db.CaseDeadlines.AsNoTracking(), out var person);
        if (person is not { } p)
        {
            return deadlines;
        }

        var further = FurtherCases;
        var visible = db.Cases.Where(CaseAccess.VisibleCases(Viewer, db));
        // A task assigned to the person counts on a case they may see. (IS NOT NULL first: "NULL AND x" still evaluates x, "false AND x" does not.)
        return deadlines.Where(d => d.CaseLeadLawyerId == p || d.CaseCaseworkerId == p || further.Contains(d.CaseId)
            || (d.AssigneeId != null && d.AssigneeId == p && visible.Any(c => c.Id == d.CaseId)));
    }

    /// <summary>
    /// The cases whose dates are in scope (the same rule as <see cref="Deadlines"/> without tasks assigned across cases):
    /// used for dates computed from the cases' records rather than stored, such as a decision's date still to enter.
    /// </summary>
    public IQueryable<Case> Cases(AppDbContext db)
    {
        var cases = db.Cases.AsNoTracking();
        if (!SeesCases || (PersonId is null && !Viewer.IsCoordinator))
        {
            return cases.Where(c => false);
        }

        var office = OfficeId;
        if (office is not null)
        {
            cases = cases.Where(c => c.OfficeId == office);
        }

        var sealedAgainst = CaseAccess.SealedAgainst(db, Viewer.UserId);
        cases = cases.Where(c => !sealedAgainst.Contains(c.Id));

        var further = FurtherCases;
        return PersonId is { } p ? cases.Where(c => c.LeadLawyerId == p || c.CaseworkerId == p || further.Contains(c.Id)) : cases;
    }

    /// <summary>Hearings in scope (held or not: callers narrow it).</summary>
    public IQueryable<Hearing> Hearings(AppDbContext db)
    {
        var hearings = Scoped(db, db.Hearings.AsNoTracking(), out var person);
        var further = FurtherCases;
        return person is { } p ? hearings.Where(h => h.CaseLeadLawyerId == p || h.CaseCaseworkerId == p || further.Contains(h.CaseId)) : hearings;
    }

    /// <summary>
    /// Dates the viewer may see at all, of the office in scope; <paramref name="person"/> is set when they
    /// must still be narrowed to a person's: their cases (by the copied lead lawyer and caseworker, and
    /// the cases they are a further lawyer on).
    /// </summary>
    private IQueryable<T> Scoped<T>(AppDbContext db, IQueryable<T> dates, out Guid? person)
        where T : class, ICaseDate
    {
        person = null;
        if (!SeesCases || (PersonId is null && !Viewer.IsCoordinator))
        {
            return dates.Where(d => false);
        }

        var office = OfficeId;
        if (office is not null)
        {
            // An office's dates are one range of the (office, date) indexes.
            dates = dates.Where(d => d.OfficeId == office);
        }

        // A sealed case's dates only for the people named on it, whoever is assigned (issue 15).
        var sealedAgainst = CaseAccess.SealedAgainst(db, Viewer.UserId);
        person = PersonId;
        return dates.Where(d => !sealedAgainst.Contains(d.CaseId));
    }
}
