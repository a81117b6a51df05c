using MigrantAid.Web.Infrastructure;
using Serilog;

// Until the host's logger exists, and for a failed start: one JSON line on the console.
Log.Logger = Logging.CreateBootstrapLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddPortalLogging();
    builder.AddPortal();

    var app = builder.Build();
    app.UsePortal();

    if (Commands.IsCommand(args))
    {
        return await Commands.RunAsync(app, args);
    }

    await StartupTasks.RunAsync(app);
    await app.RunAsync();
    return 0;
}
catch (Exception exception) when (exception is not HostAbortedException)
{
    // HostAbortedException is a test host stopping Program once it has the built application.
    Log.Fatal(exception, "The portal could not start or stopped on an error");

    // Run on its own, the JSON line and the exit code are the whole report. Run by another program's entry
    // point (the integration tests' WebApplicationFactory), the exception goes on so that host sees it.
    if (System.Reflection.Assembly.GetEntryAssembly() != typeof(Program).Assembly)
    {
        throw;
    }

    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
