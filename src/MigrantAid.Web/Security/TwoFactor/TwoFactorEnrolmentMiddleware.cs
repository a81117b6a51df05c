using Microsoft.AspNetCore.Identity;
using MigrantAid.Web.Domain;

namespace MigrantAid.Web.Security.TwoFactor;

/// <summary>
/// Keeps a user who must use a second factor (TwoFactorPolicy) on the enrolment pages until they have
/// enrolled: a page is redirected to /profile/authenticator, any other method is refused with 403.
/// Sign-out, the language switch, error pages and health stay open; static files are served earlier.
/// </summary>
public sealed class TwoFactorEnrolmentMiddleware(RequestDelegate next, TwoFactorPolicy policy)
{
    public const string EnrolmentPath = "/profile/authenticator";

    private static readonly string[] OpenPaths = [EnrolmentPath, "/account", "/language", "/error", "/health"];

    public async Task InvokeAsync(HttpContext context)
    {
        if (!policy.IsRequiredFor(context.User) || TwoFactorPolicy.HasEnrolled(context.User) || IsOpen(context.Request.Path)
            || await EnrolledSinceSignInAsync(context))
        {
            await next(context);
            return;
        }

        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.Redirect(EnrolmentPath);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
    }

    private static bool IsOpen(PathString path) =>
        OpenPaths.Any(open => path.StartsWithSegments(open, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A cookie issued before the claim existed, or before enrolment on another device: the database
    /// decides, and the cookie is re-issued with the claim so this is read once.
    /// </summary>
    private static async Task<bool> EnrolledSinceSignInAsync(HttpContext context)
    {
        var users = context.RequestServices.GetRequiredService<UserManager<AppUser>>();
        if (await users.GetUserAsync(context.User) is not { TwoFactorEnabled: true } user)
        {
            return false;
        }

        await context.RequestServices.GetRequiredService<SignInManager<AppUser>>().RefreshSignInAsync(user);
        return true;
    }
}
