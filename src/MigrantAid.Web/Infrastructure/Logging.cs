using Serilog;
using Serilog.Formatting.Compact;

namespace MigrantAid.Web.Infrastructure;

/// <summary>
/// Serilog through Serilog.AspNetCore: the "Serilog" configuration section, then the portal's own rules
/// (<see cref="LogRedaction"/>), written to the console as compact JSON in Production (or when
/// Logging:Format is "json") and as text otherwise.
/// </summary>
public static class Logging
{
    private const string TextTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>
    /// The static logger until the host's own is built, and for the one line that says why the portal
    /// could not start: always compact JSON, one line per event, so a log collector can read it.
    /// </summary>
    public static Serilog.ILogger CreateBootstrapLogger() => new LoggerConfiguration()
        .MinimumLevel.Information()
        .Enrich.With<LogRedaction.RedactedProperties>()
        .WriteTo.Console(new RenderedCompactJsonFormatter())
        .CreateBootstrapLogger();

    public static void AddPortalLogging(this WebApplicationBuilder builder) =>
        // The host's logger is its own (preserveStaticLogger): tests run several hosts in one process,
        // and the static logger stays the bootstrap one that reports a failed start.
        builder.Services.AddSerilog(
            (services, configuration) => Configure(configuration, services),
            preserveStaticLogger: true);

    private static void Configure(LoggerConfiguration configuration, IServiceProvider services)
    {
        var settings = services.GetRequiredService<IConfiguration>();
        var environment = services.GetRequiredService<IHostEnvironment>();
        configuration
            .ReadFrom.Configuration(settings)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .Enrich.With<LogRedaction.RedactedProperties>()
            .Filter.With<LogRedaction.LevelFloors>();

        var format = settings["Logging:Format"] ?? (environment.IsProduction() ? "json" : "text");
        if (string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            configuration.WriteTo.Console(new RenderedCompactJsonFormatter());
        }
        else
        {
            configuration.WriteTo.Console(outputTemplate: TextTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
