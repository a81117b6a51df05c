using Microsoft.AspNetCore.Identity;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Users;

public enum SetUserActiveOutcome
{
    Done,
    NotFound,
    RefusedForSelf,
}

/// <summary>
/// Disables or enables an account. Disabling renews the security stamp: sign-in is refused at once
/// (AppSignInManager) and open sessions end at the next stamp check, within a minute.
/// </summary>
public sealed class SetUserActiveHandler(AppDbContext db, UserManager<AppUser> users, IAuditLog audit)
{
    public async Task<SetUserActiveOutcome> HandleAsync(Guid id, bool active, Guid actorId)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return SetUserActiveOutcome.NotFound;
        }

        if (!active && user.Id == actorId)
        {
            return SetUserActiveOutcome.RefusedForSelf;
        }

        if (user.IsActive == active)
        {
            return SetUserActiveOutcome.Done;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        user.IsActive = active;
        var result = active ? await users.UpdateAsync(user) : await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The account could not be updated: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }

        await audit.RecordAsync(active ? AuditActions.UserEnabled : AuditActions.UserDisabled, "user", user.Id.ToString());
        await transaction.CommitAsync();
        return SetUserActiveOutcome.Done;
    }
}
