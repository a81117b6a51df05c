using System.Linq.Expressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;

namespace MigrantAid.Web.Security;

/// <summary>
/// The one place that decides who may see a case or a client (issue 3, "who sees what"):
/// coordinators see all; lawyers the cases they are assigned to; caseworkers the cases of their
/// office and those assigned to them; a confidential case only its assigned people and coordinators;
/// administrators without another role see no case content. Clients follow their cases; a client
/// who withdrew or refused consent is visible only to the assigned people of their cases and coordinators.
/// Lists use the query expressions; a single record is checked by <see cref="CaseAuthorizationHandler"/>
/// on the entity as stored, and a refusal is answered 404 like a missing record.
/// </summary>
public static class CaseAccess
{
    public static Expression<Func<Case, bool>> VisibleCases(Viewer viewer, AppDbContext db)
    {
        if (viewer.IsCoordinator)
        {
            return c => true;
        }

        if (!viewer.DoesCaseWork)
        {
            return c => false;
        }

        var me = viewer.UserId;
        var office = viewer.OfficeId;
        var caseworker = viewer.IsCaseworker;
        return c => c.CaseworkerId == me
            || c.LeadLawyerId == me
            || db.CaseLawyers.Any(l => l.CaseId == c.Id && l.UserId == me)
            || (caseworker && !c.IsConfidential && office != null && c.OfficeId == office);
    }

    public static bool CanView(Case c, Viewer viewer)
    {
        if (viewer.IsCoordinator)
        {
            return true;
        }

        if (!viewer.DoesCaseWork)
        {
            return false;
        }

        return c.IsAssigned(viewer.UserId)
            || (viewer.IsCaseworker && !c.IsConfidential && viewer.OfficeId is { } office && c.OfficeId == office);
    }

    /// <summary>Changing a case's content: anyone who sees it. Assigning and confidentiality: coordinators, and the case's caseworker.</summary>
    public static bool CanAssign(Case c, Viewer viewer) => viewer.IsCoordinator || (viewer.IsCaseworker && c.CaseworkerId == viewer.UserId);

    public static Expression<Func<Client, bool>> VisibleClients(Viewer viewer, AppDbContext db)
    {
        if (viewer.IsCoordinator)
        {
            return c => true;
        }

        if (!viewer.DoesCaseWork)
        {
            return c => false;
        }

        var me = viewer.UserId;
        var office = viewer.OfficeId;
        var caseworker = viewer.IsCaseworker;
        var visibleCases = VisibleCases(viewer, db);
        var assignedCaseIds = db.Cases
            .Where(k => k.CaseworkerId == me || k.LeadLawyerId == me || db.CaseLawyers.Any(l => l.CaseId == k.Id && l.UserId == me))
            .Select(k => k.Id);
        var visibleCaseIds = db.Cases.Where(visibleCases).Select(k => k.Id);
        return c =>
            c.ConsentStatus == ConsentStatus.Withdrawn || c.ConsentStatus == ConsentStatus.Refused
                ? db.CaseClients.Any(cc => cc.ClientId == c.Id && assignedCaseIds.Contains(cc.CaseId))
                : (caseworker && office != null && c.OfficeId == office)
                  || db.CaseClients.Any(cc => cc.ClientId == c.Id && visibleCaseIds.Contains(cc.CaseId));
    }
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
