using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrantAid.Tests.Support;
using MigrantAid.Tools.Generator;
using MigrantAid.Web.Data;

namespace MigrantAid.Tests.Tools;

/// <summary>A portal whose database holds data made by the generator with <paramref name="options"/>, once per test class.</summary>
public abstract class GeneratedDataPortal(GeneratorOptions options) : PortalFactory
{
    public GeneratorReport Report { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Services.CreateAsyncScope();

        // As the owner role, like the generate command (bulk COPY, VACUUM).
        scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.SetConnectionString(OwnerConnectionString);
        await scope.ServiceProvider.GetRequiredService<AdminBootstrapper>().EnsureRolesAsync();
        Report = await new SyntheticDataGenerator(scope.ServiceProvider.GetRequiredService<AppDbContext>(), Clock, TextWriter.Null)
            .RunAsync(options);
    }
}
