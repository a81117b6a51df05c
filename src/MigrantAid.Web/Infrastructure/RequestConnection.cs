using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;

namespace MigrantAid.Web.Infrastructure;

/// <summary>
/// One database connection per request (issue 14). EF Core opens and closes its connection around every query when
/// nobody opened it; each reopen of a pooled connection makes Npgsql reset it (<c>DISCARD ALL</c>) before the next
/// statement, nearly doubling the statements of a page. For a controller action, this opens the request's
/// <see cref="AppDbContext"/> connection once, before authentication reads the session, and closes it when the
/// response is written (views and view components query while rendering). EF keeps a connection that was opened
/// for it open across queries, SaveChanges and transactions; the pool still resets it once, between requests.
/// Static files and health probes never touch it. The unfiltered GETs of actions marked <see cref="ReusePlansAttribute"/>
/// open it from the pool whose statements may take generic plans (docs/adr/0025-plan-reuse.md).
/// </summary>
public sealed class RequestConnectionMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<ControllerActionDescriptor>() is null)
        {
            await next(context);
            return;
        }

        // Set on every request: a pooled context keeps the connection string of the request before.
        var database = context.RequestServices.GetRequiredService<AppDbContext>().Database;
        var pools = context.RequestServices.GetRequiredService<DatabaseConnections>().Requests;
        var connectionString = ReusePlansAttribute.Applies(context) && pools.Generic is { } generic ? generic : pools.Custom;
        if (database.GetConnectionString() != connectionString)
        {
            database.SetConnectionString(connectionString);
        }

        await database.OpenConnectionAsync(context.RequestAborted);
        try
        {
            await next(context);
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }
}

public static class RequestConnection
{
    /// <summary>Place after routing (it needs the endpoint) and before authentication (which reads the session).</summary>
    public static IApplicationBuilder UseRequestConnection(this IApplicationBuilder app) => app.UseMiddleware<RequestConnectionMiddleware>();
}
