using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Security;

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
public sealed class LoginHandler(SignInManager<AppUser> signIn, UserManager<AppUser> users, IAuditLog audit)
{
    public async Task<LoginOutcome> HandleAsync(LoginInput input)
    {
        var user = await users.FindByEmailAsync(input.Email.Trim());
        if (user is null)
        {
            await audit.RecordAsync(AuditActions.SignInFailed, actorEmail: input.Email.Trim(), details: new { reason = "unknown-user" });
            return LoginOutcome.Failed;
        }

        var result = await signIn.PasswordSignInAsync(user, input.Password, isPersistent: false, lockoutOnFailure: true);
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
