using Serilog;
using Serilog.Events;

namespace MigrantAid.Web.Infrastructure;

/// <summary>
/// One log line per request through Serilog's request logging: method, route template (never the raw
/// path or query, which can carry a feed's secret address or a client's name), status, duration and
/// correlation id.
/// </summary>
public static class RequestLogging
{
    /// <summary>The category (SourceContext) of the request lines.</summary>
    public const string Category = "Serilog.AspNetCore.RequestLoggingMiddleware";

    // ":l" writes the strings as they are, without the quotes Serilog puts around string values.
    public const string MessageTemplate = "HTTP {Method:l} {Route:l} responded {StatusCode} in {ElapsedMs:0.0} ms ({CorrelationId:l})";

    public static void UsePortalRequestLogging(this WebApplication app) =>
        app.UseSerilogRequestLogging(o =>
        {
            // The host's own logger, not the static one (which stays the bootstrap logger).
            o.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            o.MessageTemplate = MessageTemplate;
            o.IncludeQueryInRequestPath = false;
            o.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                diagnostics.Set("Route", RouteOf(context));
                diagnostics.Set("CorrelationId", context.TraceIdentifier);
            };
            o.GetMessageTemplateProperties = (context, _, elapsedMs, statusCode) =>
            [
                new LogEventProperty("Method", new ScalarValue(context.Request.Method)),
                new LogEventProperty("StatusCode", new ScalarValue(statusCode)),
                new LogEventProperty("ElapsedMs", new ScalarValue(elapsedMs)),
            ];
        });

    /// <summary>
    /// Placed right after UseRouting: notes the route the request matched the first time it was routed.
    /// Error pages re-execute the pipeline with their own endpoint, and the log line should name the
    /// route that failed (or "(no route)" for a 404), not "error/{code:int}".
    /// </summary>
    public static Task NoteRouteAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Features.Get<RouteSeen>() is null)
        {
            context.Features.Set(new RouteSeen((context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)"));
        }

        return next(context);
    }

    private static string RouteOf(HttpContext context) =>
        context.Features.Get<RouteSeen>()?.Route
        ?? (context.Request.Path.StartsWithSegments("/lib") || context.Request.Path.StartsWithSegments("/css") || context.Request.Path.StartsWithSegments("/js")
            ? "(static)"
            : "(no route)");

    private sealed record RouteSeen(string Route);
}
