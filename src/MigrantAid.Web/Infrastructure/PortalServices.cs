using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MigrantAid.Web.Data;
using MigrantAid.Web.Data.Demo;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Features;
using MigrantAid.Web.Features.Desk.Notifications;
using MigrantAid.Web.Features.Exports;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Infrastructure.Failure;
using MigrantAid.Web.Infrastructure.Input;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;
using MigrantAid.Web.Security.Sessions;
using MigrantAid.Web.Security.TwoFactor;

namespace MigrantAid.Web.Infrastructure;

/// <summary>Service registration of the portal, kept out of Program.cs so it reads as the composition root.</summary>
public static class PortalServices
{
    public static void AddPortal(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();

        // The connection string is read when first needed, so hosts (tests, commands) can supply it late.
        services.AddDbContext<AppDbContext>((sp, o) => o.UseNpgsql(ConnectionString(sp)));
        services.AddSingleton(sp => DatabaseConnections.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp => sp.GetRequiredService<DatabaseConnections>().Runner(sp.GetRequiredService<ILogger<MigrationRunner>>()));
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<IDeadlineTriggers, DeadlineTriggers>();
        services.AddAccessRules();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<AdminBootstrapper>();
        services.AddPortalFeatures();
        services.AddNotifications();
        services.AddOrganisationExport();
        services.AddServerSideSessions(builder.Configuration);
        services.AddTwoFactorRequirement();

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

        services.AddPortalDataProtection(builder.Configuration, builder.Environment);

        services.AddAuthorization(o =>
        {
            o.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            Policies.Register(o);
        });

        // Names are written in Cyrillic and other scripts: emit them as characters, not &#x...; entities.
        // HTML-significant characters are still encoded.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = SupportedLanguages.All.Select(PortalCulture).ToList();
            o.DefaultRequestCulture = new RequestCulture(SupportedLanguages.English);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.RequestCultureProviders =
            [
                new UserLanguageCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });

        services.AddControllersWithViews(o =>
            {
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                o.AddControlCharacterRule();
                o.AddViewerBinding();
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o =>
                o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddSingleton<IConfigureOptions<MvcOptions>, LocalizedBindingMessages>();
        Features.Shared.DateInputBinding.AddPortalDateInput(services);
        services.AddFeatureViewLocations();

        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database", tags: ["ready"])
            .AddCheck<MigrationsAppliedHealthCheck>("migrations", tags: ["ready"]);
        services.AddPortalFailurePages();

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
        });
    }

    /// <summary>
    /// The culture of a portal language. English uses British day-month-year dates and a 24-hour
    /// clock, as the organisations' staff in the region expect, rather than the US defaults of "en".
    /// </summary>
    private static CultureInfo PortalCulture(string language)
    {
        var culture = new CultureInfo(language);
        if (language == SupportedLanguages.English)
        {
            var british = CultureInfo.GetCultureInfo("en-GB");
            culture.DateTimeFormat = (DateTimeFormatInfo)british.DateTimeFormat.Clone();
            culture.NumberFormat = (NumberFormatInfo)british.NumberFormat.Clone();
        }

        return culture;
    }

    private static string ConnectionString(IServiceProvider services) =>
        services.GetRequiredService<IConfiguration>().GetConnectionString("Default")
        ?? throw new InvalidOperationException("No database configured: set ConnectionStrings__Default (see README, Configuration).");

    private static CookieSecurePolicy SecurePolicy(IConfiguration configuration, IWebHostEnvironment environment) =>
        environment.IsDevelopment()
            ? CookieSecurePolicy.SameAsRequest
            : configuration.GetValue("Security:CookieSecurePolicy", CookieSecurePolicy.Always);

    /// <summary>Model-binding messages ("the value is not valid") in the user's language.</summary>
    private sealed class LocalizedBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
    {
        public void Configure(MvcOptions options)
        {
            var l = factory.Create(typeof(SharedResource));
            var m = options.ModelBindingMessageProvider;
            m.SetAttemptedValueIsInvalidAccessor((value, field) => l["The value '{0}' is not valid for {1}.", value, field]);
            m.SetMissingBindRequiredValueAccessor(field => l["A value for the '{0}' parameter or property was not provided.", field]);
            m.SetMissingKeyOrValueAccessor(() => l["A value is required."]);
            m.SetMissingRequestBodyRequiredValueAccessor(() => l["A non-empty request body is required."]);
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => l["The value '{0}' is not valid.", value]);
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["The supplied value is invalid."]);
            m.SetNonPropertyValueMustBeANumberAccessor(() => l["The field must be a number."]);
            m.SetUnknownValueIsInvalidAccessor(field => l["The supplied value is invalid for {0}.", field]);
            m.SetValueIsInvalidAccessor(value => l["The value '{0}' is invalid.", value]);
            m.SetValueMustBeANumberAccessor(field => l["The field {0} must be a number.", field]);
            m.SetValueMustNotBeNullAccessor(value => l["The value '{0}' is invalid.", value]);
        }
    }
}
