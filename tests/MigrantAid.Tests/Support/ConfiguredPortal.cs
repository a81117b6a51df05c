namespace MigrantAid.Tests.Support;

/// <summary>
/// A portal with settings of its own, on a new database or, given <paramref name="sharedConnectionString"/>,
/// on another portal's database (a second instance behind the same load balancer). A shared database is
/// left for its owner to drop. Start one inside a test with InitializeAsync and end it with DisposeAsync.
/// </summary>
public class ConfiguredPortal(IDictionary<string, string?>? settings = null, string? sharedConnectionString = null) : PortalFactory
{
    protected override IDictionary<string, string?> Settings => settings ?? new Dictionary<string, string?>();

    public override async Task InitializeAsync()
    {
        if (sharedConnectionString is null)
        {
            await base.InitializeAsync();
        }
        else
        {
            ConnectionString = sharedConnectionString;
        }
    }

    public override async Task DisposeAsync()
    {
        if (sharedConnectionString is null)
        {
            await base.DisposeAsync();
        }
        else
        {
            // Stops this instance only (WebApplicationFactory's own DisposeAsync); the database belongs to its owner.
            await ((IAsyncDisposable)this).DisposeAsync();
        }
    }
}
