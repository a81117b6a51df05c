using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Features.Shared.Forms;
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

/// <summary>
/// Turns two-step verification on once the user proves the app holds the key, and issues the
/// recovery codes. They are shown on the response to this POST only; no page displays them again.
/// </summary>
public sealed class EnableAuthenticatorHandler(UserManager<AppUser> users, SignInManager<AppUser> signIn, IAuditLog audit, IStringLocalizer<SharedResource> l)
{
    public const int RecoveryCodeCount = 10;

    /// <summary>Saved with the new recovery codes (<see cref="FormOutcome.Data"/>: a list of strings), Unchanged when it was on already, or Invalid.</summary>
    public async Task<FormOutcome> HandleAsync(Viewer viewer, EnableAuthenticatorInput input, FormErrors errors)
    {
        if (!errors.IsValid)
        {
            return FormOutcome.Invalid;
        }

        var user = await users.OwnAccountAsync(viewer);
        if (user is null)
        {
            return WrongCode(input, errors);
        }

        if (user.TwoFactorEnabled)
        {
            return FormOutcome.Unchanged;
        }

        var code = input.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            return WrongCode(input, errors);
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await audit.RecordAsync(AuditActions.TwoFactorEnabled, "user", user.Id.ToString(), new { method = "authenticator" });
        // Enabling renews the security stamp: other sessions end, this one is re-issued.
        await signIn.RefreshSignInAsync(user);
        return FormOutcome.Saved(data: (IReadOnlyList<string>)codes);
    }

    private FormOutcome WrongCode(EnableAuthenticatorInput input, FormErrors errors)
    {
        errors.Add(nameof(input.Code), l["The code is not correct. Check that the time on your phone is right and enter the code the app shows now."]);
        return FormOutcome.Invalid;
    }
}
