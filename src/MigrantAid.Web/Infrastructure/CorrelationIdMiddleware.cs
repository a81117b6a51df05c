using System.Text.RegularExpressions;
using Serilog.Context;

namespace MigrantAid.Web.Infrastructure;

/// <summary>
/// Gives each request a correlation id (taken from X-Correlation-Id when it is a safe token,
/// otherwise new), used as TraceIdentifier, echoed in the response and shown on error pages.
/// </summary>
public sealed partial class CorrelationIdMiddleware(RequestDelegate next)
{
    public const string HeaderName = "X-Correlation-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[HeaderName].ToString();
        context.TraceIdentifier = SafeId().IsMatch(incoming) ? incoming : Guid.NewGuid().ToString("N");
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = context.TraceIdentifier;
            return Task.CompletedTask;
        });

        // Every event of the request carries the id, so an error line can be found from the id on the error page.
        using (LogContext.PushProperty("CorrelationId", context.TraceIdentifier))
        {
            await next(context);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9-]{8,64}$")]
    private static partial Regex SafeId();
}
