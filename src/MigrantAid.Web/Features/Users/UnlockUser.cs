using Microsoft.AspNetCore.Identity;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Users;

/// <summary>
/// Lifts a lock-out (after an attack from several addresses, or too many wrong second-factor codes)
/// so the user can sign in at once, and clears the failure count. Audited.
/// </summary>
public sealed class UnlockUserHandler(AppDbContext db, UserManager<AppUser> users, IAuditLog audit)
{
    /// <summary>Saved, Unchanged (the account was not locked), or NotFound.</summary>
    public async Task<FormOutcome> HandleAsync(Guid id)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return FormOutcome.NotFound;
        }

        if (!await users.IsLockedOutAsync(user))
        {
            return FormOutcome.Unchanged;
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
        return FormOutcome.Saved();
    }
}
