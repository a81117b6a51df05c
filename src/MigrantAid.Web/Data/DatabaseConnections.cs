using Npgsql;

namespace MigrantAid.Web.Data;

/// <summary>
/// The portal's two database connections (docs/adr/0010-database-roles.md). <see cref="Application"/>
/// (ConnectionStrings:Default) is the application role the portal serves requests as: neither superuser
/// nor owner, with only the rights <see cref="DatabaseGrants"/> gives it. <see cref="Migrations"/>
/// (ConnectionStrings:Migrations) is the owner role that applies migrations and runs the bulk commands
/// (generate, benchmark). Without ConnectionStrings:Migrations both are the same role: a single-role
/// development setup only.
/// </summary>
public sealed partial class DatabaseConnections(string application, string migrations, bool reusePlans = true)
{
    public string Application { get; } = application;

    /// <summary>The application connection as requests use it, in its two pools (<see cref="PlanReuse"/>).</summary>
    public PlanReuse.Pools Requests { get; } = PlanReuse.Configure(application, reusePlans);

    public string Migrations { get; } = migrations;

    /// <summary>True when the portal would serve as the role that migrates (no separate application role to grant to).</summary>
    public bool SingleRole => ApplicationRole is null;

    /// <summary>The role to grant the portal's rights to: the Username of the application connection, unless both are one role.</summary>
    public string? ApplicationRole =>
        new NpgsqlConnectionStringBuilder(Application).Username is { Length: > 0 } user
        && !string.Equals(user, new NpgsqlConnectionStringBuilder(Migrations).Username, StringComparison.Ordinal)
            ? user
            : null;

    /// <summary>Migrates as the owner; reads readiness and grants as and to the application role.</summary>
    public MigrationRunner Runner(ILogger<MigrationRunner> logger) =>
        new(Migrations, logger, applicationConnectionString: Application);

    public static DatabaseConnections From(IConfiguration configuration)
    {
        var application = configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(application))
        {
            throw new InvalidOperationException("No database configured: set ConnectionStrings__Default (see README, Configuration).");
        }

        var migrations = configuration.GetConnectionString("Migrations");
        return new DatabaseConnections(
            application, string.IsNullOrWhiteSpace(migrations) ? application : migrations, configuration.GetValue(PlanReuse.SettingKey, true));
    }

    /// <summary>A connection string's <c>Options</c> with one more server setting (<c>name=value</c>) after the operator's own.</summary>
    internal static string WithServerSetting(string? options, string setting) =>
        string.Join(' ', new[] { options, "-c " + setting }.Where(o => !string.IsNullOrWhiteSpace(o)));

    /// <summary>Outside Development, says that one role both owns the schema and serves requests.</summary>
    public void WarnIfSingleRole(ILogger logger, IHostEnvironment environment)
    {
        if (SingleRole && !environment.IsDevelopment())
        {
            LogSingleRole(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "ConnectionStrings:Migrations is not set: the portal migrates and serves requests as one database role. " +
        "This is for a single-role development setup only; see 'Database roles' in docs/deployment.md")]
    private static partial void LogSingleRole(ILogger logger);
}
