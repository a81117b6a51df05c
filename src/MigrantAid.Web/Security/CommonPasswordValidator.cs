using Microsoft.AspNetCore.Identity;
using MigrantAid.Web.Domain;

namespace MigrantAid.Web.Security;

/// <summary>
/// Refuses a password that is among the most used ones, wherever a password is set (Identity runs
/// every password validator on create, change and reset). Two forms are checked, ignoring case:
/// the password itself, and the password without the digits and symbols at its end when what
/// remains is a listed password at least as long as what was removed. That second rule catches the
/// habit of appending "1!" or "123" to a common word ("Password1!", "password123456") and still
/// lets through a short word with a longer tail of its own ("Demo-2026!").
/// </summary>
public sealed class CommonPasswordValidator(CommonPasswords list) : IPasswordValidator<AppUser>
{
    public const string ErrorCode = "CommonPassword";

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(IsCommon(password ?? "")
            ? IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = ErrorCode })
            : IdentityResult.Success);

    public bool IsCommon(string password)
    {
        var lower = password.ToLowerInvariant();
        if (list.Contains(lower))
        {
            return true;
        }

        var end = lower.Length;
        while (end > 0 && !char.IsLetter(lower[end - 1]))
        {
            end--;
        }

        var stem = lower[..end];
        return stem.Length > 0 && stem.Length >= lower.Length - stem.Length && list.Contains(stem);
    }
}
