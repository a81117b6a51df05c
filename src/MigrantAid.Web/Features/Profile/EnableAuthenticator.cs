using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Profile;

public sealed class EnableAuthenticatorInput
{
    [Required(ErrorMessage = "Enter the code from your authenticator app.")]
    [StringLength(16, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Code")]
    public string Code { get; set; } = "";
}

public enum EnableAuthenticatorOutcome
{
    Enabled,
    AlreadyEnabled,
    WrongCode,
}

public sealed record EnableAuthenticatorResult(EnableAuthenticatorOutcome Outcome, IReadOnlyList<string> RecoveryCodes);

/// <summary>
/// Turns two-step verification on once the user proves the app holds the key, and issues the
/// recovery codes. They are shown on the response to this POST only; no page displays them again.
/// </summary>
public sealed class EnableAuthenticatorHandler(UserManager<AppUser> users, SignInManager<AppUser> signIn, IAuditLog audit)
{
    public const int RecoveryCodeCount = 10;

    public async Task<EnableAuthenticatorResult> HandleAsync(Viewer viewer, EnableAuthenticatorInput input)
    {
        var user = await users.OwnAccountAsync(viewer);
        if (user is null)
        {
            return new(EnableAuthenticatorOutcome.WrongCode, []);
        }

        if (user.TwoFactorEnabled)
        {
            return new(EnableAuthenticatorOutcome.AlreadyEnabled, []);
        }

        var code = input.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            return new(EnableAuthenticatorOutcome.WrongCode, []);
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await audit.RecordAsync(AuditActions.TwoFactorEnabled, "user", user.Id.ToString(), new { method = "authenticator" });
        // Enabling renews the security stamp: other sessions end, this one is re-issued.
        await signIn.RefreshSignInAsync(user);
        return new(EnableAuthenticatorOutcome.Enabled, codes);
    }
}
