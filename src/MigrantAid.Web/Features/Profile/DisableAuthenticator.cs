using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Profile;

public sealed class DisableAuthenticatorInput
{
    [Required(ErrorMessage = "Enter your password.")]
    [StringLength(256, ErrorMessage = "{0} must be at most {1} characters.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = "";
}

/// <summary>
/// Turns two-step verification off after the password is confirmed (a session left open on a
/// shared computer must not be enough), and discards the key so that a later enrolment starts afresh.
/// </summary>
public sealed class DisableAuthenticatorHandler(
    UserManager<AppUser> users, SignInManager<AppUser> signIn, IAuditLog audit, IStringLocalizer<SharedResource> l)
{
    /// <returns>Invalid when the password is wrong (the message is at the field), else Saved.</returns>
    public async Task<FormOutcome> HandleAsync(Viewer viewer, DisableAuthenticatorInput input, FormErrors errors)
    {
        if (!errors.IsValid)
        {
            return FormOutcome.Invalid;
        }

        var user = await users.OwnAccountAsync(viewer);
        if (user is null || !await users.CheckPasswordAsync(user, input.Password))
        {
            errors.Add(nameof(input.Password), l["The password is not correct."]);
            return FormOutcome.Invalid;
        }

        if (!user.TwoFactorEnabled)
        {
            return FormOutcome.Saved(user.Id);
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await audit.RecordAsync(AuditActions.TwoFactorDisabled, "user", user.Id.ToString(), new { method = "authenticator" });
        await signIn.RefreshSignInAsync(user);
        return FormOutcome.Saved(user.Id);
    }
}
