using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;
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
    public async Task<EditUserInput?> LoadAsync(Guid id, Viewer viewer)
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
        await FillAsync(input, user, viewer);
        return input;
    }

    public async Task<FormOutcome> HandleAsync(Guid id, EditUserInput input, Viewer viewer, FormErrors errors)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return FormOutcome.NotFound;
        }

        var oldRoles = await RolesOfAsync(user);
        if (await RefusedAsync(input, user, oldRoles, viewer, errors) is { } refused)
        {
            return refused;
        }

        var newRoles = Roles.All.Where(input.Roles.Contains).ToList();
        var result = await SaveAsync(user, input, oldRoles, newRoles);
        if (!result.Succeeded)
        {
            IdentityErrors.AddTo(errors, result, l);
            // The form takes the stamp stored now, so that saving again is possible.
            var current = await users.FindByIdAsync(id.ToString());
            input.ConcurrencyStamp = current?.ConcurrencyStamp;
            await FillAsync(input, current ?? user, viewer);
            return FormOutcome.Invalid;
        }

        if (!oldRoles.SequenceEqual(newRoles) && user.Id == viewer.UserId)
        {
            // The administrator's own cookie gets the new stamp and roles instead of being thrown out.
            await signIn.RefreshSignInAsync(user);
        }

        return FormOutcome.Saved(user.Id);
    }

    /// <summary>The answer when the input cannot be saved (the form's rules, one's own Admin role, someone else's change), else null.</summary>
    private async Task<FormOutcome?> RefusedAsync(EditUserInput input, AppUser user, List<string> oldRoles, Viewer viewer, FormErrors errors)
    {
        await form.ValidateAsync(input, errors);
        if (user.Id == viewer.UserId && oldRoles.Contains(Roles.Admin) && !input.Roles.Contains(Roles.Admin))
        {
            errors.Add(nameof(input.Roles), l["You cannot remove the Admin role from yourself."]);
        }

        if (errors.IsValid && string.Equals(input.ConcurrencyStamp, user.ConcurrencyStamp, StringComparison.Ordinal))
        {
            return null;
        }

        await FillAsync(input, user, viewer);
        if (!errors.IsValid)
        {
            return FormOutcome.Invalid;
        }

        // What was typed stays on the form; saving again (with the new stamp) overwrites the other change.
        input.ConcurrencyStamp = user.ConcurrencyStamp;
        return FormOutcome.Conflict(l["Someone else changed this user while you were editing. Check the values and save again."], nameof(input.ConcurrencyStamp));
    }

    /// <summary>Writes the change and its audit rows in one transaction; on a refusal nothing is kept.</summary>
    private async Task<IdentityResult> SaveAsync(AppUser user, EditUserInput input, List<string> oldRoles, List<string> newRoles)
    {
        var changes = Changes(user, input);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await UpdateAsync(user, input, oldRoles, newRoles);
        if (!result.Succeeded)
        {
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
            return result;
        }

        foreach (var (field, old, @new) in changes)
        {
            await audit.RecordAsync(AuditActions.UserUpdated, "user", user.Id.ToString(), new { field, old, @new });
        }

        if (!oldRoles.SequenceEqual(newRoles))
        {
            await audit.RecordAsync(AuditActions.UserRolesChanged, "user", user.Id.ToString(), new { old = oldRoles, @new = newRoles });
        }

        await transaction.CommitAsync();
        return result;
    }

    private async Task<IdentityResult> UpdateAsync(AppUser user, EditUserInput input, List<string> oldRoles, List<string> newRoles)
    {
        var rolesChanged = !oldRoles.SequenceEqual(newRoles);
        // Roles and office decide what a user may see (the office's cases): a change ends their other sessions' old claims.
        var accessChanged = rolesChanged || user.OfficeId != input.OfficeId;
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

        return result;
    }

    private static List<(string Field, string? Old, string? New)> Changes(AppUser user, EditUserInput input)
    {
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
        return changes;
    }

    private async Task<List<string>> RolesOfAsync(AppUser user)
    {
        var roles = await users.GetRolesAsync(user);
        return Roles.All.Where(roles.Contains).ToList();
    }

    private async Task FillAsync(EditUserInput input, AppUser user, Viewer viewer)
    {
        input.Offices = await form.OfficesAsync();
        input.Account = new UserAccount(user.Id, user.Email ?? "", user.IsActive, user.TwoFactorEnabled, user.CreatedAt, user.Id == viewer.UserId)
        {
            // Identity compares lock-out ends with the real clock.
            LockedUntil = user.LockoutEnd > DateTimeOffset.UtcNow ? user.LockoutEnd : null,
        };
    }
}
