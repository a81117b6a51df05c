using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security.Audit;
using MigrantAid.Web.Security.Sessions;

namespace MigrantAid.Web.Features.Account;

public sealed class ResetPasswordInput
{
    [Required]
    public Guid UserId { get; set; }

    [Required]
    public string Token { get; set; } = "";

    [Required(ErrorMessage = "Enter a new password.")]
    [StringLength(128, MinimumLength = 10, ErrorMessage = "{0} must be between {2} and {1} characters.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string NewPassword { get; set; } = "";

    [Required(ErrorMessage = "Repeat the new password.")]
    [Compare(nameof(NewPassword), ErrorMessage = "The two passwords do not match.")]
    [DataType(DataType.Password)]
    [Display(Name = "Repeat new password")]
    public string ConfirmPassword { get; set; } = "";
}

/// <summary>
/// Sets a new password from the one-time link an administrator issued. The token is bound to
/// the user's security stamp, which changes on use, so a link works once. Every open session of
/// the user ends at once: whoever held the old password is signed out.
/// </summary>
public sealed class ResetPasswordHandler(UserManager<AppUser> users, UserSessions sessions, IAuditLog audit, IStringLocalizer<SharedResource> l)
{
    public async Task<FormOutcome> HandleAsync(ResetPasswordInput input, FormErrors errors)
    {
        if (!errors.IsValid)
        {
            return FormOutcome.Invalid;
        }

        var user = await users.FindByIdAsync(input.UserId.ToString());
        if (user is null || !user.IsActive)
        {
            return Refused(IdentityResult.Failed(new IdentityError { Code = "InvalidToken", Description = "InvalidToken" }), errors);
        }

        var result = await users.ResetPasswordAsync(user, input.Token, input.NewPassword);
        if (!result.Succeeded)
        {
            return Refused(result, errors);
        }

        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await sessions.EndAllAsync(user.Id, SessionEndReasons.PasswordReset);
        await audit.RecordAsync(AuditActions.PasswordReset, "user", user.Id.ToString(), actorId: user.Id, actorEmail: user.Email);
        return FormOutcome.Saved(user.Id);
    }

    private FormOutcome Refused(IdentityResult result, FormErrors errors)
    {
        IdentityErrors.AddTo(errors, result, l, nameof(ResetPasswordInput.NewPassword));
        return FormOutcome.Invalid;
    }
}
