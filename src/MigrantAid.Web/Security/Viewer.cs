using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using MigrantAid.Web.Domain;

namespace MigrantAid.Web.Security;

/// <summary>
/// Who is asking, as far as access to cases and clients is concerned. Actions take it as a parameter
/// (bound by <see cref="ViewerBinding"/> from the signed-in user) and pass it to handlers, which never see
/// the <see cref="ClaimsPrincipal"/>: what needs the principal (an authorization handler) is asked through
/// <see cref="AuthorizeAsync"/>.
/// </summary>
public sealed record Viewer(Guid UserId, Guid? OfficeId, bool IsCoordinator, bool IsLawyer, bool IsCaseworker)
{
    public bool DoesCaseWork => IsCoordinator || IsLawyer || IsCaseworker;

    /// <summary>The signed-in user this viewer was read from; null for a viewer built from its values (a test).</summary>
    private ClaimsPrincipal? Principal { get; init; }

    public static Viewer From(ClaimsPrincipal user) => new(
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty,
        Guid.TryParse(user.FindFirstValue(AppClaimsPrincipalFactory.OfficeIdClaim), out var office) ? office : null,
        user.IsInRole(Roles.Coordinator),
        user.IsInRole(Roles.Lawyer),
        user.IsInRole(Roles.Caseworker))
    {
        Principal = user,
    };

    /// <summary>Asks the portal's authorization handlers whether this viewer may do <paramref name="requirement"/> to <paramref name="resource"/>.</summary>
    public async Task<bool> AuthorizeAsync(IAuthorizationService authorization, object resource, IAuthorizationRequirement requirement) =>
        (await authorization.AuthorizeAsync(AsPrincipal(), resource, requirement)).Succeeded;

    /// <summary>
    /// The principal the gates and authorization handlers are asked with: the signed-in user's, or for a
    /// viewer built from its values, one carrying exactly those values (no more rights than they say).
    /// </summary>
    internal ClaimsPrincipal AsPrincipal() => Principal ?? this.ToPrincipal();

    /// <summary>Two viewers are the same when their access values are; where they were read from does not count.</summary>
    public bool Equals(Viewer? other) =>
        other is not null && (UserId, OfficeId, IsCoordinator, IsLawyer, IsCaseworker) == (other.UserId, other.OfficeId, other.IsCoordinator, other.IsLawyer, other.IsCaseworker);

    public override int GetHashCode() => HashCode.Combine(UserId, OfficeId, IsCoordinator, IsLawyer, IsCaseworker);
}
