using System.Globalization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Infrastructure.Failure;
using MigrantAid.Web.Infrastructure.Input;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Infrastructure;

/// <summary>The web layer: languages and cultures, MVC with its filters and binding, health checks, failure pages, proxies.</summary>
public static class PortalWebServices
{
    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        // Names are written in Cyrillic and other scripts: emit them as characters, not &#x...; entities.
        // HTML-significant characters are still encoded.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = SupportedLanguages.All.Select(PortalCulture).ToList();
            var english = cultures.First(c => c.Name == SupportedLanguages.English);
            o.DefaultRequestCulture = new RequestCulture(english, english);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.RequestCultureProviders =
            [
                new UserLanguageCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    public static IServiceCollection AddPortalMvc(this IServiceCollection services)
    {
        services.AddControllersWithViews(o =>
            {
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                o.AddControlCharacterRule();
                o.AddViewerBinding();
                o.Filters.Add<SealedReasonFilter>();
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
        return services;
    }

    /// <summary>
    /// The culture of a portal language. English uses British day-month-year dates and a 24-hour
    /// clock, as the organisations' staff in the region expect, rather than the US defaults of "en".
    /// Read-only, with its formats made once: request localization gives each request
    /// <c>CultureInfo.ReadOnly</c> of the supported culture, which is the culture itself when it is
    /// read-only, and otherwise a copy that reads its number and date formats from ICU again on every
    /// request that shows a number or a date (measured in a CPU profile of the case list).
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

        _ = culture.NumberFormat;
        _ = culture.DateTimeFormat;
        _ = culture.TextInfo;
        _ = culture.CompareInfo;
        return CultureInfo.ReadOnly(culture);
    }

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
