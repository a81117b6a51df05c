using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Users;

public sealed class CreateUserInput : UserFormInput
{
    [Required(ErrorMessage = "Enter an e-mail address.")]
    [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    [StringLength(256, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = "";
}

/// <summary>
/// Creates an account without a password (there is no public registration) and issues the
/// one-time link with which the new user sets one.
/// </summary>
public sealed class CreateUserHandler(
    AppDbContext db,
    UserManager<AppUser> users,
    UserFormHandler form,
    IssuePasswordLinkHandler passwordLink,
    IAuditLog audit,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l)
{
    public async Task<CreateUserInput> NewAsync() => new() { Offices = await form.OfficesAsync() };

    /// <returns>Saved with the issued link (<see cref="PasswordLinkModel"/>) as its data, or Invalid (messages are in <paramref name="errors"/>).</returns>
    public async Task<FormOutcome> HandleAsync(CreateUserInput input, string origin, FormErrors errors)
    {
        input.Email = input.Email?.Trim() ?? "";
        await form.ValidateAsync(input, errors);
        if (!errors.Has(nameof(input.Email)) && await users.FindByEmailAsync(input.Email) is not null)
        {
            errors.Add(nameof(input.Email), l["A user with this e-mail already exists."]);
        }

        if (!errors.IsValid)
        {
            input.Offices = await form.OfficesAsync();
            return FormOutcome.Invalid;
        }

        var user = new AppUser
        {
            UserName = input.Email,
            Email = input.Email,
            // The administrator vouches for the address; the portal sends no e-mail to confirm it.
            EmailConfirmed = true,
            FullName = input.FullName,
            OfficeId = input.OfficeId,
            PreferredLanguage = input.PreferredLanguage,
            CreatedAt = clock.GetUtcNow(),
        };

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            IdentityResult result;
            try
            {
                result = await users.CreateAsync(user);
                if (result.Succeeded)
                {
                    result = await users.AddToRolesAsync(user, input.Roles);
                }
            }
            catch (DbUpdateException)
            {
                // Two administrators creating the same account at once: the unique user name index stops the second.
                result = IdentityResult.Failed(new IdentityError { Code = "DuplicateEmail", Description = "DuplicateEmail" });
            }

            if (!result.Succeeded)
            {
                await transaction.RollbackAsync();
                db.ChangeTracker.Clear();
                IdentityErrors.AddTo(errors, result, l);
                input.Offices = await form.OfficesAsync();
                return FormOutcome.Invalid;
            }

            await audit.RecordAsync(AuditActions.UserCreated, "user", user.Id.ToString(),
                new { roles = input.Roles, officeId = input.OfficeId, language = input.PreferredLanguage });
            await transaction.CommitAsync();
        }

        return FormOutcome.Saved(user.Id, await passwordLink.HandleAsync(user.Id, origin, justCreated: true));
    }
}
