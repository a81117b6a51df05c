using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Security;

/// <summary>
/// Locks an account (Identity's lock-out, stored in the database, so every instance honours it)
/// when the attempts naming it go over the per-account limit. One address cannot get there on its
/// own (<see cref="SignInLimits.Problems"/> refuses settings where it could), so this needs a
/// guessing attack from several addresses. An administrator can lift it on the user's page.
/// </summary>
public sealed class AttackLockout(UserManager<AppUser> users, IAuditLog audit, IOptions<IdentityOptions> identity)
{
    public async Task LockAsync(ThrottledAccount account)
    {
        var user = account.UserId is { } id
            ? await users.FindByIdAsync(id.ToString())
            : await users.FindByEmailAsync(account.NormalizedEmail ?? "");
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return;
        }

        // Identity compares lock-out ends with the real clock, so this does too.
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow + identity.Value.Lockout.DefaultLockoutTimeSpan);
        await audit.RecordAsync(AuditActions.LockedOut, "user", user.Id.ToString(), actorId: user.Id, actorEmail: user.Email,
            details: new { reason = "attempts-from-several-addresses" });
    }
}
