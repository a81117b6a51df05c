using MigrantAid.Web.Features.Shared;

namespace MigrantAid.Web.Infrastructure.Failure;

/// <summary>
/// Answers 503 with a localized page and Retry-After, instead of a 500, while PostgreSQL cannot be reached:
/// every page while the start-up work still waits for the database, and any request whose handling failed
/// on a connection to it (<see cref="DatabaseOutage"/>), wherever that happened after this middleware
/// (a handler, the sign-in cookie's checks, a view). Health probes and static files are never held back.
/// </summary>
public sealed partial class DatabaseOutageMiddleware(RequestDelegate next, PortalStartup startup, ILogger<DatabaseOutageMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (startup.IsWaitingForDatabase && !FailurePages.IsExempt(context))
        {
            await RespondAsync(context);
            return;
        }

        try
        {
            await next(context);
        }
        catch (Exception e) when (DatabaseOutage.IsOutage(e) && !context.Response.HasStarted)
        {
            // The type only: the message of a driver error can quote the statement or its values.
            LogOutage(logger, e.GetType().FullName ?? e.GetType().Name);
            context.Response.Clear();
            await RespondAsync(context);
        }
    }

    private static Task RespondAsync(HttpContext context)
    {
        context.Response.Headers.RetryAfter = FailurePages.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";
        return FailurePages.RenderAsync(context, StatusCodes.Status503ServiceUnavailable, "Unavailable",
            new ErrorModel(StatusCodes.Status503ServiceUnavailable, context.TraceIdentifier));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database could not be reached ({ExceptionType}): answered 503")]
    private static partial void LogOutage(ILogger logger, string exceptionType);
}
