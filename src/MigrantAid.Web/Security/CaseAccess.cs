using System.Linq.Expressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;

namespace MigrantAid.Web.Security;

/// <summary>How far a viewer's sight goes before any record is looked at.</summary>
public enum ViewerReach
{
    /// <summary>Coordinators see every case and client.</summary>
    Everything,

    /// <summary>Without a case-work role (e.g. an administrator only) no case content is seen.</summary>
    Nothing,

    /// <summary>Lawyers and caseworkers: the record decides.</summary>
    ByRecord,
}

/// <summary>
/// The one place that decides who may see a case (issue 3, "who sees what"): coordinators see all;
/// lawyers the cases they are assigned to; caseworkers the cases of their office and those assigned to
/// them; a confidential case only its assigned people and coordinators; a sealed case only the people
/// named on it, coordinators included (issue 15); administrators without another role see no case content. Clients follow their cases (<see cref="ClientAccess"/>).
/// The rule is written once, as an expression: lists use it as SQL, a single record is checked by
/// <see cref="CaseAuthorizationHandler"/> with the same expression compiled, on the entity as stored
/// (its lawyers loaded), and a refusal is answered 404 like a missing record.
/// </summary>
public static class CaseAccess
{
    /// <summary>
    /// The rule for a lawyer or caseworker (<see cref="ViewerReach.ByRecord"/>). A sealed case only for the people named on it,
    /// whatever their assignment or office.
    /// </summary>
    private static readonly Expression<Func<Case, Viewer, bool>> SeenByCaseWorker = (c, v) =>
        (!c.IsSealed
            && (c.CaseworkerId == v.UserId
                || c.LeadLawyerId == v.UserId
                || c.Lawyers.Any(l => l.UserId == v.UserId)
                || (v.IsCaseworker && !c.IsConfidential && v.OfficeId != null && c.OfficeId == v.OfficeId)))
        || (c.IsSealed && c.SealedPeople.Any(p => p.UserId == v.UserId));

    /// <summary>The rule for a coordinator (<see cref="ViewerReach.Everything"/>): every case but the sealed ones they are not named on.</summary>
    private static readonly Expression<Func<Case, Viewer, bool>> SeenByCoordinator = (c, v) =>
        !c.IsSealed || c.SealedPeople.Any(p => p.UserId == v.UserId);

    private static readonly Func<Case, Viewer, bool> SeenByCaseWorkerInMemory = SeenByCaseWorker.Compile();

    private static readonly Func<Case, Viewer, bool> SeenByCoordinatorInMemory = SeenByCoordinator.Compile();

    public static ViewerReach ReachOf(Viewer viewer) =>
        viewer.IsCoordinator ? ViewerReach.Everything : viewer.DoesCaseWork ? ViewerReach.ByRecord : ViewerReach.Nothing;

    /// <summary>The cases the viewer may see, as a query filter.</summary>
    /// <param name="db">Unused since the rule reads the case's own lawyers; kept so that every list calls the rule alike.</param>
    public static Expression<Func<Case, bool>> VisibleCases(Viewer viewer, AppDbContext db) => ReachOf(viewer) switch
    {
        ViewerReach.Everything => RuleExpressions.Bind(SeenByCoordinator, viewer),
        ViewerReach.Nothing => c => false,
        _ => RuleExpressions.Bind(SeenByCaseWorker, viewer),
    };

    /// <summary>The same rule for one case as loaded, with its lawyers and named people (always loaded with a case).</summary>
    public static bool CanView(Case c, Viewer viewer) => ReachOf(viewer) switch
    {
        ViewerReach.Everything => SeenByCoordinatorInMemory(c, viewer),
        ViewerReach.Nothing => false,
        _ => SeenByCaseWorkerInMemory(c, viewer),
    };

    /// <summary>
    /// The sealed cases <paramref name="userId"/> is not named on: what lists whose own scope stands for the access
    /// rule (a person's assigned cases, a coordinator's "everything", a user's notifications) leave out.
    /// </summary>
    public static IQueryable<Guid> SealedAgainst(AppDbContext db, Guid userId) =>
        db.Cases.Where(c => c.IsSealed && !db.CaseSealedPeople.Any(p => p.CaseId == c.Id && p.UserId == userId)).Select(c => c.Id);

    /// <summary>Sealing, changing who is named and lifting the seal: coordinators who may see the case.</summary>
    public static bool CanSeal(Case c, Viewer viewer) => viewer.IsCoordinator && CanView(c, viewer);

    /// <summary>Changing a case's content: anyone who sees it. Assigning and confidentiality: coordinators, and the case's caseworker.</summary>
    public static bool CanAssign(Case c, Viewer viewer) => viewer.IsCoordinator || (viewer.IsCaseworker && c.CaseworkerId == viewer.UserId);

    /// <summary>Cases the user works on: as caseworker, lead lawyer or further lawyer (each branch by its own index).</summary>
    public static IQueryable<Guid> AssignedCaseIds(AppDbContext db, Guid userId) =>
        db.Cases.Where(k => k.CaseworkerId == userId).Select(k => k.Id)
            .Union(db.Cases.Where(k => k.LeadLawyerId == userId).Select(k => k.Id))
            .Union(db.CaseLawyers.Where(l => l.UserId == userId).Select(l => l.CaseId));
}

public static class CaseOperations
{
    public static readonly OperationAuthorizationRequirement View = new() { Name = nameof(View) };
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = nameof(Edit) };
    public static readonly OperationAuthorizationRequirement Assign = new() { Name = nameof(Assign) };
}

/// <summary>Resource authorization for one case, given the case as loaded from the database.</summary>
public sealed class CaseAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, Case>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, Case resource)
    {
        var viewer = Viewer.From(context.User);
        var allowed = requirement.Name switch
        {
            nameof(CaseOperations.View) or nameof(CaseOperations.Edit) => CaseAccess.CanView(resource, viewer),
            nameof(CaseOperations.Assign) => CaseAccess.CanView(resource, viewer) && CaseAccess.CanAssign(resource, viewer),
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
