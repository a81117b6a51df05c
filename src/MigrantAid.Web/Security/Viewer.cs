using System.Security.Claims;
using MigrantAid.Web.Domain;

namespace MigrantAid.Web.Security;

/// <summary>Who is asking, as far as access to cases and clients is concerned.</summary>
public sealed record Viewer(Guid UserId, Guid? OfficeId, bool IsCoordinator, bool IsLawyer, bool IsCaseworker)
{
    public bool DoesCaseWork => IsCoordinator || IsLawyer || IsCaseworker;

    public static Viewer From(ClaimsPrincipal user) => new(
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty,
        Guid.TryParse(user.FindFirstValue(AppClaimsPrincipalFactory.OfficeIdClaim), out var office) ? office : null,
        user.IsInRole(Roles.Coordinator),
        user.IsInRole(Roles.Lawyer),
        user.IsInRole(Roles.Caseworker));
}
