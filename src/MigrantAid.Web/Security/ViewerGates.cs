using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;

namespace MigrantAid.Web.Security;

/// <summary>The gates as handlers call them: with a <see cref="Viewer"/>, never the principal.</summary>
public static class ViewerGates
{
    /// <summary><see cref="CaseGate.LoadAsync"/> for <paramref name="viewer"/>.</summary>
    public static Task<(Case? Case, CaseGateResult Result)> LoadCaseAsync(this IAuthorizationService authorization, AppDbContext db,
        Viewer viewer, Guid id, OperationAuthorizationRequirement operation, bool track, CancellationToken cancellationToken = default) =>
        CaseGate.LoadAsync(db, authorization, viewer.AsPrincipal(), id, operation, track, cancellationToken);

    /// <summary><see cref="CaseGate.ViewAsync"/> for <paramref name="viewer"/>.</summary>
    public static Task<AuthorizedCase?> ViewCaseAsync(this IAuthorizationService authorization, AppDbContext db, Viewer viewer, Guid id,
        CancellationToken cancellationToken = default) =>
        CaseGate.ViewAsync(db, authorization, viewer.AsPrincipal(), id, cancellationToken);
}
