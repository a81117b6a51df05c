using System.Linq.Expressions;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;

namespace MigrantAid.Web.Security;

/// <summary>A case's principal client as one viewer may see it on a list: name and vulnerabilities blank when masked.</summary>
public sealed class ShownClient
{
    public Guid CaseId { get; init; }

    public Guid ClientId { get; init; }

    /// <summary>Null when the client's consent restricts the name and the viewer is neither a coordinator nor assigned to the case.</summary>
    public string? Name { get; init; }

    public Vulnerability Vulnerabilities { get; init; }
}

/// <summary>
/// The one rule for clients: they follow their cases (<see cref="CaseAccess"/>). Coordinators see all;
/// a caseworker sees the clients of their office; anyone sees the clients of a case they may see. A
/// client who withdrew or refused consent (<see cref="Client.IsRestrictedStatus"/>) is visible only to
/// coordinators and the people assigned to that client's cases, and on a case that others may see the
/// client's name is masked for them (<see cref="ShowsName"/>, <see cref="PrincipalClients"/>). A client on a
/// sealed case is seen only by the people named on one of their sealed cases, coordinators included (issue 15).
/// </summary>
public static class ClientAccess
{
    /// <summary>The query form of <see cref="Client.IsRestrictedStatus"/> (the equivalence test holds them equal).</summary>
    public static readonly Expression<Func<Client, bool>> Restricted =
        c => c.ConsentStatus == ConsentStatus.Withdrawn || c.ConsentStatus == ConsentStatus.Refused;

    private static readonly Expression<Func<Client, bool>> NotRestricted =
        Expression.Lambda<Func<Client, bool>>(Expression.Not(Restricted.Body), Restricted.Parameters);

    public static Expression<Func<Client, bool>> VisibleClients(Viewer viewer, AppDbContext db)
    {
        var reach = CaseAccess.ReachOf(viewer);
        if (reach == ViewerReach.Nothing)
        {
            return c => false;
        }

        // A client on a sealed case is seen only by the people named on one of their sealed cases (issue 15).
        var me = viewer.UserId;
        var sealedClients = db.CaseClients.Where(cc => db.Cases.Any(k => k.Id == cc.CaseId && k.IsSealed)).Select(cc => cc.ClientId);
        var namedClients = db.CaseClients
            .Where(cc => db.CaseSealedPeople.Any(p => p.CaseId == cc.CaseId && p.UserId == me) && db.Cases.Any(k => k.Id == cc.CaseId && k.IsSealed))
            .Select(cc => cc.ClientId);
        if (reach == ViewerReach.Everything)
        {
            return c => !sealedClients.Contains(c.Id) || namedClients.Contains(c.Id);
        }

        var assigned = CaseAccess.AssignedCaseIds(db, viewer.UserId);
        var visible = db.Cases.Where(CaseAccess.VisibleCases(viewer, db)).Select(k => k.Id);
        var caseworker = viewer.IsCaseworker;
        var office = viewer.OfficeId;
        Expression<Func<Client, bool, bool>> rule = (c, restricted) => namedClients.Contains(c.Id)
            || (!sealedClients.Contains(c.Id)
                && (restricted
                    ? db.CaseClients.Any(cc => cc.ClientId == c.Id && assigned.Contains(cc.CaseId))
                    : (caseworker && office != null && c.OfficeId == office)
                      || db.CaseClients.Any(cc => cc.ClientId == c.Id && visible.Contains(cc.CaseId))));
        return RuleExpressions.Fill<Func<Client, bool>>(rule, Restricted, 0);
    }

    /// <summary>The same rule for one client, given the cases the client is on (each with its lawyers and named people).</summary>
    public static bool CanView(Client client, IEnumerable<Case> casesOfClient, Viewer viewer)
    {
        var cases = casesOfClient.ToList();
        var reach = CaseAccess.ReachOf(viewer);
        if (reach == ViewerReach.Nothing)
        {
            return false;
        }

        if (cases.Any(k => k.IsSealed))
        {
            return cases.Any(k => k.IsNamed(viewer.UserId));
        }

        return reach == ViewerReach.Everything
            || (Client.IsRestrictedStatus(client.ConsentStatus)
                ? cases.Any(k => k.IsAssigned(viewer.UserId))
                : (viewer.IsCaseworker && viewer.OfficeId is { } office && client.OfficeId == office)
                  || cases.Any(k => CaseAccess.CanView(k, viewer)));
    }

    /// <summary>Is the client's name (and what they said) shown on this case? Masked when consent restricts it, unless the viewer is a coordinator or assigned.</summary>
    public static bool ShowsName(Case onCase, ConsentStatus consent, Viewer viewer) =>
        !Client.IsRestrictedStatus(consent) || viewer.IsCoordinator || onCase.IsAssigned(viewer.UserId);

    /// <summary>Every case's principal client, masked by the rule of <see cref="ShowsName"/>, for lists to join by case id.</summary>
    public static IQueryable<ShownClient> PrincipalClients(AppDbContext db, Guid viewerId, bool coordinator)
    {
        var assigned = CaseAccess.AssignedCaseIds(db, viewerId);
        Expression<Func<Case, Client, bool, ShownClient>> shape = (c, cl, restricted) => new ShownClient
        {
            CaseId = c.Id,
            ClientId = cl.Id,
            Name = coordinator || !restricted || assigned.Contains(c.Id) ? cl.FullName : null,
            Vulnerabilities = coordinator || !restricted || assigned.Contains(c.Id) ? cl.Vulnerabilities : Vulnerability.None,
        };
        return db.Cases.Join(db.Clients, c => c.PrincipalClientId, cl => cl.Id, RuleExpressions.Fill<Func<Case, Client, ShownClient>>(shape, Restricted, 1));
    }

    /// <summary>
    /// The cases on which any of the clients <paramref name="clientIds"/> is shown by name to the viewer:
    /// searching by a name finds a restricted client only for coordinators and on the cases the viewer is
    /// assigned to. One pass over the clients' case links, the consent read with each (never one scan for
    /// consenting clients and another for the others).
    /// </summary>
    public static IQueryable<Guid> CasesNaming(AppDbContext db, Viewer viewer, IQueryable<Guid> clientIds)
    {
        var links = db.CaseClients.Where(cc => clientIds.Contains(cc.ClientId));
        if (viewer.IsCoordinator)
        {
            return links.Select(cc => cc.CaseId);
        }

        // Each link's own case is tested for the viewer's assignment (the rule of CaseAccess.AssignedCaseIds, as
        // correlated EXISTS): PostgreSQL can then walk the cases in the list's order and test each one's links,
        // where a set of "my cases" in the condition made it compare every case with every matching link.
        var consenting = db.Clients.Where(NotRestricted);
        var me = viewer.UserId;
        return links.Where(cc => consenting.Any(cl => cl.Id == cc.ClientId)
                || db.Cases.Any(k => k.Id == cc.CaseId && (k.CaseworkerId == me || k.LeadLawyerId == me))
                || db.CaseLawyers.Any(l => l.CaseId == cc.CaseId && l.UserId == me))
            .Select(cc => cc.CaseId);
    }
}
