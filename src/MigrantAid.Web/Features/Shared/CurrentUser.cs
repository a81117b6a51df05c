using System.Security.Claims;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Shared;

/// <summary>
/// Reads the signed-in user's id, name, office and roles from the cookie's claims: for controllers, views and view
/// components, where MVC hands in the principal. Handlers never see it: they take a <see cref="Viewer"/>.
/// </summary>
public static class CurrentUser
{
    public static Guid Id(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(AppClaimsPrincipalFactory.FullNameClaim) ?? user.Identity?.Name ?? "";

    public static string? OfficeName(this ClaimsPrincipal user) => user.FindFirstValue(AppClaimsPrincipalFactory.OfficeNameClaim);

    public static IReadOnlyList<string> PortalRoles(this ClaimsPrincipal user) => Roles.All.Where(user.IsInRole).ToList();
}
