using Microsoft.AspNetCore.Localization;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Infrastructure;

/// <summary>A signed-in user's saved language wins over the cookie and the browser's.</summary>
public sealed class UserLanguageCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var language = httpContext.User.FindFirst(AppClaimsPrincipalFactory.LanguageClaim)?.Value;
        return Task.FromResult(SupportedLanguages.IsSupported(language)
            ? new ProviderCultureResult(language!)
            : null);
    }
}
