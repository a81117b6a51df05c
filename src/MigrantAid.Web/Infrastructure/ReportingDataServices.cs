using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Data.Encryption;

namespace MigrantAid.Web.Infrastructure;

/// <summary>
/// The reporting reads (<see cref="ReportingDatabase"/>, <see cref="ReportingDbContext"/>). With
/// ConnectionStrings:Reporting, the context reads through its read-only data source; without it, through the
/// request's own primary connection (the <see cref="AppDbContext"/>'s, so no second connection is taken).
/// </summary>
public static partial class ReportingDataServices
{
    public static IServiceCollection AddReportingReads(this IServiceCollection services)
    {
        services.AddSingleton(sp => ReportingDatabase.From(sp.GetRequiredService<IConfiguration>()));
        services.AddDbContext<ReportingDbContext>((sp, o) =>
        {
            if (sp.GetRequiredService<ReportingDatabase>().DataSource is { } reporting)
            {
                o.UseNpgsql(reporting);
            }
            else
            {
                o.UseNpgsql(sp.GetRequiredService<AppDbContext>().Database.GetDbConnection());
            }

            PortalDataServices.QuietAboutBoundedReads(o).UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
                .UseFieldCipher(sp.GetRequiredService<FieldCipher>());
        });
        services.AddHostedService<ReportingStartCheck>();
        return services;
    }

    /// <summary>Reads the setting at start, so a wrong role stops the start rather than the first report; says where reports read.</summary>
    private sealed partial class ReportingStartCheck(ReportingDatabase reporting, ILogger<ReportingDatabase> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (reporting.DataSource is { } source)
            {
                var target = new Npgsql.NpgsqlConnectionStringBuilder(source.ConnectionString);
                LogSeparate(logger, target.Host ?? "", target.Port);
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Information, Message =
            "Dashboard, statistics, reports and the organisation export read through ConnectionStrings:Reporting ({Host}:{Port}), read-only")]
        private static partial void LogSeparate(ILogger logger, string host, int port);
    }
}
