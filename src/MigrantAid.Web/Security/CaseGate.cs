using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;

namespace MigrantAid.Web.Security;

public enum CaseGateResult
{
    Allowed,

    /// <summary>Missing, or not visible to the user: answered 404 alike.</summary>
    NotFound,

    /// <summary>The user sees the case but may not do this (e.g. assign): answered 403.</summary>
    Forbidden,
}

/// <summary>
/// Loads one case as stored (with its clients and lawyers, which the access rules and the entity's
/// own rules read) and asks <see cref="CaseAuthorizationHandler"/> whether the user may do the operation.
/// </summary>
public static class CaseGate
{
    public static async Task<(Case? Case, CaseGateResult Result)> LoadAsync(
        AppDbContext db, IAuthorizationService authorization, ClaimsPrincipal user, Guid id,
        OperationAuthorizationRequirement operation, bool track, CancellationToken cancellationToken = default)
    {
        // One statement: a case has a few lawyers and a few clients, so their product is small (issue 14).
        var query = db.Cases.Include(c => c.Lawyers).Include(c => c.Clients).AsSingleQuery();
        var loaded = await (track ? query : query.AsNoTracking()).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (loaded is null || !(await authorization.AuthorizeAsync(user, loaded, CaseOperations.View)).Succeeded)
        {
            return (null, CaseGateResult.NotFound);
        }

        if (operation != CaseOperations.View && !(await authorization.AuthorizeAsync(user, loaded, operation)).Succeeded)
        {
            return (null, CaseGateResult.Forbidden);
        }

        return (loaded, CaseGateResult.Allowed);
    }

    /// <summary>The case for reading, as the proof its page's sections take; null when missing or not visible (404).</summary>
    public static async Task<AuthorizedCase?> ViewAsync(
        AppDbContext db, IAuthorizationService authorization, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default)
    {
        var (loaded, _) = await LoadAsync(db, authorization, user, id, CaseOperations.View, track: false, cancellationToken);
        return loaded is null ? null : AuthorizedCase.Of(loaded);
    }
}
