using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;
using MigrantAid.Web.Security.Sessions;

namespace MigrantAid.Web.Features.Profile;

public sealed class ChangePasswordInput
{
    [Required(ErrorMessage = "Enter your current password.")]
    [StringLength(256, ErrorMessage = "{0} must be at most {1} characters.")]
    [DataType(DataType.Password)]
    [Display(Name = "Current password")]
    public string CurrentPassword { get; set; } = "";

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
/// Changes the user's own password and ends every session of the user at once, this one included, so
/// no copy of any cookie issued before keeps working; this browser is signed in again on a new session.
/// </summary>
public sealed class ChangePasswordHandler(
    UserManager<AppUser> users, SignInManager<AppUser> signIn, UserSessions sessions, IAuditLog audit, IStringLocalizer<SharedResource> l)
{
    public async Task<FormOutcome> HandleAsync(Viewer viewer, ChangePasswordInput input, FormErrors errors)
    {
        if (!errors.IsValid)
        {
            return FormOutcome.Invalid;
        }

        var user = await users.OwnAccountAsync(viewer);
        if (user is null)
        {
            return Refused(errors, IdentityResult.Failed(new IdentityError { Code = "DefaultError", Description = "DefaultError" }));
        }

        var result = await users.ChangePasswordAsync(user, input.CurrentPassword, input.NewPassword);
        if (!result.Succeeded)
        {
            return Refused(errors, result);
        }

        await sessions.EndAllAsync(user.Id, SessionEndReasons.PasswordChanged);
        sessions.StartNewOnNextSignIn();
        await signIn.RefreshSignInAsync(user);
        await audit.RecordAsync(AuditActions.PasswordChanged, "user", user.Id.ToString());
        return FormOutcome.Saved(user.Id);
    }

    /// <summary>A wrong current password is reported at that field; password-rule failures at the new one.</summary>
    private FormOutcome Refused(FormErrors errors, IdentityResult result)
    {
        if (result.Errors.Any(e => e.Code == "PasswordMismatch"))
        {
            errors.Add(nameof(ChangePasswordInput.CurrentPassword), l["The current password is not correct."]);
        }

        var others = result.Errors.Where(e => e.Code != "PasswordMismatch").ToArray();
        if (others.Length > 0)
        {
            IdentityErrors.AddTo(errors, IdentityResult.Failed(others), l, nameof(ChangePasswordInput.NewPassword));
        }

        return FormOutcome.Invalid;
    }
}
