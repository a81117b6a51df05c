using MigrantAid.Tests.Support;
using Xunit.Abstractions;

namespace MigrantAid.Tests.Security;

/// <summary>
/// The portal's endpoints, read from the running app, against <see cref="EndpointInventory"/>: a new
/// endpoint without a line, a line for an endpoint that is gone, or an endpoint whose effective
/// authorization differs from its line fails here, with the line to write.
/// </summary>
public class EndpointInventoryTests(PortalFactory portal, ITestOutputHelper output) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Every_endpoint_has_an_inventory_entry()
    {
        var endpoints = await PortalEndpoints.ReadAsync(portal.Services);

        var missing = endpoints.Where(e => !EndpointInventory.Entries.ContainsKey(e.Key)).ToList();

        missing.Select(e => $"[\"{e.Key}\"] = {e.Access.ToCode()},").Should().BeEmpty(
            "every endpoint needs one line in Security/EndpointInventory.cs saying who may call it (its current access is shown)");
        output.WriteLine($"{endpoints.Count} endpoints, all in the inventory.");
    }

    [Fact]
    public async Task Every_inventory_entry_names_an_endpoint_that_exists()
    {
        var keys = (await PortalEndpoints.ReadAsync(portal.Services)).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);

        EndpointInventory.Entries.Keys.Where(k => !keys.Contains(k)).Should().BeEmpty(
            "an inventory line whose endpoint was removed or renamed must go (or be renamed with it)");
    }

    [Fact]
    public async Task Every_endpoint_requires_what_the_inventory_says()
    {
        var endpoints = await PortalEndpoints.ReadAsync(portal.Services);

        var differing = endpoints
            .Where(e => EndpointInventory.Entries.TryGetValue(e.Key, out var expected) && !expected.SameAccessAs(e.Access))
            .Select(e => $"{e.Key}: the inventory says \"{EndpointInventory.Entries[e.Key]}\", the portal requires \"{e.Access}\"")
            .ToList();

        differing.Should().BeEmpty("the [Authorize]/[AllowAnonymous] attributes and the fallback policy decide this; change the code or the inventory knowingly");
        endpoints.Should().Contain(e => e.Access.IsAnonymous, "the check can tell anonymous endpoints apart")
            .And.Contain(e => e.Access.SameAccessAs(EndpointAccess.SignedIn), "the fallback policy (a signed-in user) is read");
    }

    [Fact]
    public async Task Anonymous_endpoints_are_few_and_each_has_a_written_reason()
    {
        var anonymous = (await PortalEndpoints.ReadAsync(portal.Services)).Where(e => e.Access.IsAnonymous).ToList();

        anonymous.Should().OnlyContain(e => EndpointInventory.Entries.ContainsKey(e.Key)
            && !string.IsNullOrWhiteSpace(EndpointInventory.Entries[e.Key].AnonymousReason));
        foreach (var endpoint in anonymous)
        {
            output.WriteLine($"{endpoint.Key}: {EndpointInventory.Entries[endpoint.Key].AnonymousReason}");
        }
    }

    [Fact]
    public async Task An_endpoint_that_opts_out_of_antiforgery_has_a_written_reason()
    {
        var optedOut = (await PortalEndpoints.ReadAsync(portal.Services)).Where(e => e.IsUnsafe && e.IgnoresAntiforgery).ToList();

        optedOut.Should().NotBeEmpty("the error pages opt out, so the check can see an opt-out");
        optedOut.Where(e => EndpointInventory.Entries.GetValueOrDefault(e.Key)?.NoAntiforgeryReason is null).Select(e => e.Key)
            .Should().BeEmpty("[IgnoreAntiforgeryToken] must be explained in the inventory with .WithoutAntiforgery(reason)");
    }
}
