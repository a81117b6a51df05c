using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MigrantAid.Web.Data;

namespace MigrantAid.Tests.Support;

/// <summary>
/// The portal with a <see cref="StatementCounter"/> on its DbContext: a test can count what a request sends to
/// PostgreSQL (<see cref="CountAsync"/>), not how long it takes.
/// </summary>
public class CountingPortal : PortalFactory
{
    private readonly StatementCounter _counter = new();

    /// <summary>Sends <paramref name="send"/>'s request marked for counting.</summary>
    public static Task<(HttpResponseMessage Response, RequestStatements Statements)> CountAsync(HttpClient client, Func<HttpClient, Task<HttpResponseMessage>> send) =>
        StatementCounter.CountAsync(client, send);

    /// <summary>GETs <paramref name="url"/> marked for counting.</summary>
    public static Task<(HttpResponseMessage Response, RequestStatements Statements)> CountGetAsync(HttpClient client, string url) =>
        StatementCounter.CountAsync(client, c => c.GetAsync(url));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureDbContext<AppDbContext>((_, o) => o.AddInterceptors(_counter)));
    }
}
