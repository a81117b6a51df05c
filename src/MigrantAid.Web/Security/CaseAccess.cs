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
/// them; a confidential case only its assigned people and coordinators; administrators without another
/// role see no case content. Clients follow their cases (<see cref="ClientAccess"/>).
/// The rule is written once, as an expression: lists use it as SQL, a single record is checked by
/// <see cref="CaseAuthorizationHandler"/> with the same expression compiled, on the entity as stored
/// (its lawyers loaded), and a refusal is answered 404 like a missing record.
/// </summary>
public static class CaseAccess
{
    /// <summary>The rule for a lawyer or caseworker (<see cref="ViewerReach.ByRecord"/>).</summary>
    private static readonly Expression<Func<Case, Viewer, bool>> SeenByCaseWorker = (c, v) =>
        c.CaseworkerId == v.UserId
        || c.LeadLawyerId == v.UserId
        || c.Lawyers.Any(l => l.UserId == v.UserId)
        || (v.IsCaseworker && !c.IsConfidential && v.OfficeId != null && c.OfficeId == v.OfficeId);

    private static readonly Func<Case, Viewer, bool> SeenByCaseWorkerInMemory = SeenByCaseWorker.Compile();

    public static ViewerReach ReachOf(Viewer viewer) =>
        viewer.IsCoordinator ? ViewerReach.Everything : viewer.DoesCaseWork ? ViewerReach.ByRecord : ViewerReach.Nothing;

    /// <summary>The cases the viewer may see, as a query filter.</summary>
    /// <param name="db">Unused since the rule reads the case's own lawyers; kept so that every list calls the rule alike.</param>
    public static Expression<Func<Case, bool>> VisibleCases(Viewer viewer, AppDbContext db) => ReachOf(viewer) switch
    {
        ViewerReach.Everything => c => true,
        ViewerReach.Nothing => c => false,
        _ => RuleExpressions.Bind(SeenByCaseWorker, viewer),
    };

    /// <summary>The same rule for one case as loaded, with its lawyers.</summary>
    public static bool CanView(Case c, Viewer viewer) => ReachOf(viewer) switch
    {
        ViewerReach.Everything => true,
        ViewerReach.Nothing => false,
        _ => SeenByCaseWorkerInMemory(c, viewer),
    };

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
