using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;
using MigrantAid.Web.Security.Sessions;

namespace MigrantAid.Web.Features.Users;

/// <summary>
/// Disables or enables an account. Disabling refuses sign-in at once (AppSignInManager), renews the
/// security stamp and ends every open session at once (after the commit, so no instance can re-read
/// the session as open from a transaction that has not committed yet).
/// </summary>
public sealed class SetUserActiveHandler(AppDbContext db, UserManager<AppUser> users, UserSessions sessions, IAuditLog audit, IStringLocalizer<SharedResource> l)
{
    /// <summary>Saved also when the account is so already (the answer names the state it is in); an administrator cannot disable themselves.</summary>
    public async Task<FormOutcome> HandleAsync(Guid id, bool active, Viewer viewer, FormErrors errors)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return FormOutcome.NotFound;
        }

        if (!active && user.Id == viewer.UserId)
        {
            errors.AddToForm(l["You cannot disable your own account."]);
            return FormOutcome.Invalid;
        }

        if (user.IsActive == active)
        {
            return FormOutcome.Saved();
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

        return FormOutcome.Saved();
    }
}
