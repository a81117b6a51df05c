using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using MigrantAid.Web.Domain;
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
public sealed class DisableAuthenticatorHandler(UserManager<AppUser> users, SignInManager<AppUser> signIn, IAuditLog audit)
{
    /// <returns>False when the password is wrong.</returns>
    public async Task<bool> HandleAsync(ClaimsPrincipal principal, DisableAuthenticatorInput input)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null || !await users.CheckPasswordAsync(user, input.Password))
        {
            return false;
        }

        if (!user.TwoFactorEnabled)
        {
            return true;
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await audit.RecordAsync(AuditActions.TwoFactorDisabled, "user", user.Id.ToString(), new { method = "authenticator" });
        await signIn.RefreshSignInAsync(user);
        return true;
    }
}
