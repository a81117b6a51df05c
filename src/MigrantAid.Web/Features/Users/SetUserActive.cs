using Microsoft.AspNetCore.Identity;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Security.Audit;
using MigrantAid.Web.Security.Sessions;

namespace MigrantAid.Web.Features.Users;

public enum SetUserActiveOutcome
{
    Done,
    NotFound,
    RefusedForSelf,
}

/// <summary>
/// Disables or enables an account. Disabling refuses sign-in at once (AppSignInManager), renews the
/// security stamp and ends every open session at once (after the commit, so no instance can re-read
/// the session as open from a transaction that has not committed yet).
/// </summary>
public sealed class SetUserActiveHandler(AppDbContext db, UserManager<AppUser> users, UserSessions sessions, IAuditLog audit)
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
        if (!active)
        {
            await sessions.EndAllAsync(user.Id, SessionEndReasons.UserDisabled);
        }

        return SetUserActiveOutcome.Done;
    }
}
