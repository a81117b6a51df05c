using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Features.Shared;

namespace MigrantAid.Web.Features.Home;

public sealed class HomeController(UserManager<AppUser> users, SignInManager<AppUser> signIn) : Controller
{
    [HttpGet("/")]
    public IActionResult Index() => View(new HomeModel(User.DisplayName(), User.OfficeName(), User.PortalRoles()));

    /// <summary>Switches the language: remembered by cookie, and on the user's account when signed in.</summary>
    [AllowAnonymous]
    [HttpPost("/language")]
    public async Task<IActionResult> SetLanguage(string culture, string? returnUrl)
    {
        if (!SupportedLanguages.IsSupported(culture))
        {
            culture = SupportedLanguages.English;
        }

        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = Request.IsHttps,
            });

        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } user && user.PreferredLanguage != culture)
        {
            user.PreferredLanguage = culture;
            await users.UpdateAsync(user);
            await signIn.RefreshSignInAsync(user);
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}

public sealed record HomeModel(string Name, string? Office, IReadOnlyList<string> Roles);
