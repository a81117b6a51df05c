using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using MigrantAid.Tools.Benchmark;
using MigrantAid.Web.Data;
using MigrantAid.Web.Infrastructure;

namespace MigrantAid.Tools;

/// <summary>
/// The portal's own host, built but never started: its configuration (the appsettings files copied beside
/// this program, environment variables, user secrets in Development), its logging and its service
/// registration (<see cref="PortalServices.AddPortal"/>), so the tools call the very handlers the pages call.
/// Two differences: the database context connects as the owner role (bulk COPY, VACUUM and index rebuilds
/// need it; ConnectionStrings:Migrations, which is ConnectionStrings:Default when unset), and it carries
/// the benchmark's <see cref="CommandCapture"/>.
/// </summary>
public static class ToolHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(PortalServices).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });

        // EF's warnings about the shape of the portal's own queries belong in the portal's logs; here they
        // would only break up the table the benchmark prints.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore.Query"] = "Error",
        });
        builder.AddPortalLogging();
        builder.AddPortal();
        builder.Services.AddSingleton<CommandCapture>();
        builder.Services.ConfigureDbContext<AppDbContext>((services, options) => options
            .UseNpgsql(services.GetRequiredService<DatabaseConnections>().Migrations)
            .AddInterceptors(services.GetRequiredService<CommandCapture>()));
        return builder.Build();
    }
}
