using MigrantAid.Web.Infrastructure;

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

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
