using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Account;

public sealed class LoginInput
{
    [Required(ErrorMessage = "Enter your e-mail.")]
    [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    [StringLength(256, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    [StringLength(256, ErrorMessage = "{0} must be at most {1} characters.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

public enum LoginOutcome
{
    SignedIn,
    NeedsTwoFactor,
    LockedOut,
    Failed,
}

/// <summary>Password sign-in with lockout; every outcome is audited (the password never is).</summary>
/// <remarks>
/// Wrong passwords do not count towards Identity's lock-out here: that counter never decays, so one
/// outsider could lock any colleague whose e-mail they know. The throttle (per address, per account)
/// limits guessing, and locks the account only when several addresses go over the account's limit
/// (AttackLockout). An unknown e-mail costs the same hash work as a wrong password.
/// </remarks>
public sealed class LoginHandler(SignInManager<AppUser> signIn, UserManager<AppUser> users, IAuditLog audit, EqualWorkPasswordCheck equalWork)
{
    public async Task<LoginOutcome> HandleAsync(LoginInput input)
    {
        var user = await users.FindByEmailAsync(input.Email.Trim());
        if (user is null)
        {
            equalWork.Spend(input.Password);
            await audit.RecordAsync(AuditActions.SignInFailed, actorEmail: input.Email.Trim(), details: new { reason = "unknown-user" });
            return LoginOutcome.Failed;
        }

        var result = await signIn.PasswordSignInAsync(user, input.Password, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditActions.SignInSucceeded, "user", user.Id.ToString(), actorId: user.Id, actorEmail: user.Email);
            return LoginOutcome.SignedIn;
        }

        if (result.RequiresTwoFactor)
        {
            return LoginOutcome.NeedsTwoFactor;
        }

        if (result.IsLockedOut)
        {
            await audit.RecordAsync(AuditActions.LockedOut, "user", user.Id.ToString(), actorId: user.Id, actorEmail: user.Email);
            return LoginOutcome.LockedOut;
        }

        var reason = user.IsActive ? "wrong-password" : "disabled";
        await audit.RecordAsync(AuditActions.SignInFailed, "user", user.Id.ToString(), actorId: user.Id, actorEmail: user.Email, details: new { reason });
        return LoginOutcome.Failed;
    }
}
