using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MigrantAid.Web.Data;
using MigrantAid.Web.Data.Demo;
using MigrantAid.Web.Data.Encryption;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Infrastructure;

/// <summary>The database of the portal: its context, its two connections (owner and application), migrations, and what writes through them.</summary>
public static class PortalDataServices
{
    public static IServiceCollection AddPortalData(this IServiceCollection services)
    {
        // The connection string is read when first needed, so hosts (tests, commands) can supply it late; requests
        // reuse prepared statements (Data/PlanReuse.cs); RequestConnectionMiddleware picks the pool. Contexts are
        // pooled (ADR 0026): a request takes a reset one instead of building its services anew.
        services.AddDbContextPool<AppDbContext>(
            (sp, o) => QuietAboutBoundedReads(o.UseNpgsql(sp.GetRequiredService<DatabaseConnections>().Requests.Custom))
                .UseFieldCipher(sp.GetRequiredService<FieldCipher>()));
        services.AddSingleton(sp => DatabaseConnections.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp => sp.GetRequiredService<DatabaseConnections>().Runner(sp.GetRequiredService<ILogger<MigrationRunner>>()));
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<IDeadlineTriggers, DeadlineTriggers>();
        services.AddSingleton(FieldCipherOf);
        return services;
    }

    /// <summary>
    /// The field cipher, its key-encryption key read on first use. A development portal without one configured makes
    /// its own (App_Data/field-encryption.dev.key, never committed); anywhere else a missing key stops the start.
    /// </summary>
    private static FieldCipher FieldCipherOf(IServiceProvider services)
    {
        var environment = services.GetRequiredService<IHostEnvironment>();
        var developmentKeyFile = environment.IsDevelopment() ? Path.Combine(environment.ContentRootPath, "App_Data", "field-encryption.dev.key") : null;
        return new FieldCipher(
            () => KeyEncryptionKey.FromConfiguration(services.GetRequiredService<IConfiguration>(), developmentKeyFile),
            () => services.GetRequiredService<DatabaseConnections>().Application);
    }

    /// <summary>The demo data (never in Production) and the first administrator.</summary>
    public static IServiceCollection AddPortalSeeding(this IServiceCollection services)
    {
        services.AddScoped<DemoSeeder>();
        services.AddScoped<AdminBootstrapper>();
        return services;
    }

    /// <summary>
    /// The lists' bounded counts (<c>count(*) FROM (… LIMIT cap + 1)</c>) and the name search's probe read "any N rows"
    /// on purpose, unordered so that PostgreSQL may stop early: EF Core's warning about a limit without an order
    /// would otherwise be logged on every list page.
    /// </summary>
    internal static DbContextOptionsBuilder QuietAboutBoundedReads(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Ignore(CoreEventId.RowLimitingOperationWithoutOrderByWarning));
}
