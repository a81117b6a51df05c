using MigrantAid.Tests.Support;

namespace MigrantAid.Tests.Features.Exports;

/// <summary>
/// The portal with a small approval size (Exports:ApprovalAboveRows = 2), so that three cases are an export of
/// client data beyond it; the organisation export worker off (tests run it) and writing to a directory of its own.
/// </summary>
public sealed class ApprovalPortal : PortalFactory
{
    public const int Limit = 2;

    public string ExportDirectory { get; } = Path.Combine(Path.GetTempPath(), "migrantaid-approvals-" + Guid.NewGuid().ToString("N"));

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Exports:ApprovalAboveRows"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Exports:RunInBackground"] = "false",
        ["Exports:Directory"] = ExportDirectory,
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
