using MigrantAid.Tests.Support;
using MigrantAid.Web.Data;
using Npgsql;

namespace MigrantAid.Tests.Infrastructure.Reporting;

/// <summary>
/// The portal with ConnectionStrings:Reporting pointing at a second database, <see cref="Replica"/>, that
/// stands in for a replica: what a page shows from it cannot have come from the primary, and what is written
/// (audit rows, the export's state) must land in the primary. Same application role, a name of its own, and
/// the export worker off (tests run it).
/// </summary>
public sealed class ReportingPortal : PortalFactory
{
    public const string ApplicationName = "migrantaid-reporting-test";

    /// <summary>The reporting database, with a portal of its own to seed it through the usual builders.</summary>
    public ConfiguredPortal Replica { get; } = new();

    public string ExportDirectory { get; } = Path.Combine(Path.GetTempPath(), "migrantaid-reporting-exports-" + Guid.NewGuid().ToString("N"));

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:" + ReportingDatabase.ConnectionName] =
            new NpgsqlConnectionStringBuilder(Replica.ConnectionString) { ApplicationName = ApplicationName }.ToString(),
        ["Exports:RunInBackground"] = "false",
        ["Exports:Directory"] = ExportDirectory,
    };

    public override async Task InitializeAsync()
    {
        await Replica.InitializeAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Replica.DisposeAsync();
        if (Directory.Exists(ExportDirectory))
        {
            Directory.Delete(ExportDirectory, recursive: true);
        }
    }
}
