using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace MigrantAid.Web.Security;

/// <summary>The account an attempt names: the e-mail typed at sign-in, or the user id of a second-factor step or password link.</summary>
public sealed record ThrottledAccount(string? NormalizedEmail, Guid? UserId)
{
    public string Key => UserId is { } id ? "user:" + id : "email:" + NormalizedEmail;

    /// <summary>
    /// Reads the account from the request before model binding. The form is read asynchronously
    /// here; ASP.NET Core keeps it on the request, so model binding later reuses it rather than
    /// reading the body twice. A form that cannot be read names no account (binding then refuses it).
    /// </summary>
    public static async Task<ThrottledAccount?> ReadAsync(ThrottledDoor door, HttpContext http)
    {
        switch (door)
        {
            case ThrottledDoor.SignIn:
                var email = (await FormValueAsync(http, "Email"))?.Trim();
                return string.IsNullOrEmpty(email)
                    ? null
                    : new ThrottledAccount(http.RequestServices.GetRequiredService<ILookupNormalizer>().NormalizeEmail(email), null);
            case ThrottledDoor.SecondFactor:
                // The user who passed the password step, from Identity's short-lived two-factor cookie.
                var pending = await http.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
                return UserIdAccount(pending.Principal?.FindFirstValue(ClaimTypes.Name));
            case ThrottledDoor.PasswordLink:
                var userId = http.Request.Query["userId"].FirstOrDefault() ?? await FormValueAsync(http, "UserId");
                return UserIdAccount(userId);
            default:
                return null;
        }
    }

    private static ThrottledAccount? UserIdAccount(string? value) =>
        Guid.TryParse(value, out var id) && id != Guid.Empty ? new ThrottledAccount(null, id) : null;

    private static async Task<string?> FormValueAsync(HttpContext http, string field)
    {
        if (!http.Request.HasFormContentType)
        {
            return null;
        }

        try
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            return form[field].FirstOrDefault();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
