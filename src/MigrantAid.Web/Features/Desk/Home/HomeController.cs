using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Infrastructure;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Desk.Home;

public sealed class HomeController(UserManager<AppUser> users, SignInManager<AppUser> signIn) : Controller
{
    /// <summary>The home page: a lawyer's or caseworker's own dashboard; a coordinator's way to the organisation's dashboard.</summary>
    [ReusePlans]
    [HttpGet("/")]
    public async Task<IActionResult> Index([FromServices] ViewHomeHandler handler, [FromServices] AppDbContext db, [FromServices] TimeProvider clock,
        [FromServices] IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var viewer = Viewer.From(User);
        var personal = await handler.PersonalAsync(viewer, cancellationToken);
        var urgent = viewer.IsCoordinator ? await UrgentClock.ReadAsync(db, null, clock.GetUtcNow(), l, cancellationToken) : null;
        return View(new HomeModel(User.DisplayName(), User.OfficeName(), User.PortalRoles(), viewer.IsCoordinator, personal, urgent));
    }

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
