using MigrantAid.Tests.Support;

namespace MigrantAid.Tests.Features.Exports;

/// <summary>
/// The portal with the export worker off (tests run it with ProcessNextAsync), exports written to a
/// directory of its own, and batches of two rows so that even a small database takes many batches.
/// </summary>
public sealed class ExportPortal : PortalFactory
{
    public string ExportDirectory { get; } = Path.Combine(Path.GetTempPath(), "migrantaid-exports-" + Guid.NewGuid().ToString("N"));

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Exports:RunInBackground"] = "false",
        ["Exports:Directory"] = ExportDirectory,
        ["Exports:BatchSize"] = "2",
        ["Exports:RetentionDays"] = "7",
    };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(ExportDirectory))
        {
            Directory.Delete(ExportDirectory, recursive: true);
        }
    }
}
