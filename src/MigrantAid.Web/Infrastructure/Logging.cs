using Serilog;
using Serilog.Formatting.Json;

namespace MigrantAid.Web.Infrastructure;

public static class Logging
{
    /// <summary>
    /// Serilog from configuration ("Serilog" section), writing to the console: JSON in Production
    /// (or when Logging:Format is "json"), text otherwise.
    /// </summary>
    public static void AddPortalLogging(this WebApplicationBuilder builder)
    {
        var format = builder.Configuration["Logging:Format"] ?? (builder.Environment.IsProduction() ? "json" : "text");
        var configuration = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext();
        configuration = string.Equals(format, "json", StringComparison.OrdinalIgnoreCase)
            ? configuration.WriteTo.Console(new JsonFormatter(renderMessage: true))
            : configuration.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");

        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(configuration.CreateLogger(), dispose: true);
    }
}
