using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace MigrantAid.Web.Infrastructure.Failure;

/// <summary>
/// Pages for what the portal cannot do, rendered without anything that could fail the same way (no database,
/// no antiforgery, no sign-in): the 503 page while the database is away, the page asking for HTTPS.
/// </summary>
public static class FailurePages
{
    /// <summary>How long a client is asked to wait before trying again (the Retry-After header, in seconds).</summary>
    public const int RetryAfterSeconds = 5;

    public static IServiceCollection AddPortalFailurePages(this IServiceCollection services)
    {
        services.AddSingleton<PortalStartup>();
        services.AddHealthChecks().AddCheck<PortalStartupHealthCheck>("startup", tags: ["ready"]);

        // No "Server: Kestrel" header: it tells a scanner what to try, and the portal gains nothing by it.
        services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);
        return services;
    }

    /// <summary>Place after the exception handler, so that the 503 page is the answer to an outage anywhere after it.</summary>
    public static void UsePortalFailurePages(this IApplicationBuilder app)
    {
        app.UseMiddleware<PlainHttpMiddleware>();
        app.UseMiddleware<DatabaseOutageMiddleware>();
    }

    /// <summary>Health probes and the portal's own files (the pages' style sheet) are served whatever happens.</summary>
    public static bool IsExempt(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/health"))
        {
            return true;
        }

        var environment = context.RequestServices.GetRequiredService<IWebHostEnvironment>();
        return path.HasValue && path.Value.Contains('.', StringComparison.Ordinal) && environment.WebRootFileProvider.GetFileInfo(path.Value).Exists;
    }

    /// <summary>Renders a view of Features/Errors in the language of the request (cookie or browser: no sign-in is read).</summary>
    public static Task RenderAsync(HttpContext context, int statusCode, string view, object model)
    {
        var services = context.RequestServices;
        var localization = new RequestLocalizationMiddleware(
            c => RenderViewAsync(c, statusCode, view, model),
            services.GetRequiredService<IOptions<RequestLocalizationOptions>>(),
            services.GetRequiredService<ILoggerFactory>());
        return localization.Invoke(context);
    }

    private static Task RenderViewAsync(HttpContext context, int statusCode, string view, object model)
    {
        var metadata = context.RequestServices.GetRequiredService<IModelMetadataProvider>();
        var action = new ActionContext(context, context.GetRouteData(), new ActionDescriptor());
        var result = new ViewResult
        {
            ViewName = $"/Features/Errors/{view}.cshtml",
            StatusCode = statusCode,
            ViewData = new ViewDataDictionary(metadata, action.ModelState) { Model = model },
        };
        return result.ExecuteResultAsync(action);
    }
}
