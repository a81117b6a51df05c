using Npgsql;

namespace MigrantAid.Web.Data;

/// <summary>
/// Where reports read (docs/deployment.md, "A reporting replica"). With ConnectionStrings:Reporting set,
/// a data source of its own, typically a PostgreSQL streaming replica, opened read-only
/// (default_transaction_read_only=on, so a mistake can never write through it). Without it, reports read
/// through the primary as every other page does (<see cref="IsSeparate"/> is false).
/// </summary>
public sealed class ReportingDatabase : IAsyncDisposable
{
    public const string ConnectionName = "Reporting";

    public const string DefaultApplicationName = "MigrantAid reporting";

    private readonly string _application;

    private ReportingDatabase(string application, NpgsqlDataSource? separate)
    {
        _application = application;
        DataSource = separate;
    }

    /// <summary>The read-only data source of ConnectionStrings:Reporting; null when reports read through the primary.</summary>
    public NpgsqlDataSource? DataSource { get; }

    public bool IsSeparate => DataSource is not null;

    /// <summary>An open connection for a long read (the organisation export): the reporting one, or a new one to the primary.</summary>
    public async Task<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        if (DataSource is not null)
        {
            return await DataSource.OpenConnectionAsync(cancellationToken);
        }

        var connection = new NpgsqlConnection(_application);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// Reads ConnectionStrings:Reporting. It must name the application role (the Username of
    /// ConnectionStrings:Default): a replica has the primary's roles and rights, and reports need no more.
    /// </summary>
    public static ReportingDatabase From(IConfiguration configuration)
    {
        var application = DatabaseConnections.From(configuration).Application;
        var reporting = configuration.GetConnectionString(ConnectionName);
        if (string.IsNullOrWhiteSpace(reporting))
        {
            return new ReportingDatabase(application, null);
        }

        var builder = new NpgsqlConnectionStringBuilder(reporting);
        var role = new NpgsqlConnectionStringBuilder(application).Username;
        if (!string.Equals(builder.Username ?? "", role ?? "", StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                "ConnectionStrings:Reporting must connect as the application role of ConnectionStrings:Default " +
                "(the same Username); see 'A reporting replica' in docs/deployment.md.");
        }

        return new ReportingDatabase(application, new NpgsqlDataSourceBuilder(ReadOnly(builder)).Build());
    }

    /// <summary>The connection string with every transaction read-only by default, and a name to tell its sessions by.</summary>
    public static string ReadOnly(NpgsqlConnectionStringBuilder builder)
    {
        builder.Options = DatabaseConnections.WithServerSetting(builder.Options, "default_transaction_read_only=on");
        if (string.IsNullOrWhiteSpace(builder.ApplicationName))
        {
            builder.ApplicationName = DefaultApplicationName;
        }

        return builder.ConnectionString;
    }

    public ValueTask DisposeAsync() => DataSource?.DisposeAsync() ?? ValueTask.CompletedTask;
}
