using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;

namespace MigrantAid.Web.Security;

/// <summary>Puts the user's display name, office and language into the sign-in cookie.</summary>
public sealed class AppClaimsPrincipalFactory(
    UserManager<AppUser> userManager,
    RoleManager<AppRole> roleManager,
    IOptions<IdentityOptions> options,
    AppDbContext db)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(userManager, roleManager, options)
{
    public const string FullNameClaim = "migrantaid:name";
    public const string OfficeIdClaim = "migrantaid:office";
    public const string OfficeNameClaim = "migrantaid:office_name";
    public const string LanguageClaim = "migrantaid:lang";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(FullNameClaim, user.FullName));
        identity.AddClaim(new Claim(LanguageClaim, user.PreferredLanguage));
        identity.AddClaim(new Claim(TwoFactor.TwoFactorPolicy.EnabledClaim, user.TwoFactorEnabled ? "true" : "false"));
        if (user.OfficeId is { } officeId)
        {
            identity.AddClaim(new Claim(OfficeIdClaim, officeId.ToString()));
            var officeName = await db.Offices.AsNoTracking().Where(o => o.Id == officeId).Select(o => o.Name).FirstOrDefaultAsync();
            if (officeName is not null)
            {
                identity.AddClaim(new Claim(OfficeNameClaim, officeName));
            }
        }

        return identity;
    }
}
