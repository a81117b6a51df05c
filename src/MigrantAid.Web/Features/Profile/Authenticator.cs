using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Identity;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Profile;

/// <summary>
/// The authenticator page: enrolment (key, QR code, code field) while two-step verification is off;
/// recovery codes and turning it off while it is on. Code and Password are the forms' fields.
/// </summary>
public sealed class AuthenticatorPage
{
    public bool Enabled { get; init; }

    /// <summary>The shared key in groups of four, shown only while enrolling.</summary>
    public string? SharedKey { get; init; }

    public int RecoveryCodesLeft { get; init; }

    [Display(Name = "Code")]
    public string Code { get; set; } = "";

    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = "";
}

/// <summary>
/// Shows the authenticator page. A user who has no key yet is given one here (as ASP.NET Core
/// Identity's own pages do): only then, so reloading the page does not change the key being scanned.
/// </summary>
public sealed class ShowAuthenticatorHandler(UserManager<AppUser> users, SignInManager<AppUser> signIn)
{
    public async Task<AuthenticatorPage?> HandleAsync(Viewer viewer)
    {
        var user = await users.OwnAccountAsync(viewer);
        if (user is null)
        {
            return null;
        }

        if (user.TwoFactorEnabled)
        {
            return new AuthenticatorPage { Enabled = true, RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user) };
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // Resetting the key renews the security stamp; re-issue this session's cookie to match.
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        return new AuthenticatorPage { Enabled = false, SharedKey = AuthenticatorKey.Format(key ?? "") };
    }
}

public static class AuthenticatorKey
{
    public const string Issuer = "MigrantAid";

    /// <summary>"abcd efgh ijkl ...": easier to type into a phone than one long run of letters.</summary>
    public static string Format(string key)
    {
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0)
            {
                result.Append(' ');
            }

            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return result.ToString().ToLowerInvariant();
    }

    /// <summary>The Key URI that authenticator apps read from the QR code.</summary>
    public static string Uri(string email, string key) =>
        $"otpauth://totp/{Issuer}:{System.Uri.EscapeDataString(email)}?secret={key}&issuer={Issuer}&digits=6";
}
