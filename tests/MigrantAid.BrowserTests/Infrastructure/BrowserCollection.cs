namespace MigrantAid.BrowserTests.Infrastructure;

/// <summary>All browser tests share one portal and one Chromium: starting them is the slow part.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserPortal>
{
    public const string Name = "Browser";
}
