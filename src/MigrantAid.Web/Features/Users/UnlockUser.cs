using Microsoft.AspNetCore.Identity;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Users;

public enum UnlockUserOutcome
{
    Unlocked,
    NotLocked,
    NotFound,
}

/// <summary>
/// Lifts a lock-out (after an attack from several addresses, or too many wrong second-factor codes)
/// so the user can sign in at once, and clears the failure count. Audited.
/// </summary>
public sealed class UnlockUserHandler(AppDbContext db, UserManager<AppUser> users, IAuditLog audit)
{
    public async Task<UnlockUserOutcome> HandleAsync(Guid id)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return UnlockUserOutcome.NotFound;
        }

        if (!await users.IsLockedOutAsync(user))
        {
            return UnlockUserOutcome.NotLocked;
        }

        var lockedUntil = user.LockoutEnd;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await users.SetLockoutEndDateAsync(user, null);
        if (result.Succeeded)
        {
            result = await users.ResetAccessFailedCountAsync(user);
        }

        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The account could not be unlocked: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }

        await audit.RecordAsync(UserAuditActions.Unlocked, "user", user.Id.ToString(), new { lockedUntil });
        await transaction.CommitAsync();
        return UnlockUserOutcome.Unlocked;
    }
}
