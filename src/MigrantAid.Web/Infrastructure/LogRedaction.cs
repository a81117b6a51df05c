using Serilog.Core;
using Serilog.Events;

namespace MigrantAid.Web.Infrastructure;

/// <summary>
/// What the portal never lets into a log, whatever the "Serilog" configuration says: request paths and
/// query strings (a calendar feed's secret address, a client's name searched for or mistyped in a URL).
/// </summary>
public static class LogRedaction
{
    /// <summary>
    /// Removes the properties ASP.NET Core attaches to its events and scopes that carry the raw path or
    /// query (RequestPath on every event of a request, Path and QueryString on "Request starting", ...).
    /// A message whose template names one of them shows the bare name instead of the value.
    /// RequestId goes too: it is the id the server gave before CorrelationId (the one users see) replaced it.
    /// </summary>
    public sealed class RedactedProperties : ILogEventEnricher
    {
        private static readonly string[] Names =
            ["RequestPath", "Path", "PathBase", "QueryString", "RawTarget", "Url", "Uri", "RequestUri", "RedirectUri", "RequestId"];

        public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
        {
            foreach (var name in Names)
            {
                logEvent.RemovePropertyIfPresent(name);
            }
        }
    }

    /// <summary>
    /// Lowest level written for framework categories whose lower-level messages print the path, the
    /// query, route values or action arguments. Configuration can raise these levels, never lower them.
    /// </summary>
    public sealed class LevelFloors : ILogEventFilter
    {
        private static readonly (string Category, LogEventLevel Floor)[] Floors =
        [
            // "Request starting HTTP/1.1 GET http://host/calendar/feed/<token>.ics" and its "finished" twin.
            ("Microsoft.AspNetCore.Hosting.Diagnostics", LogEventLevel.Warning),

            // Every field of the request, query included.
            ("Microsoft.AspNetCore.HttpLogging", LogEventLevel.Warning),

            // "Sending file. Request path: ..."
            ("Microsoft.AspNetCore.StaticFiles", LogEventLevel.Warning),

            // "No candidates found for the request path '...'" (Debug); endpoint names at Information are fine.
            ("Microsoft.AspNetCore.Routing", LogEventLevel.Information),

            // Action arguments and model-bound values (Debug); action names at Information are fine.
            ("Microsoft.AspNetCore.Mvc", LogEventLevel.Information),

            // The request line of a malformed request (Debug).
            ("Microsoft.AspNetCore.Server.Kestrel", LogEventLevel.Information),

            // Outgoing request URIs.
            ("System.Net.Http.HttpClient", LogEventLevel.Warning),
        ];

        public bool IsEnabled(LogEvent logEvent)
        {
            if (logEvent.Properties.GetValueOrDefault(Constants.SourceContextPropertyName) is not ScalarValue { Value: string category })
            {
                return true;
            }

            foreach (var (prefix, floor) in Floors)
            {
                if (category.StartsWith(prefix, StringComparison.Ordinal)
                    && (category.Length == prefix.Length || category[prefix.Length] == '.'))
                {
                    return logEvent.Level >= floor;
                }
            }

            return true;
        }
    }
}
