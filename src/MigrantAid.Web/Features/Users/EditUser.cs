using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Users;

/// <summary>What the edit page shows about the account besides the form.</summary>
public sealed record UserAccount(Guid Id, string Email, bool IsActive, bool TwoFactorEnabled, DateTimeOffset CreatedAt, bool IsSelf)
{
    /// <summary>When the account's lock-out ends, while it is locked out.</summary>
    public DateTimeOffset? LockedUntil { get; init; }
}

public sealed class EditUserInput : UserFormInput
{
    /// <summary>The stamp the form was loaded with: a save over someone else's change is refused.</summary>
    public string? ConcurrencyStamp { get; set; }

    [BindNever]
    [ValidateNever]
    public UserAccount Account { get; set; } = null!;
}

public enum EditUserOutcome
{
    Saved,
    Invalid,
    NotFound,
}

/// <summary>
/// Changes name, office, language and roles; every change is audited with its old and new value.
/// A change of roles renews the security stamp, so open sessions of the user end at the next check
/// (within a minute) and the next sign-in carries the new roles.
/// </summary>
public sealed class EditUserHandler(
    AppDbContext db,
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    UserFormHandler form,
    IAuditLog audit,
    IStringLocalizer<SharedResource> l)
{
    public async Task<EditUserInput?> LoadAsync(Guid id, Guid actorId)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return null;
        }

        var input = new EditUserInput
        {
            FullName = user.FullName,
            OfficeId = user.OfficeId,
            PreferredLanguage = user.PreferredLanguage,
            Roles = await RolesOfAsync(user),
            ConcurrencyStamp = user.ConcurrencyStamp,
        };
        await FillAsync(input, user, actorId);
        return input;
    }

    public async Task<EditUserOutcome> HandleAsync(Guid id, EditUserInput input, Guid actorId, ModelStateDictionary modelState)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return EditUserOutcome.NotFound;
        }

        await form.ValidateAsync(input, modelState);
        var oldRoles = await RolesOfAsync(user);
        if (user.Id == actorId && oldRoles.Contains(Roles.Admin) && !input.Roles.Contains(Roles.Admin))
        {
            modelState.AddModelError(nameof(input.Roles), l["You cannot remove the Admin role from yourself."]);
        }

        if (modelState.IsValid && !string.Equals(input.ConcurrencyStamp, user.ConcurrencyStamp, StringComparison.Ordinal))
        {
            // What was typed stays on the form; saving again (with the new stamp) overwrites the other change.
            modelState.AddModelError("", l["Someone else changed this user while you were editing. Check the values and save again."]);
            modelState.Remove(nameof(input.ConcurrencyStamp));
            input.ConcurrencyStamp = user.ConcurrencyStamp;
        }

        if (!modelState.IsValid)
        {
            await FillAsync(input, user, actorId);
            return EditUserOutcome.Invalid;
        }

        var changes = new List<(string Field, string? Old, string? New)>();
        void Compare(string field, string? before, string? after)
        {
            if (!string.Equals(before, after, StringComparison.Ordinal))
            {
                changes.Add((field, before, after));
            }
        }

        Compare(nameof(AppUser.FullName), user.FullName, input.FullName);
        Compare(nameof(AppUser.OfficeId), user.OfficeId?.ToString(), input.OfficeId?.ToString());
        Compare(nameof(AppUser.PreferredLanguage), user.PreferredLanguage, input.PreferredLanguage);
        var newRoles = Roles.All.Where(input.Roles.Contains).ToList();
        var rolesChanged = !oldRoles.SequenceEqual(newRoles);

        // Roles and office decide what a user may see (the office's cases): a change ends their other sessions' old claims.
        var accessChanged = rolesChanged || user.OfficeId != input.OfficeId;

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            user.FullName = input.FullName;
            user.OfficeId = input.OfficeId;
            user.PreferredLanguage = input.PreferredLanguage;
            var result = await users.UpdateAsync(user);
            if (result.Succeeded && rolesChanged)
            {
                result = await users.RemoveFromRolesAsync(user, oldRoles.Except(newRoles));
                if (result.Succeeded)
                {
                    result = await users.AddToRolesAsync(user, newRoles.Except(oldRoles));
                }
            }

            if (result.Succeeded && accessChanged)
            {
                result = await users.UpdateSecurityStampAsync(user);
            }

            if (!result.Succeeded)
            {
                await transaction.RollbackAsync();
                db.ChangeTracker.Clear();
                IdentityErrors.AddTo(modelState, result, l);
                var current = await users.FindByIdAsync(id.ToString());
                input.ConcurrencyStamp = current?.ConcurrencyStamp;
                modelState.Remove(nameof(input.ConcurrencyStamp));
                await FillAsync(input, current ?? user, actorId);
                return EditUserOutcome.Invalid;
            }

            foreach (var (field, old, @new) in changes)
            {
                await audit.RecordAsync(AuditActions.UserUpdated, "user", user.Id.ToString(), new { field, old, @new });
            }

            if (rolesChanged)
            {
                await audit.RecordAsync(AuditActions.UserRolesChanged, "user", user.Id.ToString(), new { old = oldRoles, @new = newRoles });
            }

            await transaction.CommitAsync();
        }

        if (rolesChanged && user.Id == actorId)
        {
            // The administrator's own cookie gets the new stamp and roles instead of being thrown out.
            await signIn.RefreshSignInAsync(user);
        }

        return EditUserOutcome.Saved;
    }

    private async Task<List<string>> RolesOfAsync(AppUser user)
    {
        var roles = await users.GetRolesAsync(user);
        return Roles.All.Where(roles.Contains).ToList();
    }

    private async Task FillAsync(EditUserInput input, AppUser user, Guid actorId)
    {
        input.Offices = await form.OfficesAsync();
        input.Account = new UserAccount(user.Id, user.Email ?? "", user.IsActive, user.TwoFactorEnabled, user.CreatedAt, user.Id == actorId)
        {
            // Identity compares lock-out ends with the real clock.
            LockedUntil = user.LockoutEnd > DateTimeOffset.UtcNow ? user.LockoutEnd : null,
        };
    }
}
