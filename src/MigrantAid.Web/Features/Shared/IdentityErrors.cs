using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Features.Shared.Forms;

namespace MigrantAid.Web.Features.Shared;

/// <summary>Turns Identity's error codes into localized messages at the field they concern (the one mapping every form uses).</summary>
public static class IdentityErrors
{
    /// <summary>The Identity error codes we show; each has the resource key "Identity.{Code}".</summary>
    public static readonly IReadOnlyList<string> KnownCodes =
    [
        "PasswordTooShort", "PasswordRequiresNonAlphanumeric", "PasswordRequiresDigit", "PasswordRequiresLower",
        "PasswordRequiresUpper", "PasswordRequiresUniqueChars", "PasswordMismatch", "InvalidToken", "DuplicateEmail",
        "DuplicateUserName", "InvalidEmail", "InvalidUserName", "ConcurrencyFailure", "DefaultError",
        "CommonPassword",
    ];

    public static void AddTo(FormErrors errors, IdentityResult result, IStringLocalizer localizer, string passwordField = "")
    {
        // A field shows its first message: that the password is a common one comes before the
        // character rules, which the user could satisfy without choosing a better password.
        foreach (var error in result.Errors.OrderBy(e => e.Code == "CommonPassword" ? 0 : 1))
        {
            var code = KnownCodes.Contains(error.Code) ? error.Code : "DefaultError";
            var field = (code.StartsWith("Password", StringComparison.Ordinal) && code != "PasswordMismatch") || code == "CommonPassword" ? passwordField
                : code is "DuplicateEmail" or "DuplicateUserName" or "InvalidEmail" or "InvalidUserName" ? "Email"
                : "";
            errors.Add(field, localizer["Identity." + code]);
        }
    }
}
