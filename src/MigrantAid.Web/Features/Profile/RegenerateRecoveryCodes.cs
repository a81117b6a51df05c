using Microsoft.AspNetCore.Identity;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Profile;

/// <summary>The recovery codes page, shown once right after they are generated.</summary>
public sealed record RecoveryCodesModel(IReadOnlyList<string> Codes, bool JustEnabled);

/// <summary>Replaces all recovery codes with new ones: the old ones stop working at once.</summary>
public sealed class RegenerateRecoveryCodesHandler(UserManager<AppUser> users, IAuditLog audit)
{
    /// <returns>The new codes, or null when two-step verification is not on.</returns>
    public async Task<IReadOnlyList<string>?> HandleAsync(Viewer viewer)
    {
        var user = await users.OwnAccountAsync(viewer);
        if (user is null || !user.TwoFactorEnabled)
        {
            return null;
        }

        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, EnableAuthenticatorHandler.RecoveryCodeCount))?.ToList();
        if (codes is null)
        {
            return null;
        }

        await audit.RecordAsync(AuditActions.RecoveryCodesRegenerated, "user", user.Id.ToString(), new { count = codes.Count });
        return codes;
    }
}
