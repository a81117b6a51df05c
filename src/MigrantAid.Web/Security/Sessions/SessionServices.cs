using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace MigrantAid.Web.Security.Sessions;

public static class SessionServices
{
    /// <summary>Server-side sessions for the Identity application cookie (ADR 0011).</summary>
    public static IServiceCollection AddServerSideSessions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMemoryCache();
        services.Configure<SessionSettings>(configuration.GetSection(SessionSettings.Section));
        services.AddSingleton<SessionCache>();
        services.AddScoped<UserSessions>();

        // PostConfigure: after Identity has set its own cookie events, which are kept and called after ours.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .PostConfigure(o => SessionCookieEvents.Attach(o.Events));
        return services;
    }
}
