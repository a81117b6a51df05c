using System.Security.Claims;
using MigrantAid.Web.Domain;

namespace MigrantAid.Web.Security;

public static class ViewerPrincipal
{
    /// <summary>
    /// The viewer as the principal that <see cref="Microsoft.AspNetCore.Authorization.IAuthorizationService"/>
    /// takes, for handlers that are given a <see cref="Viewer"/> rather than the request's principal; the
    /// resource handlers read it back with <see cref="Viewer.From"/>, which gives the same viewer.
    /// </summary>
    public static ClaimsPrincipal ToPrincipal(this Viewer viewer)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, viewer.UserId.ToString()) };
        if (viewer.OfficeId is { } office)
        {
            claims.Add(new(AppClaimsPrincipalFactory.OfficeIdClaim, office.ToString()));
        }

        foreach (var (has, role) in new[] { (viewer.IsCoordinator, Roles.Coordinator), (viewer.IsLawyer, Roles.Lawyer), (viewer.IsCaseworker, Roles.Caseworker) })
        {
            if (has)
            {
                claims.Add(new(ClaimTypes.Role, role));
            }
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType: nameof(Viewer)));
    }
}
