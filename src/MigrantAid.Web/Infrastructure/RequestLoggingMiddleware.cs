using System.Diagnostics;

namespace MigrantAid.Web.Infrastructure;

/// <summary>
/// One log line per request: method, route template (never the raw path or query, which can
/// carry personal data), status, duration and correlation id.
/// </summary>
public sealed partial class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var start = Stopwatch.GetTimestamp();
        var seen = new RouteSeen();
        context.Features.Set(seen);
        var failed = false;
        try
        {
            await next(context);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            var route = seen.Route
                ?? (context.Request.Path.StartsWithSegments("/lib") || context.Request.Path.StartsWithSegments("/css") || context.Request.Path.StartsWithSegments("/js")
                    ? "(static)"
                    : "(no route)");
            var status = failed ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
            LogRequest(logger, context.Request.Method, route, status, Stopwatch.GetElapsedTime(start).TotalMilliseconds, context.TraceIdentifier);
        }
    }

    /// <summary>
    /// Placed right after UseRouting: notes the route the request matched the first time it was routed.
    /// Error pages re-execute the pipeline with their own endpoint, and the log line should name the
    /// route that failed (or "(no route)" for a 404), not "error/{code:int}".
    /// </summary>
    public static Task NoteRouteAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Features.Get<RouteSeen>() is { Route: null } seen)
        {
            seen.Route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
        }

        return next(context);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP {Method} {Route} responded {StatusCode} in {ElapsedMs:0.0} ms ({CorrelationId})")]
    private static partial void LogRequest(ILogger logger, string method, string route, int statusCode, double elapsedMs, string correlationId);

    private sealed class RouteSeen
    {
        public string? Route { get; set; }
    }
}
