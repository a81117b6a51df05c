using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Sessions;
using MigrantAid.Web.Security.TwoFactor;

namespace MigrantAid.Web.Infrastructure;

/// <summary>Who may sign in and how: server-side sessions, the second factor, Identity, cookies, antiforgery, HSTS, data protection, policies.</summary>
public static class PortalSecurityServices
{
    public static IServiceCollection AddPortalSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddServerSideSessions(configuration);
        services.AddTwoFactorRequirement();
        services.AddPortalIdentity();
        services.AddPortalCookies();
        services.AddPortalDataProtection(configuration, environment);
        services.AddAuthorization(o =>
        {
            o.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            Policies.Register(o);
        });

        return services;
    }

    private static void AddPortalIdentity(this IServiceCollection services)
    {
        services.AddIdentity<AppUser, AppRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<AppSignInManager>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddDefaultTokenProviders();
        services.AddSignInProtection();

        // Sessions end at once on sign-out, password change and disabling (server-side sessions, ADR 0011);
        // the stamp check re-reads roles and office (changed by an administrator) within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(3));
    }

    private static void AddPortalCookies(this IServiceCollection services)
    {
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "MigrantAid.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";

            // A signed-in user without the role gets 403 on the page itself (rendered by the status
            // code pages), not a redirect that a script or a test could mistake for success.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "MigrantAid.Antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.HeaderName = "X-CSRF-TOKEN";
        });

        // Cookies are Secure outside Development (Security:CookieSecurePolicy may relax it behind a TLS proxy that speaks HTTP).
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IConfiguration, IWebHostEnvironment>((o, config, env) => o.Cookie.SecurePolicy = SecurePolicy(config, env));
        services.AddOptions<AntiforgeryOptions>()
            .Configure<IConfiguration, IWebHostEnvironment>((o, config, env) => o.Cookie.SecurePolicy = SecurePolicy(config, env));

        // A year, as browsers' preload rules and security scanners expect (the default is 30 days).
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
    }

    private static CookieSecurePolicy SecurePolicy(IConfiguration configuration, IWebHostEnvironment environment) =>
        environment.IsDevelopment()
            ? CookieSecurePolicy.SameAsRequest
            : configuration.GetValue("Security:CookieSecurePolicy", CookieSecurePolicy.Always);
}
