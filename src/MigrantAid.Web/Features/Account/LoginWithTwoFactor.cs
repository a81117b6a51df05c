using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Account;

public sealed class TwoFactorInput
{
    [Required(ErrorMessage = "Enter the code.")]
    [StringLength(32, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Code")]
    public string Code { get; set; } = "";

    /// <summary>True when the code is one of the recovery codes rather than from the app.</summary>
    public bool IsRecoveryCode { get; set; }

    public string? ReturnUrl { get; set; }
}

/// <summary>The second step of sign-in for users who enrolled an authenticator app.</summary>
public sealed class LoginWithTwoFactorHandler(SignInManager<AppUser> signIn, IAuditLog audit)
{
    public async Task<bool> HasPendingUserAsync() => await signIn.GetTwoFactorAuthenticationUserAsync() is not null;

    public async Task<LoginOutcome> HandleAsync(TwoFactorInput input)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return LoginOutcome.Failed;
        }

        var code = input.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = input.IsRecoveryCode
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(input.Code.Replace(" ", "", StringComparison.Ordinal))
            : await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);

        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditActions.SignInSucceeded, "user", user.Id.ToString(), actorId: user.Id, actorEmail: user.Email,
                details: new { factor = input.IsRecoveryCode ? "recovery-code" : "authenticator" });
            return LoginOutcome.SignedIn;
        }

        if (result.IsLockedOut)
        {
            await audit.RecordAsync(AuditActions.LockedOut, "user", user.Id.ToString(), actorId: user.Id, actorEmail: user.Email);
            return LoginOutcome.LockedOut;
        }

        await audit.RecordAsync(AuditActions.SignInFailed, "user", user.Id.ToString(), actorId: user.Id, actorEmail: user.Email,
            details: new { reason = "wrong-second-factor" });
        return LoginOutcome.Failed;
    }
}
